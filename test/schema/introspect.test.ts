import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultOf, innerSchema, shapeOf } from '../../src/schema/introspect.js';

describe('schema introspection', () => {
  const obj = z.object({ a: z.number().default(3), b: z.string().optional() });

  it('finds the fields of an object through optional, default and pipe wrappers', () => {
    expect(Object.keys(shapeOf(obj))).toEqual(['a', 'b']);
    expect(Object.keys(shapeOf(obj.optional()))).toEqual(['a', 'b']);
    expect(Object.keys(shapeOf(obj.default({ a: 1 }).optional()))).toEqual(['a', 'b']);
    expect(Object.keys(shapeOf(obj.pipe(z.transform((x) => x))))).toEqual(['a', 'b']);
    expect(shapeOf(z.number())).toEqual({});
  });

  it('reads a default value through its wrappers, calling a default function', () => {
    expect(defaultOf(shapeOf(obj).a!)).toBe(3);
    expect(defaultOf(z.array(z.number()).default(() => [1, 2]).optional())).toEqual([1, 2]);
    expect(defaultOf(shapeOf(obj).b!)).toBeUndefined();
  });

  it('steps into the wrapped schema and stops at a leaf', () => {
    const leaf = z.number();
    expect(innerSchema(leaf.optional())).toBe(leaf);
    expect(innerSchema(leaf)).toBeUndefined();
  });
});
