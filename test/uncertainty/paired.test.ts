/**
 * Issue 14: paired route uncertainty on common random numbers (bit-identical for a seed whatever
 * the number of workers), inputs scoped to a route or relative to its base value, range warnings
 * before sampling (the hydrothermal 200–240 °C range on a 300 °C molten-salt unit), derived prices
 * in tornado, tornado defaults and noise, and the CLI cases that used to crash or mislead.
 */
import { describe, expect, it } from 'vitest';
import { scenarioPairedUncertainty, pairedStatistics } from '../../src/uncertainty/paired.js';
import { scenarioTornado } from '../../src/uncertainty/scenario.js';
import { readUncertainInputs } from '../../src/uncertainty/inputs.js';
import { routeMapping, routeValue, baseValueAt } from '../../src/uncertainty/scope.js';
import { rangeWarnings } from '../../src/uncertainty/ranges.js';
import { scenarioKpis } from '../../src/uncertainty/evaluator.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { headlineKpis } from '../../src/pipeline/kpi-info.js';
import { duplicatePaths, readParamText, uncertainInputSchema } from '../../src/schema/uncertainty.js';
import { tornadoText, pairedText } from '../../src/cli/commands/uncertainty.js';
import { runCli } from '../cli/capture.js';

const REF = 'scenarios/reference-cn.yaml';
/** A user's scenario with the hydrothermal temperature range in absolute degrees (issue 14's case). */
const ABS = 'test/fixtures/scenarios/absolute-temperature-range.yaml';
const PAIRED = 'test/uncertainty/fixtures/paired-routes.yaml';
const HT = 'flowsheets/hydrothermal.yaml';
const MS = 'flowsheets/molten-salt.yaml';

