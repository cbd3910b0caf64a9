/**
 * `regenflow optimize <scenario> --route a.yaml --route b.yaml`: how to split each feed lot
 * between parallel routes — one plant with a line per route, each line sized for what it receives
 * (pipeline/combine.ts). The response is not linear (equipment counts are whole numbers, costs
 * scale with size to a power below 1, a line's quality can depend on its mix), so the same search
 * as for operating conditions is used, over the lots' shares:
 *
 * - variables: per feed lot, R − 1 stick-breaking coordinates in [0, 1] (share of route 1 = v₁,
 *   of route 2 = (1 − v₁)·v₂, …, the last route takes the rest), so every point of the box is a
 *   valid allocation; shares are rounded to 10⁻⁶ and a route whose shares are all 0 is not built;
 * - dead zones: the lowest and highest tenth of each coordinate stand for exactly 0 and 1
 *   (v = (u − 0.1)/0.8, clipped). Building a line for a trickle costs a whole line, so a pure
 *   assignment is a needle among mixed ones; CMA-ES cannot hit a single point, but it finds and
 *   keeps a plateau of finite volume;
 * - seeds: every pure assignment of lots to routes when there are at most 64 of them (else the R
 *   single-route plants), evaluated before the search — so the R single-route plants are always
 *   candidates and the result is never worse than the better of them; CMA-ES then starts from the
 *   best pure assignment and explores mixed shares.
 */
import { resolveModel } from '../pipeline/resolve.js';
import { SPLIT_UNIT, type LotShares } from '../pipeline/combine.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { resolve as resolvePath } from 'node:path';
import { search } from './search.js';
import { prepareObjective, compareAssessments, assess } from './constraints.js';
import { problemContext, type EvalRequest, type ProblemSource } from './problem.js';
import { batchEvaluator } from './workers.js';
import { optimizeResult, type OptimizeResult } from './result.js';
import { defaultBudget, type SearchSettings } from './conditions.js';

/** Options of the allocation search. */
export interface AllocationOptions extends SearchSettings {
  file: string;
  routes: readonly string[];
}

/** Shares of every lot (rows, feed order) over every route (columns, --route order). */
export type ShareMatrix = number[][];

/** One line of the reported allocation. */
export interface AllocationLine {
  lot: string;
  route: string;
  share: number;
}

/** Most pure assignments evaluated as seeds. */
export const MAX_PURE_SEEDS = 64;

const round6 = (x: number) => Number(x.toFixed(6));

/** Width of the dead zone at each end of a stick coordinate (see the module comment). */
export const DEAD_ZONE = 0.1;

/** Shares of one lot from its stick-breaking coordinates (unit box, dead zones applied). */
export function sharesFromSticks(u: readonly number[]): number[] {
  const out: number[] = [];
  let rest = 1;
  for (const x of u) {
    const v = Math.min(1, Math.max(0, (x - DEAD_ZONE) / (1 - 2 * DEAD_ZONE)));
    const s = round6(rest * v);
    out.push(s);
    rest = round6(rest - s);
  }
  out.push(rest);
  return out;
}

/** Stick-breaking coordinates (unit box) of one lot's shares: 0 and 1 for pure shares, 0.5 where a coordinate does not matter. */
export function sticksFromShares(shares: readonly number[]): number[] {
  const out: number[] = [];
  let rest = 1;
  for (let r = 0; r < shares.length - 1; r++) {
    const v = rest > 0 ? Math.min(1, shares[r]! / rest) : 0.5;
    out.push(v === 0 || v === 1 ? v : DEAD_ZONE + v * (1 - 2 * DEAD_ZONE));
    rest -= shares[r]!;
  }
  return out;
}

/** Every assignment of L lots to one of R routes (lots vary fastest by their order), or null when there are more than `max`. */
export function pureAssignments(lots: number, routes: number, max = MAX_PURE_SEEDS): number[][] | null {
  if (routes ** lots > max) return null;
  const out: number[][] = [];
  for (let k = 0; k < routes ** lots; k++) out.push(Array.from({ length: lots }, (_, l) => Math.floor(k / routes ** l) % routes));
  return out;
}

/** The request evaluating an allocation. */
export function allocationRequest(shares: ShareMatrix, lots: readonly string[], labels: readonly string[]): EvalRequest {
  const active = labels.map((_, r) => r).filter((r) => shares.some((row) => row[r]! > 0));
  if (active.length === 1) return { variant: String(active[0]), patches: [] };
  return { variant: active.join(','), patches: [{ path: `${SPLIT_UNIT}.lotFractions`, value: lotShares(shares, lots, labels) }] };
}

