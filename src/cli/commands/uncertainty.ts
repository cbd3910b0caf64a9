/**
 * `regenflow uncertainty`, `regenflow tornado` and `regenflow sobol` (issue 8): thin commands over
 * src/uncertainty/scenario.ts. Text tables by default, one JSON document on stdout with --json;
 * a progress bar on stderr only when stderr is a terminal; failed evaluations are counted and
 * reported on stderr (exit 0 when some failed, 2 when all did).
 */
import type { Argv, CommandModule } from 'yargs';
import { RegenflowError } from '../../schema/errors.js';
import { msg } from '../../schema/messages.js';
import { DISTRIBUTIONS } from '../../schema/uncertainty.js';
import { isSeed } from '../../uncertainty/random.js';
import { defaultWorkers } from '../../uncertainty/pool.js';
import { progressBar } from '../../uncertainty/progress.js';
import { firstFailureText, type FailureReport } from '../../uncertainty/report.js';
import { scenarioUncertainty, scenarioTornado, scenarioSobol } from '../../uncertainty/scenario.js';
import { scenarioPairedUncertainty, type PairedResult } from '../../uncertainty/paired.js';
import type { Diagnostic } from '../../unit-ops/contract.js';
import { headlineKpis } from '../../pipeline/kpi-info.js';
import { amountText } from '../explain-text.js';
import type { MonteCarloResult } from '../../uncertainty/monte-carlo.js';
import type { TornadoResult } from '../../uncertainty/tornado.js';
import type { SobolResult } from '../../uncertainty/sobol.js';
import type { SamplingMethod } from '../../uncertainty/sampling.js';
import { num, table } from '../output.js';
import { kpiUnitOf, thresholdOf } from '../../pipeline/kpi-info.js';
import type { CommandContext } from './context.js';
import { loadRawScenario } from '../../pipeline/load.js';
import { resolveModel } from '../../pipeline/resolve.js';
import { evaluate } from '../../pipeline/evaluate.js';
import type { UncertaintyResults } from '../../export/workbook.js';
import { checkWorkbookPath, writeWorkbook } from './run.js';

const PARAM_HELP = `uncertain input <path>=<dist>:<parameters> [unit] (repeat the option for several); dists: ${DISTRIBUTIONS.join(', ')} — uniform:min:max, triangular:min:mode:max, normal:mean:sd[:min:max], lognormal:mean:sd, pert:min:mode:max[:lambda], discrete:v1,v2[:p1,p2]; e.g. "relith.temperature=triangular:200:220:240 degC". Replaces the scenario's declaration of the same path`;

function common(y: Argv): Argv {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
    .option('param', { type: 'string', describe: PARAM_HELP })
    .option('kpi', { type: 'string', describe: 'report only this KPI (repeatable; default: every numeric KPI)' })
    .option('flowsheet', { type: 'string', array: true, describe: "use this flowsheet instead of the scenario's (uncertainty: give two to compare routes on the same samples)" })
    .option('json', { type: 'boolean', default: false, describe: 'print the result as one JSON document on stdout' })
    .option('out', { type: 'string', describe: 'also write the Excel workbook (.xlsx): the base run with the Monte Carlo, Sensitivity or Sobol sheet' });
}

/** Check --out before the (long) analysis runs. */
function outOption(a: Record<string, unknown>): string | undefined {
  const out = a.out as string | undefined;
  if (out !== undefined) checkWorkbookPath(out);
  return out;
}

/** The --flowsheet values (yargs gives an array once `array: true`). */
function flowsheets(a: Record<string, unknown>): string[] {
  return many(a.flowsheet);
}

/** The one --flowsheet of tornado and sobol (more is an input error). */
function oneFlowsheet(a: Record<string, unknown>, command: string): string | undefined {
  const f = flowsheets(a);
  if (f.length > 1) throw new RegenflowError('bad-option', msg.oneFlowsheetOnly(command, f.length));
  return f[0];
}

