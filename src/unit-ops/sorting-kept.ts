/**
 * The sort a sorting unit (sorting.ts) keeps for an equal feed: sorting is the first unit, and every
 * Monte Carlo sample brings it the same components, lots and lot masses (only a lot's Li/TM is
 * sampled upstream), which it split down its lanes again per sample.
 */
import { metricNames, type Diagnostic, type EnergyUse, type RunContext } from './contract.js';
import type { Stream } from '../streams/stream.js';
import type { Lot } from '../streams/lot.js';
import { RowStream, sameNumber } from '../streams/row-stream.js';
import { ComponentCopy } from '../streams/component-copy.js';
import { trueClassOf, type SortLane } from './sorting-lanes.js';

/** Metric names of the CAM sent to each outlet. */
export const CAM_TO = metricNames('camTo_', '_kg_per_h');

/** What of a sorter's parsed parameters a kept sort reads (the object itself is its key: a parse is not changed). */
interface SortedBy {
  lanes: readonly SortLane[];
  outlets: readonly string[];
}

/**
 * What an item sort made of a feed: its lanes' rows and masses, their component records, the lane-id
 * table, the CAM per outlet, the misclassified CAM, energy and diagnostics. Sorting is the first unit:
 * every Monte Carlo sample brings it the same components, lots and lot masses — only a lot's Li/TM
 * is sampled, which changes a lot's class only through a lane's Li/TM bound — and it split them
 * again per sample.
 */
interface SortWhole {
  p: SortedBy;
  unitId: string;
  describe: boolean | undefined;
  feedBasis: RunContext['feedBasis'];
  temperatureK: number;
  rowStream: boolean;
  /** The feed's components. */
  components: ComponentCopy;
  /** Per feed lot: its source row, mass, id and true class. */
  at: number[];
  lotKg: number[];
  lotIds: string[];
  cls: number[];
  byRow: (readonly string[])[];
  laneRows: number[][];
  laneMass: number[][];
  laneN: number[];
  laneComponents: Record<string, number>[];
  camTo: Float64Array;
  camTotal: number;
  misclassified: number;
  energy: EnergyUse;
  diagnostics: Diagnostic[];
}

/**
 * The last item sort. One slot: reused only for the same parameters object (a parse is not
 * changed), context, feed temperature, components equal in order and value, and lots equal in
 * source row, mass, id and true class — every input of the sort — so a stale one is never returned.
 */
let lastSort: SortWhole | undefined;

/** The last item sort when this feed's sort is equal to it, else undefined. */
export function sameSort(p: SortedBy, feed: Stream, ctx: RunContext): SortWhole | undefined {
  const w = lastSort;
  if (w === undefined || w.p !== p || w.unitId !== ctx.unitId || w.describe !== ctx.describe || w.feedBasis !== ctx.feedBasis) return undefined;
  if (!sameNumber(w.temperatureK, feed.temperatureK)) return undefined;
  const rows = feed instanceof RowStream ? feed : undefined;
  if (w.rowStream !== (rows !== undefined)) return undefined;
  if (!w.components.sameAs(feed.components)) return undefined;
  const source = rows ? rows.source : feed.lots;
  const n = rows ? rows.n : source.length;
  if (n !== w.at.length) return undefined;
  for (let li = 0; li < n; li++) {
    const at = rows ? rows.rows[li]! : li;
    const lot = source[at]!;
    if (at !== w.at[li] || !sameNumber(rows ? rows.mass[li]! : lot.massKgPerHour, w.lotKg[li]!) || lot.id !== w.lotIds[li]) return undefined;
    if (trueClassOf(lot, p.lanes) !== w.cls[li]) return undefined;
  }
  return w;
}

/** The sort of a feed whose lanes `lanes` were just filled, remembered for the next run (lastSort). */
export function rememberSort(p: SortedBy, feed: Stream, ctx: RunContext, byRow: (readonly string[])[], lanes: RowStream[], camTo: Float64Array, camTotal: number, misclassified: number, energy: EnergyUse, diagnostics: Diagnostic[]): void {
  const components = new ComponentCopy(feed.components);
  const rows = feed instanceof RowStream ? feed : undefined;
  const source = rows ? rows.source : feed.lots;
  const n = rows ? rows.n : source.length;
  const at: number[] = [];
  const lotKg: number[] = [];
  const lotIds: string[] = [];
  const cls: number[] = [];
  for (let li = 0; li < n; li++) {
    const row = rows ? rows.rows[li]! : li;
    const lot = source[row]!;
    at.push(row);
    lotKg.push(rows ? rows.mass[li]! : lot.massKgPerHour);
    lotIds.push(lot.id);
    cls.push(trueClassOf(lot, p.lanes));
  }
  const laneRows: number[][] = [];
  const laneMass: number[][] = [];
  const laneN: number[] = [];
  const laneComponents: Record<string, number>[] = [];
  for (let j = 0; j < lanes.length; j++) {
    const lane = lanes[j]!;
    if (lane.ids !== null || lane.changesState()) return; // ids or numbers of its own: not kept
    laneRows.push(lane.rows);
    laneMass.push(lane.mass);
    laneN.push(lane.n);
    laneComponents.push(lane.components);
  }
  lastSort = {
    p, unitId: ctx.unitId, describe: ctx.describe, feedBasis: ctx.feedBasis, temperatureK: feed.temperatureK, rowStream: rows !== undefined,
    components, at, lotKg, lotIds, cls, byRow, laneRows, laneMass, laneN, laneComponents, camTo, camTotal, misclassified, energy, diagnostics: diagnostics.slice(),
  };
}

/** The outlets, energy, metrics and diagnostics of a run, from a sort (its lanes over `source`). */
export function sortResult(p: SortedBy, w: SortWhole, source: readonly Lot[], temperatureK: number) {
  const nOut = p.outlets.length;
  const out: Record<string, Stream> = {};
  const metrics: Record<string, number> = {};
  for (let j = 0; j < nOut; j++) {
    const name = p.outlets[j]!;
    const lane = RowStream.ofRowsAndMasses(source, temperatureK, w.laneRows[j]!, w.laneMass[j]!, w.laneN[j]!, name, { table: w.byRow, column: j });
    // Records shared by the runs of an equal feed (streams are not changed once made, as delamination-nmp.ts's).
    lane.components = w.laneComponents[j]!;
    out[name] = lane;
    metrics[CAM_TO(name)] = w.camTo[j]!;
  }
  metrics.misclassifiedCam_kg_per_h = w.misclassified;
  metrics.misclassifiedCamFraction = w.camTotal > 0 ? w.misclassified / w.camTotal : 0;
  return { outlets: out, draws: {}, recycled: {}, energy: w.energy, metrics, diagnostics: w.diagnostics.length === 0 ? [] : w.diagnostics.slice() };
}
