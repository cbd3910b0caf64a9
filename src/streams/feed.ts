/**
 * The feed stream of a scenario: each feed lot's scrap split into its cathode-active-material lot
 * (or equal-mass sub-lots when an attribute is a distribution) and its other components.
 */
import type { FeedBasis, FeedSpec, LotSpec, LotAttribute } from '../schema/feed.js';
import { DEFAULT_COMPOSITION, nominalLiPerTm } from '../schema/feed.js';
import { discretise } from '../schema/distribution.js';
import { emptyStream, type Stream } from './stream.js';
import type { Lot } from './lot.js';

const ATTRIBUTES = ['liPerTm', 'cationMixing', 'surfaceRockSalt_nm', 'crackFraction', 'd50'] as const;

/** The values of a feed lot's sub-lots, by attribute. */
export interface SubLotValues {
  count: number;
  /** Lot ids: the feed lot's id, or `<id>#1` … `<id>#n` for sub-lots. */
  ids: string[];
  values: Record<(typeof ATTRIBUTES)[number], number[]>;
}

/**
 * Sub-lot values by lot. Validated lot objects are immutable, and a patched feed keeps the objects
 * of the lots it did not change (pipeline/reparse.ts), so a Monte Carlo sample discretises only the
 * lots it varies. The cached arrays are shared and must not be mutated.
 */
const SUB_LOTS = new WeakMap<LotSpec, SubLotValues>();

/**
 * Values of each sub-lot of a feed lot. Attributes given as distributions are discretised into
 * `bins` equal-mass bins; several distributed attributes move together (bin k of each), i.e. the
 * most lithium-deficient particles are also the most damaged (assumption: degradation modes are
 * driven by the same cycling history, so they are comonotone).
 */
export function subLotValues(lot: LotSpec): SubLotValues {
  let v = SUB_LOTS.get(lot);
  if (!v) SUB_LOTS.set(lot, (v = computeSubLotValues(lot)));
  return v;
}

/** A lot's attribute as given, or its default (nominal Li/TM, else 0). */
function attributeOf(lot: LotSpec, a: (typeof ATTRIBUTES)[number]): LotAttribute {
  const v = lot[a as keyof LotSpec] as LotAttribute | undefined;
  if (v === undefined) return a === 'liPerTm' ? nominalLiPerTm(lot.chemistry) : 0;
  return v;
}

function computeSubLotValues(lot: LotSpec): SubLotValues {
  // Plain loops, not closures over the lot and `fill`: a Monte Carlo sample that varies a lot's
  // attribute makes its values once per sample.
  let anyDist = false;
  for (let i = 0; i < ATTRIBUTES.length; i++) if (typeof attributeOf(lot, ATTRIBUTES[i]!) === 'object') anyDist = true;
  const count = anyDist ? lot.bins : 1;
  const values = {} as Record<(typeof ATTRIBUTES)[number], number[]>;
  for (let i = 0; i < ATTRIBUTES.length; i++) {
    const a = ATTRIBUTES[i]!;
    const v = attributeOf(lot, a);
    if (typeof v === 'number') {
      // One sub-lot: a list of one (pushing onto an empty list reserves room for 17).
      if (count === 1) values[a] = [v];
      else {
        const same: number[] = [];
        for (let k = 0; k < count; k++) same.push(v);
        values[a] = same;
      }
    } else {
      const binned = discretise(v, v.bins ?? count);
      // A distribution with its own bin count still maps onto the lot's sub-lots: resample by rank.
      values[a] = binned.length === count ? binned : Array.from({ length: count }, (_, k) => binned[Math.floor(((k + 0.5) / count) * binned.length)]!);
    }
  }
  const ids = count === 1 ? [lot.id] : Array.from({ length: count }, (_, k) => `${lot.id}#${k + 1}`);
  return { count, ids, values };
}

/**
 * A feed lot's part of the feed stream at `feedKgPerHour` of scrap of a basis: its component flows
 * (ids and kg/h, in composition order, cam apart) and its sub-lots.
 */
interface LotPart {
  ids: string[];
  kg: number[];
  subLots: Lot[];
}

/**
 * The parts of the last feed built, by lot index, and what they were built for. A Monte Carlo
 * sample patches one lot of the feed and keeps the objects of the others (pipeline/reparse.ts), so
 * it builds the part of that lot only: a lot that is the same object at the same index as in the
 * last feed (same basis and throughput) takes its part; the others' flows are added again (the same
 * terms, in the same order) and their sub-lots taken as they are (lots are immutable values,
 * stream.ts; each stream's list is its own). One feed's parts, not a weak entry per lot: the
 * patched lot is a new object in every sample, and its entry cost more than its part.
 */
