/**
 * The scenario as a KPI function: patches → KPIs. The scenario and the files it references are
 * read and parsed once (loadRawScenario); each evaluation only patches, re-validates
 * (resolveModel), solves (evaluate) and reads the KPIs of the run document. Runs in the main
 * thread (tornado) and in every worker (Monte Carlo, Sobol).
 */
import { loadRawScenario, type RawScenario } from '../pipeline/load.js';
import { resolveModel, type Model, type ResolveOptions } from '../pipeline/resolve.js';
import { splitPath } from '../pipeline/patch.js';
import { paramMetaOf, paramSchemaOf } from '../pipeline/param-meta.js';
import { priceItem } from '../economics/price-keys.js';
import { convert } from '../schema/quantity.js';
import { RegenflowError } from '../schema/errors.js';
import { evaluate, evaluatePhysics, type Physics } from '../pipeline/evaluate.js';
import { finiteKpisOf, numericKpisOf } from '../pipeline/document.js';
import type { Patch } from '../pipeline/patch.js';
import type { KpiFunction, KpiValues } from './runner.js';

/** A varied input as evaluation needs it: where to patch, and the unit samples are in. */
export interface TargetInput {
  path: string;
  /** Unit of the sampled numbers; absent → numbers in the field's documented unit. */
  unit?: string;
}

/** Which scenario to evaluate (structured-cloneable: what a worker is started with). */
export interface ScenarioSource {
  /** Scenario file as given (relative paths are resolved from the working directory). */
  file: string;
  /** A flowsheet that replaces the scenario's, if any. */
  flowsheet?: string;
}

/** A scenario and the inputs the columns of a sample matrix set. */
export interface ScenarioTarget extends ScenarioSource {
  /** The varied inputs, in column order of the sample matrix. */
  inputs: TargetInput[];
}

/** The value a patch carries for a sampled number: "<x> <unit>" when a unit is given. */
export function patchValue(x: number, unit: string | undefined): number | string {
  return unit ? `${x} ${unit}` : x;
}

/** Patches for one row; NaN entries are left out (the input keeps its base value). */
export function patchesFor(inputs: readonly TargetInput[], row: ArrayLike<number>): Patch[] {
  const out: Patch[] = [];
  for (let j = 0; j < inputs.length; j++) {
    const x = row[j]!;
    if (Number.isNaN(x)) continue;
    out.push({ path: inputs[j]!.path, value: patchValue(x, inputs[j]!.unit) });
  }
  return out;
}

/**
 * The names numericKpis last returned, in order, and a record with those keys in that order (NaN
 * values: doubles, as KPIs are). A record filled key by key turns into a hash table past a dozen
 * keys — ≈ 30 KPIs: a few KB per sample, and every for…in over it (evaluateBatch) lists its names
 * again — while a spread copy of this one keeps fast properties. Every sample of a study returns
 * the same names; the record is only copied, never handed out (one thread, no reentrancy).
 */
let lastKpis: { names: string[]; record: KpiValues } | undefined;

