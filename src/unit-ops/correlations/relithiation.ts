/**
 * Shared plumbing of the relithiation unit operations (hydrothermal, redox-mediated, molten salt,
 * solid state, electrochemical): the kinetic and lot-factor parameters every route exposes, the charge
 * of a wet batch (lots, temperature, LiOH make-up), the per-lot relithiation arithmetic (TM moles
 * conserved, O fixed per TM, uptake scaled when the Li runs short), the autoclave saturation pressure
 * (IAPWS-IF97), the pressure-vessel cost factor, liquor densities, and the batch bookkeeping that turns
 * per-batch energy into kW. The chemistry of each route is in `mechanisms/`.
 */
import { z } from 'zod';
import { quantity, described } from '../../schema/param.js';
import { component } from '../../chemistry/components.js';
import type { CathodeFamily } from '../../chemistry/cathode.js';
import { frameMass } from './finishing.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../../chemistry/elements.js';
import { rateAt, lotRateMultiplier, DEFAULT_LOT_FACTORS, type ArrheniusRate, type LotRateFactors } from './mechanisms/kinetics.js';
import type { Lot } from '../../streams/lot.js';
import { copyFlows, heatCapacityFlow_W_per_K, mixStreams, type Stream } from '../../streams/stream.js';
import { rowsOf, RowStream, type LotCursor } from '../../streams/row-stream.js';
import { metricNames, type CostCorrelation, type CycleTime, type Diagnostic, type EquipmentSpec } from '../contract.js';
import { itemNames, sensibleKw, wallLossKw, cylinderSurfaceM2, type EnergyLedger } from './energy.js';
import { RATE_PER_H, activationEnergyParam, referenceTemperatureParam, withCeiling } from './limits.js';
import { msg } from '../../schema/messages.js';

/** A batch vessel's wall-loss item name per vessel name, made once (every sample runs the vessel). */
const WALL_LOSSES = itemNames('', ' wall losses');

// ---------------------------------------------------------------- molar masses (kg/kmol)

/** Molar masses of the species the relithiation routes use, kg/kmol (from the registry formulas). */
export const MW = {
  LiOH: component('LiOH').molarMass_g_per_mol,
  LiOH_H2O: component('LiOH·H2O').molarMass_g_per_mol,
  H2O: component('H2O').molarMass_g_per_mol,
  O2: component('O2').molarMass_g_per_mol,
  KOH: component('KOH').molarMass_g_per_mol,
  Li2CO3: component('Li2CO3').molarMass_g_per_mol,
  CO2: component('CO2').molarMass_g_per_mol,
};

/** Faraday constant, C/mol (CODATA 2018, exact). */
export const FARADAY = 96485.33212;

// ---------------------------------------------------------------- parameters shared by the routes

const FAMILIES = ['layered', 'spinel', 'olivine'] as const satisfies readonly CathodeFamily[];

/** Which lot families a route treats (others pass unchanged). */
export function treatedFamiliesParam() {
  return described(z.array(z.enum(FAMILIES)).min(1).default(['layered']), {
    description: 'lot families the route relithiates (layered = NCM, NCA, LCO); lots of other families pass unchanged',
    source: 'assumption: the review treats layered NCM/LCO relithiation; LFP and LMO need other chemistry (reductants, spinel targets)',
  });
}

/**
 * Parameters of the lot factors (mechanisms/kinetics.ts lotRateMultiplier) with a route's defaults;
 * `name` is the constant they come from (e.g. "mechanisms/hydrothermal.ts HYDROTHERMAL_LOT_FACTORS").
 */
