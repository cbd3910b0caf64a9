/**
 * The cash flow of one case on the Cash flow sheet, its results and its environmental figures,
 * as live formulas mirroring economics/cashflow.ts and economics/environment.ts:
 *
 *   cash flow     integer-cent arithmetic per year: ROUND(ROUND(x×100,0)×f,0)/100
 *   NPV           Σ present values; IRR = IRR(net cash flows, discount rate); payback = first
 *                 year the cumulative cash flow turns ≥ 0 (interpolated)
 *   levelised     gross = SUMPRODUCT(costs, df) / SUMPRODUCT(kg, df); net = (PV costs − PV credits)
 *                 / PV kg, credits = off-spec and by-product revenue × output share × df
 *   environment   site energy, primary energy (cradle to gate), GHG, water per kg in-spec
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { Grid, FMT, fmt, a1, type CellStyle } from './grid.js';
import { type Expr, type EngineValue, lit, ref, add, sub, mul, div, pow, neg, min, iff, gt, ge, call, rangeText, cents, mulCents, centsDiff, str, put, putNum, putRaw } from './expr.js';
import type { Inputs } from './assumptions.js';
import { MUSD, type CapitalRefs } from './capital.js';
import type { OperatingRefs } from './operating.js';


/**
 * Rows of the cash-flow table (years run across, one column per year from the start of
 * construction): label, and the number format. Money is shown in M USD by the number format
 * ("#,##0.00,,"); the cells hold US dollars to the cent, as the engine computes them.
 */
const CF_ROWS = {
  opYear: ['operating year (blank: construction)', FMT.int], phi: ['output share', FMT.pct1], kg: ['in-spec product (t)', '#,##0,'],
  capex: ['capital (M USD)', MUSD], wc: ['working capital (M USD)', MUSD], rev: ['revenue (M USD)', MUSD], vopex: ['variable operating cost (M USD)', MUSD],
  fopex: ['fixed operating cost (M USD)', MUSD], opex: ['operating cost (M USD)', MUSD], depFrac: ['depreciation fraction', FMT.frac], dep: ['depreciation (M USD)', MUSD],
  salvage: ['salvage (M USD)', MUSD], taxable: ['taxable income (M USD)', MUSD], pool: ['loss carried forward (M USD)', MUSD], tax: ['tax (M USD)', MUSD],
  net: ['net cash flow (M USD)', MUSD], cum: ['cumulative cash flow (M USD)', MUSD], df: ['discount factor', FMT.frac], pv: ['present value (M USD)', MUSD],
  cumPv: ['cumulative present value (M USD)', MUSD], lcFlow: ['levelised-cost flow: capital + working capital − salvage + operating cost (M USD)', MUSD],
  reached: ['payback reached (1 = yes)', FMT.int], candidate: ['payback if first reached this year (yr)', FMT.years],
} as const;
type CfKey = keyof typeof CF_ROWS;
const CF_KEYS = Object.keys(CF_ROWS) as CfKey[];



/** A result cell that may hold text ("none") instead of a number. */
export interface ResultCell {
  sheet: string;
  row: number;
  col: number;
  value: number | null;
}

/** The yearly cells the results and the minimum selling price read. */
export interface CashFlowRefs {
  dep: Expr[];
  phi: Expr[];
  npv: Expr;
  irr: ResultCell;
  payback: ResultCell;
  lcoe: ResultCell;
  netCost: ResultCell;
  capitalPerKg: ResultCell;
  /** The results row of the minimum selling price (filled by msp.ts). */
  mspRow: number;
}

/** First year column of the cash-flow table. */
export const YEAR_COL = 3;

