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

/** Nothing used, nothing missing: what a book shows until it records something (never changed: read through ReadonlyMap). */
const NONE_USED: ReadonlyMap<string, PriceEntry> = new Map();
const NONE_MISSING: ReadonlyMap<string, string> = new Map();

/** Price lookups that remember what was used and what was missing. */
export class PriceBook {
  // Maps made when the first entry is recorded: a Monte Carlo sample's book records one price
  // used and none missing, and made two maps per sample.
  #used: Map<string, PriceEntry> | undefined;
  #missing: Map<string, string> | undefined;
  /** The one key watched, when one is (a Monte Carlo sample's: compared per price read, not looked up in the set). */
  readonly #only: string | undefined;

  /**
   * `watched`: when given, only these keys are remembered in `used` (a Monte Carlo sample lists no
   * prices used, and asks only whether a few were); by default every key used is.
   */
  constructor(readonly prices: ResolvedPrices, private readonly watched?: ReadonlySet<string>) {
    if (watched !== undefined && watched.size === 1) for (const k of watched) this.#only = k;
  }

  /** The prices used (by key, in order of first use; only the watched keys when some are). */
  get used(): ReadonlyMap<string, PriceEntry> {
    return this.#used ?? NONE_USED;
  }

  /** The prices needed but missing, by key, with what each was needed for (in order of first need). */
  get missing(): ReadonlyMap<string, string> {
    return this.#missing ?? NONE_MISSING;
  }

  /** The value of `key` (0 and recorded as missing when absent). */
  get(key: string, neededFor: string): number {
    const e = this.prices.items[key];
    if (!e) {
      const missing = (this.#missing ??= new Map());
      if (!missing.has(key)) missing.set(key, neededFor);
      return 0;
    }
    if (this.remembers(key)) (this.#used ??= new Map()).set(key, e);
    return e.value;
  }

  /**
   * The value of `key`, remembered as used as get() does; undefined when absent (nothing recorded:
   * the caller then asks get() with what the price was needed for, a text made only then).
   */
  find(key: string): number | undefined {
    const e = this.prices.items[key];
    if (!e) return undefined;
    if (this.remembers(key)) (this.#used ??= new Map()).set(key, e);
    return e.value;
  }

  /** Whether a price used under `key` is remembered in `used`. */
  private remembers(key: string): boolean {
    const only = this.#only;
    if (only !== undefined) return key === only;
    return this.watched === undefined || this.watched.has(key);
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
