/**
 * revenueLines (economics/opex.ts) sums in-spec product by canonical chemistry on plain numbers and a
 * reused name list: the same kg and capacity ratio, bit for bit, as inSpecByChemistry's Map of
 * accumulators (same sums in the same order), the lines in order of first appearance, and the same
 * result whatever list was summed before (the name list is overwritten, never cleared).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inSpecByChemistry, revenueLines } from '../../src/economics/opex.js';
import { PriceBook } from '../../src/economics/price-book.js';
import { resolvePrices } from '../../src/economics/prices.js';
import type { EconomicsInput } from '../../src/economics/input.js';
import { samplePlant, shippedSets } from './helpers.js';

const US = resolvePrices(undefined, 'US', shippedSets());

/** The in-spec revenue lines of a plant selling `inSpec` (no off-spec product, no by-product). */
function inSpecLines(inSpec: EconomicsInput['products']['inSpec']) {
  const input = samplePlant({ products: { inSpec, offSpec: [] }, byproductsKgPerYear: {} });
  return revenueLines(input, new PriceBook(US), true).filter((l) => l.category === 'in-spec');
}

/** What the lines should hold: inSpecByChemistry's sums, zero-kg chemistries left out. */
function expected(inSpec: EconomicsInput['products']['inSpec']) {
  const input = samplePlant({ products: { inSpec, offSpec: [] }, byproductsKgPerYear: {} });
  return [...inSpecByChemistry(input)].filter(([, a]) => a.kg !== 0).map(([chem, a]) => ({ id: `cam.${chem}`, kg: a.kg, factor: Math.min(1, a.ratio) }));
}

const product = fc.record({
  chemistry: fc.constantFrom('NCM523', 'NMC532', 'NCM811', 'NMC811', 'LFP'),
  kgPerYear: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e7, noNaN: true })),
  capacityRatio: fc.option(fc.double({ min: 0.5, max: 1.2, noNaN: true }), { nil: undefined }),
});

describe('in-spec revenue by chemistry on plain numbers', () => {
  it('same kg and ratio as inSpecByChemistry, bit for bit, in order of first appearance (property)', () => {
    fc.assert(fc.property(fc.array(product, { maxLength: 8 }), (list) => {
      const inSpec = list.map((p) => (p.capacityRatio === undefined ? { chemistry: p.chemistry, kgPerYear: p.kgPerYear } : p));
      const lines = inSpecLines(inSpec);
      expect(lines.map((l) => ({ id: l.id, kg: l.quantity, factor: l.factor }))).toEqual(expected(inSpec));
    }));
  });

  it('a shorter list after a longer one reads none of the longer one', () => {
    inSpecLines([{ chemistry: 'NCM811', kgPerYear: 1 }, { chemistry: 'NCM523', kgPerYear: 2 }, { chemistry: 'LFP', kgPerYear: 3 }]);
    const lines = inSpecLines([{ chemistry: 'NCM523', kgPerYear: 5, capacityRatio: 0.9 }, { chemistry: 'NMC532', kgPerYear: 7 }]);
    expect(lines.map((l) => [l.id, l.quantity])).toEqual([['cam.NCM523', 12]]);
    expect(lines[0]!.factor).toBe((0.9 * 5 + 1 * 7) / 12);
  });
});
