/**
 * What economics() returns. Every money breakdown's `totalUsd` is the exact decimal sum of its
 * cent-rounded items; intermediate values (factors, bases, per-year rows) are exposed so the
 * workbook can rebuild each step as a formula.
 */
import type { Diagnostic } from '../unit-ops/contract.js';
import type { CapexResult, WorkingCapital } from './capex.js';
import type { CashFlowRow } from './cashflow.js';
import type { EnvironmentResult } from './environment.js';
import type { ResolvedFinance } from './finance.js';
import type { LabourDetail, MoneyLine } from './opex.js';
import type { PriceEntry } from './prices.js';

/** A breakdown: lines and their exact total. */
export interface Breakdown {
  items: MoneyLine[];
  /** Σ items, exact to the cent. */
  totalUsd: number;
  /** Σ items by category, each exact. */
  byCategory: Record<string, number>;
}

/** Operating costs at full output. */
export interface OpexBreakdown extends Breakdown {
  variableUsd: number;
  fixedUsd: number;
  labour: LabourDetail;
  /** Feed (positive purchases) + reagents: the base of materials-related factors. */
  materialsUsd: number;
}

/** KPIs (names are a contract with the run document). */
export interface EconomicsKpis {
  /** Fixed capital investment (working capital apart). */
  capexUsd: number;
  /** Operating cost per year at full output (cash costs; no depreciation). */
  opexUsdPerYear: number;
  /** Revenue per year at full output. */
  revenueUsdPerYear: number;
  /**
   * Gross levelised cost per kg of in-spec product, pre-tax: PV(capital + working capital −
   * salvage + opex) / PV(kg); no credit for off-spec or by-product sales.
   */
  costUsdPerKgProduct: number | null;
  /** Net levelised cost: as costUsdPerKgProduct, less the PV of off-spec and by-product revenue (same discounting). */
  netCostUsdPerKgProduct: number | null;
  npvUsd: number;
  irr: number | null;
  paybackYears: number | null;
  /**
   * Price of in-spec product (all chemistries) making the after-tax NPV zero, with off-spec and
   * by-product revenue credited at their prices.
   */
  minSellingPriceUsdPerKg: number | null;
  /** Site final energy (electricity + natural gas + steam fuel) per kg of in-spec product. */
  energyMjPerKgProduct: number | null;
  /** Cradle-to-gate primary energy per kg of in-spec product (same boundary as the virgin GREET figure). */
  primaryEnergyMjPerKgProduct: number | null;
  /** Cradle-to-gate GHG per kg of in-spec product (same boundary as the virgin GREET figure). */
  ghgKgCo2ePerKgProduct: number | null;
  waterLPerKgProduct: number | null;
}

/** The economics of a run. */
export interface EconomicsResult {
  capex: CapexResult;
  workingCapital: WorkingCapital;
  /** Fixed capital + working capital. */
  totalCapitalInvestmentUsd: number;
  opex: OpexBreakdown;
  revenue: Breakdown;
  cashFlow: CashFlowRow[];
  /** The depreciation schedule behind cashFlow[].depreciationUsd. */
  depreciation: { method: string; basisUsd: number; fractions: readonly number[]; writeOffUsd: number; truncated: boolean };
  finance: ResolvedFinance & { cepciYear: number; priceSet: string | null; priceYear: number };
  kpis: EconomicsKpis;
  npv: { usd: number; irrRoots: number[]; discountRate: number };
  levelisedCost: { pvCostsUsd: number; pvProductKg: number; pvCreditsUsd: number };
  minSellingPrice: { usdPerKg: number | null; iterations: number; npvAtSolutionUsd: number | null; method: string };
  environment: EnvironmentResult;
  /** Virgin-cathode comparison figures (from environment.virgin) for the summary. */
  virgin: { energyMjPerKg: number | null; ghgKgCo2ePerKg: number | null; waterLPerKg: number | null; siteEnergyMjPerKg: number | null };
  /** Every price the run used, with its source (for the Assumptions sheet). */
  pricesUsed: PriceEntry[];
  diagnostics: Diagnostic[];
}
