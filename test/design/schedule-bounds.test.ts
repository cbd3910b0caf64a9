/**
 * The campaign schedule is bounded whatever the input (issue 17): a batch so long that thousands
 * of parallel items are needed shows the first MAX_SCHEDULE_ITEMS items of each equipment with a
 * note, and no schedule holds more than MAX_SCHEDULE_ENTRIES bars.
 */
import { describe, expect, it } from 'vitest';
import { sizePlant, resolveDesignSettings } from '../../src/design/index.js';
import { MAX_SCHEDULE_ENTRIES, MAX_SCHEDULE_ITEMS } from '../../src/design/schedule.js';
import { autoclave, unit, CYCLE_8H } from './crafted.js';

const H = 6400;

describe('schedule bounds', () => {
  it('shows the first items of an equipment with thousands of parallel items, and says so', () => {
    // A 2000-h dwell: 5000 kg/h needs ⌈5000 × 1.1 / (9000 kg per 2004-h batch)⌉ ≈ 1225 autoclaves.
    const long = { ...CYCLE_8H, dwellH: 2000 };
    const s = sizePlant([unit('relith', [autoclave(5000, { cycle: long })], { cycle: long })], H, 1, resolveDesignSettings({}));
    const count = s.equipment.find((e) => e.name === 'autoclave')!.count;
    expect(count).toBeGreaterThan(1000);
    const items = new Set(s.schedule.entries.map((e) => e.item));
    expect(items.size).toBe(MAX_SCHEDULE_ITEMS);
    expect(Math.max(...items)).toBe(MAX_SCHEDULE_ITEMS);
    expect(s.schedule.notes).toEqual([`relith.autoclave: ${count.toLocaleString('en-US')} parallel items; the schedule shows the first ${MAX_SCHEDULE_ITEMS} (the others repeat the same staggered pattern)`]);
  });

  it('stops at the bar limit with a note when many equipment items batch quickly over a long horizon', () => {
    const quick = { loadH: 0.1, heatH: 0.1, dwellH: 0.1, coolH: 0.1, unloadH: 0.1, cleanH: 0.1 };
    const units = Array.from({ length: 30 }, (_, i) => unit(`u${i}`, [autoclave(5000, { cycle: quick })], { cycle: quick }));
    const s = sizePlant(units, H, 1, resolveDesignSettings({ scheduleHorizon: '8760 h', maxBatchesPerItem: 1000 }));
    expect(s.schedule.entries.length).toBe(MAX_SCHEDULE_ENTRIES);
    expect(s.schedule.notes).toContain(`the schedule stops at ${MAX_SCHEDULE_ENTRIES.toLocaleString('en-US')} bars; shorten design.scheduleHorizon or lower design.maxBatchesPerItem to see a complete campaign`);
  });

  it('an ordinary plant has no notes', () => {
    const s = sizePlant([unit('relith', [autoclave(5000)])], H, 1, resolveDesignSettings({}));
    expect(s.schedule.notes).toBeUndefined();
    expect(new Set(s.schedule.entries.map((e) => e.item)).size).toBe(5);
  });
});
