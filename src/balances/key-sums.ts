/**
 * Sums by key for the balance and quality reports (reagents by component, heat by utility, in-spec
 * product by chemistry), kept in two short lists and written out as a record at the end — the
 * record `(r[key] ?? 0) + x` key by key makes: the same sums (a new key starts at 0 + x), its keys
 * in order of first appearance. A record grown key by key is read and written through megamorphic
 * keyed look-ups (its shape changes with every new key, and its keys differ per call); a handful of
 * keys is found faster by a scan of the list (keys are internalized texts: compared by pointer).
 */
export class KeySums {
  private readonly keys: string[] = [];
  private readonly sums: number[] = [];
  /** How many keys are summed (the lists' first entries; kept over a reset, not cut: cutting a list is a call into the runtime). */
  private n = 0;

  /** No keys: sums from scratch. */
  reset(): this {
    this.n = 0;
    return this;
  }

  /** Add `x` to the sum of `key`. */
  add(key: string, x: number): void {
    const keys = this.keys;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      if (keys[i] === key) {
        this.sums[i]! += x;
        return;
      }
    }
    keys[n] = key;
    this.sums[n] = 0 + x;
    this.n = n + 1;
  }

  /** The sums as a new record, keys in order of first appearance. */
  record(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.n; i++) out[this.keys[i]!] = this.sums[i]!;
    return out;
  }

  /** A new record of this sum ÷ `by`'s sum of the same key, for each key of this one (in its order); `by` has every key of this one. */
  ratios(by: KeySums): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.n; i++) {
      const key = this.keys[i]!;
      out[key] = this.sums[i]! / by.sumOf(key);
    }
    return out;
  }

  /** The sum of `key` (undefined when never added). */
  private sumOf(key: string): number {
    for (let i = 0; i < this.n; i++) if (this.keys[i] === key) return this.sums[i]!;
    return undefined as unknown as number;
  }
}
