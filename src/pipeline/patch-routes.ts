/**
 * Where each patch of a resolution goes (resolve.ts resolveModel): the flowsheet's solver settings,
 * the plant or the feed, a scenario section, or a unit's parameters (the unit found by id in the
 * flowsheet as written). What a path means depends only on the path and on the flowsheet's unit
 * list, never on the value: a Monte Carlo sample patches the same paths every time, so their routes
 * are worked out once per scenario and list of paths, not split, classified and looked up per sample.
 */
import type { RawScenario } from './load.js';
import { pathSegments, SCENARIO_SECTIONS, type Patch } from './patch.js';

/**
 * What a patch path addresses (PatchRoute.kind): `short`, fewer than two segments (or an empty first
 * one), not a path anything can be set at; `solver`, the flowsheet's own settings; `part`, the plant
 * or the feed (parsed parts, patched along the path: resolve.ts PatchedData); `section`, another
 * scenario section (`prices.<key>`, `finance.<field>`, …: its data copied and set); `unit`, the
 * parameters of the unit at `idx` of the flowsheet as written; `no-unit`, a first segment that is
 * neither a section nor a unit of the flowsheet.
 */
export type RouteKind = 'short' | 'solver' | 'part' | 'section' | 'unit' | 'no-unit';

/** The route of one patch path (one class: every route has the same fields, so the loop over them reads one shape). */
export class PatchRoute {
  constructor(
    readonly kind: RouteKind,
    /** The path's segments (pathSegments: shared, frozen). */
    readonly seg: readonly string[],
    /** The first segment. */
    readonly head: string,
    /** For a unit parameter: the unit's index in the flowsheet's units as written; -1 otherwise. */
    readonly idx: number,
    /** For a unit parameter: the flowsheet path it sets (`units.<idx>.params.<rest>`, frozen); else the segments. */
    readonly path: readonly string[],
  ) {}
}

/** The index of the unit with id `id` in the flowsheet's units as written, or -1. */
function unitIndex(units: readonly { id?: unknown }[], id: string): number {
  for (let i = 0; i < units.length; i++) if (units[i] && units[i]!.id === id) return i;
  return -1;
}

/** The route of `path` given the flowsheet's units as written. */
function routeOf(path: string, units: readonly { id?: unknown }[]): PatchRoute {
  const seg = pathSegments(path);
  const head = seg[0];
  if (!head || seg.length < 2) return new PatchRoute('short', seg, head ?? '', -1, seg);
  if (head === 'solver') return new PatchRoute('solver', seg, head, -1, seg);
  if (head === 'plant' || head === 'feed') return new PatchRoute('part', seg, head, -1, seg);
  if ((SCENARIO_SECTIONS as readonly string[]).includes(head)) return new PatchRoute('section', seg, head, -1, seg);
  const idx = unitIndex(units, head);
  if (idx < 0) return new PatchRoute('no-unit', seg, head, -1, seg);
  return new PatchRoute('unit', seg, head, idx, Object.freeze(['units', String(idx), 'params', ...seg.slice(1)]));
}

/** The routes of a scenario: by path, and the last list asked for (its paths, in order). */
interface Routes {
  units: readonly { id?: unknown }[];
  byPath: Map<string, PatchRoute>;
  lastPaths: string[];
  last: PatchRoute[];
}

/** Routes by scenario (a scenario's data is never changed once loaded; the unit list is checked by identity all the same). */
const ROUTES = new WeakMap<RawScenario, Routes>();
/** Most paths remembered per scenario (a sweep over many paths works out the others each time). */
const ROUTES_PER_SCENARIO = 256;

/**
 * The route of each patch, in order, for a scenario whose flowsheet lists `units` as written. The
 * list is the last one's when the paths are the same (a Monte Carlo sample's); it is shared: read
 * it before the next call, never change it.
 */
export function patchRoutes(raw: RawScenario, units: readonly { id?: unknown }[], patches: readonly Patch[]): readonly PatchRoute[] {
  let r = ROUTES.get(raw);
  if (!r || r.units !== units) ROUTES.set(raw, (r = { units, byPath: new Map(), lastPaths: [], last: [] }));
  const paths = r.lastPaths;
  let same = paths.length === patches.length;
  for (let i = 0; same && i < patches.length; i++) same = paths[i] === patches[i]!.path;
  if (same) return r.last;
  const routes: PatchRoute[] = [];
  const list: string[] = [];
  for (const p of patches) {
    let route = r.byPath.get(p.path);
    if (!route) {
      route = routeOf(p.path, units);
      if (r.byPath.size < ROUTES_PER_SCENARIO) r.byPath.set(p.path, route);
    }
    routes.push(route);
    list.push(p.path);
  }
  r.lastPaths = list;
  r.last = routes;
  return routes;
}
