/**
 * The analyses applied to a scenario file — what the CLI commands call. Each one reads the
 * scenario once, reads and checks the uncertain inputs (each distribution's median and bounds
 * must be values the model accepts: a wrong path or an out-of-range bound is an input error placed
 * at its declaration), evaluates the base scenario, then runs the analysis: Monte Carlo and Sobol
 * on worker threads, tornado (2d + 1 runs) in this thread.
 */
import { loadRawScenario, type RawScenario } from '../pipeline/load.js';
import { resolveModel, type Model } from '../pipeline/resolve.js';
import { splitPath, getIn, type Patch } from '../pipeline/patch.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { UncertainInputSpec } from '../schema/uncertainty.js';
import { distributionOf } from './distributions.js';
import { readUncertainInputs, originPatch, type UncertainInput } from './inputs.js';
import { scenarioKpis, scenarioKpiFunction, patchValue, type ScenarioTarget } from './evaluator.js';
import { inlineEvaluator, type KpiValues, type Progress } from './runner.js';
import { startWorkerPool, defaultWorkers, type WorkerPool } from './pool.js';
import { monteCarlo, type MonteCarloResult } from './monte-carlo.js';
import { tornado, tornadoInputOf, rangeInput, type TornadoInput, type TornadoResult } from './tornado.js';
import { sobol, type SobolResult } from './sobol.js';
import type { SamplingMethod } from './sampling.js';

/** Options every scenario analysis takes. */
export interface ScenarioAnalysisOptions {
  /** Scenario file. */
  file: string;
  /** A flowsheet replacing the scenario's. */
  flowsheet?: string;
  /** `--param` texts, added to (or replacing entries of) the scenario's uncertainty list. */
  params?: readonly string[];
  /** KPIs to report (default: every numeric KPI). */
  kpis?: readonly string[];
  /** Worker threads (Monte Carlo, Sobol); default: available cores, ≤ 8. */
  workers?: number;
  onProgress?: Progress;
}

/** A scenario made ready for an analysis. */
export interface PreparedScenario {
  raw: RawScenario;
  model: Model;
  inputs: UncertainInput[];
  /** KPIs of the base scenario (finite numbers only). */
  base: KpiValues;
  target: ScenarioTarget;
}

function lowerField(spec: UncertainInputSpec): (string | number)[] | undefined {
  if (spec.dist === 'discrete') return ['values', spec.values.indexOf(Math.min(...spec.values))];
  if (spec.dist === 'lognormal') return undefined;
  if (spec.dist === 'normal') return spec.min !== undefined ? ['min'] : undefined;
  return ['min'];
}

function upperField(spec: UncertainInputSpec): (string | number)[] | undefined {
  if (spec.dist === 'discrete') return ['values', spec.values.indexOf(Math.max(...spec.values))];
  if (spec.dist === 'lognormal') return undefined;
  if (spec.dist === 'normal') return spec.max !== undefined ? ['max'] : undefined;
  return ['max'];
}

/**
 * Check that the model accepts every declared input at its median, and at the lower and upper
 * ends of bounded distributions. Problems are input errors placed at the declaration.
 */
export function checkDeclarations(raw: RawScenario, inputs: readonly UncertainInput[]): void {
  const declared = inputs.filter((i): i is UncertainInput & { spec: UncertainInputSpec } => i.spec !== null);
  if (declared.length === 0) return;
  const median = (i: (typeof declared)[number]) => originPatch(raw, i, patchValue(distributionOf(i.spec).quantile(0.5), i.spec.unit), ['path']);
  resolveModel(raw, declared.map(median));
  const at = (pick: 'lower' | 'upper'): Patch[] => declared.map((i) => {
    const field = pick === 'lower' ? lowerField(i.spec) : upperField(i.spec);
    if (!field) return median(i);
    const d = distributionOf(i.spec);
    return originPatch(raw, i, patchValue(pick === 'lower' ? d.lower : d.upper, i.spec.unit), field);
  });
  resolveModel(raw, at('lower'));
  resolveModel(raw, at('upper'));
}

/** The numeric value at an input path in a resolved model (unit parameters, plant, feed, sections). */
export function baseValueAt(model: Model, path: string): number | string {
  const seg = splitPath(path);
  const head = seg[0] ?? '';
  const unit = model.flowsheet.units.find((u) => u.id === head);
  const root: unknown = unit ? unit.params
    : head === 'plant' ? model.plant
    : head === 'feed' ? model.feed
    : head === 'solver' ? model.flowsheet.solver
    : model.sections[head];
  const v = getIn(root, seg.slice(1));
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return v === undefined ? 'nothing is set there' : typeof v === 'string' ? `the text "${v}", not a resolved number` : `a ${Array.isArray(v) ? 'list' : typeof v}, not a number`;
}

