/**
 * `sintering`: lattice reconstruction of regenerated powder in a roller-hearth kiln with saggars
 * (ramp, dwell at the peak, cooling), in O2, air or N2.
 *
 * Model (per hour of operation; the kiln is continuous, every saggar makes one trip):
 * - Trip time = heat-up (peak − feed T)/ramp + dwell + cool-down (peak − discharge T)/cooling rate.
 * - Residual Li salts in the feed (LiOH·H2O, LiOH, LiNO3, Li2O, Li2CO3, in that order) react into
 *   under-lithiated layered lots, bounded by each lot's deficit to Li/TM = 1 and shared among lots
 *   in proportion to their deficits: per Li, with O fixed at 2 per TM,
 *     Li_r MO2 + x LiOH    → Li_{r+x} MO2 + x/2 H2O + x/4 O2
 *     Li_r MO2 + x/2 Li2CO3 → Li_{r+x} MO2 + x/2 CO2 + x/4 O2
 *     Li_r MO2 + x LiNO3   → Li_{r+x} MO2 + x NO2 + x/2 O2      (gases to the vent).
 *   So "wash less and sinter with the residual Li" is a real trade-off; unused salt stays in the
 *   product (LiOH·H2O dehydrates to LiOH).
 * - Li volatilisation (mechanisms/ordering.ts LI_VOLATILISATION): δ = k_Li(T_peak)·dwell leaves every
 *   layered lot as Li2O fume, Li_r MO2 + δ/4 O2 → Li_{r−δ} MO2 + δ/2 Li2O (default 0.002 Li/TM per h at
 *   950 °C, 250 kJ/mol: ≈0.001 over 4 h at 850 °C).
 * - Lattice reconstruction (mechanisms/ordering.ts reorder, shared with the solid-state calcination):
 *   cation mixing approaches equilibriumCationMixing(lot, atmosphere) at SINTERING_RATE(T_peak) ×
 *   lot factors over the dwell — Ni-rich lots in air keep more Ni on Li sites than in O2; the surface
 *   rock-salt layer heals at healRatio × that rate in O2 (a third of it in air, none in N2).
 *   Intergranular cracks stay (solid-state sintering does not close them).
 * - Carbon (graphite, carbon black, CNT, graphene), PVDF and PAA residues burn off in O2 or air
 *   above 500 °C (C + O2 → CO2; PVDF + 2 O2 → 2 CO2 + 2 HF; PAA + 3 O2 → 3 CO2 + 2 H2O); feed water
 *   and solvents evaporate to the vent.
 * - Energy (correlations/kiln.ts, shared with the solid-state calcination): powder and residues,
 *   saggars and atmosphere gas heated to the peak and feed moisture evaporated, ÷ heating efficiency;
 *   wall and roller losses over the whole installed kiln length, held hot through non-production
 *   hours; roller drives and fans. Reaction enthalpies (salt incorporation, burn-off heat release)
 *   are not included: no sourced values (burn-off would lower the duty). The basis shows the EverBatt
 *   rating (800 kW per 2,000 t/yr line, REFERENCE.md 1.3.6) per metre of kiln and per throughput.
 * - Saggars: powder ÷ kg per saggar trips per hour; worn out after `saggarTrips` trips →
 *   consumablesPerHour.saggar (priced per item, EverBatt $25 each).
 */
import { z } from 'zod';
import { defineUnitOp, reportText, type Diagnostic } from './contract.js';
import { quantity, described } from '../schema/param.js';
import { emptyStream, lotsMass, lotsCpFlow_kW_per_K } from '../streams/stream.js';
import { LotCursor, rowsOf, type RowStream } from '../streams/row-stream.js';
import { component } from '../chemistry/components.js';
import { FAMILY } from '../chemistry/cathode.js';
import { EnergyLedger, itemNames } from './correlations/energy.js';
import { rateAt } from './correlations/mechanisms/kinetics.js';
import { SINTERING_RATE, LI_VOLATILISATION, liVolatilised, healFactor, healedRockSalt, orderingRate, reorderedCationMixing, type OrderingStep } from './correlations/mechanisms/ordering.js';
import { defaultKilnEfficiency, kilnAtmosphere, kilnEfficiencyParam, kilnEnergy, kilnLineEquipment, kilnShape, kilnTrip } from './correlations/kiln.js';
import { addKg, frameMass, lotMassWithFrame, tmKmolWithFrame } from './correlations/finishing.js';
import { msg } from '../schema/messages.js';
import { DWELL_H, HEAL_RATIO, LI_LOSS_PER_H, RAMP_K_PER_H, WALL_U, activationEnergyParam, withCeiling } from './correlations/limits.js';
import { LotScratch } from '../streams/lot-scratch.js';

