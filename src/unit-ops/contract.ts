/**
 * The unit-operation contract (DESIGN.md "Unit operation"): a params schema with sourced defaults,
 * named ports, a pure stoichiometric `run`, a `design` giving mode, times and equipment with cost
 * correlations. One file per kind implements it; registry.ts lists them all.
 */
import type { z } from 'zod';
import type { UnitKind } from '../schema/kinds.js';
import type { FeedBasis } from '../schema/feed.js';
import type { Stream } from '../streams/stream.js';

/** A named port of a unit. */
export interface PortSpec {
  name: string;
  description: string;
  /** An optional inlet may stay unconnected (e.g. a recycle inlet). Outlets are never optional. */
  optional?: boolean;
}

/** The ports of a unit for given parameters (some kinds have parameter-dependent ports). */
export interface Ports {
  inlets: PortSpec[];
  outlets: PortSpec[];
}

/** A diagnostic collected in the result (never printed by the engine). */
export interface Diagnostic {
  code: string;
  severity: 'info' | 'warning' | 'error';
  where: string;
  message: string;
}

/** Heat utilities reported apart from electricity. */
export type HeatUtility = 'natural-gas' | 'steam';

/** One line of a unit's bottom-up energy breakdown. */
export interface EnergyItem {
  name: string;
  /** sensible | latent | reaction | loss | motor | electrochemical | other */
  category: 'sensible' | 'latent' | 'reaction' | 'loss' | 'motor' | 'electrochemical' | 'other';
  /** Delivered energy rate, kW (= kWh/h), after efficiencies. */
  kw: number;
  /** Which utility supplies it. */
  utility: 'electricity' | HeatUtility;
  /** Short derivation a person can check, e.g. "1200 kg/h × 0.7 kJ/(kg·K) × 825 K / 0.6". */
  basis?: string;
}

/** Energy use of a unit, kW (= kWh per hour of operation). */
export interface EnergyUse {
  electricityKw: number;
  heatKw: Partial<Record<HeatUtility, number>>;
  /** The items the sums are made of; empty from an EnergyLedger that does not describe (a Monte Carlo sample). */
  items: EnergyItem[];
  /**
   * Physical minimum of the heat duty (sensible + latent + reaction of what is heated, no losses,
   * efficiency 1), kW. Delivered heat (electric or fuel) is never below it.
   */
  minimumHeatKw: number;
}

/** What `run` returns. */
export interface UnitRun {
  outlets: Record<string, Stream>;
  /** Fresh reagents drawn from outside the plant (make-up), kg/h; they enter this unit's balance. */
  draws: Record<string, number>;
  /** Reagent demand met by recycled material already in the inlets, kg/h (for the reagent report). */
  recycled: Record<string, number>;
  energy: EnergyUse;
  /**
   * Consumable items used up per hour of operation (e.g. `saggar`: saggars replaced per hour),
   * priced per item by the price set. Absent when the unit wears nothing out.
   */
  consumablesPerHour?: Record<string, number>;
  /**
   * Unit-specific results worth reporting, named with their unit, e.g. `electrodeArea_m2_per_h`,
   * `autoclavePressure_Pa`, `chargeTime_h`. Shown in the run document and the workbook. A run that
   * does not describe (RunContext.describe false: a Monte Carlo sample, whose metrics only the unit's
   * own design reads) may give only those its design reads.
   */
  metrics?: Record<string, number>;
  diagnostics: Diagnostic[];
}

/** Context a unit runs in. */
export interface RunContext {
  unitId: string;
  ambientK: number;
  /**
   * false: leave out what only reports show — energy items (EnergyLedger keeps their sums) and
   * equipment descriptions (reportText) — as a Monte Carlo sample does. Default true.
   */
  describe?: boolean;
  /**
   * What the plant's feed is (scenario feed.basis). Preparation units choose their default
   * behaviour by it (sorting: item-by-item lanes for scrap, whole lots for powders). Absent when a
   * unit runs on its own (tests): units then assume cathode scrap.
   */
  feedBasis?: FeedBasis;
}

/**
 * Whether the unit run of the moment is read for its outlets only: a unit that reads a tear stream,
 * in the first pass of a recycle loop (balances/solver.ts solveLoop) — the next pass brings it
 * other inlets, and its energy, metrics and diagnostics are overwritten before anything reads them.
 * Module state, safe because it is set only around that one synchronous pass (and cleared even
 * when a unit throws): one evaluation at a time per thread, and a unit run never starts another
 * solve.
 */
let outletsOnlyPass = false;

/**
 * True while the solver runs a unit for its outlets only (outletsOnlyRun): a unit may then return
 * once its outlets, draws and recycled flows are made, with no energy or metrics — its outlets must
 * be exactly those of a full run (they make the loop's next guess).
 */
export function outletsOnly(): boolean {
  return outletsOnlyPass;
}

