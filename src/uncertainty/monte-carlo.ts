/**
 * Monte Carlo / Latin hypercube uncertainty analysis: sample the inputs, evaluate every sample,
 * and report per KPI the mean, standard deviation, P5/P50/P95 and a histogram, the probability
 * that NPV > 0 (when the KPIs include npvUsd) and the Spearman rank correlation of every input
 * with every KPI (BioSTEAM's convention, REFERENCE.md 4.2).
 */
import type { UncertainInputSpec } from '../schema/uncertainty.js';
import { distributionOf } from './distributions.js';
import { sampleInputs, type SamplingMethod, type SampleMatrix } from './sampling.js';
import { summarize, histogram, spearmanMatrix, rankedColumn, type Summary, type Histogram } from './statistics.js';
import { modelFailure } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { inputInfos, failureReport, firstFailureText, type InputInfo, type FailureReport } from './report.js';
import type { BatchEvaluator, KpiValues, Progress } from './runner.js';
import type { Diagnostic } from '../unit-ops/contract.js';

/** Statistics of one KPI over the samples. */
export interface KpiStatistics extends Summary {
  kpi: string;
  /** The KPI of the deterministic base scenario (null when not given or not numeric). */
  base: number | null;
  histogram: Histogram;
}

/** Spearman rank correlation of one input with one KPI (null when undefined, e.g. a constant KPI). */
export interface Correlation {
  input: string;
  kpi: string;
  spearman: number | null;
}

/** An input with the statistics of its sampled values. */
export interface SampledInput extends InputInfo {
  sampled: Summary;
}

/** Result of `regenflow uncertainty`. */
export interface MonteCarloResult {
  analysis: 'monte-carlo';
  scenario: string | null;
  file: string | null;
  method: SamplingMethod;
  seed: number;
  samples: number;
  inputs: SampledInput[];
  /** KPIs reported, in run-document order. */
  kpis: string[];
  statistics: KpiStatistics[];
  /** Fraction of successful samples with npvUsd > 0; null when npvUsd is not a KPI. */
  probabilityNpvPositive: number | null;
  /** Input-major: every input with every KPI. */
  correlations: Correlation[];
  failures: FailureReport;
  /** The route (flowsheet id) evaluated, when run on a scenario. */
  route?: string;
  /** Checks of the inputs made before sampling (uncertainty/ranges.ts) and inputs left out. */
  warnings?: Diagnostic[];
  /** Raw samples (only with keepSamples): input values and KPI values per sample (null = failed). */
  sampleData?: { inputs: Record<string, number[]>; kpis: Record<string, (number | null)[]> };
}

/** Options of a Monte Carlo run. */
export interface MonteCarloOptions {
  inputs: readonly UncertainInputSpec[];
  evaluator: BatchEvaluator;
  samples: number;
  seed: number;
  method?: SamplingMethod;
  /** KPIs of the base scenario, reported next to the statistics. */
  base?: KpiValues;
  /** Restrict the KPIs reported (default: every KPI that is a finite number in some sample). */
  kpis?: readonly string[];
  scenario?: string;
  file?: string;
  keepSamples?: boolean;
  onProgress?: Progress;
}

/** The sample matrix a Monte Carlo run evaluates (exposed for tests and reproduction). */
export function monteCarloMatrix(inputs: readonly UncertainInputSpec[], samples: number, seed: number, method: SamplingMethod = 'mc'): SampleMatrix {
  return sampleInputs(inputs.map(distributionOf), samples, seed, method);
}

/** Column j of a matrix. */
export function column(m: SampleMatrix, j: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.dims + j]!;
  return out;
}

/** Run a Monte Carlo (or Latin hypercube) analysis. */
export async function monteCarlo(o: MonteCarloOptions): Promise<MonteCarloResult> {
  const method = o.method ?? 'mc';
  const matrix = monteCarloMatrix(o.inputs, o.samples, o.seed, method);
  const ev = await o.evaluator.evaluate(matrix, o.onProgress);
  const failures = failureReport(ev.failures, o.samples);
  if (o.samples > 0 && failures.count === o.samples) throw modelFailure('all-failed', msg.allSamplesFailed(o.samples, firstFailureText(failures)));
  const kpis = o.kpis ? ev.kpis.filter((k) => o.kpis!.includes(k)) : ev.kpis;
  const failed = new Set(ev.failures.map((f) => f.index));
  // Inputs of failed samples are left out of the input statistics and correlations.
  const inputColumns = o.inputs.map((_, j) => {
    const c = column(matrix, j);
    for (const i of failed) c[i] = NaN;
    return c;
  });
  const infos = inputInfos(o.inputs);
  // Each column sorted once, for its summary and its ranks (null where a sample failed: sorted apart).
  const rankedInputs = inputColumns.map(rankedColumn);
  const rankedKpis = kpis.map((kpi) => rankedColumn(ev.columns[kpi]!));
  const statistics: KpiStatistics[] = kpis.map((kpi, k) => {
    const b = o.base?.[kpi];
    return { kpi, ...summarize(ev.columns[kpi]!, rankedKpis[k]), base: b !== undefined && Number.isFinite(b) ? b : null, histogram: histogram(ev.columns[kpi]!, undefined, rankedKpis[k]) };
  });
  let probabilityNpvPositive: number | null = null;
  const npv = ev.columns.npvUsd;
  if (npv && kpis.includes('npvUsd')) {
    let n = 0;
    let positive = 0;
    for (const v of npv) if (Number.isFinite(v)) { n++; if (v > 0) positive++; }
    probabilityNpvPositive = n > 0 ? positive / n : null;
  }
  const correlations: Correlation[] = [];
  const rho = spearmanMatrix(inputColumns, kpis.map((kpi) => ev.columns[kpi]!), rankedInputs, rankedKpis);
  o.inputs.forEach((inp, j) => {
    kpis.forEach((kpi, k) => correlations.push({ input: inp.path, kpi, spearman: rho[j]![k]! }));
  });
  const result: MonteCarloResult = {
    analysis: 'monte-carlo',
    scenario: o.scenario ?? null,
    file: o.file ?? null,
    method,
    seed: o.seed,
    samples: o.samples,
    inputs: infos.map((info, j) => ({ ...info, sampled: summarize(inputColumns[j]!, rankedInputs[j]) })),
    kpis,
    statistics,
    probabilityNpvPositive,
    correlations,
    failures,
  };
  if (o.keepSamples) {
    const list = (c: Float64Array) => Array.from(c, (v) => (Number.isFinite(v) ? v : null));
    result.sampleData = {
      inputs: Object.fromEntries(o.inputs.map((inp, j) => [inp.path, Array.from(column(matrix, j))])),
      kpis: Object.fromEntries(kpis.map((k) => [k, list(ev.columns[k]!)])),
    };
  }
  return result;
}
