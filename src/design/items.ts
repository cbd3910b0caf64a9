/**
 * How each equipment item is sized: its standard size series (the catalogue of its cost
 * correlation or the scenario's own list), whether it runs round the clock, the hours it works
 * and its fixed size. Shared by sizePlant and the capacity steps so both size an item alike.
 */
import type { CostCorrelation, EquipmentSpec } from '../unit-ops/contract.js';
import { catalogueOf, type CatalogueEntry } from '../unit-ops/data/catalogue.js';
import { isEmpty, type DesignSettings, type CheckedItems } from './settings.js';
import type { ItemOptions, SizeSeries } from './equipment.js';
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
