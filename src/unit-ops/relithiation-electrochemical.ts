/**
 * `relithiation-electrochemical`: cathodic relithiation of cathode lots cast as electrodes in an
 * aqueous Li2SO4 electrolyte (review Table 1 [81]: waste LCO vs Pt / Ag/AgCl in Li2SO4 solution; the
 * review calls the route "precise but slow, low-throughput and costly"). Batch cell stacks.
 *
 * Overall reaction (cathode: Li⁺ insertion; anode: O2 evolution), per treated lot:
 *   Li_r MO2 + (1−r)/2 Li2SO4 + (1−r)/2 H2O → LiMO2 + (1−r)/2 H2SO4 + (1−r)/4 O2
 * Faradaic loss as water electrolysis: H2O → H2 + ½ O2 (2 F per H2).
 * Charge passed (mechanisms/electrochemical.ts): Q = F·Σ n_TM·(r_target − r0)·(1 + overcharge)/FE —
 * coulometric control of the batch. The Faradaic part FE·Q is shared among the lots in proportion to
 * deficit × rate multiplier m (the lot-state lot factors: the more delithiated and the faster lots draw
 * more current), each taking at most its deficit less controlSpread·(1 − min(1, m)) of it (slow
 * particles lose that share of their charge to side reactions); what full lots cannot take passes to
 * the others, and what none can take electrolyses water too. So the charge passed sets the Li each lot
 * gets: an undercharged batch leaves the deepest and slowest lots short; no lot is delithiated or
 * passes the target (cathodic only). No reordering at room temperature (an anneal follows).
 * Time: current density j on the electrode area A = m_CAM / loading: t = Q·loading / (j·m_CAM).
 * Electricity: V·I·t = V·Q, plus electrolyte circulation pumps. The electrolyte (Li2SO4 at the set
 * concentration, density ρ = 997.05 + 88·c kg/m³, assumption) comes from `recycle` first, then fresh
 * Li2SO4 and water. The acid formed stays in the electrolyte (its neutralisation is not modelled).
 */
import { z } from 'zod';
import { defineUnitOp, reportText, type Diagnostic } from './contract.js';
import { quantity, fraction, documentedRange } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { FAMILY } from '../chemistry/cathode.js';
import { lotRateMultiplier } from './correlations/mechanisms/kinetics.js';
import { shareCharge } from './correlations/mechanisms/electrochemical.js';
import { EnergyLedger } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { copyFlows, emptyStream } from '../streams/stream.js';
import { MW, FARADAY, add, supply, liquorClassifier, dischargeWetBatch, pruned, lotFactorParams, lotFactorsOf, treatedFamiliesParam, tmKmolPerHour, chargeRows, relithiateRows, reagentMetrics } from './correlations/relithiation.js';
import { LotCursor } from '../streams/row-stream.js';
import { HANDLING_H, LIQUID_PER_SOLID, PUMP_KWH_PER_M3, withCeiling } from './correlations/limits.js';

const MW_LI2SO4 = component('Li2SO4').molarMass_g_per_mol;
const MW_H2SO4 = component('H2SO4').molarMass_g_per_mol;
const MW_H2 = component('H2').molarMass_g_per_mol;

/** Components that stay in the electrolyte (besides every liquid or aqueous component). */
const isLiquor = liquorClassifier(['Li2SO4', 'H2SO4', 'LiOH', 'KOH', 'NaOH', 'LiNO3']);

/** Density of aqueous Li2SO4, kg/m³ (assumption: 1 M ≈ 1.085 g/cm³ [MEMORY], linear in molarity). */
export function li2so4Density(c_mol_per_L: number): number {
  return 997.05 + 88 * c_mol_per_L;
}

