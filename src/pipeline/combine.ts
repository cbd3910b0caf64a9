/**
 * One plant with parallel lines (issue 15, the hybrid plant): route flowsheets combined into one
 * flowsheet — the feed goes to a lot-wise splitter (unit `split`, see unit-ops/splitter.ts), each
 * outlet to one route whose units keep their own ids behind the route's label (`molten-salt-relith`),
 * and every route's products, by-products, waste and emissions leave through the plant's
 * boundaries. Sizing, quality and economics of the combined plant then come from the ordinary
 * pipeline: each line's equipment is sized for what it receives, one plant carries the capital
 * and labour of both lines.
 */
import type { SourceDoc } from '../io/document.js';
import type { RawScenario } from './load.js';
import { splitPath, SCENARIO_SECTIONS } from './patch.js';

/** The lot-wise splitter's unit id in a combined flowsheet. */
export const SPLIT_UNIT = 'split';

/** A route flowsheet as read (unvalidated data; it has been validated on its own before). */
export interface RouteFlowsheet {
  /** Label of the route: its flowsheet id (made unique), the splitter outlet feeding it. */
  label: string;
  /** The flowsheet file. */
  file: string;
  data: Record<string, unknown>;
}

/** Feed lot id → (route label → share). */
export type LotShares = Record<string, Record<string, number>>;

const BOUNDARY_SINKS = new Set(['product', 'byproduct', 'waste', 'emissions']);

/** Unit id of a route's unit in the combined flowsheet. */
export function routeUnitId(label: string, unitId: string): string {
  return `${label}-${unitId}`;
}

/** Unique labels for routes from their flowsheet ids (a repeated id gets -2, -3…). */
export function routeLabels(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    return k === 1 ? id : `${id}-${k}`;
  });
}

function unitsOf(data: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(data.units) ? (data.units as Record<string, unknown>[]) : [];
}

/** The combined flowsheet data of `routes` with the lots split by `shares`. */
export function combinedFlowsheet(routes: readonly RouteFlowsheet[], shares: LotShares): Record<string, unknown> {
  const labels = routes.map((r) => r.label);
  const units: Record<string, unknown>[] = [{
    id: SPLIT_UNIT,
    kind: 'splitter',
    name: `Lot allocation between ${labels.join(', ')}`,
    params: { fractions: Object.fromEntries(labels.map((l, i) => [l, i === 0 ? 1 : 0])), lotFractions: shares },
  }];
  const streams: Record<string, unknown>[] = [{ from: 'feed', to: SPLIT_UNIT }];
  let solver: Record<string, unknown> | undefined;
  for (const r of routes) {
    const end = (text: string, from: boolean): string => {
      if (from && text === 'feed') return `${SPLIT_UNIT}.${r.label}`;
      const [node, port] = text.split('.');
      if (!from && BOUNDARY_SINKS.has(node!)) return text;
      return routeUnitId(r.label, node!) + (port !== undefined ? `.${port}` : '');
    };
    for (const u of unitsOf(r.data)) units.push({ ...u, id: routeUnitId(r.label, String(u.id)) });
    const list = Array.isArray(r.data.streams) ? (r.data.streams as Record<string, unknown>[]) : [];
    for (const s of list) {
      streams.push({ ...s, ...(s.id !== undefined ? { id: routeUnitId(r.label, String(s.id)) } : {}), from: end(String(s.from), true), to: end(String(s.to), false) });
    }
    const own = r.data.solver as Record<string, unknown> | undefined;
    if (own && typeof own === 'object') {
      // The strictest loop settings of the routes: the most iterations, the tightest tolerance.
      const merged: Record<string, unknown> = { ...own, ...(solver ?? {}) };
      const max = (k: string) => Math.max(...[own[k], solver?.[k]].filter((v): v is number => typeof v === 'number'));
      const min = (k: string) => Math.min(...[own[k], solver?.[k]].filter((v): v is number => typeof v === 'number'));
      if (typeof own.maxIterations === 'number' || typeof solver?.maxIterations === 'number') merged.maxIterations = max('maxIterations');
      if (typeof own.tolerance === 'number' || typeof solver?.tolerance === 'number') merged.tolerance = min('tolerance');
      solver = merged;
    }
  }
  return {
    id: `hybrid-${labels.join('-')}`,
    name: `Hybrid plant: ${routes.map((r) => String(r.data.name ?? r.label)).join(' ∥ ')}`,
    description: `Each feed lot is split between the parallel lines ${labels.join(', ')} (unit ${SPLIT_UNIT}); every line is sized for what it receives. Written by regenflow optimize --route.`,
    units,
    streams,
    ...(solver ? { solver } : {}),
  };
}

