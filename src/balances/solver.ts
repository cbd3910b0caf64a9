/**
 * Sequential-modular solver (DESIGN.md "Solver"): blocks in topological order; acyclic blocks in
 * one pass; each recycle loop iterated on its tear streams with bounded Wegstein acceleration,
 * falling back to damped direct substitution, until every component and lot mass (and lot state)
 * changes by less than the tolerance relative. A loop that does not converge is a model failure.
 */
import type { FlowsheetGraph, GraphStream, SolveBlock } from '../graph/build.js';
import { outletsOnlyRun, OUTLETS_ONLY_ENERGY, type RunContext, type UnitRun } from '../unit-ops/contract.js';
import type { SolverSettings } from '../schema/flowsheet.js';
import { emptyStream, mixStreams, sameStream, streamMass, type Stream, AMBIENT_K } from '../streams/stream.js';
import { lotWithMass, type Lot } from '../streams/lot.js';
import { LotCursor, RowStream, rowsLike } from '../streams/row-stream.js';
import { modelFailure } from '../schema/errors.js';
import { msg } from '../schema/messages.js';

/** A unit ready to run: its id and a closure over its resolved params. */
export interface RunnableUnit {
  id: string;
  run(inlets: Record<string, Stream>, ctx: RunContext): UnitRun;
  inletPorts: string[];
}

/** Convergence report of one recycle loop. */
export interface LoopReport {
  units: string[];
  tears: string[];
  iterations: number;
  residual: number;
  converged: boolean;
}

/** The solved flowsheet: every stream, every unit's inlets and run result, the loop reports. */
export interface Solution {
  streams: Map<string, Stream>;
  inlets: Map<string, Record<string, Stream>>;
  runs: Map<string, UnitRun>;
  loops: LoopReport[];
}

/** Solve the flowsheet for a feed stream. Throws a model failure (exit 2) when a loop does not converge. */
export function solve(g: FlowsheetGraph, units: Map<string, RunnableUnit>, feed: Stream, settings: SolverSettings, ambientK = AMBIENT_K): Solution {
  const streams = new Map<string, Stream>();
  const inlets = new Map<string, Record<string, Stream>>();
  const runs = new Map<string, UnitRun>();
  const loops: LoopReport[] = [];
  streams.set(g.feedStream.id, feed);
  const feedMass = streamMass(feed);

  const slots = slotsOf(g);
  // By slot index: the streams a loop unit's last run read (sourcesOf), for a later pass to reuse it by identity.
  const lastSources: (Stream | undefined)[][] = [];
  const runUnit = (id: string, mode: RunMode) => {
    const u = units.get(id)!;
    const sl = unitSlots(slots, g, u, ambientK);
    if (mode === 'reuse' && sameSources(sl, lastSources[sl.index], streams)) {
      // The very streams its last run read: the inlets it would be given are those (mixed alike), so
      // they are not made and compared again (a mix of a port's streams is the costly part).
      const kept = runs.get(id);
      if (kept !== undefined && kept.energy !== OUTLETS_ONLY_ENERGY) {
        const outlets = sl.outlets;
        for (let k = 0; k < outlets.ports.length; k++) streams.set(outlets.streamIds[k]!, kept.outlets[outlets.ports[k]!]!);
        return;
      }
    }
    const ins: Record<string, Stream> = {};
    const ports = u.inletPorts;
    for (let p = 0; p < ports.length; p++) {
      const port = ports[p]!;
      const ids = sl.inletIds[p]!;
      if (ids.length === 0) ins[port] = emptyStream(ambientK);
      else if (ids.length === 1) ins[port] = streams.get(ids[0]!) ?? emptyStream(ambientK);
      else ins[port] = mixStreams(ids.map((s) => streams.get(s) ?? emptyStream(ambientK)));
    }
    const outlets = sl.outlets;
    if (mode === 'reuse') {
      // A loop unit whose inlets are those of its last full run in this solve: that run again (units
      // are pure functions of their inlets), its outlets put back (a tear among them holds a guess).
      // A run that stopped at its outlets (its energy says so, contract.ts) is not reused.
      const last = inlets.get(id);
      const kept = runs.get(id);
      if (last !== undefined && kept !== undefined && kept.energy !== OUTLETS_ONLY_ENERGY && sameInlets(u.inletPorts, last, ins)) {
        for (let k = 0; k < outlets.ports.length; k++) streams.set(outlets.streamIds[k]!, kept.outlets[outlets.ports[k]!]!);
        return;
      }
    }
    const ctx = sl.ctx;
    // A loop unit (every pass of a loop runs each unit, the later ones in mode 'reuse'): what it read.
    if (mode !== 'run') lastSources[sl.index] = sourcesOf(sl, streams);
    const result = mode === 'outlets' ? outletsOnlyRun(() => u.run(ins, ctx)) : u.run(ins, ctx);
    inlets.set(id, ins);
    runs.set(id, result);
    for (let k = 0; k < outlets.ports.length; k++) {
      const port = outlets.ports[k]!;
      const out = result.outlets[port];
      if (!out) throw new Error(`internal: unit "${id}" returned no stream for outlet "${port}"`);
      streams.set(outlets.streamIds[k]!, out);
    }
  };

  const order = g.order;
  for (let b = 0; b < order.length; b++) {
    const block = order[b]!;
    if (!block.cyclic) {
      runUnit(block.units[0]!, 'run');
      continue;
    }
    loops.push(solveLoop(block.units, block.members, loopPlanOf(g, block), streams, runUnit, settings, ambientK, feedMass));
  }
  return { streams, inlets, runs, loops };
}