/** Read a scenario (unless `raw` is given) and its uncertain inputs, check them, and evaluate the base. */
export function prepareScenario(o: ScenarioAnalysisOptions, options: { allowBare?: boolean } = {}, raw: RawScenario = loadRawScenario(o.file, o.flowsheet)): PreparedScenario {
  const inputs = readUncertainInputs(raw, o.params ?? [], options);
  const model = resolveModel(raw);
  if (inputs.length === 0) throw new RegenflowError('no-uncertain-inputs', msg.noUncertainInputs(), { place: { file: raw.scenario.file } });
  checkDeclarations(raw, inputs);
  const base = scenarioKpis(raw, []);
  const known = Object.keys(base);
  if (known.length === 0) throw new RegenflowError('no-numeric-kpis', msg.noNumericKpis(), { exitCode: 2 });
  for (const k of o.kpis ?? []) if (!known.includes(k)) throw new RegenflowError('unknown-kpi', msg.unknownKpi(k, known));
  const target: ScenarioTarget = {
    file: o.file,
    ...(o.flowsheet ? { flowsheet: o.flowsheet } : {}),
    inputs: inputs.map((i) => (i.spec?.unit ? { path: i.path, unit: i.spec.unit } : { path: i.path })),
  };
  return { raw, model, inputs, base, target };
}

function specsOf(p: PreparedScenario): UncertainInputSpec[] {
  return p.inputs.map((i) => i.spec!);
}

/**
 * Run `analysis` with a worker pool started first, so the workers load while this thread reads the
 * scenario, checks the inputs and evaluates the base (a scenario that cannot be read is reported
 * from this thread). The pool is always closed.
 */
async function withPool<T>(o: ScenarioAnalysisOptions, rows: number, analysis: (p: PreparedScenario, pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = startWorkerPool({ file: o.file, ...(o.flowsheet ? { flowsheet: o.flowsheet } : {}) }, { workers: Math.min(o.workers ?? defaultWorkers(), Math.max(1, rows)) });
  try {
    return await analysis(prepareScenario(o, {}, loadRawScenario(o.file, o.flowsheet)), pool);
  } finally {
    await pool.close();
  }
}

/** `regenflow uncertainty`: Monte Carlo or Latin hypercube over the scenario's uncertain inputs. */
export async function scenarioUncertainty(o: ScenarioAnalysisOptions & { samples: number; seed: number; method?: SamplingMethod; keepSamples?: boolean }): Promise<MonteCarloResult> {
  return withPool(o, o.samples, (p, pool) => monteCarlo({
    inputs: specsOf(p),
    evaluator: pool.evaluator(p.target.inputs),
    samples: o.samples,
    seed: o.seed,
    method: o.method ?? 'mc',
    base: p.base,
    ...(o.kpis ? { kpis: o.kpis } : {}),
    scenario: p.model.id,
    file: o.file,
    ...(o.keepSamples ? { keepSamples: true } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  }));
}

/**
 * `regenflow tornado`: one-at-a-time swings. Without `range`, low/high come from the declared
 * distributions; with `range` (a fraction, 0.2 = ±20 %), every input (declared, or a bare
 * `--param <path>`) goes to base × (1 ∓ range).
 */
export async function scenarioTornado(o: ScenarioAnalysisOptions & { range?: number | null }): Promise<TornadoResult> {
  const p = prepareScenario(o, { allowBare: true });
  const range = o.range ?? null;
  const inputs: TornadoInput[] = p.inputs.map((i) => {
    if (range === null) {
      if (!i.spec) throw new RegenflowError('tornado-needs-range', msg.tornadoNeedsRange(i.path), { place: { file: i.origin.file } });
      return tornadoInputOf(i.spec);
    }
    const base = baseValueAt(p.model, i.path);
    if (typeof base !== 'number') {
      const loc = i.origin.path.length > 0 ? p.raw.scenario.locate(i.origin.path) : undefined;
      throw new RegenflowError('no-base-value', msg.noBaseValue(i.path, base), { place: { file: i.origin.file, ...(i.origin.path.length ? { path: `uncertainty[${i.origin.path[1]}]` } : {}), ...(loc ? { line: loc.line, column: loc.column } : {}) } });
    }
    return rangeInput(i.path, base, range, i.spec ? tornadoInputOf(i.spec).distribution : null);
  });
  const target: ScenarioTarget = { ...p.target, inputs: inputs.map((t) => (t.unit ? { path: t.path, unit: t.unit } : { path: t.path })) };
  return tornado({
    inputs,
    evaluator: inlineEvaluator(scenarioKpiFunction(target, p.raw), 8),
    range,
    ...(o.kpis ? { kpis: o.kpis } : {}),
    scenario: p.model.id,
    file: o.file,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
}

/** `regenflow sobol`: first-order and total Sobol indices (Saltelli 2010 / Jansen) with bootstrap intervals. */
export async function scenarioSobol(o: ScenarioAnalysisOptions & { samples: number; seed: number; bootstrap?: number; confidence?: number }): Promise<SobolResult> {
  return withPool(o, o.samples * 3, (p, pool) => sobol({
    inputs: specsOf(p),
    evaluator: pool.evaluator(p.target.inputs),
    samples: o.samples,
    seed: o.seed,
    ...(o.bootstrap !== undefined ? { bootstrap: o.bootstrap } : {}),
    ...(o.confidence !== undefined ? { confidence: o.confidence } : {}),
    ...(o.kpis ? { kpis: o.kpis } : {}),
    scenario: p.model.id,
    file: o.file,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  }));
}
