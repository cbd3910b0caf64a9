/**
 * Incremental re-validation of patched data. A patch copies only the objects along its path
 * (patch.ts setIn), so a patched section differs from the original in a few objects on one path.
 * `reparseChanged` rebuilds the parse of the patched data from the cached parse of the original:
 * unchanged values keep their parsed output, changed leaves are parsed with their own field
 * schema, and the refinements of every object and list on the path are run again on the result.
 *
 * It gives exactly what a full parse would (same values, same key order). A value it cannot follow
 * inside — a transform around an object, a record, a removed key or an added one the parse did not
 * already give (from a default), a list whose length changed — is parsed on its own (a unit, a lot,
 * at worst the section); a value that fails validation gives undefined, and the caller parses the
 * whole section as before to report the problems with their places. This keeps a Monte Carlo
 * sample or sweep point from re-validating every unit parameter or feed lot it did not touch.
 */
import { z } from 'zod';
import { setIn } from './patch.js';

/** The parts of a zod schema definition this walk reads (zod 4 core `_zod.def`). */
export interface SchemaDef {
  type: string;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  checks?: unknown[];
  values?: unknown[];
  /** false for an exclusive or discriminated union (another parse than the first option that takes the value). */
  inclusive?: boolean;
  /** A pipe's first schema. */
  in?: z.ZodType;
}

/** The definition of a schema (shared by the copies `.meta()` and `.describe()` make). */
export function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** A plain object or the like (not null, not a list). */
export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmptyRecord = (v: unknown): boolean => isRecord(v) && Object.keys(v).length === 0;

/** A schema that runs only the checks (refinements, length limits) of `schema` on a parsed value. */
const CHECKS = new WeakMap<z.ZodType, z.ZodType>();

function checksPass(schema: z.ZodType, value: unknown): boolean {
  const checks = defOf(schema).checks;
  if (!checks || checks.length === 0) return true;
  let only = CHECKS.get(schema);
  if (!only) CHECKS.set(schema, (only = z.any().check(...(checks as Parameters<z.ZodAny['check']>))));
  return only.safeParse(value).success;
}

/** Wrappers that hand a defined (and, for nullable, non-null) input unchanged to their inner schema. */
export const PASS_THROUGH = new Set(['optional', 'default', 'prefault', 'nullable']);

/**
 * The parse of `after` with `schema`, given `before` and its successful parse `parsedBefore`;
 * undefined when `after` is invalid (parse it in full then, to report the problems).
 */
export function reparseChanged(schema: z.ZodType, before: unknown, after: unknown, parsedBefore: unknown): { value: unknown } | undefined {
  if (before === after) return { value: parsedBefore };
  const def = defOf(schema);
  if (PASS_THROUGH.has(def.type) && before != null && after != null && def.innerType) return reparseChanged(def.innerType, before, after, parsedBefore);
  // An absent value with an empty-object prefault was parsed as {} (a unit without params, patched).
  if (def.type === 'prefault' && before === undefined && isRecord(after) && def.innerType && isEmptyRecord(def.defaultValue)) return reparseChanged(def.innerType, {}, after, parsedBefore);
  // Where the shortcut does not apply inside a value, that value alone is parsed (a unit, a lot).
  if (def.type === 'object' && def.shape && isRecord(before) && isRecord(after) && isRecord(parsedBefore)) return reparseObject(schema, def.shape, before, after, parsedBefore) ?? leaf(schema, after);
  if (def.type === 'array' && def.element && Array.isArray(before) && Array.isArray(after) && Array.isArray(parsedBefore)) return reparseArray(schema, def.element, before, after, parsedBefore) ?? leaf(schema, after);
  if (def.type === 'union' && def.discriminator && isRecord(before) && isRecord(after)) {
    const tag = after[def.discriminator];
    if (tag !== before[def.discriminator]) return leaf(schema, after);
    const option = unionOption(schema, def, tag);
    return option ? reparseChanged(option, before, after, parsedBefore) : leaf(schema, after);
  }
  return leaf(schema, after);
}

/** The options of discriminated unions by tag (a unit's params by kind), found once per union and tag. */
const OPTIONS = new WeakMap<z.ZodType, Map<unknown, z.ZodType | undefined>>();

/** The option of a discriminated union whose discriminator takes `tag`, if any. */
export function unionOption(schema: z.ZodType, def: SchemaDef, tag: unknown): z.ZodType | undefined {
  let byTag = OPTIONS.get(schema);
  if (!byTag) OPTIONS.set(schema, (byTag = new Map()));
  if (byTag.has(tag)) return byTag.get(tag);
  const d = def.discriminator!;
  const option = def.options?.find((o) => defOf(o).shape?.[d] && (defOf(defOf(o).shape![d]!).values ?? []).includes(tag));
  byTag.set(tag, option);
  return option;
}

/** A value parsed on its own. */
function leaf(schema: z.ZodType, after: unknown): { value: unknown } | undefined {
  const r = schema.safeParse(after);
  return r.success ? { value: r.data } : undefined;
}