export function lotFactorParams(f: LotRateFactors = DEFAULT_LOT_FACTORS, name = 'mechanisms/kinetics.ts DEFAULT_LOT_FACTORS') {
  const lots = `correlations/${name} (assumption: diffusion length, crack surface, single-crystal grains, Ni-rich Li/Ni mixing; see its comment)`;
  return {
    d50Ref: quantity('um', { description: 'particle size (D50) at which the lot size factor is 1', default: f.d50Ref_um, above: 0, max: 500, source: `${lots}; max 500 µm, the range of a lot's D50` }),
    sizeExponent: quantity('', { description: 'exponent n of the size factor (d50Ref / d50)^n: 2 when the diffusion length is the particle, ≈0 when it is the grain', default: f.sizeExponent, min: 0, max: 4, source: lots }),
    crackBoost: quantity('', { description: 'rate gain per unit crack fraction: factor 1 + crackBoost·crackFraction', default: f.crackBoost, min: 0, max: 20, source: `${lots}; max 20 (a fully cracked lot 21× as fast): plausibility ceiling, 10× the largest default` }),
    singleCrystalFactor: quantity('', { description: 'rate multiplier of single-crystal lots', default: f.singleCrystalFactor, above: 0, max: 10, source: `${lots}; max 10: plausibility ceiling — single crystals repair slower (defaults 0.25–0.5), not 10× faster` }),
    nickelPenalty: quantity('', { description: 'rate penalty per unit Ni fraction above 0.6: factor exp(−nickelPenalty·(x_Ni − 0.6))', default: f.nickelPenalty, min: 0, max: 30, source: `${lots}; max 30 (Ni90 at e^−9 of the rate): plausibility ceiling, 10× the default` }),
  };
}

/**
 * Kinetic parameters of a route: Arrhenius rate constant at a reference temperature, activation
 * energy, and the route's lot factors. `name` and `factorsName` are the constants they default to.
 */
export function kineticParams(rate: ArrheniusRate, name: string, factors: LotRateFactors = DEFAULT_LOT_FACTORS, factorsName?: string) {
  const src = `correlations/${name} (assumption calibrated to review Table 1; see its comment)`;
  return {
    rateConstant: quantity('1/h', { description: 'first-order relithiation rate constant at the reference temperature', default: rate.kRef_per_h, above: 0, max: RATE_PER_H.max, source: withCeiling(src, RATE_PER_H) }),
    rateReferenceTemperature: referenceTemperatureParam('temperature at which rateConstant applies', `${Number((rate.tRef_K - 273.15).toFixed(2))} degC`, src),
    activationEnergy: activationEnergyParam('Arrhenius activation energy of the relithiation rate', `${rate.ea_J_per_mol / 1000} kJ/mol`, src),
    ...lotFactorParams(factors, factorsName),
  };
}

/** Parsed lot-factor parameters. */
export interface LotFactorParams {
  d50Ref: number;
  sizeExponent: number;
  crackBoost: number;
  singleCrystalFactor: number;
  nickelPenalty: number;
}

/** Parsed kinetic parameters (the output of kineticParams' schemas). */
export interface KineticParams extends LotFactorParams {
  rateConstant: number;
  rateReferenceTemperature: number;
  activationEnergy: number;
}

/** The Arrhenius rate the parameters describe. */
export function rateOf(p: KineticParams): ArrheniusRate {
  return { kRef_per_h: p.rateConstant, tRef_K: p.rateReferenceTemperature, ea_J_per_mol: p.activationEnergy };
}

/** The lot factors the parameters describe. */
export function lotFactorsOf(p: LotFactorParams): LotRateFactors {
  return { d50Ref_um: p.d50Ref, sizeExponent: p.sizeExponent, crackBoost: p.crackBoost, singleCrystalFactor: p.singleCrystalFactor, nickelPenalty: p.nickelPenalty };
}

/** Route rate constant (1/h) at temperature T before lot factors, and the lot factors (once per run). */
export function routeKinetics(p: KineticParams, tK: number): { k_per_h: number; factors: LotRateFactors } {
  return { k_per_h: rateAt(rateOf(p), tK), factors: lotFactorsOf(p) };
}

/** Rate constant (1/h) of one lot: route rate × lot multiplier (mechanisms/kinetics.ts lotRateMultiplier). */
export function lotRate(k_per_h: number, factors: LotRateFactors, lot: Lot): number {
  return k_per_h * lotRateMultiplier(lot, factors);
}

/** TM kmol/h of a lot (the frame molar mass cached per chemistry object, finishing.ts frameMass: this runs per lot per iteration). */
export function tmKmolPerHour(lot: Lot): number {
  return lot.massKgPerHour / (lot.liPerTm * ATOMIC_WEIGHT_G_PER_MOL.Li + frameMass(lot.chemistry));
}

