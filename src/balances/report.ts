/**
 * Balance reports (DESIGN.md "Balances"): mass and element closure per unit and plant-wide,
 * energy by utility, reagents fresh vs recycled. Closure = |in − out| / max(in, out).
 */
import { ELEMENTS, TRACKED_ELEMENTS, type Element } from '../chemistry/elements.js';
import { component } from '../chemistry/components.js';
import type { Stream } from '../streams/stream.js';
import { ElementFlows } from '../streams/element-flows.js';
import type { FlowsheetGraph } from '../graph/build.js';
import type { Solution } from './solver.js';
import type { HeatUtility } from '../unit-ops/contract.js';

/** Mass and element flows in and out of a control volume, with closures. */
export interface Closure {
  massInKgPerHour: number;
  massOutKgPerHour: number;
  massClosure: number;
  elementsInKgPerHour: Partial<Record<Element, number>>;
  elementsOutKgPerHour: Partial<Record<Element, number>>;
  elementClosure: Partial<Record<Element, number>>;
}

/** Per-unit balance. */
export interface UnitBalance extends Closure {
  unit: string;
}

/** The plant's balance report. */
export interface BalanceReport {
  plant: Closure;
  units: UnitBalance[];
  /** Largest closure of any unit or the plant, over mass and every element. */
  worstClosure: number;
  energyKwhPerHour: {
    electricity: number;
    heat: Partial<Record<HeatUtility, number>>;
    total: number;
    minimumHeat: number;
  };
  reagents: { freshKgPerHour: Record<string, number>; recycledKgPerHour: Record<string, number> };
}

/** Element flows of a record of component draws (kg/h). */
export function drawElements(draws: Record<string, number>, into: Partial<Record<Element, number>> = {}): Partial<Record<Element, number>> {
  for (const id in draws) {
    const c = component(id);
    const kg = draws[id]!;
    for (let i = 0; i < c.elements.length; i++) {
      const e = c.elements[i]!;
      into[e] = (into[e] ?? 0) + kg * c.massFractions[i]!;
    }
  }
  return into;
}

/**
 * Relative closure |a − b| / max(a, b). `floor` keeps trace flows meaningful: an element flow below
 * 1e-12 of the control volume's total mass is compared against that floor, so 5e-324 kg/h in and
 * 0 out is not a 100 % imbalance.
 */
const rel = (a: number, b: number, floor = 0) => {
  const m = Math.max(Math.abs(a), Math.abs(b), floor);
  return m === 0 ? 0 : Math.abs(a - b) / m;
};

/** Fraction of a control volume's mass below which an element flow counts as a trace. */
export const TRACE_FRACTION = 1e-12;

/** The sums closureOf fills (reset for each call; the records it returns are new). */
const SUM_IN = new ElementFlows();
const SUM_OUT = new ElementFlows();

/** Indices (into ELEMENTS) of the tracked elements, in their order. */
const TRACKED_INDICES: readonly number[] = TRACKED_ELEMENTS.map((e) => ELEMENTS.indexOf(e));

/**
 * The element list closureOf fills (one closure at a time): its first `listed` entries, overwritten
 * by the next closureElements (a list's length set to 0 is a call into the runtime, and drops its
 * storage for the next closure to allocate again).
 */
const ELS: number[] = ELEMENTS.map(() => 0);
let listed = 0;
/** 1 for an element among the first `listed` of ELS (cleared with them). */
const LISTED: number[] = ELEMENTS.map(() => 0);

/**
 * The elements of a closure as indices: the tracked ones, then the others of `a`, then of `b`, each
 * once and in order of contribution — the first entries of ELS; returns how many. Valid until the
 * next call.
 */
function closureElements(a: ElementFlows, b: ElementFlows): number {
  for (let k = 0; k < listed; k++) LISTED[ELS[k]!] = 0;
  listed = 0;
  listElements(TRACKED_INDICES, TRACKED_INDICES.length);
  listElements(a.contributedOrder, a.contributedCount);
  listElements(b.contributedOrder, b.contributedCount);
  return listed;
}

/** List the first `count` element indices of `list` not listed yet, in order (a call per list, not per element). */
function listElements(list: readonly number[], count: number): void {
  for (let k = 0; k < count; k++) {
    const i = list[k]!;
    if (LISTED[i] === 0) {
      LISTED[i] = 1;
      ELS[listed++] = i;
    }
  }
}

