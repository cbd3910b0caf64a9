/**
 * Operating costs and revenue per year of full operation.
 *
 * Direct items, each quantity × price: feed purchase per lot (market.ts: payables of the lot's
 * grade, or a fixed price), reagents, utilities (electricity, natural gas, steam, process water),
 * wastewater and landfill, disposal of off-spec material of negative market value, consumables
 * (saggars…), operator labour (operators per shift × shifts per day × shift length × operating
 * days × rate).
 * Factor items from the finance preset: supervision, overheads, maintenance, insurance, rent, R&D,
 * selling, royalties… on their bases (labour, FCI, ISBL, materials, revenue, cash cost).
 * Revenue: in-spec regenerated CAM by chemistry (regenerated.<chem>, or quality-factor ×
 * cam.<chem>), off-spec CAM on the same market basis as the feed (market.ts), and by-products as
 * scrap.
 *
 * Prices are looked up through a PriceBook that records what a run used and every price it
 * needed but could not find; an item whose quantity is zero needs no price.
 */
import { chemistryByName } from '../chemistry/cathode.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { priceItem } from './price-keys.js';
import { PriceBook, type PriceSlot } from './price-book.js';
import { ELECTRICITY, LABOUR, LANDFILL, NATURAL_GAS, QUALITY_FACTOR, STEAM, WASTEWATER, WATER, byproductLine, consumableLine, inSpecKeys, reagentLine } from './opex-lines.js';
import type { OperatingFactorRow, ResolvedFinance } from './finance.js';
import type { EconomicsInput } from './input.js';
import { addCents, cents } from './money.js';
import { feedLine, marketOf, type Market } from './market.js';
import { offSpecLines } from './offspec.js';
import { shiftPlan } from '../design/shifts.js';

export { PriceBook };

/** Cost categories for summaries. */
export type OpexCategory = 'feed' | 'reagents' | 'utilities' | 'waste' | 'consumables' | 'labour' | 'maintenance' | 'overhead' | 'fixed-charges' | 'general';

/** A line of operating cost or revenue, USD per year of full operation. */
export interface MoneyLine {
  id: string;
  label: string;
  category: string;
  usd: number;
  /** Scales with output in ramp-up years. */
  variable: boolean;
  /** Quantity per year in quantityUnit (the unit the price is per). */
  quantity?: number;
  quantityUnit?: string;
  /** USD per quantityUnit; usd = quantity × unitPriceUsd (cent-rounded). */
  unitPriceUsd?: number;
  priceKey?: string;
  priceUnit?: string;
  factor?: number;
  basis?: string;
  basisUsd?: number;
  note?: string;
  /** The line as a sum of terms (usd = Σ quantity × price × factor, cent-rounded), for audit. */
  terms?: MoneyTerm[];
}

/** One term of a money line: quantity × price(priceKey) × factor (factor = product of factorKeys). */
export interface MoneyTerm {
  quantity: number;
  quantityUnit: string;
  priceKey: string;
  price: number;
  factor: number;
  factorKeys: string[];
}

const CATEGORY: Record<string, OpexCategory> = {
  consumables: 'consumables', packaging: 'consumables', supervision: 'labour', 'salary-overhead': 'labour', 'labour-burden': 'labour',
  maintenance: 'maintenance', 'operating-supplies': 'maintenance', 'tax-insurance': 'fixed-charges', insurance: 'fixed-charges',
  'local-taxes': 'fixed-charges', rent: 'fixed-charges', environmental: 'fixed-charges', 'plant-overhead': 'overhead',
  administration: 'overhead', 'general-admin': 'overhead', laboratory: 'overhead', research: 'general', selling: 'general',
  royalties: 'general', 'distribution-selling': 'general',
};

const CHEM_NAMES = new Map<string, string>();
const chemName = (c: string): string => {
  let n = CHEM_NAMES.get(c);
  if (n === undefined) {
    n = chemistryByName(c)?.name ?? c;
    CHEM_NAMES.set(c, n);
  }
  return n;
};

