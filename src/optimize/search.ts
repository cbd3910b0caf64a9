/**
 * The search: IPOP-CMA-ES (A. Auger & N. Hansen, "A restart CMA evolution strategy with
 * increasing population size", CEC 2005) over the unit box of a problem, with a fixed budget of
 * model evaluations. The box is handled by box.ts, candidates are decoded by the problem, each
 * generation is evaluated as one batch (in this thread or on workers) and ranked by
 * constraints.ts. Seeded and order-independent: the random stream is drawn only here, in a fixed
 * order, and outcomes are matched to candidates by position — so the same seed gives the same
 * search and the same optimum for any number of workers.
 *
 * A run stops when its step size has shrunk below 10⁻⁵ of the box (continuous coordinates) or it
 * has not improved by more than 10⁻⁷ (relative) for 10 + ⌈30n/λ⌉ generations (Hansen's TolX and
 * TolFun/stagnation criteria); then a
 * new run starts from a random point with twice the population, up to `restarts` times. The
 * search stops when the budget is spent or the last run has converged. Identical candidates
 * (after rounding and discrete levels) are evaluated once.
 */
import { createRandom } from '../uncertainty/random.js';
import { Cmaes } from './cmaes.js';
import { fromBox, toBox } from './box.js';
import { assess, compareAssessments, type Assessment, type Constraint, type Objective, type Outcome } from './constraints.js';

/** What the search optimises over: a box of `dims` unit coordinates and how to read a point. */
export interface SearchSpace<C> {
  dims: number;
  /** Smallest standard deviation per coordinate (discrete levels; 0 for continuous). */
  minStd: readonly number[];
  /** Where the first run starts (unit box); default: the best of the seeds. */
  start?: readonly number[];
  /** Points evaluated before the search (e.g. the baseline, the single-route allocations). */
  seeds?: readonly (readonly number[])[];
  /** The candidate a point of the unit box stands for. */
  decode(u: readonly number[]): C;
  /** Identity of a candidate: equal keys are evaluated once. */
  key(c: C): string;
}

/** Evaluates a batch of candidates; outcomes in the same order. */
export type BatchEvaluate<C> = (candidates: readonly C[]) => Promise<Outcome[]>;

/** Settings of the search. */
export interface SearchOptions {
  seed: number;
  /** Most model evaluations. */
  budget: number;
  /** IPOP restarts after the first run (default 2). */
  restarts?: number;
  /** Population of the first run (default 4 + ⌊3 ln n⌋). */
  lambda?: number;
  objective: Objective;
  constraints: readonly Constraint[];
  onProgress?: (done: number, total: number) => void;
}

/** One evaluated candidate. */
export interface HistoryEntry<C> {
  /** 1-based count of the evaluation. */
  evaluation: number;
  /** 0 for the seeds, then the CMA-ES run (1, 2, …). */
  run: number;
  generation: number;
  candidate: C;
  outcome: Outcome;
  assessment: Assessment;
}

/** How one CMA-ES run went. */
export interface RunSummary {
  run: number;
  lambda: number;
  generations: number;
  stop: 'tolx' | 'stagnation' | 'diverged' | 'budget';
}

/** Result of the search. */
export interface SearchResult<C> {
  history: HistoryEntry<C>[];
  /** Index in history of the best candidate (Deb order, earliest among ties); -1 when none was evaluated. */
  best: number;
  evaluations: number;
  runs: RunSummary[];
  stopReason: 'budget' | 'converged';
}

/** Tolerance on the step size (unit box) at which a run has converged. */
export const TOL_X = 1e-5;

/** Relative change of the objective below which a run counts as not improving (stagnation). */
export const TOL_FUN = 1e-7;

