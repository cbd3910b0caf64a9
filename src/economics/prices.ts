/**
 * Price sets: resolving a scenario's `prices` section (a set by name, a set file, or a set inline,
 * plus overrides) and merging a set with overrides. What each key means, its unit and valid range
 * are in price-keys.ts.
 *
 * Every money price (USD, USD/kg, USD/kWh, …) is escalated from the year it is given for to the
 * set's dollar year with the price index (price-index.ts, US CPI-U); fractions, factors and GHG
 * figures are not money and are used as written. An override without a year is read as money of
 * the set's year.
 *
 * This module never reads files: the loader passes the sets it read (name → data).
 */
import { COMPONENT_IDS } from '../chemistry/components.js';
import { msg } from '../schema/messages.js';
import { inputErrors, type InputIssue } from '../schema/errors.js';
import { toInputIssues, formatPath, type Locator } from '../schema/issues.js';
import type { Region } from '../schema/scenario.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { priceSetSchema, pricesSectionSchema, type ExchangeRate, type PriceValue, type PriceSetFile } from '../schema/economics.js';
import { CPI_YEARS, PRICE_INDEX_NAME, escalate, type Escalation } from './price-index.js';
import { FIXED_PRICE_KEYS, MONEY, acceptedPriceNumber, isMoneyKey, priceItem, readPriceValue, type PriceItemSpec } from './price-keys.js';
import { numberEntry } from './price-entries.js';
import { derive, DERIVATIONS, DERIVATION_GROUPS, type Derivation } from './price-derivations.js';

export type { Escalation };

/** One resolved price. */
export interface PriceEntry {
  key: string;
  /** Value in `unit` (money: in USD of the set's year). */
  value: number;
  /** Canonical unit. */
  unit: string;
  /** As written (e.g. "0.20 EUR/kWh") with the escalation when there is one, or the derivation. */
  given: string;
  /** The year the value was given for (money of that year before escalation). */
  year: number | null;
  /** Present when the value was escalated from `year` to the set's year. */
  escalation?: Escalation;
  source: string;
  origin: 'set' | 'override' | 'derived';
  /** The set an entry came from. */
  setId?: string;
}

/** A price set with overrides applied, every value in its canonical unit. */
export interface ResolvedPrices {
  setId: string | null;
  name: string;
  region: Region | null;
  /** Dollar year of the set: every money price is in USD of this year. */
  year: number;
  /** Price-index values the set gives (year → index), besides the built-in CPI-U table. */
  priceIndex: Record<number, number>;
  /** Year equipment costs are escalated to. */
  cepciYear: number;
  exchangeRates: Record<string, ExchangeRate>;
  notes: string[];
  items: Record<string, PriceEntry>;
  diagnostics: Diagnostic[];
}

/** Where a price set came from: its parsed data and, when known, how to locate lines in its file. */
export interface PriceSetSource {
  data: unknown;
  where?: Locator;
  /** Path of the set inside its document (default: the whole file). */
  at?: (string | number)[];
  /** Why the set's file could not be read; a scenario that uses the set fails with these. */
  problems?: InputIssue[];
}

/** Where the scenario's prices section is (for error places). Default: path `prices`, no file. */
export interface SectionPlace {
  where?: Locator;
  at?: (string | number)[];
}

/** The price set used for a region when the scenario names none. */
export const DEFAULT_PRICE_SETS: Readonly<Partial<Record<Region, string>>> = { US: 'us-2023', CN: 'cn-2024', EU: 'eu-2023', KR: 'kr-2023', CA: 'ca-2023' };

const NOWHERE: Locator = { file: '', locate: () => undefined };

type Layer = Record<string, unknown>;

interface LayerOptions {
  origin: 'set' | 'override';
  setId?: string;
  rates: Readonly<Record<string, ExchangeRate>>;
  issues: InputIssue[];
  /** Place of a key of the layer. */
  place: (rawKey: string) => { file?: string; path: string; line?: number; column?: number };
  /** Year and source used when an override gives none. */
  defaultSource: string;
  /** The set's dollar year, money prices are escalated to, and the set's own index values. */
  toYear: number;
  priceIndex: Readonly<Record<number, number>>;
}


/**
 * Apply one layer of prices to `items` (mutated). A layer that gives one LiOH form but not the
 * other drops the other form inherited from below, so that it is re-derived from the new one.
 */
