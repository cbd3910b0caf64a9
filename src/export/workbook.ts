/**
 * The Excel workbook of one or more evaluations (DESIGN.md "The workbook"): Summary · Assumptions ·
 * Flowsheet · Streams · Balances · Equipment · Schedule · OPEX · Cash flow (· Monte Carlo ·
 * Sensitivity · Sobol when uncertainty results are given). The only module importing exceljs.
 * It returns the bytes; the CLI writes them atomically (io/write.ts).
 *
 * Economics are live formulas (formulas.ts) over the Assumptions sheet's defined names; native
 * charts are added to the saved zip last (charts.ts); pictures (flowsheet, Sankey) are PNGs.
 * Text from input files is written as string cells only — never as formulas.
 */
import ExcelJS from 'exceljs';
import type { Evaluation } from '../pipeline/evaluate.js';
import {
  Grid, STYLE, FMT, fmt, a1, colName, rangeRef, evaluationLabel, unitRows, UNIT_HEADER, connectionRows, CONNECTION_HEADER,
  loopRows, LOOP_HEADER, streamTable, lotRows, LOT_HEADER, heatUtilities, balanceRows, balanceHeader, reagentRows, REAGENT_HEADER,
  energyItemRows, ENERGY_HEADER, gantt, PHASES, scheduleRows, SCHEDULE_HEADER, uncertaintySheets, type CellStyle, type EngineCheck, type UncertaintyResults,
} from './tables.js';
import { NameBook, assumptionsSheet, equipmentSheet, economicsSheets, economicsBlock, summarySheet, type SummaryLayout } from './formulas.js';
import { addCharts, type ChartSpec } from './charts.js';
import { flowsheetSvg } from './diagram.js';
import { sankeySvg } from './sankey.js';
import { svgToPng } from './png.js';
import { explanationSheet } from './explanation.js';
import type { Explanation } from '../pipeline/explain.js';
import { capacitySheet } from './capacity.js';
import type { CapacityCurve } from '../pipeline/capacity.js';
import { msg } from '../schema/messages.js';
import { RegenflowError } from '../schema/errors.js';

/** What to put in the workbook besides the evaluations. */
export interface WorkbookOptions {
  /** Flowsheet and Sankey pictures (default true). */
  pictures?: boolean;
  /** Native charts (default true). */
  charts?: boolean;
  /** Monte Carlo, tornado and Sobol results: the Monte Carlo, Sensitivity and Sobol sheets. */
  uncertainty?: UncertaintyResults;
  /** The explanation of two cases (`regenflow explain --out`): the Explanation sheet, after the others. */
  explanation?: Explanation;
  /** A capacity curve (`size --curve`): the Capacity sheet. */
  capacityCurve?: CapacityCurve;
}

/** The workbook before it is written: grids in sheet order, defined names, charts, checks. */
export interface WorkbookModel {
  sheets: Grid[];
  names: NameBook;
  charts: ChartSpec[];
  /** Formula values the engine also reports (they must agree). */
  checks: EngineCheck[];
}

/** Sheet names, in order (a contract with tests and users). */
export const SHEETS = ['Summary', 'Assumptions', 'Flowsheet', 'Streams', 'Balances', 'Equipment', 'Schedule', 'OPEX', 'Cash flow'] as const;

/** Sheets added after them when uncertainty results are given. */
export const UNCERTAINTY_SHEETS = ['Monte Carlo', 'Sensitivity', 'Sobol'] as const;

