/**
 * The command list. Each command lives in its own file and is registered here.
 */
import type { CommandModule } from 'yargs';
import type { CommandContext } from './context.js';
import { validateCommand } from './validate.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { kindsCommand, componentsCommand } from './kinds.js';
import { sizeCommand } from './size.js';
import { uncertaintyCommand, tornadoCommand, sobolCommand } from './uncertainty.js';
import { compareCommand } from './compare.js';
import { sweepCommand } from './sweep.js';
import { crossoverCommand } from './crossover.js';
import { diagramCommand } from './diagram.js';
import { explainCommand } from './explain.js';
import { optimizeCommand } from './optimize.js';
// <<command imports>>

/** Every command, in the order `--help` lists them. */
export function commands(ctx: CommandContext): CommandModule[] {
  return [
    validateCommand(ctx),
    runCommand(ctx),
    compareCommand(ctx),
    sweepCommand(ctx),
    crossoverCommand(ctx),
    sizeCommand(ctx),
    uncertaintyCommand(ctx),
    tornadoCommand(ctx),
    sobolCommand(ctx),
    diagramCommand(ctx),
    explainCommand(ctx),
    optimizeCommand(ctx),
    // <<commands>>
    schemaCommand(ctx),
    kindsCommand(ctx),
    componentsCommand(ctx),
  ];
}
