/**
 * A sorting lane's stream, with its lots kept as rows of the sorted list (which lot, its lane id,
 * its mass) until something reads them as lot objects. A sorter sends every lot to every lane its
 * confusion-matrix row reaches, so a feed of n lots makes about 5n lane lots; most lanes end as
 * by-products, where only their mass, elements and market parcels are read — from the rows, without
 * a lot object each. Measured before this (issue 19): the copies into by-product lanes and their
 * readings were ≈ 35 % of an evaluation of 4,000 or 40,000 lots.
 *
 * The rows read as the lots sortItems built before: `lots` makes, on first reading, each lot as a
 * copy of its sorted lot with the lane's id, the lane and the row's mass, once (the same objects on
 * every later reading). Every sum from the rows is the one the lot objects give: the same numbers,
 * added in the same order.
 */
import type { Lot } from './lot.js';
import { copyLot } from './lot.js';
import type { Stream } from './stream.js';

/** The stream of one sorting lane: components as any stream's, lots as rows of the sorted list. */
export class LaneStream implements Stream {
  /** Component id → kg/h (filled by the sorter, as any stream's). */
  components: Record<string, number> = {};
  temperatureK: number;
  /** Index in `sorted` of each lane lot, in lane order. */
  readonly rows: number[] = [];
  /** Lane lot ids (`<id>@<lane>`), in lane order. */
  readonly ids: string[] = [];
  /** Mass flow of each lane lot, kg/h, in lane order. */
  readonly mass: number[] = [];
  private made: Lot[] | undefined;
  private massSum: number | undefined;

  /**
   * @param sorted the sorter's inlet lots (not copied: lots are immutable, and the inlet list is
   *   not changed after the unit has run)
   * @param lane the lane's name, each lot's `lane`
   */
  constructor(readonly sorted: readonly Lot[], readonly lane: string, temperatureK: number) {
    this.temperatureK = temperatureK;
  }

  /** Add the lane lot of `sorted[row]` with its lane id and mass. */
  push(row: number, id: string, massKgPerHour: number): void {
    this.rows.push(row);
    this.ids.push(id);
    this.mass.push(massKgPerHour);
    this.made = undefined;
    this.massSum = undefined;
  }

  /** The lane's lots as objects, made on first reading (sortItems' copies) and kept. */
  get lots(): Lot[] {
    let made = this.made;
    if (made === undefined) {
      made = [];
      for (let i = 0; i < this.rows.length; i++) {
        const lot = copyLot(this.sorted[this.rows[i]!]!);
        lot.id = this.ids[i]!;
        lot.lane = this.lane;
        lot.massKgPerHour = this.mass[i]!;
        made.push(lot);
      }
      this.made = made;
    }
    return made;
  }

  /** Lot mass flow, kg/h, summed in lane order (as lotListMass sums the lots). */
  lotsKg(): number {
    let m = this.massSum;
    if (m === undefined) {
      m = 0;
      for (let i = 0; i < this.mass.length; i++) m += this.mass[i]!;
      this.massSum = m;
    }
    return m;
  }

  /** As a plain stream (JSON, reports): the same keys, in the same order, as a stream literal. */
  toJSON(): { components: Record<string, number>; lots: Lot[]; temperatureK: number } {
    return { components: this.components, lots: this.lots, temperatureK: this.temperatureK };
  }
}
