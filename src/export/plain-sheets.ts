/**
 * The sheets that hold no live formula: Flowsheet (units, connections, recycle loops, then the
 * flowsheet picture and the Sankey of mass flows of each case, one to a printed page), Streams
 * (one column per stream), Balances (closure per unit, reagents, energy items) and Schedule (a
 * Gantt of one campaign per case, then the schedule entries).
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { Grid, STYLE, FMT, fmt, colName, type CellStyle, type Scalar } from './grid.js';
import {
  unitRows, UNIT_HEADER, connectionRows, CONNECTION_HEADER, loopRows, LOOP_HEADER, streamTable, lotRows, LOT_HEADER, heatUtilities,
  balanceRows, balanceHeader, reagentRows, REAGENT_HEADER, energyItemRows, ENERGY_HEADER, gantt, PHASES, scheduleRows, SCHEDULE_HEADER,
} from './tables.js';
import { flowsheetSvg } from './diagram.js';
import { sankeySvg } from './sankey.js';
import { svgToPng, svgToPngAsync } from './png.js';
import { msg } from '../schema/messages.js';
import { caseLetter, caseLabel } from './cases.js';
import { readerText } from './reader-text.js';

/** Pixel size of a PNG (IHDR). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.readUInt32BE(12) !== 0x49484452) throw new Error('internal: not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const ROW_PX = 20;
/** Width of the pictures (pixels): about the width of the Flowsheet sheet's tables on paper. */
export const PICTURE_PX = 1300;

/** A picture rendered ahead (renderPictures): its PNG, or why it could not be made. */
export type RenderedPicture = Buffer | Error;

/** The SVG of each picture of the Flowsheet sheet, in the order the sheet places them. */
function pictureSvgs(evs: readonly Evaluation[]): (() => string)[] {
  return evs.flatMap((ev) => [() => flowsheetSvg(ev.model), () => sankeySvg(ev)]);
}

/**
 * The pictures of the Flowsheet sheet, rendered side by side on libuv's thread pool before the
 * workbook is built (workbook.ts workbookBuffer): the same PNGs as rendering each in turn, in the
 * order flowsheetPictures places them.
 */
