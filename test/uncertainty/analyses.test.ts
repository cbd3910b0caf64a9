/**
 * The analyses against synthetic models with known answers (no flowsheet): percentiles of a
 * uniform input through the identity, Spearman of a monotone function, Sobol indices of a linear
 * model, tornado swings, failure accounting and determinism.
 */
import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../src/uncertainty/monte-carlo.js';
import { sobol } from '../../src/uncertainty/sobol.js';
import { tornado, tornadoInputOf, rangeInput } from '../../src/uncertainty/tornado.js';
import { inlineEvaluator, type KpiFunction } from '../../src/uncertainty/runner.js';
import { uncertainInputSchema, type UncertainInputSpec } from '../../src/schema/uncertainty.js';
import { modelFailure } from '../../src/schema/errors.js';

const spec = (o: Record<string, unknown>): UncertainInputSpec => uncertainInputSchema.parse(o);

describe('Monte Carlo', () => {
  const uniform01 = [spec({ path: 'x.a', dist: 'uniform', min: 0, max: 1 })];
  const identity: KpiFunction = (row) => ({ y: row[0]! });

  it('percentiles of a uniform input through the identity (MC within 3 standard errors; LHS to 1/N)', async () => {
    const n = 10_000;
    const mc = await monteCarlo({ inputs: uniform01, evaluator: inlineEvaluator(identity), samples: n, seed: 2024 });
    const s = mc.statistics[0]!;
    // Standard error of the p-quantile of U(0,1): sqrt(p(1 − p)/n).
    for (const [p, got] of [[0.05, s.p5], [0.5, s.p50], [0.95, s.p95]] as const) expect(Math.abs(got! - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / n));
    expect(Math.abs(s.mean! - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    expect(s.sd!).toBeCloseTo(Math.sqrt(1 / 12), 2);
    const lhs = await monteCarlo({ inputs: uniform01, evaluator: inlineEvaluator(identity), samples: n, seed: 2024, method: 'lhs' });
    const l = lhs.statistics[0]!;
    expect(Math.abs(l.p5! - 0.05)).toBeLessThan(1 / n);
    expect(Math.abs(l.p50! - 0.5)).toBeLessThan(1 / n);
    expect(Math.abs(l.p95! - 0.95)).toBeLessThan(1 / n);
    expect(lhs.probabilityNpvPositive).toBeNull();
  });

  it('Spearman of monotone functions is ±1; an unrelated input is near 0; P(NPV > 0)', async () => {
    const inputs = [spec({ path: 'x.a', dist: 'triangular', min: 1, mode: 2, max: 5 }), spec({ path: 'x.b', dist: 'normal', mean: 0, sd: 1 })];
    const fn: KpiFunction = (r) => ({ up: Math.exp(r[0]!) + r[0]! ** 3, down: -Math.log(r[0]!), npvUsd: r[1]! - 0.5 });
    const mc = await monteCarlo({ inputs, evaluator: inlineEvaluator(fn), samples: 2000, seed: 5, method: 'lhs' });
    const rho = (input: string, kpi: string) => mc.correlations.find((c) => c.input === input && c.kpi === kpi)!.spearman!;
    expect(rho('x.a', 'up')).toBe(1);
    expect(rho('x.a', 'down')).toBe(-1);
    expect(Math.abs(rho('x.b', 'up'))).toBeLessThan(0.1);
    expect(rho('x.b', 'npvUsd')).toBe(1);
    // P(N(0,1) > 0.5) = 0.3085
    expect(mc.probabilityNpvPositive!).toBeCloseTo(0.3085, 1);
  });

  it('same seed → identical result; another seed differs', async () => {
    const inputs = [spec({ path: 'x.a', dist: 'pert', min: 0, mode: 1, max: 3 }), spec({ path: 'x.b', dist: 'lognormal', mean: 2, sd: 1 })];
    const fn: KpiFunction = (r) => ({ y: r[0]! * r[1]! });
    const run = (seed: number) => monteCarlo({ inputs, evaluator: inlineEvaluator(fn, 7), samples: 300, seed });
    const a = await run(11);
    expect(JSON.stringify(await run(11))).toBe(JSON.stringify(a));
    expect(JSON.stringify(await run(12))).not.toBe(JSON.stringify(a));
  });

  it('failed samples are counted, reported and left out; all failing is a model failure', async () => {
    const inputs = [spec({ path: 'x.a', dist: 'uniform', min: 0, max: 1 })];
    const fn: KpiFunction = (r) => {
      if (r[0]! > 0.9) throw modelFailure('not-converged', `no convergence at ${r[0]}`);
      if (r[0]! < 0.05) throw new Error('bug');
      return { y: r[0]! };
    };
    const mc = await monteCarlo({ inputs, evaluator: inlineEvaluator(fn), samples: 1000, seed: 1, method: 'lhs', keepSamples: true });
    expect(mc.failures.count).toBe(150);
    expect(mc.failures.byKind).toEqual({ model: 100, input: 0, internal: 50 });
    expect(mc.statistics[0]!.n).toBe(850);
    expect(mc.inputs[0]!.sampled.n).toBe(850);
    expect(mc.failures.first[0]!.message).toMatch(/no convergence|bug/);
    expect(mc.sampleData!.kpis.y!.filter((v) => v === null)).toHaveLength(150);
    await expect(monteCarlo({ inputs, evaluator: inlineEvaluator(() => { throw modelFailure('x', 'always'); }), samples: 10, seed: 1 })).rejects.toThrow(/all 10 evaluations failed \(first: evaluation 0: always\)/);
  });
});

describe('Sobol indices (Saltelli 2010, Jansen)', () => {
  // y = Σ a_i x_i with independent inputs: S_i = ST_i = a_i² Var_i / Σ a_j² Var_j.
  const inputs = [
    spec({ path: 'x.u', dist: 'uniform', min: 0, max: 1 }), // Var 1/12
    spec({ path: 'x.n', dist: 'normal', mean: 5, sd: 0.5 }), // Var 0.25
    spec({ path: 'x.t', dist: 'triangular', min: 0, mode: 1, max: 2 }), // Var 1/6
    spec({ path: 'x.z', dist: 'uniform', min: 10, max: 20 }), // coefficient 0
  ];
  const a = [3, 2, 1, 0];
  const variances = [1 / 12, 0.25, 1 / 6, 100 / 12];
  const total = a.reduce((s, ai, i) => s + ai * ai * variances[i]!, 0);
  const expected = a.map((ai, i) => (ai * ai * variances[i]!) / total);
  const linear: KpiFunction = (r) => ({ y: 1000 + a.reduce((s, ai, i) => s + ai * r[i]!, 0) });

  it('match the analytic indices within a tolerance that shrinks with N', async () => {
    for (const n of [2048, 8192]) {
      const r = await sobol({ inputs, evaluator: inlineEvaluator(linear, 512), samples: n, seed: 9, bootstrap: 100 });
      expect(r.evaluations).toBe(n * 6);
      const tol = 3 / Math.sqrt(n); // observed errors over seeds: ≤ 0.04 at N = 2048, ≤ 0.02 at 8192
      r.indices.forEach((ix, i) => {
        expect(Math.abs(ix.first! - expected[i]!)).toBeLessThan(tol);
        expect(Math.abs(ix.total! - expected[i]!)).toBeLessThan(tol);
        expect(ix.firstLow!).toBeLessThanOrEqual(ix.first!);
        expect(ix.firstHigh!).toBeGreaterThanOrEqual(ix.first!);
      });
      // Additive model: totals equal firsts (up to sampling error), and sum to 1.
      expect(Math.abs(r.indices.reduce((s, ix) => s + ix.total!, 0) - 1)).toBeLessThan(tol);
      expect(r.indices[3]!.total).toBe(0);
    }
  });

  it('interactions show as total > first; constant KPIs give null indices', async () => {
    const two = inputs.slice(0, 2);
    const fn: KpiFunction = (r) => ({ product: r[0]! * (r[1]! - 5), constant: 3 });
    const r = await sobol({ inputs: two, evaluator: inlineEvaluator(fn), samples: 4096, seed: 3, bootstrap: 0 });
    // y = x_u·x_n' with x_n' = x_n − 5 of mean 0: S_u = 0, S_n = E[x_u]²/E[x_u²] = 0.75, ST_u = 0.25, ST_n = 1.
    const p = r.indices.filter((i) => i.kpi === 'product');
    expect(p[0]!.first!).toBeCloseTo(0, 1);
    expect(p[1]!.first!).toBeCloseTo(0.75, 1);
    expect(p[0]!.total!).toBeCloseTo(0.25, 1);
    expect(p[1]!.total!).toBeCloseTo(1, 1);
    expect(p[0]!.firstLow).toBeNull();
    expect(r.indices.filter((i) => i.kpi === 'constant').every((i) => i.first === null && i.total === null)).toBe(true);
  });
});

describe('tornado', () => {
  it('one at a time, sorted by swing; NaN keeps the base', async () => {
    const inputs = [
      tornadoInputOf(spec({ path: 'x.a', dist: 'uniform', min: 1, max: 3 })),
      tornadoInputOf(spec({ path: 'x.b', dist: 'normal', mean: 0, sd: 1 })),
      rangeInput('x.c', 10, 0.2),
    ];
    const base = [2, 0, 10];
    const fn: KpiFunction = (r) => {
      const v = base.map((b, j) => (Number.isNaN(r[j]!) ? b : r[j]!));
      return { y: v[0]! + 10 * v[1]! - v[2]! };
    };
    const t = await tornado({ inputs, evaluator: inlineEvaluator(fn) });
    expect(t.base).toEqual({ y: 2 - 10 });
    const bars = t.charts[0]!.bars;
    expect(bars.map((b) => b.input)).toEqual(['x.b', 'x.c', 'x.a']);
    expect(bars[0]!.basis).toBe('P5/P95');
    expect(bars[0]!.swing!).toBeCloseTo(20 * 1.6448536269514722, 10);
    expect(bars[1]).toMatchObject({ basis: '±20%', low: 8, high: 12, kpiLow: -6, kpiHigh: -10, deltaLow: 2, deltaHigh: -2, swing: 4 });
    expect(bars[2]).toMatchObject({ basis: 'min/max', low: 1, high: 3, kpiLow: -9, kpiHigh: -7, swing: 2 });
  });
});
