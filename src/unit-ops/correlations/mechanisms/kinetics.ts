/**
 * Shared physics of every repair mechanism: an Arrhenius rate given at a reference temperature, a
 * first-order approach of a state variable to its equilibrium, and the lot factors that turn a
 * route's rate into one lot's rate (diffusion length, cracks, morphology, nickel content).
 *
 * A repair limited by solid-state diffusion over a length L takes a time ∝ L²/D (Fick), so a lot's
 * rate scales as (L_ref/L)^n: n = 2 when the medium only reaches the particle surface (solution
 * routes: L is the secondary particle), n → 0 when it penetrates the grain boundaries (a melt: L is
 * the primary grain, whatever the D50). Cracks open fresh surface to the medium; single crystals have
 * no grain boundaries to penetrate; Li/Ni mixing in Ni-rich lattices blocks the Li slabs. Each route
 * file states its own factors (mechanisms/<route>.ts); this file holds only what they share.
 */
import type { Lot } from '../../../streams/lot.js';

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

/** Fraction of a first-order repair done after t hours at rate k: 1 − exp(−k·t). */
export function progress(k_per_h: number, t_h: number): number {
  return 1 - Math.exp(-k_per_h * t_h);
}

/** How a lot's own state scales a diffusion-limited repair rate. */
export interface LotRateFactors {
  /** Reference D50 at which the size factor is 1, µm. */
  d50Ref_um: number;
  /** Exponent of (d50Ref / d50): 2 when the diffusion length is the particle (Fick, L²), ≈0 when it is the grain. */
  sizeExponent: number;
  /** Rate gain per unit crack fraction (cracks open fresh surface): factor 1 + crackBoost·crackFraction. */
  crackBoost: number;
  /** Rate multiplier for single-crystal particles (no grain boundaries, larger primary grains). */
  singleCrystalFactor: number;
  /** Rate penalty per unit Ni fraction above 0.6: factor exp(−nickelPenalty·(x_Ni − 0.6)). */
  nickelPenalty: number;
}

/**
 * Lot factors of lattice reconstruction at high temperature (sintering, solid-state calcination,
 * doping). Assumptions: diffusion time ∝ L² (Fick's law; D50 reference 10 µm, the typical commercial
 * secondary-particle size); cracks double the rate when every particle is cracked (fresh surface
 * reached by the atmosphere — the review's intergranular-crack discussion); single crystals (2–4 µm
 * primaries instead of ≈0.3 µm grains) repair at half the rate; Ni-rich lots are slower because
 * Li/Ni mixing blocks Li paths (review: the challenge "becomes more pronounced in Ni-rich NCM") —
 * rate ×e^(−3·(x_Ni − 0.6)), i.e. ≈0.55 for Ni90.
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
  const size = f.sizeExponent === 0 ? 1 : Math.pow(f.d50Ref_um / Math.max(lot.d50_um, 1e-3), f.sizeExponent);
  const cracks = 1 + f.crackBoost * lot.crackFraction;
  const morphology = lot.morphology === 'single-crystal' ? f.singleCrystalFactor : 1;
  const ni = lot.chemistry.tm.Ni ?? 0;
  const nickel = Math.exp(-f.nickelPenalty * Math.max(0, ni - 0.6));
  return size * cracks * morphology * nickel;
}
