/**
 * The Assumptions sheet: every input with its unit and source, and the named cells the live
 * formulas read.
 *
 * Inputs shared by cases are written once: one block per price set (all cases that use the same
 * resolved prices — same set, same overrides — read the same cells), one block per set of finance
 * inputs (discount and tax rate, construction and ramp-up shares, capital and operating cost
 * factors, CEPCI), then one block per case with what is its own (scenario, plant, feed,
 * specification, design, unit parameters). Changing a price once moves every case that uses it.
 * Derived prices (LiOH from LiOH·H2O or the reverse, steam from natural gas, metal.Li from Li2CO3)
 * are formulas of their base.
 *
 * Defined names (all on this sheet):
 *   price_<key>_<set>       a price of a price set (key and set id with non-alphanumerics → "_"),
 *                           e.g. price_LiOH_H2O_cn_2024; a second set with the same id but other
 *                           overrides gets a letter (cn_2024_b)
 *   fin_<field>_f<k>        discountRate, taxRate, salvage, workingCapitalOfFci, construction_<year>,
 *                           rampUp_<year> of finance set k (1-based)
 *   capf_<id>_f<k>, opf_<id>_f<k>, cepci_<year>_f<k>   capital and operating cost factors, CEPCI
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import type { ResolvedPrices, PriceEntry } from '../economics/prices.js';
import { cepciOf, cepciSource } from '../economics/cepci.js';
import { component } from '../chemistry/components.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../chemistry/elements.js';
import { Grid, FMT, STYLE, fmt, colName, valueFormat, type Scalar, type CellStyle } from './grid.js';
import { type Expr, lit, named, mul, div, put } from './expr.js';
import { plainAssumptions } from './input-rows.js';
import { readerText, numText, wrapText } from './reader-text.js';
import { caseLetter, caseTitle, lettersOf } from './cases.js';

/** The named inputs of one case. */
export interface Inputs {
  index: number;
  price(key: string): Expr;
  hasPrice(key: string): boolean;
  fin(field: 'discountRate' | 'taxRate' | 'salvage' | 'workingCapitalOfFci'): Expr;
  construction(i: number): Expr;
  /** Output share of operating year k (0-based); 1 beyond the ramp-up. */
  rampUp(k: number): Expr;
  capf(id: string): Expr;
  opf(id: string): Expr;
  cepci(year: number): Expr;
}

/** Allocates workbook-unique defined names (Excel compares names case-insensitively). */
export class NameBook {
  private readonly used = new Set<string>();
  readonly all: { name: string; sheet: string; row: number; col: number }[] = [];

  /** A valid, unique name from a prefix, a key (any text) and a suffix naming the set it belongs to. */
  make(prefix: string, key: string, suffix: string): string {
    const clean = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'x';
    const base = `${prefix}_${clean(key)}_${clean(suffix)}`;
    let name = base;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    this.used.add(name.toLowerCase());
    return name;
  }

  bind(name: string, g: Grid, row: number, col: number): void {
    const c = g.get(row, col);
    if (c) c.name = name;
    this.all.push({ name, sheet: g.name, row, col });
  }
}

/** Columns of the Assumptions sheet. */
export const ASSUMPTION_HEADER = ['section', 'item', 'value', 'unit', 'year', 'source', 'note', 'defined name (formulas read it)'];
/** Value column (the named cells). */
export const ASSUMPTION_VALUE_COL = 3;
const COL = { section: 1, item: 2, value: 3, unit: 4, year: 5, source: 6, note: 7, name: 8 } as const;

const M = (id: string) => component(id).molarMass_g_per_mol;

/** Cases that share something, with the token that names their cells. */
interface Group<T> {
  token: string;
  cases: number[];
  first: Evaluation;
  data: T;
}

