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
 * - Li volatilisation (assumption): δ = k_Li(T_peak)·dwell leaves every layered lot as Li2O fume,
 *   Li_r MO2 + δ/4 O2 → Li_{r−δ} MO2 + δ/2 Li2O, with k_Li Arrhenius (default 0.002 Li/TM per h at
 *   950 °C, 250 kJ/mol: ≈0.001 over 4 h at 850 °C).
 * - Cation mixing approaches equilibriumCationMixing(lot, atmosphere) at SINTERING_RATE(T_peak) ×
 *   lotRateMultiplier(lot) over the dwell (lot-state.ts): Ni-rich lots in air keep more Ni on Li
 *   sites than in O2. The surface rock-salt layer heals at healRatio × that rate in O2 (a third of
 *   it in air, none in N2) — assumption.
 * - Carbon (graphite, carbon black, CNT, graphene), PVDF and PAA residues burn off in O2 or air
 *   above 500 °C (C + O2 → CO2; PVDF + 2 O2 → 2 CO2 + 2 HF; PAA + 3 O2 → 3 CO2 + 2 H2O); feed water
 *   and solvents evaporate to the vent.
 * - Energy: powder and residues m·cp·ΔT, saggars heated every trip (5 kg zirconia, cp 502 J/(kg·K),
 *   EverBatt), the atmosphere gas heated to the peak, evaporation of feed moisture, all ÷ kiln
 *   efficiency; wall losses U·A·ΔT over a kiln whose length is throughput × trip time ÷ loading
 *   (dwell zone at the peak, ramp zones at the mean temperature); roller drives per metre.
 *   Reaction enthalpies (salt incorporation, burn-off heat release) are not included: no sourced
 *   values (burn-off would lower the duty). Cross-check in the basis: EverBatt rates the furnace at
 *   800 kW per 2,000 t/yr line (REFERENCE.md 1.3.6).
 * - Saggars: powder ÷ kg per saggar trips per hour; worn out after `saggarTrips` trips →
 *   consumablesPerHour.saggar (priced per item, EverBatt $25 each).
 */
import { z } from 'zod';
import { defineUnitOp, reportText, type Diagnostic } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { emptyStream } from '../streams/stream.js';
import type { Lot } from '../streams/lot.js';
import { component } from '../chemistry/components.js';
import { FAMILY } from '../chemistry/cathode.js';
import { EnergyLedger, sensibleKw } from './correlations/energy.js';
import { approach, rateAt, lotRateMultiplier, equilibriumCationMixing, SINTERING_RATE } from './correlations/lot-state.js';
import { addKg, kgOf, kmolOf, lotMassAt, lotsCpFlow_kW_per_K, componentsCpFlow_kW_per_K, lotsMassOf, kilnWallLoss, rampHours, tmKmolOf } from './correlations/finishing.js';
import { costOf } from './data/equipment.js';
import { msg } from '../schema/messages.js';

/** Air by mass (O2 23.2 %, N2 + Ar 76.8 %): standard dry air composition. */
const AIR_O2_MASS_FRACTION = 0.232;
/** EverBatt saggar residence per trip, h (REFERENCE.md 1.3.6): the basis of the kiln-line capacity. */
const EVERBATT_TRIP_H = 25;
/** EverBatt / Ahmed et al. 2017 line: 6,500 kg NMC111 per day per line (REFERENCE.md 1.1.7), ≈2,000 t/yr. */
const EVERBATT_LINE_KG_PER_H = 6500 / 24;
const EVERBATT_LINE_T_PER_YR = 2000;
/** EverBatt furnace heat-load rating per line, kW (REFERENCE.md 1.3.6). */
const EVERBATT_LINE_KW = 800;

/** Residual Li sources that react into lattices, in the order they are used (most reactive first). */
const LI_SOURCES = ['LiOH·H2O', 'LiOH', 'LiNO3', 'Li2O', 'Li2CO3'] as const;

