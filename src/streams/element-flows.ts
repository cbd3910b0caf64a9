/**
 * Element flows summed by element index into an array, then written out as the record
 * (element → kg/h) the reports use. The sums are those of streamElements and drawElements — the
 * same terms added in the same order — and the record has its keys in the same order (first
 * contribution first); only the running totals live in an array of doubles instead of a record whose
 * keys arrive in a different order for every stream, which V8 cannot look up quickly. The balances
 * of every evaluation (every Monte Carlo sample) add tens of lots and streams this way.
 */
import { ELEMENTS, ATOMIC_WEIGHT_G_PER_MOL, type Element } from '../chemistry/elements.js';
import { component, type ResolvedComponent } from '../chemistry/components.js';
import { frameMolarMass, lotFrame, LOT_CP, type CathodeChemistry } from '../chemistry/cathode.js';
import type { Lot } from './lot.js';
import type { Stream } from './stream.js';
import { RowStream, sourceColumnsOf } from './row-stream.js';

const INDEX: Readonly<Record<string, number>> = Object.fromEntries(ELEMENTS.map((e, i) => [e, i]));
const LI = INDEX.Li!;
const LI_G_PER_MOL = ATOMIC_WEIGHT_G_PER_MOL.Li;

/** A component's element indices and mass fractions (same order), as addComponent reads them. */
interface ComponentTerms {
  idx: Int32Array;
  fractions: readonly number[];
}

/**
 * Component terms by component id: one lookup per component flow instead of the registry's map and
 * then the indices' weak map, and objects of one shape (registry entries differ in their optional
 * fields, so reading their elements from many of them is a megamorphic load). Made once per id.
 */
const COMPONENT_TERMS = new Map<string, ComponentTerms>();

function componentTermsOf(id: string): ComponentTerms {
  let t = COMPONENT_TERMS.get(id);
  if (t === undefined) {
    const c = component(id);
    COMPONENT_TERMS.set(id, (t = { idx: indicesOf(c.elements), fractions: c.massFractions }));
  }
  return t;
}

/** Element indices of a formula's elements (same order as its mass fractions). */
const INDICES = new WeakMap<readonly Element[], Int32Array>();

function indicesOf(elements: readonly Element[]): Int32Array {
  let out = INDICES.get(elements);
  if (!out) INDICES.set(elements, (out = Int32Array.from(elements, (e) => INDEX[e]!)));
  return out;
}

/** A chemistry's frame as addLot reads it: frame molar mass, element indices, g per mol TM (same order); and its heat capacity. */
interface FrameIndex {
  chemistry: CathodeChemistry;
  molarMass: number;
  idx: Int32Array;
  grams: readonly number[];
  /** J/(kg·K), LOT_CP of the chemistry's family. */
  cp_J_per_kgK: number;
  /** idx and grams reduced to the payable metals (PAYABLE: Li, Ni, Co), same order: what addLotPayables adds. */
  payIdx: Int32Array;
  payGrams: number[];
}

/** Elements by index that addLotPayables adds: lithium, nickel and cobalt (the metals a parcel of CAM is paid for). */
const PAYABLE: readonly boolean[] = ELEMENTS.map((e) => e === 'Li' || e === 'Ni' || e === 'Co');

const FRAME_INDEX = new WeakMap<CathodeChemistry, FrameIndex>();

function frameIndexOf(chem: CathodeChemistry): FrameIndex {
  let f = FRAME_INDEX.get(chem);
  if (!f) {
    const frame = lotFrame(chem);
    const idx = indicesOf(frame.elements);
    const payIdx: number[] = [];
    const payGrams: number[] = [];
    for (let i = 0; i < idx.length; i++) {
      if (!PAYABLE[idx[i]!]) continue;
      payIdx.push(idx[i]!);
      payGrams.push(frame.gramsPerMolTm[i]!);
    }
    FRAME_INDEX.set(chem, (f = { chemistry: chem, molarMass: frameMolarMass(chem), idx, grams: frame.gramsPerMolTm, cp_J_per_kgK: LOT_CP[chem.family].cp_J_per_kgK, payIdx: Int32Array.from(payIdx), payGrams }));
  }
  return f;
}