/** The finite numeric KPIs of a run document's `kpis` (nulls and non-numbers left out). */
export function numericKpis(kpis: object): KpiValues {
  const r = kpis as Record<string, unknown>;
  const last = lastKpis;
  if (last) {
    // The same names in the same order: the copy of the record, every value replaced.
    const out: KpiValues = { ...last.record };
    const names = last.names;
    let i = 0;
    let same = true;
    for (const k in r) {
      const v = r[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      // A name past the last (names[i] undefined) or another name: not the same list.
      if (names[i] !== k) {
        same = false;
        break;
      }
      out[k] = v;
      i++;
    }
    if (same && i === names.length) return out;
  }
  const out: KpiValues = {};
  const names: string[] = [];
  for (const k in r) {
    const v = r[k];
    if (typeof v === 'number' && Number.isFinite(v)) {
      out[k] = v;
      names.push(k);
    }
  }
  lastKpis = { names, record: Object.fromEntries(names.map((k) => [k, NaN])) };
  return out;
}

/** How scenarioKpis resolves a model: for one evaluation, read and dropped (ResolveOptions.sample). */
const SAMPLE: ResolveOptions = { sample: true };
/** How scenarioKpis evaluates (one options object, only read by evaluate). */
const SAMPLE_MODE = { mode: 'sample' } as const;

/**
 * Evaluate the scenario with patches and return its numeric KPIs; throws on model failure. With
 * `physics` (solved for the same physics inputs: the unpatched scenario's, or a row's that set the
 * same), patches that reach only prices and finance price that plant again instead of solving it
 * again; without it, `remember` is handed the plant this evaluation solves.
 */
export function scenarioKpis(raw: RawScenario, patches: readonly Patch[], physics?: Physics, remember?: (physics: Physics) => void): KpiValues {
  // Resolved for this evaluation alone: the model never leaves this call (the plant `remember` keeps holds no part of it).
  const model = resolveModel(raw, patches, SAMPLE);
  if (!physics && remember) {
    // Solved here rather than inside evaluate, to be kept for the rows that follow. A plant that
    // fails to solve is left to evaluate, which reports the failure as it always does.
    try {
      physics = evaluatePhysics(model, SAMPLE_MODE);
      remember(physics);
    } catch {
      physics = undefined;
    }
  }
  // A loop that does not converge throws a model failure inside evaluate (recorded per sample).
  // Only the numbers are kept: built once as a record of finite numbers (finiteKpisOf), or, when a
  // KPI is null or not finite, the KPIs without their one record (numericKpisOf) filtered.
  const ev = evaluate(model, physics ? { mode: 'sample', physics } : SAMPLE_MODE);
  return finiteKpisOf(ev) ?? numericKpis(numericKpisOf(ev));
}

/**
 * The solved plant of the last row that solved one, by the values of the row's physics columns
 * (NaN: the base value): a row whose physics columns hold the same numbers — a Sobol A_B row that
 * takes only a price or a discount rate from B, evaluated right after its A row — prices that plant
 * again instead of solving the same plant a second time. One plant is kept, no more.
 */
class LastPhysics {
  private key: number[] | undefined;
  private physics: Physics | undefined;

  constructor(private readonly columns: readonly number[]) {}

  get(row: ArrayLike<number>): Physics | undefined {
    const key = this.key;
    if (key === undefined) return undefined;
    // Object.is: NaN matches NaN (both the base value); 0 and −0 do not match (a patch may read them apart).
    for (let i = 0; i < key.length; i++) if (!Object.is(row[this.columns[i]!], key[i])) return undefined;
    return this.physics;
  }

  remember(row: ArrayLike<number>, physics: Physics): void {
    const key: number[] = [];
    for (let i = 0; i < this.columns.length; i++) key.push(row[this.columns[i]!]!);
    this.key = key;
    this.physics = physics;
  }
}

/**
 * Finance fields the plant's physics reads: the shift pattern sizes the crew (pipeline/shifts.ts).
 * Every other finance field, and every price, reaches the economics only.
 */
const FINANCE_FIELDS_OF_PHYSICS: ReadonlySet<string> = new Set(['shiftLength', 'operatingDays']);

/** Whether an input is a price or an economics-only finance figure: a sample setting nothing else prices the plant the unpatched scenario solves. */
export function isEconomicInput(input: TargetInput): boolean {
  const [head, field] = splitPath(input.path);
  return head === 'prices' || (head === 'finance' && field !== undefined && !FINANCE_FIELDS_OF_PHYSICS.has(String(field)));
}


/** The physics of the unpatched scenario, computed on first use (a scenario that fails to solve fails each sample as before). */
function sharedPhysics(raw: RawScenario): () => Physics | undefined {
  let physics: Physics | undefined;
  let tried = false;
  return () => {
    if (!tried) {
      tried = true;
      try {
        physics = evaluatePhysics(resolveModel(raw), { mode: 'sample' });
      } catch {
        physics = undefined; // each sample then evaluates in full and reports its own error
      }
    }
    return physics;
  };
}

/**
 * The KPI function of a scenario target; reads the files once (or uses `raw`). Sampled numbers are
 * patched in the field's own unit where that reads the same (canonicalColumns); a sample the model
 * refuses is evaluated again from "<x> <unit>" patches, so that its error is exactly theirs.
 */
export function scenarioKpiFunction(target: ScenarioTarget, raw: RawScenario = loadRawScenario(target.file, target.flowsheet)): KpiFunction {
  const toField = canonicalColumns(raw, target.inputs);
  // A row that sets prices and finance alone (NaN elsewhere keeps the base: tornado rows, or every
  // row of a price-only Monte Carlo) prices one solved plant; the KPIs are those of a full
  // evaluation, bit for bit (test/uncertainty/evaluator.test.ts).
  const economic = target.inputs.map(isEconomicInput);
  const shared = economic.some(Boolean) ? sharedPhysics(raw) : undefined;
  // With both kinds of column, the last solved plant is kept for rows with the same physics columns.
  const physicsColumns: number[] = [];
  for (let j = 0; j < economic.length; j++) if (!economic[j]) physicsColumns.push(j);
  const last = shared && physicsColumns.length > 0 ? new LastPhysics(physicsColumns) : undefined;
  const physicsFor = (row: ArrayLike<number>): Physics | undefined => {
    if (!shared) return undefined;
    for (let j = 0; j < economic.length; j++) if (!economic[j] && !Number.isNaN(row[j]!)) return last!.get(row);
    return shared();
  };
  const kpisFor = (row: ArrayLike<number>, patches: readonly Patch[], physics: Physics | undefined): KpiValues =>
    scenarioKpis(raw, patches, physics, last && !physics ? (p) => last.remember(row, p) : undefined);
  if (toField.every((c) => c === undefined)) return (row) => kpisFor(row, patchesFor(target.inputs, row), physicsFor(row));
  return (row) => {
    const physics = physicsFor(row);
    let patches: Patch[];
    try {
      patches = canonicalPatches(target.inputs, toField, row);
    } catch {
      return kpisFor(row, patchesFor(target.inputs, row), physics);
    }
    try {
      return kpisFor(row, patches, physics);
    } catch (e) {
      if (e instanceof RegenflowError && e.exitCode === 1) return kpisFor(row, patchesFor(target.inputs, row), physics);
      throw e;
    }
  };
}

/** Converts a sampled number into its field's canonical unit. */
type ToField = (x: number) => number;

/** Patches for one row with the numbers of `toField` columns in their field's unit (NaN left out, as patchesFor). */
function canonicalPatches(inputs: readonly TargetInput[], toField: readonly (ToField | undefined)[], row: ArrayLike<number>): Patch[] {
  const out: Patch[] = [];
  for (let j = 0; j < inputs.length; j++) {
    const x = row[j]!;
    if (Number.isNaN(x)) continue;
    const f = toField[j];
    // −0 written as text reads as 0: keep the text there.
    out.push({ path: inputs[j]!.path, value: f !== undefined && !Object.is(x, -0) ? f(x) : patchValue(x, inputs[j]!.unit) });
  }
  return out;
}

/**
 * For each input written with a unit, the conversion into its field's canonical unit when a number
 * so converted reads exactly as "<x> <unit>" does (undefined otherwise: the text is patched):
 * - a price whose unit is written as the price key's own (USD/kg for LiOH·H2O): the number itself
 *   (readPriceValue takes a number in the key's unit; the text reads through the same conversion
 *   that returns such a value unchanged, and is given the same "x USD/kg" text);
 * - a unit parameter parsed as a quantity (schema/param.ts quantity): convert(x, unit, canonical),
 *   the arithmetic toUnit applies to the text — checked on the base value, text against number.
 * Patching numbers spares every sample the text and its parse (≈ 2 µs a column).
 */
export function canonicalColumns(raw: RawScenario, inputs: readonly TargetInput[]): (ToField | undefined)[] {
  let model: Model | undefined;
  return inputs.map((input) => {
    const unit = input.unit;
    if (!unit) return undefined;
    const seg = splitPath(input.path);
    if (seg[0] === 'prices' && seg.length === 2) {
      const item = priceItem(seg[1]!);
      return item && unit === item.spec.unit ? (x: number) => x : undefined;
    }
    if (seg.length !== 2) return undefined;
    try {
      model ??= resolveModel(raw);
    } catch {
      return undefined;
    }
    const u = model.flowsheet.units.find((x) => x.id === seg[0]);
    const meta = u ? paramMetaOf(u.kind, seg[1]!) : undefined;
    const canonical = meta?.unit;
    if (!u || typeof canonical !== 'string' || !Object.hasOwn(u.params, seg[1]!)) return undefined;
    const base = u.params[seg[1]!];
    if (typeof base !== 'number') return undefined;
    try {
      const x = convert(base, canonical, unit);
      const field = paramSchemaOf(u.kind, seg[1]!);
      const asText = field?.safeParse(patchValue(x, unit));
      const asNumber = field?.safeParse(convert(x, unit, canonical));
      if (!asText?.success || !asNumber?.success || !Object.is(asText.data, asNumber.data)) return undefined;
    } catch {
      return undefined;
    }
    return (x: number) => convert(x, unit, canonical);
  });
}
