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

function computeSubLotValues(lot: LotSpec): SubLotValues {
  const attr = (a: (typeof ATTRIBUTES)[number]): LotAttribute => {
    const v = lot[a as keyof LotSpec] as LotAttribute | undefined;
    if (v === undefined) return a === 'liPerTm' ? nominalLiPerTm(lot.chemistry) : 0;
    return v;
  };
  const anyDist = ATTRIBUTES.some((a) => typeof attr(a) === 'object');
  const count = anyDist ? lot.bins : 1;
  const values = {} as Record<(typeof ATTRIBUTES)[number], number[]>;
  for (const a of ATTRIBUTES) {
    const v = attr(a);
    if (typeof v === 'number') values[a] = new Array<number>(count).fill(v);
    else {
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
  basis: FeedBasis;
  feedKgPerHour: number;
  ids: string[];
  kg: number[];
  subLots: Lot[];
  /** The lot's sub-lot values (subLotValues), kept with its part: one weak entry per lot, not two. */
  values: SubLotValues;
}

/**
 * Parts by lot. A Monte Carlo sample patches one lot of the feed and keeps the objects of the
 * others (pipeline/reparse.ts), so it builds the part of that lot only: the others' flows are
 * added again (the same terms, in the same order) and their sub-lots taken as they are (lots are
 * immutable values, stream.ts; each stream's list is its own).
 */
const LOT_PARTS = new WeakMap<LotSpec, LotPart>();

function lotPart(lot: LotSpec, basis: FeedBasis, feedKgPerHour: number): LotPart {
  let part = LOT_PARTS.get(lot);
  if (part !== undefined && part.basis === basis && Object.is(part.feedKgPerHour, feedKgPerHour)) return part;
  // A Monte Carlo sample's patched lot is a new object each time: its values are made here, for its
  // part only (an entry in a weak map costs more than making them, and the lot lives one sample).
  const subValues = part?.values ?? SUB_LOTS.get(lot) ?? computeSubLotValues(lot);
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
  LOT_PARTS.set(lot, (part = { basis, feedKgPerHour, ids, kg, subLots, values: subValues }));
  return part;
}

/** Build the feed stream for `feedKgPerHour` of scrap at `temperatureK`. */
export function feedStream(feed: FeedSpec, feedKgPerHour: number, temperatureK: number): Stream {
  const s = emptyStream(temperatureK);
  for (const lot of feed.lots) {
    const part = lotPart(lot, feed.basis, feedKgPerHour);
    const { ids, kg, subLots } = part;
    for (let i = 0; i < ids.length; i++) s.components[ids[i]!] = (s.components[ids[i]!] ?? 0) + kg[i]!;
    for (let k = 0; k < subLots.length; k++) s.lots.push(subLots[k]!);
  }
  return s;
}
