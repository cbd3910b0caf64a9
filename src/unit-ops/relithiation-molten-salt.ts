/**
 * `relithiation-molten-salt`: batch relithiation of layered cathode lots in a molten (eutectic)
 * lithium salt at ambient pressure (review Table 1: LiOH–LiNO3–LiC7H5O2 at 300 °C for 4 h [82];
 * LiNO3–LiOH·H2O–Li2CO3 at 600 °C for 4 h [83]; LiOH–Ni(OH)2–Na2SO4 at 450 °C for 4 h [84];
 * REFERENCE.md 1.4: ternary molten salt at 400 °C for NCM523, eutectic LiI–LiOH of Ma et al. 2022).
 *
 * Charge: CAM + salt at `saltRatio` kg of salt per kg of CAM, salt composition in mole fractions of
 * the selected system. Salt arriving at `recycle` (recovered by washing / liquor recovery) is used
 * first (→ recycled); the rest is fresh make-up (→ draws; LiOH as LiOH·H2O by default, its water
 * boiling off). The temperature must exceed the system's melting point (load error otherwise).
 *
 * Lots (mechanisms/molten-salt.ts): Li moves in along the grain boundaries at MOLTEN_SALT_RATE(T) ×
 * the melt's lot factors (D50 and cracks matter little), toward r_eq = 1 + slope·(L − 1)·progress
 * (L = mol Li in the salt per mol TM of the charge; progress = how far the lattice has rearranged),
 * so a hot, Li-rich melt over-lithiates and a 300 °C melt does not. Lots at or above r_eq are left
 * alone (the melt does not pull lithium out). In the same step the flux reconstructs the lattice at
 * MELT_ORDERING_RATE(T) (mechanisms/ordering.ts reorder): cation mixing relaxes, the rock-salt layer
 * heals (oxidising nitrate melts fully, others as air) and intergranular cracks close as grains
 * regrow — ≈3 % in 4 h at 300 °C [82], ≈95 % at 600 °C [83]. LiOH is the Li donor:
 * Li_r MO2 + (1−r) LiOH → LiMO2 + (1−r)/2 H2O + (1−r)/4 O2; the water and O2 go to `vent` as gas.
 * Salt decomposition (e.g. LiNO3 above ≈600 °C) is not modelled.
 *
 * Energy per batch: sensible heat of CAM + salt from the charge temperature, heat of fusion of the
 * salt (sum of its components' enthalpies of fusion — assumption for a eutectic), water heated,
 * evaporated and superheated, vessel steel reheated from the discharge temperature, wall losses
 * U·A·ΔT over the hot part of the cycle, agitator; furnace efficiency. Reaction heat unknown,
 * neglected. Cost: jacketed agitated reactor × corrosion-resistant material factor (Ni alloy).
 */
import { z } from 'zod';
import { defineUnitOp, reportText, type Diagnostic } from './contract.js';
import { quantity, fraction, described } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { MOLTEN_SALT_RATE, MELT_ORDERING_RATE, MOLTEN_SALT_LOT_FACTORS, meltEquilibriumLiPerTm } from './correlations/mechanisms/molten-salt.js';
import { approach, rateAt } from './correlations/mechanisms/kinetics.js';
import { reorder, type Atmosphere, type Reordered } from './correlations/mechanisms/ordering.js';
import { FAMILY } from '../chemistry/cathode.js';
import { EnergyLedger, sensibleKw, evaporationKw } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { copyFlows, emptyStream, heatCapacityFlowOf } from '../streams/stream.js';
import { LotCursor, type RowStream } from '../streams/row-stream.js';
import {
  MW, add, supply, isGas, pruned, kineticParams, routeKinetics, lotRate, treatedFamiliesParam,
  tmKmolPerHour, planBatch, batchMetrics, batchCycle, batchVesselEnergy, batchVesselEquipment, CAM_DENSITY_KG_PER_M3, batchComponents, chargeRows, chargeTemperature, drawLiOH, relithiateRows, reagentMetrics,
} from './correlations/relithiation.js';
import { activationEnergyParam, referenceTemperatureParam, AGITATION_KW_PER_M3, DWELL_H, HANDLING_H, HEAL_RATIO, MATERIAL_FACTOR, RAMP_K_PER_H, RATE_PER_H, VESSEL_STEEL_KG_PER_M3, WALL_U, withCeiling } from './correlations/limits.js';
import { LotScratch } from '../streams/lot-scratch.js';

