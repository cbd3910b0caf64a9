/**
 * From a solved, sized and quality-checked flowsheet to the yearly quantities the economics price:
 * feed lots, equipment, labour, utilities, reagents, consumables, products in and off spec,
 * by-products, waste, wastewater and emissions.
 */
import type { EconomicsInput } from '../economics/input.js';
import type { ResolvedPrices } from '../economics/prices.js';
import type { PlantSizing } from '../design/types.js';
import type { QualityReport } from '../balances/quality.js';
import { lotInSpec, offSpecRowsOf, residualLiSaltsFraction } from '../balances/quality.js';
import { gradeOf } from '../economics/market.js';
import { PriceBook } from '../economics/price-book.js';
import { byproductLine } from '../economics/opex-lines.js';
import { component, COMPONENT_IDS } from '../chemistry/components.js';
import type { BalanceReport } from '../balances/report.js';
import type { Solution } from '../balances/solver.js';
import type { GraphStream } from '../graph/build.js';
import type { UnitDesign, CostCorrelation, EquipmentSpec } from '../unit-ops/contract.js';
import { DEFAULT_COMPOSITION, type FeedBasis, type LotSpec } from '../schema/feed.js';
import { lotsMass, streamMass, type Stream } from '../streams/stream.js';
import { LotCursor, RowStream, sameNumber } from '../streams/row-stream.js';
import type { Lot } from '../streams/lot.js';
import type { ProductSpec } from '../schema/spec.js';
import type { Model } from './resolve.js';
import { addParcel, newParcels, OffSpecGroups, parcelElements, resetParcelSums, type Parcels } from './parcels.js';

/** Share of water above which a stream to `waste` is priced as wastewater rather than solid waste. */
export const WASTEWATER_WATER_SHARE = 0.5;

/**
 * A by-product stream is sold as one parcel of cathode-bearing material (its lots at their market
 * grade, its other solids riding along unpaid) when its CAM makes at least this share of its solids;
 * otherwise it is sold as what it mostly is — its components as scrap (Al foil…), the CAM left on
 * them riding along unpaid. Assumption: material is traded as what it mostly is.
 */
export const PARCEL_CAM_SHARE = 0.5;

/** The ids of the solid components (the registry is fixed): one look-up per component of a stream, not two. */
const SOLID_IDS: ReadonlySet<string> = new Set(COMPONENT_IDS.filter((id) => component(id).phase === 'solid'));

/** Solid mass of a stream's components (CAM lots apart), kg/h. */
function componentSolids(s: Stream): number {
  let m = 0;
  for (const id in s.components) if (SOLID_IDS.has(id)) m += s.components[id]!;
  return m;
}

/**
 * The cursor economicsInput reads row streams through (LotCursor.over per stream): each stream's
 * lots are read, one after another, within one call (a cursor is valid until its next `at`, and
 * nothing keeps it), so one object serves every call instead of half a dozen per Monte Carlo sample.
 * Made at the first row stream read; it holds the last stream read until the next call.
 */
let rowCursor: LotCursor | undefined;

/** rowCursor over the lots of `s`. */
function cursorOver(s: RowStream): LotCursor {
  return rowCursor === undefined ? (rowCursor = new LotCursor(s)) : rowCursor.over(s);
}

/** A record of hourly flows as yearly amounts. */
function perYear(r: Record<string, number>, hours: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in r) out[k] = r[k]! * hours;
  return out;
}

/**
 * The feed's sub-lots grouped by their single origin, in stream order: one pass over the lots, so
 * the feed lines cost O(lots) rather than a scan of every sub-lot per feed lot (O(lots²)).
 */
function subLotsByOrigin(feed: Stream, spec: ProductSpec, feedSalts: number, sample: boolean): Map<string, { all: Parcels; inSpec: Parcels }> {
  const out = new Map<string, { all: Parcels; inSpec: Parcels }>();
  // A row stream's lots read through a cursor (row-stream.ts).
  const cursor = feed instanceof RowStream ? cursorOver(feed) : undefined;
  const n = cursor ? (feed as RowStream).n : feed.lots.length;
  for (let li = 0; li < n; li++) {
    const x = cursor ? cursor.at(li) : feed.lots[li]!;
    if (x.origin.length !== 1) continue;
    const id = x.origin[0]!;
    let g = out.get(id);
    if (!g) out.set(id, (g = { all: newParcels(sample), inSpec: newParcels(sample) }));
    const kg = x.massKgPerHour;
    const chemistry = x.chemistry;
    const liPerTm = x.liPerTm;
    addParcel(g.all, chemistry, liPerTm, kg);
    if (lotInSpec(spec, x, feedSalts)) addParcel(g.inSpec, chemistry, liPerTm, kg);
  }
  return out;
}

