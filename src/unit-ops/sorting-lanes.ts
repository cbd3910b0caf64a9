/**
 * How the sorting unit (sorting.ts) makes its lanes: the lane lot ids (`<lot id>@<lane>`), the table
 * of them by feed row that the lanes read their ids from, and which lanes get every lot (and share
 * the feed's rows), and a lot's lane by its matching rules (trueClassOf). Made once per lot id, outlet
 * list or confusion matrix where they can be: every Monte Carlo sample sorts the same feed lots into
 * the same lanes.
 */
import { joinedNameLists } from '../schema/joined-names.js';
import { MAX_FEED_SUB_LOTS } from '../schema/feed.js';
import { RowStream } from '../streams/row-stream.js';
import type { Lot, Morphology } from '../streams/lot.js';
import type { CathodeFamily } from '../chemistry/cathode.js';
import type { Stream } from '../streams/stream.js';

/**
 * Lane lot ids (`<lot id>@<lane>`) by outlet, made once per lot id and outlet list: every Monte
 * Carlo sample sorts the same feed lots into the same lanes. Remembered for as many lot ids as the
 * largest feed has sub-lots: past the limit every evaluation makes each id anew — at 40,000 lots
 * 150,000 strings per evaluation, hashed again by every map they reach, which doubled the
 * young-generation collector's pauses (measured, issue 19); the memory kept is bounded by the feed
 * schema's limit.
 */
const laneLotIdLists = joinedNameLists('@', MAX_FEED_SUB_LOTS);

/**
 * The lane-id joiner of an outlet list, by the list (parsed parameters are not changed): made once
 * per sorter, not joined into a key and looked up again on every run of it.
 */
const LANE_LOT_IDS = new WeakMap<readonly string[], (id: string) => readonly string[]>();

/** The lane lot ids of a lot id by outlet, for an outlet list (its joiner made once per list). */
export function laneLotIds(outlets: readonly string[]): (id: string) => readonly string[] {
  let of = LANE_LOT_IDS.get(outlets);
  if (of === undefined) LANE_LOT_IDS.set(outlets, (of = laneLotIdLists(outlets)));
  return of;
}

/**
 * Lane lot ids by row of a source list and outlet list: the scaled feed is rows of the feed's unit
 * lots, kept across evaluations of one feed (row-stream.ts), so a long feed's ids are found by row
 * rather than by a lookup per lot (a cache miss each at tens of thousands of lots). Filled as rows
 * are met; a shorter list gets a table of its own per run (laneIdTable: a Monte Carlo sample's feed
 * is new each time, and a kept table per feed would be a weak entry per sample).
 */
const LANE_IDS_BY_ROW = new WeakMap<readonly Lot[], WeakMap<readonly string[], (readonly string[])[]>>();
const LANE_IDS_BY_ROW_MIN = 64;

function laneIdsByRow(source: readonly Lot[], outlets: readonly string[]): (readonly string[])[] {
  let byOutlets = LANE_IDS_BY_ROW.get(source);
  if (!byOutlets) LANE_IDS_BY_ROW.set(source, (byOutlets = new WeakMap()));
  let ids = byOutlets.get(outlets);
  if (!ids) byOutlets.set(outlets, (ids = []));
  return ids;
}

/**
 * The lane ids of a feed's lots by source row, for the lanes to read (RowStream idTable) instead of
 * an id list per lane: for a long feed of rows the table kept across evaluations (laneIdsByRow),
 * for a short one a new table, filled as sortItems meets the rows. Undefined for a feed of renamed
 * rows (a lane already: two rows of one source lot may have two ids), whose lanes list their ids.
 */
export function laneIdTable(feed: Stream, outlets: readonly string[]): (readonly string[])[] | undefined {
  if (!(feed instanceof RowStream)) return [];
  if (feed.lane !== null) return undefined;
  return feed.source.length >= LANE_IDS_BY_ROW_MIN ? laneIdsByRow(feed.source, outlets) : [];
}

/** The rows of every lot of a feed in feed order: a row stream's own (shared), else 0…n − 1 of its lots. */
export function feedRows(feed: Stream): number[] {
  if (feed instanceof RowStream) return feed.rows;
  const rows: number[] = [];
  for (let i = 0; i < feed.lots.length; i++) rows.push(i);
  return rows;
}

/**
 * Per outlet, whether every class sends it a part of each of its lots (its column of the confusion
 * matrix has no zero): then sortItems gives it every lot, in feed order. Made once per matrix
 * (parsed parameters are not changed).
 */
const EVERY_LOT = new WeakMap<readonly (readonly number[])[], boolean[]>();

/** Per outlet of a confusion matrix (rows by true class), whether it gets every lot (EVERY_LOT; kept per matrix object). */
export function lanesOfEveryLot(rows: readonly (readonly number[])[]): boolean[] {
  let every = EVERY_LOT.get(rows);
  if (every === undefined) {
    every = [];
    const nOut = rows.length === 0 ? 0 : rows[0]!.length;
    for (let j = 0; j < nOut; j++) {
      let all = true;
      for (let c = 0; c < rows.length; c++) if (!(rows[c]![j]! > 0)) all = false;
      every.push(all);
    }
    EVERY_LOT.set(rows, every);
  }
  return every;
}

/** A lane with its matching rule (resolved: chemistry names canonical). */
export interface SortLane {
  name: string;
  /** Chemistry group: lanes of one group are told apart by degradation, not chemistry. */
  group: string;
  chemistries?: string[];
  families?: CathodeFamily[];
  containsNi?: boolean;
  minLiPerTm?: number;
  maxLiPerTm?: number;
  minNi?: number;
  maxNi?: number;
  morphology?: Morphology;
}


/** Index of a lot's true class: the first matching lane, or lanes.length (rejects). */
export function trueClassOf(lot: Lot, lanes: readonly SortLane[]): number {
  const ni = lot.chemistry.tm.Ni ?? 0;
  for (let i = 0; i < lanes.length; i++) {
    const l = lanes[i]!;
    if (l.families && !l.families.includes(lot.chemistry.family)) continue;
    if (l.chemistries && !l.chemistries.includes(lot.chemistry.name)) continue;
    if (l.containsNi !== undefined && (ni > 0) !== l.containsNi) continue;
    if (l.minLiPerTm !== undefined && !(lot.liPerTm >= l.minLiPerTm)) continue;
    if (l.maxLiPerTm !== undefined && !(lot.liPerTm < l.maxLiPerTm)) continue;
    if (l.minNi !== undefined && !(ni >= l.minNi)) continue;
    if (l.maxNi !== undefined && !(ni < l.maxNi)) continue;
    if (l.morphology !== undefined && lot.morphology !== l.morphology) continue;
    return i;
  }
  return lanes.length;
}
