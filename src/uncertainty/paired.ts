/**
 * Paired route uncertainty (issue 14): one scenario through two flowsheets, evaluated on the SAME
 * samples (common random numbers: one sample matrix drawn from the seed, mapped onto each route —
 * inputs scoped to the other route stay at their base, relative inputs follow each route's base).
 * Per KPI, the distribution of the difference B − A sample by sample and the probability that B
 * beats A — far tighter than comparing two independent Monte Carlo runs, because the shared
 * uncertainty (prices, finance, feed) cancels. Each route is evaluated on its own worker pool; the
 * results are identical for a seed whatever the number of workers.
 */
import { loadRawScenario, type RawScenario } from '../pipeline/load.js';
import { resolveModel, type Model } from '../pipeline/resolve.js';
import { directionOf, kpiUnitOf, materialityOf, thresholdOf } from '../pipeline/kpi-info.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { UncertainInputSpec } from '../schema/uncertainty.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { readUncertainInputs, type UncertainInput } from './inputs.js';
import { scenarioKpis } from './evaluator.js';
import { startWorkerPool, defaultWorkers } from './pool.js';
import { monteCarlo, type MonteCarloResult } from './monte-carlo.js';
import { summarize, histogram, type Summary, type Histogram } from './statistics.js';
import { inScope, mappedEvaluator, routeMapping, routeTargets, type RouteMapping } from './scope.js';
import { rangeWarnings } from './ranges.js';
import { checkDeclarations, checkKpis, type ScenarioAnalysisOptions } from './scenario.js';
import type { SamplingMethod } from './sampling.js';

/** The difference B − A of one KPI over the paired samples. */
export interface PairedKpi {
  kpi: string;
  unit: string;
  /** 'higher' or 'lower' is better; 'none' for reference KPIs (no probabilities). */
  direction: 'higher' | 'lower' | 'none';
  /** Share of the paired samples where B is better than A (null for reference KPIs). */
  probabilityBetter: number | null;
  probabilityWorse: number | null;
  /** Share where B is better by at least the KPI's materiality threshold (pipeline/kpi-info.ts). */
  probabilityMateriallyBetter: number | null;
  probabilityMateriallyWorse: number | null;
  /** The materiality rule. */
  rule: string;
  /** KPI of each route's base scenario. */
  baseA: number | null;
  baseB: number | null;
  /** Statistics of B − A over the samples where both routes gave a value. */
  difference: Summary & { histogram: Histogram };
}

/** One route of a paired run. */
export interface PairedRoute {
  route: string;
  flowsheet: string;
  /** The route's Monte Carlo result on the shared samples (inputs scoped elsewhere: no correlation). */
  result: MonteCarloResult;
}

/** Result of `regenflow uncertainty <scenario> --flowsheet a --flowsheet b`. */
export interface PairedResult {
  analysis: 'paired-monte-carlo';
  scenario: string;
  file: string;
  method: SamplingMethod;
  seed: number;
  samples: number;
  /** Each input with the routes (flowsheet ids) it applies to. */
  inputs: { path: string; distribution: string; routes: string[] }[];
  routes: [PairedRoute, PairedRoute];
  paired: PairedKpi[];
  /** Input checks made before sampling, for both routes. */
  warnings: Diagnostic[];
}

/** Options of a paired run. */
export interface PairedOptions extends Omit<ScenarioAnalysisOptions, 'flowsheet'> {
  flowsheets: readonly string[];
  samples: number;
  seed: number;
  method?: SamplingMethod;
  /** Keep each route's raw samples in its result. */
  keepSamples?: boolean;
}

/** One route made ready. */
interface RouteSetup {
  flowsheet: string;
  raw: RawScenario;
  model: Model;
  mapping: RouteMapping;
}

/** Statistics of B − A per KPI from the per-sample KPI values of both routes. */
export function pairedStatistics(a: MonteCarloResult, b: MonteCarloResult, kpis: readonly string[]): PairedKpi[] {
  const da = a.sampleData!.kpis;
  const db = b.sampleData!.kpis;
  return kpis.filter((k) => da[k] && db[k]).map((kpi) => {
    const xa = da[kpi]!;
    const xb = db[kpi]!;
    const diff = new Float64Array(xa.length).fill(NaN);
    const direction = directionOf(kpi);
    let n = 0;
    let better = 0;
    let worse = 0;
    let mBetter = 0;
    let mWorse = 0;
    for (let i = 0; i < xa.length; i++) {
      const va = xa[i];
      const vb = xb[i];
      if (va === null || vb === null || va === undefined || vb === undefined) continue;
      const d = vb - va;
      diff[i] = d;
      n++;
      const sign = direction === 'higher' ? d : -d;
      const material = Math.abs(d) >= thresholdOf(kpi, va, vb);
      if (sign > 0) { better++; if (material) mBetter++; } else if (sign < 0) { worse++; if (material) mWorse++; }
    }
    const p = (c: number) => (direction === 'none' || n === 0 ? null : c / n);
    const base = (r: MonteCarloResult) => r.statistics.find((s) => s.kpi === kpi)?.base ?? null;
    return {
      kpi,
      unit: kpiUnitOf(kpi),
      direction,
      probabilityBetter: p(better),
      probabilityWorse: p(worse),
      probabilityMateriallyBetter: p(mBetter),
      probabilityMateriallyWorse: p(mWorse),
      rule: materialityOf(kpi).text,
      baseA: base(a),
      baseB: base(b),
      difference: { ...summarize(diff), histogram: histogram(diff) },
    };
  });
}