function applyLayer(items: Map<string, PriceEntry>, layer: Layer, o: LayerOptions): void {
  // Own keys in order (as Object.entries lists them), without a list of pairs or a set of keys per
  // layer: a Monte Carlo sample merges one layer of overrides.
  const parsed: { rawKey: string; key: string; spec: PriceItemSpec; raw: unknown }[] = [];
  let lioh = false;
  let mono = false;
  for (const rawKey in layer) {
    if (!Object.hasOwn(layer, rawKey)) continue;
    const item = priceItem(rawKey);
    if (!item) {
      o.issues.push({ code: 'unknown-price-item', message: msg.unknownPriceItem(rawKey, [...FIXED_PRICE_KEYS, ...COMPONENT_IDS]), ...o.place(rawKey) });
      continue;
    }
    if (item.key === 'LiOH') lioh = true;
    else if (item.key === 'LiOH·H2O') mono = true;
    parsed.push({ rawKey, key: item.key, spec: item.spec, raw: layer[rawKey] });
  }
  if (lioh !== mono) {
    items.delete(lioh ? 'LiOH·H2O' : 'LiOH');
  }
  for (const p of parsed) {
    const obj = p.raw && typeof p.raw === 'object' ? (p.raw as { value: number | string; year?: number; source?: string; note?: string }) : undefined;
    const rawValue = obj ? obj.value : (p.raw as number | string);
    // A bare number (no year: nothing to escalate): the entry makes its text when read. A refused
    // number is read below, for the message.
    if (obj === undefined && typeof rawValue === 'number' && acceptedPriceNumber(p.key, p.spec, rawValue) !== undefined) {
      items.set(p.key, numberEntry(p.key, rawValue, p.spec.unit, o.defaultSource, o.origin, o.setId));
      continue;
    }
    const r = readPriceValue(p.key, p.spec, rawValue, o.rates);
    if ('error' in r) {
      o.issues.push({ code: 'invalid-price', message: r.error, ...o.place(p.rawKey) });
      continue;
    }
    const note = obj?.note ? ` (${obj.note})` : '';
    const entry: PriceEntry = {
      key: p.key,
      value: r.value,
      unit: p.spec.unit,
      given: r.given,
      year: obj?.year ?? null,
      source: (obj?.source ?? o.defaultSource) + note,
      origin: o.origin,
      ...(o.setId ? { setId: o.setId } : {}),
    };
    const escalated = escalate(entry, MONEY.has(p.spec.kind), o.toYear, o.priceIndex);
    if (!escalated) {
      o.issues.push({ code: 'price-index-missing', message: msg.priceIndexMissing(entry.year!, o.toYear, CPI_YEARS), ...o.place(p.rawKey) });
      continue;
    }
    items.set(p.key, escalated);
  }
}

function placeIn(where: Locator, path: (string | number)[]) {
  const loc = where.locate(path);
  return { ...(where.file ? { file: where.file } : {}), path: formatPath(path), ...(loc ? { line: loc.line, column: loc.column } : {}) };
}

interface BuiltSet {
  setId: string;
  name: string;
  region: Region | null;
  year: number;
  cepciYear: number;
  rates: Record<string, ExchangeRate>;
  priceIndex: Record<number, number>;
  notes: string[];
  items: Map<string, PriceEntry>;
}

const SET_FIELDS = new Set(['$schema', 'id', 'name', 'region', 'year', 'cepciYear', 'extends', 'exchangeRates', 'priceIndex', 'notes', 'items', 'overrides']);
const SECTION_FIELDS = new Set(['$schema', 'set', 'overrides', 'exchangeRates']);

/** Top-level keys of a section or set that are not fields: overrides written by patches. */
function extras(data: Record<string, unknown>, fields: Set<string>): Layer {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !fields.has(k)));
}