/** Write the cash-flow table (years across) and the results of a case from row `r`; returns the refs and the next row. */
export function cashFlowBlock(cg: Grid, r: number, ev: Evaluation, inp: Inputs, cap: CapitalRefs, op: OperatingRefs, wc: Expr, V: (value: number | null | undefined, l: string) => EngineValue, label: string): { refs: CashFlowRefs; next: number } {
  const econ = ev.economics;
  const fin = econ.finance;
  const C = fin.construction.length;
  const L = fin.lifeYears;
  const N = C + L;
  cg.section(r++, 1, `Cash flow: years from the start of construction, end-of-year flows discounted by (1 + r)^t; depreciation ${econ.depreciation.method}; tax losses ${fin.losses}`);
  cg.note(r++, 1, 'Money is shown in M USD by the number format; the cells hold US dollars to the cent, as the engine computes them.');
  cg.header(r, 1, ['year', '', ...Array.from({ length: N }, (_, t) => `year ${t}`)]);
  r++;
  const rowOf = new Map(CF_KEYS.map((k, i) => [k, r + i] as const));
  for (const k of CF_KEYS) cg.set(rowOf.get(k)!, 1, CF_ROWS[k][0]);
  const R = (k: CfKey) => rowOf.get(k)!;
  const col = (t: number) => YEAR_COL + t;
  const F = (k: CfKey) => fmt(CF_ROWS[k][1]);
  const rowRange = (k: CfKey, t1 = N - 1, t0 = 0) => rangeText(cg.name, R(k), col(t0), R(k), col(t1));
  const rows = econ.cashFlow;
  const rate = inp.fin('discountRate');
  const taxRate = inp.fin('taxRate');
  const fractions = econ.depreciation.fractions;
  const lastDep = Math.min(fractions.length, L) - 1;
  const x = { capex: [] as Expr[], wc: [] as Expr[], dep: [] as Expr[], salvage: [] as Expr[], pool: [] as Expr[], net: [] as Expr[], cum: [] as Expr[], df: [] as Expr[], pv: [] as Expr[], cumPv: [] as Expr[], kg: [] as Expr[], phi: [] as Expr[], lc: [] as Expr[], reached: [] as Expr[], cand: [] as Expr[] };
  for (let t = 0; t < N; t++) {
    const c = col(t);
    const e = rows[t]!;
    const operating = t >= C;
    const k = t - C;
    const last = operating && k === L - 1;
    const Y = (l: string) => `year ${t} ${l}`;
    const P = (key: CfKey, expr: Expr, engine?: [number | null | undefined, string]) => put(cg, R(key), c, expr, F(key), engine ? V(engine[0], Y(engine[1])) : undefined);
    const Z = (key: CfKey, v = 0) => putNum(cg, R(key), c, v, F(key));
    if (operating) cg.set(R('opYear'), c, k + 1, F('opYear'));
    const phi = operating ? (k < fin.rampUp.length ? P('phi', inp.rampUp(k)) : Z('phi', 1)) : Z('phi', 0);
    const kg = P('kg', mul(op.inSpecKg, phi), [e.productKg, 'product']);
    // capital: split of FCI by the construction shares, the last year taking the remainder
    let capexE: Expr;
    if (!operating) capexE = P('capex', t < C - 1 ? mulCents(cap.fci, inp.construction(t)) : centsDiff(cap.fci, t === 0 ? lit(0) : call('SUM', [rowRange('capex', t - 1)], x.capex.reduce((a, y) => a + y.v, 0))), [e.capexUsd, 'capital']);
    else capexE = Z('capex');
    const wcE = operating && (k === 0 || last) ? P('wc', k === 0 && last ? sub(wc, wc) : k === 0 ? wc : neg(wc), [e.workingCapitalUsd, 'working capital']) : Z('wc');
    const revE = operating ? P('rev', mulCents(op.revTotal, phi), [e.revenueUsd, 'revenue']) : Z('rev');
    const vE = operating ? P('vopex', mulCents(op.variable, phi), [e.variableOpexUsd, 'variable opex']) : Z('vopex');
    const fE = operating ? P('fopex', cents(op.fixed), [e.fixedOpexUsd, 'fixed opex']) : Z('fopex');
    const opexE = P('opex', cents(add(vE, fE)), [e.opexUsd, 'opex']);
    let depE: Expr;
    if (operating && k <= lastDep) {
      if (k < fractions.length) cg.set(R('depFrac'), c, fractions[k]!, F('depFrac'));
      const prev = k === 0 ? lit(0) : call('SUM', [rowRange('dep', t - 1, C)], x.dep.slice(C).reduce((a, y) => a + y.v, 0));
      depE = P('dep', k === lastDep ? centsDiff(cap.dep, prev) : mulCents(cap.dep, ref(cg.name, R('depFrac'), c, fractions[k]!)), [e.depreciationUsd, 'depreciation']);
    } else depE = Z('dep');
    const salvE = last ? P('salvage', add(cap.salvageTaxable, cents(cap.land)), [e.salvageUsd, 'salvage']) : Z('salvage');
    const taxableE = P('taxable', cents(last ? add(sub(sub(revE, opexE), depE), cap.salvageTaxable) : sub(sub(revE, opexE), depE)), [e.taxableIncomeUsd, 'taxable income']);
    const poolPrev = t === 0 ? lit(0) : x.pool[t - 1]!;
    let poolE: Expr;
    let taxE: Expr;
    if (fin.losses === 'credit') {
      poolE = Z('pool');
      taxE = P('tax', mulCents(taxableE, taxRate), [e.taxUsd, 'tax']);
    } else {
      const used = min(poolPrev, taxableE);
      poolE = P('pool', cents(iff(gt(taxableE, lit(0)), sub(poolPrev, used), sub(poolPrev, taxableE))), [e.lossCarriedForwardUsd, 'loss carried forward']);
      taxE = P('tax', iff(gt(taxableE, lit(0)), mulCents(sub(taxableE, used), taxRate), lit(0)), [e.taxUsd, 'tax']);
    }
    const netE = P('net', cents(sub(add(sub(sub(sub(revE, opexE), capexE), wcE), salvE), taxE)), [e.netCashFlowUsd, 'net cash flow']);
    const cumE = P('cum', t === 0 ? netE : cents(add(x.cum[t - 1]!, netE)), [e.cumulativeCashFlowUsd, 'cumulative cash flow']);
    const dfE = P('df', pow(add(lit(1), rate), lit(-t)), [e.discountFactor, 'discount factor']);
    const pvE = P('pv', mulCents(netE, dfE), [e.presentValueUsd, 'present value']);
    const cumPvE = P('cumPv', t === 0 ? pvE : cents(add(x.cumPv[t - 1]!, pvE)), [e.cumulativePresentValueUsd, 'cumulative present value']);
    const lcE = P('lcFlow', add(sub(add(capexE, wcE), salvE), opexE));
    let reached: Expr;
    let cand: Expr;
    if (operating) {
      reached = P('reached', iff(ge(cumE, lit(0)), lit(1), lit(0)));
      const prev = t === 0 ? lit(0) : x.cum[t - 1]!;
      cand = P('candidate', iff(ge(prev, lit(0)), lit(Math.max(0, t - C)), add(lit(t - C), iff(gt(netE, lit(0)), div(neg(prev), netE), lit(1)))));
    } else {
      reached = Z('reached');
      cand = lit(0);
    }
    x.capex.push(capexE); x.wc.push(wcE); x.dep.push(depE); x.salvage.push(salvE); x.pool.push(poolE); x.net.push(netE); x.cum.push(cumE);
    x.df.push(dfE); x.pv.push(pvE); x.cumPv.push(cumPvE); x.kg.push(kg); x.phi.push(phi); x.lc.push(lcE); x.reached.push(reached); x.cand.push(cand);
  }
  r = R(CF_KEYS[CF_KEYS.length - 1]!) + 2;
  return resultsBlock(cg, r, ev, op, x, (k) => rowRange(k as CfKey), V, label, rate);
}

