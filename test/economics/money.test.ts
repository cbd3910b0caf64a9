/**
 * Exact money sums: sumUsd adds integer cents in plain numbers while they are exact and must give
 * the decimal.js sum bit for bit; beyond 2^53 cents it accumulates in decimal.js.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sumUsd, sumUsdDecimal } from '../../src/economics/money.js';

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
