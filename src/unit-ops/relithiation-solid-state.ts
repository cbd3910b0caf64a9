/**
 * `relithiation-solid-state`: Li2CO3 or LiOH is mixed into the lots and the mixture is calcined
 * (review: post-relithiation lattice reconstruction at 700–900 °C; REFERENCE.md 1.4: 3 h at 800 °C
 * in O2 restores Li2CO3-coated NCM). A continuous mixer + calciner.
 *
 * Dose: the Li source is dosed for the BATCH AVERAGE: D = Σ n_i·(target_i·(1 + excess) − r0_i)
 * (≥ 0), with target_i = target × nominal Li/TM of the lot's family and excess 5 % (the Li1.05 of
 * EverBatt's cathode builder, REFERENCE.md 1.3.6). Mixing gives every treated lot the same Li per
 * TM mole d = D/N, so a lot holds a_i = r0_i + d of lithium (lattice + source around it).
 *
 * Redistribution (partial equalisation): Li moves between lots through the source melt/vapour at the
 * SOLID_STATE_RATE of lot-state.ts, k_i = k(T)·m_lot; a_i' = a* + (a_i − a*)·exp(−k_i·t), where the
 * pool value a* = Σ n_i a_i (1 − e_i) / Σ n_i (1 − e_i) conserves lithium exactly. Lots below the
 * average end under-lithiated, those above over-lithiated, unless k·t is large. Here a lot may also
 * lose lattice Li to the pool (approach from above is physical in a solid-state mixture).
 * The lattice takes r_i = min(a_i', rMax·nominal); the rest stays in the product as residual Li salt
 * (the source compound, Li2CO3 or LiOH).
 *
 * Reactions (net extent ξ = Σ n_i (r_i − r0_i)):
 *   Li_r MO2 + (1−r)/2 Li2CO3 → LiMO2 + (1−r)/2 CO2 + (1−r)/4 O2
 *   Li_r MO2 + (1−r) LiOH → LiMO2 + (1−r)/2 H2O(g) + (1−r)/4 O2
 * (if ξ < 0 the reverse takes CO2/H2O and O2 from the kiln atmosphere, drawn as such).
 *
 * Energy: mixer (kWh/t), kiln heating of powder + Li source from the inlet temperature (sensible),
 * decomposition heat of the consumed source (Li2CO3 → Li2O + CO2, 224.6 kJ/mol; 2 LiOH → Li2O +
 * H2O(g), 65.0 kJ/mol LiOH, from standard enthalpies of formation [MEMORY: NIST-JANAF]; the exothermic
 * Li2O + MO insertion of Wang & Navrotsky 2004 (REFERENCE.md 1.3.6) is not credited), moisture
 * evaporation, heating efficiency, kiln wall losses U·A·ΔT with A per t/h of throughput.
 */
import { z } from 'zod';
import { defineUnitOp, reportText, type Diagnostic } from './contract.js';
import { quantity, fraction, described } from '../schema/param.js';
import { component } from '../chemistry/components.js';
import { FAMILY } from '../chemistry/cathode.js';
import { SOLID_STATE_RATE } from './correlations/lot-state.js';
import { EnergyLedger, sensibleKw, wallLossKw, evaporationKw } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { emptyStream, heatCapacityFlow_W_per_K, type Stream } from '../streams/stream.js';
import type { Lot } from '../streams/lot.js';
import { MW, add, pruned, isGas, kineticParams, routeKinetics, lotRate, treatedFamiliesParam, tmKmolPerHour, withLiPerTm } from './correlations/relithiation.js';

/** Decomposition enthalpy of the Li source, kJ per mol of Li delivered ([MEMORY] NIST-JANAF ΔHf). */
export const SOURCE_DECOMPOSITION_KJ_PER_MOL_LI = { Li2CO3: 224.6 / 2, LiOH: 65.0 } as const;