/**
 * The cost correlation of a unit's item (the last item of that name, as a map filled in order
 * would hold): found in the unit's own short list (`list`, its design's equipment), without a map
 * or a key text per sample.
 */
function costIn(list: readonly EquipmentSpec[] | undefined, name: string): CostCorrelation | undefined {
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.name === name) return list[i]!.cost;
  return undefined;
}

/** An equipment line of the economics input. */
type EquipmentLine = EconomicsInput['equipment'][number];

/**
 * The equipment lines of the last sample, by position in its list. A sample sizes most items as
 * the sample before did (the same catalogue size and count): such a line is that sample's object
 * — the same values; only read, never changed, by the economics, as the feed lines it shares
 * (EconomicsInputOptions.sample) — not a new one per item and sample.
 */
const LAST_EQUIPMENT: EquipmentLine[] = [];

/** LAST_EQUIPMENT[k] when it holds these values (the same strings, numbers and correlation object), else a new line kept there. */
function sampleEquipmentLine(k: number, unitId: string, name: string, size: number, sizeUnit: string, count: number, cost: CostCorrelation): EquipmentLine {
  const last = LAST_EQUIPMENT[k];
  if (last !== undefined && last.cost === cost && last.unitId === unitId && last.name === name && sameNumber(last.size, size) && last.sizeUnit === sizeUnit && sameNumber(last.count, count)) return last;
  const line = { unitId, name, size, sizeUnit, count, cost };
  // Filled in order (k is at most the list's length): the list stays packed.
  LAST_EQUIPMENT[k] = line;
  return line;
}

/**
 * The input's equipment: every item installed (count > 0), with its cost correlation (costIn). A
 * sizing lists a unit's items one after another, so its design is looked up once per run of them,
 * not once per item. Pushed, not mapped: optimized code maps into a holey list, and the first one
 * to reach the economics threw its optimized code away (≈ sample 200 of a run). A sample's lines
 * may be the last sample's (sampleEquipmentLine); a report's are its own.
 */
function equipmentLines(sizing: PlantSizing, designs: ReadonlyMap<string, UnitDesign>, sample: boolean): EconomicsInput['equipment'] {
  const out: EconomicsInput['equipment'] = [];
  const items = sizing.equipment;
  let unitId: string | undefined;
  let list: readonly EquipmentSpec[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const e = items[i]!;
    if (!(e.count > 0)) continue;
    if (e.unitId !== unitId) {
      unitId = e.unitId;
      list = designs.get(unitId)?.equipment;
    }
    const cost = costIn(list, e.name)!;
    if (sample) out.push(sampleEquipmentLine(out.length, e.unitId, e.name, e.size, e.sizeUnit, e.count, cost));
    else out.push({ unitId: e.unitId, name: e.name, size: e.size, sizeUnit: e.sizeUnit, count: e.count, cost });
  }
  return out;
}

/** A feed lot's line of the economics input. */
type FeedLine = EconomicsInput['feedLots'][number];

/**
 * The line of feed lot `l`: its scrap and CAM, its market grade (from its composition, the rule
 * that grades every parcel leaving) and, from `all` and `inSpec` (its sub-lots and those of them
 * already in spec at entry; none when the feed has no sub-lot of it), its elements.
 */
function feedLineOf(model: Model, l: LotSpec, all: Parcels | undefined, inSpec: Parcels | undefined, hours: number): FeedLine {
  const composition = l.composition ?? DEFAULT_COMPOSITION[model.feed.basis];
  const scrap = l.share * model.plant.capacity;
  const line: FeedLine = {
    id: l.id, chemistry: l.chemistry.name, family: l.chemistry.family, scrapKgPerYear: scrap, camKgPerYear: scrap * (composition.cam ?? 0), elementsKgPerYear: all ? parcelElements(all, hours) : {},
    grade: gradeOf(composition.cam ?? 0, composition),
  };
  // Added to the line itself (a spread copy extended with a key takes V8's slow path per sample).
  if (inSpec && inSpec.count) line.inSpecAtEntry = { camKgPerYear: inSpec.kg * hours, elementsKgPerYear: parcelElements(inSpec, hours) };
  return line;
}

