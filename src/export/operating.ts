/**
 * Operating cost and revenue of one case on the OPEX sheet, as live formulas mirroring
 * economics/opex.ts and economics/market.ts line by line:
 *
 *   priced line          = ROUND(quantity × price × 100, 0)/100
 *   feed and off-spec    = ROUND(Σ kg of metal × metal price × payable × 100, 0)/100, the payable
 *                          MIN(1, MAX(0, payable of the grade + chemistry offset)) — one market for
 *                          feed and off-spec CAM, so a what-if on a metal price or a payable moves both
 *   in-spec product      = kg × MIN(1, quality-factor × capacity ratio) × virgin price (or regenerated.<chem>)
 *   factor line          = ROUND(factor × basis × 100, 0)/100, in the engine's order (cash-cost factors last)
 *
 * Subtotals (direct, materials, cash cost of production, totals, fixed, variable) follow the
 * engine's summation order, so LibreOffice's recalculation equals the engine.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import type { MoneyLine, MoneyTerm } from '../economics/opex.js';
import type { OperatingFactorRow } from '../economics/finance.js';
import { Grid, FMT, STYLE, fmt, valueFormat } from './grid.js';
import { type Expr, type EngineValue, roundHalfAway, lit, ref, add, sub, mul, div, min, max, neg, call, chain, cents, rangeText, str, put } from './expr.js';
import type { Inputs } from './assumptions.js';
import type { CapitalRefs } from './capital.js';
import { caseLetter } from './cases.js';
import { readerText, numText } from './reader-text.js';

/** Columns of the OPEX sheet. */
export const OPEX_HEADER = ['case', 'section', 'line id', 'line', 'category', 'variable or fixed', 'quantity per year', 'quantity unit', 'unit price or factor', 'price unit', 'amount (USD/yr)', 'basis and notes'];
const O = { case: 1, section: 2, id: 3, label: 4, cat: 5, vf: 6, qty: 7, qunit: 8, price: 9, punit: 10, usd: 11, note: 12 } as const;

/** The operating-cost and revenue cells the rest of the economics reads. */
export interface OperatingRefs {
  dTotal: Expr;
  dVar: Expr;
  dFix: Expr;
  labour: Expr;
  /** Materials (feed bought + reagents): cent-rounded, and the unrounded sum the factors read. */
  materials: Expr;
  materialsFloat: Expr;
  opexTotal: Expr;
  fixed: Expr;
  variable: Expr;
  revTotal: Expr;
  inSpecRev: Expr;
  /** Revenue other than in-spec product (the credits of the net levelised cost). */
  credits: Expr;
  inSpecKg: Expr;
  /** OPEX rows of the case (for SUMIF by category), and the columns. */
  rows: [number, number];
  categoryCol: number;
  usdCol: number;
  /** Next free row of the OPEX sheet. */
  next: number;
}

/** Prepare the OPEX sheet (header, widths, frozen panes, print). */
export function opexSheet(g: Grid): void {
  g.header(1, 1, OPEX_HEADER);
  g.freeze = { rows: 1, cols: 4 };
  g.print = { fit: 'width', titleRows: [1, 1] };
  [6, 14, 22, 34, 12, 10, 16, 8, 14, 16, 16, 70].forEach((w, i) => g.width(i + 1, w));
}

/** The formula of one market term: quantity × price × payable. */
function termExpr(t: MoneyTerm, inp: Inputs): Expr {
  let price: Expr;
  if (t.priceKey.startsWith('cam.') && inp.hasPrice('quality-factor')) {
    // In-spec price of CAM already in spec at entry (capacity ratio 1): MIN(1, quality-factor) × virgin price.
    price = mul(min(lit(1), inp.price('quality-factor')), inp.price(t.priceKey));
  } else price = inp.price(t.priceKey);
  let factor: Expr | null;
  if (t.factorKeys.length === 0) factor = t.factor === 1 ? null : lit(t.factor);
  else if (t.factorKeys.length === 1 && t.factorKeys[0]!.startsWith('payable-li.')) factor = inp.price(t.factorKeys[0]!);
  else factor = min(lit(1), max(lit(0), t.factorKeys.length === 1 ? inp.price(t.factorKeys[0]!) : add(inp.price(t.factorKeys[0]!), inp.price(t.factorKeys[1]!))));
  const qp = mul(lit(t.quantity), price);
  return factor ? mul(qp, factor) : qp;
}