const params = z.strictObject({
  liSource: described(z.enum(['Li2CO3', 'LiOH']).default('Li2CO3'), { description: 'lithium source mixed into the lots', source: 'EverBatt 2019 Table 18 (REFERENCE.md 1.1.7): cathode plants use Li2CO3 for NMC111/622 (LiOH for NMC811)' }),
  target: quantity('', { description: 'target Li/TM relative to the family nominal (1 = LiMO2)', default: 1, min: 0.5, max: 1.2, source: 'assumption: stoichiometric LiMO2' }),
  excess: fraction({ description: 'Li excess over the target for the batch average (Li/TM = target × (1 + excess))', default: 0.05, max: 0.5, source: 'EverBatt 2023 cathode builder Li1.05 (REFERENCE.md 1.3.6)' }),
  temperature: quantity('K', { description: 'calcination temperature', default: '800 degC', min: 773.15, max: 1373.15, displayUnit: 'degC', source: 'REFERENCE.md 1.4: 3 h at 800 °C in O2 restores Li2CO3-coated NCM; review: 700–900 °C' }),
  duration: quantity('h', { description: 'dwell at the calcination temperature', default: '3 h', above: 0, source: 'REFERENCE.md 1.4: 3 h at 800 °C' }),
  rMax: quantity('', { description: 'most Li/TM the lattice takes (relative to nominal); the rest stays as residual Li salt', default: 1.1, min: 1, max: 1.3, source: 'assumption: layered NCM takes up to ≈10 % Li excess (Li-rich Li1+xM1−xO2 regime) before Li salts remain on the surface' }),
  ...kineticParams(SOLID_STATE_RATE, 'SOLID_STATE_RATE'),
  treatedFamilies: treatedFamiliesParam(),
  mixingEnergy: quantity('kWh/kg', { description: 'specific energy of the powder mixer', default: '5 kWh/t', min: 0, source: 'assumption: intensive powder mixing 2–10 kWh/t' }),
  heatingRate: quantity('K/h', { description: 'heat-up ramp in the kiln', default: '300 K/h', above: 0, source: 'assumption: 5 K/min, common cathode-calcination ramp' }),
  coolingRate: quantity('K/h', { description: 'cool-down rate in the kiln cooling zone', default: '300 K/h', above: 0, source: 'assumption: 5 K/min' }),
  dischargeTemperature: quantity('K', { description: 'product temperature leaving the cooling zone', default: '100 degC', min: 273.15, displayUnit: 'degC', source: 'assumption: cooled for handling' }),
  heatingUtility: described(z.enum(['electricity', 'natural-gas']).default('electricity'), { description: 'kiln energy', source: 'EverBatt 2023 cathode builder: furnace heat load as electricity (REFERENCE.md 1.3.6)' }),
  heatingEfficiency: fraction({ description: 'fraction of delivered heat reaching the charge (wall losses counted apart)', default: 0.9, above: 0, source: 'assumption: resistive heating elements; gas firing ≈ 0.25–0.6 (REFERENCE.md 1.4, Kanthal [L])' }),
  kilnSurface: quantity('m2*h/t', { description: 'kiln outer surface per t/h of throughput', default: '100 m2*h/t', min: 0, source: 'assumption: rotary calciner ≈ 1.5 m × 20 m per t/h' }),
  kilnU: quantity('W/(m2 K)', { description: 'overall heat-loss coefficient of the kiln shell', default: '1.5 W/(m2 K)', min: 0, source: 'assumption: refractory-lined, insulated shell' }),
  calcinerSize: quantity('t/h', { description: 'throughput of one standard calciner', default: '1 t/h', min: 0.05, max: 20, source: 'assumption: 1 t/h per calciner (EverBatt calciner curve valid 0.05–20 t/h, REFERENCE.md 1.1.8)' }),
  mixerSize: quantity('t/h', { description: 'throughput of one standard mixer', default: '5 t/h', min: 0.05, max: 20, source: 'assumption: 5 t/h intensive mixer' }),
});

type Params = z.output<typeof params>;

