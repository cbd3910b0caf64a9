/**
 * `regenflow optimize` (issue 15): the best operating conditions (`--vary`) or the best split of
 * the feed lots between parallel routes (`--route`), over src/optimize/. A text report by
 * default, one JSON document with --json; progress on stderr only when it is a terminal; --out
 * writes the optimised scenario (and, for a split plant, its combined flowsheet) atomically.
 */
import { extname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { RegenflowError } from '../../schema/errors.js';
import { msg } from '../../schema/messages.js';
import { isSeed } from '../../uncertainty/random.js';
import { progressBar } from '../../uncertainty/progress.js';
import { writeFileAtomic } from '../../io/write.js';
import { optimizeConditions, type ConditionParams, type SearchSettings } from '../../optimize/conditions.js';
import { optimizeAllocation, type AllocationLine } from '../../optimize/allocation.js';
import { conditionsOutput, allocationOutput, type OutputFile } from '../../optimize/output.js';
import type { OptimizeResult, Binding } from '../../optimize/result.js';
import type { Direction } from '../../optimize/constraints.js';
import type { LotShares } from '../../pipeline/combine.js';
import type { Kpis } from '../../pipeline/document.js';
import { num, table } from '../output.js';
import { KPI_ROWS, kpiText } from '../kpi-table.js';
import type { CommandContext } from './context.js';

/** A repeatable option (yargs gives a string once, an array when repeated). */
function many(value: unknown): string[] {
  return value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String);
}

function wholeNumber(value: unknown, ok: (n: number) => boolean, error: (v: unknown) => string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || !ok(n)) throw new RegenflowError('bad-option', error(value));
  return n;
}

/** The command as a person would type it again (for the header of written files). */
function commandText(a: Record<string, unknown>): string {
  const q = (v: string) => (/^[\w./@:-]+$/.test(v) ? v : `"${v}"`);
  const parts = ['regenflow optimize', q(String(a.scenario))];
  for (const key of ['flowsheet', 'vary', 'route', 'objective', 'constraint', 'seed', 'budget', 'restarts', 'out']) for (const v of many(a[key])) parts.push(`--${key}`, q(v));
  if (a.maximize) parts.push('--maximize');
  if (a.minimize) parts.push('--minimize');
  return parts.join(' ');
}

/** The KPIs of baseline and best side by side. */
function kpiComparison(baseline: Record<string, unknown> | null, best: Record<string, unknown> | null, baseLabel: string): string {
  const rows = [['KPI', 'unit', baseLabel, 'optimum']];
  for (const r of KPI_ROWS) rows.push([r.label, r.unit, baseline ? kpiText(baseline as Kpis, r) : '—', best ? kpiText(best as Kpis, r) : '—']);
  return table(rows, [false, false, true, true]);
}

function bindingText(b: Binding): string {
  return b.type === 'bound'
    ? `${b.path} at its ${b.bound} bound (${num(b.value)})`
    : `${b.constraint} (value ${num(b.value)}; ${b.betterObjectiveBeyond} evaluated point${b.betterObjectiveBeyond === 1 ? '' : 's'} beyond it had a better objective)`;
}

function footer(r: OptimizeResult): string[] {
  const out: string[] = [];
  if (r.constraints.length) {
    out.push('', 'Constraints');
    for (const c of r.constraints) {
      const v = r.best.kpis?.[c.kpi];
      const ok = typeof v === 'number' && (c.op === '>=' ? v >= c.value : v <= c.value);
      out.push(`  ${c.text}: ${typeof v === 'number' ? num(v) : '—'} (${ok ? 'met' : 'NOT met'})`);
    }
  }
  out.push('', `Binding at the optimum: ${r.binding.length ? r.binding.map(bindingText).join('; ') : r.mode === 'conditions' ? 'nothing (an interior optimum)' : 'no constraint'}`);
  const runs = r.optimizer.runs.map((x) => `λ=${x.lambda}: ${x.generations} generations, ${x.stop}`).join('; ');
  out.push(`Search: ${r.optimizer.method}; ${r.evaluations} evaluations (${r.failedEvaluations} failed) of a budget of ${r.optimizer.budget}; seed ${r.optimizer.seed}; runs ${runs}; stopped on ${r.optimizer.stopReason}`);
  return out;
}

