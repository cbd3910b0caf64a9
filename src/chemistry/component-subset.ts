/**
 * A fixed list of component ids whose masses are summed from component records that hold only a few
 * of them (the residual Li salts of a stream, the matrix of a parcel).
 */

/**
 * Sums of a fixed list of component ids (at most 31) over component records. The record's own few
 * keys are walked against the list, not every id of the list looked up in the record: a lookup of
 * an absent key misses in V8's dictionary and shape caches, and a Monte Carlo sample sums several
 * records of 1–4 components each. The masses found are added from +0 in the list's order, as the
 * sum over every id with 0 for the absent ones was (adding +0 changes no sum that starts at +0).
 */
export class ComponentSubset {
  /** Position of each id in the list. */
  private readonly at: ReadonlyMap<string, number>;
  /** The masses the last sum found, by position (one sum at a time; read within it). */
  private readonly kg: Float64Array;

  constructor(ids: readonly string[]) {
    if (ids.length > 31) throw new RangeError(`a component subset holds at most 31 ids (${ids.length} given)`);
    this.at = new Map(ids.map((id, i) => [id, i]));
    this.kg = new Float64Array(ids.length);
  }

  /** Σ of the record's masses of the list's ids, in the list's order (0 when it holds none). */
  sumOf(components: Readonly<Record<string, number>>): number {
    let found = 0;
    for (const id in components) {
      const i = this.at.get(id);
      if (i === undefined) continue;
      this.kg[i] = components[id] ?? 0;
      found |= 1 << i;
    }
    let sum = 0;
    for (let i = 0; found !== 0; i++, found >>>= 1) if ((found & 1) !== 0) sum += this.kg[i]!;
    return sum;
  }
}
