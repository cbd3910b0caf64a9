/**
 * PriceBook: price lookups for one economics run that remember which prices were used (for the
 * Assumptions sheet) and every price that was needed but missing (all reported together as input
 * errors). An item whose quantity is zero asks for no price.
 */
import { msg } from '../schema/messages.js';
import type { InputIssue } from '../schema/errors.js';
import { priceItem } from './price-keys.js';
import type { PriceEntry, ResolvedPrices } from './prices.js';
import { joinedNames } from '../schema/joined-names.js';

/**
 * The price key `<prefix><name>` (e.g. "metal." + "Ni"), one string per pair: a key looked up for
 * every Monte Carlo sample is hashed once, not built and hashed again per lookup.
 */
export const priceKey: (prefix: string, name: string) => string = joinedNames('');

/** Price lookups that remember what was used and what was missing. */
export class PriceBook {
  readonly used = new Map<string, PriceEntry>();
  readonly missing = new Map<string, string>();
  /**
   * `watched`: when given, only these keys are remembered in `used` (a Monte Carlo sample lists no
   * prices used, and asks only whether a few were); by default every key used is.
   */
  constructor(readonly prices: ResolvedPrices, private readonly watched?: ReadonlySet<string>) {}

  /** The value of `key` (0 and recorded as missing when absent). */
  get(key: string, neededFor: string): number {
    const e = this.prices.items[key];
    if (!e) {
      if (!this.missing.has(key)) this.missing.set(key, neededFor);
      return 0;
    }
    if (this.watched === undefined || this.watched.has(key)) this.used.set(key, e);
    return e.value;
  }

  /**
   * The value of `key`, remembered as used as get() does; undefined when absent (nothing recorded:
   * the caller then asks get() with what the price was needed for, a text made only then).
   */
  find(key: string): number | undefined {
    const e = this.prices.items[key];
    if (!e) return undefined;
    if (this.watched === undefined || this.watched.has(key)) this.used.set(key, e);
    return e.value;
  }

  /** Whether the prices hold `key`. */
  has(key: string): boolean {
    return this.prices.items[key] !== undefined;
  }

  /** Input issues for the missing prices. */
  issues(): InputIssue[] {
    return [...this.missing].map(([key, neededFor]) => ({ code: 'price-missing', message: msg.priceMissing(key, neededFor, priceItem(key)?.spec.example ?? '1 USD/kg'), path: `prices.overrides.${key}` }));
  }
}