/** Read both routes and the inputs, check them, and say what was found (before any sampling). */
function setUp(o: PairedOptions): { routes: [RouteSetup, RouteSetup]; inputs: UncertainInput[]; warnings: Diagnostic[] } {
  if (o.flowsheets.length !== 2) throw new RegenflowError('paired-routes', msg.pairedNeedsTwo(o.flowsheets.length));
  const raws = o.flowsheets.map((f) => loadRawScenario(o.file, f));
  const models = raws.map((r) => resolveModel(r));
  const ids = models.map((m) => m.flowsheet.id);
  const all = readUncertainInputs(raws[0]!, o.params ?? []);
  const inputs = all.filter((i) => ids.some((r) => inScope(i, r, all)));
  if (inputs.length === 0) throw new RegenflowError('no-uncertain-inputs', msg.noUncertainInputs(), { place: { file: raws[0]!.scenario.file } });
  const routes = o.flowsheets.map((flowsheet, k) => {
    checkDeclarations(raws[k]!, inputs, models[k]!);
    return { flowsheet, raw: raws[k]!, model: models[k]!, mapping: routeMapping(models[k]!, inputs) };
  }) as [RouteSetup, RouteSetup];
  const warnings: Diagnostic[] = [
    ...routes.flatMap((r) => rangeWarnings(r.model, inputs)),
    ...all.filter((i) => !inputs.includes(i)).map((i) => ({ code: 'uncertain-input-other-route', severity: 'info' as const, where: i.origin.file, message: msg.routeNotRun(i.path, i.routes ?? [], ids) })),
  ];
  return { routes, inputs, warnings };
}

/** `regenflow uncertainty <scenario> --flowsheet a --flowsheet b`: both routes on the same samples. */
export async function scenarioPairedUncertainty(o: PairedOptions): Promise<PairedResult> {
  const { routes, inputs, warnings } = setUp(o);
  o.onWarnings?.(warnings);
  const bases = routes.map((r) => scenarioKpis(r.raw, []));
  const known = Object.keys(bases[0]!).filter((k) => k in bases[1]!);
  checkKpis(o.kpis, known);
  const specs = inputs.map((i) => i.spec as UncertainInputSpec);
  const method = o.method ?? 'mc';
  const results: MonteCarloResult[] = [];
  for (const [k, r] of routes.entries()) {
    const pool = startWorkerPool({ file: o.file, flowsheet: r.flowsheet }, { workers: Math.min(o.workers ?? defaultWorkers(), Math.max(1, o.samples)) }, () => r.raw);
    try {
      const res = await monteCarlo({
        inputs: specs,
        evaluator: mappedEvaluator(r.mapping, pool.evaluator(routeTargets(r.mapping))),
        samples: o.samples,
        seed: o.seed,
        method,
        base: bases[k]!,
        ...(o.kpis ? { kpis: o.kpis } : {}),
        scenario: r.model.id,
        file: o.file,
        keepSamples: true,
        ...(o.onProgress ? { onProgress: (done, total) => o.onProgress!(k * total + done, 2 * total) } : {}),
      });
      // An input scoped to the other route does not vary on this one: no correlation to report.
      res.correlations = res.correlations.map((c, idx) => (r.mapping.columns[Math.floor(idx / Math.max(1, res.kpis.length))]!.skipped ? { ...c, spearman: null } : c));
      results.push({ ...res, route: r.model.flowsheet.id });
    } finally {
      await pool.close();
    }
  }
  const [a, b] = results as [MonteCarloResult, MonteCarloResult];
  const kpis = a.kpis.filter((k) => b.kpis.includes(k));
  const paired = pairedStatistics(a, b, kpis);
  if (!o.keepSamples) for (const r of results) delete r.sampleData;
  return {
    analysis: 'paired-monte-carlo',
    scenario: routes[0].model.id,
    file: o.file,
    method,
    seed: o.seed,
    samples: o.samples,
    inputs: a.inputs.map((info, j) => ({ path: info.path, distribution: info.distribution, routes: routes.filter((r) => !r.mapping.columns[j]!.skipped).map((r) => r.model.flowsheet.id) })),
    routes: [{ route: routes[0].model.flowsheet.id, flowsheet: routes[0].flowsheet, result: a }, { route: routes[1].model.flowsheet.id, flowsheet: routes[1].flowsheet, result: b }],
    paired,
    warnings,
  };
}
