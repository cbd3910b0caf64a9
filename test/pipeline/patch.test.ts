/**
 * Patch paths (issue 19): pathSegments gives splitPath's segments, worked out once per path and
 * shared (frozen, so that no caller can change what the next one reads).
 */
import { describe, expect, it } from 'vitest';
import { pathSegments, splitPath } from '../../src/pipeline/patch.js';

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
