/**
 * Solid-state relithiation: a Li source (Li2CO3 or LiOH) is mixed into the batch and calcined.
 *
 * Mechanism:
 * - Dose: the Li source is dosed for the BATCH — target × (1 + excess) minus the batch-average Li/TM,
 *   per mole of TM — and mixing spreads it evenly: every lot finds the same Li per TM around it.
 * - Redistribution: a lot takes up Li by its own deficit only from what surrounds it; Li moves from
 *   the neighbourhood of near-stoichiometric lots to that of deep-deficit lots only through particle
 *   contacts and the Li-salt melt film (Li2CO3 melts at 723 °C, LiOH at 462 °C), over particle
 *   distances — slowly. So a heterogeneous batch ends with lots over- and under-lithiated: the
 *   review's outlook ("uneven lithium replenishment and localized over- or under-treatment").
 *   a_i' = ā + (a_i − ā)·exp(−k·t) conserves lithium exactly.
 * - Uptake: the deficit fills (Li diffusion is fast at 700–900 °C); Li beyond stoichiometry enters the
 *   lattice only partly (`excessUptake`) and as far as the lattice rearranges (ordering.ts
 *   latticeLiUptake), the rest stays as residual salt for the wash.
 * - The calcination reorders the lattice and heals rock salt exactly like sintering at the same
 *   temperature, time and atmosphere (ordering.ts reorder with SINTERING_RATE), and Li volatilises
 *   (ordering.ts LI_VOLATILISATION).
 */
import type { ArrheniusRate } from './kinetics.js';

/**
 * Li redistribution between the neighbourhoods of different lots. Assumption: k = 0.13 h⁻¹ at 800 °C
 * (a third of a lot-to-lot difference in local Li evens out in 3 h at 800 °C: transport over particle
 * distances, tens of µm, through contacts and a thin salt film), Ea = 150 kJ/mol (as cation diffusion
 * in the oxides, SINTERING_RATE).
 */
export const SOLID_STATE_REDISTRIBUTION: ArrheniusRate = { kRef_per_h: 0.13, tRef_K: 1073.15, ea_J_per_mol: 150e3 };

/**
 * Share of the Li beyond stoichiometry around a lot that enters its lattice once it has fully
 * reordered. Assumption: 0.4 — commercial layered oxides calcined with Li excess keep part of it as
 * surface Li2CO3/LiOH ("residual lithium", the spec's residual-salt limit), so not all of it goes
 * into Li1+xM1−xO2.
 */
export const EXCESS_UPTAKE = 0.4;

/**
 * Local Li per TM of each treated lot after redistribution: a_i = r0_i + dose, relaxed toward the
 * TM-weighted mean by exp(−k·t). `nTm` weights the mean; untreated lots are skipped (NaN).
 */
export function redistributedLi(r0: readonly number[], nTm: readonly number[], treated: readonly boolean[], dosePerTm: number, k_per_h: number, t_h: number): number[] {
  let n = 0;
  let s = 0;
  for (let i = 0; i < r0.length; i++) {
    if (!treated[i]) continue;
    n += nTm[i]!;
    s += nTm[i]! * (r0[i]! + dosePerTm);
  }
  const mean = n > 0 ? s / n : 0;
  const e = Math.exp(-k_per_h * t_h);
  return r0.map((r, i) => (treated[i] ? mean + (r + dosePerTm - mean) * e : Number.NaN));
}
