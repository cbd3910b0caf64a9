/**
 * The live-formula economics of the workbook. Every money figure the engine computes from prices
 * and finance inputs is written as a spreadsheet formula over the Assumptions cells (defined
 * names), and each formula cell carries the engine's value as its cached result:
 *
 *   OPEX line        = ROUND(quantity × price × 100, 0)/100         quantity: engine constant
 *   factor line      = ROUND(factor × basis × 100, 0)/100           basis: the cells it names
 *   capital line     = ROUND(basis × factor × 100, 0)/100           (as economics/capex.ts)
 *   purchased item   = ROUND(item cost × CEPCI/CEPCI_ref × count × regional factor × 100, 0)/100
 *   cash flow        = integer-cent arithmetic of economics/cashflow.ts: ROUND(ROUND(x×100,0)×f,0)/100
 *   NPV = Σ present values, IRR = IRR(net cash flows, discount rate), payback = first year the
 *   cumulative cash flow turns ≥ 0 (interpolated), levelised cost = SUMPRODUCT(costs, df) /
 *   SUMPRODUCT(kg, df), minimum selling price = the engine's secant on an unrounded NPV(price)
 *   evaluated in the sheet (exact while NPV is linear in the price near the root; a Newton step
 *   from the secant root covers a kink between the current price and the root).
 *
 * Arithmetic is mirrored operation by operation (same operands, same order) so LibreOffice's
 * recalculation equals the engine's numbers to rounding error. Formulas are built from a small
 * expression type that carries both the formula text and the value it computes; the value becomes
 * the cached result and is checked against the engine's own figure (Grid.checks).
 *
 * Defined names (one set per evaluation n = 1, 2, …, all on the Assumptions sheet):
 *   price_<key>_e<n>     every price of the run's price set (key with non-alphanumerics → "_"),
 *                        e.g. price_LiOH_H2O_e1, price_cam_NCM523_e1, price_electricity_e2
 *   fin_<field>_e<n>     discountRate, taxRate, salvage, workingCapitalOfFci;
 *                        fin_construction_<year>_e<n>, fin_rampUp_<year>_e<n> (1-based)
 *   capf_<id>_e<n>       capital-cost factors of the preset (erection, osbl, contingency, lang, …)
 *   opf_<id>_e<n>        operating-cost factors (maintenance, supervision, royalties, …)
 *   cepci_<year>_e<n>    CEPCI annual averages the equipment costs use
 * A name that would repeat (case-insensitively) gets a numeric suffix.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import type { MoneyLine } from '../economics/opex.js';
import { OFFSPEC_METALS } from '../economics/opex.js';
import type { OperatingFactorRow } from '../economics/finance.js';
import { cepciOf, cepciSource } from '../economics/cepci.js';
import { chemistryByName } from '../chemistry/cathode.js';
import { component } from '../chemistry/components.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../chemistry/elements.js';
import {
  Grid, a1, quoteSheet, colName, FMT, STYLE, fmt, evaluationLabel, plainAssumptions, equipmentDescription,
  EQUIPMENT_HEADER, EQUIPMENT_FORMATS, type Scalar, type CellStyle,
} from './tables.js';

// ---------------------------------------------------------------------------------------------
// Expressions: formula text and value together

const P_CMP = 1;
const P_ADD = 2;
const P_MUL = 3;
const P_POW = 4;
const P_ATOM = 6;

/** A numeric formula expression: its text (relative to the sheet it is written on) and value. */
export interface Expr {
  readonly v: number;
  readonly p: number;
  readonly t: (here: string) => string;
}

/** A condition (for IF). */
export interface Cond {
  readonly v: boolean;
  readonly t: (here: string) => string;
}

const wrap = (e: Expr, here: string, need: boolean) => (need ? `(${e.t(here)})` : e.t(here));

/** Round half away from zero to an integer (economics/money.ts, and LibreOffice's ROUND(x, 0)). */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** A number literal. */
export function lit(x: number): Expr {
  if (!Number.isFinite(x)) throw new Error(`internal: non-finite number in a formula (${x})`);
  const s0 = String(x).replace('e', 'E');
  const s = x < 0 ? `(${s0})` : s0;
  return { v: x, p: P_ATOM, t: () => s };
}

/** A defined name. */
export function named(name: string, v: number): Expr {
  return { v, p: P_ATOM, t: () => name };
}

/** A cell reference (sheet-qualified when used from another sheet). */
export function ref(sheet: string, row: number, col: number, v: number): Expr {
  const local = a1(row, col);
  const qualified = `${quoteSheet(sheet)}!${local}`;
  return { v, p: P_ATOM, t: (here) => (here === sheet ? local : qualified) };
}

/** A range reference as text (for SUM, SUMIF, SUMPRODUCT, IRR, MATCH, INDEX). */
export function rangeText(sheet: string, r1: number, c1: number, r2: number, c2: number): (here: string) => string {
  const local = `${a1(r1, c1)}:${a1(r2, c2)}`;
  return (here) => (here === sheet ? local : `${quoteSheet(sheet)}!${local}`);
}

function bin(op: string, prec: number, a: Expr, b: Expr, v: number): Expr {
  return { v, p: prec, t: (h) => `${wrap(a, h, a.p < prec)}${op}${wrap(b, h, b.p <= prec)}` };
}

export const add = (a: Expr, b: Expr): Expr => bin('+', P_ADD, a, b, a.v + b.v);
export const sub = (a: Expr, b: Expr): Expr => bin('-', P_ADD, a, b, a.v - b.v);
export const mul = (a: Expr, b: Expr): Expr => bin('*', P_MUL, a, b, a.v * b.v);
export const div = (a: Expr, b: Expr): Expr => bin('/', P_MUL, a, b, a.v / b.v);
export const pow = (a: Expr, b: Expr): Expr => ({ v: Math.pow(a.v, b.v), p: P_POW, t: (h) => `${wrap(a, h, a.p <= P_POW)}^${wrap(b, h, b.p < P_ATOM)}` });
export const neg = (a: Expr): Expr => ({ v: -a.v, p: P_ATOM, t: (h) => `(-${wrap(a, h, a.p < P_ATOM)})` });

/** A function call with a given value. */
export function call(name: string, args: readonly (Expr | ((here: string) => string))[], v: number): Expr {
  return { v, p: P_ATOM, t: (h) => `${name}(${args.map((a) => (typeof a === 'function' ? a(h) : a.t(h))).join(',')})` };
}

export const round0 = (x: Expr): Expr => call('ROUND', [x, lit(0)], roundHalfAway(x.v));
export const max = (a: Expr, b: Expr): Expr => call('MAX', [a, b], Math.max(a.v, b.v));
export const min = (a: Expr, b: Expr): Expr => call('MIN', [a, b], Math.min(a.v, b.v));
export const abs = (a: Expr): Expr => call('ABS', [a], Math.abs(a.v));
const HUNDRED = lit(100);
/** Cent rounding as economics/money.ts cents(): ROUND(x×100, 0)/100. */
export const cents = (x: Expr): Expr => div(round0(mul(x, HUNDRED)), HUNDRED);
/** money.ts mulCents(toCents(x), f)/100: ROUND(ROUND(x×100, 0)×f, 0)/100. */
export const mulCents = (x: Expr, f: Expr): Expr => div(round0(mul(round0(mul(x, HUNDRED)), f)), HUNDRED);
/** (toCents(a) − toCents(b))/100: the remainder of a cent-exact split. */
export const centsDiff = (a: Expr, b: Expr): Expr => div(sub(round0(mul(a, HUNDRED)), round0(mul(b, HUNDRED))), HUNDRED);

/** a₁ + a₂ + … written out (left to right, as a sequential sum), 0 for none. */
export function chain(xs: readonly Expr[]): Expr {
  if (xs.length === 0) return lit(0);
  return xs.slice(1).reduce((acc, x) => add(acc, x), xs[0]!);
}

/** SUM(a, b, …) of expressions (value: sequential sum). */
export function sumOf(xs: readonly Expr[]): Expr {
  if (xs.length === 0) return lit(0);
  if (xs.length === 1) return xs[0]!;
  return call('SUM', xs, xs.reduce((a, x) => a + x.v, 0));
}

function cmp(op: string, a: Expr, b: Expr, v: boolean): Cond {
  return { v, t: (h) => `${wrap(a, h, a.p <= P_CMP)}${op}${wrap(b, h, b.p <= P_CMP)}` };
}
export const gt = (a: Expr, b: Expr): Cond => cmp('>', a, b, a.v > b.v);
export const ge = (a: Expr, b: Expr): Cond => cmp('>=', a, b, a.v >= b.v);
export const le = (a: Expr, b: Expr): Cond => cmp('<=', a, b, a.v <= b.v);
export const iff = (c: Cond, a: Expr, b: Expr): Expr => ({ v: c.v ? a.v : b.v, p: P_ATOM, t: (h) => `IF(${c.t(h)},${a.t(h)},${b.t(h)})` });

/** Quote text for a formula (only the workbook's own fixed words go here, never input text). */
function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------------
// Writing expressions into grids

/** What a formula cell reports to the consistency check. */
export interface EngineValue {
  value: number | null | undefined;
  label: string;
}

/**
 * Write `e` at (row, col). The cached result is the engine's value when given (checked against the
 * formula's own value), otherwise the formula's value. Returns a reference to the cell.
 */
export function put(g: Grid, row: number, col: number, e: Expr, style?: CellStyle, engine?: EngineValue): Expr {
  const hasEngine = engine && typeof engine.value === 'number' && Number.isFinite(engine.value);
  g.setFormula(row, col, e.t(g.name), hasEngine ? engine.value! : e.v, style, e.v);
  if (hasEngine) g.checks.push({ sheet: g.name, address: a1(row, col), label: engine.label, formulaValue: e.v, engineValue: engine.value! });
  return ref(g.name, row, col, e.v);
}

/** Write a constant number and return a reference to it. */
export function putNum(g: Grid, row: number, col: number, x: number, style?: CellStyle): Expr {
  g.set(row, col, x, style);
  return ref(g.name, row, col, x);
}

/** Write a formula whose result is text or a number the expression type cannot compute (IRR, "none"). */
export function putRaw(g: Grid, row: number, col: number, formula: string, result: Scalar, style?: CellStyle, engine?: EngineValue): void {
  g.setFormula(row, col, formula, result, style, typeof result === 'number' ? result : undefined);
  if (engine && typeof engine.value === 'number' && typeof result === 'number') g.checks.push({ sheet: g.name, address: a1(row, col), label: engine.label, formulaValue: result, engineValue: engine.value });
}

// ---------------------------------------------------------------------------------------------
// Assumptions: the inputs the formulas read

