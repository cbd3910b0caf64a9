/**
 * Start-up and per-sample allocations (issue 19): a prices/ folder given twice (a shipped scenario's
 * own folder is the shipped one) is read once, with the names and file names the last reading
 * gives; a shipped set is parsed when first used; a cost correlation without overrides is one shared, frozen object.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { readPriceSets, priceSetWarnings, SHIPPED_PRICE_SETS } from '../../src/pipeline/load.js';
import { readDocument } from '../../src/io/document.js';
import { costOf } from '../../src/unit-ops/data/equipment.js';

const files = (sets: ReturnType<typeof readPriceSets>) => Object.entries(sets).map(([k, s]) => [k, s.where?.file, JSON.stringify(s.data)]);

describe('price-set folders', () => {
  it('the same folder twice gives what one reading of its last spelling gives', () => {
    const relative = join('scenarios', 'prices');
    expect(resolve(relative)).toBe(resolve(SHIPPED_PRICE_SETS));
    const twice = readPriceSets([SHIPPED_PRICE_SETS, relative]);
    expect(files(twice)).toEqual(files(readPriceSets([relative])));
    expect(Object.keys(twice)).toEqual(expect.arrayContaining(['cn-2024', 'us-2023', 'eu-2023']));
    expect(twice['cn-2024']!.where!.file).toBe(join('scenarios', 'prices', 'cn-2024.yaml'));
  });

  it('a shipped set is read when first used, once: the data and file an eager reading gives, the same objects at every use', () => {
    const sets = readPriceSets([SHIPPED_PRICE_SETS]);
    const us = sets['us-2023']!;
    const file = join('scenarios', 'prices', 'us-2023.yaml');
    expect(us.data).toEqual(readDocument(file).data);
    expect(us.data).toBe(us.data);
    expect(us.where).toBe(us.where);
    expect(us.where!.file).toBe(file);
    expect(us.problems).toBeUndefined();
    // Warnings are for the sets beside a user's scenario; the shipped ones are not read for them.
    expect(priceSetWarnings(sets)).toEqual([]);
  });
});

describe('cost correlations', () => {
  it('without overrides: one frozen object per name; with overrides: a new object', () => {
    const a = costOf('dryer');
    expect(costOf('dryer')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect('sizeUnit' in a).toBe(false);
    const b = costOf('dryer', { installationFactor: 2 });
    expect(b).not.toBe(a);
    expect(b).toEqual({ ...a, installationFactor: 2 });
    expect(costOf('dryer', {})).toBe(a);
  });
});
