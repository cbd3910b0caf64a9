/**
 * The shipped `regenflow` binary runs the bundled CLI (dist/bundle/, made by scripts/bundle.js in
 * `npm run build`; start-up, issue 19) from its code cache (bin/load-cli.js; made by
 * scripts/code-cache.js), which this Node accepts and whose absence or damage changes nothing but
 * speed. The binary is spawned as a user runs it: its output must be that of the sources, the paths it computes inside the bundle's chunks must hold (the shipped price
 * sets from any working directory, the bundled worker scripts for 2-worker uncertainty, Sobol and
 * optimize runs), yargs must still find its translations, and the package must ship what the
 * bundle imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from './capture.js';
import { loadCli, sourceHash, CLI_BUNDLE, CODE_CACHE } from '../../bin/load-cli.js';

const BIN = resolve('bin', 'regenflow.js');
const BUNDLE = resolve('dist', 'bundle');
const REFERENCE = resolve('scenarios', 'reference-cn.yaml');

let dir: string;
let spy: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'regenflow-bundle-'));
  // Loaded with --import: prints the script of every worker thread the main thread starts.
  spy = join(dir, 'worker-spy.mjs');
  writeFileSync(spy, [
    "import wt from 'node:worker_threads';",
    "import { syncBuiltinESMExports } from 'node:module';",
    'const Worker = wt.Worker;',
    "wt.Worker = class extends Worker { constructor(file, o) { if (wt.isMainThread) process.stderr.write(`worker script: ${file}\\n`); super(file, o); } };",
    'syncBuiltinESMExports();',
  ].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the shipped binary in `cwd` (default: a temporary folder, not the package root). */