/** Energy item names per evaporated component, made once (every sample sinters). */
const EVAPORATION_OF = itemNames('evaporation of ', '');

/** Residual Li sources that react into lattices, in the order they are used (most reactive first). */
const LI_SOURCES = ['LiOH·H2O', 'LiOH', 'LiNO3', 'Li2O', 'Li2CO3'] as const;

/**
 * A residual Li source as step 1 reads it: its molar mass (kg/kmol) and its Li, C, N, H and the O
 * left after CO2, NO2 and H2O per kmol, looked up once (the registry's components never change),
 * not per run; an array read by index, not an iterator per loop.
 */
interface LiSource { id: string; molarMass: number; li: number; c: number; n: number; h: number; oRest: number }
const LI_SOURCE_LIST: readonly LiSource[] = LI_SOURCES.map((id) => {
  const { molarMass_g_per_mol: molarMass, composition: comp } = component(id);
  const c = comp.C ?? 0;
  const n = comp.N ?? 0;
  const h = comp.H ?? 0;
  return { id, molarMass, li: comp.Li ?? 0, c, n, h, oRest: (comp.O ?? 0) - 2 * c - 2 * n - h / 2 };
});

/** Combustible residues in oxidising atmospheres: component → kmol O2, CO2, H2O, HF per kmol. */
const BURN: Record<string, { o2: number; co2: number; h2o: number; hf: number }> = {
  graphite: { o2: 1, co2: 1, h2o: 0, hf: 0 },
  'carbon-black': { o2: 1, co2: 1, h2o: 0, hf: 0 },
  CNT: { o2: 1, co2: 1, h2o: 0, hf: 0 },
  graphene: { o2: 1, co2: 1, h2o: 0, hf: 0 },
  PVDF: { o2: 2, co2: 2, h2o: 0, hf: 2 },
  PAA: { o2: 3, co2: 3, h2o: 2, hf: 0 },
};
/** BURN as a list in its order, with each residue's molar mass (kg/kmol) looked up once. */
const BURN_LIST = Object.keys(BURN).map((id) => ({ id, molarMass: component(id).molarMass_g_per_mol, ...BURN[id]! }));
/** Burn-off needs at least this temperature, K (assumption: 500 °C). */
const BURN_MIN_K = 773.15;

