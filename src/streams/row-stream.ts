/**
 * A stream whose lots are rows of another lot list — which lot, its mass, in a sorting lane its new
 * id, and the numbers a unit changed (Li/TM, cation mixing, rock-salt) — kept as rows until
 * something reads them as lot objects. The feed scaled to the throughput, the sorting lanes, the
 * CAM a delamination keeps and loses with the foil, relithiation (hydrothermal), washing, drying and
 * sintering make rows instead of a copy of every lot, and the quality judgement, the economics
 * input and the balances read them (through a LotCursor: a lot read from columns). Measured before
 * rows (issue 19): the by-product lanes alone were ≈ 35 % of an evaluation of 4,000 or 40,000 lots,
 * and a pass over lot objects costs per lot about twice as much at 40,000 lots as at 4,000 (they
 * no longer fit in the processor's caches), while over columns it costs the same
 * (bench/lot-layout.js).
 *
 * Rows read as the lots the units built before: `lots` makes, on first reading, each lot as a copy
 * of its source lot with the row's mass, changed numbers (and, renamed, the row's id and the lane),
 * once — the same objects on every later reading. Every sum from the rows is the one the lot
 * objects give: the same numbers, added in the same order.
 */
import type { Lot, Morphology } from './lot.js';
import { copyLot } from './lot.js';
import type { Stream } from './stream.js';
import type { CathodeChemistry } from '../chemistry/cathode.js';

/** A stream with its lots as rows of `source`. */
export class RowStream implements Stream {
  /** Component id → kg/h (filled by the unit, as any stream's). */
  components: Record<string, number> = {};
  temperatureK: number;
  /** Number of lots (rows). */
  n = 0;
  /** Index in `source` of each lot, in stream order (the first `n` entries). */
  readonly rows: number[];
  /** Mass flow of each lot, kg/h, in stream order (the first `n` entries). */
  readonly mass: number[];
  /**
   * Each lot's id when the rows rename them (a sorting lane: `<id>@<lane>`) and no id table is
   * given; null otherwise (idAt).
   */
  readonly ids: string[] | null;
  /** Renamed rows' ids by source row (column `idColumn` of each entry), kept by the sorter across evaluations; null: `ids`. */
  readonly idTable: readonly (readonly string[])[] | null;
  readonly idColumn: number;
  /**
   * The numbers a unit changed, per lot (a unit that changes a lot's state keeps the new value
   * here, the rest of the lot being its source lot's); null: the source lots' own.
   */
  overLiPerTm: number[] | null = null;
  overCationMixing: number[] | null = null;
  overSurfaceRockSalt_nm: number[] | null = null;
  overCrackFraction: number[] | null = null;
  /**
   * The rows the product quality judged off spec (balances/quality.ts offSpecRowsOf), set by the
   * quality report of a product stream; undefined for a stream it has not judged.
   */
  offSpecRows: readonly number[] | undefined = undefined;
  private made: Lot[] | undefined;
  private massSum: number | undefined;

  /**
   * @param source the lots the rows point into (not copied: lots are immutable, and a unit's inlet
   *   list is not changed after the unit has run)
   * @param capacity the rows a unit will push at most (more are appended): lists made once, at
   *   their size — lists grown push by push to tens of thousands of entries cost more than all the
   *   rows' arithmetic (measured, issue 19). Plain lists, not typed arrays: a typed array of more
   *   than 64 bytes is allocated outside the heap (≈ 0.3 µs each, and collected apart), which a
   *   Monte Carlo sample, with a dozen lots per stream, would pay for every stream.
   * @param lane with it, the rows are renamed: each lot gets this lane and the id pushed with it —
   *   or, with `idTable`, column `table.column` of the table's entry for its source row (ids the
   *   sorter keeps per feed row, so that a lane stores none)
   */
  constructor(readonly source: readonly Lot[], temperatureK: number, capacity: number, readonly lane: string | null = null, idTable: { table: readonly (readonly string[])[]; column: number } | null = null) {
    this.temperatureK = temperatureK;
    this.rows = new Array<number>(capacity);
    this.mass = new Array<number>(capacity);
    this.idTable = lane !== null && idTable !== null ? idTable.table : null;
    this.idColumn = idTable?.column ?? 0;
    // Sized, not pushed: filled in order up to `n`.
    this.ids = lane !== null && this.idTable === null ? new Array<string>(capacity) : null;
  }

  /** Rows and ids are another stream's (derived): not to be pushed to. */
  private shared = false;

