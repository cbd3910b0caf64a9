import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';
import type { PlantSizing } from '../../src/design/index.js';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => { stdout.push(t); }, err: (t) => { stderr.push(t); }, errIsTty: false };
}

const dir = mkdtempSync(join(tmpdir(), 'regenflow-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('regenflow size', () => {
  it('prints the PlantSizing of the generic-demo fixture as JSON (its units declare no equipment yet)', async () => {
    const io = capture();
    const code = await cli(['size', 'test/fixtures/scenarios/generic-demo.yaml', '--json'], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const s = JSON.parse(io.stdout[0]!) as PlantSizing;
    expect(s.mode).toBe('design');
    expect(s.feedKgPerYear).toBeCloseTo(10_000_000, 3);
    expect(s.hoursPerYear).toBe(6400);
    expect(s.equipment).toEqual([]);
    expect(s.units.map((u) => u.unitId)).toEqual(['mix', 'burn', 'gas', 'classify', 'purge']);
    expect(s.bottleneck).toBeNull();
    expect(s.maxCapacityKgPerYear).toBeNull();
    expect(s.settings.margin).toBe(1.1);
    expect(s.schedule).toEqual({ horizonH: 48, entries: [] });
  });

  it('--capacity patches plant.capacity', async () => {
    const io = capture();
    expect(await cli(['size', 'test/fixtures/scenarios/generic-demo.yaml', '--capacity', '20000 t/yr', '--json'], io)).toBe(0);
    expect((JSON.parse(io.stdout[0]!) as PlantSizing).feedKgPerYear).toBeCloseTo(20_000_000, 3);
  });

  it('prints a text report without --json', async () => {
    const io = capture();
    expect(await cli(['size', 'test/fixtures/scenarios/generic-demo.yaml'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('feed 10,000 t/yr over 6400 h/yr — design mode (margin 1.1; catalogue sizes; fill 15–90 %)');
    expect(text).toContain('No unit of this flowsheet declares equipment; there is nothing to size.');
  });

  it('a capacity of the wrong dimension is an input error (exit 1)', async () => {
    const io = capture();
    expect(await cli(['size', 'test/fixtures/scenarios/generic-demo.yaml', '--capacity', '20000 kg'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('plant.capacity');
  });

  it("a fixed count in the scenario's design section for an unknown item is an input error at its line", async () => {
    const root = resolve('scenarios');
    const file = join(dir, 'rating.yaml');
    writeFileSync(file, [
      'id: rating',
      `flowsheet: ${resolve('flowsheets/generic-demo.yaml')}`,
      `plant: ${join(root, 'plants/cn-10kt.yaml')}`,
      `feed: ${join(root, 'feeds/mixed-ev-scrap.yaml')}`,
      'design:',
      '  fixedCounts:',
      '    burn.kiln: 2',
      '',
    ].join('\n'));
    const io = capture();
    expect(await cli(['size', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toBe(`${file}:7:5 › design.fixedCounts.burn.kiln: no equipment item "burn.kiln"; fixed counts and sizes name an item as <unit id>.<equipment name>, and no unit of this flowsheet declares equipment`);
  });

  it('an invalid design section is an input error at its line', async () => {
    const root = resolve('scenarios');
    const file = join(dir, 'bad-margin.yaml');
    writeFileSync(file, [
      'id: bad-margin',
      `flowsheet: ${resolve('flowsheets/generic-demo.yaml')}`,
      `plant: ${join(root, 'plants/cn-10kt.yaml')}`,
      `feed: ${join(root, 'feeds/mixed-ev-scrap.yaml')}`,
      'design: { margin: 0.5 }',
      '',
    ].join('\n'));
    const io = capture();
    expect(await cli(['size', file, '--json'], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+ › design\\.margin: design margin below 1 \\(0\\.5\\)`));
  });
});
