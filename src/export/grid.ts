/**
 * The workbook as plain data, independent of exceljs: a grid per sheet (cells with values, cached
 * formula results, styles, frozen panes, pictures, conditional highlights, page breaks and print
 * settings), cell addresses, number formats and styles. The sheet builders fill grids;
 * xlsx.ts turns them into an .xlsx.
 *
 * Text from input files (ids, names, notes, sources) is only ever stored as a string value; the
 * writer never turns a string into a formula.
 */
import { msg } from '../schema/messages.js';

/** A plain cell value. */
export type Scalar = string | number | boolean | null;

/** A formula cell: the formula text (no leading "=") and its cached result. */
export interface FormulaValue {
  formula: string;
  result: Scalar;
}

/** How a cell looks. Colours are RGB hex without "#". */
export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  border?: 'bottom' | 'top';
  /** Text that may run on into the empty cells to its right (titles, notes): not counted in column widths. */
  spill?: boolean;
}

/** One cell of a grid. */
export interface GridCell {
  value: Scalar | FormulaValue;
  /** Numeric value the formula layer computed for the cell (formulas and numbers); used for range sums. */
  num?: number;
  style?: CellStyle;
  /** Defined name pointing at this cell. */
  name?: string;
}

/** A picture placed on a sheet (0-based anchor cell, size in pixels). */
export interface GridImage {
  png: Buffer;
  col: number;
  row: number;
  widthPx: number;
  heightPx: number;
  title: string;
}

/** Conditional highlight: cells of `ref` whose `formula` (relative to the range's first cell) is true get `fill`. */
export interface Highlight {
  ref: string;
  formula: string;
  fill: string;
}

/** A formula value the engine also reports: the test suite checks that both agree. */
export interface EngineCheck {
  sheet: string;
  address: string;
  label: string;
  formulaValue: number;
  engineValue: number;
}

/** How a sheet prints. */
export interface PrintSetup {
  /** 'width': scaled to one page wide (pages run down); 'scale': at `scale` %, tiled across and down. */
  fit: 'width' | 'scale';
  /** Percent, for fit 'scale'. */
  scale?: number;
  /** Rows repeated at the top of every printed page, e.g. [1, 2]. */
  titleRows?: [number, number];
  /** Columns repeated at the left of every printed page, e.g. [1, 3]. */
  titleCols?: [number, number];
  /** Printed ranges (A1 ranges such as "A3:Q120", without the sheet), when not the whole used range. */
  areas?: string[];
}

/**
 * Most rows a listing table writes on a sheet (a Monte Carlo with a million samples, a feed with
 * thousands of lots): the workbook stays openable and its size bounded; the JSON has every row.
 */
export const MAX_TABLE_ROWS = 10_000;
/** Most lot rows in the stream table (one column per stream). */
export const MAX_STREAM_LOT_ROWS = 1000;

/** A sheet being built: cells by 1-based row and column. */
export class Grid {
  readonly rows = new Map<number, Map<number, GridCell>>();
  /** Column widths in characters: the least width (the writer widens a column to fit its numbers). */
  readonly widths = new Map<number, number>();
  /** Columns kept at exactly their width (the Gantt's time bins). */
  readonly fixedWidths = new Set<number>();
  readonly images: GridImage[] = [];
  readonly highlights: Highlight[] = [];
  readonly checks: EngineCheck[] = [];
  /** Rows after which a printed page ends. */
  readonly breaksAfter = new Set<number>();
  /** Merged cells: the first cell of each (row, c1) spans to column c2. */
  readonly merges: { row: number; c1: number; c2: number }[] = [];
  freeze: { rows: number; cols: number } | null = null;
  autoFilter: string | null = null;
  /** Sheet tab colour (RGB hex). */
  tab: string | null = null;
  print: PrintSetup = { fit: 'width' };
  private maxR = 0;
  private maxC = 0;

  constructor(readonly name: string) {}

