/**
 * Builders for parameter schemas. Every parameter carries metadata — unit, default, source,
 * description — that `regenflow kinds` lists, the workbook's Assumptions sheet shows and the JSON
 * Schema carries to editors. Quantities accept a number in the documented unit or a string with
 * a unit and always come out in the documented (canonical) unit.
 */
import { z } from 'zod';
import { toUnit, convert, UnitError } from './quantity.js';
import { msg } from './messages.js';

/** Metadata every parameter carries. */
export interface ParamMeta {
  description: string;
  /** Where the default value comes from: REFERENCE.md entry, the review, or "assumption: why". */
  source?: string;
  /** Documented unit of a quantity (the canonical unit the engine uses). */
  unit?: string;
  /** Default as written for people (e.g. "220 degC"). */
  defaultText?: string;
  min?: number;
  max?: number;
  /** Exclusive lower bound (the value must be above it). */
  above?: number;
  [key: string]: unknown;
}

/** Options of a quantity parameter; min/max are in the documented unit. */
export interface QuantityOptions {
  description: string;
  source?: string;
  default?: number | string;
  min?: number;
  max?: number;
  /** Exclusive lower bound, e.g. 0 for "strictly positive". */
  above?: number;
  /** Human unit for messages and docs (e.g. degC for a field stored in K). */
  displayUnit?: string;
}

function show(value: number, unit: string, displayUnit?: string): string {
  const main = `${fmt(value)} ${unit}`.trim();
  if (!displayUnit || displayUnit === unit) return main;
  return `${fmt(convert(value, unit, displayUnit))} ${displayUnit} (${main})`;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(8)));
}

/** Check a converted number against the options; returns a catalogue message or undefined. */
export function checkRange(v: number, unit: string, o: Pick<QuantityOptions, 'min' | 'max' | 'above' | 'displayUnit'>): string | undefined {
  if (!Number.isFinite(v)) return msg.notFinite(v);
  if (o.above !== undefined && !(v > o.above)) {
    return o.above === 0 && v < 0 ? msg.notPositive(show(v, unit, o.displayUnit)) : msg.notAbove(show(v, unit, o.displayUnit), show(o.above, unit, o.displayUnit));
  }
  if (o.min !== undefined && v < o.min) {
    return o.min === 0 ? msg.negative(show(v, unit, o.displayUnit)) : msg.belowMin(show(v, unit, o.displayUnit), show(o.min, unit, o.displayUnit));
  }
  if (o.max !== undefined && v > o.max) return msg.aboveMax(show(v, unit, o.displayUnit), show(o.max, unit, o.displayUnit));
  return undefined;
}

/** Read a quantity (number or string with unit) into `unit`, returning the value or a message. */
export function readQuantity(input: unknown, unit: string, o: QuantityOptions): { value: number } | { error: string } {
  if (typeof input !== 'number' && typeof input !== 'string') return { error: msg.wrongType(`number or quantity string in ${unit}`, typeof input) };
  let v: number;
  try {
    v = toUnit(input, unit);
  } catch (e) {
    if (e instanceof UnitError) return { error: msg.badQuantity(input, e.message, unit) };
    throw e;
  }
  if (typeof input === 'string' && Number.isNaN(v)) return { error: msg.notFinite(input) };
  const problem = checkRange(v, unit, o);
  return problem ? { error: problem } : { value: v };
}

/**
 * What a quantity accepts before it is read: a number, NaN (so that it reaches readQuantity and gets
 * the "not a finite number" message) or a string with a unit. One instance serves every quantity:
 * zod schemas are immutable, and building ~400 parameters at start-up costs a union of three
 * schemas each (start-up, issue 19).
 */
const QUANTITY_INPUT = z.union([z.number(), z.nan(), z.string()]);
/** QUANTITY_INPUT or absent (a parameter with a default); shared like it. */
const OPTIONAL_QUANTITY_INPUT = QUANTITY_INPUT.optional();

