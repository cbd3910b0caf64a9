/**
 * Groups in order of first appearance, found by three keys (off-spec parcels: chemistry, grade and
 * origin) without a key text per lookup: a handful by a scan of the list — a Monte Carlo sample has
 * a few, and maps per level per sample cost more — and past SCAN_LIMIT (a feed of many lots)
 * through nested maps made then.
 */

/** Groups found by a scan of the list up to this many. */
export const SCAN_LIMIT = 16;

/**
 * Groups of type G by keys A, B and a text (`''` for none), in order of first appearance. The keys
 * are kept beside the groups (no accessor called per comparison: a sample compares every parcel).
 */
export class OrderedGroups<A, B, G> {
  /** The groups, in the order they were added. */
  readonly list: G[] = [];
  private readonly keysA: A[] = [];
  private readonly keysB: B[] = [];
  private readonly keysC: string[] = [];
  private index: Map<A, Map<B, Map<string, G>>> | undefined;

  /** The group of these keys, if one was added. */
  find(a: A, b: B, c: string): G | undefined {
    if (this.index !== undefined) return this.index.get(a)?.get(b)?.get(c);
    for (let i = 0; i < this.list.length; i++) {
      if (this.keysA[i] === a && this.keysB[i] === b && this.keysC[i] === c) return this.list[i];
    }
    return undefined;
  }

  /** Add group `g` of keys find() does not know yet. */
  add(g: G, a: A, b: B, c: string): void {
    this.list.push(g);
    this.keysA.push(a);
    this.keysB.push(b);
    this.keysC.push(c);
    if (this.index !== undefined) indexGroup(this.index, g, a, b, c);
    else if (this.list.length > SCAN_LIMIT) {
      const index = new Map<A, Map<B, Map<string, G>>>();
      for (let i = 0; i < this.list.length; i++) indexGroup(index, this.list[i]!, this.keysA[i]!, this.keysB[i]!, this.keysC[i]!);
      this.index = index;
    }
  }
}

function indexGroup<A, B, G>(index: Map<A, Map<B, Map<string, G>>>, g: G, a: A, b: B, c: string): void {
  let byB = index.get(a);
  if (!byB) index.set(a, (byB = new Map()));
  let byC = byB.get(b);
  if (!byC) byB.set(b, (byC = new Map()));
  byC.set(c, g);
}
