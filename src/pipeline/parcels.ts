/**
 * Parcels of CAM as the economics input sums them (economics-input.ts): a feed lot's sub-lots, and
 * off-spec product and CAM leaving as by-products grouped by chemistry, grade and origin — each
 * parcel its element flows, mass flow and count, summed lot by lot in order of addition.
 */
import { ELEMENTS } from '../chemistry/elements.js';
import type { CathodeChemistry } from '../chemistry/cathode.js';
import { ElementFlows } from '../streams/element-flows.js';
import { COLUMNS_MIN_LOTS, RowStream, sourceColumnsOf } from '../streams/row-stream.js';
import type { Lot } from '../streams/lot.js';
import type { MaterialGrade } from '../economics/market.js';
import { OrderedGroups } from '../economics/groups.js';
import { baseName } from '../balances/quality.js';

/**
 * Sums of element flows lent to the parcels of one economicsInput call (newParcels), taken from
 * the start of the list at every call: a Monte Carlo sample's dozen parcels reuse the sums of the
 * last sample instead of lists of their lots and a sum each. Read only within the call that took
 * them (their records are new); economicsInput calls nothing that calls it back.
 */
const PARCEL_SUMS: ElementFlows[] = [];
let parcelSumsTaken = 0;

/** Lend the sums from the start of the list again: at the start of every economicsInput call. */
export function resetParcelSums(): void {
  parcelSumsTaken = 0;
}

/**
 * Parcels of CAM, each of a chemistry at a Li/TM with a mass flow (kg/h), summed as they are added:
 * the element flows of their lots (an ElementFlows sum, lot by lot in order of addition: the sums
 * a sum of the lots made at the end would hold), their mass flow (summed in order from 0, as
 * lotListMass sums their lots) and how many there are. A row stream's lots are read as the
 * numbers of its rows, not made.
 */
export interface Parcels {
  sum: ElementFlows;
  kg: number;
  count: number;
  /** Whether only Li, Ni and Co are summed (ElementFlows.addLotPayables): parcels of a sample, read by paidElements alone. */
  payablesOnly: boolean;
}

/** New parcels (none yet), with a sum of the current call; `payablesOnly` for a sample's (read by paidElements alone). */
export function newParcels(payablesOnly: boolean): Parcels {
  if (parcelSumsTaken === PARCEL_SUMS.length) PARCEL_SUMS.push(new ElementFlows());
  return { sum: PARCEL_SUMS[parcelSumsTaken++]!.reset(), kg: 0, count: 0, payablesOnly };
}

/** Add a lot of `chemistry` at `liPerTm` with mass flow `kg`. */
export function addParcel(p: Parcels, chemistry: CathodeChemistry, liPerTm: number, kg: number): void {
  if (p.payablesOnly) p.sum.addLotPayables(chemistry, liPerTm, kg);
  else p.sum.addLotValues(chemistry, liPerTm, kg);
  p.kg += kg;
  p.count++;
}

/**
 * Element flows over a year, kg, of parcels (as an ElementFlows sum of their lots, lot by lot):
 * a sample's parcels (payablesOnly) their Ni, Co and Li alone (paidElements).
 */
export function parcelElements(p: Parcels, hours: number): Record<string, number> {
  return p.payablesOnly ? paidElements(p, hours) : (p.sum.record(hours) as Record<string, number>);
}

/** Indices (into ELEMENTS) of the elements a sample's economics reads of a parcel: Ni, Co and Li. */
const NI = ELEMENTS.indexOf('Ni');
const CO = ELEMENTS.indexOf('Co');
const LI = ELEMENTS.indexOf('Li');

/**
 * parcelElements reduced to Ni, Co and Li (each only when contributed to, as in the full record):
 * all that the economics reads of a Monte Carlo sample's elements — payables of feed lines
 * (market.ts sampleFeedLine) and of off-spec parcels (offspec.ts valueOffSpec) — so a sample's
 * parcels sum three elements (addLotPayables) into a record of three keys, not every element of
 * their frames. Report runs' parcels sum every element, into the full record.
 */
