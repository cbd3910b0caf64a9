/**
 * The minimum selling price of in-spec product (economics.ts): the single price of in-spec product
 * at which the after-tax NPV of the plain-number cash flow (npvFast) is 0, with off-spec CAM and
 * by-products credited at their prices. NPV is increasing in that price, so a secant step from
 * two evaluations is exact in the linear case and an Illinois regula falsi on a bracket finishes
 * the piecewise-linear one (losses carried forward) in a few steps.
 *
 * Every trial price changes only the revenue, the revenue-based factor items, the operating totals
 * and working capital; the rest of npvFast's arithmetic (output shares, depreciation, salvage,
 * discount factors, the construction years) is the same at every trial, so it is laid out once per
 * solve (planYears) and every trial repeats only the operations that read the price — the same
 * operations in the same order as npvFast, so the same numbers bit for bit.
 */
import type { EconomicsResult } from './result.js';
import type { ResolvedFinance } from './finance.js';
import { workingCapitalAt } from './capex.js';
import { FactorTotalsAt, type CapitalBases, type DirectSums } from './opex.js';
import type { CashFlowBasis } from './cashflow.js';
import { grownBuffer } from './buffers.js';

/** What the minimum-selling-price solve starts from (economics() works it out first). */
export interface PriceSolveBasis {
  /** The revenue of in-spec product (sumUsd of the in-spec lines). */
  inSpecRevenueUsd: number;
  revenueUsd: number;
  opexUsd: number;
  /** The direct items' totals, with their variable and fixed sums. */
  dTot: DirectSums;
  capBases: CapitalBases;
  capex: EconomicsResult['capex'];
  materialsUsd: number;
  /** The full-output cash-flow basis (productKg > 0). */
  basis: CashFlowBasis;
  finance: ResolvedFinance;
  depreciationUsd: readonly number[];
}

/**
 * npvFast's numbers of each operating year that no trial price changes: output share, depreciation,
 * what the last year adds to the taxable income and its salvage, and the discount factor. Module
 * buffers (grown when a cash flow is longer): one solve at a time, filled by planYears and read by
 * the trials of that solve only; nothing of them escapes.
 */
let PHI = new Float64Array(64);
let DEP = new Float64Array(64);
let TAXABLE_ADD = new Float64Array(64);
let SALVAGE = new Float64Array(64);
let DF = new Float64Array(64);

/** The buffers at least `n` long, their numbers kept (a cash flow longer than any before). */
function ensureYears(n: number): void {
  if (PHI.length >= n) return;
  const size = Math.max(n, 2 * PHI.length);
  PHI = grownBuffer(PHI, size);
  DEP = grownBuffer(DEP, size);
  TAXABLE_ADD = grownBuffer(TAXABLE_ADD, size);
  SALVAGE = grownBuffer(SALVAGE, size);
  DF = grownBuffer(DF, size);
}

/**
 * The per-solve numbers a trial reads besides the year buffers — npvFast's running NPV when the
 * first operating year begins (the construction years' sum: the same partial sum at every trial),
 * the tax rate, the in-spec kg and the other revenue — in a typed list, as the buffers: a number
 * stored in an object field or a module variable is a new heap number per store.
 */
const SOLVE = new Float64Array(4);
const S_PREFIX = 0, S_TAX_RATE = 1, S_PRODUCT_KG = 2, S_OTHER_REVENUE = 3;

/** What a trial price needs, planned once per solve by planSolve (one solve at a time; nothing escapes). */
const TRIAL: { years: number; lastK: number; credit: boolean; basis: PriceSolveBasis | undefined; fac: FactorTotalsAt | undefined; wcAt: (cashCostUsd: number) => number } = {
  years: 0,
  lastK: 0,
  credit: false,
  basis: undefined,
  fac: undefined,
  wcAt: noWorkingCapital,
};

/** The working capital of no solve (TRIAL's between solves). */
function noWorkingCapital(): number {
  return NaN;
}

