/**
 * economics(): capital, operating costs, revenue, discounted cash flow, KPIs and environmental
 * figures of one plant, from its yearly flows (EconomicsInput), a resolved price set and resolved
 * finance inputs. Pure; called once per Monte Carlo sample, so the numeric solves run on plain
 * numbers and the exact totals on integer cents (money.ts).
 *
 * Minimum selling price: the single price of in-spec product (all chemistries) at which the
 * after-tax NPV = 0, with off-spec CAM and by-products credited at their prices.
 * NPV is increasing in that price (revenue, revenue-based costs, working capital and — with
 * losses credited — tax are linear in it; with losses carried forward tax is piecewise linear),
 * so a secant step from two evaluations is exact in the linear case and an Illinois regula-falsi
 * on a bracket finishes the piecewise-linear case in a few steps.
 */
import { inputErrors, type InputIssue } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { checkEconomicsInput, type EconomicsInput } from './input.js';
import { mergedFrom, type PriceEntry, type ResolvedPrices } from './prices.js';
import type { ResolvedFinance } from './finance.js';
import { purchaseCosts, capitalBuildUp, sampleCapitalBuildUp, workingCapital, type CapexResult, type EquipmentCostRow } from './capex.js';
import { PriceBook, labourDetail, directCosts, directTotals, factorCosts, factorItemAmounts, revenueLines, type FactorItemAmounts, type MoneyLine, type CapitalBases, type DirectTotals } from './opex.js';
import { depreciationSchedule, type DepreciationSchedule } from './depreciation.js';
import { cashFlow, cashFlowRows, type CashFlowBasis, type CashFlowRow, type CashFlowSums } from './cashflow.js';
import { minSellingPrice } from './selling-price.js';
import { legacyConflict, marketOf } from './market.js';
import { priceSlot, type PriceBook as Book, type PriceSlot } from './price-book.js';
import { irrRoots, nearest, paybackYears } from './dcf.js';
import { environment, environmentDetails, environmentKpis, environmentOf, environmentSums, type EnvironmentFactors } from './environment.js';
import { addCents, categoryTotalUsd, sumUsd, sumUsd2, sumUsdOf } from './money.js';
import type { Breakdown, EconomicsResult } from './result.js';

export { solvePrice } from './selling-price.js';

const GHG_CACHE = new WeakMap<ResolvedPrices, Record<string, number>>();

/**
 * ghg.<component> items of the prices, cached per resolved price set; prices merged in place share
 * their base's while no merge replaced a ghg. item (a Monte Carlo sample patches a few prices).
 */
function reagentGhg(prices: ResolvedPrices): Record<string, number> {
  const origin = mergedFrom(prices);
  if (origin && !replacesGhg(origin.replaced)) return reagentGhg(origin.base);
  let out = GHG_CACHE.get(prices);
  if (!out) {
    out = {};
    for (const k in prices.items) {
      const e = prices.items[k]!;
      if (e.key.startsWith('ghg.') && e.key !== 'ghg.electricity' && e.key !== 'ghg.natural-gas') out[e.key.slice(4)] = e.value;
    }
    GHG_CACHE.set(prices, out);
  }
  return out;
}

/**
 * The last set of replaced keys replacesGhg looked through and its answer: every Monte Carlo sample
 * of a scenario shares its merge's set (prices.ts mergeShape: made once, never changed after), so
 * the set is looked through once, not with an iterator per sample.
 */
let lastReplaced: ReadonlySet<string> | undefined;
let lastReplacesGhg = false;

/** Whether a merge replaced a ghg. item. */
function replacesGhg(replaced: ReadonlySet<string>): boolean {
  if (replaced === lastReplaced) return lastReplacesGhg;
  let found = false;
  for (const k of replaced) if (k.startsWith('ghg.')) { found = true; break; }
  lastReplaced = replaced;
  lastReplacesGhg = found;
  return found;
}

/**
 * The message of the last no-greet-factor diagnostic and the reagents it names: every Monte Carlo
 * sample draws the same reagents, so the text (a pure function of the list) is made once, not per
 * sample. Compared by value, so a different list gets its own text.
 */
