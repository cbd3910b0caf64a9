/**
 * Lattice reconstruction at temperature, shared by every step that holds cathode at several hundred
 * °C: the sintering kiln, the solid-state calcination (the same kiln physics at the same temperature,
 * time and atmosphere) and a eutectic melt hot enough to reorder (review on [83]: "precise repair of
 * (003) plane defects and suppression of rock-salt phase formation").
 *
 * - Cation mixing relaxes toward an atmosphere-dependent equilibrium at an Arrhenius rate × the lot
 *   factors (the review: "high-temperature lattice reconstruction ... to mitigate cation mixing by
 *   thermodynamically driving atomic rearrangement ... generally conducted at 700–900 °C in air or
 *   oxygen" [85,86]).
 * - The surface rock-salt layer heals at `healRatio` × that rate: it must take up Li and oxygen
 *   again, which O2 (or an oxidising nitrate melt) supplies; air heals a third as fast, N2 not at all.
 * - Li volatilises as Li2O at temperature (Arrhenius).
 * - Li beyond stoichiometry enters the lattice (Li1+xM1−xO2, over-lithiation) only as fast as the
 *   lattice rearranges: Li on TM sites needs TM ions to move. So a Li-rich surrounding over-lithiates
 *   a lot at 600–900 °C but not at 300 °C, where the excess stays as a washable salt.
 */
import type { Lot } from '../../../streams/lot.js';
import { approach, progress, rateAt, lotRateMultiplier, type ArrheniusRate, type LotRateFactors } from './kinetics.js';

/** Kiln or melt atmosphere as far as ordering is concerned. */
export type Atmosphere = 'O2' | 'air' | 'N2';

/**
 * Sintering (lattice reconstruction) rate of cation-mixing recovery. Assumption calibrated to the
 * review's "post-relithiation lattice reconstruction at 700–900 °C in air or O2" and REFERENCE.md
 * 1.4 (3 h at 800 °C in O2 restores air-stored NCM): k = 1.0 h⁻¹ at 800 °C, Ea = 150 kJ/mol
 * (cation diffusion in layered oxides).
 */
export const SINTERING_RATE: ArrheniusRate = { kRef_per_h: 1.0, tRef_K: 1073.15, ea_J_per_mol: 150e3 };

/**
 * Equilibrium Li/Ni cation mixing after reconstruction. Assumption: 2 % in O2 (well-ordered
 * commercial NCM); in air, Ni-rich lots keep more Ni²⁺ on Li sites: +10 % per unit Ni fraction above
 * 0.6 (REFERENCE.md 1.4: high-Ni NCM needs O2 in the kiln, Linde TMS 2020); N2 twice that.
 */
export function equilibriumCationMixing(lot: Lot, atmosphere: Atmosphere): number {
  const ni = lot.chemistry.tm.Ni ?? 0;
  const base = 0.02;
  if (atmosphere === 'O2') return base;
  const excess = Math.max(0, ni - 0.6);
  return base + (atmosphere === 'air' ? 0.1 : 0.2) * excess;
}

/**
 * Lot factors of reconstruction in a kiln. Cation reordering happens inside each primary grain, so the
 * secondary particle size (D50) does not set its time and cracks do not speed it (size exponent 0,
 * crack boost 0); single crystals, with primary grains 5–10× larger, reorder at half the rate;
 * Ni-rich lattices more slowly (Ni²⁺ and Li⁺ are alike in size: e^(−3·(x_Ni − 0.6))). Assumptions.
 */
export const ORDERING_LOT_FACTORS: LotRateFactors = { d50Ref_um: 10, sizeExponent: 0, crackBoost: 0, singleCrystalFactor: 0.5, nickelPenalty: 3 };

/** Rock-salt healing rate relative to ordering, by atmosphere (O2: healRatio; air: a third; N2: none). */
export function healFactor(atmosphere: Atmosphere, healRatio: number): number {
  return atmosphere === 'O2' ? healRatio : atmosphere === 'air' ? healRatio / 3 : 0;
}

