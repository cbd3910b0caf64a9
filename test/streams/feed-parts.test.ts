/**
 * The feed stream reuses the parts of the last feed built (streams/feed.ts): a lot that is the same
 * object at the same index, at the same basis and throughput, takes its part; any other lot is
 * built anew. Whatever was built before, a feed gives the same stream.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/io/document.js';
import { feedSchema, type FeedSpec } from '../../src/schema/feed.js';
import { feedStream } from '../../src/streams/feed.js';

function feedOf(yaml: string): FeedSpec {
  return feedSchema.parse(parseText('f.yaml', yaml).data);
}

const YAML = 'lots:\n  - { id: a, share: 0.6, chemistry: NCM523, liPerTm: { dist: normal, mean: 0.86, sd: 0.04 } }\n  - { id: b, share: 0.4, chemistry: NCM811, liPerTm: 0.8 }\n';

describe('feed parts', () => {
  it('a feed gives the same stream whatever was built before', () => {
    const base = feedOf(YAML);
    const alone = JSON.stringify(feedStream(feedOf(YAML), 1, 298.15));
    feedStream(base, 1, 298.15);
    // b patched (a new lot object at index 1), a kept: a's part reused, b's made.
    const patched: FeedSpec = { ...base, lots: [base.lots[0]!, { ...base.lots[1]!, liPerTm: 0.75 }] };
    const s = feedStream(patched, 1, 298.15);
    expect(s.lots[0]).toBe(feedStream(base, 1, 298.15).lots[0]);
    expect(s.lots.at(-1)!.liPerTm).toBe(0.75);
    expect(JSON.stringify(feedStream(base, 1, 298.15))).toBe(alone);
    expect(JSON.stringify(feedStream(patched, 1, 298.15))).toBe(JSON.stringify(feedStream({ ...patched, lots: patched.lots.map((l) => ({ ...l })) }, 1, 298.15)));
  });

  it('builds the parts again at another throughput, basis or lot order', () => {
    const f = feedOf(YAML);
    const one = feedStream(f, 1, 298.15);
    const ten = feedStream(f, 10, 298.15);
    expect(ten.lots[0]!.massKgPerHour).toBe(one.lots[0]!.massKgPerHour * 10);
    expect(JSON.stringify(feedStream(f, 1, 298.15))).toBe(JSON.stringify(one));
    const powder = feedStream({ ...f, basis: 'cam-powder' }, 1, 298.15);
    expect(Object.keys(powder.components)).not.toEqual(Object.keys(one.components));
    const swapped = feedStream({ ...f, lots: [f.lots[1]!, f.lots[0]!] }, 1, 298.15);
    expect(swapped.lots[0]!.id).toBe('b');
    expect(swapped.lots.at(-1)!.id).toBe('a#5');
  });
  it('sums the lots\' component flows as a record grown id by id does: the same sums, keys in order of first appearance', () => {
    const f = feedOf('lots:\n  - { id: a, share: 0.3, chemistry: NCM523, composition: { cam: 0.9, al: 0.07, pvdf: 0.03 } }\n  - { id: b, share: 0.45, chemistry: NCM811, composition: { cam: 0.8, cu: 0.05, carbon: 0.1, al: 0.05 } }\n  - { id: c, share: 0.25, chemistry: LFP }\n');
    for (const kgPerHour of [1, 1234.5]) {
      const s = feedStream(f, kgPerHour, 298.15);
      // The record key by key, from each lot's own part (a feed of that lot alone, at its share).
      const expected: Record<string, number> = {};
      for (const lot of f.lots) {
        const part = feedStream({ ...f, lots: [lot] }, kgPerHour, 298.15).components;
        for (const id in part) expected[id] = (expected[id] ?? 0) + part[id]!;
      }
      expect(JSON.stringify(s.components)).toBe(JSON.stringify(expected));
      expect(Object.keys(s.components).length).toBeGreaterThan(3);
    }
  });
});
