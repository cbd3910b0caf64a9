/**
 * Evaluate a Model: build the feed, solve the flowsheet, report balances, design and size every
 * unit, judge the product against the specification, and price the plant.
 * Pure: the same Model gives the same Evaluation, bit for bit.
 */
import { feedStream } from '../streams/feed.js';
import { AMBIENT_K, lotsMass, streamMass, type Stream } from '../streams/stream.js';
import { scaledRows } from '../streams/row-stream.js';
import { solve, type RunnableUnit, type Solution } from '../balances/solver.js';
import { balanceReport, type BalanceReport } from '../balances/report.js';
import { qualityReport, type QualityReport } from '../balances/quality.js';
import { contaminantWarnings } from '../balances/contaminants.js';
import type { Diagnostic, Ports, RunContext, UnitDesign, UnitRun } from '../unit-ops/contract.js';
import { sizePlant } from '../design/plant.js';
import { NO_LOAD_KG_PER_HOUR } from '../design/equipment.js';
import { msg } from '../schema/messages.js';
import type { DesignedUnit, PlantSizing } from '../design/types.js';
import { economics, type EconomicsResult } from '../economics/index.js';
import type { EconomicsInput } from '../economics/input.js';
import { economicsInput } from './economics-input.js';
import { placeEvaluationIssue, type Model, type ResolvedUnit } from './resolve.js';
import { shiftsOf } from './shifts.js';
import { evaluationError, modelFailure, RegenflowError } from '../schema/errors.js';

/** Everything computed for one scenario: its physics, then its economics. */
export interface Evaluation extends Physics {
  model: Model;
  economicsInput: EconomicsInput;
  economics: EconomicsResult;
  /** Every diagnostic: the model's, the physics', the economics' and the balance checks'. */
  diagnostics: Diagnostic[];
}

/**
 * What to compute. `mode: 'sample'` is for Monte Carlo samples, sweep points and other runs that
 * only read the KPIs (kpisOf): they come out identical (===) to a report run's, but work only
 * reports need is skipped — the per-unit balance closures (`balances.units` is empty and
 * `worstClosure` is the plant's; the plant-wide closure is still computed and checked, its records
 * made when read), the quality verdict of every product lot (`quality.lots` and the by-stream
 * residual salts and foreign solids are empty; totals are kept), the sizing's per-unit rows
 * (`sizing.units` is empty; every item, the crew and the bottleneck are kept), the texts
 * units write for reports (energy-item bases, equipment descriptions: RunContext.describe), the
 * loop convergence reports and the equipment items' notes among the diagnostics, and the campaign
 * schedule. Such an Evaluation must
 * not be rendered as a run document.
 */
export interface EvaluateOptions {
  /** false: no campaign schedule (implied by mode 'sample'). */
  schedule?: boolean;
  /** 'report' (default): everything; 'sample': what the KPIs need. */
  mode?: 'report' | 'sample';
  /**
   * The physics of this scenario computed before (evaluatePhysics, same mode), to be reused: for a
   * model that differs from the one it was computed for in its prices and finance only — they
   * reach the economics and nothing before it — so a price or discount-rate sample prices the same
   * plant again instead of solving it again.
   */
  physics?: Physics;
}

/**
 * What an evaluation computes before prices and finance enter: the feed, the solved flowsheet,
 * balances, unit designs, plant sizing and product quality, with their diagnostics (the model's
 * own diagnostics not included: they are the priced model's).
 */
export interface Physics {
  feed: Stream;
  solution: Solution;
  balances: BalanceReport;
  designs: Map<string, UnitDesign>;
  sizing: PlantSizing;
  quality: QualityReport;
  diagnostics: Diagnostic[];
}

/** What a sample's quality report leaves out (the verdict per lot: balances/quality.ts). */
const SAMPLE_QUALITY = { verdicts: false } as const;

/** How a sample's economics input is built (feed lines a previous sample made may be reused: pipeline/economics-input.ts). */
const SAMPLE_INPUT = { sample: true } as const;

/** Closure above which a balance is reported as a diagnostic error (DESIGN.md: 1e-9 relative). */
export const CLOSURE_LIMIT = 1e-9;

/**
 * The feed stream at 1 kg/h of the feed last evaluated: a sweep of the throughput reuses it, and a
 * Monte Carlo sample (a new feed object each time) replaces it without the cost of a WeakMap entry.
 */
let unitFeed: { feed: object; stream: Stream } | undefined;

/**
 * The feed stream: built once per feed (1 kg/h, sub-lots discretised) and scaled to the throughput,
 * as rows of those lots (row-stream.ts: the copies scaleStream makes, made only if read).
 */
function feedFor(model: Model): Stream {
  if (unitFeed?.feed !== model.feed) unitFeed = { feed: model.feed, stream: feedStream(model.feed, 1, AMBIENT_K) };
  return scaledRows(unitFeed.stream, model.feedKgPerHour);
}

