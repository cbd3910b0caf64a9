/**
 * How each equipment item is sized: its standard size series (the catalogue of its cost
 * correlation or the scenario's own list), whether it runs round the clock, the hours it works
 * and its fixed size. Shared by sizePlant and the capacity steps so both size an item alike.
 */
import type { CostCorrelation, EquipmentSpec } from '../unit-ops/contract.js';
import { catalogueOf, type CatalogueEntry } from '../unit-ops/data/catalogue.js';
import { isEmpty, type DesignSettings, type CheckedItems } from './settings.js';
import type { ItemOptions, SizeSeries, SizingMemo } from './equipment.js';
import type { ShiftPlan } from './shifts.js';
import { joinedNames } from '../schema/joined-names.js';

/** An item's sizing inputs besides its load. */
export interface ItemPlan {
  options: ItemOptions & { roundTheClock: boolean; loadScale: number };
  /** Hours a year the item works. */
  hoursPerYear: number;
  fixedSize: number | undefined;
}

/**
 * The catalogue entry of a cost correlation in a size unit and its size series, by the
 * correlation's source text (what catalogueOf identifies it by): one series object per item kind,
 * so that the sizes an item may take are worked out once (equipment.ts usableSizes).
 */
const CATALOGUE_SERIES = new Map<string, Map<string, { entry: CatalogueEntry; series: SizeSeries } | null>>();

function catalogueSeries(cost: CostCorrelation, sizeUnit: string): { entry: CatalogueEntry; series: SizeSeries } | null {
  let byUnit = CATALOGUE_SERIES.get(cost.source);
  if (!byUnit) CATALOGUE_SERIES.set(cost.source, (byUnit = new Map()));
  let hit = byUnit.get(sizeUnit);
  if (hit === undefined) {
    const cat = catalogueOf(cost, sizeUnit);
    byUnit.set(sizeUnit, (hit = cat ? { entry: cat.entry, series: { sizes: cat.entry.sizes, basis: 'catalogue', source: cat.entry.source } } : null));
  }
  return hit;
}

/**
 * An item's key `<unitId>.<name>` (how designs, messages and the workbook name it), one string per
 * pair: every sizing of every Monte Carlo sample names every item.
 */
export const itemKey: (unitId: string, name: string) => string = joinedNames('.');

/** The sizing inputs of item `key` (= `<unitId>.<name>`) of spec `e`. */
export function itemPlan(key: string, e: EquipmentSpec, settings: DesignSettings, checked: CheckedItems, plan: ShiftPlan, hoursPerYear: number): ItemPlan {
  const cat = catalogueSeries(e.cost, e.sizeUnit);
  // Keyed lookups only where the scenario wrote something (most write nothing).
  const own = checked.standardSizes.size > 0 ? checked.standardSizes.get(key) : undefined;
  const series: SizeSeries | undefined = own ? { sizes: own, basis: 'scenario', source: 'design.standardSizes' }
    : cat && settings.sizing === 'catalogue' ? cat.series : undefined;
  const roundTheClock = (isEmpty(settings.roundTheClock) ? undefined : settings.roundTheClock[key]) ?? cat?.entry.roundTheClock ?? false;
  const share = roundTheClock ? 1 : plan.staffedOperatingHoursPerYear / plan.operatingHoursPerYear;
  return {
    options: series ? { series, loadScale: 1 / share, roundTheClock } : { loadScale: 1 / share, roundTheClock },
    hoursPerYear: hoursPerYear * share,
    fixedSize: checked.fixedSizes.size > 0 ? checked.fixedSizes.get(key) : undefined,
  };
}

/**
 * An item prepared for sizing: its key, plan and usable sizes (what depends on its spec's name,
 * cost correlation source, size unit and range, on the checked fixed items and on the hours — not
 * on its load), with what they were made from; and the purchase cost of its last size.
 */
export interface PreparedItem {
  unitId: string;
  name: string;
  costSource: string;
  sizeUnit: string;
  minSize: number;
  maxSize: number;
  checked: CheckedItems;
  staffedHours: number;
  operatingHours: number;
  hoursPerYear: number;
  /** `<unitId>.<name>`. */
  key: string;
  plan: ItemPlan;
  /** The sizes design mode may pick (equipment.ts usableSizes), or undefined (a fixed size, or cut to measure). */
  sizes: readonly number[] | undefined;
  /** The cost correlation and size of the last purchase cost, and that cost (equipment.ts sizeEquipment). */
  lastCost: CostCorrelation | undefined;
  lastSize: number;
  lastCostUsd: number;
  /** A sizing of the item without notes and what it was made from (equipment.ts sizeEquipment), made at its first. */
  memo: SizingMemo | undefined;
  /** Sizings without notes that did not match the memo (every 16th refreshes it). */
  memoMisses: number;
}

/**
 * Prepared items by design settings (a scenario's, kept by every sample of it), by position in
 * the plant's item list: a Monte Carlo sample sizes the same items as the sample before, at other
 * loads, and finds each one's key, plan and sizes here instead of in half a dozen maps — made
 * again for an item whose spec (name, correlation source, size unit or range), unit, checked items
 * or hours differ.
 */
const PREPARED = new WeakMap<DesignSettings, PreparedItem[]>();

/** The prepared items of a plant's sizing with these settings (filled by preparedItem). */
export function preparedItems(settings: DesignSettings): PreparedItem[] {
  let list = PREPARED.get(settings);
  if (!list) PREPARED.set(settings, (list = []));
  return list;
}

/**
 * Item `j` of `list` for spec `e` of unit `unitId` (as itemKey, itemPlan and the usable sizes give
 * them): the one kept there when made from the same inputs, else a new one put there.
 */
export function preparedItem(list: PreparedItem[], j: number, unitId: string, e: EquipmentSpec, settings: DesignSettings, checked: CheckedItems, plan: ShiftPlan, hoursPerYear: number, usable: (series: SizeSeries, e: EquipmentSpec) => readonly number[]): PreparedItem {
  const p = list[j];
  if (p !== undefined && p.unitId === unitId && p.name === e.name && p.costSource === e.cost.source && p.sizeUnit === e.sizeUnit && Object.is(p.minSize, e.minSize) && Object.is(p.maxSize, e.maxSize)
    && p.checked === checked && Object.is(p.staffedHours, plan.staffedOperatingHoursPerYear) && Object.is(p.operatingHours, plan.operatingHoursPerYear) && Object.is(p.hoursPerYear, hoursPerYear)) return p;
  const key = itemKey(unitId, e.name);
  const ip = itemPlan(key, e, settings, checked, plan, hoursPerYear);
  const made: PreparedItem = {
    unitId, name: e.name, costSource: e.cost.source, sizeUnit: e.sizeUnit, minSize: e.minSize, maxSize: e.maxSize, checked,
    staffedHours: plan.staffedOperatingHoursPerYear, operatingHours: plan.operatingHoursPerYear, hoursPerYear,
    key, plan: ip, sizes: ip.fixedSize === undefined && ip.options.series ? usable(ip.options.series, e) : undefined,
    lastCost: undefined, lastSize: NaN, lastCostUsd: NaN, memo: undefined, memoMisses: 0,
  };
  list[j] = made;
  return made;
}
