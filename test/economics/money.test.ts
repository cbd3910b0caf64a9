/**
 * Exact money sums: sumUsd adds integer cents in plain numbers while they are exact and must give
 * the decimal.js sum bit for bit; beyond 2^53 cents it accumulates in decimal.js.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sumUsd, sumUsdDecimal, sumUsdOf, categoryTotalUsd, addCents, amountsOf, splitUsd } from '../../src/economics/money.js';

const same = (a: number, b: number) => expect(Object.is(a, b), `${a} vs ${b}`).toBe(true);

describe('sumUsd', () => {
  it('equals the decimal.js sum of the cent-rounded amounts, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), fc.constantFrom(0, -0, 0.005, -0.005, 0.015, 1e11 + 0.125)), { maxLength: 40 }), (parts) => {
        same(sumUsd(parts), sumUsdDecimal(parts));
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it('falls back to decimal.js beyond 2^53 cents (≈ 9·10^13 USD)', () => {
    const big = [9e13, 9e13, 0.01, -9e13];
    same(sumUsd(big), sumUsdDecimal(big));
    expect(sumUsd(big)).toBe(9e13 + 0.01);
    same(sumUsd([]), 0);
  });
});

describe('amountsOf and splitUsd (lists built by push, issue 19)', () => {
  it('amountsOf gives what filter().map() gives, in order', () => {
    const items = [{ usd: 1.25, v: true }, { usd: -0, v: false }, { usd: 3, v: true }, { usd: 0.1, v: false }];
    expect(amountsOf(items, (i) => i.usd)).toEqual(items.map((i) => i.usd));
    expect(amountsOf(items, (i) => i.usd, (i) => i.v)).toEqual([1.25, 3]);
    expect(Object.is(amountsOf(items, (i) => i.usd, (i) => !i.v)[0], -0)).toBe(true);
    expect(amountsOf([], (i: { usd: number }) => i.usd)).toEqual([]);
  });

  it('splitUsd: cent-rounded parts that sum exactly to the total, the last one the remainder', () => {
    expect(splitUsd(100, [0.3, 0.3, 0.4])).toEqual([30, 30, 40]);
    expect(splitUsd(0.1, [1 / 3, 1 / 3, 1 / 3])).toEqual([0.03, 0.03, 0.04]);
    expect(sumUsd(splitUsd(1234567.89, [0.25, 0.6, 0.15]))).toBe(1234567.89);
  });
});

describe('sums without their lists (sumUsdOf, categoryTotalUsd, addCents)', () => {
  const amount = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), fc.constantFrom(0, -0, 0.005, -0.015, 9e13, -9e13, 5e15, NaN, Infinity));
  const lines = fc.array(fc.record({ category: fc.constantFrom('feed', 'waste', 'labour'), usd: amount }), { maxLength: 30 });
  it('give sumUsd of the kept amounts, bit for bit, also past 2^53 cents and for NaN', () => {
    let out = 0;
    out = addCents(out, 9e13);
    expect(Number.isNaN(addCents(out, 1e13))).toBe(true);
    expect(Number.isNaN(addCents(NaN, 1))).toBe(true);
    fc.assert(
      fc.property(lines, (items) => {
        same(sumUsdOf(items, (i) => i.usd), sumUsd(amountsOf(items, (i) => i.usd)));
        for (const c of ['feed', 'waste', 'labour']) {
          const v = amountsOf(items, (i) => i.usd, (i) => i.category === c);
          same(sumUsdOf(items, (i) => i.usd, (i) => i.category === c), sumUsd(v));
          if (v.length > 0) same(categoryTotalUsd(items, c), v.length === 1 ? v[0]! : sumUsd(v));
        }
        let acc = 0;
        for (const i of items) acc = addCents(acc, i.usd);
        const all = amountsOf(items, (i) => i.usd);
        // NaN once a partial sum leaves the exact range (sumUsd then sums in decimal.js), else sumUsd's cents.
        if (!Number.isNaN(acc)) same(acc / 100, sumUsd(all));
      }),
      { numRuns: 1500, seed: 20261205 },
    );
  });
});
