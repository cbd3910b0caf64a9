/**
 * Whether a patch's path exists in a part's data is remembered by data object and (frozen) segment
 * list (resolve.ts pathFound): the same answer every time for the same data, and its own answer for
 * another data object holding other lots.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario, type RawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { RegenflowError } from '../../src/schema/errors.js';

const codesOf = (raw: RawScenario, path: string, value: unknown): string[] => {
  try {
    resolveModel(raw, [{ path, value }]);
    return [];
  } catch (e) {
    if (!(e instanceof RegenflowError)) throw e;
    return e.issues.map((i) => i.code);
  }
};

describe('patch paths found in a part, remembered per data object', () => {
  const raw = loadRawScenario('scenarios/reference-cn.yaml');
  const lots = (raw.feed.data as { lots: { id: string }[] }).lots;

  it('the same answer for the same data, asked again and again', () => {
    for (let round = 0; round < 3; round++) {
      expect(codesOf(raw, 'feed.lots.ev-811.liPerTm', 0.75)).toEqual([]);
      expect(codesOf(raw, 'feed.lots.2.liPerTm', 0.75)).toEqual([]);
      expect(codesOf(raw, 'feed.lots.no-such-lot.liPerTm', 0.75)).toEqual(['unknown-override']);
      expect(codesOf(raw, `feed.lots.${lots.length}.liPerTm`, 0.75)).toEqual(['unknown-override']);
    }
    const m = resolveModel(raw, [{ path: 'feed.lots.ev-811.liPerTm', value: 0.75 }]);
    expect(m.feed.lots.find((l) => l.id === 'ev-811')!.liPerTm).toBe(0.75);
  });

  it('another data object gives its own answer for the same path', () => {
    expect(codesOf(raw, 'feed.lots.ev-811.liPerTm', 0.75)).toEqual([]);
    // The feed without lot ev-811 (a new data object): the path no longer exists there.
    const data = { ...(raw.feed.data as object), lots: lots.filter((l) => l.id !== 'ev-811') };
    const other: RawScenario = { ...raw, feed: { ...raw.feed, data } };
    // (its shares no longer add up either: refused as well)
    expect(codesOf(other, 'feed.lots.ev-811.liPerTm', 0.75)).toContain('unknown-override');
    expect(codesOf(other, 'feed.lots.ev-811.liPerTm', 0.75)).toContain('unknown-override');
    expect(codesOf(raw, 'feed.lots.ev-811.liPerTm', 0.75)).toEqual([]);
  });
});
