/**
 * The corpus of broken and unusual inputs (issue 17; cases in test/corpus/cases.ts), run through
 * the CLI's entry function: every case exits 0, 1 or 2 as documented, says what its fragment says,
 * names its place (file:line) when it is an input error, never shows a stack trace or an internal
 * error, prints nothing on stdout when it fails, and leaves no partial output file.
 *
 * One process runs every case (the CLI's `cli()` with captured output, as test/cli/capture.ts does);
 * most cases fail at load in a few milliseconds, the evaluated ones in a fraction of a second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from './capture.js';
import { CASES, type CorpusCase } from '../corpus/cases.js';

let base: string;
let shared: string;

/** A copy of the shipped scenarios/ and flowsheets/ trees. */
function tree(name: string): string {
  const root = join(base, name);
  cpSync('scenarios', join(root, 'scenarios'), { recursive: true });
  cpSync('flowsheets', join(root, 'flowsheets'), { recursive: true });
  mkdirSync(join(root, 'out'), { recursive: true });
  return root;
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'regenflow-corpus-'));
  shared = tree('shared');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function run(c: CorpusCase) {
  const root = c.ownTree ? tree(c.id) : shared;
  for (const [rel, content] of Object.entries(c.files)) {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const args = c.args.map((a) => (a.startsWith('@') ? join(root, a.slice(1)) : a));
  return { root, r: await runCli(args) };
}

describe('the corpus', () => {
  it('has at least 100 cases with unique ids, covering every class of the issue', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    const groups = new Set(CASES.map((c) => c.group));
    for (const g of ['file', 'yaml', 'lookup', 'range', 'distribution', 'economics', 'crash', 'model', 'gap', 'output', 'ok']) expect(groups).toContain(g);
    for (const e of [0, 1, 2]) expect(CASES.some((c) => c.exit === e)).toBe(true);
    // Every input error names its line, or says why it has none.
    for (const c of CASES.filter((x) => x.exit === 1)) expect(c.at !== undefined || c.noLine !== undefined, c.id).toBe(true);
  });

  for (const c of CASES) {
    it(`${c.group}: ${c.title} [${c.id}] → exit ${c.exit}`, async () => {
      const { root, r } = await run(c);
      const all = r.out + r.err;
      expect({ code: r.code, err: r.err.slice(0, 2000) }).toMatchObject({ code: c.exit });
      expect(c.exit === 0 ? all : r.err).toContain(c.fragment);
      expect(all).not.toMatch(STACK_LINE);
      expect(all).not.toMatch(/internal error|defect of regenflow/);
      if (c.exit !== 0 && c.args[0] !== 'validate') expect(r.out).toBe('');
      if (c.at !== undefined) {
        const [file, line] = c.at.split(/:(?=\d+$)/) as [string, string | undefined];
        const place = join(root, file);
        expect(r.err).toMatch(new RegExp(`${escape(place)}${line === undefined ? '' : `:${line}`}(:\\d+)?(:| ›)`));
      }
      for (const f of c.absent ?? []) expect(existsSync(join(root, f)), f).toBe(false);
      for (const f of c.present ?? []) expect(existsSync(join(root, f)), f).toBe(true);
    });
  }
});
