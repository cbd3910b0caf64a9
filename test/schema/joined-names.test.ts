/**
 * joinedNames and joinedNameLists (issue 19): `a + separator + b`, one string per pair (the same
 * string again), and past the limit of first parts still the right names, only not remembered.
 */
import { describe, expect, it } from 'vitest';
import { joinedNameLists, joinedNames } from '../../src/schema/joined-names.js';
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

describe('joinedNameLists', () => {
  it('joins a first part with each name of a list, by list position, and hands out the same array again', () => {
    const lanes = joinedNameLists('@');
    const ids = lanes(['ncm', 'lco', 'rejects']);
    expect(ids('ev-811#3')).toStrictEqual(['ev-811#3@ncm', 'ev-811#3@lco', 'ev-811#3@rejects']);
    expect(ids('ev-811#3')).toBe(ids('ev-811#3'));
    // another list object with the same names shares what was made; other names do not
    expect(lanes(['ncm', 'lco', 'rejects'])('ev-811#3')).toBe(ids('ev-811#3'));
    expect(lanes(['ncm', 'rejects'])('ev-811#3')).toStrictEqual(['ev-811#3@ncm', 'ev-811#3@rejects']);
  });

  it('past its limit of first parts per list, joins without remembering', () => {
    const ids = joinedNameLists('.', 1)(['x', 'y']);
    const a = ids('a');
    expect(ids('b')).toStrictEqual(['b.x', 'b.y']);
    expect(ids('b')).not.toBe(ids('b'));
    expect(ids('a')).toBe(a);
  });
});
