/**
 * `electrode-refabrication`: turns regenerated CAM into a coated positive electrode — slurry of
 * CAM, conductive additive (carbon black, CNT, graphene or a mix) and binder (PVDF, PAA, alginate)
 * in NMP or water; coating on Al foil; drying with solvent recovery; calendering. Output in m² of
 * electrode (`metrics.electrodeArea_m2_per_h`), and the lots get their conductive network
 * (review: point–line–plane CB/CNT/graphene networks [97–99], PAA and alginate binders [100, 101]).
 *
 * Model:
 * - Dry electrode solids S = CAM ÷ camFraction (CAM = lots + non-volatile residues they carry);
 *   conductive = S·conductiveFraction split by the conductive shares; binder = S·binderFraction.
 *   Defaults 96/2/2 from the BatPaC 5.0 cell BOM via EverBatt 2023 (NMC622: CAM 44.78 %, carbon
 *   black 0.93 %, PVDF 0.93 % of the cell, REFERENCE.md 1.3.4).
 * - Solvent = solvent/binder ratio × binder: 16 for NMP, 40 for water (BatPaC 5.0 via EverBatt
 *   2023, REFERENCE.md 1.3.4). NMP is recovered at 99.5 % (REFERENCE.md 1.3.4) and reused inside the
 *   unit: only the loss is drawn and vented. Water is not recovered.
 * - Area A = S ÷ (areal loading × sides); Al foil drawn = A × foil mass per m².
 * - Drying: solvent to min(dryer T, boiling point) + latent heat; the dryer air, heated from ambient,
 *   is set by the solvent loading the exhaust may carry (NMP: 25 % of its 1.3 vol% LEL, the NFPA 86
 *   limit without LEL monitoring; water: 0.1 kg/kg dry air); coating solids and foil to the dryer
 *   temperature; ÷ dryer efficiency. NMP recovery: the exhaust air is cooled to the condenser
 *   temperature and the NMP condensed, duty ÷ chiller COP on electricity. Cross-check: Susarla et
 *   al. (REFERENCE.md 1.4) — water needs ≈10× less drying energy per kg solvent than NMP; the
 *   model's ratio at the same settings is in metrics and the basis text.
 * - Slurry mixing, coating-line drives and calendering on electricity (specific energies).
 * - Equipment: BatPaC 5.0 plant capital (REFERENCE.md 1.3.5) scaled with exponent 0.9: positive
 *   materials preparation (kg/yr CAM), coating and calendering (m²/yr), solvent recovery (kg/yr
 *   NMP). Yearly sizes use 7,680 h/yr (BatPaC's 320 d/yr × 24 h, assumption) to convert to kg/h.
 */
import { z } from 'zod';
import { defineUnitOp, type Diagnostic, type EquipmentSpec } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { emptyStream, lotListMass, lotListCpFlow_kW_per_K } from '../streams/stream.js';
import { copyLot } from '../streams/lot.js';
import { component, resolveComponentId } from '../chemistry/components.js';
import { EnergyLedger, sensibleKw } from './correlations/energy.js';
import { addKg, componentsCpFlow_kW_per_K, optionalQuantity } from './correlations/finishing.js';
import { costOf } from './data/equipment.js';
import { msg } from '../schema/messages.js';

const CONDUCTIVES = ['carbon-black', 'CNT', 'graphene'] as const;
const LABEL: Record<(typeof CONDUCTIVES)[number], string> = { 'carbon-black': 'CB', CNT: 'CNT', graphene: 'graphene' };
/** BatPaC operating hours used to turn yearly sizes into kg/h (320 d/yr × 24 h, assumption). */
const BATPAC_HOURS = 320 * 24;
/** NMP lower explosive limit, mole fraction in air (SDS value 1.3 vol% [MEMORY]). */
const NMP_LEL = 0.013;
/** Molar mass of dry air, g/mol. */
const AIR_MOLAR_MASS = 28.96;
/** Heat capacity of dry air near 100 °C, J/(kg·K) (standard tables). */
const AIR_CP = 1009;
/** BatPaC 5.0 baseline positive electrode area (m²/yr) and direct labour (h/yr) (REFERENCE.md 1.3.5). */
const BATPAC_AREA_M2_PER_YR = 303e6;
const BATPAC_COATING_LABOUR_H = 59_000;
const BATPAC_SOLVENT_LABOUR_H = 17_000;