/** Run `run` with outletsOnly() true (balances/solver.ts: a tear reader in a loop's first pass). */
export function outletsOnlyRun<T>(run: () => T): T {
  outletsOnlyPass = true;
  try {
    return run();
  } finally {
    outletsOnlyPass = false;
  }
}

/**
 * Energy of a run that stopped at its outlets (outletsOnly): every such run returns this object, by
 * which the solver knows it (it reuses full runs only); never read, the next pass replaces the run.
 */
export const OUTLETS_ONLY_ENERGY: EnergyUse = Object.freeze({ electricityKw: 0, heatKw: Object.freeze({}), items: Object.freeze([]) as unknown as EnergyItem[], minimumHeatKw: 0 }) as EnergyUse;

/** A text only reports show (an equipment description): written unless the run does not describe. */
export function reportText(ctx: RunContext, write: () => string): string {
  return ctx.describe === false ? '' : write();
}

/**
 * Names of a family of metrics, `<prefix><name><suffix>` (e.g. makeUp_LiOH_kg_per_kg_cam), each
 * made once: a name joined for every run is a new string that the metrics record hashes again (every
 * Monte Carlo sample runs every unit).
 */
export function metricNames(prefix: string, suffix: string): (name: string) => string {
  const made = new Map<string, string>();
  return (name) => {
    let full = made.get(name);
    if (full === undefined) made.set(name, (full = prefix + name + suffix));
    return full;
  };
}

/** Cost correlation of an equipment item: C = (C_ref·(S/S_ref)^n + C_fixed)·(CEPCI/CEPCI_ref)·F_material. */
export interface CostCorrelation {
  refCostUsd: number;
  refSize: number;
  exponent: number;
  /** Fixed part added to the power law (EverBatt's "+ c"), USD of the CEPCI year. */
  fixedCostUsd?: number;
  cepciYear: number;
  /** Installed cost / purchase cost (bare-module style factor used by the Lang-free presets). */
  installationFactor: number;
  /** Material-of-construction factor (e.g. Ni alloy against molten-salt corrosion). */
  materialFactor?: number;
  /** Valid size range of the correlation (in the item's size unit). */
  minSize: number;
  maxSize: number;
  source: string;
}

/** Batch cycle components, h. */
export interface CycleTime {
  loadH: number;
  heatH: number;
  dwellH: number;
  coolH: number;
  unloadH: number;
  cleanH: number;
}

/**
 * An equipment item the unit needs, described so that design/ can count and size it:
 * capacity of one item = size × capacityPerSize (kg per batch for batch items, kg/h for
 * continuous ones); count = ceil(load × margin / item throughput).
 */
export interface EquipmentSpec {
  name: string;
  description: string;
  mode: 'batch' | 'continuous';
  sizeUnit: string;
  /** Largest (standard) size of one item, in sizeUnit. */
  maxSize: number;
  /** Smallest sensible size of one item. */
  minSize: number;
  /** kg of load per batch per size unit (batch) or kg/h of load per size unit (continuous). */
  capacityPerSize: number;
  /** What the load is, e.g. "slurry", "CAM", "saggar charge". */
  loadBasis: string;
  /** Load this equipment must process, kg/h. */
  loadKgPerHour: number;
  /** Batch cycle (batch items only). */
  cycle?: CycleTime;
  /** Installed motor/heater power per unit size, kW per size unit (drives nothing in balances; for listing). */
  powerKwPerSize?: number;
  cost: CostCorrelation;
}

/** What `design` returns. */
export interface UnitDesign {
  mode: 'batch' | 'continuous';
  /** Residence time of material in the unit, h. */
  residenceTimeH: number;
  /** Batch cycle of the main item (batch units). */
  cycle?: CycleTime;
  equipment: EquipmentSpec[];
  /** Operators needed per shift for the unit. */
  operatorsPerShift: number;
}

/** A unit-operation implementation for one kind. */
export interface UnitOp<S extends z.ZodType = z.ZodType, K extends UnitKind = UnitKind> {
  kind: K;
  /** One line: what the unit models. */
  summary: string;
  params: S;
  ports(params: z.output<S>): Ports;
  run(params: z.output<S>, inlets: Record<string, Stream>, ctx: RunContext): UnitRun;
  design(params: z.output<S>, inlets: Record<string, Stream>, run: UnitRun, ctx: RunContext): UnitDesign;
}

/** Define a unit op with its params type inferred from the schema. */
export function defineUnitOp<S extends z.ZodType, K extends UnitKind>(op: UnitOp<S, K>): UnitOp<S, K> {
  return op;
}

/** Energy use of a unit that uses none. */
export function noEnergy(): EnergyUse {
  return { electricityKw: 0, heatKw: {}, items: [], minimumHeatKw: 0 };
}

/** A continuous unit without equipment of its own (a pipe tee, a boundary helper). */
export function noDesign(): UnitDesign {
  return { mode: 'continuous', residenceTimeH: 0, equipment: [], operatorsPerShift: 0 };
}
