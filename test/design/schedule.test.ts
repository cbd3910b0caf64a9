import { describe, it, expect } from 'vitest';
import { sizePlant, resolveDesignSettings, type ScheduleEntry } from '../../src/design/index.js';
import { autoclave, dryer, unit } from './crafted.js';

const H = 6400;

function byItem(entries: ScheduleEntry[]): Map<string, ScheduleEntry[]> {
  const m = new Map<string, ScheduleEntry[]>();
  for (const e of entries) {
    if (e.phase !== undefined) continue;
    const k = `${e.unitId}.${e.equipment}#${e.item}`;
    (m.get(k) ?? m.set(k, []).get(k)!).push(e);
  }
  return m;
}

describe('campaign schedule', () => {
  // 5 autoclaves: 5000 kg/h × 1.1 / 1125 kg/h per item → ⌈4.89⌉ = 5 items, back to back every 8 h.
  const s = sizePlant([unit('relith', [autoclave(5000)]), unit('dry', [dryer(6000)])], H, 1, resolveDesignSettings({ scheduleHorizon: '2 d' }));
  const entries = s.schedule.entries;

  it('covers the horizon with every parallel item', () => {
    expect(s.schedule.horizonH).toBe(48);
    const items = byItem(entries.filter((e) => e.unitId === 'relith'));
    expect(items.size).toBe(5);
    for (const batches of items.values()) {
      expect(batches.length).toBeGreaterThanOrEqual(6);
      expect(Math.max(...batches.map((b) => b.startH))).toBeLessThan(48);
      expect(batches.map((b) => b.batch)).toEqual(batches.map((_, i) => i + 1));
    }
  });

  it('batches on one item never overlap', () => {
    for (const batches of byItem(entries).values()) {
      const sorted = [...batches].sort((a, b) => a.startH - b.startH);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.startH).toBeGreaterThanOrEqual(sorted[i - 1]!.endH - 1e-9);
    }
  });

  it('staggers the parallel items by interval / count so they do not load at once', () => {
    const firsts = [...byItem(entries.filter((e) => e.unitId === 'relith')).values()].map((b) => b[0]!.startH).sort((a, b) => a - b);
    expect(firsts).toEqual([0, 1.6, 3.2, 4.8, 6.4].map((x) => expect.closeTo(x, 12)));
    const loads = entries.filter((e) => e.phase === 'load').map((e) => [e.startH, e.endH] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < loads.length; i++) expect(loads[i]![0]).toBeGreaterThanOrEqual(loads[i - 1]![1] - 1e-9);
  });

  it('splits each batch into its phases in order', () => {
    const phases = entries.filter((e) => e.unitId === 'relith' && e.item === 2 && e.batch === 1 && e.phase !== undefined);
    expect(phases.map((p) => p.phase)).toEqual(['load', 'heat', 'dwell', 'cool', 'unload', 'clean']);
    expect(phases[0]!.startH).toBeCloseTo(1.6, 12);
    expect(phases.map((p) => p.endH - p.startH)).toEqual([0.5, 1.5, 4, 1, 0.5, 0.5].map((x) => expect.closeTo(x, 12)));
    expect(phases[5]!.endH).toBeCloseTo(9.6, 12);
  });

  it('draws a continuous item as one bar per item', () => {
    const bars = entries.filter((e) => e.unitId === 'dry');
    expect(bars).toEqual([
      { unitId: 'dry', equipment: 'dryer', item: 1, batch: 0, startH: 0, endH: 48 },
      { unitId: 'dry', equipment: 'dryer', item: 2, batch: 0, startH: 0, endH: 48 },
    ]);
  });

  it('spaces fill-limited batches by their longer interval, and shows at least one batch per item', () => {
    const small = sizePlant([unit('relith', [autoclave(5)])], H, 1, resolveDesignSettings({ scheduleHorizon: '10 h' }));
    const bars = small.schedule.entries.filter((e) => e.phase === undefined);
    expect(bars.map((b) => [b.startH, b.endH])).toEqual([[0, 8]]);
    const longer = sizePlant([unit('relith', [autoclave(5)])], H, 1, resolveDesignSettings({ scheduleHorizon: '40 h' }));
    expect(longer.schedule.entries.filter((e) => e.phase === undefined).map((b) => b.startH)).toEqual([0, 15, 30]);
  });

  it('caps the batches per item and can be skipped for sweeps', () => {
    const capped = sizePlant([unit('relith', [autoclave(5000)])], H, 1, resolveDesignSettings({ scheduleHorizon: '1000 h', maxBatchesPerItem: 3 }));
    for (const b of byItem(capped.schedule.entries).values()) expect(b).toHaveLength(3);
    const none = sizePlant([unit('relith', [autoclave(5000)])], H, 1, resolveDesignSettings(undefined), { schedule: false });
    expect(none.schedule.entries).toEqual([]);
  });

  it('is built on first read and travels with JSON and structuredClone like a plain field', () => {
    const fresh = sizePlant([unit('relith', [autoclave(5000)])], H, 1, resolveDesignSettings(undefined));
    const viaJson = (JSON.parse(JSON.stringify(fresh)) as typeof fresh).schedule;
    expect(viaJson.entries.length).toBeGreaterThan(0);
    expect(structuredClone(fresh).schedule).toEqual(viaJson);
    expect({ ...fresh }.schedule).toBe(fresh.schedule);
    expect(fresh.schedule).toBe(fresh.schedule);
  });
});