/** Feed lots as delivered, one line each (feedLineOf), their sub-lots found in one pass over the feed. */
function feedLines(model: Model, feed: Stream, hours: number, feedSalts: number, sample: boolean): FeedLine[] {
  const subLotsOf = subLotsByOrigin(feed, model.spec, feedSalts, sample);
  const out: FeedLine[] = [];
  for (const l of model.feed.lots) {
    const subLots = subLotsOf.get(l.id);
    out.push(feedLineOf(model, l, subLots?.all, subLots?.inSpec, hours));
  }
  return out;
}

/** A feed line a sample made, with everything it was made from. */
interface FeedLineMemo {
  lot: LotSpec;
  basis: FeedBasis;
  capacity: number;
  hours: number;
  spec: ProductSpec;
  feedSalts: number;
  /** Its sub-lots: the source lot and the mass of each of its rows in the feed, in stream order. */
  sources: Lot[];
  masses: number[];
  line: FeedLine;
}

/**
 * The feed lines of the last sample, by position of their lot in the feed; the position of each
 * lot id; and, per position, during one call: rows matched so far and whether the line is made
 * again. A Monte Carlo sample patches one feed lot (a new object) and keeps the others: their
 * lines — sums over their sub-lots, each judged against the spec — are the last sample's.
 */
const FEED_MEMOS: (FeedLineMemo | undefined)[] = [];
const POSITION_OF_ID = new Map<string, number>();
const MATCHED: number[] = [];
const REMADE: boolean[] = [];
/**
 * Per row of the feed, during one call: the position of its lot (its single origin) in the feed,
 * -1 for a row of no single known origin — found once by sampleFeedLines, read again by
 * remakeFeedLines (no second look-up by id per row).
 */
const ROW_POSITION: number[] = [];
/**
 * Per row of the last call's feed: the source lot whose origin gave its ROW_POSITION. A lot object
 * is never changed, so the same lot at the same row has the same position while POSITION_OF_ID is
 * unchanged: a Monte Carlo sample's feed keeps every source lot but the one it patched, whose rows
 * alone are looked up again.
 */
const ROW_SOURCE: (Lot | undefined)[] = [];

/**
 * The feed lines of a sample (EconomicsInputOptions.sample), each the last sample's line object
 * when everything it is made from is the same: its lot object (immutable once validated), the feed
 * basis, plant capacity, operating hours, spec object and the feed's residual salts, and its rows —
 * the same source lot objects with the same masses, in the same order — the others made as
 * feedLines makes them (the same sums in the same order). Undefined for a feed these cannot be read
 * from (not rows of unchanged source lots, or two lots of one id): feedLines makes them then.
 */
