/**
 * Spreadsheet formulas that carry their value: each expression holds its formula text (relative to
 * the sheet it is written on) and the number it computes, so a formula cell's cached result is
 * the formula's own value and can be checked against the engine's figure (Grid.checks). The
 * helpers mirror the engine's arithmetic operation by operation — cent rounding half away from
 * zero (economics/money.ts), sequential sums — so LibreOffice's recalculation equals the engine's
 * numbers to rounding error.
 */
import { Grid, a1, quoteSheet, type CellStyle, type Scalar } from './grid.js';

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
export function str(s: string): string {
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

