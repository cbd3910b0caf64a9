import { describe, it, expect } from 'vitest';
import { sizePlant, resolveDesignSettings, cycleTotalH, type EquipmentSizing } from '../../src/design/index.js';
import { msg } from '../../src/schema/messages.js';
import { autoclave, dryer, unit, CYCLE_8H } from './crafted.js';

const H = 6400;
const defaults = resolveDesignSettings(undefined);
const item = (s: { equipment: EquipmentSizing[] }, unitId: string) => s.equipment.find((e) => e.unitId === unitId)!;

describe('cycle time', () => {
  it('is load + heat + dwell + cool + unload + clean', () => {
    expect(cycleTotalH(CYCLE_8H)).toBe(8);
    expect(cycleTotalH({ loadH: 0.25, heatH: 825 / 300, dwellH: 4, coolH: 2, unloadH: 0.25, cleanH: 0 })).toBeCloseTo(9.25, 12);
  });
});

describe('design mode (hand-computed)', () => {
  it('defaults: margin 1.1 (assumption), fill 15–90 % (SuperPro), one item at least', () => {
    expect(defaults.margin).toBe(1.1);
    expect(defaults.minCount).toBe(1);
    expect(defaults.minFill).toBeCloseTo(0.15, 15);
    expect(defaults.maxFill).toBeCloseTo(0.9, 15);
    expect(defaults.sources.minFill).toContain('SuperPro');
    expect(defaults.sources.margin).toContain('assumption');
  });

  it('counts and sizes a batch vessel', () => {
    // load 2000 kg/h × 1.1 = 2200 kg/h required. One 10 m3 item: 10 × 900 kg / 8 h = 1125 kg/h.
    // count = ⌈2200 / 1125⌉ = ⌈1.956⌉ = 2; size = 1100 kg/h ÷ (900/8) kg/(h·m3) = 9.7778 m3.
    const s = sizePlant([unit('relith', [autoclave(2000)])], H, 2000 * H, defaults);
    const a = item(s, 'relith');
    expect(a.mode).toBe('design');
    expect(a.count).toBe(2);
    expect(a.size).toBeCloseTo(1100 / 112.5, 10);
    expect(a.cycleTimeH).toBe(8);
    expect(a.capacityKgPerHour).toBeCloseTo(1100, 9);
    expect(a.capacityPerBatchKg).toBeCloseTo(8800, 9);
    // back to back: charge 1000 kg/h × 8 h = 8000 kg per batch, one batch every 8 h.
    expect(a.chargePerBatchKg).toBeCloseTo(8000, 9);
    expect(a.batchIntervalH).toBeCloseTo(8, 12);
    expect(a.batchesPerYearPerItem).toBeCloseTo(800, 9);
    expect(a.batchesPerYear).toBeCloseTo(1600, 9);
    expect(a.sizeUtilisation).toBeCloseTo(1 / 1.1, 12);
    expect(a.timeUtilisation).toBeCloseTo(1, 12);
    expect(a.utilisation).toBeCloseTo(1 / 1.1, 12);
    expect(a.fill).toBeCloseTo(0.9 / 1.1, 12);
    expect(a.purchaseCostUsd).toBeCloseTo(100_000 * Math.pow(1100 / 112.5, 0.6), 6);
    expect(a.totalPurchaseCostUsd).toBeCloseTo(2 * 100_000 * Math.pow(1100 / 112.5, 0.6), 6);
    expect(a.installedPowerKw).toBeCloseTo(2 * 1100 / 112.5, 9);
    expect(a.sizeClamped || a.outOfRange || a.fillLimited).toBe(false);
    expect(s.bottleneck).toBe('relith');
    expect(s.maxCapacityKgPerYear).toBeCloseTo(2000 * H * 1.1, 3);
    expect(s.units[0]!.cycleTimeH).toBe(8);
    // labour: base 1 + ½ × (2 − 1) = 1.5 operators per shift
    expect(s.units[0]!.operatorsPerShift).toBeCloseTo(1.5, 12);
    expect(s.operatorsPerShift).toBeCloseTo(1.5, 12);
    expect(s.diagnostics).toEqual([]);
  });

  it('counts and sizes a continuous item', () => {
    // 12,000 kg/h × 1.1 = 13,200 kg/h; 5 t/h items → ⌈2.64⌉ = 3 items of 4.4 t/h.
    const s = sizePlant([unit('dry', [dryer(12_000)])], H, 12_000 * H, defaults);
    const d = item(s, 'dry');
    expect(d.count).toBe(3);
    expect(d.size).toBeCloseTo(4.4, 12);
    expect(d.utilisation).toBeCloseTo(4000 / 4400, 12);
    expect(d.sizeUtilisation).toBeCloseTo(4000 / 4400, 12);
    expect(d.timeUtilisation).toBe(1);
    expect(d.cycleTimeH).toBeNull();
    expect(d.batchesPerYear).toBeNull();
    expect(d.fill).toBeNull();
    expect(s.units[0]!.cycleTimeH).toBeNull();
    expect(s.units[0]!.operatorsPerShift).toBeCloseTo(1 + 0.5 * 2, 12);
  });

  it('a whole number of items at the largest size is not rounded up by floating error', () => {
    // 1125 kg/h × 2 / 1.1 × 1.1 = exactly two full 10 m3 items (up to rounding)
    const load = (2 * 1125) / 1.1;
    const a = item(sizePlant([unit('relith', [autoclave(load)])], H, 1, defaults), 'relith');
    expect(a.count).toBe(2);
    expect(a.size).toBeCloseTo(10, 9);
  });

  it("EverBatt's rule: two items, each sized for 75 % of the load (REFERENCE.md 1.1.5)", () => {
    const ever = resolveDesignSettings({ rule: 'everbatt' });
    expect(ever.margin).toBe(1.5);
    expect(ever.minCount).toBe(2);
    expect(ever.sources.margin).toContain('EverBatt');
    const a = item(sizePlant([unit('relith', [autoclave(1000)])], H, 1000 * H, ever), 'relith');
    expect(a.count).toBe(2);
    expect(a.capacityKgPerHour).toBeCloseTo(0.75 * 1000, 9);
    expect(a.size).toBeCloseTo(750 / 112.5, 12);
    expect(a.utilisation).toBeCloseTo(1 / 1.5, 12);
    // a small load still gets two items
    expect(item(sizePlant([unit('dry', [dryer(100)])], H, 1, ever), 'dry').count).toBe(2);
    // explicit values win over the rule's
    const mixed = resolveDesignSettings({ rule: 'everbatt', margin: '120 %' });
    expect(mixed.margin).toBeCloseTo(1.2, 12);
    expect(mixed.minCount).toBe(2);
    expect(mixed.sources.margin).toBe('scenario');
  });

  it('small plants get smaller items; below the smallest size an item is clamped with a diagnostic', () => {
    // 10 kg/h × 1.1 = 11 kg/h → 0.0978 m3 < 0.5 m3: installed at 0.5 m3.
    const s = sizePlant([unit('relith', [autoclave(10)])], H, 10 * H, defaults);
    const a = item(s, 'relith');
    expect(a.count).toBe(1);
    expect(a.size).toBe(0.5);
    expect(a.sizeClamped).toBe(true);
    expect(a.utilisation).toBeCloseTo(10 / (0.5 * 112.5), 12);
    expect(s.diagnostics).toContainEqual({ code: 'size-below-min', severity: 'warning', where: 'relith.autoclave', message: msg.sizeBelowMin('relith.autoclave', '0.09778 m3', '0.5 m3') });
    expect(s.diagnostics[0]!.message).toBe('relith.autoclave needs only 0.09778 m3 per item, less than the smallest sensible size; installed at 0.5 m3, so it runs part-empty — consider sharing the item with another unit or campaign operation');
    // Without a description (Monte Carlo samples) the same item is sized alike, and its note not written.
    const quiet = sizePlant([unit('relith', [autoclave(10)])], H, 10 * H, defaults, { describe: false });
    expect(item(quiet, 'relith')).toStrictEqual(a);
    expect(quiet.diagnostics.filter((d) => d.code === 'size-below-min')).toStrictEqual([]);
  });

  it('runs fuller, less frequent batches when back-to-back batches would fill less than minFill', () => {
    // 5 kg/h on a 0.5 m3 item (450 kg rated at 90 % fill): back to back 40 kg per 8 h batch =
    // 8 % fill < 15 %. Batches run at 15/90 × 450 = 75 kg, one every 15 h.
    const s = sizePlant([unit('relith', [autoclave(5)])], H, 5 * H, defaults);
    const a = item(s, 'relith');
    expect(a.fillLimited).toBe(true);
    expect(a.chargePerBatchKg).toBeCloseTo(75, 12);
    expect(a.fill).toBeCloseTo(0.15, 12);
    expect(a.sizeUtilisation).toBeCloseTo(75 / 450, 12);
    expect(a.timeUtilisation).toBeCloseTo(40 / 75, 12);
    expect(a.utilisation).toBeCloseTo(a.sizeUtilisation * a.timeUtilisation, 12);
    expect(a.batchIntervalH).toBeCloseTo(15, 12);
    expect(a.batchesPerYearPerItem).toBeCloseTo(H / 15, 9);
    const fillNote = s.diagnostics.find((d) => d.code === 'fill-low')!;
    expect(fillNote.severity).toBe('info');
    expect(fillNote.message).toBe('a back-to-back batch of relith.autoclave would fill 8 % of the vessel, below the minimum fill 15 %; batches run at the minimum fill and the item stands idle 46.7 % of the time (material waits upstream)');
  });

  it('flags sizes outside the cost correlation range', () => {
    const s = sizePlant([unit('relith', [autoclave(2000, { cost: { ...autoclave(0).cost, maxSize: 5 } })])], H, 1, defaults);
    expect(item(s, 'relith').outOfRange).toBe(true);
    expect(s.diagnostics.map((d) => d.code)).toContain('cost-size-out-of-range');
    expect(s.diagnostics.find((d) => d.code === 'cost-size-out-of-range')!.message).toBe("size of relith.autoclave (9.778 m3) is outside the cost correlation's valid range (0.5 m3 – 5 m3); its purchase cost is extrapolated — check the correlation or split the duty");
  });

  it('a fixed standard size is kept and only the count computed', () => {
    const s = sizePlant([unit('relith', [autoclave(2000)])], H, 1, resolveDesignSettings({ fixedSizes: { 'relith.autoclave': '4000 L' } }));
    const a = item(s, 'relith');
    // 4 m3 items carry 450 kg/h: ⌈2200 / 450⌉ = 5
    expect(a.size).toBeCloseTo(4, 12);
    expect(a.count).toBe(5);
    expect(a.mode).toBe('design');
    expect(s.settings.fixedSizes).toEqual({ 'relith.autoclave': 4 });
  });

  it('equipment without load is not installed and needs no crew', () => {
    const s = sizePlant([unit('relith', [autoclave(0)]), unit('dry', [dryer(100)])], H, 1, defaults);
    expect(item(s, 'relith').count).toBe(0);
    expect(item(s, 'relith').totalPurchaseCostUsd).toBe(0);
    expect(s.units[0]!.operatorsPerShift).toBe(0);
    expect(s.bottleneck).toBe('dry');
  });

  it('a unit without equipment keeps its own crew; a plant without equipment has no bottleneck', () => {
    const s = sizePlant([unit('mix', [], { operatorsPerShift: 0.25 })], H, 1e7, defaults);
    expect(s.equipment).toEqual([]);
    expect(s.bottleneck).toBeNull();
    expect(s.maxCapacityKgPerYear).toBeNull();
    expect(s.operatorsPerShift).toBe(0.25);
    expect(s.schedule.entries).toEqual([]);
  });

  it('sums purchase cost per CEPCI year (escalation is left to economics)', () => {
    const s = sizePlant([unit('relith', [autoclave(2000)]), unit('dry', [dryer(12_000)])], H, 1, defaults);
    expect(Object.keys(s.purchaseCostUsdByCepciYear).sort()).toEqual(['2017', '2020']);
    expect(s.purchaseCostUsdByCepciYear['2020']).toBeCloseTo(item(s, 'relith').totalPurchaseCostUsd, 6);
    expect(s.purchaseCostUsdByCepciYear['2017']).toBeCloseTo(3 * 100_000 * Math.pow(4.4, 0.6), 6);
  });

  it('a badly described item is a model failure', () => {
    expect(() => sizePlant([unit('relith', [autoclave(10, { cycle: undefined })], { cycle: undefined })], H, 1, defaults)).toThrow(
      "equipment relith.autoclave cannot be sized (a batch item without a cycle); this is a defect of the unit operation's design() — please report it",
    );
  });
});
