/**
 * The regenflow command line: thin commands over the library (parse → call → print → exit code).
 * Exit codes: 0 ok, 1 invalid input, 2 model failure (e.g. a recycle loop did not converge).
 */
import yargs from 'yargs';
import { join } from 'node:path';
import { RegenflowError } from '../schema/errors.js';
import { processIo, type Io } from './output.js';
import { validateFile } from '../pipeline/validate.js';
import { loadRawScenario } from '../pipeline/load.js';
import { resolveModel } from '../pipeline/resolve.js';
import { evaluate } from '../pipeline/evaluate.js';
import { runDocument } from '../pipeline/document.js';
import { fileSchemas } from '../pipeline/schemas.js';
import { writeFileAtomic } from '../io/write.js';
import { runSummary } from './summary.js';
import { kindInfos, kindsText } from './kinds.js';

/** A command-line usage problem (unknown command or option, missing argument). */
class UsageError extends Error {}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function cli(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName('regenflow')
    .usage('$0 <command> [options]\n\nProcess-flow and cost model for direct regeneration of spent NCM cathodes.')
    .command(
      'validate <files..>',
      'check scenario, flowsheet, feed or plant files (exit 0 valid, 1 invalid)',
      (y) => y.positional('files', { type: 'string', array: true, demandOption: true, describe: 'files to check' }),
      (a) => {
        for (const f of a.files as string[]) {
          try {
            const kind = validateFile(f);
            io.out(`ok  ${f} (${kind})`);
          } catch (e) {
            if (!(e instanceof RegenflowError)) throw e;
            io.err(e.message);
            exitCode = Math.max(exitCode, e.exitCode);
          }
        }
      },
    )
    .command(
      'run <scenario>',
      'evaluate one scenario and print its summary (or the JSON document)',
      (y) => y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
        .option('json', { type: 'boolean', default: false, describe: 'print the run document as JSON on stdout' })
        .option('flowsheet', { type: 'string', describe: 'use this flowsheet instead of the scenario\'s' }),
      (a) => {
        const model = resolveModel(loadRawScenario(a.scenario as string, a.flowsheet as string | undefined));
        const doc = runDocument(evaluate(model));
        io.out(a.json ? JSON.stringify(doc, null, 2) : runSummary(doc));
      },
    )
    .command(
      'schema',
      'write JSON Schemas of the input files (for editors)',
      (y) => y.option('out', { type: 'string', default: 'schemas', describe: 'output directory' }),
      (a) => {
        for (const [name, schema] of Object.entries(fileSchemas())) {
          const file = join(a.out as string, name);
          writeFileAtomic(file, JSON.stringify(schema, null, 2) + '\n');
          io.out(`wrote ${file}`);
        }
      },
    )
    .command(
      'kinds',
      'list unit-operation kinds with their ports and parameters',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'print as JSON' }),
      (a) => {
        const infos = kindInfos();
        io.out(a.json ? JSON.stringify(infos, null, 2) : kindsText(infos));
      },
    )
    .demandCommand(1, 'give a command; regenflow --help lists them')
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 110))
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing stops yargs before any handler runs on invalid arguments.
      if (error) throw error;
      throw new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\nregenflow --help lists the commands and options`);
      return 1;
    }
    if (e instanceof RegenflowError) {
      io.err(e.message);
      return e.exitCode;
    }
    io.err(`internal error (please report it): ${(e as Error)?.message ?? String(e)}`);
    return 2;
  }
  return exitCode;
}

/** Entry point of the `regenflow` binary. */
export function main(argv: string[]): void {
  void cli(argv).then((code) => { process.exitCode = code; });
}