/** Mass flows in and out of the control volume sumClosure last added up, kg/h (read right after it). */
let massIn = 0;
let massOut = 0;

/**
 * Add up a control volume: its element flows in SUM_IN and SUM_OUT (as streamElements and
 * drawElements make them, in typed arrays: element-flows.ts), its masses in massIn and massOut.
 */
function sumClosure(ins: readonly Stream[], draws: readonly Record<string, number>[], outs: readonly Stream[]): void {
  const sumIn = SUM_IN.reset();
  const sumOut = SUM_OUT.reset();
  let mIn = 0;
  let mOut = 0;
  // streamMass(s) = componentsMass(s) + lot mass, from the pass addStreamMass makes for the elements.
  // Indexed loops: a for…of makes an iterator and a result per step until optimized (every sample adds ≈ 20 records here).
  for (let i = 0; i < ins.length; i++) mIn += sumIn.addStreamMass(ins[i]!);
  for (let i = 0; i < draws.length; i++) mIn = sumIn.addDrawsMass(draws[i]!, mIn);
  for (let i = 0; i < outs.length; i++) mOut += sumOut.addStreamMass(outs[i]!);
  massIn = mIn;
  massOut = mOut;
}

/** Closure of a control volume given its inlet streams, draws and outlet streams. */
export function closureOf(ins: Stream[], draws: Record<string, number>[], outs: Stream[]): Closure {
  sumClosure(ins, draws, outs);
  const sumIn = SUM_IN;
  const sumOut = SUM_OUT;
  const mIn = massIn;
  const mOut = massOut;
  const elIn = sumIn.record();
  const elOut = sumOut.record();
  const elementClosure: Partial<Record<Element, number>> = {};
  const floor = TRACE_FRACTION * Math.max(mIn, mOut);
  // Tracked elements first, then those in and out in order of contribution; an element a side has
  // not seen is 0 there and added to its record (after its own keys, in this order). Read from the
  // sums by index: no set of names and no lookups by name in the records per closure.
  const n = closureElements(sumIn, sumOut);
  for (let k = 0; k < n; k++) {
    const i = ELS[k]!;
    const e = ELEMENTS[i]!;
    elementClosure[e] = rel(sumIn.kgAt(i), sumOut.kgAt(i), floor);
    if (!sumIn.has(i)) elIn[e] = 0;
    if (!sumOut.has(i)) elOut[e] = 0;
  }
  return { massInKgPerHour: mIn, massOutKgPerHour: mOut, massClosure: rel(mIn, mOut), elementsInKgPerHour: elIn, elementsOutKgPerHour: elOut, elementClosure };
}

/**
 * worstOf(closureOf(ins, draws, outs)) without the closure's three records: the mass closure, then
 * each element's in closureOf's order, through the same Math.max. What a Monte Carlo sample checks.
 */
export function worstClosureOf(ins: readonly Stream[], draws: readonly Record<string, number>[], outs: readonly Stream[]): number {
  sumClosure(ins, draws, outs);
  const floor = TRACE_FRACTION * Math.max(massIn, massOut);
  let w = rel(massIn, massOut);
  const n = closureElements(SUM_IN, SUM_OUT);
  // The flows read from the sums' lists (kgAt's values), not through two calls per element.
  const kgIn = SUM_IN.flowsByIndex;
  const kgOut = SUM_OUT.flowsByIndex;
  for (let k = 0; k < n; k++) {
    const i = ELS[k]!;
    w = Math.max(w, rel(kgIn[i]!, kgOut[i]!, floor));
  }
  return w;
}

function worstOf(c: Closure): number {
  let w = c.massClosure;
  for (const e in c.elementClosure) w = Math.max(w, c.elementClosure[e as Element]!);
  return w;
}

/** What balanceReport computes besides the plant-wide closure, energy and reagents. */
export interface BalanceOptions {
  /**
   * false: no per-unit closures (`units` is empty and `worstClosure` is the plant's), and the
   * plant-wide closure's records made only when `plant` is read (its worst is computed and checked
   * at once, from the sums: worstClosureOf). Default true.
   */
  units?: boolean;
}

