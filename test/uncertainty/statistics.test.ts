import { describe, expect, it } from 'vitest';
import { percentileOfSorted, summarize, spearman, spearmanMatrix, ranks, histogram, ascendingOrder, rankedColumn } from '../../src/uncertainty/statistics.js';

describe('statistics', () => {
  it('percentiles interpolate between order statistics (type 7)', () => {
    const xs = [1, 2, 3, 4, 5];
    expect(percentileOfSorted(xs, 0.5)).toBe(3);
    expect(percentileOfSorted(xs, 0.05)).toBeCloseTo(1.2, 14);
    expect(percentileOfSorted(xs, 0.95)).toBeCloseTo(4.8, 14);
    const s = summarize([5, NaN, 1, 4, 2, 3]);
    expect(s).toMatchObject({ n: 5, mean: 3, min: 1, max: 5, p50: 3 });
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(summarize([NaN]).mean).toBeNull();
  });

  it('Spearman: 1 for a monotone function, −1 decreasing, null for a constant', () => {
    const x = Array.from({ length: 200 }, (_, i) => Math.sin(i) * 10);
    expect(spearman(x, x.map((v) => Math.exp(v / 3) + v ** 3))).toBe(1);
    expect(spearman(x, x.map((v) => -v))).toBe(-1);
    expect(spearman(x, x.map(() => 4))).toBeNull();
  });

  it('Spearman matrix: every pair exactly as spearman gives it (columns with failed samples too)', () => {
    const x = Array.from({ length: 300 }, (_, i) => Math.sin(i * 1.7) * 5);
    const xs = [x, x.map((v, i) => (i % 37 === 0 ? NaN : v * v)), x.map(() => 2)];
    const ys = [x.map((v) => Math.round(v)), Float64Array.from(x, (v, i) => (i === 5 ? NaN : Math.cos(v))), x.map((v) => -(v ** 3))];
    const m = spearmanMatrix(xs, ys);
    xs.forEach((a, i) => ys.forEach((b, j) => expect(Object.is(m[i]![j], spearman(a, b)), `${i},${j}`).toBe(true)));
  });

  it('ranks by the radix order are exactly the ranks of an index sort (ties, −0 and 0, NaN)', () => {
    const byIndex = (v: readonly number[]) => {
      const order = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]! || a - b);
      const r = new Array<number>(v.length);
      for (let i = 0; i < v.length; ) {
        let j = i;
        while (j + 1 < v.length && v[order[j + 1]!] === v[order[i]!]) j++;
        for (let k = i; k <= j; k++) r[order[k]!] = (i + j) / 2 + 1;
        i = j + 1;
      }
      return r;
    };
    const v = Array.from({ length: 997 }, (_, i) => Math.round(Math.sin(i * 12.9898) * 40) / 4);
    v[3] = -0;
    v[10] = 0;
    expect(Array.from(ranks(v))).toEqual(byIndex(v));
    expect(Array.from(ranks([2, 1, 2, 2]))).toEqual([3, 1, 3, 3]);
    const withNaN = [3, NaN, 1, 3];
    expect(Array.from(ranks(withNaN))).toEqual(byIndex(withNaN));
  });

  it('ascendingOrder is a stable numeric sort of finite doubles (signs, −0 before 0, subnormals, extremes, ties)', () => {
    const stable = (v: readonly number[]) => v.map((_, i) => i).sort((a, b) => (v[a]! < v[b]! ? -1 : v[a]! > v[b]! ? 1 : Object.is(v[a], -0) && Object.is(v[b], 0) ? -1 : Object.is(v[a], 0) && Object.is(v[b], -0) ? 1 : a - b));
    const special = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, -1e308, 1.7976931348623157e308, -1.7976931348623157e308, 1, -1, 1, 0.1 + 0.2, 0.3, -0, 0];
    const random = Array.from({ length: 5000 }, (_, i) => Math.round(Math.sin(i * 78.233) * 1e6) / (1 + (i % 7)) * (i % 3 === 0 ? -1 : 1));
    const narrow = Array.from({ length: 3000 }, (_, i) => 13.68 + (i % 97) * 1e-13);
    for (const v of [special, random, narrow, [], [42]]) expect(Array.from(ascendingOrder(v))).toEqual(stable(v));
    // A typed array's own bits are read in place, a view into a larger buffer too.
    const view = new Float64Array([7, ...special, 9]).subarray(1, 1 + special.length);
    expect(Array.from(ascendingOrder(view))).toEqual(stable(special));
    expect(Array.from(ascendingOrder(Float64Array.from(random)))).toEqual(stable(random));
    // ranks over such values are still those of the index sort (−0 and 0 one tie group).
    expect(Array.from(ranks(special))).toEqual(Array.from(ranks(special.map((x) => x + 0))));
  });

  it('average ranks for ties; histogram counts every finite value', () => {
    expect(Array.from(ranks([10, 20, 10, 30]))).toEqual([1.5, 3, 1.5, 4]);
    const h = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN], 5);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(11);
    expect(h.edges).toHaveLength(6);
  });

  it('a ranked column gives the histogram of its column, bit for bit (bins found by bisection in the sorted values)', () => {
    const x = Array.from({ length: 3001 }, (_, i) => Math.round(Math.sin(i * 3.7) * 1e4) / 64);
    const cols: number[][] = [
      x,
      x.map((v) => v * v - 3),
      x.map((v) => Math.round(v / 40)),
      x.map(() => 1.5),
      x.map((v) => Math.abs(v)),
      x.map((v) => -Math.abs(v) - 0),
      x.map((v, i) => (i === 5 ? -0 : Math.abs(v) + 1)),
      x.map((v) => 13.68 + (Math.abs(v) % 97) * 1e-13),
      [7],
      [],
    ];
    for (const c of cols) {
      for (const bins of [undefined, 1, 3, 7, 50]) {
        const plain = histogram(c, bins);
        const viaSort = histogram(c, bins, rankedColumn(c));
        expect(viaSort.counts).toEqual(plain.counts);
        expect(viaSort.edges.length).toBe(plain.edges.length);
        viaSort.edges.forEach((e, i) => expect(Object.is(e, plain.edges[i]), `edge ${i}`).toBe(true));
      }
    }
  });

  it('a ranked column gives the summary and the Spearman matrix of its column, bit for bit (one sort, not two)', () => {
    const x = Array.from({ length: 2000 }, (_, i) => Math.round(Math.sin(i * 3.7) * 1e4) / 64);
    x[7] = -0;
    x[8] = 0;
    const cols = [x, Float64Array.from(x, (v) => v * v - 3), x.map(() => 1.5), x.map((v, i) => (i === 9 ? NaN : v)), [1, 2]];
    const ranked = cols.map(rankedColumn);
    expect(ranked.map((r) => r === null)).toEqual([false, false, false, true, false]);
    // Not finite: NaN and both infinities (exponent bits all set), found while the keys are made.
    for (const bad of [[1, Infinity, 2], [-Infinity], [0, -0, NaN]]) expect(rankedColumn(bad)).toBeNull();
    expect(() => ascendingOrder([1, NaN])).toThrow(RangeError);
    expect(Array.from(ranks([3, Infinity, 1, -Infinity]))).toEqual([3, 4, 2, 1]);
    cols.forEach((c, i) => {
      const r = ranked[i];
      if (r) {
        expect(Array.from(r.ranks)).toEqual(Array.from(ranks(c)));
        expect(Array.from(r.sorted)).toEqual(Array.from(Float64Array.from(c).sort()));
      }
      expect(summarize(c, r)).toEqual(summarize(c));
    });
    const xs = cols.slice(0, 4);
    const m = spearmanMatrix(xs, xs, ranked.slice(0, 4), ranked.slice(0, 4));
    const plain = spearmanMatrix(xs, xs);
    xs.forEach((a, i) => xs.forEach((b, j) => {
      expect(Object.is(m[i]![j], plain[i]![j]), `${i},${j}`).toBe(true);
      expect(Object.is(m[i]![j], spearman(a, b)), `${i},${j}`).toBe(true);
    }));
  });
});
