/**
 * Prepared items (design/items.ts preparedItem): each item's key, plan and usable sizes kept per
 * design settings and item position, and the purchase cost of its last size — made again whenever
 * what they are made from differs, so a sizing is the same whatever was sized before it.
 */
import { describe, expect, it } from 'vitest';
import { sizePlant, resolveDesignSettings, shiftPlan, type DesignedUnit } from '../../src/design/index.js';
import { preparedItems } from '../../src/design/items.js';
import { costOf } from '../../src/unit-ops/data/equipment.js';
import type { EquipmentSpec } from '../../src/unit-ops/contract.js';
import { autoclave, dryer, unit } from './crafted.js';

const H = 6400;
const vessel = (load: number, over: Partial<EquipmentSpec> = {}) => autoclave(load, { cost: costOf('jacketedAgitatedReactor'), ...over });
const text = (x: unknown) => JSON.stringify(x);

/** Plants that differ in their items, order, ranges, correlations and units. */
const PLANTS: DesignedUnit[][] = [
  [unit('relith', [vessel(900)]), unit('dry', [dryer(3000)])],
  [unit('relith', [vessel(2500, { maxSize: 8 })]), unit('dry', [dryer(3000)])],
  [unit('dry', [dryer(1200)]), unit('relith', [vessel(900)])],
  [unit('relith', [vessel(900), autoclave(400, { name: 'second' })]), unit('dry', [dryer(3000, { minSize: 0.5 })])],
  [unit('other', [vessel(900)])],
  [unit('relith', [vessel(900, { cost: costOf('jacketedAgitatedReactor', { materialFactor: 1.5 }) })]), unit('dry', [dryer(3000)])],
];

describe('prepared items', () => {
  it('a plant sized after any others is sized as with settings of its own (fresh), in design and rating mode and with fewer staffed hours', () => {
    const settingsOf = [
      () => resolveDesignSettings(undefined),
      () => resolveDesignSettings({ standardSizes: { 'relith.autoclave': ['4 m3', '6 m3'] } }),
      () => resolveDesignSettings({ sizing: 'continuous' }),
    ];
    for (const make of settingsOf) {
      const shared = make();
      for (const order of [[0, 1, 2, 3, 4, 5, 0, 5, 1], [5, 4, 3, 2, 1, 0, 3]]) {
        for (const i of order) {
          for (const shifts of [undefined, shiftPlan({ operatingHoursPerYear: H, operatingDaysPerYear: 320, shiftLengthH: 8, shiftsPerDay: 2, minimumCrew: 2 })]) {
            const options = { schedule: false, ...(shifts ? { shifts } : {}) };
            let fresh;
            try {
              fresh = text(sizePlant(PLANTS[i]!, H, 1e6, make(), options));
            } catch (e) {
              expect(() => sizePlant(PLANTS[i]!, H, 1e6, shared, options)).toThrow((e as Error).message);
              continue;
            }
            expect(text(sizePlant(PLANTS[i]!, H, 1e6, shared, options)), `plant ${i}`).toBe(fresh);
          }
        }
      }
    }
  });

  it('an item is kept while its inputs are the same and made again when its range, unit, hours or settings change', () => {
    const settings = resolveDesignSettings(undefined);
    sizePlant(PLANTS[0]!, H, 1e6, settings);
    const [relith, dry] = preparedItems(settings);
    expect(relith!.key).toBe('relith.autoclave');
    expect(relith!.sizes!.length).toBeGreaterThan(2);
    expect(dry!.key).toBe('dry.dryer');
    // Other loads: the same items.
    sizePlant([unit('relith', [vessel(1900)]), unit('dry', [dryer(100)])], H, 1e6, settings);
    expect(preparedItems(settings)[0]).toBe(relith);
    expect(preparedItems(settings)[1]).toBe(dry);
    // Another range: made again; another unit id at that position: made again.
    sizePlant(PLANTS[1]!, H, 1e6, settings);
    expect(preparedItems(settings)[0]).not.toBe(relith);
    expect(preparedItems(settings)[1]).toBe(dry);
    sizePlant([unit('dry', [dryer(1200)])], H, 1e6, settings);
    expect(preparedItems(settings)[0]!.key).toBe('dry.dryer');
    // Other hours: made again.
    const before = preparedItems(settings)[0];
    sizePlant([unit('dry', [dryer(1200)])], H - 1, 1e6, settings);
    expect(preparedItems(settings)[0]).not.toBe(before);
    // Other settings: a list of their own.
    const other = resolveDesignSettings(undefined);
    sizePlant(PLANTS[0]!, H, 1e6, other);
    expect(preparedItems(other)).not.toBe(preparedItems(settings));
    expect(preparedItems(other)[0]!.key).toBe('relith.autoclave');
  });

  it('the purchase cost kept for a size is the cost of that correlation at that size', () => {
    const settings = resolveDesignSettings(undefined);
    const a = sizePlant([unit('relith', [vessel(900)])], H, 1e6, settings).equipment[0]!;
    const b = sizePlant([unit('relith', [vessel(900, { cost: costOf('jacketedAgitatedReactor', { materialFactor: 2 }) })])], H, 1e6, settings).equipment[0]!;
    expect(b.size).toBe(a.size);
    expect(b.purchaseCostUsd).toBe(a.purchaseCostUsd * 2);
    const c = sizePlant([unit('relith', [vessel(900)])], H, 1e6, settings).equipment[0]!;
    expect(text(c)).toBe(text(a));
  });
});