const params = z
  .strictObject({
    peak: quantity('K', { description: 'peak (dwell) temperature', default: '850 degC', min: 573.15, max: 1373.15, displayUnit: 'degC', source: 'review: post-relithiation lattice reconstruction at 700–900 °C in air or O2 (REFERENCE.md 4.1); virgin NMC333 sinters at 950 °C (REFERENCE.md 1.3.6)' }),
    ramp: quantity('K/h', { description: 'heating rate', default: '5 degC/min', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 2–5 °C/min usual for cathode calcination', RAMP_K_PER_H) }),
    dwell: quantity('h', { description: 'time at the peak temperature', default: '4 h', min: 0, max: DWELL_H.max, source: withCeiling('assumption: 4 h (REFERENCE.md 1.4: 3 h at 800 °C in O2 restores air-stored NCM)', DWELL_H) }),
    coolRate: quantity('K/h', { description: 'cooling rate in the cooling zone', default: '3 degC/min', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 2–5 °C/min usual for cathode calcination', RAMP_K_PER_H) }),
    dischargeTemperature: quantity('K', { description: 'temperature of the powder leaving the cooling zone', default: '80 degC', min: 273.15, max: 1373.15, displayUnit: 'degC', source: 'assumption: saggars unloaded below 100 °C; max 1100 °C, the hottest peak (it must also be below this unit\'s peak)' }),
    atmosphere: described(z.enum(['O2', 'air', 'N2']).default('O2'), { description: 'kiln atmosphere', source: 'REFERENCE.md 1.4: Ni-rich NCM needs O2 in roller-hearth kilns (Linde, TMS 2020)' }),
    ...kilnShape,
    liLossRate: quantity('1/h', { description: 'Li/TM volatilised per hour at 950 °C (as Li2O)', default: LI_VOLATILISATION.rateAt950C_per_h, min: 0, max: LI_LOSS_PER_H.max, source: withCeiling('mechanisms/ordering.ts LI_VOLATILISATION (assumption: industrial calcination adds a few % excess Li to cover volatilisation over 10–20 h at 900–950 °C)', LI_LOSS_PER_H) }),
    liLossActivationEnergy: activationEnergyParam('activation energy of Li volatilisation', LI_VOLATILISATION.ea_J_per_mol, 'mechanisms/ordering.ts LI_VOLATILISATION (assumption: Li2O vapour pressure rises ≈10× per 100 K near 900 °C)'),
    residualLiReaction: described(z.boolean().default(true), { description: 'residual LiOH/LiNO3/Li2O/Li2CO3 in the feed react into under-lithiated lots (bounded by their deficit)', source: 'assumption: at ≥700 °C residual Li salts are a Li source (review: residual Li used in relithiation, ref. [79])' }),
    healRatio: quantity('', { description: 'rock-salt healing rate ÷ cation-mixing recovery rate in O2 (air: one third; N2: none)', default: 1, min: 0, max: HEAL_RATIO.max, source: withCeiling('assumption: converting the surface rock salt back to layered is the same Ni back-migration as the bulk ordering, with O2 re-oxidising the surface and the relithiated lattice supplying Li; air brings a fifth of the O2 (a third of the rate), N2 none. Review Table 1 [59]: relithiation + anneal restores all but ≈2 % of the capacity', HEAL_RATIO) }),
    heating: described(z.enum(['electricity', 'natural-gas']).default('electricity'), { description: 'kiln heating utility', source: 'EverBatt 2023: furnace heat load is electricity (REFERENCE.md 1.3.6)' }),
    kilnEfficiency: kilnEfficiencyParam(),
    wallU: quantity('W/(m2 K)', { description: 'overall wall-loss coefficient (inside temperature to ambient)', default: 1, min: 0, max: WALL_U.max, source: withCeiling('assumption: ≈300 mm refractory and insulation', WALL_U) }),
  })
  .superRefine((p, ctx) => {
    if (p.dischargeTemperature >= p.peak) ctx.addIssue({ code: 'custom', path: ['dischargeTemperature'], message: msg.dischargeNotBelowPeak(p.dischargeTemperature - 273.15, p.peak - 273.15) });
  });

type Params = z.output<typeof params>;

/** Heat-up, dwell and cool-down of one trip, h. */
export function sinteringTrip(p: Params, feedK: number): { heatH: number; dwellH: number; coolH: number } {
  return kilnTrip(feedK, p.peak, p.dischargeTemperature, p.ramp, p.dwell, p.coolRate);
}

/** Kiln settings by validated parameters (immutable): built once per parameter set, not per run. */
const KILN_SETTINGS = new WeakMap<Params, Params & { efficiency: number }>();

/** The parameters with the kiln efficiency they imply (the heating's default when none is given). */
function kilnSettingsOf(p: Params): Params & { efficiency: number } {
  let s = KILN_SETTINGS.get(p);
  if (!s) KILN_SETTINGS.set(p, (s = { ...p, efficiency: p.kilnEfficiency ?? defaultKilnEfficiency(p.heating) }));
  return s;
}

/**
 * Molar masses of the species a run books, kg/kmol (kgOf / kmolOf of a fixed id: looked up in the
 * registry once, not on every run).
 */
const MOLAR = {
  CO2: component('CO2').molarMass_g_per_mol,
  NO2: component('NO2').molarMass_g_per_mol,
  vapour: component('H2O(g)').molarMass_g_per_mol,
  HF: component('HF').molarMass_g_per_mol,
  LiOH: component('LiOH').molarMass_g_per_mol,
  hydrate: component('LiOH·H2O').molarMass_g_per_mol,
  Li2O: component('Li2O').molarMass_g_per_mol,
  O2: component('O2').molarMass_g_per_mol,
};

/** Per-lot scratch of a run: each lot's TM kmol/h, Li deficit and frame molar mass (looked up once per lot, not again for its new mass). */
const TM = new LotScratch();
const DEFICIT = new LotScratch();
const FRAME = new LotScratch();

export const sintering = defineUnitOp({
  kind: 'sintering',
  summary: 'roller-hearth kiln with saggars: ramp, dwell, atmosphere; lattice ordering, residual-Li uptake, Li loss',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'powder to sinter (lots, residual salts, moisture)' }],
    outlets: [
      { name: 'product', description: 'sintered powder' },
      { name: 'vent', description: 'kiln exhaust: atmosphere gas, CO2, H2O(g), NO2, HF, Li2O fume' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const diagnostics: Diagnostic[] = [];
    const vent = emptyStream(p.peak);
    const recycled: Record<string, number> = {};
    const comps: Record<string, number> = {};
    for (const id in feed.components) if (feed.components[id]! !== 0) comps[id] = feed.components[id]!;
    let o2Net = 0; // kmol/h produced (+) or consumed (−) by the reactions

    // 1. Residual Li salts into under-lithiated layered lots (shared in proportion to deficits).
    // The feed's lots as rows, read through a cursor (row-stream.ts): no lot object per lot.
    const feedRows = rowsOf(feed);
    const cursor = new LotCursor(feedRows);
    const nLots = feedRows.n;
    // Per-lot scratch in typed arrays (lot-scratch.ts): no elements-kind transition.
    const tm = TM.take(nLots);
    const deficit = DEFICIT.take(nLots);
    const frame = FRAME.take(nLots);
    let totalDeficit = 0;
    for (let i = 0; i < nLots; i++) {
      const l = cursor.at(i);
      // frame[i] is read only for a lot with TM (sinterLots), i.e. with mass.
      const n = l.massKgPerHour > 0 ? tmKmolWithFrame(l, (frame[i] = frameMass(l.chemistry))) : 0;
      tm[i] = n;
      const d = p.residualLiReaction && l.chemistry.family === 'layered' ? n * Math.max(0, FAMILY.layered.nominalLiPerTm - l.liPerTm) : 0;
      deficit[i] = d;
      totalDeficit += d;
    }
    let incorporated = 0;
    if (totalDeficit > 0) {
      let available = 0;
      for (let si = 0; si < LI_SOURCE_LIST.length; si++) {
        const src = LI_SOURCE_LIST[si]!;
        const kg = comps[src.id];
        if (kg) available += (kg / src.molarMass) * src.li; // kmolOf × Li
      }
      const use = Math.min(available, totalDeficit);
      if (use > 0) {
        let left = use;
        for (let si = 0; si < LI_SOURCE_LIST.length; si++) {
          const src = LI_SOURCE_LIST[si]!;
          const id = src.id;
          const kg = comps[id];
          if (!kg || left <= 0) continue;
          const liPer = src.li;
          const saltKmol = Math.min(kg / src.molarMass, left / liPer); // kmolOf
          left -= saltKmol * liPer;
          const usedKg = saltKmol * src.molarMass; // kgOf
          comps[id] = kg - usedKg <= kg * 1e-12 ? 0 : kg - usedKg;
          recycled[id] = (recycled[id] ?? 0) + usedKg;
          const c = src.c;
          const n = src.n;
          const h = src.h;
          const oRest = src.oRest;
          // Entries of a fixed name are added where they are made (addKg written out: `if (kg !== 0) rec.X = (rec.X ?? 0) + kg`):
          // addKg's keyed store, shared by every caller, is megamorphic; a named one at its own site is not (issue 19).
          const co2Kg = saltKmol * c * MOLAR.CO2;
          if (co2Kg !== 0) vent.components.CO2 = (vent.components.CO2 ?? 0) + co2Kg;
          const no2Kg = saltKmol * n * MOLAR.NO2;
          if (no2Kg !== 0) vent.components.NO2 = (vent.components.NO2 ?? 0) + no2Kg;
          const vapourKg = ((saltKmol * h) / 2) * MOLAR.vapour;
          if (vapourKg !== 0) vent.components['H2O(g)'] = (vent.components['H2O(g)'] ?? 0) + vapourKg;
          o2Net += (saltKmol * oRest) / 2;
        }
        incorporated = use;
      }
    }
    const share = totalDeficit > 0 ? incorporated / totalDeficit : 0;
    // Leftover hydrate dehydrates: LiOH·H2O → LiOH + H2O.
    const hydrate = comps['LiOH·H2O'];
    if (hydrate) {
      const k = hydrate / MOLAR.hydrate;
      comps['LiOH·H2O'] = 0;
      const liohKg = k * MOLAR.LiOH;
      if (liohKg !== 0) comps.LiOH = (comps.LiOH ?? 0) + liohKg;
      const vapourKg = k * MOLAR.vapour;
      if (vapourKg !== 0) vent.components['H2O(g)'] = (vent.components['H2O(g)'] ?? 0) + vapourKg;
    }

    // 2. Burn-off of carbon and binder residues in oxidising atmospheres.
    if (p.atmosphere !== 'N2' && p.peak >= BURN_MIN_K) {
      for (let j = 0; j < BURN_LIST.length; j++) {
        const b = BURN_LIST[j]!;
        const id = b.id;
        const kg = comps[id];
        if (!kg) continue;
        const k = kg / b.molarMass; // kmolOf
        comps[id] = 0;
        o2Net -= k * b.o2;
        const co2Kg = k * b.co2 * MOLAR.CO2;
        if (co2Kg !== 0) vent.components.CO2 = (vent.components.CO2 ?? 0) + co2Kg;
        const vapourKg = k * b.h2o * MOLAR.vapour;
        if (vapourKg !== 0) vent.components['H2O(g)'] = (vent.components['H2O(g)'] ?? 0) + vapourKg;
        const hfKg = k * b.hf * MOLAR.HF;
        if (hfKg !== 0) vent.components.HF = (vent.components.HF ?? 0) + hfKg;
      }
    }

    // 3. Volatiles (moisture, solvents) and feed gases leave with the vent.
    const evaporated: Record<string, number> = {};
    for (const id in comps) {
      const kg = comps[id]!;
      if (kg === 0) continue;
      const c = component(id);
      if (c.phase === 'gas') { addKg(vent.components, id, kg); comps[id] = 0; }
      else if (c.phase === 'liquid' && c.latentHeat_J_per_kg !== undefined) {
        evaporated[id] = kg;
        addKg(vent.components, id === 'H2O' ? 'H2O(g)' : id, kg);
        comps[id] = 0;
      }
    }

    // 4. Li volatilisation, lattice ordering and rock-salt healing during the dwell.
    const deltaLi = liVolatilised({ rateAt950C_per_h: p.liLossRate, ea_J_per_mol: p.liLossActivationEnergy }, p.peak, p.dwell);
    const kOrder = rateAt(SINTERING_RATE, p.peak);
    const product = feedRows.derived(p.dischargeTemperature);
    const li2oKmol = sinterLots(cursor, nLots, tm, frame, deficit, share, deltaLi, { k_per_h: kOrder, t_h: p.dwell, atmosphere: p.atmosphere, healRatio: p.healRatio }, product);
    if (li2oKmol > 0) {
      const li2oKg = li2oKmol * MOLAR.Li2O;
      if (li2oKg !== 0) vent.components.Li2O = (vent.components.Li2O ?? 0) + li2oKg;
      o2Net -= li2oKmol / 2; // δ/4 O2 per Li = 1/2 O2 per Li2O
    }

    // 5. Atmosphere gas and the O2 balance.
    const powderKg = lotsMass(feed) + chargedMass(feed.components);
    const gasKg = p.gasPerKgPowder * powderKg;
    const draws: Record<string, number> = {};
    kilnAtmosphere(p.atmosphere, gasKg, o2Net * MOLAR.O2, vent, draws, ctx.unitId, diagnostics);

    for (const id in comps) addKg(product.components, id, comps[id]!);

    // 6. Energy (correlations/kiln.ts).
    const trip = sinteringTrip(p, feed.temperatureK);
    const kilnSettings = kilnSettingsOf(p);
    const ledger = new EnergyLedger(ctx.describe !== false);
    const chargeCp = lotsCpFlow_kW_per_K(feed) + condensedCpFlow_kW_per_K(feed.components);
    const kiln = kilnEnergy(ledger, kilnSettings, { powderKgPerHour: powderKg, chargeCp_kW_per_K: chargeCp, feedK: feed.temperatureK, peakK: p.peak }, trip, ctx.ambientK);
    for (const id in evaporated) {
      const c = component(id);
      const kg = evaporated[id]!;
      ledger.heat(EVAPORATION_OF(id), 'latent', (kg * c.latentHeat_J_per_kg!) / 3.6e6, { utility: p.heating, efficiency: kilnSettings.efficiency, basis: ledger.describe ? `${kg.toPrecision(4)} kg/h × ${(c.latentHeat_J_per_kg! / 1000).toFixed(0)} kJ/kg (heating of the vapour included in the powder term)` : '' });
    }
    const saggarTripsPerH = kiln.saggarTripsPerHour;
    const saggarsReplaced = saggarTripsPerH / p.saggarTrips;
    return {
      outlets: { product, vent },
      draws,
      recycled,
      energy: ledger.build(),
      consumablesPerHour: { saggar: saggarsReplaced },
      metrics: {
        tripTime_h: trip.heatH + trip.dwellH + trip.coolH,
        kilnLength_m: kiln.length_m,
        installedKilnLength_m: kiln.installedLength_m,
        saggarTrips_per_h: saggarTripsPerH,
        saggarsReplaced_per_h: saggarsReplaced,
        powder_kg_per_h: powderKg,
        residualLiIncorporated_kmol_per_h: incorporated,
        liVolatilised_kmol_per_h: 2 * li2oKmol,
        everbattRatedHeatLoad_kW: kiln.everbattThroughputKw,
        everbattRatedHeatLoadByLength_kW: kiln.everbattLengthKw,
      },
      diagnostics,
    };
  },
  design: (p, inlets, run, ctx) => {
    const trip = sinteringTrip(p, inlets.feed?.temperatureK ?? p.peak);
    const tripH = trip.heatH + trip.dwellH + trip.coolH;
    const cycle = { loadH: p.handlingTime, heatH: trip.heatH, dwellH: trip.dwellH, coolH: trip.coolH, unloadH: p.handlingTime, cleanH: 0 };
    return {
      mode: 'continuous',
      residenceTimeH: tripH,
      cycle,
      equipment: [kilnLineEquipment(tripH, run.metrics?.powder_kg_per_h ?? 0, reportText(ctx, () => `roller-hearth kiln line with saggar handling (trip ${tripH.toFixed(2)} h: heat ${trip.heatH.toFixed(2)} + dwell ${trip.dwellH} + cool ${trip.coolH.toFixed(2)})`))],
      operatorsPerShift: 1,
    };
  },
});

/**
 * Step 4 for every lot: the share of its deficit the residual Li salts fill, Li volatilised, cation
 * ordering and rock-salt healing; the sintered lots as `out` (rows of the same lots as the feed,
 * row-stream.ts, with their new Li/TM, mass, cation mixing and rock-salt). Returns the Li2O
 * volatilised, kmol/h. A function of its own so that optimized code has the inlining budget for the
 * per-lot helpers (inlined into the whole run, their doubles and the reordering record were
 * allocated per lot).
 */
function sinterLots(lots: LotCursor, n: number, tm: Float64Array, frame: Float64Array, deficit: Float64Array, share: number, deltaLi: number, step: OrderingStep, out: RowStream): number {
  let li2oKmol = 0;
  // reorder's parts without its progress (not read here); the step's healing factor once.
  const heal = healFactor(step.atmosphere, step.healRatio);
  const liPerTm = new Array<number>(n);
  const cationMixing = new Array<number>(n);
  const rockSalt = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const l = lots.at(i);
    const nTm = tm[i]!;
    if (l.chemistry.family !== 'layered' || !(nTm > 0)) {
      // unchanged
      out.mass[i] = l.massKgPerHour;
      liPerTm[i] = l.liPerTm;
      cationMixing[i] = l.cationMixing;
      rockSalt[i] = l.surfaceRockSalt_nm;
      continue;
    }
    let r = l.liPerTm + (deficit[i]! * share) / nTm;
    const d = Math.min(deltaLi, r);
    if (d > 0) {
      li2oKmol += (nTm * d) / 2;
      r -= d;
    }
    const k = orderingRate(l, step);
    liPerTm[i] = r;
    out.mass[i] = lotMassWithFrame(frame[i]!, nTm, r);
    cationMixing[i] = reorderedCationMixing(l, step, k);
    rockSalt[i] = healedRockSalt(l, step, k, heal);
  }
  out.overLiPerTm = liPerTm;
  out.overCationMixing = cationMixing;
  out.overSurfaceRockSalt_nm = rockSalt;
  return li2oKmol;
}

/**
 * Heat-capacity flow of the condensed components of a stream (everything but gases: heated in the
 * saggars), kW/K: componentsCpFlow_kW_per_K of them — the same terms in the same order — without a
 * record of them made per run.
 */
function condensedCpFlow_kW_per_K(components: Record<string, number>, fallbackCp_J_per_kgK = 1000): number {
  let c = 0;
  for (const id in components) {
    const comp = component(id);
    if (comp.phase !== 'gas') c += components[id]! * (comp.cp_J_per_kgK ?? fallbackCp_J_per_kgK);
  }
  return c / 3.6e6;
}

/** Mass of the components charged to the saggars as powder (not gases, not evaporating liquids), kg/h, summed in stream order. */
function chargedMass(components: Record<string, number>): number {
  let m = 0;
  for (const id in components) {
    const c = component(id);
    if (c.phase === 'gas' || (c.phase === 'liquid' && c.latentHeat_J_per_kg !== undefined)) continue;
    m += components[id]!;
  }
  return m;
}