type Series = { capex: Expr[]; wc: Expr[]; dep: Expr[]; salvage: Expr[]; pv: Expr[]; kg: Expr[]; phi: Expr[]; df: Expr[]; lc: Expr[]; reached: Expr[]; cand: Expr[] };

/** The results of a case (NPV, IRR, payback, levelised costs) under its cash flow. */
function resultsBlock(cg: Grid, r: number, ev: Evaluation, op: OperatingRefs, x: Series, colRange: (k: string) => (here: string) => string, V: (value: number | null | undefined, l: string) => EngineValue, label: string, rate: Expr): { refs: CashFlowRefs; next: number } {
  const econ = ev.economics;
  const k = econ.kpis;
  cg.section(r++, 1, 'Results');
  cg.header(r++, 1, ['KPI', 'value', 'unit', 'formula']);
  const kpi = (lbl: string, unit: string, how: string): number => {
    cg.set(r, 1, lbl);
    cg.set(r, 3, unit);
    cg.set(r, 4, how);
    return r++;
  };
  const t = (e: Expr) => e.t(cg.name);
  const bold = (f: string) => fmt(f, { bold: true });
  const cell = (row: number, value: number | null): ResultCell => ({ sheet: cg.name, row, col: 2, value });
  const checked = (row: number, formulaValue: number | null, engine: number | null, what: string) => {
    if (formulaValue !== null && engine !== null) cg.checks.push({ sheet: cg.name, address: a1(row, 2), label: `${label}: ${what} (formula)`, formulaValue, engineValue: engine });
  };
  let row = kpi('net present value (NPV), after tax', 'USD', 'Σ present values');
  const npv = put(cg, row, 2, cents(call('SUM', [colRange('pv')], x.pv.reduce((a, y) => a + y.v, 0))), bold(FMT.usd0), V(k.npvUsd, 'NPV'));
  row = kpi('internal rate of return (IRR), after tax', 'fraction', 'IRR(net cash flows, guess = discount rate); "none" when it does not exist');
  putRaw(cg, row, 2, `IFERROR(IRR(${colRange('net')(cg.name)},${t(rate)}),${str('none')})`, k.irr ?? 'none', bold(FMT.pct), V(k.irr, 'IRR'));
  const irr = cell(row, k.irr);
  row = kpi('payback time', 'yr from the start of operation', 'first year the cumulative cash flow is ≥ 0, interpolated within the year');
  const firstReached = x.reached.findIndex((y) => y.v === 1);
  const paybackV = firstReached >= 0 ? x.cand[firstReached]!.v : null;
  putRaw(cg, row, 2, `IFERROR(INDEX(${colRange('candidate')(cg.name)},MATCH(1,${colRange('reached')(cg.name)},0)),${str('none')})`, paybackV ?? 'none', bold(FMT.years), V(k.paybackYears, 'payback'));
  const payback = cell(row, paybackV);
  row = kpi('PV of costs (capital + working capital − salvage + operating cost)', 'USD', 'SUMPRODUCT(levelised-cost flow, discount factor)');
  const pvCosts = put(cg, row, 2, call('SUMPRODUCT', [colRange('lcFlow'), colRange('df')], x.lc.reduce((a, y, i) => a + y.v * x.df[i]!.v, 0)), fmt(FMT.usd0), V(econ.levelisedCost.pvCostsUsd, 'PV costs'));
  row = kpi('PV of in-spec product', 'kg', 'SUMPRODUCT(in-spec product, discount factor)');
  const pvKg = put(cg, row, 2, call('SUMPRODUCT', [colRange('kg'), colRange('df')], x.kg.reduce((a, y, i) => a + y.v * x.df[i]!.v, 0)), fmt(FMT.kgYr), V(econ.levelisedCost.pvProductKg, 'PV product'));
  row = kpi('levelised cost of in-spec product, gross (pre-tax, no credits)', 'USD/kg', 'PV of costs / PV of in-spec product');
  const lcoeV = pvKg.v > 0 ? pvCosts.v / pvKg.v : null;
  putRaw(cg, row, 2, `IF(${t(pvKg)}>0,${t(pvCosts)}/${t(pvKg)},${str('none')})`, k.costUsdPerKgProduct ?? lcoeV ?? 'none', bold(FMT.usdPerKg4), V(k.costUsdPerKgProduct, 'levelised cost'));
  checked(row, lcoeV, k.costUsdPerKgProduct, 'levelised cost');
  const lcoe = cell(row, k.costUsdPerKgProduct);
  row = kpi('PV of credits (off-spec CAM and by-products)', 'USD', 'credits at full output × SUMPRODUCT(output share, discount factor)');
  const pvCredits = put(cg, row, 2, mul(op.credits, call('SUMPRODUCT', [colRange('phi'), colRange('df')], x.phi.reduce((a, y, i) => a + y.v * x.df[i]!.v, 0))), fmt(FMT.usd0), V(econ.levelisedCost.pvCreditsUsd, 'PV credits'));
  row = kpi('levelised cost of in-spec product, net of credits', 'USD/kg', '(PV of costs − PV of credits) / PV of in-spec product');
  const netV = pvKg.v > 0 ? (pvCosts.v - pvCredits.v) / pvKg.v : null;
  putRaw(cg, row, 2, `IF(${t(pvKg)}>0,(${t(pvCosts)}-${t(pvCredits)})/${t(pvKg)},${str('none')})`, k.netCostUsdPerKgProduct ?? netV ?? 'none', bold(FMT.usdPerKg4), V(k.netCostUsdPerKgProduct, 'net levelised cost'));
  checked(row, netV, k.netCostUsdPerKgProduct, 'net levelised cost');
  const netCost = cell(row, k.netCostUsdPerKgProduct);
  row = kpi('levelised capital charge (capital + working capital − salvage)', 'USD/kg', 'PV(capital + working capital − salvage) / PV of in-spec product');
  const pvOf = (xs: Expr[]) => xs.reduce((a, y, i) => a + y.v * x.df[i]!.v, 0);
  const capPerKgV = pvKg.v > 0 ? (pvOf(x.capex) + pvOf(x.wc) - pvOf(x.salvage)) / pvKg.v : null;
  const sp = (k: string) => `SUMPRODUCT(${colRange(k)(cg.name)},${colRange('df')(cg.name)})`;
  putRaw(cg, row, 2, `IF(${t(pvKg)}>0,(${sp('capex')}+${sp('wc')}-${sp('salvage')})/${t(pvKg)},${str('none')})`, capPerKgV ?? 'none', fmt(FMT.usdPerKg4));
  const capitalPerKg = cell(row, capPerKgV);
  const mspRow = kpi('minimum selling price of in-spec product (after-tax NPV = 0, credits in)', 'USD/kg', 'see "Minimum selling price" below');
  r++;
  return { refs: { dep: x.dep, phi: x.phi, npv, irr, payback, lcoe, netCost, capitalPerKg, mspRow }, next: r };
}

