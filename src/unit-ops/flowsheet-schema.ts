/**
 * The complete flowsheet schema: a discriminated union on `kind` built from the registry, so a
 * unit's `params` are checked against its own kind's schema (and editors get the same rules).
 */
import { z } from 'zod';
import { UNIT_KINDS, type UnitKind } from '../schema/kinds.js';
import { flowsheetSchemaWith, idSchema } from '../schema/flowsheet.js';
import { REGISTRY } from './registry.js';

function unitSchemaFor(kind: UnitKind) {
  return z.strictObject({
    id: idSchema.describe('unit id, unique in the flowsheet'),
    kind: z.literal(kind),
    name: z.string().optional(),
    note: z.string().optional(),
    params: (REGISTRY[kind].params as z.ZodType).prefault({}),
  });
}

/** Schema of one unit: the union over every kind. */
export const unitSpecSchema = z.discriminatedUnion(
  'kind',
  UNIT_KINDS.map(unitSchemaFor) as unknown as [ReturnType<typeof unitSchemaFor>, ...ReturnType<typeof unitSchemaFor>[]],
);

/** Schema of a flowsheet file. */
export const flowsheetFileSchema = flowsheetSchemaWith(unitSpecSchema);

/** A validated flowsheet (params resolved to canonical units). */
export type FlowsheetSpec = z.output<typeof flowsheetFileSchema>;

/** A validated unit of a flowsheet. */
export interface UnitSpec {
  id: string;
  kind: UnitKind;
  name?: string;
  note?: string;
  params: Record<string, unknown>;
}
