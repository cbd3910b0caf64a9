/**
 * The economics layer (DESIGN.md "Economics"): price sets, finance presets, capital and operating
 * costs, revenue, discounted cash flow, KPIs and environmental figures.
 */
export type { EconomicsInput } from './input.js';
export { checkEconomicsInput } from './input.js';
export { economics, solvePrice } from './economics.js';
export type { EconomicsResult, EconomicsKpis, Breakdown, OpexBreakdown } from './result.js';
export { resolvePrices, mergePrices, DEFAULT_PRICE_SETS } from './prices.js';
export { priceItem, priceUnit, readPriceValue, FIXED_PRICE_KEYS } from './price-keys.js';
export type { ResolvedPrices, PriceEntry, PriceSetSource, SectionPlace, Escalation } from './prices.js';
export type { PriceItemSpec } from './price-keys.js';
export { CPI_U, CPI_YEARS, PRICE_INDEX_NAME, priceIndexOf, escalationFactor } from './price-index.js';
export { MATERIAL_GRADES, gradeOf, marketOf, payableOf, payableValue, GRAPHITE_LIMIT, MATRIX_LIMIT } from './market.js';
export type { MaterialGrade, Market, Payable } from './market.js';
export { PriceBook } from './price-book.js';
export { resolveFinance, PRESETS } from './finance.js';
export type { ResolvedFinance, FactorRow, OperatingFactorRow, Preset, OperatingBasis } from './finance.js';
export { equipmentCosts, capitalBuildUp, workingCapital } from './capex.js';
export type { CapexResult, CapitalLine, EquipmentCostRow, WorkingCapital } from './capex.js';
export type { MoneyLine, MoneyTerm, LabourDetail } from './opex.js';
export { cashFlowRows, npvFast, levelisedCost, levelisedNetCost } from './cashflow.js';
export type { CashFlowRow, CashFlowBasis } from './cashflow.js';
export { npv, irr, irrRoots, paybackYears } from './dcf.js';
export { MACRS_PERCENT, MACRS_SOURCE, depreciationSchedule, depreciationFractions } from './depreciation.js';
export { CEPCI, CEPCI_YEARS, cepciOf } from './cepci.js';
export { environment, REAGENT_FACTORS, VIRGIN_CAM, reagentFactor } from './environment.js';
export type { EnvironmentResult } from './environment.js';
export { cents, sumUsd } from './money.js';
