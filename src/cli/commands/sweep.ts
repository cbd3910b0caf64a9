/**
 * `regenflow sweep <scenario> --param <path> --values a,b,c | --from --to --steps [--unit u]`:
 * one input varied, the KPIs at each value and the off-spec CAM by cause.
 */
import type { Argv, CommandModule } from 'yargs';
import { loadRawScenario } from '../../pipeline/load.js';
import { sweep, parseValues, linspace, type StudyValue } from '../../pipeline/studies.js';
import { RegenflowError } from '../../schema/errors.js';
import { msg } from '../../schema/messages.js';
import { num, table } from '../output.js';
import { KPI_ROWS, kpiText } from '../kpi-table.js';
import type { CommandContext } from './context.js';

/** Values of a study axis from --values or --from/--to/--steps; throws a usage-level input error. */
export function axisValues(a: { values?: string; from?: number; to?: number; steps?: number; unit?: string }): StudyValue[] {
  if (a.values !== undefined) {
    if (a.from !== undefined || a.to !== undefined || a.steps !== undefined) throw new RegenflowError('sweep-values', msg.sweepValuesAndRange());
    const v = parseValues(a.values);
    if (v.length === 0) throw new RegenflowError('sweep-values', msg.sweepNoValues(a.values));
    return a.unit ? v.map((x) => (typeof x === 'number' ? `${x} ${a.unit}` : x)) : v;
  }
  if (a.from === undefined || a.to === undefined || a.steps === undefined) throw new RegenflowError('sweep-values', msg.sweepNoAxis());
  if (!Number.isInteger(a.steps) || a.steps < 1) throw new RegenflowError('sweep-values', msg.sweepStepsNotWhole(a.steps));
  return linspace(a.from, a.to, a.steps, a.unit);
}

/** The sweep command. */
export function sweepCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'sweep <scenario>',
    describe: 'vary one input (unit parameter, price, plant, feed, finance) and print the KPIs at each value',
    builder: (y: Argv) => y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('param', { type: 'string', demandOption: true, describe: 'input path, e.g. relith.temperature, prices.LiOH·H2O, plant.capacity, feed.lots[ev-811].liPerTm' })
      .option('values', { type: 'string', describe: 'comma-separated values, e.g. 200,220,240 or "200 degC,220 degC"' })
      .option('from', { type: 'number', describe: 'first value (with --to and --steps)' })
      .option('to', { type: 'number', describe: 'last value' })
      .option('steps', { type: 'number', describe: 'number of values from --from to --to' })
      .option('unit', { type: 'string', describe: 'unit of the numbers given, e.g. degC (default: the documented unit of the input)' })
      .option('flowsheet', { type: 'string', describe: "use this flowsheet instead of the scenario's" })
      .option('json', { type: 'boolean', default: false, describe: 'print the points as JSON' }),
    handler: (a) => {
      const values = axisValues(a as never);
      const raw = loadRawScenario(a.scenario as string, a.flowsheet as string | undefined);
      const points = sweep(raw, a.param as string, values);
      if (a.json) {
        ctx.io.out(JSON.stringify({ param: a.param, points }, null, 2));
        return;
      }
      const rows: string[][] = [['KPI', 'unit', ...points.map((p) => String(p.value))]];
      for (const r of KPI_ROWS) rows.push([r.label, r.unit, ...points.map((p) => (p.kpis ? kpiText(p.kpis, r) : 'failed'))]);
      // Off-spec CAM by primary cause: every cause with mass at some point of the sweep.
      const byCause = (p: (typeof points)[number]) => (p.kpis?.offSpecKgPerYearByCause ?? {}) as Record<string, number>;
      const causes = [...new Set(points.flatMap((p) => Object.keys(byCause(p)).filter((c) => (byCause(p)[c] ?? 0) > 0)))];
      for (const c of causes) rows.push([`  off spec: ${c}`, 't/yr', ...points.map((p) => (p.kpis ? num((byCause(p)[c] ?? 0) / 1000) : 'failed'))]);
      ctx.io.out(`${a.param} swept over ${values.length} values`);
      ctx.io.out(table(rows, [false, false, ...points.map(() => true)]));
      for (const p of points) if (p.error) ctx.io.out(`at ${p.value}: ${p.error}`);
    },
  };
}
