/**
 * The evaluation pool (issue 19): the default worker count follows the cores actually available —
 * one, this thread, on up to two cores (a worker would load every module and warm its JIT up again
 * while this thread waits), else the cores less one, at most 8 — and a pool of one evaluates in
 * this thread on the scenario it is given, with results identical to worker threads'.
 */
import { describe, expect, it } from 'vitest';
import { defaultWorkers, MAX_DEFAULT_WORKERS, startWorkerPool } from '../../src/uncertainty/pool.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { monteCarloMatrix } from '../../src/uncertainty/monte-carlo.js';
import type { UncertainInputSpec } from '../../src/schema/uncertainty.js';

const FILE = 'test/fixtures/scenarios/generic-demo.yaml';
const INPUTS: UncertainInputSpec[] = [
  { path: 'plant.capacity', dist: 'triangular', min: 8000, mode: 10000, max: 12000, unit: 't/yr' } as UncertainInputSpec,
  { path: 'burn.reactions[0].conversion', dist: 'uniform', min: 0.9, max: 0.99 } as UncertainInputSpec,
];

describe('default worker count', () => {
  it('one (this thread) on 1 and 2 cores, the cores less one above, at most 8', () => {
    expect([1, 2, 3, 4, 8, 9, 16, 64].map((c) => defaultWorkers(c))).toEqual([1, 1, 2, 3, 7, 8, 8, 8]);
    expect(MAX_DEFAULT_WORKERS).toBe(8);
  });
});

describe('a pool of one', () => {
  it('evaluates in this thread, on the scenario it is given, with the results of two worker threads', async () => {
    const raw = loadRawScenario(FILE);
    let reads = 0;
    const matrix = monteCarloMatrix(INPUTS, 24, 5);
    const targets = INPUTS.map((i) => ({ path: i.path, ...(i.unit ? { unit: i.unit } : {}) }));
    const one = startWorkerPool({ file: FILE }, { workers: 1 }, () => { reads++; return raw; });
    const two = startWorkerPool({ file: FILE }, { workers: 2 });
    try {
      expect(one.size).toBe(1);
      expect(two.size).toBe(2);
      const progress: number[] = [];
      const a = await one.evaluator(targets).evaluate(matrix, (done) => progress.push(done));
      const b = await two.evaluator(targets).evaluate(matrix);
      expect(reads).toBe(1);
      expect(progress.at(-1)).toBe(24);
      expect(a.failures).toEqual([]);
      expect(a.kpis).toEqual(b.kpis);
      for (const k of a.kpis) expect(Array.from(a.columns[k]!), k).toEqual(Array.from(b.columns[k]!));
      // The capacity column drives the feed rate: the rows were really evaluated, row by row.
      a.columns.feedKgPerYear!.forEach((kg, r) => expect(kg / (matrix.data[r * matrix.dims]! * 1000)).toBeCloseTo(1, 12));
    } finally {
      await one.close();
      await two.close();
    }
  });
});