/** The named inputs of one evaluation. */
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

  /** A valid, unique name from a prefix, a key (any text) and the evaluation number. */
  make(prefix: string, key: string, n: number): string {
    const clean = key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'x';
    const base = `${prefix}_${clean}_e${n}`;
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
export const ASSUMPTION_HEADER = ['#', 'section', 'item', 'value', 'unit', 'year', 'source', 'defined name (formulas read it)', 'note'];
const AV = 4; // value column

const M = (id: string) => component(id).molarMass_g_per_mol;

/**
 * Write the Assumptions sheet: every input with unit and source, one block per evaluation; the
 * prices, finance inputs, cost factors and CEPCI values are named cells the formulas read.
 */
export function assumptionsSheet(g: Grid, evs: readonly Evaluation[], names: NameBook): Inputs[] {
  g.header(1, 1, ASSUMPTION_HEADER);
  g.freeze = { rows: 1, cols: 3 };
  [4, 14, 46, 16, 10, 7, 60, 30, 50].forEach((w, i) => g.width(i + 1, w));
  let r = 2;
  const out: Inputs[] = [];
  evs.forEach((ev, idx) => {
    const n = idx + 1;
    const m = ev.model;
    const econ = ev.economics;
    const fin = econ.finance;
    const line = (section: string, item: string, value: Scalar, unit: string, year: number | null, source: string, note: string, style?: CellStyle): number => {
      g.set(r, 1, n, fmt(FMT.int));
      g.set(r, 2, section);
      g.set(r, 3, item);
      if (value !== null) g.set(r, AV, value, style);
      g.set(r, 5, unit);
      if (year !== null) g.set(r, 6, year, fmt(FMT.int));
      g.set(r, 7, source);
      g.set(r, 9, note);
      return r++;
    };
    g.set(r, 1, n, fmt(FMT.int, STYLE.section));
    g.set(r, 2, evaluationLabel(ev, idx), STYLE.section);
    r++;
    const plain = plainAssumptions(ev);
    for (const a of plain.filter((x) => x.section !== 'unit parameters')) line(a.section, a.item, a.value, a.unit, null, a.source, a.note);

    const input = (section: string, item: string, value: number, unit: string, year: number | null, source: string, note: string, name: string): Expr => {
      const row = line(section, item, value, unit, year, source, note, STYLE.input);
      g.set(row, 8, name);
      names.bind(name, g, row, AV);
      return named(name, value);
    };

    // ---- prices (derived ones are formulas over the prices they come from)
    const priceExpr = new Map<string, Expr>();
    const used = new Set(econ.pricesUsed.map((p) => p.key));
    const entries = Object.values(m.prices.items).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const priceNames = new Map(entries.map((e) => [e.key, names.make('price', e.key, n)]));
    const derivedOf = (key: string): ((get: (k: string) => Expr) => Expr) | undefined => {
      const items = m.prices.items;
      const e = items[key]!;
      if (e.origin !== 'derived') return undefined;
      if (key === 'LiOH·H2O' && items.LiOH && items.LiOH.origin !== 'derived') return (get) => mul(get('LiOH'), lit(M('LiOH') / M('LiOH·H2O')));
      if (key === 'LiOH' && items['LiOH·H2O'] && items['LiOH·H2O'].origin !== 'derived') return (get) => mul(get('LiOH·H2O'), lit(M('LiOH·H2O') / M('LiOH')));
      if (key === 'steam' && items['natural-gas'] && items['boiler-efficiency']) return (get) => div(get('natural-gas'), get('boiler-efficiency'));
      if (key === 'metal.Li' && items.Li2CO3) return (get) => mul(get('Li2CO3'), lit(M('Li2CO3') / (2 * ATOMIC_WEIGHT_G_PER_MOL.Li)));
      return undefined;
    };
    const pending: { key: string; row: number }[] = [];
    for (const e of entries) {
      const name = priceNames.get(e.key)!;
      const note = `given: ${e.given}; origin: ${e.origin}${e.setId ? ` (set ${e.setId})` : ''}; ${used.has(e.key) ? 'used by this run' : 'not used by this run'}`;
      if (derivedOf(e.key)) {
        const row = line('prices', e.key, null, e.unit, e.year, e.source, note);
        g.set(row, 8, name);
        pending.push({ key: e.key, row });
      } else {
        priceExpr.set(e.key, input('prices', e.key, e.value, e.unit, e.year, e.source, note, name));
      }
    }
    for (const p of pending) {
      const e = m.prices.items[p.key]!;
      const x = derivedOf(p.key)!((k) => priceExpr.get(k)!);
      put(g, p.row, AV, x, STYLE.text, { value: e.value, label: `derived price ${p.key}` });
      names.bind(priceNames.get(p.key)!, g, p.row, AV);
      priceExpr.set(p.key, named(priceNames.get(p.key)!, x.v));
    }

    // ---- CEPCI values used by the equipment costs
    const cepciExpr = new Map<number, Expr>();
    const years = [...new Set([econ.capex.cepciYear, ...econ.capex.equipment.map((e) => e.cepciRefYear)])].sort((a, b) => a - b);
    for (const y of years) {
      const v = cepciOf(y, fin.cepci);
      if (v === undefined) continue;
      cepciExpr.set(y, input('CEPCI', `CEPCI ${y}${y === econ.capex.cepciYear ? ' (cost year of the price set)' : ''}`, v, 'index', y, cepciSource(y, fin.cepci), 'escalates equipment costs: C(year) = C(ref) × CEPCI(year)/CEPCI(ref)', names.make('cepci', String(y), n)));
    }

    // ---- finance inputs
    const src = (k: string) => fin.sources[k] ?? '';
    const structural = 'shown for audit; structural (re-run regenflow to change it)';
    line('finance', 'capexMethod', fin.capexMethod, '', null, src('capexMethod'), `${fin.presetLabel}; ${structural}`);
    const finExpr: Record<string, Expr> = {
      discountRate: input('finance', 'discountRate', fin.discountRate, 'fraction', null, src('discountRate'), 'NPV, IRR guess, minimum selling price, levelised cost', names.make('fin', 'discountRate', n)),
      taxRate: input('finance', 'taxRate', fin.taxRate, 'fraction', null, src('taxRate'), `losses: ${fin.losses}`, names.make('fin', 'taxRate', n)),
      salvage: input('finance', 'salvage', fin.salvageFraction, 'fraction of depreciable capital', null, src('salvage'), 'taxable salvage at the end of life; land recovered at cost', names.make('fin', 'salvage', n)),
    };
    if (fin.workingCapitalOfFci !== null) finExpr.workingCapitalOfFci = input('finance', 'workingCapitalOfFci', fin.workingCapitalOfFci, 'fraction of fixed capital', null, src('workingCapitalOfFci'), 'replaces the preset working-capital rule', names.make('fin', 'workingCapitalOfFci', n));
    const construction = fin.construction.map((s, i) => input('finance', `construction year ${i + 1} share`, s, 'fraction of fixed capital', null, src('construction'), i === fin.construction.length - 1 ? 'the last construction year takes the remainder of the fixed capital' : '', names.make('fin', `construction_${i + 1}`, n)));
    const ramp = fin.rampUp.map((s, i) => input('finance', `ramp-up operating year ${i + 1} output share`, s, 'fraction of full output', null, src('rampUp'), 'revenue and variable costs scale; fixed costs do not', names.make('fin', `rampUp_${i + 1}`, n)));
    line('finance', 'life', fin.lifeYears, 'yr', null, src('life'), structural);
    line('finance', 'depreciation', fin.depreciation, '', null, src('depreciation'), structural);
    line('finance', 'depreciation period (straight line)', fin.depreciationYears, 'yr', null, src('depreciationPeriod') || src('life'), structural);
    line('finance', 'losses', fin.losses, '', null, src('losses'), structural);
    line('finance', 'operatingDays', fin.operatingDaysPerYear, 'd/yr', null, src('operatingDays'), `operator hours (a quantity on OPEX); ${structural}`);
    line('finance', 'shiftLength', fin.shiftLengthH, 'h', null, src('shiftLength'), `operator hours (a quantity on OPEX); ${structural}`);
    for (const x of fin.excluded) line('finance', 'left out of the preset', x, '', null, fin.presetLabel, '');

    // ---- cost factors
    const capf = new Map<string, Expr>();
    for (const f of fin.capitalFactors) capf.set(f.id, input('capital-cost factors', `${f.id}: ${f.label}`, f.value, f.unit ?? 'fraction', null, f.source, `basis: ${f.basis}; default ${f.defaultValue}${f.overridden ? ' (overridden)' : ''}`, names.make('capf', f.id, n)));
    const opf = new Map<string, Expr>();
    for (const f of fin.operatingFactors) opf.set(f.id, input('operating-cost factors', `${f.id}: ${f.label}`, f.value, 'fraction', null, f.source, `basis: ${f.basis}; ${f.variable ? 'variable' : 'fixed'}; default ${f.defaultValue}${f.overridden ? ' (overridden)' : ''}`, names.make('opf', f.id, n)));

    // ---- unit parameters
    for (const a of plain.filter((x) => x.section === 'unit parameters')) line(a.section, a.item, a.value, a.unit, null, a.source, a.note);
    r++;

    const must = <T>(map: Map<string | number, T>, k: string | number, what: string): T => {
      const v = map.get(k);
      if (v === undefined) throw new Error(`internal: the workbook has no ${what} "${k}"`);
      return v;
    };
    out.push({
      index: idx,
      price: (k) => must(priceExpr as Map<string | number, Expr>, k, 'price'),
      hasPrice: (k) => priceExpr.has(k),
      fin: (f) => must(new Map(Object.entries(finExpr)), f, 'finance input'),
      construction: (i) => construction[i]!,
      rampUp: (k) => ramp[k] ?? lit(1),
      capf: (id) => must(capf as Map<string | number, Expr>, id, 'capital factor'),
      opf: (id) => must(opf as Map<string | number, Expr>, id, 'operating factor'),
      cepci: (y) => must(cepciExpr as Map<string | number, Expr>, y, 'CEPCI year'),
    });
  });
  g.autoFilter = `A1:${colName(ASSUMPTION_HEADER.length)}${Math.max(2, r - 1)}`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Equipment: purchase and installed cost as formulas

/** Where an evaluation's purchased-equipment costs are. */
export interface EquipmentRefs {
  /** Purchase-cost cells of the evaluation (for Σ). */
  purchase: Expr[];
  rows: [number, number] | null;
  purchaseCol: number;
}

const EQ_COST_HEADER = ['reference cost (USD)', 'reference size', 'exponent (–)', 'fixed cost (USD)', 'material factor (–)', 'item cost, reference year (USD)', 'CEPCI reference year', 'CEPCI (reference year)', 'CEPCI year', 'CEPCI (cost year)', 'regional factor (–)', 'purchase cost, all items (USD)', 'installation factor (–)', 'installed cost (USD)', 'size within correlation range', 'valid size range', 'cost source'];

/** Write the Equipment sheet; returns per evaluation the purchase-cost cells. */
export function equipmentSheet(g: Grid, evs: readonly Evaluation[], inputs: readonly Inputs[]): EquipmentRefs[] {
  const head = ['#', ...EQUIPMENT_HEADER, ...EQ_COST_HEADER];
  g.header(1, 1, head);
  g.freeze = { rows: 1, cols: 3 };
  head.forEach((h, i) => g.width(i + 1, Math.min(24, Math.max(8, h.length * 0.7))));
  g.width(4, 36);
  g.width(head.length, 50);
  const D = 2; // first description column
  const C = D + EQUIPMENT_HEADER.length; // first cost column
  const sizeCol = D + EQUIPMENT_HEADER.indexOf('size (per item)');
  const countCol = D + EQUIPMENT_HEADER.indexOf('count');
  let r = 2;
  const out: EquipmentRefs[] = [];
  evs.forEach((ev, idx) => {
    const inp = inputs[idx]!;
    const econ = ev.economics;
    const costRows = new Map(econ.capex.equipment.map((e) => [`${e.unitId}.${e.name}`, e]));
    const purchase: Expr[] = [];
    const first = r;
    const regional = econ.capex.equipment.length > 0 && inp.hasPrice('equipment-cost-factor') ? inp.price('equipment-cost-factor') : lit(1);
    for (const d of equipmentDescription(ev)) {
      g.set(r, 1, idx + 1, fmt(FMT.int));
      d.cells.forEach((v, j) => { if (v !== null) g.set(r, D + j, v, EQUIPMENT_FORMATS[j] ? fmt(EQUIPMENT_FORMATS[j]!) : undefined); });
      const c = costRows.get(d.key);
      if (c) {
        const refCost = putNum(g, r, C, c.refCostUsd, fmt(FMT.usd));
        const refSize = putNum(g, r, C + 1, c.refSize, fmt(FMT.num));
        const expo = putNum(g, r, C + 2, c.exponent, fmt(FMT.num));
        const fixed = putNum(g, r, C + 3, c.fixedCostUsd, fmt(FMT.usd));
        const material = putNum(g, r, C + 4, c.materialFactor, fmt(FMT.num));
        const size = ref(g.name, r, sizeCol, c.size);
        const scaled = c.exponent === 0 ? refCost : mul(refCost, pow(div(size, refSize), expo));
        const item = put(g, r, C + 5, mul(add(scaled, fixed), material), fmt(FMT.usd), { value: c.itemCostRefYearUsd, label: `${d.key} item cost` });
        g.set(r, C + 6, c.cepciRefYear, fmt(FMT.int));
        const cRef = put(g, r, C + 7, inp.cepci(c.cepciRefYear), fmt(FMT.num));
        g.set(r, C + 8, c.cepciYear, fmt(FMT.int));
        const cNow = put(g, r, C + 9, inp.cepci(c.cepciYear), fmt(FMT.num));
        const reg = put(g, r, C + 10, regional, fmt(FMT.num), { value: c.regionalFactor, label: 'regional factor' });
        const count = ref(g.name, r, countCol, c.count);
        const p = put(g, r, C + 11, cents(mul(mul(mul(item, div(cNow, cRef)), count), reg)), fmt(FMT.usd), { value: c.purchaseCostUsd, label: `${d.key} purchase cost` });
        purchase.push(p);
        const inst = putNum(g, r, C + 12, c.installationFactor, fmt(FMT.num));
        put(g, r, C + 13, cents(mul(p, inst)), fmt(FMT.usd), { value: c.installedCostUsd, label: `${d.key} installed cost` });
        g.set(r, C + 14, c.inRange ? 'yes' : 'no (extrapolated)');
        g.set(r, C + 15, `${c.minSize}–${c.maxSize} ${c.sizeUnit}`);
        g.set(r, C + 16, c.source);
      }
      r++;
    }
    out.push({ purchase, rows: r > first ? [first, r - 1] : null, purchaseCol: C + 11 });
  });
  g.autoFilter = `A1:${colName(head.length)}${Math.max(2, r - 1)}`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The economics of one evaluation: capital (Cash flow sheet), OPEX and revenue (OPEX sheet),
// working capital, cash flow, KPIs, minimum selling price, environment (Cash flow sheet)

/** Cells the Summary reads for one evaluation. */
export interface EconomicsRefs {
  fci: Expr;
  tci: Expr;
  opexTotal: Expr;
  revenueTotal: Expr;
  inSpecKg: Expr;
  npv: Expr;
  /** Cells holding text when the KPI does not exist: (sheet, row, col). */
  irr: { sheet: string; row: number; col: number; value: number | null };
  payback: { sheet: string; row: number; col: number; value: number | null };
  lcoe: { sheet: string; row: number; col: number; value: number | null };
  msp: { sheet: string; row: number; col: number; value: number | null };
  energy: { sheet: string; row: number; col: number; value: number | null };
  ghg: { sheet: string; row: number; col: number; value: number | null };
  water: { sheet: string; row: number; col: number; value: number | null };
  capitalPerKg: { sheet: string; row: number; col: number; value: number | null };
  /** OPEX rows of the evaluation (for SUMIF by category). */
  opexRows: [number, number];
  categoryCol: number;
  usdCol: number;
}

/** Columns of the OPEX sheet. */
export const OPEX_HEADER = ['#', 'section', 'line id', 'line', 'category', 'variable or fixed', 'quantity per year', 'quantity unit', 'unit price or factor', 'price unit', 'amount (USD/yr)', 'basis and notes'];
const O = { eval: 1, section: 2, id: 3, label: 4, cat: 5, vf: 6, qty: 7, qunit: 8, price: 9, punit: 10, usd: 11, note: 12 } as const;

/** Cash-flow table columns. */
const CF_HEADER = ['year', 'phase', 'operating year', 'output share (–)', 'in-spec product (kg)', 'capital (USD)', 'working capital (USD)', 'revenue (USD)', 'variable operating cost (USD)', 'fixed operating cost (USD)', 'operating cost (USD)', 'depreciation fraction (–)', 'depreciation (USD)', 'salvage (USD)', 'taxable income (USD)', 'loss carried forward (USD)', 'tax (USD)', 'net cash flow (USD)', 'cumulative cash flow (USD)', 'discount factor (–)', 'present value (USD)', 'cumulative present value (USD)', 'levelised-cost flow: capital + working capital − salvage + operating cost (USD)', 'payback reached (1 = yes)', 'payback if first reached this year (yr)'];
const CF = { year: 1, phase: 2, opYear: 3, phi: 4, kg: 5, capex: 6, wc: 7, rev: 8, vopex: 9, fopex: 10, opex: 11, depFrac: 12, dep: 13, salvage: 14, taxable: 15, pool: 16, tax: 17, net: 18, cum: 19, df: 20, pv: 21, cumPv: 22, lcFlow: 23, reached: 24, candidate: 25 } as const;

/** Layout state of the two sheets the economics write to. */
export interface EconomicsSheets {
  opex: Grid;
  cash: Grid;
  opexRow: number;
  cashRow: number;
}

/** Prepare the OPEX and Cash flow sheets (headers, widths, frozen panes). */
export function economicsSheets(opex: Grid, cash: Grid): EconomicsSheets {
  opex.header(1, 1, OPEX_HEADER);
  opex.freeze = { rows: 1, cols: 4 };
  [4, 16, 26, 40, 14, 10, 18, 10, 16, 10, 18, 70].forEach((w, i) => opex.width(i + 1, w));
  cash.set(1, 1, 'Capital, working capital, cash flow, KPIs, minimum selling price and environment — live formulas over Assumptions (one block per evaluation)', STYLE.subtitle);
  cash.freeze = { rows: 1, cols: 2 };
  cash.width(1, 44);
  cash.width(2, 16);
  for (let c = 3; c <= CF_HEADER.length; c++) cash.width(c, 17);
  cash.width(6, 20);
  return { opex, cash, opexRow: 2, cashRow: 3 };
}

const chemName = (c: string): string => chemistryByName(c)?.name ?? c;

/** A number for notes (7 significant digits). */
const sig = (x: number): string => String(Number(x.toPrecision(7)));

/** Write the economics of evaluation `idx`; returns the cells the Summary reads. */
export function economicsBlock(s: EconomicsSheets, ev: Evaluation, idx: number, inp: Inputs, eq: EquipmentRefs): EconomicsRefs {
  const econ = ev.economics;
  const fin = econ.finance;
  const capex = econ.capex;
  const cg = s.cash;
  const og = s.opex;
  const label = evaluationLabel(ev, idx);
  const V = (value: number | null | undefined, l: string): EngineValue => ({ value, label: `${label}: ${l}` });

  // =========================================== capital (Cash flow sheet)
  let r = s.cashRow;
  cg.set(r, 1, label, STYLE.title);
  r++;
  cg.set(r, 1, `${ev.model.name} — ${ev.model.flowsheet.name}`, STYLE.subtitle);
  r += 2;
  cg.set(r, 1, `Capital cost (${fin.presetLabel}; USD of ${capex.cepciYear})`, STYLE.section);
  r++;
  cg.header(r, 1, ['item', 'factor (–)', 'basis', 'basis (USD)', 'amount (USD)', 'source']);
  r++;
  const capLine = (lbl: string, factor: Expr | null, basisText: string, basis: Expr | null, amount: Expr, engine: number, source: string, style?: CellStyle): Expr => {
    cg.set(r, 1, lbl, style);
    if (factor) put(cg, r, 2, factor, fmt(FMT.num));
    cg.set(r, 3, basisText);
    if (basis) put(cg, r, 4, basis, fmt(FMT.usd));
    const e = put(cg, r, 5, amount, fmt(FMT.usd, style), V(engine, lbl));
    cg.set(r, 6, source);
    r++;
    return e;
  };
  const lineOf = (id: string) => capex.lines.find((l) => l.id === id);
  const pecLine = lineOf('purchased-equipment')!;
  // Totals the engine forms with sumUsd (exact decimal sums of cents) are cents(SUM(…)): the same double.
  const pecExpr = eq.rows ? cents(call('SUM', [rangeText('Equipment', eq.rows[0], eq.purchaseCol, eq.rows[1], eq.purchaseCol)], eq.purchase.reduce((a, x) => a + x.v, 0))) : lit(0);
  const pec = capLine('purchased equipment (Σ Equipment sheet)', null, 'Σ equipment', null, pecExpr, capex.purchasedEquipmentUsd, pecLine.source, { bold: true });
  const factorLine = (id: string, basisText: string, basis: Expr): Expr => {
    const l = lineOf(id)!;
    const f = inp.capf(id);
    // capex.ts line(): cents(basisUsd × factor)
    return capLine(l.label, f, basisText, basis, cents(mul(basis, f)), l.usd, l.source);
  };
  let fci: Expr;
  let land: Expr = lit(0);
  let buildings: Expr = lit(0);
  let isbl: Expr;
  let osbl: Expr = lit(0);
  const sub1 = (lbl: string, e: Expr, engine: number | undefined): Expr => capLine(lbl, null, '', null, e, engine ?? e.v, '', STYLE.total);
  switch (fin.capexMethod) {
    case 'towler-sinnott': {
      const ids = ['erection', 'piping', 'instrumentation', 'electrical', 'civil', 'structures', 'lagging'];
      const ls = ids.map((id) => factorLine(id, 'PEC', pec));
      isbl = sub1('ISBL = PEC + Σ lines above', cents(sumOf([pec, ...ls])), capex.isblUsd);
      osbl = factorLine('osbl', 'ISBL', isbl);
      const io = sub1('ISBL + OSBL', cents(add(isbl, osbl)), capex.subtotals.isblPlusOsblUsd);
      const de = factorLine('design-engineering', 'ISBL + OSBL', io);
      const cont = factorLine('contingency', 'ISBL + OSBL', io);
      fci = sub1('fixed capital investment (FCI)', cents(sumOf([io, de, cont])), capex.fixedCapitalUsd);
      buildings = ls[ids.indexOf('structures')]!;
      break;
    }
    case 'peters': {
      const ids = ['installation', 'instrumentation', 'piping', 'electrical', 'buildings', 'service-facilities', 'land'];
      const ls = ids.map((id) => factorLine(id, 'PEC', pec));
      const dc = sub1('direct cost = PEC + Σ lines above', cents(sumOf([pec, ...ls])), capex.subtotals.directCostUsd);
      const eng = factorLine('engineering', 'direct cost', dc);
      const con = factorLine('construction', 'direct cost', dc);
      const ic = sub1('indirect cost', cents(add(eng, con)), capex.subtotals.indirectCostUsd);
      const dcic = sub1('direct + indirect cost', cents(add(dc, ic)), undefined);
      const l = lineOf('contingency')!;
      const c = inp.capf('contingency');
      // capex.ts: cents((dcic × c)/(1 − c))
      const cont = capLine(l.label, c, 'direct + indirect cost × c/(1 − c)', dcic, cents(div(mul(dcic, c), sub(lit(1), c))), l.usd, l.source);
      fci = sub1('fixed capital investment (FCI)', cents(add(dcic, cont)), capex.fixedCapitalUsd);
      land = ls[ids.indexOf('land')]!;
      buildings = ls[ids.indexOf('buildings')]!;
      isbl = sub1('ISBL (FCI − land)', cents(sub(fci, land)), capex.isblUsd);
      break;
    }
    case 'lang': {
      const l = lineOf('lang')!;
      const f = inp.capf('lang');
      const lineE = capLine(l.label, f, 'PEC × (Lang − 1)', pec, cents(mul(pec, sub(f, lit(1)))), l.usd, l.source);
      fci = sub1('fixed capital investment (FCI)', cents(add(pec, lineE)), capex.fixedCapitalUsd);
      isbl = fci;
      break;
    }
  }
  const landE = fin.capexMethod === 'peters' ? sub1('land (not depreciated; recovered at the end)', land, capex.landUsd) : (() => { cg.set(r, 1, 'land (none in this preset)'); return putNum(cg, r++, 5, 0, fmt(FMT.usd)); })();
  const dep = sub1('depreciable capital (FCI − land)', cents(sub(fci, landE)), capex.depreciableCapitalUsd);
  const bpl = sub1('buildings + land (rent basis)', cents(add(buildings, landE)), capex.buildingsUsd + capex.landUsd);
  const salvageTaxable = sub1('taxable salvage = salvage share × depreciable capital (cent-exact)', mulCents(dep, inp.fin('salvage')), undefined);
  r++;

  // =========================================== OPEX and revenue (OPEX sheet)
  let o = s.opexRow;
  const opexFirst = o;
  og.set(o, 1, idx + 1, fmt(FMT.int, STYLE.section));
  og.set(o, 2, label, STYLE.section);
  o++;
  const lines = new Map<string, Expr>();
  const ofmt = (q: string) => fmt(q === 'kWh' || q === 'kg' || q === 'h' ? FMT.kgYr : FMT.num);
  const writeLine = (section: string, line: MoneyLine, qty: Expr | number | null, qtyUnit: string, price: Expr | null, priceUnit: string, usd: Expr, note: string): Expr => {
    og.set(o, O.eval, idx + 1, fmt(FMT.int));
    og.set(o, O.section, section);
    og.set(o, O.id, line.id);
    og.set(o, O.label, line.label);
    og.set(o, O.cat, line.category);
    og.set(o, O.vf, line.variable ? 'variable' : 'fixed');
    if (typeof qty === 'number') og.set(o, O.qty, qty, ofmt(qtyUnit));
    else if (qty) put(og, o, O.qty, qty, fmt(FMT.usd));
    og.set(o, O.qunit, qtyUnit);
    if (price) put(og, o, O.price, price, fmt(FMT.num));
    og.set(o, O.punit, priceUnit);
    const e = put(og, o, O.usd, usd, fmt(FMT.usd), V(line.usd, `${section} ${line.id}`));
    og.set(o, O.note, note);
    o++;
    lines.set(line.id, e);
    return e;
  };
  const qtyCell = (v: number) => ref(og.name, o, O.qty, v);
  const directLines = econ.opex.items.filter((i) => !i.id.startsWith('factor.'));
  const input = ev.economicsInput;
  const feedLot = new Map(input.feedLots.map((l) => [`feed.${l.id}`, l]));
  const directExprs: { line: MoneyLine; e: Expr }[] = [];
  const directFirst = o;
  for (const line of directLines) {
    let e: Expr;
    const lot = feedLot.get(line.id);
    if (line.factor !== undefined && lot) {
      // Feed purchase rule: payable fraction × (Ni kg × metal.Ni + Co kg × metal.Co)
      const terms: Expr[] = [];
      const ni = lot.elementsKgPerYear.Ni ?? 0;
      const co = lot.elementsKgPerYear.Co ?? 0;
      if (ni > 0) terms.push(mul(lit(ni), inp.price('metal.Ni')));
      if (co > 0) terms.push(mul(lit(co), inp.price('metal.Co')));
      const value = mul(inp.price('feed-payable-fraction'), chain(terms));
      const q = qtyCell(line.quantity!);
      e = writeLine('operating cost', line, line.quantity!, 'kg', div(value, q), 'USD/kg (derived)', cents(value), `feed-payable-fraction × (Ni ${sig(ni)} kg × metal.Ni + Co ${sig(co)} kg × metal.Co); ${line.note ?? ''}`);
    } else if (line.priceKey && line.quantity !== undefined && inp.hasPrice(line.priceKey)) {
      const price = inp.price(line.priceKey);
      e = writeLine('operating cost', line, line.quantity, line.quantityUnit ?? '', price, `${line.priceUnit ?? ''} (${line.priceKey})`, cents(mul(qtyCell(line.quantity), price)), line.basis ?? '');
    } else {
      e = writeLine('operating cost', line, line.quantity ?? null, line.quantityUnit ?? '', null, '', lit(line.usd), 'engine value (no formula: unknown line shape)');
    }
    directExprs.push({ line, e });
  }
  // Factor lines, in the engine's order: non-cash factors in preset order, then the cash-cost ones.
  const labourLine = lines.get('labour.operators') ?? lit(0);
  const materialsTerms = directExprs.filter((d) => d.line.category === 'reagents' || d.line.category === 'feed').map((d) => (d.line.category === 'feed' ? max(lit(0), d.e) : d.e));
  const factorRows = fin.operatingFactors;
  const cashFactors = factorRows.filter((f) => f.basis === 'cash-cost');
  const nonCash = factorRows.filter((f) => f.basis !== 'cash-cost');
  const revenueItems = econ.revenue.items;
  // Rows reserved below the lines for subtotals the factors read: fill them in after.
  const factorLineOf = (f: OperatingFactorRow) => econ.opex.items.find((i) => i.id === `factor.${f.id}`);
  const nLines = directLines.length + factorRows.filter((f) => factorLineOf(f)).length;
  const linesLast = directFirst + nLines - 1;
  const subRow = {
    direct: linesLast + 1, directVar: linesLast + 2, directFixed: linesLast + 3, labour: linesLast + 4, materials: linesLast + 5,
    before: linesLast + 6, cash: linesLast + 7, total: linesLast + 8, fixed: linesLast + 9, variable: linesLast + 10,
  };
  const revFirst = subRow.variable + 2;
  const revLast = revFirst + revenueItems.length - 1;
  const revTotalRow = revLast + 1;
  const inSpecRevRow = revLast + 2;
  const inSpecKgRow = revLast + 3;
  // Float sums the engine forms sequentially (opex.ts directTotals) are written out as a + b + …
  const dTotalE = chain(directExprs.map((d) => d.e));
  const dTotal = ref(og.name, subRow.direct, O.usd, dTotalE.v);
  const materialsFloatE = chain(materialsTerms);
  const materialsFloat = ref(og.name, subRow.materials, O.qty, materialsFloatE.v);
  const materials = ref(og.name, subRow.materials, O.usd, roundHalfAway(materialsFloatE.v * 100) / 100);
  const revenueTotalV = revenueItems.reduce((a, i) => a + i.usd, 0);
  const revTotal = ref(og.name, revTotalRow, O.usd, econ.revenue.totalUsd);
  const bases = (f: OperatingFactorRow, sup: Expr, maint: Expr, revenue: Expr): Expr => {
    switch (f.basis) {
      case 'labour': return labourLine;
      case 'labour+supervision': return add(labourLine, sup);
      case 'labour+supervision+maintenance': return add(add(labourLine, sup), maint);
      case 'maintenance': return maint;
      case 'materials': return materialsFloat;
      case 'fci': return fci;
      case 'isbl': return isbl;
      case 'isbl+osbl': return add(isbl, osbl);
      case 'buildings+land': return bpl;
      case 'revenue': return revenue;
      case 'cash-cost': throw new Error('internal: cash-cost basis');
    }
  };
  let sup: Expr = lit(0);
  let maint: Expr = lit(0);
  const nonCashExprs: Expr[] = [];
  for (const f of nonCash) {
    const line = factorLineOf(f);
    if (!line) continue;
    const basis = bases(f, sup, maint, revTotal);
    const factor = inp.opf(f.id);
    const bRef = ref(og.name, o, O.qty, basis.v);
    // opex.ts factorCosts(): r(f.value × basisUsd)
    const e = writeLine('operating cost', line, basis, `USD (${f.basis})`, factor, 'fraction', cents(mul(factor, bRef)), `${f.label}: ${f.value} × ${f.basis}`);
    if (f.id === 'supervision') sup = e;
    else if (f.id === 'maintenance') maint = e;
    nonCashExprs.push(e);
  }
  const before = ref(og.name, subRow.before, O.usd, chain([dTotal, ...nonCashExprs]).v);
  const cashSumE = chain(cashFactors.map((f) => inp.opf(f.id)));
  const cashBase = div(max(lit(0), before), sub(lit(1), cashSumE));
  const cashCost = ref(og.name, subRow.cash, O.usd, cashBase.v);
  for (const f of cashFactors) {
    const line = factorLineOf(f);
    if (!line) continue;
    const factor = inp.opf(f.id);
    const bRef = ref(og.name, o, O.qty, cashCost.v);
    writeLine('operating cost', line, cashCost, 'USD (cash cost of production)', factor, 'fraction', cents(mul(factor, bRef)), `${f.label}: ${f.value} × cash cost of production`);
  }
  if (o - 1 !== linesLast) throw new Error(`internal: OPEX layout (${o - 1} ≠ ${linesLast})`);
  // Subtotals.
  const subLine = (row: number, lbl: string, e: Expr, engine: number | undefined, note = ''): Expr => {
    og.set(row, O.eval, idx + 1, fmt(FMT.int));
    og.set(row, O.section, 'subtotal');
    og.set(row, O.label, lbl, STYLE.total);
    const x = put(og, row, O.usd, e, fmt(FMT.usd, STYLE.total), engine === undefined ? undefined : V(engine, lbl));
    og.set(row, O.note, note);
    return x;
  };
  const rng = (r1: number, r2: number, c: number) => rangeText(og.name, r1, c, r2, c);
  const sumifV = (want: (l: MoneyLine) => boolean, items: { line: MoneyLine; e: Expr }[]) => items.filter((d) => want(d.line)).reduce((a, d) => a + d.e.v, 0);
  const allItems = [...directExprs, ...[...nonCash, ...cashFactors].map((f) => factorLineOf(f)).filter((l): l is MoneyLine => !!l).map((l) => ({ line: l, e: lines.get(l.id)! }))];
  subLine(subRow.direct, 'direct operating costs', dTotalE, undefined, 'Σ lines that are quantity × price (summed in line order, as the engine)');
  const dVar = subLine(subRow.directVar, 'direct costs, variable', chain(directExprs.filter((d) => d.line.variable).map((d) => d.e)), undefined);
  const dFix = subLine(subRow.directFixed, 'direct costs, fixed', chain(directExprs.filter((d) => !d.line.variable).map((d) => d.e)), undefined);
  const labour = subLine(subRow.labour, 'operating labour (basis of labour factors)', labourLine, undefined);
  subLine(subRow.materials, 'materials: feed bought + reagents (cent-exact: working capital; quantity column: the materials factors\' basis)', cents(materialsFloat), econ.opex.materialsUsd, 'feed lines count only when positive (paid)');
  put(og, subRow.materials, O.qty, materialsFloatE, fmt(FMT.usd));
  subLine(subRow.before, 'costs before the cash-cost factors', chain([dTotal, ...nonCashExprs]), undefined);
  subLine(subRow.cash, 'cash cost of production (basis of the cash-cost factors)', cashBase, undefined, `= max(0, costs before) / (1 − Σ cash-cost factors)`);
  const totalE = subLine(subRow.total, 'operating cost total', cents(call('SUM', [rng(directFirst, linesLast, O.usd)], allItems.reduce((a, d) => a + d.e.v, 0))), econ.opex.totalUsd);
  const fixedE = subLine(subRow.fixed, 'operating cost, fixed', cents(call('SUMIF', [rng(directFirst, linesLast, O.vf), () => str('fixed'), rng(directFirst, linesLast, O.usd)], sumifV((l) => !l.variable, allItems))), econ.opex.fixedUsd);
  const variableE = subLine(subRow.variable, 'operating cost, variable', cents(sub(totalE, fixedE)), econ.opex.variableUsd);
  void labour;
  // Revenue lines.
  o = revFirst;
  const inSpecAgg = new Map<string, number>();
  for (const p of input.products.inSpec) inSpecAgg.set(chemName(p.chemistry), (inSpecAgg.get(chemName(p.chemistry)) ?? 0) + p.kgPerYear);
  const offAgg = new Map<string, { kg: number; el: Record<string, number> }>();
  for (const p of input.products.offSpec) {
    const k = chemName(p.chemistry);
    const acc = offAgg.get(k) ?? { kg: 0, el: {} };
    acc.kg += p.kgPerYear;
    for (const [e, v] of Object.entries(p.elementsKgPerYear)) acc.el[e] = (acc.el[e] ?? 0) + v;
    offAgg.set(k, acc);
  }
  for (const line of revenueItems) {
    if (line.id.startsWith('cam.') && line.quantity !== undefined) {
      const chem = line.id.slice(4);
      const direct = `regenerated.${chem}`;
      // issue 11: the price follows the capacity ratio (economics/opex.ts inSpecPrice)
      const ratio = lit(line.factor ?? 1);
      const price = line.priceKey === direct ? mul(inp.price(direct), ratio) : mul(min(lit(1), mul(inp.price('quality-factor'), ratio)), inp.price(`cam.${chem}`));
      writeLine('revenue', line, line.quantity, 'kg', price, 'USD/kg', cents(mul(qtyCell(line.quantity), price)), line.basis ?? '');
    } else if (line.id.startsWith('offspec.') && offAgg.has(line.id.slice(8))) {
      const agg = offAgg.get(line.id.slice(8))!;
      const terms: Expr[] = [];
      const parts: string[] = [];
      for (const el of OFFSPEC_METALS) {
        const kg = agg.el[el] ?? 0;
        if (kg <= 0) continue;
        terms.push(mul(lit(kg), inp.price(`metal.${el}`)));
        parts.push(`${el} ${sig(kg)} kg × metal.${el}`);
      }
      const value = mul(inp.price('offspec-payable-fraction'), chain(terms));
      writeLine('revenue', line, line.quantity!, 'kg', div(value, lit(line.quantity!)), 'USD/kg (derived)', cents(value), `offspec-payable-fraction × (${parts.join(' + ')})`);
    } else if (line.priceKey && line.quantity !== undefined && inp.hasPrice(line.priceKey)) {
      const price = inp.price(line.priceKey);
      writeLine('revenue', line, line.quantity, line.quantityUnit ?? '', price, `${line.priceUnit ?? ''} (${line.priceKey})`, cents(mul(qtyCell(line.quantity), price)), line.basis ?? '');
    } else {
      writeLine('revenue', line, line.quantity ?? null, line.quantityUnit ?? '', null, '', lit(line.usd), 'engine value (no formula: unknown line shape)');
    }
  }
  const revItems = revenueItems.map((l) => ({ line: l, e: lines.get(l.id)! }));
  const revTotalE = subLine(revTotalRow, 'revenue total', revenueItems.length ? cents(call('SUM', [rng(revFirst, revLast, O.usd)], revItems.reduce((a, d) => a + d.e.v, 0))) : lit(0), econ.revenue.totalUsd);
  void revenueTotalV;
  void revTotalE;
  const inSpecRev = subLine(inSpecRevRow, 'revenue from in-spec product', revenueItems.length ? cents(call('SUMIF', [rng(revFirst, revLast, O.cat), () => str('in-spec'), rng(revFirst, revLast, O.usd)], sumifV((l) => l.category === 'in-spec', revItems))) : lit(0), undefined);
  const productKgV = input.products.inSpec.reduce((a, p) => a + p.kgPerYear, 0);
  og.set(inSpecKgRow, O.eval, idx + 1, fmt(FMT.int));
  og.set(inSpecKgRow, O.section, 'subtotal');
  og.set(inSpecKgRow, O.label, 'in-spec product at full output (kg/yr)', STYLE.total);
  const inSpecKg = put(og, inSpecKgRow, O.qty, revenueItems.length ? call('SUMIF', [rng(revFirst, revLast, O.cat), () => str('in-spec'), rng(revFirst, revLast, O.qty)], productKgV) : lit(0), fmt(FMT.kgYr, STYLE.total), V(productKgV, 'in-spec product'));
  og.set(inSpecKgRow, O.qunit, 'kg');
  s.opexRow = inSpecKgRow + 3;

  // =========================================== working capital (Cash flow sheet)
  cg.set(r, 1, 'Working capital', STYLE.section);
  r++;
  cg.header(r, 1, ['item', 'factor', 'basis', 'basis (USD)', 'amount (USD)', 'rule']);
  r++;
  const wcEng = econ.workingCapital;
  let wc: Expr;
  const wcRule = wcEng.rule;
  if (fin.workingCapitalOfFci !== null) {
    wc = capLine('working capital', inp.fin('workingCapitalOfFci'), 'share × FCI', fci, cents(mul(fci, inp.fin('workingCapitalOfFci'))), wcEng.usd, wcRule, STYLE.total);
  } else if (fin.capexMethod === 'towler-sinnott') {
    const wk = inp.capf('wc-ccop-weeks');
    const wm = inp.capf('wc-materials-weeks');
    const fi = inp.capf('wc-isbl-osbl');
    const part = (id: string) => wcEng.parts.find((p) => p.id === id)!.usd;
    const a = capLine('weeks of cash cost of production / 52', wk, 'operating cost total', totalE, cents(div(mul(totalE, wk), lit(52))), part('ccop-weeks'), wcRule);
    const b = capLine('less weeks of materials / 52', wm, 'materials', materials, cents(div(mul(materials, wm), lit(52))), -part('materials-weeks'), wcRule);
    const c = capLine('share of ISBL + OSBL', fi, 'ISBL + OSBL', add(isbl, osbl), cents(mul(add(isbl, osbl), fi)), part('isbl-osbl'), wcRule);
    wc = sub1('working capital', cents(add(sub(a, b), c)), wcEng.usd);
  } else if (fin.capexMethod === 'peters') {
    const w = inp.capf('working-capital');
    wc = capLine('working capital', w, 'FCI × w/(1 − w)', fci, cents(div(mul(fci, w), sub(lit(1), w))), wcEng.usd, wcRule, STYLE.total);
  } else {
    const w = inp.capf('working-capital');
    wc = capLine('working capital', w, 'w × FCI', fci, cents(mul(fci, w)), wcEng.usd, wcRule, STYLE.total);
  }
  const tci = sub1('total capital investment = FCI + working capital', cents(add(fci, wc)), econ.totalCapitalInvestmentUsd);
  r++;

  // =========================================== cash flow table
  const C = fin.construction.length;
  const L = fin.lifeYears;
  const N = C + L;
  cg.set(r, 1, `Cash flow (years from the start of construction; end-of-year flows discounted by (1 + r)^t; depreciation ${econ.depreciation.method}; losses ${fin.losses})`, STYLE.section);
  r++;
  cg.header(r, 1, CF_HEADER);
  r++;
  const t0 = r;
  const rowOf = (t: number) => t0 + t;
  const cf = (t: number, c: number, v: number) => ref(cg.name, rowOf(t), c, v);
  const rows = econ.cashFlow;
  const rate = inp.fin('discountRate');
  const taxRate = inp.fin('taxRate');
  const fractions = econ.depreciation.fractions;
  const lastDep = Math.min(fractions.length, L) - 1;
  const depBasis = dep;
  const expr = { capex: [] as Expr[], wc: [] as Expr[], rev: [] as Expr[], opex: [] as Expr[], dep: [] as Expr[], salvage: [] as Expr[], taxable: [] as Expr[], pool: [] as Expr[], tax: [] as Expr[], net: [] as Expr[], cum: [] as Expr[], df: [] as Expr[], pv: [] as Expr[], cumPv: [] as Expr[], kg: [] as Expr[], phi: [] as Expr[], lc: [] as Expr[], reached: [] as Expr[], cand: [] as Expr[] };
  for (let t = 0; t < N; t++) {
    const row = rowOf(t);
    const e = rows[t]!;
    const operating = t >= C;
    const k = t - C;
    const last = operating && k === L - 1;
    const L_ = (l: string) => `year ${t} ${l}`;
    cg.set(row, CF.year, t, fmt(FMT.int));
    cg.set(row, CF.phase, operating ? 'operation' : 'construction');
    if (operating) cg.set(row, CF.opYear, k + 1, fmt(FMT.int));
    const phi = operating ? (k < fin.rampUp.length ? put(cg, row, CF.phi, inp.rampUp(k), fmt(FMT.frac)) : putNum(cg, row, CF.phi, 1, fmt(FMT.frac))) : putNum(cg, row, CF.phi, 0, fmt(FMT.frac));
    const kg = put(cg, row, CF.kg, mul(inSpecKg, phi), fmt(FMT.kgYr), V(e.productKg, L_('product')));
    // capital: split of FCI by the construction shares, the last year taking the remainder
    let capexE: Expr;
    if (!operating) {
      capexE = t < C - 1 ? mulCents(fci, inp.construction(t)) : centsDiff(fci, t === 0 ? lit(0) : call('SUM', [rangeText(cg.name, rowOf(0), CF.capex, rowOf(t - 1), CF.capex)], expr.capex.reduce((a, x) => a + x.v, 0)));
      capexE = put(cg, row, CF.capex, capexE, fmt(FMT.usd), V(e.capexUsd, L_('capital')));
    } else capexE = putNum(cg, row, CF.capex, 0, fmt(FMT.usd));
    let wcE: Expr;
    if (operating && (k === 0 || last)) wcE = put(cg, row, CF.wc, k === 0 && last ? sub(wc, wc) : k === 0 ? wc : neg(wc), fmt(FMT.usd), V(e.workingCapitalUsd, L_('working capital')));
    else wcE = putNum(cg, row, CF.wc, 0, fmt(FMT.usd));
    const revE = operating ? put(cg, row, CF.rev, mulCents(revTotal, phi), fmt(FMT.usd), V(e.revenueUsd, L_('revenue'))) : putNum(cg, row, CF.rev, 0, fmt(FMT.usd));
    const vE = operating ? put(cg, row, CF.vopex, mulCents(variableE, phi), fmt(FMT.usd), V(e.variableOpexUsd, L_('variable opex'))) : putNum(cg, row, CF.vopex, 0, fmt(FMT.usd));
    const fE = operating ? put(cg, row, CF.fopex, cents(fixedE), fmt(FMT.usd), V(e.fixedOpexUsd, L_('fixed opex'))) : putNum(cg, row, CF.fopex, 0, fmt(FMT.usd));
    const opexE = put(cg, row, CF.opex, cents(add(vE, fE)), fmt(FMT.usd), V(e.opexUsd, L_('opex')));
    let depE: Expr;
    if (operating && k <= lastDep) {
      if (k < fractions.length) cg.set(row, CF.depFrac, fractions[k]!, fmt(FMT.frac));
      const prev = k === 0 ? lit(0) : call('SUM', [rangeText(cg.name, rowOf(C), CF.dep, rowOf(t - 1), CF.dep)], expr.dep.slice(C).reduce((a, x) => a + x.v, 0));
      depE = put(cg, row, CF.dep, k === lastDep ? centsDiff(depBasis, prev) : mulCents(depBasis, cf(t, CF.depFrac, fractions[k]!)), fmt(FMT.usd), V(e.depreciationUsd, L_('depreciation')));
    } else depE = putNum(cg, row, CF.dep, 0, fmt(FMT.usd));
    const salvE = last ? put(cg, row, CF.salvage, add(salvageTaxable, cents(landE)), fmt(FMT.usd), V(e.salvageUsd, L_('salvage'))) : putNum(cg, row, CF.salvage, 0, fmt(FMT.usd));
    const taxableE = put(cg, row, CF.taxable, cents(last ? add(sub(sub(revE, opexE), depE), salvageTaxable) : sub(sub(revE, opexE), depE)), fmt(FMT.usd), V(e.taxableIncomeUsd, L_('taxable income')));
    const poolPrev = t === 0 ? lit(0) : expr.pool[t - 1]!;
    let poolE: Expr;
    let taxE: Expr;
    if (fin.losses === 'credit') {
      poolE = putNum(cg, row, CF.pool, 0, fmt(FMT.usd));
      taxE = put(cg, row, CF.tax, mulCents(taxableE, taxRate), fmt(FMT.usd), V(e.taxUsd, L_('tax')));
    } else {
      const used = min(poolPrev, taxableE);
      poolE = put(cg, row, CF.pool, cents(iff(gt(taxableE, lit(0)), sub(poolPrev, used), sub(poolPrev, taxableE))), fmt(FMT.usd), V(e.lossCarriedForwardUsd, L_('loss carried forward')));
      taxE = put(cg, row, CF.tax, iff(gt(taxableE, lit(0)), mulCents(sub(taxableE, used), taxRate), lit(0)), fmt(FMT.usd), V(e.taxUsd, L_('tax')));
    }
    const netE = put(cg, row, CF.net, cents(sub(add(sub(sub(sub(revE, opexE), capexE), wcE), salvE), taxE)), fmt(FMT.usd), V(e.netCashFlowUsd, L_('net cash flow')));
    const cumE = put(cg, row, CF.cum, t === 0 ? netE : cents(add(expr.cum[t - 1]!, netE)), fmt(FMT.usd), V(e.cumulativeCashFlowUsd, L_('cumulative cash flow')));
    const dfE = put(cg, row, CF.df, pow(add(lit(1), rate), lit(-t)), fmt(FMT.num), V(e.discountFactor, L_('discount factor')));
    const pvE = put(cg, row, CF.pv, mulCents(netE, dfE), fmt(FMT.usd), V(e.presentValueUsd, L_('present value')));
    const cumPvE = put(cg, row, CF.cumPv, t === 0 ? pvE : cents(add(expr.cumPv[t - 1]!, pvE)), fmt(FMT.usd), V(e.cumulativePresentValueUsd, L_('cumulative present value')));
    const lcE = put(cg, row, CF.lcFlow, add(sub(add(capexE, wcE), salvE), opexE), fmt(FMT.usd));
    let reached: Expr;
    let cand: Expr;
    if (operating) {
      reached = put(cg, row, CF.reached, iff(ge(cumE, lit(0)), lit(1), lit(0)), fmt(FMT.int));
      const prev = t === 0 ? lit(0) : expr.cum[t - 1]!;
      cand = put(cg, row, CF.candidate, iff(ge(prev, lit(0)), lit(Math.max(0, t - C)), add(lit(t - C), iff(gt(netE, lit(0)), div(neg(prev), netE), lit(1)))), fmt(FMT.years));
    } else {
      reached = putNum(cg, row, CF.reached, 0, fmt(FMT.int));
      cand = lit(0);
    }
    expr.capex.push(capexE); expr.wc.push(wcE); expr.rev.push(revE); expr.opex.push(opexE); expr.dep.push(depE); expr.salvage.push(salvE);
    expr.taxable.push(taxableE); expr.pool.push(poolE); expr.tax.push(taxE); expr.net.push(netE); expr.cum.push(cumE); expr.df.push(dfE);
    expr.pv.push(pvE); expr.cumPv.push(cumPvE); expr.kg.push(kg); expr.phi.push(phi); expr.lc.push(lcE); expr.reached.push(reached); expr.cand.push(cand);
  }
  const tN = rowOf(N - 1);
  const colRange = (c: number) => rangeText(cg.name, t0, c, tN, c);
  r = tN + 2;

  // =========================================== KPIs
  cg.set(r, 1, 'Results', STYLE.section);
  r++;
  cg.header(r, 1, ['KPI', 'value', 'unit', 'formula']);
  r++;
  const k = econ.kpis;
  const kpi = (lbl: string, unit: string, how: string): number => {
    cg.set(r, 1, lbl);
    cg.set(r, 3, unit);
    cg.set(r, 4, how);
    return r++;
  };
  let row = kpi('net present value (NPV)', 'USD', 'Σ present values');
  const npvE = put(cg, row, 2, cents(call('SUM', [colRange(CF.pv)], expr.pv.reduce((a, x) => a + x.v, 0))), fmt(FMT.usd, { bold: true }), V(k.npvUsd, 'NPV'));
  row = kpi('internal rate of return (IRR)', 'fraction', 'IRR(net cash flows, guess = discount rate); "none" when it does not exist');
  putRaw(cg, row, 2, `IFERROR(IRR(${colRange(CF.net)(cg.name)},${rate.t(cg.name)}),${str('none')})`, k.irr ?? 'none', fmt(FMT.pct, { bold: true }), V(k.irr, 'IRR'));
  const irrCell = { sheet: cg.name, row, col: 2, value: k.irr };
  row = kpi('payback time', 'yr from the start of operation', 'first year the cumulative cash flow is ≥ 0, interpolated within the year');
  const firstReached = expr.reached.findIndex((x) => x.v === 1);
  const paybackV = firstReached >= 0 ? expr.cand[firstReached]!.v : null;
  putRaw(cg, row, 2, `IFERROR(INDEX(${colRange(CF.candidate)(cg.name)},MATCH(1,${colRange(CF.reached)(cg.name)},0)),${str('none')})`, paybackV ?? 'none', fmt(FMT.years, { bold: true }), V(k.paybackYears, 'payback'));
  const paybackCell = { sheet: cg.name, row, col: 2, value: paybackV };
  row = kpi('PV of costs (capital + working capital − salvage + operating cost)', 'USD', 'SUMPRODUCT(levelised-cost flow, discount factor)');
  const pvCosts = put(cg, row, 2, call('SUMPRODUCT', [colRange(CF.lcFlow), colRange(CF.df)], expr.lc.reduce((a, x, i) => a + x.v * expr.df[i]!.v, 0)), fmt(FMT.usd), V(econ.levelisedCost.pvCostsUsd, 'PV costs'));
  row = kpi('PV of in-spec product', 'kg', 'SUMPRODUCT(in-spec product, discount factor)');
  const pvKg = put(cg, row, 2, call('SUMPRODUCT', [colRange(CF.kg), colRange(CF.df)], expr.kg.reduce((a, x, i) => a + x.v * expr.df[i]!.v, 0)), fmt(FMT.kgYr), V(econ.levelisedCost.pvProductKg, 'PV product'));
  row = kpi('levelised cost of in-spec product', 'USD/kg', 'PV of costs / PV of in-spec product (pre-tax)');
  const lcoeV = pvKg.v > 0 ? pvCosts.v / pvKg.v : null;
  putRaw(cg, row, 2, `IF(${pvKg.t(cg.name)}>0,${pvCosts.t(cg.name)}/${pvKg.t(cg.name)},${str('none')})`, k.costUsdPerKgProduct ?? lcoeV ?? 'none', fmt(FMT.usdPerKg, { bold: true }), V(k.costUsdPerKgProduct, 'levelised cost'));
  if (lcoeV !== null && k.costUsdPerKgProduct !== null) cg.checks.push({ sheet: cg.name, address: a1(row, 2), label: `${label}: levelised cost (formula)`, formulaValue: lcoeV, engineValue: k.costUsdPerKgProduct });
  const lcoeCell = { sheet: cg.name, row, col: 2, value: k.costUsdPerKgProduct };
  row = kpi('levelised capital charge (capital + working capital − salvage)', 'USD/kg', 'PV(capital + working capital − salvage) / PV of in-spec product');
  const capPv = expr.capex.reduce((a, x, i) => a + x.v * expr.df[i]!.v, 0) + expr.wc.reduce((a, x, i) => a + x.v * expr.df[i]!.v, 0) - expr.salvage.reduce((a, x, i) => a + x.v * expr.df[i]!.v, 0);
  const capPerKgV = pvKg.v > 0 ? capPv / pvKg.v : null;
  putRaw(cg, row, 2, `IF(${pvKg.t(cg.name)}>0,(SUMPRODUCT(${colRange(CF.capex)(cg.name)},${colRange(CF.df)(cg.name)})+SUMPRODUCT(${colRange(CF.wc)(cg.name)},${colRange(CF.df)(cg.name)})-SUMPRODUCT(${colRange(CF.salvage)(cg.name)},${colRange(CF.df)(cg.name)}))/${pvKg.t(cg.name)},${str('none')})`, capPerKgV ?? 'none', fmt(FMT.usdPerKg));
  const capPerKgCell = { sheet: cg.name, row, col: 2, value: capPerKgV };
  const mspRow = kpi('minimum selling price of in-spec product (NPV = 0)', 'USD/kg', 'see "Minimum selling price" below');
  r++;

  // =========================================== minimum selling price
  const mspCell = { sheet: cg.name, row: mspRow, col: 2, value: k.minSellingPriceUsdPerKg };
  if (productKgV > 0) {
    r = mspBlock(cg, r, {
      ev, label, inp, fci, isbl, osbl, bpl, land: landE, dep, materials, materialsFloat, labour: labourLine, dTotal, dVar, dFix, inSpecKg, inSpecRev, revTotal,
      opexTotal: totalE, depCells: expr.dep, phiCells: expr.phi, C, L, mspRow,
    });
  } else {
    putRaw(cg, mspRow, 2, str('none'), 'none', fmt(FMT.usdPerKg, { bold: true }));
    cg.set(mspRow, 4, `${econ.minSellingPrice.method}`);
  }

  // =========================================== environment
  const env = econ.environment;
  cg.set(r, 1, 'Environment (per kg of in-spec product; as EverBatt reports it)', STYLE.section);
  r++;
  cg.header(r, 1, ['item', 'value', 'unit', 'source or formula']);
  r++;
  const envLine = (lbl: string, e: Expr | number, unit: string, note: string, engine?: number | null, style?: CellStyle): Expr => {
    cg.set(r, 1, lbl);
    const x = typeof e === 'number' ? putNum(cg, r, 2, e, fmt(FMT.num, style)) : put(cg, r, 2, e, fmt(FMT.num, style), engine === undefined ? undefined : V(engine, lbl));
    cg.set(r, 3, unit);
    cg.set(r, 4, note);
    r++;
    return x;
  };
  const elec = envLine('electricity', input.electricityKwhPerYear, 'kWh/yr', 'balances');
  const ng = envLine('natural gas (fuel)', input.heatKwhPerYear['natural-gas'], 'kWh/yr', 'balances');
  const steam = envLine('steam (heat delivered)', input.heatKwhPerYear.steam, 'kWh/yr', 'balances');
  const eta = input.heatKwhPerYear.steam > 0 ? inp.price('boiler-efficiency') : lit(1);
  const grid = input.electricityKwhPerYear > 0 ? inp.price('ghg.electricity') : lit(0);
  const ngf = input.heatKwhPerYear['natural-gas'] > 0 || input.heatKwhPerYear.steam > 0 ? inp.price('ghg.natural-gas') : lit(0);
  const steamFuel = envLine('fuel raising the steam = steam / boiler efficiency', div(steam, eta), 'kWh/yr', 'prices: boiler-efficiency');
  const process = envLine('process CO2e to air', env.ghg.processKg, 'kg CO2e/yr', 'emissions (CO2, CO as CO2)');
  const reagents = envLine('GHG embodied in reagents', env.ghg.reagentsKg, 'kg CO2e/yr', 'GREET factors (environment.ts) or prices ghg.<reagent>; engine constant');
  const waterProc = envLine('process water', env.water.processL, 'L/yr', 'reagent H2O');
  const waterReag = envLine('water embodied in reagents', env.water.reagentsL, 'L/yr', 'GREET factors; engine constant');
  const siteMj = envLine('site energy = 3.6 × (electricity + natural gas + steam fuel)', add(add(mul(elec, lit(3.6)), mul(ng, lit(3.6))), mul(steamFuel, lit(3.6))), 'MJ/yr', 'environment.ts', env.energy.siteMj);
  const ghgTot = envLine('GHG total = electricity × grid + (natural gas + steam fuel) × natural-gas factor + process + reagents', add(add(add(add(mul(elec, grid), mul(ng, ngf)), mul(steamFuel, ngf)), process), reagents), 'kg CO2e/yr', 'prices: ghg.electricity, ghg.natural-gas', env.ghg.totalKg);
  const per = (lbl: string, x: Expr, unit: string, engine: number | null): { sheet: string; row: number; col: number; value: number | null } => {
    cg.set(r, 1, lbl, { bold: true });
    const v = inSpecKg.v > 0 ? x.v / inSpecKg.v : null;
    putRaw(cg, r, 2, `IF(${inSpecKg.t(cg.name)}>0,${div(x, inSpecKg).t(cg.name)},${str('none')})`, engine ?? v ?? 'none', fmt(FMT.num, { bold: true }), V(engine, lbl));
    if (v !== null && engine !== null) cg.checks.push({ sheet: cg.name, address: a1(r, 2), label: `${label}: ${lbl} (formula)`, formulaValue: v, engineValue: engine });
    cg.set(r, 3, unit);
    cg.set(r, 4, 'per kg of in-spec product');
    return { sheet: cg.name, row: r++, col: 2, value: engine };
  };
  const energyCell = per('energy', siteMj, 'MJ/kg', k.energyMjPerKgProduct);
  const ghgCell = per('GHG', ghgTot, 'kg CO2e/kg', k.ghgKgCo2ePerKgProduct);
  const waterCell = per('water', add(waterProc, waterReag), 'L/kg', k.waterLPerKgProduct);
  envLine('virgin cathode energy (same chemistry mix)', econ.virgin.energyMjPerKg ?? 0, 'MJ/kg', 'GREET via EverBatt 2023 (environment.ts VIRGIN_CAM)');
  envLine('virgin cathode GHG (same chemistry mix)', econ.virgin.ghgKgCo2ePerKg ?? 0, 'kg CO2e/kg', 'GREET via EverBatt 2023');
  envLine('virgin cathode water (same chemistry mix)', econ.virgin.waterLPerKg ?? 0, 'L/kg', 'GREET via EverBatt 2023');
  r += 3;
  s.cashRow = r;

  return {
    fci, tci, opexTotal: totalE, revenueTotal: revTotal, inSpecKg, npv: npvE,
    irr: irrCell, payback: paybackCell, lcoe: lcoeCell, msp: mspCell, energy: energyCell, ghg: ghgCell, water: waterCell, capitalPerKg: capPerKgCell,
    opexRows: [opexFirst, inSpecKgRow], categoryCol: O.cat, usdCol: O.usd,
  };
}

/** What the minimum-selling-price block reads. */
interface MspInputs {
  ev: Evaluation;
  label: string;
  inp: Inputs;
  fci: Expr;
  isbl: Expr;
  osbl: Expr;
  bpl: Expr;
  land: Expr;
  dep: Expr;
  materials: Expr;
  materialsFloat: Expr;
  labour: Expr;
  dTotal: Expr;
  dVar: Expr;
  dFix: Expr;
  inSpecKg: Expr;
  inSpecRev: Expr;
  revTotal: Expr;
  opexTotal: Expr;
  depCells: Expr[];
  phiCells: Expr[];
  C: number;
  L: number;
  mspRow: number;
}

/** Newton steps of the minimum-selling-price search. */
const MSP_STEPS = 5;

/**
 * The minimum selling price of in-spec product: the price at which NPV = 0, with NPV in plain
 * numbers as the engine's solve uses it (economics.ts npvFast: unrounded factor costs, working
 * capital and cash flow). NPV is piecewise linear in the price — linear while every year keeps its
 * tax regime (profit, loss, loss carried forward) — so Newton steps with a local slope
 * (NPV(p + δ) − NPV(p))/δ, δ = 10⁻³·max(1, |p|), land on the exact root once a step reaches the
 * root's linear piece: from the current average price a, p₁ = a − NPV(a)/slope(a), and so on for
 * MSP_STEPS steps. The result is the first pₖ with |NPV(pₖ)| ≤ the engine's tolerance
 * (10⁻¹⁰ × max(1, FCI, |revenue|, |operating cost|)). Each trial price is a column: its revenue,
 * unrounded factor costs, working capital and a yearly band of taxable income, loss pool, tax
 * and discounted flow.
 */
function mspBlock(g: Grid, r: number, x: MspInputs): number {
  const econ = x.ev.economics;
  const fin = econ.finance;
  const V = (value: number | null | undefined, l: string): EngineValue => ({ value, label: `${x.label}: ${l}` });
  g.set(r, 1, 'Minimum selling price (NPV = 0): Newton steps on the unrounded NPV of the engine (economics.ts npvFast), one column per trial price', STYLE.section);
  r++;
  const constLine = (lbl: string, e: Expr, unit: string): Expr => {
    g.set(r, 1, lbl);
    const y = put(g, r, 2, e, fmt(FMT.num));
    g.set(r, 3, unit);
    r++;
    return y;
  };
  const other = constLine('revenue other than in-spec product', sub(x.revTotal, x.inSpecRev), 'USD/yr');
  const a0 = constLine('current average in-spec price a = in-spec revenue / in-spec kg', div(x.inSpecRev, x.inSpecKg), 'USD/kg');
  const tol = constLine('tolerance = 1e-10 × max(1, FCI, |revenue|, |operating cost|)', mul(lit(1e-10), call('MAX', [lit(1), x.fci, abs(x.revTotal), abs(x.opexTotal)], Math.max(1, x.fci.v, Math.abs(x.revTotal.v), Math.abs(x.opexTotal.v)))), 'USD');
  const xr = constLine('x = 1/(1 + discount rate)', div(lit(1), add(lit(1), x.inp.fin('discountRate'))), '–');
  const sT = constLine('taxable salvage, unrounded = salvage × depreciable capital', mul(x.inp.fin('salvage'), x.dep), 'USD');
  r++;
  const T0 = 3;
  const nTrials = 2 * MSP_STEPS + 1;
  const trialNames = Array.from({ length: nTrials }, (_, j) => (j % 2 === 0 ? `p${j / 2}${j === 0 ? ' = a' : ''}` : `p${(j - 1) / 2} + δ`));
  g.header(r, 1, ['quantity', 'unit', ...trialNames]);
  r++;
  const priceRow = r++;
  const revRow = r++;
  const factors = fin.operatingFactors;
  const nonCash = factors.filter((f) => f.basis !== 'cash-cost');
  const cash = factors.filter((f) => f.basis === 'cash-cost');
  const factorRow = new Map<string, number>();
  for (const f of nonCash) factorRow.set(f.id, r++);
  const cashRow = cash.length ? r++ : 0;
  for (const f of cash) factorRow.set(f.id, r++);
  const facVarRow = r++;
  const facFixRow = r++;
  const facTotRow = r++;
  const wcRow = r++;
  const varRow = r++;
  const fixRow = r++;
  const npvRow = r++;
  const slopeRow = r++;
  const nextRow = r++;
  const lab = (row: number, l: string, unit: string, style?: CellStyle) => { g.set(row, 1, l, style); g.set(row, 2, unit); };
  lab(priceRow, 'price of in-spec product', 'USD/kg');
  lab(revRow, 'revenue = other + in-spec kg × price', 'USD/yr');
  for (const f of factors) lab(factorRow.get(f.id)!, `factor ${f.id} (unrounded; basis ${f.basis})`, 'USD/yr');
  if (cashRow) lab(cashRow, 'cash cost of production = max(0, direct + other factors)/(1 − Σ cash-cost factors)', 'USD/yr');
  lab(facVarRow, 'factor costs, variable', 'USD/yr');
  lab(facFixRow, 'factor costs, fixed', 'USD/yr');
  lab(facTotRow, 'factor costs, total', 'USD/yr');
  lab(wcRow, 'working capital (unrounded)', 'USD');
  lab(varRow, 'variable operating cost', 'USD/yr');
  lab(fixRow, 'fixed operating cost', 'USD/yr');
  lab(npvRow, 'NPV (Σ discounted flows of the band below)', 'USD', { bold: true });
  lab(slopeRow, 'slope (NPV(p + δ) − NPV(p))/δ', 'USD per USD/kg');
  lab(nextRow, 'next price p − NPV(p)/slope', 'USD/kg');
  r++;
  const N = x.C + x.L;
  const Y0 = 3;
  g.header(r, 1, ['yearly band', 'trial', ...Array.from({ length: N }, (_, t) => `year ${t}`)]);
  r++;
  const dfRow = r++;
  g.set(dfRow, 1, 'discount factor x^t (repeated product, as npvFast)');
  const dfs: Expr[] = [];
  for (let t = 0; t < N; t++) dfs.push(t === 0 ? putNum(g, dfRow, Y0, 1, fmt(FMT.num)) : put(g, dfRow, Y0 + t, mul(dfs[t - 1]!, xr), fmt(FMT.num)));
  const bandStart = r;
  const inp = x.inp;
  const trialColumn = (j: number, price: Expr): { p: Expr; npv: Expr } => {
    const c = T0 + j;
    const p = put(g, priceRow, c, price, fmt(FMT.usdPerKg));
    const rev = put(g, revRow, c, add(other, mul(x.inSpecKg, p)), fmt(FMT.usd));
    // opex.ts factorCosts(exact = false)
    let sup: Expr = lit(0);
    let maint: Expr = lit(0);
    const items: { f: OperatingFactorRow; e: Expr }[] = [];
    for (const f of nonCash) {
      let basis: Expr;
      switch (f.basis) {
        case 'labour': basis = x.labour; break;
        case 'labour+supervision': basis = add(x.labour, sup); break;
        case 'labour+supervision+maintenance': basis = add(add(x.labour, sup), maint); break;
        case 'maintenance': basis = maint; break;
        case 'materials': basis = x.materialsFloat; break;
        case 'fci': basis = x.fci; break;
        case 'isbl': basis = x.isbl; break;
        case 'isbl+osbl': basis = add(x.isbl, x.osbl); break;
        case 'buildings+land': basis = x.bpl; break;
        case 'revenue': basis = rev; break;
        default: throw new Error('internal: factor basis');
      }
      const e = put(g, factorRow.get(f.id)!, c, mul(inp.opf(f.id), basis), fmt(FMT.usd));
      if (f.id === 'supervision') sup = e;
      else if (f.id === 'maintenance') maint = e;
      items.push({ f, e });
    }
    if (cash.length) {
      const running = chain([x.dTotal, ...items.map((i) => i.e)]);
      const cc = put(g, cashRow, c, div(max(lit(0), running), sub(lit(1), chain(cash.map((f) => inp.opf(f.id))))), fmt(FMT.usd));
      for (const f of cash) items.push({ f, e: put(g, factorRow.get(f.id)!, c, mul(inp.opf(f.id), cc), fmt(FMT.usd)) });
    }
    const facVar = put(g, facVarRow, c, chain(items.filter((i) => i.f.variable).map((i) => i.e)), fmt(FMT.usd));
    const facFix = put(g, facFixRow, c, chain(items.filter((i) => !i.f.variable).map((i) => i.e)), fmt(FMT.usd));
    const facTot = put(g, facTotRow, c, sub(chain([x.dTotal, ...items.map((i) => i.e)]), x.dTotal), fmt(FMT.usd));
    // capex.ts workingCapital(exact = false)
    let w: Expr;
    if (fin.workingCapitalOfFci !== null) w = mul(x.fci, inp.fin('workingCapitalOfFci'));
    else if (fin.capexMethod === 'towler-sinnott') {
      const cashCost = add(x.dTotal, facTot);
      w = add(sub(div(mul(cashCost, inp.capf('wc-ccop-weeks')), lit(52)), div(mul(x.materials, inp.capf('wc-materials-weeks')), lit(52))), mul(add(x.isbl, x.osbl), inp.capf('wc-isbl-osbl')));
    } else if (fin.capexMethod === 'peters') w = div(mul(x.fci, inp.capf('working-capital')), sub(lit(1), inp.capf('working-capital')));
    else w = mul(x.fci, inp.capf('working-capital'));
    const W = put(g, wcRow, c, w, fmt(FMT.usd));
    const vOp = put(g, varRow, c, add(x.dVar, facVar), fmt(FMT.usd));
    const fOp = put(g, fixRow, c, add(x.dFix, facFix), fmt(FMT.usd));
    // cashflow.ts npvFast
    const base = bandStart + j * 6;
    const lbl = trialNames[j]!;
    ['revenue', 'operating cost', 'taxable income', 'loss pool', 'tax', 'discounted flow'].forEach((n, i) => { g.set(base + i, 1, n); g.set(base + i, 2, lbl); });
    const flows: Expr[] = [];
    let pool: Expr = lit(0);
    for (let t = 0; t < N; t++) {
      const col = Y0 + t;
      if (t < x.C) {
        flows.push(put(g, base + 5, col, neg(mul(mul(x.fci, inp.construction(t)), dfs[t]!)), fmt(FMT.usd)));
        continue;
      }
      const kk = t - x.C;
      const last = kk === x.L - 1;
      const phi = x.phiCells[t]!;
      const revT = put(g, base, col, mul(rev, phi), fmt(FMT.usd));
      const opT = put(g, base + 1, col, add(mul(vOp, phi), fOp), fmt(FMT.usd));
      let taxable = sub(sub(revT, opT), x.depCells[t]!);
      if (last) taxable = add(taxable, sT);
      const taxableT = put(g, base + 2, col, taxable, fmt(FMT.usd));
      let tax: Expr;
      if (fin.losses === 'credit') {
        putNum(g, base + 3, col, 0, fmt(FMT.usd));
        tax = put(g, base + 4, col, mul(taxableT, inp.fin('taxRate')), fmt(FMT.usd));
      } else {
        const used = min(pool, taxableT);
        pool = put(g, base + 3, col, iff(gt(taxableT, lit(0)), sub(pool, used), sub(pool, taxableT)), fmt(FMT.usd));
        tax = put(g, base + 4, col, iff(gt(taxableT, lit(0)), mul(sub(taxableT, used), inp.fin('taxRate')), lit(0)), fmt(FMT.usd));
      }
      let flow = sub(revT, opT);
      if (kk === 0 && last) flow = sub(flow, sub(W, W));
      else if (kk === 0) flow = sub(flow, W);
      else if (last) flow = sub(flow, neg(W));
      if (last) flow = add(flow, add(sT, x.land));
      flow = sub(flow, tax);
      flows.push(put(g, base + 5, col, mul(flow, dfs[t]!), fmt(FMT.usd)));
    }
    // A sequential sum (as npvFast accumulates): near the root the flows cancel, and SUM's
    // compensated summation would differ from the engine in the last digits.
    const npv = put(g, npvRow, c, chain(flows), fmt(FMT.usd, { bold: true }));
    return { p, npv };
  };
  // Newton steps
  const steps: { p: Expr; npv: Expr; slope: Expr }[] = [];
  let price: Expr = a0;
  for (let k = 0; k < MSP_STEPS; k++) {
    const here = trialColumn(2 * k, price);
    const delta = mul(lit(1e-3), max(lit(1), abs(here.p)));
    const there = trialColumn(2 * k + 1, add(here.p, delta));
    const slope = put(g, slopeRow, T0 + 2 * k, div(sub(there.npv, here.npv), sub(there.p, here.p)), fmt(FMT.num));
    price = put(g, nextRow, T0 + 2 * k, sub(here.p, div(here.npv, slope)), fmt(FMT.usdPerKg));
    steps.push({ ...here, slope });
  }
  const lastTrial = trialColumn(2 * MSP_STEPS, price);
  const all = [...steps.map((s0) => ({ p: s0.p, npv: s0.npv })), lastTrial];
  r = bandStart + nTrials * 6 + 1;
  // Result
  const engine = econ.minSellingPrice;
  const t = (e: Expr) => e.t(g.name);
  const rising = steps[0]!.slope;
  const firstOk = all.findIndex((s0) => Math.abs(s0.npv.v) <= tol.v);
  const chosen = Math.abs(all[0]!.npv.v) <= tol.v ? 0 : !(rising.v > 0) ? -1 : firstOk >= 0 ? firstOk : all.length - 1;
  const nested = (k: number): string => (k === all.length - 1 ? t(all[k]!.p) : `IF(ABS(${t(all[k]!.npv)})<=${t(tol)},${t(all[k]!.p)},${nested(k + 1)})`);
  const nestedNpv = (k: number): string => (k === all.length - 1 ? t(all[k]!.npv) : `IF(ABS(${t(all[k]!.npv)})<=${t(tol)},${t(all[k]!.npv)},${nestedNpv(k + 1)})`);
  const res = (lbl: string, unit: string): number => { g.set(r, 1, lbl); g.set(r, 3, unit); return r++; };
  const mspResRow = res('minimum selling price (first trial price with |NPV| ≤ tolerance)', 'USD/kg');
  const mspV = chosen >= 0 ? all[chosen]!.p.v : null;
  putRaw(g, mspResRow, 2, `IF(ABS(${t(all[0]!.npv)})<=${t(tol)},${t(all[0]!.p)},IF(${t(rising)}>0,${nested(1)},${str('none')}))`, engine.usdPerKg ?? mspV ?? 'none', fmt(FMT.usdPerKg, { bold: true }), V(engine.usdPerKg, 'minimum selling price'));
  if (mspV !== null && engine.usdPerKg !== null) g.checks.push({ sheet: g.name, address: a1(mspResRow, 2), label: `${x.label}: minimum selling price (formula)`, formulaValue: mspV, engineValue: engine.usdPerKg });
  g.set(mspResRow, 4, `engine: ${engine.method}, ${engine.iterations} NPV evaluations`);
  const atRow = res('NPV at that price', 'USD');
  const npvAt = chosen >= 0 ? all[chosen]!.npv.v : all[0]!.npv.v;
  putRaw(g, atRow, 2, `IF(ABS(${t(all[0]!.npv)})<=${t(tol)},${t(all[0]!.npv)},${nestedNpv(1)})`, npvAt, fmt(FMT.usd));
  const okRow = res('converged (|NPV| ≤ tolerance)?', '');
  const ok = Math.abs(npvAt) <= tol.v && chosen >= 0;
  putRaw(g, okRow, 2, `IF(AND(ABS(${a1(atRow, 2)})<=${t(tol)},ISNUMBER(${a1(mspResRow, 2)})),${str('yes')},${str('no: use the engine value')})`, ok ? 'yes' : 'no: use the engine value');
  // The Results line points here.
  putRaw(g, x.mspRow, 2, a1(mspResRow, 2), engine.usdPerKg ?? mspV ?? 'none', fmt(FMT.usdPerKg, { bold: true }), V(engine.usdPerKg, 'minimum selling price (results)'));
  return r + 2;
}

// ---------------------------------------------------------------------------------------------
// Summary

/** One KPI row of the Summary. */
interface KpiSpec {
  label: string;
  unit: string;
  better: 'low' | 'high' | null;
  value: (ev: Evaluation, refs: EconomicsRefs) => { expr?: Expr; cell?: { sheet: string; row: number; col: number; value: number | null }; constant?: Scalar };
  numFmt: string;
}

const constant = (v: Scalar) => ({ constant: v });

const KPIS: KpiSpec[] = [
  { label: 'scenario', unit: '', better: null, numFmt: FMT.general, value: (ev) => constant(ev.model.name) },
  { label: 'flowsheet (route)', unit: '', better: null, numFmt: FMT.general, value: (ev) => constant(ev.model.flowsheet.name) },
  { label: 'recycle loops converged', unit: '', better: null, numFmt: FMT.general, value: (ev) => constant(ev.solution.loops.every((l) => l.converged) ? 'yes' : 'NO') },
  { label: 'feed', unit: 'kg/yr', better: null, numFmt: FMT.kgYr, value: (ev) => constant(ev.model.feedKgPerHour * ev.model.plant.operatingHours) },
  { label: 'in-spec regenerated cathode', unit: 'kg/yr', better: 'high', numFmt: FMT.kgYr, value: (ev) => constant(ev.quality.inSpecKgPerHour * ev.model.plant.operatingHours) },
  { label: 'off-spec cathode', unit: 'kg/yr', better: 'low', numFmt: FMT.kgYr, value: (ev) => constant(ev.quality.offSpecKgPerHour * ev.model.plant.operatingHours) },
  { label: 'in-spec fraction of product cathode', unit: 'fraction', better: 'high', numFmt: FMT.pct, value: (ev) => constant(ev.quality.inSpecFraction) },
  { label: 'fixed capital investment', unit: 'USD', better: 'low', numFmt: FMT.usd0, value: (_, r) => ({ expr: r.fci }) },
  { label: 'total capital investment', unit: 'USD', better: 'low', numFmt: FMT.usd0, value: (_, r) => ({ expr: r.tci }) },
  { label: 'operating cost', unit: 'USD/yr', better: 'low', numFmt: FMT.usd0, value: (_, r) => ({ expr: r.opexTotal }) },
  { label: 'revenue', unit: 'USD/yr', better: 'high', numFmt: FMT.usd0, value: (_, r) => ({ expr: r.revenueTotal }) },
  { label: 'levelised cost of in-spec product', unit: 'USD/kg', better: 'low', numFmt: FMT.usdPerKg, value: (_, r) => ({ cell: r.lcoe }) },
  { label: 'net present value (NPV)', unit: 'USD', better: 'high', numFmt: FMT.usd0, value: (_, r) => ({ expr: r.npv }) },
  { label: 'internal rate of return (IRR)', unit: 'fraction', better: 'high', numFmt: FMT.pct, value: (_, r) => ({ cell: r.irr }) },
  { label: 'payback time', unit: 'yr', better: 'low', numFmt: FMT.years, value: (_, r) => ({ cell: r.payback }) },
  { label: 'minimum selling price of in-spec product', unit: 'USD/kg', better: 'low', numFmt: FMT.usdPerKg, value: (_, r) => ({ cell: r.msp }) },
  { label: 'energy', unit: 'MJ/kg in-spec product', better: 'low', numFmt: FMT.num, value: (_, r) => ({ cell: r.energy }) },
  { label: 'energy of virgin cathode (same chemistry mix)', unit: 'MJ/kg', better: null, numFmt: FMT.num, value: (ev) => constant(ev.economics.virgin.energyMjPerKg) },
  { label: 'GHG', unit: 'kg CO2e/kg in-spec product', better: 'low', numFmt: FMT.num, value: (_, r) => ({ cell: r.ghg }) },
  { label: 'GHG of virgin cathode (same chemistry mix)', unit: 'kg CO2e/kg', better: null, numFmt: FMT.num, value: (ev) => constant(ev.economics.virgin.ghgKgCo2ePerKg) },
  { label: 'water', unit: 'L/kg in-spec product', better: 'low', numFmt: FMT.num, value: (_, r) => ({ cell: r.water }) },
  { label: 'water of virgin cathode (same chemistry mix)', unit: 'L/kg', better: null, numFmt: FMT.num, value: (ev) => constant(ev.economics.virgin.waterLPerKg) },
  { label: 'bottleneck unit', unit: '', better: null, numFmt: FMT.general, value: (ev) => constant(ev.sizing.bottleneck ? `${ev.sizing.bottleneck} (${ev.sizing.bottleneckEquipment})` : '—') },
  { label: 'bottleneck utilisation', unit: 'fraction', better: null, numFmt: FMT.pct, value: (ev) => constant(ev.sizing.bottleneckUtilisation) },
  { label: 'maximum feed with the installed equipment', unit: 'kg/yr', better: 'high', numFmt: FMT.kgYr, value: (ev) => constant(ev.sizing.maxCapacityKgPerYear) },
  { label: 'operators per shift', unit: 'persons', better: 'low', numFmt: FMT.general, value: (ev) => constant(ev.sizing.operatorsPerShift) },
  { label: 'diagnostics (errors / warnings)', unit: '', better: null, numFmt: FMT.general, value: (ev) => constant(`${ev.diagnostics.filter((d) => d.severity === 'error').length} / ${ev.diagnostics.filter((d) => d.severity === 'warning').length}`) },
];

/** Where the Summary put its tables (for the charts). */
export interface SummaryLayout {
  headerRow: number;
  firstCol: number;
  lastCol: number;
  kpiRow: Record<string, number>;
  categoryRows: [number, number] | null;
  chartRow: number;
}

/** Categories of operating cost, in a fixed order. */
const CATEGORY_ORDER = ['feed', 'reagents', 'utilities', 'waste', 'consumables', 'labour', 'maintenance', 'overhead', 'fixed-charges', 'general'];

/** Write the Summary: KPIs side by side with the better value highlighted, and the cost-by-category table. */
export function summarySheet(g: Grid, evs: readonly Evaluation[], refs: readonly EconomicsRefs[]): SummaryLayout {
  g.set(1, 1, 'regenflow — direct regeneration of spent NCM cathodes', STYLE.title);
  g.set(2, 1, 'Economic figures are live formulas over the Assumptions sheet (yellow cells, defined names): change a price or a finance input and they update. Better values are shaded green.', STYLE.subtitle);
  const H = 4;
  const C0 = 3;
  g.header(H, 1, ['KPI', 'unit', ...evs.map((ev, i) => evaluationLabel(ev, i))]);
  g.freeze = { rows: H, cols: 2 };
  g.width(1, 46);
  g.width(2, 24);
  evs.forEach((_, i) => g.width(C0 + i, 30));
  let r = H + 1;
  const kpiRow: Record<string, number> = {};
  for (const k of KPIS) {
    g.set(r, 1, k.label);
    g.set(r, 2, k.unit);
    evs.forEach((ev, i) => {
      const v = k.value(ev, refs[i]!);
      const style = fmt(k.numFmt);
      if (v.expr) put(g, r, C0 + i, v.expr, style, { value: v.expr.v, label: `${evaluationLabel(ev, i)}: ${k.label}` });
      else if (v.cell) putRaw(g, r, C0 + i, `${quoteSheet(v.cell.sheet)}!${a1(v.cell.row, v.cell.col)}`, v.cell.value ?? 'none', style);
      else if (v.constant !== undefined && v.constant !== null) g.set(r, C0 + i, v.constant, typeof v.constant === 'number' ? style : undefined);
      else g.set(r, C0 + i, '—');
    });
    if (k.better && evs.length > 1) {
      const first = a1(r, C0);
      const rowRange = `$${colName(C0)}${r}:$${colName(C0 + evs.length - 1)}${r}`;
      g.highlights.push({ ref: `${first}:${a1(r, C0 + evs.length - 1)}`, formula: `AND(ISNUMBER(${first}),${first}=${k.better === 'low' ? 'MIN' : 'MAX'}(${rowRange}))`, fill: 'C6EFCE' });
    }
    kpiRow[k.label] = r;
    r++;
  }
  // Cost per kg by category (for the stacked chart).
  r += 1;
  g.set(r, 1, 'Cost per kg of in-spec product by category (operating costs at full output; capital levelised)', STYLE.section);
  r++;
  g.header(r, 1, ['category', 'unit', ...evs.map((ev, i) => evaluationLabel(ev, i))]);
  r++;
  const cats = CATEGORY_ORDER.filter((c) => evs.some((ev) => ev.economics.opex.byCategory[c] !== undefined));
  for (const c of Object.keys(Object.assign({}, ...evs.map((ev) => ev.economics.opex.byCategory)))) if (!cats.includes(c)) cats.push(c);
  const catFirst = r;
  for (const c of cats) {
    g.set(r, 1, c);
    g.set(r, 2, 'USD/kg');
    evs.forEach((ev, i) => {
      const rf = refs[i]!;
      const [r1, r2] = rf.opexRows;
      const sumif = `SUMIF(${quoteSheet('OPEX')}!${a1(r1, rf.categoryCol)}:${a1(r2, rf.categoryCol)},${str(c)},${quoteSheet('OPEX')}!${a1(r1, rf.usdCol)}:${a1(r2, rf.usdCol)})`;
      const kg = rf.inSpecKg;
      const catUsd = ev.economics.opex.byCategory[c] ?? 0;
      const v = kg.v > 0 ? catUsd / kg.v : null;
      putRaw(g, r, C0 + i, `IF(${kg.t(g.name)}>0,${sumif}/${kg.t(g.name)},${str('none')})`, v ?? 'none', fmt(FMT.usdPerKg));
    });
    r++;
  }
  g.set(r, 1, 'capital (levelised: capital + working capital − salvage)');
  g.set(r, 2, 'USD/kg');
  evs.forEach((_, i) => {
    const c = refs[i]!.capitalPerKg;
    putRaw(g, r, C0 + i, `${quoteSheet(c.sheet)}!${a1(c.row, c.col)}`, c.value ?? 'none', fmt(FMT.usdPerKg));
  });
  r++;
  return { headerRow: H, firstCol: C0, lastCol: C0 + evs.length - 1, kpiRow, categoryRows: [catFirst, r - 1], chartRow: r + 2 };
}