describe('inputs scoped to a route, or relative to its base value', () => {
  it('each route evaluates its own declaration; "% of base" follows that route\'s base', () => {
    const raw = loadRawScenario(PAIRED, MS);
    const inputs = readUncertainInputs(raw);
    expect(inputs.map((i) => i.routes)).toEqual([null, null, ['hydrothermal'], ['molten-salt']]);
    const ht = routeMapping(resolveModel(loadRawScenario(PAIRED, HT)), inputs);
    const ms = routeMapping(resolveModel(raw), inputs);
    expect(ht.columns.map((c) => c.skipped)).toEqual([false, false, false, true]);
    expect(ms.columns.map((c) => c.skipped)).toEqual([false, false, true, false]);
    expect(ms.columns[3]!.relativeBase).toBe(573.15);
    // A temperature moves on the Celsius scale: 300 °C + 5 % = 315 °C.
    expect(routeValue(ms, 3, 5)).toBeCloseTo(273.15 + 300 * 1.05, 9);
    expect(routeValue(ms, 2, 220)).toBeNaN();
    expect(routeValue(ht, 2, 220)).toBe(220);
    expect(ht.columns[2]!.target).toEqual({ path: 'relith.temperature', unit: 'degC' });
    expect(ms.columns[3]!.target).toEqual({ path: 'relith.temperature' });
  });

  it('a scoped --param wins over the unscoped declaration on its route only', () => {
    const raw = loadRawScenario(REF, MS);
    const inputs = readUncertainInputs(raw, ['relith.temperature@molten-salt=uniform:280:320 degC']);
    const temps = inputs.filter((i) => i.path === 'relith.temperature');
    expect(temps.map((i) => i.routes)).toEqual([null, ['molten-salt']]);
    const ms = routeMapping(resolveModel(raw), inputs);
    const ht = routeMapping(resolveModel(loadRawScenario(REF, HT)), inputs);
    const j = inputs.indexOf(temps[0]!);
    const k = inputs.indexOf(temps[1]!);
    expect([ms.columns[j]!.skipped, ms.columns[k]!.skipped]).toEqual([true, false]);
    expect([ht.columns[j]!.skipped, ht.columns[k]!.skipped]).toEqual([false, true]);
  });

  it('schema: path@route, duplicates per scope, relative ranges above −100 %', () => {
    expect(readParamText('relith.temperature@molten-salt=uniform:280:320 degC')).toEqual({ path: 'relith.temperature', spec: { path: 'relith.temperature', dist: 'uniform', min: 280, max: 320, unit: 'degC', route: 'molten-salt' } });
    expect(readParamText('relith.temperature=uniform:-5:5 % of base')).toMatchObject({ spec: { unit: '% of base', min: -5, max: 5 } });
    const list = [
      { path: 'a.x', dist: 'uniform', min: 0, max: 1 },
      { path: 'a.x', dist: 'uniform', min: 0, max: 1, route: 'r1' },
      { path: 'a.x', dist: 'uniform', min: 0, max: 1, route: ['r2', 'r1'] },
      { path: 'a.x', dist: 'uniform', min: 0, max: 1 },
    ];
    expect(duplicatePaths(list)).toEqual([[2, 1], [3, 0]]);
    const bad = uncertainInputSchema.safeParse({ path: 'a.x', dist: 'uniform', min: -120, max: 5, unit: '% of base' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('a relative value of -120 % of base would make the input negative or zero; relative values must be above −100');
  });
});

describe('range checks before sampling', () => {
  it("the scenario's hydrothermal temperature range on the molten-salt route is a warning; on its own route it is not", () => {
    const raw = loadRawScenario(ABS, MS);
    const model = resolveModel(raw);
    const w = rangeWarnings(model, readUncertainInputs(raw));
    expect(w).toEqual([{
      code: 'uncertain-range-misses-base',
      severity: 'warning',
      where: `${ABS}:12:5 › uncertainty[1]`,
      message: '"relith.temperature" samples 200–240 degC, which does not include the molten-salt route\'s base value 300 degC (relith (relithiation-molten-salt).temperature); if the range was written for another route, scope it (route: <flowsheet id>) or give it relative to the base value (unit: "% of base")',
    }]);
    const own = loadRawScenario(ABS, HT);
    expect(rangeWarnings(resolveModel(own), readUncertainInputs(own))).toEqual([]);
    // The shipped reference scenario gives its temperature relative to each route's base: no warning on either route.
    for (const f of [HT, MS]) {
      const ref = loadRawScenario(REF, f);
      expect(rangeWarnings(resolveModel(ref), readUncertainInputs(ref))).toEqual([]);
    }
  });

  it('a sampled range outside a parameter\'s validated range is a warning', () => {
    const raw = loadRawScenario(REF);
    const w = rangeWarnings(resolveModel(raw), readUncertainInputs(raw, ['sinter.peak=normal:1050:40 degC']));
    const out = w.find((x) => x.code === 'uncertain-range-outside-validated')!;
    expect(out.message).toBe('"sinter.peak" samples 926.4–1174 degC, outside the validated range of sinter (sintering).peak (min 300 degC, max 1100 degC); samples there fail as invalid input — narrow the distribution');
  });

  it('the CLI prints the warning before sampling (uncertainty --flowsheet molten-salt)', async () => {
    const r = await runCli(['uncertainty', ABS, '--flowsheet', MS, '--samples', '4', '--workers', '1', '--kpi', 'npvUsd']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: test\/fixtures\/scenarios\/absolute-temperature-range\.yaml:12:5 › uncertainty\[1\]: "relith\.temperature" samples 200–240 degC, which does not include the molten-salt route's base value 300 degC/);
  });
});

describe('paired route uncertainty (common random numbers)', () => {
  const run = (workers: number, keepSamples = false) => scenarioPairedUncertainty({ file: PAIRED, flowsheets: [HT, MS], samples: 16, seed: 11, workers, ...(keepSamples ? { keepSamples } : {}) });

  it('bit-identical for a seed with 1 and 2 workers; both routes see the same samples', async () => {
    const one = await run(1, true);
    const two = await run(2, true);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const [a, b] = one.routes;
    expect(a.route).toBe('hydrothermal');
    expect(b.route).toBe('molten-salt');
    // Shared inputs: the same sampled values on both routes.
    expect(a.result.sampleData!.inputs['prices.quality-factor']).toEqual(b.result.sampleData!.inputs['prices.quality-factor']);
    expect(one.inputs.map((i) => i.routes)).toEqual([['hydrothermal', 'molten-salt'], ['hydrothermal', 'molten-salt'], ['hydrothermal'], ['molten-salt']]);
    // A column skipped on a route has no correlation there.
    expect(a.result.correlations.filter((c, idx) => Math.floor(idx / a.result.kpis.length) === 3).every((c) => c.spearman === null)).toBe(true);
    // probabilityBetter and the difference are those of the per-sample values.
    const npv = one.paired.find((p) => p.kpi === 'npvUsd')!;
    const xa = a.result.sampleData!.kpis.npvUsd!;
    const xb = b.result.sampleData!.kpis.npvUsd!;
    const d = xa.map((v, i) => xb[i]! - v!);
    expect(npv.probabilityBetter).toBe(d.filter((x) => x > 0).length / d.length);
    expect(npv.difference.mean).toBeCloseTo(d.reduce((s, x) => s + x, 0) / d.length, 4);
    expect(npv.difference.n).toBe(16);
    expect(pairedStatistics(a.result, b.result, ['npvUsd'])[0]).toEqual(npv);
    // Common random numbers: the shared price and quality uncertainty cancels in B − A.
    const sdA = a.result.statistics.find((s) => s.kpi === 'npvUsd')!.sd!;
    expect(npv.difference.sd!).toBeLessThan(0.5 * sdA);
    // Reference KPIs have no better side.
    expect(one.paired.find((p) => p.kpi === 'feedKgPerYear')!.probabilityBetter).toBeNull();
  });

  it('CLI: two --flowsheet run the paired analysis (was: internal error "path" must be of type string)', async () => {
    const r = await runCli(['uncertainty', REF, '--flowsheet', HT, '--flowsheet', MS, '--samples', '6', '--workers', '2', '--json', '--param', 'relith.temperature@molten-salt=uniform:-5:5 % of base']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.analysis).toBe('paired-monte-carlo');
    expect(doc.paired.find((p: { kpi: string }) => p.kpi === 'npvUsd')).toHaveProperty('probabilityBetter');
    expect(doc.routes.map((x: { route: string }) => x.route)).toEqual(['hydrothermal', 'molten-salt']);
    const text = pairedText(doc);
    expect(text).toMatch(/^Paired uncertainty — scenario reference-cn \(scenarios\/reference-cn\.yaml\): A = hydrothermal, B = molten-salt; 6 samples/);
    expect(text).toMatch(/relith\.temperature +uniform\(-5, 5\) % of base +molten-salt\n/);
    expect(text).toMatch(/P\(B better\)/);
    const three = await runCli(['uncertainty', REF, '--flowsheet', HT, '--flowsheet', MS, '--flowsheet', HT, '--samples', '4']);
    expect(three.code).toBe(1);
    expect(three.err).toBe('a paired route analysis compares exactly two routes (3 --flowsheet given); give --flowsheet a.yaml --flowsheet b.yaml\n');
    const tornado = await runCli(['tornado', REF, '--flowsheet', HT, '--flowsheet', MS]);
    expect(tornado.code).toBe(1);
    expect(tornado.err).toMatch(/^tornado takes one --flowsheet \(2 given\)/);
  });
});

describe('tornado', () => {
  it('reference-cn --range 20 %: the derived LiOH·H2O price has a base value (was: exit 1)', async () => {
    const r = await runCli(['tornado', REF, '--range', '20%', '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    const model = resolveModel(loadRawScenario(REF));
    const lioh = t.inputs.find((i: { path: string }) => i.path === 'prices.LiOH·H2O');
    expect(lioh.low).toBeCloseTo(model.prices.items['LiOH·H2O']!.value * 0.8, 9);
    expect(lioh.high).toBeCloseTo(model.prices.items['LiOH·H2O']!.value * 1.2, 9);
    // Headline KPIs by default.
    expect(t.kpis).toEqual(headlineKpis(Object.keys(t.base)));
    // A set that gives anhydrous LiOH derives LiOH·H2O from it: still a base value.
    const us = resolveModel(loadRawScenario('scenarios/reference-us.yaml'), [{ path: 'prices.LiOH', value: '30 USD/kg' }]);
    expect(us.prices.items['LiOH·H2O']!.origin).toBe('derived');
    expect(baseValueAt(us, 'prices.LiOH·H2O')).toBe(us.prices.items['LiOH·H2O']!.value);
    // A ±range is clipped to the input's valid range: quality-factor 1 ± 20 % stays ≤ 1, and nothing fails.
    const q = t.inputs.find((i: { path: string }) => i.path === 'prices.quality-factor');
    expect(q.high).toBeLessThanOrEqual(1);
    expect(q.basis).toContain('clipped to the valid range');
    expect(t.failures.count).toBe(0);
  });

  it('swings below the materiality threshold are hidden as noise in the text', async () => {
    const t = await scenarioTornado({ file: REF, range: 0.2, kpis: ['costUsdPerKgProduct', 'inSpecFraction'] });
    const cost = t.charts.find((c) => c.kpi === 'costUsdPerKgProduct')!;
    expect(cost.threshold).toBeCloseTo(0.01 * Math.abs(cost.base), 6);
    const quiet = cost.bars.filter((b) => !b.material && b.swing !== null);
    expect(quiet.length).toBeGreaterThan(0);
    for (const b of cost.bars) expect(b.material).toBe(b.swing !== null && b.swing >= cost.threshold);
    const text = tornadoText(t);
    const section = text.slice(text.indexOf('costUsdPerKgProduct (base'));
    const table = section.slice(0, section.indexOf('below the threshold'));
    for (const b of quiet) expect(table).not.toContain(b.input);
    expect(section).toContain(`below the threshold: ${quiet.map((b) => b.input).join(', ')}`);
    // A temperature is varied on the Celsius scale: 220 °C ± 20 % = 176–264 °C.
    const temp = t.inputs.find((i) => i.path === 'relith.temperature')!;
    expect(temp.low).toBeCloseTo(273.15 + 176, 9);
    expect(temp.high).toBeCloseTo(273.15 + 264, 9);
    expect(temp.basis).toBe('±20% of °C');
  });

  it('a bar whose KPI is undefined at one end (no in-spec product) is listed, not dropped', async () => {
    const t = await scenarioTornado({ file: REF, params: ['relith.temperature=uniform:120:220 degC'], kpis: ['costUsdPerKgProduct'] });
    const bar = t.charts[0]!.bars.find((b) => b.input === 'relith.temperature')!;
    expect(bar.kpiLow).toBeNull(); // 120 °C leaves every lot under-lithiated
    expect(bar.swing).toBeNull();
    expect(tornadoText(t)).toMatch(/costUsdPerKgProduct undefined \(no in-spec product, or the run failed\): relith\.temperature \(at low /);
  });

  it('a relative input: low/high in % of base, evaluated around the route\'s base', async () => {
    const t = await scenarioTornado({ file: REF, params: ['relith.temperature=uniform:-5:5 % of base'], kpis: ['capexUsd'] });
    const bar = t.charts[0]!.bars.find((b) => b.input === 'relith.temperature')!;
    expect(bar).toMatchObject({ low: -5, high: 5, unit: '% of base' });
    const raw = loadRawScenario(REF);
    // ±5 % of 220 °C (on the Celsius scale): 209 and 231 °C.
    expect(bar.kpiLow).toBe(scenarioKpis(raw, [{ path: 'relith.temperature', value: 273.15 + 220 * 0.95 }]).capexUsd);
    expect(bar.kpiHigh).toBe(scenarioKpis(raw, [{ path: 'relith.temperature', value: 273.15 + 220 * 1.05 }]).capexUsd);
  });
});