/** The environmental result cells of a case. */
export interface EnvironmentRefs {
  energy: ResultCell;
  primaryEnergy: ResultCell;
  ghg: ResultCell;
  water: ResultCell;
}

/** Write the environment block of a case from row `r`; returns its cells and the next row. */
export function environmentBlock(cg: Grid, r: number, ev: Evaluation, inp: Inputs, inSpecKg: Expr, V: (value: number | null | undefined, l: string) => EngineValue, label: string): { refs: EnvironmentRefs; next: number } {
  const econ = ev.economics;
  const k = econ.kpis;
  const env = econ.environment;
  const input = ev.economicsInput;
  cg.section(r++, 1, 'Environment (per kg of in-spec product; as EverBatt reports it)');
  cg.header(r++, 1, ['item', 'value', 'unit', 'source or formula']);
  const line = (lbl: string, e: Expr | number, unit: string, note: string, engine?: number | null, style?: CellStyle): Expr => {
    cg.set(r, 1, lbl);
    const y = typeof e === 'number' ? putNum(cg, r, 2, e, fmt(FMT.num1, style)) : put(cg, r, 2, e, fmt(FMT.num1, style), engine === undefined ? undefined : V(engine, lbl));
    cg.set(r, 3, unit);
    cg.set(r, 4, note);
    r++;
    return y;
  };
  const elec = line('electricity', input.electricityKwhPerYear, 'kWh/yr', 'energy balance of the units');
  const ng = line('natural gas (fuel)', input.heatKwhPerYear['natural-gas'], 'kWh/yr', 'energy balance of the units');
  const steam = line('steam (heat delivered)', input.heatKwhPerYear.steam, 'kWh/yr', 'energy balance of the units');
  const needFuel = input.heatKwhPerYear['natural-gas'] > 0 || input.heatKwhPerYear.steam > 0;
  const eta = input.heatKwhPerYear.steam > 0 ? inp.price('boiler-efficiency') : lit(1);
  const grid = input.electricityKwhPerYear > 0 ? inp.price('ghg.electricity') : lit(0);
  const ngf = needFuel ? inp.price('ghg.natural-gas') : lit(0);
  const steamFuel = line('fuel raising the steam = steam / boiler efficiency', div(steam, eta), 'kWh/yr', 'prices: boiler-efficiency');
  const processCo2 = line('process CO2e to air', env.ghg.processKg, 'kg CO2e/yr', 'emissions (CO2, and CO counted as CO2)');
  const reagentsGhg = line('GHG embodied in reagents', env.ghg.reagentsKg, 'kg CO2e/yr', 'GREET cradle-to-gate factors of the reagents, or prices ghg.<reagent>');
  const reagentsMj = line('primary energy embodied in reagents', env.energy.reagentsMj, 'MJ/yr', 'GREET cradle-to-gate factors of the reagents');
  const waterProc = line('process water', env.water.processL, 'L/yr', 'water drawn as a reagent');
  const waterReag = line('water embodied in reagents', env.water.reagentsL, 'L/yr', 'GREET factors of the reagents');
  const siteMj = line('site energy = 3.6 × (electricity + natural gas + steam fuel)', add(add(mul(elec, lit(3.6)), mul(ng, lit(3.6))), mul(steamFuel, lit(3.6))), 'MJ/yr', 'final energy used on site', env.energy.siteMj);
  let primaryMj: Expr | null = null;
  const primary = env.energy.primary;
  const needElec = input.electricityKwhPerYear > 0;
  if (primary && (!needElec || inp.hasPrice('primary-energy.electricity')) && (!needFuel || inp.hasPrice('primary-energy.natural-gas'))) {
    const pe = needElec ? mul(elec, inp.price('primary-energy.electricity')) : lit(0);
    const pf = needFuel ? mul(add(ng, steamFuel), inp.price('primary-energy.natural-gas')) : lit(0);
    primaryMj = line('primary energy = electricity × primary MJ/kWh + fuel × primary MJ/kWh + reagents', add(add(pe, pf), reagentsMj), 'MJ/yr', 'prices: primary-energy.electricity, primary-energy.natural-gas (upstream included)', primary.totalMj);
  }
  const ghgTot = line('GHG = electricity × grid factor + (natural gas + steam fuel) × gas factor + process + reagents', add(add(add(add(mul(elec, grid), mul(ng, ngf)), mul(steamFuel, ngf)), processCo2), reagentsGhg), 'kg CO2e/yr', 'prices: ghg.electricity, ghg.natural-gas', env.ghg.totalKg);
  const per = (lbl: string, y: Expr | null, unit: string, engine: number | null): ResultCell => {
    cg.set(r, 1, lbl, { bold: true });
    const v = y && inSpecKg.v > 0 ? y.v / inSpecKg.v : null;
    if (y) putRaw(cg, r, 2, `IF(${inSpecKg.t(cg.name)}>0,${div(y, inSpecKg).t(cg.name)},${str('none')})`, engine ?? v ?? 'none', fmt(FMT.num2, { bold: true }), V(engine, lbl));
    else cg.set(r, 2, '—');
    if (v !== null && engine !== null) cg.checks.push({ sheet: cg.name, address: a1(r, 2), label: `${label}: ${lbl} (formula)`, formulaValue: v, engineValue: engine });
    cg.set(r, 3, unit);
    cg.set(r, 4, 'per kg of in-spec product');
    return { sheet: cg.name, row: r++, col: 2, value: engine };
  };
  const energy = per('energy, site final', siteMj, 'MJ/kg', k.energyMjPerKgProduct);
  const primaryEnergy = per('energy, primary, cradle to gate', primaryMj, 'MJ/kg', k.primaryEnergyMjPerKgProduct);
  const ghg = per('GHG, cradle to gate', ghgTot, 'kg CO2e/kg', k.ghgKgCo2ePerKgProduct);
  const water = per('water', add(waterProc, waterReag), 'L/kg', k.waterLPerKgProduct);
  line('virgin cathode: primary energy, cradle to gate (same chemistry mix)', econ.virgin.energyMjPerKg ?? 0, 'MJ/kg', 'GREET via EverBatt 2023');
  line('virgin cathode: GHG, cradle to gate (same chemistry mix)', econ.virgin.ghgKgCo2ePerKg ?? 0, 'kg CO2e/kg', 'GREET via EverBatt 2023');
  line('virgin cathode: water (same chemistry mix)', econ.virgin.waterLPerKg ?? 0, 'L/kg', 'GREET via EverBatt 2023');
  return { refs: { energy, primaryEnergy, ghg, water }, next: r + 3 };
}