/**
 * The mass flow of `lot` moved to Li/TM = r, given its TM kmol/h `nTm`, kg/h (TM moles conserved;
 * the molar mass per TM is linear in r, so the mass changes by nTm·(r − r0)·M_Li).
 */
export function movedMass(lot: Lot, r: number, nTm: number): number {
  return lot.massKgPerHour + nTm * (r - lot.liPerTm) * ATOMIC_WEIGHT_G_PER_MOL.Li;
}

// ---------------------------------------------------------------- the charge of a batch

/**
 * The inlets of a wet or molten batch: feed and recycle streams, and their components with LiOH·H2O
 * split into LiOH + H2O (the lots: chargeRows). Read only: a record without hydrate is the inlet's
 * own (dehydrating it changes nothing), not a copy of it — the hydrothermal route runs twice per
 * Monte Carlo sample, and neither of its inlets holds hydrate.
 */
export function batchComponents(inlets: Record<string, Stream>, ambientK: number): { feed: Stream; rec: Stream; feedC: Readonly<Record<string, number>>; recC: Readonly<Record<string, number>> } {
  const feed = inlets.feed ?? { components: {}, lots: [], temperatureK: ambientK };
  const rec = inlets.recycle ?? { components: {}, lots: [], temperatureK: ambientK };
  return { feed, rec, feedC: dehydrated(feed.components), recC: dehydrated(rec.components) };
}

/** `c` with LiOH·H2O split into LiOH + H2O (dehydrateLiOH of a copy); `c` itself when it holds none. */
function dehydrated(c: Readonly<Record<string, number>>): Readonly<Record<string, number>> {
  if (!c['LiOH·H2O']) return c;
  const out = copyFlows(c);
  dehydrateLiOH(out);
  return out;
}

/** The lots of a charge as rows (row-stream.ts): the feed's own rows when the recycle brings no lots, else rows of chargeLots. */
export function chargeRows(feed: Stream, rec: Stream): RowStream {
  if (rec.lots.length === 0) return rowsOf(feed);
  return rowsOf({ components: {}, lots: chargeLots(feed, rec), temperatureK: feed.temperatureK });
}

/** The lots of a charge: the feed's, plus any the recycle brings back (same-id parts merge). */
export function chargeLots(feed: Stream, rec: Stream): Lot[] {
  if (rec.lots.length === 0) return feed.lots;
  return mixStreams([{ components: {}, lots: feed.lots, temperatureK: feed.temperatureK }, { components: {}, lots: rec.lots, temperatureK: rec.temperatureK }]).lots;
}

/** Temperature of a charge mixed from feed, recycle and make-up drawn at ambient (heat-capacity weighted), K. */
export function chargeTemperature(feed: Stream, rec: Stream, draws: Record<string, number>, ambientK: number): number {
  const hcFeed = heatCapacityFlow_W_per_K(feed);
  const hcRec = heatCapacityFlow_W_per_K(rec);
  const hcMake = heatCapacityFlow_W_per_K({ components: draws, lots: [], temperatureK: ambientK });
  const hcAll = hcFeed + hcRec + hcMake;
  return hcAll > 0 ? (hcFeed * feed.temperatureK + hcRec * rec.temperatureK + hcMake * ambientK) / hcAll : ambientK;
}

/**
 * Draw `kg` of fresh LiOH in the traded form (LiOH·H2O by default) into `draws`; returns the hydrate
 * water (kg/h) it brings, which joins the charge.
 */
export function drawLiOH(kg: number, form: 'LiOH·H2O' | 'LiOH', draws: Record<string, number>): number {
  if (!(kg > 0)) return 0;
  if (form === 'LiOH') {
    if (kg !== 0) draws.LiOH = (draws.LiOH ?? 0) + kg;
    return 0;
  }
  const kmol = kg / MW.LiOH;
  // Entries of a fixed name are added where they are made (addKg written out: `if (kg !== 0) rec.X = (rec.X ?? 0) + kg`):
  // addKg's keyed store, shared by every caller, is megamorphic; a named one at its own site is not (issue 19).
  const hydrateKg = kmol * MW.LiOH_H2O;
  if (hydrateKg !== 0) draws['LiOH·H2O'] = (draws['LiOH·H2O'] ?? 0) + hydrateKg;
  return kmol * MW.H2O;
}