/** A molten-salt system: mole fractions, melting point and where each number comes from. */
export interface SaltSystem {
  /** Component id → mole fraction (sum 1). */
  x: Record<string, number>;
  meltingPointK: number;
  source: string;
}

/** The melt as an atmosphere for reconstruction: nitrate melts oxidise like O2, the others like air (assumption). */
export function meltAtmosphere(sys: SaltSystem): Atmosphere {
  return (sys.x.LiNO3 ?? 0) > 0 ? 'O2' : 'air';
}

/** Salt systems the unit knows (compositions and melting points: see each source). */
/** Per-lot scratch of a run: each lot's TM kmol/h and the Li/TM it reaches. */
const N_TM = new LotScratch();
const R_TARGET = new LotScratch();

export const SALT_SYSTEMS = {
  'LiOH-LiNO3': {
    x: { LiOH: 0.38, LiNO3: 0.62 },
    meltingPointK: 183 + 273.15,
    source: '[MEMORY] binary eutectic 0.38 LiOH–0.62 LiNO3 melting at 183 °C (Shi et al., Green Chem. 2018, eutectic Li-salt relithiation of NCM523); not in REFERENCE.md',
  },
  'LiOH-LiNO3-LiC7H5O2': {
    x: { LiOH: 0.3, LiNO3: 0.6, 'Li-benzoate': 0.1 },
    meltingPointK: 170 + 273.15,
    source: 'review Table 1 [82] (used at 300 °C); composition and melting point 170 °C are assumptions (the benzoate lowers the LiOH–LiNO3 eutectic; values not in REFERENCE.md or the review)',
  },
  'LiNO3-LiOH-Li2CO3': {
    x: { LiNO3: 0.55, LiOH: 0.35, Li2CO3: 0.1 },
    meltingPointK: 250 + 273.15,
    source: 'review Table 1 [83] (LiNO3–LiOH·H2O–Li2CO3, used at 600 °C); composition and melting point 250 °C are assumptions (near the LiNO3 melting point 255 °C; not in REFERENCE.md or the review)',
  },
  'LiOH-Na2SO4': {
    x: { LiOH: 0.8, Na2SO4: 0.2 },
    meltingPointK: 420 + 273.15,
    source: 'review Table 1 [84] (LiOH–Ni(OH)2–Na2SO4, used at 450 °C; the minor Ni(OH)2 is not modelled); composition and melting point 420 °C are assumptions (below LiOH 462 °C; not in REFERENCE.md or the review)',
  },
  'LiI-LiOH': {
    x: { LiI: 0.4, LiOH: 0.6 },
    meltingPointK: 175 + 273.15,
    source: 'Ma et al., JACS 2022 (REFERENCE.md 1.4: "the lowest eutectic point among binary eutectic lithium salt systems", no numbers); composition 0.4:0.6 and 175 °C are [MEMORY]/assumption, kept below the LiOH–LiNO3 183 °C as the abstract implies',
  },
} satisfies Record<string, SaltSystem>;

/** Lowest melting point of the salt systems, K: a cake discharged hotter may still be molten. */
const LOWEST_MELTING_K = Math.min(...Object.values(SALT_SYSTEMS).map((x) => x.meltingPointK));

/** Name of a salt system. */
export type SaltSystemName = keyof typeof SALT_SYSTEMS;
const SALT_NAMES = Object.keys(SALT_SYSTEMS) as [SaltSystemName, ...SaltSystemName[]];

/**
 * Enthalpy of fusion of the salt components, kJ/mol (NIST Chemistry WebBook / JANAF values from
 * memory [MEMORY]; Li benzoate: assumption). The heat of fusion of a eutectic is taken as the mole-
 * weighted sum of its components' (assumption; the mixing enthalpy is neglected).
 */
export const FUSION_KJ_PER_MOL: Record<string, number> = { LiOH: 20.9, LiNO3: 25.5, Li2CO3: 41.0, LiI: 14.6, Na2SO4: 23.6, 'Li-benzoate': 20.0 };