/** The splitter's lotFractions of an allocation (zero shares left out). */
export function lotShares(shares: ShareMatrix, lots: readonly string[], labels: readonly string[]): LotShares {
  const out: LotShares = {};
  lots.forEach((lot, l) => {
    const row: Record<string, number> = {};
    labels.forEach((label, r) => { if (shares[l]![r]! > 0) row[label] = shares[l]![r]!; });
    out[lot] = row;
  });
  return out;
}

/** Run the allocation search. */
export async function optimizeAllocation(o: AllocationOptions): Promise<OptimizeResult<LotShares>> {
  if (o.routes.length < 2) throw new RegenflowError('routes-too-few', msg.routesTooFew(o.routes.length));
  const seen = new Set<string>();
  for (const r of o.routes) {
    const abs = resolvePath(r);
    if (seen.has(abs)) throw new RegenflowError('route-twice', msg.routeTwice(r));
    seen.add(abs);
  }
  const source: ProblemSource = { mode: 'allocation', file: o.file, routes: [...o.routes] };
  const context = problemContext(source);
  const models = context.routeScenarios.map((raw) => resolveModel(raw));
  const labels = context.routes.map((r) => r.label);
  const lots = models[0]!.feed.lots.map((l) => l.id);
  const R = labels.length;
  const L = lots.length;
  const single = (r: number): ShareMatrix => lots.map(() => labels.map((_, k) => (k === r ? 1 : 0)));
  // The KPI names come from the first route's plant (every route's run document has the same KPIs).
  const first = context.outcome(allocationRequest(single(0), lots, labels));
  if (!first.kpis) throw new RegenflowError('baseline-failed', first.failure!.message, { exitCode: first.failure!.kind === 'model' ? 2 : 1 });
  const { objective, constraints } = prepareObjective(first.kpis, o.objective ?? 'npvUsd', o.direction, o.constraints ?? []);
  const budget = o.budget ?? defaultBudget(L * (R - 1));
  const seed = o.seed ?? 1;
  const restarts = o.restarts ?? 2;
  const pure = pureAssignments(L, R) ?? labels.map((_, r) => lots.map(() => r));
  const toU = (m: ShareMatrix) => m.flatMap((row) => sticksFromShares(row));
  const seeds = [...labels.map((_, r) => toU(single(r))), ...pure.map((a) => toU(lots.map((_, l) => labels.map((__, r) => (a[l] === r ? 1 : 0)))))];
  const decode = (u: readonly number[]): ShareMatrix => lots.map((_, l) => sharesFromSticks(u.slice(l * (R - 1), (l + 1) * (R - 1))));
  const evaluator = batchEvaluator(source, context, Math.max(1, o.workers ?? 1));
  try {
    const result = await search<ShareMatrix>({
      dims: L * (R - 1),
      minStd: new Array<number>(L * (R - 1)).fill(0),
      seeds,
      decode,
      key: (c) => JSON.stringify(c),
    }, (cands) => evaluator.evaluate(cands.map((c) => allocationRequest(c, lots, labels))), { seed, budget: Math.max(budget, seeds.length + 1), restarts, objective, constraints, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
    // The single-route plants were the first seeds: their KPIs are in the history.
    const singles = labels.map((_, r) => result.history.find((h) => JSON.stringify(h.candidate) === JSON.stringify(single(r)))!);
    const bestSingle = singles.reduce((a, b) => (compareAssessments(assess(b.outcome, objective, constraints), assess(a.outcome, objective, constraints), objective.direction) < 0 ? b : a));
    const best = result.history[result.best]!.candidate;
    const allocation: AllocationLine[] = lots.flatMap((lot, l) => labels.map((route, r) => ({ lot, route, share: best[l]![r]! })));
    return optimizeResult({
      mode: 'allocation',
      scenario: models[0]!.id,
      file: o.file,
      flowsheet: labels.filter((_, r) => best.some((row) => row[r]! > 0)).join(' + '),
      objective,
      constraints,
      seed,
      budget: Math.max(budget, seeds.length + 1),
      restarts,
      search: result,
      baseline: { params: lotShares(bestSingle.candidate, lots, labels), kpis: bestSingle.outcome.kpis },
      paramsOf: (c) => lotShares(c, lots, labels),
      bounds: [],
      extra: {
        baselineRoute: labels[singles.indexOf(bestSingle)],
        routes: labels.map((label, r) => ({ route: label, file: o.routes[r], kpis: singles[r]!.outcome.kpis, failure: singles[r]!.outcome.failure?.message ?? null })),
        lots,
        allocation,
      },
    });
  } finally {
    await evaluator.close();
  }
}