/** Labour arithmetic. */
export interface LabourDetail {
  operatorsPerShift: number;
  shiftsPerDay: number;
  shiftLengthH: number;
  operatingDaysPerYear: number;
  operatorHoursPerYear: number;
  rateUsdPerHour: number;
  /** Minimum crew × hours round-the-clock units run without a shift (design/shifts.ts); 0 when fully staffed. */
  unstaffedOperatorHoursPerYear?: number;
  minimumCrew?: number;
  unstaffedHoursPerYear?: number;
}

/**
 * Operator hours per year: operators per shift × shifts per day × shift length × operating days
 * (+ the minimum crew through unstaffed hours). The pipeline works them out with the shifts in
 * design/ and passes them as `input.labour`; without it they are derived here from the operating
 * hours (every hour staffed).
 */
export function labourDetail(input: EconomicsInput, finance: ResolvedFinance, rate: number, diagnostics: Diagnostic[]): LabourDetail {
  const l = input.labour;
  if (l) {
    return {
      operatorsPerShift: input.operatorsPerShift, shiftsPerDay: l.shiftsPerDay, shiftLengthH: l.shiftLengthH, operatingDaysPerYear: l.operatingDaysPerYear,
      operatorHoursPerYear: l.operatorHoursPerYear, rateUsdPerHour: rate,
      unstaffedOperatorHoursPerYear: l.unstaffedOperatorHoursPerYear, minimumCrew: l.minimumCrew, unstaffedHoursPerYear: l.unstaffedHoursPerYear,
    };
  }
  // Every operating hour staffed: the shift plan with no unstaffed hours (design/shifts.ts).
  const plan = shiftPlan({ operatingHoursPerYear: input.operatingHoursPerYear, operatingDaysPerYear: finance.operatingDaysPerYear, shiftLengthH: finance.shiftLengthH, minimumCrew: 0 });
  diagnostics.push(...plan.diagnostics);
  return { operatorsPerShift: input.operatorsPerShift, shiftsPerDay: plan.shiftsPerDay, shiftLengthH: plan.shiftLengthH, operatingDaysPerYear: plan.operatingDaysPerYear, operatorHoursPerYear: input.operatorsPerShift * plan.shiftHoursPerYear, rateUsdPerHour: rate };
}

const R = (exact: boolean) => (exact ? cents : (x: number) => x);

/**
 * Direct operating items (everything but the preset's factor items), full output. With `describe`
 * false (Monte Carlo samples) the lines carry their amounts but no derivations (basis texts,
 * terms, price units).
 */