  /** The id of lot `i`. */
  idAt(i: number): string {
    if (this.ids !== null) return this.ids[i]!;
    if (this.idTable !== null) return this.idTable[this.rows[i]!]![this.idColumn]!;
    return this.source[this.rows[i]!]!.id;
  }

  /** Add a lot: `source[row]` with mass flow `massKgPerHour` (and `id`, when the rows rename). */
  push(row: number, massKgPerHour: number, id?: string): void {
    if (this.shared) throw new Error('internal: a derived row stream shares its rows and takes no more');
    const k = this.n;
    this.rows[k] = row;
    this.mass[k] = massKgPerHour;
    if (this.ids !== null) this.ids[k] = id!;
    // A lot pushed without changed numbers onto a stream that has some: its source lot's.
    if (this.changesState()) {
      const c = columnsFor(this.source);
      const lot = c === null ? this.source[row]! : null;
      if (this.overLiPerTm !== null) this.overLiPerTm[k] = c !== null ? c.liPerTm[row]! : lot!.liPerTm;
      if (this.overCationMixing !== null) this.overCationMixing[k] = c !== null ? c.cationMixing[row]! : lot!.cationMixing;
      if (this.overSurfaceRockSalt_nm !== null) this.overSurfaceRockSalt_nm[k] = c !== null ? c.surfaceRockSalt_nm[row]! : lot!.surfaceRockSalt_nm;
      if (this.overCrackFraction !== null) this.overCrackFraction[k] = c !== null ? c.crackFraction[row]! : lot!.crackFraction;
    }
    this.n = k + 1;
    this.made = undefined;
    this.massSum = undefined;
  }

  /** Whether some lot's numbers differ from its source lot's (a changed-numbers column is kept). */
  changesState(): boolean {
    return this.overLiPerTm !== null || this.overCationMixing !== null || this.overSurfaceRockSalt_nm !== null || this.overCrackFraction !== null;
  }

  /** A column of changed numbers for this stream, its first `k` lots at their source lots' values of `field`. */
  private column(field: ChangedNumber, k: number): number[] {
    const out = new Array<number>(this.rows.length);
    const c = columnsFor(this.source);
    if (c !== null) {
      const of = c[field];
      for (let j = 0; j < k; j++) out[j] = of[this.rows[j]!]!;
    } else {
      for (let j = 0; j < k; j++) out[j] = this.source[this.rows[j]!]![field];
    }
    return out;
  }

  /** Add lot `i` of `from` (rows into the same source) with mass flow `massKgPerHour`: its row, id and changed numbers. */
  pushFrom(from: RowStream, i: number, massKgPerHour: number, id?: string): void {
    const k = this.n;
    this.push(from.rows[i]!, massKgPerHour, id ?? (from.lane === null ? undefined : from.idAt(i)));
    if (!from.changesState()) return;
    // The lots pushed before keep their own numbers (their source lots', or those they were pushed with).
    if (from.overLiPerTm !== null) (this.overLiPerTm ??= this.column('liPerTm', k))[k] = from.overLiPerTm[i]!;
    if (from.overCationMixing !== null) (this.overCationMixing ??= this.column('cationMixing', k))[k] = from.overCationMixing[i]!;
    if (from.overSurfaceRockSalt_nm !== null) (this.overSurfaceRockSalt_nm ??= this.column('surfaceRockSalt_nm', k))[k] = from.overSurfaceRockSalt_nm[i]!;
    if (from.overCrackFraction !== null) (this.overCrackFraction ??= this.column('crackFraction', k))[k] = from.overCrackFraction[i]!;
  }

  /**
   * A stream of the same lots — same rows, ids and changed numbers (shared: none of them changes
   * once a unit has run) — with every mass still to set (`mass[i]`, i < n): for a unit that changes
   * every lot's mass or state in place of a copy of each. Takes no pushes.
   */
  derived(temperatureK: number): RowStream {
    const out = new RowStream(this.source, temperatureK, 0, this.lane, this.idTable === null ? null : { table: this.idTable, column: this.idColumn });
    // The rows and ids themselves (no unit changes them once it has run), and masses to fill.
    (out as { rows: number[] }).rows = this.rows;
    (out as { ids: string[] | null }).ids = this.ids;
    (out as { mass: number[] }).mass = new Array<number>(this.n);
    out.shared = true;
    out.n = this.n;
    out.overLiPerTm = this.overLiPerTm;
    out.overCationMixing = this.overCationMixing;
    out.overSurfaceRockSalt_nm = this.overSurfaceRockSalt_nm;
    out.overCrackFraction = this.overCrackFraction;
    return out;
  }

