/**
 * `regenflow kinds`: every unit-operation kind with its ports and parameters (unit, default, source).
 */
import type { z } from 'zod';
import { UNIT_KINDS } from '../schema/kinds.js';
import { REGISTRY } from '../unit-ops/registry.js';
import { metaOf } from '../schema/param.js';
import { table } from './output.js';

/** A parameter as `kinds` lists it. */
export interface ParamInfo {
  name: string;
  unit: string | null;
  default: unknown;
  source: string | null;
  description: string | null;
}

/** A kind as `kinds` lists it. */
export interface KindInfo {
  kind: string;
  summary: string;
  inlets: string[];
  outlets: string[];
  params: ParamInfo[];
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; defaultValue?: unknown };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function shapeOf(s: z.ZodType): Record<string, z.ZodType> {
  for (let i = 0; i < 20; i++) {
    const d = def(s);
    if (d.type === 'object') return d.shape ?? {};
    if (d.type === 'pipe') s = d.in!;
    else if (d.innerType) s = d.innerType;
    else break;
  }
  return {};
}

function defaultOf(s: z.ZodType): unknown {
  for (let i = 0; i < 20; i++) {
    const d = def(s);
    if (d.type === 'default' || d.type === 'prefault') return typeof d.defaultValue === 'function' ? (d.defaultValue as () => unknown)() : d.defaultValue;
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe') s = d.in!;
    else break;
  }
  return undefined;
}

/** Describe every kind. Ports are those of the default parameters where they depend on params. */
export function kindInfos(): KindInfo[] {
  return UNIT_KINDS.map((kind) => {
    const op = REGISTRY[kind];
    const shape = shapeOf(op.params as z.ZodType);
    const params: ParamInfo[] = Object.entries(shape).map(([name, s]) => {
      const meta = metaOf(s);
      return {
        name,
        unit: (meta?.unit as string | undefined) ?? null,
        default: meta?.defaultText ?? defaultOf(s) ?? null,
        source: meta?.source ?? null,
        description: meta?.description ?? null,
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
    const rows = k.params.map((p) => [p.name, p.unit ?? '', p.default === null ? '' : typeof p.default === 'object' ? JSON.stringify(p.default) : String(p.default), p.source ?? '']);
    return head + '\n' + table([['parameter', 'unit', 'default', 'source'], ...rows], [false, false, false, false]).split('\n').map((l) => '  ' + l).join('\n');
  }).join('\n\n');
}
