/**
 * `npm start` builds only when the sources changed (scripts/build-if-changed.js, issue 19): with no
 * stamp (fresh clone, dist removed) a build is needed; a stamp newer than every source says none
 * is; a source, folder, compiler setting, the bundle or code-cache script or the CLI loader newer
 * than the stamp asks for one again; with --then, the CLI runs after the check, in the same process.
 * Runs the script's --check mode, which builds nothing (and --then under a stamp that asks for no
 * build); the stamp is removed afterwards, so the next `npm start` builds once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = join('dist', '.build-stamp');
const check = () => spawnSync(process.execPath, ['scripts/build-if-changed.js', '--check']).status;
const stampAt = (t: Date) => { writeFileSync(STAMP, 'test\n'); utimesSync(STAMP, t, t); };

describe('build only when sources changed', () => {
  afterAll(() => rmSync(STAMP, { force: true }));

  it('no stamp: a build is needed', () => {
    expect(existsSync(join('dist', 'cli', 'main.js'))).toBe(true);
    rmSync(STAMP, { force: true });
    expect(check()).toBe(1);
  });

  it('a stamp newer than every source: no build', () => {
    stampAt(new Date(Date.now() + 60_000));
    expect(check()).toBe(0);
  });

  it('--then runs the CLI with the arguments after it, in the same process, with its exit code', () => {
    stampAt(new Date(Date.now() + 60_000));
    expect(check()).toBe(0);
    const kinds = spawnSync(process.execPath, ['scripts/build-if-changed.js', '--then', 'kinds'], { encoding: 'utf8' });
    expect(kinds.status, kinds.stderr).toBe(0);
    expect(kinds.stdout).toContain('relithiation-hydrothermal');
    const missing = spawnSync(process.execPath, ['scripts/build-if-changed.js', '--then', 'run', 'no-such-scenario.yaml'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such-scenario.yaml');
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.start).toMatch(/^node scripts\/build-if-changed\.js --then compare /);
  });

  it('a source file, a source folder, tsconfig.json, the bundle or code-cache script or the CLI loader newer than the stamp: a build', () => {
    const later = new Date(Date.now() + 120_000);
    for (const changed of [join('src', 'cli', 'main.ts'), join('src', 'economics'), 'tsconfig.json', join('scripts', 'bundle.js'), join('scripts', 'code-cache.js'), join('bin', 'load-cli.js')]) {
      const was = statSync(changed);
      stampAt(new Date(Date.now() + 60_000));
      expect(check(), `${changed} unchanged`).toBe(0);
      try {
        utimesSync(changed, later, later);
        expect(check(), `${changed} changed`).toBe(1);
      } finally {
        utimesSync(changed, was.atime, was.mtime);
      }
    }
  });
});
