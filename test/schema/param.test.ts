/**
 * Quantity parameters built cheaply (start-up, issue 19): every quantity shares one input schema
 * (number | NaN | string, optional when defaulted) and carries its metadata on the pipe it returns,
 * instead of building a union of three schemas and copying the pipe for its metadata each time.
 * The result must be indistinguishable from the former construction: same parse results and
 * messages, same metadata for `kinds` and the workbook, same JSON Schema, and no metadata leaking
 * from one parameter to another through the shared part.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { metaOf, quantity, readQuantity, type ParamMeta, type QuantityOptions } from '../../src/schema/param.js';
import { innerSchema } from '../../src/schema/introspect.js';

/** The former construction of quantity() (before issue 19), kept here as the reference. */
function formerQuantity(unit: string, o: QuantityOptions) {
  const meta: ParamMeta = { description: o.description, unit, ...(o.source ? { source: o.source } : {}) };
  if (o.default !== undefined) meta.defaultText = typeof o.default === 'number' ? `${o.default} ${unit}` : o.default;
  if (o.min !== undefined) meta.min = meta.minimum = o.min;
  if (o.above !== undefined) meta.above = meta.exclusiveMinimum = o.above;
  if (o.max !== undefined) meta.max = meta.maximum = o.max;
  if (o.displayUnit) meta.displayUnit = o.displayUnit;
  const base = z.union([z.number(), z.nan(), z.string()]);
  const read = (v: number | string, ctx: z.RefinementCtx) => {
    const r = readQuantity(v, unit, o);
    if ('error' in r) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return r.value;
  };
  if (o.default !== undefined) {
    const r = readQuantity(o.default, unit, o);
    const dv = 'value' in r ? r.value : NaN;
    return base.optional().transform((v, ctx) => (v === undefined ? dv : read(v, ctx))).meta(meta);
  }
  return base.transform(read).meta(meta);
}

const OPTIONS: [string, string, QuantityOptions][] = [
  ['temperature', 'K', { description: 'reactor temperature', default: '220 degC', min: 273.15, max: 673.15, displayUnit: 'degC', source: 'the review, ref. 59' }],
  ['dwell_h', 'h', { description: 'dwell time', default: 4, above: 0, source: 'assumption: test' }],
  ['capacity', 'kg/yr', { description: 'plant capacity', above: 0 }],
  ['yield', '', { description: 'a fraction', min: 0, max: 1, default: '95 %' }],
];
const INPUTS: unknown[] = [undefined, 500, '230 degC', '3 h', 'hot', '-5 K', NaN, 'NaN', Infinity, true, null, '35 %', '1e4 t/yr', 2, '250 min'];

const objectOf = (build: typeof quantity) => z.strictObject(Object.fromEntries(OPTIONS.map(([name, unit, o]) => [name, build(unit, o)])));

describe('quantity parameters share their input schema', () => {
  it('parse every input, good or bad, exactly as the former construction', () => {
    for (const [name, unit, o] of OPTIONS) {
      const now = quantity(unit, o);
      const before = formerQuantity(unit, o);
      for (const input of INPUTS) {
        const a = now.safeParse(input);
        const b = before.safeParse(input);
        expect({ success: a.success, data: a.data, issues: a.error?.issues }, `${name} ← ${String(input)}`).toEqual({ success: b.success, data: b.data, issues: b.error?.issues });
      }
    }
    // A value read, and a message, for the record.
    expect(quantity('K', OPTIONS[0]![2]).parse('230 degC')).toBeCloseTo(503.15, 12);
    expect(quantity('h', OPTIONS[1]![2]).safeParse('-1 h').error?.issues[0]?.message).toBe((readQuantity('-1 h', 'h', OPTIONS[1]![2]) as { error: string }).error);
  });

  it('give the same metadata and JSON Schema as the former construction', () => {
    for (const [name, unit, o] of OPTIONS) expect(metaOf(quantity(unit, o)), name).toEqual(metaOf(formerQuantity(unit, o)));
    const schemaOf = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    expect(JSON.stringify(schemaOf(objectOf(quantity)))).toBe(JSON.stringify(schemaOf(objectOf(formerQuantity))));
  });

  it('share one input schema that carries no metadata of any parameter', () => {
    const a = quantity('K', { description: 'a', default: 300 });
    const b = quantity('h', { description: 'b', default: 1 });
    const c = quantity('K', { description: 'c' });
    const d = quantity('h', { description: 'd' });
    expect(innerSchema(a)).toBe(innerSchema(b));
    expect(innerSchema(c)).toBe(innerSchema(d));
    expect(innerSchema(innerSchema(a)!)).toBe(innerSchema(c));
    expect([metaOf(a)?.description, metaOf(b)?.description, metaOf(c)?.description, metaOf(d)?.description]).toEqual(['a', 'b', 'c', 'd']);
    expect(metaOf(innerSchema(a)!)).toBeUndefined();
    expect(metaOf(innerSchema(c)!)).toBeUndefined();
  });
});