/** Build a set (following `extends`) from its validated file data. */
function buildSet(file: PriceSetFile, src: { where: Locator; at: (string | number)[] }, sets: Readonly<Record<string, PriceSetSource>>, chain: string[], issues: InputIssue[]): BuiltSet | undefined {
  let parent: BuiltSet | undefined;
  if (file.extends) {
    parent = loadSet(file.extends, sets, [...chain, file.id], issues, placeIn(src.where, [...src.at, 'extends']));
    if (!parent) return undefined;
  }
  const rates = { ...(parent?.rates ?? {}), ...file.exchangeRates };
  const priceIndex: Record<number, number> = { ...(parent?.priceIndex ?? {}) };
  for (const [y, v] of Object.entries(file.priceIndex)) priceIndex[Number(y)] = v;
  const items = new Map<string, PriceEntry>();
  const esc = { toYear: file.year, priceIndex };
  // Inherited prices are brought to this set's year (the parent may have another).
  for (const [k, e] of parent?.items ?? []) {
    if (e.origin === 'derived') continue;
    const moved = escalate(e, isMoneyKey(k), file.year, priceIndex);
    if (moved) items.set(k, moved);
    else issues.push({ code: 'price-index-missing', message: msg.priceIndexMissing(e.escalation?.fromYear ?? e.year!, file.year, CPI_YEARS), ...placeIn(src.where, [...src.at, 'year']) });
  }
  applyLayer(items, file.items as Layer, { origin: 'set', setId: file.id, rates, issues, place: (k) => placeIn(src.where, [...src.at, 'items', k]), defaultSource: `price set ${file.id}`, ...esc });
  applyLayer(items, file.overrides as Layer, { origin: 'override', rates, issues, place: (k) => placeIn(src.where, [...src.at, 'overrides', k]), defaultSource: 'scenario override', ...esc });
  applyLayer(items, extras(file as unknown as Record<string, unknown>, SET_FIELDS), { origin: 'override', rates, issues, place: (k) => placeIn(src.where, [...src.at, k]), defaultSource: 'scenario override', ...esc });
  return {
    setId: file.id,
    name: file.name ?? file.id,
    region: file.region ?? parent?.region ?? null,
    year: file.year,
    cepciYear: file.cepciYear ?? file.year,
    rates,
    priceIndex,
    notes: [...(parent?.notes ?? []), ...file.notes],
    items,
  };
}

/** Load a named set from the sets the loader passed. */
function loadSet(name: string, sets: Readonly<Record<string, PriceSetSource>>, chain: string[], issues: InputIssue[], refPlace: ReturnType<typeof placeIn>): BuiltSet | undefined {
  if (chain.includes(name)) {
    issues.push({ code: 'price-set-cycle', message: msg.priceSetCycle([...chain, name]), ...refPlace });
    return undefined;
  }
  const src = Object.hasOwn(sets, name) ? sets[name] : undefined;
  if (!src) {
    issues.push({ code: 'unknown-price-set', message: msg.unknownPriceSet(name, Object.keys(sets).sort()), ...refPlace });
    return undefined;
  }
  if (src.problems) {
    issues.push(...src.problems);
    return undefined;
  }
  const where = src.where ?? NOWHERE;
  const at = src.at ?? [];
  const r = priceSetSchema.safeParse(src.data);
  if (!r.success) {
    issues.push(...toInputIssues(r.error.issues, priceSetSchema, src.data, where, at));
    return undefined;
  }
  return buildSet(r.data, { where, at }, sets, chain, issues);
}

/**
 * Regenerated product is never priced above virgin of the same chemistry: regenerated.<chem> ≤
 * cam.<chem> (quality-factor is at most 1 by its kind).
 */
function notAboveVirgin(items: ReadonlyMap<string, PriceEntry>, place: (key: string) => ReturnType<typeof placeIn>): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [k, e] of items) {
    if (!k.startsWith('regenerated.')) continue;
    const chem = k.slice('regenerated.'.length);
    const virgin = items.get(`cam.${chem}`);
    if (virgin && e.value > virgin.value * (1 + 1e-12)) issues.push({ code: 'regenerated-above-virgin', message: msg.regeneratedAboveVirgin(chem, e.value, virgin.value), ...place(k) });
  }
  return issues;
}

function finish(built: BuiltSet, region: Region): ResolvedPrices {
  derive(built.items, built.year);
  const diagnostics: Diagnostic[] = [];
  if (built.region && built.region !== region) {
    diagnostics.push({ code: 'price-set-region', severity: 'warning', where: 'prices', message: msg.priceSetRegion(built.setId, built.region, region) });
  }
  const years = [...new Set([...built.items.values()].filter((e) => e.escalation).map((e) => e.escalation!.fromYear))].sort();
  if (years.length > 0) diagnostics.push({ code: 'prices-escalated', severity: 'info', where: 'prices', message: msg.pricesEscalated(built.setId, built.year, [...years, built.year].sort(), PRICE_INDEX_NAME) });
  return {
    setId: built.setId,
    name: built.name,
    region: built.region,
    year: built.year,
    priceIndex: built.priceIndex,
    cepciYear: built.cepciYear,
    exchangeRates: built.rates,
    notes: built.notes,
    items: recordOf(built.items),
    diagnostics,
  };
}

