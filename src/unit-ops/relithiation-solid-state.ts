/**
 * `relithiation-solid-state`: Li2CO3 or LiOH is mixed into the lots and the mixture is calcined in a
 * roller-hearth kiln with saggars, as in virgin cathode synthesis (EverBatt cathode builder,
 * REFERENCE.md 1.3.6; review: post-relithiation lattice reconstruction at 700–900 °C; REFERENCE.md
 * 1.4: 3 h at 800 °C under O2 restores Li2CO3-coated NCM). A continuous mixer + kiln line.
 *
 * Lots (mechanisms/solid-state.ts):
 * - Dose for the BATCH: D = Σ n_i·(target·nominal·(1 + excess) − r0_i) (≥ 0), spread evenly by mixing,
 *   so every treated lot finds d = D/N Li per TM around it: a_i = r0_i + d.
 * - Redistribution between the lots' neighbourhoods is slow: a_i' = ā + (a_i − ā)·exp(−k·t),
 *   k = SOLID_STATE_REDISTRIBUTION(T) (rateConstant…), which conserves lithium exactly. Lots below the
 *   batch average end under-lithiated, those above over-lithiated.
 * - Uptake (ordering.ts latticeLiUptake): the deficit fills from a_i'; a share `excessUptake` of the Li
 *   beyond stoichiometry enters as far as the lattice has reordered, up to rMax; the rest stays as
 *   residual Li source for the wash. Where a_i' < r0_i the lattice gives Li back to the pool.
 * - The calcination reorders the lattice and heals rock salt exactly like `sintering` at the same
 *   temperature, time and atmosphere (ordering.ts reorder with SINTERING_RATE and the lot factors),
 *   and Li volatilises as Li2O (ordering.ts LI_VOLATILISATION).
 *
 * Reactions (net extent ξ = Σ n_i·(r_i + δ − r0_i), δ volatilised):
 *   Li_r MO2 + (1−r)/2 Li2CO3 → LiMO2 + (1−r)/2 CO2 + (1−r)/4 O2
 *   Li_r MO2 + (1−r) LiOH → LiMO2 + (1−r)/2 H2O(g) + (1−r)/4 O2
 *   Li_r MO2 + δ/4 O2 → Li_{r−δ} MO2 + δ/2 Li2O (fume, to vent)
 * (if ξ < 0 the reverse takes CO2/H2O and O2 from the kiln atmosphere, drawn as such).
 *
 * Energy: mixer (kWh/t); the kiln (correlations/kiln.ts, as `sintering`): charge, saggars and
 * atmosphere gas to temperature, wall and roller losses over the installed length held hot, drives
 * and fans; decomposition heat of the consumed source (Li2CO3 → Li2O + CO2, 224.6 kJ/mol; 2 LiOH →
 * Li2O + H2O(g), 65.0 kJ/mol LiOH, from standard enthalpies of formation [MEMORY: NIST-JANAF]; the
 * exothermic Li2O + MO insertion of Wang & Navrotsky 2004 (REFERENCE.md 1.3.6) is not credited);
 * moisture evaporation.
 */
import { z } from 'zod';
import { defineUnitOp, reportText, type Diagnostic } from './contract.js';
import { quantity, fraction, described } from '../schema/param.js';
import { component } from '../chemistry/components.js';
import { FAMILY } from '../chemistry/cathode.js';
import { rateAt } from './correlations/mechanisms/kinetics.js';
import { ORDERING_LOT_FACTORS, SINTERING_RATE, LI_VOLATILISATION, liVolatilised, reorder, latticeLiUptake } from './correlations/mechanisms/ordering.js';
import { SOLID_STATE_REDISTRIBUTION, EXCESS_UPTAKE, redistributedLi } from './correlations/mechanisms/solid-state.js';
import { defaultKilnEfficiency, kilnAtmosphere, kilnEfficiencyParam, kilnEnergy, kilnLineEquipment, kilnShape, kilnTrip } from './correlations/kiln.js';
import { EnergyLedger, sensibleKw, evaporationKw } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { copyFlows, emptyStream, heatCapacityFlowOf } from '../streams/stream.js';
import { LotCursor, rowsOf } from '../streams/row-stream.js';
import { MAKE_UP, MW, add, pruned, isGas, kineticParams, lotFactorsOf, treatedFamiliesParam, tmKmolPerHour, movedMass } from './correlations/relithiation.js';
import { activationEnergyParam, DWELL_H, HEAL_RATIO, LI_LOSS_PER_H, MECHANICAL_KWH_PER_KG, RAMP_K_PER_H, WALL_U, withCeiling } from './correlations/limits.js';
import { msg } from '../schema/messages.js';

