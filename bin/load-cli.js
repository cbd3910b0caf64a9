// Loads the bundled CLI (dist/bundle/cli.cjs, made by scripts/bundle.js) with V8's code cache
// (dist/bundle/cli.cjs.cache, made by scripts/code-cache.js at the end of every build).
//
// Why: a command spends about a third of its time compiling the CLI's JavaScript (issue 19). The
// code cache holds that compiled code, made once at build time by running representative commands;
// with it, `run` starts ≈ 80 ms sooner. V8 checks the cache against the source, its own version and
// its flags, and compiles as usual when it does not match (another Node version, other V8 flags, a
// cache missing or damaged): the cache changes how soon a command starts, never what it does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
/** The bundled CLI, a CommonJS file (V8 can cache a script's code; Node 20 offers no cache for ES modules). */
export const CLI_BUNDLE = join(here, '..', 'dist', 'bundle', 'cli.cjs');
/** Its code cache. */
export const CODE_CACHE = `${CLI_BUNDLE}.cache`;

/**
 * The CLI module's exports, run as `require` would run it (the same wrapper, require, module,
 * __filename and __dirname), from the code cache (`cacheFile`, default CODE_CACHE) when `cache` is
 * true and V8 accepts it. Also returns the script (for scripts/code-cache.js to make the cache
 * from) and whether V8 rejected the cache (undefined when there was none to read).
 */
export function loadCli({ cache = true, cacheFile = CODE_CACHE } = {}) {
  const source = readFileSync(CLI_BUNDLE, 'utf8');
  let cachedData;
  if (cache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // no cache: compiled as usual
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapped, { filename: CLI_BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(CLI_BUNDLE), module, CLI_BUNDLE, dirname(CLI_BUNDLE));
  return { exports: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}
