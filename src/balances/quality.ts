/**
 * Product quality: every lot leaving through `product` is in spec or off spec, with its causes
 * (DESIGN.md "Regeneration outcome"; issue "mixed feed"). Off-spec lots are priced as a lower-value
 * stream by the economics; foreign chemistries are never in-spec product.
 */
import type { FlowsheetGraph, GraphStream } from '../graph/build.js';
import type { Solution } from './solver.js';
import type { Lot, OffSpecCause } from '../streams/lot.js';
import { chemistryByName, isNickelLayered, type CathodeChemistry } from '../chemistry/cathode.js';
import type { ProductSpec, SpecLimits } from '../schema/spec.js';
import { lotsMass, type Stream } from '../streams/stream.js';
import { COLUMNS_MIN_LOTS, LotCursor, rowLotWithMass, RowStream, sourceColumnsOf } from '../streams/row-stream.js';
import { component } from '../chemistry/components.js';
import { capacityRatioFrom, capacityTermsOf, type CapacityTerms } from '../streams/performance.js';
import { virginCapacity } from '../chemistry/capacity.js';
import { KeySums } from './key-sums.js';
import { ComponentSubset } from '../chemistry/component-subset.js';

/** Soluble lithium compounds counted as residual Li salts (not coatings such as Li3PO4, nor LiF). */
export const RESIDUAL_LI_SALTS = ['LiOH', 'LiOH·H2O', 'Li2CO3', 'LiNO3', 'LiI', 'LiCl', 'Li2SO4', 'Li-benzoate', 'Li3C6H5O7', 'Li2O'] as const;

/** Order in which a failing lot's primary cause is chosen (the first that applies). */
export const CAUSE_PRIORITY: readonly OffSpecCause[] = ['foreign-chemistry', 'under-lithiated', 'over-lithiated', 'cation-mixing', 'surface-rock-salt', 'residual-li-salts', 'low-capacity', 'graphite-carbon', 'aluminium', 'copper', 'fluorine'];

/** The verdict on one lot leaving through `product`. */
export interface LotVerdict {
  stream: string;
  lot: string;
  origin: string[];
  chemistry: string;
  massKgPerHour: number;
  inSpec: boolean;
  causes: OffSpecCause[];
  primaryCause: OffSpecCause | null;
  /** Predicted 0.1 C capacity (streams/performance.ts), mAh/g, and its ratio to virgin. */
  capacityMahPerG: number;
  capacityRatio: number;
}

/** Quality of the product. */
export interface QualityReport {
  /** CAM leaving through product, kg/h. */
  productCamKgPerHour: number;
  inSpecKgPerHour: number;
  offSpecKgPerHour: number;
  /** In-spec share of the CAM leaving through product (null when no CAM leaves there). */
  inSpecFraction: number | null;
  /** In-spec CAM per CAM fed (TM-mole changes make this approximate by mass). */
  inSpecYieldOfFeedCam: number | null;
  /** Mass-weighted predicted 0.1 C capacity of the in-spec product, mAh/g (null without in-spec product). */
  inSpecCapacityMahPerG: number | null;
  /** Mass-weighted predicted capacity of the in-spec product relative to virgin of each lot's chemistry (null without in-spec product). */
  inSpecCapacityRatio: number | null;
  /** Off-spec mass by primary cause, kg/h (sums to offSpecKgPerHour). */
  offSpecByCauseKgPerHour: Record<OffSpecCause, number>;
  /** In-spec CAM by chemistry name, kg/h. */
  inSpecByChemistryKgPerHour: Record<string, number>;
  /** Mass-weighted capacity ÷ virgin capacity of the in-spec CAM by chemistry name (each lot counted at most 1). */
  inSpecCapacityRatioByChemistry: Record<string, number>;
  /** Residual Li salts per kg CAM of each product stream. */
  residualLiSaltsByStream: Record<string, number>;
  /** Foreign solids per kg CAM of each product stream. */
  foreignSolidsByStream: Record<string, ForeignSolids>;
  lots: LotVerdict[];
  /** Off-spec lots themselves (for their metal value). */
  offSpecLots: Lot[];
}

