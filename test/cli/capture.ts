/**
 * Run the CLI in-process and capture what it prints.
 */
import { cli } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';

/** Result of one CLI invocation. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Run `regenflow <args>` in-process. */
export async function runCli(args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => { out += t.endsWith('\n') ? t : t + '\n'; }, err: (t) => { err += t.endsWith('\n') ? t : t + '\n'; }, errIsTty: false };
  const code = await cli(args, io);
  return { code, out, err };
}