export function directCosts(input: EconomicsInput, book: PriceBook, labour: LabourDetail, exact: boolean, market: Market = marketOf(input, book), describe = true): MoneyLine[] {
  const r = R(exact);
  const out: MoneyLine[] = [];
  // quantity (in the price's unit) × price
  const priced = (id: string, label: string, category: OpexCategory, quantity: number, quantityUnit: string, slot: PriceSlot, neededFor: string): void => {
    if (quantity === 0) return;
    const key = slot.key;
    const price = book.getAt(slot, neededFor);
    if (!describe) { out.push({ id, label, category, usd: r(quantity * price), variable: true, quantity, quantityUnit, unitPriceUsd: price, priceKey: key }); return; }
    const entry = book.prices.items[key];
    out.push({ id, label, category, usd: r(quantity * price), variable: true, quantity, quantityUnit, unitPriceUsd: price, priceKey: key, priceUnit: entry?.unit ?? priceItem(key)?.spec.unit ?? '' });
  };
  // Feed purchase, per lot, on the one market basis (market.ts); off-spec parcels of negative
  // market value cost their disposal.
  const inSpecPriceOf = (chem: string) => inSpecPrice(book, chem, 1, describe);
  // By position: the market's lot facts are planned by it (market.ts lotFactsAt).
  const lots = input.feedLots;
  for (let i = 0; i < lots.length; i++) {
    const line = feedLine(market, lots[i]!, input.feedBasis, inSpecPriceOf, exact, describe, i);
    if (line) out.push(line);
  }
  const offSpecCosts = offSpecLines(market, input, exact, describe).costs;
  for (let i = 0; i < offSpecCosts.length; i++) out.push(offSpecCosts[i]!);
  // Reagents (process water is a utility). for…in: the order of Object.entries, without its list of pairs.
  const reagents = input.reagentsKgPerYear;
  for (const id in reagents) {
    if (id === 'H2O') continue;
    const l = reagentLine(id);
    priced(l.id, id, 'reagents', reagents[id]!, 'kg', l.slot, l.neededFor);
  }
  // Utilities.
  priced('utility.electricity', 'electricity', 'utilities', input.electricityKwhPerYear, 'kWh', ELECTRICITY, 'electricity');
  priced('utility.natural-gas', 'natural gas', 'utilities', input.heatKwhPerYear['natural-gas'], 'kWh', NATURAL_GAS, 'natural-gas heat');
  priced('utility.steam', 'steam', 'utilities', input.heatKwhPerYear.steam, 'kWh', STEAM, 'steam heat');
  priced('utility.process-water', 'process water (reagent H2O, 1,000 kg/m³)', 'utilities', (input.reagentsKgPerYear.H2O ?? 0) / 1000, 'm^3', WATER, 'process water (reagent H2O)');
  // Waste.
  priced('waste.wastewater', 'wastewater treatment (1,000 kg/m³)', 'waste', input.wastewaterKgPerYear / 1000, 'm^3', WASTEWATER, 'wastewater');
  priced('waste.landfill', 'solid waste disposal', 'waste', input.wasteKgPerYear, 'kg', LANDFILL, 'solid waste');
  // Consumables.
  const consumables = input.consumablesPerYear;
  for (const name in consumables) {
    const l = consumableLine(name);
    priced(l.id, name, 'consumables', consumables[name]!, 'items', l.slot, l.neededFor);
  }
  // Labour.
  if (labour.operatorHoursPerYear > 0) {
    const rate = book.getAt(LABOUR, 'operator labour');
    labour.rateUsdPerHour = rate;
    if (!describe) { out.push({ id: 'labour.operators', label: 'operating labour', category: 'labour', usd: r(labour.operatorHoursPerYear * rate), variable: false, quantity: labour.operatorHoursPerYear, quantityUnit: 'h', unitPriceUsd: rate, priceKey: 'labour', priceUnit: 'USD/h' }); return out; }
    out.push({
      id: 'labour.operators', label: 'operating labour', category: 'labour', usd: r(labour.operatorHoursPerYear * rate), variable: false,
      quantity: labour.operatorHoursPerYear, quantityUnit: 'h', unitPriceUsd: rate, priceKey: 'labour', priceUnit: 'USD/h',
      basis: `${fmt(labour.operatorsPerShift)} operators/shift × ${labour.shiftsPerDay} shifts/d × ${fmt(labour.shiftLengthH)} h × ${fmt(labour.operatingDaysPerYear)} d/yr` +
        (labour.unstaffedOperatorHoursPerYear ? ` + minimum crew ${fmt(labour.minimumCrew ?? 0)} × ${fmt(labour.unstaffedHoursPerYear ?? 0)} unstaffed h/yr` : ''),
    });
  }
  return out;
}

/** Capital aggregates the operating factors use. */
export interface CapitalBases {
  fci: number;
  isbl: number;
  osbl: number;
  buildingsPlusLand: number;
}

/** Sum of direct-item amounts by the aggregates factor bases need. */
export interface DirectTotals {
  total: number;
  labour: number;
  /** Feed (positive purchases only) + reagents. */
  materials: number;
}

/** DirectTotals and the other sums economics() takes of the direct items, from the same pass. */
export interface DirectSums extends DirectTotals {
  /** Σ of the variable and of the fixed items, each in item order from 0 (plain numbers). */
  variable: number;
  fixed: number;
  /** Σ integer cents of the materials items (sumUsd's running sum: NaN once out of the exact range). */
  materialsCents: number;
}

/**
 * Totals of direct items for the factor bases, with the variable and fixed sums and the exact
 * cents of the materials in the same pass (every Monte Carlo sample asks for all of them).
 */