/**
 * The share of every lot's Li uptake the medium can supply: 1, or — when it holds less Li
 * (`liAvailKmol`) than the lots would take (`demand`, kmol/h) — the ratio, with a warning.
 */
function uptakeScale(demand: number, liAvailKmol: number, where: string, text: { holds: string; fix: string }, diagnostics: Diagnostic[]): number {
  if (!(demand > liAvailKmol)) return 1;
  const scale = demand > 0 ? Math.max(0, liAvailKmol) / demand : 1;
  diagnostics.push({ code: 'lithium-limited', severity: 'warning', where, message: msg.lithiumLimited(text.holds, liAvailKmol.toPrecision(4), demand.toPrecision(4), scale.toPrecision(4), text.fix) });
  return scale;
}

/**
 * Move every lot of a charge of rows (read through `lot`, a cursor over `charge`) toward its target
 * Li/TM (`rTarget[i]`, equal to the lot's own for lots left alone), TM moles conserved. When the Li
 * the medium holds (`medium.liAvailKmol`) is less than the lots would take, every lot's uptake is
 * scaled down alike and a warning says what holds too little and what to do. Returns the
 * relithiated lots as rows of the same lots with their new Li/TM and mass (movedMass) at
 * `temperatureK`, the Li inserted (kmol/h, Σ n_TM·Δr), their mass and the Li/TM range of the lots
 * that changed (±Infinity when none did).
 */
export function relithiateRows(charge: RowStream, lot: LotCursor, rTarget: ArrayLike<number>, nTm: ArrayLike<number>, temperatureK: number, medium: { liAvailKmol: number; where: string; text: { holds: string; fix: string }; diagnostics: Diagnostic[] }): { solids: RowStream; xi: number; lotsOutKg: number; rMin: number; rMax: number } {
  const { liAvailKmol, where, text, diagnostics } = medium;
  const n = charge.n;
  let demand = 0;
  for (let i = 0; i < n; i++) demand += nTm[i]! * (rTarget[i]! - lot.at(i).liPerTm);
  const scale = uptakeScale(demand, liAvailKmol, where, text, diagnostics);
  const solids = charge.derived(temperatureK);
  const li = new Array<number>(n);
  let xi = 0;
  let lotsOutKg = 0;
  let rMin = Infinity;
  let rMax = -Infinity;
  for (let i = 0; i < n; i++) {
    lot.at(i);
    const r0 = lot.liPerTm;
    const m0 = lot.massKgPerHour;
    const r = r0 + (rTarget[i]! - r0) * scale;
    let m = m0; // unchanged: the same Li/TM and mass
    if (r !== r0) {
      xi += nTm[i]! * (r - r0);
      m = movedMass(lot, r, nTm[i]!); // withLiPerTm's
      if (r < rMin) rMin = r;
      if (r > rMax) rMax = r;
    }
    solids.mass[i] = m;
    li[i] = r;
    lotsOutKg += m;
  }
  solids.overLiPerTm = li;
  return { solids, xi, lotsOutKg, rMin, rMax };
}

/** Metric names of make-up and recycled reagents per kg of CAM. */
export const MAKE_UP = metricNames('makeUp_', '_kg_per_kg_cam');
const RECYCLED = metricNames('recycled_', '_kg_per_kg_cam');

/** Metrics every relithiation unit reports: make-up and recycled reagents per kg CAM, Li/TM range. */
export function reagentMetrics(metrics: Record<string, number>, draws: Record<string, number>, recycled: Record<string, number>, cam: number, r: { rMin: number; rMax: number }): Record<string, number> {
  const perKg = cam > 0 ? 1 / cam : 0;
  for (const id in draws) metrics[MAKE_UP(id)] = draws[id]! * perKg;
  for (const id in recycled) metrics[RECYCLED(id)] = recycled[id]! * perKg;
  if (r.rMin !== Infinity) { metrics.liPerTmMin = r.rMin; metrics.liPerTmMax = r.rMax; }
  return metrics;
}

