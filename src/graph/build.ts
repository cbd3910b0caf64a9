/**
 * Flowsheet spec → graph. Checks the graph rules (unique ids, known units and ports, every port
 * connected, boundaries used the right way), builds a @dagrejs/graphlib multigraph, finds the
 * strongly connected components (recycle loops), picks tear streams and orders the solve.
 */
import { Graph, alg } from '@dagrejs/graphlib';
import { BOUNDARIES, isBoundary } from '../schema/kinds.js';
import { msg } from '../schema/messages.js';
import type { Ports } from '../unit-ops/contract.js';

/** Minimal view of a unit the graph needs. */
export interface GraphUnitInput {
  id: string;
  kind: string;
  ports: Ports;
}

/** Minimal view of a stream the graph needs. */
export interface GraphStreamInput {
  id?: string;
  from: string;
  to: string;
  tear?: boolean;
}

/** An endpoint resolved to a node and a port (boundaries have no port). */
export interface Endpoint {
  node: string;
  port: string | null;
}

/** A resolved stream of the graph. */
export interface GraphStream {
  id: string;
  index: number;
  from: Endpoint;
  to: Endpoint;
  markedTear: boolean;
}

/** A block of the solve order: one unit, or a recycle loop with its tears. */
export interface SolveBlock {
  /** Units in solve order (a loop starts after its tears). */
  units: string[];
  /** The same units in file order (for messages). */
  members: string[];
  cyclic: boolean;
  tears: string[];
}

/** The built flowsheet graph. */
export interface FlowsheetGraph {
  graph: Graph;
  units: GraphUnitInput[];
  streams: GraphStream[];
  streamById: Map<string, GraphStream>;
  /** Streams entering each unit, grouped by inlet port. */
  inletsOf: Map<string, Map<string, GraphStream[]>>;
  /** The stream leaving each unit's outlet port. */
  outletOf: Map<string, Map<string, GraphStream>>;
  feedStream: GraphStream;
  order: SolveBlock[];
}

/** A graph-rule problem: a path into the flowsheet file and a catalogue message. */
export interface GraphIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

/** Error carrying every graph-rule problem found. */
export class GraphError extends Error {
  constructor(readonly issues: GraphIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
  }
}

/**
 * Build and check the graph. Throws GraphError listing every problem (not only the first).
 */
