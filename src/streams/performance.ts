/**
 * Predicted electrochemical performance of a lot from its chemistry and its state: the 0.1 C specific
 * capacity (`capacityMahPerG`, half cell, the basis of the review's Table 1) and the capacity
 * retention after a stated number of cycles (`capacityRetention`). A pure function of the lot, so
 * every lot in every stream carries it; the product specification's minimum capacity and the in-spec
 * price read it.
 *
 * Capacity = virgin capacity of the chemistry (chemistry/capacity.ts) × f_Li × f_mix × f_rs × f_crack:
 * - f_Li, lithium: below stoichiometry the lot holds less cyclable Li — a graphite full cell has no
 *   Li to lend it — so the charge removes only r − r_c (r_c: Li left at the top of charge in the
 *   virgin window, 1 − C_virgin/C_theoretical): f = (r − r_c)/(1 − r_c). Above stoichiometry each Li
 *   on a TM site replaces a redox-active TM ion (Li1+xM1−xO2, x = (r − 1)/(r + 1)): f = 1 − x.
 * - f_mix, Li/Ni cation mixing beyond that of virgin material: Ni²⁺ in the Li slabs blocks Li paths
 *   (review, "Lithium-ion loss and lattice instability"): f = 1 − a_mix·excess.
 * - f_rs, surface rock salt: the NiO-like layer is electrochemically inactive and insulating (review
 *   Fig. 3B): f = 1 − a_rs·thickness.
 * - f_crack, intergranular cracks: isolated regions lose contact (review: cracks "reduce the
 *   electrochemical participation of certain regions"): f = 1 − a_crack·crackFraction.
 * Calibration on the review's Table 1 bulk-repair rows, each run from one spent state per material
 * (scenarios/validation/): a_crack from [59] (hydrothermal + anneal repairs all but the cracks: 166.1 of
 * 175 mAh/g), a_mix with a_rs fixed on physical grounds from [82] (300 °C eutectic, no reconstruction:
 * 154.8); [83], [84], [79], [80] are then predictions within ±5 % (test/validation.test.ts).
 *
 * Retention after `cycles` full cycles at 1 C: exp(−λ·cycles), λ = λ0·(1 + b_mix·excess mixing (%) +
 * b_rs·rock salt (nm) + b_crack·cracks + b_Li·|Li/TM − 1| (%))·(coated ? coatingFactor : 1), the fade
 * per cycle converted from Table 1's retentions assuming exponential fade ([59] 90.8 % after 500 cycles
 * → λ ≈ 1.9e-4; [82] 70.1 % after 300 → 1.2e-3). Weaker than the capacity: Table 1's retentions are at
 * different rates and cycle counts, so this is an order-of-magnitude model (assumption).
 */
import type { Lot } from './lot.js';
import { FAMILY, type CathodeChemistry } from '../chemistry/cathode.js';
import { virginCapacity, theoreticalCapacity } from '../chemistry/capacity.js';

/** Coefficients of the performance model (see the module comment for their calibration). */
export interface PerformanceModel {
  /** Li/Ni mixing of well-made virgin material: base + perNickel·(x_Ni − 0.6)⁺. */
  virginMixing: { base: number; perNickelAbove06: number };
  /** Capacity lost per unit of mixing fraction above virgin. */
  mixingLoss: number;
  /** Capacity lost per nm of surface rock salt. */
  rockSaltLoss_per_nm: number;
  /** Capacity lost per unit crack fraction. */
  crackLoss: number;
  /** Cycle count the retention is stated for (1 C). */
  cycles: number;
  /** Fade per cycle of a lot in virgin state, 1/cycle. */
  baseFade_per_cycle: number;
  /** Fade multipliers: per % excess mixing, per nm rock salt, per unit crack fraction, per % |Li/TM − 1|. */
  fade: { mixingPerPercent: number; rockSaltPerNm: number; cracks: number; lithiumPerPercent: number };
  /** Fade multiplier of a coated lot. */
  coatingFactor: number;
}