export function directTotals(direct: readonly MoneyLine[]): DirectSums {
  let total = 0;
  let labour = 0;
  let materials = 0;
  let variable = 0;
  let fixed = 0;
  let materialsCents = 0;
  for (let i = 0; i < direct.length; i++) {
    const d = direct[i]!;
    total += d.usd;
    if (d.id === 'labour.operators') labour += d.usd;
    if (d.category === 'reagents') {
      materials += d.usd;
      materialsCents = addCents(materialsCents, d.usd);
    }
    if (d.category === 'feed' && d.usd > 0) {
      materials += d.usd;
      materialsCents = addCents(materialsCents, d.usd);
    }
    if (d.variable) variable = variable + d.usd;
    else fixed = fixed + d.usd;
  }
  return { total, labour, materials, variable, fixed, materialsCents };
}

/** Factor items and their totals. */
export interface FactorCosts {
  /** The items (empty when not described). */
  lines: MoneyLine[];
  variableUsd: number;
  fixedUsd: number;
  totalUsd: number;
}

/**
 * The preset's factor items, in preset order, on their bases; the cash-cost items (selling,
 * royalties, R&D of Peters) are solved self-consistently: C = C0 / (1 − Σf), item = f·C, where C0
 * is every other operating cost (clamped at ≥ 0). With `describe` false only the totals are
 * computed (the minimum-selling-price solve calls this many times); with `texts` false the items are
 * made without the derivation text of the cash-cost items (Monte Carlo samples total them only).
 */
export function factorCosts(factors: readonly OperatingFactorRow[], d: DirectTotals, cap: CapitalBases, revenueUsd: number, exact: boolean, describe = true, texts = describe): FactorCosts {
  const plan = factorPlan(factors);
  const lines: MoneyLine[] = [];
  const w: FactorWalk = { supervision: 0, maintenance: 0, running: d.total, variable: 0, fixed: 0, cashSum: 0 };
  walkFactors(factors, plan, d, cap, revenueUsd, exact, 0, factors.length, w, describe ? lines : undefined);
  cashCostItems(factors, plan, exact, w, describe ? lines : undefined, texts);
  return { lines, variableUsd: w.variable, fixedUsd: w.fixed, totalUsd: w.running - d.total };
}

/**
 * factorCosts' items as amounts, in the order of its lines (the cash-cost items last): category,
 * amount and whether variable. Filled by factorItemAmounts into one module-level record, valid
 * until its next call (one evaluation at a time; a sample reads it at once and keeps nothing of it).
 */
export interface FactorItemAmounts {
  count: number;
  category: string[];
  usd: number[];
  variable: boolean[];
}

const FACTOR_AMOUNTS: FactorItemAmounts = { count: 0, category: [], usd: [], variable: [] };

/**
 * The amounts of factorCosts(…, exact true)'s items without the items (a Monte Carlo sample totals
 * them, and makes its lines only if ever read): the same walk, the same amounts in the same order.
 */
export function factorItemAmounts(factors: readonly OperatingFactorRow[], d: DirectTotals, cap: CapitalBases, revenueUsd: number): Readonly<FactorItemAmounts> {
  const plan = factorPlan(factors);
  const w: FactorWalk = { supervision: 0, maintenance: 0, running: d.total, variable: 0, fixed: 0, cashSum: 0 };
  FACTOR_AMOUNTS.count = 0;
  walkFactors(factors, plan, d, cap, revenueUsd, true, 0, factors.length, w, undefined, FACTOR_AMOUNTS);
  cashCostItems(factors, plan, true, w, undefined, false, FACTOR_AMOUNTS);
  return FACTOR_AMOUNTS;
}

/** Record an item's amount (factorItemAmounts). */
function recordAmount(out: FactorItemAmounts, category: string, usd: number, variable: boolean): void {
  const n = out.count++;
  out.category[n] = category;
  out.usd[n] = usd;
  out.variable[n] = variable;
}

/** The running sums of factorCosts' walk over a factor list. */
interface FactorWalk {
  supervision: number;
  maintenance: number;
  running: number;
  variable: number;
  fixed: number;
  cashSum: number;
}