/** Build the grids of the workbook (no exceljs involved). */
export function workbookModel(evs: readonly Evaluation[], options: WorkbookOptions = {}): WorkbookModel {
  if (evs.length === 0) throw new RegenflowError('export-empty', msg.exportNothing());
  const grids = new Map<string, Grid>(SHEETS.map((n) => [n, new Grid(n)]));
  const G = (n: (typeof SHEETS)[number]) => grids.get(n)!;
  const names = new NameBook();
  const inputs = assumptionsSheet(G('Assumptions'), evs, names);
  const eq = equipmentSheet(G('Equipment'), evs, inputs);
  const ecs = economicsSheets(G('OPEX'), G('Cash flow'));
  const refs = evs.map((ev, i) => economicsBlock(ecs, ev, i, inputs[i]!, eq[i]!));
  const layout = summarySheet(G('Summary'), evs, refs);
  flowsheetSheet(G('Flowsheet'), evs, options.pictures !== false);
  streamsSheet(G('Streams'), evs);
  balancesSheet(G('Balances'), evs);
  scheduleSheet(G('Schedule'), evs);
  const sheets = [...grids.values()];
  const charts = options.charts === false ? [] : summaryCharts(evs, layout);
  if (options.uncertainty) {
    const u = uncertaintySheets(options.uncertainty);
    sheets.push(...u.sheets);
    if (options.charts !== false) charts.push(...u.charts);
  }
  if (options.explanation) sheets.push(explanationSheet(options.explanation));
  if (options.capacityCurve) sheets.push(capacitySheet(options.capacityCurve));
  G('Summary').tab = '1F4E78';
  G('Assumptions').tab = 'FFC000';
  return { sheets, names, charts, checks: sheets.flatMap((g) => g.checks) };
}

/**
 * The .xlsx bytes of the workbook of `evaluations` (one, or several side by side).
 * Never writes files: the caller writes the buffer (atomically, io/write.ts writeFileAtomic).
 */
export async function workbookBuffer(evaluations: readonly Evaluation[], options: WorkbookOptions = {}): Promise<Buffer> {
  const model = workbookModel(evaluations, options);
  const bytes = await writeXlsx(model);
  return model.charts.length ? addCharts(bytes, model.charts) : bytes;
}

// ---------------------------------------------------------------------------------------------
// Charts on the Summary

function summaryCharts(evs: readonly Evaluation[], l: SummaryLayout): ChartSpec[] {
  const S = 'Summary';
  const cats = rangeRef(S, l.headerRow, l.firstCol, l.headerRow, l.lastCol);
  const rowRange = (r: number) => rangeRef(S, r, l.firstCol, r, l.lastCol);
  const nameOf = (r: number) => rangeRef(S, r, 1);
  const width = 6;
  const height = 20;
  let row = l.chartRow - 1;
  const at = () => {
    const from = { col: 0, row };
    row += height + 1;
    return { from, to: { col: Math.min(width, 1 + evs.length * 2), row: from.row + height } };
  };
  const charts: ChartSpec[] = [];
  if (l.categoryRows) {
    const [r1, r2] = l.categoryRows;
    const series = [];
    for (let r = r1; r <= r2; r++) series.push({ name: nameOf(r), categories: cats, values: rowRange(r) });
    charts.push({ sheet: S, ...at(), type: 'columnStacked', title: 'Cost per kg of in-spec product by category', yTitle: 'USD/kg', series });
  }
  const k = l.kpiRow;
  charts.push({ sheet: S, ...at(), type: 'column', title: 'Net present value by route', yTitle: 'USD', series: [{ name: nameOf(k['net present value (NPV)']!), categories: cats, values: rowRange(k['net present value (NPV)']!) }] });
  charts.push({
    sheet: S, ...at(), type: 'column', title: 'Energy per kg: regenerated vs virgin cathode', yTitle: 'MJ/kg',
    series: [
      { name: 'regenerated (site energy)', categories: cats, values: rowRange(k.energy!) },
      { name: 'virgin cathode (cradle to gate)', categories: cats, values: rowRange(k['energy of virgin cathode (same chemistry mix)']!) },
    ],
  });
  charts.push({
    sheet: S, ...at(), type: 'column', title: 'GHG per kg: regenerated vs virgin cathode', yTitle: 'kg CO2e/kg',
    series: [
      { name: 'regenerated', categories: cats, values: rowRange(k.GHG!) },
      { name: 'virgin cathode', categories: cats, values: rowRange(k['GHG of virgin cathode (same chemistry mix)']!) },
    ],
  });
  return charts;
}

// ---------------------------------------------------------------------------------------------
// Plain sheets

