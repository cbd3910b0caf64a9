/**
 * The workbook's plain tables as rows, independent of exceljs: flowsheet units, connections and
 * recycle loops, the stream table (one column per stream), lot states, balances, reagents, energy
 * items and the campaign schedule (Gantt). No live formula is read from these rows; plain-sheets.ts
 * writes them into grids.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { endpointText } from '../pipeline/document.js';
import { streamElements, streamMass } from '../streams/stream.js';
import { TRACKED_ELEMENTS, type Element } from '../chemistry/elements.js';
import { msg } from '../schema/messages.js';
import type { ScheduleEntry } from '../design/types.js';
import { MAX_STREAM_LOT_ROWS, type Scalar } from './grid.js';

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
  return g.streams.map((s) => [endpointText(s.from), endpointText(s.to), s.id, streamMass(ev.solution.streams.get(s.id)!), tears.has(s.id) ? 'tear (recycle)' : s.markedTear ? 'marked tear' : '']);
}

/** Header of connectionRows. */
export const CONNECTION_HEADER = ['from', 'to', 'stream', 'mass (kg/h)', 'recycle'];

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

/**
 * Lot states as the lots enter (streams from the feed) and leave as product (streams to the product
 * boundary; mass > 0), with the verdict on each product lot. Every stream's lots are in the run
 * document (--json), and their masses in the stream table.
 */
export function lotRows(ev: Evaluation): Scalar[][] {
  const verdict = new Map(ev.quality.lots.map((v) => [`${v.stream}\u0000${v.lot}`, v]));
  const out: Scalar[][] = [];
  for (const s of ev.model.flowsheet.graph.streams) {
    if (s.from.node !== 'feed' && s.to.node !== 'product') continue;
    const st = ev.solution.streams.get(s.id)!;
    for (const l of st.lots) {
      if (l.massKgPerHour === 0) continue;
      const v = verdict.get(`${s.id}\u0000${l.id}`);
      out.push([l.id, s.id, l.origin.join(', '), l.chemistry.name, l.massKgPerHour, l.liPerTm, l.cationMixing, l.surfaceRockSalt_nm, l.crackFraction, l.morphology, l.d50_um, l.coating ?? '', l.coating_nm, l.lane ?? '', v ? (v.inSpec ? 'in spec' : 'off spec') : '', v ? v.causes.join(', ') : '']);
    }
  }
  return out;
}

/** Header of lotRows. */
export const LOT_HEADER = ['lot', 'stream', 'origin', 'chemistry', 'mass (kg/h)', 'Li/TM (mol/mol)', 'cation mixing (–)', 'surface rock salt (nm)', 'crack fraction (–)', 'morphology', 'D50 (µm)', 'coating', 'coating (nm)', 'lane', 'product verdict', 'off-spec causes'];

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

/** The bottom-up energy items of every unit: unit, delivered kW, utility, category, and the item with its basis. */
export function energyItemRows(ev: Evaluation): Scalar[][] {
  const out: Scalar[][] = [];
  for (const u of ev.model.flowsheet.units) for (const it of ev.solution.runs.get(u.id)!.energy.items) out.push([u.id, it.kw, it.utility, it.category, it.basis ? `${it.name}: ${it.basis}` : it.name]);
  return out;
}

/** Header of energyItemRows. */
export const ENERGY_HEADER = ['unit', 'delivered (kW = kWh/h)', 'utility', 'category', 'item and its basis'];

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
  rows: GanttRow[];
}

/** One equipment item of the Gantt: its phases per time bin and what it does in the horizon. */
export interface GanttRow {
  unit: string;
  equipment: string;
  item: number;
  cells: (keyof typeof PHASES | null)[];
  /** Batches started in the horizon (0 for continuous operation). */
  batches: number;
  /** Hours occupied (batches or continuous operation) in the horizon. */
  busyH: number;
  firstH: number;
  lastH: number;
}

const STEPS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 24, 48, 96, 168, 336, 720];

/** Bin the schedule into at most `maxBins` time steps; each bin shows what occupies its midpoint. */
export function gantt(entries: readonly ScheduleEntry[], horizonH: number, maxBins = 72): Gantt {
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
    const whole = list.filter((e) => !e.phase);
    const batches = new Set(whole.filter((e) => e.batch > 0).map((e) => e.batch)).size;
    const busyH = whole.reduce((a, e) => a + Math.min(e.endH, horizonH) - Math.max(0, e.startH), 0);
    return { unit: first.unitId, equipment: first.equipment, item: first.item, cells, batches, busyH, firstH: Math.min(...list.map((e) => e.startH)), lastH: Math.max(...list.map((e) => e.endH)) };
  });
  return { binH, bins, horizonH, rows };
}

/** The schedule entries as rows: one per batch (its phases are in the Gantt) or continuous run. */
export function scheduleRows(ev: Evaluation): Scalar[][] {
  return ev.sizing.schedule.entries.filter((e) => !e.phase).map((e) => [e.unitId, e.equipment, e.item, e.batch === 0 ? 'continuous' : e.batch, e.startH, e.endH, e.endH - e.startH]);
}

/** Header of scheduleRows. */
export const SCHEDULE_HEADER = ['unit', 'equipment', 'item', 'batch', 'start (h)', 'end (h)', 'duration (h)'];