function headline(r: OptimizeResult): string {
  const c = r.improvement;
  return `${r.objective.direction === 'minimize' ? 'Minimise' : 'Maximise'} ${r.objective.kpi}: ${num(c.baseline)} → ${num(c.best)}${c.change !== null ? ` (${c.change >= 0 ? '+' : ''}${num(c.change)})` : ''}`;
}

/** Text report of a conditions search. */
export function conditionsText(r: OptimizeResult<ConditionParams>): string {
  const params = r.parameters as { path: string; kind: string; lo?: number; hi?: number; unit?: string | null; choices?: unknown[] }[];
  const range = (p: (typeof params)[number]) => (p.kind === 'choice' ? p.choices!.join(' | ') : `${p.lo} … ${p.hi}${p.unit ? ` ${p.unit}` : ''}`);
  const value = (v: unknown, p: (typeof params)[number]) => (v === null || v === undefined ? '—' : typeof v === 'number' ? `${num(v, 6)}${p.unit ? ` ${p.unit}` : ''}` : String(v));
  return [
    `Optimise ${r.scenario} (${r.flowsheet}, ${r.file}) — ${headline(r)}`,
    '',
    table([['parameter', 'range', 'scenario', 'optimum'], ...params.map((p) => [p.path, range(p), value(r.baseline.params[p.path], p), value(r.best.params[p.path], p)])], [false, false, true, true]),
    '',
    kpiComparison(r.baseline.kpis, r.best.kpis, 'scenario'),
    ...footer(r),
  ].join('\n');
}

/** Text report of an allocation search. */
export function allocationText(r: OptimizeResult<LotShares>): string {
  const routes = r.routes as { route: string; kpis: Record<string, unknown> | null }[];
  const lots = r.lots as string[];
  const alloc = r.allocation as AllocationLine[];
  const rows = [['lot', ...routes.map((x) => x.route)], ...lots.map((lot) => [lot, ...routes.map((x) => `${num(100 * (alloc.find((a) => a.lot === lot && a.route === x.route)?.share ?? 0), 4)} %`)])];
  const kpiRows = [['KPI', 'unit', ...routes.map((x) => `${x.route} only`), 'optimum']];
  for (const k of KPI_ROWS) kpiRows.push([k.label, k.unit, ...routes.map((x) => (x.kpis ? kpiText(x.kpis as Kpis, k) : 'failed')), r.best.kpis ? kpiText(r.best.kpis as Kpis, k) : '—']);
  return [
    `Allocate the lots of ${r.scenario} (${r.file}) between ${routes.map((x) => x.route).join(', ')} — ${headline(r)} (baseline: the better single route, ${String(r.baselineRoute)})`,
    '',
    'Share of each feed lot sent to each route',
    table(rows),
    '',
    table(kpiRows, [false, false, ...routes.map(() => true), true]),
    ...footer(r),
  ].join('\n');
}

