/**
 * Money arithmetic. Every reported amount is rounded to the cent, and every total is the exact sum
 * of its cent-rounded parts, so a breakdown always ties to its total to the cent.
 * - Breakdown totals (capital lines, operating costs, revenue, by category) are exact sums of
 *   integer cents (sumUsd): in plain numbers while every partial sum is below 2^53 cents
 *   (≈ 9·10^13 USD), where integer sums are exact and so equal the decimal.js result bit for bit,
 *   in decimal.js beyond. They are computed for every Monte Carlo sample (STACK.md: a decimal
 *   operation costs ≈ 700 numeric ones).
 * - The per-year cash-flow rows and depreciation schedules use integer cents held in plain numbers
 *   too; `checkCents` guards the range.
 * Physics and the numeric solves (IRR, minimum selling price) stay in plain numbers.
 */
import { Decimal } from 'decimal.js';
import { RegenflowError, modelFailure } from '../schema/errors.js';
import { msg } from '../schema/messages.js';

/** Largest amount kept exact in integer cents held in a plain number (2^53 − 1 cents ≈ 9·10^13 USD). */
export const MAX_EXACT_USD = Number.MAX_SAFE_INTEGER / 100;

/**
 * A non-finite amount is a model failure (exit 2); an amount beyond the exact range comes from
 * inputs no plant has (capacity, prices, margins, counts, efficiencies near zero) and is an input
 * error (exit 1) that says so — never an internal error.
 */
function moneyError(usd: number): RegenflowError {
  if (!Number.isFinite(usd)) return modelFailure('money-not-finite', msg.moneyNotFinite(usd));
  return new RegenflowError('money-range', msg.moneyOutOfRange(usd, MAX_EXACT_USD));
}

/** A decimal.js constructor with enough digits for any plant total (40 significant digits). */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** A decimal of the money constructor. */
export type Dec = InstanceType<typeof Dec>;

/** Round half away from zero to an integer. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** Round an amount to the cent (half away from zero). Throws on a non-finite amount. */
export function cents(usd: number): number {
  if (!Number.isFinite(usd)) throw moneyError(usd);
  return roundHalfAway(usd * 100) / 100;
}

/** Integer cents of an amount (rounded half away from zero). */
export function toCents(usd: number): number {
  if (!Number.isFinite(usd)) throw moneyError(usd);
  return checkCents(roundHalfAway(usd * 100));
}

/** Integer cents × a factor, rounded to integer cents. */
export function mulCents(c: number, factor: number): number {
  return checkCents(roundHalfAway(c * factor));
}

/** Throw when integer cents leave the range where plain-number sums are exact. */
export function checkCents(c: number): number {
  if (!Number.isSafeInteger(c)) throw moneyError(c / 100);
  return c;
}

/**
 * Exact decimal sum of amounts (each cent-rounded), returned as a number: the sum of the integer
 * cents divided by 100 once (a correctly rounded division gives the double nearest the exact
 * decimal). While every partial sum is a safe integer (|x| < 2^53 cents ≈ 9·10^13 USD) the
 * plain-number sum is exact, so it equals the decimal.js sum bit for bit at a fraction of the cost
 * (this runs for every Monte Carlo sample); beyond that range the cents are accumulated in
 * decimal.js, exact at any magnitude.
 */
export function sumUsd(parts: readonly number[]): number {
  let acc = 0;
  for (let i = 0; i < parts.length; i++) {
    acc += roundHalfAway(parts[i]! * 100);
    if (!Number.isSafeInteger(acc)) return sumUsdDecimal(parts);
  }
  return acc / 100;
}

/** sumUsd([a, b]) without the list (the same cents added in the same order, from 0). */
export function sumUsd2(a: number, b: number): number {
  let acc = 0;
  acc += roundHalfAway(a * 100);
  if (!Number.isSafeInteger(acc)) return sumUsdDecimal([a, b]);
  acc += roundHalfAway(b * 100);
  if (!Number.isSafeInteger(acc)) return sumUsdDecimal([a, b]);
  return acc / 100;
}

