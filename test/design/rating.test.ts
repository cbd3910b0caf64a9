import { describe, it, expect } from 'vitest';
import { sizePlant, resolveDesignSettings } from '../../src/design/index.js';
import { autoclave, dryer, unit, scaled } from './crafted.js';

const H = 6400;

/**
 * A crafted flowsheet: relith (batch autoclaves, 3000 kg/h) then dry (continuous dryers,
 * 6000 kg/h of wet cake) at a feed of 3000 kg/h × 6400 h = 19,200 t/yr.
 * Fixed: 3 autoclaves of 10 m3 → 3 × 1125 = 3375 kg/h, u = 3000/3375 = 0.8889;
 *        2 dryers of 5 t/h → 10,000 kg/h, u = 0.6.
 * The bottleneck is relith; the plant reaches 19,200 / 0.8889 = 21,600 t/yr.
 */
const plant = [unit('relith', [autoclave(3000)]), unit('dry', [dryer(6000)])];
const feed = 3000 * H;
const fixed = resolveDesignSettings({ fixedCounts: { 'relith.autoclave': 3, dry: { dryer: 2 } } });

describe('rating mode', () => {
  it('finds the known bottleneck and the maximum capacity', () => {
    const s = sizePlant(plant, H, feed, fixed);
    expect(s.mode).toBe('rating');
    const [a, d] = s.equipment;
    expect(a!.mode).toBe('rating');
    expect(a!.count).toBe(3);
    expect(a!.size).toBe(10);
    expect(a!.requiredKgPerHour).toBe(3000);
    expect(a!.utilisation).toBeCloseTo(3000 / 3375, 12);
    expect(d!.count).toBe(2);
    expect(d!.size).toBe(5);
    expect(d!.utilisation).toBeCloseTo(0.6, 12);
    expect(s.bottleneck).toBe('relith');
    expect(s.bottleneckEquipment).toBe('autoclave');
    expect(s.maxCapacityKgPerYear).toBeCloseTo(21_600_000, 3);
    expect(s.diagnostics).toEqual([]);
  });

  it('at the maximum capacity the bottleneck runs at exactly 100 %', () => {
    const s0 = sizePlant(plant, H, feed, fixed);
    const f = s0.maxCapacityKgPerYear! / feed;
    const s1 = sizePlant(scaled(plant, f), H, feed * f, fixed);
    expect(s1.bottleneckUtilisation).toBeCloseTo(1, 12);
    expect(s1.maxCapacityKgPerYear).toBeCloseTo(s0.maxCapacityKgPerYear!, 3);
  });

  it('reports utilisation above 1 when the target is beyond the installed equipment', () => {
    // 4000 kg/h of slurry on 3375 kg/h of autoclaves: u = 1.185, max = 25,600 t/yr × 3375/4000
    const big = [unit('relith', [autoclave(4000)]), unit('dry', [dryer(8000)])];
    const s = sizePlant(big, H, 4000 * H, fixed);
    const a = s.equipment[0]!;
    expect(a.utilisation).toBeCloseTo(4000 / 3375, 12);
    expect(a.timeUtilisation).toBeGreaterThan(1);
    expect(a.sizeUtilisation).toBeCloseTo(1, 12);
    expect(a.fill).toBeCloseTo(0.9, 12);
    expect(s.maxCapacityKgPerYear).toBeCloseTo(3375 * H, 3);
    const over = s.diagnostics.filter((x) => x.code === 'overloaded');
    expect(over).toHaveLength(1);
    expect(over[0]!.severity).toBe('error');
    // the autoclaves take 3375 kg/h of the 4000 kg/h a feed of 25,600 t/yr gives: 21,600 t/yr
    expect(over[0]!.message).toBe('relith.autoclave would run at 119 % of its installed capacity; it can take the load of at most 21600 t/yr of feed, and with the installed equipment the plant reaches at most 21600 t/yr — add items or lower the capacity');
  });

  it('a plant with some items fixed and others sized is in rating mode; sized items stay ≤ 1', () => {
    const s = sizePlant(plant, H, feed, resolveDesignSettings({ fixedCounts: { 'dry.dryer': 1 } }));
    expect(s.mode).toBe('rating');
    expect(s.equipment[0]!.mode).toBe('design');
    expect(s.equipment[0]!.utilisation).toBeCloseTo(1 / 1.1, 12);
    // 1 dryer of 5 t/h for 6000 kg/h: u = 1.2 — the dryer limits the plant to 16,000 t/yr
    expect(s.bottleneck).toBe('dry');
    expect(s.maxCapacityKgPerYear).toBeCloseTo(5000 * H / 2, 3);
  });

  it('a fixed size with a fixed count rates that size', () => {
    const s = sizePlant(plant, H, feed, resolveDesignSettings({ fixedCounts: { 'relith.autoclave': 4 }, fixedSizes: { 'relith.autoclave': 8 } }));
    const a = s.equipment[0]!;
    expect(a.size).toBe(8);
    // 4 × 8 m3 × 900 kg / 8 h = 3600 kg/h
    expect(a.installedCapacityKgPerHour).toBeCloseTo(3600, 9);
    expect(a.utilisation).toBeCloseTo(3000 / 3600, 12);
  });
});

describe('settings that fix nothing, remembered', () => {
  it('a plant rated with fixed counts after, between and before sizings with settings that fix nothing is sized as on its own, in both description modes', () => {
    const plant = [unit('relith', [autoclave(3000)]), unit('dry', [dryer(6000)])];
    const text = (x: unknown) => JSON.stringify(x);
    const free = resolveDesignSettings(undefined);
    const fixedHere = resolveDesignSettings({ fixedCounts: { 'relith.autoclave': 3, dry: { dryer: 2 } } });
    for (const describe of [true, false]) {
      const options = { schedule: false, describe };
      const alone = text(sizePlant(plant, H, 3000 * H, resolveDesignSettings({ fixedCounts: { 'relith.autoclave': 3, dry: { dryer: 2 } } }), options));
      const freeAlone = text(sizePlant(plant, H, 3000 * H, resolveDesignSettings(undefined), options));
      for (let k = 0; k < 2; k++) {
        expect(text(sizePlant(plant, H, 3000 * H, free, options))).toBe(freeAlone);
        const rated = sizePlant(plant, H, 3000 * H, fixedHere, options);
        expect(rated.mode).toBe('rating');
        expect(rated.equipment.map((e) => e.count)).toEqual([3, 2]);
        expect(text(rated)).toBe(alone);
      }
    }
  });
});