/**
 * The design of a unit, or — when every inlet is empty at the solved flows (e.g. a sorting lane
 * no lot takes) — no equipment and a warning: a unit that receives nothing is not sized, rather
 * than asked to size vessels for a load it does not have.
 */
function designUnit(u: ResolvedUnit, inlets: Record<string, Stream>, run: UnitRun, ctx: RunContext, diagnostics: Diagnostic[]): UnitDesign {
  let load = 0;
  for (const k in inlets) load += streamMass(inlets[k]!);
  if (load >= NO_LOAD_KG_PER_HOUR) return u.op.design(u.params as never, inlets, run, ctx);
  diagnostics.push({ code: 'unit-without-material', severity: 'warning', where: u.id, message: msg.unitWithoutMaterial() });
  return { mode: 'continuous', residenceTimeH: 0, equipment: [], operatorsPerShift: 0 };
}

/**
 * Error-level diagnostics that belong to a valid result: a rated design whose items cannot take the
 * load (`overloaded`, design/plant.ts) is a result a planner must see in full — the commands print
 * it and exit 2 (cli/capacity-options.ts exitOnErrors).
 */
const REPORTED_ERRORS: ReadonlySet<string> = new Set(['overloaded']);

/**
 * Solve, size and price a model. Throws a model failure (exit 2) when a loop does not converge or
 * any other error-level diagnostic is raised (a result whose balances do not close is not a result);
 * every failure names the scenario file (schema/errors.ts evaluationError).
 */
export function evaluate(model: Model, options: EvaluateOptions = {}): Evaluation {
  let ev: Evaluation;
  try {
    ev = evaluateModel(model, options);
  } catch (e) {
    throw evaluationError(e, model.file, (issue) => placeEvaluationIssue(model, issue));
  }
  const errors = errorsOf(ev.diagnostics);
  if (errors.length > 0) throw evaluationError(modelFailure(errors[0]!.code, msg.errorDiagnostics(errors.map((d) => `${d.where}: ${d.message}`), model.flowsheet.solver.tolerance)), model.file);
  // Every operating cost but the feed is ≥ 0, so a negative total means fees paid for the feed exceed
  // the cost of running the plant: money for nothing, refused at the prices that say so.
  const opex = ev.economics.opex;
  if (opex.totalUsd < 0) throw evaluationError(new RegenflowError('negative-opex', msg.negativeOpex(opex.totalUsd, opex.byCategory.feed ?? 0)), model.file, (issue) => placeEvaluationIssue(model, issue));
  return ev;
}

/** No errors: what errorsOf returns for the diagnostics of nearly every evaluation (never changed). */
const NO_ERRORS: readonly Diagnostic[] = Object.freeze([]);

/** The error-level diagnostics that fail an evaluation (not REPORTED_ERRORS), in order; a list made only when there is one. */
function errorsOf(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  let errors: Diagnostic[] | undefined;
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    if (d.severity === 'error' && !REPORTED_ERRORS.has(d.code)) (errors ??= []).push(d);
  }
  return errors ?? NO_ERRORS;
}

/** `items` pushed onto `list` one by one, in order (a spread push is a generic call, even of an empty list). */
function pushAll<T>(list: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) list.push(items[i]!);
}

/** Inlet port names by ports object (most kinds return one constant ports object): built once, by push. */
const INLET_PORTS = new WeakMap<Ports, string[]>();

function inletPortsOf(ports: Ports): string[] {
  let names = INLET_PORTS.get(ports);
  if (!names) {
    names = [];
    for (const p of ports.inlets) names.push(p.name);
    INLET_PORTS.set(ports, names);
  }
  return names;
}

/** A unit's runnable (for the solver) and run context, as evaluatePhysics hands them out. */
interface UnitRunner {
  unit: ResolvedUnit;
  feedBasis: Model['feed']['basis'];
  runnable: RunnableUnit;
  ctx: RunContext;
}

/**
 * The last runner made for each unit id, one map per mode: a runner is made once per resolved unit
 * object rather than per evaluation — a Monte Carlo sample patches one unit, the others keep their
 * identity (resolve.ts), so their context, runnable and closure are not made again, and the patched
 * one replaces its id's entry (no weak-map entry per sample). A unit object is never changed once
 * resolved; the unit and the feed basis its context carries are compared, and a runner of another
 * unit or basis is replaced. Contexts are only read by the units.
 */
const SAMPLE_RUNNERS = new Map<string, UnitRunner>();
const REPORT_RUNNERS = new Map<string, UnitRunner>();

/**
 * The runnables the solver looks units up in, by unit id, one map per mode: every unit of the
 * flowsheet at hand is put there (its runner's) before each solve, which looks up only the units of
 * its graph — so an entry left by another flowsheet is never read, and a sample sets entries that
 * exist instead of filling a new map. The solver only reads it.
 */
const SAMPLE_RUNNABLES = new Map<string, RunnableUnit>();
const REPORT_RUNNABLES = new Map<string, RunnableUnit>();