/** Write the workbook of the base scenario(s) with the analysis sheets (atomically), and say so. */
async function writeAnalysisWorkbook(ctx: CommandContext, a: Record<string, unknown>, out: string | undefined, results: UncertaintyResults): Promise<void> {
  if (out === undefined) return;
  const routes = flowsheets(a);
  const evs = (routes.length ? routes : [undefined]).map((f) => evaluate(resolveModel(loadRawScenario(a.scenario as string, f))));
  await writeWorkbook(out, evs, { uncertainty: results });
  (a.json ? ctx.io.err : ctx.io.out)(`wrote ${out}`);
}

function integerOption(value: unknown, ok: (n: number) => boolean, error: (v: unknown) => string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || !ok(n)) throw new RegenflowError('bad-option', error(typeof value === 'number' && Number.isFinite(value) ? value : String(value)));
  return n;
}

function workersOption(value: unknown): number {
  if (value === undefined) return defaultWorkers();
  return integerOption(value, (n) => n >= 1 && n <= 64, msg.badWorkers);
}

/** Read a range given as a percentage — "20%", "20 %" or "20" — into a fraction (0.2). */
export function readRange(value: unknown): number {
  const text = String(value).trim();
  const m = /^([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*%?$/.exec(text);
  const pct = m ? Number(m[1]) : NaN;
  if (!(pct > 0 && pct < 100)) throw new RegenflowError('bad-option', msg.badRange(value));
  return pct / 100;
}

function reportFailures(ctx: CommandContext, f: FailureReport): void {
  if (f.count > 0) ctx.io.err(`warning: ${msg.samplesFailed(f.count, f.evaluations, firstFailureText(f))}`);
}

const r3 = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function failureLine(f: FailureReport): string {
  if (f.count === 0) return `Failed evaluations: none of ${f.evaluations}`;
  return `Failed evaluations: ${f.count} of ${f.evaluations} (model ${f.byKind.model}, invalid sampled input ${f.byKind.input}, internal ${f.byKind.internal}) — left out of the statistics`;
}

/** Text report of a Monte Carlo result. */
export function monteCarloText(r: MonteCarloResult): string {
  const out: string[] = [];
  out.push(`Uncertainty — scenario ${r.scenario ?? '?'} (${r.file ?? ''}): ${r.samples} samples, ${r.method === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'}, seed ${r.seed}`);
  out.push('');
  out.push(table([
    ['input', 'distribution', 'P5', 'P50', 'P95'],
    ...r.inputs.map((i) => [i.path, i.distribution, num(i.sampled.p5), num(i.sampled.p50), num(i.sampled.p95)]),
  ], [false, false, true, true, true]));
  out.push('');
  out.push(table([
    ['KPI', 'base', 'mean', 'sd', 'P5', 'P50', 'P95', 'n'],
    ...r.statistics.map((s) => [s.kpi, num(s.base), num(s.mean), num(s.sd), num(s.p5), num(s.p50), num(s.p95), String(s.n)]),
  ]));
  if (r.probabilityNpvPositive !== null) out.push('', `P(NPV > 0) = ${r.probabilityNpvPositive.toFixed(3)}`);
  // A KPI whose P5–P95 spread is below its materiality threshold is noise: its correlations are not shown.
  const spread = (k: string) => {
    const s = r.statistics.find((x) => x.kpi === k);
    return s && s.p5 !== null && s.p95 !== null ? s.p95 - s.p5 >= thresholdOf(k, s.p5, s.p95) && s.p95 > s.p5 : false;
  };
  const correlated = r.kpis.filter((k) => r.correlations.some((c) => c.kpi === k && c.spearman !== null));
  const varying = correlated.filter(spread);
  const noise = correlated.filter((k) => !spread(k));
  if (noise.length > 0) out.push('', `No material spread (P5–P95 below 1 % of the values, 0.5 pp for shares), correlations not shown: ${noise.join(', ')}`);
  if (varying.length > 0) {
    out.push('', 'Spearman rank correlation (input × KPI)');
    out.push(table([
      ['input', ...varying],
      ...r.inputs.map((i) => [i.path, ...varying.map((k) => r3(r.correlations.find((c) => c.input === i.path && c.kpi === k)?.spearman ?? null))]),
    ]));
  }
  out.push('', failureLine(r.failures));
  return out.join('\n');
}

/** Text report of a paired route run: the difference B − A per KPI and the probability that B is better. */
export function pairedText(r: PairedResult, allKpis = false): string {
  const [a, b] = r.routes;
  const out: string[] = [];
  out.push(`Paired uncertainty — scenario ${r.scenario} (${r.file}): A = ${a.route}, B = ${b.route}; ${r.samples} samples (${r.method === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'}, seed ${r.seed}), the same samples for both routes`);
  out.push('');
  out.push(table([['input', 'distribution', 'routes'], ...r.inputs.map((i) => [i.path, i.distribution, i.routes.length === 2 ? 'both' : i.routes.join(', ')])], [false, false, false]));
  const shown = allKpis ? r.paired : r.paired.filter((p) => headlineKpis(r.paired.map((x) => x.kpi)).includes(p.kpi));
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
  const d = (x: number | null, unit: string) => (x === null ? '—' : amountText(x, unit, 'signed'));
  out.push('');
  out.push(table([
    ['KPI', 'A base', 'B base', 'B − A mean', 'P5', 'P50', 'P95', 'P(B better)', 'P(B better by ≥ threshold)'],
    ...shown.map((p) => [p.kpi, p.baseA === null ? '—' : amountText(p.baseA, p.unit), p.baseB === null ? '—' : amountText(p.baseB, p.unit), d(p.difference.mean, p.unit), d(p.difference.p5, p.unit), d(p.difference.p50, p.unit), d(p.difference.p95, p.unit), pct(p.probabilityBetter), pct(p.probabilityMateriallyBetter)]),
  ]));
  if (!allKpis) out.push('', 'Headline KPIs shown; --kpi selects others, --json has every KPI.');
  out.push('', `Route A: ${failureLine(a.result.failures)}`, `Route B: ${failureLine(b.result.failures)}`);
  return out.join('\n');
}

/** Text report of a tornado result: material swings only (the others are listed as noise). */
export function tornadoText(r: TornadoResult): string {
  const out: string[] = [];
  out.push(`Tornado — scenario ${r.scenario ?? '?'} (${r.file ?? ''}): ${r.inputs.length} inputs, ${r.range === null ? 'low/high from the distributions' : `±${Number((r.range * 100).toPrecision(6))} % around the base values`}; KPIs: ${r.kpis.join(', ')}`);
  const flat: string[] = [];
  for (const c of r.charts) {
    const shown = c.bars.filter((b) => b.material);
    if (shown.length === 0 && c.bars.every((b) => b.swing !== null)) { flat.push(c.kpi); continue; }
    const unit = kpiUnitOf(c.kpi);
    out.push('', `${c.kpi} (base ${num(c.base)}${unit ? ` ${unit}` : ''}; swings below ${num(c.threshold)} hidden)`);
    out.push(table([
      ['input', 'basis', 'low', 'high', 'KPI at low', 'KPI at high', 'swing'],
      ...shown.map((b) => [b.input, b.basis, `${num(b.low)}${b.unit ? ` ${b.unit}` : ''}`, `${num(b.high)}${b.unit ? ` ${b.unit}` : ''}`, num(b.kpiLow), num(b.kpiHigh), num(b.swing)]),
    ], [false, false, true, true, true, true, true]));
    const hidden = c.bars.filter((b) => !b.material && b.swing !== null).map((b) => b.input);
    if (hidden.length) out.push(`below the threshold: ${hidden.join(', ')}`);
    const undefinedAt = c.bars.filter((b) => b.swing === null).map((b) => `${b.input} (${[b.kpiLow === null ? `at low ${num(b.low)}` : '', b.kpiHigh === null ? `at high ${num(b.high)}` : ''].filter(Boolean).join(', ')})`);
    if (undefinedAt.length) out.push(`${c.kpi} undefined (no in-spec product, or the run failed): ${undefinedAt.join('; ')}`);
  }
  if (flat.length > 0) out.push('', `No material swing (< 1 % of the base, or 0.5 pp for shares): ${flat.join(', ')}`);
  out.push('', failureLine(r.failures));
  return out.join('\n');
}

/** Text report of a Sobol result. */
export function sobolText(r: SobolResult): string {
  const out: string[] = [];
  out.push(`Sobol indices — scenario ${r.scenario ?? '?'} (${r.file ?? ''}): N = ${r.samples}, ${r.evaluations} evaluations, seed ${r.seed}; ${Math.round(r.confidence * 100)} % bootstrap intervals (${r.bootstrap} resamples)`);
  const flat: string[] = [];
  for (const k of r.perKpi) {
    const rows = r.indices.filter((i) => i.kpi === k.kpi);
    if (k.variance === null || !(k.variance > 0)) { flat.push(k.kpi); continue; }
    out.push('', `${k.kpi} (variance ${num(k.variance)}, ${k.rowsUsed} rows)`);
    const ci = (lo: number | null, hi: number | null) => (lo === null || hi === null ? '' : `[${r3(lo)}, ${r3(hi)}]`);
    out.push(table([
      ['input', 'first order', `${Math.round(r.confidence * 100)} % CI`, 'total', `${Math.round(r.confidence * 100)} % CI`],
      ...rows.map((i) => [i.input, r3(i.first), ci(i.firstLow, i.firstHigh), r3(i.total), ci(i.totalLow, i.totalHigh)]),
    ]));
  }
  if (flat.length > 0) out.push('', `No variance: ${flat.join(', ')}`);
  out.push('', failureLine(r.failures));
  return out.join('\n');
}

/** A repeatable option (yargs gives a string once, an array when repeated). */
function many(value: unknown): string[] {
  return value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String);
}

function baseOptions(a: Record<string, unknown>, flowsheet: string | undefined) {
  return {
    file: a.scenario as string,
    ...(flowsheet ? { flowsheet } : {}),
    params: many(a.param),
    ...(a.kpi !== undefined ? { kpis: many(a.kpi) } : {}),
  };
}

/** Print the input checks on stderr before sampling starts (warnings only; info stays in --json). */
function warningsPrinter(ctx: CommandContext): (ws: Diagnostic[]) => void {
  return (ws) => { for (const w of ws) if (w.severity !== 'info') ctx.io.err(`warning: ${w.where}: ${w.message}`); };
}

/** The uncertainty command. */
export function uncertaintyCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'uncertainty <scenario>',
    describe: 'Monte Carlo / Latin hypercube: P5/P50/P95 of every KPI, P(NPV > 0), Spearman rank correlations',
    builder: (y: Argv) => common(y)
      .option('samples', { type: 'number', demandOption: true, describe: 'number of samples' })
      .option('seed', { type: 'number', default: 1, describe: 'seed of the random generator (integer 0…4294967295); same seed → same results' })
      .option('workers', { type: 'number', describe: 'worker threads (default: 1 — this thread — on up to 2 cores, else the cores less one, at most 8); results do not depend on it' })
      .option('method', { type: 'string', choices: ['mc', 'lhs'], default: 'mc', describe: 'mc: plain Monte Carlo; lhs: Latin hypercube' }),
    handler: async (a) => {
      const out = outOption(a);
      const samples = integerOption(a.samples, (n) => n >= 2, (v) => msg.badSamples(v, 2));
      const seed = integerOption(a.seed, isSeed, msg.badSeed);
      const workers = workersOption(a.workers);
      const onProgress = progressBar(ctx.io, 'sampling');
      const routes = flowsheets(a);
      const common = { samples, seed, workers, method: a.method as SamplingMethod, onWarnings: warningsPrinter(ctx), ...(onProgress ? { onProgress } : {}) };
      if (routes.length >= 2) {
        const r = await scenarioPairedUncertainty({ ...baseOptions(a, undefined), flowsheets: routes, ...common });
        for (const route of r.routes) reportFailures(ctx, route.result.failures);
        ctx.io.out(a.json ? JSON.stringify(r, null, 2) : pairedText(r, a.kpi !== undefined));
        // The workbook's Monte Carlo sheet holds B − A per KPI and each route's statistics.
        await writeAnalysisWorkbook(ctx, a, out, { paired: r });
        return;
      }
      const r = await scenarioUncertainty({ ...baseOptions(a, routes[0]), ...common });
      reportFailures(ctx, r.failures);
      ctx.io.out(a.json ? JSON.stringify(r, null, 2) : monteCarloText(r));
      await writeAnalysisWorkbook(ctx, a, out, { monteCarlo: r });
    },
  };
}

