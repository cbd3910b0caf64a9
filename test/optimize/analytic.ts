/**
 * Analytic problems for the optimiser tests: objectives with a known optimum, evaluated through
 * the same machinery as the plant (parameter space → search → Deb ranking → result), with KPIs
 * computed by a formula instead of a plant evaluation.
 */
import { search, type SearchResult } from '../../src/optimize/search.js';
import { valueAt, minStdOf, unitOf, readVary, type Parameter, type ParamValue } from '../../src/optimize/space.js';
import { prepareObjective, type Direction } from '../../src/optimize/constraints.js';
import type { Outcome } from '../../src/optimize/constraints.js';

/** A parameter from a --vary text (throws on a syntax error). */
export function param(text: string): Parameter {
  const p = readVary(text);
  if ('error' in p) throw new Error(p.error);
  return p;
}

/** KPIs of a point, or a thrown Error for a failed evaluation. */
export type Formula = (v: ParamValue[]) => Record<string, number | null>;

/** Run the search over `params` with KPIs from `formula`. */
export async function solveAnalytic(params: Parameter[], formula: Formula, o: { kpi?: string; direction?: Direction; constraints?: string[]; seed?: number; budget?: number; start?: ParamValue[]; restarts?: number } = {}): Promise<SearchResult<ParamValue[]>> {
  const kpi = o.kpi ?? 'f';
  const probe = formula(params.map((p) => valueAt(p, 0.5)));
  const { objective, constraints } = prepareObjective({ ...probe, [kpi]: probe[kpi] ?? 0 }, kpi, o.direction ?? 'minimize', o.constraints ?? []);
  return search<ParamValue[]>({
    dims: params.length,
    minStd: minStdOf(params),
    start: o.start ? params.map((p, i) => unitOf(p, o.start![i]!)) : params.map(() => 0.5),
    ...(o.start ? { seeds: [params.map((p, i) => unitOf(p, o.start![i]!))] } : {}),
    decode: (u) => params.map((p, i) => valueAt(p, u[i]!)),
    key: (c) => JSON.stringify(c),
  }, async (cands) => cands.map((c): Outcome => {
    try {
      return { kpis: formula(c), failure: null };
    } catch (e) {
      return { kpis: null, failure: { kind: 'model', message: (e as Error).message } };
    }
  }), { seed: o.seed ?? 1, budget: o.budget ?? 400, restarts: o.restarts ?? 2, objective, constraints });
}

/** The best candidate's values. */
export function bestOf(r: SearchResult<ParamValue[]>): ParamValue[] {
  return r.history[r.best]!.candidate;
}
