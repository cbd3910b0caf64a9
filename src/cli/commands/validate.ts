/** `regenflow validate <files..>`: check input files; exit 0 valid, 1 invalid. */
import type { Argv, CommandModule } from 'yargs';
import { RegenflowError } from '../../schema/errors.js';
import { validateFile } from '../../pipeline/validate.js';
import type { CommandContext } from './context.js';

/** The validate command. */
export function validateCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'validate <files..>',
    describe: 'check scenario, flowsheet, feed, plant or price files (exit 0 valid, 1 invalid)',
    builder: (y: Argv) => y.positional('files', { type: 'string', array: true, demandOption: true, describe: 'files to check' }),
    handler: (a) => {
      for (const f of a.files as string[]) {
        try {
          ctx.io.out(`ok  ${f} (${validateFile(f)})`);
        } catch (e) {
          if (!(e instanceof RegenflowError)) throw e;
          ctx.io.err(e.message);
          ctx.setExit(e.exitCode);
        }
      }
    },
  };
}
