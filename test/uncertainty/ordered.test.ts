/**
 * Evaluating a design out of order (issue 19): a Sobol design is evaluated A row by A row, with the
 * A_B rows that change only prices or finance right after their A row (sobolEvaluationOrder), which
 * lets a scenario evaluator price the A row's plant again. orderedEvaluator hands the evaluations
 * back as if evaluated in the design's order — values, failures and KPI names alike — so the
 * analysis gives the same result, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { inlineEvaluator, orderedEvaluator, type KpiValues } from '../../src/uncertainty/runner.js';
import { sobol, sobolEvaluationOrder } from '../../src/uncertainty/sobol.js';
import { RegenflowError } from '../../src/schema/errors.js';
import { KPI_NAMES, kpisOf } from '../../src/pipeline/document.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import type { UncertainInputSpec } from '../../src/schema/uncertainty.js';

/** A KPI function whose KPIs come in the order a, b, c, d; some rows lack some, some fail. */
function kpiFunction(row: Float64Array): KpiValues {
  const [x, y] = [row[0]!, row[1]!];
  if (x > 0.93) throw new RegenflowError('loop-diverged', `did not converge at ${x}`, { exitCode: 2 });
  const out: KpiValues = {};
  if (y > 0.3) out.a = x + y;
  out.b = x * y;
  if (x < 0.5) out.c = x - y;
  if (y < 0.2) out.d = y;
  return out;
}

describe('sobolEvaluationOrder', () => {
  it('is a permutation: for each j, A_j, its A_B rows of reusable inputs, the others, B_j', () => {
    const order = sobolEvaluationOrder(3, [false, true, false, true])!;
    expect(Array.from(order.subarray(0, 6))).toStrictEqual([0, 3 * 3 + 0, 5 * 3 + 0, 2 * 3 + 0, 4 * 3 + 0, 3 + 0]);
    expect([...order].sort((a, b) => a - b)).toStrictEqual(Array.from({ length: 18 }, (_, i) => i));
    expect(sobolEvaluationOrder(3, [true, true])).toBeNull();
    expect(sobolEvaluationOrder(3, [false, false])).toBeNull();
  });
});

describe('orderedEvaluator', () => {
  it('gives what evaluating in the matrix order gives: values, failures (by row) and KPI names by first appearance', async () => {
    const rows = 40;
    const data = new Float64Array(rows * 2);
    let seed = 7;
    for (let i = 0; i < data.length; i++) data[i] = (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    data[0] = 0.6; data[1] = 0.1; // row 0 lacks a and c: they first appear later
    const matrix = { rows, dims: 2, data };
    const natural = await inlineEvaluator(kpiFunction, 6).evaluate(matrix);
    expect(natural.failures.length).toBeGreaterThan(0);
    expect(natural.kpis[0]).toBe('b');
    // Reversed, and shuffled: the same evaluations.
    const reversed = Int32Array.from({ length: rows }, (_, k) => rows - 1 - k);
    const shuffled = Int32Array.from(sobolEvaluationOrder(10, [true, false])!.subarray(0, rows));
    for (const order of [reversed, shuffled]) {
      const got = await orderedEvaluator(inlineEvaluator(kpiFunction, 6), order, ['a', 'b', 'c', 'd']).evaluate(matrix);
      expect(got.kpis).toStrictEqual(natural.kpis);
      expect(got.failures).toStrictEqual(natural.failures);
      for (const k of natural.kpis) expect(Array.from(got.columns[k]!), k).toStrictEqual(Array.from(natural.columns[k]!));
    }
  });

  it('a Sobol analysis gives the same result with its rows in either order', async () => {
    const inputs: UncertainInputSpec[] = [
      { path: 'x', dist: 'uniform', min: 0, max: 1 },
      { path: 'y', dist: 'uniform', min: 0, max: 1 },
    ] as UncertainInputSpec[];
    const base = { inputs, samples: 64, seed: 5, bootstrap: 20 };
    const plain = await sobol({ ...base, evaluator: inlineEvaluator(kpiFunction, 8) });
    const ordered = await sobol({ ...base, evaluator: inlineEvaluator(kpiFunction, 8), reusable: [false, true], kpiOrder: ['a', 'b', 'c', 'd'] });
    expect(JSON.stringify(ordered)).toBe(JSON.stringify(plain));
    expect(plain.failures.count).toBeGreaterThan(0);
  });
});

describe('KPI_NAMES', () => {
  it('lists the KPIs in the order kpisOf gives them', () => {
    const ev = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml')), { mode: 'sample' });
    expect(Object.keys(kpisOf(ev))).toStrictEqual([...KPI_NAMES]);
  });
});
