import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sizePlant, resolveDesignSettings, type EquipmentSizing } from '../../src/design/index.js';
import { CATALOGUE, catalogueOf, preferredNumbers } from '../../src/unit-ops/data/catalogue.js';
import { EQUIPMENT_COSTS, costOf, type EquipmentCostName } from '../../src/unit-ops/data/equipment.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { RegenflowError } from '../../src/schema/errors.js';
import type { EquipmentSpec } from '../../src/unit-ops/contract.js';
import { autoclave, dryer, unit, CYCLE_8H } from './crafted.js';

const H = 6400;
const defaults = resolveDesignSettings(undefined);
const item = (s: { equipment: EquipmentSizing[] }, unitId: string) => s.equipment.find((e) => e.unitId === unitId)!;

/** The crafted 10 m³ autoclave (900 kg per m³ per batch, 8 h cycle) priced as a catalogued vessel. */
const vessel = (load: number, over: Partial<EquipmentSpec> = {}) => autoclave(load, { cost: costOf('jacketedAgitatedReactor'), ...over });

describe('catalogue of standard sizes', () => {
  it('preferred numbers are the ISO 3 R5 and R10 series', () => {
    expect(preferredNumbers('R5', 0.1, 35)).toEqual([0.1, 0.16, 0.25, 0.4, 0.63, 1, 1.6, 2.5, 4, 6.3, 10, 16, 25]);
    expect(preferredNumbers('R10', 11, 640)).toEqual([12.5, 16, 20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630]);
  });

  it('every series is ascending, in its correlation\'s size unit and range, and names a source', () => {
    for (const [name, entry] of Object.entries(CATALOGUE)) {
      const c = EQUIPMENT_COSTS[name as EquipmentCostName];
      expect(entry!.sizeUnit, name).toBe(c.sizeUnit);
      expect(entry!.sizes.length, name).toBeGreaterThan(2);
      entry!.sizes.forEach((s, i) => { if (i > 0) expect(s, name).toBeGreaterThan(entry!.sizes[i - 1]!); });
      expect(entry!.sizes[0]!, name).toBeGreaterThanOrEqual(c.minSize);
      expect(entry!.sizes[entry!.sizes.length - 1]!, name).toBeLessThanOrEqual(c.maxSize);
      expect(entry!.source.length, name).toBeGreaterThan(20);
    }
    // the vessel series is DIN 28136's, the compressor drivers IEC 60072's, the kiln lines EverBatt's
    expect(CATALOGUE.jacketedAgitatedReactor!.source).toContain('DIN 28136');
    expect(CATALOGUE.vapourCompressor!.source).toContain('IEC 60072');
    expect(CATALOGUE.rollerHearthKiln!.sizes).toContain(2000);
  });

  it('kilns, calciners and evaporators run round the clock; batch vessels and filters do not', () => {
    for (const n of ['rollerHearthKiln', 'calciner', 'verticalTubeEvaporator', 'vapourCompressor'] as const) expect(CATALOGUE[n]!.roundTheClock, n).toBe(true);
    for (const n of ['jacketedAgitatedReactor', 'finishingAgitatedTank', 'filterPress', 'dryer', 'sorterLine'] as const) expect(CATALOGUE[n]!.roundTheClock, n).toBe(false);
  });

  it('finds an item\'s series through its cost correlation, also with a material factor', () => {
    expect(catalogueOf(costOf('jacketedAgitatedReactor', { materialFactor: 3 }), 'm3')!.id).toBe('jacketedAgitatedReactor');
    expect(catalogueOf(costOf('jacketedAgitatedReactor'), 't/h')).toBeUndefined();
    expect(catalogueOf(costOf('batpacCalendering'), 'kg/yr')).toBeUndefined();
    // every correlation has a series
    expect(Object.keys(CATALOGUE).sort()).toEqual(Object.keys(EQUIPMENT_COSTS).sort());
  });
});