const params = z
  .strictObject({
    camFraction: fraction({ description: 'CAM mass fraction of the dry electrode coating', default: 0.96, source: 'BatPaC 5.0 NMC622 cell BOM via EverBatt 2023: CAM 44.78 %, CB 0.93 %, PVDF 0.93 % of the cell → 96/2/2 (REFERENCE.md 1.3.4) [DERIVED]' }),
    conductiveFraction: fraction({ description: 'conductive-additive mass fraction of the dry coating', default: 0.02, source: 'BatPaC 5.0 via EverBatt 2023 (REFERENCE.md 1.3.4) [DERIVED]' }),
    binderFraction: fraction({ description: 'binder mass fraction of the dry coating', default: 0.02, source: 'BatPaC 5.0 via EverBatt 2023 (REFERENCE.md 1.3.4) [DERIVED]' }),
    conductive: described(z.record(z.string(), z.number().min(0).max(1)).default({ 'carbon-black': 1 }).transform((rec) => {
      // Keys to registry ids (aliases accepted); unknown keys are kept for the check below.
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(rec)) { const id = resolveComponentId(k) ?? k; out[id] = (out[id] ?? 0) + v; }
      return out;
    }), { description: 'shares of the conductive additive: carbon-black, CNT, graphene (sum 1)', source: 'BatPaC: carbon black; review: CNT/graphene hybrids [97–99]' }),
    binder: described(z.enum(['PVDF', 'PAA', 'alginate']).default('PVDF'), { description: 'binder', source: 'BatPaC: PVDF; review: PAA [100] and alginate [101]' }),
    solvent: described(z.enum(['NMP', 'water']).optional(), { description: 'slurry solvent (default: NMP for PVDF, water for PAA and alginate)', source: 'BatPaC / EverBatt 2023 (REFERENCE.md 1.3.4)' }),
    solventToBinder: optionalQuantity('', { description: 'solvent per kg binder (kg/kg)', defaultText: '16 for NMP, 40 for water', above: 0, max: 200, source: 'BatPaC 5.0 via EverBatt 2023 "Man Par.": NMP/binder 16, non-NMP (water) 40 (REFERENCE.md 1.3.4)' }),
    arealLoading: quantity('kg/m2', { description: 'dry coating per m² per side', default: '21 mg/cm2', above: 0, max: 1, source: 'review-cited pouch cell at 21 ± 0.5 mg/cm² (REFERENCE.md 1.4)' }),
    sides: quantity('', { description: 'coated sides of the foil (1 or 2)', default: 2, min: 1, max: 2, source: 'assumption: industrial electrodes are double-sided' }),
    foilMass: quantity('kg/m2', { description: 'Al current-collector foil mass per m²', default: 0.0405, above: 0, max: 1, source: 'assumption: 15 µm Al foil × 2700 kg/m³' }),
    dryingTemperature: quantity('K', { description: 'electrode dryer air temperature', default: '130 degC', min: 313.15, max: 473.15, displayUnit: 'degC', source: 'vendor pages: NMP drying 80–160 °C (REFERENCE.md 1.4) [L]' }),
    dryerEfficiency: fraction({ description: 'fraction of the dryer heat that reaches air, solvent and web (oven walls apart)', default: 0.8, above: 0, source: 'assumption: insulated convective oven' }),
    dryerUtility: described(z.enum(['natural-gas', 'steam', 'electricity']).default('natural-gas'), { description: 'dryer heating utility', source: 'GREET cell manufacturing energy 82.4 % natural gas (REFERENCE.md 1.1.6)' }),
    exhaustSolventLoading: optionalQuantity('', { description: 'solvent carried per kg of dryer air (kg/kg); sets the dryer air flow', defaultText: 'NMP 0.0111 (25 % of its LEL), water 0.1', above: 0, max: 1, source: 'NMP: 25 % of the 1.3 vol% LEL (NFPA 86 limit without LEL monitoring) [MEMORY]; water: assumption 0.1 kg/kg dry air' }),
    nmpRecovery: fraction({ description: 'fraction of evaporated NMP recovered and reused', default: 0.995, source: 'EverBatt/BatPaC NMP recovery 99.5 % (REFERENCE.md 1.3.4)' }),
    condenserTemperature: quantity('K', { description: 'temperature to which the NMP-laden exhaust is cooled', default: '10 degC', min: 253.15, max: 333.15, displayUnit: 'degC', source: 'assumption: chilled-water condenser' }),
    chillerCop: quantity('', { description: 'coefficient of performance of the recovery chiller', default: 4, above: 0, max: 20, source: 'assumption: chilled-water plant' }),
    mixingEnergy: quantity('kWh/kg', { description: 'slurry mixing energy per kg of slurry', default: 0.05, min: 0, max: 1, source: 'assumption: planetary / continuous mixer ≈50 kWh per tonne of slurry' }),
    coaterEnergy: quantity('kWh/m2', { description: 'coating-line drives, pumps and web handling per m² of electrode', default: 0.005, min: 0, max: 1, source: 'assumption' }),
    calenderingEnergy: quantity('kWh/m2', { description: 'calender motor energy per m² of electrode', default: 0.02, min: 0, max: 1, source: 'assumption: ≈150 kW calender at ≈6,000 m²/h' }),
  })
  .superRefine((p, ctx) => {
    const sum = p.camFraction + p.conductiveFraction + p.binderFraction;
    if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['camFraction'], message: msg.electrodeFractionsSum(sum, p.camFraction, p.conductiveFraction, p.binderFraction) });
    let shares = 0;
    for (const [k, v] of Object.entries(p.conductive)) {
      const id = resolveComponentId(k);
      if (!id || !(CONDUCTIVES as readonly string[]).includes(id)) ctx.addIssue({ code: 'custom', path: ['conductive', k], message: msg.notOneOf(k, CONDUCTIVES) });
      shares += v;
    }
    if (Math.abs(shares - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['conductive'], message: msg.conductiveSharesSum(shares, p.conductive) });
    if (p.binder === 'PVDF' && p.solvent === 'water') ctx.addIssue({ code: 'custom', path: ['solvent'], message: msg.binderSolventMismatch(p.binder, p.solvent) });
    if ((p.binder === 'PAA' || p.binder === 'alginate') && p.solvent === 'NMP') ctx.addIssue({ code: 'custom', path: ['solvent'], message: msg.binderSolventMismatch(p.binder, p.solvent) });
  });