describe('sizings without a description (Monte Carlo samples)', () => {
  it('leave the per-unit rows to reports and share one frozen settings echo per settings object; everything else as described', () => {
    const settings = resolveDesignSettings({ standardSizes: { 'relith.autoclave': ['4 m3', '6 m3'] }, margin: 1.2 });
    const plant = PLANTS[0]!;
    const described = sizePlant(plant, H, 1e6, settings, { schedule: false });
    const a = sizePlant(plant, H, 1e6, settings, { schedule: false, describe: false });
    const b = sizePlant(plant, H, 1e6, settings, { schedule: false, describe: false });
    expect(described.units.length).toBe(2);
    expect(a.units).toEqual([]);
    expect(a.settings).toStrictEqual(described.settings);
    expect(Object.isFrozen(a.settings) && Object.isFrozen(a.settings.standardSizes) && Object.isFrozen(a.settings.standardSizes['relith.autoclave'])).toBe(true);
    // Checked items are made again per sizing when the scenario lists sizes: the echo with them.
    expect(b.settings).toStrictEqual(a.settings);
    const plain = resolveDesignSettings(undefined);
    const c = sizePlant(plant, H, 1e6, plain, { schedule: false, describe: false });
    expect(sizePlant(plant, H, 1e6, plain, { schedule: false, describe: false }).settings).toBe(c.settings);
    expect(sizePlant(plant, H, 1e6, resolveDesignSettings(undefined), { schedule: false, describe: false }).settings).not.toBe(c.settings);
    // Reports get an echo of their own.
    expect(described.settings).not.toBe(sizePlant(plant, H, 1e6, settings, { schedule: false }).settings);
    expect(Object.isFrozen(described.settings)).toBe(false);
    const { units: _u, settings: _s, purchaseCostUsdByCepciYear: _p, ...rest } = described;
    const { units: _au, settings: _as, purchaseCostUsdByCepciYear: _ap, ...restA } = a;
    expect(JSON.stringify(restA.equipment.map((e) => [e.size, e.count, e.utilisation, e.purchaseCostUsd]))).toBe(JSON.stringify(rest.equipment.map((e) => [e.size, e.count, e.utilisation, e.purchaseCostUsd])));
    expect(restA.operatorsPerShift).toBe(rest.operatorsPerShift);
    expect(restA.labour).toStrictEqual(rest.labour);
    expect([restA.bottleneck, restA.bottleneckEquipment, restA.bottleneckUtilisation, restA.maxCapacityKgPerYear]).toEqual([rest.bottleneck, rest.bottleneckEquipment, rest.bottleneckUtilisation, rest.maxCapacityKgPerYear]);
  });
});

