/**
 * Flowsheet file schema pieces (DESIGN.md "Flowsheet file"). The per-kind parameter union is
 * assembled from the unit-op registry in unit-ops/flowsheet-schema.ts; this module holds the parts
 * that do not depend on unit operations.
 */
import { z } from 'zod';
import { described } from './param.js';

/** An identifier: a letter, then letters, digits, `_` or `-`. */
export const idSchema = z.string().regex(/^[A-Za-z][\w-]*$/, 'an id starts with a letter and has only letters, digits, _ and -');

/** An endpoint: `unit`, `unit.port` or a boundary name. */
export const endpointSchema = z.string().regex(/^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)?$/, 'write <unit> or <unit>.<port>');

/** A stream (edge) of the flowsheet. */
export const streamSpecSchema = z.strictObject({
  id: idSchema.optional().describe('stream id (default: <from>-><to>)'),
  from: endpointSchema.describe('source: feed, <unit> or <unit>.<outlet>'),
  to: endpointSchema.describe('destination: <unit>, <unit>.<inlet>, product, byproduct, waste or emissions'),
  tear: z.boolean().optional().describe('mark this stream as a tear of its recycle loop'),
  note: z.string().optional(),
});

/** Solver settings (DESIGN.md "Solver"). */
export const solverSchema = z.strictObject({
  maxIterations: described(z.number().int().min(1).max(100000).default(200), { description: 'iteration limit per recycle loop', source: 'DESIGN.md Solver (BioSTEAM default 200, REFERENCE.md 4.2)' }),
  tolerance: described(z.number().positive().max(1e-3).default(1e-10), { description: 'relative change of every component and lot mass at convergence', source: 'DESIGN.md Solver' }),
  method: described(z.enum(['wegstein', 'direct']).default('wegstein'), { description: 'acceleration: wegstein (bounded) or direct substitution', source: 'DESIGN.md Solver' }),
  wegsteinMin: described(z.number().min(-1000).max(0).default(-50), { description: 'lower bound of the Wegstein q factor', source: 'assumption: wide enough to extrapolate a loop that recycles 98 % per pass (q = s/(s − 1) = −49 at s = 0.98); Aspen\'s common default −5 stalls such loops; a growing residual falls back to damped substitution' }),
  wegsteinMax: described(z.number().min(-1000).max(0.9).default(0), { description: 'upper bound of the Wegstein q factor', source: 'assumption: q ≤ 0 (acceleration only, no damping), the common upper bound' }),
  damping: described(z.number().gt(0).max(1).default(0.5), { description: 'damping of the direct-substitution fallback', source: 'assumption' }),
});

/** Solver settings after defaults. */
export type SolverSettings = z.output<typeof solverSchema>;

/** Default solver settings. */
export const DEFAULT_SOLVER: SolverSettings = solverSchema.parse({});

/** Builds the flowsheet file schema around a unit schema (the per-kind union). */
export function flowsheetSchemaWith<U extends z.ZodType>(unit: U) {
  return z.strictObject({
    $schema: z.string().optional().describe('path of the JSON Schema, for editors'),
    id: idSchema.describe('flowsheet id'),
    name: z.string().optional(),
    description: z.string().optional(),
    units: z.array(unit).min(1),
    streams: z.array(streamSpecSchema).min(1),
    solver: solverSchema.prefault({}),
  });
}
