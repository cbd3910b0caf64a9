/**
 * The analyses applied to a scenario file — what the CLI commands call. Each one reads the
 * scenario once, reads and checks the uncertain inputs (each distribution's median and bounds
 * must be values the model accepts: a wrong path or an out-of-range bound is an input error placed
 * at its declaration), evaluates the base scenario, then runs the analysis: Monte Carlo and Sobol
 * on worker threads, tornado (2d + 1 runs) in this thread.
 */
import { loadRawScenario, type RawScenario } from '../pipeline/load.js';
import { resolveModel, type Model } from '../pipeline/resolve.js';
import type { Patch } from '../pipeline/patch.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { UncertainInputSpec } from '../schema/uncertainty.js';
import { distributionOf } from './distributions.js';
import { readUncertainInputs, originPatch, type UncertainInput } from './inputs.js';
import { scenarioKpis, scenarioKpiFunction, patchValue, isEconomicInput, type ScenarioTarget } from './evaluator.js';
import { KPI_NAMES } from '../pipeline/document.js';
import { inlineEvaluator, type KpiValues, type Progress } from './runner.js';
import { startWorkerPool, defaultWorkers, type WorkerPool } from './pool.js';
import { monteCarlo, type MonteCarloResult } from './monte-carlo.js';
import { tornado, tornadoInputOf, rangeInput, type TornadoInput, type TornadoResult } from './tornado.js';
import { sobol, type SobolResult } from './sobol.js';
import type { SamplingMethod } from './sampling.js';
import { headlineKpis } from '../pipeline/kpi-info.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { baseValueAt, inScope, mappedEvaluator, routeMapping, routeTargets, routeValue, type RouteMapping } from './scope.js';
import { rangeWarnings, fieldLimits } from './ranges.js';


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
  /** Called with the input checks' warnings before any sampling starts. */
  onWarnings?: (warnings: Diagnostic[]) => void;
}