describe('catalogue choice (hand-checked)', () => {
  it('picks the smallest standard vessel that carries the load with the margin', () => {
    // 500 kg/h × 1.1 = 550 kg/h; one item carries 900/8 = 112.5 kg/h per m³: 4.889 m³ needed →
    // DIN/R5 sizes … 4, 6.3, 10 m³ → 6.3 m³. u = 500 / (6.3 × 112.5) = 0.7055.
    const s = sizePlant([unit('relith', [vessel(500)])], H, 500 * H, defaults);
    const a = item(s, 'relith');
    expect(a.count).toBe(1);
    expect(a.size).toBe(6.3);
    expect(a.sizeBasis).toBe('catalogue');
    expect(a.sizeSource).toContain('DIN 28136');
    expect(a.utilisation).toBeCloseTo(500 / (6.3 * 112.5), 12);
    expect(a.purchaseCostUsd).toBeCloseTo(43_311 * (567.5 / 397) * Math.pow(6.3 / 10, 0.53), 6);
    // 2000 kg/h: 2200 / 1125 → 2 items; 1100 kg/h each needs 9.78 m³ → 10 m³, u = 2000/2250
    const b = item(sizePlant([unit('relith', [vessel(2000)])], H, 2000 * H, defaults), 'relith');
    expect([b.count, b.size]).toEqual([2, 10]);
    expect(b.utilisation).toBeCloseTo(2000 / 2250, 12);
  });

  it("the unit's own largest size is a standard size too (a standard-volume parameter)", () => {
    // maxSize 8 m³ (not in R5): 800 × 1.1 = 880 kg/h needs 7.82 m³ → 8 m³ rather than a 2nd vessel
    const a = item(sizePlant([unit('relith', [vessel(800, { maxSize: 8 })])], H, 1, defaults), 'relith');
    expect([a.count, a.size]).toEqual([1, 8]);
    // and sizes above the unit's largest are never picked: 1000 kg/h needs 2 items of 6.3 m³
    const b = item(sizePlant([unit('relith', [vessel(1000, { maxSize: 8 })])], H, 1, defaults), 'relith');
    expect([b.count, b.size]).toEqual([2, 6.3]);
  });

  it('sizing: continuous cuts sizes to measure (every item at 1/margin)', () => {
    const a = item(sizePlant([unit('relith', [vessel(500)])], H, 1, resolveDesignSettings({ sizing: 'continuous' })), 'relith');
    expect(a.size).toBeCloseTo(550 / 112.5, 12);
    expect(a.utilisation).toBeCloseTo(1 / 1.1, 12);
    expect(a.sizeBasis).toBe('continuous');
  });

  it("a scenario's standardSizes replace the catalogue for that item (sizes with units)", () => {
    const settings = resolveDesignSettings({ standardSizes: { 'relith.autoclave': ['5000 L', 8] } });
    const s = sizePlant([unit('relith', [vessel(500)])], H, 1, settings);
    const a = item(s, 'relith');
    expect(a.size).toBe(5);
    expect(a.sizeBasis).toBe('scenario');
    expect(s.settings.standardSizes).toEqual({ 'relith.autoclave': [5, 8] });
  });

  it('bad standardSizes are input errors naming the item', () => {
    expect(() => resolveDesignSettings({ standardSizes: { 'relith.autoclave': 5 } })).toThrow('design.standardSizes.relith.autoclave: standard sizes are a non-empty list of sizes (5 given)');
    const unknown = resolveDesignSettings({ standardSizes: { 'relith.autoclav': [5] } });
    expect(() => sizePlant([unit('relith', [vessel(500)])], H, 1, unknown)).toThrow(RegenflowError);
    expect(() => resolveDesignSettings({ roundTheClock: { 'relith.autoclave': 'yes' } })).toThrow('roundTheClock is true (runs through unstaffed hours) or false (only in staffed shifts) ("yes" given)');
  });

  it('items priced without a catalogued correlation keep sizes cut to measure', () => {
    const d = item(sizePlant([unit('dry', [dryer(1000)])], H, 1, defaults), 'dry');
    expect(d.sizeBasis).toBe('continuous');
    expect(d.utilisation).toBeCloseTo(1 / 1.1, 12);
  });

  it('with catalogue sizes the bottleneck is the item with the highest utilisation and max capacity = feed / u_max', () => {
    const names = Object.keys(CATALOGUE) as EquipmentCostName[];
    const spec = fc.record({ cost: fc.constantFrom(...names), load: fc.double({ min: 1, max: 30_000, noNaN: true }), batch: fc.boolean() });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 2, maxLength: 6 }), (specs) => {
        const units = specs.map((x, i) => {
          const c = EQUIPMENT_COSTS[x.cost];
          const e: EquipmentSpec = {
            name: 'item', description: '', mode: x.batch ? 'batch' : 'continuous', sizeUnit: c.sizeUnit, maxSize: c.maxSize, minSize: c.minSize,
            capacityPerSize: 100, loadBasis: 'test', loadKgPerHour: x.load, ...(x.batch ? { cycle: CYCLE_8H } : {}), cost: costOf(x.cost),
          };
          return unit(`u${i}`, [e]);
        });
        const s = sizePlant(units, H, 1e7, defaults, { schedule: false });
        const top = Math.max(...s.equipment.map((e) => e.utilisation));
        expect(s.bottleneckUtilisation).toBe(top);
        expect(`${s.bottleneck}.${s.bottleneckEquipment}`).toBe(`${s.equipment.find((e) => e.utilisation === top)!.unitId}.item`);
        expect(s.maxCapacityKgPerYear! * top).toBeCloseTo(1e7, 3);
        for (const e of s.equipment) {
          expect(e.utilisation).toBeLessThanOrEqual(1 / 1.1 + 1e-9);
          expect(e.installedCapacityKgPerHour).toBeGreaterThanOrEqual(e.loadKgPerHour * 1.1 * (1 - 1e-9));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('catalogue sizes on the reference plant', () => {
  const ev = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml')));
  const s = ev.sizing;

  it('items end at different utilisations, and the bottleneck has the least headroom', () => {
    const loaded = s.equipment.filter((e) => e.loadKgPerHour > 0);
    expect(new Set(loaded.map((e) => e.utilisation.toFixed(6))).size).toBe(loaded.length);
    const top = loaded.reduce((a, b) => (b.utilisation > a.utilisation ? b : a));
    expect([s.bottleneck, s.bottleneckEquipment]).toEqual([top.unitId, top.name]);
    expect(s.maxCapacityKgPerYear).toBeCloseTo(s.feedKgPerYear / top.utilisation, 3);
    // the maximum is no longer capacity × margin
    expect(Math.abs(s.maxCapacityKgPerYear! / s.feedKgPerYear - 1.1)).toBeGreaterThan(1e-3);
  });

  it('the evaporator (159.5 m² needed with the margin) is installed at the R10 size 160 m²', () => {
    const e = item(s, 'recover');
    expect(e.sizeBasis).toBe('catalogue');
    expect(e.size).toBe(160);
    expect(e.count).toBe(1);
    expect(e.roundTheClock).toBe(true);
    // utilisation × 160 m² × capacity per m² = load: the size that carries load × 1.1 lies in 125–160 m²
    expect(e.loadKgPerHour * 1.1 / (e.capacityKgPerHour / 160)).toBeGreaterThan(125);
    expect(e.loadKgPerHour * 1.1 / (e.capacityKgPerHour / 160)).toBeLessThanOrEqual(160);
  });

  it('every loaded item of the reference plant is on a standard size', () => {
    for (const e of s.equipment.filter((x) => x.count > 0)) expect(e.sizeBasis, `${e.unitId}.${e.name}`).toBe('catalogue');
  });
});
