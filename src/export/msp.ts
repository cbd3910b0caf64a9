/**
 * The minimum selling price of in-spec product as live formulas: the price at which the after-tax
 * NPV is zero, with the NPV in plain numbers as the engine's solver evaluates it (unrounded factor
 * costs, working capital and cash flow). NPV is piecewise linear in the price — linear while every
 * year keeps its tax regime (profit, loss, loss carried forward) — so Newton steps with a local
 * slope (NPV(p + δ) − NPV(p))/δ, δ = 10⁻³·max(1, |p|), land on the exact root once a step reaches
 * the root's linear piece: from the current average price a, p₁ = a − NPV(a)/slope(a), and so on
 * for MSP_STEPS steps. The result is the first pₖ with |NPV(pₖ)| ≤ the engine's tolerance
 * (10⁻¹⁰ × max(1, FCI, |revenue|, |operating cost|)). Each trial price is a column of the Cash
 * flow sheet: its revenue, factor costs, working capital and a yearly band of taxable income, loss
 * pool, tax and discounted flow.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import type { OperatingFactorRow } from '../economics/finance.js';
import { Grid, FMT, fmt, a1, type CellStyle } from './grid.js';
import { type Expr, type EngineValue, lit, add, sub, mul, div, neg, min, max, abs, iff, gt, call, chain, str, put, putNum, putRaw } from './expr.js';
import type { Inputs } from './assumptions.js';
import { MUSD, type CapitalRefs } from './capital.js';
import type { OperatingRefs } from './operating.js';
import type { CashFlowRefs } from './cashflow.js';

/** What the minimum-selling-price block reads. */
export interface MspInputs {
  ev: Evaluation;
  label: string;
  inp: Inputs;
  cap: CapitalRefs;
  op: OperatingRefs;
  cf: CashFlowRefs;
}

/** Newton steps of the minimum-selling-price search. */
const MSP_STEPS = 5;

/** Rows of the trial table (one column per trial price). */
interface Layout {
  other: Expr;
  a0: Expr;
  tol: Expr;
  sT: Expr;
  dfs: Expr[];
  priceRow: number;
  revRow: number;
  factorRow: Map<string, number>;
  cashRow: number;
  facVarRow: number;
  facFixRow: number;
  facTotRow: number;
  wcRow: number;
  varRow: number;
  fixRow: number;
  npvRow: number;
  slopeRow: number;
  nextRow: number;
  bandStart: number;
  trialNames: string[];
}

const T0 = 3; // first trial column
const Y0 = 3; // first year column of the bands

