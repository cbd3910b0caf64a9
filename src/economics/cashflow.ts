/**
 * The yearly discounted cash flow.
 *
 * Years are numbered t = 0, 1, … from the first construction year; construction takes
 * finance.construction.length years, operation finance.lifeYears years. Cash flows are at the end
 * of each year and discounted by (1 + r)^t, so year 0 is undiscounted (numpy-financial's npv).
 *   capex_t            fixed capital × construction share (land included)
 *   workingCapital_t   + working capital in the first operating year, − (recovery) in the last
 *   revenue_t          full-output revenue × output share (ramp-up, then 1)
 *   opex_t             variable opex × output share + fixed opex
 *   depreciation_t     schedule on the depreciable capital (fixed capital − land)
 *   salvage_t          last year: salvage share × depreciable capital (taxable) + land (at cost)
 *   taxable_t          revenue − opex − depreciation + taxable salvage
 *   tax_t              carry-forward: rate × (taxable − losses carried forward), never below 0;
 *                      credit: rate × taxable (negative = credit)
 *   net_t              revenue − opex − capex − working capital + salvage − tax
 * Reported rows are cent-exact (integer cents); npvFast repeats the arithmetic in plain numbers for
 * the minimum-selling-price solve.
 */
import type { ResolvedFinance } from './finance.js';
import { amountsOf, toCents, mulCents, checkCents, splitUsd } from './money.js';

/** Annual amounts the cash flow is built from (full output). */
export interface CashFlowBasis {
  fixedCapitalUsd: number;
  landUsd: number;
  depreciableCapitalUsd: number;
  workingCapitalUsd: number;
  revenueUsd: number;
  variableOpexUsd: number;
  fixedOpexUsd: number;
  /** In-spec product, kg per year of full output. */
  productKg: number;
}

/** One year of the cash flow (USD; cent-exact). */
export interface CashFlowRow {
  year: number;
  phase: 'construction' | 'operation';
  /** 1-based operating year, null during construction. */
  operatingYear: number | null;
  /** Output as a share of full output. */
  outputFraction: number;
  productKg: number;
  capexUsd: number;
  workingCapitalUsd: number;
  revenueUsd: number;
  variableOpexUsd: number;
  fixedOpexUsd: number;
  opexUsd: number;
  depreciationUsd: number;
  salvageUsd: number;
  taxableIncomeUsd: number;
  lossCarriedForwardUsd: number;
  taxUsd: number;
  netCashFlowUsd: number;
  cumulativeCashFlowUsd: number;
  discountFactor: number;
  presentValueUsd: number;
  cumulativePresentValueUsd: number;
}

/** Output share of operating year k (0-based). */
export function outputFraction(f: ResolvedFinance, k: number): number {
  return f.rampUp[k] ?? 1;
}

/** What the KPIs read of a cash flow, summed as its rows are made. */
export interface CashFlowSums {
  /** Net cash flow of each year, USD (the rows' netCashFlowUsd). */
  nets: number[];
  /** NPV: the last row's cumulativePresentValueUsd (0 for no year). */
  npvUsd: number;
  /** levelisedCost's sums over the rows, in row order. */
  pvCostsUsd: number;
  pvProductKg: number;
  /** levelisedNetCost's sum over the operating rows for `creditsUsd` of credits at full output. */
  pvCreditsUsd: number;
}

/**
 * The reported cash flow, cent-exact (integer-cent arithmetic, see money.ts).
 * `depreciation` gives the amount of each operating year.
 */
export function cashFlowRows(b: CashFlowBasis, f: ResolvedFinance, depreciation: readonly number[]): CashFlowRow[] {
  const rows: CashFlowRow[] = [];
  cashFlow(b, f, depreciation, 0, rows);
  return rows;
}

/**
 * The cash flow's sums (nets, NPV, levelised-cost sums) in one pass over the years, and its rows
 * pushed to `rows` when given: a Monte Carlo sample reads only the sums, so it builds no row
 * object (≈ 8 KB per sample). Every number is the one cashFlowRows, levelisedCost and
 * levelisedNetCost compute from the rows, by the same operations in the same order.
 */