function runnerOf(runners: Map<string, UnitRunner>, u: ResolvedUnit, feedBasis: Model['feed']['basis'], sample: boolean): UnitRunner {
  const hit = runners.get(u.id);
  if (hit !== undefined && hit.unit === u && hit.feedBasis === feedBasis) return hit;
  const ctx: RunContext = sample ? { unitId: u.id, ambientK: AMBIENT_K, feedBasis, describe: false } : { unitId: u.id, ambientK: AMBIENT_K, feedBasis };
  const r: UnitRunner = { unit: u, feedBasis, ctx, runnable: { id: u.id, inletPorts: inletPortsOf(u.ports), run: (inlets) => u.op.run(u.params as never, inlets, ctx) } };
  runners.set(u.id, r);
  return r;
}

function evaluateModel(model: Model, options: EvaluateOptions): Evaluation {
  const sample = options.mode === 'sample';
  const physics = options.physics ?? evaluatePhysics(model, options);
  const { feed, solution, balances, designs, sizing, quality } = physics;
  const diagnostics: Diagnostic[] = [];
  if (model.diagnostics) pushAll(diagnostics, model.diagnostics);
  pushAll(diagnostics, physics.diagnostics);
  const input = economicsInput(model, feed, solution, balances, designs, sizing, quality, model.prices, sample ? SAMPLE_INPUT : {});
  const econ = economics(input, model.prices, model.finance, { describe: !sample });
  pushAll(diagnostics, econ.diagnostics);

  // Indexed: a sample's list is empty, and a for…of makes an iterator for it all the same.
  const unitBalances = balances.units;
  for (let i = 0; i < unitBalances.length; i++) {
    const ub = unitBalances[i]!;
    if (ub.massClosure > CLOSURE_LIMIT) diagnostics.push({ code: 'mass-closure', severity: 'error', where: ub.unit, message: msg.unitMassClosure(ub.massClosure.toExponential(2), CLOSURE_LIMIT) });
  }
  if (balances.worstClosure > CLOSURE_LIMIT) diagnostics.push({ code: 'closure', severity: 'error', where: 'plant', message: msg.plantClosure(balances.worstClosure.toExponential(2), CLOSURE_LIMIT) });
  if (!sample) {
    for (const loop of solution.loops) {
      diagnostics.push({ code: 'loop-converged', severity: 'info', where: loop.units.join(','), message: msg.loopConverged(loop.iterations, loop.tears, loop.residual.toExponential(2)) });
    }
  }
  return { model, feed, solution, balances, designs, sizing, quality, economicsInput: input, economics: econ, diagnostics };
}

/** The physics of a model (everything before prices and finance), for evaluate or for reuse by samples that vary only those. */
export function evaluatePhysics(model: Model, options: Omit<EvaluateOptions, 'physics'> = {}): Physics {
  const sample = options.mode === 'sample';
  const fs = model.flowsheet;
  const feed = feedFor(model);
  const runnable = sample ? SAMPLE_RUNNABLES : REPORT_RUNNABLES;
  const feedBasis = model.feed.basis;
  const runners = sample ? SAMPLE_RUNNERS : REPORT_RUNNERS;
  const units: UnitRunner[] = [];
  const fsUnits = fs.units;
  for (let i = 0; i < fsUnits.length; i++) {
    const u = fsUnits[i]!;
    const r = runnerOf(runners, u, feedBasis, sample);
    units.push(r);
    runnable.set(u.id, r.runnable);
  }
  const solution = solve(fs.graph, runnable, feed, fs.solver, AMBIENT_K);
  const balances = balanceReport(fs.graph, solution, { units: !sample });
  const designs = new Map<string, UnitDesign>();
  const diagnostics: Diagnostic[] = [];
  // Pushed, not mapped: optimized code maps into a holey list, another map for sizePlant to meet.
  const designed: DesignedUnit[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!.unit;
    const run = solution.runs.get(u.id)!;
    for (let k = 0; k < run.diagnostics.length; k++) diagnostics.push(run.diagnostics[k]!);
    const design = designUnit(u, solution.inlets.get(u.id)!, run, units[i]!.ctx, diagnostics);
    designs.set(u.id, design);
    designed.push({ unitId: u.id, kind: u.kind, design });
  }
  const hours = model.plant.operatingHours;
  const shifts = shiftsOf(model);
  // Literals, not spread copies of conditional ones (a sample made three objects for this).
  const sizeOptions = sample ? { shifts, schedule: false, describe: false } : options.schedule === false ? { shifts, schedule: false } : { shifts };
  const sizing = sizePlant(designed, hours, model.feedKgPerHour * hours, model.design, sizeOptions);
  pushAll(diagnostics, sizing.diagnostics);
  const quality = qualityReport(fs.graph, solution, model.spec, lotsMass(feed), sample ? SAMPLE_QUALITY : {});
  if (!sample) diagnostics.push(...contaminantWarnings(fs.graph, solution, model.spec));
  return { feed, solution, balances, designs, sizing, quality, diagnostics };
}