  /**
   * A stream of the first `n` rows of `rows` (shared, not copied: no unit changes them once it has
   * run) into `source`, renamed as the constructor's `lane` and `idTable` say, with every mass still
   * to set (`mass[i]`, i < n); takes no pushes. For a unit that passes a part of every lot of its
   * inlet to an outlet (a sorting lane whose every class sends it some): one list of rows for all
   * such outlets, not one per outlet filled push by push.
   */
  static ofRows(source: readonly Lot[], temperatureK: number, rows: number[], n: number, lane: string | null, idTable: { table: readonly (readonly string[])[]; column: number } | null): RowStream {
    if (lane !== null && idTable === null) throw new Error('internal: renamed shared rows take their ids from a table');
    const out = new RowStream(source, temperatureK, 0, lane, idTable);
    (out as { rows: number[] }).rows = rows;
    (out as { mass: number[] }).mass = new Array<number>(n);
    out.shared = true;
    out.n = n;
    return out;
  }

  /**
   * A stream of the first `n` rows of `rows` into `source` with the first `n` masses of `mass` (both
   * shared, not copied: no unit changes a stream once made), renamed as ofRows; takes no pushes. For
   * a unit that splits an equal feed as it did before (sorting.ts): its lanes' rows and masses again.
   */
  static ofRowsAndMasses(source: readonly Lot[], temperatureK: number, rows: number[], mass: number[], n: number, lane: string | null, idTable: { table: readonly (readonly string[])[]; column: number } | null): RowStream {
    const out = new RowStream(source, temperatureK, 0, lane, idTable);
    (out as { rows: number[] }).rows = rows;
    (out as { mass: number[] }).mass = mass;
    out.shared = true;
    out.n = n;
    return out;
  }

  /** The lots as objects, made on first reading and kept. */
  get lots(): Lot[] {
    let made = this.made;
    if (made === undefined) {
      made = [];
      for (let i = 0; i < this.n; i++) made.push(rowLotWithMass(this, i, this.mass[i]!));
      this.made = made;
    }
    return made;
  }

  /** Lot mass flow, kg/h, summed in stream order (as lotListMass sums the lots). */
  lotsKg(): number {
    let m = this.massSum;
    if (m === undefined) {
      m = 0;
      for (let i = 0; i < this.n; i++) m += this.mass[i]!;
      this.massSum = m;
    }
    return m;
  }

  /** As a plain stream (JSON, reports): the same keys, in the same order, as a stream literal. */
  toJSON(): { components: Record<string, number>; lots: Lot[]; temperatureK: number } {
    return { components: this.components, lots: this.lots, temperatureK: this.temperatureK };
  }
}

/**
 * Whether two row streams hold the same lots: rows into the same source list, renamed alike (lane
 * and ids), with the same masses and changed numbers (sameNumber) — what a cursor or `lots` reads.
 */
export function sameRowLots(a: RowStream, b: RowStream): boolean {
  const n = a.n;
  if (n !== b.n || a.source !== b.source || a.lane !== b.lane || a.idTable !== b.idTable || a.idColumn !== b.idColumn) return false;
  const ia = a.ids;
  const ib = b.ids;
  if ((ia === null) !== (ib === null)) return false;
  for (let i = 0; i < n; i++) {
    if (a.rows[i] !== b.rows[i] || !sameNumber(a.mass[i]!, b.mass[i]!)) return false;
    if (ia !== null && ia[i] !== ib![i]) return false;
  }
  return sameColumn(a.overLiPerTm, b.overLiPerTm, n) && sameColumn(a.overCationMixing, b.overCationMixing, n)
    && sameColumn(a.overSurfaceRockSalt_nm, b.overSurfaceRockSalt_nm, n) && sameColumn(a.overCrackFraction, b.overCrackFraction, n);
}