export function buildGraph(units: GraphUnitInput[], streams: GraphStreamInput[]): FlowsheetGraph {
  const issues: GraphIssue[] = [];
  const unitIndex = new Map<string, number>();
  units.forEach((u, i) => {
    if (isBoundary(u.id)) issues.push({ code: 'reserved-id', path: ['units', i, 'id'], message: msg.reservedUnitId(u.id, BOUNDARIES) });
    const first = unitIndex.get(u.id);
    if (first !== undefined) issues.push({ code: 'duplicate-id', path: ['units', i, 'id'], message: msg.duplicateUnitId(u.id, first) });
    else unitIndex.set(u.id, i);
  });
  const unitIds = units.map((u) => u.id);
  const unitOf = (id: string) => units[unitIndex.get(id)!]!;

  const resolved: GraphStream[] = [];
  const seenIds = new Set<string>();
  streams.forEach((s, i) => {
    const from = resolveEnd(s.from, 'outlet', ['streams', i, 'from']);
    const to = resolveEnd(s.to, 'inlet', ['streams', i, 'to']);
    if (!from || !to) return;
    const id = s.id ?? `${s.from}->${s.to}`;
    if (seenIds.has(id)) {
      issues.push({ code: 'duplicate-stream-id', path: ['streams', i, s.id ? 'id' : 'to'], message: msg.duplicateStreamId(id) });
      return;
    }
    seenIds.add(id);
    resolved.push({ id, index: i, from, to, markedTear: s.tear === true });
  });

  function resolveEnd(text: string, dir: 'inlet' | 'outlet', path: (string | number)[]): Endpoint | undefined {
    const [node, port] = text.split('.') as [string, string | undefined];
    if (isBoundary(node)) {
      if (port !== undefined) { issues.push({ code: 'boundary-port', path, message: msg.boundaryPort(node, text) }); return undefined; }
      const supplies = node === 'feed';
      if ((dir === 'outlet') !== supplies) { issues.push({ code: 'boundary-direction', path, message: msg.boundaryWrongWay(node) }); return undefined; }
      return { node, port: null };
    }
    if (!unitIndex.has(node)) { issues.push({ code: 'unknown-unit', path, message: msg.unknownUnitRef(node, unitIds) }); return undefined; }
    const u = unitOf(node);
    const specs = dir === 'inlet' ? u.ports.inlets : u.ports.outlets;
    const ports = specs.map((p) => p.name);
    if (port === undefined) {
      // Without a port, the unit's only port — or its only required one (a recycle inlet is optional).
      const required = specs.filter((p) => !p.optional);
      if (ports.length === 1) return { node, port: ports[0]! };
      if (required.length === 1) return { node, port: required[0]!.name };
      issues.push({ code: 'ambiguous-port', path, message: msg.ambiguousPort(node, u.kind, dir, ports) });
      return undefined;
    }
    if (!ports.includes(port)) { issues.push({ code: 'unknown-port', path, message: msg.unknownPort(node, u.kind, dir, port, ports) }); return undefined; }
    return { node, port };
  }

  // Connections: every outlet exactly once, every non-optional inlet at least once.
  const inletsOf = new Map<string, Map<string, GraphStream[]>>();
  const outletOf = new Map<string, Map<string, GraphStream>>();
  for (const u of units) { inletsOf.set(u.id, new Map()); outletOf.set(u.id, new Map()); }
  const outletUsers = new Map<string, GraphStream[]>();
  for (const s of resolved) {
    if (s.to.port !== null) {
      const m = inletsOf.get(s.to.node)!;
      m.set(s.to.port, [...(m.get(s.to.port) ?? []), s]);
    }
    if (s.from.port !== null) {
      const key = `${s.from.node}.${s.from.port}`;
      outletUsers.set(key, [...(outletUsers.get(key) ?? []), s]);
      outletOf.get(s.from.node)!.set(s.from.port, s);
    }
  }
  // Unconnected ports are only worth reporting once every stream resolved (else they are echoes).
  if (issues.length === 0) units.forEach((u) => {
    const i = unitIndex.get(u.id)!;
    for (const p of u.ports.inlets) {
      if (!p.optional && !(inletsOf.get(u.id)!.get(p.name)?.length)) issues.push({ code: 'port-unconnected', path: ['units', i], message: msg.portUnconnected(u.id, u.kind, 'inlet', p.name) });
    }
    for (const p of u.ports.outlets) {
      if (!outletOf.get(u.id)!.has(p.name)) issues.push({ code: 'port-unconnected', path: ['units', i], message: msg.portUnconnected(u.id, u.kind, 'outlet', p.name) });
    }
  });
  for (const [key, users] of outletUsers) {
    if (users.length > 1) {
      const [node, port] = key.split('.') as [string, string];
      issues.push({ code: 'outlet-twice', path: ['streams', users[1]!.index, 'from'], message: msg.outletTwice(node, port, users.map((s) => s.id)) });
    }
  }
  const feeds = resolved.filter((s) => s.from.node === 'feed');
  if (feeds.length === 0 && issues.length === 0) issues.push({ code: 'no-feed', path: ['streams'], message: msg.noFeed() });
  if (feeds.length > 1) issues.push({ code: 'feed-twice', path: ['streams', feeds[1]!.index, 'from'], message: msg.feedTwice(feeds.map((s) => s.id)) });
  if (issues.length > 0) throw new GraphError(issues);

  // The graphlib multigraph over units and boundaries.
  const graph = new Graph({ directed: true, multigraph: true, compound: false });
  for (const b of BOUNDARIES) graph.setNode(b, { boundary: true });
  for (const u of units) graph.setNode(u.id, { kind: u.kind });
  for (const s of resolved) graph.setEdge(s.from.node, s.to.node, s, s.id);

  // Reachability from the feed.
  const reachable = new Set(alg.preorder(graph, ['feed']));
  units.forEach((u, i) => {
    if (!reachable.has(u.id)) issues.push({ code: 'unreachable', path: ['units', i], message: msg.unreachable(u.id) });
  });
  if (issues.length > 0) throw new GraphError(issues);

  const order = solveOrder(graph, units, resolved, issues);
  if (issues.length > 0) throw new GraphError(issues);
  return {
    graph,
    // Only what the graph reads of each unit: a graph is kept per port structure and shared by
    // every resolution with those ports (pipeline/resolve-flowsheet.ts), so it must not hold the
    // unit objects (and the parameters) of the resolution that happened to build it.
    units: units.map((u) => ({ id: u.id, kind: u.kind, ports: u.ports })),
    streams: resolved,
    streamById: new Map(resolved.map((s) => [s.id, s])),
    inletsOf,
    outletOf,
    feedStream: feeds[0]!,
    order,
  };
}

/**
 * Order of the solve: strongly connected components (Tarjan) in topological order of the
 * condensation; within a loop, tear streams chosen (marked ones first, then the fewest that break
 * every cycle) and the units ordered topologically with the tears removed. Ties follow file order.
 */