/**
 * How runUnit runs a unit: in full ('run' outside a loop, 'loop' in a loop's first pass); stopping at
 * its outlets (a loop's first pass, contract.ts outletsOnly); or, in a loop's later pass, reusing its
 * last full run when its inlets are the same.
 */
type RunMode = 'run' | 'loop' | 'outlets' | 'reuse';

/** The streams on a unit's connected inlets, port by port in its slot's order (undefined: not yet solved). */
function sourcesOf(sl: UnitSlots, streams: Map<string, Stream>): (Stream | undefined)[] {
  const out: (Stream | undefined)[] = [];
  for (let p = 0; p < sl.inletIds.length; p++) {
    const ids = sl.inletIds[p]!;
    for (let k = 0; k < ids.length; k++) out.push(streams.get(ids[k]!));
  }
  return out;
}

/**
 * Whether a unit's connected inlets hold the very stream objects `last` (sourcesOf of its last run):
 * then the inlets runUnit would make are those of that run — the same streams, or a mix of the same
 * streams (a port without streams gets an empty stream every time). A stream not yet solved is never
 * taken as the same.
 */
function sameSources(sl: UnitSlots, last: readonly (Stream | undefined)[] | undefined, streams: Map<string, Stream>): boolean {
  if (last === undefined) return false;
  let j = 0;
  for (let p = 0; p < sl.inletIds.length; p++) {
    const ids = sl.inletIds[p]!;
    for (let k = 0; k < ids.length; k++, j++) {
      const s = last[j];
      if (s === undefined || streams.get(ids[k]!) !== s) return false;
    }
  }
  return true;
}

/** Whether two inlet records hold the same streams on every port (sameStream). */
function sameInlets(ports: readonly string[], a: Record<string, Stream>, b: Record<string, Stream>): boolean {
  for (let k = 0; k < ports.length; k++) if (!sameStream(a[ports[k]!]!, b[ports[k]!]!)) return false;
  return true;
}

/** A unit's outlets as lists: port names and the ids of the streams they feed, in the graph's order. */
interface OutletList {
  ports: string[];
  streamIds: string[];
}