/**
 * Zeros to copy from: a slice of an array of doubles is a new array of doubles (≈ 30 ns), while a
 * Float64Array of this size lives outside the heap and costs ≈ 10× that to make (and to collect).
 */
const ZERO_KG: number[] = ELEMENTS.map(() => 0.5).fill(0); // doubles (0.5 first), then zeros: stays an array of doubles
const UNSEEN: number[] = ELEMENTS.map(() => 0);

/**
 * TM kmol/h of a lot as lotTmKmolPerHour computes it (mass ÷ (Li/TM·M_Li + frame molar mass), the
 * same operations in the same order).
 */
function tmKmolOf(lot: Lot, f: FrameIndex): number {
  return lot.massKgPerHour / (lot.liPerTm * LI_G_PER_MOL + f.molarMass);
}

/** Lithium of a lot, kg/h, from its TM kmol/h. */
function liKgOf(lot: Lot, tmKmol: number): number {
  return tmKmol * lot.liPerTm * LI_G_PER_MOL;
}

/**
 * A lot list as element terms: per lot its frame, TM kmol/h and lithium kg/h (as addFramedLot
 * computes them), and the lots' mass and heat-capacity flow summed in list order (as lotListMass
 * and lotListCpFlow_kW_per_K sum them). With thousands of lots, reading lot objects scattered over
 * the heap costs more than the arithmetic, and a list is read many times — its mass by the next
 * unit, the design of that unit, the economics input; its elements by two or three closures — so a
 * long list is read once, into these arrays, and later readings add from them: the same numbers
 * added in the same order, so every sum is the same to the last bit.
 */
export interface LotTerms {
  frames: FrameIndex[];
  tmKmol: Float64Array;
  liKg: Float64Array;
  lotsKg: number;
  /** Σ kg/h × J/(kg·K), in list order. */
  cpFlow_J_per_hK: number;
}

/** Lists with fewer lots are read again rather than kept as terms (the arrays would cost more). */
export const TERMS_MIN_LOTS = 64;

/**
 * Terms by lot list. A list is built by one unit and then only read (units make new lists; lots
 * are immutable values, stream.ts), so its terms stay true while its length does; a list still
 * growing when it is first read is read again.
 */
const TERMS = new WeakMap<readonly Lot[], LotTerms>();

/** The terms of a list of at least TERMS_MIN_LOTS lots: made at its first reading, kept with it. */
export function lotTermsOf(lots: readonly Lot[]): LotTerms {
  let t = TERMS.get(lots);
  if (t === undefined || t.tmKmol.length !== lots.length) TERMS.set(lots, (t = lotTerms(lots)));
  return t;
}

/**
 * A list that row streams point into, read once: per lot its frame, the TM kmol denominator
 * (Li/TM·M_Li + frame molar mass, as tmKmolOf computes it) and its Li/TM. The scaled feed, every
 * sorting lane and the CAM lost with the foil are rows of the feed's unit lots, which are kept
 * across evaluations of one feed (pipeline/evaluate.ts feedFor): their elements are then added from
 * these dense arrays and the rows (addStream), with no lot object read and no terms kept per stream.
 */
interface SourceIndex {
  frames: FrameIndex[];
  perTm: number[];
  /** The source's Li/TM column (row-stream.ts sourceColumnsOf). */
  liPerTm: readonly number[];
}

const SOURCE_INDEX = new WeakMap<readonly Lot[], SourceIndex>();

