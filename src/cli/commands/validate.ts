/** `regenflow validate <files..>`: check input files; exit 0 valid, 1 invalid. */
import type { Argv, CommandModule } from 'yargs';
import { RegenflowError } from '../../schema/errors.js';
import { validateInput } from '../../pipeline/validate.js';
import type { CommandContext } from './context.js';

/** A repeatable option (yargs gives a string once, an array when repeated). */
function many(value: unknown): string[] {
  return value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String);
}

/** The validate command. */
export function validateCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'validate <files..>',
    describe: 'check scenario, flowsheet, feed, plant or price files without running them — every check run, compare, sweep and uncertainty make (exit 0 valid, 1 invalid)',
    builder: (y: Argv) => y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'files to check' })
      .option('flowsheet', { type: 'string', array: true, describe: 'also check each scenario through these routes (as compare --flowsheet does)' })
      .option('param', { type: 'string', array: true, describe: 'also check these inputs of each scenario: <path>=<dist>:… as uncertainty --param, or a bare <path> as sweep --param' }),
    handler: (a) => {
      const options = { flowsheets: many(a.flowsheet), params: many(a.param) };
      for (const f of a.files as string[]) {
        try {
          const v = validateInput(f, options);
          ctx.io.out(`ok  ${f} (${v.kind})`);
          for (const w of v.warnings) ctx.io.err(`warning: ${w.where}: ${w.message}`);
        } catch (e) {
          if (!(e instanceof RegenflowError)) throw e;
          ctx.io.err(e.message);
          ctx.setExit(e.exitCode);
        }
      }
    },
  };
}
