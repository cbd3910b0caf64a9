/**
 * `regenflow kinds`: every unit-operation kind with its ports and parameters (unit, default, source).
 */
import type { z } from 'zod';
import { UNIT_KINDS } from '../schema/kinds.js';
import { REGISTRY } from '../unit-ops/registry.js';
import { metaOf } from '../schema/param.js';
import { defaultOf, innerSchema, shapeOf } from '../schema/introspect.js';
import { table } from './output.js';

/** A parameter as `kinds` lists it. */
export interface ParamInfo {
  name: string;
  unit: string | null;
  default: unknown;
  source: string | null;
  description: string | null;
  /** Valid range in `unit` (null where the parameter is not a number). */
  range: { min: number | null; above: number | null; max: number | null } | null;
}

/** The range of a parameter as text, e.g. "> 0 … ≤ 500", "0 … 1"; empty when it has none. */
export function rangeText(r: ParamInfo['range']): string {
  if (!r) return '';
  const lo = r.above !== null ? `> ${r.above}` : r.min !== null ? `${r.min}` : '';
  const hi = r.max !== null ? `${r.max}` : '';
  if (!lo && !hi) return '';
  if (!hi) return r.above !== null ? lo : `≥ ${lo}`;
  if (!lo) return `≤ ${hi}`;
  return r.above !== null ? `${lo}, ≤ ${hi}` : `${lo} … ${hi}`;
}

/** A kind as `kinds` lists it. */
export interface KindInfo {
  kind: string;
  summary: string;
  inlets: string[];
  outlets: string[];
  params: ParamInfo[];
}

/** The parameter metadata of a schema, looked up through optional/default wrappers (`quantity(…).optional()`). */
function paramMeta(s: z.ZodType): ReturnType<typeof metaOf> {
  for (let i = 0; i < 20; i++) {
    const m = metaOf(s);
    if (m) return m;
    const inner = innerSchema(s);
    if (!inner) return undefined;
    s = inner;
  }
  return undefined;
}

/** Describe every kind. Ports are those of the default parameters where they depend on params. */
export function kindInfos(): KindInfo[] {
  return UNIT_KINDS.map((kind) => {
    const op = REGISTRY[kind];
    const shape = shapeOf(op.params as z.ZodType);
    const params: ParamInfo[] = Object.entries(shape).map(([name, s]) => {
      const meta = paramMeta(s);
      return {
        name,
        unit: (meta?.unit as string | undefined) ?? null,
        default: meta?.defaultText ?? defaultOf(s) ?? null,
        source: meta?.source ?? null,
        description: meta?.description ?? null,
        range: meta && (meta.min !== undefined || meta.max !== undefined || meta.above !== undefined)
          ? { min: meta.min ?? null, above: meta.above ?? null, max: meta.max ?? null }
          : null,
      };
    });
    let inlets: string[] = [];
    let outlets: string[] = [];
    const parsed = (op.params as z.ZodType).safeParse({});
    if (parsed.success) {
      const ports = op.ports(parsed.data as never);
      inlets = ports.inlets.map((p) => p.name + (p.optional ? '?' : ''));
      outlets = ports.outlets.map((p) => p.name);
    } else {
      // Required params without defaults (a reactor's reactions): ports that do not read the
      // params are still listed; ports built from params (a splitter's outlets) are not.
      try {
        const ports = op.ports({} as never);
        inlets = ports.inlets.map((p) => p.name + (p.optional ? '?' : ''));
        outlets = ports.outlets.map((p) => p.name);
      } catch {
        inlets = ['(depend on params)'];
        outlets = ['(depend on params)'];
      }
    }
    return { kind, summary: op.summary, inlets, outlets, params };
  });
}

/** Text listing of the kinds. */
export function kindsText(infos: KindInfo[]): string {
  return infos.map((k) => {
    const head = `${k.kind} — ${k.summary}\n  inlets: ${k.inlets.join(', ')}; outlets: ${k.outlets.join(', ')}`;
    if (k.params.length === 0) return head;
    const rows = k.params.map((p) => [p.name, p.unit ?? '', p.default === null ? '' : typeof p.default === 'object' ? JSON.stringify(p.default) : String(p.default), rangeText(p.range), p.source ?? '']);
    return head + '\n' + table([['parameter', 'unit', 'default', 'range', 'source'], ...rows], [false, false, false, false, false]).split('\n').map((l) => '  ' + l).join('\n');
  }).join('\n\n');
}
