/** Types of bin/load-cli.js (plain JavaScript: the launcher runs before anything is compiled). */
import type { Script } from 'node:vm';

/** The bundled CLI, dist/bundle/cli.cjs. */
export const CLI_BUNDLE: string;
/** Its code cache, dist/bundle/cli.cjs.cache. */
export const CODE_CACHE: string;

/** Load the bundled CLI, from its code cache unless `cache` is false (see load-cli.js). */
export function loadCli(options?: { cache?: boolean; cacheFile?: string }): {
  exports: Record<string, unknown>;
  script: Script;
  cacheRejected: boolean | undefined;
};
