/**
 * Uncertain inputs in words (issue 18): the uncertainty sheets name an input by what it is —
 * "finance: discount rate", "feed lot ev-811: Li/TM molar ratio of the spent material",
 * "prices: LiOH·H2O", "relith: temperature" — not by the scenario path a command line uses
 * (`finance.discountRate`, `feed.lots[ev-811].liPerTm`), which is kept in its own column for audit.
 * A field without a unit reads "fraction" (0–1) or "–" instead of "the field's unit".
 */
import type { z } from 'zod';
import type { Evaluation } from '../pipeline/evaluate.js';
import { splitPath } from '../pipeline/patch.js';
import { paramMetaOf } from '../pipeline/param-meta.js';
import { metaOf } from '../schema/param.js';
import type { UnitKind } from '../schema/kinds.js';
import { financeSchema } from '../schema/economics.js';
import { feedSchema, lotSpecSchema } from '../schema/feed.js';
import { plantSchema } from '../schema/scenario.js';
import { specSchema } from '../schema/spec.js';
import { innerSchema, shapeOf } from '../schema/introspect.js';

const SECTIONS: Record<string, Record<string, z.ZodType>> = {
  finance: shapeOf(financeSchema),
  feed: shapeOf(feedSchema),
  plant: shapeOf(plantSchema),
  spec: shapeOf(specSchema),
};
const LOT_FIELDS = shapeOf(lotSpecSchema);

/** "discountRate" → "discount rate"; names with capitals in a row (LiOH) are left alone. */
export function camelWords(key: string): string {
  if (/[A-Z]{2}/.test(key) || !/[a-z][A-Z]/.test(key)) return key;
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Metadata of a field through optionals, defaults and pipes. */
function metaThrough(s: z.ZodType | undefined): { description?: string; unit?: string; min?: number; max?: number } | undefined {
  for (let i = 0; s && i < 20; i++) {
    const m = metaOf(s);
    if (m?.description) return m;
    s = innerSchema(s);
  }
  return undefined;
}

type Meta = { description?: string; unit?: string; displayUnit?: unknown; min?: number; max?: number } | undefined;

/** A field's name: the head of its description when short, else its key in words. */
function fieldName(key: string, m: Meta): string {
  const head = m?.description?.split(/ \(|[;,:]| — /)[0]?.trim();
  return head && head.length <= 45 ? head : camelWords(key);
}

/** A field's unit for a reader: its documented unit; "fraction" for a dimensionless 0–1 value; "–" otherwise. */
function fieldUnit(m: Meta): string | null {
  if (!m || m.unit === undefined) return null;
  if (m.unit !== '') return m.unit;
  return m.min === 0 && m.max === 1 ? 'fraction' : '–';
}

/** An input as a reader names it. */
export interface InputName {
  name: string;
  /** The field's documented unit (the unit of values given without one), when known. */
  unit: string | null;
  /** The unit people read it in when it differs (degC for a temperature kept in K). */
  display: string | null;
}

const named = (name: string, m: Meta): InputName => {
  const unit = fieldUnit(m);
  const display = typeof m?.displayUnit === 'string' && m.displayUnit !== unit ? m.displayUnit : null;
  return { name, unit, display };
};

/**
 * An uncertain input as a reader names it, with the unit of its field when the schema documents
 * one. A unit parameter (`relith.temperature`) is looked up in the flowsheets of the cases shown.
 */
export function inputName(path: string, evs: readonly Evaluation[] = []): InputName {
  const seg = splitPath(path);
  const [head, second] = seg;
  if (head === 'prices') return { name: `prices: ${second ?? ''}`, unit: null, display: null };
  if (head === 'feed' && second === 'lots' && seg.length === 4) return named(`feed lot ${seg[2]}: ${fieldName(seg[3]!, metaThrough(LOT_FIELDS[seg[3]!]))}`, metaThrough(LOT_FIELDS[seg[3]!]));
  const fields = head !== undefined ? SECTIONS[head] : undefined;
  if (fields && seg.length === 2) return named(`${head}: ${fieldName(second!, metaThrough(fields[second!]))}`, metaThrough(fields[second!]));
  // A unit parameter: named from its unit's kind; the same id on two routes may be two kinds
  // (an autoclave and a salt reactor), whose parameter then keeps the plain name.
  const kinds = seg.length === 2 ? [...new Set(evs.flatMap((ev) => ev.model.flowsheet.units).filter((u) => u.id === head).map((u) => u.kind))] : [];
  if (kinds.length > 0) {
    const metas = kinds.map((k) => paramMetaOf(k as UnitKind, second!));
    const names = new Set(metas.map((m) => fieldName(second!, m)));
    const m = metas[0];
    return named(`${head}: ${names.size === 1 ? [...names][0] : camelWords(second!)}`, new Set(metas.map((x) => x?.unit)).size === 1 ? m : undefined);
  }
  // A deeper path: its segments in words.
  return { name: seg.length >= 2 ? `${seg[0]}: ${seg.slice(1).map(camelWords).join(' ')}` : camelWords(path), unit: null, display: null };
}

/** Names and units of inputs over the cases a workbook shows (cached per path). */
export class InputNames {
  private readonly cache = new Map<string, InputName>();
  constructor(private readonly evs: readonly Evaluation[] = []) {}

  /** The input by path, in words. */
  of(path: string): InputName {
    let n = this.cache.get(path);
    if (!n) this.cache.set(path, (n = inputName(path, this.evs)));
    return n;
  }

  /** The reader's name of an input. */
  name(path: string): string {
    return this.of(path).name;
  }

  /** The unit shown for values given in `unit` (null: the field's documented unit). */
  unit(path: string, unit: string | null | undefined): string {
    return unit ?? this.of(path).unit ?? '(as on Assumptions)';
  }
}