/** Combustible residues in oxidising atmospheres: component → kmol O2, CO2, H2O, HF per kmol. */
const BURN: Record<string, { o2: number; co2: number; h2o: number; hf: number }> = {
  graphite: { o2: 1, co2: 1, h2o: 0, hf: 0 },
  'carbon-black': { o2: 1, co2: 1, h2o: 0, hf: 0 },
  CNT: { o2: 1, co2: 1, h2o: 0, hf: 0 },
  graphene: { o2: 1, co2: 1, h2o: 0, hf: 0 },
  PVDF: { o2: 2, co2: 2, h2o: 0, hf: 2 },
  PAA: { o2: 3, co2: 3, h2o: 2, hf: 0 },
};
/** Burn-off needs at least this temperature, K (assumption: 500 °C). */
const BURN_MIN_K = 773.15;

const params = z
  .strictObject({
    peak: quantity('K', { description: 'peak (dwell) temperature', default: '850 degC', min: 573.15, max: 1373.15, displayUnit: 'degC', source: 'review: post-relithiation lattice reconstruction at 700–900 °C in air or O2 (REFERENCE.md 4.1); virgin NMC333 sinters at 950 °C (REFERENCE.md 1.3.6)' }),
    ramp: quantity('K/h', { description: 'heating rate', default: '5 degC/min', above: 0, source: 'assumption: 2–5 °C/min usual for cathode calcination' }),
    dwell: quantity('h', { description: 'time at the peak temperature', default: '4 h', min: 0, source: 'assumption: 4 h (REFERENCE.md 1.4: 3 h at 800 °C in O2 restores air-stored NCM)' }),
    coolRate: quantity('K/h', { description: 'cooling rate in the cooling zone', default: '3 degC/min', above: 0, source: 'assumption: 2–5 °C/min usual for cathode calcination' }),
    dischargeTemperature: quantity('K', { description: 'temperature of the powder leaving the cooling zone', default: '80 degC', min: 273.15, displayUnit: 'degC', source: 'assumption: saggars unloaded below 100 °C' }),
    atmosphere: described(z.enum(['O2', 'air', 'N2']).default('O2'), { description: 'kiln atmosphere', source: 'REFERENCE.md 1.4: Ni-rich NCM needs O2 in roller-hearth kilns (Linde, TMS 2020)' }),
    gasPerKgPowder: quantity('', { description: 'atmosphere gas (O2, air or N2) fed per kg of powder (kg/kg)', default: 0.5, min: 0, source: 'assumption: ≈0.35 Nm³ O2 per kg powder; no sourced industrial figure' }),
    saggarPowder: quantity('kg', { description: 'powder per saggar', default: 5, above: 0, source: 'EverBatt 2023 "Materials": 5 kg powder per saggar (REFERENCE.md 1.3.6)' }),
    saggarMass: quantity('kg', { description: 'mass of one saggar (heated every trip)', default: 5, min: 0, source: 'EverBatt 2023 "Materials": 5 kg saggar mass (REFERENCE.md 1.3.6)' }),
    saggarCp: quantity('J/(kg K)', { description: 'heat capacity of the saggar material', default: 502, above: 0, source: 'EverBatt 2023 "Materials": zirconia saggar cp 502 J/(kg·K) (REFERENCE.md 1.3.6)' }),
    saggarTrips: quantity('', { description: 'trips a saggar survives before replacement', default: 20, min: 1, source: 'EverBatt 2023 "Materials": max 20 trips (500 service hours at 25 h per trip), $25 per saggar (REFERENCE.md 1.3.6)' }),
    liLossRate: quantity('1/h', { description: 'Li/TM volatilised per hour at 950 °C (as Li2O)', default: 0.002, min: 0, source: 'assumption: industrial calcination adds a few % excess Li to cover volatilisation over 10–20 h at 900–950 °C' }),
    liLossActivationEnergy: quantity('J/mol', { description: 'activation energy of Li volatilisation', default: 250e3, min: 0, source: 'assumption: Li2O vapour pressure rises steeply with temperature (≈10× per 100 K near 900 °C)' }),
    residualLiReaction: described(z.boolean().default(true), { description: 'residual LiOH/LiNO3/Li2O/Li2CO3 in the feed react into under-lithiated lots (bounded by their deficit)', source: 'assumption: at ≥700 °C residual Li salts are a Li source (review: residual Li used in relithiation, ref. [79])' }),
    healRatio: quantity('', { description: 'rock-salt healing rate ÷ cation-mixing recovery rate in O2 (air: one third; N2: none)', default: 0.3, min: 0, source: 'assumption: surface rock salt re-oxidises partly in O2; slower than bulk ordering' }),
    heating: described(z.enum(['electricity', 'natural-gas']).default('electricity'), { description: 'kiln heating utility', source: 'EverBatt 2023: furnace heat load is electricity (REFERENCE.md 1.3.6)' }),
    kilnEfficiency: fraction({ description: 'fraction of the delivered heat that reaches powder, saggars and gas (wall losses counted apart)', default: 0.6, above: 0, source: 'assumption: Kanthal (REFERENCE.md 1.4) gives ≈25 % for gas kilns, ≈60 % with heat recovery; electric kilns have no flue loss' }),
    kilnLoading: quantity('kg/m', { description: 'powder per metre of kiln length', default: 118, above: 0, source: 'assumption: 4 saggars across × 2 high × 5 kg per 0.34 m pitch' }),
    kilnSurface: quantity('m2/m', { description: 'outer wall surface per metre of kiln', default: 5, above: 0, source: 'assumption: ≈1.6 m × 0.9 m outer cross-section' }),
    wallU: quantity('W/(m2 K)', { description: 'overall wall-loss coefficient (inside temperature to ambient)', default: 1, min: 0, source: 'assumption: ≈300 mm refractory and insulation' }),
    rollerDrive: quantity('kW/m', { description: 'roller drives and fans per metre of kiln', default: 0.3, min: 0, source: 'assumption' }),
    handlingTime: quantity('h', { description: 'saggar filling (and, again, emptying) time per trip', default: '0.25 h', min: 0, source: 'assumption: automated saggar filling and dumping lines' }),
  })
  .superRefine((p, ctx) => {
    if (p.dischargeTemperature >= p.peak) ctx.addIssue({ code: 'custom', path: ['dischargeTemperature'], message: msg.dischargeNotBelowPeak(p.dischargeTemperature - 273.15, p.peak - 273.15) });
  });