/** A scenario made ready for an analysis. */
export interface PreparedScenario {
  raw: RawScenario;
  model: Model;
  /** The inputs that apply to the scenario's route, in column order. */
  inputs: UncertainInput[];
  /** KPIs of the base scenario (finite numbers only). */
  base: KpiValues;
  /** What the evaluators patch (relative inputs already absolute). */
  target: ScenarioTarget;
  /** How sampled columns map onto the route (scope, relative inputs). */
  mapping: RouteMapping;
  /** Input checks (rangeWarnings) and inputs left out because they are scoped to other routes. */
  warnings: Diagnostic[];
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
 * Check that the model accepts every declared input that applies to the scenario's route at its
 * median, and at the lower and upper ends of bounded distributions (relative inputs as the values
 * they give on this route). Problems are input errors placed at the declaration.
 */
export function checkDeclarations(raw: RawScenario, inputs: readonly UncertainInput[], model: Model = resolveModel(raw)): void {
  const route = model.flowsheet.id;
  const declared = inputs.filter((i): i is UncertainInput & { spec: UncertainInputSpec } => i.spec !== null && inScope(i, route, inputs));
  if (declared.length === 0) return;
  const mapping = routeMapping(model, declared);
  const patch = (i: (typeof declared)[number], j: number, x: number, field: (string | number)[]) => originPatch(raw, i, patchValue(routeValue(mapping, j, x), mapping.columns[j]!.target.unit), field);
  const median = (i: (typeof declared)[number], j: number) => patch(i, j, distributionOf(i.spec).quantile(0.5), ['path']);
  resolveModel(raw, declared.map(median));
  const at = (pick: 'lower' | 'upper'): Patch[] => declared.map((i, j) => {
    const field = pick === 'lower' ? lowerField(i.spec) : upperField(i.spec);
    if (!field) return median(i, j);
    const d = distributionOf(i.spec);
    return patch(i, j, pick === 'lower' ? d.lower : d.upper, field);
  });
  resolveModel(raw, at('lower'));
  resolveModel(raw, at('upper'));
}

/** Inputs scoped to other routes, as info diagnostics. */
function leftOutNotes(model: Model, all: readonly UncertainInput[], routes: readonly string[]): Diagnostic[] {
  return all.filter((i) => i.routes !== null && !routes.some((r) => inScope(i, r, all))).map((i) => ({ code: 'uncertain-input-other-route', severity: 'info' as const, where: i.origin.file, message: msg.routeNotRun(i.path, i.routes!, routes) }));
}

/**
 * Read a scenario (unless `raw` is given) and its uncertain inputs, keep those that apply to its
 * route, check them (range warnings included), and evaluate the base.
 */
export function prepareScenario(o: ScenarioAnalysisOptions, options: { allowBare?: boolean } = {}, raw: RawScenario = loadRawScenario(o.file, o.flowsheet)): PreparedScenario {
  const all = readUncertainInputs(raw, o.params ?? [], options);
  const model = resolveModel(raw);
  const inputs = all.filter((i) => inScope(i, model.flowsheet.id, all));
  if (inputs.length === 0) throw new RegenflowError('no-uncertain-inputs', msg.noUncertainInputs(), { place: { file: raw.scenario.file } });
  checkDeclarations(raw, inputs, model);
  const mapping = routeMapping(model, inputs);
  const warnings = [...rangeWarnings(model, inputs), ...leftOutNotes(model, all, [model.flowsheet.id])];
  const base = scenarioKpis(raw, []);
  checkKpis(o.kpis, Object.keys(base));
  const target: ScenarioTarget = { file: o.file, ...(o.flowsheet ? { flowsheet: o.flowsheet } : {}), inputs: routeTargets(mapping) };
  return { raw, model, inputs, base, target, mapping, warnings };
}

/** Check --kpi names against the KPIs a base run gives (exit 1 listing them). */
export function checkKpis(kpis: readonly string[] | undefined, known: readonly string[]): void {
  if (known.length === 0) throw new RegenflowError('no-numeric-kpis', msg.noNumericKpis(), { exitCode: 2 });
  for (const k of kpis ?? []) if (!known.includes(k)) throw new RegenflowError('unknown-kpi', msg.unknownKpi(k, known));
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
  // A pool of one evaluates in this thread, on the scenario read here.
  let raw: RawScenario | undefined;
  const read = () => (raw ??= loadRawScenario(o.file, o.flowsheet));
  const pool = startWorkerPool({ file: o.file, ...(o.flowsheet ? { flowsheet: o.flowsheet } : {}) }, { workers: Math.min(o.workers ?? defaultWorkers(), Math.max(1, rows)) }, read);
  try {
    const p = prepareScenario(o, {}, read());
    o.onWarnings?.(p.warnings);
    return await analysis(p, pool);
  } finally {
    await pool.close();
  }
}

/** `regenflow uncertainty`: Monte Carlo or Latin hypercube over the scenario's uncertain inputs. */
export async function scenarioUncertainty(o: ScenarioAnalysisOptions & { samples: number; seed: number; method?: SamplingMethod; keepSamples?: boolean }): Promise<MonteCarloResult> {
  return withPool(o, o.samples, async (p, pool) => ({ ...(await monteCarlo({
    inputs: specsOf(p),
    evaluator: mappedEvaluator(p.mapping, pool.evaluator(p.target.inputs)),
    samples: o.samples,
    seed: o.seed,
    method: o.method ?? 'mc',
    base: p.base,
    ...(o.kpis ? { kpis: o.kpis } : {}),
    scenario: p.model.id,
    file: o.file,
    ...(o.keepSamples ? { keepSamples: true } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  })), route: p.model.flowsheet.id, warnings: p.warnings }));
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
    return rangeInput(i.path, base, range, i.spec ? tornadoInputOf(i.spec).distribution : null, fieldLimits(p.model, i.path));
  });
  o.onWarnings?.(range === null ? p.warnings : p.warnings.filter((w) => w.code !== 'uncertain-range-misses-base' && w.code !== 'uncertain-range-outside-validated'));
  // ±range values are absolute, in the field's unit; distribution values map onto the route (scope, % of base).
  const evaluator = range === null
    ? mappedEvaluator(p.mapping, inlineEvaluator(scenarioKpiFunction(p.target, p.raw), 8))
    : inlineEvaluator(scenarioKpiFunction({ ...p.target, inputs: inputs.map((t) => ({ path: t.path })) }, p.raw), 8);
  return tornado({
    inputs,
    evaluator,
    range,
    kpis: o.kpis ?? headlineKpis(Object.keys(p.base)),
    scenario: p.model.id,
    file: o.file,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
}

/** `regenflow sobol`: first-order and total Sobol indices (Saltelli 2010 / Jansen) with bootstrap intervals. */
export async function scenarioSobol(o: ScenarioAnalysisOptions & { samples: number; seed: number; bootstrap?: number; confidence?: number }): Promise<SobolResult> {
  return withPool(o, o.samples * 3, (p, pool) => sobol({
    inputs: specsOf(p),
    evaluator: mappedEvaluator(p.mapping, pool.evaluator(p.target.inputs)),
    samples: o.samples,
    seed: o.seed,
    ...(o.bootstrap !== undefined ? { bootstrap: o.bootstrap } : {}),
    ...(o.confidence !== undefined ? { confidence: o.confidence } : {}),
    ...(o.kpis ? { kpis: o.kpis } : {}),
    scenario: p.model.id,
    file: o.file,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    // Rows that change a price or a finance figure only follow their A row and price its plant.
    reusable: p.target.inputs.map(isEconomicInput),
    kpiOrder: KPI_NAMES,
  }));
}
