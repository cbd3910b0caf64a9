/**
 * Pieces every analysis result shares: how an input is described and how failed evaluations are
 * reported. Results are plain JSON-friendly data (numbers, strings, null, arrays, objects) — the
 * CLI prints them with --json and the workbook turns them into sheets.
 */
import type { UncertainInputSpec } from '../schema/uncertainty.js';
import { describeDistribution, distributionOf } from './distributions.js';
import type { FailureKind, SampleFailure } from './runner.js';

/** An uncertain input as results describe it. */
export interface InputInfo {
  path: string;
  /** e.g. "triangular(8, 11, 18) USD/kg". */
  distribution: string;
  /** Unit of the values (the distribution's `unit`), null → the field's documented unit. */
  unit: string | null;
  /** Expected value of the distribution. */
  mean: number;
  /** The validated declaration. */
  spec: UncertainInputSpec;
}

/** Failed evaluations: how many, of which kind, and the first few messages. */
export interface FailureReport {
  count: number;
  evaluations: number;
  byKind: Record<FailureKind, number>;
  /** The first failures (at most 20), by row index. */
  first: SampleFailure[];
}

/** Describe inputs for a result. */
export function inputInfos(specs: readonly UncertainInputSpec[]): InputInfo[] {
  return specs.map((spec) => ({ path: spec.path, distribution: describeDistribution(spec), unit: spec.unit ?? null, mean: distributionOf(spec).mean, spec }));
}

/** Summarise failures of `evaluations` rows. */
export function failureReport(failures: readonly SampleFailure[], evaluations: number): FailureReport {
  const byKind: Record<FailureKind, number> = { model: 0, input: 0, internal: 0 };
  for (const f of failures) byKind[f.kind] += 1;
  return { count: failures.length, evaluations, byKind, first: failures.slice(0, 20) };
}

/** One line about the first failure, for messages. */
export function firstFailureText(r: FailureReport): string {
  const f = r.first[0];
  return f ? `evaluation ${f.index}: ${f.message.split('\n')[0]}` : 'none';
}
