/**
 * The real path: the reference scenario evaluated in worker threads (dist/uncertainty/worker.js,
 * built by `npm run build` before vitest) — identical results with 1 and 2 workers and in this
 * thread, failures counted, and the CLI commands with their JSON and exit codes.
 */
import { describe, expect, it } from 'vitest';
import { scenarioUncertainty, scenarioSobol, scenarioTornado, prepareScenario } from '../../src/uncertainty/scenario.js';
import { monteCarlo } from '../../src/uncertainty/monte-carlo.js';
import { inlineEvaluator } from '../../src/uncertainty/runner.js';
import { scenarioKpiFunction } from '../../src/uncertainty/evaluator.js';
import { workerScriptPath } from '../../src/uncertainty/pool.js';
import { cli } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';

const DEFAULT = 'test/fixtures/scenarios/generic-demo.yaml';
const DEMO = 'test/uncertainty/fixtures/uncertain-demo.yaml';
// Paths that stay valid whatever the sample: the plant capacity and a reaction conversion.
const PARAMS = ['plant.capacity=triangular:8000:10000:12000 t/yr', 'burn.reactions[0].conversion=uniform:0.9:0.99'];

function captureIo(errIsTty = false): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, errIsTty, out: (t) => { stdout.push(t); }, err: (t) => { stderr.push(t); } };
}

describe('uncertainty on the reference scenario', () => {
  it('the worker script is the compiled one under dist/', () => {
    expect(workerScriptPath()).toMatch(/dist[\\/]uncertainty[\\/]worker\.js$/);
  });

  it('same seed → identical results with 1 and 2 workers and in this thread', async () => {
    const run = (workers: number) => scenarioUncertainty({ file: DEFAULT, params: PARAMS, samples: 40, seed: 7, workers, method: 'lhs' });
    const one = await run(1);
    const two = await run(2);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.failures.count).toBe(0);
    expect(one.kpis).toEqual(expect.arrayContaining(['feedKgPerYear', 'productKgPerYear']));
    const feed = one.statistics.find((s) => s.kpi === 'feedKgPerYear')!;
    expect(feed.base).toBe(1e7);
    expect(feed.p5!).toBeGreaterThan(8e6);
    expect(feed.p95!).toBeLessThan(1.2e7);
    expect(one.correlations.find((c) => c.input === 'plant.capacity' && c.kpi === 'feedKgPerYear')!.spearman).toBe(1);
    // In this thread, with the same KPI function the workers build.
    const p = prepareScenario({ file: DEFAULT, params: PARAMS });
    const inline = await monteCarlo({ inputs: p.inputs.map((i) => i.spec!), evaluator: inlineEvaluator(scenarioKpiFunction(p.target, p.raw)), samples: 40, seed: 7, method: 'lhs', base: p.base, scenario: p.model.id, file: DEFAULT });
    expect(JSON.stringify({ ...inline, route: 'generic-demo', warnings: [] })).toBe(JSON.stringify(one));
    const other = await scenarioUncertainty({ file: DEFAULT, params: PARAMS, samples: 40, seed: 8, workers: 2, method: 'lhs' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(one));
  });

  it('samples the model refuses are counted as failures, not dropped silently', async () => {
    // An untruncated normal conversion around 0.97 sometimes exceeds 1, which the reactor refuses.
    const r = await scenarioUncertainty({ file: DEFAULT, params: ['burn.reactions[0].conversion=normal:0.97:0.03'], samples: 60, seed: 3, workers: 2 });
    expect(r.failures.count).toBeGreaterThan(0);
    expect(r.failures.byKind.input).toBe(r.failures.count);
    expect(r.failures.first[0]!.message).toMatch(/reactions\[0\]\.conversion: above the maximum/);
    expect(r.statistics[0]!.n).toBe(60 - r.failures.count);
  });

  it('Sobol on the scenario: capacity explains the feed rate; 1 vs 2 workers identical', async () => {
    const run = (workers: number) => scenarioSobol({ file: DEMO, samples: 32, seed: 5, workers, bootstrap: 50 });
    const a = await run(1);
    expect(JSON.stringify(await run(2))).toBe(JSON.stringify(a));
    expect(a.evaluations).toBe(32 * 5);
    const feedTotals = a.indices.filter((i) => i.kpi === 'feedKgPerYear');
    expect(feedTotals[0]!.total!).toBeGreaterThan(0.8);
    expect(feedTotals[1]!.total).toBe(0);
  });

  it('tornado on the scenario: distributions or ±range', async () => {
    const t = await scenarioTornado({ file: DEMO, kpis: ['feedKgPerYear'] });
    const feed = t.charts.find((c) => c.kpi === 'feedKgPerYear')!;
    expect(feed.bars[0]).toMatchObject({ input: 'plant.capacity', low: 8000, high: 12000, unit: 't/yr', kpiLow: 8e6, kpiHigh: 1.2e7, swing: 4e6 });
    const r = await scenarioTornado({ file: DEFAULT, params: ['plant.capacity', 'plant.operatingHours'], range: 0.1, kpis: ['feedKgPerYear'] });
    expect(r.charts.find((c) => c.kpi === 'feedKgPerYear')!.bars[0]).toMatchObject({ input: 'plant.capacity', basis: '±10%', low: 9e6, high: 1.1e7 });
  });
});

