import { describe, it, expect } from 'vitest';
import { sizePlant, resolveDesignSettings, debottleneck, type EquipmentSizing } from '../../src/design/index.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { kpisOf } from '../../src/pipeline/document.js';
import { sizeReport, capacityCurve, parseCurve } from '../../src/pipeline/capacity.js';
import { cepciOf } from '../../src/economics/cepci.js';
import { capacitySheet } from '../../src/export/capacity.js';
import { workbookModel } from '../../src/export/workbook.js';
import { runCli } from '../cli/capture.js';
import { autoclave, dryer, unit } from './crafted.js';

const H = 6400;

describe('debottlenecking (hand-computed)', () => {
  // 3 autoclaves of 10 m³ (1125 kg/h each) carry 3000 kg/h: u = 0.8889; 2 dryers of 5 t/h carry 6000: u = 0.6.
  const plant = [unit('relith', [autoclave(3000)]), unit('dry', [dryer(6000)])];
  const feed = 3000 * H;
  const s = sizePlant(plant, H, feed, resolveDesignSettings({ fixedCounts: { 'relith.autoclave': 3, 'dry.dryer': 2 } }));
  const cost = (e: EquipmentSizing) => (e.name === 'autoclave' ? 100 : 10);

  it('adds the bottleneck item first and reports the maximum feed after each step', () => {
    const d = debottleneck(s, cost, 3);
    // step 1: a 4th autoclave → u = 3000/4500 = 0.667, still above the dryers: max = feed / 0.667
    expect(d[0]).toEqual({ step: 1, item: 'relith.autoclave', addCount: 1, countBefore: 3, countAfter: 4, size: 10, sizeUnit: 'm3', costUsd: 100, maxCapacityKgPerYearAfter: expect.closeTo(feed * 4500 / 3000, 3), bottleneckAfter: 'relith.autoclave' });
    // step 2: a 5th → u = 3000/5625 = 0.533; now the dryers (0.6) limit: max = feed / 0.6
    expect(d[1]).toMatchObject({ step: 2, item: 'relith.autoclave', countAfter: 5, bottleneckAfter: 'dry.dryer' });
    expect(d[1]!.maxCapacityKgPerYearAfter).toBeCloseTo(feed / 0.6, 3);
    // step 3: a 3rd dryer → 0.4; the autoclaves (0.533) limit again
    expect(d[2]).toMatchObject({ step: 3, item: 'dry.dryer', countBefore: 2, countAfter: 3, costUsd: 10, bottleneckAfter: 'relith.autoclave' });
    expect(d[2]!.maxCapacityKgPerYearAfter).toBeCloseTo(feed * 5625 / 3000, 3);
  });

  it('items tied at the top are added in the same step (adding one alone gains nothing)', () => {
    // 2250 kg/h on 2 autoclaves = 1 on 2.25 t/h... make both utilisations 0.8: 1800 kg/h on 2 autoclaves, 4000 on 1 dryer of 5 t/h
    const tied = sizePlant([unit('relith', [autoclave(1800)]), unit('dry', [dryer(4000)])], H, 1e6, resolveDesignSettings({ fixedCounts: { 'relith.autoclave': 2, 'dry.dryer': 1 } }));
    const d = debottleneck(tied, cost, 1);
    expect(d.map((x) => [x.step, x.item])).toEqual([[1, 'relith.autoclave'], [1, 'dry.dryer']]);
    // after: autoclaves 1800/3375 = 0.533, dryers 0.4: max = 1e6 / 0.533
    expect(d[0]!.maxCapacityKgPerYearAfter).toBeCloseTo(1e6 * 3375 / 1800, 3);
  });
});