function sampleFeedLines(model: Model, feed: Stream, hours: number, feedSalts: number): FeedLine[] | undefined {
  if (!(feed instanceof RowStream) || feed.changesState() || feed.lane !== null || feed.ids !== null || feed.idTable !== null) return undefined;
  const lots = model.feed.lots;
  let known = POSITION_OF_ID.size === lots.length;
  for (let j = 0; known && j < lots.length; j++) known = POSITION_OF_ID.get(lots[j]!.id) === j;
  if (!known) {
    POSITION_OF_ID.clear();
    ROW_SOURCE.length = 0;
    for (let j = 0; j < lots.length; j++) POSITION_OF_ID.set(lots[j]!.id, j);
    if (POSITION_OF_ID.size !== lots.length) return undefined;
  }
  const basis = model.feed.basis;
  const capacity = model.plant.capacity;
  // Cut only when the feed has fewer lots (setting a list's length is a call into the runtime): a
  // longer feed's new positions are undefined below, so remade, and filled in order by remakeFeedLines.
  if (FEED_MEMOS.length > lots.length) FEED_MEMOS.length = lots.length;
  for (let j = 0; j < lots.length; j++) {
    const m = FEED_MEMOS[j];
    MATCHED[j] = 0;
    REMADE[j] = !(m !== undefined && m.lot === lots[j] && m.basis === basis && sameNumber(m.capacity, capacity) && sameNumber(m.hours, hours) && m.spec === model.spec && sameNumber(m.feedSalts, feedSalts));
  }
  // Each row of a lot whose line may be kept is the next one of its memo, or the line is made again.
  // A row's origin is its source lot's (the cursor reads it there).
  let remade = false;
  for (let i = 0; i < feed.n; i++) {
    const source = feed.source[feed.rows[i]!]!;
    let j: number;
    if (ROW_SOURCE[i] === source) j = ROW_POSITION[i]!;
    else {
      const origin = source.origin;
      j = origin.length === 1 ? POSITION_OF_ID.get(origin[0]!) ?? -1 : -1;
      ROW_SOURCE[i] = source;
      ROW_POSITION[i] = j;
    }
    if (j < 0 || REMADE[j]) continue;
    const m = FEED_MEMOS[j]!;
    const k = MATCHED[j]!;
    if (k < m.sources.length && m.sources[k] === source && sameNumber(m.masses[k]!, feed.mass[i]!)) MATCHED[j] = k + 1;
    else REMADE[j] = true;
  }
  for (let j = 0; j < lots.length; j++) {
    if (!REMADE[j] && MATCHED[j] !== FEED_MEMOS[j]!.sources.length) REMADE[j] = true;
    if (REMADE[j]) remade = true;
  }
  if (remade) remakeFeedLines(model, feed, cursorOver(feed), hours, feedSalts);
  const out: FeedLine[] = [];
  for (let j = 0; j < lots.length; j++) out.push(FEED_MEMOS[j]!.line);
  return out;
}

/** The lines sampleFeedLines makes again (REMADE), as feedLines makes them, kept in FEED_MEMOS with their rows (found by ROW_POSITION). */
function remakeFeedLines(model: Model, feed: RowStream, cursor: LotCursor, hours: number, feedSalts: number): void {
  const lots = model.feed.lots;
  const made: ({ all: Parcels; inSpec: Parcels; sources: Lot[]; masses: number[] } | undefined)[] = [];
  for (let i = 0; i < feed.n; i++) {
    const j = ROW_POSITION[i]!;
    if (j < 0 || !REMADE[j]) continue;
    const x = cursor.at(i);
    let g = made[j];
    if (!g) made[j] = g = { all: newParcels(true), inSpec: newParcels(true), sources: [], masses: [] };
    const kg = x.massKgPerHour;
    const chemistry = x.chemistry;
    const liPerTm = x.liPerTm;
    addParcel(g.all, chemistry, liPerTm, kg);
    if (lotInSpec(model.spec, x, feedSalts)) addParcel(g.inSpec, chemistry, liPerTm, kg);
    g.sources.push(feed.source[feed.rows[i]!]!);
    g.masses.push(feed.mass[i]!);
  }
  for (let j = 0; j < lots.length; j++) {
    if (!REMADE[j]) continue;
    const g = made[j];
    FEED_MEMOS[j] = {
      lot: lots[j]!, basis: model.feed.basis, capacity: model.plant.capacity, hours, spec: model.spec, feedSalts,
      sources: g?.sources ?? [], masses: g?.masses ?? [], line: feedLineOf(model, lots[j]!, g?.all, g?.inSpec, hours),
    };
  }
}

/**
 * The streams economicsInput reads, by where they end (graph.streams order): the product streams,
 * the by-product, emissions and waste streams. Planned once per graph's stream list (the graph is
 * kept per flowsheet structure: resolve-flowsheet.ts), not found by a pass over every stream — and
 * a second one — per Monte Carlo sample.
 */
interface BoundaryStreams {
  products: readonly string[];
  /** Streams to a by-product, emissions or waste boundary, in graph order, with their boundary. */
  leaving: readonly string[];
  to: readonly ('byproduct' | 'emissions' | 'waste')[];
}

const BOUNDARY_STREAMS = new WeakMap<readonly GraphStream[], BoundaryStreams>();

/** The boundary streams of a graph's stream list (BoundaryStreams), made once per list. */
function boundaryStreams(streams: readonly GraphStream[]): BoundaryStreams {
  let plan = BOUNDARY_STREAMS.get(streams);
  if (!plan) {
    const products: string[] = [];
    const leaving: string[] = [];
    const to: ('byproduct' | 'emissions' | 'waste')[] = [];
    for (const s of streams) {
      if (s.to.node === 'product') products.push(s.id);
      // Only streams to a boundary (no port) are priced as leaving; product streams are valued above.
      else if (s.to.port === null && (s.to.node === 'byproduct' || s.to.node === 'emissions' || s.to.node === 'waste')) {
        leaving.push(s.id);
        to.push(s.to.node);
      }
    }
    BOUNDARY_STREAMS.set(streams, (plan = { products, leaving, to }));
  }
  return plan;
}