/**
 * What runUnit reads of the graph for one unit: per inlet port of its runnable (in that list's
 * order) the ids of the streams entering it, its outlet list, and the context it runs in. Made once
 * per graph and unit (a graph is not changed once built, graph/build.ts): a Monte Carlo sample
 * solves the same graph, and looked these up in three maps per unit run, iterated the outlet map
 * (an entry pair per outlet) and made a context per run.
 */
interface UnitSlots {
  /** Index of these slots among the graph's (a solve's per-unit lists are indexed by it). */
  index: number;
  /** The runnable's inlet port list these were made for. */
  inletPorts: readonly string[];
  inletIds: string[][];
  outlets: OutletList;
  ambientK: number;
  /** The context the unit runs in (units only read it). */
  ctx: RunContext;
}

/** Slots by graph, then by unit id. */
const SLOTS = new WeakMap<FlowsheetGraph, Map<string, UnitSlots>>();

function slotsOf(g: FlowsheetGraph): Map<string, UnitSlots> {
  let slots = SLOTS.get(g);
  if (slots === undefined) SLOTS.set(g, (slots = new Map()));
  return slots;
}

/** The slots of unit `u` in graph `g` (kept in `slots`; made again for another port list or ambient temperature). */
function unitSlots(slots: Map<string, UnitSlots>, g: FlowsheetGraph, u: RunnableUnit, ambientK: number): UnitSlots {
  const hit = slots.get(u.id);
  if (hit !== undefined && hit.inletPorts === u.inletPorts && Object.is(hit.ambientK, ambientK)) return hit;
  const byPort = g.inletsOf.get(u.id)!;
  const inletIds: string[][] = [];
  for (const port of u.inletPorts) inletIds.push((byPort.get(port) ?? []).map((s) => s.id));
  const outlets: OutletList = { ports: [], streamIds: [] };
  for (const [port, s] of g.outletOf.get(u.id)!) { outlets.ports.push(port); outlets.streamIds.push(s.id); }
  // A unit's slots made again keep its index (a solve's per-unit lists stay by unit).
  const made: UnitSlots = { index: hit?.index ?? slots.size, inletPorts: u.inletPorts, inletIds, outlets, ambientK, ctx: { unitId: u.id, ambientK } };
  slots.set(u.id, made);
  return made;
}

/** A converged loop polishes until its tear mismatch is below this fraction of the plant feed. */
const MISMATCH_OF_FEED = 1e-11;
/** Polishing target of the per-variable residual, as a fraction of the tolerance. */
const POLISH_FACTOR = 1e-2;
/** At most this many polishing iterations after convergence. */
const MAX_POLISH = 50;

const LOT_STATE = ['liPerTm', 'cationMixing', 'surfaceRockSalt_nm', 'crackFraction', 'd50_um', 'coating_nm'] as const;

/**
 * Where each tear variable — a component mass or a lot mass of one tear stream — sits in the flat
 * vectors the loop iterates (masses are accelerated; lot states are substituted). Variables are
 * numbered in order of first appearance (tear by tear, components then lots), and the layout is
 * shared by every iterate of a loop: it only grows, so the vectors of two iterates agree on every
 * index they both have.
 */
class TearLayout {
  /** Per variable: index of its tear stream, whether it is a lot, and the component or lot id. */
  readonly tear: number[] = [];
  readonly isLot: boolean[] = [];
  readonly name: string[] = [];
  private readonly components: (Map<string, number> | undefined)[];
  private readonly lots: (Map<string, number> | undefined)[];

  constructor(tearCount: number) {
    // Plain loops: Array.from with a mapper takes the generic iteration path (once per loop solve).
    // Maps made when a tear first has a variable of their kind (a liquor recycle has no lots).
    this.components = [];
    this.lots = [];
    for (let t = 0; t < tearCount; t++) {
      this.components.push(undefined);
      this.lots.push(undefined);
    }
  }

  get size(): number {
    return this.name.length;
  }

