// Reading zod 4 schemas back: the fields of an object schema and the schema an optional, default or
// pipe wraps. Several readers need this (the `kinds` listing, the workbook's Assumptions rows, a
// unit parameter's metadata); zod exposes it only through the internal `_zod.def`, so the cast
// lives here once.
import type { z } from 'zod';

/** The parts of a zod schema definition these walks read. */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  defaultValue?: unknown;
}

/** A schema's definition (zod 4 core `_zod.def`). */
export function schemaDef(s: z.ZodType): SchemaDef {
  return (s as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The schema an optional, nullable, default or pipe wraps (the input side of a pipe); undefined for a leaf. */
export function innerSchema(s: z.ZodType): z.ZodType | undefined {
  const d = schemaDef(s);
  return d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
}

/** Fields of an object schema, through defaults, optionals and pipes ({} when it is no object). */
export function shapeOf(s: z.ZodType): Record<string, z.ZodType> {
  let cur: z.ZodType | undefined = s;
  for (let i = 0; cur && i < 20; i++) {
    const d = schemaDef(cur);
    if (d.type === 'object') return d.shape ?? {};
    cur = innerSchema(cur);
  }
  return {};
}

/** The default value of a field, through its wrappers (undefined when it has none). */
export function defaultOf(s: z.ZodType): unknown {
  let cur: z.ZodType | undefined = s;
  for (let i = 0; cur && i < 20; i++) {
    const d = schemaDef(cur);
    if (d.type === 'default' || d.type === 'prefault') return typeof d.defaultValue === 'function' ? (d.defaultValue as () => unknown)() : d.defaultValue;
    cur = innerSchema(cur);
  }
  return undefined;
}
