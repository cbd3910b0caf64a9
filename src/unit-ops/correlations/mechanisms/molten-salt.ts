/**
 * Eutectic molten-salt relithiation: a lithium-salt melt is the Li source and the transport medium.
 *
 * Mechanism (review, "Bulk defect repair"): "eutectic molten salt systems provide a liquid-phase
 * environment with high ionic mobility ... offering both a concentrated lithium source and a fast
 * diffusion medium for lithium transport along grain boundaries and into particle interiors"; Zha et
 * al. [83] at 600 °C "enabled precise repair of (003) plane defects and suppression of rock-salt phase
 * formation" in one step; at 300 °C [82] the product (154.8 mAh/g) stays well below [83] (169.47).
 * - Li uptake: the melt wets and penetrates the grain boundaries, so the diffusion length is the
 *   primary grain: D50 and cracks matter little (size exponent 0.5); single crystals, with no grain
 *   boundaries, are slow.
 * - Flux-assisted reconstruction: in the melt, cations rearrange by dissolution–reprecipitation at the
 *   melt's own mobility, far faster than solid-state ordering at the same temperature — Ea of the
 *   melt (60 kJ/mol) instead of 150 kJ/mol. Cation mixing relaxes, the rock-salt layer is relithiated
 *   and re-oxidised (nitrate melts are oxidising), and intergranular cracks close as grains regrow
 *   (single-crystal regeneration from degraded polycrystals: [83], [84] and the NWPU review "Upcycling
 *   of Spent High-Nickel Layered Cathodes", Adv. Energy Mater. 2026: single crystals "fundamentally
 *   address intergranular cracking"). At 300 °C this is ≈3 % done in 4 h, at 450 °C ≈40 %, at
 *   600 °C ≈95 %.
 * - Over-lithiation risk: the melt holds far more Li than the lots need; Li beyond stoichiometry enters
 *   the lattice as far as the lattice rearranges, r_eq = 1 + slope·(L − 1)·progress, L = mol Li in the
 *   salt per mol TM — so it rises with the salt ratio and with temperature.
 * - The salt's melting point bounds the temperature from below (load error).
 */
import type { ArrheniusRate, LotRateFactors } from './kinetics.js';

/**
 * Li uptake from the melt. Calibration (assumption): Table 1 [82] repairs NCM523 in LiOH–LiNO3–LiC7H5O2
 * at 300 °C in 4 h, a lower bound only; the review contrasts the melt's "rapid" Li transport ("high
 * ionic conductivity of the molten medium") with hydrothermal relithiation's "long processing times",
 * so the melt is taken 3× faster at 300 °C than the solution at 220 °C (HYDROTHERMAL_RATE): k = 3 h⁻¹
 * (a Li/TM 0.70 NCM811 lot of 10 µm is repaired in 4 h). Ea = 60 kJ/mol (ionic melt; ≈40 h⁻¹ at 450 °C,
 * the LiOH–Ni(OH)2–Na2SO4 route [84]).
 */
export const MOLTEN_SALT_RATE: ArrheniusRate = { kRef_per_h: 3.0, tRef_K: 573.15, ea_J_per_mol: 60e3 };

/**
 * Flux-assisted lattice reconstruction in the melt (cation mixing, rock salt, cracks). Calibration
 * (assumption): [83] reports (003) repair and rock-salt suppression in 4 h at 600 °C → k = 0.75 h⁻¹ at
 * 600 °C (95 % in 4 h for a reference lot); the activation energy is the melt's (60 kJ/mol, as
 * MOLTEN_SALT_RATE), so the same 4 h do ≈3 % at 300 °C — [82]'s defects stay.
 */
export const MELT_ORDERING_RATE: ArrheniusRate = { kRef_per_h: 0.75, tRef_K: 873.15, ea_J_per_mol: 60e3 };

/**
 * Lot factors in a melt. Assumptions: grain-boundary transport makes D50 matter little (size exponent
 * 0.5 instead of 2) and cracks add little (0.25); single crystals, without grain boundaries to
 * penetrate, at a quarter of the rate; Ni-rich slower as in every route (e^(−3·(x_Ni − 0.6))).
 */
export const MOLTEN_SALT_LOT_FACTORS: LotRateFactors = { d50Ref_um: 10, sizeExponent: 0.5, crackBoost: 0.25, singleCrystalFactor: 0.25, nickelPenalty: 3 };

/** Equilibrium Li/TM (relative to nominal) in a melt holding L mol Li per mol TM, after `progress` of reconstruction. */
export function meltEquilibriumLiPerTm(liPerTmSalt: number, slope: number, reorderProgress: number, rEqMax: number): number {
  return Math.min(rEqMax, 1 + slope * Math.max(0, liPerTmSalt - 1) * reorderProgress);
}