/**
 * The default model. Sources: virgin mixing 2 % (assumption, as mechanisms/ordering.ts) rising to
 * ≈3 % for NCM811 (the spec allows Ni-rich grades 5 %); mixingLoss 1.7, rockSaltLoss 0.003/nm (a few
 * nm of inactive shell on the grain surfaces electrolyte reaches — assumption), crackLoss 0.25:
 * calibrated on review Table 1 (module comment). Retention: λ0 1.6e-4/cycle and the fade multipliers
 * from Table 1 [59], [82], [83] (exponential fade assumed); a coating halves the fade (assumption, Table
 * 1 coatings: Li3PO4 99 % after 100 cycles [94], spandex 96.9 % after 250 [53]).
 */
export const PERFORMANCE: PerformanceModel = {
  virginMixing: { base: 0.02, perNickelAbove06: 0.05 },
  mixingLoss: 2.8,
  rockSaltLoss_per_nm: 0.003,
  crackLoss: 0.1,
  cycles: 500,
  baseFade_per_cycle: 1.6e-4,
  fade: { mixingPerPercent: 1.2, rockSaltPerNm: 0.45, cracks: 1, lithiumPerPercent: 0.1 },
  coatingFactor: 0.5,
};

/** Predicted performance of a lot. */
export interface LotPerformance {
  /** 0.1 C specific capacity, mAh/g. */
  capacityMahPerG: number;
  /** Capacity ÷ the virgin capacity of its chemistry. */
  capacityRatio: number;
  /** Fraction of the initial capacity left after PERFORMANCE.cycles cycles at 1 C. */
  capacityRetention: number;
}

/** Li/Ni mixing of virgin material of a chemistry. */
export function virginMixing(chem: CathodeChemistry, m: PerformanceModel = PERFORMANCE): number {
  return m.virginMixing.base + m.virginMixing.perNickelAbove06 * Math.max(0, (chem.tm.Ni ?? 0) - 0.6);
}

/** Capacity factor of the lithium content (1 at stoichiometry). */
export function lithiumFactor(lot: Lot): number {
  return lithiumFactorOf(capacityTermsOf(lot.chemistry, PERFORMANCE), lot.liPerTm);
}

/**
 * What the capacity of a lot takes from its chemistry under a model: whether it is layered, its
 * virgin mixing, its nominal Li/TM and (worked out when first needed) the Li left at the top of
 * charge. Chemistry objects are never changed once made (chemistry/cathode.ts) and neither is a
 * performance model, so these are worked out once per chemistry object rather than for every lot
 * the quality report and the feed's in-spec share judge (every Monte Carlo sample judges them all).
 */
export interface CapacityTerms {
  chemistry: CathodeChemistry;
  model: PerformanceModel;
  layered: boolean;
  /** virginMixing(chemistry, model); 0 when not layered (not read then). */
  virginMix: number;
  nominal: number;
  /** Li left in the lattice at the top of charge of the virgin window (per nominal Li); undefined until first needed. */
  rc: number | undefined;
}

const CAPACITY_TERMS = new WeakMap<CathodeChemistry, CapacityTerms>();

/** The terms last asked for: lots read one after another mostly share a chemistry. */
let lastTerms: CapacityTerms | undefined;

/**
 * The capacity terms of a chemistry under a model (made once per chemistry object and model): for a
 * caller that keeps them with its own per-chemistry terms, and passes them to capacityRatioFrom
 * instead of having them looked up for every lot (balances/quality.ts).
 */
export function capacityTermsOf(chem: CathodeChemistry, m: PerformanceModel = PERFORMANCE): CapacityTerms {
  const last = lastTerms;
  if (last !== undefined && last.chemistry === chem && last.model === m) return last;
  let t = CAPACITY_TERMS.get(chem);
  if (t === undefined || t.model !== m) {
    const layered = chem.family === 'layered';
    t = { chemistry: chem, model: m, layered, virginMix: layered ? virginMixing(chem, m) : 0, nominal: FAMILY[chem.family].nominalLiPerTm, rc: undefined };
    CAPACITY_TERMS.set(chem, t);
  }
  lastTerms = t;
  return t;
}