/** sumUsd([a, b, c]) without the list (the same cents added in the same order, from 0). */
export function sumUsd3(a: number, b: number, c: number): number {
  let acc = 0;
  acc += roundHalfAway(a * 100);
  if (!Number.isSafeInteger(acc)) return sumUsdDecimal([a, b, c]);
  acc += roundHalfAway(b * 100);
  if (!Number.isSafeInteger(acc)) return sumUsdDecimal([a, b, c]);
  acc += roundHalfAway(c * 100);
  if (!Number.isSafeInteger(acc)) return sumUsdDecimal([a, b, c]);
  return acc / 100;
}

/**
 * sumUsd(amountsOf(items, usd, keep)) without the list: the same cents added in the same order,
 * and the same decimal sum of the kept amounts once a partial sum leaves the exact range (every
 * Monte Carlo sample totals a few subsets of its money lines).
 */
export function sumUsdOf<T>(items: readonly T[], usd: (item: T) => number, keep?: (item: T) => boolean): number {
  let acc = 0;
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (keep !== undefined && !keep(x)) continue;
    acc += roundHalfAway(usd(x) * 100);
    if (!Number.isSafeInteger(acc)) return sumUsdDecimal(amountsOf(items, usd, keep));
  }
  return acc / 100;
}

/**
 * A running sum of integer cents as sumUsd keeps it: `acc` plus the cents of `usd`, or NaN once a
 * partial sum leaves the exact range (and from then on) — where sumUsd turns to decimal.js.
 */
export function addCents(acc: number, usd: number): number {
  const next = acc + roundHalfAway(usd * 100);
  return Number.isSafeInteger(next) ? next : NaN;
}

/**
 * The total of the items of one category as a breakdown gives it: a single item's own amount,
 * else sumUsd of the category's amounts in item order (without their list).
 */
export function categoryTotalUsd<T extends { category: string; usd: number }>(items: readonly T[], category: string): number {
  let n = 0;
  let first = 0;
  let acc = 0;
  let exact = true;
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (x.category !== category) continue;
    if (n++ === 0) first = x.usd;
    if (exact) {
      acc += roundHalfAway(x.usd * 100);
      exact = Number.isSafeInteger(acc);
    }
  }
  if (n === 1) return first;
  return exact ? acc / 100 : sumUsdDecimal(amountsOf(items, (x) => x.usd, (x) => x.category === category));
}

/** sumUsd accumulated in decimal.js (amounts of any size). */
export function sumUsdDecimal(parts: readonly number[]): number {
  let acc = new Dec(0);
  for (const p of parts) acc = acc.plus(roundHalfAway(p * 100));
  return acc.toNumber() / 100;
}

/**
 * Split `total` (cent-exact) by `fractions` into cent-rounded parts that sum exactly to it: every
 * part but the last is rounded, the last takes the remainder.
 */
export function splitUsd(total: number, fractions: readonly number[]): number[] {
  const t = toCents(total);
  let acc = 0;
  const out: number[] = [];
  for (let i = 0; i < fractions.length; i++) {
    const part = i === fractions.length - 1 ? t - acc : mulCents(t, fractions[i]!);
    acc += part;
    out.push(part / 100);
  }
  return out;
}

/**
 * The amounts of the items `keep` accepts (all by default), in order, as a list built by push.
 * Lists of amounts are built this way rather than by map(): optimized code maps into a holey list,
 * another elements kind than the list the unoptimized code made, and the first such list to reach
 * sumUsd (or the cash-flow helpers) throws away the optimized code of every function that inlined
 * them — economics() among them, a few hundred Monte Carlo samples in.
 */
export function amountsOf<T>(items: readonly T[], usd: (item: T) => number, keep?: (item: T) => boolean): number[] {
  const out: number[] = [];
  // Indexed: a for…of over a list allocated an iterator result per item here (measured per sample).
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (keep === undefined || keep(x)) out.push(usd(x));
  }
  return out;
}