function isSetData(data: unknown): boolean {
  return !!data && typeof data === 'object' && !Array.isArray(data) && ('items' in data || 'year' in data || 'extends' in data);
}

/**
 * Resolve the scenario's `prices` section for a plant in `region`:
 * - absent: the region's default set (DEFAULT_PRICE_SETS) from `sets`;
 * - { set: <name>, overrides: {…}, <key>: <value> … }: the named set with the overrides applied;
 * - a set itself (a price-set file given by path, or written inline): used as it is (its own
 *   `overrides` and top-level keys apply on top).
 * `sets` maps set names to the data of scenarios/prices/<name>.yaml (and where it was read).
 * Throws a RegenflowError listing every problem (unknown set or key, bad unit, missing rate).
 */
export function resolvePrices(raw: unknown, region: Region, sets: Readonly<Record<string, PriceSetSource>> = {}, place: SectionPlace = {}): ResolvedPrices {
  const issues: InputIssue[] = [];
  const where = place.where ?? NOWHERE;
  const at = place.at ?? ['prices'];
  let built: BuiltSet | undefined;
  if (raw === undefined || raw === null) {
    const name = DEFAULT_PRICE_SETS[region];
    if (!name || !sets[name]) {
      throw inputErrors([{ code: 'no-price-set', message: msg.noPriceSetForRegion(region, Object.keys(sets).sort()), ...placeIn(where, at) }]);
    }
    built = loadSet(name, sets, [], issues, placeIn(where, at));
  } else if (isSetData(raw)) {
    const r = priceSetSchema.safeParse(raw);
    if (!r.success) issues.push(...toInputIssues(r.error.issues, priceSetSchema, raw, where, at));
    else built = buildSet(r.data, { where, at }, sets, [], issues);
  } else {
    const r = pricesSectionSchema.safeParse(raw);
    if (!r.success) issues.push(...toInputIssues(r.error.issues, pricesSectionSchema, raw, where, at));
    else {
      const section = r.data;
      const name = section.set ?? DEFAULT_PRICE_SETS[region];
      if (!name) issues.push({ code: 'no-price-set', message: msg.noPriceSetForRegion(region, Object.keys(sets).sort()), ...placeIn(where, at) });
      else built = loadSet(name, sets, [], issues, placeIn(where, section.set ? [...at, 'set'] : at));
      if (built) {
        built.rates = { ...built.rates, ...section.exchangeRates };
        const esc = { toYear: built.year, priceIndex: built.priceIndex };
        applyLayer(built.items, section.overrides as Layer, { origin: 'override', rates: built.rates, issues, place: (k) => placeIn(where, [...at, 'overrides', k]), defaultSource: 'scenario override', ...esc });
        applyLayer(built.items, extras(section as unknown as Record<string, unknown>, SECTION_FIELDS), { origin: 'override', rates: built.rates, issues, place: (k) => placeIn(where, [...at, k]), defaultSource: 'scenario override', ...esc });
      }
    }
  }
  if (built) issues.push(...notAboveVirgin(built.items, (k) => placeIn(where, [...at, 'overrides', k])));
  if (issues.length > 0 || !built) throw inputErrors(issues);
  return finish(built, region);
}

/**
 * Merge resolved prices with overrides such as { "LiOH·H2O": "11 USD/kg" } (keys and values as in
 * a scenario's prices.overrides). Derived items (the other LiOH form, steam, metal.Li) are derived
 * again from the result. Returns a new object; throws a RegenflowError on a bad key or value.
 * `sample`: the result is only read by property, never listed, copied or printed (a Monte Carlo
 * sample's prices: resolve.ts ResolveOptions.sample); the entries the merge makes then read their
 * `given` text through their class (price-entries.ts), not as an own key.
 */
export function mergePrices(base: ResolvedPrices, overrides: Readonly<Record<string, PriceValue>>, place: SectionPlace = {}, sample = false): ResolvedPrices {
  return mergeInPlace(base, overrides, sample) ?? mergePricesFull(base, overrides, place);
}

