/**
 * The options run, size and compare share for capacity planning (issue 16): --capacity and
 * --design, and the exit code of error-level diagnostics (an overloaded installed item).
 */
import type { Argv } from 'yargs';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { readPlantDesign, type ModelRequest } from '../pipeline/capacity.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import type { CommandContext } from './commands/context.js';

/** Exit code of error-level diagnostics (an overloaded installed item, a balance that does not close): the output is complete, the result is not valid as asked. */
export const DIAGNOSTIC_ERROR_EXIT = 2;

/** Raise the exit code when any diagnostic is an error (the output is still printed). */
export function exitOnErrors(ctx: CommandContext, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.some((d) => d.severity === 'error')) ctx.setExit(DIAGNOSTIC_ERROR_EXIT);
}

/** The --design and --capacity options run, size and compare share. */
export function capacityOptions(y: Argv): Argv {
  return y
    .option('capacity', { type: 'string', describe: 'plant feed capacity instead of the scenario\'s, e.g. "20000 t/yr"' })
    .option('design', { type: 'string', describe: 'rate a saved plant design (written by size --save): its counts and sizes are installed, CAPEX is theirs' });
}

/** The model request of parsed --capacity / --design / --flowsheet options; a --capacity without a unit is a usage error. */
export function requestOf(a: Record<string, unknown>): ModelRequest {
  if (typeof a.capacity === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(a.capacity)) throw new RegenflowError('capacity-option', msg.capacityOptionNoUnit(a.capacity.trim()));
  return {
    ...(typeof a.flowsheet === 'string' ? { flowsheet: a.flowsheet } : {}),
    ...(typeof a.capacity === 'string' ? { capacity: a.capacity } : {}),
    ...(typeof a.design === 'string' ? { design: readPlantDesign(a.design) } : {}),
  };
}
