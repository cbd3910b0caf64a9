/**
 * evaluateBatch writes each row's KPIs into the batch's table as the row is evaluated (runner.ts
 * BatchColumns): the result must be the one the records of every row, kept and read at the end,
 * gave — names by first appearance, NaN where absent, not finite or failed — whatever the rows return.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBatch, failureOf, type BatchResult, type KpiFunction, type KpiValues } from '../../src/uncertainty/runner.js';

/** The batch as it was made before: every record kept, the names gathered, then the table filled. */
function reference(fn: KpiFunction, data: Float64Array, start: number, count: number, dims: number, offset = start): BatchResult {
  const records: (KpiValues | null)[] = [];
  const failures = [];
  const index = new Map<string, number>();
  const names: string[] = [];
  for (let r = 0; r < count; r++) {
    const at = (start + r - offset) * dims;
    try {
      const k = fn(data.subarray(at, at + dims));
      records.push(k);
      for (const name in k) if (!index.has(name)) { index.set(name, names.length); names.push(name); }
    } catch (e) {
      records.push(null);
      failures.push(failureOf(e, start + r));
    }
  }
  const values = new Float64Array(count * names.length).fill(NaN);
  records.forEach((k, r) => {
    if (k) for (const name in k) if (Number.isFinite(k[name]!)) values[r * names.length + index.get(name)!] = k[name]!;
  });
  return { start, count, names, values, failures };
}

describe('evaluateBatch', () => {
  it('gives the table of the kept records: names in any order, new names late, non-finite values, failures', () => {
    const fn: KpiFunction = (row): KpiValues => {
      const i = row[0]!;
      if (i % 7 === 3) throw new Error(`row ${i}`);
      if (i === 0) return {};
      if (i % 5 === 0) return { b: i * 2, a: i, late: -i };
      if (i % 11 === 0) return { a: Infinity, b: NaN, [`only${i}`]: i };
      return { a: i, b: i * 2 };
    };
    const data = Float64Array.from({ length: 60 }, (_, i) => i);
    for (const [start, count, offset] of [[0, 60, 0], [10, 25, 0], [0, 1, 0], [5, 20, 5]] as const) {
      const slice = offset === 0 ? data : data.subarray(offset);
      const got = evaluateBatch(fn, slice, start, count, 1, offset);
      const want = reference(fn, slice, start, count, 1, offset);
      expect(got.names).toEqual(want.names);
      expect(Array.from(got.values)).toEqual(Array.from(want.values));
      expect(got.failures).toEqual(want.failures);
      expect([got.start, got.count]).toEqual([want.start, want.count]);
    }
  });

  it('a batch whose rows all fail has no names and no values', () => {
    const got = evaluateBatch(() => { throw new Error('no'); }, new Float64Array(3), 0, 3, 1);
    expect(got.names).toEqual([]);
    expect(got.values.length).toBe(0);
    expect(got.failures.map((f) => f.index)).toEqual([0, 1, 2]);
  });
});