/** The index of a row stream's source: a long source's kept with it, a short one's in SHORT_INDEX. */
function sourceIndexOf(lots: readonly Lot[]): SourceIndex {
  if (lots.length < TERMS_MIN_LOTS) return shortIndexOf(lots);
  let x = SOURCE_INDEX.get(lots);
  if (x === undefined || x.perTm.length !== lots.length) {
    const { chemistry, liPerTm } = sourceColumnsOf(lots);
    const frames: FrameIndex[] = [];
    const perTm: number[] = [];
    let f: FrameIndex | undefined;
    for (let i = 0; i < lots.length; i++) {
      if (f === undefined || f.chemistry !== chemistry[i]) f = frameIndexOf(chemistry[i]!);
      frames.push(f);
      perTm.push(liPerTm[i]! * LI_G_PER_MOL + f.molarMass);
    }
    SOURCE_INDEX.set(lots, (x = { frames, perTm, liPerTm }));
  }
  return x;
}

/**
 * The index of the short source indexed last, in lists that only grow: entry `i` is that of lot
 * `lots[i]` (its frame, TM kmol denominator and Li/TM: numbers of the lot object alone, which is
 * never changed), `source` and `n` the list it was last filled for. A Monte Carlo sample's feed is a
 * new list of a few lots, and the scaled feed, the sorting lanes, the foil and the product are rows
 * of it: one index per sample shared by all of them (in place of each lot read and its frame looked
 * up per stream), refilled only where a lot object differs from the last list's at its place (a
 * sample patches one lot; the others are the same objects). One source at a time: the index is read
 * only inside the call that asked for it, and escapes nowhere.
 */
interface ShortIndex extends SourceIndex {
  source: readonly Lot[] | undefined;
  n: number;
  lots: (Lot | undefined)[];
  perTm: number[];
  liPerTm: number[];
}

const SHORT_INDEX: ShortIndex = { source: undefined, n: 0, lots: [], frames: [], perTm: [], liPerTm: [] };

function shortIndexOf(lots: readonly Lot[]): ShortIndex {
  const x = SHORT_INDEX;
  const n = lots.length;
  if (x.source === lots && x.n === n) return x;
  let f: FrameIndex | undefined;
  for (let i = 0; i < n; i++) {
    const lot = lots[i]!;
    if (x.lots[i] === lot) continue;
    const chemistry = lot.chemistry;
    const liPerTm = lot.liPerTm;
    if (f === undefined || f.chemistry !== chemistry) f = frameIndexOf(chemistry);
    x.lots[i] = lot;
    x.frames[i] = f;
    x.liPerTm[i] = liPerTm;
    x.perTm[i] = liPerTm * LI_G_PER_MOL + f.molarMass;
  }
  x.source = lots;
  x.n = n;
  return x;
}

/**
 * `c` plus each lot's kg/h × J/(kg·K) of a row stream, added in stream order (as a loop over its lots
 * adds them), each from its source's index (a frame's heat capacity is LOT_CP of its family).
 */
export function addRowsHeatCapacity(c: number, s: RowStream): number {
  const { rows, mass } = s;
  const frames = sourceIndexOf(s.source).frames;
  for (let i = 0; i < s.n; i++) c += mass[i]! * frames[rows[i]!]!.cp_J_per_kgK;
  return c;
}

function lotTerms(lots: readonly Lot[]): LotTerms {
  const n = lots.length;
  const frames: FrameIndex[] = [];
  const tmKmol = new Float64Array(n);
  const liKg = new Float64Array(n);
  let f: FrameIndex | undefined;
  let lotsKg = 0;
  let cpFlow = 0;
  for (let li = 0; li < n; li++) {
    const lot = lots[li]!;
    if (f === undefined || f.chemistry !== lot.chemistry) f = frameIndexOf(lot.chemistry);
    lotsKg += lot.massKgPerHour;
    cpFlow += lot.massKgPerHour * f.cp_J_per_kgK;
    const tm = tmKmolOf(lot, f);
    frames.push(f);
    tmKmol[li] = tm;
    liKg[li] = liKgOf(lot, tm);
  }
  return { frames, tmKmol, liKg, lotsKg, cpFlow_J_per_hK: cpFlow };
}

