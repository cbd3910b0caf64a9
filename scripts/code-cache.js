#!/usr/bin/env node
// Make the CLI's code cache (dist/bundle/cli.cjs.cache, read by bin/load-cli.js): load the bundled
// CLI without a cache, run the commands users run most — the reference scenario validated, run,
// compared on two routes into a workbook, and sampled — so that V8 compiles what they use, and
// save the compiled code. Run by scripts/bundle.js after bundling, in a process without
// NODE_OPTIONS (V8 accepts a cache only under the flags it was made with). Output of the commands
// is discarded; a command that fails fails the build (the bundle would be broken).
// Usage: node scripts/code-cache.js
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCli, cacheFileContent, CLI_BUNDLE, CODE_CACHE } from '../bin/load-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reference = join(root, 'scenarios', 'reference-cn.yaml');
const routes = ['hydrothermal', 'molten-salt'].flatMap((r) => ['--flowsheet', join(root, 'flowsheets', `${r}.yaml`)]);
const dir = mkdtempSync(join(tmpdir(), 'regenflow-code-cache-'));
const commands = [
  ['validate', reference],
  ['run', reference, '--json'],
  ['compare', reference, ...routes, '--out', join(dir, 'comparison.xlsx')],
  ['uncertainty', reference, '--samples', '20', '--seed', '1', '--workers', '1', '--json'],
];

const { exports: cli, script } = loadCli({ cache: false });
let errors = '';
const quiet = { out() {}, err(text) { errors += `${text}\n`; }, errIsTty: false };
try {
  for (const args of commands) {
    const code = await cli.cli(args, quiet);
    if (code !== 0) throw new Error(`regenflow ${args.join(' ')} exited with ${code} while making the code cache:\n${errors}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// Written whole or not at all (V8 would reject a partial cache, but a build leaves no partial file).
writeFileSync(`${CODE_CACHE}.tmp`, cacheFileContent(readFileSync(CLI_BUNDLE), script));
renameSync(`${CODE_CACHE}.tmp`, CODE_CACHE);