/** Text of a term for the notes column: "Ni 1.2e6 kg × metal.Ni × payable.cathode-scrap". */
function termText(t: MoneyTerm): string {
  const what = t.priceKey.startsWith('metal.') ? `${t.priceKey.slice(6)} ${numText(t.quantity)} kg` : `${numText(t.quantity)} kg`;
  const f = t.factorKeys.length ? ` × ${t.factorKeys.length > 1 ? `(${t.factorKeys.join(' + ')})` : t.factorKeys[0]}` : t.factor !== 1 ? ` × ${numText(t.factor)}` : '';
  return `${what} × ${t.priceKey}${f}`;
}

/** Does every term of a line have the price cells it needs? */
function termsPriced(terms: readonly MoneyTerm[], inp: Inputs): boolean {
  return terms.every((t) => inp.hasPrice(t.priceKey) && t.factorKeys.every((k) => inp.hasPrice(k)));
}

/** Writes the money lines of one case on the OPEX sheet, from row `o`. */
class LineWriter {
  readonly lines = new Map<string, Expr>();
  constructor(readonly og: Grid, public o: number, readonly inp: Inputs, readonly L: string, readonly V: (value: number | null | undefined, l: string) => EngineValue) {}

  /** One line: quantity, unit price (or factor), amount, note; returns the amount cell. */
  write(section: string, line: MoneyLine, qty: Expr | number | null, qtyUnit: string, price: Expr | null, priceUnit: string, usd: Expr, note: string): Expr {
    const { og, o } = this;
    og.set(o, O.case, this.L, { align: 'center' });
    og.set(o, O.section, section);
    og.set(o, O.id, line.id);
    og.set(o, O.label, line.label);
    og.set(o, O.cat, line.category);
    og.set(o, O.vf, line.variable ? 'variable' : 'fixed');
    if (typeof qty === 'number') og.set(o, O.qty, qty, fmt(qtyUnit === 'kWh' || qtyUnit === 'kg' || qtyUnit === 'h' ? FMT.kgYr : FMT.num2));
    else if (qty) put(og, o, O.qty, qty, fmt(FMT.usd0));
    og.set(o, O.qunit, qtyUnit);
    if (price) put(og, o, O.price, price, fmt(valueFormat(price.v)));
    og.set(o, O.punit, priceUnit);
    const e = put(og, o, O.usd, usd, fmt(FMT.usd), this.V(line.usd, `${section} ${line.id}`));
    if (note) og.set(o, O.note, readerText(note), STYLE.wrapped);
    this.o++;
    this.lines.set(line.id, e);
    return e;
  }

  /** The quantity cell of the line about to be written. */
  qtyCell(v: number): Expr {
    return ref(this.og.name, this.o, O.qty, v);
  }

  /** A line that is a sum of market terms (feed purchase, off-spec CAM): live over metal prices and payables. */
  market(section: string, line: MoneyLine, negate: boolean): Expr {
    const value = chain(line.terms!.map((t) => termExpr(t, this.inp)));
    const v = negate ? neg(value) : value;
    const q = line.quantity!;
    return this.write(section, line, q, line.quantityUnit ?? 'kg', div(v, lit(q)), 'USD/kg (derived)', cents(v), `${negate ? '−(' : ''}${line.terms!.map(termText).join(' + ')}${negate ? ')' : ''}; ${line.basis ?? ''}${line.note ? `; ${line.note}` : ''}`);
  }

  /** A line by its shape: market terms, quantity × named price, or the engine's value. */
  generic(section: string, line: MoneyLine): Expr {
    const inp = this.inp;
    if (line.terms && line.terms.length && line.quantity && termsPriced(line.terms, inp)) return this.market(section, line, line.category === 'waste' && line.id.startsWith('offspec.'));
    if (line.priceKey && line.quantity !== undefined && inp.hasPrice(line.priceKey)) {
      const price = inp.price(line.priceKey);
      return this.write(section, line, line.quantity, line.quantityUnit ?? '', price, `${line.priceUnit ?? ''} (${line.priceKey})`, cents(mul(this.qtyCell(line.quantity), price)), line.basis ?? line.note ?? '');
    }
    return this.write(section, line, line.quantity ?? null, line.quantityUnit ?? '', null, '', lit(line.usd), 'the engine\'s value (this line is not written as a formula)');
  }