/** The tornado command. */
export function tornadoCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'tornado <scenario>',
    describe: 'one-at-a-time sensitivity: KPI swings between low and high input values, largest first',
    builder: (y: Argv) => common(y)
      .option('range', { type: 'string', describe: 'vary every input ± this percentage around its base value (e.g. 20%); a bare --param <path> adds an input. Default: min/max (P5/P95 for normal, lognormal) of the declared distributions' }),
    handler: async (a) => {
      const out = outOption(a);
      const range = a.range === undefined ? null : readRange(a.range);
      const onProgress = progressBar(ctx.io, 'tornado');
      const r = await scenarioTornado({ ...baseOptions(a, oneFlowsheet(a, 'tornado')), range, onWarnings: warningsPrinter(ctx), ...(onProgress ? { onProgress } : {}) });
      reportFailures(ctx, r.failures);
      ctx.io.out(a.json ? JSON.stringify(r, null, 2) : tornadoText(r));
      await writeAnalysisWorkbook(ctx, a, out, { tornado: r });
    },
  };
}

/** The sobol command. */
export function sobolCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'sobol <scenario>',
    describe: 'global sensitivity: first-order and total Sobol indices (Saltelli 2010, Jansen) with bootstrap intervals',
    builder: (y: Argv) => common(y)
      .option('samples', { type: 'number', demandOption: true, describe: 'N, rows of each base matrix; N·(inputs + 2) evaluations' })
      .option('seed', { type: 'number', default: 1, describe: 'seed of the random generator (integer 0…4294967295)' })
      .option('workers', { type: 'number', describe: 'worker threads (default: 1 — this thread — on up to 2 cores, else the cores less one, at most 8); results do not depend on it' })
      .option('bootstrap', { type: 'number', default: 200, describe: 'bootstrap resamples for the confidence intervals (0: none)' }),
    handler: async (a) => {
      const samples = integerOption(a.samples, (n) => n >= 2, (v) => msg.badSamples(v, 2));
      const seed = integerOption(a.seed, isSeed, msg.badSeed);
      const workers = workersOption(a.workers);
      const out = outOption(a);
      const bootstrap = integerOption(a.bootstrap, (n) => n >= 0 && n <= 100000, msg.badBootstrap);
      const onProgress = progressBar(ctx.io, 'sobol');
      const r = await scenarioSobol({ ...baseOptions(a, oneFlowsheet(a, 'sobol')), samples, seed, workers, bootstrap, onWarnings: warningsPrinter(ctx), ...(onProgress ? { onProgress } : {}) });
      reportFailures(ctx, r.failures);
      ctx.io.out(a.json ? JSON.stringify(r, null, 2) : sobolText(r));
      await writeAnalysisWorkbook(ctx, a, out, { sobol: r });
    },
  };
}
