/**
 * leavingFlows (pipeline/economics-input.ts) asks whether a by-product component has a scrap price by
 * price slot (a table per base price set): a component is sold when the prices at hand hold its
 * scrap.<id> key and landfilled when not, whatever price set was read before (slot tables are kept
 * per base, so a set without the key never sees another set's entry).
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel, type Model } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { mergePrices, type ResolvedPrices } from '../../src/economics/prices.js';

const model = resolveModel(loadRawScenario('scenarios/reference-cn.yaml'));

/** The by-products and waste of the model priced by `prices` (sample mode: the per-sample path). */
function flows(prices: ResolvedPrices) {
  const m: Model = { ...model, prices };
  const input = evaluate(m, { mode: 'sample' }).economicsInput;
  return { byproducts: { ...input.byproductsKgPerYear }, waste: input.wasteKgPerYear };
}

/** The prices without `key` (a set of its own: a copy, not a merge). */
function without(prices: ResolvedPrices, key: string): ResolvedPrices {
  const items = { ...prices.items };
  delete items[key];
  return { ...prices, items };
}

describe('by-product components sold by scrap price, read by slot', () => {
  it('sold with a scrap price, landfilled without, and back again, whatever set was read before', () => {
    const base = flows(model.prices);
    const sold = Object.keys(base.byproducts);
    expect(sold.length).toBeGreaterThan(0);
    const id = sold[0]!;
    const noScrap = flows(without(model.prices, `scrap.${id}`));
    expect(noScrap.byproducts[id]).toBeUndefined();
    expect(noScrap.waste).toBeGreaterThan(base.waste);
    expect(flows(model.prices)).toEqual(base);
    // A merge that keeps the key (even at 0) still sells it; one on the keyless set still does not.
    expect(flows(mergePrices(model.prices, { [`scrap.${id}`]: 0 })).byproducts[id]).toBe(base.byproducts[id]);
    expect(flows(mergePrices(without(model.prices, `scrap.${id}`), { electricity: 0.2 })).byproducts[id]).toBeUndefined();
  });
});