describe('size report and capacity curve on the reference plant', () => {
  const raw = loadRawScenario('scenarios/reference-cn.yaml');
  const ev = evaluate(resolveModel(raw));
  const report = sizeReport(ev);

  it('purchased equipment is one total in the price set\'s dollars: the correlations\' years escalated with CEPCI, regional factor applied', () => {
    const capex = ev.economics.capex;
    expect(report.purchasedEquipmentUsd).toBe(capex.purchasedEquipmentUsd);
    expect(report.dollarYear).toBe(2024);
    const target = cepciOf(report.dollarYear)!;
    const byHand = Object.entries(ev.sizing.purchaseCostUsdByCepciYear).reduce((sum, [y, usd]) => sum + usd * (target / cepciOf(Number(y))!) * report.regionalFactor, 0);
    expect(report.purchasedEquipmentUsd).toBeCloseTo(byHand, -1); // cent-rounded per item
    expect(report.regionalFactor).toBeCloseTo(0.61, 12); // CN (EverBatt 2023, REFERENCE.md 1.3.7)
  });

  it('debottlenecking raises the maximum capacity step by step, starting at the bottleneck, at CAPEX prices', () => {
    const d = report.debottleneck;
    expect(d.length).toBe(3);
    expect(d[0]!.item).toBe(`${ev.sizing.bottleneck}.${ev.sizing.bottleneckEquipment}`);
    let last = ev.sizing.maxCapacityKgPerYear!;
    for (const x of d) {
      expect(x.maxCapacityKgPerYearAfter).toBeGreaterThan(last);
      last = x.maxCapacityKgPerYearAfter;
      const row = ev.economics.capex.equipment.find((r) => `${r.unitId}.${r.name}` === x.item)!;
      expect(x.costUsd).toBeCloseTo(row.purchaseCostUsd / row.count, 1);
    }
    // re-sizing with the first step's item added reaches the reported maximum
    const [unitId, name] = [ev.sizing.bottleneck!, ev.sizing.bottleneckEquipment!];
    const counts = Object.fromEntries(ev.sizing.equipment.map((e) => [`${e.unitId}.${e.name}`, e.count + (e.unitId === unitId && e.name === name ? 1 : 0)]));
    const sizes = Object.fromEntries(ev.sizing.equipment.map((e) => [`${e.unitId}.${e.name}`, e.size]));
    const after = evaluate(resolveModel(raw, [{ path: 'design.fixedCounts', value: counts }, { path: 'design.fixedSizes', value: sizes }]));
    expect(after.sizing.maxCapacityKgPerYear).toBeCloseTo(d[0]!.maxCapacityKgPerYearAfter, 3);
  });

  it('parses lo:hi:n in t/yr or with units', () => {
    expect(parseCurve('5000:20000:7')).toEqual({ lo: 5e6, hi: 2e7, n: 7 });
    expect(parseCurve('5 kt/yr : 20000 t/yr : 3')).toEqual({ lo: 5e6, hi: 2e7, n: 3 });
    for (const bad of ['5000:20000', '20000:5000:3', '5000:20000:1', 'a:b:3', '5000:20000:2.5']) expect(() => parseCurve(bad)).toThrow('not a capacity range');
  });

  const curve = capacityCurve(raw, [], undefined, 5e6, 15e6, 3);

  it('a curve point at the scenario\'s capacity is the scenario\'s run', () => {
    const k = kpisOf(ev);
    const p = curve.points[1]!;
    expect(p.capacityKgPerYear).toBe(10e6);
    expect(p.costUsdPerKgProduct).toBe(k.costUsdPerKgProduct);
    expect(p.npvUsd).toBe(k.npvUsd);
    expect(p.capexUsd).toBe(k.capexUsd);
    expect(p.bottleneck).toBe(`${ev.sizing.bottleneck}.${ev.sizing.bottleneckEquipment}`);
    expect(curve.points.every((x) => x.feasible && x.error === null)).toBe(true);
    // economy of scale: more capacity, more capital
    expect(curve.points[2]!.capexUsd!).toBeGreaterThan(curve.points[0]!.capexUsd!);
  });

  it('each equipment step is where design mode really changes that item', () => {
    expect(curve.steps.length).toBeGreaterThan(3);
    for (const st of curve.steps.slice(0, 4)) {
      const at = (c: number) => evaluate(resolveModel(raw, [{ path: 'plant.capacity', value: `${c} kg/yr` }]), { mode: 'sample' }).sizing.equipment.find((e) => `${e.unitId}.${e.name}` === st.item)!;
      const below = at(st.capacityKgPerYear * (1 - 1e-6));
      const above = at(st.capacityKgPerYear * (1 + 1e-6));
      expect([below.count, below.size], st.item).toEqual([st.countBefore, st.sizeBefore]);
      expect([above.count, above.size], st.item).toEqual([st.countAfter, st.sizeAfter]);
    }
  });

  it('the Capacity sheet lists the points and the steps', () => {
    const g = capacitySheet(curve);
    expect(g.name).toBe('Capacity');
    expect(g.get(3, 1)!.value).toBe(5e6);
    expect(g.get(4, 3)!.value).toBe(curve.points[1]!.npvUsd);
    expect(g.get(5, 2)!.value).toBe(curve.points[2]!.costUsdPerKgProduct);
    const stepsHeader = 3 + curve.points.length + 2;
    expect(g.get(stepsHeader, 2)!.value).toBe('item');
    expect(g.get(stepsHeader + 1, 2)!.value).toBe(curve.steps[0]!.item);
    expect(workbookModel([ev], { capacityCurve: curve, pictures: false, charts: false }).sheets.at(-1)!.name).toBe('Capacity');
  });

  it('size --curve prints the curve (text and JSON)', async () => {
    const text = await runCli(['size', 'scenarios/reference-cn.yaml', '--curve', '5000:15000:3']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Capacity curve — a plant designed for each capacity (2024 USD)');
    expect(text.out).toContain('Steps where equipment is added');
    const json = await runCli(['size', 'scenarios/reference-cn.yaml', '--curve', '5000:15000:3', '--json']);
    const doc = JSON.parse(json.out) as { capacityCurve: typeof curve; purchasedEquipmentUsd: number };
    expect(doc.capacityCurve.points.map((p) => p.npvUsd)).toEqual(curve.points.map((p) => p.npvUsd));
    expect(doc.purchasedEquipmentUsd).toBe(report.purchasedEquipmentUsd);
    const bad = await runCli(['size', 'scenarios/reference-cn.yaml', '--curve', '5000']);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('--curve: not a capacity range ("5000"); give lo:hi:n with capacities in t/yr or with units, lo < hi and 2 ≤ n ≤ 200, e.g. --curve 5000:20000:7 or --curve "5 kt/yr:20 kt/yr:7"\n');
  });
});
