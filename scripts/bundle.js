#!/usr/bin/env node
// Bundle the compiled CLI and its worker scripts into dist/bundle/ (start-up, issue 19), then make
// the CLI's code cache. Run after tsc by `npm run build` (so also by `prepare`, `npm test` and
// scripts/build-if-changed.js).
//
// Why: a command spends most of its time starting. Node resolves, reads and compiles each of the
// ~200 modules of dist/ and the many small files of zod (its locales alone are ~130 files), yaml
// and yargs one by one; a bundle starts ~0.1 s sooner (numbers in the issue), and V8's code cache
// of the bundle (scripts/code-cache.js, loaded by bin/load-cli.js) saves most of the compiling
// that is left: ≈ 80 ms of a 0.3 s `run`.
//
// Layout, all in one folder two levels under the package root like the compiled modules (so that
// src/pipeline/load.ts (PACKAGE_ROOT), src/uncertainty/pool.ts and src/optimize/workers.ts compute
// their paths alike from either):
// - cli.cjs: the CLI, one CommonJS file (V8 caches a script's compiled code; Node 20 has no such
//   cache for ES modules). Commands stay lazy: esbuild wraps each module reached by `import()` in a
//   function run at its first import. exceljs and jszip are inside it (with the code cache they
//   load faster from it than from node_modules); cli.cjs.cache is its code cache.
// - uncertainty-worker.js and optimize-worker.js (the worker threads' scripts) with their shared
//   chunks, ES modules split by entry, exceljs and jszip left in node_modules (workers write no
//   workbook).
// @resvg/resvg-js (a native binary) is loaded from node_modules by both.
// Usage: node scripts/bundle.js
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');

/** Packages the workers load from node_modules at run time (see above); the CLI loads only the native one. */
const WORKER_EXTERNAL = ['exceljs', 'jszip', '@resvg/resvg-js'];
const CLI_EXTERNAL = ['@resvg/resvg-js'];

// yargs locates its message translations (node_modules/yargs/locales, read by y18n for the user's
// LANG) from its own file's URL; inside a chunk that URL is the chunk's. Point it at the installed
// yargs instead (a dependency, so always there), which keeps every message as before.
const YARGS_SHIM_LINE = 'const __dirname = fileURLToPath(import.meta.url);';
const yargsLocales = (fileUrl) => ({
  name: 'yargs-locales',
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(YARGS_SHIM_LINE)) {
        throw new Error(`${args.path} no longer contains "${YARGS_SHIM_LINE}": check how this yargs version finds its locales and update scripts/bundle.js`);
      }
      const located = `const __dirname = join(dirname(createRequire(${fileUrl}).resolve('yargs')), 'lib', 'platform-shims', 'esm.mjs');`;
      return { contents: text.replace(YARGS_SHIM_LINE, located), loader: 'js' };
    });
  },
});

/** What both builds share. */
const common = { absWorkingDir: root, outdir, bundle: true, platform: 'node', target: 'node20.19', logLevel: 'warning' };

await rm(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    'uncertainty-worker': join(dist, 'uncertainty', 'worker.js'),
    'optimize-worker': join(dist, 'optimize', 'worker.js'),
  },
  splitting: true,
  format: 'esm',
  external: WORKER_EXTERNAL,
  // yaml ships CommonJS for Node; esbuild's wrapper for its require('process') needs a require.
  banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);" },
  plugins: [yargsLocales('import.meta.url')],
});
await build({
  ...common,
  entryPoints: { cli: join(dist, 'cli', 'main.js') },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: CLI_EXTERNAL,
  // The modules compute paths from import.meta.url: in CommonJS, the URL of this file.
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl' },
  plugins: [yargsLocales('__bundleUrl')],
});

// The code cache, made in a process of its own without NODE_OPTIONS: V8 accepts a cache only under
// the flags it was made with, and a user's `regenflow` runs with none.
const env = { ...process.env };
delete env.NODE_OPTIONS;
const made = spawnSync(process.execPath, [join(root, 'scripts', 'code-cache.js')], { cwd: root, env, stdio: 'inherit' });
if (made.status !== 0) process.exit(made.status ?? 1);