// ---------------------------------------------------------------- streams

/** Add `kg` of component `id` to a record (mutates). */
export function add(rec: Record<string, number>, id: string, kg: number): void {
  if (kg !== 0) rec[id] = (rec[id] ?? 0) + kg;
}

/**
 * Take `demand` kg of `id` from what the inlets bring: the recycle inlet first (reported as
 * recycled), then the feed, then fresh make-up. Returns the make-up needed (kg/h).
 */
export function supply(id: string, demand: number, fromRecycle: number, fromFeed: number, recycled: Record<string, number>): number {
  const r = Math.min(fromRecycle, demand);
  if (r > 0) recycled[id] = (recycled[id] ?? 0) + r;
  return Math.max(0, demand - r - fromFeed);
}

/** Replace LiOH·H2O in a component record by the LiOH + H2O it dissolves/dehydrates into (mutates). */
export function dehydrateLiOH(c: Record<string, number>): void {
  const h = c['LiOH·H2O'];
  if (!h) return;
  const kmol = h / MW.LiOH_H2O;
  c['LiOH·H2O'] = 0;
  const liohKg = kmol * MW.LiOH;
  if (liohKg !== 0) c.LiOH = (c.LiOH ?? 0) + liohKg;
  const waterKg = kmol * MW.H2O;
  if (waterKg !== 0) c.H2O = (c.H2O ?? 0) + waterKg;
}

const GAS = new Map<string, boolean>();

/** True when a registry component is a gas (cached: runs per component per iteration). */
export function isGas(id: string): boolean {
  let g = GAS.get(id);
  if (g === undefined) {
    g = component(id).phase === 'gas';
    GAS.set(id, g);
  }
  return g;
}

/**
 * A classifier of the components that stay in an aqueous liquor: the listed dissolved species plus
 * every liquid or aqueous registry component (cached per id).
 */
export function liquorClassifier(dissolved: readonly string[]): (id: string) => boolean {
  const cache = new Map<string, boolean>();
  const set = new Set(dissolved);
  return (id) => {
    let v = cache.get(id);
    if (v === undefined) {
      const ph = component(id).phase;
      v = set.has(id) || ph === 'liquid' || ph === 'aqueous';
      cache.set(id, v);
    }
    return v;
  };
}

/**
 * Drop zero entries (outlets stay readable). `s` is a stream the unit has just made (an outlet of
 * its own, not an inlet): without a zero entry — the usual case — it is the outlet as it is, not a
 * copy of it (a Monte Carlo sample runs the relithiation twice, three outlets each).
 */
export function pruned(s: Stream): Stream {
  if (!hasZero(s.components)) return s;
  const components: Record<string, number> = {};
  for (const k in s.components) if (s.components[k] !== 0) components[k] = s.components[k]!;
  // A unit's own row stream (row-stream.ts) keeps its rows: its lots are not made to be passed on.
  if (s instanceof RowStream) {
    s.components = components;
    return s;
  }
  return { components, lots: s.lots, temperatureK: s.temperatureK };
}

/** Whether a flow record holds an entry equal to 0. */
function hasZero(c: Record<string, number>): boolean {
  for (const k in c) if (c[k] === 0) return true;
  return false;
}

// ---------------------------------------------------------------- physical data

/** Density of cathode active material, kg/m³ (BattMo NMC111 model parameter, REFERENCE.md 1.6 [M]). */
export const CAM_DENSITY_KG_PER_M3 = 4650;

/** Heat capacity of vessel steel, J/(kg·K) (CRC Handbook: iron 449, austenitic stainless ≈ 500 near 25 °C; assumption: 500). */
export const STEEL_CP_J_PER_KGK = 500;

/**
 * Density of an aqueous LiOH + KOH liquor at 25 °C, kg/m³, linear in molarity:
 * ρ = 997.05 + 23.96·c_LiOH + 45·c_KOH. The LiOH slope comes from REFERENCE.md 1.6 (4.0 mol/kg LiOH:
 * 1.0926 g/cm³ at 25 °C, i.e. 3.99 mol/L; pure water 997.05 kg/m³); the KOH slope from 4.2 M KOH
 * (20 wt %) ≈ 1.19 g/cm³ (CRC Handbook concentrative properties [MEMORY]).
 */
