/**
 * The regenflow command line: thin commands over the library (parse → call → print → exit code).
 * Exit codes: 0 ok, 1 invalid input, 2 model failure (e.g. a recycle loop did not converge).
 */
import yargs from 'yargs';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { processIo, type Io } from './output.js';
import { commands } from './commands/index.js';

/** A command-line usage problem (unknown command or option, missing argument). */
class UsageError extends Error {}

/**
 * Join an option and a value that starts with a minus sign and a digit (`--values -5,0,5`,
 * `--from -0.5`) into `--option=value`: yargs would otherwise read the value as short flags.
 */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (/^--[A-Za-z][\w-]*$/.test(a) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function cli(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const ctx = { io, setExit: (code: number) => { exitCode = Math.max(exitCode, code); } };
  let parser = yargs(joinNegativeValues(argv))
    .scriptName('regenflow')
    .usage('$0 <command> [options]\n\nProcess-flow and cost model for direct regeneration of spent NCM cathodes.');
  for (const c of commands(ctx)) parser = parser.command(c);
  parser = parser
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
      return Math.max(exitCode, e.exitCode);
    }
    // Evaluation failures are placed by the library (evaluationError); anything reaching here is a
    // defect outside it: say so with the cause and the input files, never as a bare stack trace.
    const files = argv.filter((a) => /\.(ya?ml|json)$/i.test(a));
    io.err(msg.unexpectedFailure(String(argv[0] ?? ''), files, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  return exitCode;
}

/** Entry point of the `regenflow` binary. */
export function main(argv: string[]): void {
  void cli(argv).then((code) => { process.exitCode = code; });
}