let lastNoGreet: { ids: string[]; text: string } | undefined;

function noGreetFactorText(ids: string[]): string {
  const last = lastNoGreet;
  if (last !== undefined && last.ids.length === ids.length) {
    let same = true;
    for (let i = 0; i < ids.length; i++) if (last.ids[i] !== ids[i]) { same = false; break; }
    if (same) return last.text;
  }
  const text = msg.noGreetFactor(ids);
  lastNoGreet = { ids: ids.slice(), text };
  return text;
}

const QUALITY_FACTOR_ONLY: ReadonlySet<string> = new Set(['quality-factor']);

/**
 * Slots of the prices every run reads by name (price-book.ts priceSlot): a Monte Carlo sample reads
 * them all, and a read by slot finds the entry by position instead of a keyed lookup in a record of
 * ~70 prices; the same values and the same used/missing records as get() and has().
 */
const EQUIPMENT_COST_FACTOR = priceSlot('equipment-cost-factor');
const GHG_ELECTRICITY = priceSlot('ghg.electricity');
const GHG_NATURAL_GAS = priceSlot('ghg.natural-gas');
const BOILER_EFFICIENCY = priceSlot('boiler-efficiency');
const PRIMARY_ELECTRICITY = priceSlot('primary-energy.electricity');
const PRIMARY_NATURAL_GAS = priceSlot('primary-energy.natural-gas');

/** A price the run can do without (null when absent; needed for its own key, as get() records it). */
function optional(book: Book, slot: PriceSlot): number | null {
  return book.hasAt(slot) ? book.getAt(slot, slot.key) : null;
}

/**
 * Work lists of breakdown(), one set for the module: breakdown runs to its end before it is called
 * again (no callback, one thread) and hands out none of them, so every call overwrites their first
 * entries instead of making new lists (every Monte Carlo sample makes two breakdowns). Not emptied
 * (length 0 would drop their storage): entries past the call's count are stale and never read.
 */
const CATEGORY_NAMES: string[] = [];
const CATEGORY_COUNT: number[] = [];
const CATEGORY_FIRST: number[] = [];
const CATEGORY_CENTS: number[] = [];

/**
 * What categoryBreakdown() works out besides the totals by category it returns, read by its caller
 * right after it (valid until the next call; no record per call): the total, the shared list of
 * category names, the exact cents of the items that are not variable (sumUsd's running sum: NaN
 * once out of the exact range); the cents of each category stay in CATEGORY_CENTS.
 */
const LAST_BREAKDOWN: { categories: number; fixedCents: number; totalUsd: number; names: readonly string[] } = { categories: 0, fixedCents: 0, totalUsd: 0, names: [] };

/**
 * Σ integer cents of the categories of the last breakdown that are (`inIt`) or are not `category`,
 * in category order; NaN once a category or a partial sum is out of the exact range. Integer sums
 * in the exact range do not depend on their order, so this is the running sum sumUsdOf keeps over
 * the same items (and its decimal sum when that one left the range but this one did not).
 */
function categoryCents(category: string, inIt: boolean): number {
  let acc = 0;
  for (let k = 0; k < LAST_BREAKDOWN.categories; k++) {
    if ((CATEGORY_NAMES[k] === category) !== inIt) continue;
    acc += CATEGORY_CENTS[k]!;
    if (!Number.isSafeInteger(acc)) return NaN;
  }
  return acc;
}

/**
 * A line's amount and the tests of the lines an exact sum keeps (for its slow path: sumUsdOf);
 * module functions, not arrows made at every call.
 */
const usdOf = (i: MoneyLine): number => i.usd;
const isInSpec = (i: MoneyLine): boolean => i.category === 'in-spec';
const isCredit = (i: MoneyLine): boolean => i.category !== 'in-spec';
const isFixed = (i: MoneyLine): boolean => !i.variable;
const isMaterial = (d: MoneyLine): boolean => d.category === 'reagents' || (d.category === 'feed' && d.usd > 0);