describe('CLI: uncertainty, tornado, sobol', () => {
  it('uncertainty --json prints one JSON document on stdout; text by default', async () => {
    const io = captureIo();
    const code = await cli(['uncertainty', DEMO, '--samples', '20', '--seed', '4', '--workers', '2', '--json'], io);
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const doc = JSON.parse(io.stdout[0]!) as { analysis: string; samples: number; seed: number; statistics: unknown[] };
    expect(doc).toMatchObject({ analysis: 'monte-carlo', samples: 20, seed: 4 });
    expect(io.stderr).toEqual([]);
    const text = captureIo();
    expect(await cli(['uncertainty', DEMO, '--samples', '20', '--workers', '1', '--kpi', 'feedKgPerYear'], text)).toBe(0);
    expect(text.stdout[0]).toMatch(/Spearman rank correlation/);
    expect(text.stdout[0]).not.toMatch(/productKgPerYear/);
  });

  it('a progress bar goes to stderr only when it is a terminal', async () => {
    const io = captureIo(true);
    expect(await cli(['sobol', DEMO, '--samples', '8', '--workers', '1', '--json', '--bootstrap', '10'], io)).toBe(0);
    expect(JSON.parse(io.stdout[0]!)).toMatchObject({ analysis: 'sobol', samples: 8 });
    expect(io.stderr.at(-1)).toMatch(/sobol \[█+\] 100 % 40\/40 in/);
  });

  it('bad options and bad inputs exit 1 with a catalogue message', async () => {
    let io = captureIo();
    expect(await cli(['uncertainty', DEMO, '--samples', '10', '--seed', '-3'], io)).toBe(1);
    expect(io.stderr[0]).toBe('not a valid seed (-3); give an integer from 0 to 4294967295, e.g. --seed 42');
    io = captureIo();
    expect(await cli(['tornado', DEMO, '--range', '150%'], io)).toBe(1);
    expect(io.stderr[0]).toBe('not a valid range ("150%"); give a percentage above 0 and below 100, e.g. --range 20%');
    io = captureIo();
    expect(await cli(['tornado', DEFAULT, '--param', 'plant.capacity'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^--param "plant.capacity": "plant.capacity" has no distribution, so its low and high values are unknown; give --range/);
    io = captureIo();
    expect(await cli(['uncertainty', DEMO, '--samples', '10', '--kpi', 'npv'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^unknown KPI "npv"/);
  });
});