  /** Set a cell; `num` defaults to the value when it is a number. */
  set(row: number, col: number, value: Scalar | FormulaValue, style?: CellStyle, num?: number): GridCell {
    if (!(row >= 1 && col >= 1)) throw new Error(`internal: cell (${row}, ${col}) outside the sheet ${this.name}`);
    if (typeof value === 'number' && !Number.isFinite(value)) value = null;
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    const cell: GridCell = { value, ...(style ? { style } : {}) };
    const n = num ?? (typeof value === 'number' ? value : undefined);
    if (n !== undefined) cell.num = n;
    r.set(col, cell);
    if (row > this.maxR) this.maxR = row;
    if (col > this.maxC) this.maxC = col;
    return cell;
  }

  /** Set a formula with its cached result. */
  setFormula(row: number, col: number, formula: string, result: Scalar, style?: CellStyle, num?: number): GridCell {
    return this.set(row, col, { formula, result }, style, num ?? (typeof result === 'number' ? result : undefined));
  }

  get(row: number, col: number): GridCell | undefined {
    return this.rows.get(row)?.get(col);
  }

  /** Numeric value of a cell for range arithmetic (0 for blanks and text, as SUM reads them). */
  numAt(row: number, col: number): number {
    return this.get(row, col)?.num ?? 0;
  }

  /** Apply a style to an existing cell (merged over its own). */
  style(row: number, col: number, style: CellStyle): void {
    const c = this.get(row, col);
    if (c) c.style = { ...c.style, ...style };
  }

  /** The least width of a column, in characters. */
  width(col: number, chars: number): void {
    this.widths.set(col, chars);
  }

  /** Merge columns c1…c2 of a row (the value is the first cell's). */
  merge(row: number, c1: number, c2: number): void {
    if (c2 > c1) this.merges.push({ row, c1, c2 });
  }

  /** A printed page ends after `row`. */
  breakAfter(row: number): void {
    if (row >= 1) this.breaksAfter.add(row);
  }

  get lastRow(): number {
    return this.maxR;
  }

  get lastCol(): number {
    return this.maxC;
  }

  /** Write a header row (bold, shaded, bottom border, wrapped). */
  header(row: number, col: number, labels: readonly string[]): void {
    labels.forEach((l, i) => this.set(row, col + i, l, STYLE.header));
  }

  /** A section title with text running on to the right. */
  section(row: number, col: number, text: string): void {
    this.set(row, col, text, STYLE.section);
  }

  /** A note (italic, grey) running on to the right. */
  note(row: number, col: number, text: string): void {
    this.set(row, col, text, STYLE.note);
  }

  /**
   * Write rows of values from (row, col); `styles[j]` styles column j. Returns the next free row.
   * At most `cap` rows (MAX_TABLE_ROWS) are written; a note row says how many more there were.
   */
  table(row: number, col: number, rows: readonly (readonly Scalar[])[], styles: readonly (CellStyle | undefined)[] = [], cap = MAX_TABLE_ROWS): number {
    const shown = Math.min(rows.length, cap);
    for (let i = 0; i < shown; i++) {
      rows[i]!.forEach((v, j) => {
        if (v !== null && v !== undefined) this.set(row, col + j, v, styles[j]);
      });
      row++;
    }
    if (rows.length > shown) this.set(row++, col, msg.rowsCapped(rows.length - shown, cap), STYLE.note);
    return row;
  }
}