/** Li atoms per formula unit of the salt components. */
const LI_PER_FORMULA: Record<string, number> = Object.fromEntries(
  ['LiOH', 'LiNO3', 'Li2CO3', 'LiI', 'Na2SO4', 'Li-benzoate'].map((id) => [id, component(id).composition.Li ?? 0]),
);


const params = z
  .strictObject({
    salt: described(z.enum(SALT_NAMES).default('LiOH-LiNO3-LiC7H5O2'), { description: `salt system: ${SALT_NAMES.join(', ')} (composition and melting point of each in SALT_SYSTEMS)`, source: 'review Table 1 [82]: LiOH–LiNO3–LiC7H5O2 (its rate calibrates MOLTEN_SALT_RATE)' }),
    saltRatio: quantity('kg/kg', { description: 'kg of salt per kg of CAM in the charge (mass ratio)', default: 1, above: 0, max: 20, source: 'assumption: lab eutectic relithiation mixes salt and CAM at about 1:1 by mass [MEMORY] (≈1.9 mol Li per mol TM for LiOH–LiNO3 with NCM523)' }),
    temperature: quantity('K', { description: 'melt temperature (must exceed the salt melting point)', default: '300 degC', above: 273.15, max: 1273.15, displayUnit: 'degC', source: 'review Table 1 [82]: 300 °C' }),
    duration: quantity('h', { description: 'dwell at temperature', default: '4 h', above: 0, max: DWELL_H.max, source: withCeiling('review Table 1 [82][83][84]: 4 h', DWELL_H) }),
    overLithiationSlope: quantity('', { description: 'rise of r_eq per mol Li in the salt per mol TM above 1, once the lattice has rearranged: r_eq = 1 + slope·(L − 1)·progress', default: 0.04, min: 0, max: 1, source: 'assumption: the melt is a Li reservoir, so a hot melt over-lithiates (≈1.04 at 1:1 salt:CAM, fully reordered); review: over-treatment is the cost of heterogeneity; Li enters TM sites only as the lattice rearranges (mechanisms/ordering.ts)' }),
    rEqMax: quantity('', { description: 'upper bound of r_eq (relative to the family nominal Li/TM)', default: 1.1, min: 1, max: 1.3, source: 'assumption: layered NCM takes up to ≈10 % Li excess (Li-rich Li1+xM1−xO2 regime) before Li salts remain on the surface' }),
    ...kineticParams(MOLTEN_SALT_RATE, 'mechanisms/molten-salt.ts MOLTEN_SALT_RATE', MOLTEN_SALT_LOT_FACTORS, 'mechanisms/molten-salt.ts MOLTEN_SALT_LOT_FACTORS'),
    orderingRate: quantity('1/h', { description: 'flux-assisted reconstruction rate (cation mixing, rock salt, cracks) at orderingReferenceTemperature', default: MELT_ORDERING_RATE.kRef_per_h, above: 0, max: RATE_PER_H.max, source: withCeiling('correlations/mechanisms/molten-salt.ts MELT_ORDERING_RATE (assumption calibrated on review Table 1 [83]: (003) repair and rock-salt suppression in 4 h at 600 °C)', RATE_PER_H) }),
    orderingReferenceTemperature: referenceTemperatureParam('temperature at which orderingRate applies', `${Number((MELT_ORDERING_RATE.tRef_K - 273.15).toFixed(2))} degC`, 'correlations/mechanisms/molten-salt.ts MELT_ORDERING_RATE'),
    orderingActivationEnergy: activationEnergyParam('activation energy of the flux-assisted reconstruction (the melt\'s mobility)', `${MELT_ORDERING_RATE.ea_J_per_mol / 1000} kJ/mol`, 'correlations/mechanisms/molten-salt.ts MELT_ORDERING_RATE (assumption: as the melt\'s Li transport; [82] at 300 °C keeps its defects)'),
    healRatio: quantity('', { description: 'rock-salt healing rate ÷ reconstruction rate in an oxidising (nitrate) melt; other melts heal as air, a third of it', default: 1, min: 0, max: HEAL_RATIO.max, source: withCeiling('review on [83]: the LiNO3–LiOH–Li2CO3 melt suppresses rock salt in the same step (assumption: as fast as the lattice reorders)', HEAL_RATIO) }),
    treatedFamilies: treatedFamiliesParam(),
    liohMakeUp: described(z.enum(['LiOH·H2O', 'LiOH']).default('LiOH·H2O'), { description: 'form in which fresh LiOH is drawn (hydrate water boils off)', source: 'assumption: LiOH·H2O is the traded form (REFERENCE.md 1.5); review Table 1 [83] uses LiOH·H2O' }),
    reactorVolume: quantity('m3', { description: 'volume of one standard molten-salt reactor (pot)', default: '2 m3', min: 0.1, max: 35, source: 'assumption: Ni-alloy pots are smaller than autoclaves (heavy melt, corrosion)' }),
    workingFill: quantity('', { description: 'working volume / vessel volume', default: 0.6, min: 0.15, max: 0.9, source: 'assumption: headspace for water and O2 release; SuperPro working-volume range 15–90 % (REFERENCE.md 4.3)' }),
    meltDensity: quantity('kg/m3', { description: 'density of the molten salt', default: '1800 kg/m3', min: 500, max: 5000, source: 'assumption: LiNO3 / LiOH melts ≈ 1.4–1.8 g/cm³ [MEMORY]; 500–5000 kg/m³ spans every nitrate, hydroxide, carbonate, sulfate and iodide melt (molten LiI ≈ 3.1 g/cm³ [MEMORY])' }),
    loadTime: quantity('h', { description: 'time to charge CAM and salt', default: '0.5 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption: powder charge by screw feeder', HANDLING_H) }),
    unloadTime: quantity('h', { description: 'time to discharge the solidified cake', default: '1 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption: cake broken out or poured onto a cooling belt', HANDLING_H) }),
    heatingRate: quantity('K/h', { description: 'heat-up ramp', default: '180 K/h', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 3 K/min, electrically heated pot', RAMP_K_PER_H) }),
    coolingRate: quantity('K/h', { description: 'cool-down rate to the discharge temperature', default: '120 K/h', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 2 K/min, forced-air cooling', RAMP_K_PER_H) }),
    dischargeTemperature: quantity('K', { description: 'temperature at which the solid cake is discharged (outlet temperature)', default: '100 degC', min: 273.15, max: LOWEST_MELTING_K, displayUnit: 'degC', source: `assumption: cake handled below 100 °C; max ${LOWEST_MELTING_K - 273.15} °C, the lowest melting point of the salt systems: the cake is discharged solid` }),
    vesselSteel: quantity('kg/m3', { description: 'alloy of vessel and agitator per m³ of vessel volume (reheated every batch)', default: '400 kg/m3', min: 0, max: VESSEL_STEEL_KG_PER_M3.max, source: withCeiling('assumption: atmospheric pot, ≈10 mm Ni-alloy wall + agitator', VESSEL_STEEL_KG_PER_M3) }),
    wallU: quantity('W/(m2 K)', { description: 'overall heat-loss coefficient of the insulated furnace wall', default: '1 W/(m2 K)', min: 0, max: WALL_U.max, source: withCeiling('assumption: ≈150 mm furnace insulation at 300–600 °C', WALL_U) }),
    agitatorPower: quantity('kW/m3', { description: 'agitator power per m³ of vessel volume while molten', default: '1 kW/m3', min: 0, max: AGITATION_KW_PER_M3.max, source: withCeiling('assumption: viscous melt with dense solids, upper end of 0.2–1 kW/m³', AGITATION_KW_PER_M3) }),
    heatingUtility: described(z.enum(['electricity', 'natural-gas', 'steam']).default('electricity'), { description: 'utility heating the furnace', source: 'assumption: electrically heated pot furnace (steam cannot reach 300 °C+)' }),
    heatingEfficiency: fraction({ description: 'furnace efficiency: fraction of delivered heat reaching the charge and vessel', default: 0.85, above: 0, source: 'assumption: resistive heating, wall losses counted separately; gas firing ≈ 0.25–0.6 (REFERENCE.md 1.4, Kanthal [L])' }),
    corrosionMaterialFactor: quantity('', { description: 'material cost factor of the corrosion-resistant reactor', default: 7.1, min: 1, max: MATERIAL_FACTOR.max, source: withCeiling('assumption: solid Ni alloy against molten hydroxide/nitrate, Turton Table A.3 F_M = 7.1 [MEMORY] (review: molten salt is corrosive, stricter equipment)', MATERIAL_FACTOR) }),
  })
  .superRefine((p, ctx) => {
    const sys = SALT_SYSTEMS[p.salt];
    if (sys && typeof p.temperature === 'number' && !(p.temperature > sys.meltingPointK)) {
      ctx.addIssue({ code: 'custom', path: ['temperature'], message: msg.belowMeltingPoint(p.salt, p.temperature - 273.15, sys.meltingPointK - 273.15) });
    }
  });

type Params = z.output<typeof params>;

/**
 * Grains regrow in the flux: the lots the melt reordered (`rebuilt[i]`) take its cation mixing and
 * rock-salt, and their intergranular cracks close as far as the lattice has rearranged — kept as
 * changed numbers of `solids` (rows of the charge's lots, relithiated). Returns the mass reordered
 * (kg/h × progress).
 */
function regrow(charge: RowStream, lot: LotCursor, rebuilt: readonly (Reordered | null)[], solids: RowStream): number {
  let reordered = 0;
  if (!rebuilt.some((o) => o !== null)) return reordered;
  const n = charge.n;
  const cationMixing = new Array<number>(n);
  const rockSalt = new Array<number>(n);
  const cracks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    lot.at(i);
    const ord = rebuilt[i];
    if (!ord) {
      cationMixing[i] = lot.cationMixing;
      rockSalt[i] = lot.surfaceRockSalt_nm;
      cracks[i] = lot.crackFraction;
      continue;
    }
    reordered += solids.mass[i]! * ord.progress;
    cationMixing[i] = ord.cationMixing;
    rockSalt[i] = ord.surfaceRockSalt_nm;
    cracks[i] = lot.crackFraction * (1 - ord.progress);
  }
  solids.overCationMixing = cationMixing;
  solids.overSurfaceRockSalt_nm = rockSalt;
  solids.overCrackFraction = cracks;
  return reordered;
}

export const relithiationMoltenSalt = defineUnitOp({
  kind: 'relithiation-molten-salt',
  summary: 'batch eutectic molten-salt relithiation: per-lot Arrhenius approach to an r_eq that rises with Li excess, salt recycle, fusion and furnace energy',
  params,
  ports: () => ({
    inlets: [
      { name: 'feed', description: 'CAM lots and whatever components come along' },
      { name: 'recycle', description: 'recovered salt (e.g. from washing and liquor recovery)', optional: true },
    ],
    outlets: [
      { name: 'solids', description: 'CAM + solidified salt cake (a downstream washing unit dissolves the salt)' },
      { name: 'vent', description: 'O2 and water vapour released, and any other gas' },
    ],
  }),
  run: (p: Params, inlets, ctx) => {
    const sys: SaltSystem = SALT_SYSTEMS[p.salt];
    const { feed, rec, feedC, recC } = batchComponents(inlets, ctx.ambientK);
    // The charge's lots as rows, read through a cursor (row-stream.ts): no lot object per lot.
    const charge = chargeRows(feed, rec);
    const cursor = new LotCursor(charge);
    let cam = 0;
    let tmAll = 0;
    const nTm = N_TM.take(charge.n); // per-lot scratch (lot-scratch.ts)
    for (let i = 0; i < charge.n; i++) {
      const l = cursor.at(i);
      cam += l.massKgPerHour;
      nTm[i] = tmKmolPerHour(l);
      tmAll += nTm[i]!;
    }

    // ---- salt charge: recycle first, then feed, then make-up
    let mBar = 0;
    for (const id in sys.x) mBar += sys.x[id]! * component(id).molarMass_g_per_mol;
    const saltKmol = (p.saltRatio * cam) / mBar;
    const draws: Record<string, number> = {};
    const recycled: Record<string, number> = {};
    const c = copyFlows(feedC);
    for (const k in recC) add(c, k, recC[k]!);
    for (const id in sys.x) {
      const demand = sys.x[id]! * saltKmol * component(id).molarMass_g_per_mol;
      const mk = supply(id, demand, recC[id] ?? 0, feedC[id] ?? 0, recycled);
      if (mk <= 0) continue;
      add(c, id, mk);
      if (id === 'LiOH') add(c, 'H2O', drawLiOH(mk, p.liohMakeUp, draws));
      else draws[id] = mk;
    }

    const chargeK = chargeTemperature(feed, rec, draws, ctx.ambientK);

    // ---- Li reservoir and r_eq
    let liKmol = 0;
    let saltKg = 0;
    let fusionKw = 0;
    for (const id in c) {
      const per = LI_PER_FORMULA[id];
      if (per === undefined) continue;
      const kmol = c[id]! / component(id).molarMass_g_per_mol;
      liKmol += kmol * per;
      saltKg += c[id]!;
      fusionKw += (kmol * (FUSION_KJ_PER_MOL[id] ?? 0) * 1000) / 3600;
    }
    const liPerTmSalt = tmAll > 0 ? liKmol / tmAll : 0;

    // ---- lots: Li along the grain boundaries toward r_eq; flux-assisted reconstruction in the same step
    const kin = routeKinetics(p, p.temperature);
    const kOrder = rateAt({ kRef_per_h: p.orderingRate, tRef_K: p.orderingReferenceTemperature, ea_J_per_mol: p.orderingActivationEnergy }, p.temperature);
    const atmosphere = meltAtmosphere(sys);
    const n = charge.n;
    const rTarget = R_TARGET.take(n);
    const rebuilt = new Array<ReturnType<typeof reorder> | null>(n).fill(null);
    let rEqMaxSeen = 1;
    const step = { k_per_h: kOrder, t_h: p.duration, atmosphere, healRatio: p.healRatio, factors: kin.factors }; // one for all lots
    for (let i = 0; i < n; i++) {
      const lot = cursor.at(i);
      rTarget[i] = lot.liPerTm;
      if (!p.treatedFamilies.includes(lot.chemistry.family)) continue;
      const ord = lot.chemistry.family === 'layered' ? reorder(lot, step) : null;
      rebuilt[i] = ord;
      const rEq = meltEquilibriumLiPerTm(liPerTmSalt, p.overLithiationSlope, ord?.progress ?? 0, p.rEqMax) * FAMILY[lot.chemistry.family].nominalLiPerTm;
      if (rEq > rEqMaxSeen) rEqMaxSeen = rEq;
      if (lot.liPerTm < rEq) rTarget[i] = approach(lot.liPerTm, rEq, lotRate(kin.k_per_h, kin.factors, lot), p.duration);
    }
    const diagnostics: Diagnostic[] = [];
    const tOut = p.dischargeTemperature;
    const rel = relithiateRows(charge, cursor, rTarget, nTm, tOut, { liAvailKmol: (c.LiOH ?? 0) / MW.LiOH, where: ctx.unitId, text: { holds: 'the salt holds', fix: 'raise the salt ratio or choose a LiOH-richer salt' }, diagnostics });
    const xi = rel.xi;
    const solids = rel.solids;
    const reordered = regrow(charge, cursor, rebuilt, solids);
    // Li_r MO2 + (1−r) LiOH → LiMO2 + (1−r)/2 H2O(g) + (1−r)/4 O2
    c.LiOH = (c.LiOH ?? 0) - xi * MW.LiOH;
    const waterIn = c.H2O ?? 0;
    c.H2O = 0;
    const vaporKg = waterIn + (xi / 2) * MW.H2O;
    const o2 = (xi / 4) * MW.O2;

    // ---- outlets
    const vent = emptyStream(tOut);
    add(vent.components, 'O2', o2);
    add(vent.components, 'H2O(g)', vaporKg);
    for (const id in c) {
      if (isGas(id)) add(vent.components, id, c[id]!);
      else add(solids.components, id, c[id]!);
    }

    // ---- batches and energy
    const volumePerKgCam = cam > 0 ? 1 / CAM_DENSITY_KG_PER_M3 + saltKg / cam / p.meltDensity : 1;
    const plan = planBatch({
      camKgPerHour: cam, volume_m3: p.reactorVolume, fill: p.workingFill, volumePerKgCam_m3: volumePerKgCam,
      fromK: chargeK, toK: p.temperature, rampKPerH: p.heatingRate, dwellH: p.duration, coolKPerH: p.coolingRate,
      dischargeK: tOut, loadH: p.loadTime, unloadH: p.unloadTime,
    });
    const eta = p.heatingEfficiency;
    const util = p.heatingUtility;
    const dT = Math.max(0, p.temperature - chargeK);
    const chargedSolids: Record<string, number> = {};
    for (const id in c) if (!isGas(id)) chargedSolids[id] = id === 'LiOH' ? c[id]! + xi * MW.LiOH : c[id]!;
    const hcSolids = heatCapacityFlowOf(chargedSolids, charge);
    const ledger = new EnergyLedger(ctx.describe !== false);
    ledger.heat('sensible heat of CAM and salt', 'sensible', (hcSolids * dT) / 1000, { utility: util, efficiency: eta, basis: () => `${(hcSolids * 3.6).toPrecision(4)} kJ/(K·h) × ${dT.toFixed(1)} K to ${(p.temperature - 273.15).toFixed(0)} °C (reaction heat unknown, neglected)` });
    ledger.heat(`heat of fusion of ${p.salt}`, 'latent', fusionKw, { utility: util, efficiency: eta, basis: () => `Σ kmol/h × ΔH_fus (kJ/mol: ${Object.keys(sys.x).map((id) => `${id} ${FUSION_KJ_PER_MOL[id]}`).join(', ')})` });
    if (waterIn > 0) {
      const toBoil = Math.max(0, 373.15 - chargeK);
      const cpW = component('H2O').cp_J_per_kgK!;
      const cpV = component('H2O(g)').cp_J_per_kgK!;
      const waterKw = sensibleKw(waterIn, cpW, toBoil) + evaporationKw('H2O', waterIn) + sensibleKw(waterIn, cpV, Math.max(0, p.temperature - 373.15));
      ledger.heat('water (hydrate and moisture) boiled off', 'latent', waterKw, { utility: util, efficiency: eta, basis: () => `${waterIn.toPrecision(4)} kg/h heated to 100 °C, evaporated (2256.5 kJ/kg) and superheated to ${(p.temperature - 273.15).toFixed(0)} °C` });
    }
    batchVesselEnergy(ledger, { name: 'furnace', volume_m3: p.reactorVolume, steel_kg_per_m3: p.vesselSteel, wallU: p.wallU, agitator_kW_per_m3: p.agitatorPower, agitatedH: plan.dwellH + plan.heatH / 2, agitatedText: 'molten part', tK: p.temperature, dischargeK: tOut, ambientK: ctx.ambientK, utility: util, efficiency: eta }, plan);

    const perKg = cam > 0 ? 1 / cam : 0;
    const metrics: Record<string, number> = {
      meltingPoint_K: sys.meltingPointK,
      saltLiPerTm_mol_per_mol: liPerTmSalt,
      rEq: rEqMaxSeen,
      salt_kg_per_kg_cam: saltKg * perKg,
      ...batchMetrics(plan, cam),
      chargeTemperature_K: chargeK,
      rateConstant_per_h: kin.k_per_h,
      orderingRate_per_h: kOrder,
      reorderedShare: reordered * perKg,
      lithiumInserted_kmol_per_h: xi,
      LiOH_consumed_kg_per_kg_cam: xi * MW.LiOH * perKg,
      O2_released_kg_per_kg_cam: o2 * perKg,
    };
    reagentMetrics(metrics, draws, recycled, cam, rel);
    return { outlets: { solids: pruned(solids), vent: pruned(vent) }, draws, recycled, energy: ledger.build(), metrics, diagnostics };
  },
  design: (p: Params, _inlets, run, ctx) => {
    const m = run.metrics ?? {};
    const cycle = batchCycle(m, p);
    return {
      mode: 'batch',
      residenceTimeH: cycle.loadH + cycle.heatH + cycle.dwellH + cycle.coolH + cycle.unloadH,
      cycle,
      equipment: [batchVesselEquipment({
        name: 'molten-salt reactor',
        description: reportText(ctx, () => `agitated Ni-alloy pot ${p.reactorVolume} m³ in an electric furnace, ${p.salt} at ${(p.temperature - 273.15).toFixed(0)} °C (material factor ${p.corrosionMaterialFactor})`),
        volume_m3: p.reactorVolume,
        minSize: Math.min(0.1, p.reactorVolume),
        metrics: m,
        cycle,
        agitator_kW_per_m3: p.agitatorPower,
        cost: costOf('jacketedAgitatedReactor', { materialFactor: p.corrosionMaterialFactor }),
      })],
      operatorsPerShift: 1,
    };
  },
});