/** Write the constants, the row labels of the trial table and the discount factors. */
function layout(g: Grid, r: number, x: MspInputs): Layout {
  const fin = x.ev.economics.finance;
  g.section(r++, 1, 'Minimum selling price (after-tax NPV = 0): Newton steps on the engine\'s unrounded NPV, one column per trial price');
  const constLine = (lbl: string, e: Expr, unit: string): Expr => {
    g.set(r, 1, lbl);
    const y = put(g, r, 2, e, fmt(FMT.general));
    g.set(r, 3, unit);
    r++;
    return y;
  };
  const { cap, op } = x;
  const other = constLine('revenue other than in-spec product', sub(op.revTotal, op.inSpecRev), 'USD/yr');
  const a0 = constLine('current average in-spec price a = in-spec revenue / in-spec kg', div(op.inSpecRev, op.inSpecKg), 'USD/kg');
  const tol = constLine('tolerance = 1e-10 × max(1, FCI, |revenue|, |operating cost|)', mul(lit(1e-10), call('MAX', [lit(1), cap.fci, abs(op.revTotal), abs(op.opexTotal)], Math.max(1, cap.fci.v, Math.abs(op.revTotal.v), Math.abs(op.opexTotal.v)))), 'USD');
  const xr = constLine('x = 1/(1 + discount rate)', div(lit(1), add(lit(1), x.inp.fin('discountRate'))), '–');
  const sT = constLine('taxable salvage, unrounded = salvage × depreciable capital', mul(x.inp.fin('salvage'), cap.dep), 'USD');
  r++;
  const nTrials = 2 * MSP_STEPS + 1;
  const trialNames = Array.from({ length: nTrials }, (_, j) => (j % 2 === 0 ? `p${j / 2}${j === 0 ? ' = a' : ''}` : `p${(j - 1) / 2} + δ`));
  g.header(r++, 1, ['quantity', 'unit', ...trialNames]);
  const priceRow = r++;
  const revRow = r++;
  const factors = fin.operatingFactors;
  const factorRow = new Map<string, number>();
  for (const f of factors.filter((y) => y.basis !== 'cash-cost')) factorRow.set(f.id, r++);
  const cash = factors.filter((f) => f.basis === 'cash-cost');
  const cashRow = cash.length ? r++ : 0;
  for (const f of cash) factorRow.set(f.id, r++);
  const rows = { facVarRow: r++, facFixRow: r++, facTotRow: r++, wcRow: r++, varRow: r++, fixRow: r++, npvRow: r++, slopeRow: r++, nextRow: r++ };
  const lab = (row: number, l: string, unit: string, style?: CellStyle) => { g.set(row, 1, l, style); g.set(row, 2, unit); };
  lab(priceRow, 'price of in-spec product', 'USD/kg');
  lab(revRow, 'revenue = other + in-spec kg × price', 'M USD/yr');
  for (const f of factors) lab(factorRow.get(f.id)!, `factor ${f.id} (unrounded; basis ${f.basis})`, 'M USD/yr');
  if (cashRow) lab(cashRow, 'cash cost of production = max(0, direct + other factors)/(1 − Σ cash-cost factors)', 'M USD/yr');
  lab(rows.facVarRow, 'factor costs, variable', 'M USD/yr');
  lab(rows.facFixRow, 'factor costs, fixed', 'M USD/yr');
  lab(rows.facTotRow, 'factor costs, total', 'M USD/yr');
  lab(rows.wcRow, 'working capital (unrounded)', 'M USD');
  lab(rows.varRow, 'variable operating cost', 'M USD/yr');
  lab(rows.fixRow, 'fixed operating cost', 'M USD/yr');
  lab(rows.npvRow, 'NPV (Σ discounted flows of the band below)', 'M USD', { bold: true });
  lab(rows.slopeRow, 'slope (NPV(p + δ) − NPV(p))/δ', 'M USD per USD/kg');
  lab(rows.nextRow, 'next price p − NPV(p)/slope', 'USD/kg');
  r++;
  const N = fin.construction.length + fin.lifeYears;
  g.header(r++, 1, ['yearly band', 'trial', ...Array.from({ length: N }, (_, t) => `year ${t}`)]);
  const dfRow = r++;
  g.set(dfRow, 1, 'discount factor x^t (a repeated product, as the engine forms it)');
  const dfs: Expr[] = [];
  for (let t = 0; t < N; t++) dfs.push(t === 0 ? putNum(g, dfRow, Y0, 1, fmt(FMT.frac)) : put(g, dfRow, Y0 + t, mul(dfs[t - 1]!, xr), fmt(FMT.frac)));
  return { other, a0, tol, sT, dfs, priceRow, revRow, factorRow, cashRow, ...rows, bandStart: r, trialNames };
}

