import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sizePlant, resolveDesignSettings } from '../../src/design/index.js';
import type { EquipmentSpec } from '../../src/unit-ops/contract.js';
import { COST, unit, scaled } from './crafted.js';

const H = 6400;

const cycleArb = fc.record({
  loadH: fc.double({ min: 0, max: 2, noNaN: true }),
  heatH: fc.double({ min: 0, max: 5, noNaN: true }),
  dwellH: fc.double({ min: 0.1, max: 12, noNaN: true }),
  coolH: fc.double({ min: 0, max: 5, noNaN: true }),
  unloadH: fc.double({ min: 0, max: 2, noNaN: true }),
  cleanH: fc.double({ min: 0, max: 2, noNaN: true }),
});

const specArb: fc.Arbitrary<EquipmentSpec> = fc
  .record({
    batch: fc.boolean(),
    maxSize: fc.double({ min: 0.5, max: 50, noNaN: true }),
    minShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    capacityPerSize: fc.double({ min: 1, max: 5000, noNaN: true }),
    load: fc.double({ min: 0, max: 50_000, noNaN: true }),
    cycle: cycleArb,
  })
  .map((r, i = 0) => ({
    name: `item${i}`,
    description: 'random item',
    mode: r.batch ? 'batch' : 'continuous',
    sizeUnit: 'm3',
    maxSize: r.maxSize,
    minSize: r.maxSize * r.minShare,
    capacityPerSize: r.capacityPerSize,
    loadBasis: 'slurry',
    loadKgPerHour: r.load,
    ...(r.batch ? { cycle: r.cycle } : {}),
    cost: COST,
  }));

const plantArb = fc.array(fc.array(specArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((units) =>
  units.map((eqs, ui) => unit(`u${ui}`, eqs.map((e, j) => ({ ...e, name: `e${j}` })))),
);

const settingsArb = fc.record({
  margin: fc.double({ min: 1, max: 2, noNaN: true }),
  minCount: fc.integer({ min: 1, max: 3 }),
  minFill: fc.double({ min: 0, max: 0.4, noNaN: true }),
  maxFill: fc.double({ min: 0.5, max: 1, noNaN: true }),
}).map((s) => resolveDesignSettings(s));

describe('sizing properties', () => {
  it('more capacity never means fewer units', () => {
    fc.assert(
      fc.property(plantArb, settingsArb, fc.double({ min: 1, max: 20, noNaN: true }), (plant, settings, f) => {
        const a = sizePlant(plant, H, 1, settings, { schedule: false });
        const b = sizePlant(scaled(plant, f), H, f, settings, { schedule: false });
        a.equipment.forEach((e, i) => expect(b.equipment[i]!.count).toBeGreaterThanOrEqual(e.count));
      }),
      { numRuns: 300 },
    );
  });

  it('every sized item has size, time and combined utilisation ≤ 1 and a fill inside the window', () => {
    fc.assert(
      fc.property(plantArb, settingsArb, (plant, settings) => {
        const s = sizePlant(plant, H, 1, settings, { schedule: false });
        for (const e of s.equipment) {
          expect(e.mode).toBe('design');
          expect(e.utilisation).toBeLessThanOrEqual(1 + 1e-9);
          expect(e.sizeUtilisation).toBeLessThanOrEqual(1 + 1e-9);
          expect(e.timeUtilisation).toBeLessThanOrEqual(1 + 1e-9);
          expect(e.utilisation).toBeCloseTo(e.sizeUtilisation * e.timeUtilisation, 9);
          const spec = plant.find((u) => u.unitId === e.unitId)!.design.equipment.find((x) => x.name === e.name)!;
          expect(e.size).toBeLessThanOrEqual(spec.maxSize);
          expect(e.size).toBeGreaterThanOrEqual(spec.minSize);
          if (e.loadKgPerHour > 0) {
            expect(e.count).toBeGreaterThanOrEqual(settings.minCount);
            expect(e.installedCapacityKgPerHour).toBeGreaterThanOrEqual(e.loadKgPerHour * (1 - 1e-9));
            if (e.fill !== null) {
              expect(e.fill).toBeGreaterThanOrEqual(settings.minFill - 1e-9);
              expect(e.fill).toBeLessThanOrEqual(settings.maxFill + 1e-9);
            }
          }
        }
        if (s.maxCapacityKgPerYear !== null) expect(s.maxCapacityKgPerYear).toBeGreaterThanOrEqual(1 - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('the maximum capacity is where the bottleneck reaches utilisation 1', () => {
    fc.assert(
      fc.property(plantArb, settingsArb, fc.double({ min: 0.1, max: 10, noNaN: true }), (plant, settings, f) => {
        const s = sizePlant(scaled(plant, f), H, f * 1e6, settings, { schedule: false });
        if (s.bottleneck === null) return;
        const top = Math.max(...s.equipment.map((e) => e.utilisation));
        expect(s.bottleneckUtilisation).toBe(top);
        expect(s.maxCapacityKgPerYear! * top).toBeCloseTo(f * 1e6, 3);
      }),
      { numRuns: 300 },
    );
  });
});
