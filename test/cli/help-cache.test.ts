/**
 * yargs renders a command's whole help as the command's handler starts, in case the handler asks
 * for it; the CLI skips that (skipHelpCache, start-up, issue 19). With the yargs installed: without
 * the skip the help is rendered once per command run (so the test can fail), with it never, and the
 * help that --help prints is the same text.
 */
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { skipHelpCache } from '../../src/cli/main.js';

type Usage = { help: () => string };
const usageOf = (p: unknown) => (p as { getInternalMethods: () => { getUsageInstance: () => Usage } }).getInternalMethods().getUsageInstance();

/** A parser with one command (an option, a positional); counts help renderings. */
function parser(argv: string[], skip: boolean) {
  const p = yargs(argv)
    .scriptName('regenflow')
    .command('go <file>', 'do it', (y) => y.positional('file', { type: 'string', describe: 'a file' }).option('fast', { type: 'boolean', describe: 'go fast' }), () => undefined)
    .strict()
    .exitProcess(false);
  if (skip) skipHelpCache(p);
  const usage = usageOf(p);
  const help = usage.help;
  const counter = { rendered: 0 };
  usage.help = () => { counter.rendered++; return help(); };
  return { p, counter };
}

/** The output yargs prints for `argv` (help text, or nothing). */
async function printed(argv: string[], skip: boolean): Promise<string> {
  const { p } = parser(argv, skip);
  return new Promise((resolve) => { void p.parse(argv, {}, (_err, _argv, output) => resolve(output)); });
}

describe("yargs' help cache", () => {
  it('is filled as a handler starts without the skip, and not with it', async () => {
    const without = parser(['go', 'x.yaml', '--fast'], false);
    await without.p.parseAsync();
    expect(without.counter.rendered).toBe(1);
    const withSkip = parser(['go', 'x.yaml', '--fast'], true);
    await withSkip.p.parseAsync();
    expect(withSkip.counter.rendered).toBe(0);
  });

  it('--help prints the same help with the skip', async () => {
    for (const argv of [['go', '--help'], ['--help']]) {
      const text = await printed(argv, true);
      expect(text, argv.join(' ')).toContain('do it');
      expect(text, argv.join(' ')).toBe(await printed(argv, false));
    }
    expect(await printed(['go', '--help'], true)).toContain('go fast');
  });
});