/**
 * A balance report without per-unit closures (Monte Carlo samples, sweep points): its plant-wide
 * closure is made from the control volume's streams and draws when first read — only reports and
 * tests read it, and its three records of element flows and closures cost a sample more than the
 * check of its worst closure. The streams and draws of a solution are never changed once solved.
 */
class PlantOnRead implements BalanceReport {
  readonly units: UnitBalance[] = [];
  #closure: Closure | undefined = undefined;
  readonly #ins: Stream[];
  readonly #draws: Record<string, number>[];
  readonly #outs: Stream[];

  constructor(ins: Stream[], draws: Record<string, number>[], outs: Stream[], readonly worstClosure: number, readonly energyKwhPerHour: BalanceReport['energyKwhPerHour'], readonly reagents: BalanceReport['reagents']) {
    this.#ins = ins;
    this.#draws = draws;
    this.#outs = outs;
  }

  get plant(): Closure {
    return (this.#closure ??= closureOf(this.#ins, this.#draws, this.#outs));
  }
}

/**
 * The ids of the streams that leave the plant (to a boundary: no port), in the graph's order; made
 * once per graph (not changed once built) rather than found among all its streams per report.
 */
const LEAVING = new WeakMap<FlowsheetGraph, string[]>();

function leavingIdsOf(g: FlowsheetGraph): string[] {
  let ids = LEAVING.get(g);
  if (ids === undefined) {
    ids = [];
    for (const s of g.streams) if (s.to.port === null) ids.push(s.id);
    LEAVING.set(g, ids);
  }
  return ids;
}

/** Build the balance report of a solved flowsheet. */
export function balanceReport(g: FlowsheetGraph, sol: Solution, options: BalanceOptions = {}): BalanceReport {
  const perUnit = options.units !== false;
  const units: UnitBalance[] = [];
  let worst = 0;
  const fresh: Record<string, number> = {};
  const recycled: Record<string, number> = {};
  let electricity = 0;
  let minimumHeat = 0;
  const heat: Partial<Record<HeatUtility, number>> = {};
  const allDraws: Record<string, number>[] = [];
  const graphUnits = g.units;
  for (let i = 0; i < graphUnits.length; i++) {
    const u = graphUnits[i]!;
    const run = sol.runs.get(u.id)!;
    if (perUnit) {
      const c = closureOf(Object.values(sol.inlets.get(u.id)!), [run.draws], Object.values(run.outlets));
      units.push({ unit: u.id, ...c });
      worst = Math.max(worst, worstOf(c));
    }
    // Each record read through a local: a for-in reads its own object's keys fast (enum cache),
    // and runs come from every unit kind, so each read of a run's field is a megamorphic lookup.
    const draws = run.draws;
    const rec = run.recycled;
    const energy = run.energy;
    allDraws.push(draws);
    for (const k in draws) fresh[k] = (fresh[k] ?? 0) + draws[k]!;
    for (const k in rec) recycled[k] = (recycled[k] ?? 0) + rec[k]!;
    electricity += energy.electricityKw;
    minimumHeat += energy.minimumHeatKw;
    const heatKw = energy.heatKw;
    for (const k in heatKw) heat[k as HeatUtility] = (heat[k as HeatUtility] ?? 0) + (heatKw[k as HeatUtility] ?? 0);
  }
  const feed = sol.streams.get(g.feedStream.id)!;
  // Pushed, not mapped (optimized code maps into a holey list: another map for closureOf to meet).
  const leaving: Stream[] = [];
  const leavingIds = leavingIdsOf(g);
  for (let i = 0; i < leavingIds.length; i++) leaving.push(sol.streams.get(leavingIds[i]!)!);
  let heatTotal = 0;
  for (const k in heat) heatTotal = heatTotal + (heat[k as HeatUtility] ?? 0);
  const energyKwhPerHour = { electricity, heat, total: electricity + heatTotal, minimumHeat };
  const reagents = { freshKgPerHour: fresh, recycledKgPerHour: recycled };
  if (!perUnit) return new PlantOnRead([feed], allDraws, leaving, Math.max(worst, worstClosureOf([feed], allDraws, leaving)), energyKwhPerHour, reagents);
  const plant = closureOf([feed], allDraws, leaving);
  worst = Math.max(worst, worstOf(plant));
  return { plant, units, worstClosure: worst, energyKwhPerHour, reagents };
}
