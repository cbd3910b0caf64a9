/**
 * The metadata of unit parameters (documented unit, display unit, validated min/max) by kind and
 * name, and parameter values as people read them — for remedies and uncertainty range checks.
 */
import type { z } from 'zod';
import type { UnitKind } from '../schema/kinds.js';
import { convert } from '../schema/quantity.js';
import { metaOf, type ParamMeta } from '../schema/param.js';
import { unitOp } from '../unit-ops/registry.js';
import { shapeOf } from '../schema/introspect.js';

/** Metadata of a unit kind's parameter (unit, display unit, min/max), if it has one. */
export function paramMetaOf(kind: UnitKind, name: string): ParamMeta | undefined {
  const s = paramSchemaOf(kind, name);
  return s ? metaOf(s) : undefined;
}

/** The schema of a unit kind's parameter (the field of its params object), if it has one. */
export function paramSchemaOf(kind: UnitKind, name: string): z.ZodType | undefined {
  const shape = shapeOf(unitOp(kind).params as z.ZodType);
  return Object.hasOwn(shape, name) ? shape[name] : undefined;
}

/** A parameter value as people read it ("850 degC", "4 h", "true"). */
export function valueText(v: unknown, meta: ParamMeta | undefined): string {
  if (typeof v !== 'number') return Array.isArray(v) ? v.join(', ') : String(v);
  const unit = meta?.unit ?? '';
  const shown = typeof meta?.displayUnit === 'string' ? meta.displayUnit : unit;
  const x = shown && shown !== unit ? convert(v, unit, shown) : v;
  return `${Number(x.toPrecision(4))}${shown ? ` ${shown}` : ''}`;
}