/** Element flows being summed (kg/h, or any mass unit the caller adds in). */
export class ElementFlows {
  private readonly kg: number[] = ZERO_KG.slice();
  private readonly seen: number[] = UNSEEN.slice();
  /**
   * Element indices in order of first contribution: the first `count` entries of a list of every
   * element's length, overwritten after a reset (setting a list's length to 0 is a call into the
   * runtime and drops its storage, which the next fill allocates again).
   */
  private readonly order: number[] = UNSEEN.slice();
  private count = 0;
  /** The frame addLotValues looked up last (frames are fixed per chemistry object). */
  private lastFrame: FrameIndex | undefined = undefined;

  private add(i: number, kg: number): void {
    if (this.seen[i] === 0) {
      this.seen[i] = 1;
      this.order[this.count++] = i;
    }
    this.kg[i]! += kg;
  }

  /** Add `kg` of a component (by its formula's mass fractions). */
  addComponent(c: ResolvedComponent, kg: number): void {
    const idx = indicesOf(c.elements);
    const f = c.massFractions;
    for (let i = 0; i < idx.length; i++) this.add(idx[i]!, kg * f[i]!);
  }

  /**
   * addComponent of the component `id`, from its terms (componentTermsOf): addScaled written out
   * (every component flow of a closure's streams and draws comes here, ≈ 50 per sample, and until
   * optimized each paid a call more for its two or three additions).
   */
  private addComponentId(id: string, kg: number): void {
    const t = componentTermsOf(id);
    const idx = t.idx;
    const f = t.fractions;
    const sums = this.kg;
    const seen = this.seen;
    for (let i = 0; i < idx.length; i++) {
      const e = idx[i]!;
      if (seen[e] === 0) {
        seen[e] = 1;
        this.order[this.count++] = e;
      }
      sums[e]! += kg * f[i]!;
    }
  }

  /** Add a record of component flows (id → kg), zero entries included (as drawElements does). */
  addDraws(draws: Readonly<Record<string, number>>): void {
    for (const id in draws) this.addComponentId(id, draws[id]!);
  }

  /**
   * addDraws, adding each flow onto `mass` too (in key order); returns the new `mass`: a closure
   * reads a draw record once for its elements and its mass.
   */
  addDrawsMass(draws: Readonly<Record<string, number>>, mass: number): number {
    for (const id in draws) {
      const kg = draws[id]!;
      mass += kg;
      this.addComponentId(id, kg);
    }
    return mass;
  }

  /** Add a lot: its lithium, then its frame (TM site and anion), per kmol of TM. */
  addLot(lot: Lot): void {
    this.addFramedLot(lot, frameIndexOf(lot.chemistry));
  }

  /** addLot of a lot of `chemistry` at Li/TM `liPerTm` with mass flow `massKgPerHour` (a lot read from columns). */
  addLotValues(chemistry: CathodeChemistry, liPerTm: number, massKgPerHour: number): void {
    // Lots read one after another mostly share a chemistry: its frame looked up once per run of them.
    let f = this.lastFrame;
    if (f === undefined || f.chemistry !== chemistry) this.lastFrame = f = frameIndexOf(chemistry);
    const tmKmol = massKgPerHour / (liPerTm * LI_G_PER_MOL + f.molarMass);
    this.addFrame(f, tmKmol, tmKmol * liPerTm * LI_G_PER_MOL);
  }