/** One trial price: its column of the table and its band of yearly flows; returns the price and NPV cells. */
function trialColumn(g: Grid, x: MspInputs, l: Layout, j: number, price: Expr): { p: Expr; npv: Expr } {
  const fin = x.ev.economics.finance;
  const { inp, cap, op, cf } = x;
  const C = fin.construction.length;
  const L = fin.lifeYears;
  const usd = fmt(MUSD);
  const c = T0 + j;
  const p = put(g, l.priceRow, c, price, fmt(FMT.usdPerKg4));
  const rev = put(g, l.revRow, c, add(l.other, mul(op.inSpecKg, p)), usd);
  // opex.ts factorCosts(exact = false)
  let sup: Expr = lit(0);
  let maint: Expr = lit(0);
  const items: { f: OperatingFactorRow; e: Expr }[] = [];
  const cash = fin.operatingFactors.filter((f) => f.basis === 'cash-cost');
  for (const f of fin.operatingFactors.filter((y) => y.basis !== 'cash-cost')) {
    let basis: Expr;
    switch (f.basis) {
      case 'labour': basis = op.labour; break;
      case 'labour+supervision': basis = add(op.labour, sup); break;
      case 'labour+supervision+maintenance': basis = add(add(op.labour, sup), maint); break;
      case 'maintenance': basis = maint; break;
      case 'materials': basis = op.materialsFloat; break;
      case 'fci': basis = cap.fci; break;
      case 'isbl': basis = cap.isbl; break;
      case 'isbl+osbl': basis = add(cap.isbl, cap.osbl); break;
      case 'buildings+land': basis = cap.bpl; break;
      case 'revenue': basis = rev; break;
      default: throw new Error('internal: factor basis');
    }
    const e = put(g, l.factorRow.get(f.id)!, c, mul(inp.opf(f.id), basis), usd);
    if (f.id === 'supervision') sup = e;
    else if (f.id === 'maintenance') maint = e;
    items.push({ f, e });
  }
  if (cash.length) {
    const running = chain([op.dTotal, ...items.map((i) => i.e)]);
    const cc = put(g, l.cashRow, c, div(max(lit(0), running), sub(lit(1), chain(cash.map((f) => inp.opf(f.id))))), usd);
    for (const f of cash) items.push({ f, e: put(g, l.factorRow.get(f.id)!, c, mul(inp.opf(f.id), cc), usd) });
  }
  const facVar = put(g, l.facVarRow, c, chain(items.filter((i) => i.f.variable).map((i) => i.e)), usd);
  const facFix = put(g, l.facFixRow, c, chain(items.filter((i) => !i.f.variable).map((i) => i.e)), usd);
  const facTot = put(g, l.facTotRow, c, sub(chain([op.dTotal, ...items.map((i) => i.e)]), op.dTotal), usd);
  // capex.ts workingCapital(exact = false)
  let w: Expr;
  if (fin.workingCapitalOfFci !== null) w = mul(cap.fci, inp.fin('workingCapitalOfFci'));
  else if (fin.capexMethod === 'towler-sinnott') {
    const cashCost = add(op.dTotal, facTot);
    w = add(sub(div(mul(cashCost, inp.capf('wc-ccop-weeks')), lit(52)), div(mul(op.materials, inp.capf('wc-materials-weeks')), lit(52))), mul(add(cap.isbl, cap.osbl), inp.capf('wc-isbl-osbl')));
  } else if (fin.capexMethod === 'peters') w = div(mul(cap.fci, inp.capf('working-capital')), sub(lit(1), inp.capf('working-capital')));
  else w = mul(cap.fci, inp.capf('working-capital'));
  const W = put(g, l.wcRow, c, w, usd);
  const vOp = put(g, l.varRow, c, add(op.dVar, facVar), usd);
  const fOp = put(g, l.fixRow, c, add(op.dFix, facFix), usd);
  // The yearly band of this trial (the engine's unrounded cash flow).
  const base = l.bandStart + j * 6;
  const lbl = l.trialNames[j]!;
  ['revenue (M USD)', 'operating cost (M USD)', 'taxable income (M USD)', 'loss pool (M USD)', 'tax (M USD)', 'discounted flow (M USD)'].forEach((n, i) => { g.set(base + i, 1, n); g.set(base + i, 2, lbl); });
  const flows: Expr[] = [];
  let pool: Expr = lit(0);
  for (let t = 0; t < C + L; t++) {
    const col = Y0 + t;
    if (t < C) {
      flows.push(put(g, base + 5, col, neg(mul(mul(cap.fci, inp.construction(t)), l.dfs[t]!)), usd));
      continue;
    }
    const kk = t - C;
    const last = kk === L - 1;
    const phi = cf.phi[t]!;
    const revT = put(g, base, col, mul(rev, phi), usd);
    const opT = put(g, base + 1, col, add(mul(vOp, phi), fOp), usd);
    let taxable = sub(sub(revT, opT), cf.dep[t]!);
    if (last) taxable = add(taxable, l.sT);
    const taxableT = put(g, base + 2, col, taxable, usd);
    let tax: Expr;
    if (fin.losses === 'credit') {
      putNum(g, base + 3, col, 0, usd);
      tax = put(g, base + 4, col, mul(taxableT, inp.fin('taxRate')), usd);
    } else {
      const used = min(pool, taxableT);
      pool = put(g, base + 3, col, iff(gt(taxableT, lit(0)), sub(pool, used), sub(pool, taxableT)), usd);
      tax = put(g, base + 4, col, iff(gt(taxableT, lit(0)), mul(sub(taxableT, used), inp.fin('taxRate')), lit(0)), usd);
    }
    let flow = sub(revT, opT);
    if (kk === 0 && last) flow = sub(flow, sub(W, W));
    else if (kk === 0) flow = sub(flow, W);
    else if (last) flow = sub(flow, neg(W));
    if (last) flow = add(flow, add(l.sT, cap.land));
    flow = sub(flow, tax);
    flows.push(put(g, base + 5, col, mul(flow, l.dfs[t]!), usd));
  }
  // A sequential sum (as the engine accumulates): near the root the flows cancel, and SUM's
  // compensated summation would differ from the engine in the last digits.
  const npv = put(g, l.npvRow, c, chain(flows), fmt(MUSD, { bold: true }));
  return { p, npv };
}