type Params = z.output<typeof params>;

function solventOf(p: Params): 'NMP' | 'water' {
  return p.solvent ?? (p.binder === 'PVDF' ? 'NMP' : 'water');
}

/** Default kg of solvent per kg of dryer air: NMP at 25 % of its LEL, water 0.1 kg/kg. */
function defaultExhaustLoading(solvent: 'NMP' | 'water'): number {
  if (solvent === 'water') return 0.1;
  const x = 0.25 * NMP_LEL;
  return (x * component('NMP').molarMass_g_per_mol) / ((1 - x) * AIR_MOLAR_MASS);
}

/** kg of solvent per kg of dryer air. */
function exhaustLoading(p: Params, solvent: 'NMP' | 'water'): number {
  return p.exhaustSolventLoading ?? defaultExhaustLoading(solvent);
}

/** Drying heat (kW, before efficiency) to evaporate `kg` of solvent with its air at T, from ambient. */
function solventDryingKw(solvent: 'NMP' | 'water', kg: number, airKg: number, tDry: number, ambientK: number): { sensible: number; latent: number; air: number } {
  const c = component(solvent === 'NMP' ? 'NMP' : 'H2O');
  const tb = c.boilingPoint_K ?? tDry;
  return {
    sensible: sensibleKw(kg, c.cp_J_per_kgK ?? 2000, Math.max(0, Math.min(tDry, tb) - ambientK)),
    latent: (kg * c.latentHeat_J_per_kg!) / 3.6e6,
    air: sensibleKw(airKg, AIR_CP, Math.max(0, tDry - ambientK)),
  };
}

