/**
 * `regenflow explain <scenario...> [--flowsheet a --flowsheet b] [--json] [--out x.xlsx]`: why one
 * case beats another — KPI winners, capital by unit, operating cost and revenue by line, product
 * by feed lot, and remedies for off-spec product, each tried by re-running the scenario.
 */
import type { Argv, CommandModule } from 'yargs';
import { compareCases } from '../../pipeline/studies.js';
import { explainCases } from '../../pipeline/explain.js';
import { explanationText } from '../explain-text.js';
import type { CommandContext } from './context.js';
import { checkWorkbookPath, writeWorkbook } from './run.js';

/** The explain command. */
export function explainCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'explain <scenarios..>',
    describe: 'why one case beats another: KPI winners, CAPEX by unit, OPEX by line, product by lot, verified remedies',
    builder: (y: Argv) => y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario file(s): two scenarios, or one with two --flowsheet' })
      .option('flowsheet', { type: 'string', array: true, describe: 'route(s) to run the scenario(s) through (repeat the option)' })
      .option('remedies', { type: 'boolean', default: true, describe: 'try remedies for off-spec causes by re-running the scenario (--no-remedies skips them)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the explanation as one JSON document' })
      .option('out', { type: 'string', describe: 'also write the workbook of both cases with an Explanation sheet (.xlsx)' }),
    handler: async (a) => {
      const out = a.out as string | undefined;
      if (out !== undefined) checkWorkbookPath(out);
      const cases = compareCases(a.scenarios as string[], (a.flowsheet as string[] | undefined) ?? []);
      const x = explainCases(cases, a.remedies as boolean);
      if (out !== undefined) {
        await writeWorkbook(out, cases.map((c) => c.evaluation), { explanation: x });
        (a.json ? ctx.io.err : ctx.io.out)(`wrote ${out}`);
      }
      ctx.io.out(a.json ? JSON.stringify(x, null, 2) : explanationText(x));
    },
  };
}
