/**
 * Lots: parcels of cathode active material that keep their own state through the plant.
 * A stream holds a list of lots; they are never averaged away. Two lots merge only when they
 * carry the same id (the same feed lot on the same path, e.g. the recycled part of itself); the
 * merge sums TM moles and lithium, so every element is conserved exactly.
 */
import type { CathodeChemistry } from '../chemistry/cathode.js';
import { frameMolarMass, molarMassPerTm, addLotElementMasses } from '../chemistry/cathode.js';
import { ATOMIC_WEIGHT_G_PER_MOL, type Element } from '../chemistry/elements.js';

/** Particle morphology. */
export type Morphology = 'polycrystal' | 'single-crystal';

/** Why a lot is off specification (decided at the product boundary). */
export type OffSpecCause = 'under-lithiated' | 'over-lithiated' | 'cation-mixing' | 'surface-rock-salt' | 'residual-li-salts' | 'foreign-chemistry' | 'low-capacity'
  // foreign solids in the product stream (issue 12)
  | 'graphite-carbon' | 'aluminium' | 'copper' | 'fluorine';

/** A parcel of cathode active material with its degradation / repair state. */
export interface Lot {
  /** Unique within a stream; sorting lanes and tagged splits append `@lane`. */
  id: string;
  /** The feed lot(s) this material came from. */
  origin: string[];
  chemistry: CathodeChemistry;
  massKgPerHour: number;
  /** Li/TM molar ratio. */
  liPerTm: number;
  /** Fraction of Li sites occupied by Ni (Li/Ni cation mixing). */
  cationMixing: number;
  /** Thickness of the surface rock-salt (NiO-like) layer, nm. */
  surfaceRockSalt_nm: number;
  /** Fraction of particles with intergranular cracks. */
  crackFraction: number;
  morphology: Morphology;
  /** Median particle size, µm. */
  d50_um: number;
  /** Protective coating thickness, nm (0 when uncoated). */
  coating_nm: number;
  /** Coating material (component id or name), null when uncoated. */
  coating: string | null;
  /** Conductive-network / electrode attribute set by refabrication, null before. */
  conductiveNetwork: string | null;
  /** Sorting lane the lot was assigned to, null before sorting. */
  lane: string | null;
}

/** Kilomoles of TM-site cations carried per hour by a lot. */
export function lotTmKmolPerHour(lot: Lot): number {
  return lot.massKgPerHour / molarMassPerTm(lot.chemistry, lot.liPerTm);
}

/** Element mass flows (kg/h) of a lot, added into `into`. */
export function addLotElements(lot: Lot, into: Partial<Record<Element, number>>): void {
  addLotElementMasses(lot.chemistry, lot.liPerTm, lotTmKmolPerHour(lot), into);
}

/**
 * A copy of a lot, made by one object literal with every field in the order every lot has
 * (feedStream's): all lots then share one hidden class. A spread copy (`{ ...lot, x }`) takes a
 * class derived from its source's, so lots copied from copies reach the solver, the balances and
 * the next units with many classes, where every field read and every further spread takes V8's
 * slow, megamorphic path (a third of a sintering run on the Monte Carlo path, measured). Change
 * fields on the copy (it is new); never on a lot that others hold.
 */
export function copyLot(l: Lot): Lot {
  return {
    id: l.id, origin: l.origin, chemistry: l.chemistry, massKgPerHour: l.massKgPerHour, liPerTm: l.liPerTm, cationMixing: l.cationMixing,
    surfaceRockSalt_nm: l.surfaceRockSalt_nm, crackFraction: l.crackFraction, morphology: l.morphology, d50_um: l.d50_um, coating_nm: l.coating_nm,
    coating: l.coating, conductiveNetwork: l.conductiveNetwork, lane: l.lane,
  };
}

/** A copy of `lot` (copyLot) with mass flow `massKgPerHour`. */
export function lotWithMass(l: Lot, massKgPerHour: number): Lot {
  return {
    id: l.id, origin: l.origin, chemistry: l.chemistry, massKgPerHour, liPerTm: l.liPerTm, cationMixing: l.cationMixing,
    surfaceRockSalt_nm: l.surfaceRockSalt_nm, crackFraction: l.crackFraction, morphology: l.morphology, d50_um: l.d50_um, coating_nm: l.coating_nm,
    coating: l.coating, conductiveNetwork: l.conductiveNetwork, lane: l.lane,
  };
}

/** A copy of `lot` with its mass flow multiplied by `factor`. */
export function scaleLot(lot: Lot, factor: number): Lot {
  return lotWithMass(lot, lot.massKgPerHour * factor);
}

/** The extensive state attributes averaged (by TM moles) when same-id lots merge. */
const MOLAR_AVERAGED = ['cationMixing', 'surfaceRockSalt_nm', 'crackFraction', 'd50_um', 'coating_nm'] as const;

/**
 * Merge two parts of the same lot (same id). TM moles and lithium add, so mass and every element
 * are conserved; intensive state is averaged by TM moles; TM-site fractions are averaged by TM
 * moles (they differ only when one part was doped).
 */
export function mergeLots(a: Lot, b: Lot): Lot {
  const na = lotTmKmolPerHour(a);
  const nb = lotTmKmolPerHour(b);
  const n = na + nb;
  if (n === 0) return lotWithMass(a, 0);
  const wa = na / n;
  const wb = nb / n;
  const liPerTm = wa * a.liPerTm + wb * b.liPerTm;
  let chemistry = a.chemistry;
  if (a.chemistry !== b.chemistry && !sameTm(a.chemistry, b.chemistry)) {
    const tm: Partial<Record<Element, number>> = {};
    for (const [el, x] of Object.entries(a.chemistry.tm) as [Element, number][]) tm[el] = (tm[el] ?? 0) + wa * x;
    for (const [el, x] of Object.entries(b.chemistry.tm) as [Element, number][]) tm[el] = (tm[el] ?? 0) + wb * x;
    chemistry = { ...a.chemistry, tm };
  }
  const merged = copyLot(a);
  merged.chemistry = chemistry;
  merged.liPerTm = liPerTm;
  merged.origin = a.origin === b.origin ? a.origin : unionSorted(a.origin, b.origin);
  merged.massKgPerHour = n * (liPerTm * ATOMIC_WEIGHT_G_PER_MOL.Li + frameMolarMass(chemistry));
  for (const k of MOLAR_AVERAGED) merged[k] = wa * a[k] + wb * b[k];
  return merged;
}

function sameTm(a: CathodeChemistry, b: CathodeChemistry): boolean {
  if (a.family !== b.family) return false;
  const keys = new Set([...Object.keys(a.tm), ...Object.keys(b.tm)]) as Set<Element>;
  for (const k of keys) if (Math.abs((a.tm[k] ?? 0) - (b.tm[k] ?? 0)) > 1e-15) return false;
  return true;
}

function unionSorted(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
