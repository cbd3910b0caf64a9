/**
 * PriceBook: price lookups for one economics run that remember which prices were used (for the
 * Assumptions sheet) and every price that was needed but missing (all reported together as input
 * errors). An item whose quantity is zero asks for no price.
 */
import { msg } from '../schema/messages.js';
import type { InputIssue } from '../schema/errors.js';
import { priceItem } from './price-keys.js';
import { mergedFrom, type PriceEntry, type ResolvedPrices } from './prices.js';
import { joinedNames } from '../schema/joined-names.js';

/**
 * The price key `<prefix><name>` (e.g. "metal." + "Ni"), one string per pair: a key looked up for
 * every Monte Carlo sample is hashed once, not built and hashed again per lookup.
 */
export const priceKey: (prefix: string, name: string) => string = joinedNames('');

/** A price key with a number of its own (priceSlot): what a book found under it is kept by that number. */
export interface PriceSlot {
  readonly key: string;
  /** Position in a price set's found entries (SlotTable); -1: not kept (looked up by key every time). */
  readonly index: number;
}

/** Slots by key, numbered in order of first use; bounded (past the limit a slot is not kept). */
const SLOTS = new Map<string, PriceSlot>();
const SLOTS_LIMIT = 10_000;

/**
 * The slot of a price key, one per key: a caller that reads the same keys for every Monte Carlo
 * sample keeps their slots with what it plans once per structure (the metals, a lot's fixed price,
 * the utilities), and the book then finds each entry by position, not by a keyed lookup in a record
 * of ~70 prices (≈ 60 reads a sample).
 */
export function priceSlot(key: string): PriceSlot {
  let s = SLOTS.get(key);
  if (s === undefined) {
    s = { key, index: SLOTS.size < SLOTS_LIMIT ? SLOTS.size : -1 };
    if (s.index >= 0) SLOTS.set(key, s);
  }
  return s;
}

/** A slot whose entry a merge in place replaced: read from the prices' own items every time. */
const REPLACED = { replaced: true } as const;

/**
 * What reads by slot found in prices of one base (by slot index): the base's entry (null: none) for
 * a key no merge replaced, REPLACED for one a merge did, undefined for a slot not read yet.
 */
type SlotTable = (PriceEntry | null | typeof REPLACED)[];

/**
 * Slot tables by what prices were merged from (prices.ts mergedFrom: one object per base and key
 * list, shared by every Monte Carlo sample of a scenario), or by the prices themselves when they
 * were not merged in place. Sound because resolved prices are never changed after they are made:
 * a merged set holds its base's entry under every key the merges did not replace (prices.ts).
 */
const TABLES = new WeakMap<object, SlotTable>();

/** Nothing used, nothing missing: what a book shows until it records something (never changed: read through ReadonlyMap). */
const NONE_USED: ReadonlyMap<string, PriceEntry> = new Map();
const NONE_MISSING: ReadonlyMap<string, string> = new Map();

/**
 * The key of the last one-key set a book watched: a Monte Carlo sample makes a book per sample
 * watching the same set, and a loop over a set makes an iterator and its results each time.
 */
let lastOnlyKey: string | undefined;

/** The one key of `watched` (size 1): the last one found when the set still has it (then it is its only key). */
function onlyKey(watched: ReadonlySet<string>): string | undefined {
  if (lastOnlyKey !== undefined && watched.has(lastOnlyKey)) return lastOnlyKey;
  for (const k of watched) lastOnlyKey = k;
  return lastOnlyKey;
}

/** Price lookups that remember what was used and what was missing. */
export class PriceBook {
  // Maps made when the first entry is recorded: a Monte Carlo sample's book records one price
  // used and none missing, and made two maps per sample.
  #used: Map<string, PriceEntry> | undefined;
  #missing: Map<string, string> | undefined;
  /** The one key watched, when one is (a Monte Carlo sample's: compared per price read, not looked up in the set). */
  readonly #only: string | undefined;
  /** The slot table of these prices' base (made on the first read by slot), and that base's merge origin. */
  #table: SlotTable | undefined;
  #origin: ReturnType<typeof mergedFrom> | null = null;

  /**
   * `watched`: when given, only these keys are remembered in `used` (a Monte Carlo sample lists no
   * prices used, and asks only whether a few were); by default every key used is.
   */
  constructor(readonly prices: ResolvedPrices, private readonly watched?: ReadonlySet<string>) {
    if (watched !== undefined && watched.size === 1) this.#only = onlyKey(watched);
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
    return this.value(this.prices.items[key], key, neededFor);
  }

  /** get() of a slot's key: the same value, and the same records. */
  getAt(slot: PriceSlot, neededFor: string): number {
    return this.value(this.entryAt(slot), slot.key, neededFor);
  }

  /** find() of a slot's key: the same value, and the same records. */
  findAt(slot: PriceSlot): number | undefined {
    const e = this.entryAt(slot);
    if (!e) return undefined;
    if (this.remembers(slot.key)) (this.#used ??= new Map()).set(slot.key, e);
    return e.value;
  }

  /** has() of a slot's key. */
  hasAt(slot: PriceSlot): boolean {
    return this.entryAt(slot) !== undefined;
  }

  /** What `this.prices.items[slot.key]` is, found by position after the first read of the slot in prices of the same base. */
  private entryAt(slot: PriceSlot): PriceEntry | undefined {
    const i = slot.index;
    if (i < 0) return this.prices.items[slot.key];
    const table = (this.#table ??= this.tableOf());
    let found = table[i];
    if (found === undefined) {
      const origin = this.#origin;
      found = origin && origin.replaced.has(slot.key) ? REPLACED : (origin ? origin.base : this.prices).items[slot.key] ?? null;
      table[i] = found;
    }
    return found === REPLACED ? this.prices.items[slot.key] : (found as PriceEntry | null) ?? undefined;
  }

  /** The slot table of these prices' base (and the merge origin, kept for entryAt). */
  private tableOf(): SlotTable {
    const origin = mergedFrom(this.prices);
    this.#origin = origin ?? null;
    const owner: object = origin ?? this.prices;
    let table = TABLES.get(owner);
    if (table === undefined) TABLES.set(owner, (table = []));
    return table;
  }

  /** get()'s value of entry `e` found under `key`, with its records. */
  private value(e: PriceEntry | undefined, key: string, neededFor: string): number {
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