/** factorCosts' walk over the factors from..to−1 but the cash-cost ones (their Σ f only), lines pushed (or amounts recorded) when given. */
function walkFactors(factors: readonly OperatingFactorRow[], plan: FactorPlan, d: DirectTotals, cap: CapitalBases, revenueUsd: number, exact: boolean, from: number, to: number, w: FactorWalk, lines: MoneyLine[] | undefined, amounts?: FactorItemAmounts): void {
  for (let i = from; i < to; i++) {
    const f = factors[i]!;
    const basis = plan.basis[i]!;
    if (basis === B_CASH) {
      w.cashSum += f.value;
      continue;
    }
    let basisUsd: number;
    switch (basis) {
      case B_LABOUR: basisUsd = d.labour; break;
      case B_LABOUR_SUP: basisUsd = d.labour + w.supervision; break;
      case B_LABOUR_SUP_MAINT: basisUsd = d.labour + w.supervision + w.maintenance; break;
      case B_MAINTENANCE: basisUsd = w.maintenance; break;
      case B_MATERIALS: basisUsd = d.materials; break;
      case B_FCI: basisUsd = cap.fci; break;
      case B_ISBL: basisUsd = cap.isbl; break;
      case B_ISBL_OSBL: basisUsd = cap.isbl + cap.osbl; break;
      case B_BUILDINGS_LAND: basisUsd = cap.buildingsPlusLand; break;
      case B_REVENUE: basisUsd = revenueUsd; break;
      default: basisUsd = NaN; // no such basis (the schema admits none): the product is NaN as before
    }
    const usd = exact ? cents(f.value * basisUsd) : f.value * basisUsd;
    const role = plan.role[i]!;
    if (role === ROLE_SUPERVISION) w.supervision = usd;
    else if (role === ROLE_MAINTENANCE) w.maintenance = usd;
    w.running += usd;
    if (f.variable) w.variable += usd;
    else w.fixed += usd;
    if (lines) lines.push({ id: plan.lineId[i]!, label: f.label, category: plan.category[i]!, usd, variable: f.variable, factor: f.value, basis: f.basis, basisUsd });
    else if (amounts) recordAmount(amounts, plan.category[i]!, usd, f.variable);
  }
}

/** factorCosts' cash-cost items on the walk's running total (C = C0 / (1 − Σf)), lines pushed (or amounts recorded) when given. */
function cashCostItems(factors: readonly OperatingFactorRow[], plan: FactorPlan, exact: boolean, w: FactorWalk, lines: MoneyLine[] | undefined, texts: boolean, amounts?: FactorItemAmounts): void {
  if (!(w.cashSum > 0)) return;
  const cashSum = w.cashSum;
  const c0 = Math.max(0, w.running);
  const c = c0 / (1 - cashSum);
  for (let i = 0; i < factors.length; i++) {
    if (plan.basis[i] !== B_CASH) continue;
    const f = factors[i]!;
    const usd = exact ? cents(f.value * c) : f.value * c;
    if (f.variable) w.variable += usd;
    else w.fixed += usd;
    w.running += usd;
    if (lines) lines.push({ id: plan.lineId[i]!, label: f.label, category: plan.category[i]!, usd, variable: f.variable, factor: f.value, basis: texts ? `cash cost of production = other costs / (1 − ${fmt(cashSum)}) = ${fmt(c0)} / ${fmt(1 - cashSum)}` : '', basisUsd: c });
    else if (amounts) recordAmount(amounts, plan.category[i]!, usd, f.variable);
  }
}

/**
 * factorCosts' totals in plain numbers (exact false, no lines) at any revenue, for one factor list,
 * direct totals and capital: the minimum-selling-price solve asks at every trial price, and only
 * the revenue-based items and what follows them change with it — the walk up to the first of them
 * is made once per solve and continued from a copy at each price (the same sums in the same order).
 */