export function cashFlow(b: CashFlowBasis, f: ResolvedFinance, depreciation: readonly number[], creditsUsd: number, rows?: CashFlowRow[]): CashFlowSums {
  const C = f.construction.length;
  const L = f.lifeYears;
  const capexByYear = amountsOf(splitUsd(b.fixedCapitalUsd, f.construction), toCents);
  const wcC = toCents(b.workingCapitalUsd);
  const revenueC = toCents(b.revenueUsd);
  const variableC = toCents(b.variableOpexUsd);
  const fixedC = toCents(b.fixedOpexUsd);
  const landC = toCents(b.landUsd);
  const salvageTaxable = mulCents(toCents(b.depreciableCapitalUsd), f.salvageFraction);
  const nets: number[] = [];
  let npvUsd = 0;
  let pvCosts = 0;
  let pvKg = 0;
  let pvCredits = 0;
  let pool = 0;
  let cum = 0;
  let cumPv = 0;
  for (let t = 0; t < C + L; t++) {
    const operating = t >= C;
    const k = t - C;
    const phi = operating ? outputFraction(f, k) : 0;
    const last = operating && k === L - 1;
    const capex = operating ? 0 : capexByYear[t]!;
    const wc = (operating && k === 0 ? wcC : 0) - (last ? wcC : 0);
    const revenue = operating ? mulCents(revenueC, phi) : 0;
    const variable = operating ? mulCents(variableC, phi) : 0;
    const fixed = operating ? fixedC : 0;
    const opex = variable + fixed;
    const dep = operating ? toCents(depreciation[k] ?? 0) : 0;
    const salvage = last ? salvageTaxable + landC : 0;
    const taxable = revenue - opex - dep + (last ? salvageTaxable : 0);
    let tax: number;
    if (f.losses === 'credit') tax = mulCents(taxable, f.taxRate);
    else if (taxable > 0) {
      const used = Math.min(pool, taxable);
      pool -= used;
      tax = mulCents(taxable - used, f.taxRate);
    } else {
      pool -= taxable;
      tax = 0;
    }
    const net = checkCents(revenue - opex - capex - wc + salvage - tax);
    cum += net;
    const df = Math.pow(1 + f.discountRate, -t);
    const pv = mulCents(net, df);
    cumPv += pv;
    // Checked in the order the row's fields were (the first out of range names its amount).
    const cumUsd = checkCents(cum) / 100;
    const netUsd = net / 100;
    const capexUsd = capex / 100;
    const wcUsd = wc / 100;
    const salvageUsd = salvage / 100;
    const opexUsd = opex / 100;
    const productKg = b.productKg * phi;
    nets.push(netUsd);
    npvUsd = checkCents(cumPv) / 100;
    // levelisedCost's and levelisedNetCost's terms of this row.
    pvCosts += (capexUsd + wcUsd - salvageUsd + opexUsd) * df;
    pvKg += productKg * df;
    if (operating) pvCredits += creditsUsd * phi * df;
    if (rows === undefined) continue;
    rows.push({
      year: t,
      phase: operating ? 'operation' : 'construction',
      operatingYear: operating ? k + 1 : null,
      outputFraction: phi,
      productKg,
      capexUsd,
      workingCapitalUsd: wcUsd,
      revenueUsd: revenue / 100,
      variableOpexUsd: variable / 100,
      fixedOpexUsd: fixed / 100,
      opexUsd,
      depreciationUsd: dep / 100,
      salvageUsd,
      taxableIncomeUsd: taxable / 100,
      lossCarriedForwardUsd: f.losses === 'credit' ? 0 : pool / 100,
      taxUsd: tax / 100,
      netCashFlowUsd: netUsd,
      cumulativeCashFlowUsd: cumUsd,
      discountFactor: df,
      presentValueUsd: pv / 100,
      cumulativePresentValueUsd: npvUsd,
    });
  }
  return { nets, npvUsd, pvCostsUsd: pvCosts, pvProductKg: pvKg, pvCreditsUsd: pvCredits };
}

/** NPV of the same cash flow in plain numbers (no rounding), for fast solves. */
export function npvFast(b: CashFlowBasis, f: ResolvedFinance, depreciation: readonly number[]): number {
  const C = f.construction.length;
  const L = f.lifeYears;
  const x = 1 / (1 + f.discountRate);
  let df = 1;
  let npv = 0;
  let pool = 0;
  const salvageTaxable = f.salvageFraction * b.depreciableCapitalUsd;
  for (let t = 0; t < C + L; t++, df *= x) {
    if (t < C) {
      npv -= b.fixedCapitalUsd * f.construction[t]! * df;
      continue;
    }
    const k = t - C;
    const phi = f.rampUp[k] ?? 1;
    const last = k === L - 1;
    let wc = 0;
    if (k === 0) wc += b.workingCapitalUsd;
    if (last) wc -= b.workingCapitalUsd;
    const revenue = b.revenueUsd * phi;
    const opex = b.variableOpexUsd * phi + b.fixedOpexUsd;
    const taxable = revenue - opex - (depreciation[k] ?? 0) + (last ? salvageTaxable : 0);
    let tax: number;
    if (f.losses === 'credit') tax = taxable * f.taxRate;
    else if (taxable > 0) {
      const used = Math.min(pool, taxable);
      pool -= used;
      tax = (taxable - used) * f.taxRate;
    } else {
      pool -= taxable;
      tax = 0;
    }
    const salvage = last ? salvageTaxable + b.landUsd : 0;
    npv += (revenue - opex - wc + salvage - tax) * df;
  }
  return npv;
}

/**
 * Gross levelised cost: PV(capital + working capital − salvage + opex) / PV(in-spec product),
 * pre-tax, no credits netted (opex includes the feed and the disposal of negative-value material).
 */
export function levelisedCost(rows: readonly CashFlowRow[]): { pvCostsUsd: number; pvProductKg: number; usdPerKg: number | null } {
  let pvCosts = 0;
  let pvKg = 0;
  for (const r of rows) {
    pvCosts += (r.capexUsd + r.workingCapitalUsd - r.salvageUsd + r.opexUsd) * r.discountFactor;
    pvKg += r.productKg * r.discountFactor;
  }
  return { pvCostsUsd: pvCosts, pvProductKg: pvKg, usdPerKg: pvKg > 0 ? pvCosts / pvKg : null };
}

/**
 * Net levelised cost: the gross levelised cost less the credits (off-spec CAM and by-product
 * revenue, `creditsUsd` at full output, scaled by each year's output share), with the same
 * discounting: (PV costs − PV credits) / PV(in-spec product). Credits are never negative (material
 * of negative value is a disposal cost in opex), so net ≤ gross.
 */
export function levelisedNetCost(rows: readonly CashFlowRow[], gross: { pvCostsUsd: number; pvProductKg: number }, creditsUsd: number): { pvCreditsUsd: number; usdPerKg: number | null } {
  let pvCredits = 0;
  for (const r of rows) if (r.phase === 'operation') pvCredits += creditsUsd * r.outputFraction * r.discountFactor;
  return { pvCreditsUsd: pvCredits, usdPerKg: gross.pvProductKg > 0 ? (gross.pvCostsUsd - pvCredits) / gross.pvProductKg : null };
}
