/**
 * Chemical Engineering Plant Cost Index (CEPCI), annual averages, used to escalate equipment
 * purchase costs from a correlation's cost year to the price set's year:
 *   C(year) = C(ref year) × CEPCI(year) / CEPCI(ref year).
 *
 * Values are the annual averages published by Chemical Engineering magazine. Only 2017 (567.5) is
 * read in a primary source of REFERENCE.md (EverBatt 2019 Appendix C, REFERENCE.md 1.1.8); the
 * others are recalled [MEMORY] and agree with the tables of several public process-economics codes
 * (e.g. 2016 541.7, 2018 603.1, 2019 607.5, 2020 596.2, 2021 708.0, 2022 816.0). 2023 and 2024
 * differ between secondary tables (2023: 789.6–800.8; 2024: 800–810) and are the least certain.
 * Any value can be replaced or added with `finance.cepci: { <year>: <index> }`.
 */

/** One CEPCI annual average and where it comes from. */
export interface CepciEntry {
  value: number;
  source: string;
}

const CE = 'Chemical Engineering magazine, CEPCI annual average';
const MEM = `${CE} [MEMORY]`;

/** CEPCI annual averages by year. */
export const CEPCI: Readonly<Record<number, CepciEntry>> = {
  2000: { value: 394.1, source: MEM },
  2001: { value: 394.3, source: MEM },
  2002: { value: 395.6, source: MEM },
  2003: { value: 402.0, source: MEM },
  2004: { value: 444.2, source: MEM },
  2005: { value: 468.2, source: MEM },
  2006: { value: 499.6, source: MEM },
  2007: { value: 525.4, source: MEM },
  2008: { value: 575.4, source: MEM },
  2009: { value: 521.9, source: MEM },
  2010: { value: 550.8, source: MEM },
  2011: { value: 585.7, source: MEM },
  2012: { value: 584.6, source: MEM },
  2013: { value: 567.3, source: MEM },
  2014: { value: 576.1, source: MEM },
  2015: { value: 556.8, source: MEM },
  2016: { value: 541.7, source: MEM },
  2017: { value: 567.5, source: `${CE}; EverBatt 2019 Appendix C "CEPCI 2017 = 567.5" (REFERENCE.md 1.1.8)` },
  2018: { value: 603.1, source: MEM },
  2019: { value: 607.5, source: MEM },
  2020: { value: 596.2, source: MEM },
  2021: { value: 708.0, source: MEM },
  2022: { value: 816.0, source: MEM },
  2023: { value: 797.9, source: `${MEM}; uncertain — secondary tables give 789.6–800.8` },
  2024: { value: 800.0, source: `${MEM}; uncertain (preliminary) — secondary tables give 800–810` },
};

/** Years of the built-in table, ascending. */
export const CEPCI_YEARS: readonly number[] = Object.keys(CEPCI).map(Number).sort((a, b) => a - b);

/**
 * The CEPCI of `year`: a user value from `extra` (finance.cepci) first, then the table;
 * undefined when neither has the year.
 */
export function cepciOf(year: number, extra: Readonly<Record<number, number>> = {}): number | undefined {
  return extra[year] ?? CEPCI[year]?.value;
}

/** Source text of the CEPCI used for `year`. */
export function cepciSource(year: number, extra: Readonly<Record<number, number>> = {}): string {
  if (extra[year] !== undefined) return 'finance.cepci (scenario)';
  return CEPCI[year]?.source ?? 'none';
}
