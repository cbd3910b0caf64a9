import { describe, expect, it } from 'vitest';
import { ComponentSubset } from '../../src/chemistry/component-subset.js';

/** The sum it replaces: every id of the list looked up, 0 for an absent one, added from +0 in list order. */
function sumEveryId(ids: readonly string[], c: Readonly<Record<string, number>>): number {
  let s = 0;
  for (const id of ids) s += c[id] ?? 0;
  return s;
}

describe('ComponentSubset', () => {
  const ids = ['Al', 'Cu', 'PVDF', 'CNT'];
  const subset = new ComponentSubset(ids);

  it('sums the ids a record holds in the list order, bit for bit as a lookup of every id', () => {
    const records: Record<string, number>[] = [
      {},
      { H2O: 3 },
      { CNT: 1e-17, Al: 1 },
      { PVDF: 0.1, Cu: 0.2, Al: 0.3, graphite: 5 },
      { Cu: -0 },
      { Al: 1e16, CNT: 1, Cu: -1e16 },
    ];
    for (const r of records) expect(Object.is(subset.sumOf(r), sumEveryId(ids, r))).toBe(true);
    // Order matters in floating point: 1e16 + 1 − 1e16 in list order (Al, Cu, CNT) gives 1, not 0.
    expect(subset.sumOf({ CNT: 1, Cu: -1e16, Al: 1e16 })).toBe(1);
  });

  it('keeps nothing from one sum to the next', () => {
    expect(subset.sumOf({ Al: 2, Cu: 3 })).toBe(5);
    expect(subset.sumOf({ Cu: 1 })).toBe(1);
    expect(subset.sumOf({})).toBe(0);
  });

  it('refuses a list longer than 31 ids', () => {
    expect(() => new ComponentSubset(Array.from({ length: 32 }, (_, i) => `c${i}`))).toThrow(RangeError);
  });
});
