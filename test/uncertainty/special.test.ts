import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, logGamma, incompleteBeta, inverseIncompleteBeta } from '../../src/uncertainty/special.js';

describe('special functions', () => {
  it('normal CDF matches tabulated values (absolute < 1e-15, relative small in the tails)', () => {
    const cases: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [2, 0.9772498680518208],
      [-3, 0.0013498980316300946],
      [-5, 2.866515718791939e-7],
      [-8, 6.22096057427178e-16],
    ];
    for (const [x, p] of cases) {
      expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-15);
      expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(x >= -3 ? 1e-13 : 1e-8);
    }
  });

  it('normal quantile inverts the CDF to full precision, symmetric', () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.025, 0.05, 0.2, 0.5, 0.7, 0.95, 0.999, 1 - 1e-9]) {
      const x = normalQuantile(p);
      const back = p > 0.5 ? 1 - normalCdf(-x) : normalCdf(x);
      expect(Math.abs(back - p) / Math.min(p, 1 - p)).toBeLessThan(1e-12);
      if (p > 0.5) expect(x).toBe(-normalQuantile(1 - p)); // 1 − p is exact for p ≥ 0.5
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('log-gamma', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 12);
  });

  it('incomplete beta and its inverse', () => {
    for (const x of [0.01, 0.3, 0.5, 0.9]) {
      expect(incompleteBeta(x, 1, 1)).toBeCloseTo(x, 14);
      expect(incompleteBeta(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 13);
    }
    for (const [a, b] of [[1.5, 4], [3, 3], [1, 5], [5, 1.2]] as const) {
      for (const p of [1e-6, 0.05, 0.5, 0.95, 0.999999]) {
        const x = inverseIncompleteBeta(p, a, b);
        expect(Math.abs(incompleteBeta(x, a, b) - p)).toBeLessThan(1e-12);
      }
    }
  });
});
