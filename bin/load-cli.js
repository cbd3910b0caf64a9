// Loads the bundled CLI (dist/bundle/cli.cjs, made by scripts/bundle.js) with V8's code cache
// (dist/bundle/cli.cjs.cache, made by scripts/code-cache.js at the end of every build).
//
// Why: a command spends about a third of its time compiling the CLI's JavaScript (issue 19). The
// code cache holds that compiled code, made once at build time by running representative commands;
// with it, `run` starts ≈ 80 ms sooner. V8 checks a cache against its own version and flags and the
// source's length, and compiles as usual when it does not match (another Node version, other V8
// flags, a cache missing or damaged); the cache file also starts with the SHA-256 of the source it
// was made from, checked here, so a cache is never used for a bundle other than its own. The cache
// changes how soon a command starts, never what it does.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
/** The bundled CLI, a CommonJS file (V8 can cache a script's code; Node 20 offers no cache for ES modules). */
export const CLI_BUNDLE = join(here, '..', 'dist', 'bundle', 'cli.cjs');
/** Its code cache. */
export const CODE_CACHE = `${CLI_BUNDLE}.cache`;

/** Bytes of the source's SHA-256 at the start of the cache file. */
const HASH_BYTES = 32;

/** The SHA-256 of the bundle's bytes (2–3 ms for its ≈ 4 MB). */
export function sourceHash(bytes) {
  return createHash('sha256').update(bytes).digest();
}

/**
 * The CLI module's exports, run as `require` would run it (the same wrapper, require, module,
 * __filename and __dirname), from the code cache (`cacheFile`, default CODE_CACHE) when `cache` is
 * true, the cache was made from this bundle and V8 accepts it. Also returns the script (for
 * scripts/code-cache.js to make the cache from) and whether the cache was rejected (undefined when
 * there was none to read).
 */
export function loadCli({ cache = true, cacheFile = CODE_CACHE } = {}) {
  const bytes = readFileSync(CLI_BUNDLE);
  let cachedData;
  let stale = false;
  if (cache) {
    let file;
    try {
      file = readFileSync(cacheFile);
    } catch {
      file = undefined; // no cache: compiled as usual
    }
    if (file) {
      if (file.length > HASH_BYTES && sourceHash(bytes).equals(file.subarray(0, HASH_BYTES))) cachedData = file.subarray(HASH_BYTES);
      else stale = true;
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString('utf8')}\n});`;
  const script = new vm.Script(wrapped, { filename: CLI_BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(CLI_BUNDLE), module, CLI_BUNDLE, dirname(CLI_BUNDLE));
  return { exports: module.exports, script, cacheRejected: stale ? true : cachedData ? script.cachedDataRejected : undefined };
}

/** The content of a cache file for `script`, compiled from the bundle `bytes`: the source's hash, then V8's cache. */
export function cacheFileContent(bytes, script) {
  return Buffer.concat([sourceHash(bytes), script.createCachedData()]);
}
