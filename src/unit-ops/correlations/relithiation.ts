/**
 * Shared pieces of the relithiation unit operations (hydrothermal, molten salt, solid state,
 * electrochemical): the kinetic and lot-factor parameters every route exposes, the per-lot
 * relithiation arithmetic (TM moles conserved, O fixed per TM), the autoclave saturation pressure
 * (IAPWS-IF97), the pressure-vessel cost factor, liquor densities, and the batch bookkeeping that
 * turns per-batch energy into kW.
 */
import { z } from 'zod';
import { quantity, described } from '../../schema/param.js';
import { component } from '../../chemistry/components.js';
import { FAMILY, frameMolarMass, type CathodeChemistry, type CathodeFamily } from '../../chemistry/cathode.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../../chemistry/elements.js';
import { approach, rateAt, lotRateMultiplier, DEFAULT_LOT_FACTORS, type ArrheniusRate, type LotRateFactors } from './lot-state.js';
import type { Lot } from '../../streams/lot.js';
import type { Stream } from '../../streams/stream.js';

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

/** Parameters of the lot factors of lot-state.ts (every route exposes them). */
export function lotFactorParams() {
  const lots = 'correlations/lot-state.ts DEFAULT_LOT_FACTORS (assumption: Fick L², crack surface, single-crystal grains, Ni-rich Li/Ni mixing)';
  return {
    d50Ref: quantity('um', { description: 'particle size (D50) at which the lot size factor is 1', default: DEFAULT_LOT_FACTORS.d50Ref_um, above: 0, source: lots }),
    sizeExponent: quantity('', { description: 'exponent n of the size factor (d50Ref / d50)^n', default: DEFAULT_LOT_FACTORS.sizeExponent, min: 0, max: 4, source: lots }),
    crackBoost: quantity('', { description: 'rate gain per unit crack fraction: factor 1 + crackBoost·crackFraction', default: DEFAULT_LOT_FACTORS.crackBoost, min: 0, source: lots }),
    singleCrystalFactor: quantity('', { description: 'rate multiplier of single-crystal lots', default: DEFAULT_LOT_FACTORS.singleCrystalFactor, above: 0, source: lots }),
    nickelPenalty: quantity('', { description: 'rate penalty per unit Ni fraction above 0.6: factor exp(−nickelPenalty·(x_Ni − 0.6))', default: DEFAULT_LOT_FACTORS.nickelPenalty, min: 0, source: lots }),
  };
}

/**
 * Kinetic parameters of a route: Arrhenius rate constant at a reference temperature, activation
 * energy, and the lot factors of lot-state.ts. `name` is the constant in lot-state.ts.
 */
export function kineticParams(rate: ArrheniusRate, name: string) {
  const src = `correlations/lot-state.ts ${name} (assumption calibrated to review Table 1; see its comment)`;
  return {
    rateConstant: quantity('1/h', { description: 'first-order relithiation rate constant at the reference temperature', default: rate.kRef_per_h, above: 0, source: src }),
    rateReferenceTemperature: quantity('K', { description: 'temperature at which rateConstant applies', default: `${Number((rate.tRef_K - 273.15).toFixed(2))} degC`, above: 0, displayUnit: 'degC', source: src }),
    activationEnergy: quantity('J/mol', { description: 'Arrhenius activation energy of the relithiation rate', default: `${rate.ea_J_per_mol / 1000} kJ/mol`, min: 0, source: src }),
    ...lotFactorParams(),
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

/** Rate constant (1/h) of one lot: route rate × lot multiplier (lot-state.ts lotRateMultiplier). */
export function lotRate(k_per_h: number, factors: LotRateFactors, lot: Lot): number {
  return k_per_h * lotRateMultiplier(lot, factors);
}

/**
 * Li/TM a lot reaches when it approaches `rEq` (relative to the family's nominal Li/TM) with rate k
 * for t hours. Lots already at or above the target are left alone when `fromAbove` is false (an
 * Li-bearing medium does not pull lithium out of a lattice: hydrothermal, molten salt).
 */
export function approachLiPerTm(lot: Lot, rEqRelative: number, k_per_h: number, t_h: number, fromAbove: boolean): number {
  const rEq = rEqRelative * FAMILY[lot.chemistry.family].nominalLiPerTm;
  if (!fromAbove && lot.liPerTm >= rEq) return lot.liPerTm;
  return approach(lot.liPerTm, rEq, k_per_h, t_h);
}

const FRAME = new WeakMap<CathodeChemistry, number>();

/** TM kmol/h of a lot (the frame molar mass is cached per chemistry object: this runs per lot per iteration). */
export function tmKmolPerHour(lot: Lot): number {
  const chem = lot.chemistry;
  let frame = FRAME.get(chem);
  if (frame === undefined) {
    frame = frameMolarMass(chem);
    FRAME.set(chem, frame);
  }
  return lot.massKgPerHour / (lot.liPerTm * ATOMIC_WEIGHT_G_PER_MOL.Li + frame);
}

/**
 * A copy of `lot` moved to Li/TM = r, given its TM kmol/h `nTm` (TM moles conserved; the molar mass
 * per TM is linear in r, so the mass changes by nTm·(r − r0)·M_Li).
 */
export function withLiPerTm(lot: Lot, r: number, nTm: number = tmKmolPerHour(lot)): Lot {
  return { ...lot, liPerTm: r, massKgPerHour: lot.massKgPerHour + nTm * (r - lot.liPerTm) * ATOMIC_WEIGHT_G_PER_MOL.Li };
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
  add(c, 'LiOH', kmol * MW.LiOH);
  add(c, 'H2O', kmol * MW.H2O);
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

/** Drop zero entries (outlets stay readable). */
export function pruned(s: Stream): Stream {
  const components: Record<string, number> = {};
  for (const k in s.components) if (s.components[k] !== 0) components[k] = s.components[k]!;
  return { components, lots: s.lots, temperatureK: s.temperatureK };
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
 * Saturation pressure of water, Pa, at T (K): IAPWS-IF97 region-4 saturation equation (eq. 30 of the
 * IAPWS Revised Release on IF97, 2007), valid 273.15 K ≤ T ≤ 647.096 K. Dissolved LiOH/KOH lower the
 * real vapour pressure somewhat; using pure water is conservative for the vessel rating.
 */
export function saturationPressurePa(tK: number): number {
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
}

/**
 * Density of saturated liquid water, kg/m³, at T (K): IAPWS 1992 supplementary release (Wagner &
 * Pruss), ρ'/ρc = 1 + b1·τ^(1/3) + b2·τ^(2/3) + b3·τ^(5/3) + b4·τ^(16/3) + b5·τ^(43/3) + b6·τ^(110/3),
 * τ = 1 − T/Tc, Tc = 647.096 K, ρc = 322 kg/m³ (coefficients [MEMORY]; reproduces 997.0 kg/m³ at
 * 25 °C and 840 kg/m³ at 220 °C of the steam tables). Used for the thermal expansion of the liquor.
 */
export function saturatedWaterDensity(tK: number): number {
  const tau = 1 - Math.min(Math.max(tK, 273.16), 647) / 647.096;
  const c = Math.cbrt(tau);
  const c2 = c * c;
  return 322 * (1 + 1.99274064 * c + 1.09965342 * c2 - 0.510839303 * c2 * c2 * c - 1.75493479 * tau ** (16 / 3) - 45.5170352 * tau ** (43 / 3) - 6.7469445e5 * tau ** (110 / 3));
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