  /** A subtotal row. */
  subtotal(row: number, lbl: string, e: Expr, engine: number | undefined, note = ''): Expr {
    const og = this.og;
    og.set(row, O.case, this.L, { align: 'center' });
    og.set(row, O.section, 'subtotal');
    og.set(row, O.label, lbl, STYLE.total);
    const x = put(og, row, O.usd, e, fmt(FMT.usd, STYLE.total), engine === undefined ? undefined : this.V(engine, lbl));
    if (note) og.set(row, O.note, note, STYLE.wrapped);
    return x;
  }
}

const rng = (og: Grid, r1: number, r2: number, c: number) => rangeText(og.name, r1, c, r2, c);
const sumWhere = (want: (l: MoneyLine) => boolean, items: { line: MoneyLine; e: Expr }[]) => items.filter((d) => want(d.line)).reduce((a, d) => a + d.e.v, 0);

/** Write the operating cost and revenue of a case from row `start`. */
export function operatingBlock(og: Grid, start: number, ev: Evaluation, idx: number, inp: Inputs, cap: CapitalRefs, V: (value: number | null | undefined, l: string) => EngineValue, caseName: string): OperatingRefs {
  const econ = ev.economics;
  const fin = econ.finance;
  // Each further case starts a printed page, so its title never sits alone at the foot of one.
  if (idx > 0) og.breakAfter(start - 1);
  og.section(start, 1, caseName);
  const opexFirst = start;
  const w = new LineWriter(og, start + 1, inp, caseLetter(idx), V);
  const lines = w.lines;
  const directLines = econ.opex.items.filter((i) => !i.id.startsWith('factor.'));
  const directExprs: { line: MoneyLine; e: Expr }[] = [];
  const directFirst = w.o;
  for (const line of directLines) directExprs.push({ line, e: w.generic('operating cost', line) });
  // Factor lines, in the engine's order: non-cash factors in preset order, then the cash-cost ones.
  const labourLine = lines.get('labour.operators') ?? lit(0);
  const materialsTerms = directExprs.filter((d) => d.line.category === 'reagents' || d.line.category === 'feed').map((d) => (d.line.category === 'feed' ? max(lit(0), d.e) : d.e));
  const factorRows = fin.operatingFactors;
  const cashFactors = factorRows.filter((f) => f.basis === 'cash-cost');
  const nonCash = factorRows.filter((f) => f.basis !== 'cash-cost');
  const revenueItems = econ.revenue.items;
  // Rows reserved below the lines for subtotals the factors read: filled in after.
  const factorLineOf = (f: OperatingFactorRow) => econ.opex.items.find((i) => i.id === `factor.${f.id}`);
  const nLines = directLines.length + factorRows.filter((f) => factorLineOf(f)).length;
  const linesLast = directFirst + nLines - 1;
  const sub0 = linesLast + 1;
  const subRow = { direct: sub0, directVar: sub0 + 1, directFixed: sub0 + 2, labour: sub0 + 3, materials: sub0 + 4, before: sub0 + 5, cash: sub0 + 6, total: sub0 + 7, fixed: sub0 + 8, variable: sub0 + 9 };
  const revFirst = subRow.variable + 2;
  const revLast = revFirst + revenueItems.length - 1;
  const revTotalRow = revLast + 1;
  const inSpecRevRow = revLast + 2;
  const creditsRow = revLast + 3;
  const inSpecKgRow = revLast + 4;
  // Float sums the engine forms sequentially (opex.ts directTotals) are written out as a + b + …
  const dTotalE = chain(directExprs.map((d) => d.e));
  const dTotal = ref(og.name, subRow.direct, O.usd, dTotalE.v);
  const materialsFloatE = chain(materialsTerms);
  const materialsFloat = ref(og.name, subRow.materials, O.qty, materialsFloatE.v);
  const materials = ref(og.name, subRow.materials, O.usd, roundHalfAway(materialsFloatE.v * 100) / 100);
  const revTotal = ref(og.name, revTotalRow, O.usd, econ.revenue.totalUsd);
  const bases = (f: OperatingFactorRow, sup: Expr, maint: Expr, revenue: Expr): Expr => {
    switch (f.basis) {
      case 'labour': return labourLine;
      case 'labour+supervision': return add(labourLine, sup);
      case 'labour+supervision+maintenance': return add(add(labourLine, sup), maint);
      case 'maintenance': return maint;
      case 'materials': return materialsFloat;
      case 'fci': return cap.fci;
      case 'isbl': return cap.isbl;
      case 'isbl+osbl': return add(cap.isbl, cap.osbl);
      case 'buildings+land': return cap.bpl;
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
    const bRef = ref(og.name, w.o, O.qty, basis.v);
    // opex.ts factorCosts(): r(f.value × basisUsd)
    const e = w.write('operating cost', line, basis, `USD (${f.basis})`, inp.opf(f.id), 'fraction', cents(mul(inp.opf(f.id), bRef)), `${f.label}: ${f.value} × ${f.basis}`);
    if (f.id === 'supervision') sup = e;
    else if (f.id === 'maintenance') maint = e;
    nonCashExprs.push(e);
  }
  const beforeE = chain([dTotal, ...nonCashExprs]);
  const cashBase = div(max(lit(0), ref(og.name, subRow.before, O.usd, beforeE.v)), sub(lit(1), chain(cashFactors.map((f) => inp.opf(f.id)))));
  const cashCost = ref(og.name, subRow.cash, O.usd, cashBase.v);
  for (const f of cashFactors) {
    const line = factorLineOf(f);
    if (!line) continue;
    const bRef = ref(og.name, w.o, O.qty, cashCost.v);
    w.write('operating cost', line, cashCost, 'USD (cash cost of production)', inp.opf(f.id), 'fraction', cents(mul(inp.opf(f.id), bRef)), `${f.label}: ${f.value} × cash cost of production`);
  }
  if (w.o - 1 !== linesLast) throw new Error(`internal: OPEX layout (${w.o - 1} ≠ ${linesLast})`);
  // Subtotals.
  const subLine = (row: number, lbl: string, e: Expr, engine: number | undefined, note = '') => w.subtotal(row, lbl, e, engine, note);
  const allItems = [...directExprs, ...[...nonCash, ...cashFactors].map((f) => factorLineOf(f)).filter((l): l is MoneyLine => !!l).map((l) => ({ line: l, e: lines.get(l.id)! }))];
  subLine(subRow.direct, 'direct operating costs', dTotalE, undefined, 'Σ lines that are quantity × price (summed in line order, as the engine)');
  const dVar = subLine(subRow.directVar, 'direct costs, variable', chain(directExprs.filter((d) => d.line.variable).map((d) => d.e)), undefined);
  const dFix = subLine(subRow.directFixed, 'direct costs, fixed', chain(directExprs.filter((d) => !d.line.variable).map((d) => d.e)), undefined);
  subLine(subRow.labour, 'operating labour (basis of labour factors)', labourLine, undefined);
  subLine(subRow.materials, 'materials: feed bought + reagents (to the cent; the quantity column holds the unrounded basis of the materials factors)', cents(materialsFloat), econ.opex.materialsUsd, 'feed lines count only when positive (paid)');
  put(og, subRow.materials, O.qty, materialsFloatE, fmt(FMT.usd0));
  subLine(subRow.before, 'costs before the cash-cost factors', beforeE, undefined);
  subLine(subRow.cash, 'cash cost of production (basis of the cash-cost factors)', cashBase, undefined, '= max(0, costs before) / (1 − Σ cash-cost factors)');
  const opexTotal = subLine(subRow.total, 'operating cost total', cents(call('SUM', [rng(og, directFirst, linesLast, O.usd)], allItems.reduce((a, d) => a + d.e.v, 0))), econ.opex.totalUsd);
  const fixed = subLine(subRow.fixed, 'operating cost, fixed', cents(call('SUMIF', [rng(og, directFirst, linesLast, O.vf), () => str('fixed'), rng(og, directFirst, linesLast, O.usd)], sumWhere((l) => !l.variable, allItems))), econ.opex.fixedUsd);
  const variable = subLine(subRow.variable, 'operating cost, variable', cents(sub(opexTotal, fixed)), econ.opex.variableUsd);
  const r = revenueBlock(w, ev, inp, { first: revFirst, last: revLast, total: revTotalRow, inSpec: inSpecRevRow, credits: creditsRow, kg: inSpecKgRow });
  const { inSpecRev, credits, inSpecKg } = r;
  return {
    dTotal, dVar, dFix, labour: labourLine, materials, materialsFloat, opexTotal, fixed, variable, revTotal, inSpecRev, credits, inSpecKg,
    rows: [opexFirst, inSpecKgRow], categoryCol: O.cat, usdCol: O.usd, next: inSpecKgRow + 3,
  };
}

/** Rows of the revenue block. */
interface RevenueRows {
  first: number;
  last: number;
  total: number;
  inSpec: number;
  credits: number;
  kg: number;
}

/** The revenue lines (in-spec product at its capacity-priced price, off-spec CAM, by-products) and their subtotals. */
function revenueBlock(w: LineWriter, ev: Evaluation, inp: Inputs, rows: RevenueRows): { inSpecRev: Expr; credits: Expr; inSpecKg: Expr } {
  const og = w.og;
  const econ = ev.economics;
  const items = econ.revenue.items;
  w.o = rows.first;
  for (const line of items) {
    if (line.id.startsWith('cam.') && line.quantity !== undefined && line.priceKey) {
      const chem = line.id.slice(4);
      const direct = `regenerated.${chem}`;
      // issue 11: the price follows the capacity ratio (economics/opex.ts inSpecPrice)
      const ratio = lit(line.factor ?? 1);
      const price = line.priceKey === direct ? mul(inp.price(direct), ratio) : mul(min(lit(1), mul(inp.price('quality-factor'), ratio)), inp.price(`cam.${chem}`));
      w.write('revenue', line, line.quantity, 'kg', price, 'USD/kg', cents(mul(w.qtyCell(line.quantity), price)), line.basis ?? '');
    } else w.generic('revenue', line);
  }
  const revItems = items.map((l) => ({ line: l, e: w.lines.get(l.id)! }));
  const some = items.length > 0;
  const range = (c: number) => rng(og, rows.first, rows.last, c);
  w.subtotal(rows.total, 'revenue total', some ? cents(call('SUM', [range(O.usd)], revItems.reduce((a, d) => a + d.e.v, 0))) : lit(0), econ.revenue.totalUsd);
  const inSpecRev = w.subtotal(rows.inSpec, 'revenue from in-spec product', some ? cents(call('SUMIF', [range(O.cat), () => str('in-spec'), range(O.usd)], sumWhere((l) => l.category === 'in-spec', revItems))) : lit(0), undefined);
  const credits = w.subtotal(rows.credits, 'credits: off-spec CAM and by-products (revenue other than in-spec product)', some ? cents(call('SUMIF', [range(O.cat), () => str('<>in-spec'), range(O.usd)], sumWhere((l) => l.category !== 'in-spec', revItems))) : lit(0), undefined, 'netted in the net levelised cost');
  const productKgV = ev.economicsInput.products.inSpec.reduce((a, p) => a + p.kgPerYear, 0);
  og.set(rows.kg, O.case, w.L, { align: 'center' });
  og.set(rows.kg, O.section, 'subtotal');
  og.set(rows.kg, O.label, 'in-spec product at full output (kg/yr)', STYLE.total);
  const inSpecKg = put(og, rows.kg, O.qty, some ? call('SUMIF', [range(O.cat), () => str('in-spec'), range(O.qty)], productKgV) : lit(0), fmt(FMT.kgYr, STYLE.total), w.V(productKgV, 'in-spec product'));
  og.set(rows.kg, O.qunit, 'kg');
  return { inSpecRev, credits, inSpecKg };
}