export const electrodeRefabrication = defineUnitOp({
  kind: 'electrode-refabrication',
  summary: 'slurry, coating on Al foil, drying with NMP recovery, calendering: regenerated CAM to electrode (m²)',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'regenerated CAM' }],
    outlets: [
      { name: 'electrode', description: 'coated, calendered electrode: CAM lots + conductive additive + binder + Al foil' },
      { name: 'vent', description: 'solvent losses and water vapour' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const diagnostics: Diagnostic[] = [];
    const solvent = solventOf(p);
    const electrode = emptyStream(ctx.ambientK);
    const vent = emptyStream(p.dryingTemperature);
    const draws: Record<string, number> = {};
    let label = '';
    for (const id of CONDUCTIVES) {
      const share = shareOf(p.conductive, id);
      if (share > 0) label = label ? `${label}+${LABEL[id]}` : LABEL[id];
    }
    electrode.lots = feed.lots.map((l) => { const e = copyLot(l); e.conductiveNetwork = label; return e; });
    // CAM solids: lots and the non-volatile residues they carry; feed moisture evaporates.
    let camKg = lotListMass(feed.lots);
    let feedVolatileHeatKw = 0;
    for (const id in feed.components) {
      const kg = feed.components[id]!;
      if (kg === 0) continue;
      const c = component(id);
      if (c.phase === 'gas') addKg(vent.components, id, kg);
      else if (c.phase === 'liquid' && c.latentHeat_J_per_kg !== undefined) {
        addKg(vent.components, id === 'H2O' ? 'H2O(g)' : id, kg);
        feedVolatileHeatKw += sensibleKw(kg, c.cp_J_per_kgK ?? 2000, Math.max(0, Math.min(p.dryingTemperature, c.boilingPoint_K ?? p.dryingTemperature) - feed.temperatureK)) + (kg * c.latentHeat_J_per_kg) / 3.6e6;
      } else { addKg(electrode.components, id, kg); camKg += kg; }
    }
    const solidsKg = camKg / p.camFraction;
    const conductiveKg = solidsKg * p.conductiveFraction;
    for (const id of CONDUCTIVES) {
      const kg = conductiveKg * shareOf(p.conductive, id);
      if (kg > 0) { draws[id] = kg; addKg(electrode.components, id, kg); }
    }
    const binderKg = solidsKg * p.binderFraction;
    if (binderKg > 0) { draws[p.binder] = binderKg; addKg(electrode.components, p.binder, binderKg); }
    const ratio = p.solventToBinder ?? (solvent === 'NMP' ? 16 : 40);
    const solventKg = ratio * binderKg;
    const areaM2 = solidsKg / (p.arealLoading * p.sides);
    const foilKg = areaM2 * p.foilMass;
    if (foilKg > 0) { draws.Al = foilKg; addKg(electrode.components, 'Al', foilKg); }
    let nmpRecovered = 0;
    if (solvent === 'NMP') {
      nmpRecovered = solventKg * p.nmpRecovery;
      const loss = solventKg - nmpRecovered;
      if (loss > 0) { draws.NMP = loss; addKg(vent.components, 'NMP', loss); }
    } else if (solventKg > 0) {
      draws.H2O = solventKg;
      addKg(vent.components, 'H2O(g)', solventKg);
    }

    // Energy.
    const ledger = new EnergyLedger(ctx.describe !== false);
    const slurryKg = solidsKg + solventKg;
    ledger.motor('slurry mixing', p.mixingEnergy * slurryKg, () => `${slurryKg.toPrecision(4)} kg/h slurry × ${p.mixingEnergy} kWh/kg`);
    ledger.motor('coating line', p.coaterEnergy * areaM2, () => `${areaM2.toPrecision(4)} m²/h × ${p.coaterEnergy} kWh/m²`);
    const heat = { utility: p.dryerUtility, efficiency: p.dryerEfficiency, basis: '' } as const; // basis here: each item's spread replaces it (V8 is slow to add a key to a spread copy)
    const loading = exhaustLoading(p, solvent);
    const airKg = solventKg / loading;
    const d = solventDryingKw(solvent, solventKg, airKg, p.dryingTemperature, ctx.ambientK);
    const perKg = solventKg > 0 ? ((d.sensible + d.latent + d.air) * 3.6) / solventKg / p.dryerEfficiency : 0;
    const other: 'NMP' | 'water' = solvent === 'NMP' ? 'water' : 'NMP';
    const dOther = solventDryingKw(other, 1, 1 / defaultExhaustLoading(other), p.dryingTemperature, ctx.ambientK);
    const perKgOther = ((dOther.sensible + dOther.latent + dOther.air) * 3.6) / p.dryerEfficiency;
    const solventName = solvent === 'NMP' ? 'NMP' : 'water';
    ledger.heat(`${solventName} to the drying temperature`, 'sensible', d.sensible, { ...heat, basis: () => `${solventKg.toPrecision(4)} kg/h ${solventName}` });
    ledger.heat(`evaporation of ${solventName}`, 'latent', d.latent, { ...heat, basis: () => `${solventKg.toPrecision(4)} kg/h × ${(component(solvent === 'NMP' ? 'NMP' : 'H2O').latentHeat_J_per_kg! / 1000).toFixed(0)} kJ/kg` });
    ledger.heat('dryer air', 'sensible', d.air, { ...heat, basis: () => `${airKg.toPrecision(4)} kg/h air (${loading.toPrecision(3)} kg ${solventName} per kg air) × ${AIR_CP} J/(kg·K) × ${(p.dryingTemperature - ctx.ambientK).toFixed(1)} K; drying ${perKg.toFixed(2)} MJ per kg ${solventName} vs ${perKgOther.toFixed(2)} MJ per kg ${other} at the same settings (Susarla et al., REFERENCE.md 1.4: water needs ≈10× less than NMP)` });
    const webCp = lotListCpFlow_kW_per_K(feed.lots) + componentsCpFlow_kW_per_K(electrode.components);
    const dTweb = Math.max(0, p.dryingTemperature - ctx.ambientK);
    ledger.heat('coating and foil to the drying temperature', 'sensible', webCp * dTweb, { ...heat, basis: () => `${(webCp * 3600).toPrecision(4)} kJ/(h·K) × ${dTweb.toFixed(1)} K` });
    ledger.heat('feed moisture', 'latent', feedVolatileHeatKw, { ...heat, basis: 'moisture carried by the CAM, heated and evaporated' });
    if (solvent === 'NMP' && solventKg > 0) {
      const nmp = component('NMP');
      const duty = sensibleKw(airKg, AIR_CP, Math.max(0, p.dryingTemperature - p.condenserTemperature)) + (nmpRecovered * nmp.latentHeat_J_per_kg!) / 3.6e6;
      ledger.electric('NMP recovery chiller', 'other', duty / p.chillerCop, () => `cooling ${airKg.toPrecision(4)} kg/h exhaust to ${(p.condenserTemperature - 273.15).toFixed(0)} °C and condensing ${nmpRecovered.toPrecision(4)} kg/h NMP: ${duty.toPrecision(4)} kW ÷ COP ${p.chillerCop}`);
    }
    ledger.motor('calendering', p.calenderingEnergy * areaM2, () => `${areaM2.toPrecision(4)} m²/h × ${p.calenderingEnergy} kWh/m²`);

    const recycled: Record<string, number> = {};
    if (nmpRecovered > 0) recycled.NMP = nmpRecovered;
    const electrodeKg = lotListMass(electrode.lots) + Object.values(electrode.components).reduce((a, v) => a + v, 0);
    return {
      outlets: { electrode, vent },
      draws,
      recycled,
      energy: ledger.build(),
      metrics: {
        electrodeArea_m2_per_h: areaM2,
        electrode_kg_per_h: electrodeKg,
        cam_kg_per_h: camKg,
        slurry_kg_per_h: slurryKg,
        solvent_kg_per_h: solventKg,
        nmpEvaporated_kg_per_h: solvent === 'NMP' ? solventKg : 0,
        nmpRecovered_kg_per_h: nmpRecovered,
        dryerAir_kg_per_h: airKg,
        dryingEnergy_MJ_per_kg_solvent: perKg,
        dryingEnergyOtherSolvent_MJ_per_kg: perKgOther,
      },
      diagnostics,
    };
  },
  design: (_p, _inlets, run) => {
    const m = run.metrics ?? {};
    const area = m.electrodeArea_m2_per_h ?? 0;
    const electrodeKg = m.electrode_kg_per_h ?? 0;
    const kgPerM2 = area > 0 ? electrodeKg / area : 1;
    const prep = costOf('batpacPositiveMaterialsPrep');
    const coat = costOf('batpacPositiveCoating');
    const cal = costOf('batpacCalendering');
    const rec = costOf('batpacSolventRecovery');
    const equipment: EquipmentSpec[] = [
      { name: 'materials-preparation', description: 'positive materials preparation (dosing, slurry mixing)', mode: 'continuous', sizeUnit: 'kg/yr', maxSize: prep.maxSize, minSize: prep.minSize, capacityPerSize: 1 / BATPAC_HOURS, loadBasis: 'CAM (size in kg/yr at 7,680 h/yr)', loadKgPerHour: m.cam_kg_per_h ?? 0, cycle: undefined, powerKwPerSize: undefined, cost: prep },
      { name: 'coating-line', description: 'slot-die coating line with dryer', mode: 'continuous', sizeUnit: 'm2/yr', maxSize: coat.maxSize, minSize: coat.minSize, capacityPerSize: kgPerM2 / BATPAC_HOURS, loadBasis: 'electrode (size in m²/yr at 7,680 h/yr)', loadKgPerHour: electrodeKg, cycle: undefined, powerKwPerSize: undefined, cost: coat },
      { name: 'calender', description: 'calendering line', mode: 'continuous', sizeUnit: 'm2/yr', maxSize: cal.maxSize, minSize: cal.minSize, capacityPerSize: kgPerM2 / BATPAC_HOURS, loadBasis: 'electrode (size in m²/yr at 7,680 h/yr)', loadKgPerHour: electrodeKg, cycle: undefined, powerKwPerSize: undefined, cost: cal },
    ];
    const nmp = m.nmpEvaporated_kg_per_h ?? 0;
    if (nmp > 0) equipment.push({ name: 'solvent-recovery', description: 'NMP recovery (condensation and distillation)', mode: 'continuous', sizeUnit: 'kg/yr', maxSize: rec.maxSize, minSize: rec.minSize, capacityPerSize: 1 / BATPAC_HOURS, loadBasis: 'NMP evaporated (size in kg/yr at 7,680 h/yr)', loadKgPerHour: nmp, cycle: undefined, powerKwPerSize: undefined, cost: rec });
    // BatPaC direct labour (h/yr) scaled by area with exponent 0.7 (BatPaC labour exponents 0.5–0.9).
    const scale = Math.pow((area * BATPAC_HOURS) / BATPAC_AREA_M2_PER_YR, 0.7);
    const labourH = (BATPAC_COATING_LABOUR_H + (nmp > 0 ? BATPAC_SOLVENT_LABOUR_H : 0)) * scale;
    return { mode: 'continuous', residenceTimeH: 0.1, equipment, operatorsPerShift: labourH / BATPAC_HOURS };
  },
});

function shareOf(shares: Record<string, number>, id: string): number {
  return shares[id] ?? 0;
}
