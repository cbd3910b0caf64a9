/**
 * PriceBook: price lookups for one economics run that remember which prices were used (for the
 * Assumptions sheet) and every price that was needed but missing (all reported together as input
 * errors). An item whose quantity is zero asks for no price.
 */
import { msg } from '../schema/messages.js';
import type { InputIssue } from '../schema/errors.js';
import { priceItem, type PriceEntry, type ResolvedPrices } from './prices.js';

/** Price lookups that remember what was used and what was missing. */
export class PriceBook {
  readonly used = new Map<string, PriceEntry>();
  readonly missing = new Map<string, string>();
  constructor(readonly prices: ResolvedPrices) {}

  /** The value of `key` (0 and recorded as missing when absent). */
  get(key: string, neededFor: string): number {
    const e = this.prices.items[key];
    if (!e) {
      if (!this.missing.has(key)) this.missing.set(key, neededFor);
      return 0;
    }
    this.used.set(key, e);
    return e.value;
  }

  has(key: string): boolean {
    return this.prices.items[key] !== undefined;
  }

  /** Input issues for the missing prices. */
  issues(): InputIssue[] {
    return [...this.missing].map(([key, neededFor]) => ({ code: 'price-missing', message: msg.priceMissing(key, neededFor, priceItem(key)?.spec.example ?? '1 USD/kg'), path: `prices.overrides.${key}` }));
  }
}