/**
 * mergePrices when every override replaces a price the base already gives — not a derived one,
 * not a regenerated or virgin CAM price (the not-above-virgin rule compares those), not one LiOH
 * form where the base gives the other too: the result is the base with those entries replaced and
 * the derived prices worked out again from their inputs — the same entries, in the same order, as
 * the full merge gives — without copying and re-deriving the whole set (a Monte Carlo sample
 * patches a few prices of a set of ~150). What depends on the keys alone is worked out once per
 * base and key list (mergeShape); a sample reads its numbers, derives what they reach and copies
 * the items. Undefined when it does not apply or a value is refused (the full merge then reports
 * the problem with its place).
 */
function mergeInPlace(base: ResolvedPrices, overrides: Readonly<Record<string, PriceValue>>, sample: boolean): ResolvedPrices | undefined {
  const shape = shapeFor(base, overrides);
  if (!shape) return undefined;
  const n = shape.items.length;
  const changed: PriceEntry[] = [];
  for (let i = 0; i < n; i++) {
    const raw = overrides[shape.keys[i]!];
    const it = shape.items[i]!;
    // A bare number the key takes (a Monte Carlo sample's): its entry as applyLayer makes it.
    if (typeof raw !== 'number' || acceptedPriceNumber(it.key, it.spec, raw) === undefined) break;
    changed.push(numberEntry(it.key, raw, it.spec.unit, OVERRIDE_SOURCE, 'override', undefined, sample));
  }
  if (changed.length < n) {
    // Texts, entries with a year, refused values: applyLayer reads them (a refused one: the full merge reports it).
    const issues: InputIssue[] = [];
    const read = new Map<string, PriceEntry>();
    applyLayer(read, overrides as Layer, { origin: 'override', rates: base.exchangeRates, issues, place: () => ({ path: '' }), defaultSource: OVERRIDE_SOURCE, toYear: base.year, priceIndex: base.priceIndex });
    if (issues.length > 0) return undefined;
    changed.length = 0;
    for (const it of shape.items) changed.push(read.get(it.key)!);
  }
  // The base's entries in the base's order (a spread copy of a record with fast properties is one
  // block copy; recordOf makes them so), then the changed entries and the derivations they reach
  // replaced in place: given entries by the override, derived ones by their new derivation — the
  // derivations derive() would run, planned by the shape, on the given entries the items now hold.
  const items: Record<string, PriceEntry> = { ...base.items };
  for (let i = 0; i < n; i++) items[shape.items[i]!.key] = changed[i]!;
  for (let i = 0; i < shape.rederive.length; i++) {
    const d = shape.rederive[i]!;
    items[d.key] = d.b !== undefined ? d.make(base.year, items[d.a]!, items[d.b]!, sample) : d.make(base.year, items[d.a]!, undefined, sample);
  }
  return new MergedPrices(base, items, shape.from);
}

/** The fields of resolved prices, in the order finish() writes them (and a merge copies them). */
const PRICES_FIELDS: readonly (keyof ResolvedPrices)[] = ['setId', 'name', 'region', 'year', 'priceIndex', 'cepciYear', 'exchangeRates', 'notes', 'items', 'diagnostics'];

/**
 * Prices merged in place (mergeInPlace): its base's fields, in their order (PRICES_FIELDS), with
 * its own items, and what the merge started from (mergedFrom) in a private field — no key: JSON,
 * copies and key lists see the fields alone, as of the literal `{ ...base, items }`. A class
 * rather than a weak-map entry per merge: a Monte Carlo sample merges every time, and its weak-map
 * entries cost a set and the collector's work on them.
 */
class MergedPrices implements ResolvedPrices {
  declare setId: string | null;
  declare name: string;
  declare region: Region | null;
  declare year: number;
  declare priceIndex: Record<number, number>;
  declare cepciYear: number;
  declare exchangeRates: Record<string, ExchangeRate>;
  declare notes: string[];
  declare items: Record<string, PriceEntry>;
  declare diagnostics: Diagnostic[];
  readonly #from: MergeOrigin;

  constructor(base: ResolvedPrices, items: Record<string, PriceEntry>, from: MergeOrigin) {
    this.#from = from;
    this.setId = base.setId;
    this.name = base.name;
    this.region = base.region;
    this.year = base.year;
    this.priceIndex = base.priceIndex;
    this.cepciYear = base.cepciYear;
    this.exchangeRates = base.exchangeRates;
    this.notes = base.notes;
    this.items = items;
    this.diagnostics = base.diagnostics;
  }