let lastParts: { lots: readonly LotSpec[]; basis: FeedBasis; feedKgPerHour: number; parts: LotPart[] } | undefined;

/** The part of lot `i` of `lots`: the last feed's, or made (lotPart). */
function partAt(lots: readonly LotSpec[], i: number, basis: FeedBasis, feedKgPerHour: number): LotPart {
  const last = lastParts;
  const lot = lots[i]!;
  if (last !== undefined && last.lots[i] === lot && last.basis === basis && Object.is(last.feedKgPerHour, feedKgPerHour)) return last.parts[i]!;
  return lotPart(lot, basis, feedKgPerHour);
}

function lotPart(lot: LotSpec, basis: FeedBasis, feedKgPerHour: number): LotPart {
  // Kept by lot only when discretised (several sub-lots): a lot of single values is one array per
  // attribute, which costs less to make than a weak entry (a sample's patched lot lives one sample).
  let subValues = SUB_LOTS.get(lot);
  if (subValues === undefined) {
    subValues = computeSubLotValues(lot);
    if (subValues.count > 1) SUB_LOTS.set(lot, subValues);
  }
  const scrapKg = lot.share * feedKgPerHour;
  const composition = lot.composition ?? DEFAULT_COMPOSITION[basis];
  const ids: string[] = [];
  const kg: number[] = [];
  for (const id in composition) {
    if (id === 'cam') continue;
    ids.push(id);
    kg.push(scrapKg * composition[id]!);
  }
  const subLots: Lot[] = [];
  const camKg = scrapKg * (composition.cam ?? 0);
  if (camKg !== 0) {
    const { count, ids: subIds, values } = subValues;
    for (let k = 0; k < count; k++) {
      subLots.push({
        id: subIds[k]!,
        origin: [lot.id],
        chemistry: lot.chemistry,
        massKgPerHour: camKg / count,
        liPerTm: values.liPerTm[k]!,
        cationMixing: values.cationMixing[k]!,
        surfaceRockSalt_nm: values.surfaceRockSalt_nm[k]!,
        crackFraction: values.crackFraction[k]!,
        morphology: lot.morphology,
        d50_um: values.d50[k]!,
        coating_nm: 0,
        coating: null,
        conductiveNetwork: null,
        lane: null,
      });
    }
  }
  return { ids, kg, subLots };
}

/**
 * The feed's component flows being summed by feedStream (one feed at a time): ids in order of first
 * appearance and their sums, the first `summed` entries — the record `(r[id] ?? 0) + kg` id by id
 * makes (a new id starts at 0 + kg), written out at the end. The lots' parts list the same few ids,
 * found by a scan of this short list (ids are internalized texts: compared by pointer) rather than
 * looked up and stored in a record grown key by key, for every lot of every Monte Carlo sample.
 */
const SUM_IDS: string[] = [];
const SUM_KG: number[] = [];
let summed = 0;

/** Add `kg` to the feed's sum of component `id` (SUM_IDS). */
function addFlow(id: string, kg: number): void {
  for (let j = 0; j < summed; j++) {
    if (SUM_IDS[j] === id) {
      SUM_KG[j]! += kg;
      return;
    }
  }
  SUM_IDS[summed] = id;
  SUM_KG[summed++] = 0 + kg;
}

/** Build the feed stream for `feedKgPerHour` of scrap at `temperatureK`. */
export function feedStream(feed: FeedSpec, feedKgPerHour: number, temperatureK: number): Stream {
  const s = emptyStream(temperatureK);
  const parts: LotPart[] = [];
  const lots = s.lots;
  summed = 0;
  for (let li = 0; li < feed.lots.length; li++) {
    const part = partAt(feed.lots, li, feed.basis, feedKgPerHour);
    parts.push(part);
    const { ids, kg, subLots } = part;
    for (let i = 0; i < ids.length; i++) addFlow(ids[i]!, kg[i]!);
    for (let k = 0; k < subLots.length; k++) lots.push(subLots[k]!);
  }
  const components = s.components;
  for (let j = 0; j < summed; j++) components[SUM_IDS[j]!] = SUM_KG[j]!;
  lastParts = { lots: feed.lots, basis: feed.basis, feedKgPerHour, parts };
  return s;
}
