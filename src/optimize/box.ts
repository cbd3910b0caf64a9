/**
 * Box constraints for CMA-ES: the search runs unbounded in "genotype" space and every genotype
 * is mapped into [0, 1] (the normalised box of the parameters) by the piecewise linear–quadratic
 * transformation of pycma's BoxConstraintsLinQuadTransformation (N. Hansen, pycma,
 * `cma/transformations.py`): identity inside [a, 1 − a], quadratic near the bounds so that the
 * bound itself is reached with zero slope (an optimum on a bound is found exactly, without the
 * distortions of clipping), and periodic mirroring beyond. a = 0.05, pycma's default for a unit
 * box ((ub − lb)/20).
 */

/** Width of the quadratic zone at each bound of the unit box. */
export const BOX_MARGIN = 0.05;

const A = BOX_MARGIN;

/** Shift or mirror a genotype coordinate into the invertible domain [−a, 1 + a]. */
function fold(x: number): number {
  const period = 2 * (1 + 2 * A);
  const start = -2 * A - 0.5;
  if (x < start || x > 1 + 2 * A + 0.5) x -= period * Math.floor((x - start) / period);
  if (x > 1 + A) x -= 2 * (x - 1 - A);
  if (x < -A) x += 2 * (-A - x);
  return x;
}

/** The point of the unit box a genotype coordinate stands for. */
export function toBox(x: number): number {
  const y = fold(x);
  if (y < A) return (y + A) ** 2 / (4 * A);
  if (y < 1 - A) return y;
  return Math.min(1, Math.max(0, 1 - (y - (1 + A)) ** 2 / (4 * A)));
}

/** A genotype coordinate that maps to `u` ∈ [0, 1] (the inverse of toBox on [−a, 1 + a]). */
export function fromBox(u: number): number {
  const v = Math.min(1, Math.max(0, u));
  if (v < A) return -A + 2 * Math.sqrt(A * v);
  if (v <= 1 - A) return v;
  return 1 + A - 2 * Math.sqrt(A * (1 - v));
}
