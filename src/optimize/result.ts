/**
 * The optimisation result (the JSON of `regenflow optimize --json`; DESIGN.md contract: baseline,
 * best, evaluations, constraintsSatisfied, binding, history, and allocation with --route), built
 * from a search's history.
 *
 * Binding: a constraint is binding when the optimum sits on it (slack within 1 % of its scale)
 * and the history holds a point with a better objective that violates it — it holds the optimum
 * back. A bound is binding when the optimum's value lies on it (within 10⁻³ of the range for a
 * continuous parameter, at the end value for an integer one).
 */
import { msg } from '../schema/messages.js';
import { better, kpiNumber, type Constraint, type Objective } from './constraints.js';
import type { SearchResult, HistoryEntry } from './search.js';

/** Parameters and KPIs of one point. */
export interface PointReport<P> {
  params: P;
  kpis: Record<string, unknown> | null;
}

/** One binding constraint or bound. */
export type Binding =
  | { type: 'constraint'; constraint: string; kpi: string; value: number | null; limit: number; slack: number | null; betterObjectiveBeyond: number }
  | { type: 'bound'; path: string; bound: 'lower' | 'upper'; value: number };

/** A history line as reported. */
export interface HistoryLine<P> {
  evaluation: number;
  run: number;
  generation: number;
  params: P;
  objective: number | null;
  feasible: boolean;
  violation: number | null;
  failure: string | null;
}

/** Result of `regenflow optimize`. */
export interface OptimizeResult<P = unknown> {
  mode: 'conditions' | 'allocation';
  scenario: string;
  file: string;
  flowsheet: string;
  objective: Objective;
  constraints: { text: string; kpi: string; op: string; value: number }[];
  optimizer: {
    method: string;
    seed: number;
    budget: number;
    restarts: number;
    runs: SearchResult<unknown>['runs'];
    stopReason: SearchResult<unknown>['stopReason'];
  };
  baseline: PointReport<P>;
  best: PointReport<P> & { objective: number | null; feasible: boolean };
  evaluations: number;
  failedEvaluations: number;
  constraintsSatisfied: boolean;
  binding: Binding[];
  /** Objective at the baseline and at the optimum, and the change (best − baseline). */
  improvement: { baseline: number | null; best: number | null; change: number | null };
  /** Warnings for the user (no feasible point, failed evaluations). */
  warnings: string[];
  history: HistoryLine<P>[];
  [extra: string]: unknown;
}

/** Everything the common part of a result needs. */
export interface ResultInput<C, P> {
  mode: OptimizeResult['mode'];
  scenario: string;
  file: string;
  flowsheet: string;
  objective: Objective;
  constraints: readonly Constraint[];
  seed: number;
  budget: number;
  restarts: number;
  search: SearchResult<C>;
  baseline: PointReport<P>;
  paramsOf(c: C): P;
  bounds: Binding[];
  /** Mode-specific fields added to the result (parameters; routes and allocation). */
  extra?: Record<string, unknown>;
}

/** Constraints binding at the best point of a search. */
export function bindingConstraints<C>(history: readonly HistoryEntry<C>[], best: HistoryEntry<C>, objective: Objective, constraints: readonly Constraint[]): Binding[] {
  const out: Binding[] = [];
  const bestObjective = best.assessment.objective;
  constraints.forEach((c, i) => {
    const v = kpiNumber(best.outcome.kpis, c.kpi);
    const slack = v === null ? null : c.op === '>=' ? v - c.value : c.value - v;
    const beyond = history.filter((h) => h.assessment.rankClass === 1 && h.assessment.violations[i]! > 0 && h.assessment.objective !== null && bestObjective !== null && better(h.assessment.objective, bestObjective, objective.direction)).length;
    if (slack !== null && slack >= 0 && slack <= 0.01 * c.scale && beyond > 0) out.push({ type: 'constraint', constraint: c.text, kpi: c.kpi, value: v, limit: c.value, slack, betterObjectiveBeyond: beyond });
  });
  return out;
}

/** Assemble the result of a search. */
export function optimizeResult<C, P>(r: ResultInput<C, P>): OptimizeResult<P> {
  const s = r.search;
  const best = s.history[s.best];
  const failed = s.history.filter((h) => h.outcome.failure).length;
  const warnings: string[] = [];
  if (failed > 0) {
    const first = s.history.find((h) => h.outcome.failure)!;
    warnings.push(msg.optimizeSomeFailed(failed, s.evaluations, first.outcome.failure!.message.split('\n')[0]!));
  }
  const feasible = best?.assessment.feasible ?? false;
  if (best && !feasible) warnings.push(msg.optimizeNoFeasible(r.constraints.map((c, i) => `${c.text}: off by ${Number(best.assessment.violations[i]!.toPrecision(4))}`).join('; ') || 'the objective is missing'));
  const baselineObjective = kpiNumber(r.baseline.kpis, r.objective.kpi);
  const bestObjective = best?.assessment.objective ?? null;
  return {
    mode: r.mode,
    scenario: r.scenario,
    file: r.file,
    flowsheet: r.flowsheet,
    objective: r.objective,
    constraints: r.constraints.map((c) => ({ text: c.text, kpi: c.kpi, op: c.op, value: c.value })),
    optimizer: { method: 'IPOP-CMA-ES (Hansen 2016; Auger & Hansen 2005), Deb feasibility ranking', seed: r.seed, budget: r.budget, restarts: r.restarts, runs: s.runs, stopReason: s.stopReason },
    baseline: r.baseline,
    best: { params: best ? r.paramsOf(best.candidate) : r.baseline.params, kpis: best?.outcome.kpis ?? null, objective: bestObjective, feasible },
    evaluations: s.evaluations,
    failedEvaluations: failed,
    constraintsSatisfied: feasible,
    binding: best ? [...bindingConstraints(s.history, best, r.objective, r.constraints), ...r.bounds] : [],
    improvement: { baseline: baselineObjective, best: bestObjective, change: baselineObjective !== null && bestObjective !== null ? bestObjective - baselineObjective : null },
    warnings,
    history: s.history.map((h) => ({
      evaluation: h.evaluation,
      run: h.run,
      generation: h.generation,
      params: r.paramsOf(h.candidate),
      objective: h.assessment.objective,
      feasible: h.assessment.feasible,
      violation: Number.isFinite(h.assessment.violation) ? h.assessment.violation : null,
      failure: h.outcome.failure ? h.outcome.failure.message.split('\n')[0]! : null,
    })),
    ...(r.extra ?? {}),
  };
}
