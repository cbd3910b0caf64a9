/**
 * The price index that brings every money price of a set to the set's dollar year:
 *   value(set year) = value(entry year) × CPI(set year) / CPI(entry year).
 *
 * Index: US CPI-U (Consumer Price Index for All Urban Consumers, U.S. city average, all items,
 * not seasonally adjusted, 1982-84 = 100; BLS series CUUR0000SA0), annual averages. Why CPI-U: the
 * prices of a set are converted to constant dollars of one year, which is what a general price
 * index does; a commodity index (PPI) would mix the real price movements of the items themselves
 * (the 2021–22 commodity boom) into the conversion. Money of other currencies is converted to USD
 * first (at the set's stated exchange rate), so one US index serves every set. Equipment costs
 * keep their own index (CEPCI, cepci.ts).
 *
 * Values: BLS annual averages as tabulated in several public code bases that cite BLS CUUR0000SA0
 * (M13, annual average) — 2017 245.120 … 2024 313.689 agree to the last digit in each [M]; 2025
 * (321.943) appears in one of them only [M]. Any value can be replaced or added with the set's
 * `priceIndex: { <year>: <index> }`.
 */
import type { PriceEntry } from './prices.js';

/** Name of the index, for sources and messages. */
export const PRICE_INDEX_NAME = 'US CPI-U (BLS CUUR0000SA0, annual average, 1982-84 = 100)';

const BLS = `${PRICE_INDEX_NAME}, as tabulated in public code citing BLS [M]`;

/** CPI-U annual averages by year. */
export const CPI_U: Readonly<Record<number, { value: number; source: string }>> = {
  2005: { value: 195.3, source: BLS },
  2006: { value: 201.6, source: BLS },
  2007: { value: 207.342, source: BLS },
  2008: { value: 215.303, source: BLS },
  2009: { value: 214.537, source: BLS },
  2010: { value: 218.056, source: BLS },
  2011: { value: 224.939, source: BLS },
  2012: { value: 229.594, source: BLS },
  2013: { value: 232.957, source: BLS },
  2014: { value: 236.736, source: BLS },
  2015: { value: 237.017, source: BLS },
  2016: { value: 240.007, source: BLS },
  2017: { value: 245.12, source: BLS },
  2018: { value: 251.107, source: BLS },
  2019: { value: 255.657, source: BLS },
  2020: { value: 258.811, source: BLS },
  2021: { value: 270.97, source: BLS },
  2022: { value: 292.655, source: BLS },
  2023: { value: 304.702, source: BLS },
  2024: { value: 313.689, source: BLS },
  2025: { value: 321.943, source: `${BLS}; one source only` },
};

/** Years of the built-in table, ascending. */
export const CPI_YEARS: readonly number[] = Object.keys(CPI_U).map(Number).sort((a, b) => a - b);

/** The index of `year`: a set's own value (`extra`) first, then the table; undefined when neither has it. */
export function priceIndexOf(year: number, extra: Readonly<Record<number, number>> = {}): number | undefined {
  return extra[year] ?? CPI_U[year]?.value;
}

/**
 * The factor taking money of `fromYear` to `toYear` (1 when the years are equal), or undefined
 * when the index lacks one of the years.
 */
export function escalationFactor(fromYear: number, toYear: number, extra: Readonly<Record<number, number>> = {}): number | undefined {
  if (fromYear === toYear) return 1;
  const a = priceIndexOf(fromYear, extra);
  const b = priceIndexOf(toYear, extra);
  return a === undefined || b === undefined ? undefined : b / a;
}

/** How a money price was brought to the set's dollar year. */
export interface Escalation {
  /** Value in `unit`, money of `fromYear`. */
  nominalValue: number;
  fromYear: number;
  toYear: number;
  /** index(toYear) / index(fromYear). */
  factor: number;
  /** The value as written. */
  written: string;
}

const PRICE_INDEX_SHORT = 'CPI-U';

/**
 * A money entry brought to `toYear` (from its own year, or from the year its escalation started
 * at); other entries, and money without a year, unchanged. Undefined when the index lacks a year.
 */
export function escalate(e: PriceEntry, kindIsMoney: boolean, toYear: number, index: Readonly<Record<number, number>>): PriceEntry | undefined {
  // Nothing to escalate and nothing escalated before: the copy below would equal the entry (a
  // patched price of every Monte Carlo sample takes this path; entries are never mutated).
  if (!Object.hasOwn(e, 'escalation') && (!kindIsMoney || e.year === null || e.year === toYear)) return e;
  const nominal = e.escalation?.nominalValue ?? e.value;
  const written = e.escalation?.written ?? e.given;
  const base: PriceEntry = { ...e, value: nominal, given: written };
  delete base.escalation;
  if (!kindIsMoney || e.year === null || e.year === toYear) return base;
  const f = escalationFactor(e.year, toYear, index);
  if (f === undefined) return undefined;
  return {
    ...base,
    value: nominal * f,
    given: `${written} (${e.year} USD) × ${fmt(f)} ${PRICE_INDEX_SHORT} ${toYear}/${e.year} = ${fmt(nominal * f)} ${e.unit} (${toYear} USD)`,
    escalation: { nominalValue: nominal, fromYear: e.year, toYear, factor: f, written },
  };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}
