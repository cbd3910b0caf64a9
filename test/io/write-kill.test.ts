/**
 * A writer killed at the rename (SIGKILL: nothing of it runs afterwards) leaves the target as it
 * was and a complete temporary file; the next write of the same target removes that stale file,
 * but not the temporary file of a writer that still runs. Uses the built module (dist/), as the
 * killed child process cannot load TypeScript.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic, temporaryName } from '../../src/io/write.js';

const dir = mkdtempSync(join(tmpdir(), 'regenflow-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DIST_WRITE = fileURLToPath(new URL('../../dist/io/write.js', import.meta.url));

describe('a write killed at the rename', () => {
  it('keeps the old file, and the next write removes the stale temporary file', () => {
    const target = join(dir, 'result.json');
    writeFileSync(target, 'old');
    const script = [
      "import fs from 'node:fs';",
      "import { syncBuiltinESMExports } from 'node:module';",
      "fs.renameSync = () => { process.kill(process.pid, 'SIGKILL'); };",
      'syncBuiltinESMExports();',
      `const { writeFileAtomic } = await import(${JSON.stringify(DIST_WRITE)});`,
      "writeFileAtomic(process.argv[1], 'new content');",
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, target], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(readFileSync(target, 'utf8')).toBe('old');
    const stale = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    expect(stale).toHaveLength(1);
    // The temporary file was complete and flushed before the rename was attempted.
    expect(readFileSync(join(dir, stale[0]!), 'utf8')).toBe('new content');

    // A temporary file of a writer that still runs (this test's parent process) is left alone.
    const live = temporaryName(target, process.ppid, 1);
    writeFileSync(join(dir, live), 'in progress');
    writeFileAtomic(target, 'newer');
    expect(readFileSync(target, 'utf8')).toBe('newer');
    expect(readdirSync(dir).sort()).toEqual([live, 'result.json'].sort());
  });
});