/** Column letters of a 1-based column number. */
export function colName(col: number): string {
  let s = '';
  let c = col;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

/** A1 address of a 1-based cell; `abs` gives $A$1. */
export function a1(row: number, col: number, abs = false): string {
  return abs ? `$${colName(col)}$${row}` : `${colName(col)}${row}`;
}

/** A sheet name as formulas and chart references write it ('Cash flow'). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An absolute range reference with the sheet, e.g. 'Summary'!$C$4:$D$4. */
export function rangeRef(sheet: string, r1: number, c1: number, r2 = r1, c2 = c1): string {
  const a = a1(r1, c1, true);
  const b = a1(r2, c2, true);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

// ---------------------------------------------------------------------------------------------
// Formats and styles

/** Number formats. */
export const FMT = {
  usd: '#,##0.00',
  usd0: '#,##0',
  /** Money in millions (the value is in M USD). */
  musd: '#,##0.00',
  usdPerKg: '#,##0.00',
  usdPerKg4: '#,##0.0000',
  /** Tonnes (the value is in t). */
  tonnes: '#,##0',
  kgYr: '#,##0',
  kgH: '#,##0.000',
  num: '#,##0.0000',
  num1: '#,##0.0',
  num2: '#,##0.00',
  frac: '0.0000',
  pct: '0.00%',
  pct1: '0.0%',
  sci: '0.00E+00',
  int: '0',
  years: '0.00',
  year1: '0.0',
  general: 'General',
} as const;

/** Cell styles. */
export const STYLE = {
  title: { bold: true, size: 14, spill: true } as CellStyle,
  subtitle: { italic: true, color: '555555', spill: true } as CellStyle,
  section: { bold: true, size: 12, color: '1F4E78', spill: true } as CellStyle,
  header: { bold: true, fill: 'D9E1F2', border: 'bottom', wrap: true } as CellStyle,
  /** An input the formulas read (classic blue-on-yellow). */
  input: { color: '0000FF', fill: 'FFF2CC' } as CellStyle,
  total: { bold: true, border: 'top' } as CellStyle,
  note: { italic: true, color: '595959', spill: true } as CellStyle,
  /** A sentence of the findings (runs on across the sheet). */
  finding: { spill: true } as CellStyle,
  text: {} as CellStyle,
  /** Long text that wraps within its column. */
  wrapped: { wrap: true } as CellStyle,
} as const;

/** A number format that shows an input of this magnitude with 3–4 significant digits (no 13.6771428571). */
export function valueFormat(v: number): string {
  const a = Math.abs(v);
  if (a === 0 || Number.isInteger(v)) return '#,##0';
  if (a >= 1000) return '#,##0';
  if (a >= 10) return '#,##0.0#';
  if (a >= 1) return '0.00#';
  if (a >= 0.01) return '0.000#';
  return '0.00E+00';
}

/** Merge a number format into a style. */
export function fmt(numFmt: string, style: CellStyle = {}): CellStyle {
  return { ...style, numFmt };
}

/** What formattedNumber reads of a number format (other than General). */
interface NumberFormat {
  /** Thousands the number is divided by: one per trailing comma after the last digit placeholder ("#,##0," shows thousands). */
  commas: number;
  scientific: boolean;
  /** Decimals shown always ("0") and shown when not zero ("#"). */
  decimals: number;
  optional: number;
  percent: boolean;
  thousandsSeparator: boolean;
}

/** Number formats read so far (a workbook uses a few dozen, over thousands of cells). */
const numberFormats = new Map<string, NumberFormat>();

function numberFormat(numFmt: string): NumberFormat {
  let f = numberFormats.get(numFmt);
  if (f) return f;
  const frac = /\.([0#]+)/.exec(numFmt)?.[1] ?? '';
  const decimals = frac.replace(/#/g, '').length;
  f = {
    commas: /[0#](,+)[^0#]*$/.exec(numFmt)?.[1]?.length ?? 0,
    scientific: /E\+0+/.test(numFmt),
    decimals,
    optional: frac.length - decimals,
    percent: numFmt.includes('%'),
    thousandsSeparator: numFmt.includes('#,##'),
  };
  numberFormats.set(numFmt, f);
  return f;
}

/**
 * The text a number shows under one of the workbook's number formats (FMT), for column widths:
 * thousands separators, fixed decimals, percent, scientific, General (up to 10 significant digits).
 */
export function formattedNumber(v: number, numFmt = 'General'): string {
  if (!Number.isFinite(v)) return String(v);
  if (numFmt === 'General' || numFmt === '') {
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e11 || a < 1e-9)) return v.toExponential(5);
    return String(Number(v.toPrecision(10)));
  }
  const f = numberFormat(numFmt);
  if (f.commas) v /= 1000 ** f.commas;
  if (f.scientific) return v.toExponential(f.decimals).replace(/e([+-])(\d)$/, 'E$10$2').replace('e', 'E');
  const x = f.percent ? v * 100 : v;
  let s = Math.abs(x).toFixed(f.decimals + f.optional);
  for (let k = 0; k < f.optional && s.endsWith('0'); k++) s = s.slice(0, -1);
  if (f.thousandsSeparator) {
    const [i, d] = s.split('.');
    s = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d !== undefined ? `.${d}` : '');
  }
  return `${x < 0 && Number(s.replace(/,/g, '')) !== 0 ? '-' : ''}${s}${f.percent ? '%' : ''}`;
}
