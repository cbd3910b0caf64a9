/**
 * Grids to .xlsx bytes with exceljs (the only module importing it), sized and set up to be read on
 * screen and on paper:
 * - every column is at least as wide as the longest number it shows under its format (so nothing
 *   prints as ###) and as its text, up to a cap beyond which text wraps;
 * - frozen panes, print titles (header rows and key columns repeated on every page), print areas,
 *   manual page breaks, landscape A4 either one page wide or at a fixed scale, and a footer with the
 *   sheet name and page number;
 * - deterministic bytes: the same grids give the same parts (fixed dates; zip.ts zips them with
 *   fixed entry dates and order).
 */
import type ExcelJS from 'exceljs';
// The workbook class alone: exceljs's index also loads its streaming reader and writer (unzipper,
// archiver, …), which regenflow never uses — ≈ 95 ms of every workbook command's start.
import Workbook from 'exceljs/lib/doc/workbook.js';
import { type Grid, type CellStyle, formattedNumber, colName } from './grid.js';
import { wrapText } from './reader-text.js';
import type { Parts } from './zip.js';

/** Longest text a cell may hold (Excel's limit). */
const MAX_TEXT = 32767;
/** Widest a column grows for unwrapped text (characters); longer text wraps. */
const MAX_TEXT_WIDTH = 40;
/**
 * Column width per character of running text: a width unit is one digit, and running text (lower
 * case, spaces) is narrower — about 0.8 of a digit in Calibri and in its stand-in (with a margin).
 */
const TEXT_PER_CHAR = 0.85;
/**
 * LibreOffice draws the workbook's Calibri with a wider stand-in (DejaVu Sans, ≈ 25 % wider digits)
 * where Calibri is not installed; widths leave room for it so a number never shows as ###.
 */
const FONT_MARGIN = 1.15;

const styleCache = new Map<string, Partial<ExcelJS.Style>>();

function xStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const key = JSON.stringify(s);
  let x = styleCache.get(key);
  if (x) return x;
  x = {};
  if (s.numFmt) x.numFmt = s.numFmt;
  x.font = { name: 'Calibri', size: s.size ?? 11, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}), ...(s.color ? { color: { argb: `FF${s.color}` } } : {}) };
  if (s.fill) x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  // Every cell aligns to the top, so a row with wrapped text reads across.
  x.alignment = { vertical: 'top', ...(s.wrap ? { wrapText: true } : {}), ...(s.align ? { horizontal: s.align } : {}) };
  if (s.border) x.border = { [s.border]: { style: 'thin', color: { argb: 'FF808080' } } };
  styleCache.set(key, x);
  return x;
}

/** Length of the longest word of a text (words split at white space). */
function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => w.length));
}

/** Characters a cell needs to show without ### (numbers) or clipping (unwrapped text); 0 for text that may spill. */
export function cellWidth(value: unknown, style: CellStyle | undefined): number {
  if (style?.spill) return 0;
  const v = value !== null && typeof value === 'object' && 'formula' in (value as object) ? (value as { result: unknown }).result : value;
  const bold = style?.bold ? 1.1 : 1;
  if (typeof v === 'number') return Math.ceil(formattedNumber(v, style?.numFmt).length * FONT_MARGIN * bold + 1.5);
  if (typeof v === 'string') {
    if (style?.wrap) return Math.min(MAX_TEXT_WIDTH, Math.ceil(longestWord(v) * TEXT_PER_CHAR * bold) + 2);
    return Math.min(MAX_TEXT_WIDTH, Math.ceil(v.length * TEXT_PER_CHAR * bold) + 2);
  }
  if (typeof v === 'boolean') return 6;
  return 0;
}

/**
 * Column widths of a grid: at least the given width and wide enough for every number; a column
 * without a given width also grows for its text (up to MAX_TEXT_WIDTH), one with a given width
 * wraps its text instead.
 */
export function columnWidths(g: Grid): Map<number, number> {
  const need = new Map<number, number>();
  const spans = new Set(g.merges.map((m) => `${m.row}:${m.c1}`));
  for (const [r, cols] of g.rows) {
    for (const [c, cell] of cols) {
      const v = cell.value !== null && typeof cell.value === 'object' ? cell.value.result : cell.value;
      if (typeof v === 'string' && (g.widths.has(c) || spans.has(`${r}:${c}`))) continue;
      const w = cellWidth(cell.value, cell.style);
      if (w > (need.get(c) ?? 0)) need.set(c, w);
    }
  }
  const out = new Map<number, number>();
  for (let c = 1; c <= g.lastCol; c++) {
    const given = g.widths.get(c);
    if (g.fixedWidths.has(c) && given !== undefined) out.set(c, given);
    else out.set(c, Math.max(given ?? 8, need.get(c) ?? 0));
  }
  return out;
}