  /** Index of a variable; a new one is added at the end. */
  indexOf(tear: number, isLot: boolean, name: string): number {
    const maps = isLot ? this.lots : this.components;
    let byName = maps[tear];
    if (byName === undefined) maps[tear] = byName = new Map<string, number>();
    let i = byName.get(name);
    if (i === undefined) {
      i = this.name.length;
      byName.set(name, i);
      this.tear.push(tear);
      this.isLot.push(isLot);
      this.name.push(name);
    }
    return i;
  }
}

/**
 * The tear streams as they are in `streams`, by tear index: a list, not a map per iteration (the
 * loop compares the streams before and after each pass by index).
 */
function tearStreams(tears: GraphStream[], streams: Map<string, Stream>): (Stream | undefined)[] {
  const out: (Stream | undefined)[] = [];
  for (let t = 0; t < tears.length; t++) out.push(streams.get(tears[t]!.id));
  return out;
}

/**
 * Tear masses as a vector in layout order (0 where a stream lacks a variable); new variables extend
 * the layout. A list of doubles filled in place, not a typed array filled from two lists of
 * positions and masses: a Float64Array is two objects and a buffer to make, for a vector of a few
 * entries per loop pass.
 */
function flatten(layout: TearLayout, streams: (Stream | undefined)[]): number[] {
  const values: number[] = [];
  for (let i = 0; i < layout.size; i++) values.push(0);
  for (let t = 0; t < streams.length; t++) {
    const s = streams[t];
    if (!s) continue;
    for (const c in s.components) put(values, layout.indexOf(t, false, c), s.components[c]!);
    // A row stream's lots from their rows (row-stream.ts), without making them.
    if (s instanceof RowStream) for (let i = 0; i < s.n; i++) put(values, layout.indexOf(t, true, s.idAt(i)), s.mass[i]!);
    else for (const lot of s.lots) put(values, layout.indexOf(t, true, lot.id), lot.massKgPerHour);
  }
  return values;
}

/** values[i] = x: an index the layout has just added is the next one (the list grows by one). */
function put(values: number[], i: number, x: number): void {
  if (i === values.length) values.push(x);
  else values[i] = x;
}

/** Number of lots of a stream (a row stream's rows, without making its lots). */
function lotCount(s: Stream): number {
  return s instanceof RowStream ? s.n : s.lots.length;
}

/** The lots of a stream by index: its lot objects, or a row stream's through a cursor (each `at` moves it). */
function lotView(s: Stream): { n: number; at: (i: number) => Lot } {
  if (s instanceof RowStream) {
    const c = new LotCursor(s);
    return { n: s.n, at: (i) => c.at(i) };
  }
  const lots = s.lots;
  return { n: lots.length, at: (i) => lots[i]! };
}

/** Largest relative change of lot state between two versions of the tear streams (by tear index). */
function stateChange(a: (Stream | undefined)[], b: (Stream | undefined)[]): number {
  let worst = 0;
  for (let t = 0; t < a.length; t++) {
    const sa = a[t];
    const sb = b[t];
    if (!sa || !sb) continue;
    // Row streams read through cursors (row-stream.ts): the lots of each, by index.
    // A stream of components alone (a liquor recycle) has no state to compare.
    if (lotCount(sb) === 0) continue;
    const va = lotView(sa);
    const vb = lotView(sb);
    const byId = new Map<string, number>();
    for (let i = 0; i < va.n; i++) byId.set(va.at(i).id, i);
    for (let j = 0; j < vb.n; j++) {
      const lb = vb.at(j);
      const ia = byId.get(lb.id);
      const la = ia === undefined ? undefined : va.at(ia);
      if (!la) { if (lb.massKgPerHour !== 0) worst = Math.max(worst, 1); continue; }
      for (const k of LOT_STATE) {
        const d = Math.abs(la[k] - lb[k]) / Math.max(Math.abs(lb[k]), 1e-12);
        if (d > worst) worst = d;
      }
    }
  }
  return worst;
}

/** The lot templates of a tear stream without lots (only read). */
const NO_LOTS: ReadonlyMap<string, Lot> = new Map();