function groupBy<T>(evs: readonly Evaluation[], key: (ev: Evaluation) => string, data: (ev: Evaluation) => T, token: (ev: Evaluation, k: number) => string): Group<T>[] {
  const groups: (Group<T> & { key: string })[] = [];
  const tokens = new Set<string>();
  evs.forEach((ev, i) => {
    const k = key(ev);
    const g = groups.find((x) => x.key === k);
    if (g) { g.cases.push(i); return; }
    let t = token(ev, groups.length);
    // A second set of the same name (other overrides): the next letter.
    for (let j = 1; tokens.has(t.toLowerCase()); j++) t = `${token(ev, groups.length)}_${String.fromCharCode(97 + j)}`;
    tokens.add(t.toLowerCase());
    groups.push({ key: k, token: t, cases: [i], first: ev, data: data(ev) });
  });
  return groups;
}

/** Identity of a resolved price book (set, year, every item). */
function pricesKey(p: ResolvedPrices): string {
  const items = Object.values(p.items).map((e) => [e.key, e.value, e.unit, e.year, e.origin, e.source, e.given]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  return JSON.stringify([p.setId, p.year, p.cepciYear, items]);
}

/** Identity of a case's finance inputs (everything the finance block writes). */
function financeKey(ev: Evaluation): string {
  const f = ev.economics.finance;
  return JSON.stringify([f.capexMethod, f.presetLabel, f.discountRate, f.taxRate, f.salvageFraction, f.workingCapitalOfFci, f.construction, f.rampUp, f.lifeYears, f.depreciation, f.depreciationYears,
    f.losses, f.operatingDaysPerYear, f.shiftLengthH, f.excluded, f.capitalFactors.map((x) => [x.id, x.value, x.source]), f.operatingFactors.map((x) => [x.id, x.value, x.basis, x.variable, x.source]), f.cepci ?? null, f.sources, ev.economics.capex.cepciYear]);
}

/** A derived price as a formula of its base, when the base is a given price. */
function derivation(items: Record<string, PriceEntry>, key: string): { of: string[]; make: (get: (k: string) => Expr) => Expr; text: string } | undefined {
  const e = items[key]!;
  if (e.origin !== 'derived') return undefined;
  const given = (k: string) => items[k] !== undefined && items[k]!.origin !== 'derived';
  const r = (x: number) => numText(x);
  if (key === 'LiOH·H2O' && given('LiOH')) return { of: ['LiOH'], make: (get) => mul(get('LiOH'), lit(M('LiOH') / M('LiOH·H2O'))), text: `= LiOH × ${r(M('LiOH'))}/${r(M('LiOH·H2O'))} (same lithium per kg-mol)` };
  if (key === 'LiOH' && given('LiOH·H2O')) return { of: ['LiOH·H2O'], make: (get) => mul(get('LiOH·H2O'), lit(M('LiOH·H2O') / M('LiOH'))), text: `= LiOH·H2O × ${r(M('LiOH·H2O'))}/${r(M('LiOH'))} (same lithium per kg-mol)` };
  if (key === 'steam' && given('natural-gas') && items['boiler-efficiency']) return { of: ['natural-gas', 'boiler-efficiency'], make: (get) => div(get('natural-gas'), get('boiler-efficiency')), text: '= natural-gas ÷ boiler-efficiency (steam raised in a gas boiler)' };
  if (key === 'metal.Li' && given('Li2CO3')) return { of: ['Li2CO3'], make: (get) => mul(get('Li2CO3'), lit(M('Li2CO3') / (2 * ATOMIC_WEIGHT_G_PER_MOL.Li))), text: `= Li2CO3 × ${r(M('Li2CO3') / (2 * ATOMIC_WEIGHT_G_PER_MOL.Li))} (lithium carbonate equivalent)` };
  return undefined;
}

/** Text values longer than this (characters) are written in the note column. */
const LONG_VALUE = 28;

/** Writes rows of the sheet. */
class Writer {
  r: number;
  constructor(readonly g: Grid, readonly names: NameBook, start: number) {
    this.r = start;
  }

  line(section: string, item: string, value: Scalar, unit: string, year: number | null, source: string, note: string, style?: CellStyle): number {
    const g = this.g;
    const r = this.r++;
    // A long value in words (a list, a matrix) reads in the wide note column, not the value column.
    if (typeof value === 'string' && value.length > LONG_VALUE) {
      note = note ? `value: ${value}. ${note}` : `value: ${value}`;
      value = '(see the note)';
    }
    g.set(r, COL.section, section);
    g.set(r, COL.item, item);
    if (value !== null) g.set(r, COL.value, value, typeof value === 'number' ? fmt(valueFormat(value), style) : style);
    if (unit) g.set(r, COL.unit, unit);
    if (year !== null) g.set(r, COL.year, year, fmt(FMT.int));
    if (source) g.set(r, COL.source, readerText(source), STYLE.wrapped);
    if (note) g.set(r, COL.note, readerText(note), STYLE.wrapped);
    return r;
  }

  input(section: string, item: string, value: number, unit: string, year: number | null, source: string, note: string, name: string): Expr {
    const row = this.line(section, item, value, unit, year, source, note, STYLE.input);
    this.g.set(row, COL.name, name);
    this.names.bind(name, this.g, row, COL.value);
    return named(name, value);
  }

  title(text: string): void {
    this.r++;
    this.g.section(this.r++, 1, text);
  }
}

/** Who uses a set, in words. */
function usedBy(cases: number[], n: number): string {
  return n === 1 ? 'this run' : cases.length === n ? `every case (${lettersOf(cases)})` : `case${cases.length > 1 ? 's' : ''} ${lettersOf(cases)}`;
}

/** The price block of one price set; returns the expression of every price. */
function priceBlock(w: Writer, grp: Group<ResolvedPrices>, evs: readonly Evaluation[]): Map<string, Expr> {
  const p = grp.data;
  const n = evs.length;
  w.title(`Prices — price set ${p.setId ?? p.name} (money in ${p.year} US dollars) · used by ${usedBy(grp.cases, n)}`);
  const usedIn = new Map<string, number[]>();
  for (const i of grp.cases) for (const u of evs[i]!.economics.pricesUsed) usedIn.set(u.key, [...(usedIn.get(u.key) ?? []), i]);
  const entries = Object.values(p.items).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const derived = new Map(entries.map((e) => [e.key, derivation(p.items, e.key)] as const).filter((x): x is [string, NonNullable<ReturnType<typeof derivation>>] => x[1] !== undefined));
  // A base price is "used" through the prices derived from it.
  const baseOf = new Map<string, string[]>();
  for (const [k, d] of derived) for (const b of d.of) baseOf.set(b, [...(baseOf.get(b) ?? []), k]);
  const exprs = new Map<string, Expr>();
  const pending: { e: PriceEntry; row: number; name: string }[] = [];
  // A price no case uses (and no used derived price comes from) is not an input of these runs.
  const usedHere = (k: string): boolean => usedIn.has(k) || (baseOf.get(k) ?? []).some(usedHere);
  const unused = entries.filter((e) => !usedHere(e.key)).map((e) => e.key);
  for (const e of entries) {
    if (!usedHere(e.key) && !derived.get(e.key)?.of.some(usedHere)) continue;
    const name = w.names.make('price', e.key, grp.token);
    const uses = usedIn.get(e.key);
    const use = uses ? `used by ${n === 1 ? 'this run' : lettersOf(uses)}` : 'not used by these runs';
    const base = baseOf.get(e.key)?.filter((k) => usedIn.has(k));
    const d = derived.get(e.key);
    const note = [d ? `derived ${d.text}` : `given as ${e.given}`, base?.length ? `base of the derived ${base.join(', ')} price` : use].join('; ');
    if (d) {
      const row = w.line('prices', e.key, null, e.unit, e.year, e.source, note);
      w.g.set(row, COL.name, name);
      pending.push({ e, row, name });
    } else {
      exprs.set(e.key, w.input('prices', e.key, e.value, e.unit, e.year, e.source, note, name));
    }
  }
  if (unused.length) for (const line of wrapText(`Not used by ${n === 1 ? 'this run' : 'these runs'} (in the price set, not written here): ${unused.join(', ')}.`, 150)) w.g.note(w.r++, 2, line);
  for (const x of pending) {
    const f = derived.get(x.e.key)!.make((k) => exprs.get(k)!);
    put(w.g, x.row, COL.value, f, fmt(valueFormat(f.v)), { value: x.e.value, label: `derived price ${x.e.key} (${grp.token})` });
    w.names.bind(x.name, w.g, x.row, COL.value);
    exprs.set(x.e.key, named(x.name, f.v));
  }
  return exprs;
}

/** Named finance inputs of one finance set. */
interface FinanceExprs {
  fin: Map<string, Expr>;
  construction: Expr[];
  ramp: Expr[];
  capf: Map<string, Expr>;
  opf: Map<string, Expr>;
  cepci: Map<number, Expr>;
}

/** The finance block of one finance set (structural lines for audit, named inputs, cost factors, CEPCI). */
function financeBlock(w: Writer, grp: Group<null>, evs: readonly Evaluation[]): FinanceExprs {
  const ev = grp.first;
  const fin = ev.economics.finance;
  const t = grp.token;
  const n = evs.length;
  w.title(`Finance, cost factors and cost index — used by ${usedBy(grp.cases, n)}`);
  const src = (k: string) => fin.sources[k] ?? '';
  const structural = 'shown for audit; changing it changes the cash-flow layout: re-run regenflow';
  w.line('finance', 'capital cost method', fin.capexMethod, '', null, src('capexMethod'), `${fin.presetLabel}; ${structural}`);
  const fx = (field: string, item: string, value: number, unit: string, note: string) => w.input('finance', item, value, unit, null, src(field), note, w.names.make('fin', field, t));
  const finMap = new Map<string, Expr>([
    ['discountRate', fx('discountRate', 'discount rate', fin.discountRate, 'fraction', 'NPV, IRR guess, minimum selling price, levelised cost')],
    ['taxRate', fx('taxRate', 'tax rate', fin.taxRate, 'fraction', `losses: ${fin.losses}`)],
    ['salvage', fx('salvage', 'salvage value', fin.salvageFraction, 'fraction of depreciable capital', 'taxable salvage at the end of life; land recovered at cost')],
  ]);
  if (fin.workingCapitalOfFci !== null) finMap.set('workingCapitalOfFci', fx('workingCapitalOfFci', 'working capital', fin.workingCapitalOfFci, 'fraction of fixed capital', 'replaces the preset working-capital rule'));
  const construction = fin.construction.map((s, i) => w.input('finance', `construction year ${i + 1} share`, s, 'fraction of fixed capital', null, src('construction'), i === fin.construction.length - 1 ? 'the last construction year takes the remainder of the fixed capital' : '', w.names.make('fin', `construction_${i + 1}`, t)));
  const ramp = fin.rampUp.map((s, i) => w.input('finance', `ramp-up: output share of operating year ${i + 1}`, s, 'fraction of full output', null, src('rampUp'), 'revenue and variable costs scale; fixed costs do not', w.names.make('fin', `rampUp_${i + 1}`, t)));
  w.line('finance', 'plant life', fin.lifeYears, 'yr', null, src('life'), structural);
  w.line('finance', 'depreciation', fin.depreciation, '', null, src('depreciation'), structural);
  w.line('finance', 'depreciation period (straight line)', fin.depreciationYears, 'yr', null, src('depreciationPeriod') || src('life'), structural);
  w.line('finance', 'tax losses', fin.losses, '', null, src('losses'), structural);
  w.line('finance', 'operating days', fin.operatingDaysPerYear, 'd/yr', null, src('operatingDays'), `operator hours (a quantity on the OPEX sheet); ${structural}`);
  w.line('finance', 'shift length', fin.shiftLengthH, 'h', null, src('shiftLength'), `operator hours (a quantity on the OPEX sheet); ${structural}`);
  for (const x of fin.excluded) w.line('finance', 'left out of the preset', null, '', null, fin.presetLabel, x);
  const capf = new Map<string, Expr>();
  for (const f of fin.capitalFactors) capf.set(f.id, w.input('capital-cost factors', `${f.id}: ${f.label}`, f.value, f.unit ?? 'fraction', null, f.source, `basis: ${f.basis}; default ${f.defaultValue}${f.overridden ? ' (overridden)' : ''}`, w.names.make('capf', f.id, t)));
  const opf = new Map<string, Expr>();
  for (const f of fin.operatingFactors) opf.set(f.id, w.input('operating-cost factors', `${f.id}: ${f.label}`, f.value, 'fraction', null, f.source, `basis: ${f.basis}; ${f.variable ? 'variable' : 'fixed'}; default ${f.defaultValue}${f.overridden ? ' (overridden)' : ''}`, w.names.make('opf', f.id, t)));
  // CEPCI of the cost year and of every correlation's reference year, over the set's cases.
  const cepci = new Map<number, Expr>();
  const costYear = ev.economics.capex.cepciYear;
  const years = [...new Set([costYear, ...grp.cases.flatMap((i) => evs[i]!.economics.capex.equipment.map((e) => e.cepciRefYear))])].sort((a, b) => a - b);
  for (const y of years) {
    const v = cepciOf(y, fin.cepci);
    if (v === undefined) continue;
    cepci.set(y, w.input('cost index', `CEPCI ${y}${y === costYear ? ' (cost year of the price set)' : ''}`, v, 'index', y, cepciSource(y, fin.cepci), 'escalates equipment costs: C(year) = C(ref) × CEPCI(year)/CEPCI(ref)', w.names.make('cepci', String(y), t)));
  }
  return { fin: finMap, construction, ramp, capf, opf, cepci };
}

/** The block of what is a case's own: scenario, plant, feed, specification, design, unit parameters. */
function caseBlock(w: Writer, ev: Evaluation, i: number, n: number): void {
  w.title(n === 1 ? `This run — ${caseTitle(ev)}` : `Case ${caseLetter(i)} — ${caseTitle(ev)}`);
  for (const a of plainAssumptions(ev)) w.line(a.section, a.item, a.value, a.unit, null, a.source, a.note);
}

/**
 * Write the Assumptions sheet: shared price and finance blocks, then each case's own inputs.
 * Returns each case's named inputs.
 */
export function assumptionsSheet(g: Grid, evs: readonly Evaluation[], names: NameBook): Inputs[] {
  g.set(1, 1, 'Assumptions — every input with its unit and source. Yellow cells are the inputs the live formulas read: change one and every case that uses it follows.', STYLE.subtitle);
  g.header(2, 1, ASSUMPTION_HEADER);
  g.freeze = { rows: 2, cols: 2 };
  g.print = { fit: 'width', titleRows: [2, 2] };
  [20, 40, 14, 14, 7, 56, 46, 30].forEach((x, i) => g.width(i + 1, x));
  const w = new Writer(g, names, 3);
  const priceGroups = groupBy(evs, (ev) => pricesKey(ev.model.prices), (ev) => ev.model.prices, (ev) => ev.model.prices.setId ?? 'prices');
  const financeGroups = groupBy(evs, financeKey, () => null, (_ev, k) => `f${k + 1}`);
  const prices = priceGroups.map((grp) => ({ grp, exprs: priceBlock(w, grp, evs) }));
  const finance = financeGroups.map((grp) => ({ grp, x: financeBlock(w, grp, evs) }));
  evs.forEach((ev, i) => caseBlock(w, ev, i, evs.length));
  g.autoFilter = `A2:${colName(ASSUMPTION_HEADER.length)}${Math.max(3, w.r - 1)}`;
  // The defined-name column is for the screen; paper gets the inputs, units and sources.
  g.print.areas = [`A1:${colName(COL.note)}${Math.max(2, w.r - 1)}`];
  const must = <K, T>(map: Map<K, T>, k: K, what: string): T => {
    const v = map.get(k);
    if (v === undefined) throw new Error(`internal: the workbook has no ${what} "${String(k)}"`);
    return v;
  };
  return evs.map((_, i) => {
    const p = prices.find((x) => x.grp.cases.includes(i))!.exprs;
    const f = finance.find((x) => x.grp.cases.includes(i))!.x;
    return {
      index: i,
      price: (k) => must(p, k, 'price'),
      hasPrice: (k) => p.has(k),
      fin: (k) => must(f.fin, k, 'finance input'),
      construction: (k) => f.construction[k]!,
      rampUp: (k) => f.ramp[k] ?? lit(1),
      capf: (id) => must(f.capf, id, 'capital factor'),
      opf: (id) => must(f.opf, id, 'operating factor'),
      cepci: (y) => must(f.cepci, y, 'CEPCI year'),
    };
  });
}