/** How economicsInput is called. */
export interface EconomicsInputOptions {
  /**
   * true (Monte Carlo samples, evaluate's mode 'sample'): feed lines may be the objects a previous
   * sample made (sampleFeedLines) — the same values; only read, never changed, by the economics —
   * and the elements of feed lines and off-spec parcels are their Ni, Co and Li only (paidElements:
   * what the economics reads of them). Report runs get lines of their own, with every element,
   * which callers keep and may change.
   */
  sample?: boolean;
}

/** What leaves the plant other than product, per year (leavingFlows). */
interface LeavingFlows {
  byproducts: Record<string, number>;
  emissions: Record<string, number>;
  waste: number;
  wastewater: number;
}

/**
 * The streams leaving to a by-product, emissions or waste boundary, per year: a by-product stream
 * that is mostly CAM is sold as parcels (handed to `addOff`, the off-spec groups'), another's
 * components are sold when they have a scrap price and landfilled when not; emissions by
 * component; a waste stream is wastewater when mostly water.
 */
function leavingFlows(plan: BoundaryStreams, solution: Solution, prices: ResolvedPrices, hours: number, off: OffSpecGroups): LeavingFlows {
  const byproducts: Record<string, number> = {};
  const emissions: Record<string, number> = {};
  let waste = 0;
  let wastewater = 0;
  // Scrap prices read by slot (opex-lines.ts byproductLine, one per component id): the book, made at
  // the first component read, finds each entry by position in its base's slot table instead of a
  // key joined and looked up in a record of ~70 prices per component and sample. hasAt records nothing.
  let book: PriceBook | undefined;
  for (let b = 0; b < plan.leaving.length; b++) {
    const stream = solution.streams.get(plan.leaving[b]!)!;
    const to = plan.to[b]!;
    if (to === 'byproduct') {
      const cam = lotsMass(stream);
      if (cam > 0 && cam >= PARCEL_CAM_SHARE * (cam + componentSolids(stream))) {
        const grade = gradeOf(cam, stream.components);
        if (stream instanceof RowStream) {
          for (let i = 0; i < stream.n; i++) if (stream.mass[i]! > 0) off.addRow(stream, i, grade);
        } else {
          for (let li = 0; li < stream.lots.length; li++) { const l = stream.lots[li]!; if (l.massKgPerHour > 0) off.addLot(l, l.massKgPerHour, grade); }
        }
        continue;
      }
      for (const id in stream.components) {
        const kg = stream.components[id]!;
        if (kg <= 0) continue;
        // A component with a scrap price is sold; anything else leaving as by-product is landfilled.
        if ((book ??= new PriceBook(prices)).hasAt(byproductLine(id).slot)) byproducts[id] = (byproducts[id] ?? 0) + kg * hours;
        else waste += kg * hours;
      }
    } else if (to === 'emissions') {
      for (const id in stream.components) {
        const kg = stream.components[id]!;
        if (kg > 0) emissions[id] = (emissions[id] ?? 0) + kg * hours;
      }
    } else {
      const m = streamMass(stream);
      const water = stream.components.H2O ?? 0;
      if (m > 0 && water / m > WASTEWATER_WATER_SHARE) wastewater += m * hours;
      else waste += m * hours;
    }
  }
  return { byproducts, emissions, waste, wastewater };
}