/** Whether two changed-number columns agree on their first `n` entries (both absent, or the same values). */
function sameColumn(a: readonly number[] | null, b: readonly number[] | null, n: number): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  for (let i = 0; i < n; i++) if (!sameNumber(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * Object.is for two doubles (0 and −0 differ; NaN is taken as differing from itself, which only
 * means "not the same"), written out: Object.is with doubles boxed both of them on every call.
 */
export function sameNumber(x: number, y: number): boolean {
  return x === y && (x !== 0 || 1 / x === 1 / y);
}

/** Lot `i` of `s` with mass flow `kg`: its source lot's copy, renamed when the rows rename (lotWithMass of lot i, without making lot i). */
export function rowLotWithMass(s: RowStream, i: number, kg: number): Lot {
  const lot = copyLot(s.source[s.rows[i]!]!);
  if (s.lane !== null) {
    lot.id = s.idAt(i);
    lot.lane = s.lane;
  }
  lot.massKgPerHour = kg;
  if (s.overLiPerTm !== null) lot.liPerTm = s.overLiPerTm[i]!;
  if (s.overCationMixing !== null) lot.cationMixing = s.overCationMixing[i]!;
  if (s.overSurfaceRockSalt_nm !== null) lot.surfaceRockSalt_nm = s.overSurfaceRockSalt_nm[i]!;
  if (s.overCrackFraction !== null) lot.crackFraction = s.overCrackFraction[i]!;
  return lot;
}

/**
 * An empty stream of rows into the same lots as `s` — the source of its rows, or its own lots —
 * renamed as `s` is: for a unit that passes on parts of its inlet's lots (pushRowOf).
 */
export function rowsLike(s: Stream, temperatureK: number): RowStream {
  if (!(s instanceof RowStream)) return new RowStream(s.lots, temperatureK, s.lots.length);
  return new RowStream(s.source, temperatureK, s.n, s.lane, s.idTable === null ? null : { table: s.idTable, column: s.idColumn });
}

/** Push lot `i` of `from` with mass flow `kg` onto `to` (made by rowsLike(from)). */
export function pushRowOf(to: RowStream, from: Stream, i: number, kg: number): void {
  if (from instanceof RowStream) to.pushFrom(from, i, kg);
  else to.push(i, kg);
}

/** The same lots as `s` (rows, masses, changed numbers), at `temperatureK`, with no components: a unit that passes every lot on unchanged. */
export function sameRows(s: RowStream, temperatureK: number): RowStream {
  const out = s.derived(temperatureK);
  for (let i = 0; i < s.n; i++) out.mass[i] = s.mass[i]!;
  return out;
}

/** `s` as rows: itself, or rows over its own lots (each with its own mass). */
export function rowsOf(s: Stream): RowStream {
  if (s instanceof RowStream) return s;
  const out = new RowStream(s.lots, s.temperatureK, s.lots.length);
  out.components = s.components;
  for (let li = 0; li < s.lots.length; li++) out.push(li, s.lots[li]!.massKgPerHour);
  return out;
}

/** Every field of a list's lots as columns, read once per list (and kept while it lives): what a cursor reads. */
export interface SourceColumns {
  id: string[];
  origin: string[][];
  chemistry: CathodeChemistry[];
  morphology: Morphology[];
  coating: (string | null)[];
  conductiveNetwork: (string | null)[];
  lane: (string | null)[];
  liPerTm: number[];
  cationMixing: number[];
  surfaceRockSalt_nm: number[];
  crackFraction: number[];
  d50_um: number[];
  coating_nm: number[];
}

const SOURCE_COLUMNS = new WeakMap<readonly Lot[], SourceColumns>();

/** The numbers a unit may change per lot (RowStream's `over…` columns). */
type ChangedNumber = 'liPerTm' | 'cationMixing' | 'surfaceRockSalt_nm' | 'crackFraction';

/**
 * Lists with fewer lots are read from their lot objects, not columns: a Monte Carlo sample's feed
 * is a new list of a dozen lots each time, and making its thirteen columns (and a weak entry for
 * them) cost more than every read of its lots in the sample; a short list of lots fits the
 * processor's caches anyway.
 */
export const COLUMNS_MIN_LOTS = 64;

/** The columns of a list of at least COLUMNS_MIN_LOTS lots (sourceColumnsOf); null for a shorter one. */
function columnsFor(lots: readonly Lot[]): SourceColumns | null {
  return lots.length >= COLUMNS_MIN_LOTS ? sourceColumnsOf(lots) : null;
}

/** The columns of `lots` (made on first use; a list is not changed once a unit has built it). */
export function sourceColumnsOf(lots: readonly Lot[]): SourceColumns {
  let c = SOURCE_COLUMNS.get(lots);
  if (c === undefined || c.liPerTm.length !== lots.length) {
    const n = lots.length;
    // Pushed, not sized: lists of doubles then hold them unboxed from the start.
    c = { id: [], origin: [], chemistry: [], morphology: [], coating: [], conductiveNetwork: [], lane: [], liPerTm: [], cationMixing: [], surfaceRockSalt_nm: [], crackFraction: [], d50_um: [], coating_nm: [] };
    for (let i = 0; i < n; i++) {
      const l = lots[i]!;
      c.id.push(l.id);
      c.origin.push(l.origin);
      c.chemistry.push(l.chemistry);
      c.morphology.push(l.morphology);
      c.coating.push(l.coating);
      c.conductiveNetwork.push(l.conductiveNetwork);
      c.lane.push(l.lane);
      c.liPerTm.push(l.liPerTm);
      c.cationMixing.push(l.cationMixing);
      c.surfaceRockSalt_nm.push(l.surfaceRockSalt_nm);
      c.crackFraction.push(l.crackFraction);
      c.d50_um.push(l.d50_um);
      c.coating_nm.push(l.coating_nm);
    }
    SOURCE_COLUMNS.set(lots, c);
  }
  return c;
}

/**
 * Lot `i` of a row stream read from columns, without making it: one object, moved from lot to lot
 * (`at`), that per-lot functions taking a lot read as one. A pass over tens of thousands of lot
 * objects of ≈ 250 bytes reads more than the processor's caches hold, and costs per lot 2× what it
 * does over a few thousand; over columns it costs the same at both (bench/lot-layout.js). Valid
 * until the next `at`: never kept, never put in a list.
 */
export class LotCursor implements Lot {
  private i = 0;
  private r = 0;
  private s: RowStream;
  /** The source's columns; null for a short source, whose lots are read themselves (columnsFor). */
  private c: SourceColumns | null;

  constructor(s: RowStream) {
    this.s = s;
    this.c = columnsFor(s.source);
  }

  /**
   * This cursor over the lots of `s` (then at its first lot), as a new cursor over `s` would be: a
   * caller reading several streams one after another moves one cursor from stream to stream instead
   * of making one per stream and Monte Carlo sample.
   */
  over(s: RowStream): this {
    this.s = s;
    this.c = columnsFor(s.source);
    this.i = 0;
    this.r = 0;
    return this;
  }

  /** This cursor at lot `i`. */
  at(i: number): this {
    this.i = i;
    this.r = this.s.rows[i]!;
    return this;
  }

  /** The source lot of the current row (a short source's). */
  private get lot(): Lot { return this.s.source[this.r]!; }

  get id(): string { return this.s.idAt(this.i); }
  get origin(): string[] { const c = this.c; return c !== null ? c.origin[this.r]! : this.lot.origin; }
  get chemistry(): CathodeChemistry { const c = this.c; return c !== null ? c.chemistry[this.r]! : this.lot.chemistry; }
  get massKgPerHour(): number { return this.s.mass[this.i]!; }
  get liPerTm(): number { const o = this.s.overLiPerTm; if (o !== null) return o[this.i]!; const c = this.c; return c !== null ? c.liPerTm[this.r]! : this.lot.liPerTm; }
  get cationMixing(): number { const o = this.s.overCationMixing; if (o !== null) return o[this.i]!; const c = this.c; return c !== null ? c.cationMixing[this.r]! : this.lot.cationMixing; }
  get surfaceRockSalt_nm(): number { const o = this.s.overSurfaceRockSalt_nm; if (o !== null) return o[this.i]!; const c = this.c; return c !== null ? c.surfaceRockSalt_nm[this.r]! : this.lot.surfaceRockSalt_nm; }
  get crackFraction(): number { const o = this.s.overCrackFraction; if (o !== null) return o[this.i]!; const c = this.c; return c !== null ? c.crackFraction[this.r]! : this.lot.crackFraction; }
  get morphology(): Morphology { const c = this.c; return c !== null ? c.morphology[this.r]! : this.lot.morphology; }
  get d50_um(): number { const c = this.c; return c !== null ? c.d50_um[this.r]! : this.lot.d50_um; }
  get coating_nm(): number { const c = this.c; return c !== null ? c.coating_nm[this.r]! : this.lot.coating_nm; }
  get coating(): string | null { const c = this.c; return c !== null ? c.coating[this.r]! : this.lot.coating; }
  get conductiveNetwork(): string | null { const c = this.c; return c !== null ? c.conductiveNetwork[this.r]! : this.lot.conductiveNetwork; }
  get lane(): string | null { if (this.s.lane !== null) return this.s.lane; const c = this.c; return c !== null ? c.lane[this.r]! : this.lot.lane; }
}

/** `s` scaled by `factor` as rows of its lots (scaleStream's copy: components multiplied, each lot's mass multiplied). */
export function scaledRows(s: Stream, factor: number): RowStream {
  const out = new RowStream(s.lots, s.temperatureK, s.lots.length);
  for (const k in s.components) out.components[k] = s.components[k]! * factor;
  for (let li = 0; li < s.lots.length; li++) out.push(li, s.lots[li]!.massKgPerHour * factor);
  return out;
}