/** Write a flat vector back into tear streams, taking lot states and temperature from `template` (by tear index). */
function unflatten(layout: TearLayout, values: readonly number[], template: (Stream | undefined)[], ambientK: number): Stream[] {
  const out: Stream[] = [];
  const lotTemplates: ReadonlyMap<string, Lot>[] = [];
  const rowTemplates: (Map<string, number> | undefined)[] = [];
  for (let t = 0; t < template.length; t++) {
    const s = template[t];
    if (s instanceof RowStream) {
      // A torn row stream stays rows: each lot its template's row with the new mass.
      out.push(rowsLike(s, s.temperatureK));
      const byId = new Map<string, number>();
      for (let i = 0; i < s.n; i++) byId.set(s.idAt(i), i);
      rowTemplates.push(byId);
      lotTemplates.push(NO_LOTS);
      continue;
    }
    out.push({ components: {}, lots: [], temperatureK: s?.temperatureK ?? ambientK });
    rowTemplates.push(undefined);
    // A stream without lots (a liquor recycle) shares one empty map: no list and map made per pass.
    const lots = s?.lots;
    lotTemplates.push(lots === undefined || lots.length === 0 ? NO_LOTS : new Map(lots.map((lot) => [lot.id, lot])));
  }
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x === 0) continue;
    const tear = layout.tear[i]!;
    const name = layout.name[i]!;
    if (!layout.isLot[i]) out[tear]!.components[name] = x;
    else if (rowTemplates[tear] !== undefined) {
      const row = rowTemplates[tear]!.get(name);
      if (row !== undefined) (out[tear] as RowStream).pushFrom(template[tear] as RowStream, row, x);
    } else {
      const tpl = lotTemplates[tear]!.get(name);
      // A lot whose mass the step leaves as it is stays the same (immutable) object.
      if (tpl) out[tear]!.lots.push(tpl.massKgPerHour === x ? tpl : lotWithMass(tpl, x));
    }
  }
  return out;
}

/**
 * What a loop's solve reads of its block besides its units: its tear streams, their ids (for the
 * loop report and messages; read only) and how each unit runs in the first pass. Made once per
 * block of a graph (neither is changed once built): a Monte Carlo sample solves the same loops.
 */
interface LoopPlan {
  tears: GraphStream[];
  tearIds: string[];
  /** By position in the block's units: 'outlets' for a unit that reads a tear, else 'loop' (in full). */
  firstPass: RunMode[];
}

const LOOP_PLANS = new WeakMap<SolveBlock, LoopPlan>();

function loopPlanOf(g: FlowsheetGraph, block: SolveBlock): LoopPlan {
  let plan = LOOP_PLANS.get(block);
  if (plan === undefined) {
    const tears = block.tears.map((t) => g.streamById.get(t)!);
    const readsTear = new Set<string>();
    for (const t of tears) readsTear.add(t.to.node);
    plan = { tears, tearIds: tears.map((t) => t.id), firstPass: block.units.map((u) => (readsTear.has(u) ? 'outlets' : 'loop')) };
    LOOP_PLANS.set(block, plan);
  }
  return plan;
}

