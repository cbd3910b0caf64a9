/**
 * What an optimisation evaluates, in a form every thread can rebuild: a ProblemSource (files
 * only, structured-cloneable) becomes a ProblemContext that turns an EvalRequest (a variant of the
 * scenario and patches on it) into an Outcome. The main thread and every worker build the same
 * context from the same files, so an outcome does not depend on where it was computed.
 *
 * Variants: the conditions search has one (the scenario, through its flowsheet or --flowsheet);
 * the allocation search has one per set of routes receiving material — a single route is the
 * scenario through that route's own flowsheet (so a single-route allocation is exactly that
 * route's run), two or more are the combined flowsheet of pipeline/combine.ts.
 */
import { loadRawScenario, type RawScenario } from '../pipeline/load.js';
import { resolveModel } from '../pipeline/resolve.js';
import { evaluate } from '../pipeline/evaluate.js';
import { kpisOf } from '../pipeline/document.js';
import type { Patch } from '../pipeline/patch.js';
import { combinedFlowsheet, routeLabels, withCombinedFlowsheet, type LotShares, type RouteFlowsheet } from '../pipeline/combine.js';
import { failureOf } from '../uncertainty/runner.js';
import type { Outcome } from './constraints.js';

/** The files of a problem (what a worker is started with). */
export type ProblemSource =
  | { mode: 'conditions'; file: string; flowsheet?: string }
  | { mode: 'allocation'; file: string; routes: string[] };

/** One evaluation: a variant of the scenario and the patches to apply. */
export interface EvalRequest {
  /** '' for the conditions search; the indices of the routes receiving material, e.g. "0,1". */
  variant: string;
  patches: Patch[];
}

/** Turns requests into outcomes. */
export interface ProblemContext {
  /** The scenario of a variant (read once, built once). */
  scenario(variant: string): RawScenario;
  /** Evaluate one request (never throws: failures are outcomes). */
  outcome(request: EvalRequest): Outcome;
  /** The routes of an allocation problem (empty otherwise). */
  routes: RouteFlowsheet[];
  /** Single-route scenarios, by route index (allocation only). */
  routeScenarios: RawScenario[];
}

/** Evaluate a scenario with patches into an outcome. */
export function outcomeOf(raw: RawScenario, patches: readonly Patch[]): Outcome {
  try {
    return { kpis: { ...kpisOf(evaluate(resolveModel(raw, patches), { mode: 'sample' })) }, failure: null };
  } catch (e) {
    const f = failureOf(e, 0);
    return { kpis: null, failure: { kind: f.kind, message: f.message } };
  }
}

/** Name of the combined flowsheet of some routes, as messages show it. */
export function combinedName(routes: readonly RouteFlowsheet[]): string {
  return `combined flowsheet of ${routes.map((r) => r.file).join(' + ')}`;
}

/** Build the context of a problem (reads every file; throws input errors with their places). */
export function problemContext(source: ProblemSource): ProblemContext {
  if (source.mode === 'conditions') {
    const raw = loadRawScenario(source.file, source.flowsheet);
    return { scenario: () => raw, outcome: (r) => outcomeOf(raw, r.patches), routes: [], routeScenarios: [] };
  }
  const routeScenarios = source.routes.map((f) => loadRawScenario(source.file, f));
  const labels = routeLabels(routeScenarios.map((r) => String((r.flowsheet.data as { id?: unknown }).id ?? 'route')));
  const routes: RouteFlowsheet[] = routeScenarios.map((r, i) => ({ label: labels[i]!, file: source.routes[i]!, data: r.flowsheet.data as Record<string, unknown> }));
  const variants = new Map<string, RawScenario>();
  const scenario = (variant: string): RawScenario => {
    let raw = variants.get(variant);
    if (!raw) {
      const active = variant.split(',').map(Number);
      if (active.length === 1) raw = routeScenarios[active[0]!]!;
      else {
        const chosen = active.map((i) => routes[i]!);
        raw = withCombinedFlowsheet(routeScenarios[0]!, chosen, combinedFlowsheet(chosen, {} as LotShares), combinedName(chosen));
      }
      variants.set(variant, raw);
    }
    return raw;
  };
  return { scenario, outcome: (r) => outcomeOf(scenario(r.variant), r.patches), routes, routeScenarios };
}
