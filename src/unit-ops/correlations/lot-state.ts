/**
 * Reduced-order models of how repair steps move a lot's state (DESIGN.md "Regeneration outcome").
 * Each repair is a first-order approach of a state variable toward its equilibrium value, with an
 * Arrhenius rate that is multiplied, lot by lot, by factors for particle size, cracks, morphology
 * and nickel content. So one set of conditions applied to a mixed batch repairs small, cracked,
 * low-Ni lots fully and leaves large, single-crystal, Ni-rich lots short — the heterogeneity the
 * model prices. Every constant here is an assumption calibrated to the review's Table 1 and is
 * overridable through the unit parameters that use it.
 */
import type { Lot } from '../../streams/lot.js';

/** Molar gas constant, J/(mol·K) (CODATA 2018, exact). */
export const GAS_CONSTANT = 8.314462618;

/** An Arrhenius rate constant given by its value at a reference temperature. */
export interface ArrheniusRate {
  /** Rate constant at the reference temperature, 1/h. */
  kRef_per_h: number;
  /** Reference temperature, K. */
  tRef_K: number;
  /** Activation energy, J/mol. */
  ea_J_per_mol: number;
}

/** Rate constant (1/h) at temperature `tK`. */
export function rateAt(r: ArrheniusRate, tK: number): number {
  return r.kRef_per_h * Math.exp((-r.ea_J_per_mol / GAS_CONSTANT) * (1 / tK - 1 / r.tRef_K));
}

/** First-order approach: x(t) = xEq + (x0 − xEq)·exp(−k·t). */
export function approach(x0: number, xEq: number, k_per_h: number, t_h: number): number {
  return xEq + (x0 - xEq) * Math.exp(-k_per_h * t_h);
}

/** How a lot's own state scales a diffusion-limited repair rate. */
export interface LotRateFactors {
  /** Reference D50 at which the size factor is 1, µm. */
  d50Ref_um: number;
  /** Exponent of (d50Ref / d50): 2 for solid-state diffusion time ∝ L² (Fick). */
  sizeExponent: number;
  /** Rate gain per unit crack fraction (cracks open fresh surface): factor 1 + crackBoost·crackFraction. */
  crackBoost: number;
  /** Rate multiplier for single-crystal particles (larger primary grains, longer paths). */
  singleCrystalFactor: number;
  /** Rate penalty per unit Ni fraction above 0.6: factor exp(−nickelPenalty·(x_Ni − 0.6)). */
  nickelPenalty: number;
}

/**
 * Default lot factors. Assumptions: diffusion time ∝ L² (Fick's law; D50 reference 10 µm, the
 * typical commercial secondary-particle size); cracks double the rate when every particle is
 * cracked (fresh surface reached by the medium — the review's intergranular-crack discussion);
 * single crystals (2–4 µm primaries instead of ≈0.3 µm grains) repair at half the rate; Ni-rich
 * lots are slower because Li/Ni mixing blocks Li paths (review: the challenge "becomes more
 * pronounced in Ni-rich NCM") — rate ×e^(−3·(x_Ni − 0.6)), i.e. ≈0.55 for Ni90.
 */
export const DEFAULT_LOT_FACTORS: LotRateFactors = {
  d50Ref_um: 10,
  sizeExponent: 2,
  crackBoost: 1,
  singleCrystalFactor: 0.5,
  nickelPenalty: 3,
};

/** Lot-specific multiplier of a repair rate (1 for a 10 µm uncracked polycrystalline NCM ≤ Ni 0.6). */
export function lotRateMultiplier(lot: Lot, f: LotRateFactors = DEFAULT_LOT_FACTORS): number {
  const size = Math.pow(f.d50Ref_um / Math.max(lot.d50_um, 1e-3), f.sizeExponent);
  const cracks = 1 + f.crackBoost * lot.crackFraction;
  const morphology = lot.morphology === 'single-crystal' ? f.singleCrystalFactor : 1;
  const ni = lot.chemistry.tm.Ni ?? 0;
  const nickel = Math.exp(-f.nickelPenalty * Math.max(0, ni - 0.6));
  return size * cracks * morphology * nickel;
}

/**
 * Hydrothermal relithiation rate. Calibration (assumption): Table 1 of the review reports full
 * repair of NCM523 with 4 M LiOH at 220 °C in 3 h [59] and NCM111 at 220 °C in 4 h [79]; with
 * k = 1.0 h⁻¹ at 220 °C a moderately deficient lot (Li/TM 0.85) reaches 0.9925 in 3 h and 0.997
 * in 4 h. Ea = 30 kJ/mol makes 100 °C about ten times slower, consistent with the 100 °C / 1 bar
 * route of Table 1 [80] needing much longer treatment.
 */
export const HYDROTHERMAL_RATE: ArrheniusRate = { kRef_per_h: 1.0, tRef_K: 493.15, ea_J_per_mol: 30e3 };

/**
 * Molten-salt (eutectic) relithiation rate. Calibration (assumption): Table 1 [82] repairs NCM523
 * in LiOH–LiNO3–LiC7H5O2 at 300 °C in 4 h → k = 1.0 h⁻¹ at 300 °C; Ea = 60 kJ/mol (ionic melt,
 * faster at temperature: ≈14 h⁻¹ at 450 °C, the LiOH–Ni(OH)2–Na2SO4 route [84]), matching the
 * review's "fast but hotter" comparison.
 */
export const MOLTEN_SALT_RATE: ArrheniusRate = { kRef_per_h: 1.0, tRef_K: 573.15, ea_J_per_mol: 60e3 };

/**
 * Solid-state relithiation (Li2CO3/LiOH mixed in, calcined) rate of Li redistribution between
 * particles. Assumption: k = 2 h⁻¹ at 800 °C (REFERENCE.md 1.4: 3 h at 800 °C in O2 restores
 * air-stored NCM), Ea = 150 kJ/mol (cation diffusion in oxides).
 */
export const SOLID_STATE_RATE: ArrheniusRate = { kRef_per_h: 2.0, tRef_K: 1073.15, ea_J_per_mol: 150e3 };

/**
 * Sintering (lattice reconstruction) rate of cation-mixing recovery. Assumption calibrated to the
 * review's "post-relithiation lattice reconstruction at 700–900 °C in air or O2" and REFERENCE.md
 * 1.4 (3 h at 800 °C in O2 restores air-stored NCM): k = 1.0 h⁻¹ at 800 °C, Ea = 150 kJ/mol.
 */
export const SINTERING_RATE: ArrheniusRate = { kRef_per_h: 1.0, tRef_K: 1073.15, ea_J_per_mol: 150e3 };

/**
 * Equilibrium Li/Ni cation mixing after sintering. Assumption: 2 % in O2 (well-ordered commercial
 * NCM); in air, Ni-rich lots keep more Ni²⁺ on Li sites: +10 % per unit Ni fraction above 0.6
 * (REFERENCE.md 1.4: high-Ni NCM needs O2 in the kiln, Linde TMS 2020).
 */
export function equilibriumCationMixing(lot: Lot, atmosphere: 'O2' | 'air' | 'N2'): number {
  const ni = lot.chemistry.tm.Ni ?? 0;
  const base = 0.02;
  if (atmosphere === 'O2') return base;
  const excess = Math.max(0, ni - 0.6);
  return base + (atmosphere === 'air' ? 0.1 : 0.2) * excess;
}
