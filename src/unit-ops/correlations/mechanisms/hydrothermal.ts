/**
 * Hydrothermal (and redox-mediated) relithiation: Li uptake from a LiOH (or LiOH + KOH) solution.
 *
 * Mechanism (review, "Bulk defect repair"): "a chemical potential gradient in the lithium-containing
 * solutions drives lithium-ion diffusion into the bulk material", typically at 150–200 °C (Table 1:
 * 220 °C [59][79], 100 °C with a redox mediator [80]).
 * - Driving force and limit: the solution fills vacant Li sites and no more — the lot approaches
 *   stoichiometric Li/TM from below and never passes it (self-limiting; a solution does not put Li on
 *   TM sites nor pull it out of a lattice that is already full).
 * - Rate: Arrhenius in temperature × ([OH⁻]/4 M)^order × lot factors. The rate follows hydroxide,
 *   not Li: 0.1 M LiOH + 3.9 M KOH replaces 4 M LiOH (REFERENCE.md 4.1).
 * - Lot factors: the solution reaches the particle surface and the cracks, not the grain boundaries
 *   of an intact secondary particle, so the diffusion length is the particle (size exponent 2) and
 *   cracks speed the repair strongly.
 * - What it does not do: no lattice reordering and no rock-salt removal at ≤ 220 °C. The review on
 *   [59]: the hydrothermal LiOH layer is "the lithium source and structural reconstruction basis for
 *   subsequent high-temperature solid-state regeneration" — hence the short sintering after it.
 */
import type { Lot } from '../../../streams/lot.js';
import { FAMILY } from '../../../chemistry/cathode.js';
import { approach, type ArrheniusRate, type LotRateFactors } from './kinetics.js';

/**
 * Hydrothermal relithiation rate. Calibration (assumption): Table 1 of the review reports full
 * repair of NCM523 with 4 M LiOH at 220 °C in 3 h [59] and NCM111 at 220 °C in 4 h [79]; with
 * k = 1.0 h⁻¹ at 220 °C a moderately deficient lot (Li/TM 0.85) reaches 0.9925 in 3 h and 0.997
 * in 4 h. Ea = 30 kJ/mol makes 100 °C about ten times slower, consistent with the 100 °C / 1 bar
 * route of Table 1 [80] needing a redox mediator; at 180 °C (the review's typical 150–200 °C) the
 * rate is ≈0.5 h⁻¹.
 */
export const HYDROTHERMAL_RATE: ArrheniusRate = { kRef_per_h: 1.0, tRef_K: 493.15, ea_J_per_mol: 30e3 };

/**
 * Lot factors of solution relithiation. Assumptions: the diffusion length is the secondary particle
 * (size exponent 2, Fick); a solution enters cracks, so a fully cracked lot repairs three times as fast
 * (crackBoost 2, against 1 for a kiln atmosphere); single crystals at half the rate; Ni-rich slower
 * (Li/Ni mixing blocks the Li slabs: e^(−3·(x_Ni − 0.6))).
 */
export const HYDROTHERMAL_LOT_FACTORS: LotRateFactors = { d50Ref_um: 10, sizeExponent: 2, crackBoost: 2, singleCrystalFactor: 0.5, nickelPenalty: 3 };

/** Rate multiplier of the hydroxide concentration: ((c_LiOH + c_KOH) / 4 M)^order. */
export function hydroxideFactor(hydroxide_mol_per_L: number, order: number): number {
  return Math.pow(Math.max(0, hydroxide_mol_per_L) / 4, order);
}

/**
 * Li/TM a lot reaches in solution after t hours at lot rate k: a first-order approach to
 * `rEqRelative` × the family's nominal Li/TM (≤ 1: self-limiting), from below only.
 */
export function solutionLiPerTm(lot: Lot, rEqRelative: number, k_per_h: number, t_h: number): number {
  const rEq = Math.min(1, rEqRelative) * FAMILY[lot.chemistry.family].nominalLiPerTm;
  if (lot.liPerTm >= rEq) return lot.liPerTm;
  return approach(lot.liPerTm, rEq, k_per_h, t_h);
}