/** Width per character when counting the lines of wrapped text (measured on LibreOffice's output with DejaVu Sans: a line of a 14-wide column holds about 13 characters of words). */
const LINE_TEXT_PER_CHAR = 0.9;
/** Points per line of wrapped text (Calibri 11 and LibreOffice's stand-in set lines ≈ 13–14 pt apart). */
const LINE_PT = 14;

/**
 * Row heights for wrapped text: Excel fits a row to its wrapped cells when the file is opened,
 * LibreOffice does not, so each row with a wrapped cell gets the height of its longest cell —
 * its lines counted by breaking the text at the column width (less the stand-in font's margin).
 */
export function rowHeights(g: Grid, widths: ReadonlyMap<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  const merged = new Map(g.merges.map((m) => [`${m.row}:${m.c1}`, m.c2]));
  for (const [r, cols] of g.rows) {
    let height = 0;
    for (const [c, cell] of cols) {
      if (typeof cell.value !== 'string') continue; // only text wraps
      const c2 = merged.get(`${r}:${c}`) ?? c;
      let width = 0;
      for (let k = c; k <= c2; k++) width += widths.get(k) ?? 8;
      const style = effectiveStyle(cell.value, cell.style, width);
      if (!style?.wrap) continue;
      const chars = Math.max(4, Math.floor((width - 1) / LINE_TEXT_PER_CHAR / (style.bold ? 1.1 : 1)));
      // A word longer than a line is broken inside (as the spreadsheet does).
      const lines = wrapText(cell.value, chars).reduce((a, l) => a + Math.max(1, Math.ceil(l.length / chars)), 0);
      height = Math.max(height, lines * LINE_PT * ((style.size ?? 11) / 11) + 3);
    }
    if (height > 18) out.set(r, Math.min(409, height));
  }
  return out;
}

/** Text wider than its column wraps (titles, notes and sentences keep running on to the right). */
function effectiveStyle(value: unknown, style: CellStyle | undefined, width: number): CellStyle | undefined {
  if (typeof value === 'string' && !style?.spill && !style?.wrap && value.length * TEXT_PER_CHAR * (style?.bold ? 1.1 : 1) + 2 > width) return { ...style, wrap: true };
  return style;
}

function pageSetup(g: Grid): Partial<ExcelJS.PageSetup> {
  const p = g.print;
  const fit = p.fit === 'width' ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: p.scale ?? 100 };
  return {
    orientation: 'landscape',
    paperSize: 9,
    ...fit,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.55, header: 0.25, footer: 0.25 },
    ...(p.titleRows ? { printTitlesRow: `${p.titleRows[0]}:${p.titleRows[1]}` } : {}),
    ...(p.titleCols ? { printTitlesColumn: `${colName(p.titleCols[0])}:${colName(p.titleCols[1])}` } : {}),
    // exceljs writes "$" + each side: "A$1:G$9" becomes the absolute $A$1:$G$9.
    ...(p.areas?.length ? { printArea: p.areas.map((a) => a.replace(/([A-Z]+)(\d+)/g, '$1$$$2')).join('&&') } : {}),
  };
}

