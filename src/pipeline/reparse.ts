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

/** The parts of a zod schema definition this walk reads (zod 4 core `_zod.def`). */
interface SchemaDef {
  type: string;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  checks?: unknown[];
  values?: unknown[];
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
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
const PASS_THROUGH = new Set(['optional', 'default', 'prefault', 'nullable']);

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
function unionOption(schema: z.ZodType, def: SchemaDef, tag: unknown): z.ZodType | undefined {
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
