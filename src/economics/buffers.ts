/**
 * Reused number buffers of the economics' sample path (item-costs.ts, selling-price.ts): module-level
 * typed arrays a Monte Carlo sample fills and reads in one call, grown when a list is longer than any
 * before.
 */

/** A copy of `a` in a new buffer of `size` numbers (size ≥ a.length; the rest zeros). */
export function grownBuffer(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
