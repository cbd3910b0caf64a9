import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/capture.js';
import { parseText } from '../../src/io/document.js';
import { parsePlantDesign } from '../../src/pipeline/capacity.js';
import type { RunDocument } from '../../src/pipeline/document.js';
import type { PlantSizing } from '../../src/design/index.js';

const dir = mkdtempSync(join(tmpdir(), 'regenflow-design-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCENARIO = 'scenarios/reference-cn.yaml';
const designFile = join(dir, 'plant-design.yaml');

type SizeJson = PlantSizing & { purchasedEquipmentUsd: number; dollarYear: number; debottleneck: { item: string; addCount: number; costUsd: number; maxCapacityKgPerYearAfter: number }[] };

describe('saving and rating a plant design', async () => {
  const saved = await runCli(['size', SCENARIO, '--save', designFile, '--json']);
  const designed = JSON.parse(saved.out) as SizeJson;
  const own = JSON.parse((await runCli(['run', SCENARIO, '--json'])).out) as RunDocument;

  it('size --save writes every item with its count and size', () => {
    expect(saved.code).toBe(0);
    expect(saved.err).toBe(`wrote ${designFile}\n`);
    const text = readFileSync(designFile, 'utf8');
    expect(text).toContain(`# Installed plant design written by \`regenflow size ${SCENARIO} --save "${designFile}"\`.`);
    const d = parsePlantDesign(parseText(designFile, text)).design;
    expect(d.scenario).toBe('reference-cn');
    expect(d.flowsheet).toBe('hydrothermal');
    expect(d.capacity).toBeCloseTo(10_000_000, 3);
    expect(Object.keys(d.items)).toEqual(designed.equipment.map((e) => `${e.unitId}.${e.name}`));
    for (const e of designed.equipment) {
      const it = d.items[`${e.unitId}.${e.name}`]!;
      expect([it.count, it.size, it.sizeUnit, it.purchaseCostUsd, it.cepciYear]).toEqual([e.count, e.size, e.sizeUnit, e.purchaseCostUsd, e.cepciYear]);
    }
    expect(d.purchasedEquipmentUsd).toBe(designed.purchasedEquipmentUsd);
  });

  it('regenflow validate recognises a saved design', async () => {
    const v = await runCli(['validate', designFile]);
    expect(v.code).toBe(0);
    expect(v.out).toContain('(plant-design)');
  });

  it('rating the saved design at its own capacity reproduces CAPEX, NPV and the equipment', async () => {
    const rated = await runCli(['run', SCENARIO, '--design', designFile, '--json']);
    expect(rated.code).toBe(0);
    const a = own;
    const b = JSON.parse(rated.out) as RunDocument;
    expect(b.kpis.capexUsd).toBe(a.kpis.capexUsd);
    expect(b.kpis.npvUsd).toBe(a.kpis.npvUsd);
    expect(b.maxCapacityKgPerYear).toBe(a.maxCapacityKgPerYear);
    expect((b.sizing as { mode: string }).mode).toBe('rating');
    expect((b.sizing as { settings: { installedDesignFile: string } }).settings.installedDesignFile).toBe(designFile);
    expect(b.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('at +30 % capacity CAPEX stays, utilisation exceeds 1 and the overload names the item and what it can take (exit 2)', async () => {
    const over = await runCli(['size', SCENARIO, '--design', designFile, '--capacity', '13000 t/yr', '--json']);
    expect(over.code).toBe(2);
    const s = JSON.parse(over.out) as SizeJson;
    expect(s.purchasedEquipmentUsd).toBe(designed.purchasedEquipmentUsd);
    const top = s.equipment.find((e) => e.unitId === designed.bottleneck && e.name === designed.bottleneckEquipment)!;
    // the design's bottleneck ran at u0 at 10 kt/yr: at 13 kt/yr u = 1.3 u0 and it takes 10 kt/yr / u0
    expect(top.utilisation).toBeCloseTo(1.3 * designed.bottleneckUtilisation!, 9);
    expect(s.maxCapacityKgPerYear).toBeCloseTo(designed.maxCapacityKgPerYear!, 3);
    const errors = s.diagnostics.filter((d) => d.severity === 'error');
    const item = `${top.unitId}.${top.name}`;
    const e = errors.find((d) => d.where === item)!;
    const t = (kg: number) => `${Number((kg / 1000).toPrecision(4))} t/yr`;
    expect(e.message).toBe(`${item} would run at ${Number((top.utilisation * 100).toPrecision(3))} % of its installed capacity; it can take the load of at most ${t(designed.maxCapacityKgPerYear!)} of feed, and with the installed equipment the plant reaches at most ${t(designed.maxCapacityKgPerYear!)} — add items or lower the capacity`);
    // every overloaded item is named, none that is not
    expect(errors.map((d) => d.where).sort()).toEqual(s.equipment.filter((x) => x.utilisation > 1).map((x) => `${x.unitId}.${x.name}`).sort());
    // the debottlenecking steps go on until the plant takes the 13 kt/yr
    expect(s.debottleneck.at(-1)!.maxCapacityKgPerYearAfter).toBeGreaterThanOrEqual(13_000_000);
    expect(s.debottleneck.at(-2)!.maxCapacityKgPerYearAfter).toBeLessThan(13_000_000);
  });

  it('run and compare rate the design too; the text names the overload', async () => {
    const run = await runCli(['run', SCENARIO, '--design', designFile, '--capacity', '13000 t/yr']);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/error: recover\.evaporator would run at 118 % of its installed capacity/);
    const cmp = await runCli(['compare', SCENARIO, '--design', designFile, '--capacity', '13000 t/yr', '--json']);
    expect(cmp.code).toBe(2);
    const docs = JSON.parse(cmp.out) as RunDocument[];
    expect(docs[0]!.kpis.capexUsd).toBe(own.kpis.capexUsd);
    const ok = await runCli(['compare', SCENARIO, '--design', designFile]);
    expect(ok.code).toBe(0);
  });

  it('an item the flowsheet lacks is an input error at its line in the design file; a missing item is named', async () => {
    const text = readFileSync(designFile, 'utf8');
    const extra = join(dir, 'extra.yaml');
    writeFileSync(extra, `${text}  relith.autoclav:\n    count: 2\n    size: 10\n    sizeUnit: m3\n`);
    const line = text.split('\n').length;
    const r = await runCli(['run', SCENARIO, '--design', extra]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${extra}:${line}:3 › items.relith.autoclav: no equipment item "relith.autoclav" (did you mean "relith.autoclave"?); fixed counts and sizes name an item as <unit id>.<equipment name>, and this flowsheet's items are: sort.sorting line, delam.NMP delamination tank, delam.foil screen, delam.cam filter press, delam.NMP still, relith.autoclave, wash.repulp-tank, wash.filter-press, recover.evaporator, lirec.precipitation tank, lirec.Li2CO3 filter press, lirec.Li2CO3 dryer, dry.dryer, sinter.roller-hearth-kiln\n`);
    const missing = join(dir, 'missing.yaml');
    writeFileSync(missing, text.replace(/  dry\.dryer:\n(    .*\n)+/, ''));
    const m = await runCli(['run', SCENARIO, '--design', missing]);
    expect(m.code).toBe(1);
    expect(m.err).toBe(`${missing}:${text.split('\n').indexOf('items:') + 1}:1 › items: the design has no entry for "dry.dryer", an item of this flowsheet; save the design from this scenario and flowsheet (regenflow size <scenario> --save ${missing}) or add dry.dryer: { count, size, sizeUnit }\n`);
  });

  it('a malformed design file is an input error with its line; --save needs .yaml', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'kind: plant-design\nitems:\n  relith.autoclave: { count: -1, size: 10, sizeUnit: m3 }\n');
    const r = await runCli(['size', SCENARIO, '--design', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+ › items\\.relith\\.autoclave\\.count: `));
    const json = join(dir, 'design.json');
    const s = await runCli(['size', SCENARIO, '--save', json]);
    expect(s.code).toBe(1);
    expect(s.err).toBe(`${json}: a plant design is saved as YAML (${json}); give --save a file name ending in .yaml or .yml\n`);
    expect(existsSync(json)).toBe(false);
  });

  it('a count of 0 rates an item as not installed: the plant reaches nothing until it is added', async () => {
    const text = readFileSync(designFile, 'utf8');
    const none = join(dir, 'no-dryer.yaml');
    writeFileSync(none, text.replace(/(  dry\.dryer:\n    count: )1/, '$10'));
    const r = await runCli(['size', SCENARIO, '--design', none, '--json']);
    expect(r.code).toBe(2);
    const s = JSON.parse(r.out) as SizeJson;
    expect(s.maxCapacityKgPerYear).toBe(0);
    expect(s.diagnostics.find((d) => d.where === 'dry.dryer')!.message).toBe('dry.dryer is not installed (count 0 in the design) but carries load at this capacity; the plant cannot run — add the item to the design');
    expect(s.debottleneck[0]!.item).toBe('dry.dryer');
    expect(s.debottleneck[0]!.maxCapacityKgPerYearAfter).toBeCloseTo(designed.maxCapacityKgPerYear!, 3);
  });
});