/** Write the minimum-selling-price block from row `r`; returns the next free row. */
export function mspBlock(g: Grid, r: number, x: MspInputs): number {
  const engine = x.ev.economics.minSellingPrice;
  const V = (value: number | null | undefined, l: string): EngineValue => ({ value, label: `${x.label}: ${l}` });
  const l = layout(g, r, x);
  const steps: { p: Expr; npv: Expr; slope: Expr }[] = [];
  let price: Expr = l.a0;
  for (let k = 0; k < MSP_STEPS; k++) {
    const here = trialColumn(g, x, l, 2 * k, price);
    const delta = mul(lit(1e-3), max(lit(1), abs(here.p)));
    const there = trialColumn(g, x, l, 2 * k + 1, add(here.p, delta));
    const slope = put(g, l.slopeRow, T0 + 2 * k, div(sub(there.npv, here.npv), sub(there.p, here.p)), fmt(MUSD));
    price = put(g, l.nextRow, T0 + 2 * k, sub(here.p, div(here.npv, slope)), fmt(FMT.usdPerKg4));
    steps.push({ ...here, slope });
  }
  const all = [...steps.map((s0) => ({ p: s0.p, npv: s0.npv })), trialColumn(g, x, l, 2 * MSP_STEPS, price)];
  r = l.bandStart + l.trialNames.length * 6 + 1;
  const t = (e: Expr) => e.t(g.name);
  const tol = l.tol;
  const rising = steps[0]!.slope;
  const firstOk = all.findIndex((s0) => Math.abs(s0.npv.v) <= tol.v);
  const chosen = Math.abs(all[0]!.npv.v) <= tol.v ? 0 : !(rising.v > 0) ? -1 : firstOk >= 0 ? firstOk : all.length - 1;
  const nested = (k: number): string => (k === all.length - 1 ? t(all[k]!.p) : `IF(ABS(${t(all[k]!.npv)})<=${t(tol)},${t(all[k]!.p)},${nested(k + 1)})`);
  const nestedNpv = (k: number): string => (k === all.length - 1 ? t(all[k]!.npv) : `IF(ABS(${t(all[k]!.npv)})<=${t(tol)},${t(all[k]!.npv)},${nestedNpv(k + 1)})`);
  const res = (lbl: string, unit: string): number => { g.set(r, 1, lbl); g.set(r, 3, unit); return r++; };
  const mspResRow = res('minimum selling price (first trial price with |NPV| ≤ tolerance)', 'USD/kg');
  const mspV = chosen >= 0 ? all[chosen]!.p.v : null;
  putRaw(g, mspResRow, 2, `IF(ABS(${t(all[0]!.npv)})<=${t(tol)},${t(all[0]!.p)},IF(${t(rising)}>0,${nested(1)},${str('none')}))`, engine.usdPerKg ?? mspV ?? 'none', fmt(FMT.usdPerKg4, { bold: true }), V(engine.usdPerKg, 'minimum selling price'));
  if (mspV !== null && engine.usdPerKg !== null) g.checks.push({ sheet: g.name, address: a1(mspResRow, 2), label: `${x.label}: minimum selling price (formula)`, formulaValue: mspV, engineValue: engine.usdPerKg });
  g.set(mspResRow, 4, `the engine solves it with ${engine.method}, ${engine.iterations} NPV evaluations`);
  const atRow = res('NPV at that price', 'USD');
  const npvAt = chosen >= 0 ? all[chosen]!.npv.v : all[0]!.npv.v;
  putRaw(g, atRow, 2, `IF(ABS(${t(all[0]!.npv)})<=${t(tol)},${t(all[0]!.npv)},${nestedNpv(1)})`, npvAt, fmt(FMT.usd));
  const okRow = res('converged (|NPV| ≤ tolerance)?', '');
  const ok = Math.abs(npvAt) <= tol.v && chosen >= 0;
  putRaw(g, okRow, 2, `IF(AND(ABS(${a1(atRow, 2)})<=${t(tol)},ISNUMBER(${a1(mspResRow, 2)})),${str('yes')},${str('no: use the engine value')})`, ok ? 'yes' : 'no: use the engine value');
  // The Results line points here.
  putRaw(g, x.cf.mspRow, 2, a1(mspResRow, 2), engine.usdPerKg ?? mspV ?? 'none', fmt(FMT.usdPerKg4, { bold: true }), V(engine.usdPerKg, 'minimum selling price (results)'));
  return r + 2;
}
