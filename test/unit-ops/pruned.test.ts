/**
 * pruned (correlations/relithiation.ts): a unit's own outlet without a zero entry is passed on as it
 * is; with zero entries, a copy without them (same order of the others), the unit's stream unchanged.
 */
import { describe, expect, it } from 'vitest';
import { pruned } from '../../src/unit-ops/correlations/relithiation.js';
import type { Stream } from '../../src/streams/stream.js';

describe('pruned', () => {
  it('passes a stream without zero entries on as it is', () => {
    const s: Stream = { components: { H2O: 2, LiOH: 1 }, lots: [], temperatureK: 350 };
    expect(pruned(s)).toBe(s);
    expect(JSON.stringify(pruned(s))).toBe('{"components":{"H2O":2,"LiOH":1},"lots":[],"temperatureK":350}');
  });

  it('drops zero entries (and -0) into a copy, keeping the order of the others', () => {
    const s: Stream = { components: { KOH: 0, H2O: 2, LiOH: -0, O2: 1 }, lots: [], temperatureK: 350 };
    const p = pruned(s);
    expect(p).not.toBe(s);
    expect(JSON.stringify(p)).toBe('{"components":{"H2O":2,"O2":1},"lots":[],"temperatureK":350}');
    expect(p.lots).toBe(s.lots);
    expect(Object.keys(s.components)).toEqual(['KOH', 'H2O', 'LiOH', 'O2']);
  });
});
