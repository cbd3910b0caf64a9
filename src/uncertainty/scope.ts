/**
 * Uncertain inputs applied to one route (issue 14): an input scoped to other routes is left at its
 * base value; an input given relative to the base value ("% of base") becomes base × (1 + x/100)
 * with the base of the route evaluated — for a temperature on the Celsius scale (±9 % of 220 °C is
 * ±20 K, not ±44 K as 9 % of 493 K would be). The sample matrix is drawn once from the declared
 * distributions (so two routes see the same samples: common random numbers), then mapped per route
 * in the main thread before evaluation — workers only ever see absolute values.
 */
import { splitPath, getIn } from '../pipeline/patch.js';
import { paramMetaOf } from '../pipeline/param-meta.js';
import type { UnitKind } from '../schema/kinds.js';
import type { Model } from '../pipeline/resolve.js';
import { priceItem } from '../economics/price-keys.js';
import { RELATIVE_UNIT, type UncertainInputSpec } from '../schema/uncertainty.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { UncertainInput } from './inputs.js';
import type { TargetInput } from './evaluator.js';
import type { BatchEvaluator } from './runner.js';
import type { SampleMatrix } from './sampling.js';

/** The input is given relative to the base value. */
export function isRelative(spec: UncertainInputSpec | null): boolean {
  return spec?.unit === RELATIVE_UNIT;
}

/**
 * The input applies to the route with this flowsheet id: it is scoped to that route, or unscoped
 * while no input of `all` with the same path is scoped to it (the most specific declaration wins).
 */
export function inScope(input: Pick<UncertainInput, 'routes' | 'path'>, route: string, all: readonly Pick<UncertainInput, 'routes' | 'path'>[] = []): boolean {
  if (input.routes !== null) return input.routes.includes(route);
  return !all.some((j) => j !== input && j.path === input.path && j.routes !== null && j.routes.includes(route));
}

/**
 * The numeric base value at an input path in a resolved model, in the field's canonical unit: unit
 * parameters, plant, feed, solver; prices as resolved (derived ones included: LiOH·H2O from LiOH);
 * finance, spec and design as resolved, else as written. A string says why there is none.
 */
export function baseValueAt(model: Model, path: string): number | string {
  const seg = splitPath(path);
  const head = seg[0] ?? '';
  const rest = seg.slice(1);
  const unit = model.flowsheet.units.find((u) => u.id === head);
  let v: unknown;
  if (unit) v = getIn(unit.params, rest);
  else if (head === 'plant') v = getIn(model.plant, rest);
  else if (head === 'feed') v = getIn(model.feed, rest);
  else if (head === 'solver') v = getIn(model.flowsheet.solver, rest);
  else if (head === 'prices') v = model.prices.items[priceItem(rest.join('.'))?.key ?? rest.join('.')]?.value;
  else {
    const resolved = head === 'finance' ? model.finance : head === 'spec' ? model.spec : head === 'design' ? model.design : undefined;
    v = resolved !== undefined ? getIn(resolved, rest) : undefined;
    if (typeof v !== 'number') v = getIn(model.sections[head], rest);
  }
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return v === undefined ? 'nothing is set there' : typeof v === 'string' ? `the text "${v}", not a resolved number` : `a ${Array.isArray(v) ? 'list' : typeof v}, not a number`;
}

/** One column of the sample matrix as a route evaluates it. */
export interface RouteColumn {
  /** Where the column's values go (relative inputs: absolute values, no unit). */
  target: TargetInput;
  /** Left at its base value on this route. */
  skipped: boolean;
  /** Base value for a relative input (canonical unit), else null. */
  relativeBase: number | null;
  /** Zero of the scale a relative input is a percentage on (273.15 for a temperature in K: °C), else 0. */
  relativeZero: number;
}

/** How a route evaluates the columns of a matrix. */
export interface RouteMapping {
  route: string;
  columns: RouteColumn[];
}

/** The place of an input's declaration for errors. */
function placeOf(model: Model, input: UncertainInput) {
  const loc = input.origin.path.length > 0 && input.origin.file === model.raw.scenario.file ? model.raw.scenario.locate(input.origin.path) : undefined;
  return { file: input.origin.file, ...(input.origin.path.length ? { path: `uncertainty[${input.origin.path[1]}]` } : {}), ...(loc ? { line: loc.line, column: loc.column } : {}) };
}

/** True when the path is a unit parameter stored in kelvin. */
function isTemperature(model: Model, path: string): boolean {
  const seg = splitPath(path);
  const unit = seg.length === 2 ? model.flowsheet.units.find((u) => u.id === seg[0]) : undefined;
  return unit !== undefined && paramMetaOf(unit.kind as UnitKind, seg[1]!)?.unit === 'K';
}

/** Map the inputs onto a route (the model of the scenario through that route's flowsheet). */
export function routeMapping(model: Model, inputs: readonly UncertainInput[]): RouteMapping {
  const route = model.flowsheet.id;
  const columns = inputs.map((i): RouteColumn => {
    const skipped = !inScope(i, route, inputs);
    if (!isRelative(i.spec) || skipped) return { target: i.spec?.unit && !isRelative(i.spec) ? { path: i.path, unit: i.spec.unit } : { path: i.path }, skipped, relativeBase: null, relativeZero: 0 };
    const base = baseValueAt(model, i.path);
    if (typeof base !== 'number') throw new RegenflowError('relative-needs-base', msg.relativeNeedsBase(i.path, base), { place: placeOf(model, i) });
    return { target: { path: i.path }, skipped, relativeBase: base, relativeZero: isTemperature(model, i.path) ? 273.15 : 0 };
  });
  return { route, columns };
}

/** The value a route evaluates for sampled value x of column j (NaN: keep the base value). */
export function routeValue(m: RouteMapping, j: number, x: number): number {
  const c = m.columns[j]!;
  if (c.skipped || Number.isNaN(x)) return NaN;
  return c.relativeBase === null ? x : c.relativeZero + (c.relativeBase - c.relativeZero) * (1 + x / 100);
}

/** The matrix a route evaluates. */
export function mapMatrix(m: RouteMapping, matrix: SampleMatrix): SampleMatrix {
  const data = new Float64Array(matrix.data.length);
  for (let i = 0; i < matrix.rows; i++) for (let j = 0; j < matrix.dims; j++) data[i * matrix.dims + j] = routeValue(m, j, matrix.data[i * matrix.dims + j]!);
  return { rows: matrix.rows, dims: matrix.dims, data };
}

/** The targets of a route's columns (what the evaluator patches). */
export function routeTargets(m: RouteMapping): TargetInput[] {
  return m.columns.map((c) => c.target);
}

/** An evaluator that maps every matrix onto the route before `inner` evaluates it. */
export function mappedEvaluator(m: RouteMapping, inner: BatchEvaluator): BatchEvaluator {
  const plain = m.columns.every((c) => !c.skipped && c.relativeBase === null);
  return plain ? inner : { evaluate: (matrix, onProgress) => inner.evaluate(mapMatrix(m, matrix), onProgress) };
}
