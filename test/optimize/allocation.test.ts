import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../cli/capture.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { kpisOf } from '../../src/pipeline/document.js';
import { problemContext } from '../../src/optimize/problem.js';
import { allocationRequest, lotShares } from '../../src/optimize/allocation.js';
import { allocationOutput } from '../../src/optimize/output.js';
import type { OptimizeResult } from '../../src/optimize/result.js';
import type { LotShares } from '../../src/pipeline/combine.js';

const HYDRO = 'flowsheets/hydrothermal.yaml';
const SALT = 'flowsheets/molten-salt.yaml';

describe('regenflow optimize --route (lots split between parallel routes)', () => {
  for (const scenario of ['scenarios/reference-cn.yaml', 'scenarios/heavy-degraded-cn.yaml']) {
    it(`is never worse than the better single route (${scenario}), whose KPIs are those of run --flowsheet`, async () => {
      const r = await runCli(['optimize', scenario, '--route', HYDRO, '--route', SALT, '--budget', '120', '--json']);
      expect(r.code, r.err).toBe(0);
      const result = JSON.parse(r.out);
      expect(result.objective).toEqual({ kpi: 'npvUsd', direction: 'maximize' });
      const singles = [HYDRO, SALT].map((f) => JSON.parse(JSON.stringify(kpisOf(evaluate(resolveModel(loadRawScenario(scenario, f)))))));
      expect(result.routes.map((x: { kpis: unknown }) => x.kpis)).toEqual(singles);
      const bestSingle = Math.max(...singles.map((k) => k.npvUsd));
      expect(result.baseline.kpis.npvUsd).toBe(bestSingle);
      expect(result.best.kpis.npvUsd).toBeGreaterThanOrEqual(bestSingle);
      // Every lot's shares sum to 1.
      for (const lot of result.lots) {
        const sum = result.allocation.filter((a: { lot: string }) => a.lot === lot).reduce((s: number, a: { share: number }) => s + a.share, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
      }
      expect(result.evaluations).toBeLessThanOrEqual(120);
    });
  }

  it('sends each lot to the route whose mechanism repairs it (two morphologies): the hybrid plant beats both single routes', async () => {
    const scenario = 'scenarios/two-morphologies-cn.yaml';
    const r = await runCli(['optimize', scenario, '--route', HYDRO, '--route', SALT, '--budget', '60', '--json']);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out);
    // Each single route leaves one lot off spec: hydrothermal the 20 µm polycrystals, molten salt the single crystals.
    for (const route of result.routes) expect(route.kpis.inSpecFraction).toBeLessThan(0.55);
    const share = (lot: string, route: string) => result.allocation.find((a: { lot: string; route: string }) => a.lot === lot && a.route === route).share;
    expect(share('poly-20um', 'molten-salt')).toBe(1);
    expect(share('single-crystal', 'hydrothermal')).toBe(1);
    expect(result.best.kpis.inSpecFraction).toBeGreaterThan(0.99);
    const bestSingle = Math.max(...result.routes.map((x: { kpis: { npvUsd: number } }) => x.kpis.npvUsd));
    expect(result.best.kpis.npvUsd).toBeGreaterThan(bestSingle + 50e6);
  });

  it('sizes each line of a split plant for what it receives and closes every balance', () => {
    const ctx = problemContext({ mode: 'allocation', file: 'scenarios/reference-cn.yaml', routes: [HYDRO, SALT] });
    const lots = resolveModel(ctx.routeScenarios[0]!).feed.lots.map((l) => l.id);
    const labels = ctx.routes.map((r) => r.label);
    const shares = lots.map(() => [0.3, 0.7]);
    const request = allocationRequest(shares, lots, labels);
    expect(request.variant).toBe('0,1');
    const ev = evaluate(resolveModel(ctx.scenario(request.variant), request.patches));
    expect(ev.balances.worstClosure).toBeLessThanOrEqual(1e-9);
    expect(ev.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const single = evaluate(resolveModel(ctx.routeScenarios[0]!));
    const load = (e: typeof ev, unit: string) => e.sizing.equipment.filter((x) => x.unitId === unit).reduce((s, x) => s + x.loadKgPerHour, 0);
    // The hydrothermal line receives 30 % of every lot: its loads are 30 % of the single-route plant's.
    for (const unit of ['relith', 'wash', 'sinter']) {
      const whole = load(single, unit);
      expect(whole).toBeGreaterThan(0);
      expect(load(ev, `hydrothermal-${unit}`) / whole).toBeCloseTo(0.3, 9);
    }
    expect(kpisOf(ev).feedKgPerYear).toBe(kpisOf(single).feedKgPerYear);
  });

  it('writes a split plant (scenario + combined flowsheet) that run reproduces exactly', async () => {
    const file = 'scenarios/heavy-degraded-cn.yaml';
    const ctx = problemContext({ mode: 'allocation', file, routes: [HYDRO, SALT] });
    const lots = resolveModel(ctx.routeScenarios[0]!).feed.lots.map((l) => l.id);
    const labels = ctx.routes.map((r) => r.label);
    const shares = [[1, 0], [0.25, 0.75], [0, 1]];
    const outcome = ctx.outcome(allocationRequest(shares, lots, labels));
    expect(outcome.failure).toBeNull();
    const result = { best: { params: lotShares(shares, lots, labels), objective: 1 }, objective: { kpi: 'npvUsd', direction: 'maximize' }, evaluations: 1, optimizer: { seed: 1 }, improvement: { baseline: 0 } } as unknown as OptimizeResult<LotShares>;
    const dir = mkdtempSync(join(tmpdir(), 'regenflow-alloc-'));
    const out = join(dir, 'hybrid.yaml');
    const files = allocationOutput(result, { file, routes: [HYDRO, SALT], out, command: 'test' });
    expect(files.map((f) => f.file)).toEqual([join(dir, 'hybrid.flowsheet.yaml'), out]);
    for (const f of files) { mkdirSync(dirname(f.file), { recursive: true }); writeFileSync(f.file, f.text); }
    expect(readFileSync(files[0]!.file, 'utf8')).toContain('lotFractions:');
    const run = await runCli(['run', out, '--json']);
    expect(run.code, run.err).toBe(0);
    const doc = JSON.parse(run.out);
    expect(doc.kpis).toEqual(outcome.kpis);
    expect(doc.balances.worstUnitOrPlantClosure).toBeLessThanOrEqual(1e-9);
  });

  it('writes the scenario\'s uncertain unit parameters per line of a split plant, and uncertainty runs on the written file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regenflow-alloc-u-'));
    const root = process.cwd();
    const file = join(dir, 'two.yaml');
    writeFileSync(file, [
      'id: two-u', 'name: two morphologies with uncertainty',
      `flowsheet: ${join(root, SALT)}`, `plant: ${join(root, 'scenarios/plants/cn-10kt.yaml')}`, `feed: ${join(root, 'scenarios/feeds/two-morphologies.yaml')}`,
      'uncertainty:',
      '  - { path: relith.temperature, dist: uniform, min: -5, max: 5, unit: "% of base" }',
      '  - { path: prices.electricity, dist: triangular, min: 0.07, mode: 0.088, max: 0.11, unit: USD/kWh }',
      '',
    ].join('\n'));
    const ctx = problemContext({ mode: 'allocation', file, routes: [HYDRO, SALT] });
    const lots = resolveModel(ctx.routeScenarios[0]!).feed.lots.map((l) => l.id);
    const labels = ctx.routes.map((r) => r.label);
    const shares = lots.map((_, i) => (i === 0 ? [1, 0] : [0, 1]));
    const result = { best: { params: lotShares(shares, lots, labels), objective: 1 }, objective: { kpi: 'npvUsd', direction: 'maximize' }, evaluations: 1, optimizer: { seed: 1 }, improvement: { baseline: 0 } } as unknown as OptimizeResult<LotShares>;
    const out = join(dir, 'hybrid.yaml');
    const files = allocationOutput(result, { file, routes: [HYDRO, SALT], out, command: 'test' });
    for (const f of files) writeFileSync(f.file, f.text);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('# Uncertain unit parameters, drawn per line: relith.temperature → hydrothermal-relith.temperature, molten-salt-relith.temperature.');
    expect(text).toContain('path: hydrothermal-relith.temperature');
    expect(text).toContain('path: molten-salt-relith.temperature');
    expect(text).toContain('path: prices.electricity');
    const mc = await runCli(['uncertainty', out, '--samples', '8', '--json']);
    expect(mc.code, mc.err).toBe(0);
    expect(JSON.parse(mc.out).inputs.map((i: { path: string }) => i.path)).toEqual(['hydrothermal-relith.temperature', 'molten-salt-relith.temperature', 'prices.electricity']);
  });

  it('gives the same allocation for 1 and 2 workers, and writes the winning single route when it wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regenflow-alloc-'));
    const args = ['optimize', 'scenarios/heavy-degraded-cn.yaml', '--route', HYDRO, '--route', SALT, '--budget', '40', '--seed', '9', '--json'];
    const one = await runCli([...args, '--workers', '1', '--out', join(dir, 'a.yaml')]);
    const two = await runCli([...args, '--workers', '2']);
    expect(one.code, one.err).toBe(0);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
    const result = JSON.parse(one.out);
    const run = await runCli(['run', join(dir, 'a.yaml'), '--json']);
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).kpis).toEqual(result.best.kpis);
  });

  it('refuses fewer than two routes and a route given twice', async () => {
    const a = await runCli(['optimize', 'scenarios/reference-cn.yaml', '--route', HYDRO]);
    expect(a.code).toBe(1);
    expect(a.err).toContain('lot allocation needs at least two routes (1 given); give --route a.yaml --route b.yaml');
    const b = await runCli(['optimize', 'scenarios/reference-cn.yaml', '--route', HYDRO, '--route', `./${HYDRO}`]);
    expect(b.code).toBe(1);
    expect(b.err).toContain(`the route "./${HYDRO}" is given twice`);
  });
});
