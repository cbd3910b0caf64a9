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

describe('irrRoots bisects two halvings per round (issue 19)', () => {
  /** The roots as one halving per round gives them (the bisection before the paired one), for comparison. */
  function reference(flows: readonly number[]): number[] {
    const poly = (x: number) => {
      let acc = 0;
      for (let t = flows.length - 1; t >= 0; t--) acc = acc * x + flows[t]!;
      return acc;
    };
    const at = (u: number) => poly(Math.exp(-u));
    const bisect = (a: number, b: number, fa: number) => {
      for (let i = 0; i < 200; i++) {
        const m = 0.5 * (a + b);
        if (m <= a || m >= b) break;
        const fm = at(m);
        if (fm === 0) return m;
        if ((fm > 0) === (fa > 0)) {
          a = m;
          fa = fm;
        } else b = m;
      }
      return 0.5 * (a + b);
    };
    let changes = 0;
    let last = 0;
    for (const f of flows) {
      if (f === 0) continue;
      if (last !== 0 && (f > 0) !== (last > 0)) changes++;
      last = f;
    }
    if (changes === 0) return [];
    const u0 = Math.log1p(-0.99);
    const u1 = Math.log1p(10);
    if (changes === 1) {
      const f0 = at(u0);
      const f1 = at(u1);
      if (f0 === 0) return [-0.99];
      if (f1 === 0) return [10];
      return (f0 > 0) !== (f1 > 0) ? [Math.expm1(bisect(u0, u1, f0))] : [];
    }
    const du = (u1 - u0) / 1000;
    const q = Math.exp(-du);
    const roots: number[] = [];
    let x = Math.exp(-u0);
    let fPrev = poly(x);
    if (fPrev === 0) roots.push(-0.99);
    for (let i = 1; i <= 1000; i++) {
      x *= q;
      const f = poly(x);
      if (f === 0) roots.push(1 / x - 1);
      else if (fPrev !== 0 && (f > 0) !== (fPrev > 0)) {
        const uPrev = u0 + du * (i - 1);
        const fa = at(uPrev);
        const fb = at(uPrev + du);
        if (fa === 0) roots.push(Math.expm1(uPrev));
        else if (fb !== 0 && (fa > 0) !== (fb > 0)) roots.push(Math.expm1(bisect(uPrev, uPrev + du, fa)));
      }
      fPrev = f;
    }
    return roots;
  }

  it('gives the roots of one halving per round, bit for bit: plant-like flows, roots near 0 (the 200-halving cap), several roots', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const cases: number[][] = [
      [-150000, 15000, 25000, 35000, 45000, 60000],
      [-5, 10.5, 1, -8, 1],
      [-100, 100, 0, -7],
      // IRR 0 exactly and nearly: u near 0, where halving runs down to the cap
      [-100, 50, 50],
      [-100, 50, 50.000000001],
      [-1, 1],
    ];
    for (let k = 0; k < 300; k++) {
      const years = 3 + Math.floor(rand() * 20);
      const capex = -(1e6 + rand() * 1e8);
      const flows = [capex, capex * rand()];
      for (let t = 0; t < years; t++) flows.push(Math.round((rand() - 0.25) * 3e7) / 100);
      if (k % 7 === 0) flows.push(-Math.abs(capex) * rand());
      cases.push(flows);
    }
    for (const flows of cases) expect(irrRoots(flows), JSON.stringify(flows)).toStrictEqual(reference(flows));
  });
});