/** Lay out npvFast's loop over the years for one solve: what no trial price changes. */
function planSolve(s: PriceSolveBasis): void {
  const { basis: b, finance: f, depreciationUsd: depreciation } = s;
  const C = f.construction.length;
  const L = f.lifeYears;
  // npvFast's loop, t = 0 … C + L − 1, with the discount factor multiplied on at every step.
  const x = 1 / (1 + f.discountRate);
  let df = 1;
  let npv = 0;
  let years = 0;
  const salvageTaxable = f.salvageFraction * b.depreciableCapitalUsd;
  const salvage = salvageTaxable + b.landUsd;
  for (let t = 0; t < C + L; t++, df *= x) {
    if (t < C) {
      npv -= b.fixedCapitalUsd * f.construction[t]! * df;
      continue;
    }
    const k = t - C;
    ensureYears(k + 1);
    const last = k === L - 1;
    PHI[k] = f.rampUp[k] ?? 1;
    DEP[k] = depreciation[k] ?? 0;
    TAXABLE_ADD[k] = last ? salvageTaxable : 0;
    SALVAGE[k] = last ? salvage : 0;
    DF[k] = df;
    years = k + 1;
  }
  SOLVE[S_PREFIX] = npv;
  SOLVE[S_TAX_RATE] = f.taxRate;
  SOLVE[S_PRODUCT_KG] = b.productKg;
  SOLVE[S_OTHER_REVENUE] = s.revenueUsd - s.inSpecRevenueUsd;
  TRIAL.years = years;
  TRIAL.lastK = L - 1;
  TRIAL.credit = f.losses === 'credit';
  TRIAL.basis = s;
  // factorCosts and workingCapitalUsd (plain numbers) at a trial price, planned once per solve.
  // One object for every solve (reset: the same numbers as a new one).
  TRIAL.fac = TRIAL.fac ? TRIAL.fac.reset(f.operatingFactors, s.dTot, s.capBases) : new FactorTotalsAt(f.operatingFactors, s.dTot, s.capBases);
  TRIAL.wcAt = workingCapitalAt(s.capex, f, s.materialsUsd);
}

/**
 * The NPV at in-spec price `p` of the planned solve: revenue, factor items and working capital at
 * p, then npvFast's sum over the operating years (the same operations, in the same order).
 */
function npvAtPrice(p: number): number {
  const dTot = TRIAL.basis!.dTot;
  const fac = TRIAL.fac!;
  const revenueUsd = SOLVE[S_OTHER_REVENUE]! + SOLVE[S_PRODUCT_KG]! * p;
  fac.at(revenueUsd);
  const workingCapitalUsd = TRIAL.wcAt(dTot.total + fac.totalUsd);
  const variableOpexUsd = dTot.variable + fac.variableUsd;
  const fixedOpexUsd = dTot.fixed + fac.fixedUsd;
  const lastK = TRIAL.lastK;
  const credit = TRIAL.credit;
  const taxRate = SOLVE[S_TAX_RATE]!;
  const years = TRIAL.years;
  let npv = SOLVE[S_PREFIX]!;
  let pool = 0;
  for (let k = 0; k < years; k++) {
    const phi = PHI[k]!;
    let wc = 0;
    if (k === 0) wc += workingCapitalUsd;
    if (k === lastK) wc -= workingCapitalUsd;
    const revenue = revenueUsd * phi;
    const opex = variableOpexUsd * phi + fixedOpexUsd;
    const taxable = revenue - opex - DEP[k]! + TAXABLE_ADD[k]!;
    let tax: number;
    if (credit) tax = taxable * taxRate;
    else if (taxable > 0) {
      const used = Math.min(pool, taxable);
      pool -= used;
      tax = (taxable - used) * taxRate;
    } else {
      pool -= taxable;
      tax = 0;
    }
    npv += (revenue - opex - wc + SALVAGE[k]! - tax) * DF[k]!;
  }
  return npv;
}

/** The planned solve's NPV as a price function (solveFor's). */
const PLANNED: PriceFunction = { at: npvAtPrice };

/**
 * The minimum selling price of in-spec product: revenue, the revenue-based factor items and
 * working capital at a trial price, the NPV of that cash flow in plain numbers (npvFast's), solved
 * for NPV = 0 (solvePrice's steps).
 */