/** Run the search. */
export async function search<C>(space: SearchSpace<C>, evaluate: BatchEvaluate<C>, o: SearchOptions): Promise<SearchResult<C>> {
  const rng = createRandom(o.seed);
  const history: HistoryEntry<C>[] = [];
  const known = new Map<string, number>();
  const restarts = o.restarts ?? 2;
  let best = -1;
  const ranksBefore = (a: number, b: number) => compareAssessments(history[a]!.assessment, history[b]!.assessment, o.objective.direction) < 0;
  /** A real improvement: better, and for two feasible points by more than TOL_FUN relative. */
  const improves = (a: number, b: number) => {
    const x = history[a]!.assessment;
    const y = history[b]!.assessment;
    if (x.rankClass === 0 && y.rankClass === 0) return ranksBefore(a, b) && Math.abs(x.objective! - y.objective!) > TOL_FUN * Math.max(Math.abs(x.objective!), Math.abs(y.objective!));
    return ranksBefore(a, b);
  };

  /** Evaluate candidates not seen before (within the budget); the history index of each, or -1 when the budget ran out first. */
  const evaluateAll = async (cands: readonly C[], run: number, generation: number): Promise<number[]> => {
    const out = new Array<number>(cands.length).fill(-1);
    const fresh: { key: string; cand: C; at: number[] }[] = [];
    const pending = new Map<string, number>();
    cands.forEach((c, i) => {
      const key = space.key(c);
      const seen = known.get(key);
      if (seen !== undefined) { out[i] = seen; return; }
      const p = pending.get(key);
      if (p !== undefined) { fresh[p]!.at.push(i); return; }
      if (history.length + fresh.length >= o.budget) return;
      pending.set(key, fresh.length);
      fresh.push({ key, cand: c, at: [i] });
    });
    if (fresh.length === 0) return out;
    const outcomes = await evaluate(fresh.map((f) => f.cand));
    fresh.forEach((f, j) => {
      const outcome = outcomes[j]!;
      const index = history.length;
      history.push({ evaluation: index + 1, run, generation, candidate: f.cand, outcome, assessment: assess(outcome, o.objective, o.constraints) });
      known.set(f.key, index);
      for (const i of f.at) out[i] = index;
      if (best < 0 || ranksBefore(index, best)) best = index;
    });
    o.onProgress?.(history.length, o.budget);
    return out;
  };

  let start = space.start;
  if (space.seeds?.length) {
    const at = await evaluateAll(space.seeds.map((u) => space.decode(u)), 0, 0);
    let pick = -1;
    at.forEach((h, i) => { if (h >= 0 && (pick < 0 || ranksBefore(h, at[pick]!))) pick = i; });
    if (!start && pick >= 0) start = space.seeds[pick];
  }

  const runs: RunSummary[] = [];
  const n = space.dims;
  const minStd = space.minStd;
  let lambda = o.lambda ?? 4 + Math.floor(3 * Math.log(n));
  for (let r = 0; r <= restarts && history.length < o.budget; r++, lambda *= 2) {
    const startU = r === 0 && start ? start : Array.from({ length: n }, () => rng.uniform());
    const cma = new Cmaes({ mean: startU.map(fromBox), sigma: 0.3, lambda, minStd });
    const patience = 10 + Math.ceil((30 * n) / lambda);
    let runBest = -1;
    let sinceImproved = 0;
    let stop: RunSummary['stop'] | null = null;
    while (!stop) {
      if (history.length >= o.budget) { stop = 'budget'; break; }
      const gen = cma.ask(rng);
      const cands = gen.x.map((x) => space.decode(x.map(toBox)));
      const at = await evaluateAll(cands, r + 1, cma.generation + 1);
      if (at.some((i) => i < 0)) { stop = 'budget'; break; }
      const order = at.map((_, i) => i).sort((a, b) => compareAssessments(history[at[a]!]!.assessment, history[at[b]!]!.assessment, o.objective.direction) || a - b);
      cma.tell(gen, order);
      const genBest = at[order[0]!]!;
      if (runBest < 0 || improves(genBest, runBest)) sinceImproved = 0;
      else sinceImproved++;
      if (runBest < 0 || ranksBefore(genBest, runBest)) runBest = genBest;
      const continuous = minStd.some((s) => !(s > 0));
      if (continuous && cma.maxContinuousStd() < TOL_X && (minStd.every((s) => !(s > 0)) || sinceImproved > 0)) stop = 'tolx';
      else if (sinceImproved >= patience) stop = 'stagnation';
      else if (cma.maxStd() > 1e4 || cma.condition() > 1e14) stop = 'diverged';
    }
    runs.push({ run: r + 1, lambda, generations: cma.generation, stop });
  }
  const stopReason = history.length >= o.budget || runs.some((x) => x.stop === 'budget') ? 'budget' : 'converged';
  return { history, best, evaluations: history.length, runs, stopReason };
}
