/**
 * Patch paths (issue 19): pathSegments gives splitPath's segments, worked out once per path and
 * shared (frozen, so that no caller can change what the next one reads).
 */
import { describe, expect, it } from 'vitest';
import { pathSegments, setIn, splitPath } from '../../src/pipeline/patch.js';

describe('pathSegments', () => {
  const paths = ['relith.temperature', 'feed.lots[ev-811].liPerTm', 'prices.LiOH·H2O', 'prices.LiOH.H2O', 'plant.capacity', 'design.fixedCounts.relith.autoclave', 'units[2].params.x'];
  it('gives the segments splitPath gives, the same frozen list on every call', () => {
    for (const p of paths) {
      const a = pathSegments(p);
      expect(a).toStrictEqual(splitPath(p));
      expect(Object.isFrozen(a)).toBe(true);
      expect(pathSegments(p)).toBe(a);
    }
    expect(pathSegments('feed.lots[ev-811].liPerTm')).toStrictEqual(['feed', 'lots', 'ev-811', 'liPerTm']);
    expect(pathSegments('prices.LiOH.H2O')).toStrictEqual(['prices', 'LiOH.H2O']);
  });
});

describe('setIn', () => {
  it('replaces an own key in its place and adds another last, as own data (never the prototype)', () => {
    const base = { a: 1, b: { c: 2 } };
    expect(JSON.stringify(setIn(base, ['a'], 5))).toBe('{"a":5,"b":{"c":2}}');
    expect(JSON.stringify(setIn(base, ['z'], 5))).toBe('{"a":1,"b":{"c":2},"z":5}');
    expect(JSON.stringify(setIn(base, ['b', 'd'], 5))).toBe('{"a":1,"b":{"c":2,"d":5}}');
    const proto = setIn(base, ['__proto__'], { polluted: true }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.hasOwn(proto, '__proto__')).toBe(true);
    expect(Object.keys(proto)).toEqual(['a', 'b', '__proto__']);
    const ctor = setIn(base, ['constructor'], 1) as Record<string, unknown>;
    expect(Object.keys(ctor)).toEqual(['a', 'b', 'constructor']);
    expect(base).toEqual({ a: 1, b: { c: 2 } });
  });
});
