/**
 * The schedule of one campaign (a Gantt chart's data): for every batch item, the start and end of
 * each batch on each parallel item from t = 0 to the horizon, with its phases.
 *
 * Batches on one item start every `batchIntervalH` (at least the cycle time, so they never
 * overlap). The n parallel items of a group are staggered by interval / n, so the group takes its
 * load evenly and items never load at the same moment. Every item shows at least one batch even
 * when its first start falls beyond the horizon. A continuous item is one bar over the horizon.
 */
import type { CycleTime } from '../unit-ops/contract.js';
import type { CampaignSchedule, EquipmentSizing, ScheduleEntry } from './types.js';
import { msg } from '../schema/messages.js';

/**
 * Bounds of the schedule (issue 17): an input that needs millions of parallel items (a very long
 * batch) must not make the Gantt grow until memory runs out. Parallel items repeat one staggered
 * pattern, so the first few show it; the total caps what any input can ask for.
 */
export const MAX_SCHEDULE_ITEMS = 20;
/** Most bars of a schedule. */
export const MAX_SCHEDULE_ENTRIES = 20_000;

const PHASES = [
  ['load', 'loadH'],
  ['heat', 'heatH'],
  ['dwell', 'dwellH'],
  ['cool', 'coolH'],
  ['unload', 'unloadH'],
  ['clean', 'cleanH'],
] as const;

/**
 * Schedule the sized equipment over `horizonH`. `cycles` gives each item's cycle by
 * `<unitId>.<name>` (for the phases); at most `maxBatchesPerItem` batches per item.
 */
export function campaignSchedule(equipment: readonly EquipmentSizing[], cycles: ReadonlyMap<string, CycleTime>, horizonH: number, maxBatchesPerItem: number): CampaignSchedule {
  const entries: ScheduleEntry[] = [];
  const notes: string[] = [];
  let full = false;
  const push = (x: ScheduleEntry): boolean => {
    if (entries.length >= MAX_SCHEDULE_ENTRIES) {
      if (!full) notes.push(msg.scheduleEntriesCapped(MAX_SCHEDULE_ENTRIES));
      full = true;
      return false;
    }
    entries.push(x);
    return true;
  };
  for (const e of equipment) {
    if (e.count <= 0 || e.loadKgPerHour <= 0) continue;
    const items = Math.min(e.count, MAX_SCHEDULE_ITEMS);
    if (items < e.count) notes.push(msg.scheduleItemsCapped(`${e.unitId}.${e.name}`, e.count, items));
    if (e.operation === 'continuous' || e.cycleTimeH === null) {
      for (let item = 1; item <= items; item++) push({ unitId: e.unitId, equipment: e.name, item, batch: 0, startH: 0, endH: horizonH });
      continue;
    }
    const T = e.cycleTimeH;
    const interval = Math.max(T, e.batchIntervalH ?? T);
    const cycle = cycles.get(`${e.unitId}.${e.name}`);
    for (let item = 1; item <= items && !full; item++) {
      const offset = ((item - 1) * interval) / e.count;
      for (let b = 0; b < maxBatchesPerItem; b++) {
        const start = offset + b * interval;
        if (b > 0 && start >= horizonH) break;
        if (!push({ unitId: e.unitId, equipment: e.name, item, batch: b + 1, startH: start, endH: start + T })) break;
        if (!cycle) continue;
        let t = start;
        for (const [phase, field] of PHASES) {
          const d = cycle[field];
          if (d > 0) {
            push({ unitId: e.unitId, equipment: e.name, item, batch: b + 1, startH: t, endH: t + d, phase });
            t += d;
          }
        }
      }
    }
  }
  return { horizonH, entries, ...(notes.length ? { notes } : {}) };
}