function reparseObject(schema: z.ZodType, shape: Record<string, z.ZodType>, before: Record<string, unknown>, after: Record<string, unknown>, parsedBefore: Record<string, unknown>): { value: unknown } | undefined {
  // Own keys only: "constructor" or "toString" written in a file is a key like any other, never the prototype's.
  const has = Object.hasOwn;
  for (const k in before) if (!has(after, k)) return undefined;
  const out: Record<string, unknown> = { ...parsedBefore };
  for (const k in after) {
    if (has(before, k) && after[k] === before[k]) continue;
    // A changed or added key must already be in the output (a default gives it), so that the key
    // order stays the parse's own.
    const field = has(shape, k) ? shape[k] : undefined;
    if (!field || !has(parsedBefore, k)) return undefined;
    const r = reparseChanged(field, before[k], after[k], parsedBefore[k]);
    if (!r || r.value === undefined) return undefined;
    out[k] = r.value;
  }
  return checksPass(schema, out) ? { value: out } : undefined;
}

function reparseArray(schema: z.ZodType, element: z.ZodType, before: unknown[], after: unknown[], parsedBefore: unknown[]): { value: unknown } | undefined {
  if (after.length !== before.length || parsedBefore.length !== before.length) return undefined;
  const out = parsedBefore.slice();
  for (let i = 0; i < after.length; i++) {
    if (after[i] === before[i]) continue;
    const r = reparseChanged(element, before[i], after[i], parsedBefore[i]);
    if (!r) return undefined;
    out[i] = r.value;
  }
  return checksPass(schema, out) ? { value: out } : undefined;
}

/**
 * reparseChanged(schema, before, setIn(before, segments, value, from), parsedBefore) for a value
 * set by one patch, found by following the patch's path instead of comparing every key of copies
 * made for it: a patch copies only the objects on its path, so every other key holds the same
 * value, and the parse is rebuilt the same way (the changed key's parse, the refinements of every
 * object and list on the path run again). The raw copies are not made, except where the walk hands
 * over to reparseChanged: at a level that is not an object, list or tagged union with the path's
 * key in its shape and parse, or where a changed value needs its enclosing value parsed on its own.
 * The path must exist (setIn gives a value); undefined when the value is invalid.
 */
export function reparsePatched(schema: z.ZodType, before: unknown, parsedBefore: unknown, segments: readonly string[], from: number, value: unknown): { value: unknown } | undefined {
  if (from === segments.length) return reparseChanged(schema, before, value, parsedBefore);
  const def = defOf(schema);
  if (before !== null && typeof before === 'object') {
    // The copy setIn makes of `before` is an object too (never null): a wrapper hands it on.
    if (PASS_THROUGH.has(def.type) && def.innerType) return reparsePatched(def.innerType, before, parsedBefore, segments, from, value);
    const head = segments[from]!;
    // (A key set to the value it holds is left as it is by reparseObject: handed over.)
    const same = from + 1 === segments.length && isRecord(before) && before[head] === value;
    if (def.type === 'object' && def.shape && !same && isRecord(before) && isRecord(parsedBefore) && Object.hasOwn(before, head) && Object.hasOwn(def.shape, head) && Object.hasOwn(parsedBefore, head)) {
      const r = reparsePatched(def.shape[head]!, before[head], parsedBefore[head], segments, from + 1, value);
      if (!r || r.value === undefined) return handOver(schema, before, parsedBefore, segments, from, value, true);
      const out: Record<string, unknown> = { ...parsedBefore };
      out[head] = r.value;
      // Refused refinements: reparseChanged then parses the value on its own (and so does this).
      return checksPass(schema, out) ? { value: out } : handOver(schema, before, parsedBefore, segments, from, value, true);
    }
    if (def.type === 'array' && def.element && Array.isArray(before) && Array.isArray(parsedBefore) && parsedBefore.length === before.length) {
      const idx = itemIndex(before, head);
      if (idx < 0) return undefined;
      const r = reparsePatched(def.element, before[idx], parsedBefore[idx], segments, from + 1, value);
      if (!r) return handOver(schema, before, parsedBefore, segments, from, value, true);
      const out = parsedBefore.slice();
      out[idx] = r.value;
      return checksPass(schema, out) ? { value: out } : handOver(schema, before, parsedBefore, segments, from, value, true);
    }
    // A tagged union whose tag the patch does not set: the option of the tag, as reparseChanged finds it.
    if (def.type === 'union' && def.discriminator && isRecord(before) && head !== def.discriminator) {
      const option = unionOption(schema, def, before[def.discriminator]);
      if (option) return reparsePatched(option, before, parsedBefore, segments, from, value);
    }
  }
  return handOver(schema, before, parsedBefore, segments, from, value, false);
}

/** The index setIn follows in a list: the item whose id is the segment, else the index it spells. */
export function itemIndex(list: readonly unknown[], head: string): number {
  for (let k = 0; k < list.length; k++) {
    const x = list[k];
    if (x && typeof x === 'object' && (x as { id?: unknown }).id === head) return k;
  }
  const idx = /^\d+$/.test(head) ? Number(head) : -1;
  return idx < list.length ? idx : -1;
}

/**
 * Where the walk stops: the patched value at this level made with setIn, and parsed as
 * reparseChanged parses it (`alone`: parsed on its own, as reparseChanged does with a value whose
 * changed part it could not rebuild).
 */
function handOver(schema: z.ZodType, before: unknown, parsedBefore: unknown, segments: readonly string[], from: number, value: unknown, alone: boolean): { value: unknown } | undefined {
  const after = setIn(before, segments, value, from);
  if (after === undefined) return undefined;
  return alone ? leaf(schema, after) : reparseChanged(schema, before, after, parsedBefore);
}