/** A quantity parameter in `unit` (number in that unit, or a string with any unit of the same dimension). */
export function quantity(unit: string, o: QuantityOptions) {
  const meta: ParamMeta = { description: o.description, unit, ...(o.source ? { source: o.source } : {}) };
  if (o.default !== undefined) meta.defaultText = typeof o.default === 'number' ? `${o.default} ${unit}` : o.default;
  // The range, also as JSON Schema keywords (they apply to a bare number, which is in `unit`).
  if (o.min !== undefined) meta.min = meta.minimum = o.min;
  if (o.above !== undefined) meta.above = meta.exclusiveMinimum = o.above;
  if (o.max !== undefined) meta.max = meta.maximum = o.max;
  if (o.displayUnit) meta.displayUnit = o.displayUnit;
  let defaultValue: number | undefined;
  if (o.default !== undefined) {
    const r = readQuantity(o.default, unit, o);
    if ('error' in r) throw new Error(`internal: default of "${o.description}" is invalid: ${r.error}`);
    defaultValue = r.value;
  }
  const read = (v: number | string, ctx: z.RefinementCtx) => {
    const r = readQuantity(v, unit, o);
    if ('error' in r) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return r.value;
  };
  // The metadata is registered on the pipe just built (`.meta(meta)` would first copy it, for nothing).
  let schema;
  if (defaultValue !== undefined) {
    const dv = defaultValue;
    schema = OPTIONAL_QUANTITY_INPUT.transform((v, ctx) => (v === undefined ? dv : read(v, ctx))).register(z.globalRegistry, meta);
  } else schema = QUANTITY_INPUT.transform(read).register(z.globalRegistry, meta);
  // A finite number passes the input union (its z.number()) and reaches `read` as it is.
  NUMBER_READERS.set(schema._zod.def, (x) => {
    const r = readQuantity(x, unit, o);
    return 'error' in r ? undefined : r.value;
  });
  return schema;
}

/**
 * What a quantity schema gives for a finite number (undefined: refused), by the schema's definition:
 * the copies `.meta()` and `.describe()` make share it, a schema with checks added has another. A
 * Monte Carlo sample patches numbers, read so without a parse (pipeline/reparse-plan.ts).
 */
const NUMBER_READERS = new WeakMap<object, (x: number) => number | undefined>();

/** The parse of a finite number by a quantity schema (or a copy of one), without zod; undefined for another schema. */
export function quantityNumberReader(schema: z.ZodType): ((x: number) => number | undefined) | undefined {
  return NUMBER_READERS.get(schema._zod.def);
}

/** A dimensionless fraction in [0, 1] (accepts "35 %"). */
export function fraction(o: Omit<QuantityOptions, 'min' | 'max'> & { min?: number; max?: number }) {
  return quantity('', { min: 0, max: 1, ...o });
}

/** Attach parameter metadata to any zod schema (enums, booleans, lists…). */
export function described<T extends z.ZodType>(schema: T, meta: ParamMeta): T {
  return schema.meta(meta) as T;
}

/** Read the parameter metadata of a schema (undefined when none was attached). */
export function metaOf(schema: z.ZodType): ParamMeta | undefined {
  return schema.meta() as ParamMeta | undefined;
}

/**
 * Document on a parameter a bound that a refinement of its unit enforces with a message of its own
 * (a boiling point, a validated ratio): `regenflow kinds`, the JSON Schema, remedies and uncertainty
 * checks see it, while the quantity leaves the check to the refinement so that users get the clearer
 * message. `below` is an exclusive upper bound (listed as max; JSON Schema exclusiveMaximum).
 */
export function documentedRange<T extends z.ZodType>(schema: T, r: { min?: number; above?: number; max?: number; below?: number }): T {
  const m: ParamMeta = { ...(metaOf(schema) ?? { description: '' }) };
  if (r.min !== undefined) m.min = m.minimum = r.min;
  if (r.above !== undefined) m.above = m.exclusiveMinimum = r.above;
  if (r.max !== undefined) m.max = m.maximum = r.max;
  if (r.below !== undefined) m.max = m.exclusiveMaximum = r.below;
  return schema.meta(m) as T;
}
