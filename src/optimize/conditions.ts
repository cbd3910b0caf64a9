/**
 * `regenflow optimize <scenario> --vary …`: the operating conditions (any override path) that
 * give the best objective KPI within bounds and constraints. Reads and checks the scenario, the
 * ranges (each bound and each choice must be a value the model accepts: an input error placed at
 * the --vary text otherwise) and the KPI names, evaluates the scenario as it is (the baseline),
 * then searches (search.ts) starting from the baseline's values.
 */
import { resolveModel, type Model } from '../pipeline/resolve.js';
import { splitPath, getIn, type Patch } from '../pipeline/patch.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { search } from './search.js';
import { prepareObjective, type Direction } from './constraints.js';
import { readVaries, valueAt, patchValueOf, unitOf, minStdOf, patchesOf, paramRecord, roundTo, stepOf, type Parameter, type ParamValue } from './space.js';
import { problemContext, type EvalRequest, type ProblemSource } from './problem.js';
import { batchEvaluator } from './workers.js';
import { optimizeResult, type Binding, type OptimizeResult } from './result.js';

/** Options common to both searches. */
export interface SearchSettings {
  /** Objective KPI (default per mode). */
  objective?: string;
  /** Direction (default: by KPI). */
  direction?: Direction;
  constraints?: readonly string[];
  seed?: number;
  budget?: number;
  restarts?: number;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Options of the conditions search. */
export interface ConditionsOptions extends SearchSettings {
  file: string;
  flowsheet?: string;
  vary: readonly string[];
}

/** Parameter values by path. */
export type ConditionParams = Record<string, ParamValue | null>;

/**
 * Default budget: 100·(n + 2) evaluations for n dimensions — about what CMA-ES needs to converge
 * on a smooth problem of 2–5 dimensions (Hansen 2016, Fig. 3 orders), with room for the kinks of
 * whole equipment counts; a few seconds of model time.
 */
export function defaultBudget(dims: number): number {
  return 100 * (dims + 2);
}

/** The resolved (canonical) value at a patch path of a model; undefined when not found. */
export function resolvedAt(model: Model, path: string): unknown {
  const seg = splitPath(path);
  const [head, ...rest] = seg;
  const unit = model.flowsheet.units.find((u) => u.id === head);
  if (unit) return getIn(unit.params, rest);
  switch (head) {
    case 'plant': return getIn(model.plant, rest);
    case 'feed': return getIn(model.feed, rest);
    case 'spec': return getIn(model.spec, rest);
    case 'design': return getIn(model.design, rest);
    case 'finance': return getIn(model.finance, rest);
    case 'prices': return model.prices.items[rest.join('.')]?.value;
    case 'solver': return getIn(model.flowsheet.solver, rest);
    default: return undefined;
  }
}

/**
 * Check that the model accepts every bound (all lower bounds together, all upper bounds together)
 * and every listed choice; input errors are placed at the --vary text. Returns the baseline
 * value of each parameter in its own unit (null when it cannot be told).
 */
function checkRanges(params: readonly Parameter[], base: Model): (ParamValue | null)[] {
  const raw = base.raw;
  const at = (values: ParamValue[]): Model => resolveModel(raw, patchesOf(params, values));
  const ends = (pick: 'lo' | 'hi') => params.map((p) => (p.kind === 'choice' ? p.choices[pick === 'lo' ? 0 : p.choices.length - 1]! : p[pick]));
  const lo = at(ends('lo'));
  const hi = at(ends('hi'));
  return params.map((p) => {
    const now = resolvedAt(base, p.path);
    if (p.kind === 'choice') {
      const key = JSON.stringify(now);
      const i = p.choices.findIndex((c) => JSON.stringify(resolvedAt(resolveModel(raw, patchesOf([p], [c])), p.path)) === key);
      return i >= 0 ? p.choices[i]! : null;
    }
    const a = resolvedAt(lo, p.path);
    const b = resolvedAt(hi, p.path);
    if (typeof now !== 'number' || typeof a !== 'number' || typeof b !== 'number' || a === b) return null;
    const v = p.lo + ((now - a) / (b - a)) * (p.hi - p.lo);
    return p.kind === 'integer' ? Math.round(v) : roundTo(v, stepOf(p));
  });
}

/** Bounds the best values lie on. */
function boundsAt(params: readonly Parameter[], values: readonly ParamValue[]): Binding[] {
  const out: Binding[] = [];
  params.forEach((p, i) => {
    const v = values[i];
    if (p.kind === 'choice' || typeof v !== 'number') return;
    const tol = p.kind === 'integer' ? 0 : 1e-3 * (p.hi - p.lo);
    if (v - p.lo <= tol) out.push({ type: 'bound', path: p.path, bound: 'lower', value: v });
    else if (p.hi - v <= tol) out.push({ type: 'bound', path: p.path, bound: 'upper', value: v });
  });
  return out;
}

/** Run the conditions search. */
export async function optimizeConditions(o: ConditionsOptions): Promise<OptimizeResult<ConditionParams>> {
  const params = readVaries(o.vary);
  const source: ProblemSource = { mode: 'conditions', file: o.file, ...(o.flowsheet ? { flowsheet: o.flowsheet } : {}) };
  const context = problemContext(source);
  const raw = context.scenario('');
  const base = resolveModel(raw);
  const baseValues = checkRanges(params, base);
  const baseline = context.outcome({ variant: '', patches: [] });
  if (!baseline.kpis) throw new RegenflowError('baseline-failed', baseline.failure!.message, { exitCode: baseline.failure!.kind === 'model' ? 2 : 1 });
  const { objective, constraints } = prepareObjective(baseline.kpis, o.objective ?? 'costUsdPerKgProduct', o.direction, o.constraints ?? []);
  const budget = o.budget ?? defaultBudget(params.length);
  const seed = o.seed ?? 1;
  const restarts = o.restarts ?? 2;
  const start = params.map((p, i) => {
    const v = baseValues[i];
    return v === null || v === undefined ? 0.5 : Math.min(1, Math.max(0, unitOf(p, v)));
  });
  const evaluator = batchEvaluator(source, context, Math.max(1, o.workers ?? 1));
  try {
    const request = (values: readonly ParamValue[]): EvalRequest => ({ variant: '', patches: patchesOf(params, values).map(({ path, value }): Patch => ({ path, value })) });
    const result = await search<ParamValue[]>({
      dims: params.length,
      minStd: minStdOf(params),
      start,
      seeds: [start],
      decode: (u) => params.map((p, i) => valueAt(p, u[i]!)),
      key: (c) => JSON.stringify(c),
    }, (cands) => evaluator.evaluate(cands.map(request)), { seed, budget, restarts, objective, constraints, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
    if (result.history.every((h) => h.outcome.failure)) {
      const first = result.history[0]?.outcome.failure?.message.split('\n')[0] ?? 'none evaluated';
      throw new RegenflowError('all-evaluations-failed', msg.optimizeAllFailed(result.evaluations, first), { exitCode: 2 });
    }
    const bestValues = result.history[result.best]!.candidate;
    return optimizeResult({
      mode: 'conditions',
      scenario: base.id,
      file: o.file,
      flowsheet: base.flowsheet.id,
      objective,
      constraints,
      seed,
      budget,
      restarts,
      search: result,
      baseline: { params: paramRecord(params, baseValues), kpis: baseline.kpis },
      paramsOf: (c) => paramRecord(params, c),
      bounds: boundsAt(params, bestValues),
      extra: { parameters: params.map(({ text: _t, ...rest }) => rest) },
    });
  } finally {
    await evaluator.close();
  }
}

/** Overrides that set the best values (continuous values with their unit). */
export function bestOverrides(result: OptimizeResult<ConditionParams>, params: readonly Parameter[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const p of params) {
    const v = result.best.params[p.path];
    if (v !== null && v !== undefined) out[p.path] = patchValueOf(p, v);
  }
  return out;
}