/** An exact sum of cents as sumUsd returns it, else (NaN: out of the exact range) the sum of the `keep` lines. */
function usdOfCents(cents: number, lines: readonly MoneyLine[], keep: (i: MoneyLine) => boolean): number {
  return Number.isNaN(cents) ? sumUsdOf(lines, usdOf, keep) : cents / 100;
}

/**
 * Items with exact totals: Σ per category (exact cents, money.ts), total = Σ categories (hence Σ
 * items). A sample's record by category is made only if read (SampleBreakdown).
 */
function breakdown(items: MoneyLine[], describe: boolean): Breakdown {
  const totals = categoryBreakdown(items, undefined, undefined);
  if (!describe) return new SampleBreakdown(items, LAST_BREAKDOWN.totalUsd, LAST_BREAKDOWN.names, totals);
  return { items, totalUsd: LAST_BREAKDOWN.totalUsd, byCategory: byCategoryOf(LAST_BREAKDOWN.names, totals) };
}

/** The totals by category as a record, in category order (what breakdown's byCategory holds). */
function byCategoryOf(names: readonly string[], totals: readonly number[]): Record<string, number> {
  const byCategory: Record<string, number> = {};
  for (let k = 0; k < names.length; k++) byCategory[names[k]!] = totals[k]!;
  return byCategory;
}

/**
 * The category name lists categoryBreakdown handed out, shared while the same names come in the
 * same order (every Monte Carlo sample's revenue and opex have theirs): compared by value, never
 * changed (frozen), at most a few kept.
 */
const NAME_LISTS: (readonly string[])[] = [];

/** The first `n` names of CATEGORY_NAMES as a shared list. */
function categoryNames(n: number): readonly string[] {
  for (let i = 0; i < NAME_LISTS.length; i++) {
    const list = NAME_LISTS[i]!;
    if (list.length !== n) continue;
    let k = 0;
    while (k < n && list[k] === CATEGORY_NAMES[k]) k++;
    if (k === n) return list;
  }
  const list = Object.freeze(CATEGORY_NAMES.slice(0, n));
  if (NAME_LISTS.length >= 8) NAME_LISTS.shift();
  NAME_LISTS.push(list);
  return list;
}

/**
 * An item of `category` and amount `usd` added to its category among the first `n` (categories in
 * order of first appearance — a handful: a linear search beats a Map —, each with its count, first
 * amount and Σ cents as sumUsd adds them, NaN once out of the exact range); the new count of categories.
 */
function addToCategory(n: number, category: string, usd: number): number {
  const names = CATEGORY_NAMES;
  let k = 0;
  while (k < n && names[k] !== category) k++;
  if (k === n) {
    names[n] = category;
    CATEGORY_COUNT[n] = 0;
    CATEGORY_FIRST[n] = usd;
    CATEGORY_CENTS[n] = 0;
    n++;
  }
  CATEGORY_COUNT[k]!++;
  CATEGORY_CENTS[k] = addCents(CATEGORY_CENTS[k]!, usd);
  return n;
}

/**
 * breakdown()'s totals by category of `items` followed by the `extra` amounts (a sample's factor
 * items, made into lines only if ever read): the same cents added in the same order as over one
 * list of both. `all` gives that list (undefined: `items` alone), for a category out of the exact
 * range (then summed from it as before). The total and the names are left in LAST_BREAKDOWN.
 */