export function minSellingPrice(s: PriceSolveBasis): EconomicsResult['minSellingPrice'] {
  planSolve(s);
  const scale = Math.max(1, s.capex.fixedCapitalUsd, Math.abs(s.revenueUsd), Math.abs(s.opexUsd));
  const out = solveFor(PLANNED, s.inSpecRevenueUsd / s.basis.productKg, scale);
  // Let go of the sample's records (nothing of the solve is read after it; the factor walk is reset by the next).
  TRIAL.basis = undefined;
  TRIAL.wcAt = noWorkingCapital;
  return out;
}

/** An increasing function of the price, for solveFor. */
interface PriceFunction {
  at(p: number): number;
}

/**
 * Solve f(p) = 0 for an increasing f: a secant step from p0 and p0 + 1 (exact when f is linear),
 * then, if needed, bracket by doubling steps and finish with Illinois regula falsi.
 * Stops at |f| ≤ 1e-10 × scale.
 */
export function solvePrice(f: (p: number) => number, p0: number, scale: number): EconomicsResult['minSellingPrice'] {
  return solveFor({ at: f }, p0, scale);
}

/** A solved price with the count of evaluations and the method. */
function solved(p: number, fp: number, n: number, method: string): EconomicsResult['minSellingPrice'] {
  return { usdPerKg: p, iterations: n, npvAtSolutionUsd: fp, method };
}

/** solvePrice's steps on f.at (every evaluation counted: n). */
function solveFor(f: PriceFunction, p0: number, scale: number): EconomicsResult['minSellingPrice'] {
  const tol = 1e-10 * scale;
  let n = 0;
  let a = Number.isFinite(p0) ? p0 : 0;
  n++;
  let fa = f.at(a);
  if (Math.abs(fa) <= tol) return solved(a, fa, n, 'initial price');
  const b0 = a + Math.max(1, Math.abs(a) * 0.1);
  n++;
  const fb0 = f.at(b0);
  const slope = (fb0 - fa) / (b0 - a);
  if (!(slope > 0) || !Number.isFinite(slope)) return { usdPerKg: null, iterations: n, npvAtSolutionUsd: null, method: 'none: NPV does not rise with the product price' };
  let p = a - fa / slope;
  n++;
  let fp = f.at(p);
  if (Math.abs(fp) <= tol) return solved(p, fp, n, 'secant (linear)');
  // Bracket [lo, hi] with f(lo) < 0 < f(hi).
  let lo: number, flo: number, hi: number, fhi: number;
  if (fp < 0) {
    lo = p; flo = fp;
    let step = Math.max(1, Math.abs(p - a));
    hi = p + step; n++; fhi = f.at(hi);
    while (fhi < 0 && n < 200) { lo = hi; flo = fhi; step *= 2; hi = lo + step; n++; fhi = f.at(hi); }
  } else {
    hi = p; fhi = fp;
    let step = Math.max(1, Math.abs(p - a));
    lo = p - step; n++; flo = f.at(lo);
    while (flo > 0 && n < 200) { hi = lo; fhi = flo; step *= 2; lo = hi - step; n++; flo = f.at(lo); }
  }
  if (!(flo < 0 && fhi > 0)) return { usdPerKg: null, iterations: n, npvAtSolutionUsd: null, method: 'none: no price gives NPV = 0' };
  let side = 0;
  for (let i = 0; i < 200; i++) {
    const m = (lo * fhi - hi * flo) / (fhi - flo);
    n++;
    const fm = f.at(m);
    if (Math.abs(fm) <= tol || hi - lo <= 1e-12 * Math.max(1, Math.abs(m))) return solved(m, fm, n, 'secant + Illinois regula falsi');
    if (fm < 0) {
      lo = m; flo = fm;
      if (side === -1) fhi /= 2;
      side = -1;
    } else {
      hi = m; fhi = fm;
      if (side === 1) flo /= 2;
      side = 1;
    }
  }
  const m = (lo + hi) / 2;
  n++;
  return solved(m, f.at(m), n, 'regula falsi (iteration limit)');
}
