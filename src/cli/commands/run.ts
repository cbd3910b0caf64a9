/** `regenflow run <scenario>`: evaluate one scenario; summary, or the JSON document with --json. */
import type { Argv, CommandModule } from 'yargs';
import { loadRawScenario } from '../../pipeline/load.js';
import { resolveModel } from '../../pipeline/resolve.js';
import { evaluate } from '../../pipeline/evaluate.js';
import { runDocument } from '../../pipeline/document.js';
import { runSummary } from '../summary.js';
import type { CommandContext } from './context.js';

/** The run command. */
export function runCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'run <scenario>',
    describe: 'evaluate one scenario and print its summary (or the JSON document)',
    builder: (y: Argv) => y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('json', { type: 'boolean', default: false, describe: 'print the run document as JSON on stdout' })
      .option('flowsheet', { type: 'string', describe: "use this flowsheet instead of the scenario's" }),
    handler: (a) => {
      const model = resolveModel(loadRawScenario(a.scenario as string, a.flowsheet as string | undefined));
      const doc = runDocument(evaluate(model));
      ctx.io.out(a.json ? JSON.stringify(doc, null, 2) : runSummary(doc));
    },
  };
}