type Params = z.output<typeof params>;

/** Heat-up, dwell and cool-down of one trip, h. */
export function sinteringTrip(p: Params, feedK: number): { heatH: number; dwellH: number; coolH: number } {
  return { heatH: rampHours(Math.min(feedK, p.peak), p.peak, p.ramp), dwellH: p.dwell, coolH: rampHours(p.peak, p.dischargeTemperature, p.coolRate) };
}

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
    const product = emptyStream(p.dischargeTemperature);
    const vent = emptyStream(p.peak);
    const recycled: Record<string, number> = {};
    const comps: Record<string, number> = {};
    for (const id in feed.components) if (feed.components[id]! !== 0) comps[id] = feed.components[id]!;
    let o2Net = 0; // kmol/h produced (+) or consumed (−) by the reactions

    // 1. Residual Li salts into under-lithiated layered lots (shared in proportion to deficits).
    const feedLots = feed.lots;
    const nLots = feedLots.length;
    const tm: number[] = new Array<number>(nLots);
    const deficit: number[] = new Array<number>(nLots);
    let totalDeficit = 0;
    for (let i = 0; i < nLots; i++) {
      const l = feedLots[i]!;
      const n = l.massKgPerHour > 0 ? tmKmolOf(l) : 0;
      tm[i] = n;
      const d = p.residualLiReaction && l.chemistry.family === 'layered' ? n * Math.max(0, FAMILY.layered.nominalLiPerTm - l.liPerTm) : 0;
      deficit[i] = d;
      totalDeficit += d;
    }
    let incorporated = 0;
    if (totalDeficit > 0) {
      let available = 0;
      for (const id of LI_SOURCES) if (comps[id]) available += kmolOf(id, comps[id]!) * (component(id).composition.Li ?? 0);
      const use = Math.min(available, totalDeficit);
      if (use > 0) {
        let left = use;
        for (const id of LI_SOURCES) {
          const kg = comps[id];
          if (!kg || left <= 0) continue;
          const comp = component(id).composition;
          const liPer = comp.Li ?? 0;
          const saltKmol = Math.min(kmolOf(id, kg), left / liPer);
          left -= saltKmol * liPer;
          const usedKg = kgOf(id, saltKmol);
          comps[id] = kg - usedKg <= kg * 1e-12 ? 0 : kg - usedKg;
          recycled[id] = (recycled[id] ?? 0) + usedKg;
          const c = comp.C ?? 0;
          const n = comp.N ?? 0;
          const h = comp.H ?? 0;
          const oRest = (comp.O ?? 0) - 2 * c - 2 * n - h / 2;
          addKg(vent.components, 'CO2', kgOf('CO2', saltKmol * c));
          addKg(vent.components, 'NO2', kgOf('NO2', saltKmol * n));
          addKg(vent.components, 'H2O(g)', kgOf('H2O(g)', (saltKmol * h) / 2));
          o2Net += (saltKmol * oRest) / 2;
        }
        incorporated = use;
      }
    }
    const share = totalDeficit > 0 ? incorporated / totalDeficit : 0;
    // Leftover hydrate dehydrates: LiOH·H2O → LiOH + H2O.
    const hydrate = comps['LiOH·H2O'];
    if (hydrate) {
      const k = kmolOf('LiOH·H2O', hydrate);
      comps['LiOH·H2O'] = 0;
      addKg(comps, 'LiOH', kgOf('LiOH', k));
      addKg(vent.components, 'H2O(g)', kgOf('H2O(g)', k));
    }

    // 2. Burn-off of carbon and binder residues in oxidising atmospheres.
    if (p.atmosphere !== 'N2' && p.peak >= BURN_MIN_K) {
      for (const id in BURN) {
        const kg = comps[id];
        if (!kg) continue;
        const b = BURN[id]!;
        const k = kmolOf(id, kg);
        comps[id] = 0;
        o2Net -= k * b.o2;
        addKg(vent.components, 'CO2', kgOf('CO2', k * b.co2));
        addKg(vent.components, 'H2O(g)', kgOf('H2O(g)', k * b.h2o));
        addKg(vent.components, 'HF', kgOf('HF', k * b.hf));
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
    const kLi = rateAt({ kRef_per_h: p.liLossRate, tRef_K: 1223.15, ea_J_per_mol: p.liLossActivationEnergy }, p.peak);
    const deltaLi = kLi * p.dwell;
    const kOrder = rateAt(SINTERING_RATE, p.peak);
    const healFactor = p.atmosphere === 'O2' ? p.healRatio : p.atmosphere === 'air' ? p.healRatio / 3 : 0;
    let li2oKmol = 0;
    const lots: Lot[] = new Array<Lot>(nLots);
    for (let i = 0; i < nLots; i++) {
      const l = feedLots[i]!;
      const n = tm[i]!;
      if (l.chemistry.family !== 'layered' || !(n > 0)) { lots[i] = { ...l }; continue; }
      let r = l.liPerTm + (deficit[i]! * share) / n;
      const d = Math.min(deltaLi, r);
      if (d > 0) {
        li2oKmol += (n * d) / 2;
        r -= d;
      }
      const k = kOrder * lotRateMultiplier(l);
      lots[i] = {
        ...l,
        liPerTm: r,
        massKgPerHour: lotMassAt(l.chemistry, n, r),
        cationMixing: approach(l.cationMixing, equilibriumCationMixing(l, p.atmosphere), k, p.dwell),
        surfaceRockSalt_nm: l.surfaceRockSalt_nm * Math.exp(-healFactor * k * p.dwell),
      };
    }
    if (li2oKmol > 0) {
      addKg(vent.components, 'Li2O', kgOf('Li2O', li2oKmol));
      o2Net -= li2oKmol / 2; // δ/4 O2 per Li = 1/2 O2 per Li2O
    }

    // 5. Atmosphere gas and the O2 balance.
    const powderKg = lotsMassOf(feed.lots) + massOf(charged(feed.components));
    const gasKg = p.gasPerKgPowder * powderKg;
    const o2Supplied = p.atmosphere === 'O2' ? gasKg : p.atmosphere === 'air' ? gasKg * AIR_O2_MASS_FRACTION : 0;
    const n2Supplied = gasKg - o2Supplied;
    const o2Vent = o2Supplied + kgOf('O2', o2Net) + (vent.components.O2 ?? 0);
    const draws: Record<string, number> = {};
    if (o2Vent < 0) {
      draws.O2 = o2Supplied - o2Vent;
      diagnostics.push(p.atmosphere === 'N2'
        ? { code: 'oxygen-from-lattice', severity: 'info', where: ctx.unitId, message: `${(-o2Vent).toPrecision(4)} kg/h O2 drawn for Li2O loss / burn-off under N2 (stands for lattice oxygen in the fixed-O lot formula)` }
        : { code: 'oxygen-short', severity: 'warning', where: ctx.unitId, message: `the reactions need ${(-o2Vent).toPrecision(4)} kg/h more O2 than the atmosphere gas brings; drawn as extra O2 — raise gasPerKgPowder` });
      delete vent.components.O2;
    } else {
      if (o2Supplied > 0) draws.O2 = o2Supplied;
      if (o2Vent > 0) vent.components.O2 = o2Vent;
      else delete vent.components.O2;
    }
    if (n2Supplied > 0) { draws.N2 = n2Supplied; addKg(vent.components, 'N2', n2Supplied); }

    product.lots = lots;
    for (const id in comps) addKg(product.components, id, comps[id]!);

    // 6. Energy.
    const trip = sinteringTrip(p, feed.temperatureK);
    const heat = { utility: p.heating, efficiency: p.kilnEfficiency } as const;
    const ledger = new EnergyLedger(ctx.describe !== false);
    const dT = Math.max(0, p.peak - feed.temperatureK);
    const solidCp = lotsCpFlow_kW_per_K(feed.lots) + componentsCpFlow_kW_per_K(condensed(feed.components));
    ledger.heat('powder and residues to the peak', 'sensible', solidCp * dT, { ...heat, basis: () => `${(solidCp * 3600).toPrecision(4)} kJ/(h·K) × ${dT.toFixed(1)} K` });
    const saggarTripsPerH = powderKg / p.saggarPowder;
    const saggarKg = saggarTripsPerH * p.saggarMass;
    const dTs = Math.max(0, p.peak - ctx.ambientK);
    ledger.heat('saggars (heated every trip)', 'sensible', sensibleKw(saggarKg, p.saggarCp, dTs), { ...heat, basis: () => `${saggarTripsPerH.toPrecision(4)} saggar trips/h × ${p.saggarMass} kg × ${p.saggarCp} J/(kg·K) × ${dTs.toFixed(1)} K` });
    const gasCp = p.atmosphere === 'O2' ? (component('O2').cp_J_per_kgK ?? 918) : p.atmosphere === 'N2' ? (component('N2').cp_J_per_kgK ?? 1040) : AIR_O2_MASS_FRACTION * (component('O2').cp_J_per_kgK ?? 918) + (1 - AIR_O2_MASS_FRACTION) * (component('N2').cp_J_per_kgK ?? 1040);
    ledger.heat(`${p.atmosphere} atmosphere to the peak`, 'sensible', sensibleKw(gasKg, gasCp, dTs), { ...heat, basis: () => `${gasKg.toPrecision(4)} kg/h × ${gasCp.toFixed(0)} J/(kg·K) × ${dTs.toFixed(1)} K (298 K Cp; no heat recovery)` });
    for (const id in evaporated) {
      const c = component(id);
      const kg = evaporated[id]!;
      ledger.heat(`evaporation of ${id}`, 'latent', (kg * c.latentHeat_J_per_kg!) / 3.6e6, { ...heat, basis: () => `${kg.toPrecision(4)} kg/h × ${(c.latentHeat_J_per_kg! / 1000).toFixed(0)} kJ/kg (heating of the vapour included in the powder term)` });
    }
    const wall = kilnWallLoss({ powderKgPerMetre: p.kilnLoading, surfacePerMetre_m2: p.kilnSurface, u_W_per_m2K: p.wallU }, powderKg, trip.heatH, trip.dwellH, trip.coolH, p.peak, ctx.ambientK);
    const everbattKw = (EVERBATT_LINE_KW * powderKg) / EVERBATT_LINE_KG_PER_H;
    ledger.loss('kiln wall losses', wall.kw, p.heating, () => `U ${p.wallU} W/(m²·K) × ${p.kilnSurface} m²/m × ${wall.length_m.toPrecision(4)} m (dwell zone at the peak, ramps at the mean); cross-check: EverBatt rates 800 kW per 2,000 t/yr line (REFERENCE.md 1.3.6) → ${everbattKw.toPrecision(4)} kW for ${powderKg.toPrecision(4)} kg/h`);
    ledger.motor('roller drives and fans', p.rollerDrive * wall.length_m, () => `${wall.length_m.toPrecision(4)} m × ${p.rollerDrive} kW/m`);

    const saggarsReplaced = saggarTripsPerH / p.saggarTrips;
    return {
      outlets: { product, vent },
      draws,
      recycled,
      energy: ledger.build(),
      consumablesPerHour: { saggar: saggarsReplaced },
      metrics: {
        tripTime_h: trip.heatH + trip.dwellH + trip.coolH,
        kilnLength_m: wall.length_m,
        saggarTrips_per_h: saggarTripsPerH,
        saggarsReplaced_per_h: saggarsReplaced,
        powder_kg_per_h: powderKg,
        residualLiIncorporated_kmol_per_h: incorporated,
        liVolatilised_kmol_per_h: 2 * li2oKmol,
        everbattRatedHeatLoad_kW: everbattKw,
      },
      diagnostics,
    };
  },
  design: (p, inlets, run, ctx) => {
    const trip = sinteringTrip(p, inlets.feed?.temperatureK ?? p.peak);
    const tripH = trip.heatH + trip.dwellH + trip.coolH;
    const kiln = costOf('rollerHearthKiln');
    const cycle = { loadH: p.handlingTime, heatH: trip.heatH, dwellH: trip.dwellH, coolH: trip.coolH, unloadH: p.handlingTime, cleanH: 0 };
    return {
      mode: 'continuous',
      residenceTimeH: tripH,
      cycle,
      equipment: [
        {
          name: 'roller-hearth-kiln',
          description: reportText(ctx, () => `roller-hearth kiln line with saggar handling (trip ${tripH.toFixed(2)} h: heat ${trip.heatH.toFixed(2)} + dwell ${trip.dwellH} + cool ${trip.coolH.toFixed(2)})`),
          mode: 'continuous',
          sizeUnit: 't/yr',
          maxSize: kiln.maxSize,
          minSize: kiln.minSize,
          // A line sized S t/yr at EverBatt's 25 h trip carries S × 6,500 kg/day ÷ 2,000 t/yr; the
          // kiln length is throughput × trip time, so a shorter trip carries proportionally more.
          capacityPerSize: (EVERBATT_LINE_KG_PER_H / EVERBATT_LINE_T_PER_YR) * (EVERBATT_TRIP_H / Math.max(tripH, 1e-6)),
          loadBasis: 'powder (size: EverBatt-equivalent line capacity at a 25 h trip)',
          loadKgPerHour: run.metrics?.powder_kg_per_h ?? 0,
          powerKwPerSize: EVERBATT_LINE_KW / EVERBATT_LINE_T_PER_YR,
          cost: kiln,
        },
      ],
      operatorsPerShift: 1,
    };
  },
});

/** Condensed components of a stream (everything but gases): heated in the saggars. */
function condensed(components: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id in components) if (component(id).phase !== 'gas') out[id] = components[id]!;
  return out;
}

/** Components charged to the saggars as powder (not gases, not evaporating liquids). */
function charged(components: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id in components) {
    const c = component(id);
    if (c.phase === 'gas' || (c.phase === 'liquid' && c.latentHeat_J_per_kg !== undefined)) continue;
    out[id] = components[id]!;
  }
  return out;
}

function massOf(rec: Record<string, number>): number {
  let m = 0;
  for (const id in rec) m += rec[id]!;
  return m;
}
