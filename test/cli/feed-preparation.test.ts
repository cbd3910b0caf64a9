/**
 * A feed without cathode material is an input error (exit 1, the feed file and line, what to do);
 * a unit that receives nothing is a warning with undefined per-kg KPIs — never a "defect" (issue 12).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './capture.js';

let dir: string;
const root = resolve('.');

function file(name: string, body: string): string {
  const f = join(dir, name);
  writeFileSync(f, body);
  return f;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'regenflow-feedprep-'));
  file('only-metal.yaml', [
    'id: only-metal',
    'basis: cathode-scrap',
    'lots:',
    '  - { id: foil, share: 0.6, chemistry: NCM622, composition: { al: 1 } }',
    '  - { id: tabs, share: 0.4, chemistry: NCM622, composition: { cu: 1 } }',
    '',
  ].join('\n'));
  file('all-lfp.yaml', 'id: all-lfp\nbasis: cathode-scrap\nlots:\n  - { id: lfp, share: 1, chemistry: LFP, liPerTm: 0.95 }\n');
});

const scenario = (name: string, feed: string, extra = '') =>
  file(`${name}-scenario.yaml`, `id: ${name}\nflowsheet: ${root}/flowsheets/hydrothermal.yaml\nplant: ${root}/scenarios/plants/cn-10kt.yaml\nfeed: ${feed}\n${extra}`);

describe('a feed without cathode material', () => {
  it('stops with exit 1 naming the feed file and line and what to do — no stack trace, no "defect"', async () => {
    const r = await runCli(['run', scenario('no-cam', 'only-metal.yaml')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim()).toBe(`${join(dir, 'only-metal.yaml')}:4:3 › lots: the feed carries no cathode active material (cam fraction 0 in every lot: foil, tabs); give at least one lot a composition with cam > 0 (e.g. composition: { cam: 0.9, al: 0.1 }), or drop composition to use the basis default`);
    expect(r.err).not.toMatch(/defect|at .*\.js/);
  });

  it('validate reports the same problem for the feed file alone', async () => {
    const r = await runCli(['validate', join(dir, 'only-metal.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the feed carries no cathode active material');
  });
});

describe('a unit that receives nothing', () => {
  it('is a warning per unit with null per-kg KPIs, exit 0 — not a design() defect', async () => {
    // a perfectly accurate sorter sends all the LFP to its lane: nothing reaches delamination onwards
    const r = await runCli(['run', scenario('all-lfp', 'all-lfp.yaml', 'overrides: { sort.accuracy: 1 }\n'), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const empty = doc.diagnostics.filter((d: { code: string }) => d.code === 'unit-without-material');
    expect(empty.map((d: { where: string }) => d.where)).toEqual(['delam', 'relith', 'wash', 'recover', 'lirec', 'dry', 'sinter']);
    expect(empty[0].message).toBe('the unit receives no material (every inlet is empty at the solved flows), so it is not sized and costs nothing; check the streams that feed it (sorting lanes, split fractions) or remove it from the flowsheet');
    expect(doc.kpis.costUsdPerKgProduct).toBeNull();
    expect(doc.kpis.energyMjPerKgProduct).toBeNull();
    expect(JSON.stringify(doc)).not.toMatch(/defect/);
  });
});
