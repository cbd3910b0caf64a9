/**
 * Tax depreciation schedules: straight line and MACRS (General Depreciation System, 200 % / 150 %
 * declining balance switching to straight line, half-year convention) from IRS Publication 946,
 * Appendix A, Table A-1. Percentages are kept exactly as printed (they sum to 100 %); BioSTEAM's
 * TEA carries the same table (REFERENCE.md 4.2 quotes MACRS7).
 */
import type { DepreciationMethod } from '../schema/economics.js';
import { toCents, mulCents } from './money.js';

/** IRS Publication 946 Table A-1 (half-year convention), percent of basis per recovery year. */
export const MACRS_PERCENT: Readonly<Record<'MACRS3' | 'MACRS5' | 'MACRS7' | 'MACRS10' | 'MACRS15' | 'MACRS20', readonly number[]>> = {
  MACRS3: [33.33, 44.45, 14.81, 7.41],
  MACRS5: [20.0, 32.0, 19.2, 11.52, 11.52, 5.76],
  MACRS7: [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46],
  MACRS10: [10.0, 18.0, 14.4, 11.52, 9.22, 7.37, 6.55, 6.55, 6.56, 6.55, 3.28],
  MACRS15: [5.0, 9.5, 8.55, 7.7, 6.93, 6.23, 5.9, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 2.95],
  MACRS20: [3.75, 7.219, 6.677, 6.177, 5.713, 5.285, 4.888, 4.522, 4.462, 4.461, 4.462, 4.461, 4.462, 4.461, 4.462, 4.461, 4.462, 4.461, 4.462, 4.461, 2.231],
};

/** Source of the MACRS table. */
export const MACRS_SOURCE = 'IRS Publication 946, Appendix A, Table A-1 (GDS, half-year convention)';

/** Fractions of the basis deducted in each recovery year for a method (straight line over `years`). */
export function depreciationFractions(method: DepreciationMethod, straightLineYears: number): readonly number[] {
  if (method === 'straight-line') return new Array<number>(straightLineYears).fill(1 / straightLineYears);
  return MACRS_FRACTIONS[method];
}

const MACRS_FRACTIONS = Object.fromEntries(Object.entries(MACRS_PERCENT).map(([k, v]) => [k, v.map((p) => p / 100)])) as unknown as Record<keyof typeof MACRS_PERCENT, readonly number[]>;

/** A depreciation schedule over the operating years. */
export interface DepreciationSchedule {
  method: DepreciationMethod;
  /** Fractions of the basis by recovery year as the method gives them. */
  fractions: readonly number[];
  /** Amount deducted in each operating year (length = life); the last year includes any write-off. */
  amountsUsd: number[];
  /** Undepreciated basis written off in the last operating year (when the schedule outlasts the life). */
  writeOffUsd: number;
  /** True when the schedule is longer than the life. */
  truncated: boolean;
}

/**
 * Depreciation of `basisUsd` over `lifeYears` operating years, starting in the first operating
 * year. With `exact`, every amount is cent-rounded and the amounts sum to the basis exactly (the
 * last amount of the schedule, or the write-off, takes the remainder); otherwise plain numbers.
 */
export function depreciationSchedule(method: DepreciationMethod, basisUsd: number, lifeYears: number, straightLineYears: number, exact: boolean): DepreciationSchedule {
  const fractions = depreciationFractions(method, straightLineYears);
  const n = fractions.length;
  // Zeros pushed, not new Array(n).fill(0): a list made with a length is holey, slower to fill and read.
  const amounts: number[] = [];
  for (let k = 0; k < lifeYears; k++) amounts.push(0);
  const truncated = n > lifeYears;
  let writeOff = 0;
  if (exact) {
    // Integer cents: every amount rounded, the last of the schedule (or the write-off) takes the rest.
    const basis = toCents(basisUsd);
    let acc = 0;
    const last = Math.min(n, lifeYears) - 1;
    for (let k = 0; k <= last; k++) {
      const a = k === n - 1 ? basis - acc : mulCents(basis, fractions[k]!);
      amounts[k] = a / 100;
      acc += a;
    }
    if (truncated) {
      const w = basis - acc;
      writeOff = w / 100;
      amounts[lifeYears - 1] = (toCents(amounts[lifeYears - 1]!) + w) / 100;
    }
  } else {
    let acc = 0;
    for (let k = 0; k < Math.min(n, lifeYears); k++) {
      amounts[k] = basisUsd * fractions[k]!;
      acc += amounts[k]!;
    }
    if (truncated) {
      writeOff = basisUsd - acc;
      amounts[lifeYears - 1]! += writeOff;
    }
  }
  return { method, fractions, amountsUsd: amounts, writeOffUsd: writeOff, truncated };
}
