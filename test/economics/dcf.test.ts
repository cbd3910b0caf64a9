/**
 * NPV, IRR and payback. Test vectors from numpy-financial's own tests
 * (github.com/numpy/numpy-financial, tests/test_financial.py: TestNpv.test_npv_decimal,
 * TestIrr.test_basic_values / test_trailing_zeros / test_numpy_gh_6744 / test_gh_44 /
 * test_npv_irr_congruence) and the numpy 1.x doctest `np.round(np.irr([-150000, 15000, 25000, 35000,
 * 45000, 60000]), 4) == 0.0524`. numpy-financial checks its IRRs to 2 decimals; here each value must
 * round to the digits it is written with.
 */
import { describe, expect, it } from 'vitest';
import { npv, irr, irrRoots, paybackYears } from '../../src/economics/dcf.js';

/** |actual − expected| < half a unit of the last written digit of `expected`. */
function roundsTo(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  const digits = (String(expected).split('.')[1] ?? '').length;
  expect(Math.abs(actual! - expected)).toBeLessThan(0.5 * 10 ** -digits);
}

describe('npv (numpy-financial convention: first flow at t = 0)', () => {
  it('npf.npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) = 122.894854950942692161628715', () => {
    expect(Math.abs(npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) - 122.894854950942692161628715)).toBeLessThan(1e-9);
  });
  it('is the plain sum at rate 0 and the first flow alone as the rate grows', () => {
    expect(npv(0, [-3, 1, 1, 1])).toBe(0);
    expect(npv(1e12, [-3, 1, 1, 1])).toBeCloseTo(-3, 9);
  });
});

describe('irr', () => {
  it.each([
    [[-150000, 15000, 25000, 35000, 45000, 60000], 0.0524],
    [[-100, 0, 0, 74], -0.0955],
    [[-100, 39, 59, 55, 20], 0.28095],
    [[-100, 100, 0, -7], -0.0833],
    [[-100, 100, 0, 7], 0.06206],
    [[-5, 10.5, 1, -8, 1], 0.0886],
    [[-5, 10.5, 1, -8, 1, 0, 0, 0], 0.0886],
  ])('numpy-financial vector %j → %d', (flows, expected) => {
    roundsTo(irr(flows, 0.1), expected);
  });

  it('gh-44: [-1678.87, 771.96, 1814.05, 3520.30, 3552.95, 3584.99, 4789.91, -1] → 1.00426 (4 decimals, as npf)', () => {
    const r = irr([-1678.87, 771.96, 1814.05, 3520.3, 3552.95, 3584.99, 4789.91, -1], 0.1)!;
    expect(Math.abs(r - 1.00426)).toBeLessThan(1.5e-4);
  });

  it('NPV at the IRR is zero (npf test_npv_irr_congruence)', () => {
    const flows = [-40000, 5000, 8000, 12000, 30000];
    expect(Math.abs(npv(irr(flows)!, flows))).toBeLessThan(1e-8);
  });

  it('finds every root when the cash flow changes sign twice and returns the one nearest the reference rate', () => {
    // −100 + 230/(1+r) − 132/(1+r)² = 0 ⇔ (1+r) ∈ {1.1, 1.2}
    const flows = [-100, 230, -132];
    const roots = irrRoots(flows);
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(0.1, 12);
    expect(roots[1]).toBeCloseTo(0.2, 12);
    expect(irr(flows, 0.12)).toBeCloseTo(0.1, 12);
    expect(irr(flows, 0.18)).toBeCloseTo(0.2, 12);
    // npf's vector with three sign changes has three roots; 0.0886 is the one nearest 10 %.
    expect(irrRoots([-5, 10.5, 1, -8, 1])).toHaveLength(3);
  });

  it('is null when no rate gives NPV = 0 (npf test_numpy_gh_6744 and a flow without real roots)', () => {
    expect(irr([1, 2, 3])).toBeNull();
    expect(irr([-1, -2, -3])).toBeNull();
    expect(irr([0, 0, 0])).toBeNull();
    // 1 − 2x + 2x² > 0 for every x: the sign changes twice but there is no root.
    expect(irr([1, -2, 2])).toBeNull();
  });
});

describe('payback', () => {
  it('counts from the start of operation and interpolates within the year', () => {
    // one construction year; cumulative −100, −70, −30, +20 → 2 + 30/50 years of operation
    expect(paybackYears([-100, 30, 40, 50], 1)).toBeCloseTo(2.6, 12);
  });
  it('is null when the cumulative cash flow never reaches zero', () => {
    expect(paybackYears([-100, 10, 10, 10], 1)).toBeNull();
  });
});