export class FactorTotalsAt {
  variableUsd = 0;
  fixedUsd = 0;
  totalUsd = 0;
  private factors: readonly OperatingFactorRow[];
  private d: DirectTotals;
  private cap: CapitalBases;
  private plan: FactorPlan;
  private from: number;
  private readonly start: FactorWalk = { supervision: 0, maintenance: 0, running: 0, variable: 0, fixed: 0, cashSum: 0 };
  private readonly walk: FactorWalk = { supervision: 0, maintenance: 0, running: 0, variable: 0, fixed: 0, cashSum: 0 };

  constructor(factors: readonly OperatingFactorRow[], d: DirectTotals, cap: CapitalBases) {
    this.factors = factors;
    this.d = d;
    this.cap = cap;
    this.plan = factorPlan(factors);
    this.from = this.plan.firstRevenue;
    this.walkStart();
  }

  /**
   * The same object for another factor list, direct totals and capital (as a new one made from
   * them): a solve per Monte Carlo sample reuses one rather than making its objects anew.
   */
  reset(factors: readonly OperatingFactorRow[], d: DirectTotals, cap: CapitalBases): this {
    this.factors = factors;
    this.d = d;
    this.cap = cap;
    this.plan = factorPlan(factors);
    this.from = this.plan.firstRevenue;
    this.variableUsd = 0;
    this.fixedUsd = 0;
    this.totalUsd = 0;
    this.walkStart();
    return this;
  }

  /** The walk up to the first revenue-based factor, from zero (the start every trial copies). */
  private walkStart(): void {
    const s = this.start;
    s.supervision = 0;
    s.maintenance = 0;
    s.running = this.d.total;
    s.variable = 0;
    s.fixed = 0;
    s.cashSum = 0;
    walkFactors(this.factors, this.plan, this.d, this.cap, NaN, false, 0, this.from, s, undefined);
  }

  /** Set variableUsd, fixedUsd and totalUsd to factorCosts(…, revenueUsd, false, false)'s. */
  at(revenueUsd: number): void {
    const s = this.start;
    const w = this.walk;
    w.supervision = s.supervision;
    w.maintenance = s.maintenance;
    w.running = s.running;
    w.variable = s.variable;
    w.fixed = s.fixed;
    w.cashSum = s.cashSum;
    walkFactors(this.factors, this.plan, this.d, this.cap, revenueUsd, false, this.from, this.factors.length, w, undefined);
    cashCostItems(this.factors, this.plan, false, w, undefined, false);
    this.variableUsd = w.variable;
    this.fixedUsd = w.fixed;
    this.totalUsd = w.running - this.d.total;
  }
}

// Bases of operating factors as small integers (factorPlan), and the roles of the two items other bases read.
const B_LABOUR = 0, B_LABOUR_SUP = 1, B_LABOUR_SUP_MAINT = 2, B_MAINTENANCE = 3, B_MATERIALS = 4, B_FCI = 5, B_ISBL = 6, B_ISBL_OSBL = 7, B_BUILDINGS_LAND = 8, B_REVENUE = 9, B_CASH = 10;
const BASIS_CODE: Readonly<Record<OperatingFactorRow['basis'], number>> = {
  labour: B_LABOUR, 'labour+supervision': B_LABOUR_SUP, 'labour+supervision+maintenance': B_LABOUR_SUP_MAINT, maintenance: B_MAINTENANCE, materials: B_MATERIALS,
  fci: B_FCI, isbl: B_ISBL, 'isbl+osbl': B_ISBL_OSBL, 'buildings+land': B_BUILDINGS_LAND, revenue: B_REVENUE, 'cash-cost': B_CASH,
};
const ROLE_NONE = 0, ROLE_SUPERVISION = 1, ROLE_MAINTENANCE = 2;

/** What factorCosts reads of a factor list besides the values: the bases as codes, the roles, line ids and categories. */
interface FactorPlan {
  /** The ids and bases the plan was made from (checked at every use: a row changed in place is planned again). */
  ids: string[];
  bases: string[];
  basis: number[];
  role: number[];
  lineId: string[];
  category: string[];
  /** Index of the first revenue-based factor (the list's length for none): the walk before it does not depend on the revenue. */
  firstRevenue: number;
}