  /** What a merge in place started from; undefined for other prices. */
  static originOf(prices: ResolvedPrices): MergeOrigin | undefined {
    return #from in prices ? (prices as MergedPrices).#from : undefined;
  }
}

/** What an in-place merge started from: the prices it was first applied to and every key whose entry it replaced. */
type MergeOrigin = { base: ResolvedPrices; replaced: ReadonlySet<string> };

const OVERRIDE_SOURCE = 'scenario override';

/** What merging overrides of some keys onto a base needs, whatever their values (mergeInPlace). */
interface MergeShape {
  /** The overrides' keys as written, in order. */
  keys: readonly string[];
  items: readonly { key: string; spec: PriceItemSpec }[];
  /**
   * The base's derived keys the derivations an override reaches give again (derive() on the given
   * keys of their groups), each made from the given entries of keys `a` (and `b`).
   */
  rederive: readonly { key: string; make: Derivation['make']; a: string; b: string | undefined }[];
  /** What the merge started from (mergedFrom): the first base and every key a merge replaced. */
  from: MergeOrigin;
}

/** Merge shapes by base, with the key lists they were made for (null: the shortcut does not apply to those keys). */
const SHAPES = new WeakMap<ResolvedPrices, { keys: readonly string[]; shape: MergeShape | null }[]>();
const SHAPES_PER_BASE = 16;

/** The merge shape of the overrides' keys on `base`, made once per base and key list; undefined when the shortcut does not apply. */
function shapeFor(base: ResolvedPrices, overrides: Readonly<Record<string, PriceValue>>): MergeShape | undefined {
  let list = SHAPES.get(base);
  if (list) {
    for (const e of list) if (sameKeys(e.keys, overrides)) return e.shape ?? undefined;
  } else SHAPES.set(base, (list = []));
  const keys: string[] = [];
  for (const k in overrides) {
    // An inherited key (a prototype set through "__proto__"): applyLayer skips it, the full merge decides.
    if (!Object.hasOwn(overrides, k)) return undefined;
    keys.push(k);
  }
  const shape = mergeShape(base, keys);
  if (list.length < SHAPES_PER_BASE) list.push({ keys, shape });
  return shape ?? undefined;
}

/** Whether a record's enumerable keys (for…in order) are `keys`, each its own. */
function sameKeys(keys: readonly string[], record: object): boolean {
  let i = 0;
  for (const k in record) if (keys[i++] !== k || !Object.hasOwn(record, k)) return false;
  return i === keys.length;
}

/** The shape of a merge of `keys` onto `base` (see mergeInPlace), or null when the full merge is needed. */
function mergeShape(base: ResolvedPrices, keys: readonly string[]): MergeShape | null {
  // A merge copies the base's fields in their order (MergedPrices): prices of other fields, to the full merge.
  if (!sameKeys(PRICES_FIELDS, base)) return null;
  const items: { key: string; spec: PriceItemSpec }[] = [];
  const index = new Map<string, number>();
  let lioh = false;
  let mono = false;
  for (const rawKey of keys) {
    const item = priceItem(rawKey);
    if (!item || !Object.hasOwn(base.items, item.key)) return null;
    if (base.items[item.key]!.origin === 'derived' || item.key.startsWith('regenerated.') || item.key.startsWith('cam.')) return null;
    // One key written twice (two spellings): left to the full merge.
    if (index.has(item.key)) return null;
    index.set(item.key, items.length);
    items.push(item);
    if (item.key === 'LiOH') lioh = true;
    if (item.key === 'LiOH·H2O') mono = true;
  }
  // applyLayer drops the other LiOH form when one is given; a given (not derived) other form would
  // then be derived again at the end of the set: a different order, left to the full merge.
  if (lioh !== mono && base.items[lioh ? 'LiOH·H2O' : 'LiOH']?.origin !== 'derived') return null;
  // Which entries the derivations give depends on which keys they read, not on the values: worked
  // out here on the base's entries.
  const linked = new Map<string, PriceEntry>();
  const reached = new Set<string>();
  for (const group of DERIVATION_GROUPS) {
    if (!group.some((k) => index.has(k))) continue;
    for (const k of group) {
      reached.add(k);
      const e = Object.hasOwn(base.items, k) ? base.items[k] : undefined;
      if (e && e.origin !== 'derived') linked.set(k, e);
    }
  }
  if (linked.size > 0) derive(linked, base.year);
  for (const [k, e] of linked) if (e.origin === 'derived' && base.items[k]?.origin !== 'derived') return null;
  const rederived: string[] = [];
  for (const k of reached) {
    if (base.items[k]?.origin !== 'derived') continue;
    if (linked.get(k)?.origin !== 'derived') return null;
    rederived.push(k);
  }
  const given = [...linked.keys()].filter((k) => linked.get(k)!.origin !== 'derived');
  // Each derived key is made by one derivation of derive(), from the given keys it reads (all in `given`: derive made it of them).
  const rederive: { key: string; make: Derivation['make']; a: string; b: string | undefined }[] = [];
  for (const k of rederived) {
    const d = Object.hasOwn(DERIVATIONS, k) ? DERIVATIONS[k as keyof typeof DERIVATIONS] : undefined;
    if (!d || d.from.length === 0 || d.from.length > 2 || d.from.some((f) => !given.includes(f))) return null;
    rederive.push({ key: k, make: d.make, a: d.from[0]!, b: d.from[1] });
  }
  const origin = MergedPrices.originOf(base);
  const replaced = new Set<string>(origin?.replaced);
  for (const it of items) replaced.add(it.key);
  for (const k of rederived) replaced.add(k);
  return {
    keys,
    items,
    rederive,
    from: { base: origin?.base ?? base, replaced },
  };
}