/** Pixel size of a PNG (IHDR). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.readUInt32BE(12) !== 0x49484452) throw new Error('internal: not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const ROW_PX = 20;

function picture(g: Grid, col: number, row: number, title: string, make: () => string, maxWidthPx: number): number {
  g.set(row, col, title, STYLE.section);
  try {
    const png = svgToPng(make(), maxWidthPx);
    const { width, height } = pngSize(png);
    g.images.push({ png, col: col - 1, row, widthPx: width, heightPx: height, title });
    return row + 1 + Math.ceil(height / ROW_PX) + 1;
  } catch (e) {
    g.set(row + 1, col, msg.pictureFailed(title, (e as Error).message), STYLE.note);
    return row + 3;
  }
}

function flowsheetSheet(g: Grid, evs: readonly Evaluation[], pictures: boolean): void {
  const head = ['#', ...UNIT_HEADER];
  g.header(1, 1, head);
  g.freeze = { rows: 1, cols: 2 };
  [4, 12, 24, 28, 11, 22, 30, 12, 12, 12, 14, 12].forEach((w, i) => g.width(i + 1, w));
  let r = 2;
  const num = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, fmt(FMT.years), fmt(FMT.years), fmt(FMT.num), fmt(FMT.num), fmt(FMT.num)];
  evs.forEach((ev, i) => { r = g.table(r, 1, unitRows(ev).map((x) => [i + 1, ...x]), num); });
  r++;
  g.header(r++, 1, ['#', ...CONNECTION_HEADER]);
  evs.forEach((ev, i) => { r = g.table(r, 1, connectionRows(ev).map((x) => [i + 1, ...x]), [undefined, undefined, undefined, undefined, fmt(FMT.kgH)]); });
  r++;
  g.header(r++, 1, ['#', ...LOOP_HEADER]);
  evs.forEach((ev, i) => { r = g.table(r, 1, loopRows(ev).map((x) => [i + 1, ...x]), [undefined, undefined, undefined, fmt(FMT.int), fmt(FMT.sci)]); });
  r++;
  g.set(r++, 1, 'Pictures: flowsheet (recycles drawn in colour) and the Sankey of mass flows of each evaluation, to the right.', STYLE.note);
  if (!pictures) return;
  const pc = head.length + 2;
  let pr = 1;
  evs.forEach((ev, i) => {
    pr = picture(g, pc, pr, `${evaluationLabel(ev, i)} — flowsheet`, () => flowsheetSvg(ev.model), 1000);
    pr = picture(g, pc, pr, `${evaluationLabel(ev, i)} — Sankey of mass flows (kg/h)`, () => sankeySvg(ev), 1000);
  });
}

function streamsSheet(g: Grid, evs: readonly Evaluation[]): void {
  let r = 1;
  g.freeze = { rows: 2, cols: 2 };
  g.width(1, 30);
  g.width(2, 8);
  let maxStreams = 0;
  evs.forEach((ev, i) => {
    const t = streamTable(ev);
    maxStreams = Math.max(maxStreams, t.streams.length);
    g.set(r, 1, `${evaluationLabel(ev, i)} — streams (one column per stream)`, STYLE.section);
    r++;
    g.header(r, 1, ['stream', 'unit', ...t.streams]);
    r++;
    for (const row of t.rows) {
      g.set(r, 1, row.label, row.kind === 'mass' ? { bold: true } : undefined);
      g.set(r, 2, row.unit);
      const style = row.kind === 'text' ? undefined : row.kind === 'temperature' ? fmt('0.00') : fmt(FMT.kgH, row.kind === 'mass' ? { bold: true } : {});
      row.values.forEach((v, j) => { if (v !== null) g.set(r, 3 + j, v, style); });
      r++;
    }
    r += 2;
  });
  for (let c = 3; c < 3 + maxStreams; c++) g.width(c, 16);
  g.set(r++, 1, 'Lots in every stream (mass > 0); the verdict applies to lots leaving as product', STYLE.section);
  g.header(r++, 1, ['#', ...LOT_HEADER]);
  evs.forEach((ev, i) => {
    r = g.table(r, 1, lotRows(ev).map((x) => [i + 1, ...x]), [fmt(FMT.int), undefined, undefined, undefined, undefined, fmt(FMT.kgH), fmt(FMT.frac), fmt(FMT.frac), fmt('0.00'), fmt(FMT.frac), undefined, fmt('0.0'), undefined, fmt('0.0')]);
  });
}

function balancesSheet(g: Grid, evs: readonly Evaluation[]): void {
  const utilities = heatUtilities(evs);
  const head = ['#', ...balanceHeader(utilities)];
  g.header(1, 1, head);
  g.freeze = { rows: 1, cols: 2 };
  g.width(1, 4);
  g.width(2, 16);
  for (let c = 3; c <= head.length; c++) g.width(c, 12);
  let r = 2;
  const nEl = head.length - 1 - 5 - utilities.length - 2;
  const styles: (CellStyle | undefined)[] = [fmt(FMT.int), undefined, fmt(FMT.kgH), fmt(FMT.kgH), fmt(FMT.sci), fmt(FMT.sci), ...Array.from({ length: nEl }, () => fmt(FMT.sci)), fmt(FMT.num), ...utilities.map(() => fmt(FMT.num)), fmt(FMT.num)];
  evs.forEach((ev, i) => { r = g.table(r, 1, balanceRows(ev, utilities).map((x) => [i + 1, ...x]), styles); });
  g.autoFilter = `A1:${colName(head.length)}${r - 1}`;
  r += 2;
  g.set(r++, 1, 'Reagents: fresh make-up and demand met by recycle', STYLE.section);
  g.header(r++, 1, ['#', ...REAGENT_HEADER]);
  evs.forEach((ev, i) => { r = g.table(r, 1, reagentRows(ev).map((x) => [i + 1, ...x]), [fmt(FMT.int), undefined, fmt(FMT.kgH), fmt(FMT.kgH), fmt(FMT.kgYr)]); });
  r += 2;
  g.set(r++, 1, 'Energy items of every unit (bottom-up, delivered after efficiencies)', STYLE.section);
  g.header(r++, 1, ['#', ...ENERGY_HEADER]);
  evs.forEach((ev, i) => { r = g.table(r, 1, energyItemRows(ev).map((x) => [i + 1, ...x]), [fmt(FMT.int), undefined, undefined, undefined, undefined, fmt(FMT.num)]); });
}

function scheduleSheet(g: Grid, evs: readonly Evaluation[]): void {
  let r = 1;
  g.freeze = { rows: 3, cols: 3 };
  g.width(1, 14);
  g.width(2, 26);
  g.width(3, 6);
  let maxBins = 0;
  evs.forEach((ev, i) => {
    const s = ev.sizing.schedule;
    const gt = gantt(s.entries, s.horizonH);
    maxBins = Math.max(maxBins, gt.bins);
    g.set(r, 1, `${evaluationLabel(ev, i)} — campaign schedule (Gantt; one column = ${gt.binH} h; horizon ${s.horizonH} h)`, STYLE.section);
    r++;
    const legend = Object.values(PHASES).map((p) => `${p.letter} = ${p.label}`).join(' · ');
    g.set(r, 1, `phases: ${legend}`, STYLE.note);
    r++;
    g.header(r, 1, ['unit', 'equipment', 'item', ...Array.from({ length: gt.bins }, (_, b) => String(Number((b * gt.binH).toFixed(3))))]);
    for (let b = 0; b < gt.bins; b++) g.style(r, 4 + b, { numFmt: 'General', align: 'center', wrap: false });
    g.set(r, 4 + gt.bins, 'time (h) →', STYLE.note);
    r++;
    if (gt.rows.length === 0) {
      g.set(r++, 1, 'no scheduled equipment (no items installed)', STYLE.note);
    }
    for (const note of s.notes ?? []) g.set(r++, 1, note, STYLE.note);
    for (const row of gt.rows) {
      g.set(r, 1, row.unit);
      g.set(r, 2, row.equipment);
      g.set(r, 3, row.item, fmt(FMT.int));
      row.cells.forEach((ph, b) => { if (ph) g.set(r, 4 + b, PHASES[ph]!.letter, { fill: PHASES[ph]!.fill, color: 'FFFFFF', align: 'center' }); });
      r++;
    }
    r += 2;
  });
  for (let c = 4; c < 4 + maxBins; c++) g.width(c, 3.2);
  g.set(r++, 1, 'Schedule entries', STYLE.section);
  g.header(r++, 1, ['#', ...SCHEDULE_HEADER]);
  evs.forEach((ev, i) => { r = g.table(r, 1, scheduleRows(ev).map((x) => [i + 1, ...x]), [fmt(FMT.int), undefined, undefined, fmt(FMT.int), fmt(FMT.int), undefined, fmt(FMT.years), fmt(FMT.years), fmt(FMT.years)]); });
}

// ---------------------------------------------------------------------------------------------
// Writing with exceljs

const styleCache = new Map<string, Partial<ExcelJS.Style>>();

function xStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const key = JSON.stringify(s);
  let x = styleCache.get(key);
  if (x) return x;
  x = {};
  if (s.numFmt) x.numFmt = s.numFmt;
  if (s.bold || s.italic || s.size || s.color) x.font = { ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}), ...(s.size ? { size: s.size } : {}), ...(s.color ? { color: { argb: `FF${s.color}` } } : {}) };
  if (s.fill) x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  if (s.wrap !== undefined || s.align) x.alignment = { ...(s.wrap ? { wrapText: true, vertical: 'top' as const } : {}), ...(s.align ? { horizontal: s.align } : {}) };
  if (s.border) x.border = { [s.border]: { style: 'thin', color: { argb: 'FF808080' } } };
  styleCache.set(key, x);
  return x;
}

/** Longest text a cell may hold (Excel's limit). */
const MAX_TEXT = 32767;

