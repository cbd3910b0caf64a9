#!/usr/bin/env node
// Build dist/ only when the sources changed since the last build this script made (`npm start`).
// A build is needed when dist/.build-stamp, the compiled CLI, its bundle or the bundle's code cache
// is missing (fresh clone, dist removed) or the stamp is older than any file or folder under src/
// (a folder's time changes when a file in it is added, renamed or deleted) or than the compiler
// settings, the package files, the bundle and code-cache scripts and the CLI loader. On a build,
// `tsc` and then scripts/bundle.js run as `npm run build` does, and the stamp is written only when
// both succeed.
// With `--then <arguments>`, the CLI then runs those arguments in this process (`npm start`: one
// Node start-up rather than two, ≈ 50 ms).
// Usage: node scripts/build-if-changed.js [--check]   (--check: exit 1 when a build is needed, build nothing)
//        node scripts/build-if-changed.js --then <regenflow arguments>
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(root, 'dist', '.build-stamp');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json', join('scripts', 'bundle.js'), join('scripts', 'code-cache.js'), join('bin', 'load-cli.js')];
/** What a build makes; a build is needed when one is missing. */
const OUTPUTS = [join('dist', 'cli', 'main.js'), join('dist', 'bundle', 'cli.cjs'), join('dist', 'bundle', 'cli.cjs.cache')];

/** Newest modification time (ms) of a folder, everything under it, and the listed files. */
function newestInput() {
  let newest = 0;
  const see = (path) => {
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s) return;
    if (s.mtimeMs > newest) newest = s.mtimeMs;
    if (s.isDirectory()) for (const name of readdirSync(path)) see(join(path, name));
  };
  see(join(root, 'src'));
  for (const f of INPUTS) see(join(root, f));
  return newest;
}

/** True when dist/ is missing or older than its sources. */
export function buildNeeded() {
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp || OUTPUTS.some((f) => !existsSync(join(root, f)))) return true;
  return newestInput() > stamp.mtimeMs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const then = process.argv.indexOf('--then');
  const own = then >= 0 ? process.argv.slice(2, then) : process.argv.slice(2);
  if (own.includes('--check')) process.exit(buildNeeded() ? 1 : 0);
  if (buildNeeded()) {
    // The time the build started: a source saved while tsc runs leaves the stamp older than it.
    const started = new Date();
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const args of [[tsc, '-p', join(root, 'tsconfig.build.json')], [join(root, 'scripts', 'bundle.js')]]) {
      const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
    writeFileSync(STAMP, `built from the sources as of ${started.toISOString()}\n`);
    utimesSync(STAMP, started, started);
  }
  if (then >= 0) {
    // Imported only now: the build above may just have made the bundle it loads.
    const { loadCli } = await import('../bin/load-cli.js');
    loadCli().exports.main(process.argv.slice(then + 1));
  }
}
