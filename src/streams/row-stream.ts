/**
 * A stream whose lots are rows of another lot list — which lot, its mass and, in a sorting lane,
 * its new id — kept as rows until something reads them as lot objects. Units that change only how
 * much of each lot goes where (the feed scaled to the throughput, a sorter's lanes, the CAM a
 * delamination loses with the foil) make rows instead of a copy of every lot: a sorter sends every
 * lot to every lane its confusion-matrix row reaches, so a feed of n lots made about 5n lane lots,
 * and most lanes end as by-products, where only their mass, elements and market parcels are read.
 * Measured before rows (issue 19): the by-product lanes alone were ≈ 35 % of an evaluation of
 * 4,000 or 40,000 lots.
 *
 * Rows read as the lots the units built before: `lots` makes, on first reading, each lot as a copy
 * of its source lot with the row's mass (and, renamed, the row's id and the lane), once — the same
 * objects on every later reading. Every sum from the rows is the one the lot objects give: the same
 * numbers, added in the same order.
 */
import type { Lot } from './lot.js';
import { copyLot } from './lot.js';
import type { Stream } from './stream.js';

/** A stream with its lots as rows of `source`. */
export class RowStream implements Stream {
  /** Component id → kg/h (filled by the unit, as any stream's). */
  components: Record<string, number> = {};
  temperatureK: number;
  /** Number of lots (rows). */
  n = 0;
  /** Index in `source` of each lot, in stream order (the first `n` entries). */
  rows: Int32Array;
  /** Mass flow of each lot, kg/h, in stream order (the first `n` entries). */
  mass: Float64Array;
  /**
   * Each lot's id when the rows rename them (a sorting lane: `<id>@<lane>`) and no id table is
   * given; null otherwise (idAt).
   */
  readonly ids: string[] | null;
  /** Renamed rows' ids by source row (column `idColumn` of each entry), kept by the sorter across evaluations; null: `ids`. */
  readonly idTable: readonly (readonly string[])[] | null;
  readonly idColumn: number;
  private made: Lot[] | undefined;
  private massSum: number | undefined;

  /**
   * @param source the lots the rows point into (not copied: lots are immutable, and a unit's inlet
   *   list is not changed after the unit has run)
   * @param capacity the rows a unit will push at most (more grow the storage): storage made once,
   *   at its size — arrays grown push by push to tens of thousands of entries cost more than all
   *   the rows' arithmetic (measured, issue 19)
   * @param lane with it, the rows are renamed: each lot gets this lane and the id pushed with it —
   *   or, with `idTable`, column `table.column` of the table's entry for its source row (ids the
   *   sorter keeps per feed row, so that a lane stores none)
   */
  constructor(readonly source: readonly Lot[], temperatureK: number, capacity: number, readonly lane: string | null = null, idTable: { table: readonly (readonly string[])[]; column: number } | null = null) {
    this.temperatureK = temperatureK;
    // One store for both (each store of more than 64 bytes is allocated outside the heap, zeroed).
    const store = new ArrayBuffer(capacity * 12);
    this.mass = new Float64Array(store, 0, capacity);
    this.rows = new Int32Array(store, capacity * 8, capacity);
    this.idTable = lane !== null && idTable !== null ? idTable.table : null;
    this.idColumn = idTable?.column ?? 0;
    // Sized, not pushed (as the two typed arrays): filled in order up to `n`.
    this.ids = lane !== null && this.idTable === null ? new Array<string>(capacity) : null;
  }

  /** The id of lot `i`. */
  idAt(i: number): string {
    if (this.ids !== null) return this.ids[i]!;
    if (this.idTable !== null) return this.idTable[this.rows[i]!]![this.idColumn]!;
    return this.source[this.rows[i]!]!.id;
  }

  /** Add a lot: `source[row]` with mass flow `massKgPerHour` (and `id`, when the rows rename). */
  push(row: number, massKgPerHour: number, id?: string): void {
    const k = this.n;
    if (k === this.rows.length) this.grow();
    this.rows[k] = row;
    this.mass[k] = massKgPerHour;
    if (this.ids !== null) this.ids[k] = id!;
    this.n = k + 1;
    this.made = undefined;
    this.massSum = undefined;
  }

  private grow(): void {
    const size = Math.max(8, 2 * this.rows.length);
    const rows = new Int32Array(size);
    rows.set(this.rows);
    const mass = new Float64Array(size);
    mass.set(this.mass);
    this.rows = rows;
    this.mass = mass;
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

/** Lot `i` of `s` with mass flow `kg`: its source lot's copy, renamed when the rows rename (lotWithMass of lot i, without making lot i). */
export function rowLotWithMass(s: RowStream, i: number, kg: number): Lot {
  const lot = copyLot(s.source[s.rows[i]!]!);
  if (s.lane !== null) {
    lot.id = s.idAt(i);
    lot.lane = s.lane;
  }
  lot.massKgPerHour = kg;
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
  if (from instanceof RowStream) to.push(from.rows[i]!, kg, from.lane === null ? undefined : from.idAt(i));
  else to.push(i, kg);
}

/** `s` scaled by `factor` as rows of its lots (scaleStream's copy: components multiplied, each lot's mass multiplied). */
export function scaledRows(s: Stream, factor: number): RowStream {
  const out = new RowStream(s.lots, s.temperatureK, s.lots.length);
  for (const k in s.components) out.components[k] = s.components[k]! * factor;
  for (let li = 0; li < s.lots.length; li++) out.push(li, s.lots[li]!.massKgPerHour * factor);
  return out;
}