export function hydroxideLiquorDensity(cLiOH_mol_per_L: number, cKOH_mol_per_L: number): number {
  return 997.05 + 23.96 * cLiOH_mol_per_L + 45 * cKOH_mol_per_L;
}

/**
 * A pure function of one number that keeps its last argument and value: a Monte Carlo sample varies
 * the autoclave temperature and asks for the water's saturation pressure and density at it three
 * and two times (each run of the recycle loop, the design). The same number gives the same value.
 */
function keepingLast(fn: (x: number) => number): (x: number) => number {
  let lastX: number | undefined;
  let lastValue = 0;
  return (x) => {
    if (lastX !== undefined && Object.is(x, lastX)) return lastValue;
    lastValue = fn(x);
    lastX = x;
    return lastValue;
  };
}

const pressureAt = keepingLast((tK) => {
  const n1 = 0.11670521452767e4, n2 = -0.72421316703206e6, n3 = -0.17073846940092e2, n4 = 0.1202082470247e5;
  const n5 = -0.32325550322333e7, n6 = 0.1491510861353e2, n7 = -0.48232657361591e4, n8 = 0.40511340542057e6;
  const n9 = -0.23855557567849, n10 = 0.65017534844798e3;
  const t = Math.min(Math.max(tK, 273.15), 647.096);
  const th = t + n9 / (t - n10);
  const A = th * th + n1 * th + n2;
  const B = n3 * th * th + n4 * th + n5;
  const C = n6 * th * th + n7 * th + n8;
  const p = (2 * C) / (-B + Math.sqrt(B * B - 4 * A * C));
  return p ** 4 * 1e6;
});

/**
 * Saturation pressure of water, Pa, at T (K): IAPWS-IF97 region-4 saturation equation (eq. 30 of the
 * IAPWS Revised Release on IF97, 2007), valid 273.15 K ≤ T ≤ 647.096 K. Dissolved LiOH/KOH lower the
 * real vapour pressure somewhat; using pure water is conservative for the vessel rating.
 */
export function saturationPressurePa(tK: number): number {
  return pressureAt(tK);
}

const densityAt = keepingLast((tK) => {
  const tau = 1 - Math.min(Math.max(tK, 273.16), 647) / 647.096;
  const c = Math.cbrt(tau);
  const c2 = c * c;
  return 322 * (1 + 1.99274064 * c + 1.09965342 * c2 - 0.510839303 * c2 * c2 * c - 1.75493479 * tau ** (16 / 3) - 45.5170352 * tau ** (43 / 3) - 6.7469445e5 * tau ** (110 / 3));
});

/**
 * Density of saturated liquid water, kg/m³, at T (K): IAPWS 1992 supplementary release (Wagner &
 * Pruss), ρ'/ρc = 1 + b1·τ^(1/3) + b2·τ^(2/3) + b3·τ^(5/3) + b4·τ^(16/3) + b5·τ^(43/3) + b6·τ^(110/3),
 * τ = 1 − T/Tc, Tc = 647.096 K, ρc = 322 kg/m³ (coefficients [MEMORY]; reproduces 997.0 kg/m³ at
 * 25 °C and 840 kg/m³ at 220 °C of the steam tables). Used for the thermal expansion of the liquor.
 */
export function saturatedWaterDensity(tK: number): number {
  return densityAt(tK);
}

/**
 * Pressure factor of a vertical pressure vessel's purchase cost (Turton et al., Analysis, Synthesis
 * and Design of Chemical Processes, 4th ed. 2012, Appendix A eq. A.2 [MEMORY]):
 * F_P = ((P+1)·D / (2·(850 − 0.6·(P+1))) + 0.00315) / 0.0063, P in barg, D in m; F_P ≥ 1
 * (vessels thinner than the 6.3 mm minimum wall cost as atmospheric ones).
 */
export function vesselPressureFactor(pGauge_bar: number, diameter_m: number): number {
  if (pGauge_bar <= 0) return 1;
  const f = (((pGauge_bar + 1) * diameter_m) / (2 * (850 - 0.6 * (pGauge_bar + 1))) + 0.00315) / 0.0063;
  return Math.max(1, f);
}

