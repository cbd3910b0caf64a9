#!/usr/bin/env node
// Bundle the compiled CLI and its worker scripts into dist/bundle/ (start-up, issue 19). Run after
// tsc by `npm run build` (so also by `prepare`, `npm test` and scripts/build-if-changed.js).
//
// Why: a command spends most of its time starting. Node resolves, reads and compiles each of the
// ~200 modules of dist/ and the many small files of zod (its locales alone are ~130 files), yaml
// and yargs one by one; a bundle of a few dozen chunks starts ~0.1 s sooner (numbers in the issue).
// Code splitting keeps the lazily imported commands lazy: one single file was slower, because
// every command module then gets evaluated at start-up.
//
// Layout: dist/bundle/main.js (the CLI, what bin/regenflow.js imports), uncertainty-worker.js and
// optimize-worker.js (the worker threads' scripts) and the shared chunks, all in one folder two
// levels under the package root, like the compiled modules — src/pipeline/load.ts (PACKAGE_ROOT),
// src/uncertainty/pool.ts and src/optimize/workers.ts compute their paths from that.
//
// Kept outside the bundle (loaded from node_modules, and only by the export commands): exceljs and
// jszip (CommonJS), @resvg/resvg-js (a native binary).
// Usage: node scripts/bundle.js
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');

/** Packages loaded from node_modules at run time (see above). */
const EXTERNAL = ['exceljs', 'jszip', '@resvg/resvg-js'];

// yargs locates its message translations (node_modules/yargs/locales, read by y18n for the user's
// LANG) from its own file's URL; inside a chunk that URL is the chunk's. Point it at the installed
// yargs instead (a dependency, so always there), which keeps every message as before.
const YARGS_SHIM_LINE = 'const __dirname = fileURLToPath(import.meta.url);';
const yargsLocales = {
  name: 'yargs-locales',
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(YARGS_SHIM_LINE)) {
        throw new Error(`${args.path} no longer contains "${YARGS_SHIM_LINE}": check how this yargs version finds its locales and update scripts/bundle.js`);
      }
      const located = "const __dirname = join(dirname(createRequire(import.meta.url).resolve('yargs')), 'lib', 'platform-shims', 'esm.mjs');";
      return { contents: text.replace(YARGS_SHIM_LINE, located), loader: 'js' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: join(dist, 'cli', 'main.js'),
    'uncertainty-worker': join(dist, 'uncertainty', 'worker.js'),
    'optimize-worker': join(dist, 'optimize', 'worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: EXTERNAL,
  // yaml ships CommonJS for Node; esbuild's wrapper for its require('process') needs a require.
  banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);" },
  plugins: [yargsLocales],
  logLevel: 'warning',
});
