/**
 * Price entries whose texts are made when read. A Monte Carlo sample patches a few prices as numbers
 * and derives the prices that depend on them (the other LiOH form, steam, metal.Li) every time;
 * their `given` texts print numbers (String, toPrecision: ≈ 0.3–0.5 µs each) that only reports
 * read. These entries carry those texts as own enumerable getters, in the place of the data
 * properties a literal entry has: every reader — a property read, JSON.stringify, a spread, Object.keys
 * or .entries, a structured clone — sees the same keys in the same order and the same texts.
 * The getters are shared by every entry of a kind (Object.defineProperty with one descriptor), so all
 * such entries keep one hidden class; the inputs of a derived text are private fields. A Monte Carlo
 * sample's entries, only read by property, read `given` through their class instead (NumberPrice).
 */
import { component } from '../chemistry/components.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../chemistry/elements.js';
import type { PriceEntry } from './prices.js';
import { numberGiven } from './price-keys.js';

/** `given` of an entry read from a bare number: its value and unit as readPriceValue writes them. */
const NUMBER_GIVEN: PropertyDescriptor = {
  get(this: PriceEntry): string {
    return numberGiven(this.value, this.unit);
  },
  enumerable: true,
  configurable: true,
};

/**
 * An entry read from a bare number (a class: its instances keep their properties in the object,
 * and one hidden class per kind of entry). A listed entry — one a report may list, spread or write
 * as JSON — carries `given` as an own enumerable accessor in its place (NUMBER_GIVEN). An entry of a
 * Monte Carlo sample (`listed` false), only ever read by property, reads the same text through the
 * class's getter: no defineProperty call (≈ 0.2 µs) per entry, but a key list, JSON or a spread copy
 * would miss it.
 */
class NumberPrice {
  declare key: string;
  declare value: number;
  declare unit: string;
  declare year: number | null;
  declare source: string;
  declare origin: PriceEntry['origin'];
  declare setId?: string;

  constructor(key: string, value: number, unit: string, source: string, origin: PriceEntry['origin'], setId: string | undefined, listed: boolean) {
    this.key = key;
    this.value = value;
    this.unit = unit;
    if (listed) Object.defineProperty(this, 'given', NUMBER_GIVEN);
    this.year = null;
    this.source = source;
    this.origin = origin;
    if (setId) this.setId = setId;
  }

  /** `given` of an entry read from a bare number (NUMBER_GIVEN's). */
  get given(): string {
    return numberGiven(this.value, this.unit);
  }
}

/**
 * The entry of a price written as a bare number (no year, source or note), as applyLayer writes it:
 * { key, value, unit, given, year: null, source, origin, setId? } with `given` made when read.
 * `sample`: for prices only read by property (a Monte Carlo sample's, never listed or copied),
 * `given` read through the class (NumberPrice).
 */
export function numberEntry(key: string, value: number, unit: string, source: string, origin: PriceEntry['origin'], setId: string | undefined, sample = false): PriceEntry {
  return new NumberPrice(key, value, unit, source, origin, setId, !sample);
}

/** How a derived price is written: its `given` and `source` from the entries it is derived from. */
export interface DerivationText {
  given(a: PriceEntry, b: PriceEntry | undefined): string;
  source(a: PriceEntry, b: PriceEntry | undefined): string;
}

/**
 * A derived price: { key, value, unit, given, year, source, origin: 'derived' } (derive() in
 * prices.ts) with `given` made when read from the entries it was derived from (its `source`, which
 * prints no number, is joined at once). `given` is an own accessor of a listed entry, the class's
 * getter for a sample's (NumberPrice's reason).
 */
class DerivedPrice {
  declare key: string;
  declare value: number;
  declare unit: string;
  declare year: number | null;
  declare source: string;
  declare origin: 'derived';
  readonly #text: DerivationText;
  readonly #a: PriceEntry;
  readonly #b: PriceEntry | undefined;

