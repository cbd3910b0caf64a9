/**
 * `regenflow compare <scenario...> [--flowsheet f ...] [--json]`: run feeds through routes and
 * print the KPIs side by side, why the first case differs from each other one (the top lines of
 * `regenflow explain`) and every warning of every case (--json: the run documents; --out: one
 * workbook with every case).
 */
import type { Argv, CommandModule } from 'yargs';
import { compareCases } from '../../pipeline/studies.js';
import { runDocument } from '../../pipeline/document.js';
import { table } from '../output.js';
import { KPI_ROWS, kpiText, offSpecText } from '../kpi-table.js';
import type { CommandContext } from './context.js';
import { checkWorkbookPath, writeWorkbook } from './run.js';
import { explain } from '../../pipeline/explain.js';
import { explanationSummary } from '../explain-text.js';
import { capacityOptions, requestOf, exitOnErrors } from '../capacity-options.js';

/** The compare command. */
export function compareCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'compare <scenarios..>',
    describe: 'run scenarios (each through every --flowsheet, or its own) and print the KPIs side by side',
    builder: (y: Argv) => capacityOptions(y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario files' }))
      .option('flowsheet', { type: 'string', array: true, describe: 'route(s) to run every scenario through (repeat the option)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the run documents as a JSON array' })
      .option('out', { type: 'string', describe: 'also write the comparison workbook (.xlsx), e.g. exports/comparison.xlsx' }),
    handler: async (a) => {
      const out = a.out as string | undefined;
      if (out !== undefined) checkWorkbookPath(out);
      // --flowsheet is a list here (every route); requestOf reads only --capacity and --design from it.
      const cases = compareCases(a.scenarios as string[], (a.flowsheet as string[] | undefined) ?? [], requestOf(a));
      exitOnErrors(ctx, cases.flatMap((c) => c.evaluation.diagnostics));
      if (out !== undefined) {
        await writeWorkbook(out, cases.map((c) => c.evaluation));
        // With --json, stdout holds only the JSON document.
        (a.json ? ctx.io.err : ctx.io.out)(`wrote ${out}`);
      }
      if (a.json) {
        ctx.io.out(JSON.stringify(cases.map((c) => runDocument(c.evaluation)), null, 2));
        return;
      }
      const rows: string[][] = [['KPI', 'unit', ...cases.map((c) => c.label)]];
      for (const r of KPI_ROWS) rows.push([r.label, r.unit, ...cases.map((c) => kpiText(c.kpis, r))]);
      ctx.io.out(table(rows, [false, false, ...cases.map(() => true)]));
      ctx.io.out('');
      for (const c of cases) ctx.io.out(`Off-spec by cause, ${c.label}: ${offSpecText(c.kpis)}`);
      // Why the first case differs from each other one (remedies are tried by regenflow explain).
      for (const c of cases.slice(1)) ctx.io.out(`\n${explanationSummary(explain(cases[0]!, c))}`);
      const warnings = cases.flatMap((c) => c.evaluation.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${c.label} ${d.severity}: ${d.message.startsWith(d.where) ? d.message : `${d.where}: ${d.message}`}`));
      if (warnings.length) ctx.io.out(['', 'Warnings of the runs:', ...warnings.map((w) => `  ${w}`)].join('\n'));
    },
  };
}