function categoryBreakdown(items: readonly MoneyLine[], extra: Readonly<FactorItemAmounts> | undefined, all: OpexLines | undefined): number[] {
  let n = 0;
  let fixed = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!item.variable) fixed = addCents(fixed, item.usd);
    n = addToCategory(n, item.category, item.usd);
  }
  if (extra) {
    for (let i = 0; i < extra.count; i++) {
      const usd = extra.usd[i]!;
      if (!extra.variable[i]) fixed = addCents(fixed, usd);
      n = addToCategory(n, extra.category[i]!, usd);
    }
  }
  LAST_BREAKDOWN.categories = n;
  LAST_BREAKDOWN.fixedCents = fixed;
  const totals: number[] = [];
  for (let k = 0; k < n; k++) {
    // sumUsd of the category's amounts (one item: its own amount), in item order.
    const t = CATEGORY_COUNT[k] === 1 ? CATEGORY_FIRST[k]! : Number.isNaN(CATEGORY_CENTS[k]) ? categoryTotalUsd(all ? all.lines() : items, CATEGORY_NAMES[k]!) : CATEGORY_CENTS[k]! / 100;
    totals.push(t);
  }
  // Σ of the category totals in category order (Object.values(byCategory) order: no category is an index-like key).
  LAST_BREAKDOWN.totalUsd = sumUsd(totals);
  LAST_BREAKDOWN.names = categoryNames(n);
  return totals;
}

/**
 * The operating items of a run: the direct ones, then the factor ones (factorCosts), made once, on
 * first ask. A sample totals its factor items as amounts and makes these lines only if they are
 * ever read (opex.items of SampleOpex): the same lines, by the same call, as a described run makes
 * at once. An object, not a closure: economics() then keeps its variables in registers.
 */
class OpexLines {
  private list: MoneyLine[] | undefined;

  constructor(
    private readonly direct: readonly MoneyLine[],
    private readonly finance: ResolvedFinance,
    private readonly dTot: DirectTotals,
    private readonly capBases: CapitalBases,
    private readonly revenueUsd: number,
    private readonly describe: boolean,
  ) {}

  /** The direct items, then the factor items. */
  lines(): MoneyLine[] {
    return (this.list ??= [...this.direct, ...factorCosts(this.finance.operatingFactors, this.dTot, this.capBases, this.revenueUsd, true, true, this.describe).lines]);
  }
}

/** What economics() builds besides the numbers. */
export interface EconomicsOptions {
  /**
   * false (Monte Carlo samples and other runs that read only the KPIs): money lines without their
   * derivations (basis texts, terms, price units), no sorted `pricesUsed`, and the cash-flow rows
   * and finance record made only when read (SampleEconomics). Every number is computed as in a
   * described run, in the same order, so the KPIs are identical (===). Default true.
   */
  describe?: boolean;
}

