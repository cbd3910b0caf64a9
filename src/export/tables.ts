/**
 * The workbook's data as plain rows, independent of exceljs: a small grid model (cells with
 * values, cached formula results, styles, frozen panes, images, highlights) and the rows of every
 * sheet that holds no live formula — flowsheet units and connections, streams, lot states,
 * balances, energy items, equipment descriptions, the campaign schedule (Gantt) and the plain
 * assumptions (scenario, plant, feed, spec, design, unit parameters). formulas.ts writes the live
 * economics into the same grids; workbook.ts turns grids into an .xlsx.
 *
 * Text from input files (ids, names, notes, sources) is only ever stored as a string value; the
 * writer never turns a string into a formula.
 */
import type { z } from 'zod';
import type { Evaluation } from '../pipeline/evaluate.js';
import { endpointText } from '../pipeline/document.js';
import { kpiUnitOf } from '../pipeline/kpi-info.js';
import { streamElements, streamMass } from '../streams/stream.js';
import { TRACKED_ELEMENTS, type Element } from '../chemistry/elements.js';
import { metaOf } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { lotSpecSchema, feedSchema } from '../schema/feed.js';
import { plantSchema } from '../schema/scenario.js';
import { specSchema } from '../schema/spec.js';
import type { ScheduleEntry } from '../design/types.js';
import type { MonteCarloResult } from '../uncertainty/monte-carlo.js';
import type { TornadoResult } from '../uncertainty/tornado.js';
import type { SobolResult } from '../uncertainty/sobol.js';
import type { ChartSpec } from './charts.js';

// ---------------------------------------------------------------------------------------------
// Grid model

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
  readonly widths = new Map<number, number>();
  readonly images: GridImage[] = [];
  readonly highlights: Highlight[] = [];
  readonly checks: EngineCheck[] = [];
  freeze: { rows: number; cols: number } | null = null;
  autoFilter: string | null = null;
  /** Sheet tab colour (RGB hex). */
  tab: string | null = null;
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

  width(col: number, chars: number): void {
    this.widths.set(col, chars);
  }

  get lastRow(): number {
    return this.maxR;
  }

  get lastCol(): number {
    return this.maxC;
  }

  /** Write a header row (bold, shaded, bottom border). */
  header(row: number, col: number, labels: readonly string[]): void {
    labels.forEach((l, i) => this.set(row, col + i, l, STYLE.header));
  }

  /**
   * Write rows of values from (row, col); `styles[j]` styles column j. Returns the next free row.
   * At most MAX_TABLE_ROWS rows are written; a note row says how many more there were.
   */
  table(row: number, col: number, rows: readonly (readonly Scalar[])[], styles: readonly (CellStyle | undefined)[] = []): number {
    const shown = Math.min(rows.length, MAX_TABLE_ROWS);
    for (let i = 0; i < shown; i++) {
      rows[i]!.forEach((v, j) => {
        if (v !== null && v !== undefined) this.set(row, col + j, v, styles[j]);
      });
      row++;
    }
    if (rows.length > shown) this.set(row++, col, msg.rowsCapped(rows.length - shown, MAX_TABLE_ROWS), STYLE.note);
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
  usdPerKg: '#,##0.0000',
  kgYr: '#,##0',
  kgH: '#,##0.000',
  num: '#,##0.0000',
  frac: '0.0000',
  pct: '0.00%',
  sci: '0.00E+00',
  int: '0',
  years: '0.00',
  general: 'General',
} as const;

/** Cell styles. */
export const STYLE = {
  title: { bold: true, size: 14 } as CellStyle,
  subtitle: { italic: true, color: '555555' } as CellStyle,
  section: { bold: true, size: 12, color: '1F4E78' } as CellStyle,
  header: { bold: true, fill: 'D9E1F2', border: 'bottom', wrap: true } as CellStyle,
  /** An input the formulas read (classic blue-on-yellow). */
  input: { color: '0000FF', fill: 'FFF2CC' } as CellStyle,
  total: { bold: true, border: 'top' } as CellStyle,
  note: { italic: true, color: '595959' } as CellStyle,
  text: {} as CellStyle,
} as const;

