/**
 * Groups in order of first appearance, found by three keys (off-spec parcels: chemistry, grade and
 * origin) without a key text per lookup: a handful by a scan of the list — a Monte Carlo sample has
 * a few, and maps per level per sample cost more — and past SCAN_LIMIT (a feed of many lots)
 * through nested maps made then.
 */

/** Groups found by a scan of the list up to this many. */
export const SCAN_LIMIT = 16;

/** Groups of type G by keys A, B and a text (`''` for none), in order of first appearance. */
export class OrderedGroups<A, B, G> {
  /** The groups, in the order they were added. */
  readonly list: G[] = [];
  private index: Map<A, Map<B, Map<string, G>>> | undefined;

  /** `first`, `second`, `third`: a group's keys (the third `''` for none). */
  constructor(
    private readonly first: (g: G) => A,
    private readonly second: (g: G) => B,
    private readonly third: (g: G) => string,
  ) {}

  /** The group of these keys, if one was added. */
  find(a: A, b: B, c: string): G | undefined {
    if (this.index !== undefined) return this.index.get(a)?.get(b)?.get(c);
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      const g = list[i]!;
      if (this.first(g) === a && this.second(g) === b && this.third(g) === c) return g;
    }
    return undefined;
  }

  /** Add a group whose keys find() does not know yet. */
  add(g: G): void {
    this.list.push(g);
    if (this.index !== undefined) this.indexGroup(this.index, g);
    else if (this.list.length > SCAN_LIMIT) {
      const index = new Map<A, Map<B, Map<string, G>>>();
      for (const x of this.list) this.indexGroup(index, x);
      this.index = index;
    }
  }

  private indexGroup(index: Map<A, Map<B, Map<string, G>>>, g: G): void {
    const a = this.first(g);
    let byB = index.get(a);
    if (!byB) index.set(a, (byB = new Map()));
    const b = this.second(g);
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    byC.set(this.third(g), g);
  }
}