/** Economics of one plant. Throws a RegenflowError for zero hours/feed or missing prices (all listed). */
export function economics(input: EconomicsInput, prices: ResolvedPrices, finance: ResolvedFinance, options: EconomicsOptions = {}): EconomicsResult {
  const describe = options.describe !== false;
  checkEconomicsInput(input);
  const diagnostics: Diagnostic[] = prices.diagnostics.slice();
  const issues: InputIssue[] = [];
  // Without a description only the use of the quality factor is remembered (its diagnostic below).
  const book = new PriceBook(prices, describe ? undefined : QUALITY_FACTOR_ONLY);

  // ---- prices that are needed whatever the flows
  const regional = anyCounted(input.equipment) ? book.getAt(EQUIPMENT_COST_FACTOR, 'the regional equipment-cost adjustment') : 1;
  // A sample keeps the purchase costs only (its rows are made if ever read: SampleCapex).
  const equipment: EquipmentCostRow[] | undefined = describe ? [] : undefined;
  const purchases = purchaseCosts(input.equipment, prices.cepciYear, regional, finance, issues, diagnostics, equipment);
  const labour = labourDetail(input, finance, 0, diagnostics);
  const market = marketOf(input, book);
  const direct = directCosts(input, book, labour, true, market, describe);
  const revenueItems = revenueLines(input, book, true, market, describe);
  const steam = input.heatKwhPerYear.steam;
  const envFactors: EnvironmentFactors = {
    gridKgPerKwh: input.electricityKwhPerYear > 0 ? book.getAt(GHG_ELECTRICITY, 'the GHG of electricity (grid factor)') : 0,
    naturalGasKgPerKwh: input.heatKwhPerYear['natural-gas'] > 0 || steam > 0 ? book.getAt(GHG_NATURAL_GAS, 'the GHG of natural gas (and of the fuel behind steam)') : 0,
    boilerEfficiency: steam > 0 ? book.getAt(BOILER_EFFICIENCY, 'the fuel energy and GHG of steam') : 1,
    reagentGhgOverrides: reagentGhg(prices),
    primaryElectricityMjPerKwh: optional(book, PRIMARY_ELECTRICITY),
    primaryNaturalGasMjPerKwh: optional(book, PRIMARY_NATURAL_GAS),
  };
  const conflict = legacyConflict(market);
  if (conflict) issues.push({ code: 'payable-conflict', message: conflict, path: 'prices.overrides.feed-payable-fraction' });
  if (book.missing.size > 0) issues.push(...book.issues());
  if (issues.length) throw inputErrors(issues);

  // ---- capital
  const capex = equipment ? capitalBuildUp(equipment, prices.cepciYear, finance) : sampleCapitalBuildUp(purchases, input.equipment, regional, prices.cepciYear, finance);

  // ---- revenue and operating costs at full output
  // The exact sums of subsets of the lines come from the passes that total them (breakdown,
  // directTotals): each is the exact Σ of the same cents (usdOfCents), whatever the order.
  const revenue = breakdown(revenueItems, describe);
  // In-spec product and the credits netted in the net levelised cost: every revenue but in-spec
  // product (off-spec CAM, by-products), scaled by output like the revenue it is part of.
  const inSpecRevenueUsd = usdOfCents(categoryCents('in-spec', true), revenueItems, isInSpec);
  const creditsUsd = usdOfCents(categoryCents('in-spec', false), revenueItems, isCredit);
  const dTot = directTotals(direct);
  const capBases: CapitalBases = { fci: capex.fixedCapitalUsd, isbl: capex.isblUsd, osbl: capex.osblUsd, buildingsPlusLand: sumUsd2(capex.buildingsUsd, capex.landUsd) };
  // The operating items: the direct ones, then the factor ones; a sample totals the factor items
  // as amounts (OpexLines makes the lines if ever read).
  const opexLines = new OpexLines(direct, finance, dTot, capBases, revenue.totalUsd, describe);
  const opexTotals = describe ? categoryBreakdown(opexLines.lines(), undefined, undefined) : categoryBreakdown(direct, factorItemAmounts(finance.operatingFactors, dTot, capBases, revenue.totalUsd), opexLines);
  const opexUsd = LAST_BREAKDOWN.totalUsd;
  const opexNames = LAST_BREAKDOWN.names;
  const fixedUsd = Number.isNaN(LAST_BREAKDOWN.fixedCents) ? sumUsdOf(opexLines.lines(), usdOf, isFixed) : LAST_BREAKDOWN.fixedCents / 100;
  const variableUsd = sumUsd2(opexUsd, -fixedUsd);
  const materialsUsd = usdOfCents(dTot.materialsCents, direct, isMaterial);
  const wc = workingCapital(capex, finance, opexUsd, materialsUsd, true);

  // ---- depreciation and cash flow
  const schedule = depreciationSchedule(finance.depreciation, capex.depreciableCapitalUsd, finance.lifeYears, finance.depreciationYears, true);
  if (schedule.truncated) diagnostics.push({ code: 'depreciation-truncated', severity: 'info', where: 'finance.depreciation', message: msg.depreciationTruncated(finance.depreciation === 'straight-line' ? `straight line over ${finance.depreciationYears} yr` : finance.depreciation, schedule.fractions.length, finance.lifeYears) });
  const productKg = kgOf(input.products.inSpec);
  const basis: CashFlowBasis = {
    fixedCapitalUsd: capex.fixedCapitalUsd,
    landUsd: capex.landUsd,
    depreciableCapitalUsd: capex.depreciableCapitalUsd,
    workingCapitalUsd: wc.usd,
    revenueUsd: revenue.totalUsd,
    variableOpexUsd: variableUsd,
    fixedOpexUsd: fixedUsd,
    productKg,
  };
  // Rows only for a description: a sample reads the sums, and its rows are made if ever asked for.
  const rows: CashFlowRow[] | undefined = describe ? [] : undefined;
  const flows = cashFlow(basis, finance, schedule.amountsUsd, creditsUsd, rows);
  const roots = irrRoots(flows.nets);
  const irr = nearest(roots, finance.discountRate);
  if (roots.length > 1 && irr !== null) diagnostics.push({ code: 'multiple-irr', severity: 'info', where: 'cashFlow', message: msg.multipleIrr(roots, irr) });

  // ---- minimum selling price of in-spec product
  let msp: EconomicsResult['minSellingPrice'];
  if (productKg > 0) {
    msp = minSellingPrice({ inSpecRevenueUsd, revenueUsd: revenue.totalUsd, opexUsd, dTot, capBases, capex, materialsUsd, basis, finance, depreciationUsd: schedule.amountsUsd });
  } else {
    msp = { usdPerKg: null, iterations: 0, npvAtSolutionUsd: null, method: 'none: no in-spec product' };
    diagnostics.push({ code: 'no-in-spec-product', severity: 'warning', where: 'products', message: msg.noInSpecProduct() });
  }

  // ---- environment (a sample's figures made only when read: it reads the KPIs)
  const envDetails = describe ? environmentDetails() : undefined;
  const envSums = environmentSums(input, envFactors, envDetails);
  const ek = environmentKpis(envSums);
  if (ek.primaryMissing) diagnostics.push({ code: 'no-primary-energy-factor', severity: 'info', where: 'prices', message: msg.noPrimaryEnergyFactor() });
  if (envSums.unfactored.length) diagnostics.push({ code: 'no-greet-factor', severity: 'info', where: 'environment', message: noGreetFactorText(envSums.unfactored) });
  if (book.used.has('quality-factor')) {
    const q = prices.items['quality-factor'];
    if (q && q.origin === 'set') diagnostics.push({ code: 'quality-factor-default', severity: 'info', where: 'prices.quality-factor', message: msg.qualityFactorDefault(q.value, q.source) });
  }

  const totalCapitalInvestmentUsd = sumUsd2(capex.fixedCapitalUsd, wc.usd);
  // levelisedCost and levelisedNetCost of the rows.
  const pvKg = flows.pvProductKg;
  const kpis: EconomicsResult['kpis'] = {
    capexUsd: capex.fixedCapitalUsd,
    opexUsdPerYear: opexUsd,
    revenueUsdPerYear: revenue.totalUsd,
    costUsdPerKgProduct: pvKg > 0 ? flows.pvCostsUsd / pvKg : null,
    netCostUsdPerKgProduct: pvKg > 0 ? (flows.pvCostsUsd - flows.pvCreditsUsd) / pvKg : null,
    npvUsd: flows.npvUsd,
    irr,
    paybackYears: paybackYears(flows.nets, finance.construction.length),
    minSellingPriceUsdPerKg: msp.usdPerKg,
    energyMjPerKgProduct: ek.energyPerKg,
    primaryEnergyMjPerKgProduct: ek.primaryPerKg,
    ghgKgCo2ePerKgProduct: ek.ghgPerKg,
    waterLPerKgProduct: ek.waterPerKg,
  };
  const virgin: EconomicsResult['virgin'] = { energyMjPerKg: ek.virginEnergyMjPerKg, ghgKgCo2ePerKg: ek.virginGhgKgCo2ePerKg, waterLPerKg: ek.virginWaterLPerKg, siteEnergyMjPerKg: ek.virginSiteEnergyMjPerKg };
  if (!envDetails) {
    const opex = new SampleOpex(opexLines, opexUsd, opexNames, opexTotals, variableUsd, fixedUsd, labour, materialsUsd);
    return new SampleEconomics(capex, wc, totalCapitalInvestmentUsd, opex, revenue, kpis, msp, virgin, diagnostics, basis, finance, schedule, flows, roots, prices, input, envFactors);
  }
  return {
    capex,
    workingCapital: wc,
    totalCapitalInvestmentUsd,
    opex: { items: opexLines.lines(), totalUsd: opexUsd, byCategory: byCategoryOf(opexNames, opexTotals), variableUsd, fixedUsd, labour, materialsUsd },
    revenue,
    cashFlow: rows!,
    depreciation: depreciationOf(finance, capex, schedule),
    finance: financeOfRun(finance, prices),
    kpis,
    npv: npvOf(flows, roots, finance),
    levelisedCost: levelisedOf(flows),
    minSellingPrice: msp,
    environment: environmentOf(envSums, envFactors, envDetails),
    virgin,
    pricesUsed: [...book.used.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    diagnostics,
  };
}

/** Whether any equipment item is counted (a loop: no closure per call). */
function anyCounted(equipment: EconomicsInput['equipment']): boolean {
  for (let i = 0; i < equipment.length; i++) if (equipment[i]!.count > 0) return true;
  return false;
}

/** Σ kg per year of the products, in order from 0 (what reduce((a, p) => a + p.kgPerYear, 0) gives). */
function kgOf(products: EconomicsInput['products']['inSpec']): number {
  let kg = 0;
  for (let i = 0; i < products.length; i++) kg += products[i]!.kgPerYear;
  return kg;
}

/** The depreciation record of a run. */
function depreciationOf(finance: ResolvedFinance, capex: CapexResult, schedule: DepreciationSchedule): EconomicsResult['depreciation'] {
  return { method: finance.depreciation, basisUsd: capex.depreciableCapitalUsd, fractions: schedule.fractions, writeOffUsd: schedule.writeOffUsd, truncated: schedule.truncated };
}

/** The NPV record of a run. */
function npvOf(flows: CashFlowSums, roots: number[], finance: ResolvedFinance): EconomicsResult['npv'] {
  return { usd: flows.npvUsd, irrRoots: roots, discountRate: finance.discountRate };
}

/** The levelised-cost sums of a run. */
function levelisedOf(flows: CashFlowSums): EconomicsResult['levelisedCost'] {
  return { pvCostsUsd: flows.pvCostsUsd, pvProductKg: flows.pvProductKg, pvCreditsUsd: flows.pvCreditsUsd };
}

/**
 * The economics of a sample (describe false): every field a described run has, with the same
 * values, but the cash-flow rows, the finance record and the environmental figures are made on
 * first read — a Monte Carlo sample reads only the KPIs, and 17 rows of 21 numbers, a copy of ~30
 * finance keys and the footprints per reagent and chemistry were ≈ 12 KB per sample (the depreciation,
 * NPV and levelised-cost records too: a sample reads none of them). Getters of a class (on its prototype, not own keys: a sample is never rendered as a
 * document): an object literal with a getter takes V8's slow path, ≈ 1 µs per literal.
 */
class SampleEconomics implements EconomicsResult {
  private rows: CashFlowRow[] | undefined;
  private financeRecord: EconomicsResult['finance'] | undefined;
  private env: EconomicsResult['environment'] | undefined;
  private depreciationRecord: EconomicsResult['depreciation'] | undefined;
  private npvRecord: EconomicsResult['npv'] | undefined;
  private levelisedRecord: EconomicsResult['levelisedCost'] | undefined;
  readonly pricesUsed: PriceEntry[] = [];

  constructor(
    readonly capex: EconomicsResult['capex'],
    readonly workingCapital: EconomicsResult['workingCapital'],
    readonly totalCapitalInvestmentUsd: number,
    readonly opex: EconomicsResult['opex'],
    readonly revenue: EconomicsResult['revenue'],
    readonly kpis: EconomicsResult['kpis'],
    readonly minSellingPrice: EconomicsResult['minSellingPrice'],
    readonly virgin: EconomicsResult['virgin'],
    readonly diagnostics: Diagnostic[],
    // What the rows, the finance, depreciation, NPV and levelised-cost records are made of (the sample's own: never changed after).
    private readonly basis: CashFlowBasis,
    private readonly resolvedFinance: ResolvedFinance,
    private readonly schedule: DepreciationSchedule,
    private readonly flows: CashFlowSums,
    private readonly roots: number[],
    private readonly prices: ResolvedPrices,
    // What the environmental figures are made of (the sample's input, never changed after, as SampleCapex's items).
    private readonly input: EconomicsInput,
    private readonly envFactors: EnvironmentFactors,
  ) {}

  /** The environmental figures (environment() of the sample's input: those a described run gives). */
  get environment(): EconomicsResult['environment'] {
    return (this.env ??= environment(this.input, this.envFactors));
  }

  /** The cash-flow rows (cashFlowRows of the sample's basis: the rows a described run makes). */
  get cashFlow(): CashFlowRow[] {
    return (this.rows ??= cashFlowRows(this.basis, this.resolvedFinance, this.schedule.amountsUsd));
  }

  /** The finance inputs with the price set's id and years (financeOfRun). */
  get finance(): EconomicsResult['finance'] {
    return (this.financeRecord ??= financeOfRun(this.resolvedFinance, this.prices));
  }

  /** The depreciation record (depreciationOf, made once). */
  get depreciation(): EconomicsResult['depreciation'] {
    return (this.depreciationRecord ??= depreciationOf(this.resolvedFinance, this.capex, this.schedule));
  }

  /** The NPV record (npvOf, made once). */
  get npv(): EconomicsResult['npv'] {
    return (this.npvRecord ??= npvOf(this.flows, this.roots, this.resolvedFinance));
  }

  /** The levelised-cost sums (levelisedOf, made once). */
  get levelisedCost(): EconomicsResult['levelisedCost'] {
    return (this.levelisedRecord ??= levelisedOf(this.flows));
  }
}

/**
 * The operating costs of a sample (describe false): the numbers of a described run, and its items
 * and record by category made on first read (every Monte Carlo sample reads the totals only; its
 * factor items were a dozen lines per sample). Getters of a class, as SampleEconomics.
 */
class SampleOpex {
  private record: Record<string, number> | undefined;

  constructor(
    private readonly lines: OpexLines,
    readonly totalUsd: number,
    private readonly names: readonly string[],
    private readonly totals: readonly number[],
    readonly variableUsd: number,
    readonly fixedUsd: number,
    readonly labour: EconomicsResult['opex']['labour'],
    readonly materialsUsd: number,
  ) {}

  /** The direct items, then the factor items (made once: the maker keeps its list). */
  get items(): MoneyLine[] {
    return this.lines.lines();
  }

  /** The totals by category (byCategoryOf, made once). */
  get byCategory(): Record<string, number> {
    return (this.record ??= byCategoryOf(this.names, this.totals));
  }
}

/**
 * A breakdown of a sample (describe false): its items and totals, the record by category made on
 * first read (a Monte Carlo sample reads the totals only). Getters of a class, as SampleEconomics.
 */
class SampleBreakdown implements Breakdown {
  private record: Record<string, number> | undefined;

  constructor(
    readonly items: MoneyLine[],
    readonly totalUsd: number,
    private readonly names: readonly string[],
    private readonly totals: readonly number[],
  ) {}

  /** The totals by category (byCategoryOf, made once). */
  get byCategory(): Record<string, number> {
    return (this.record ??= byCategoryOf(this.names, this.totals));
  }
}

/**
 * The finance inputs with the price set's id and years: what `{ ...finance, cepciYear, priceSet,
 * priceYear }` gives (same keys, same order), copied key by key because V8 (Node 20) takes a slow
 * path for every key added to a spread copy — ≈ 6 µs here, for every Monte Carlo sample.
 */
function financeOfRun(finance: ResolvedFinance, prices: ResolvedPrices): EconomicsResult['finance'] {
  const out: Record<string, unknown> = {};
  for (const k in finance) out[k] = finance[k as keyof ResolvedFinance];
  out.cepciYear = prices.cepciYear;
  out.priceSet = prices.setId;
  out.priceYear = prices.year;
  return out as unknown as EconomicsResult['finance'];
}