export const relithiationSolidState = defineUnitOp({
  kind: 'relithiation-solid-state',
  summary: 'Li2CO3/LiOH mixed in at the batch-average dose and calcined: partial Li equalisation between lots, residual Li salt',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'CAM lots and whatever components come along' }],
    outlets: [
      { name: 'product', description: 'calcined CAM with any residual Li salt' },
      { name: 'vent', description: 'CO2, H2O and O2 evolved, and any other gas' },
    ],
  }),
  run: (p: Params, inlets, ctx) => {
    const feed = inlets.feed ?? emptyStream(ctx.ambientK);
    const src = p.liSource;
    const liPerSource = src === 'Li2CO3' ? 2 : 1;
    const mwSource = src === 'Li2CO3' ? MW.Li2CO3 : MW.LiOH;
    const lotsIn = feed.lots;
    const n = lotsIn.length;

    // ---- dose for the batch average
    const nTm = new Array<number>(n);
    const treated = new Array<boolean>(n);
    let N = 0;
    let D = 0;
    let cam = 0;
    let sumR0 = 0;
    for (let i = 0; i < n; i++) {
      const lot = lotsIn[i]!;
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

    // ---- partial equalisation
    const kin = routeKinetics(p, p.temperature);
    const e = new Array<number>(n);
    let wSum = 0;
    let waSum = 0;
    for (let i = 0; i < n; i++) {
      if (!treated[i]) continue;
      const lot = lotsIn[i]!;
      e[i] = Math.exp(-lotRate(kin.k_per_h, kin.factors, lot) * p.duration);
      const w = nTm[i]! * (1 - e[i]!);
      wSum += w;
      waSum += w * (lot.liPerTm + d);
    }
    const aStar = wSum > 0 ? waSum / wSum : 0;
    const lots: Lot[] = new Array<Lot>(n);
    let xi = 0;
    let rMin = Infinity;
    let rMax = -Infinity;
    for (let i = 0; i < n; i++) {
      const lot = lotsIn[i]!;
      if (!treated[i]) { lots[i] = lot; continue; } // unchanged: shared, never mutated
      const a = lot.liPerTm + d;
      const aEq = wSum > 0 ? aStar + (a - aStar) * e[i]! : a;
      const r = Math.min(aEq, p.rMax * FAMILY[lot.chemistry.family].nominalLiPerTm);
      xi += nTm[i]! * (r - lot.liPerTm);
      lots[i] = withLiPerTm(lot, r, nTm[i]!);
      if (r < rMin) rMin = r;
      if (r > rMax) rMax = r;
    }

    // ---- Li source: feed first, then fresh; reactions on the net extent
    const draws: Record<string, number> = {};
    const c: Record<string, number> = { ...feed.components };
    const need = (D / liPerSource) * mwSource;
    const fresh = Math.max(0, need - (c[src] ?? 0));
    if (fresh > 0) { draws[src] = fresh; add(c, src, fresh); }
    const product = emptyStream(p.dischargeTemperature);
    const vent = emptyStream(p.dischargeTemperature);
    product.lots = lots;
    const gasMol = src === 'Li2CO3' ? 'CO2' : 'H2O(g)';
    const gasMw = src === 'Li2CO3' ? MW.CO2 : MW.H2O;
    c[src] = (c[src] ?? 0) - (xi / liPerSource) * mwSource;
    if (Math.abs(c[src]!) < 1e-12 * (need + 1)) c[src] = 0; // rounding of a fully incorporated dose
    const gasKg = (xi / 2) * gasMw;
    const o2Kg = (xi / 4) * MW.O2;
    const diagnostics: Diagnostic[] = [];
    if (xi >= 0) {
      add(vent.components, gasMol, gasKg);
      add(vent.components, 'O2', o2Kg);
    } else {
      // lattice Li expelled into the residual salt takes CO2/H2O and O2 from the kiln atmosphere
      add(draws, src === 'Li2CO3' ? 'CO2' : 'H2O', -gasKg);
      add(draws, 'O2', -o2Kg);
      diagnostics.push({ code: 'lattice-lithium-expelled', severity: 'info', where: ctx.unitId, message: `lots above the lattice limit lose ${(-xi).toPrecision(4)} kmol/h Li into residual ${src}` });
    }
    const waterIn = c.H2O ?? 0;
    c.H2O = 0;
    add(vent.components, 'H2O(g)', waterIn);
    for (const id in c) {
      if (isGas(id)) add(vent.components, id, c[id]!);
      else add(product.components, id, c[id]!);
    }

    // ---- energy
    const tIn = feed.temperatureK;
    const dT = Math.max(0, p.temperature - tIn);
    const charge: Stream = { components: { ...feed.components }, lots: lotsIn, temperatureK: tIn };
    charge.components.H2O = 0;
    add(charge.components, src, fresh);
    const hcCharge = heatCapacityFlow_W_per_K(charge);
    let powderKg = cam;
    for (const id in charge.components) if (!isGas(id)) powderKg += charge.components[id]!;
    const eta = p.heatingEfficiency;
    const util = p.heatingUtility;
    const ledger = new EnergyLedger(ctx.describe !== false);
    ledger.motor('powder mixer', p.mixingEnergy * powderKg, () => `${(p.mixingEnergy * 1000).toPrecision(3)} kWh/t × ${(powderKg / 1000).toPrecision(4)} t/h`);
    ledger.heat('sensible heat of CAM and Li source', 'sensible', (hcCharge * dT) / 1000, { utility: util, efficiency: eta, basis: () => `${(hcCharge * 3.6).toPrecision(4)} kJ/(K·h) × ${dT.toFixed(1)} K to ${(p.temperature - 273.15).toFixed(0)} °C` });
    if (xi > 0) {
      const h = SOURCE_DECOMPOSITION_KJ_PER_MOL_LI[src];
      ledger.heat(`decomposition of the consumed ${src}`, 'reaction', (xi * h * 1000) / 3600, { utility: util, efficiency: eta, basis: () => `${xi.toPrecision(4)} kmol Li/h × ${h} kJ/mol Li (insertion exotherm not credited)` });
    }
    if (waterIn > 0) {
      const wKw = sensibleKw(waterIn, component('H2O').cp_J_per_kgK!, Math.max(0, 373.15 - tIn)) + evaporationKw('H2O', waterIn);
      ledger.heat('moisture evaporated', 'latent', wKw, { utility: util, efficiency: eta, basis: () => `${waterIn.toPrecision(4)} kg/h heated to 100 °C and evaporated` });
    }
    const area = p.kilnSurface * (powderKg / 1000);
    ledger.loss('kiln wall losses', wallLossKw(p.kilnU, area, p.temperature, ctx.ambientK) / eta, util, () => `${p.kilnU} W/(m²·K) × ${area.toPrecision(4)} m² (${p.kilnSurface} m²·h/t) × ${(p.temperature - ctx.ambientK).toFixed(1)} K ÷ ${eta}`);

    const heatH = dT / p.heatingRate;
    const coolH = Math.max(0, p.temperature - p.dischargeTemperature) / p.coolingRate;
    const perKg = cam > 0 ? 1 / cam : 0;
    const residualKg = product.components[src] ?? 0;
    const metrics: Record<string, number> = {
      camKgPerHour: cam,
      powderKgPerHour: powderKg,
      batchAverageLiPerTm: N > 0 ? sumR0 / N : 0,
      dose_Li_per_TM: d,
      poolLiPerTm: aStar,
      rateConstant_per_h: kin.k_per_h,
      lithiumInserted_kmol_per_h: xi,
      [`${src}_dosed_kg_per_kg_cam`]: need * perKg,
      [`${src}_consumed_kg_per_kg_cam`]: ((xi / liPerSource) * mwSource) * perKg,
      [`residual_${src}_kg_per_kg_cam`]: residualKg * perKg,
      [`${gasMol}_released_kg_per_kg_cam`]: Math.max(0, gasKg) * perKg,
      O2_released_kg_per_kg_cam: Math.max(0, o2Kg) * perKg,
      heatUp_h: heatH,
      coolDown_h: coolH,
      residenceTime_h: heatH + p.duration + coolH,
    };
    for (const id in draws) metrics[`makeUp_${id}_kg_per_kg_cam`] = draws[id]! * perKg;
    if (rMin !== Infinity) { metrics.liPerTmMin = rMin; metrics.liPerTmMax = rMax; }
    return { outlets: { product: pruned(product), vent: pruned(vent) }, draws, recycled: {}, energy: ledger.build(), metrics, diagnostics };
  },
  design: (p: Params, _inlets, run, ctx) => {
    const m = run.metrics ?? {};
    const powder = m.powderKgPerHour ?? 0;
    return {
      mode: 'continuous',
      residenceTimeH: m.residenceTime_h ?? p.duration,
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
          powerKwPerSize: p.mixingEnergy * 1000,
          cost: costOf('powderMixer'),
        },
        {
          name: 'calciner',
          description: reportText(ctx, () => `calciner at ${(p.temperature - 273.15).toFixed(0)} °C, ${p.duration} h dwell`),
          mode: 'continuous',
          sizeUnit: 't/h',
          maxSize: p.calcinerSize,
          minSize: 0.05,
          capacityPerSize: 1000,
          loadBasis: 'CAM + Li source',
          loadKgPerHour: powder,
          cost: costOf('calciner'),
        },
      ],
      operatorsPerShift: 1,
    };
  },
});