  /**
   * addLotValues of lithium, nickel and cobalt alone (PAYABLE): the same terms of those elements,
   * added in the same order, so their flows (and whether each was added to) are addLotValues' to
   * the last bit; the other elements of the frame are left out (has() false, absent from record()).
   * For sums of which only the payable metals are read (a Monte Carlo sample's parcels of CAM).
   */
  addLotPayables(chemistry: CathodeChemistry, liPerTm: number, massKgPerHour: number): void {
    let f = this.lastFrame;
    if (f === undefined || f.chemistry !== chemistry) this.lastFrame = f = frameIndexOf(chemistry);
    const tmKmol = massKgPerHour / (liPerTm * LI_G_PER_MOL + f.molarMass);
    // add and addScaled written out (a sample's parcels add every feed sub-lot here).
    const sums = this.kg;
    const seen = this.seen;
    if (seen[LI] === 0) {
      seen[LI] = 1;
      this.order[this.count++] = LI;
    }
    sums[LI]! += tmKmol * liPerTm * LI_G_PER_MOL;
    const idx = f.payIdx;
    const grams = f.payGrams;
    for (let i = 0; i < idx.length; i++) {
      const e = idx[i]!;
      if (seen[e] === 0) {
        seen[e] = 1;
        this.order[this.count++] = e;
      }
      sums[e]! += tmKmol * grams[i]!;
    }
  }

  /** addLot with the frame of the lot's chemistry at hand. */
  private addFramedLot(lot: Lot, f: FrameIndex): void {
    const tmKmol = tmKmolOf(lot, f);
    this.addFrame(f, tmKmol, liKgOf(lot, tmKmol));
  }

  /** A lot's lithium (kg/h), then its frame (TM site and anion) for `tmKmol` kmol/h of TM. */
  private addFrame(f: FrameIndex, tmKmol: number, liKg: number): void {
    this.add(LI, liKg);
    this.addScaled(f.idx, f.grams, tmKmol);
  }

  /**
   * add(idx[i], perUnit × g[i]) for each i: the same additions in the same order, written out (a
   * call to add per element is what the interpreter and baseline code pay most for in the sums of
   * every lot and component; optimized code inlined it anyway).
   */
  private addScaled(idx: Int32Array, g: readonly number[], perUnit: number): void {
    const kg = this.kg;
    const seen = this.seen;
    for (let i = 0; i < idx.length; i++) {
      const e = idx[i]!;
      if (seen[e] === 0) {
        seen[e] = 1;
        this.order[this.count++] = e;
      }
      kg[e]! += perUnit * g[i]!;
    }
  }

  /**
   * Add a stream: its components (zero flows skipped, as streamElements does), then its lots.
   * Returns the stream's lot mass, kg/h, summed in list order as lotListMass sums it: a closure
   * reads each lot once for its elements and its mass (with thousands of lots, a second pass over
   * them costs as much as the first). A stream of many lots is added from its list's terms.
   */
  addStream(s: Stream): number {
    this.addComponentFlows(s);
    return this.addLots(s);
  }

  /**
   * addStream, returning the stream's whole mass as streamMass gives it (its components' mass summed
   * as componentsMass sums it, plus its lot mass): a closure reads the components once for both.
   */
  addStreamMass(s: Stream): number {
    const c = this.addComponentFlows(s);
    return c + this.addLots(s);
  }

  /** Add a stream's components (zero flows skipped, as streamElements does); returns their mass, summed in key order (componentsMass). */
  private addComponentFlows(s: Stream): number {
    const flows = s.components;
    let m = 0;
    for (const id in flows) {
      const kg = flows[id]!;
      m += kg;
      if (kg !== 0) this.addComponentId(id, kg);
    }
    return m;
  }

  /** Add a stream's lots (addStream); returns their mass, summed in list order. */
  private addLots(s: Stream): number {
    if (s instanceof RowStream) return this.addIndexedRows(s);
    if (s.lots.length >= TERMS_MIN_LOTS) return this.addTerms(lotTermsOf(s.lots));
    // The frame looked up once per run of lots of one chemistry (a stream's lots share a few).
    let f: FrameIndex | undefined;
    let lotsKg = 0;
    for (let li = 0; li < s.lots.length; li++) {
      const lot = s.lots[li]!;
      if (f === undefined || f.chemistry !== lot.chemistry) f = frameIndexOf(lot.chemistry);
      lotsKg += lot.massKgPerHour;
      this.addFramedLot(lot, f);
    }
    return lotsKg;
  }

