/**
 * Variance-based global sensitivity: first-order and total Sobol indices by the Saltelli (2010)
 * scheme (A. Saltelli et al., "Variance based sensitivity analysis of model output. Design and
 * estimator for the total sensitivity index", Comput. Phys. Commun. 181 (2010) 259–270):
 *
 * - matrices A and B (N × d, independent), and A_B^(i) = A with column i from B; N·(d + 2) runs;
 * - V = variance of f over the 2N rows of A and B (population variance);
 * - first order (Saltelli 2010, Table 2 (b)):  S_i  = mean_j (f(B)_j − f̄)·(f(A_B^i)_j − f(A)_j) / V,
 *   with the outputs centred on their mean f̄ over A and B — the same expectation (the difference
 *   has mean zero) but a variance that does not grow with the square of the output's mean, which
 *   matters for KPIs such as a feed rate of 10⁷ kg/yr varying by a few per cent;
 * - total effect (Jansen 1999, Table 2 (f)):   ST_i = mean_j (f(A)_j − f(A_B^i)_j)² / 2 / V.
 *
 * Confidence intervals: percentile bootstrap over the N rows (the same resampled rows for A, B
 * and every A_B^i), drawn from the seed's second stream (generator jumped once).
 * A row whose evaluation failed in any of its d + 2 runs is left out (and counted).
 */
import type { UncertainInputSpec } from '../schema/uncertainty.js';
import { modelFailure } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { distributionOf } from './distributions.js';
import { saltelliMatrix, type SampleMatrix } from './sampling.js';
import { createRandom } from './random.js';
import { percentileOfSorted } from './statistics.js';
import { inputInfos, failureReport, firstFailureText, type InputInfo, type FailureReport } from './report.js';
import { orderedEvaluator, type BatchEvaluator, type Progress } from './runner.js';

/** Sobol indices of one input for one KPI, with confidence bounds (null when undefined). */
export interface SobolIndex {
  kpi: string;
  input: string;
  first: number | null;
  firstLow: number | null;
  firstHigh: number | null;
  total: number | null;
  totalLow: number | null;
  totalHigh: number | null;
}

/** Per-KPI facts of a Sobol run. */
export interface SobolKpi {
  kpi: string;
  /** Output variance V over A and B (null when fewer than 2 rows). */
  variance: number | null;
  /** Rows of the design used (all d + 2 evaluations finite). */
  rowsUsed: number;
}

/** Result of `regenflow sobol`. */
export interface SobolResult {
  analysis: 'sobol';
  scenario: string | null;
  file: string | null;
  seed: number;
  /** N, rows of A and of B. */
  samples: number;
  /** N·(d + 2) model evaluations. */
  evaluations: number;
  /** Bootstrap resamples for the confidence intervals (0 = none). */
  bootstrap: number;
  /** Confidence level of the intervals, e.g. 0.95. */
  confidence: number;
  inputs: InputInfo[];
  kpis: string[];
  perKpi: SobolKpi[];
  /** KPI-major, inputs in declaration order. */
  indices: SobolIndex[];
  failures: FailureReport;
}

/** Options of a Sobol analysis. */
export interface SobolOptions {
  inputs: readonly UncertainInputSpec[];
  evaluator: BatchEvaluator;
  samples: number;
  seed: number;
  bootstrap?: number;
  confidence?: number;
  kpis?: readonly string[];
  scenario?: string;
  file?: string;
  onProgress?: Progress;
  /**
   * Per input: true when changing it leaves the solved plant as it is (a price, an economics-only
   * finance figure). The rows are then evaluated A row by A row — each A row, its A_B rows for
   * those inputs, then the others and the B row — so that an evaluator keeping the last solved
   * plant prices it again for them (scenario evaluators do). The results are the same.
   */
  reusable?: readonly boolean[];
  /** The order every row's KPIs come in (see orderedEvaluator); default: as first met. */
  kpiOrder?: readonly string[];
}

/**
 * The order in which to evaluate the stacked design (A, B, A_B^1 … A_B^d, N rows each) so that the
 * A_B rows of reusable inputs follow their A row: for each j, A_j, A_B^i_j of the reusable inputs,
 * A_B^i_j of the others, B_j. Null when no input is reusable or every input is (nothing to place).
 */
export function sobolEvaluationOrder(n: number, reusable: readonly boolean[]): Int32Array | null {
  const d = reusable.length;
  if (!reusable.some(Boolean) || reusable.every(Boolean)) return null;
  const order = new Int32Array(n * (d + 2));
  let k = 0;
  for (let j = 0; j < n; j++) {
    order[k++] = j;
    for (let i = 0; i < d; i++) if (reusable[i]) order[k++] = (2 + i) * n + j;
    for (let i = 0; i < d; i++) if (!reusable[i]) order[k++] = (2 + i) * n + j;
    order[k++] = n + j;
  }
  return order;
}

/** The design a Sobol run evaluates (A, B, A_B^1 … A_B^d stacked; see saltelliMatrix). */
export function sobolMatrix(inputs: readonly UncertainInputSpec[], samples: number, seed: number): SampleMatrix {
  return saltelliMatrix(inputs.map(distributionOf), samples, seed);
}