function solveOrder(graph: Graph, units: GraphUnitInput[], streams: GraphStream[], issues: GraphIssue[]): SolveBlock[] {
  const position = new Map(units.map((u, i) => [u.id, i]));
  const sccs = alg.tarjan(graph).filter((c) => c.some((n) => position.has(n)));
  const compOf = new Map<string, number>();
  sccs.forEach((c, i) => c.forEach((n) => compOf.set(n, i)));
  const unitStreams = streams.filter((s) => position.has(s.from.node) && position.has(s.to.node));

  // Kahn's algorithm over the condensation, picking the component with the earliest unit first.
  const indegree = new Array<number>(sccs.length).fill(0);
  const succ = sccs.map(() => new Set<number>());
  for (const s of unitStreams) {
    const a = compOf.get(s.from.node)!;
    const b = compOf.get(s.to.node)!;
    if (a !== b && !succ[a]!.has(b)) { succ[a]!.add(b); indegree[b]!++; }
  }
  const firstPos = sccs.map((c) => Math.min(...c.map((n) => position.get(n)!)));
  const ready = sccs.map((_, i) => i).filter((i) => indegree[i] === 0);
  const order: SolveBlock[] = [];
  const inLoop = new Set<string>();
  while (ready.length > 0) {
    ready.sort((x, y) => firstPos[x]! - firstPos[y]!);
    const ci = ready.shift()!;
    const members = [...sccs[ci]!].sort((a, b) => position.get(a)! - position.get(b)!);
    const internal = unitStreams.filter((s) => compOf.get(s.from.node) === ci && compOf.get(s.to.node) === ci);
    if (internal.length === 0) {
      order.push({ units: members, members, cyclic: false, tears: [] });
    } else {
      internal.forEach((s) => inLoop.add(s.id));
      const tears = chooseTears(members, internal);
      const remaining = internal.filter((s) => !tears.includes(s.id));
      order.push({ units: topoOrder(members, remaining, position), members, cyclic: true, tears });
    }
    for (const b of succ[ci]!) if (--indegree[b]! === 0) ready.push(b);
  }
  for (const s of streams) if (s.markedTear && !inLoop.has(s.id)) issues.push({ code: 'tear-not-in-loop', path: ['streams', s.index, 'tear'], message: msg.tearNotInLoop(s.id) });
  return order;
}

function isAcyclic(nodes: string[], edges: GraphStream[]): boolean {
  const indeg = new Map(nodes.map((n) => [n, 0]));
  for (const e of edges) indeg.set(e.to.node, indeg.get(e.to.node)! + 1);
  const queue = nodes.filter((n) => indeg.get(n) === 0);
  let seen = 0;
  while (queue.length) {
    const n = queue.pop()!;
    seen++;
    for (const e of edges) if (e.from.node === n) { const d = indeg.get(e.to.node)! - 1; indeg.set(e.to.node, d); if (d === 0) queue.push(e.to.node); }
  }
  return seen === nodes.length;
}

/** Tear streams for one loop: the marked ones, then the smallest set that leaves no cycle. */
function chooseTears(nodes: string[], edges: GraphStream[]): string[] {
  const marked = edges.filter((e) => e.markedTear).map((e) => e.id);
  const rest = edges.filter((e) => !e.markedTear);
  const without = (ids: string[]) => rest.filter((e) => !ids.includes(e.id));
  if (isAcyclic(nodes, without([]))) return marked;
  // Exhaustive search by increasing size (loops in flowsheets are small); greedy beyond that.
  const candidates = rest.map((e) => e.id);
  const maxExhaustive = candidates.length <= 16 ? 3 : 1;
  for (let k = 1; k <= maxExhaustive; k++) {
    const found = combinations(candidates, k).find((set) => isAcyclic(nodes, without(set)));
    if (found) return [...marked, ...found];
  }
  // Greedy: repeatedly tear the back edge of a depth-first search from the first unit.
  const chosen: string[] = [];
  while (!isAcyclic(nodes, without(chosen))) chosen.push(backEdge(nodes, without(chosen))!);
  return [...marked, ...chosen];
}

function backEdge(nodes: string[], edges: GraphStream[]): string | undefined {
  const state = new Map<string, number>();
  let found: string | undefined;
  const visit = (n: string) => {
    state.set(n, 1);
    for (const e of edges) {
      if (found || e.from.node !== n) continue;
      const s = state.get(e.to.node) ?? 0;
      if (s === 1) { found = e.id; return; }
      if (s === 0) visit(e.to.node);
    }
    state.set(n, 2);
  };
  for (const n of nodes) if (!found && !state.get(n)) visit(n);
  return found;
}

function combinations<T>(xs: T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  xs.forEach((x, i) => { for (const rest of combinations(xs.slice(i + 1), k - 1)) out.push([x, ...rest]); });
  return out;
}

function topoOrder(nodes: string[], edges: GraphStream[], position: Map<string, number>): string[] {
  const indeg = new Map(nodes.map((n) => [n, 0]));
  for (const e of edges) indeg.set(e.to.node, indeg.get(e.to.node)! + 1);
  const out: string[] = [];
  const ready = nodes.filter((n) => indeg.get(n) === 0);
  while (ready.length) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const n = ready.shift()!;
    out.push(n);
    for (const e of edges) if (e.from.node === n) { const d = indeg.get(e.to.node)! - 1; indeg.set(e.to.node, d); if (d === 0) ready.push(e.to.node); }
  }
  return out;
}
