/**
 * What the operating-cost and revenue lines (opex.ts) make of a name once and hand out again:
 * line ids, labels, what a price is needed for, and the slots of their price keys (price-book.ts
 * priceSlot). Every Monte Carlo sample names every reagent, consumable, by-product and
 * chemistry; a text joined anew per sample is a new string, built and hashed again, and a price
 * read by key is a keyed lookup in a record of ~70 prices.
 */
import { priceKey, priceSlot, type PriceSlot } from './price-book.js';

/**
 * What is made of a name once and handed out again: at most `limit` names are remembered, past
 * that it is made anew (a plant of many names must not grow it without bound).
 */
function perName<T>(make: (name: string) => T, limit = 10_000): (name: string) => T {
  const made = new Map<string, T>();
  return (name) => {
    let t = made.get(name);
    if (t === undefined) {
      t = make(name);
      if (made.size < limit) made.set(name, t);
    }
    return t;
  };
}

/** A priced line's id, the slot of its price key, and what the price is needed for. */
export interface PricedName {
  id: string;
  slot: PriceSlot;
  neededFor: string;
}

/** A reagent's line: `reagent.<id>`, priced under its id, needed for `reagent <id>`. */
export const reagentLine = perName((id): PricedName => ({ id: priceKey('reagent.', id), slot: priceSlot(id), neededFor: priceKey('reagent ', id) }));

/** A consumable's line: id and price key `consumable.<name>`, needed for `consumable <name>`. */
export const consumableLine = perName((name): PricedName => {
  const key = priceKey('consumable.', name);
  return { id: key, slot: priceSlot(key), neededFor: priceKey('consumable ', name) };
});

/** The price keys of in-spec product of a canonical chemistry (regenerated.<chem>, cam.<chem>) as slots, and its revenue line's label. */
export const inSpecKeys = perName((chem) => ({ regenerated: priceSlot(priceKey('regenerated.', chem)), cam: priceSlot(priceKey('cam.', chem)), label: `regenerated ${chem} (in spec)` }));

/** A by-product's line: id and price key `scrap.<id>` (and its slot), and its label. */
export const byproductLine = perName((id) => {
  const key = priceKey('scrap.', id);
  return { key, slot: priceSlot(key), label: `${id} (by-product)` };
});

/** Slot of the electricity price. */
export const ELECTRICITY = priceSlot('electricity');
/** Slot of the natural-gas price. */
export const NATURAL_GAS = priceSlot('natural-gas');
/** Slot of the steam price. */
export const STEAM = priceSlot('steam');
/** Slot of the process-water price. */
export const WATER = priceSlot('water');
/** Slot of the wastewater-treatment price. */
export const WASTEWATER = priceSlot('wastewater');
/** Slot of the landfill price. */
export const LANDFILL = priceSlot('landfill');
/** Slot of the operator labour rate. */
export const LABOUR = priceSlot('labour');
/** Slot of the quality factor (regenerated / virgin price). */
export const QUALITY_FACTOR = priceSlot('quality-factor');