  /**
   * Add a row stream's lots from their rows and their source's index (sourceIndexOf): the TM kmol and
   * lithium of each lot as tmKmolOf and liKgOf compute them, added as addFramedLot adds them.
   */
  private addIndexedRows(s: RowStream): number {
    const sx = sourceIndexOf(s.source);
    const { rows, mass } = s;
    const li = s.overLiPerTm;
    // addFrame written out (its add and addScaled): the balances of every sample add ≈ 60 rows
    // here, and until optimized each row paid three calls for a dozen additions.
    const sums = this.kg;
    const seen = this.seen;
    const order = this.order;
    let count = this.count;
    let lotsKg = 0;
    for (let i = 0; i < s.n; i++) {
      const r = rows[i]!;
      const kg = mass[i]!;
      lotsKg += kg;
      const f = sx.frames[r]!;
      let tm: number;
      let liKg: number;
      if (li === null) {
        tm = kg / sx.perTm[r]!;
        liKg = tm * sx.liPerTm[r]! * LI_G_PER_MOL;
      } else {
        // A changed Li/TM: tmKmolOf and liKgOf of the lot at it.
        tm = kg / (li[i]! * LI_G_PER_MOL + f.molarMass);
        liKg = tm * li[i]! * LI_G_PER_MOL;
      }
      if (seen[LI] === 0) {
        seen[LI] = 1;
        order[count++] = LI;
      }
      sums[LI]! += liKg;
      const idx = f.idx;
      const grams = f.grams;
      for (let k = 0; k < idx.length; k++) {
        const e = idx[k]!;
        if (seen[e] === 0) {
          seen[e] = 1;
          order[count++] = e;
        }
        sums[e]! += tm * grams[k]!;
      }
    }
    this.count = count;
    return lotsKg;
  }

  /** Add a stream's lots from their terms: the same additions, in the same order, as addFramedLot makes. */
  private addTerms(t: LotTerms): number {
    const { frames, tmKmol, liKg } = t;
    for (let li = 0; li < frames.length; li++) this.addFrame(frames[li]!, tmKmol[li]!, liKg[li]!);
    return t.lotsKg;
  }

  /**
   * Back to no flows, to be filled again: a sum made for every lot group and control volume of
   * every Monte Carlo sample reuses one object instead of three arrays per sum. Only the entries
   * added to are cleared.
   */
  reset(): this {
    for (let k = 0; k < this.count; k++) {
      const i = this.order[k]!;
      this.kg[i] = 0;
      this.seen[i] = 0;
    }
    this.count = 0;
    return this;
  }

  /** The number of elements contributed to since the last reset. */
  get contributedCount(): number {
    return this.count;
  }

  /** The `k`-th element index (into ELEMENTS) in order of first contribution (k < contributedCount). */
  contributedAt(k: number): number {
    return this.order[k]!;
  }

  /**
   * The element indices in order of first contribution, valid up to contributedCount: this sum's
   * own list (overwritten after a reset), to be read at once and not kept — a closure reads every
   * entry, and a call per entry (contributedAt) is what the interpreter pays most for there.
   */
  get contributedOrder(): readonly number[] {
    return this.order;
  }

  /** The flows by element index (kgAt of every element): this sum's own list, to be read at once and not kept. */
  get flowsByIndex(): readonly number[] {
    return this.kg;
  }

  /** The flow of element `i` (index into ELEMENTS): 0 when nothing was added to it. */
  kgAt(i: number): number {
    return this.kg[i]!;
  }

  /** Whether anything (even 0) was added to element `i`. */
  has(i: number): boolean {
    return this.seen[i] !== 0;
  }

  /** The flows as a record, keys in order of first contribution, each multiplied by `factor` when given. */
  record(factor?: number): Partial<Record<Element, number>> {
    const out: Partial<Record<Element, number>> = {};
    for (let k = 0; k < this.count; k++) {
      const i = this.order[k]!;
      out[ELEMENTS[i]!] = factor === undefined ? this.kg[i]! : this.kg[i]! * factor;
    }
    return out;
  }
}
