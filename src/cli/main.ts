/**
 * The regenflow command line: thin commands over the library (parse → call → print → exit code).
 * Exit codes: 0 ok, 1 invalid input, 2 model failure (e.g. a recycle loop did not converge).
 */
// First: zod's setting must be in place before any schema is built (see the module).
import './zod-jitless.js';
import yargs, { type CommandModule } from 'yargs';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { processIo, type Io } from './output.js';
import type { CommandContext } from './commands/context.js';

type CommandFactory = (ctx: CommandContext) => CommandModule;

/**
 * The module of each command, loaded on demand (start-up, issue 19): `regenflow run …` loads what
 * run needs, not the optimiser, the explainer or the diagrams. A command not listed here (or a
 * call that does not start with a command name, or asks for the overall help) loads every command
 * (commands/index.ts), so a command added there works without an entry here.
 */
const COMMAND_MODULES: Readonly<Record<string, () => Promise<CommandFactory>>> = {
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  run: async () => (await import('./commands/run.js')).runCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  sweep: async () => (await import('./commands/sweep.js')).sweepCommand,
  crossover: async () => (await import('./commands/crossover.js')).crossoverCommand,
  size: async () => (await import('./commands/size.js')).sizeCommand,
  uncertainty: async () => (await import('./commands/uncertainty.js')).uncertaintyCommand,
  tornado: async () => (await import('./commands/uncertainty.js')).tornadoCommand,
  sobol: async () => (await import('./commands/uncertainty.js')).sobolCommand,
  diagram: async () => (await import('./commands/diagram.js')).diagramCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  optimize: async () => (await import('./commands/optimize.js')).optimizeCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
  kinds: async () => (await import('./commands/kinds.js')).kindsCommand,
  components: async () => (await import('./commands/kinds.js')).componentsCommand,
};

/** The commands to register for `argv`: the one it names, else all of them (exported for tests). */
export async function commandsFor(argv: readonly string[], ctx: CommandContext): Promise<CommandModule[]> {
  const name = argv[0];
  if (name !== undefined && Object.hasOwn(COMMAND_MODULES, name)) return [(await COMMAND_MODULES[name]!())(ctx)];
  const { commands } = await import('./commands/index.js');
  return commands(ctx);
}

/** A command-line usage problem (unknown command or option, missing argument). */
class UsageError extends Error {}

/** The part of yargs' internals (yargs 18) that skipHelpCache reaches. */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * yargs renders the whole help of a command as it starts the command's handler, in case the
 * handler asks for it (showHelp); no regenflow handler does, and rendering it (cliui measuring
 * every line) costs ≈ 15 ms of every command (start-up, issue 19). Help asked for with --help and
 * usage errors are rendered as before. Where a yargs version keeps its internals otherwise, nothing
 * changes.
 */
export function skipHelpCache(parser: unknown): void {
  const usage = (parser as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

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
  for (const c of await commandsFor(argv, ctx)) parser = parser.command(c);
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
  skipHelpCache(parser);
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
  stopQuietlyWhenTheReaderCloses(process.stdout);
  stopQuietlyWhenTheReaderCloses(process.stderr);
  void cli(argv).then((code) => { process.exitCode = code; });
}

/**
 * Output piped to a reader that stops early (`regenflow kinds | head`) ends the command quietly:
 * writing to the closed pipe raised EPIPE, which Node reported as an unhandled error with a stack
 * trace. Nothing more can be shown; files the command writes are written atomically (io/), so
 * stopping leaves none half written. The exit code is a shell's for a closed pipe (128 + SIGPIPE).
 */
function stopQuietlyWhenTheReaderCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(141);
    throw e;
  });
}
