/**
 * Money beyond the exact range is an input error that says so (exit 1), and a non-finite amount a
 * model failure (exit 2) — never an internal error (issue 17).
 */
import { describe, expect, it } from 'vitest';
import { cents, toCents, checkCents, splitUsd, MAX_EXACT_USD } from '../../src/economics/money.js';
import { RegenflowError } from '../../src/schema/errors.js';

function thrown(fn: () => unknown): RegenflowError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RegenflowError);
    return e as RegenflowError;
  }
  throw new Error('expected a RegenflowError');
}

describe('money range', () => {
  it('amounts up to the exact range are kept to the cent', () => {
    expect(toCents(9e13)).toBe(9e15);
    expect(cents(1234.565)).toBe(1234.57);
    expect(splitUsd(100, [0.3, 0.7])).toEqual([30, 70]);
  });

  it('an amount beyond the exact range is an input error naming it', () => {
    const e = thrown(() => toCents(1e14));
    expect(e.exitCode).toBe(1);
    expect(e.code).toBe('money-range');
    expect(e.message).toBe(`a money amount reaches 1.000e+14 USD, beyond the 9e+13 USD that totals are exact to — no plant costs this much; check the inputs that scale cost: plant capacity, prices, design margin, fixed equipment counts and sizes, efficiencies near zero`);
    expect(thrown(() => checkCents(2 ** 60)).exitCode).toBe(1);
    expect(MAX_EXACT_USD).toBeCloseTo(9.007e13, -10);
  });

  it('a non-finite amount is a model failure', () => {
    const e = thrown(() => cents(Infinity));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('a money amount is not a finite number (Infinity)');
    expect(thrown(() => toCents(NaN)).exitCode).toBe(2);
  });
});
