import { describe, expect, it } from 'vitest';
import { solveAnalytic, param, bestOf } from './analytic.js';
import { bindingConstraints } from '../../src/optimize/result.js';
import { prepareObjective } from '../../src/optimize/constraints.js';

const num = (v: unknown) => v as number;

describe('search on problems with a known optimum', () => {
  it('finds an interior optimum of a smooth bowl to tolerance', async () => {
    const params = [param('x=-1:2'), param('y=0 degC:100 degC')];
    const r = await solveAnalytic(params, ([x, y]) => ({ f: (num(x) - 0.3) ** 2 + 4 * ((num(y) - 70) / 100) ** 2 }));
    const [x, y] = bestOf(r);
    expect(num(x)).toBeCloseTo(0.3, 3);
    expect(num(y)).toBeCloseTo(70, 1);
    expect(r.history[r.best]!.assessment.objective!).toBeLessThan(1e-6);
    expect(r.evaluations).toBeLessThanOrEqual(400);
  });

  it('finds the kink of a non-smooth objective', async () => {
    const params = [param('a=0:1'), param('b=-1:1')];
    const r = await solveAnalytic(params, ([a, b]) => ({ f: Math.abs(num(a) - 0.4) + 2 * Math.abs(num(b) + 0.3) }), { budget: 600 });
    const [a, b] = bestOf(r);
    expect(Math.abs(num(a) - 0.4)).toBeLessThan(2e-3);
    expect(Math.abs(num(b) + 0.3)).toBeLessThan(2e-3);
  });

  it('puts an optimum beyond the box exactly on the bound (and maximises when asked)', async () => {
    const params = [param('x=2:5'), param('y=10:20')];
    const r = await solveAnalytic(params, ([x, y]) => ({ g: -num(x) + 0.1 * num(y) }), { kpi: 'g', direction: 'maximize' });
    expect(bestOf(r)).toEqual([2, 20]);
  });

  it('respects a constraint and reports it as binding', async () => {
    // min x² + y² subject to x + y ≥ 1: optimum (0.5, 0.5), objective 0.5.
    const params = [param('x=-2:2'), param('y=-2:2')];
    const formula = ([x, y]: unknown[]) => ({ f: num(x) ** 2 + num(y) ** 2, s: num(x) + num(y) });
    const r = await solveAnalytic(params, formula, { constraints: ['s >= 1'], budget: 800 });
    const best = r.history[r.best]!;
    expect(best.assessment.feasible).toBe(true);
    expect(num(formula(best.candidate).s)).toBeGreaterThanOrEqual(1);
    expect(best.assessment.objective!).toBeCloseTo(0.5, 3);
    // Every feasible point in the history is no better than the best.
    for (const h of r.history) if (h.assessment.feasible) expect(h.assessment.objective!).toBeGreaterThanOrEqual(best.assessment.objective!);
    const { objective, constraints } = prepareObjective({ f: 1, s: 0 }, 'f', 'minimize', ['s >= 1']);
    const binding = bindingConstraints(r.history, best, objective, constraints);
    expect(binding).toHaveLength(1);
    expect(binding[0]).toMatchObject({ type: 'constraint', constraint: 's >= 1', kpi: 's' });
  });

  it('optimises integers and choices with a continuous parameter', async () => {
    const params = [param('n=1..8'), param('salt=LiOH|LiNO3|LiI'), param('t=100:300 degC')];
    const r = await solveAnalytic(params, ([n, salt, t]) => ({ f: (num(n) - 4) ** 2 + (salt === 'LiNO3' ? 0 : 1) + ((num(t) - 180) / 100) ** 2 }), { budget: 500 });
    const [n, salt, t] = bestOf(r);
    expect(n).toBe(4);
    expect(salt).toBe('LiNO3');
    expect(num(t)).toBeCloseTo(180, 0);
  });

  it('counts failed evaluations as infeasible and still finds the optimum', async () => {
    const params = [param('x=0:1')];
    const r = await solveAnalytic(params, ([x]) => {
      if (num(x) > 0.7) throw new Error('the loop did not converge');
      return { f: (num(x) - 0.6) ** 2 };
    }, { budget: 300 });
    expect(num(bestOf(r)[0])).toBeCloseTo(0.6, 3);
    expect(r.history.some((h) => h.outcome.failure !== null)).toBe(true);
    for (const h of r.history) if (h.outcome.failure) expect(h.assessment.rankClass).toBe(2);
  });

  it('gives the same search for the same seed and the same optimum for another seed', async () => {
    const params = [param('x=-1:2'), param('y=-1:2')];
    const f = ([x, y]: unknown[]) => ({ f: (num(x) - 1) ** 2 + 100 * (num(y) - num(x) ** 2) ** 2 });
    const a = await solveAnalytic(params, f, { seed: 7, budget: 1500 });
    const b = await solveAnalytic(params, f, { seed: 7, budget: 1500 });
    const c = await solveAnalytic(params, f, { seed: 8, budget: 1500 });
    expect(b.history.map((h) => h.candidate)).toEqual(a.history.map((h) => h.candidate));
    expect(a.history.map((h) => h.candidate)).not.toEqual(c.history.map((h) => h.candidate));
    for (const r of [a, c]) {
      const [x, y] = bestOf(r);
      expect(num(x)).toBeCloseTo(1, 2);
      expect(num(y)).toBeCloseTo(1, 2);
    }
  });

  it('never spends more than the budget and stops on convergence when the budget is ample', async () => {
    const params = [param('x=0:1')];
    const small = await solveAnalytic(params, ([x]) => ({ f: num(x) ** 2 }), { budget: 17 });
    expect(small.evaluations).toBe(17);
    expect(small.stopReason).toBe('budget');
    const ample = await solveAnalytic(params, ([x]) => ({ f: (num(x) - 0.25) ** 2 }), { budget: 100000 });
    expect(ample.stopReason).toBe('converged');
    expect(ample.evaluations).toBeLessThan(100000);
    expect(ample.runs).toHaveLength(3);
  });

  it('never returns worse than its start point', async () => {
    const params = [param('x=0:10')];
    const r = await solveAnalytic(params, ([x]) => ({ f: Math.sin(num(x)) + 0.01 * num(x) }), { start: [4.5], budget: 40, restarts: 0 });
    expect(r.history[r.best]!.assessment.objective!).toBeLessThanOrEqual(Math.sin(4.5) + 0.045);
  });
});
