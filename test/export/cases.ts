/**
 * The evaluations the workbook tests export: every shipped scenario (scenarios/*.yaml) through its
 * own route, and the reference comparison (reference-cn through the hydrothermal and molten-salt
 * routes, as `npm start` exports it). Evaluated once per test file and cached.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate, type Evaluation } from '../../src/pipeline/evaluate.js';
import type { Patch } from '../../src/pipeline/patch.js';

/** Shipped scenario files. */
export const SHIPPED_SCENARIOS: string[] = readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join('scenarios', f));

/** The reference comparison: one feed through two routes. */
export const REFERENCE_COMPARISON: { scenario: string; flowsheet: string }[] = [
  { scenario: 'scenarios/reference-cn.yaml', flowsheet: 'flowsheets/hydrothermal.yaml' },
  { scenario: 'scenarios/reference-cn.yaml', flowsheet: 'flowsheets/molten-salt.yaml' },
];

const cache = new Map<string, Evaluation>();

/** Evaluate a scenario (optionally through another flowsheet, with patches); cached. */
export function evaluation(scenario: string, flowsheet?: string, patches: Patch[] = []): Evaluation {
  const key = JSON.stringify([scenario, flowsheet ?? null, patches]);
  let ev = cache.get(key);
  if (!ev) {
    ev = evaluate(resolveModel(loadRawScenario(scenario, flowsheet), patches));
    cache.set(key, ev);
  }
  return ev;
}

/** The evaluations of the reference comparison (with patches on both). */
export function referenceComparison(patches: Patch[] = []): Evaluation[] {
  return REFERENCE_COMPARISON.map((c) => evaluation(c.scenario, c.flowsheet, patches));
}

/**
 * Finance variants of the reference scenario that reach the branches the shipped scenarios do not:
 * the Peters and Lang presets, tax credit for losses, salvage, a truncated MACRS schedule, a short
 * straight-line period, working capital as a share of fixed capital, three construction years, a
 * two-year ramp-up, a one-year life, and a price that makes NPV negative with no IRR.
 */
export const FINANCE_VARIANTS: { name: string; patches: Patch[] }[] = [
  { name: 'Peters, tax credit, salvage 10 %, MACRS20 truncated, 3 construction years, 2-year ramp-up', patches: [{ path: 'finance.capexMethod', value: 'peters' }, { path: 'finance.losses', value: 'credit' }, { path: 'finance.salvage', value: 0.1 }, { path: 'finance.depreciation', value: 'MACRS20' }, { path: 'finance.construction', value: [0.3, 0.3, 0.4] }, { path: 'finance.rampUp', value: [0.5, 0.8] }] },
  { name: 'Lang, working capital 12 % of FCI, straight line over 5 of 8 years', patches: [{ path: 'finance.capexMethod', value: 'lang' }, { path: 'finance.workingCapitalOfFci', value: 0.12 }, { path: 'finance.depreciation', value: 'straight-line' }, { path: 'finance.depreciationPeriod', value: '5 yr' }, { path: 'finance.life', value: '8 yr' }] },
  { name: 'Peters, one construction year, one operating year, no ramp-up', patches: [{ path: 'finance.capexMethod', value: 'peters' }, { path: 'finance.life', value: '1 yr' }, { path: 'finance.construction', value: [1] }, { path: 'finance.rampUp', value: [] }] },
  { name: 'LiOH·H2O at 300 USD/kg: NPV < 0, no IRR, no payback', patches: [{ path: 'prices.LiOH·H2O', value: '300 USD/kg' }] },
];

/** The finance variants, evaluated. */
export function financeVariants(): Evaluation[] {
  return FINANCE_VARIANTS.map((v) => evaluation('scenarios/reference-cn.yaml', undefined, v.patches));
}