function solveLoop(
  loopUnits: string[],
  members: string[],
  plan: LoopPlan,
  streams: Map<string, Stream>,
  runUnit: (id: string, mode: RunMode) => void,
  settings: SolverSettings,
  ambientK: number,
  feedMass: number,
): LoopReport {
  let polish = 0;
  const { tears, tearIds } = plan;
  for (let t = 0; t < tears.length; t++) if (!streams.has(tears[t]!.id)) streams.set(tears[t]!.id, emptyStream(ambientK));
  const layout = new TearLayout(tears.length);
  let x = flatten(layout, tearStreams(tears, streams));
  let xPrev: number[] | undefined;
  let gPrev: number[] | undefined;
  let residual = Infinity;
  for (let iter = 1; iter <= settings.maxIterations; iter++) {
    const before = tearStreams(tears, streams);
    // The first pass: a unit that reads a tear gets other inlets in the next pass (unless the loop
    // is done in this one: run again below), so it stops at its outlets (contract.ts outletsOnly);
    // the others run in full, and a later pass that brings them the same inlets reuses their run.
    const firstPass = iter === 1;
    for (let k = 0; k < loopUnits.length; k++) runUnit(loopUnits[k]!, firstPass ? plan.firstPass[k]! : 'reuse');
    const after = tearStreams(tears, streams);
    const gx = flatten(layout, after);
    if (gx.length > x.length) x = flatten(layout, before);
    // Residual: largest relative change of any mass, with a floor tied to the total tear flow.
    let total = 0;
    for (let i = 0; i < gx.length; i++) total += Math.abs(gx[i]!);
    const floor = Math.max(total * 1e-15, 1e-300);
    let worst = 0;
    for (let i = 0; i < gx.length; i++) {
      const gi = gx[i]!;
      const xi = x[i]!;
      if (!Number.isFinite(gi)) throw modelFailure('loop-diverged', msg.diverged(members, tearIds, iter));
      const d = Math.abs(gi - xi) / Math.max(Math.abs(gi), floor);
      if (d > worst) worst = d;
    }
    worst = Math.max(worst, stateChange(before, after));
    const prevResidual = residual;
    residual = worst;
    if (residual <= settings.tolerance) {
      // Converged. The tear mismatch shows up in the plant-wide closure multiplied by the recycle
      // ratio (of the whole loop and of each element), so polish a few more cheap steps: to 1 % of
      // the tolerance per variable and a total mismatch below 1e-11 of the feed.
      let mismatch = 0;
      for (let i = 0; i < gx.length; i++) mismatch += Math.abs(gx[i]! - x[i]!);
      const polished = mismatch <= MISMATCH_OF_FEED * feedMass && residual <= settings.tolerance * POLISH_FACTOR;
      if (polished || polish >= MAX_POLISH || iter === settings.maxIterations) {
        // A loop done in its first pass runs it again in full, from the same tears: the same
        // outlets (units are pure functions of their inlets), now with every result.
        if (firstPass) {
          for (let t = 0; t < tears.length; t++) streams.set(tears[t]!.id, before[t]!);
          for (const u of loopUnits) runUnit(u, 'reuse');
        }
        return { units: members, tears: tearIds, iterations: iter, residual, converged: true };
      }
      polish++;
    }
    // Next guess: Wegstein per variable (bounded q) after two iterates, else damped substitution.
    const next: number[] = [];
    // A residual that grew means acceleration overshot: take a damped substitution step instead.
    const growing = iter > 1 && residual > prevResidual;
    const accelerate = settings.method === 'wegstein' && !growing && xPrev !== undefined && gPrev !== undefined && xPrev.length === x.length;
    for (let i = 0; i < gx.length; i++) {
      const gi = gx[i]!;
      const xi = x[i]!;
      if (accelerate) {
        const dx = xi - xPrev![i]!;
        const dg = gi - gPrev![i]!;
        let q = 0;
        // Secant slope per variable; a non-finite slope (denormal steps) means no acceleration.
        if (dx !== 0) {
          const s = dg / dx;
          q = s === 1 ? settings.wegsteinMin : s / (s - 1);
          q = Number.isFinite(q) ? Math.min(settings.wegsteinMax, Math.max(settings.wegsteinMin, q)) : 0;
        }
        next.push(Math.max(0, q * xi + (1 - q) * gi));
      } else if (growing) {
        next.push(settings.damping * gi + (1 - settings.damping) * xi);
      } else {
        next.push(gi);
      }
    }
    xPrev = x;
    gPrev = gx;
    x = next;
    const guess = unflatten(layout, x, after, ambientK);
    for (let t = 0; t < tears.length; t++) streams.set(tears[t]!.id, guess[t]!);
  }
  throw modelFailure('loop-not-converged', msg.notConverged(members, tearIds, settings.maxIterations, residual, settings.tolerance));
}
