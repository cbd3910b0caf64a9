/**
 * Sampling: Monte Carlo, Latin hypercube and the Saltelli (2010) matrices for Sobol indices.
 * Everything is drawn here, in the main thread, before any evaluation, in a fixed documented
 * order — so a seed fixes the whole matrix and the results do not depend on how rows are later
 * spread over workers.
 *
 * Draw order (a contract: changing it changes every seeded result):
 * - Monte Carlo: row by row, d uniforms per row: u[0][0], u[0][1], …, u[0][d−1], u[1][0], …
 * - Latin hypercube: dimension by dimension; for dimension j a Fisher–Yates shuffle of the
 *   strata 0…n−1 (k = n−1 down to 1, swap k with below(k + 1)), then one jitter v per row i;
 *   u[i][j] = (stratum_j(i) + v) / n. Each of the n equal-probability strata of each dimension
 *   holds exactly one sample.
 * - Saltelli: a Monte Carlo matrix of n rows × 2d columns; columns 0…d−1 are A, d…2d−1 are B.
 */
import { createRandom } from './random.js';
import type { Distribution } from './distributions.js';

/** A matrix of `rows` × `dims` numbers, row-major (row i, column j at i·dims + j). */
export interface SampleMatrix {
  rows: number;
  dims: number;
  data: Float64Array;
}

/** Sampling methods. */
export const SAMPLING_METHODS = ['mc', 'lhs'] as const;
/** A sampling method: plain Monte Carlo or Latin hypercube. */
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

const BELOW_ONE = 1 - 2 ** -53;

/** n × d independent uniforms in (0, 1). */
export function monteCarloUnits(n: number, d: number, seed: number): SampleMatrix {
  const rng = createRandom(seed);
  const data = new Float64Array(n * d);
  for (let k = 0; k < n * d; k++) data[k] = rng.uniform();
  return { rows: n, dims: d, data };
}

/** n × d Latin-hypercube uniforms in (0, 1): one sample per stratum [k/n, (k+1)/n) per dimension. */
export function latinHypercubeUnits(n: number, d: number, seed: number): SampleMatrix {
  const rng = createRandom(seed);
  const data = new Float64Array(n * d);
  const strata = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    for (let k = n - 1; k > 0; k--) {
      const r = rng.below(k + 1);
      const t = strata[k]!;
      strata[k] = strata[r]!;
      strata[r] = t;
    }
    for (let i = 0; i < n; i++) {
      const u = (strata[i]! + rng.uniform()) / n;
      data[i * d + j] = u < BELOW_ONE ? u : BELOW_ONE;
    }
  }
  return { rows: n, dims: d, data };
}

/** Map uniforms to values through each column's quantile function (in place copy). */
export function toValues(units: SampleMatrix, dists: readonly Distribution[]): SampleMatrix {
  const { rows, dims } = units;
  const data = new Float64Array(rows * dims);
  for (let i = 0; i < rows; i++) for (let j = 0; j < dims; j++) data[i * dims + j] = dists[j]!.quantile(units.data[i * dims + j]!);
  return { rows, dims, data };
}

/** n samples of the inputs by Monte Carlo or Latin hypercube. */
export function sampleInputs(dists: readonly Distribution[], n: number, seed: number, method: SamplingMethod = 'mc'): SampleMatrix {
  const units = method === 'lhs' ? latinHypercubeUnits(n, dists.length, seed) : monteCarloUnits(n, dists.length, seed);
  return toValues(units, dists);
}

/**
 * The Saltelli (2010) design: A and B (n × d each, independent), and for each input i the matrix
 * A_B^(i) — A with column i taken from B. Rows of the result: A (0…n−1), B (n…2n−1), then
 * A_B^(i) at (2 + i)·n … (3 + i)·n − 1; n·(d + 2) rows in all.
 */
export function saltelliMatrix(dists: readonly Distribution[], n: number, seed: number): SampleMatrix {
  const d = dists.length;
  const ab = toValues(monteCarloUnits(n, 2 * d, seed), [...dists, ...dists]);
  const rows = n * (d + 2);
  const data = new Float64Array(rows * d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const a = ab.data[r * 2 * d + j]!;
      const b = ab.data[r * 2 * d + d + j]!;
      data[r * d + j] = a;
      data[(n + r) * d + j] = b;
      for (let i = 0; i < d; i++) data[((2 + i) * n + r) * d + j] = i === j ? b : a;
    }
  }
  return { rows, dims: d, data };
}
