import { describe, expect, it } from 'vitest';
import { OrderedGroups, SCAN_LIMIT } from '../../src/economics/groups.js';

type G = { a: string; b: number; c: string | null; n: number };

describe('OrderedGroups', () => {
  const make = () => new OrderedGroups<string, number, G>();
  const add = (groups: OrderedGroups<string, number, G>, g: G) => groups.add(g, g.a, g.b, g.c ?? '');

  it('finds a group by its three keys, before and after it indexes past the scan limit', () => {
    for (const count of [3, SCAN_LIMIT + 5]) {
      const groups = make();
      for (let n = 0; n < count; n++) add(groups, { a: `k${n % 4}`, b: n, c: n % 2 ? 'lot' : null, n });
      expect(groups.list.map((g) => g.n)).toEqual(Array.from({ length: count }, (_, n) => n));
      expect(groups.find('k1', 1, 'lot')?.n).toBe(1);
      expect(groups.find('k2', 2, '')?.n).toBe(2);
      expect(groups.find('k2', 2, 'lot')).toBeUndefined();
      expect(groups.find(`k${(count - 1) % 4}`, count - 1, (count - 1) % 2 ? 'lot' : '')?.n).toBe(count - 1);
    }
  });

  it('finds a group added after the index was made', () => {
    const groups = make();
    for (let n = 0; n <= SCAN_LIMIT; n++) add(groups, { a: 'x', b: n, c: null, n });
    add(groups, { a: 'y', b: 0, c: 'l', n: 99 });
    expect(groups.find('y', 0, 'l')?.n).toBe(99);
    expect(groups.find('x', SCAN_LIMIT, '')?.n).toBe(SCAN_LIMIT);
  });
});