function paidElements(p: Parcels, hours: number): Record<string, number> {
  const s = p.sum;
  const out: Record<string, number> = {};
  if (s.has(NI)) out.Ni = s.kgAt(NI) * hours;
  if (s.has(CO)) out.Co = s.kgAt(CO) * hours;
  if (s.has(LI)) out.Li = s.kgAt(LI) * hours;
  return out;
}

/** Off-spec CAM of one chemistry, grade and (when from one feed lot) origin, as parcels. */
export type OffSpecGroup = { chemistry: string; grade: MaterialGrade; origin: string | null; parcels: Parcels };

/**
 * The off-spec groups of one economicsInput call: off-spec product and CAM parcels leaving as
 * by-products, by chemistry (its base name), by the grade of the stream they leave in and, when
 * from one feed lot, its origin — in order of first appearance, found by chemistry → grade →
 * origin (no key text per lot; a handful by a scan, many through maps: economics/groups.ts).
 * A lot is added as its numbers (no lot object, no cursor), and one that falls in the group of the
 * lot before it (the same chemistry object, grade and origin: the sub-lots of a feed lot follow
 * one another) finds it without a look-up.
 */
export class OffSpecGroups {
  readonly groups = new OrderedGroups<string, MaterialGrade, OffSpecGroup>();
  /** The base name of the last chemistry name seen (a pure function of the name; a name with a suffix is sliced into a new string per call). */
  private lastName = '';
  private lastBase = '';
  /** The group the last lot was added to, and its chemistry object, grade and origin. */
  private last: OffSpecGroup | undefined = undefined;
  private lastChemistry: CathodeChemistry | undefined = undefined;
  private lastGrade: MaterialGrade | undefined = undefined;
  private lastOrigin: string | null = null;

  constructor(private readonly sample: boolean) {}

  /** Add a lot of `chemistry` at `liPerTm` from `origin` (its origin list) with mass flow `kg`, leaving as `grade`. */
  add(chemistry: CathodeChemistry, liPerTm: number, origin: readonly string[], kg: number, grade: MaterialGrade): void {
    const from = origin.length === 1 ? origin[0]! : null;
    let g = this.last;
    if (g === undefined || chemistry !== this.lastChemistry || grade !== this.lastGrade || from !== this.lastOrigin) {
      const name = chemistry.name;
      if (name !== this.lastName) {
        this.lastName = name;
        this.lastBase = baseName(name);
      }
      const base = this.lastBase;
      g = this.groups.find(base, grade, from ?? '');
      if (g === undefined) {
        g = { chemistry: base, grade, origin: from, parcels: newParcels(this.sample) };
        this.groups.add(g, base, grade, from ?? '');
      }
      this.last = g;
      this.lastChemistry = chemistry;
      this.lastGrade = grade;
      this.lastOrigin = from;
    }
    addParcel(g.parcels, chemistry, liPerTm, kg);
  }

  /** Add lot `l` (an object) with mass flow `kg`. */
  addLot(l: Lot, kg: number, grade: MaterialGrade): void {
    this.add(l.chemistry, l.liPerTm, l.origin, kg, grade);
  }

  /**
   * Add row `i` of `s`: its source lot's chemistry and origin, its Li/TM (the row's own when the
   * stream changed it) and its mass — what a cursor at the row reads, read here directly (a long
   * source's from its columns, as the cursor reads them).
   */
  addRow(s: RowStream, i: number, grade: MaterialGrade): void {
    const r = s.rows[i]!;
    const over = s.overLiPerTm;
    if (s.source.length >= COLUMNS_MIN_LOTS) {
      const c = sourceColumnsOf(s.source);
      this.add(c.chemistry[r]!, over !== null ? over[i]! : c.liPerTm[r]!, c.origin[r]!, s.mass[i]!, grade);
    } else {
      const l = s.source[r]!;
      this.add(l.chemistry, over !== null ? over[i]! : l.liPerTm, l.origin, s.mass[i]!, grade);
    }
  }
}