/** Limits by spec and chemistry name (a spec is immutable once validated; lots share few chemistries). */
const LIMITS = new WeakMap<ProductSpec, Map<string, SpecLimits>>();

/** The limits applying to a chemistry (chemistry-specific overrides on the general ones). */
export function limitsFor(spec: ProductSpec, chemistry: CathodeChemistry): SpecLimits {
  let bySpec = LIMITS.get(spec);
  if (!bySpec) LIMITS.set(spec, (bySpec = new Map()));
  let limits = bySpec.get(chemistry.name);
  if (!limits) bySpec.set(chemistry.name, (limits = computeLimits(spec, chemistry)));
  return limits;
}

function computeLimits(spec: ProductSpec, chemistry: CathodeChemistry): SpecLimits {
  const base: SpecLimits = { liPerTmMin: spec.liPerTmMin, liPerTmMax: spec.liPerTmMax, maxCationMixing: spec.maxCationMixing, maxSurfaceRockSalt_nm: spec.maxSurfaceRockSalt_nm, maxResidualLiSalts: spec.maxResidualLiSalts,
    minCapacityFraction: spec.minCapacityFraction, maxGraphiteCarbon: spec.maxGraphiteCarbon, maxAluminium: spec.maxAluminium, maxCopper: spec.maxCopper, maxFluorine: spec.maxFluorine };
  // Own keys only: a custom chemistry named "constructor" has no chemistry-specific limits.
  const name = baseName(chemistry.name);
  const specific = Object.hasOwn(spec.byChemistry, name) ? spec.byChemistry[name] : undefined;
  return specific ? { ...base, ...stripUndefined(specific) } : base;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The chemistry name without doping suffixes ("NCM811+Al" → "NCM811"). */
export function baseName(name: string): string {
  const plus = name.indexOf('+');
  return plus < 0 ? name : name.slice(0, plus);
}

/** True when the chemistry is one the plant sells as product. */
export function isProductChemistry(spec: ProductSpec, chemistry: CathodeChemistry): boolean {
  if (spec.productChemistries) {
    let wanted = PRODUCT_CHEMISTRIES.get(spec);
    if (!wanted) PRODUCT_CHEMISTRIES.set(spec, (wanted = new Set(spec.productChemistries.map((c) => chemistryByName(c)?.name ?? c))));
    return wanted.has(chemistryByName(baseName(chemistry.name))?.name ?? baseName(chemistry.name));
  }
  return isNickelLayered(chemistry);
}

/** The product chemistries of a spec by canonical name. */
const PRODUCT_CHEMISTRIES = new WeakMap<ProductSpec, Set<string>>();

/** The residual Li salts, summed in RESIDUAL_LI_SALTS' order. */
const SALTS = new ComponentSubset(RESIDUAL_LI_SALTS);

/**
 * Residual soluble Li salts per kg of CAM in a stream: the salts summed in RESIDUAL_LI_SALTS' order,
 * 0 for each one the stream lacks. The stream's few components are looked up among the salts
 * (a pass over its record), not each of the ten salts in its record (a miss per salt it lacks):
 * every Monte Carlo sample asks it of the feed and of each product stream.
 */
export function residualLiSaltsFraction(s: Stream): number {
  const cam = lotsMass(s);
  if (cam === 0) return 0;
  return SALTS.sumOf(s.components) / cam;
}

/** Foreign solids of a product stream, kg per kg of its CAM (issue 12). */
export interface ForeignSolids {
  /** Graphite + carbon black + CNT + graphene (graphite only in an electrode product). */
  graphiteCarbon: number;
  /** Graphite alone (for warnings). */
  graphite: number;
  /** Metallic Al (0 in an electrode product: the current collector). */
  aluminium: number;
  /** Metallic Cu. */
  copper: number;
  /** Fluorine in any component (an electrode product's PVDF binder not counted). */
  fluorine: number;
}

/** Components counted as carbon in a CAM product. */
const CARBONS = ['graphite', 'carbon-black', 'CNT', 'graphene'] as const;
/** Binders an electrode product holds on purpose. */
const ELECTRODE_BINDERS: ReadonlySet<string> = new Set(['PVDF', 'PAA', 'alginate']);

/**
 * True when the stream has lots and every one carries a conductive network: a row stream's read
 * from its rows' source lots (a long source's columns), whose network a row keeps (row-stream.ts).
 */
function everyLotConductive(s: Stream): boolean {
  if (!(s instanceof RowStream)) return s.lots.length > 0 && s.lots.every((l) => l.conductiveNetwork !== null);
  const network = s.source.length >= COLUMNS_MIN_LOTS ? sourceColumnsOf(s.source).conductiveNetwork : undefined;
  for (let i = 0; i < s.n; i++) {
    const r = s.rows[i]!;
    if ((network !== undefined ? network[r]! : s.source[r]!.conductiveNetwork) === null) return false;
  }
  return s.n > 0;
}

/**
 * Mass fraction of fluorine by component id (null: none), from the registry (fixed): one look-up
 * per component of a product stream, not the registry's and a search of the formula's elements.
 */
const FLUORINE_FRACTION = new Map<string, number | null>();

function fluorineFractionOf(id: string): number | null {
  let f = FLUORINE_FRACTION.get(id);
  if (f === undefined) {
    const comp = component(id);
    const i = comp.elements.indexOf('F');
    FLUORINE_FRACTION.set(id, (f = i >= 0 ? comp.massFractions[i]! : null));
  }
  return f;
}

/**
 * The off-spec rows of a product row stream (their indices, ascending), as qualityReport judged
 * them: a row stream's lots are judged through a cursor, and the economics input prices its
 * off-spec ones by row (pipeline/parcels.ts) — the lot objects `offSpecLots` lists are made only for
 * reports (with verdicts), not for a Monte Carlo sample. Kept on the stream itself (RowStream
 * offSpecRows), not in a weak map: an entry per sample cost more than the judgement of its lots.
 * Undefined for other streams.
 */
export function offSpecRowsOf(s: Stream): readonly number[] | undefined {
  return s instanceof RowStream ? s.offSpecRows : undefined;
}

/**
 * Foreign solids per kg of CAM in a stream. A stream whose lots all carry a conductive network
 * (electrode refabrication) is an electrode: its carbon black, binder and Al foil are the recipe,
 * so only graphite, Cu and non-binder fluorine count there.
 */
export function foreignSolidsOf(s: Stream): ForeignSolids {
  const cam = lotsMass(s);
  if (cam === 0) return { graphiteCarbon: 0, graphite: 0, aluminium: 0, copper: 0, fluorine: 0 };
  const electrode = everyLotConductive(s);
  const c = s.components;
  const graphite = c.graphite ?? 0;
  let carbon = graphite;
  if (!electrode) for (let i = 0; i < CARBONS.length; i++) if (CARBONS[i] !== 'graphite') carbon += c[CARBONS[i]!] ?? 0;
  let fluorine = 0;
  for (const id in c) {
    if (electrode && ELECTRODE_BINDERS.has(id)) continue;
    const f = fluorineFractionOf(id);
    if (f !== null) fluorine += c[id]! * f;
  }
  return { graphiteCarbon: carbon / cam, graphite: graphite / cam, aluminium: electrode ? 0 : (c.Al ?? 0) / cam, copper: (c.Cu ?? 0) / cam, fluorine: fluorine / cam };
}

/**
 * Judge one lot (in a stream whose residual-salt fraction and foreign solids are given) against
 * the spec. Foreign solids are a property of the stream: they put every product lot in it off spec.
 */
export function judgeLot(spec: ProductSpec, lot: Lot, residualSalts: number, foreign?: ForeignSolids): OffSpecCause[] {
  const causes: OffSpecCause[] = [];
  offSpecCauses(spec, lot, residualSalts, foreign, causes);
  return causes;
}

/** True when judgeLot finds no cause (without building the list: the feed's in-spec share asks this of every feed lot). */
export function lotInSpec(spec: ProductSpec, lot: Lot, residualSalts: number, foreign?: ForeignSolids): boolean {
  return offSpecCauses(spec, lot, residualSalts, foreign, undefined) === 0;
}

/**
 * What judging a lot takes from its chemistry under a spec: whether the plant sells it
 * (isProductChemistry), its limits (limitsFor), its name without doping suffixes and its virgin
 * capacity. A spec and a chemistry object are never changed once made, so these are worked out once
 * per spec and chemistry rather than for every product lot of every Monte Carlo sample (each a few
 * lookups by name).
 */
interface ChemistryTerms {
  spec: ProductSpec;
  chemistry: CathodeChemistry;
  product: boolean;
  limits: SpecLimits;
  base: string;
  /** virginCapacity(chemistry).mahPerG. */
  virginMahPerG: number;
  /** capacityTermsOf(chemistry) (the default performance model): what a lot's capacity ratio reads of its chemistry. */
  capacity: CapacityTerms;
}

const CHEMISTRY_TERMS = new WeakMap<ProductSpec, WeakMap<CathodeChemistry, ChemistryTerms>>();

/**
 * The terms asked for lately, the latest first (at most RECENT_MAX): a stream's lots run through a
 * few chemistries (the reference feed five, in runs), and each change of chemistry otherwise costs
 * two weak-map look-ups, for every product and feed lot of every Monte Carlo sample. Terms are
 * values of objects never changed, so a kept one is never stale.
 */
const recentTerms: ChemistryTerms[] = [];
const RECENT_MAX = 8;

function chemistryTermsOf(spec: ProductSpec, chemistry: CathodeChemistry): ChemistryTerms {
  for (let i = 0; i < recentTerms.length; i++) {
    const r = recentTerms[i]!;
    if (r.chemistry === chemistry && r.spec === spec) return r;
  }
  let bySpec = CHEMISTRY_TERMS.get(spec);
  if (bySpec === undefined) CHEMISTRY_TERMS.set(spec, (bySpec = new WeakMap()));
  let t = bySpec.get(chemistry);
  if (t === undefined) {
    t = { spec, chemistry, product: isProductChemistry(spec, chemistry), limits: limitsFor(spec, chemistry), base: baseName(chemistry.name), virginMahPerG: virginCapacity(chemistry).mahPerG, capacity: capacityTermsOf(chemistry) };
    bySpec.set(chemistry, t);
  }
  // Latest first; the oldest dropped beyond RECENT_MAX.
  if (recentTerms.length < RECENT_MAX) recentTerms.push(t);
  for (let i = recentTerms.length - 1; i > 0; i--) recentTerms[i] = recentTerms[i - 1]!;
  recentTerms[0] = t;
  return t;
}

/** The number of causes for which a lot is off spec, each pushed onto `causes` when given (in judgeLot's order). */
function offSpecCauses(spec: ProductSpec, lot: Lot, residualSalts: number, foreign: ForeignSolids | undefined, causes: OffSpecCause[] | undefined): number {
  firstCause = null;
  judgedCapacityRatio = undefined;
  const chemistry = lot.chemistry;
  const terms = chemistryTermsOf(spec, chemistry);
  judgedTerms = terms;
  if (!terms.product) {
    causes?.push('foreign-chemistry');
    firstCause = 'foreign-chemistry';
    return 1;
  }
  const l = terms.limits;
  // Each number of the lot read once (a row cursor's are getter calls), the capacity from them.
  const liPerTm = lot.liPerTm;
  const cationMixing = lot.cationMixing;
  const rockSalt = lot.surfaceRockSalt_nm;
  let n = 0;
  if (liPerTm < l.liPerTmMin) n += found(causes, 'under-lithiated');
  if (liPerTm > l.liPerTmMax) n += found(causes, 'over-lithiated');
  if (cationMixing > l.maxCationMixing) n += found(causes, 'cation-mixing');
  if (rockSalt > l.maxSurfaceRockSalt_nm) n += found(causes, 'surface-rock-salt');
  if (residualSalts > l.maxResidualLiSalts) n += found(causes, 'residual-li-salts');
  const capacityRatio = capacityRatioFrom(terms.capacity, liPerTm, cationMixing, rockSalt, lot.crackFraction);
  judgedCapacityRatio = capacityRatio;
  if (capacityRatio < l.minCapacityFraction) n += found(causes, 'low-capacity');
  if (foreign) {
    if (foreign.graphiteCarbon > l.maxGraphiteCarbon) n += found(causes, 'graphite-carbon');
    if (foreign.aluminium > l.maxAluminium) n += found(causes, 'aluminium');
    if (foreign.copper > l.maxCopper) n += found(causes, 'copper');
    if (foreign.fluorine > l.maxFluorine) n += found(causes, 'fluorine');
  }
  return n;
}

/** Push `cause` onto `causes` when given; 1, to count it (no closure per lot). */
function found(causes: OffSpecCause[] | undefined, cause: OffSpecCause): number {
  causes?.push(cause);
  firstCause ??= cause;
  return 1;
}

/**
 * The first cause the last offSpecCauses call found (null: none). Causes are found in
 * CAUSE_PRIORITY's order, so this is the lot's primary cause (primaryCauseOf of its causes) —
 * what a report without verdicts reads, without a list of causes per lot.
 */
let firstCause: OffSpecCause | null = null;

/**
 * lotCapacityRatio of the lot the last offSpecCauses call judged (undefined: it did not get that
 * far: a foreign chemistry). The quality report reads it for every product lot right after judging
 * it, instead of working it out a second time.
 */
let judgedCapacityRatio: number | undefined = undefined;

/** The chemistry terms of the lot the last offSpecCauses call judged (the quality report reads its base name and virgin capacity). */
let judgedTerms: ChemistryTerms | undefined = undefined;

/** The primary cause of a lot (null when in spec), as primaryCauseOf(judgeLot(…)) gives it. */
export function primaryCause(spec: ProductSpec, lot: Lot, residualSalts: number, foreign?: ForeignSolids): OffSpecCause | null {
  offSpecCauses(spec, lot, residualSalts, foreign, undefined);
  return firstCause;
}

/** An off-spec mass of 0 by every cause, keys in CAUSE_PRIORITY's order (a literal: no key added one by one per report). */
function noOffSpecByCause(): Record<OffSpecCause, number> {
  return { 'foreign-chemistry': 0, 'under-lithiated': 0, 'over-lithiated': 0, 'cation-mixing': 0, 'surface-rock-salt': 0, 'residual-li-salts': 0, 'low-capacity': 0, 'graphite-carbon': 0, aluminium: 0, copper: 0, fluorine: 0 };
}

/** The first cause of CAUSE_PRIORITY a lot fails for (null when in spec). */
function primaryCauseOf(causes: readonly OffSpecCause[]): OffSpecCause | null {
  for (let i = 0; i < CAUSE_PRIORITY.length; i++) if (causes.includes(CAUSE_PRIORITY[i]!)) return CAUSE_PRIORITY[i]!;
  return null;
}

/**
 * In-spec CAM by chemistry name, and its capacity-weighted mass, summed by qualityReport (one
 * report at a time; each made into new records at its end): two short lists rather than two
 * records grown key by key per Monte Carlo sample (key-sums.ts).
 */
const IN_SPEC_KG = new KeySums();
const CAPACITY_KG = new KeySums();

/** What qualityReport writes besides the product's totals, off-spec lots and in-spec shares. */
export interface QualityOptions {
  /**
   * false (Monte Carlo samples, sweep points): `lots` (a verdict per lot, with its causes),
   * `residualLiSaltsByStream` and `foreignSolidsByStream` are left empty — only reports read them —
   * and `offSpecLots` lists the off-spec lots of product streams that are not rows (those of rows
   * are read by row: offSpecRowsOf); every total and share is the same. Default true.
   */
  verdicts?: boolean;
}

/**
 * The streams of a graph that leave through `product`, in the graph's order: found once per graph
 * (not changed once built) rather than among all its streams in every report.
 */
const PRODUCT_STREAMS = new WeakMap<FlowsheetGraph, GraphStream[]>();

function productStreamsOf(g: FlowsheetGraph): GraphStream[] {
  let list = PRODUCT_STREAMS.get(g);
  if (list === undefined) {
    list = [];
    for (const s of g.streams) if (s.to.node === 'product') list.push(s);
    PRODUCT_STREAMS.set(g, list);
  }
  return list;
}

/** Apply the specification to every lot leaving through `product`. */
export function qualityReport(g: FlowsheetGraph, sol: Solution, spec: ProductSpec, feedCamKgPerHour: number, options: QualityOptions = {}): QualityReport {
  const verdicts = options.verdicts !== false;
  const byCause = noOffSpecByCause();
  const byChem = IN_SPEC_KG.reset();
  const capacityKg = CAPACITY_KG.reset();
  let capacityMahKg = 0;
  let capacityRatioKg = 0;
  const residual: Record<string, number> = {};
  const foreignByStream: Record<string, ForeignSolids> = {};
  const lots: LotVerdict[] = [];
  const offSpecLots: Lot[] = [];
  let inSpec = 0;
  let offSpec = 0;
  const product = productStreamsOf(g);
  for (let p = 0; p < product.length; p++) {
    const s = product[p]!;
    const stream = sol.streams.get(s.id)!;
    const salts = residualLiSaltsFraction(stream);
    const foreign = foreignSolidsOf(stream);
    if (verdicts) {
      residual[s.id] = salts;
      foreignByStream[s.id] = foreign;
    }
    // A row stream's lots read through a cursor (row-stream.ts): lot objects only for the off-spec ones.
    const rows = stream instanceof RowStream ? stream : undefined;
    const cursor = rows ? new LotCursor(rows) : undefined;
    const offRows: number[] | undefined = rows ? [] : undefined;
    if (rows) rows.offSpecRows = offRows;
    const n = rows ? rows.n : stream.lots.length;
    for (let li = 0; li < n; li++) {
      const lot = cursor ? cursor.at(li) : stream.lots[li]!;
      // Read once (a row cursor's mass is a getter call).
      const kg = lot.massKgPerHour;
      if (kg === 0) continue;
      // Without verdicts only the primary cause is read (no list of causes per lot).
      const causes = verdicts ? judgeLot(spec, lot, salts, foreign) : undefined;
      const primary = causes !== undefined ? primaryCauseOf(causes) : primaryCause(spec, lot, salts, foreign);
      // Capacity as lotPerformance gives it (virgin × ratio), without its record per lot; the ratio
      // the judgement above worked out for this lot when it got that far, else lotCapacityRatio's
      // from the terms of the lot's chemistry the judgement found.
      const terms = judgedTerms!;
      const capacityRatio = judgedCapacityRatio ?? capacityRatioFrom(terms.capacity, lot.liPerTm, lot.cationMixing, lot.surfaceRockSalt_nm, lot.crackFraction);
      const capacityMahPerG = terms.virginMahPerG * capacityRatio;
      if (causes !== undefined) lots.push({ stream: s.id, lot: lot.id, origin: lot.origin, chemistry: lot.chemistry.name, massKgPerHour: kg, inSpec: causes.length === 0, causes, primaryCause: primary, capacityMahPerG, capacityRatio });
      if (primary === null) {
        inSpec += kg;
        const name = terms.base;
        byChem.add(name, kg);
        capacityKg.add(name, kg * Math.min(1, capacityRatio));
        capacityMahKg += kg * capacityMahPerG;
        capacityRatioKg += kg * capacityRatio;
      } else {
        offSpec += kg;
        byCause[primary] += kg;
        if (!rows) offSpecLots.push(lot);
        else {
          offRows!.push(li);
          if (verdicts) offSpecLots.push(rowLotWithMass(rows, li, rows.mass[li]!));
        }
      }
    }
  }
  const total = inSpec + offSpec;
  return {
    productCamKgPerHour: total,
    inSpecKgPerHour: inSpec,
    offSpecKgPerHour: offSpec,
    inSpecFraction: total > 0 ? inSpec / total : null,
    inSpecYieldOfFeedCam: feedCamKgPerHour > 0 ? inSpec / feedCamKgPerHour : null,
    inSpecCapacityMahPerG: inSpec > 0 ? capacityMahKg / inSpec : null,
    inSpecCapacityRatio: inSpec > 0 ? capacityRatioKg / inSpec : null,
    offSpecByCauseKgPerHour: byCause,
    inSpecByChemistryKgPerHour: byChem.record(),
    inSpecCapacityRatioByChemistry: capacityKg.ratios(byChem),
    residualLiSaltsByStream: residual,
    foreignSolidsByStream: foreignByStream,
    lots,
    offSpecLots,
  };
}
