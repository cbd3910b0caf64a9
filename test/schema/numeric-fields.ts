/**
 * The numeric fields of a zod schema with their documented bounds: quantities (parameter metadata
 * with a unit: min / above / max) and plain zod numbers (their min / max checks), found by walking
 * objects, lists, records, unions and wrappers. Used to check that every numeric input has a range.
 */
import type { z } from 'zod';

/** A numeric field and its bounds (±Infinity where none is documented). */
export interface NumericField {
  path: string;
  lower: number;
  upper: number;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean } } }[];
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (s: z.ZodType) => (s as unknown as { meta(): Record<string, unknown> | undefined }).meta();
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** Every numeric field of `schema`, with the tightest bounds documented along its wrappers. */
export function numericFields(schema: z.ZodType, path = ''): NumericField[] {
  const out: NumericField[] = [];
  walk(schema, path, { lower: -Infinity, upper: Infinity, quantity: false }, out, 0);
  return out;
}

function walk(s: z.ZodType, path: string, acc: { lower: number; upper: number; quantity: boolean }, out: NumericField[], depth: number): void {
  if (depth > 40) return;
  const meta = metaOf(s);
  let next = acc;
  if (meta && typeof meta.unit === 'string') {
    const lower = num(meta.min) ?? num(meta.above);
    const upper = num(meta.max);
    next = { lower: lower ?? acc.lower, upper: upper ?? acc.upper, quantity: true };
  }
  const d = defOf(s);
  switch (d.type) {
    case 'object':
      for (const [k, v] of Object.entries(d.shape ?? {})) walk(v, path ? `${path}.${k}` : k, { lower: -Infinity, upper: Infinity, quantity: false }, out, depth + 1);
      return;
    case 'array':
      walk(d.element!, `${path}[]`, { lower: -Infinity, upper: Infinity, quantity: false }, out, depth + 1);
      return;
    case 'record':
      walk(d.valueType!, `${path}{}`, { lower: -Infinity, upper: Infinity, quantity: false }, out, depth + 1);
      return;
    case 'union': {
      // A quantity is union(number, nan, string) inside a transform: one field, not three.
      if (next.quantity) { out.push({ path, lower: next.lower, upper: next.upper }); return; }
      for (const o of d.options ?? []) walk(o, path, next, out, depth + 1);
      return;
    }
    case 'optional': case 'default': case 'prefault': case 'nullable': case 'readonly': case 'catch':
      walk(d.innerType!, path, next, out, depth + 1);
      return;
    case 'pipe':
      walk(d.in!, path, next, out, depth + 1);
      return;
    case 'number': {
      let lower = next.lower;
      let upper = next.upper;
      for (const c of d.checks ?? []) {
        const cd = c._zod.def;
        if (cd.check === 'greater_than' && typeof cd.value === 'number') lower = Math.max(lower, cd.value);
        if (cd.check === 'less_than' && typeof cd.value === 'number') upper = Math.min(upper, cd.value);
      }
      out.push({ path, lower, upper });
      return;
    }
    default:
      if (next.quantity) out.push({ path, lower: next.lower, upper: next.upper });
  }
}