describe('sizings of an item without notes (SizingMemo: kept with its prepared item)', () => {
  const quiet = { schedule: false, describe: false } as const;

  it('a plant sized without notes after any others is sized as with settings of its own (fresh)', () => {
    const shared = resolveDesignSettings(undefined);
    for (const i of [0, 0, 1, 2, 3, 4, 5, 0, 5, 5, 1, 3, 3]) {
      let fresh;
      try {
        fresh = text(sizePlant(PLANTS[i]!, H, 1e6, resolveDesignSettings(undefined), quiet).equipment);
      } catch (e) {
        expect(() => sizePlant(PLANTS[i]!, H, 1e6, shared, quiet)).toThrow((e as Error).message);
        continue;
      }
      expect(text(sizePlant(PLANTS[i]!, H, 1e6, shared, quiet).equipment), `plant ${i}`).toBe(fresh);
    }
  });

  it('the same sizing object while every input is the same; a new one when any differs, and always in a described sizing', () => {
    const settings = resolveDesignSettings(undefined);
    const dry = dryer(3000);
    const plant = [unit('relith', [vessel(900)]), unit('dry', [dry])];
    const a = sizePlant(plant, H, 1e6, settings, quiet).equipment;
    const b = sizePlant(plant, H, 1e6, settings, quiet).equipment;
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    // New spec objects with the same values (as a sample's designs make them): kept.
    const again = [unit('relith', [vessel(900)]), unit('dry', [{ ...dry }])];
    expect(sizePlant(again, H, 1e6, settings, quiet).equipment[0]).toBe(a[0]);
    expect(sizePlant(again, H, 1e6, settings, quiet).equipment[1]).toBe(a[1]);
    // Another load, capacity, description or correlation object: sized again, as fresh settings size it.
    const variants: DesignedUnit[][] = [
      [unit('relith', [vessel(901)]), unit('dry', [dry])],
      [unit('relith', [vessel(900, { capacityPerSize: 123 })]), unit('dry', [dry])],
      [unit('relith', [vessel(900, { description: 'another' })]), unit('dry', [dry])],
      [unit('relith', [vessel(900, { cost: { ...costOf('jacketedAgitatedReactor') } })]), unit('dry', [dry])],
    ];
    for (const v of variants) {
      const got = sizePlant(v, H, 1e6, settings, quiet).equipment;
      expect(got[0]).not.toBe(a[0]);
      expect(got[1]).toBe(a[1]);
      expect(text(got)).toBe(text(sizePlant(v, H, 1e6, resolveDesignSettings(undefined), quiet).equipment));
    }
    // Other hours (the item's prepared plan) or settings: sized again.
    expect(sizePlant(plant, H - 1, 1e6, settings, quiet).equipment[1]).not.toBe(a[1]);
    // A described sizing (its notes written) never takes nor leaves a kept one.
    sizePlant(plant, H, 1e6, settings, quiet);
    const kept = sizePlant(plant, H, 1e6, settings, quiet).equipment[0];
    const described = sizePlant(plant, H, 1e6, settings, { schedule: false }).equipment[0];
    expect(described).not.toBe(kept);
    expect(text(described)).toBe(text(kept));
    expect(sizePlant(plant, H, 1e6, settings, quiet).equipment[0]).toBe(kept);
  });

  it('a memo kept past other inputs (refreshed every 16th miss): an item whose inputs settle is kept again, every sizing as fresh settings make it', () => {
    const settings = resolveDesignSettings(undefined);
    const dry = dryer(3000);
    const plantAt = (load: number) => [unit('relith', [vessel(load)]), unit('dry', [dry])];
    const first = sizePlant(plantAt(900), H, 1e6, settings, quiet).equipment[0];
    // Other loads: sized afresh each time (the memo may keep any of them, or the first).
    for (let k = 1; k <= 20; k++) {
      const got = sizePlant(plantAt(900 + k), H, 1e6, settings, quiet).equipment[0];
      expect(got).not.toBe(first);
      expect(text(got)).toBe(text(sizePlant(plantAt(900 + k), H, 1e6, resolveDesignSettings(undefined), quiet).equipment[0]));
    }
    // The first inputs again: the memo still holds a sizing of its own inputs, never another's.
    expect(text(sizePlant(plantAt(900), H, 1e6, settings, quiet).equipment[0])).toBe(text(first));
    // A load that settles: within 16 sizings the same object comes back.
    const settled = Array.from({ length: 20 }, () => sizePlant(plantAt(1234), H, 1e6, settings, quiet).equipment[0]);
    expect(settled[19]).toBe(settled[18]);
    for (const s of settled) expect(text(s)).toBe(text(sizePlant(plantAt(1234), H, 1e6, resolveDesignSettings(undefined), quiet).equipment[0]));
  });
});