/** Merge a number format into a style. */
export function fmt(numFmt: string, style: CellStyle = {}): CellStyle {
  return { ...style, numFmt };
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Short label of an evaluation: "#1 scenario × flowsheet". */
export function evaluationLabel(ev: Evaluation, index: number): string {
  return `#${index + 1} ${ev.model.id} × ${ev.model.flowsheet.id}`;
}

/** Text of any value for a cell (objects as compact JSON). */
export function textOf(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

// ---------------------------------------------------------------------------------------------
// Parameter metadata (as src/cli/kinds.ts reads it)

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[] };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Fields of an object schema (through defaults, optionals, pipes). */
export function shapeOf(s: z.ZodType): Record<string, z.ZodType> {
  for (let i = 0; i < 20; i++) {
    const d = def(s);
    if (d.type === 'object') return d.shape ?? {};
    if (d.type === 'pipe') s = d.in!;
    else if (d.innerType) s = d.innerType;
    else break;
  }
  return {};
}

/** Metadata of a field: its own, or that of the schema it wraps. */
export function fieldMeta(s: z.ZodType | undefined): { unit: string | null; source: string | null; description: string | null } {
  for (let i = 0; s && i < 20; i++) {
    const m = metaOf(s);
    if (m && (m.description || m.source || m.unit)) return { unit: (m.unit as string | undefined) ?? null, source: m.source ?? null, description: m.description ?? null };
    const d = def(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe') s = d.in;
    else break;
  }
  return { unit: null, source: null, description: null };
}

// ---------------------------------------------------------------------------------------------
// Plain assumption rows

/** One row of the Assumptions sheet that no formula reads. */
export interface AssumptionRow {
  section: string;
  item: string;
  value: Scalar;
  unit: string;
  source: string;
  note: string;
}

const PLANT_FIELDS = shapeOf(plantSchema);
const FEED_FIELDS = shapeOf(feedSchema);
const LOT_FIELDS = shapeOf(lotSpecSchema);
const SPEC_FIELDS = shapeOf(specSchema);

/** Scenario, plant, feed, specification, design settings and every unit parameter, with units and sources. */
export function plainAssumptions(ev: Evaluation): AssumptionRow[] {
  const m = ev.model;
  const out: AssumptionRow[] = [];
  const row = (section: string, item: string, value: unknown, unit: string | null, source: string | null, note = '') =>
    out.push({ section, item, value: textOf(value), unit: unit ?? '', source: source ?? '', note });
  row('scenario', 'id', m.id, '', m.file);
  row('scenario', 'name', m.name, '', m.file);
  row('scenario', 'flowsheet', m.flowsheet.id, '', m.flowsheet.file, m.flowsheet.name);
  for (const p of m.patches) row('scenario', `override ${p.path}`, p.value, '', p.origin ? `${p.origin.file}${p.origin.line ? `:${p.origin.line}` : ''}` : 'command line / API patch');
  // Plant
  const plantMeta = (k: string) => fieldMeta(PLANT_FIELDS[k]);
  row('plant', 'capacity (feed throughput)', m.plant.capacity, 'kg/yr', plantMeta('capacity').source);
  row('plant', 'operating hours', m.plant.operatingHours, 'h/yr', plantMeta('operatingHours').source);
  row('plant', 'region', m.plant.region, '', plantMeta('region').source);
  row('plant', 'feed throughput', m.feedKgPerHour, 'kg/h', 'capacity / operating hours');
  // Feed
  row('feed', 'id', m.feed.id ?? '', '', '');
  row('feed', 'basis', m.feed.basis, '', fieldMeta(FEED_FIELDS.basis).source);
  const rawLots = ((m.raw.feed.data as { lots?: unknown } | null)?.lots ?? []) as Record<string, unknown>[];
  for (const lot of m.feed.lots) {
    const l = lot as unknown as Record<string, unknown>;
    const given = rawLots.find((x) => x && x.id === lot.id) ?? {};
    for (const [k, v] of Object.entries(l)) {
      if (k === 'id') continue;
      const meta = fieldMeta(LOT_FIELDS[k]);
      const value = k === 'chemistry' ? (v as { name: string }).name : v;
      row('feed', `lot ${lot.id} ${k}`, value, meta.unit, k in given ? `given in ${m.raw.feed.doc.file}` : `default: ${meta.source ?? 'schema default'}`, meta.description ?? '');
    }
  }
  // Specification
  for (const [k, v] of Object.entries(m.spec)) {
    if (k === '$schema') continue;
    const meta = fieldMeta(SPEC_FIELDS[k]);
    row('product spec', k, v, meta.unit, meta.source, meta.description ?? '');
  }
  // Design settings
  const d = m.design as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(d)) {
    if (k === 'sources' || k === 'places') continue;
    row('design', k, v, k.endsWith('H') ? 'h' : '', m.design.sources[k] ?? '');
  }
  // Unit parameters: given in the flowsheet, overridden by the scenario, or the default (with its source)
  const rawUnits = ((m.raw.flowsheet.data as { units?: unknown } | null)?.units ?? []) as { id?: string; params?: Record<string, unknown> }[];
  for (const u of m.flowsheet.units) {
    const fields = shapeOf(u.op.params as z.ZodType);
    const given = rawUnits.find((x) => x && x.id === u.id)?.params ?? {};
    for (const [k, v] of Object.entries(u.params)) {
      const meta = fieldMeta(fields[k]);
      const patch = m.patches.find((p) => p.path === `${u.id}.${k}`);
      const source = patch ? `override in ${patch.origin?.file ?? 'the command line'}` : k in given ? `given in ${m.flowsheet.file}` : `default: ${meta.source ?? 'schema default'}`;
      row('unit parameters', `${u.id}.${k}`, v, meta.unit, source, `${u.kind}${meta.description ? `: ${meta.description}` : ''}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Flowsheet

/** Units of the flowsheet with their ports and times. */
export function unitRows(ev: Evaluation): Scalar[][] {
  const fs = ev.model.flowsheet;
  return fs.units.map((u) => {
    const run = ev.solution.runs.get(u.id)!;
    const design = ev.designs.get(u.id)!;
    const sized = ev.sizing.units.find((x) => x.unitId === u.id);
    const heat = Object.values(run.energy.heatKw).reduce((a: number, b) => a + (b ?? 0), 0);
    return [
      u.id,
      u.name ?? '',
      u.kind,
      design.mode,
      u.ports.inlets.map((p) => p.name).join(', '),
      u.ports.outlets.map((p) => p.name).join(', '),
      sized?.cycleTimeH ?? null,
      design.residenceTimeH,
      sized?.operatorsPerShift ?? design.operatorsPerShift,
      run.energy.electricityKw,
      heat,
    ];
  });
}

/** Header of unitRows. */
export const UNIT_HEADER = ['unit', 'name', 'kind', 'mode', 'inlets', 'outlets', 'cycle time (h)', 'residence time (h)', 'operators per shift', 'electricity (kWh/h)', 'heat (kWh/h)'];

/** Streams of the flowsheet: id, from, to, mass, recycle tear. */
export function connectionRows(ev: Evaluation): Scalar[][] {
  const g = ev.model.flowsheet.graph;
  const tears = new Set(ev.solution.loops.flatMap((l) => l.tears));
  return g.streams.map((s) => [s.id, endpointText(s.from), endpointText(s.to), streamMass(ev.solution.streams.get(s.id)!), tears.has(s.id) ? 'tear (recycle)' : s.markedTear ? 'marked tear' : '']);
}

/** Header of connectionRows. */
export const CONNECTION_HEADER = ['stream', 'from', 'to', 'mass (kg/h)', 'recycle'];

/** Recycle loops: units, tears, iterations, residual. */
export function loopRows(ev: Evaluation): Scalar[][] {
  return ev.solution.loops.map((l) => [l.units.join(', '), l.tears.join(', '), l.iterations, l.residual, l.converged ? 'yes' : 'no']);
}

/** Header of loopRows. */
export const LOOP_HEADER = ['loop units', 'tear streams', 'iterations', 'residual (relative)', 'converged'];

// ---------------------------------------------------------------------------------------------
// Streams

/** One row of the stream table: a quantity across every stream. */
export interface StreamTableRow {
  label: string;
  unit: string;
  values: Scalar[];
  kind: 'text' | 'temperature' | 'mass' | 'component' | 'element' | 'lot';
}

/** The stream table: one column per stream, rows per component, element and lot. */
export function streamTable(ev: Evaluation): { streams: string[]; rows: StreamTableRow[] } {
  const g = ev.model.flowsheet.graph;
  const streams = g.streams.map((s) => ({ gs: s, st: ev.solution.streams.get(s.id)! }));
  const comps: string[] = [];
  const lots: string[] = [];
  const seenC = new Set<string>();
  const seenL = new Set<string>();
  for (const { st } of streams) {
    for (const [c, v] of Object.entries(st.components)) if (v !== 0 && !seenC.has(c)) { seenC.add(c); comps.push(c); }
    for (const l of st.lots) if (l.massKgPerHour !== 0 && !seenL.has(l.id)) { seenL.add(l.id); lots.push(l.id); }
  }
  const elements = streams.map(({ st }) => streamElements(st));
  const usedEls = (TRACKED_ELEMENTS as readonly Element[]).filter((e) => elements.some((x) => (x[e] ?? 0) !== 0));
  const rows: StreamTableRow[] = [
    { label: 'from', unit: '', kind: 'text', values: streams.map(({ gs }) => endpointText(gs.from)) },
    { label: 'to', unit: '', kind: 'text', values: streams.map(({ gs }) => endpointText(gs.to)) },
    { label: 'temperature', unit: 'K', kind: 'temperature', values: streams.map(({ st }) => st.temperatureK) },
    { label: 'total mass', unit: 'kg/h', kind: 'mass', values: streams.map(({ st }) => streamMass(st)) },
    ...comps.map((c) => ({ label: `component ${c}`, unit: 'kg/h', kind: 'component' as const, values: streams.map(({ st }) => st.components[c] ?? 0) })),
    ...usedEls.map((e) => ({ label: `element ${e}`, unit: 'kg/h', kind: 'element' as const, values: elements.map((x) => x[e] ?? 0) })),
    ...lots.slice(0, MAX_STREAM_LOT_ROWS).map((id) => ({ label: `lot ${id}`, unit: 'kg/h', kind: 'lot' as const, values: streams.map(({ st }) => st.lots.find((l) => l.id === id)?.massKgPerHour ?? 0) })),
    ...(lots.length > MAX_STREAM_LOT_ROWS ? [{ label: msg.rowsCapped(lots.length - MAX_STREAM_LOT_ROWS, MAX_STREAM_LOT_ROWS), unit: '', kind: 'text' as const, values: [] }] : []),
  ];
  return { streams: streams.map(({ gs }) => gs.id), rows };
}

/** Lot states in every stream (mass > 0), with the verdict for lots leaving as product. */
export function lotRows(ev: Evaluation): Scalar[][] {
  const verdict = new Map(ev.quality.lots.map((v) => [`${v.stream}\u0000${v.lot}`, v]));
  const out: Scalar[][] = [];
  for (const s of ev.model.flowsheet.graph.streams) {
    const st = ev.solution.streams.get(s.id)!;
    for (const l of st.lots) {
      if (l.massKgPerHour === 0) continue;
      const v = verdict.get(`${s.id}\u0000${l.id}`);
      out.push([s.id, l.id, l.origin.join(', '), l.chemistry.name, l.massKgPerHour, l.liPerTm, l.cationMixing, l.surfaceRockSalt_nm, l.crackFraction, l.morphology, l.d50_um, l.coating ?? '', l.coating_nm, l.lane ?? '', v ? (v.inSpec ? 'in spec' : 'off spec') : '', v ? v.causes.join(', ') : '']);
    }
  }
  return out;
}

/** Header of lotRows. */
export const LOT_HEADER = ['stream', 'lot', 'origin', 'chemistry', 'mass (kg/h)', 'Li/TM (mol/mol)', 'cation mixing (–)', 'surface rock salt (nm)', 'crack fraction (–)', 'morphology', 'D50 (µm)', 'coating', 'coating (nm)', 'lane', 'product verdict', 'off-spec causes'];

// ---------------------------------------------------------------------------------------------
// Balances

/** Heat utilities seen in a set of evaluations (column order of the balance table). */
export function heatUtilities(evs: readonly Evaluation[]): string[] {
  const s = new Set<string>();
  for (const ev of evs) for (const run of ev.solution.runs.values()) for (const k of Object.keys(run.energy.heatKw)) s.add(k);
  return [...s].sort();
}

/** Mass, element and energy closure per unit and plant-wide. */
export function balanceRows(ev: Evaluation, utilities: readonly string[]): Scalar[][] {
  const els = TRACKED_ELEMENTS as readonly Element[];
  const worst = (c: { massClosure: number; elementClosure: Partial<Record<Element, number>> }) => Math.max(c.massClosure, ...Object.values(c.elementClosure).map((x) => x ?? 0));
  const rows: Scalar[][] = ev.balances.units.map((b) => {
    const run = ev.solution.runs.get(b.unit)!;
    return [b.unit, b.massInKgPerHour, b.massOutKgPerHour, b.massClosure, worst(b), ...els.map((e) => b.elementClosure[e] ?? 0), run.energy.electricityKw, ...utilities.map((u) => run.energy.heatKw[u as 'steam'] ?? 0), run.energy.minimumHeatKw];
  });
  const p = ev.balances.plant;
  const e = ev.balances.energyKwhPerHour;
  rows.push(['plant', p.massInKgPerHour, p.massOutKgPerHour, p.massClosure, worst(p), ...els.map((x) => p.elementClosure[x] ?? 0), e.electricity, ...utilities.map((u) => e.heat[u as 'steam'] ?? 0), e.minimumHeat]);
  return rows;
}

/** Header of balanceRows. */
export function balanceHeader(utilities: readonly string[]): string[] {
  return ['control volume', 'mass in (kg/h)', 'mass out (kg/h)', 'mass closure (–)', 'worst closure (–)', ...(TRACKED_ELEMENTS as readonly string[]).map((e) => `${e} closure (–)`), 'electricity (kWh/h)', ...utilities.map((u) => `heat, ${u} (kWh/h)`), 'minimum heat (kWh/h)'];
}

/** Reagents drawn fresh and met by recycle, per hour and per year. */
export function reagentRows(ev: Evaluation): Scalar[][] {
  const r = ev.balances.reagents;
  const ids = [...new Set([...Object.keys(r.freshKgPerHour), ...Object.keys(r.recycledKgPerHour)])].sort();
  const h = ev.model.plant.operatingHours;
  return ids.map((id) => [id, r.freshKgPerHour[id] ?? 0, r.recycledKgPerHour[id] ?? 0, (r.freshKgPerHour[id] ?? 0) * h]);
}

/** Header of reagentRows. */
export const REAGENT_HEADER = ['reagent', 'fresh (kg/h)', 'recycled (kg/h)', 'fresh (kg/yr)'];

/** The bottom-up energy items of every unit. */
export function energyItemRows(ev: Evaluation): Scalar[][] {
  const out: Scalar[][] = [];
  for (const u of ev.model.flowsheet.units) for (const it of ev.solution.runs.get(u.id)!.energy.items) out.push([u.id, it.name, it.category, it.utility, it.kw, it.basis ?? '']);
  return out;
}

/** Header of energyItemRows. */
export const ENERGY_HEADER = ['unit', 'item', 'category', 'utility', 'delivered (kW = kWh/h)', 'basis'];

// ---------------------------------------------------------------------------------------------
// Schedule

/** Phases of the Gantt with colours and letters (letters keep it readable without colour). */
export const PHASES: Readonly<Record<string, { fill: string; letter: string; label: string }>> = {
  load: { fill: '4E79A7', letter: 'L', label: 'load' },
  heat: { fill: 'F28E2B', letter: 'H', label: 'heat' },
  dwell: { fill: 'E15759', letter: 'D', label: 'dwell' },
  cool: { fill: '76B7B2', letter: 'C', label: 'cool' },
  unload: { fill: '59A14F', letter: 'U', label: 'unload' },
  clean: { fill: 'EDC948', letter: 'X', label: 'clean' },
  batch: { fill: '9C755F', letter: 'B', label: 'batch (no phases)' },
  run: { fill: 'BAB0AC', letter: 'R', label: 'continuous operation' },
};

/** A Gantt of the campaign schedule: rows per equipment item, a phase (or null) per time bin. */
export interface Gantt {
  binH: number;
  bins: number;
  horizonH: number;
  rows: { unit: string; equipment: string; item: number; cells: (keyof typeof PHASES | null)[] }[];
}

const STEPS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 24, 48, 96, 168, 336, 720];

/** Bin the schedule into at most `maxBins` time steps; each bin shows what occupies its midpoint. */
export function gantt(entries: readonly ScheduleEntry[], horizonH: number, maxBins = 120): Gantt {
  const binH = STEPS.find((s) => horizonH / s <= maxBins) ?? Math.ceil(horizonH / maxBins);
  const bins = Math.max(1, Math.ceil(horizonH / binH - 1e-9));
  const keys: string[] = [];
  const byKey = new Map<string, ScheduleEntry[]>();
  for (const e of entries) {
    const k = `${e.unitId}\u0000${e.equipment}\u0000${e.item}`;
    let list = byKey.get(k);
    if (!list) {
      byKey.set(k, (list = []));
      keys.push(k);
    }
    list.push(e);
  }
  const rows = keys.map((k) => {
    const list = byKey.get(k)!;
    const first = list[0]!;
    const cells: (keyof typeof PHASES | null)[] = [];
    for (let b = 0; b < bins; b++) {
      const t = (b + 0.5) * binH;
      const hits = list.filter((e) => e.startH <= t && t < e.endH);
      const phased = hits.find((e) => e.phase);
      cells.push(phased ? phased.phase! : hits.length ? (hits[0]!.batch === 0 ? 'run' : 'batch') : null);
    }
    return { unit: first.unitId, equipment: first.equipment, item: first.item, cells };
  });
  return { binH, bins, horizonH, rows };
}

/** The schedule entries as rows. */
export function scheduleRows(ev: Evaluation): Scalar[][] {
  return ev.sizing.schedule.entries.map((e) => [e.unitId, e.equipment, e.item, e.batch, e.phase ?? (e.batch === 0 ? 'continuous' : 'batch'), e.startH, e.endH, e.endH - e.startH]);
}

/** Header of scheduleRows. */
export const SCHEDULE_HEADER = ['unit', 'equipment', 'item', 'batch', 'phase', 'start (h)', 'end (h)', 'duration (h)'];

// ---------------------------------------------------------------------------------------------
// Equipment (descriptive columns; cost columns are formulas, see formulas.ts)

/** The descriptive part of an equipment row. */
export function equipmentDescription(ev: Evaluation): { key: string; cells: Scalar[] }[] {
  const bottleneck = `${ev.sizing.bottleneck}\u0000${ev.sizing.bottleneckEquipment}`;
  return ev.sizing.equipment.map((e) => ({
    key: `${e.unitId}.${e.name}`,
    cells: [e.unitId, e.name, e.description, e.operation, e.mode, e.size, e.sizeUnit, e.count, e.utilisation, e.sizeUtilisation, e.timeUtilisation, e.cycleTimeH, e.batchesPerYear, e.loadKgPerHour, e.installedPowerKw, `${e.unitId}\u0000${e.name}` === bottleneck ? 'bottleneck' : ''],
  }));
}

/** Header of equipmentDescription. */
export const EQUIPMENT_HEADER = ['unit', 'equipment', 'description', 'operation', 'sizing mode', 'size (per item)', 'size unit', 'count', 'utilisation (–)', 'size utilisation (–)', 'time utilisation (–)', 'cycle time (h)', 'batches per year', 'load (kg/h)', 'installed power per item (kW)', 'bottleneck'];

/** Number formats of the equipment description columns. */
export const EQUIPMENT_FORMATS: (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined, FMT.num, undefined, FMT.int, FMT.frac, FMT.frac, FMT.frac, FMT.years, FMT.usd0, FMT.kgH, FMT.num, undefined];

// ---------------------------------------------------------------------------------------------
// Uncertainty sheets (Monte Carlo, Sensitivity, Sobol)

/** Uncertainty results the workbook can show. */
export interface UncertaintyResults {
  monteCarlo?: MonteCarloResult;
  tornado?: TornadoResult;
  sobol?: SobolResult;
}

/** Unit of a run-document KPI from its name (npvUsd → USD, costUsdPerKgProduct → USD/kg, …): pipeline/kpi-info.ts. */
export const kpiUnit = kpiUnitOf;

/** KPIs that get a chart when present, in this order. */
const CHART_KPIS = ['npvUsd', 'costUsdPerKgProduct', 'minSellingPriceUsdPerKg'];

/** Build the Monte Carlo, Sensitivity and Sobol sheets and their charts. */
export function uncertaintySheets(u: UncertaintyResults): { sheets: Grid[]; charts: ChartSpec[] } {
  const sheets: Grid[] = [];
  const charts: ChartSpec[] = [];
  const num = fmt(FMT.num);
  if (u.monteCarlo) {
    const r = u.monteCarlo;
    const g = new Grid('Monte Carlo');
    g.set(1, 1, `Monte Carlo — scenario ${r.scenario ?? '?'} (${r.file ?? ''}): ${r.samples} samples, ${r.method === 'lhs' ? 'Latin hypercube' : 'plain Monte Carlo'}, seed ${r.seed}; failed evaluations ${r.failures.count} of ${r.failures.evaluations} (left out)`, STYLE.section);
    g.header(2, 1, ['KPI', 'unit', 'base', 'mean', 'sd', 'min', 'P5', 'P50', 'P95', 'max', 'n']);
    g.freeze = { rows: 2, cols: 1 };
    g.width(1, 34);
    for (let c = 2; c <= 11; c++) g.width(c, 16);
    let row = 3;
    for (const s of r.statistics) {
      g.table(row, 1, [[s.kpi, kpiUnit(s.kpi), s.base, s.mean, s.sd, s.min, s.p5, s.p50, s.p95, s.max, s.n]], [undefined, undefined, num, num, num, num, num, num, num, num, fmt(FMT.int)]);
      row++;
    }
    row++;
    if (r.probabilityNpvPositive !== null) {
      g.set(row, 1, 'P(NPV > 0)', { bold: true });
      g.set(row, 3, r.probabilityNpvPositive, fmt(FMT.pct, { bold: true }));
      row += 2;
    }
    g.set(row++, 1, 'Uncertain inputs', STYLE.section);
    g.header(row++, 1, ['input', 'distribution', 'unit', 'mean of the distribution', 'sampled P5', 'sampled P50', 'sampled P95', 'n']);
    for (const i of r.inputs) row = g.table(row, 1, [[i.path, i.distribution, i.unit ?? '(field unit)', i.mean, i.sampled.p5, i.sampled.p50, i.sampled.p95, i.sampled.n]], [undefined, undefined, undefined, num, num, num, num, fmt(FMT.int)]);
    row++;
    // Histograms: one table per KPI, charts for the main ones.
    let chartRow = 2;
    const chartCol = 13;
    for (const s of r.statistics) {
      const h = s.histogram;
      if (h.counts.length === 0) continue;
      g.set(row++, 1, `Histogram of ${s.kpi} (${kpiUnit(s.kpi) || '–'})`, STYLE.section);
      g.header(row++, 1, ['bin', 'from', 'to', 'samples']);
      const first = row;
      h.counts.forEach((c, k) => {
        g.set(row, 1, `${Number(h.edges[k]!.toPrecision(4))} – ${Number(h.edges[k + 1]!.toPrecision(4))}`);
        g.set(row, 2, h.edges[k]!, num);
        g.set(row, 3, h.edges[k + 1]!, num);
        g.set(row, 4, c, fmt(FMT.int));
        row++;
      });
      if (CHART_KPIS.includes(s.kpi)) {
        charts.push({ sheet: g.name, from: { col: chartCol - 1, row: chartRow }, to: { col: chartCol + 7, row: chartRow + 18 }, type: 'column', title: `Distribution of ${s.kpi} (${r.samples} samples)`, xTitle: kpiUnit(s.kpi) || s.kpi, yTitle: 'samples', series: [{ name: 'samples', categories: rangeRef(g.name, first, 1, row - 1, 1), values: rangeRef(g.name, first, 4, row - 1, 4) }] });
        chartRow += 20;
      }
      row++;
    }
    sheets.push(g);
  }
  if (u.tornado || u.monteCarlo) {
    const g = new Grid('Sensitivity');
    g.freeze = { rows: 1, cols: 1 };
    g.width(1, 34);
    for (let c = 2; c <= 10; c++) g.width(c, 16);
    let row = 1;
    if (u.tornado) {
      const t = u.tornado;
      g.set(row++, 1, `Tornado (one at a time) — scenario ${t.scenario ?? '?'}: ${t.range === null ? 'low/high from the declared distributions' : `±${Number((t.range * 100).toPrecision(6))} % around the base values`}; failed evaluations ${t.failures.count} of ${t.failures.evaluations}`, STYLE.section);
      let chartRow = 1;
      for (const c of t.charts) {
        row++;
        g.set(row++, 1, `${c.kpi} (${kpiUnit(c.kpi) || '–'}), base ${c.base}`, STYLE.section);
        g.header(row++, 1, ['input', 'basis', 'low', 'high', 'unit', 'KPI at low', 'KPI at high', 'change at low', 'change at high', 'swing']);
        const first = row;
        for (const b of c.bars) row = g.table(row, 1, [[b.input, b.basis, b.low, b.high, b.unit ?? '(field unit)', b.kpiLow, b.kpiHigh, b.deltaLow, b.deltaHigh, b.swing]], [undefined, undefined, num, num, undefined, num, num, num, num, num]);
        if (CHART_KPIS.includes(c.kpi) && c.bars.length > 0 && c.bars.some((b) => b.swing)) {
          charts.push({
            sheet: g.name, from: { col: 11, row: chartRow }, to: { col: 19, row: chartRow + Math.max(14, c.bars.length * 2 + 6) }, type: 'bar',
            title: `Tornado: change of ${c.kpi} (${kpiUnit(c.kpi) || '–'})`, xTitle: 'input', yTitle: `change from the base (${kpiUnit(c.kpi) || '–'})`,
            series: [
              { name: 'input at low', categories: rangeRef(g.name, first, 1, row - 1, 1), values: rangeRef(g.name, first, 8, row - 1, 8) },
              { name: 'input at high', categories: rangeRef(g.name, first, 1, row - 1, 1), values: rangeRef(g.name, first, 9, row - 1, 9) },
            ],
          });
          chartRow += Math.max(14, c.bars.length * 2 + 6) + 2;
        }
      }
      row += 2;
    }
    if (u.monteCarlo) {
      const r = u.monteCarlo;
      const kpis = r.kpis.filter((k) => r.correlations.some((c) => c.kpi === k && c.spearman !== null));
      g.set(row++, 1, `Spearman rank correlation of each input with each KPI (Monte Carlo, ${r.samples} samples)`, STYLE.section);
      g.header(row++, 1, ['input', ...kpis]);
      for (const i of r.inputs) {
        g.set(row, 1, i.path);
        kpis.forEach((k, j) => {
          const c = r.correlations.find((x) => x.input === i.path && x.kpi === k)?.spearman ?? null;
          if (c !== null) g.set(row, 2 + j, c, fmt('0.000'));
        });
        row++;
      }
    }
    sheets.push(g);
  }
  if (u.sobol) {
    const s = u.sobol;
    const g = new Grid('Sobol');
    g.set(1, 1, `Sobol indices — scenario ${s.scenario ?? '?'}: N = ${s.samples}, ${s.evaluations} evaluations, seed ${s.seed}; ${Math.round(s.confidence * 100)} % bootstrap intervals (${s.bootstrap} resamples); failed evaluations ${s.failures.count}`, STYLE.section);
    g.header(2, 1, ['KPI', 'input', 'first order', `first, ${Math.round(s.confidence * 100)} % low`, `first, ${Math.round(s.confidence * 100)} % high`, 'total', `total, ${Math.round(s.confidence * 100)} % low`, `total, ${Math.round(s.confidence * 100)} % high`, 'KPI variance', 'rows used']);
    g.freeze = { rows: 2, cols: 2 };
    g.width(1, 30);
    g.width(2, 34);
    for (let c = 3; c <= 10; c++) g.width(c, 14);
    let row = 3;
    const f3 = fmt('0.000');
    for (const k of s.perKpi) {
      for (const i of s.indices.filter((x) => x.kpi === k.kpi)) row = g.table(row, 1, [[i.kpi, i.input, i.first, i.firstLow, i.firstHigh, i.total, i.totalLow, i.totalHigh, k.variance, k.rowsUsed]], [undefined, undefined, f3, f3, f3, f3, f3, f3, num, fmt(FMT.int)]);
    }
    g.autoFilter = `A2:J${Math.max(3, row - 1)}`;
    sheets.push(g);
  }
  return { sheets, charts };
}
