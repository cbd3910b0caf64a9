/**
 * `regenflow sweep <scenario> --param <path> --values a,b,c | --from --to --steps [--unit u]`:
 * one input varied, the KPIs at each value and the off-spec CAM by cause.
 */
import type { Argv, CommandModule } from 'yargs';
import { loadRawScenario } from '../../pipeline/load.js';
import { sweep, parseValues, linspace, type StudyValue } from '../../pipeline/studies.js';
import { RegenflowError } from '../../schema/errors.js';
import { msg } from '../../schema/messages.js';
import { resolveModel } from '../../pipeline/resolve.js';
import { paramMetaOf } from '../../pipeline/param-meta.js';
import { splitPath } from '../../pipeline/patch.js';
import { priceItem } from '../../economics/price-keys.js';
import { inputName } from '../../export/input-names.js';
import type { RawScenario } from '../../pipeline/load.js';
import type { UnitKind } from '../../schema/kinds.js';
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

/**
 * The unit a swept value given as a bare number is read in: the input's documented unit (a unit
 * parameter's from its kind, a price's from its key, a plant/feed/finance field's from the schema);
 * null when none is documented. Said in the output because the documented unit is not always the
 * one people write (plant.capacity is kept in kg/yr: 5000 is 5 t/yr).
 */
function bareNumberUnit(raw: RawScenario, param: string): string | null {
  const named = inputName(param);
  if (named.unit) return named.unit;
  const seg = splitPath(param);
  if (seg[0] === 'prices') {
    const key = priceItem(String(seg[1] ?? ''))?.key;
    return key ? resolveModel(raw).prices.items[key]?.unit ?? null : null;
  }
  const unit = seg.length === 2 ? resolveModel(raw).flowsheet.units.find((u) => u.id === seg[0]) : undefined;
  return unit ? paramMetaOf(unit.kind as UnitKind, String(seg[1]))?.unit ?? null : null;
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
      const bare = values.some((v) => typeof v === 'number') ? bareNumberUnit(raw, a.param as string) : null;
      if (a.json) {
        ctx.io.out(JSON.stringify({ param: a.param, ...(bare !== null ? { bareNumberUnit: bare } : {}), points }, null, 2));
        return;
      }
      const rows: string[][] = [['KPI', 'unit', ...points.map((p) => String(p.value))]];
      for (const r of KPI_ROWS) rows.push([r.label, r.unit, ...points.map((p) => (p.kpis ? kpiText(p.kpis, r) : 'failed'))]);
      // Off-spec CAM by primary cause: every cause with mass at some point of the sweep.
      const byCause = (p: (typeof points)[number]) => (p.kpis?.offSpecKgPerYearByCause ?? {}) as Record<string, number>;
      const causes = [...new Set(points.flatMap((p) => Object.keys(byCause(p)).filter((c) => (byCause(p)[c] ?? 0) > 0)))];
      for (const c of causes) rows.push([`  off spec: ${c}`, 't/yr', ...points.map((p) => (p.kpis ? num((byCause(p)[c] ?? 0) / 1000) : 'failed'))]);
      // Dimensionless inputs (fractions, ratios) need no word on units.
      const unitNote = bare !== null && !['', '–', '-', 'fraction'].includes(bare) ? msg.sweepBareNumbers(bare) : '';
      ctx.io.out(`${a.param} swept over ${values.length} value${values.length === 1 ? '' : 's'}${unitNote}`);
      ctx.io.out(table(rows, [false, false, ...points.map(() => true)]));
      for (const p of points) if (p.error) ctx.io.out(`at ${p.value}: ${p.error}`);
    },
  };
}
