/**
 * MACRS tables against IRS Publication 946, Appendix A, Table A-1 (GDS, half-year convention;
 * REFERENCE.md 4.2 quotes MACRS7; BioSTEAM's TEA carries the same table), and depreciation
 * schedules that sum exactly to their basis.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { MACRS_PERCENT, depreciationSchedule } from '../../src/economics/depreciation.js';

/** IRS Publication 946 Table A-1, percent, as printed. */
const PUB946: Record<string, string[]> = {
  MACRS3: ['33.33', '44.45', '14.81', '7.41'],
  MACRS5: ['20.00', '32.00', '19.20', '11.52', '11.52', '5.76'],
  MACRS7: ['14.29', '24.49', '17.49', '12.49', '8.93', '8.92', '8.93', '4.46'],
  MACRS10: ['10.00', '18.00', '14.40', '11.52', '9.22', '7.37', '6.55', '6.55', '6.56', '6.55', '3.28'],
  MACRS15: ['5.00', '9.50', '8.55', '7.70', '6.93', '6.23', '5.90', '5.90', '5.91', '5.90', '5.91', '5.90', '5.91', '5.90', '5.91', '2.95'],
  MACRS20: ['3.750', '7.219', '6.677', '6.177', '5.713', '5.285', '4.888', '4.522', '4.462', '4.461', '4.462', '4.461', '4.462', '4.461', '4.462', '4.461', '4.462', '4.461', '4.462', '4.461', '2.231'],
};

describe('MACRS (IRS Publication 946 Table A-1)', () => {
  for (const [method, pct] of Object.entries(PUB946)) {
    it(`${method} equals the IRS table and sums to 100 %`, () => {
      const ours = MACRS_PERCENT[method as keyof typeof MACRS_PERCENT];
      expect(ours.map((p) => new Decimal(p).toString())).toEqual(pct.map((p) => new Decimal(p).toString()));
      expect(ours.reduce((a, p) => a.plus(p), new Decimal(0)).toString()).toBe('100');
      // n-year property has n + 1 entries (half-year convention)
      expect(ours.length).toBe(Number(method.slice(5)) + 1);
    });
  }
});

describe('depreciation schedules', () => {
  const basis = 12_345_678.91;
  it('MACRS7 amounts are the table shares rounded to the cent and sum exactly to the basis', () => {
    const s = depreciationSchedule('MACRS7', basis, 10, 10, true);
    expect(s.amountsUsd[0]).toBe(1_764_197.52); // 14.29 % of 12,345,678.91 = 1,764,197.516…
    expect(s.amountsUsd.slice(8)).toEqual([0, 0]);
    expect(s.amountsUsd.reduce((a, x) => a.plus(x), new Decimal(0)).toString()).toBe('12345678.91');
  });
  it('a schedule longer than the life writes the remainder off in the last operating year', () => {
    const s = depreciationSchedule('MACRS20', basis, 10, 10, true);
    expect(s.truncated).toBe(true);
    expect(s.amountsUsd).toHaveLength(10);
    const tenYears = PUB946.MACRS20!.slice(0, 10).reduce((a, p) => a.plus(new Decimal(basis).mul(p).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)), new Decimal(0));
    expect(s.writeOffUsd).toBe(new Decimal(basis).minus(tenYears).toNumber());
    expect(s.amountsUsd.reduce((a, x) => a.plus(x), new Decimal(0)).toString()).toBe('12345678.91');
  });
  it('straight line spreads the basis evenly and ties to the cent', () => {
    const s = depreciationSchedule('straight-line', 1000, 3, 3, true);
    expect(s.amountsUsd).toEqual([333.33, 333.33, 333.34]);
    const fast = depreciationSchedule('straight-line', 1000, 3, 3, false);
    expect(fast.amountsUsd[0]).toBeCloseTo(1000 / 3, 12);
  });
});