/** The optimize command. */
export function optimizeCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'optimize <scenario>',
    describe: 'best operating conditions (--vary) or best split of the feed lots between parallel routes (--route), by IPOP-CMA-ES',
    builder: (y: Argv) => y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('vary', { type: 'string', describe: 'a parameter and its range (repeat for several): "<path>=<lo>:<hi>" with optional units ("relith.temperature=160 degC:250 degC"), "<path>=<lo>..<hi>" for integers, "<path>=a|b|c" for choices' })
      .option('route', { type: 'string', describe: 'a route flowsheet (give two or more): split each feed lot between these parallel lines' })
      .option('flowsheet', { type: 'string', describe: "use this flowsheet instead of the scenario's (with --vary)" })
      .option('objective', { type: 'string', describe: 'KPI to optimise (default: costUsdPerKgProduct with --vary, npvUsd with --route)' })
      .option('maximize', { type: 'boolean', describe: 'maximise the objective (default: maximise npvUsd, irr, inSpecFraction…, minimise the other KPIs)' })
      .option('minimize', { type: 'boolean', describe: 'minimise the objective' })
      .option('constraint', { type: 'string', describe: 'a constraint on a KPI (repeatable), e.g. "inSpecFraction >= 0.95", "npvUsd >= 0"' })
      .option('seed', { type: 'number', default: 1, describe: 'seed of the search (integer 0…4294967295); same seed → same optimum' })
      .option('budget', { type: 'number', describe: 'most model evaluations (default 100 × (dimensions + 2); with --route a dimension per lot and extra route)' })
      .option('restarts', { type: 'number', default: 2, describe: 'IPOP restarts with a doubled population after a run converges' })
      .option('workers', { type: 'number', default: 1, describe: 'worker threads evaluating each generation (results do not depend on it)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the result as one JSON document on stdout' })
      .option('out', { type: 'string', describe: 'write the optimised scenario (.yaml) that `regenflow run` reproduces exactly' })
      .conflicts('maximize', 'minimize'),
    handler: async (a) => {
      const vary = many(a.vary);
      const routes = many(a.route);
      if (vary.length && routes.length) throw new RegenflowError('vary-with-routes', msg.varyWithRoutes());
      if (!vary.length && !routes.length) throw new RegenflowError('vary-none', msg.varyNone());
      if (routes.length && a.flowsheet !== undefined) throw new RegenflowError('flowsheet-with-routes', msg.flowsheetWithRoutes());
      const out = a.out as string | undefined;
      if (out !== undefined && !['.yaml', '.yml'].includes(extname(out).toLowerCase())) throw new RegenflowError('optimize-out', msg.optimizeOutExtension(out), { place: { file: out } });
      const seed = wholeNumber(a.seed, isSeed, msg.badSeed);
      const budget = a.budget === undefined ? undefined : wholeNumber(a.budget, (n) => n >= 2 && n <= 1e6, msg.badBudget);
      const workers = wholeNumber(a.workers, (n) => n >= 1 && n <= 64, msg.badWorkers);
      const restarts = wholeNumber(a.restarts, (n) => n >= 0 && n <= 20, msg.badRestarts);
      const direction: Direction | undefined = a.maximize ? 'maximize' : a.minimize ? 'minimize' : undefined;
      const onProgress = progressBar(ctx.io, 'optimising');
      const settings: SearchSettings = {
        ...(a.objective !== undefined ? { objective: String(a.objective) } : {}),
        ...(direction ? { direction } : {}),
        constraints: many(a.constraint),
        seed,
        ...(budget !== undefined ? { budget } : {}),
        restarts,
        workers,
        ...(onProgress ? { onProgress } : {}),
      };
      const file = a.scenario as string;
      const command = commandText(a);
      let result: OptimizeResult;
      let files: OutputFile[] = [];
      if (routes.length) {
        const r = await optimizeAllocation({ ...settings, file, routes });
        if (out) files = allocationOutput(r, { file, routes, out, command });
        ctx.io.out(a.json ? JSON.stringify(r, null, 2) : allocationText(r));
        result = r;
      } else {
        const flowsheet = a.flowsheet as string | undefined;
        const r = await optimizeConditions({ ...settings, file, ...(flowsheet ? { flowsheet } : {}), vary });
        if (out) files = conditionsOutput(r, { file, ...(flowsheet ? { flowsheet } : {}), out, command });
        ctx.io.out(a.json ? JSON.stringify(r, null, 2) : conditionsText(r));
        result = r;
      }
      for (const w of result.warnings) ctx.io.err(`warning: ${w}`);
      for (const f of files) {
        writeFileAtomic(f.file, f.text);
        (a.json ? ctx.io.err : ctx.io.out)(`wrote ${f.file}`);
      }
    },
  };
}