/** Decomposition enthalpy of the Li source, kJ per mol of Li delivered ([MEMORY] NIST-JANAF ΔHf). */
export const SOURCE_DECOMPOSITION_KJ_PER_MOL_LI = { Li2CO3: 224.6 / 2, LiOH: 65.0 } as const;

const params = z.strictObject({
  liSource: described(z.enum(['Li2CO3', 'LiOH']).default('Li2CO3'), { description: 'lithium source mixed into the lots', source: 'EverBatt 2019 Table 18 (REFERENCE.md 1.1.7): cathode plants use Li2CO3 for NMC111/622 (LiOH for NMC811)' }),
  target: quantity('', { description: 'target Li/TM relative to the family nominal (1 = LiMO2)', default: 1, min: 0.5, max: 1.2, source: 'assumption: stoichiometric LiMO2' }),
  excess: fraction({ description: 'Li excess over the target for the batch average (dose to Li/TM = target × (1 + excess))', default: 0.05, max: 0.5, source: 'EverBatt 2023 cathode builder Li1.05 (REFERENCE.md 1.3.6); only a share of it enters the lattice (excessUptake), the rest is washed off' }),
  temperature: quantity('K', { description: 'calcination temperature', default: '800 degC', min: 773.15, max: 1373.15, displayUnit: 'degC', source: 'REFERENCE.md 1.4: 3 h at 800 °C in O2 restores Li2CO3-coated NCM; review: 700–900 °C' }),
  duration: quantity('h', { description: 'dwell at the calcination temperature', default: '3 h', above: 0, max: DWELL_H.max, source: withCeiling('REFERENCE.md 1.4: 3 h at 800 °C', DWELL_H) }),
  atmosphere: described(z.enum(['O2', 'air', 'N2']).default('O2'), { description: 'kiln atmosphere (sets the cation-mixing equilibrium and rock-salt healing, as in sintering)', source: 'REFERENCE.md 1.4: calcination "under oxygen flow"; Ni-rich NCM needs O2 (Linde, TMS 2020)' }),
  rMax: quantity('', { description: 'most Li/TM the lattice takes (relative to nominal); the rest stays as residual Li salt', default: 1.1, min: 1, max: 1.3, source: 'assumption: layered NCM takes up to ≈10 % Li excess (Li-rich Li1+xM1−xO2 regime) before Li salts remain on the surface' }),
  excessUptake: fraction({ description: 'share of the Li beyond stoichiometry around a lot that enters its lattice once fully reordered', default: EXCESS_UPTAKE, source: 'mechanisms/solid-state.ts EXCESS_UPTAKE (assumption: commercial oxides calcined with Li excess keep part of it as surface residual lithium)' }),
  ...kineticParams(SOLID_STATE_REDISTRIBUTION, 'mechanisms/solid-state.ts SOLID_STATE_REDISTRIBUTION (rate of Li redistribution between the lots)', ORDERING_LOT_FACTORS, 'mechanisms/ordering.ts ORDERING_LOT_FACTORS (lot factors of the lattice reconstruction, as sintering)'),
  healRatio: quantity('', { description: 'rock-salt healing rate ÷ cation-mixing recovery rate in O2 (air: one third; N2: none)', default: 1, min: 0, max: HEAL_RATIO.max, source: withCeiling('as sintering (assumption: the same Ni back-migration as the bulk ordering, O2 re-oxidising the surface)', HEAL_RATIO) }),
  liLossRate: quantity('1/h', { description: 'Li/TM volatilised per hour at 950 °C (as Li2O)', default: LI_VOLATILISATION.rateAt950C_per_h, min: 0, max: LI_LOSS_PER_H.max, source: withCeiling('mechanisms/ordering.ts LI_VOLATILISATION (assumption, as sintering)', LI_LOSS_PER_H) }),
  liLossActivationEnergy: activationEnergyParam('activation energy of Li volatilisation', LI_VOLATILISATION.ea_J_per_mol, 'mechanisms/ordering.ts LI_VOLATILISATION (assumption, as sintering)'),
  treatedFamilies: treatedFamiliesParam(),
  mixingEnergy: quantity('kWh/kg', { description: 'specific energy of the powder mixer', default: '5 kWh/t', min: 0, max: MECHANICAL_KWH_PER_KG.max, source: withCeiling('assumption: intensive powder mixing 2–10 kWh/t', MECHANICAL_KWH_PER_KG) }),
  mixerSize: quantity('t/h', { description: 'throughput of one standard mixer', default: '5 t/h', min: 0.05, max: 20, source: 'assumption: 5 t/h intensive mixer' }),
  heatingRate: quantity('K/h', { description: 'heat-up ramp in the kiln', default: '300 K/h', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 5 K/min, common cathode-calcination ramp', RAMP_K_PER_H) }),
  coolingRate: quantity('K/h', { description: 'cool-down rate in the kiln cooling zone', default: '180 K/h', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 3 K/min, as sintering', RAMP_K_PER_H) }),
  dischargeTemperature: quantity('K', { description: 'product temperature leaving the cooling zone', default: '100 degC', min: 273.15, max: 1373.15, displayUnit: 'degC', source: 'assumption: cooled for handling; max 1100 °C, the hottest calcination temperature' }),
  heatingUtility: described(z.enum(['electricity', 'natural-gas']).default('electricity'), { description: 'kiln energy', source: 'EverBatt 2023 cathode builder: furnace heat load as electricity (REFERENCE.md 1.3.6)' }),
  heatingEfficiency: kilnEfficiencyParam(),
  kilnU: quantity('W/(m2 K)', { description: 'overall wall-loss coefficient of the kiln', default: '1 W/(m2 K)', min: 0, max: WALL_U.max, source: withCeiling('assumption: ≈300 mm refractory and insulation (as sintering)', WALL_U) }),
  ...kilnShape,
});

type Params = z.output<typeof params>;

/** Heat-up, dwell and cool-down of one calcination trip, h. */
function calcinationTrip(p: Params, feedK: number) {
  return kilnTrip(feedK, p.temperature, p.dischargeTemperature, p.heatingRate, p.duration, p.coolingRate);
}

export const relithiationSolidState = defineUnitOp({
  kind: 'relithiation-solid-state',
  summary: 'Li2CO3/LiOH dosed for the batch and calcined in a roller-hearth kiln: slow Li redistribution between lots (over- and under-lithiated lots), lattice reconstruction as sintering, residual Li salt',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'CAM lots and whatever components come along' }],
    outlets: [
      { name: 'product', description: 'calcined CAM with any residual Li salt' },
      { name: 'vent', description: 'kiln exhaust: atmosphere gas, CO2, H2O, O2 evolved, Li2O fume' },
    ],
  }),
  run: (p: Params, inlets, ctx) => {
    const feed = inlets.feed ?? emptyStream(ctx.ambientK);
    const src = p.liSource;
    const liPerSource = src === 'Li2CO3' ? 2 : 1;
    const mwSource = src === 'Li2CO3' ? MW.Li2CO3 : MW.LiOH;
    // The feed's lots as rows, read through a cursor (row-stream.ts): no lot object per lot.
    const rows = rowsOf(feed);
    const cursor = new LotCursor(rows);
    const n = rows.n;

    // ---- dose for the batch
    const nTm = new Array<number>(n);
    const treated = new Array<boolean>(n);
    const r0: number[] = [];
    for (let i = 0; i < n; i++) r0.push(cursor.at(i).liPerTm);
    let N = 0;
    let D = 0;
    let cam = 0;
    let sumR0 = 0;
    for (let i = 0; i < n; i++) {
      const lot = cursor.at(i);
      cam += lot.massKgPerHour;
      treated[i] = p.treatedFamilies.includes(lot.chemistry.family);
      nTm[i] = tmKmolPerHour(lot);
      if (!treated[i]) continue;
      N += nTm[i]!;
      sumR0 += nTm[i]! * lot.liPerTm;
      D += nTm[i]! * (p.target * FAMILY[lot.chemistry.family].nominalLiPerTm * (1 + p.excess) - lot.liPerTm);
    }
    D = Math.max(0, D);
    const d = N > 0 ? D / N : 0;

    // ---- slow redistribution, uptake, reconstruction and volatilisation at temperature
    const kRedis = rateAt({ kRef_per_h: p.rateConstant, tRef_K: p.rateReferenceTemperature, ea_J_per_mol: p.activationEnergy }, p.temperature);
    const local = redistributedLi(r0, nTm, treated, d, kRedis, p.duration);
    const kOrder = rateAt(SINTERING_RATE, p.temperature);
    const factors = lotFactorsOf(p);
    const delta = liVolatilised({ rateAt950C_per_h: p.liLossRate, ea_J_per_mol: p.liLossActivationEnergy }, p.temperature, p.duration);
    // The product as rows of the same lots with their new Li/TM, mass, cation mixing and rock-salt; one step for all lots.
    const product = rows.derived(p.dischargeTemperature);
    const liPerTm = new Array<number>(n);
    const cationMixing = new Array<number>(n);
    const rockSalt = new Array<number>(n);
    const step = { k_per_h: kOrder, t_h: p.duration, atmosphere: p.atmosphere, healRatio: p.healRatio, factors };
    let xi = 0; // kmol Li/h from the source into lattices (before volatilisation)
    let li2oKmol = 0;
    let rMin = Infinity;
    let rMax = -Infinity;
    for (let i = 0; i < n; i++) {
      const lot = cursor.at(i);
      if (!treated[i]) {
        // unchanged
        product.mass[i] = lot.massKgPerHour;
        liPerTm[i] = lot.liPerTm;
        cationMixing[i] = lot.cationMixing;
        rockSalt[i] = lot.surfaceRockSalt_nm;
        continue;
      }
      const nominal = FAMILY[lot.chemistry.family].nominalLiPerTm;
      const ord = lot.chemistry.family === 'layered' ? reorder(lot, step) : null;
      const taken = latticeLiUptake(local[i]!, nominal, ord?.progress ?? 0, p.excessUptake, p.rMax);
      const lost = Math.min(delta, taken);
      const r = taken - lost;
      xi += nTm[i]! * (taken - lot.liPerTm);
      li2oKmol += (nTm[i]! * lost) / 2;
      product.mass[i] = movedMass(lot, r, nTm[i]!); // withLiPerTm's
      liPerTm[i] = r;
      cationMixing[i] = ord ? ord.cationMixing : lot.cationMixing;
      rockSalt[i] = ord ? ord.surfaceRockSalt_nm : lot.surfaceRockSalt_nm;
      if (r < rMin) rMin = r;
      if (r > rMax) rMax = r;
    }

    // ---- Li source: feed first, then fresh; reactions on the net extent
    const draws: Record<string, number> = {};
    const c = copyFlows(feed.components);
    const need = (D / liPerSource) * mwSource;
    const fresh = Math.max(0, need - (c[src] ?? 0));
    if (fresh > 0) { draws[src] = fresh; add(c, src, fresh); }
    product.overLiPerTm = liPerTm;
    product.overCationMixing = cationMixing;
    product.overSurfaceRockSalt_nm = rockSalt;
    const vent = emptyStream(p.dischargeTemperature);
    const gasMol = src === 'Li2CO3' ? 'CO2' : 'H2O(g)';
    const gasMw = src === 'Li2CO3' ? MW.CO2 : MW.H2O;
    c[src] = (c[src] ?? 0) - (xi / liPerSource) * mwSource;
    if (Math.abs(c[src]!) < 1e-12 * (need + 1)) c[src] = 0; // rounding of a fully incorporated dose
    const gasKg = (xi / 2) * gasMw;
    const diagnostics: Diagnostic[] = [];
    // O2: + ξ/4 released by insertion, − δ/4 per Li volatilised (1/2 O2 per Li2O)
    const o2NetKg = (xi / 4) * MW.O2 - (li2oKmol / 2) * MW.O2;
    if (xi >= 0) add(vent.components, gasMol, gasKg);
    else {
      // lattice Li expelled into the residual salt takes CO2/H2O from the kiln atmosphere
      add(draws, src === 'Li2CO3' ? 'CO2' : 'H2O', -gasKg);
      diagnostics.push({ code: 'lattice-lithium-expelled', severity: 'info', where: ctx.unitId, message: msg.latticeLithiumExpelled((-xi).toPrecision(4), src) });
    }
    if (li2oKmol > 0) add(vent.components, 'Li2O', li2oKmol * component('Li2O').molarMass_g_per_mol);
    const waterIn = c.H2O ?? 0;
    c.H2O = 0;
    add(vent.components, 'H2O(g)', waterIn);
    for (const id in c) {
      if (isGas(id)) add(vent.components, id, c[id]!);
      else add(product.components, id, c[id]!);
    }

    // ---- charge, atmosphere and energy
    const tIn = feed.temperatureK;
    const charged = copyFlows(feed.components);
    charged.H2O = 0;
    add(charged, src, fresh);
    const chargeCp = heatCapacityFlowOf(charged, rows) / 1000;
    let powderKg = cam;
    for (const id in charged) if (!isGas(id)) powderKg += charged[id]!;
    const kilnSettings = { ...p, heating: p.heatingUtility, efficiency: p.heatingEfficiency ?? defaultKilnEfficiency(p.heatingUtility), wallU: p.kilnU };
    kilnAtmosphere(p.atmosphere, p.gasPerKgPowder * powderKg, o2NetKg, vent, draws, ctx.unitId, diagnostics);
    const trip = calcinationTrip(p, tIn);
    const heat = { utility: p.heatingUtility, efficiency: kilnSettings.efficiency, basis: '' } as const; // basis here: each item's spread replaces it (V8 is slow to add a key to a spread copy)
    const ledger = new EnergyLedger(ctx.describe !== false);
    ledger.motor('powder mixer', p.mixingEnergy * powderKg, () => `${(p.mixingEnergy * 1000).toPrecision(3)} kWh/t × ${(powderKg / 1000).toPrecision(4)} t/h`);
    const kiln = kilnEnergy(ledger, kilnSettings, { powderKgPerHour: powderKg, chargeCp_kW_per_K: chargeCp, feedK: tIn, peakK: p.temperature }, trip, ctx.ambientK);
    if (xi > 0) {
      const h = SOURCE_DECOMPOSITION_KJ_PER_MOL_LI[src];
      ledger.heat(`decomposition of the consumed ${src}`, 'reaction', (xi * h * 1000) / 3600, { ...heat, basis: () => `${xi.toPrecision(4)} kmol Li/h × ${h} kJ/mol Li (insertion exotherm not credited)` });
    }
    if (waterIn > 0) {
      const wKw = sensibleKw(waterIn, component('H2O').cp_J_per_kgK!, Math.max(0, 373.15 - tIn)) + evaporationKw('H2O', waterIn);
      ledger.heat('moisture evaporated', 'latent', wKw, { ...heat, basis: () => `${waterIn.toPrecision(4)} kg/h heated to 100 °C and evaporated` });
    }

    const perKg = cam > 0 ? 1 / cam : 0;
    const residualKg = product.components[src] ?? 0;
    const metrics: Record<string, number> = {
      camKgPerHour: cam,
      powderKgPerHour: powderKg,
      batchAverageLiPerTm: N > 0 ? sumR0 / N : 0,
      dose_Li_per_TM: d,
      redistributionRate_per_h: kRedis,
      redistributedShare: 1 - Math.exp(-kRedis * p.duration),
      orderingRate_per_h: kOrder,
      liVolatilised_Li_per_TM: delta,
      lithiumInserted_kmol_per_h: xi,
      [`${src}_dosed_kg_per_kg_cam`]: need * perKg,
      [`${src}_consumed_kg_per_kg_cam`]: ((xi / liPerSource) * mwSource) * perKg,
      [`residual_${src}_kg_per_kg_cam`]: residualKg * perKg,
      [`${gasMol}_released_kg_per_kg_cam`]: Math.max(0, gasKg) * perKg,
      heatUp_h: trip.heatH,
      coolDown_h: trip.coolH,
      residenceTime_h: trip.heatH + trip.dwellH + trip.coolH,
      kilnLength_m: kiln.length_m,
      installedKilnLength_m: kiln.installedLength_m,
      saggarTrips_per_h: kiln.saggarTripsPerHour,
      everbattRatedHeatLoad_kW: kiln.everbattThroughputKw,
      everbattRatedHeatLoadByLength_kW: kiln.everbattLengthKw,
    };
    for (const id in draws) metrics[MAKE_UP(id)] = draws[id]! * perKg;
    if (rMin !== Infinity) { metrics.liPerTmMin = rMin; metrics.liPerTmMax = rMax; }
    return { outlets: { product: pruned(product), vent: pruned(vent) }, draws, recycled: {}, energy: ledger.build(), consumablesPerHour: { saggar: kiln.saggarTripsPerHour / p.saggarTrips }, metrics, diagnostics };
  },
  design: (p: Params, inlets, run, ctx) => {
    const m = run.metrics ?? {};
    const powder = m.powderKgPerHour ?? 0;
    const trip = calcinationTrip(p, inlets.feed?.temperatureK ?? p.temperature);
    const tripH = trip.heatH + trip.dwellH + trip.coolH;
    return {
      mode: 'continuous',
      residenceTimeH: tripH,
      cycle: { loadH: p.handlingTime, heatH: trip.heatH, dwellH: trip.dwellH, coolH: trip.coolH, unloadH: p.handlingTime, cleanH: 0 },
      equipment: [
        {
          name: 'powder mixer',
          description: `intensive mixer for CAM + ${p.liSource}`,
          mode: 'continuous',
          sizeUnit: 't/h',
          maxSize: p.mixerSize,
          minSize: 0.05,
          capacityPerSize: 1000,
          loadBasis: 'CAM + Li source',
          loadKgPerHour: powder,
          cycle: undefined,
          powerKwPerSize: p.mixingEnergy * 1000,
          cost: costOf('powderMixer'),
        },
        kilnLineEquipment(tripH, powder, reportText(ctx, () => `roller-hearth calcination kiln with saggar handling at ${(p.temperature - 273.15).toFixed(0)} °C, ${p.duration} h dwell (trip ${tripH.toFixed(2)} h)`), 'calcination kiln'),
      ],
      operatorsPerShift: 1,
    };
  },
});