/** First-order and total indices from the model outputs of the design (rows `rows` only). */
export function sobolEstimates(fA: ArrayLike<number>, fB: ArrayLike<number>, fAB: readonly ArrayLike<number>[], rows: ArrayLike<number>): { variance: number; first: number[]; total: number[] } {
  const n = rows.length;
  let s = 0;
  for (let k = 0; k < n; k++) s += fA[rows[k]!]! + fB[rows[k]!]!;
  const m = s / (2 * n);
  let v = 0;
  for (let k = 0; k < n; k++) {
    const a = fA[rows[k]!]! - m;
    const b = fB[rows[k]!]! - m;
    v += a * a + b * b;
  }
  const variance = v / (2 * n);
  const first: number[] = [];
  const total: number[] = [];
  for (const fi of fAB) {
    let sf = 0;
    let st = 0;
    for (let k = 0; k < n; k++) {
      const r = rows[k]!;
      const a = fA[r]!;
      const ab = fi[r]!;
      sf += (fB[r]! - m) * (ab - a);
      st += (a - ab) * (a - ab);
    }
    first.push(sf / n / variance);
    total.push(st / (2 * n) / variance);
  }
  return { variance, first, total };
}

/** Run a Sobol analysis. */
export async function sobol(o: SobolOptions): Promise<SobolResult> {
  const n = o.samples;
  const d = o.inputs.length;
  const bootstrap = o.bootstrap ?? 200;
  const confidence = o.confidence ?? 0.95;
  const matrix = sobolMatrix(o.inputs, n, o.seed);
  const order = o.reusable ? sobolEvaluationOrder(n, o.reusable) : null;
  const evaluator = order ? orderedEvaluator(o.evaluator, order, o.kpiOrder ?? []) : o.evaluator;
  const ev = await evaluator.evaluate(matrix, o.onProgress);
  const failures = failureReport(ev.failures, matrix.rows);
  if (failures.count === matrix.rows) throw modelFailure('all-failed', msg.allSamplesFailed(matrix.rows, firstFailureText(failures)));
  const kpis = o.kpis ? ev.kpis.filter((k) => o.kpis!.includes(k)) : ev.kpis;
  const rng = createRandom(o.seed, 1);
  const perKpi: SobolKpi[] = [];
  const indices: SobolIndex[] = [];
  for (const kpi of kpis) {
    const col = ev.columns[kpi]!;
    const fA = col.subarray(0, n);
    const fB = col.subarray(n, 2 * n);
    const fAB = Array.from({ length: d }, (_, i) => col.subarray((2 + i) * n, (3 + i) * n));
    const rows: number[] = [];
    for (let r = 0; r < n; r++) if (Number.isFinite(fA[r]!) && Number.isFinite(fB[r]!) && fAB.every((f) => Number.isFinite(f[r]!))) rows.push(r);
    const empty = (input: string): SobolIndex => ({ kpi, input, first: null, firstLow: null, firstHigh: null, total: null, totalLow: null, totalHigh: null });
    if (rows.length < 2) {
      perKpi.push({ kpi, variance: null, rowsUsed: rows.length });
      indices.push(...o.inputs.map((inp) => empty(inp.path)));
      continue;
    }
    const est = sobolEstimates(fA, fB, fAB, rows);
    perKpi.push({ kpi, variance: est.variance, rowsUsed: rows.length });
    if (!(est.variance > 0)) {
      indices.push(...o.inputs.map((inp) => empty(inp.path)));
      continue;
    }
    const bootFirst = Array.from({ length: d }, () => new Float64Array(bootstrap));
    const bootTotal = Array.from({ length: d }, () => new Float64Array(bootstrap));
    const pick = new Int32Array(rows.length);
    for (let b = 0; b < bootstrap; b++) {
      for (let k = 0; k < rows.length; k++) pick[k] = rows[rng.below(rows.length)]!;
      const e = sobolEstimates(fA, fB, fAB, pick);
      for (let i = 0; i < d; i++) {
        bootFirst[i]![b] = e.first[i]!;
        bootTotal[i]![b] = e.total[i]!;
      }
    }
    const lowP = (1 - confidence) / 2;
    const highP = 1 - lowP;
    const ci = (xs: Float64Array): [number | null, number | null] => {
      const finite = xs.filter((x) => Number.isFinite(x)).sort();
      return finite.length === 0 ? [null, null] : [percentileOfSorted(finite, lowP), percentileOfSorted(finite, highP)];
    };
    o.inputs.forEach((inp, i) => {
      const [fl, fh] = ci(bootFirst[i]!);
      const [tl, th] = ci(bootTotal[i]!);
      indices.push({ kpi, input: inp.path, first: est.first[i]!, firstLow: fl, firstHigh: fh, total: est.total[i]!, totalLow: tl, totalHigh: th });
    });
  }
  return {
    analysis: 'sobol',
    scenario: o.scenario ?? null,
    file: o.file ?? null,
    seed: o.seed,
    samples: n,
    evaluations: matrix.rows,
    bootstrap,
    confidence,
    inputs: inputInfos(o.inputs),
    kpis,
    perKpi,
    indices,
    failures,
  };
}
