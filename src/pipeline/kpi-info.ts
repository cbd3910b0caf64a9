/**
 * What a KPI means for a comparison: its unit, which direction is better, and how large a
 * difference must be to count (issue 14: winners, crossover ties, tornado noise, paired
 * uncertainty). KPI ids are read from the run document's `kpis` (kpisOf), never listed here: a
 * KPI another part of the program adds gets its unit from its name (names say their unit) and is
 * better when lower unless listed in HIGHER_IS_BETTER.
 */
import type { Kpis } from './document.js';

/** KPIs where more is better; every other scored KPI is better when lower. */
export const HIGHER_IS_BETTER: ReadonlySet<string> = new Set(['npvUsd', 'irr', 'inSpecFraction', 'revenueUsdPerYear', 'productKgPerYear', 'inSpecKgPerYear', 'inSpecYieldOfFeedCam', 'inSpecCapacityMahPerG', 'inSpecCapacityRatio']);

/**
 * KPIs that are not a merit of a case: the plant's set feed rate and the virgin-cathode reference
 * figures (the same chemistry mix gives the same reference whatever the route).
 */
export function isReferenceKpi(kpi: string): boolean {
  return kpi === 'feedKgPerYear' || kpi.startsWith('virgin');
}

/** Which value of a KPI is better. */
export type Direction = 'higher' | 'lower' | 'none';

/** Direction of a KPI (reference KPIs: none). */
export function directionOf(kpi: string): Direction {
  if (isReferenceKpi(kpi)) return 'none';
  return HIGHER_IS_BETTER.has(kpi) ? 'higher' : 'lower';
}

/** Unit of a KPI from its name: npvUsd → USD, costUsdPerKgProduct → USD/kg, inSpecFraction → fraction, … */
export function kpiUnitOf(kpi: string): string {
  const rules: [RegExp, string][] = [
    [/UsdPerKg/, 'USD/kg'], [/UsdPerYear$/, 'USD/yr'], [/Usd$/, 'USD'], [/KgPerYear$/, 'kg/yr'], [/MjPerKg/, 'MJ/kg'],
    [/KgCo2ePerKg/, 'kg CO2e/kg'], [/LPerKg/, 'L/kg'], [/Years$/, 'yr'], [/Fraction$|Ratio$|^irr$|Yield/, 'fraction'], [/PerShift$/, 'persons'], [/MahPerG$/, 'mAh/g'],
  ];
  return rules.find(([re]) => re.test(kpi))?.[1] ?? '';
}

/**
 * Materiality of a difference (a documented convention, not a statistic):
 * - shares (unit "fraction": in-spec share, IRR, yield): half a percentage point, 0.005 absolute —
 *   assumption: below the resolution of the lot-state models, calibrated on review Table 1
 *   capacities read to ≈1 %;
 * - head counts: one person (0.5 absolute);
 * - every other KPI: 1 % of the larger magnitude of the two values — assumption: the sourced prices
 *   and cost factors carry 2–3 significant figures, so a smaller difference is within their rounding.
 */
export interface Materiality {
  kind: 'absolute' | 'relative';
  value: number;
  /** The rule in words, for reports. */
  text: string;
}

/** The materiality rule of a KPI. */
export function materialityOf(kpi: string): Materiality {
  const unit = kpiUnitOf(kpi);
  if (unit === 'fraction') return { kind: 'absolute', value: 0.005, text: '0.005 (half a percentage point)' };
  if (unit === 'persons') return { kind: 'absolute', value: 0.5, text: 'one person' };
  return { kind: 'relative', value: 0.01, text: '1 % of the larger value' };
}

/** The smallest material difference between values a and b of a KPI. */
export function thresholdOf(kpi: string, a: number, b: number = a): number {
  const m = materialityOf(kpi);
  return m.kind === 'absolute' ? m.value : m.value * Math.max(Math.abs(a), Math.abs(b));
}

/** The KPI ids of a run document's `kpis`: every entry that is a number or null (null = undefined in that run). */
export function kpiIds(kpis: Kpis): string[] {
  return Object.entries(kpis).filter(([, v]) => v === null || typeof v === 'number').map(([k]) => k);
}

/**
 * The headline KPIs (what a tornado or a paired uncertainty shows by default), those of them the
 * run document has: economics first, then quality and the environment.
 */
export const HEADLINE_KPIS: readonly string[] = [
  'npvUsd', 'costUsdPerKgProduct', 'netCostUsdPerKgProduct', 'minSellingPriceUsdPerKg', 'capexUsd', 'opexUsdPerYear',
  'inSpecFraction', 'energyMjPerKgProduct', 'primaryEnergyMjPerKgProduct', 'ghgKgCo2ePerKgProduct',
];

/** The headline KPIs among `available`, in headline order. */
export function headlineKpis(available: readonly string[]): string[] {
  return HEADLINE_KPIS.filter((k) => available.includes(k));
}

/** Which of two values is better: 'a', 'b', or 'tie' when the difference is below the threshold (or the KPI has no direction). */
export function betterOf(kpi: string, a: number, b: number): 'a' | 'b' | 'tie' {
  const dir = directionOf(kpi);
  if (dir === 'none' || Math.abs(b - a) < thresholdOf(kpi, a, b) || a === b) return 'tie';
  return (b > a) === (dir === 'higher') ? 'b' : 'a';
}
