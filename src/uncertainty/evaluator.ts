/**
 * The scenario as a KPI function: patches → KPIs. The scenario and the files it references are
 * read and parsed once (loadRawScenario); each evaluation only patches, re-validates
 * (resolveModel), solves (evaluate) and reads the KPIs of the run document. Runs in the main
 * thread (tornado) and in every worker (Monte Carlo, Sobol).
 */
import { loadRawScenario, type RawScenario } from '../pipeline/load.js';
import { resolveModel } from '../pipeline/resolve.js';
import { evaluate } from '../pipeline/evaluate.js';
import { kpisOf } from '../pipeline/document.js';
import type { Patch } from '../pipeline/patch.js';
import type { KpiFunction, KpiValues } from './runner.js';

/** A varied input as evaluation needs it: where to patch, and the unit samples are in. */
export interface TargetInput {
  path: string;
  /** Unit of the sampled numbers; absent → numbers in the field's documented unit. */
  unit?: string;
}

/** Which scenario to evaluate (structured-cloneable: what a worker is started with). */
export interface ScenarioSource {
  /** Scenario file as given (relative paths are resolved from the working directory). */
  file: string;
  /** A flowsheet that replaces the scenario's, if any. */
  flowsheet?: string;
}

/** A scenario and the inputs the columns of a sample matrix set. */
export interface ScenarioTarget extends ScenarioSource {
  /** The varied inputs, in column order of the sample matrix. */
  inputs: TargetInput[];
}

/** The value a patch carries for a sampled number: "<x> <unit>" when a unit is given. */
export function patchValue(x: number, unit: string | undefined): number | string {
  return unit ? `${x} ${unit}` : x;
}

/** Patches for one row; NaN entries are left out (the input keeps its base value). */
export function patchesFor(inputs: readonly TargetInput[], row: ArrayLike<number>): Patch[] {
  const out: Patch[] = [];
  for (let j = 0; j < inputs.length; j++) {
    const x = row[j]!;
    if (Number.isNaN(x)) continue;
    out.push({ path: inputs[j]!.path, value: patchValue(x, inputs[j]!.unit) });
  }
  return out;
}

/** The finite numeric KPIs of a run document's `kpis` (nulls and non-numbers left out). */
export function numericKpis(kpis: object): KpiValues {
  const out: KpiValues = {};
  for (const [k, v] of Object.entries(kpis)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

/** Evaluate the scenario with patches and return its numeric KPIs; throws on model failure. */
export function scenarioKpis(raw: RawScenario, patches: readonly Patch[]): KpiValues {
  // A loop that does not converge throws a model failure inside evaluate (recorded per sample).
  return numericKpis(kpisOf(evaluate(resolveModel(raw, patches), { mode: 'sample' })));
}

/** The KPI function of a scenario target; reads the files once (or uses `raw`). */
export function scenarioKpiFunction(target: ScenarioTarget, raw: RawScenario = loadRawScenario(target.file, target.flowsheet)): KpiFunction {
  return (row) => scenarioKpis(raw, patchesFor(target.inputs, row));
}
