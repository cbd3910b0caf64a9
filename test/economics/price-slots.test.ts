/**
 * Reads by slot (price-book.ts priceSlot): what a book finds by a slot is what it finds by the
 * key — on a resolved set, on sets merged in place from it (which share a slot table by merge
 * origin, the replaced keys read from each set's own items), on chained merges and on plain
 * copies — whatever was read before, and it records the same prices used and missing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolvePrices, mergePrices, mergedFrom, type ResolvedPrices } from '../../src/economics/prices.js';
import { PriceBook, priceSlot } from '../../src/economics/price-book.js';
import { shippedSets } from './helpers.js';

const sets = shippedSets();
const base = resolvePrices(undefined, 'CN', sets);
const KEYS = ['electricity', 'quality-factor', 'LiOH·H2O', 'LiOH', 'metal.Ni', 'metal.Li', 'cam.NCM811', 'payable.cathode-scrap', 'feed.LFP', 'no-such-price', 'toString', 'labour', 'water'];

/** Every key read by key and by slot through books on `prices`: the values, and what each book recorded. */
function reads(prices: ResolvedPrices, keys: readonly string[]) {
  const byKey = new PriceBook(prices);
  const bySlot = new PriceBook(prices);
  const a: unknown[] = [];
  const b: unknown[] = [];
  for (const k of keys) {
    a.push([byKey.has(k), byKey.find(k), byKey.get(k, `for ${k}`)]);
    const s = priceSlot(k);
    b.push([bySlot.hasAt(s), bySlot.findAt(s), bySlot.getAt(s, `for ${k}`)]);
  }
  const records = (book: PriceBook) => ({ used: [...book.used], missing: [...book.missing] });
  return { byKey: { values: a, ...records(byKey) }, bySlot: { values: b, ...records(bySlot) } };
}

describe('PriceBook reads by slot', () => {
  it('gives one slot per key', () => {
    expect(priceSlot('electricity')).toBe(priceSlot('electricity'));
    expect(priceSlot('electricity').index).not.toBe(priceSlot('water').index);
  });

  it('finds what the key finds on a set, its merges in place, chained merges and copies, in any order of reads', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ electricity: fc.double({ min: 0.01, max: 1, noNaN: true }), 'quality-factor': fc.double({ min: 0.1, max: 1, noNaN: true }), 'LiOH·H2O': fc.double({ min: 1, max: 40, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
      fc.shuffledSubarray(KEYS),
      (overrides, keys) => {
        let prices: ResolvedPrices = base;
        const all: ResolvedPrices[] = [base];
        for (const o of overrides) {
          all.push(mergePrices(base, o, {}, true));
          all.push((prices = mergePrices(prices, { 'metal.Ni': o['LiOH·H2O'] }, {}, true)));
        }
        all.push({ ...all[all.length - 1]!, items: { ...all[all.length - 1]!.items } });
        for (const p of all) {
          const r = reads(p, keys);
          expect(r.bySlot).toStrictEqual(r.byKey);
        }
      },
    ), { numRuns: 60 });
  });

  it('reads the replaced entries of each merge from its own items (one table per merge origin)', () => {
    const one = mergePrices(base, { electricity: 0.11 }, {}, true);
    const two = mergePrices(base, { electricity: 0.22 }, {}, true);
    expect(mergedFrom(one)).toBe(mergedFrom(two));
    const s = priceSlot('electricity');
    expect([new PriceBook(one).getAt(s, 'x'), new PriceBook(two).getAt(s, 'x'), new PriceBook(base).getAt(s, 'x'), new PriceBook(one).getAt(s, 'x')]).toStrictEqual([0.11, 0.22, base.items.electricity!.value, 0.11]);
  });
});
