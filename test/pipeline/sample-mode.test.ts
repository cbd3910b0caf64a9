/**
 * The sampling mode of evaluate (`mode: 'sample'`, what Monte Carlo, tornado and Sobol samples
 * use) skips the work only reports need, but its KPIs are the report mode's, bit for bit: for every
 * shipped scenario and route, and for patched models like the samples of an uncertainty run.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRawScenario, type RawScenario } from '../../src/pipeline/load.js';
import { resolveModel, type Model } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { finiteKpisOf, kpisOf, numericKpisOf } from '../../src/pipeline/document.js';
import type { Patch } from '../../src/pipeline/patch.js';
import { numericKpis, scenarioKpis } from '../../src/uncertainty/evaluator.js';

const yamlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));
const REFERENCE = 'scenarios/reference-cn.yaml';

/**
 * KPIs of both modes, compared key by key with Object.is (=== that also holds for NaN), and each
 * unit's energy totals (a sample lists no energy items: only reports read them).
 */
function expectSameKpis(model: Model): void {
  const full = evaluate(model);
  const lean = evaluate(model, { mode: 'sample' });
  for (const [id, run] of full.solution.runs) {
    const e = lean.solution.runs.get(id)!.energy;
    expect([e.electricityKw, e.minimumHeatKw, JSON.stringify(e.heatKw)], id).toStrictEqual([run.energy.electricityKw, run.energy.minimumHeatKw, JSON.stringify(run.energy.heatKw)]);
  }
  const report = kpisOf(full);
  const sample = kpisOf(lean);
  expect(Object.keys(sample)).toEqual(Object.keys(report));
  for (const k of Object.keys(report)) {
    const a = report[k];
    const b = sample[k];
    if (a !== null && typeof a === 'object') expect(b, k).toStrictEqual(a);
    else expect(Object.is(b, a), `${k}: sample ${String(b)} vs report ${String(a)}`).toBe(true);
  }
}

/** Patches like those of the reference scenario's uncertain inputs, at low, middle and high values. */
const SAMPLES: Patch[][] = [
  [],
  [
    { path: 'prices.LiOH·H2O', value: '6 USD/kg' },
    { path: 'prices.quality-factor', value: 0.8 },
    { path: 'prices.electricity', value: '0.07 USD/kWh' },
    { path: 'finance.discountRate', value: 0.08 },
    { path: 'relith.temperature', value: '200 degC' },
    { path: 'feed.lots[ev-811].liPerTm', value: 0.71 },
  ],
  [
    { path: 'prices.LiOH·H2O', value: '17.3 USD/kg' },
    { path: 'prices.quality-factor', value: 0.93 },
    { path: 'prices.electricity', value: '0.0913 USD/kWh' },
    { path: 'finance.discountRate', value: 0.1047 },
    { path: 'relith.temperature', value: '221.7 degC' },
    { path: 'feed.lots[ev-811].liPerTm', value: 0.8123 },
  ],
  [
    { path: 'prices.LiOH·H2O', value: '30 USD/kg' },
    { path: 'prices.quality-factor', value: 1 },
    { path: 'prices.electricity', value: '0.11 USD/kWh' },
    { path: 'finance.discountRate', value: 0.12 },
    { path: 'relith.temperature', value: '240 degC' },
    { path: 'feed.lots[ev-811].liPerTm', value: 0.89 },
  ],
  // Other sections and parameters a study may vary.
  [{ path: 'plant.capacity', value: '7000 t/yr' }, { path: 'sinter.peak', value: '800 degC' }, { path: 'wash.stages', value: 2 }],
  [{ path: 'finance.taxRate', value: 0.3 }, { path: 'finance.life', value: '12 yr' }, { path: 'prices.labour', value: '9 USD/h' }],
];