async function writeXlsx(model: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'regenflow';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  wb.calcProperties.fullCalcOnLoad = true;
  for (const g of model.sheets) {
    const ws = wb.addWorksheet(g.name, {
      ...(g.tab ? { properties: { tabColor: { argb: `FF${g.tab}` } } } : {}),
      views: [g.freeze ? { state: 'frozen', xSplit: g.freeze.cols, ySplit: g.freeze.rows } : { state: 'normal' }],
      // Printed or exported to PDF, every sheet is landscape and one page wide (managers print).
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    const autoWidth = new Map<number, number>();
    for (const [r, cols] of g.rows) {
      const row = ws.getRow(r);
      for (const [c, cell] of cols) {
        const x = row.getCell(c);
        const v = cell.value;
        if (v !== null && typeof v === 'object') {
          x.value = { formula: v.formula, ...(v.result !== null ? { result: v.result } : {}) } as ExcelJS.CellFormulaValue;
        } else if (typeof v === 'string') {
          // A plain string: exceljs writes it as a shared string, never as a formula.
          x.value = v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v;
          if (!g.widths.has(c)) autoWidth.set(c, Math.max(autoWidth.get(c) ?? 0, Math.min(60, v.length + 1)));
        } else {
          x.value = v;
        }
        if (cell.style) x.style = xStyle(cell.style);
        if (cell.name) x.name = cell.name;
      }
    }
    for (const [c, w] of autoWidth) ws.getColumn(c).width = Math.max(8, w);
    for (const [c, w] of g.widths) ws.getColumn(c).width = w;
    if (g.autoFilter) ws.autoFilter = g.autoFilter;
    g.highlights.forEach((h, i) => {
      ws.addConditionalFormatting({ ref: h.ref, rules: [{ type: 'expression', priority: i + 1, formulae: [h.formula], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${h.fill}` } } } }] });
    });
    for (const img of g.images) {
      const id = wb.addImage({ buffer: img.png as unknown as ExcelJS.Buffer, extension: 'png' });
      const scale = img.widthPx > 900 ? 900 / img.widthPx : 1;
      ws.addImage(id, { tl: { col: img.col, row: img.row }, ext: { width: Math.round(img.widthPx * scale), height: Math.round(img.heightPx * scale) } });
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** Address helper re-exported for tests. */
export { a1 };
export type { UncertaintyResults };
