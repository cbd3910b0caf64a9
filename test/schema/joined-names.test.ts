/**
 * joinedNames (issue 19): `a + separator + b`, one string per pair (the same string again), and past
 * its limit of first parts still the right name, only not remembered.
 */
import { describe, expect, it } from 'vitest';
import { joinedNames } from '../../src/schema/joined-names.js';
import { priceKey } from '../../src/economics/price-book.js';
import { itemKey } from '../../src/design/items.js';

describe('joinedNames', () => {
  it('joins, and hands out the same string for the same pair', () => {
    const j = joinedNames('@');
    expect(j('ev-811#3', 'ncm')).toBe('ev-811#3@ncm');
    expect(j('ev-811#3', 'ncm')).toBe(j('ev-811#3', 'ncm'));
    expect(priceKey('metal.', 'Ni')).toBe('metal.Ni');
    expect(itemKey('relith', 'autoclave')).toBe('relith.autoclave');
  });

  it('past its limit of first parts, joins without remembering', () => {
    const j = joinedNames('.', 2);
    expect([j('a', 'x'), j('b', 'x'), j('c', 'x'), j('c', 'y'), j('a', 'y')]).toStrictEqual(['a.x', 'b.x', 'c.x', 'c.y', 'a.y']);
  });
});