  constructor(key: string, value: number, unit: string, year: number, text: DerivationText, a: PriceEntry, b: PriceEntry | undefined, listed: boolean) {
    this.#text = text;
    this.#a = a;
    this.#b = b;
    this.key = key;
    this.value = value;
    this.unit = unit;
    if (listed) Object.defineProperty(this, 'given', DERIVED_GIVEN);
    this.year = year;
    // The source text joins texts (no number printed): made now, a data property — an accessor
    // costs a defineProperty call per entry (≈ 0.2 µs), the join a few nanoseconds.
    this.source = text.source(a, b);
    this.origin = 'derived';
  }

  /** The `given` text of a derived price. */
  static givenOf(e: DerivedPrice): string {
    return e.#text.given(e.#a, e.#b);
  }

  /** The `given` text of a derived price (DERIVED_GIVEN's). */
  get given(): string {
    return DerivedPrice.givenOf(this);
  }
}

const DERIVED_GIVEN: PropertyDescriptor = {
  get(this: DerivedPrice): string {
    return DerivedPrice.givenOf(this);
  },
  enumerable: true,
  configurable: true,
};

/**
 * A derived entry of `year` whose texts `text` makes from `a` (and `b`) when read. `sample`: for
 * prices only read by property (numberEntry's), `given` read through the class.
 */
export function derivedEntry(key: string, value: number, unit: string, year: number, text: DerivationText, a: PriceEntry, b?: PriceEntry, sample = false): PriceEntry {
  return new DerivedPrice(key, value, unit, year, text, a, b, !sample);
}

/** A number as derivation texts print it (6 significant digits). */
function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

const M = (id: string) => component(id).molarMass_g_per_mol;

const RATIO_TEXTS = new Map<string, string>();

/** "M(a)/M(b)" as numbers for derivation texts (constant: written once, not per merge). */
function molarMassRatioText(a: string, b: string): string {
  const key = `${a}/${b}`;
  let text = RATIO_TEXTS.get(key);
  if (text === undefined) RATIO_TEXTS.set(key, (text = `${fmt(M(a))}/${fmt(M(b))}`));
  return text;
}

/** kg of Li2CO3 per kg of Li (lithium carbonate equivalent). */
export const LCE = M('Li2CO3') / (2 * ATOMIC_WEIGHT_G_PER_MOL.Li);

/** How derive() writes LiOH·H2O derived from anhydrous LiOH. */
export const MONO_FROM_LIOH: DerivationText = {
  given: (lioh) => `LiOH ${fmt(lioh.value)} USD/kg × M(LiOH)/M(LiOH·H2O) = × ${molarMassRatioText('LiOH', 'LiOH·H2O')}`,
  source: (lioh) => `derived from the LiOH (anhydrous) price by molar mass, same Li per kg-mol (REFERENCE.md Part 3 point 4); LiOH: ${lioh.source}`,
};
/** How derive() writes anhydrous LiOH derived from LiOH·H2O. */
export const LIOH_FROM_MONO: DerivationText = {
  given: (mono) => `LiOH·H2O ${fmt(mono.value)} USD/kg × M(LiOH·H2O)/M(LiOH) = × ${molarMassRatioText('LiOH·H2O', 'LiOH')}`,
  source: (mono) => `derived from the LiOH·H2O price by molar mass, same Li per kg-mol (REFERENCE.md Part 3 point 4); LiOH·H2O: ${mono.source}`,
};
/** How derive() writes steam derived from natural gas and the boiler efficiency. */
export const STEAM: DerivationText = {
  given: (ng, eta) => `natural gas ${fmt(ng.value)} USD/kWh ÷ boiler efficiency ${fmt(eta!.value)}`,
  source: (ng) => `derived: steam raised in a natural-gas boiler (natural-gas price ÷ boiler-efficiency); natural gas: ${ng.source}`,
};
/** How derive() writes metal.Li derived from Li2CO3. */
export const LITHIUM: DerivationText = {
  given: (carbonate) => `Li2CO3 ${fmt(carbonate.value)} USD/kg × ${fmt(LCE)} kg Li2CO3 per kg Li`,
  source: (carbonate) => `derived: lithium valued as lithium carbonate equivalent (M(Li2CO3)/(2·M(Li))); Li2CO3: ${carbonate.source}`,
};
