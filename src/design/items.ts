/**
 * How each equipment item is sized: its standard size series (the catalogue of its cost
 * correlation or the scenario's own list), whether it runs round the clock, the hours it works
 * and its fixed size. Shared by sizePlant and the capacity steps so both size an item alike.
 */
import type { EquipmentSpec } from '../unit-ops/contract.js';
import { catalogueOf } from '../unit-ops/data/catalogue.js';
import type { DesignSettings, CheckedItems } from './settings.js';
import type { ItemOptions, SizeSeries } from './equipment.js';
import type { ShiftPlan } from './shifts.js';

/** An item's sizing inputs besides its load. */
export interface ItemPlan {
  options: ItemOptions & { roundTheClock: boolean; loadScale: number };
  /** Hours a year the item works. */
  hoursPerYear: number;
  fixedSize: number | undefined;
}

/** The sizing inputs of item `key` (= `<unitId>.<name>`) of spec `e`. */
export function itemPlan(key: string, e: EquipmentSpec, settings: DesignSettings, checked: CheckedItems, plan: ShiftPlan, hoursPerYear: number): ItemPlan {
  const cat = catalogueOf(e.cost, e.sizeUnit);
  const own = checked.standardSizes.get(key);
  const series: SizeSeries | undefined = own ? { sizes: own, basis: 'scenario', source: 'design.standardSizes' }
    : cat && settings.sizing === 'catalogue' ? { sizes: cat.entry.sizes, basis: 'catalogue', source: cat.entry.source } : undefined;
  const roundTheClock = settings.roundTheClock[key] ?? cat?.entry.roundTheClock ?? false;
  const share = roundTheClock ? 1 : plan.staffedOperatingHoursPerYear / plan.operatingHoursPerYear;
  return {
    options: { ...(series ? { series } : {}), loadScale: 1 / share, roundTheClock },
    hoursPerYear: hoursPerYear * share,
    fixedSize: checked.fixedSizes.get(key),
  };
}
