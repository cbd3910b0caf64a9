/**
 * Start-up (issue 19): the CLI loads only the module of the command asked for. The lazy map must
 * give, for every command the full list registers, the same command (name, arguments, description);
 * a call naming no known command, or asking for the overall help, loads every command.
 */
import { describe, expect, it } from 'vitest';
import { cli, commandsFor } from '../../src/cli/main.js';
import { commands } from '../../src/cli/commands/index.js';
import type { CommandContext } from '../../src/cli/commands/context.js';
import type { Io } from '../../src/cli/output.js';

const ctx: CommandContext = { io: { out: () => undefined, err: () => undefined, errIsTty: false } as Io, setExit: () => undefined };
const nameOf = (c: { command?: string | readonly string[] }) => String(c.command).split(' ')[0]!;

describe('commands loaded on demand', () => {
  const all = commands(ctx);

  it('every command of the full list is found by its name, as the same command', async () => {
    for (const c of all) {
      const only = await commandsFor([nameOf(c), '--json'], ctx);
      expect(only.map((x) => [x.command, x.describe]), nameOf(c)).toEqual([[c.command, c.describe]]);
    }
  });

  it('no command name, an option first or an unknown name: every command', async () => {
    for (const argv of [[], ['--help'], ['no-such-command', 'x'], ['constructor']]) {
      expect((await commandsFor(argv, ctx)).map((x) => x.command), argv.join(' ')).toEqual(all.map((x) => x.command));
    }
  });

  it('a command run on its own works as before (help of one command, an unknown option refused)', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => { out.push(t); }, err: (t: string) => { err.push(t); }, errIsTty: false } as Io;
    expect(await cli(['kinds', '--json'], io)).toBe(0);
    expect(JSON.parse(out.join('\n')).length).toBeGreaterThan(10);
    expect(await cli(['run', 'scenarios/reference-cn.yaml', '--no-such-option'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/Unknown argument/i);
  });
});
