/**
 * Chemical elements and their standard atomic weights.
 * Source: IUPAC Commission on Isotopic Abundances and Atomic Weights, abridged standard atomic
 * weights (2021 table, conventional values for elements given as intervals, e.g. Li 6.94, C 12.011).
 * REFERENCE.md 1.6 lists the same values for the elements it names.
 */

/** Atomic weight in g/mol (= kg/kmol) of every element the engine knows. */
export const ATOMIC_WEIGHT_G_PER_MOL = {
  H: 1.008,
  Li: 6.94,
  B: 10.81,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  F: 18.998403162,
  Na: 22.98976928,
  Mg: 24.305,
  Al: 26.9815384,
  Si: 28.085,
  P: 30.973761998,
  S: 32.06,
  Cl: 35.45,
  K: 39.0983,
  Ca: 40.078,
  Ti: 47.867,
  Cr: 51.9961,
  Mn: 54.938043,
  Fe: 55.845,
  Co: 58.933194,
  Ni: 58.6934,
  Cu: 63.546,
  Zn: 65.38,
  Zr: 91.224,
  Nb: 92.90637,
  Mo: 95.95,
  Ar: 39.948,
  Ag: 107.8682,
  I: 126.90447,
  La: 138.90547,
  W: 183.84,
  Pt: 195.084,
} as const;

/** An element symbol known to the engine. */
export type Element = keyof typeof ATOMIC_WEIGHT_G_PER_MOL;

/** Every known element symbol, in table order. */
export const ELEMENTS = Object.keys(ATOMIC_WEIGHT_G_PER_MOL) as Element[];

/**
 * The elements every balance report lists (DESIGN.md "Balances"), even when their flow is zero.
 * Other elements present in a stream (Mg, Ti, Zr dopants, I from LiI salts…) are reported too.
 */
export const TRACKED_ELEMENTS: readonly Element[] = [
  'Li', 'Ni', 'Co', 'Mn', 'Al', 'Cu', 'C', 'H', 'O', 'F', 'P', 'N', 'S', 'K', 'Na', 'Fe',
];

/** True when `symbol` is an element symbol the engine knows. */
export function isElement(symbol: string): symbol is Element {
  return Object.prototype.hasOwnProperty.call(ATOMIC_WEIGHT_G_PER_MOL, symbol);
}
