/**
 * PriceBook (price-book.ts): what a book remembers does not depend on when its maps are made (the
 * first record), nor on whether one key or several are watched.
 */
import { describe, expect, it } from 'vitest';
import { resolvePrices } from '../../src/economics/prices.js';
import { PriceBook } from '../../src/economics/price-book.js';
import { shippedSets } from './helpers.js';

const prices = resolvePrices(undefined, 'CN', shippedSets());
const reads = (book: PriceBook) => {
  book.get('electricity', 'power');
  book.find('quality-factor');
  book.get('no-such-price', 'a test');
  book.find('water');
  book.get('no-such-price', 'again');
  book.get('quality-factor', 'product');
  return { used: [...book.used.keys()], missing: [...book.missing], issues: book.issues().map((i) => i.path) };
};

describe('PriceBook', () => {
  it('shows nothing used or missing before a record, and new maps of its own after', () => {
    const a = new PriceBook(prices);
    const b = new PriceBook(prices);
    expect([a.used.size, a.missing.size, a.issues()]).toStrictEqual([0, 0, []]);
    a.get('electricity', 'power');
    expect([...a.used.keys()]).toStrictEqual(['electricity']);
    expect([b.used.size, b.missing.size]).toStrictEqual([0, 0]);
  });

  it('remembers every key, the watched one, or the watched ones, in order of first use', () => {
    expect(reads(new PriceBook(prices))).toStrictEqual({ used: ['electricity', 'quality-factor', 'water'], missing: [['no-such-price', 'a test']], issues: ['prices.overrides.no-such-price'] });
    expect(reads(new PriceBook(prices, new Set(['quality-factor'])))).toStrictEqual({ used: ['quality-factor'], missing: [['no-such-price', 'a test']], issues: ['prices.overrides.no-such-price'] });
    expect(reads(new PriceBook(prices, new Set(['water', 'electricity'])))).toStrictEqual({ used: ['electricity', 'water'], missing: [['no-such-price', 'a test']], issues: ['prices.overrides.no-such-price'] });
    expect(reads(new PriceBook(prices, new Set()))).toStrictEqual({ used: [], missing: [['no-such-price', 'a test']], issues: ['prices.overrides.no-such-price'] });
  });

  it('watches the one key of its own set, whatever set of one key a book watched before', () => {
    const watched = new Set(['quality-factor']);
    expect(reads(new PriceBook(prices, watched)).used).toStrictEqual(['quality-factor']);
    expect(reads(new PriceBook(prices, new Set(['water']))).used).toStrictEqual(['water']);
    // The same set, changed in place to another single key.
    watched.delete('quality-factor');
    watched.add('electricity');
    expect(reads(new PriceBook(prices, watched)).used).toStrictEqual(['electricity']);
    expect(reads(new PriceBook(prices, new Set(['electricity']))).used).toStrictEqual(['electricity']);
  });
});