const params = z
  .strictObject({
    target: quantity('', { description: 'target Li/TM relative to the family nominal (1 = LiMO2)', default: 1, min: 0.5, max: 1.1, source: 'assumption: stoichiometric LiMO2 (coulometric control)' }),
    currentDensity: quantity('A/m2', { description: 'current density on the electrode (geometric) area', default: '1 mA/cm2', above: 0, max: 1000, source: 'assumption: ≈ C/3 for a 21 mg/cm² electrode with a 0.15 Li/TM deficit; review: the route is slow and low-throughput; max 100 mA/cm² (1000 A/m²): beyond industrial electrowinning (≈200–600 A/m² [MEMORY]) and ≈30 C for this electrode' }),
    electrodeLoading: quantity('kg/m2', { description: 'CAM loading of the working electrode', default: '21 mg/cm2', above: 0, max: 1, source: 'REFERENCE.md 1.4: 21 ± 0.5 mg/cm² pouch-cell cathode loading [M]; max 100 mg/cm² (1 kg/m²), as electrode-refabrication: ≈5× the thickest commercial electrodes' }),
    faradaicEfficiency: documentedRange(quantity('', { description: 'fraction of the charge that inserts lithium (the rest electrolyses water)', default: 0.9, source: 'assumption: aqueous cathodic lithiation with O2/H2 side reactions; in (0, 1]: no charge inserts more than one Li per electron' }), { above: 0, max: 1 }),
    cellVoltage: quantity('V', { description: 'cell voltage under load', default: '2 V', above: 0, max: 10, source: 'assumption: O2 evolution at the anode (≈1.2 V) + overpotentials and ohmic drop' }),
    electrolyteConcentration: quantity('mol/L', { description: 'Li2SO4 concentration of the charged electrolyte', default: '1 mol/L', above: 0, max: 3, source: 'assumption: review Table 1 [81] gives "Li2SO4 solution" without a concentration; max ≈ solubility (≈ 3 mol/L [MEMORY])' }),
    electrolyteVolume: quantity('L/kg', { description: 'electrolyte charged per kg of CAM', default: '5 L/kg', above: 0, max: LIQUID_PER_SOLID.max, source: withCeiling('assumption: flooded plate-and-frame cells', LIQUID_PER_SOLID) }),
    entrainedElectrolyte: quantity('L/kg', { description: 'electrolyte carried out with the solids, L per kg of solids', default: '0.25 L/kg', min: 0, max: 5, source: 'assumption: drained electrode material ≈ 20 wt % liquid' }),
    overcharge: quantity('', { description: 'charge passed beyond what the batch\'s deficit needs at the Faradaic efficiency (negative: undercharge)', default: 0, min: -0.5, max: 1, source: 'assumption: coulometric control of the batch to its target' }),
    controlSpread: fraction({ description: 'largest share of a slow lot\'s deficit left unrepaired (scaled by 1 − min(1, m_lot))', default: 0.05, source: 'assumption: per-cell coulometric control; slow particles lose a few % of their charge to side reactions' }),
    ...lotFactorParams(),
    treatedFamilies: treatedFamiliesParam(),
    loadTime: quantity('h', { description: 'time to load electrodes into a stack', default: '0.5 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption', HANDLING_H) }),
    unloadTime: quantity('h', { description: 'time to unload and scrape the electrodes', default: '0.5 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption', HANDLING_H) }),
    stackArea: quantity('m2', { description: 'electrode area of one standard cell stack', default: '100 m2', min: 1, max: 1000, source: 'assumption: plate-and-frame stack of 100 m²' }),
    circulation: quantity('1/h', { description: 'electrolyte volumes circulated per hour while charging', default: '6 1/h', min: 0, max: 100, source: 'assumption; max 100 /h (the electrolyte turned over every 36 s): plausibility ceiling, ≈15× the default' }),
    pumpEnergy: quantity('kWh/m3', { description: 'pumping energy per m³ circulated', default: '0.1 kWh/m3', min: 0, max: PUMP_KWH_PER_M3.max, source: withCeiling('assumption: ≈25 m head at 70 % pump efficiency (ρ·g·H/η)', PUMP_KWH_PER_M3) }),
  })
  .superRefine((p, ctx) => {
    const fe = p.faradaicEfficiency;
    if (typeof fe === 'number' && !(fe > 0 && fe <= 1)) {
      ctx.addIssue({ code: 'custom', path: ['faradaicEfficiency'], message: msg.faradaicEfficiencyOutOfRange(fe) });
    }
  });

type Params = z.output<typeof params>;

