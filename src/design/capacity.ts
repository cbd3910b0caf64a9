/**
 * Capacity planning on a sized plant (issue 16): the next items to add (debottlenecking) and the
 * capacities at which design mode adds equipment (the steps of a capacity curve).
 *
 * Both use what the maximum capacity already assumes: every load is proportional to the feed, so
 * an item's combined utilisation is u = load / (count × throughput of one item), linear in the
 * feed at fixed counts and sizes.
 */
import { sizeEquipment } from './equipment.js';
import { itemKey, itemPlan } from './items.js';
import { checkFixedItems, type DesignSettings } from './settings.js';
import type { ShiftPlan } from './shifts.js';
import type { DesignedUnit, EquipmentSizing, PlantSizing } from './types.js';

/** One purchase of a debottlenecking step. */
export interface DebottleneckStep {
  /** 1 for the first step; items tied at the highest utilisation are added in the same step. */
  step: number;
  /** `<unitId>.<name>`. */
  item: string;
  addCount: number;
  countBefore: number;
  countAfter: number;
  /** Size of the items added (the installed size), in sizeUnit. */
  size: number;
  sizeUnit: string;
  /** Purchase cost of the items added, USD of the scenario's dollar year (what itemCostUsd gives). */
  costUsd: number;
  /** The plant's maximum feed after the whole step, kg/yr. */
  maxCapacityKgPerYearAfter: number;
  /** The item limiting the plant after the step. */
  bottleneckAfter: string | null;
}

/** Steps `size` reports by default. */
export const DEBOTTLENECK_STEPS = 3;

/** Relative tolerance under which two utilisations tie (both items must be added to gain anything). */
const TIE = 1e-9;

/** Most steps reported when they are continued to reach the target feed of an overloaded plant. */
export const DEBOTTLENECK_MAX_STEPS = 50;

/**
 * The next `steps` debottlenecking steps: each adds one item of the installed size to every item
 * at the highest utilisation (an item not installed but carrying load first), and reports the
 * plant's maximum feed after it. When the plant cannot take its own feed (rating an installed
 * design above its capacity) the steps go on until it can (at most DEBOTTLENECK_MAX_STEPS).
 * `itemCostUsd(e)` is the purchase cost of one more item of `e`.
 */
export function debottleneck(sizing: PlantSizing, itemCostUsd: (e: EquipmentSizing) => number, steps = DEBOTTLENECK_STEPS): DebottleneckStep[] {
  const items = sizing.equipment.filter((e) => e.loadKgPerHour > 0 && e.capacityKgPerHour > 0);
  if (items.length === 0) return [];
  const counts = items.map((e) => e.count);
  const u = (i: number) => (counts[i]! > 0 ? items[i]!.loadKgPerHour / (counts[i]! * items[i]!.capacityKgPerHour) : Infinity);
  const top = () => {
    let best = 0;
    for (let i = 1; i < items.length; i++) if (u(i) > u(best)) best = i;
    return best;
  };
  const out: DebottleneckStep[] = [];
  let reached = u(top()) <= 1 + 1e-12;
  for (let step = 1; step <= steps || (!reached && step <= DEBOTTLENECK_MAX_STEPS); step++) {
    const uMax = u(top());
    const tied = items.map((_, i) => i).filter((i) => (uMax === Infinity ? u(i) === Infinity : u(i) >= uMax * (1 - TIE)));
    const before = tied.map((i) => counts[i]!);
    for (const i of tied) counts[i]! += 1;
    const next = top();
    const uAfter = u(next);
    const maxAfter = Number.isFinite(uAfter) ? sizing.feedKgPerYear / uAfter : 0;
    reached = uAfter <= 1 + 1e-12;
    tied.forEach((i, k) => {
      const e = items[i]!;
      out.push({
        step, item: `${e.unitId}.${e.name}`, addCount: 1, countBefore: before[k]!, countAfter: counts[i]!, size: e.size, sizeUnit: e.sizeUnit,
        costUsd: itemCostUsd(e), maxCapacityKgPerYearAfter: maxAfter, bottleneckAfter: `${items[next]!.unitId}.${items[next]!.name}`,
      });
    });
  }
  return out;
}

/** A capacity at which design mode installs a different count or size of one item. */
export interface CapacityStep {
  /** Feed capacity where the item's installed capacity runs out (the next step is just above), kg/yr. */
  capacityKgPerYear: number;
  item: string;
  countBefore: number;
  countAfter: number;
  sizeBefore: number;
  sizeAfter: number;
  sizeUnit: string;
}

/** Most steps walked per item (a guard; a 100× capacity range with single items needs far fewer). */
const MAX_STEPS_PER_ITEM = 2000;

/**
 * The capacities between lo and hi (feed, kg/yr) where design mode changes an item's count or
 * size, from the unit designs evaluated at `feedKgPerYear` (loads scale with the feed). Items
 * with a fixed count (rating) never change. Sorted by capacity.
 */
export function capacitySteps(units: readonly DesignedUnit[], feedKgPerYear: number, hoursPerYear: number, settings: DesignSettings, plan: ShiftPlan, lo: number, hi: number): CapacityStep[] {
  const checked = checkFixedItems(settings, units);
  const steps: CapacityStep[] = [];
  for (const u of units) {
    for (const spec of u.design.equipment) {
      const key = itemKey(u.unitId, spec.name);
      if (settings.fixedCounts[key] !== undefined || !(spec.loadKgPerHour > 0)) continue;
      const perFeed = spec.loadKgPerHour / feedKgPerYear;
      const ip = itemPlan(key, spec, settings, checked, plan, hoursPerYear);
      // The steps read counts and sizes only: the items' notes are not written.
      const at = (c: number) => sizeEquipment(u.unitId, u.kind, { ...spec, loadKgPerHour: perFeed * c }, u.design.cycle, ip.hoursPerYear, settings, ip.fixedSize, null, ip.options);
      // A size cut to measure grows with the load: only its count steps, when the largest size is full.
      const continuous = ip.options.series === undefined && ip.fixedSize === undefined;
      let c = lo;
      let s = at(c);
      for (let n = 0; n < MAX_STEPS_PER_ITEM && s.requiredKgPerHour > 0; n++) {
        const installed = continuous ? s.installedCapacityKgPerHour * (spec.maxSize / s.size) : s.installedCapacityKgPerHour;
        const end = c * (installed / s.requiredKgPerHour);
        if (!(end < hi) || !(end > c)) break;
        const next = at(end * (1 + 1e-9));
        if (next.count !== s.count || (!continuous && next.size !== s.size)) {
          steps.push({ capacityKgPerYear: end, item: key, countBefore: s.count, countAfter: next.count, sizeBefore: s.size, sizeAfter: next.size, sizeUnit: s.sizeUnit });
        }
        c = end * (1 + 1e-9);
        s = next;
      }
    }
  }
  return steps.sort((a, b) => a.capacityKgPerYear - b.capacityKgPerYear || a.item.localeCompare(b.item));
}