/** Inner diameter of a cylindrical vessel of volume V (m³) with height/diameter ratio h/d, m. */
export function cylinderDiameterM(volume_m3: number, heightOverDiameter = 1.5): number {
  return Math.cbrt((4 * volume_m3) / (Math.PI * heightOverDiameter));
}

// ---------------------------------------------------------------- batches

/** Batch cycle figures shared by run (energy) and design (time). */
export interface BatchPlan {
  /** CAM per batch of one standard vessel, kg. */
  camPerBatchKg: number;
  /** Batches per hour the CAM flow needs (fractional), 1/h. */
  batchesPerHour: number;
  loadH: number;
  heatH: number;
  dwellH: number;
  coolH: number;
  unloadH: number;
}

/**
 * Plan the batches of a vessel of volume V filled to `fill` with a charge occupying
 * `volumePerKgCam` m³ per kg CAM, heated at `rampKPerH` from `fromK` to `toK`, held `dwellH`, cooled
 * at `coolKPerH` to `dischargeK`.
 */
export function planBatch(o: {
  camKgPerHour: number; volume_m3: number; fill: number; volumePerKgCam_m3: number;
  fromK: number; toK: number; rampKPerH: number; dwellH: number; coolKPerH: number; dischargeK: number;
  loadH: number; unloadH: number;
}): BatchPlan {
  const camPerBatchKg = (o.volume_m3 * o.fill) / o.volumePerKgCam_m3;
  return {
    camPerBatchKg,
    batchesPerHour: o.camKgPerHour / camPerBatchKg,
    loadH: o.loadH,
    heatH: Math.max(0, o.toK - o.fromK) / o.rampKPerH,
    dwellH: o.dwellH,
    coolH: Math.max(0, o.toK - o.dischargeK) / o.coolKPerH,
    unloadH: o.unloadH,
  };
}

/** Total cycle time of a batch plan, h. */
export function cycleHours(b: BatchPlan): number {
  return b.loadH + b.heatH + b.dwellH + b.coolH + b.unloadH;
}

/** A batch vessel as far as its own energy goes (beyond heating the charge). */
export interface BatchVessel {
  /** Word used in item names, e.g. "autoclave", "furnace". */
  name: string;
  volume_m3: number;
  /** Steel (or alloy) of vessel, jacket and agitator per m³, reheated every batch. */
  steel_kg_per_m3: number;
  wallU: number;
  agitator_kW_per_m3: number;
  /** Hours per batch the agitator runs, and what they are. */
  agitatedH: number;
  agitatedText: string;
  tK: number;
  dischargeK: number;
  ambientK: number;
  utility: 'electricity' | 'steam' | 'natural-gas';
  efficiency: number;
}

/**
 * Book a batch vessel's own energy: its steel reheated from the discharge temperature every batch,
 * wall losses U·A·ΔT over the hot part of the cycle (dwell + half of each ramp), the agitator.
 */
export function batchVesselEnergy(ledger: EnergyLedger, v: BatchVessel, plan: BatchPlan): void {
  const steelKgPerH = v.steel_kg_per_m3 * v.volume_m3 * plan.batchesPerHour;
  const dTsteel = Math.max(0, v.tK - v.dischargeK);
  ledger.heat('vessel steel reheated each batch', 'sensible', sensibleKw(steelKgPerH, STEEL_CP_J_PER_KGK, dTsteel), { utility: v.utility, efficiency: v.efficiency, basis: ledger.describe ? `${v.steel_kg_per_m3} kg/m³ × ${v.volume_m3} m³ × ${plan.batchesPerHour.toPrecision(4)} batch/h × ${STEEL_CP_J_PER_KGK} J/(kg·K) × ${dTsteel.toFixed(1)} K` : '' });
  const area = cylinderSurfaceM2(v.volume_m3);
  const hotH = plan.dwellH + plan.heatH / 2 + plan.coolH / 2;
  const lossKw = wallLossKw(v.wallU, area, v.tK, v.ambientK) * hotH * plan.batchesPerHour;
  ledger.loss(WALL_LOSSES(v.name), lossKw / v.efficiency, v.utility, ledger.describe ? `${v.wallU} W/(m²·K) × ${area.toFixed(2)} m² × ${(v.tK - v.ambientK).toFixed(1)} K × ${hotH.toFixed(2)} h/batch × ${plan.batchesPerHour.toPrecision(4)} batch/h ÷ ${v.efficiency}` : '');
  ledger.motor('agitator', v.agitator_kW_per_m3 * v.volume_m3 * v.agitatedH * plan.batchesPerHour, ledger.describe ? `${v.agitator_kW_per_m3} kW/m³ × ${v.volume_m3} m³ × ${v.agitatedH.toFixed(2)} h/batch (${v.agitatedText}) × ${plan.batchesPerHour.toPrecision(4)} batch/h` : '');
}