/**
 * The base of prices merged in place and the keys the merges replaced; undefined for other prices.
 * A merged set has its base's keys in its base's order, so a fact that depends only on the keys
 * (customChemistryPrices), or on entries no merge replaced, is its base's — worked out once, not
 * for every Monte Carlo sample.
 */
export function mergedFrom(prices: ResolvedPrices): { base: ResolvedPrices; replaced: ReadonlySet<string> } | undefined {
  return MergedPrices.originOf(prices);
}

const CUSTOM_CHEMISTRY_PRICES = new WeakMap<ResolvedPrices, readonly { key: string; chemistry: string }[]>();

/** The keys of `prices` that price a chemistry the registry does not know (`cam.NCM955x`), with that chemistry, in key order. */
export function customChemistryPrices(prices: ResolvedPrices): readonly { key: string; chemistry: string }[] {
  const keysOf = MergedPrices.originOf(prices)?.base ?? prices;
  let out = CUSTOM_CHEMISTRY_PRICES.get(keysOf);
  if (!out) {
    const found: { key: string; chemistry: string }[] = [];
    for (const key in keysOf.items) {
      const chemistry = priceItem(key)?.spec.customChemistry;
      if (chemistry !== undefined) found.push({ key, chemistry });
    }
    CUSTOM_CHEMISTRY_PRICES.set(keysOf, (out = found));
  }
  return out;
}

/** mergePrices in full: the whole set copied, overridden, checked and derived again (tests compare it with the shortcut). */
export function mergePricesFull(base: ResolvedPrices, overrides: Readonly<Record<string, PriceValue>>, place: SectionPlace = {}): ResolvedPrices {
  const issues: InputIssue[] = [];
  const where = place.where ?? NOWHERE;
  const at = place.at ?? ['prices', 'overrides'];
  const items = new Map<string, PriceEntry>();
  for (const k in base.items) {
    const e = base.items[k]!;
    if (e.origin !== 'derived') items.set(k, e);
  }
  applyLayer(items, overrides as Layer, { origin: 'override', rates: base.exchangeRates, issues, place: (k) => placeIn(where, [...at, k]), defaultSource: 'scenario override', toYear: base.year, priceIndex: base.priceIndex });
  issues.push(...notAboveVirgin(items, (k) => placeIn(where, [...at, k])));
  if (issues.length > 0) throw inputErrors(issues);
  derive(items, base.year);
  return { ...base, items: recordOf(items) };
}

/**
 * The entries of a map as a record, in map order. Object.fromEntries, not a loop of keyed stores:
 * its record keeps fast properties (a record filled key by key turns into a hash table past a dozen
 * keys), so that mergeInPlace copies a set of ~70 prices with one spread (≈ 0.2 µs against
 * ≈ 3 µs, per Monte Carlo sample) and lookups by key stay quick.
 */
function recordOf(items: ReadonlyMap<string, PriceEntry>): Record<string, PriceEntry> {
  return Object.fromEntries(items) as Record<string, PriceEntry>;
}
