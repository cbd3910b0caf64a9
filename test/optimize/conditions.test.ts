import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/capture.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { kpisOf } from '../../src/pipeline/document.js';

const REF = 'scenarios/reference-cn.yaml';

async function optimizeJson(args: string[]) {
  const r = await runCli(['optimize', ...args, '--json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

describe('regenflow optimize --vary (operating conditions)', () => {
  it('finds a known optimum through the plant: the cheapest electricity, exactly on its bound', async () => {
    // Cost per kg rises with the electricity price and nothing else changes: optimum at the lower bound.
    const r = await optimizeJson([REF, '--vary', 'prices.electricity=0.05:0.2 USD/kWh', '--budget', '40']);
    expect(r.best.params['prices.electricity']).toBe(0.05);
    expect(r.binding).toEqual([{ type: 'bound', path: 'prices.electricity', bound: 'lower', value: 0.05 }]);
    expect(r.baseline.params['prices.electricity']).toBeCloseTo(0.088, 9);
    const direct = kpisOf(evaluate(resolveModel(loadRawScenario(REF), [{ path: 'prices.electricity', value: '0.05 USD/kWh' }])));
    expect(r.best.kpis).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(r.best.kpis.costUsdPerKgProduct).toBeLessThan(r.baseline.kpis.costUsdPerKgProduct);
  });

  it('maximises NPV by default direction and reports baseline, best, history and evaluations', async () => {
    const r = await optimizeJson([REF, '--vary', 'prices.quality-factor=0.8:1', '--objective', 'npvUsd', '--budget', '30']);
    expect(r.objective).toEqual({ kpi: 'npvUsd', direction: 'maximize' });
    expect(r.best.params['prices.quality-factor']).toBe(1);
    expect(r.evaluations).toBe(r.history.length);
    expect(r.evaluations).toBeLessThanOrEqual(30);
    expect(r.best.kpis.npvUsd).toBeGreaterThanOrEqual(r.baseline.kpis.npvUsd);
    expect(r.constraintsSatisfied).toBe(true);
  });

  it('writes a scenario that reproduces the optimum exactly, from another folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regenflow-opt-'));
    const out = join(dir, 'sub', 'optimised.yaml');
    const r = await runCli(['optimize', REF, '--vary', 'relith.temperature=180 degC:240 degC', '--vary', 'sinter.dwell=1 h:4 h', '--budget', '40', '--seed', '3', '--json', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`wrote ${out}`);
    const result = JSON.parse(r.out);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`relith.temperature: ${result.best.params['relith.temperature']} degC`);
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    const run = await runCli(['run', out, '--json']);
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).kpis).toEqual(result.best.kpis);
  });

  it('gives the same optimum for the same seed, with 1 or 2 workers', async () => {
    const args = [REF, '--vary', 'relith.temperature=180 degC:240 degC', '--vary', 'relith.duration=2 h:6 h', '--budget', '30', '--seed', '5'];
    const one = await optimizeJson([...args, '--workers', '1']);
    const two = await optimizeJson([...args, '--workers', '2']);
    expect(two).toEqual(one);
    const again = await optimizeJson([...args]);
    expect(again).toEqual(one);
  });

  it('respects a constraint that holds the optimum back, reports it binding, and says so when none can be met', async () => {
    // Lower relithiation temperatures cost less to run until lots come out under-lithiated: the
    // cheapest feasible temperature sits where the in-spec share falls to the limit.
    const r = await optimizeJson([REF, '--vary', 'relith.temperature=150 degC:250 degC', '--objective', 'opexUsdPerYear', '--constraint', 'inSpecFraction >= 0.7', '--budget', '80']);
    expect(r.constraintsSatisfied).toBe(true);
    expect(r.best.kpis.inSpecFraction).toBeGreaterThanOrEqual(0.7);
    expect(r.best.kpis.inSpecFraction).toBeLessThan(0.7 * 1.01);
    expect(r.binding).toEqual([expect.objectContaining({ type: 'constraint', constraint: 'inSpecFraction >= 0.7', kpi: 'inSpecFraction', limit: 0.7 })]);
    for (const h of r.history) if (h.feasible) expect(h.objective).toBeGreaterThanOrEqual(r.best.objective);
    const impossible = await runCli(['optimize', REF, '--vary', 'relith.temperature=150 degC:250 degC', '--constraint', 'inSpecFraction >= 1.5', '--budget', '20']);
    expect(impossible.code).toBe(0);
    expect(impossible.err).toContain('warning: no evaluated point meets every constraint (the least violating is reported: inSpecFraction >= 1.5: off by');
    expect(impossible.out).toContain('inSpecFraction >= 1.5:');
    expect(impossible.out).toContain('(NOT met)');
  });

  it('starts from the scenario\'s value and never ends worse than it when it lies inside the bounds', async () => {
    const r = await optimizeJson([REF, '--vary', 'relith.temperature=200 degC:240 degC', '--budget', '12']);
    expect(r.history[0].params['relith.temperature']).toBe(220);
    expect(r.best.objective).toBeLessThanOrEqual(r.baseline.kpis.costUsdPerKgProduct);
  });

  it('counts failed evaluations (a loop that does not converge) as infeasible', async () => {
    // One solver iteration is too few for the liquor recycle (a model failure, exit 2 in run); two converge it.
    const r = await runCli(['optimize', REF, '--vary', 'solver.maxIterations=1..3', '--vary', 'relith.temperature=200:240 degC', '--budget', '40', '--json']);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.failedEvaluations).toBeGreaterThan(0);
    expect(result.best.feasible).toBe(true);
    expect(result.history.find((h: { failure: string | null }) => h.failure).failure).toMatch(/did not converge|not converge/);
    expect(result.best.params['solver.maxIterations']).toBeGreaterThan(1);
    expect(r.err).toContain(`warning: ${result.failedEvaluations} of ${result.evaluations} evaluations failed and count as infeasible`);
  });

  it('optimises through another flowsheet and writes it into the scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regenflow-opt-'));
    const out = join(dir, 'salt.yaml');
    const r = await runCli(['optimize', REF, '--flowsheet', 'flowsheets/molten-salt.yaml', '--vary', 'relith.temperature=280 degC:340 degC', '--budget', '15', '--json', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.flowsheet).toBe('molten-salt');
    expect(readFileSync(out, 'utf8')).toMatch(/flowsheet: .*flowsheets\/molten-salt\.yaml/);
    const run = await runCli(['run', out, '--json']);
    expect(JSON.parse(run.out).kpis).toEqual(result.best.kpis);
  });

  it('refuses bad input with exit 1 and a catalogue message', async () => {
    const cases: [string[], RegExp][] = [
      [[REF, '--vary', 'relith.temperature=180:240 degC', '--objective', 'npvUsd2'], /--objective: unknown KPI "npvUsd2" \(did you mean "npvUsd"\?\); KPIs of this scenario: feedKgPerYear, productKgPerYear, /],
      [[REF, '--vary', 'relith.temperatur=180:240 degC'], /relith\.temperatur/],
      [[REF, '--vary', 'relith.temperature=-400 degC:240 degC'], /--vary "relith\.temperature=-400 degC:240 degC"/],
      [[REF, '--vary', 'relith.temperature=240:180'], /the upper bound is not above the lower bound/],
      [[REF, '--vary', 'relith.temperature=180:240 degC', '--constraint', 'npvUsd > 0'], /cannot read the constraint "npvUsd > 0"/],
      [[REF, '--vary', 'relith.temperature=180:240 degC', '--route', 'flowsheets/molten-salt.yaml'], /--vary and --route cannot be combined/],
      [[REF], /nothing to optimise/],
      [[REF, '--route', 'flowsheets/hydrothermal.yaml', '--route', 'flowsheets/molten-salt.yaml', '--flowsheet', 'flowsheets/molten-salt.yaml'], /--flowsheet does not apply with --route/],
      [[REF, '--vary', 'relith.temperature=180:240 degC', '--out', 'x.json'], /the optimised scenario is written as YAML \(x\.json\)/],
      [[REF, '--vary', 'relith.temperature=180:240 degC', '--budget', '1'], /not a valid budget \(1\); give a whole number of evaluations from 2 to 1000000/],
      [[REF, '--vary', 'relith.temperature=180:240 degC', '--restarts', '-1'], /not a valid number of restarts \(-1\)/],
      [[REF, '--vary', 'relith.temperature=180:240 degC', '--seed', '1.5'], /not a valid seed/],
      [['scenarios/none.yaml', '--vary', 'relith.temperature=180:240 degC'], /file not found/],
    ];
    for (const [args, re] of cases) {
      const r = await runCli(['optimize', ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(re);
      expect(r.out).toBe('');
    }
    expect(existsSync('x.json')).toBe(false);
  });
});
