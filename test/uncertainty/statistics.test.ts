import { describe, expect, it } from 'vitest';
import { percentileOfSorted, summarize, spearman, spearmanMatrix, ranks, histogram } from '../../src/uncertainty/statistics.js';

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

  it('average ranks for ties; histogram counts every finite value', () => {
    expect(Array.from(ranks([10, 20, 10, 30]))).toEqual([1.5, 3, 1.5, 4]);
    const h = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN], 5);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(11);
    expect(h.edges).toHaveLength(6);
  });
});
