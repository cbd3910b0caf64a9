/**
 * `regenflow crossover <scenario> --flowsheet a.yaml --flowsheet b.yaml --x <path>=lo:hi:n
 * [--y <path>=lo:hi:n] [--kpi k]`: the grid of which route gives the better KPI (default: cost per
 * kg of product), and by how much — the map of where hydrothermal and molten salt cross.
 */
import type { Argv, CommandModule } from 'yargs';
import { crossover, linspace, type GridAxis } from '../../pipeline/studies.js';
import { RegenflowError } from '../../schema/errors.js';
import { table } from '../output.js';
import { amountText } from '../explain-text.js';
import type { CommandContext } from './context.js';
import { msg } from '../../schema/messages.js';

/** Parse "<path>=lo:hi:n[ unit]" into a grid axis. */
export function parseAxis(text: string, option: string): GridAxis {
  const m = /^([^=]+)=\s*([-+0-9.eE]+):([-+0-9.eE]+):(\d+)(?:\s+(\S.*))?$/.exec(text.trim());
  if (!m) throw new RegenflowError('axis', msg.axisUnreadable(option, text));
  const [lo, hi, n] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(n >= 1)) throw new RegenflowError('axis', msg.axisNumbers(option, text));
  return { path: m[1]!.trim(), values: linspace(lo, hi, n, m[5]) };
}

/** The crossover command. */
export function crossoverCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'crossover <scenario>',
    describe: 'which of two routes gives the lower cost per kg over a grid of one or two inputs, and by how much',
    builder: (y: Argv) => y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (feed, plant, prices)' })
      .option('flowsheet', { type: 'string', array: true, demandOption: true, describe: 'the two routes (give --flowsheet twice)' })
      .option('x', { type: 'string', demandOption: true, describe: 'first axis: <path>=lo:hi:n, e.g. "feed.lots[ev-811].liPerTm=0.70:0.95:6"' })
      .option('y', { type: 'string', describe: 'second axis, same form' })
      .option('kpi', { type: 'string', default: 'costUsdPerKgProduct', describe: 'KPI id of the run document to compare, e.g. npvUsd, costUsdPerKgProduct, inSpecFraction (lower is better unless it is NPV, IRR, revenue, in-spec share or output)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the grid as JSON' }),
    handler: (a) => {
      const routes = a.flowsheet as string[];
      if (routes.length !== 2) throw new RegenflowError('crossover-routes', msg.crossoverRoutes(routes.length));
      const x = parseAxis(a.x as string, '--x');
      const y = a.y === undefined ? null : parseAxis(a.y as string, '--y');
      const map = crossover(a.scenario as string, routes[0]!, routes[1]!, x, y, a.kpi as string);
      if (a.json) {
        ctx.io.out(JSON.stringify(map, null, 2));
        return;
      }
      const tag = (c: (typeof map.cells)[number]) => (c.better === null ? 'failed' : c.better === 'tie' ? `tie (< ${amountText(c.threshold!, map.unit, 'magnitude')})` : `${c.better === 'a' ? 'A' : 'B'} by ${amountText(c.margin!, map.unit, 'magnitude')}`);
      ctx.io.out(`A = ${map.routeA}, B = ${map.routeB}; cells say which route has the ${map.lowerIsBetter ? 'lower' : 'higher'} ${map.kpi}${map.unit ? ` (${map.unit})` : ''} and by how much; a difference below ${map.tieRule} is a tie`);
      const yValues = y ? y.values : [null];
      const rows: string[][] = [[y ? `${y.path} \\ ${x.path}` : x.path, ...x.values.map(String)]];
      for (const yv of yValues) rows.push([yv === null ? map.kpi : String(yv), ...map.cells.filter((c) => c.y === yv).map(tag)]);
      ctx.io.out(table(rows, [false, ...x.values.map(() => true)]));
      for (const c of map.cells) {
        const at = `${x.path} = ${c.x}${c.y !== null ? `, ${y!.path} = ${c.y}` : ''}`;
        if (c.errorA) ctx.io.out(`at ${at}: A failed: ${c.errorA}`);
        if (c.errorB) ctx.io.out(`at ${at}: B failed: ${c.errorB}`);
      }
    },
  };
}