export async function renderPictures(evs: readonly Evaluation[]): Promise<RenderedPicture[]> {
  return Promise.all(pictureSvgs(evs).map(async (make) => {
    try {
      return await svgToPngAsync(make(), PICTURE_PX);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }));
}

/** A picture with its title at (row, col), rendered now or ahead; returns the next free row. */
function picture(g: Grid, col: number, row: number, title: string, make: () => string, ahead: RenderedPicture | undefined): number {
  g.section(row, col, title);
  try {
    if (ahead instanceof Error) throw ahead;
    const png = ahead ?? svgToPng(make(), PICTURE_PX);
    const { width, height } = pngSize(png);
    g.images.push({ png, col: col - 1, row, widthPx: width, heightPx: height, title });
    return row + 1 + Math.ceil(height / ROW_PX) + 1;
  } catch (e) {
    g.note(row + 1, col, msg.pictureFailed(title, (e as Error).message));
    return row + 3;
  }
}

/** A letter column for the case of each row. */
const letter = (i: number): CellStyle & { v: string } => ({ v: caseLetter(i), align: 'center' });

function byCase<T>(evs: readonly Evaluation[], rows: (ev: Evaluation) => T[][]): (string | T)[][] {
  return evs.flatMap((ev, i) => rows(ev).map((x) => [letter(i).v, ...x]));
}

/** The Flowsheet sheet's tables; returns the row below them, where flowsheetPictures starts. */
export function flowsheetSheet(g: Grid, evs: readonly Evaluation[]): number {
  const head = ['case', ...UNIT_HEADER];
  g.header(1, 1, head);
  g.freeze = { rows: 1, cols: 2 };
  g.print = { fit: 'width' };
  [6, 17, 20, 30, 11, 16, 22, 10, 10, 10, 12, 12].forEach((w, i) => g.width(i + 1, w));
  const center = { align: 'center' } as CellStyle;
  const wrapped = STYLE.wrapped;
  let r = g.table(2, 1, byCase(evs, unitRows), [center, undefined, wrapped, undefined, undefined, wrapped, wrapped, fmt(FMT.years), fmt(FMT.years), fmt(FMT.num1), fmt(FMT.num1), fmt(FMT.num1)]);
  r++;
  g.header(r++, 1, ['case', ...CONNECTION_HEADER]);
  r = g.table(r, 1, byCase(evs, connectionRows), [center, undefined, undefined, undefined, fmt(FMT.kgH)]);
  r++;
  g.header(r++, 1, ['case', ...LOOP_HEADER]);
  r = g.table(r, 1, byCase(evs, loopRows), [center, wrapped, undefined, fmt(FMT.int), fmt(FMT.sci)]);
  return r + 1;
}

/**
 * The Flowsheet sheet's pictures from `row` (below its tables): the flowsheet and the Sankey of
 * each case, one to a printed page; `rendered`: rendered ahead (renderPictures), else rendered here.
 */
export function flowsheetPictures(g: Grid, evs: readonly Evaluation[], row: number, rendered?: readonly RenderedPicture[]): void {
  let r = row;
  g.note(r++, 1, 'Below: the flowsheet (recycles drawn in colour) and the Sankey of mass flows of each case, one to a page.');
  const n = evs.length;
  const svgs = pictureSvgs(evs);
  evs.forEach((ev, i) => {
    g.breakAfter(r - 1);
    r = picture(g, 1, r + 1, `${caseLabel(ev, i, n)} — flowsheet`, svgs[2 * i]!, rendered?.[2 * i]);
    g.breakAfter(r - 1);
    r = picture(g, 1, r + 1, `${caseLabel(ev, i, n)} — Sankey of mass flows (kg/h)`, svgs[2 * i + 1]!, rendered?.[2 * i + 1]);
  });
}

/** Stream columns per block of the stream table: a block is one printed page wide. */
const STREAMS_PER_BLOCK = 9;
/** Rows of a block on one printed page (A4 landscape, the sheet scaled to its width). */
const ROWS_PER_PAGE = 44;

/** The Streams sheet: per case the stream table (one column per stream, in blocks a page wide), then the lots entering and leaving. */
export function streamsSheet(g: Grid, evs: readonly Evaluation[]): void {
  let r = 1;
  g.freeze = { rows: 0, cols: 2 };
  g.print = { fit: 'width' };
  g.width(1, 28);
  g.width(2, 8);
  const n = evs.length;
  evs.forEach((ev, i) => {
    const t = streamTable(ev);
    const blocks = Math.ceil(t.streams.length / STREAMS_PER_BLOCK);
    for (let b = 0; b < blocks; b++) {
      const j0 = b * STREAMS_PER_BLOCK;
      const cols = t.streams.slice(j0, j0 + STREAMS_PER_BLOCK);
      const title = `${caseLabel(ev, i, n)} — streams ${j0 + 1}–${j0 + cols.length} of ${t.streams.length} (one column per stream; flows in kg/h)`;
      g.breakAfter(r - 1);
      g.section(r++, 1, title);
      g.header(r++, 1, ['stream', 'unit', ...cols]);
      for (const [k, row] of t.rows.entries()) {
        // A long block continues on a new page under its header again.
        if (k > 0 && k % ROWS_PER_PAGE === 0) {
          g.breakAfter(r - 1);
          g.section(r++, 1, `${title}, continued`);
          g.header(r++, 1, ['stream', 'unit', ...cols]);
        }
        g.set(r, 1, row.label, row.kind === 'mass' ? { bold: true } : undefined);
        g.set(r, 2, row.unit);
        const style = row.kind === 'text' ? STYLE.wrapped : row.kind === 'temperature' ? fmt(FMT.num1) : fmt(FMT.kgH, row.kind === 'mass' ? { bold: true } : {});
        row.values.slice(j0, j0 + STREAMS_PER_BLOCK).forEach((v, j) => { if (v !== null) g.set(r, 3 + j, v, style); });
        r++;
      }
      r += 1;
    }
  });
  g.breakAfter(r - 1);
  for (let c = 3; c < 3 + STREAMS_PER_BLOCK; c++) g.width(c, 13);
  g.section(r++, 1, 'Lots as they enter (feed) and leave as product, with the verdict on each product lot; every stream\'s lots are in the JSON output (--json).');
  // The lot id in the wide first column, the case in the narrow second (the stream table's label columns).
  const [lotH, ...restH] = LOT_HEADER;
  g.header(r++, 1, [lotH!, 'case', ...restH]);
  const lot = fmt(FMT.frac);
  const rows = evs.flatMap((ev, i) => lotRows(ev).map(([id, ...rest]) => [id!, caseLetter(i), ...rest]));
  g.table(r, 1, rows, [undefined, { align: 'center' }, STYLE.wrapped, STYLE.wrapped, undefined, fmt(FMT.kgH), lot, lot, fmt(FMT.num2), lot, undefined, fmt(FMT.num1), undefined, fmt(FMT.num1), undefined, undefined, STYLE.wrapped]);
}

/** The Balances sheet: mass and energy per unit, element closures per unit, reagents, energy items. */
export function balancesSheet(g: Grid, evs: readonly Evaluation[]): void {
  const utilities = heatUtilities(evs);
  const full = balanceHeader(utilities);
  const nEl = full.length - 5 - utilities.length - 2;
  // balanceRows: unit, in, out, mass closure, worst, …elements, electricity, …heat, minimum heat.
  const massCols = [0, 1, 2, 3, 4, ...Array.from({ length: utilities.length + 2 }, (_, k) => 5 + nEl + k)];
  const elementCols = [0, ...Array.from({ length: nEl }, (_, k) => 5 + k)];
  const pick = (cols: number[]) => (row: readonly unknown[]) => cols.map((c) => row[c]);
  const head = ['case', ...pick(massCols)(full) as string[]];
  g.header(1, 1, head);
  g.freeze = { rows: 1, cols: 2 };
  g.print = { fit: 'width' };
  g.width(1, 6);
  g.width(2, 14);
  for (let c = 3; c <= 2 + nEl; c++) g.width(c, 10);
  const sci = fmt(FMT.sci);
  const rows = evs.map((ev) => balanceRows(ev, utilities));
  let r = g.table(2, 1, byCase(evs, (_ev) => rows[evs.indexOf(_ev)]!.map(pick(massCols)) as Scalar[][]), [{ align: 'center' }, undefined, fmt(FMT.kgH), fmt(FMT.kgH), sci, sci, fmt(FMT.num1), ...utilities.map(() => fmt(FMT.num1)), fmt(FMT.num1)]);
  g.autoFilter = `A1:${colName(head.length)}${r - 1}`;
  r += 2;
  g.section(r++, 1, 'Element closure per unit, |in − out| / in');
  g.header(r++, 1, ['case', 'control volume', ...(pick(elementCols)(full) as string[]).slice(1).map((h) => h.replace(' closure (–)', ''))]);
  r = g.table(r, 1, byCase(evs, (_ev) => rows[evs.indexOf(_ev)]!.map(pick(elementCols)) as Scalar[][]), [{ align: 'center' }, undefined, ...Array.from({ length: nEl }, () => sci)]);
  r += 2;
  g.section(r++, 1, 'Reagents: fresh make-up and demand met by recycle');
  g.header(r++, 1, ['case', ...REAGENT_HEADER]);
  r = g.table(r, 1, byCase(evs, reagentRows), [{ align: 'center' }, undefined, fmt(FMT.kgH), fmt(FMT.kgH), fmt(FMT.kgYr)]);
  r += 2;
  g.section(r++, 1, 'Energy items of every unit (bottom-up, delivered after efficiencies)');
  g.header(r++, 1, ['case', ...ENERGY_HEADER]);
  // The item and its basis read across the columns to the right (merged), wrapped.
  const items = byCase(evs, energyItemRows).map((x) => x.map((v, j) => (j === 5 && typeof v === 'string' ? readerText(v) : v)));
  const last = Math.max(2 + nEl, 10);
  for (let k = 0; k < items.length; k++) g.merge(r + k, 6, last);
  g.merge(r - 1, 6, last);
  g.table(r, 1, items, [{ align: 'center' }, undefined, fmt(FMT.num1), undefined, undefined, STYLE.wrapped], items.length);
}

/** Columns of the Gantt and the entries table before the time bins. */
const GANTT_HEADER = ['case', 'unit', 'equipment', 'item', 'batches in the horizon', 'busy (h)', 'first start (h)', 'last end (h)'];
/** First time-bin column (the entries table uses the columns before it). */
const BIN0 = 10;

/** The Schedule sheet: a Gantt per case, then the schedule entries. */
export function scheduleSheet(g: Grid, evs: readonly Evaluation[]): void {
  let r = 1;
  g.freeze = { rows: 0, cols: 4 };
  g.print = { fit: 'width' };
  [6, 12, 24, 6, 10, 10, 10, 10, 10].forEach((w, i) => g.width(i + 1, w));
  let maxBins = 0;
  const n = evs.length;
  const legend = Object.values(PHASES).map((p) => `${p.letter} = ${p.label}`).join(' · ');
  evs.forEach((ev, i) => {
    const s = ev.sizing.schedule;
    const gt = gantt(s.entries, s.horizonH);
    maxBins = Math.max(maxBins, gt.bins);
    g.section(r++, 1, `${caseLabel(ev, i, n)} — campaign schedule (Gantt; one column = ${gt.binH} h; horizon ${s.horizonH} h)`);
    g.note(r++, 1, `phases: ${legend}`);
    g.header(r, 1, GANTT_HEADER);
    for (let b = 0; b < gt.bins; b++) if (b % Math.max(1, Math.round(gt.bins / 12)) === 0) g.set(r, BIN0 + b, `${Number((b * gt.binH).toFixed(3))} h`, { bold: true, fill: 'D9E1F2', spill: true });
    r++;
    if (gt.rows.length === 0) g.note(r++, 1, 'no scheduled equipment (no items installed)');
    for (const note of s.notes ?? []) g.note(r++, 1, readerText(note));
    for (const row of gt.rows) {
      g.set(r, 1, caseLetter(i), { align: 'center' });
      g.set(r, 2, row.unit);
      g.set(r, 3, row.equipment);
      g.set(r, 4, row.item, fmt(FMT.int));
      g.set(r, 5, row.batches, fmt(FMT.int));
      g.set(r, 6, row.busyH, fmt(FMT.num1));
      g.set(r, 7, row.firstH, fmt(FMT.num1));
      g.set(r, 8, row.lastH, fmt(FMT.num1));
      row.cells.forEach((ph, b) => { if (ph) g.set(r, BIN0 + b, PHASES[ph]!.letter, { fill: PHASES[ph]!.fill, color: 'FFFFFF', align: 'center', size: 8 }); });
      r++;
    }
    r += 2;
  });
  for (let c = BIN0; c < BIN0 + maxBins; c++) {
    g.width(c, 2.4);
    g.fixedWidths.add(c);
  }
  g.breakAfter(r - 1);
  g.section(r++, 1, 'Schedule entries (one row per batch or continuous run; the phases of each batch are in the Gantt above)');
  g.header(r++, 1, ['case', ...SCHEDULE_HEADER]);
  g.table(r, 1, byCase(evs, scheduleRows), [{ align: 'center' }, undefined, undefined, fmt(FMT.int), { align: 'right' }, fmt(FMT.num2), fmt(FMT.num2), fmt(FMT.num2)]);
}
