/**
 * Output piped to a reader that stops early (`regenflow kinds | head -2`) ends the command quietly
 * with a closed pipe's exit code (141 = 128 + SIGPIPE): no stack trace on stderr (issue 19 review).
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve('bin', 'regenflow.js');

/** Run the binary with its output going to a pipe whose reader is closed before it writes. */
function closedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader goes away at once (as `head` does once it has its lines)
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('a reader that closes the pipe early', () => {
  for (const args of [['kinds'], ['run', 'scenarios/reference-cn.yaml', '--json']]) {
    it(`ends \`regenflow ${args.join(' ')}\` quietly with exit code 141`, async () => {
      const r = await closedReader(args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(141);
    });
  }
});