/** lithiumFactor of a lot of Li/TM `liPerTm` whose chemistry has terms `t` (the same operations). */
function lithiumFactorOf(t: CapacityTerms, liPerTm: number): number {
  const nominal = t.nominal;
  const rel = liPerTm / nominal;
  if (rel >= 1) return 1 - (rel - 1) / (rel + 1);
  // Li left in the lattice at the top of charge of the virgin window (per nominal Li)
  const rc = (t.rc ??= Math.max(0, 1 - virginCapacity(t.chemistry).mahPerG / (nominal * theoreticalCapacity(t.chemistry))));
  return Math.max(0, (rel - rc) / (1 - rc));
}

/**
 * Predicted capacity of a lot ÷ the virgin capacity of its chemistry (LotPerformance.capacityRatio),
 * without a record: the spec and the quality report read it for every product and feed lot.
 */
export function lotCapacityRatio(lot: Lot, m: PerformanceModel = PERFORMANCE): number {
  return capacityRatioOf(lot.chemistry, lot.liPerTm, lot.cationMixing, lot.surfaceRockSalt_nm, lot.crackFraction, m);
}

/**
 * lotCapacityRatio of a lot of these chemistry and state numbers: for a caller that has read them
 * already (the quality judgement reads each number of a lot once; a lot read through a row cursor
 * is a getter call per read).
 */
export function capacityRatioOf(chem: CathodeChemistry, liPerTm: number, cationMixing: number, surfaceRockSalt_nm: number, crackFraction: number, m: PerformanceModel = PERFORMANCE): number {
  return capacityRatioFrom(capacityTermsOf(chem, m), liPerTm, cationMixing, surfaceRockSalt_nm, crackFraction);
}

/** capacityRatioOf of a lot whose chemistry and model have terms `t` (capacityTermsOf): the same operations. */
export function capacityRatioFrom(t: CapacityTerms, liPerTm: number, cationMixing: number, surfaceRockSalt_nm: number, crackFraction: number): number {
  const m = t.model;
  const layered = t.layered;
  const excessMix = layered ? Math.max(0, cationMixing - t.virginMix) : 0;
  const rockSalt = layered ? Math.max(0, surfaceRockSalt_nm) : 0;
  const cracks = Math.max(0, crackFraction);
  // lithiumFactor(lot): its nominal Li/TM and rc do not depend on the model.
  return lithiumFactorOf(t, liPerTm) * Math.max(0, 1 - m.mixingLoss * excessMix) * Math.max(0, 1 - m.rockSaltLoss_per_nm * rockSalt) * Math.max(0, 1 - m.crackLoss * cracks);
}

/**
 * Predicted capacity, capacity ratio and retention of a lot. Computed on each call: a few
 * arithmetic operations cost less than a cache keyed by lot object, whose entries (one per lot of
 * every evaluation) the garbage collector must trace as ephemerons.
 */
export function lotPerformance(lot: Lot, m: PerformanceModel = PERFORMANCE): LotPerformance {
  const chem = lot.chemistry;
  const layered = chem.family === 'layered';
  const excessMix = layered ? Math.max(0, lot.cationMixing - virginMixing(chem, m)) : 0;
  const rockSalt = layered ? Math.max(0, lot.surfaceRockSalt_nm) : 0;
  const cracks = Math.max(0, lot.crackFraction);
  const f = lotCapacityRatio(lot, m);
  const virgin = virginCapacity(chem).mahPerG;
  const liOff = Math.abs(lot.liPerTm / FAMILY[chem.family].nominalLiPerTm - 1) * 100;
  const fade = m.baseFade_per_cycle * (1 + m.fade.mixingPerPercent * excessMix * 100 + m.fade.rockSaltPerNm * rockSalt + m.fade.cracks * cracks + m.fade.lithiumPerPercent * liOff) * (lot.coating_nm > 0 ? m.coatingFactor : 1);
  return { capacityMahPerG: virgin * f, capacityRatio: f, capacityRetention: Math.exp(-fade * m.cycles) };
}
