/** Types of bin/load-cli.js (plain JavaScript: the launcher runs before anything is compiled). */
import type { Script } from 'node:vm';

/** The bundled CLI, dist/bundle/cli.cjs. */
export const CLI_BUNDLE: string;
/** Its code cache, dist/bundle/cli.cjs.cache. */
export const CODE_CACHE: string;

/** SHA-256 of the bundle's bytes (the first 32 bytes of its cache file). */
export function sourceHash(bytes: Buffer): Buffer;

/** The content of a cache file for `script`, compiled from the bundle `bytes`. */
export function cacheFileContent(bytes: Buffer, script: Script): Buffer;

/** Load the bundled CLI, from its code cache unless `cache` is false (see load-cli.js). */
export function loadCli(options?: { cache?: boolean; cacheFile?: string }): {
  exports: Record<string, unknown>;
  script: Script;
  cacheRejected: boolean | undefined;
};