/**
 * The plan of a factor list, made once per list: a Monte Carlo sample keeps its preset's list (a
 * patch copies only what it changes), and the minimum-selling-price solve walks it at every trial
 * price — comparing basis and id texts there each time cost more than the arithmetic.
 */
const FACTOR_PLANS = new WeakMap<readonly OperatingFactorRow[], FactorPlan>();

function factorPlan(factors: readonly OperatingFactorRow[]): FactorPlan {
  let plan = FACTOR_PLANS.get(factors);
  if (!plan || !planFits(plan, factors)) {
    plan = { ids: [], bases: [], basis: [], role: [], lineId: [], category: [], firstRevenue: factors.length };
    for (const f of factors) {
      if (BASIS_CODE[f.basis] === B_REVENUE && plan.firstRevenue === factors.length) plan.firstRevenue = plan.ids.length;
      plan.ids.push(f.id);
      plan.bases.push(f.basis);
      plan.basis.push(BASIS_CODE[f.basis]);
      plan.role.push(f.id === 'supervision' ? ROLE_SUPERVISION : f.id === 'maintenance' ? ROLE_MAINTENANCE : ROLE_NONE);
      plan.lineId.push(`factor.${f.id}`);
      plan.category.push(CATEGORY[f.id] ?? 'general');
    }
    FACTOR_PLANS.set(factors, plan);
  }
  return plan;
}

/** Whether a plan was made from these factors' ids and bases (the same strings: a pointer compare each). */
function planFits(plan: FactorPlan, factors: readonly OperatingFactorRow[]): boolean {
  if (plan.ids.length !== factors.length) return false;
  for (let i = 0; i < factors.length; i++) if (factors[i]!.id !== plan.ids[i] || factors[i]!.basis !== plan.bases[i]) return false;
  return true;
}

/**
 * Price of regenerated in-spec CAM of a chemistry whose mass-weighted capacity is `capacityRatio` × the
 * virgin capacity: regenerated.<chem> × capacityRatio, else min(1, quality-factor × capacityRatio) ×
 * cam.<chem>. Rule (issue 11): a buyer pays per unit of deliverable charge — the basis on which a cell
 * cost model turns a cathode's price and specific capacity into its cost per kWh (BatPaC, REFERENCE.md
 * 1.3.5) — so a kg with 5 % less capacity is worth 5 % less; and regenerated product is never priced
 * above virgin of the same chemistry and capacity (the ratio is capped at 1 per lot, the product at
 * the virgin price).
 */
export function inSpecPrice(book: PriceBook, chemistry: string, capacityRatio = 1, describe = true): { price: number; key: string; basis: string; factor: number } {
  const chem = chemName(chemistry);
  const ratio = Math.min(1, capacityRatio);
  const k = inSpecKeys(chem);
  const direct = k.regenerated.key;
  if (book.hasAt(k.regenerated)) {
    const p = book.getAt(k.regenerated, `in-spec ${chem}`);
    return { price: p * ratio, key: direct, basis: describe ? `${direct} ${fmt(p)} USD/kg × capacity ratio ${fmt(ratio)}` : '', factor: ratio };
  }
  // What a price is needed for written only when it is missing (find first: no texts per sample).
  const q = book.findAt(QUALITY_FACTOR) ?? book.get('quality-factor', `pricing regenerated ${chem} against virgin`);
  const camKey = k.cam.key;
  const v = book.findAt(k.cam) ?? book.get(camKey, `in-spec regenerated ${chem} (or give regenerated.${chem})`);
  const f = Math.min(1, q * ratio);
  return { price: f * v, key: camKey, basis: describe ? `min(1, quality-factor ${fmt(q)} × capacity ratio ${fmt(ratio)}) × cam.${chem} ${fmt(v)} USD/kg` : '', factor: ratio };
}