describe('evaluate in sampling mode', () => {
  for (const f of yamlIn('scenarios')) {
    it(`${f}: the KPIs are identical to the report mode's`, () => {
      expectSameKpis(resolveModel(loadRawScenario(f)));
    });
  }

  for (const f of yamlIn('flowsheets')) {
    it(`${f} with the reference feed: the KPIs are identical to the report mode's`, () => {
      expectSameKpis(resolveModel(loadRawScenario(REFERENCE, f)));
    });
  }

  it('patched models (Monte Carlo samples, study points): the KPIs are identical to the report mode\'s', () => {
    const raw: RawScenario = loadRawScenario(REFERENCE);
    for (const patches of SAMPLES) expectSameKpis(resolveModel(raw, patches));
  });

  it('scenarioKpis (what every sample runs) gives the numeric KPIs of the full run', () => {
    const raw = loadRawScenario(REFERENCE);
    for (const patches of SAMPLES) {
      expect(scenarioKpis(raw, patches)).toStrictEqual(numericKpis(kpisOf(evaluate(resolveModel(raw, patches)))));
    }
  });

  it('a sample\'s model (ResolveOptions.sample) lists no feed warnings; its KPIs are the full run\'s', () => {
    const raw = loadRawScenario(REFERENCE);
    const data = raw.feed.data as { lots: Record<string, unknown>[] };
    const lots = data.lots.map((l, i) => (i === 0 ? { ...l, d50: { dist: 'normal', mean: 5, sd: 10, truncate: true } } : l));
    const cut: RawScenario = { ...raw, feed: { ...raw.feed, data: { ...data, lots } } };
    const patches = SAMPLES[2]!;
    const codes = (m: Model) => m.diagnostics!.map((d) => d.code);
    expect(codes(resolveModel(cut, patches))).toContain('distribution-truncated');
    expect(codes(resolveModel(cut, patches, { sample: true }))).not.toContain('distribution-truncated');
    expect(scenarioKpis(cut, patches)).toStrictEqual(numericKpis(kpisOf(evaluate(resolveModel(cut, patches)))));
  });

  it('numericKpisOf gives kpisOf\'s KPIs, in its order, with the by-cause record left out (null)', () => {
    const ev = evaluate(resolveModel(loadRawScenario(REFERENCE), SAMPLES[2]!), { mode: 'sample' });
    const all = kpisOf(ev);
    const numbers = numericKpisOf(ev);
    expect(Object.keys(numbers)).toStrictEqual(Object.keys(all));
    expect(numbers.offSpecKgPerYearByCause).toBeNull();
    expect(typeof all.offSpecKgPerYearByCause).toBe('object');
    expect(JSON.stringify({ ...numbers, offSpecKgPerYearByCause: undefined })).toBe(JSON.stringify({ ...all, offSpecKgPerYearByCause: undefined }));
    expect(numericKpis(numbers)).toStrictEqual(numericKpis(all));
  });

  it('finiteKpisOf gives numericKpis of numericKpisOf: the same names in the same order, the same numbers', () => {
    const raw = loadRawScenario(REFERENCE);
    for (const patches of SAMPLES) {
      const ev = evaluate(resolveModel(raw, patches), { mode: 'sample' });
      const got = finiteKpisOf(ev)!;
      const want = numericKpis(numericKpisOf(ev));
      expect(Object.keys(got)).toStrictEqual(Object.keys(want));
      for (const k of Object.keys(want)) expect(Object.is(got[k], want[k]), k).toBe(true);
    }
  });

  it('finiteKpisOf gives undefined when a KPI is null or not finite (numericKpis then leaves it out)', () => {
    const ev = evaluate(resolveModel(loadRawScenario(REFERENCE)), { mode: 'sample' });
    expect(finiteKpisOf(ev)).toBeDefined();
    for (const irr of [null, NaN, Infinity]) {
      const odd = { ...ev, economics: { ...ev.economics, kpis: { ...ev.economics.kpis, irr } } } as typeof ev;
      expect(finiteKpisOf(odd)).toBeUndefined();
      expect(Object.keys(numericKpis(numericKpisOf(odd)))).not.toContain('irr');
    }
    // The flag of one call does not reach the next.
    expect(finiteKpisOf(ev)).toBeDefined();
  });

  it('skips what only reports show, and still checks the plant-wide closure', () => {
    const model = resolveModel(loadRawScenario(REFERENCE));
    const report = evaluate(model);
    const sample = evaluate(model, { mode: 'sample' });
    expect(report.balances.units.length).toBe(model.flowsheet.units.length);
    expect(sample.balances.units).toEqual([]);
    expect(sample.balances.plant).toStrictEqual(report.balances.plant);
    expect(sample.balances.worstClosure).toBeLessThanOrEqual(report.balances.worstClosure);
    expect(sample.balances.energyKwhPerHour).toStrictEqual(report.balances.energyKwhPerHour);
    expect(sample.balances.reagents).toStrictEqual(report.balances.reagents);
    expect(sample.sizing.schedule.entries).toEqual([]);
    // Energy: a sample keeps each unit's totals, the same to the last bit (heat utilities in the
    // same order), and lists no items — only reports (run document, workbook) read them.
    for (const [id, run] of report.solution.runs) {
      const energy = sample.solution.runs.get(id)!.energy;
      expect(energy.items, id).toEqual([]);
      expect(Object.is(energy.electricityKw, run.energy.electricityKw), id).toBe(true);
      expect(Object.is(energy.minimumHeatKw, run.energy.minimumHeatKw), id).toBe(true);
      expect(JSON.stringify(energy.heatKw), id).toBe(JSON.stringify(run.energy.heatKw));
      expect(run.energy.items.every((i) => typeof i.basis === 'string' && i.basis.length > 0), id).toBe(true);
    }
    const kiln = (ev: typeof report) => ev.sizing.equipment.find((e) => e.unitId === 'sinter')!.description;
    expect(kiln(sample)).toBe('');
    expect(kiln(report)).toMatch(/^roller-hearth kiln line/);
    expect(sample.diagnostics.some((d) => d.code === 'loop-converged')).toBe(false);
    expect(report.diagnostics.some((d) => d.code === 'loop-converged')).toBe(true);
  });

  it('prices, sizes and values every line a report does, without the report texts (issue 19)', () => {
    const model = resolveModel(loadRawScenario(REFERENCE), SAMPLES[2]!);
    const report = evaluate(model);
    const sample = evaluate(model, { mode: 'sample' });
    const amounts = (lines: readonly { id: string; category: string; usd: number; variable: boolean }[]) => lines.map((l) => [l.id, l.category, l.usd, l.variable]);
    expect(amounts(sample.economics.opex.items)).toStrictEqual(amounts(report.economics.opex.items));
    expect(amounts(sample.economics.revenue.items)).toStrictEqual(amounts(report.economics.revenue.items));
    expect(sample.economics.opex.byCategory).toStrictEqual(report.economics.opex.byCategory);
    expect(sample.economics.cashFlow).toStrictEqual(report.economics.cashFlow);
    // Report texts: feed and off-spec derivations, their terms, the sorted prices used.
    const described = report.economics.opex.items.filter((l) => l.category === 'feed' && l.terms !== undefined);
    expect(described.length).toBeGreaterThan(0);
    expect(described.every((l) => typeof l.basis === 'string' && l.basis.length > 0 && l.terms!.length > 0)).toBe(true);
    const plain = sample.economics.opex.items.filter((l) => described.some((d) => d.id === l.id));
    expect(plain.map((l) => l.id)).toEqual(described.map((l) => l.id));
    expect(plain.every((l) => l.basis === undefined && l.terms === undefined)).toBe(true);
    expect(report.economics.pricesUsed.length).toBeGreaterThan(0);
    expect(sample.economics.pricesUsed).toEqual([]);
    // Sizing: every item with the same numbers; the purchase costs by CEPCI year left to reports.
    const items = (ev: typeof report) => ev.sizing.equipment.map((e) => [e.unitId, e.name, e.size, e.count, e.utilisation, e.purchaseCostUsd]);
    expect(items(sample)).toStrictEqual(items(report));
    expect(Object.keys(report.sizing.purchaseCostUsdByCepciYear).length).toBeGreaterThan(0);
    expect(sample.sizing.purchaseCostUsdByCepciYear).toEqual({});
    expect(sample.sizing.units.every((u) => Object.keys(u.purchaseCostUsdByCepciYear).length === 0)).toBe(true);
  });
});
