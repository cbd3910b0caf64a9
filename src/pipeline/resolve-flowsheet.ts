/**
 * The flowsheet of a model: each validated unit with its implementation and ports, and the graph
 * of its streams (built once per stream list and set of port signatures: a Monte Carlo sample that
 * patches a unit parameter keeps the graph).
 */
import { formatPath } from '../schema/issues.js';
import type { InputIssue } from '../schema/errors.js';
import type { FlowsheetSpec } from '../unit-ops/flowsheet-schema.js';
import { unitOp } from '../unit-ops/registry.js';
import type { UnitOp, Ports } from '../unit-ops/contract.js';
import type { UnitKind } from '../schema/kinds.js';
import type { SolverSettings } from '../schema/flowsheet.js';
import { buildGraph, GraphError, type FlowsheetGraph } from '../graph/build.js';
import type { Part } from './load.js';

/** A unit with validated params and its implementation. */
export interface ResolvedUnit {
  id: string;
  kind: UnitKind;
  name?: string;
  params: Record<string, unknown>;
  op: UnitOp;
  ports: Ports;
}

/** A validated flowsheet with its graph. */
export interface ResolvedFlowsheet {
  id: string;
  name: string;
  description?: string;
  file: string;
  units: ResolvedUnit[];
  graph: FlowsheetGraph;
  solver: SolverSettings;
}

/** Graphs by stream list, by the joined signatures of the units' ports, and the one last used. */
const GRAPHS = new WeakMap<object, { last: { signatures: string[]; graph: FlowsheetGraph } | undefined; bySignature: Map<string, FlowsheetGraph> }>();

/**
 * Resolved units by validated unit object, with the signature of their ports (what the graph
 * depends on). A patched flowsheet keeps the validated objects of the units it did not change, so
 * their ports are not worked out again. Shared: never mutated.
 */
const RESOLVED_UNITS = new WeakMap<object, { unit: ResolvedUnit; signature: string }>();

/**
 * Port signatures by ports object, unit id and kind (most kinds return one constant ports object:
 * written once). Looked up by the id and kind themselves, not by a key joined from them: a unit a
 * patch made (every Monte Carlo sample) would join and hash a new key.
 */
const SIGNATURES = new WeakMap<Ports, Map<string, Map<string, string>>>();

/** What the graph reads of a unit: its id, kind and port names (optional inlets marked). */
function signatureOf(unit: ResolvedUnit): string {
  let byId = SIGNATURES.get(unit.ports);
  if (!byId) SIGNATURES.set(unit.ports, (byId = new Map()));
  let byKind = byId.get(unit.id);
  if (!byKind) byId.set(unit.id, (byKind = new Map()));
  let signature = byKind.get(unit.kind);
  if (signature === undefined) {
    signature = `${unit.id}|${unit.kind}|${unit.ports.inlets.map((q) => q.name + (q.optional ? '?' : '')).join(',')}|${unit.ports.outlets.map((q) => q.name).join(',')}`;
    byKind.set(unit.kind, signature);
  }
  return signature;
}

/** The resolution of a validated unit; cached when `keep` (a unit a patch made is never seen again). */
function resolvedUnit(u: FlowsheetSpec['units'][number], keep: boolean): { unit: ResolvedUnit; signature: string } {
  let r = RESOLVED_UNITS.get(u);
  if (!r) {
    const op = unitOp(u.kind as UnitKind);
    const params = u.params as Record<string, unknown>;
    const ports = op.ports(params as never);
    // Two literals, not one with a conditional spread (a copy through V8's runtime per unit a patch made).
    const unit: ResolvedUnit = u.name ? { id: u.id, kind: u.kind as UnitKind, name: u.name, params, op, ports } : { id: u.id, kind: u.kind as UnitKind, params, op, ports };
    r = { unit, signature: signatureOf(unit) };
    if (keep) RESOLVED_UNITS.set(u, r);
  }
  return r;
}

/** Whether the units' signatures are `signatures`, one by one (a loop: no closure per resolution). */
function sameSignatures(signatures: readonly string[], resolved: readonly { signature: string }[]): boolean {
  if (signatures.length !== resolved.length) return false;
  for (let i = 0; i < resolved.length; i++) if (resolved[i]!.signature !== signatures[i]) return false;
  return true;
}

/**
 * Validate the graph of a schema-valid flowsheet; graph problems are added to `issues`. With
 * `shared` (the units of the unpatched flowsheet's parse, when a patch made some of `fs`), only the
 * units found there are cached.
 */
export function resolveFlowsheet(fs: FlowsheetSpec, part: Part, issues: InputIssue[], shared?: readonly unknown[]): ResolvedFlowsheet | undefined {
  // Lists built by push, not map(): optimized code maps into a holey list, another elements kind,
  // and the first such list of units would throw away the optimized code of every loop over them.
  const resolved: { unit: ResolvedUnit; signature: string }[] = [];
  const units: ResolvedUnit[] = [];
  for (let i = 0; i < fs.units.length; i++) {
    const u = fs.units[i]!;
    const r = resolvedUnit(u, shared === undefined || shared[i] === u);
    resolved.push(r);
    units.push(r.unit);
  }
  let graph: FlowsheetGraph;
  // The graph depends only on the streams and the unit ports: reuse it while they are unchanged
  // (the last graph's unit signatures first, compared one by one; then by the joined signature).
  let byPorts = GRAPHS.get(fs.streams);
  if (!byPorts) GRAPHS.set(fs.streams, (byPorts = { last: undefined, bySignature: new Map() }));
  try {
    const last = byPorts.last;
    if (last && sameSignatures(last.signatures, resolved)) graph = last.graph;
    else {
      const signature = resolved.map((r) => r.signature).join(';');
      const cached = byPorts.bySignature.get(signature);
      graph = cached ?? buildGraph(units, fs.streams);
      if (!cached) byPorts.bySignature.set(signature, graph);
      byPorts.last = { signatures: resolved.map((r) => r.signature), graph };
    }
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    for (const gi of e.issues) {
      const loc = part.doc.locate([...part.at, ...gi.path]);
      issues.push({ code: gi.code, message: gi.message, file: part.doc.file, path: formatPath([...part.at, ...gi.path]), ...(loc ? { line: loc.line, column: loc.column } : {}) });
    }
    return undefined;
  }
  // Two literals, not one with a conditional spread (a copy through V8's runtime per resolution).
  const name = fs.name ?? fs.id;
  return fs.description
    ? { id: fs.id, name, description: fs.description, file: part.doc.file, units, graph, solver: fs.solver }
    : { id: fs.id, name, file: part.doc.file, units, graph, solver: fs.solver };
}
