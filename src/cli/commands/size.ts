/**
 * `regenflow size <scenario> [--capacity "20000 t/yr"] [--json]`: the equipment list (size, count,
 * utilisation, purchase cost), the bottleneck and the plant's maximum throughput. With counts fixed
 * in the scenario's `design:` section it reports rating-mode results: the throughput the installed
 * equipment can reach and which unit limits it.
 */
import type { Argv, CommandModule } from 'yargs';
import { loadRawScenario } from '../../pipeline/load.js';
import { resolveModel } from '../../pipeline/resolve.js';
import { evaluate } from '../../pipeline/evaluate.js';
import type { PlantSizing } from '../../design/types.js';
import { num, table } from '../output.js';
import type { CommandContext } from './context.js';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}` : '∞');
const tpy = (kgPerYear: number) => `${num(kgPerYear / 1000)} t/yr`;

/** The text report of a sizing. */
export function sizingText(s: PlantSizing, title: string): string {
  const lines: string[] = [];
  const fill = `fill ${num(s.settings.minFill * 100, 3)}–${num(s.settings.maxFill * 100, 3)} %`;
  const rule = s.settings.rule === 'everbatt' ? `EverBatt rule: margin ${num(s.settings.margin)}, at least ${s.settings.minCount} items` : `margin ${num(s.settings.margin)}`;
  lines.push(title);
  lines.push(`feed ${tpy(s.feedKgPerYear)} over ${num(s.hoursPerYear)} h/yr — ${s.mode} mode (${rule}; ${fill})`);
  lines.push('');
  if (s.equipment.length === 0) {
    lines.push('No unit of this flowsheet declares equipment; there is nothing to size.');
  } else {
    lines.push(table([
      ['unit', 'equipment', 'mode', 'size', 'size unit', 'count', 'cycle h', 'utilisation %', 'cost/item USD', 'total USD', 'CEPCI year'],
      ...s.equipment.map((e) => [
        e.unitId, e.name, e.mode, num(e.size), e.sizeUnit, e.count, e.cycleTimeH === null ? '—' : num(e.cycleTimeH), pct(e.utilisation),
        num(e.purchaseCostUsd), num(e.totalPurchaseCostUsd), e.cepciYear,
      ]),
    ], [false, false, false, true, false, true, true, true, true, true, true]));
    lines.push('');
    const costs = Object.entries(s.purchaseCostUsdByCepciYear).map(([y, v]) => `${num(v)} USD (${y})`).join(' + ');
    if (costs) lines.push(`Purchased equipment   ${costs}`);
  }
  lines.push(`Operators per shift   ${num(s.operatorsPerShift)}`);
  if (s.bottleneck !== null && s.maxCapacityKgPerYear !== null) {
    const limit = `${s.bottleneck} (${s.bottleneckEquipment}) at ${pct(s.bottleneckUtilisation ?? 0)} % utilisation`;
    if (s.mode === 'rating') {
      lines.push(`Rating mode: with the installed equipment the plant can reach ${tpy(s.maxCapacityKgPerYear)}; ${limit} limits it` +
        ((s.bottleneckUtilisation ?? 0) > 1 ? ` — the target ${tpy(s.feedKgPerYear)} is NOT reachable` : ''));
    } else {
      lines.push(`Bottleneck            ${limit}`);
      lines.push(`Maximum capacity      ${tpy(s.maxCapacityKgPerYear)} with this equipment`);
    }
  }
  const notes = s.diagnostics.filter((d) => d.severity !== 'info');
  if (notes.length) {
    lines.push('');
    for (const d of notes) lines.push(`${d.severity}: ${d.message}`);
  }
  return lines.join('\n');
}

/** The size command. */
export function sizeCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'size <scenario>',
    describe: 'equipment list (size, count, utilisation, purchase cost), bottleneck and maximum capacity',
    builder: (y: Argv) => y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('capacity', { type: 'string', describe: 'plant feed capacity instead of the scenario\'s, e.g. "20000 t/yr"' })
      .option('flowsheet', { type: 'string', describe: "use this flowsheet instead of the scenario's" })
      .option('json', { type: 'boolean', default: false, describe: 'print the sizing as JSON on stdout' }),
    handler: (a) => {
      const raw = loadRawScenario(a.scenario as string, a.flowsheet as string | undefined);
      const capacity = a.capacity as string | undefined;
      const model = resolveModel(raw, capacity === undefined ? [] : [{ path: 'plant.capacity', value: capacity }]);
      const { sizing } = evaluate(model);
      ctx.io.out(a.json ? JSON.stringify(sizing, null, 2) : sizingText(sizing, `${model.name} — ${model.flowsheet.name}`));
    },
  };
}
