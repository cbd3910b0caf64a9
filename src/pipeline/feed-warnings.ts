/**
 * Warnings of a feed's inputs: distributions cut at their attribute's range (truncate: true),
 * worked out once per validated feed and lot.
 */
import { attributeEntries, rangeText, type FeedSpec, type LotAttribute } from '../schema/feed.js';
import { discretise, distributionMean, probabilityOutside } from '../schema/distribution.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { msg } from '../schema/messages.js';

const FEED_WARNINGS = new WeakMap<FeedSpec, Diagnostic[]>();
const LOT_WARNINGS = new WeakMap<FeedSpec['lots'][number], Diagnostic[]>();

/**
 * Warnings of a feed: distributions cut at their attribute's range (truncate: true). Cached per
 * feed and per lot (a patched feed keeps the validated objects of the lots it did not change).
 */
export function feedWarnings(feed: FeedSpec): Diagnostic[] {
  let out = FEED_WARNINGS.get(feed);
  if (out) return out;
  out = [];
  for (const lot of feed.lots) {
    let own = LOT_WARNINGS.get(lot);
    if (!own) LOT_WARNINGS.set(lot, (own = lotWarnings(lot)));
    for (const w of own) out.push(w);
  }
  FEED_WARNINGS.set(feed, out);
  return out;
}

/**
 * feedWarnings of a patched feed: made for one resolution, so neither it nor the lots a patch made
 * are cached; the lots it shares with the parse of the unpatched feed (`original`) are.
 */
export function patchedFeedWarnings(feed: FeedSpec, original: FeedSpec | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < feed.lots.length; i++) {
    const lot = feed.lots[i]!;
    let own = LOT_WARNINGS.get(lot);
    if (!own) {
      own = lotWarnings(lot);
      if (original?.lots[i] === lot) LOT_WARNINGS.set(lot, own);
    }
    for (const w of own) out.push(w);
  }
  return out;
}

function lotWarnings(lot: FeedSpec['lots'][number]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, range] of attributeEntries()) {
    const d = lot[name as keyof typeof lot] as LotAttribute | undefined;
    if (d === undefined || typeof d === 'number' || !d.truncate) continue;
    const outside = probabilityOutside(d, range.lower, range.upper);
    if (!(outside > 0)) continue;
    const values = discretise(d, d.bins ?? lot.bins);
    const after = values.reduce((a, b) => a + b, 0) / values.length;
    out.push({ code: 'distribution-truncated', severity: 'warning', where: `feed.lots[${lot.id}].${name}`, message: msg.distributionTruncated(lot.id, name, outside, rangeText(range), distributionMean(d), after) });
  }
  return out;
}