/** The equipment item of a batch vessel sized by volume, loaded with the CAM of a run (batchMetrics). */
export function batchVesselEquipment(o: { name: string; description: string; volume_m3: number; minSize: number; metrics: Record<string, number>; cycle: CycleTime; agitator_kW_per_m3: number; cost: CostCorrelation }): EquipmentSpec {
  return {
    name: o.name,
    description: o.description,
    mode: 'batch',
    sizeUnit: 'm3',
    maxSize: o.volume_m3,
    minSize: o.minSize,
    capacityPerSize: (o.metrics.camPerBatch_kg ?? 0) / o.volume_m3,
    loadBasis: 'CAM',
    loadKgPerHour: o.metrics.camKgPerHour ?? 0,
    cycle: o.cycle,
    powerKwPerSize: o.agitator_kW_per_m3,
    cost: o.cost,
  };
}

/** The batch figures a run reports (design reads them back with batchCycle; the hydrothermal run writes the same keys out in its metrics). */
export function batchMetrics(b: BatchPlan, camKgPerHour: number): Record<string, number> {
  return {
    camKgPerHour,
    camPerBatch_kg: b.camPerBatchKg,
    batchesPerHour: b.batchesPerHour,
    cycleLoad_h: b.loadH,
    cycleHeat_h: b.heatH,
    cycleDwell_h: b.dwellH,
    cycleCool_h: b.coolH,
    cycleUnload_h: b.unloadH,
    cycleTime_h: cycleHours(b),
  };
}

/** The batch cycle of a run (from batchMetrics), falling back on the parameters. */
export function batchCycle(m: Record<string, number>, p: { duration: number; loadTime: number; unloadTime: number }) {
  return { loadH: m.cycleLoad_h ?? p.loadTime, heatH: m.cycleHeat_h ?? 0, dwellH: p.duration, coolH: m.cycleCool_h ?? 0, unloadH: m.cycleUnload_h ?? p.unloadTime, cleanH: 0 };
}

/**
 * Discharge a wet batch: gases go to `vent`; liquor components (per `isLiquor`) are split between
 * the cake — `entrained_L_per_kg` litres of liquor (density `rho_kg_per_m3`) per kg of solids — and
 * `liquor`; everything else joins the solids. `solidsKg` starts with the lots already in `solids`.
 */
export function dischargeWetBatch(
  c: Record<string, number>,
  isLiquor: (id: string) => boolean,
  out: { solids: Stream; liquor: Stream; vent: Stream },
  solidsKg: number,
  entrained_L_per_kg: number,
  rho_kg_per_m3: number,
): void {
  let liquorKg = 0;
  for (const id in c) {
    const kg = c[id]!;
    if (isGas(id)) add(out.vent.components, id, kg);
    else if (isLiquor(id)) liquorKg += kg;
    else { add(out.solids.components, id, kg); solidsKg += kg; }
  }
  const fCake = liquorKg > 0 ? Math.min(1, (entrained_L_per_kg * solidsKg * rho_kg_per_m3) / 1000 / liquorKg) : 0;
  for (const id in c) {
    if (!isLiquor(id) || isGas(id)) continue;
    const kg = c[id]!;
    const toCake = kg * fCake;
    add(out.solids.components, id, toCake);
    add(out.liquor.components, id, kg - toCake);
  }
}