/**
 * A scenario's overrides for the combined flowsheet: a path addressing a unit (`relith.temperature`)
 * is set on that unit in every route that has it (`hydrothermal-relith.temperature`, …); section
 * paths (plant, prices, feed…) stay as they are. A unit no route has keeps its path (and fails to
 * resolve with the usual message).
 */
export function combinedOverrides(overrides: Record<string, unknown>, routes: readonly RouteFlowsheet[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(overrides)) {
    const seg = splitPath(path);
    const head = seg[0] ?? '';
    const owners = (SCENARIO_SECTIONS as readonly string[]).includes(head) ? [] : routes.filter((r) => unitsOf(r.data).some((u) => u.id === head));
    if (owners.length === 0) { out[path] = value; continue; }
    for (const r of owners) out[routeUnitId(r.label, head) + path.slice(head.length)] = value;
  }
  return out;
}

/** The uncertain inputs of a scenario written for the combined plant, and the paths left out. */
export interface CombinedUncertainty {
  entries: Record<string, unknown>[];
  /** Entries that apply to no line of the plant, or repeat a path another entry already covers. */
  dropped: string[];
  /** "relith.temperature → hydrothermal-relith.temperature, molten-salt-relith.temperature". */
  translated: string[];
}

/**
 * A scenario's `uncertainty:` entries for the combined plant. An entry on a unit parameter becomes
 * one entry per line that has the unit, on that line's unit id (each line draws its own value: two
 * lines are two vessels with their own setpoints); one scoped with `route:` applies to the lines of
 * those routes, and on a line the entry scoped to its route wins over an unscoped one (as in a
 * paired run). Any other entry (prices, finance, feed, plant) applies to the whole plant once: the
 * unscoped one, else the first scoped to a line of the plant. The combined plant is one route, so
 * the written entries carry no `route:`.
 */
export function combinedUncertainty(entries: readonly unknown[], routes: readonly RouteFlowsheet[]): CombinedUncertainty {
  const list = entries.filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object' && typeof (e as { path?: unknown }).path === 'string');
  const scopeOf = (e: Record<string, unknown>) => (typeof e.route === 'string' ? [e.route] : Array.isArray(e.route) ? e.route.map(String) : null);
  const routeId = (r: RouteFlowsheet) => String(r.data.id ?? r.label);
  /** The entry of `path` that applies on route `r`: the one scoped to it, else the unscoped one. */
  const on = (path: string, r: RouteFlowsheet) => list.find((e) => e.path === path && scopeOf(e)?.includes(routeId(r))) ?? list.find((e) => e.path === path && scopeOf(e) === null);
  const out: Record<string, unknown>[] = [];
  const dropped: string[] = [];
  const translated: string[] = [];
  const done = new Set<string>();
  for (const e of list) {
    const path = e.path as string;
    const { route: _scope, ...plain } = e;
    const shown = scopeOf(e) ? `${path} (route ${scopeOf(e)!.join(', ')})` : path;
    const head = splitPath(path)[0] ?? '';
    const owners = (SCENARIO_SECTIONS as readonly string[]).includes(head) ? [] : routes.filter((r) => unitsOf(r.data).some((u) => u.id === head));
    if (owners.length === 0) {
      // A plant-wide input: once, the unscoped entry or the first scoped to a line of this plant.
      const applies = scopeOf(e) === null || routes.some((r) => scopeOf(e)!.includes(routeId(r)));
      const preferred = list.find((x) => x.path === path && scopeOf(x) === null) ?? list.find((x) => x.path === path && routes.some((r) => scopeOf(x)?.includes(routeId(r))));
      if (applies && preferred === e && !done.has(path)) { out.push(plain); done.add(path); } else dropped.push(shown);
      continue;
    }
    const lines = owners.filter((r) => on(path, r) === e);
    if (lines.length === 0) { dropped.push(shown); continue; }
    const ids = lines.map((r) => routeUnitId(r.label, head) + path.slice(head.length));
    for (const id of ids) out.push({ ...plain, path: id });
    translated.push(`${path} → ${ids.join(', ')}`);
  }
  return { entries: out, dropped, translated };
}

/**
 * The scenario with the combined flowsheet in place of its own (the unit overrides translated).
 * `file` names the combined flowsheet in messages.
 */
export function withCombinedFlowsheet(raw: RawScenario, routes: readonly RouteFlowsheet[], data: Record<string, unknown>, file: string): RawScenario {
  const scenarioData = raw.scenario.data as Record<string, unknown>;
  const overrides = scenarioData.overrides && typeof scenarioData.overrides === 'object' ? combinedOverrides(scenarioData.overrides as Record<string, unknown>, routes) : undefined;
  const scenario: SourceDoc = { ...raw.scenario, data: { ...scenarioData, ...(overrides ? { overrides } : {}) } };
  const doc: SourceDoc = { file, data, locate: () => undefined };
  return { ...raw, scenario, flowsheet: { doc, at: [], data } };
}