/** Conditions of one reconstruction step. */
export interface OrderingStep {
  /** Ordering rate before lot factors at the step's temperature, 1/h. */
  k_per_h: number;
  /** Time at temperature, h. */
  t_h: number;
  atmosphere: Atmosphere;
  /** Rock-salt healing rate ÷ ordering rate in O2. */
  healRatio: number;
  factors?: LotRateFactors;
}

/** What a reconstruction step does to a layered lot: new cation mixing and rock salt, and the progress made. */
export interface Reordered {
  cationMixing: number;
  surfaceRockSalt_nm: number;
  /** 1 − exp(−k_lot·t): how far the lattice has rearranged (0 cold, → 1 when fully reordered). */
  progress: number;
}

/** Reorder one layered lot. */
export function reorder(lot: Lot, s: OrderingStep): Reordered {
  const k = orderingRate(lot, s);
  return {
    cationMixing: reorderedCationMixing(lot, s, k),
    surfaceRockSalt_nm: healedRockSalt(lot, s, k, healFactor(s.atmosphere, s.healRatio)),
    progress: progress(k, s.t_h),
  };
}

// reorder in parts, for a unit that reads only some of it (sintering: no progress, whose
// exponential was a third of the per-lot work) — the same operations as reorder.

/** The ordering rate of one lot in a step, 1/h (the route's rate × the lot factors). */
export function orderingRate(lot: Lot, s: OrderingStep): number {
  return s.k_per_h * lotRateMultiplier(lot, s.factors ?? ORDERING_LOT_FACTORS);
}

/** A lot's cation mixing after a step at its ordering rate `k` (orderingRate). */
export function reorderedCationMixing(lot: Lot, s: OrderingStep, k: number): number {
  return approach(lot.cationMixing, equilibriumCationMixing(lot, s.atmosphere), k, s.t_h);
}

/** A lot's rock-salt layer after a step at its ordering rate `k`, healing `heal` (healFactor of the step). */
export function healedRockSalt(lot: Lot, s: OrderingStep, k: number, heal: number): number {
  return lot.surfaceRockSalt_nm * Math.exp(-heal * k * s.t_h);
}

/** Li volatilisation at temperature: rate (Li/TM per h) given at 950 °C and its activation energy. */
export interface LiVolatilisation {
  rateAt950C_per_h: number;
  ea_J_per_mol: number;
}

/**
 * Default Li volatilisation. Assumption: industrial calcination adds a few % excess Li to cover
 * volatilisation over 10–20 h at 900–950 °C, i.e. ≈0.002 Li/TM per h at 950 °C; Li2O vapour pressure
 * rises steeply with temperature (≈10× per 100 K near 900 °C → 250 kJ/mol). ≈0.001 Li/TM over 4 h at
 * 850 °C, ≈2e-4 over 3 h at 800 °C.
 */
export const LI_VOLATILISATION: LiVolatilisation = { rateAt950C_per_h: 0.002, ea_J_per_mol: 250e3 };

/** Li/TM lost as Li2O over t hours at T. */
export function liVolatilised(v: LiVolatilisation, tK: number, t_h: number): number {
  return rateAt({ kRef_per_h: v.rateAt950C_per_h, tRef_K: 1223.15, ea_J_per_mol: v.ea_J_per_mol }, tK) * t_h;
}

/**
 * Li/TM a layered lot ends with when `available` Li per TM surrounds it at temperature: the deficit
 * fills (Li diffusion is fast at calcination temperatures), and a share `excessUptake` of the Li
 * beyond stoichiometry enters the lattice as far as the lattice has rearranged (`reorderProgress`),
 * capped at `rMax` (all relative to the family's nominal Li/TM `nominal`). The rest stays outside
 * the lattice as salt.
 */
export function latticeLiUptake(available: number, nominal: number, reorderProgress: number, excessUptake: number, rMax: number): number {
  if (available <= nominal) return available;
  return Math.min(nominal + excessUptake * reorderProgress * (available - nominal), rMax * nominal);
}