/** Build the economics input of an evaluated model. */
export function economicsInput(
  model: Model,
  feed: Stream,
  solution: Solution,
  balances: BalanceReport,
  designs: Map<string, UnitDesign>,
  sizing: PlantSizing,
  quality: QualityReport,
  prices: ResolvedPrices,
  options: EconomicsInputOptions = {},
): EconomicsInput {
  const hours = model.plant.operatingHours;
  const g = model.flowsheet.graph;
  resetParcelSums();

  // Feed lots as delivered: their market grade (from their composition, the rule that grades every
  // parcel leaving) and the part of their CAM already in spec at entry.
  const feedSalts = residualLiSaltsFraction(feed);
  const sample = options.sample === true;
  const feedLots = (sample && sampleFeedLines(model, feed, hours, feedSalts)) || feedLines(model, feed, hours, feedSalts, sample);

  // Lists of this input are built by push, not map(): optimized code maps into a holey list, and
  // the first one to reach the economics threw its optimized code away (≈ sample 200 of a run).
  const equipment = equipmentLines(sizing, designs, sample);

  const consumables: Record<string, number> = {};
  for (const run of solution.runs.values()) {
    const c = run.consumablesPerHour;
    if (c) for (const k in c) consumables[k] = (consumables[k] ?? 0) + c[k]! * hours;
  }

  // Off-spec product and CAM parcels leaving as by-products are sold on the market basis, by
  // chemistry, by the grade of the stream they leave in and, when from one feed lot, its origin.
  const off = new OffSpecGroups(sample);
  let offSpecSet: Set<Lot> | undefined; // for product streams of lot objects (made only if one is)
  const plan = boundaryStreams(g.streams);
  for (let p = 0; p < plan.products.length; p++) {
    const stream = solution.streams.get(plan.products[p]!)!;
    const grade = gradeOf(lotsMass(stream), stream.components);
    // A product row stream's off-spec rows as quality judged them, read by row (OffSpecGroups.addRow): the
    // values of the lots quality makes of them for reports (rowLotWithMass), without those objects.
    const offRows = offSpecRowsOf(stream);
    if (offRows) {
      for (let k = 0; k < offRows.length; k++) off.addRow(stream as RowStream, offRows[k]!, grade);
      continue;
    }
    offSpecSet ??= new Set(quality.offSpecLots);
    for (let li = 0; li < stream.lots.length; li++) { const lot = stream.lots[li]!; if (offSpecSet.has(lot)) off.addLot(lot, lot.massKgPerHour, grade); }
  }

  const { byproducts, emissions, waste, wastewater } = leavingFlows(plan, solution, prices, hours, off);
  // Product streams may carry non-CAM components (carry-over Al, coatings): they leave with the
  // product and are neither sold separately nor waste.
  const inSpec: EconomicsInput['products']['inSpec'] = [];
  for (const chemistry in quality.inSpecByChemistryKgPerHour) {
    inSpec.push({ chemistry, kgPerYear: quality.inSpecByChemistryKgPerHour[chemistry]! * hours, capacityRatio: quality.inSpecCapacityRatioByChemistry[chemistry] ?? 1 });
  }
  const offSpecLines: EconomicsInput['products']['offSpec'] = [];
  for (const o of off.groups.list) offSpecLines.push({ chemistry: o.chemistry, grade: o.grade, origin: o.origin, kgPerYear: o.parcels.kg * hours, elementsKgPerYear: parcelElements(o.parcels, hours) });

  return {
    region: model.plant.region,
    operatingHoursPerYear: hours,
    feedKgPerYear: model.plant.capacity,
    feedBasis: model.feed.basis,
    feedLots,
    equipment,
    operatorsPerShift: sizing.operatorsPerShift,
    labour: {
      shiftsPerDay: sizing.labour.shiftsPerDay,
      shiftLengthH: sizing.labour.shiftLengthH,
      operatingDaysPerYear: sizing.labour.operatingDaysPerYear,
      operatorHoursPerYear: sizing.labour.operatorHoursPerYear,
      unstaffedOperatorHoursPerYear: sizing.labour.unstaffedOperatorHoursPerYear,
      unstaffedHoursPerYear: sizing.labour.unstaffedHoursPerYear,
      minimumCrew: sizing.labour.minimumCrew,
    },
    electricityKwhPerYear: balances.energyKwhPerHour.electricity * hours,
    heatKwhPerYear: { 'natural-gas': (balances.energyKwhPerHour.heat['natural-gas'] ?? 0) * hours, steam: (balances.energyKwhPerHour.heat.steam ?? 0) * hours },
    reagentsKgPerYear: perYear(balances.reagents.freshKgPerHour, hours),
    consumablesPerYear: consumables,
    products: {
      inSpec,
      offSpec: offSpecLines,
    },
    byproductsKgPerYear: byproducts,
    wasteKgPerYear: waste,
    wastewaterKgPerYear: wastewater,
    emissionsKgPerYear: emissions,
  };
}
