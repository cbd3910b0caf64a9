/**
 * A copy of a component record's entries, to tell whether a later record is equal to it. The
 * units that keep their last run for an equal feed (sorting, NMP delamination, the hydrothermal
 * autoclave's charge) compare the feed's components this way: a Monte Carlo sample brings new
 * records with the same entries, so identity says nothing, and the order of the entries matters
 * (sums over a record follow it).
 */
import { sameNumber } from './row-stream.js';

/** The entries of a component record (kg/h by id) in their order, copied when made. */
export class ComponentCopy {
  /** The ids, in the record's order. */
  readonly ids: string[] = [];
  /** Their kg/h. */
  readonly kg: number[] = [];

  constructor(c: Readonly<Record<string, number>>) {
    for (const id in c) {
      this.ids.push(id);
      this.kg.push(c[id]!);
    }
  }

  /** Whether `c` has the same ids in the same order with the same numbers (0 and −0 differ). */
  sameAs(c: Readonly<Record<string, number>>): boolean {
    const ids = this.ids;
    const kg = this.kg;
    let k = 0;
    for (const id in c) {
      if (k >= ids.length || ids[k] !== id || !sameNumber(kg[k]!, c[id]!)) return false;
      k++;
    }
    return k === ids.length;
  }
}