/** The exceljs workbook of `sheets`, with its defined names bound. */
export function excelWorkbook(sheets: readonly Grid[]): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = 'regenflow';
  wb.lastModifiedBy = 'regenflow';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  wb.calcProperties.fullCalcOnLoad = true;
  // By style object first: grids share them across cells, and xStyle's key is their JSON.
  const byObject = new Map<CellStyle | undefined, Partial<ExcelJS.Style>>();
  const cellStyle = (st: CellStyle | undefined) => {
    let x = byObject.get(st);
    if (!x) byObject.set(st, (x = xStyle(st ?? {})));
    return x;
  };
  for (const g of sheets) {
    const ws = wb.addWorksheet(g.name, {
      ...(g.tab ? { properties: { tabColor: { argb: `FF${g.tab}` } } } : {}),
      views: [g.freeze ? { state: 'frozen', xSplit: g.freeze.cols, ySplit: g.freeze.rows } : { state: 'normal' }],
      pageSetup: pageSetup(g),
      headerFooter: { oddFooter: '&L&8&A&R&8page &P of &N', evenFooter: '&L&8&A&R&8page &P of &N' },
    });
    const widths = columnWidths(g);
    const merged = new Map(g.merges.map((m) => [`${m.row}:${m.c1}`, m.c2]));
    const spanWidth = (r: number, c: number) => { let w = 0; for (let k = c; k <= (merged.get(`${r}:${c}`) ?? c); k++) w += widths.get(k) ?? 8; return w; };
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
        } else {
          x.value = v;
        }
        const style = typeof v === 'string' ? effectiveStyle(v, cell.style, spanWidth(r, c)) : cell.style;
        x.style = cellStyle(style);
        if (cell.name) x.name = cell.name;
      }
    }
    for (const [c, w] of widths) ws.getColumn(c).width = w;
    for (const [r, h] of rowHeights(g, widths)) ws.getRow(r).height = h;
    for (const r of [...g.breaksAfter].sort((a, b) => a - b)) ws.getRow(r).addPageBreak();
    for (const m of g.merges) ws.mergeCells(m.row, m.c1, m.row, m.c2);
    if (g.autoFilter) ws.autoFilter = g.autoFilter;
    g.highlights.forEach((h, i) => {
      ws.addConditionalFormatting({ ref: h.ref, rules: [{ type: 'expression', priority: i + 1, formulae: [h.formula], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${h.fill}` } } } }] });
    });
    for (const img of g.images) {
      const id = wb.addImage({ buffer: img.png as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.addImage(id, { tl: { col: img.col, row: img.row }, ext: { width: img.widthPx, height: img.heightPx } });
    }
  }
  return wb;
}

/** Where exceljs's writer puts a part (its ZipWriter's append, lib/utils/zip-stream.js). */
interface PartSink {
  append(data: string | Buffer, options: { name: string; base64?: boolean }): void;
}

/**
 * The steps of exceljs 4.4's XLSX.write (lib/xlsx/xlsx.js): each renders parts of the prepared
 * model into a zip writer. Not exceljs's public API: exceljs is pinned, and a test checks these
 * parts against what writeBuffer zips.
 */
interface XlsxSteps {
  prepareModel(model: unknown, options: object): void;
  addContentTypes(zip: PartSink, model: unknown): Promise<void> | void;
  addOfficeRels(zip: PartSink, model: unknown): Promise<void> | void;
  addWorkbookRels(zip: PartSink, model: unknown): Promise<void> | void;
  addWorksheets(zip: PartSink, model: unknown): Promise<void> | void;
  addSharedStrings(zip: PartSink, model: unknown): Promise<void> | void;
  addDrawings(zip: PartSink, model: unknown): Promise<void> | void;
  addTables(zip: PartSink, model: unknown): Promise<void> | void;
  addThemes(zip: PartSink, model: unknown): Promise<void> | void;
  addStyles(zip: PartSink, model: unknown): Promise<void> | void;
  addMedia(zip: PartSink, model: unknown): Promise<void> | void;
  addApp(zip: PartSink, model: unknown): Promise<void> | void;
  addCore(zip: PartSink, model: unknown): Promise<void> | void;
  addWorkbook(zip: PartSink, model: unknown): Promise<void> | void;
}

/**
 * The parts of an exceljs workbook (path → XML text or bytes): what `wb.xlsx.writeBuffer()` puts
 * in its zip, by running the same steps in the same order but keeping the parts instead of zipping
 * them — the package is zipped once, as the last step of writing (zip.ts zipParts); zipping it
 * here as well, stored, and reading it back cost ≈ 0.2 s of a comparison workbook.
 */
export async function xlsxParts(wb: ExcelJS.Workbook): Promise<Parts> {
  const parts: Parts = new Map();
  const sink: PartSink = {
    append: (data, { name, base64 }) => { parts.set(name, base64 ? Buffer.from(data as string, 'base64') : data); },
  };
  const x = wb.xlsx as unknown as XlsxSteps;
  const { model } = wb as unknown as { model: unknown }; // a getter: a new model at each read, so read once
  x.prepareModel(model, {});
  await x.addContentTypes(sink, model);
  await x.addOfficeRels(sink, model);
  await x.addWorkbookRels(sink, model);
  await x.addWorksheets(sink, model);
  await x.addSharedStrings(sink, model); // always after the worksheets
  await x.addDrawings(sink, model);
  await x.addTables(sink, model);
  await Promise.all([x.addThemes(sink, model), x.addStyles(sink, model)]);
  await x.addMedia(sink, model);
  await Promise.all([x.addApp(sink, model), x.addCore(sink, model)]);
  await x.addWorkbook(sink, model);
  return parts;
}