function regenflow(args: string[], o: { env?: Record<string, string>; spyWorkers?: boolean } = {}) {
  const node = o.spyWorkers ? ['--import', pathToFileURL(spy).href] : [];
  const r = spawnSync(process.execPath, [...node, BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...o.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The worker scripts the spy reported. */
const workerScripts = (err: string) => [...err.matchAll(/^worker script: (.+)$/gm)].map((m) => m[1]);

describe('the shipped binary runs the bundle', () => {
  it('bin/regenflow.js loads the bundled CLI with its code cache, and this Node accepts the cache the build made', () => {
    expect(readFileSync(BIN, 'utf8')).toMatch(/^loadCli\(\)\.exports\.main\(process\.argv\.slice\(2\)\);$/m);
    expect(readdirSync(BUNDLE)).toEqual(expect.arrayContaining(['cli.cjs', 'cli.cjs.cache', 'uncertainty-worker.js', 'optimize-worker.js']));
    expect(CLI_BUNDLE).toBe(join(BUNDLE, 'cli.cjs'));
    // As a user's `regenflow` runs: plain node, no NODE_OPTIONS (the cache holds for the flags it was made with).
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const loader = pathToFileURL(resolve('bin', 'load-cli.js')).href;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { loadCli } from '${loader}'; console.log(loadCli().cacheRejected);`], { cwd: dir, encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('false');
  });

  it('a damaged, foreign or missing code cache: the CLI compiles as usual and works as before', async () => {
    const bytes = readFileSync(CLI_BUNDLE);
    const real = readFileSync(CODE_CACHE);
    expect(real.subarray(0, 32).equals(sourceHash(bytes))).toBe(true);
    // V8's part damaged (the source's hash right): V8 rejects it.
    const damaged = join(dir, 'damaged.cache');
    writeFileSync(damaged, Buffer.concat([sourceHash(bytes), Buffer.alloc(4096, 7)]));
    // Made from another bundle (another hash): not handed to V8 at all.
    const foreign = join(dir, 'foreign.cache');
    const other = Buffer.from(real);
    other[0] = other[0]! ^ 0xff;
    writeFileSync(foreign, other);
    const out: string[] = [];
    const io = { out: (t: string) => { out.push(t); }, err: (t: string) => { out.push(t); }, errIsTty: false };
    for (const [options, rejected] of [[{ cacheFile: damaged }, true], [{ cacheFile: foreign }, true], [{ cacheFile: join(dir, 'none.cache') }, undefined], [{ cache: false }, undefined]] as const) {
      const loaded = loadCli(options);
      expect(loaded.cacheRejected, JSON.stringify(options)).toBe(rejected);
      out.length = 0;
      const cli = loaded.exports as { cli(argv: string[], io: unknown): Promise<number> };
      expect(await cli.cli(['kinds'], io)).toBe(0);
      expect(out.join('\n')).toContain('relithiation-hydrothermal');
    }
  });

  it('run from another folder: the shipped price sets are found, and the output is that of the sources', async () => {
    const args = ['run', REFERENCE, '--json'];
    const bundled = regenflow(args);
    expect(bundled.err).toBe('');
    expect(bundled.code).toBe(0);
    const sources = await runCli(args);
    expect(sources.code).toBe(0);
    expect(bundled.out).toBe(sources.out);
    expect(JSON.parse(bundled.out).kpis.costUsdPerKgProduct).toBeGreaterThan(0);
  });

  it('uncertainty and Sobol on 2 workers start the bundled worker and give the 1-worker result', () => {
    for (const study of [['uncertainty', REFERENCE, '--samples', '60', '--seed', '3'], ['sobol', REFERENCE, '--samples', '8']]) {
      const two = regenflow([...study, '--workers', '2', '--json'], { spyWorkers: true });
      expect(two.code, two.err).toBe(0);
      expect(workerScripts(two.err), study[0]).toEqual([join(BUNDLE, 'uncertainty-worker.js'), join(BUNDLE, 'uncertainty-worker.js')]);
      const one = regenflow([...study, '--workers', '1', '--json']);
      expect(one.code, one.err).toBe(0);
      expect(two.out, study[0]).toBe(one.out);
    }
  });

  it('optimize on 2 workers starts the bundled worker and finds the 1-worker optimum', () => {
    const args = ['optimize', REFERENCE, '--vary', 'relith.temperature=160 degC:250 degC', '--budget', '30', '--restarts', '0', '--json'];
    const two = regenflow([...args, '--workers', '2'], { spyWorkers: true });
    expect(two.code, two.err).toBe(0);
    expect(workerScripts(two.err)).toEqual([join(BUNDLE, 'optimize-worker.js'), join(BUNDLE, 'optimize-worker.js')]);
    const one = regenflow([...args, '--workers', '1']);
    expect(one.code, one.err).toBe(0);
    expect(two.out).toBe(one.out);
  });

  it("yargs finds its translations from the bundle (the user's LANG, as before bundling)", () => {
    const quiet = { LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' };
    const fr = regenflow(['--help'], { env: { ...quiet, LANG: 'fr_FR.UTF-8' } });
    expect(fr.code).toBe(0);
    expect(fr.out).toContain('Commandes :');
    const c = regenflow(['run', REFERENCE, '--bogus'], { env: { ...quiet, LANG: 'C' } });
    expect(c.code).toBe(1);
    expect(c.err).toContain('Unknown argument: bogus');
  });
});

describe('the package ships what the bundle needs', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

  it('every package the bundle imports at run time is a dependency (the rest is inside the bundle)', () => {
    const imported = new Set<string>();
    for (const f of readdirSync(BUNDLE).filter((x) => x.endsWith('.js'))) {
      const text = readFileSync(join(BUNDLE, f), 'utf8');
      for (const m of text.matchAll(/(?:^import[^'"\n]*?from\s*|^import\s*|\bimport\()\s*["']([^"'./][^"']*)["']/gm)) imported.add(m[1]!);
    }
    // The CLI, a CommonJS file: what it requires (the rest of its code is inside it).
    for (const m of readFileSync(join(BUNDLE, 'cli.cjs'), 'utf8').matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) imported.add(m[1]!);
    expect(imported).toContain('@resvg/resvg-js');
    const packages = [...imported].filter((s) => !s.startsWith('node:') && !builtinModules.includes(s)).map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
    expect(packages.length).toBeGreaterThan(0);
    for (const p of packages) expect(Object.keys(pkg.dependencies), p).toContain(p);
  });

  it('npm pack includes the binary and every file of the bundle', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    expect(files).toContain('bin/regenflow.js');
    expect(files).toContain('bin/load-cli.js');
    for (const f of readdirSync(BUNDLE)) expect(files, f).toContain(`dist/bundle/${f}`);
  });
});
