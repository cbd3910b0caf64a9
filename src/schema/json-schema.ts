/**
 * JSON Schemas of the input files, emitted from the zod schemas (z.toJSONSchema, input side), so
 * editors check flowsheets and scenarios as they are typed.
 */
import { z } from 'zod';

/** JSON Schema of a zod schema, describing what may be written in a file. */
export function jsonSchemaOf(schema: z.ZodType, title: string): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...out, title };
}
