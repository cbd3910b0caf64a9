/**
 * Capital and working capital of one case on the Cash flow sheet, as live formulas mirroring
 * economics/capex.ts line by line: purchased equipment (Σ Equipment sheet), the preset's factor
 * lines (Towler–Sinnott, Peters, Lang) — each cents(basis × factor) — fixed capital, land,
 * depreciable capital, and the working capital of the preset's rule.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { Grid, FMT, STYLE, fmt, type CellStyle } from './grid.js';
import { type Expr, type EngineValue, lit, add, sub, mul, div, call, rangeText, cents, mulCents, sumOf, put, putNum } from './expr.js';
import type { Inputs } from './assumptions.js';
import type { EquipmentRefs } from './equipment.js';
import { readerText } from './reader-text.js';

/** Money in M USD by number format (the cells hold US dollars to the cent). */
export const MUSD = '#,##0.00,,';

/** The capital cells the rest of the economics reads. */
export interface CapitalRefs {
  fci: Expr;
  isbl: Expr;
  osbl: Expr;
  land: Expr;
  /** Depreciable capital (FCI − land). */
  dep: Expr;
  /** Buildings + land (the rent basis). */
  bpl: Expr;
  /** Taxable salvage, cent-rounded. */
  salvageTaxable: Expr;
}

/** Writes capital-style lines (item, factor, basis, amount, source) from row `r`. */
export class CapitalLines {
  constructor(readonly g: Grid, public r: number, readonly engine: (value: number | null | undefined, label: string) => EngineValue) {}

  line(lbl: string, factor: Expr | null, basisText: string, basis: Expr | null, amount: Expr, engine: number | undefined, source: string, style?: CellStyle): Expr {
    const g = this.g;
    const r = this.r++;
    g.set(r, 1, lbl, style);
    if (factor) put(g, r, 2, factor, fmt(FMT.general));
    if (basisText) g.set(r, 3, basisText);
    if (basis) put(g, r, 4, basis, fmt(MUSD));
    const e = put(g, r, 5, amount, fmt(MUSD, style), engine === undefined ? undefined : this.engine(engine, lbl));
    if (source) g.set(r, 6, readerText(source), STYLE.note);
    return e;
  }

  subtotal(lbl: string, e: Expr, engine: number | undefined): Expr {
    return this.line(lbl, null, '', null, e, engine ?? e.v, '', STYLE.total);
  }
}

/** Write the capital-cost block of a case from `w.r` (title row included). */
export function capitalBlock(w: CapitalLines, ev: Evaluation, inp: Inputs, eq: EquipmentRefs): CapitalRefs {
  const g = w.g;
  const fin = ev.economics.finance;
  const capex = ev.economics.capex;
  g.section(w.r++, 1, `Capital cost (${fin.presetLabel}; US dollars of ${capex.cepciYear})`);
  g.header(w.r++, 1, ['item', 'factor', 'basis', 'basis (M USD)', 'amount (M USD)', 'source']);
  const lineOf = (id: string) => capex.lines.find((l) => l.id === id);
  const pecLine = lineOf('purchased-equipment')!;
  // Totals the engine forms with sumUsd (exact decimal sums of cents) are cents(SUM(…)): the same double.
  const pecExpr = eq.rows ? cents(call('SUM', [rangeText('Equipment', eq.rows[0], eq.purchaseCol, eq.rows[1], eq.purchaseCol)], eq.purchase.reduce((a, x) => a + x.v, 0))) : lit(0);
  const pec = w.line('purchased equipment (Σ Equipment sheet)', null, 'Σ equipment', null, pecExpr, capex.purchasedEquipmentUsd, pecLine.source, { bold: true });
  const factorLine = (id: string, basisText: string, basis: Expr): Expr => {
    const l = lineOf(id)!;
    const f = inp.capf(id);
    // capex.ts line(): cents(basisUsd × factor)
    return w.line(l.label, f, basisText, basis, cents(mul(basis, f)), l.usd, l.source);
  };
  let fci: Expr;
  let land: Expr = lit(0);
  let buildings: Expr = lit(0);
  let isbl: Expr;
  let osbl: Expr = lit(0);
  switch (fin.capexMethod) {
    case 'towler-sinnott': {
      const ids = ['erection', 'piping', 'instrumentation', 'electrical', 'civil', 'structures', 'lagging'];
      const ls = ids.map((id) => factorLine(id, 'PEC', pec));
      isbl = w.subtotal('ISBL = PEC + Σ lines above', cents(sumOf([pec, ...ls])), capex.isblUsd);
      osbl = factorLine('osbl', 'ISBL', isbl);
      const io = w.subtotal('ISBL + OSBL', cents(add(isbl, osbl)), capex.subtotals.isblPlusOsblUsd);
      const de = factorLine('design-engineering', 'ISBL + OSBL', io);
      const cont = factorLine('contingency', 'ISBL + OSBL', io);
      fci = w.subtotal('fixed capital investment (FCI)', cents(sumOf([io, de, cont])), capex.fixedCapitalUsd);
      buildings = ls[ids.indexOf('structures')]!;
      break;
    }
    case 'peters': {
      const ids = ['installation', 'instrumentation', 'piping', 'electrical', 'buildings', 'service-facilities', 'land'];
      const ls = ids.map((id) => factorLine(id, 'PEC', pec));
      const dc = w.subtotal('direct cost = PEC + Σ lines above', cents(sumOf([pec, ...ls])), capex.subtotals.directCostUsd);
      const eng = factorLine('engineering', 'direct cost', dc);
      const con = factorLine('construction', 'direct cost', dc);
      const ic = w.subtotal('indirect cost', cents(add(eng, con)), capex.subtotals.indirectCostUsd);
      const dcic = w.subtotal('direct + indirect cost', cents(add(dc, ic)), undefined);
      const l = lineOf('contingency')!;
      const c = inp.capf('contingency');
      // capex.ts: cents((dcic × c)/(1 − c))
      const cont = w.line(l.label, c, 'direct + indirect cost × c/(1 − c)', dcic, cents(div(mul(dcic, c), sub(lit(1), c))), l.usd, l.source);
      fci = w.subtotal('fixed capital investment (FCI)', cents(add(dcic, cont)), capex.fixedCapitalUsd);
      land = ls[ids.indexOf('land')]!;
      buildings = ls[ids.indexOf('buildings')]!;
      isbl = w.subtotal('ISBL (FCI − land)', cents(sub(fci, land)), capex.isblUsd);
      break;
    }
    case 'lang': {
      const l = lineOf('lang')!;
      const f = inp.capf('lang');
      const lineE = w.line(l.label, f, 'PEC × (Lang − 1)', pec, cents(mul(pec, sub(f, lit(1)))), l.usd, l.source);
      fci = w.subtotal('fixed capital investment (FCI)', cents(add(pec, lineE)), capex.fixedCapitalUsd);
      isbl = fci;
      break;
    }
  }
  let landE: Expr;
  if (fin.capexMethod === 'peters') landE = w.subtotal('land (not depreciated; recovered at the end)', land, capex.landUsd);
  else {
    g.set(w.r, 1, 'land (none in this preset)');
    landE = putNum(g, w.r++, 5, 0, fmt(MUSD));
  }
  const dep = w.subtotal('depreciable capital (FCI − land)', cents(sub(fci, landE)), capex.depreciableCapitalUsd);
  const bpl = w.subtotal('buildings + land (rent basis)', cents(add(buildings, landE)), capex.buildingsUsd + capex.landUsd);
  const salvageTaxable = w.subtotal('taxable salvage = salvage share × depreciable capital (to the cent)', mulCents(dep, inp.fin('salvage')), undefined);
  w.r++;
  return { fci, isbl, osbl, land: landE, dep, bpl, salvageTaxable };
}