/** In-spec product by canonical chemistry name: kg/yr and the mass-weighted capacity ratio (revenueLines works out the same sums on plain numbers). */
export function inSpecByChemistry(input: EconomicsInput): Map<string, { kg: number; ratio: number }> {
  const out = new Map<string, { kg: number; ratio: number }>();
  for (const p of input.products.inSpec) {
    const k = chemName(p.chemistry);
    const acc = out.get(k) ?? { kg: 0, ratio: 0 };
    const kg = acc.kg + p.kgPerYear;
    acc.ratio = kg > 0 ? (acc.ratio * acc.kg + (p.capacityRatio ?? 1) * p.kgPerYear) / kg : 1;
    acc.kg = kg;
    out.set(k, acc);
  }
  return out;
}

/**
 * Elements the pre-market off-spec rule valued. Kept for the workbook's formula writer until its
 * rework; off-spec material is now priced by market.ts (Ni, Co and an optional Li payable).
 */
export const OFFSPEC_METALS = ['Ni', 'Co', 'Mn', 'Li'] as const;

/**
 * Canonical chemistry names of the in-spec products (by list position), a work list for revenueLines:
 * it runs to its end before it is called again (one thread, no callback) and hands out none of it,
 * so every call overwrites its first entries instead of making a Map, accumulators and iterator
 * entries per Monte Carlo sample. Entries past the call's count are stale and never read.
 */
const IN_SPEC_NAMES: string[] = [];

/** Whether `names[i]` is also at an earlier position (its products were summed there). */
function seenBefore(names: readonly string[], i: number): boolean {
  for (let j = 0; j < i; j++) if (names[j] === names[i]) return true;
  return false;
}

/** Revenue lines at full output: in-spec CAM by chemistry, off-spec CAM by chemistry, by-products (`describe` as directCosts). */
export function revenueLines(input: EconomicsInput, book: PriceBook, exact: boolean, market: Market = marketOf(input, book), describe = true): MoneyLine[] {
  const r = R(exact);
  const out: MoneyLine[] = [];
  const inSpec = input.products.inSpec;
  const names = IN_SPEC_NAMES;
  for (let i = 0; i < inSpec.length; i++) names[i] = chemName(inSpec[i]!.chemistry);
  for (let i = 0; i < inSpec.length; i++) {
    const chem = names[i]!;
    if (seenBefore(names, i)) continue;
    // inSpecByChemistry's sums on plain numbers: this chemistry's products in list order, from the same 0s.
    let kg = 0;
    let ratio = 0;
    for (let j = i; j < inSpec.length; j++) {
      if (names[j] !== chem) continue;
      const q = inSpec[j]!;
      const sum = kg + q.kgPerYear;
      ratio = sum > 0 ? (ratio * kg + (q.capacityRatio ?? 1) * q.kgPerYear) / sum : 1;
      kg = sum;
    }
    if (kg === 0) continue;
    const p = inSpecPrice(book, chem, ratio, describe);
    const k = inSpecKeys(chem);
    out.push({ id: k.cam.key, label: k.label, category: 'in-spec', usd: r(kg * p.price), variable: true, quantity: kg, quantityUnit: 'kg', unitPriceUsd: p.price, priceKey: p.key, priceUnit: 'USD/kg', basis: p.basis, factor: p.factor });
  }
  const offSpecRevenue = offSpecLines(market, input, exact, describe).revenue;
  for (let i = 0; i < offSpecRevenue.length; i++) out.push(offSpecRevenue[i]!);
  const byproducts = input.byproductsKgPerYear;
  for (const id in byproducts) {
    const kg = byproducts[id]!;
    if (kg === 0) continue;
    const b = byproductLine(id);
    const key = b.key;
    const price = book.findAt(b.slot) ?? book.get(key, `by-product ${id}`);
    out.push({ id: key, label: b.label, category: 'by-product', usd: r(kg * price), variable: true, quantity: kg, quantityUnit: 'kg', unitPriceUsd: price, priceKey: key, priceUnit: 'USD/kg' });
  }
  return out;
}

/** Short number text for derivations (6 significant digits, cheaply). */
function fmt(x: number): string {
  if (Number.isInteger(x) || x === 0) return String(x);
  const scale = 10 ** (5 - Math.floor(Math.log10(Math.abs(x))));
  return String(Math.round(x * scale) / scale);
}