export const relithiationElectrochemical = defineUnitOp({
  kind: 'relithiation-electrochemical',
  summary: 'cathodic relithiation in Li2SO4 cells: coulometric charge to the target, Faradaic loss to H2/O2, time from current density',
  params,
  ports: () => ({
    inlets: [
      { name: 'feed', description: 'CAM lots and whatever components come along' },
      { name: 'recycle', description: 'recycled electrolyte (Li2SO4/H2O)', optional: true },
    ],
    outlets: [
      { name: 'solids', description: 'relithiated CAM with entrained electrolyte' },
      { name: 'electrolyte', description: 'spent electrolyte: Li2SO4, H2SO4 formed, water' },
      { name: 'vent', description: 'O2 from the anode, H2 from the Faradaic loss, any other gas' },
    ],
  }),
  run: (p: Params, inlets, ctx) => {
    const feed = inlets.feed ?? emptyStream(ctx.ambientK);
    const rec = inlets.recycle ?? emptyStream(ctx.ambientK);
    // The charge's lots as rows, read through a cursor (row-stream.ts): no lot object per lot.
    const charge = chargeRows(feed, rec);
    const cursor = new LotCursor(charge);
    let cam = 0;
    for (let i = 0; i < charge.n; i++) cam += charge.mass[i]!;

    // ---- electrolyte charge
    const litres = cam * p.electrolyteVolume;
    const rho = li2so4Density(p.electrolyteConcentration);
    const dSalt = (litres * p.electrolyteConcentration * MW_LI2SO4) / 1000;
    const dWater = Math.max(0, (litres * rho) / 1000 - dSalt);
    const draws: Record<string, number> = {};
    const recycled: Record<string, number> = {};
    const mkSalt = supply('Li2SO4', dSalt, rec.components.Li2SO4 ?? 0, feed.components.Li2SO4 ?? 0, recycled);
    const mkWater = supply('H2O', dWater, rec.components.H2O ?? 0, feed.components.H2O ?? 0, recycled);
    if (mkSalt > 0) draws.Li2SO4 = mkSalt;
    if (mkWater > 0) draws.H2O = mkWater;
    const c = copyFlows(feed.components);
    for (const k in rec.components) add(c, k, rec.components[k]!);
    add(c, 'Li2SO4', mkSalt);
    add(c, 'H2O', mkWater);

    // ---- lots: the charge passed, shared by potential and kinetics (mechanisms/electrochemical.ts)
    const factors = lotFactorsOf(p);
    const n = charge.n;
    const nTm: number[] = [];
    for (let i = 0; i < n; i++) nTm.push(tmKmolPerHour(cursor.at(i)));
    const cap = new Array<number>(n).fill(0);
    const weight = new Array<number>(n).fill(0);
    let needKmol = 0; // kmol Li (= kmol e⁻) to bring every treated lot to the target
    for (let i = 0; i < n; i++) {
      const lot = cursor.at(i);
      const rT = p.target * FAMILY[lot.chemistry.family].nominalLiPerTm;
      if (!p.treatedFamilies.includes(lot.chemistry.family) || lot.liPerTm >= rT) continue;
      const deficit = nTm[i]! * (rT - lot.liPerTm);
      const m = Math.min(1, lotRateMultiplier(lot, factors));
      needKmol += deficit;
      cap[i] = deficit * (1 - p.controlSpread * (1 - m));
      weight[i] = deficit * m;
    }
    const qKmol = (needKmol * (1 + p.overcharge)) / p.faradaicEfficiency;
    const share = shareCharge(qKmol * p.faradaicEfficiency, cap, weight);
    const rTarget: number[] = [];
    for (let i = 0; i < n; i++) { const l = cursor.at(i); rTarget.push(share[i]! > 0 ? l.liPerTm + share[i]! / nTm[i]! : l.liPerTm); }
    const diagnostics: Diagnostic[] = [];
    const tOut = ctx.ambientK;
    const rel = relithiateRows(charge, cursor, rTarget, nTm, tOut, { liAvailKmol: (2 * (c.Li2SO4 ?? 0)) / MW_LI2SO4, where: ctx.unitId, text: { holds: 'the electrolyte holds', fix: 'raise the Li2SO4 concentration or the electrolyte volume' }, diagnostics });
    const { solids, xi, lotsOutKg } = rel;
    // what does not insert Li electrolyses water
    const h2Kmol = Math.max(0, qKmol - xi) / 2;
    c.Li2SO4 = (c.Li2SO4 ?? 0) - (xi / 2) * MW_LI2SO4;
    c.H2O = (c.H2O ?? 0) - (xi / 2) * MW.H2O - h2Kmol * MW.H2O;
    add(c, 'H2SO4', (xi / 2) * MW_H2SO4);
    const o2 = (xi / 4 + h2Kmol / 2) * MW.O2;
    const h2 = h2Kmol * MW_H2;

    // ---- outlets
    const electrolyte = emptyStream(tOut);
    const vent = emptyStream(tOut);
    add(vent.components, 'O2', o2);
    add(vent.components, 'H2', h2);
    dischargeWetBatch(c, isLiquor, { solids, liquor: electrolyte, vent }, lotsOutKg, p.entrainedElectrolyte, rho);

    // ---- time and energy
    const coulombPerH = qKmol * 1000 * FARADAY;
    const ampPerKg = p.currentDensity / p.electrodeLoading;
    const chargeH = cam > 0 ? coulombPerH / cam / ampPerKg / 3600 : 0;
    const ledger = new EnergyLedger(ctx.describe !== false);
    ledger.electric('cell electricity V·I·t', 'electrochemical', (p.cellVoltage * coulombPerH) / 3.6e6, () => `${p.cellVoltage} V × ${(coulombPerH / 3600).toPrecision(5)} Ah/h (Q = F·Σ n·Δr_target·(1 + ${p.overcharge}) / FE ${p.faradaicEfficiency})`);
    const circulatedM3PerH = ((cam * chargeH * p.electrolyteVolume) / 1000) * p.circulation;
    ledger.motor('electrolyte pumps', p.pumpEnergy * circulatedM3PerH, () => `${p.pumpEnergy} kWh/m³ × ${circulatedM3PerH.toPrecision(4)} m³/h circulated (${p.circulation}/h of the ${((cam * chargeH * p.electrolyteVolume) / 1000).toPrecision(4)} m³ in service)`);

    const perKg = cam > 0 ? 1 / cam : 0;
    const cycleH = p.loadTime + chargeH + p.unloadTime;
    const metrics: Record<string, number> = {
      camKgPerHour: cam,
      charge_Ah_per_h: coulombPerH / 3600,
      charge_Ah_per_kg_cam: (coulombPerH / 3600) * perKg,
      chargeTime_h: chargeH,
      cycleTime_h: cycleH,
      current_A_per_kg_cam: ampPerKg,
      electrodeArea_m2_per_kg_cam: 1 / p.electrodeLoading,
      electrodeAreaInService_m2: (cam * cycleH) / p.electrodeLoading,
      camPerStack_kg: p.stackArea * p.electrodeLoading,
      lithiumInserted_kmol_per_h: xi,
      faradaicShareOfCharge: qKmol > 0 ? xi / qKmol : 0,
      Li2SO4_consumed_kg_per_kg_cam: (xi / 2) * MW_LI2SO4 * perKg,
      H2SO4_formed_kg_per_kg_cam: (xi / 2) * MW_H2SO4 * perKg,
      H2_kg_per_kg_cam: h2 * perKg,
      O2_kg_per_kg_cam: o2 * perKg,
      cellEnergy_kWh_per_kg_cam: ((p.cellVoltage * coulombPerH) / 3.6e6) * perKg,
      electrolyteVolume_L_per_h: litres,
    };
    reagentMetrics(metrics, draws, recycled, cam, rel);
    return { outlets: { solids: pruned(solids), electrolyte: pruned(electrolyte), vent: pruned(vent) }, draws, recycled, energy: ledger.build(), metrics, diagnostics };
  },
  design: (p: Params, _inlets, run, ctx) => {
    const m = run.metrics ?? {};
    const cycle = { loadH: p.loadTime, heatH: 0, dwellH: m.chargeTime_h ?? 0, coolH: 0, unloadH: p.unloadTime, cleanH: 0 };
    return {
      mode: 'batch',
      residenceTimeH: cycle.loadH + cycle.dwellH + cycle.unloadH,
      cycle,
      equipment: [{
        name: 'electrochemical cell stack',
        description: reportText(ctx, () => `plate-and-frame Li2SO4 cells, ${p.stackArea} m² of electrode per stack at ${(p.currentDensity / 10).toPrecision(3)} mA/cm²`),
        mode: 'batch',
        sizeUnit: 'm2',
        maxSize: p.stackArea,
        minSize: 1,
        capacityPerSize: p.electrodeLoading,
        loadBasis: 'CAM',
        loadKgPerHour: m.camKgPerHour ?? 0,
        cycle,
        powerKwPerSize: (p.cellVoltage * p.currentDensity) / 1000,
        cost: costOf('electrochemicalCell'),
      }],
      operatorsPerShift: 1,
    };
  },
});