/** What the working capital reads from the operating costs. */
export interface WorkingCapitalBasis {
  opexTotal: Expr;
  materials: Expr;
}

/** Write the working-capital block and total capital investment; returns [working capital, TCI]. */
export function workingCapitalBlock(w: CapitalLines, ev: Evaluation, inp: Inputs, cap: CapitalRefs, basis: WorkingCapitalBasis): [Expr, Expr] {
  const g = w.g;
  const econ = ev.economics;
  const fin = econ.finance;
  g.section(w.r++, 1, 'Working capital');
  g.header(w.r++, 1, ['item', 'factor', 'basis', 'basis (M USD)', 'amount (M USD)', 'rule']);
  const wcEng = econ.workingCapital;
  const rule = wcEng.rule;
  let wc: Expr;
  if (fin.workingCapitalOfFci !== null) {
    wc = w.line('working capital', inp.fin('workingCapitalOfFci'), 'share × FCI', cap.fci, cents(mul(cap.fci, inp.fin('workingCapitalOfFci'))), wcEng.usd, rule, STYLE.total);
  } else if (fin.capexMethod === 'towler-sinnott') {
    const wk = inp.capf('wc-ccop-weeks');
    const wm = inp.capf('wc-materials-weeks');
    const fi = inp.capf('wc-isbl-osbl');
    const part = (id: string) => wcEng.parts.find((p) => p.id === id)!.usd;
    const a = w.line('weeks of cash cost of production / 52', wk, 'operating cost total', basis.opexTotal, cents(div(mul(basis.opexTotal, wk), lit(52))), part('ccop-weeks'), rule);
    const b = w.line('less weeks of materials / 52', wm, 'materials', basis.materials, cents(div(mul(basis.materials, wm), lit(52))), -part('materials-weeks'), rule);
    const c = w.line('share of ISBL + OSBL', fi, 'ISBL + OSBL', add(cap.isbl, cap.osbl), cents(mul(add(cap.isbl, cap.osbl), fi)), part('isbl-osbl'), rule);
    wc = w.subtotal('working capital', cents(add(sub(a, b), c)), wcEng.usd);
  } else if (fin.capexMethod === 'peters') {
    const x = inp.capf('working-capital');
    wc = w.line('working capital', x, 'FCI × w/(1 − w)', cap.fci, cents(div(mul(cap.fci, x), sub(lit(1), x))), wcEng.usd, rule, STYLE.total);
  } else {
    const x = inp.capf('working-capital');
    wc = w.line('working capital', x, 'w × FCI', cap.fci, cents(mul(cap.fci, x)), wcEng.usd, rule, STYLE.total);
  }
  const tci = w.subtotal('total capital investment = FCI + working capital', cents(add(cap.fci, wc)), econ.totalCapitalInvestmentUsd);
  w.r++;
  return [wc, tci];
}
