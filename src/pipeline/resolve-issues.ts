/**
 * The patched parts of a resolution and where their issues are placed: a part's patches in order
 * (PatchedPart), the schema checks that report an issue at its file and line, and an issue inside a
 * patched value placed where the patch was written (an overrides entry, an uncertainty
 * declaration). Used by both resolutions of resolve.ts (the full one and a sample's).
 */
import type { z } from 'zod';
import type { InputIssue } from '../schema/errors.js';
import { toInputIssues, formatPath, type Locator } from '../schema/issues.js';
import { msg } from '../schema/messages.js';
import type { Patch } from './patch.js';
import type { PatchRoute } from './patch-routes.js';
import { patchedParse, type PatchedData } from './patched-data.js';
import type { Part, RawScenario } from './load.js';

/** A part's file and how to find a line in it, as toInputIssues takes them. */
function locatorFor(part: Part): Locator {
  return { file: part.doc.file, locate: (p, key) => part.doc.locate(p, key) };
}

/** One patch of a part (PatchedPart), its route, the data it was applied to, and the next patch. */
interface PatchEntry {
  readonly patch: Patch;
  readonly route: PatchRoute;
  readonly before: unknown;
  next: PatchEntry | undefined;
}

/**
 * The patches of one part (a section, the flowsheet), in order, with the path each sets as issues
 * name it. Those names are worked out only when an issue is placed: a Monte Carlo sample patches
 * every time, while an issue is rare (each name reads the data the patch was applied to, which no
 * later patch changes: patches copy what they change). The patches are a chain of entries, one
 * object a patch: no closure naming each and no lists grown per part and sample (≈ 3 KB a sample).
 */
export class PatchedPart {
  first: PatchEntry | undefined = undefined;
  private last: PatchEntry | undefined = undefined;
  /** How many patches the part has. */
  size = 0;
  private byName: Map<string, Patch> | undefined = undefined;

  constructor(private readonly raw: RawScenario | undefined) {}

  /** Add a patch with its route; `before`: the part's data it is applied to (a section's, or the plant's or feed's). */
  add(patch: Patch, route: PatchRoute, before: unknown): void {
    const e: PatchEntry = { patch, route, before, next: undefined };
    if (this.last) this.last.next = e;
    else this.first = e;
    this.last = e;
    this.size++;
    this.byName = undefined;
  }

  /** The patches by the path they set (a path set twice: the last patch, as a map filled in order holds). */
  byPath(): ReadonlyMap<string, Patch> {
    if (!this.byName) {
      this.byName = new Map();
      for (let e = this.first; e; e = e.next) this.byName.set(patchName(this.raw!, e), e.patch);
    }
    return this.byName;
  }
}

/** The path a patch sets, as issues name it (list items by index: concretePath of the data it was applied to). */
function patchName(raw: RawScenario, e: PatchEntry): string {
  const { seg, head } = e.route;
  switch (e.route.kind) {
    case 'unit': {
      const at: (string | number)[] = ['units', e.route.idx, 'params'];
      for (let k = 1; k < seg.length; k++) at.push(/^\d+$/.test(seg[k]!) ? Number(seg[k]) : seg[k]!);
      return formatPath(at);
    }
    case 'solver':
      return seg.join('.');
    default:
      return formatPath([...sectionPrefix(raw, head), ...concretePath(e.before, seg.slice(1))]);
  }
}

/** A part no patch reaches (shared: nothing is ever added to it). */
export const NO_PATCHES = new PatchedPart(undefined);

/** check() of a part's patched data: along the path of a single patch when that gives a value. */
export function checkPatched<S extends z.ZodType>(schema: S, part: Part, data: PatchedData, issues: InputIssue[], patched: PatchedPart): z.output<S> | undefined {
  const r = data.reparsed(schema);
  return r !== undefined ? r : check(schema, part, data.data(), issues, patched);
}

/** Validate `data` of a part with a schema; issues get the part's file and line. */
export function check<S extends z.ZodType>(schema: S, part: Part, data: unknown, issues: InputIssue[], patched: PatchedPart): z.output<S> | undefined {
  const r = patchedParse(schema, part.data, data);
  if (r.success) return r.data;
  const converted = toInputIssues(r.error.issues, schema, data, locatorFor(part), part.at);
  for (const issue of converted) issues.push(placePatched(issue, patched.byPath()));
  return undefined;
}

/**
 * An issue inside a patched value is reported where the patch was written (an overrides entry, an
 * uncertainty declaration); a patch without an origin (a sweep value) is named beside the file.
 */
export function placePatched(issue: InputIssue, patched: ReadonlyMap<string, Patch> | undefined): InputIssue {
  if (!patched || patched.size === 0) return issue;
  const hit = [...patched.entries()].find(([p]) => issue.path === p || issue.path?.startsWith(p + '.') || issue.path?.startsWith(p + '['));
  if (hit && hit[1].origin) {
    const o = hit[1].origin;
    const { line: _line, column: _column, ...rest } = issue;
    return { ...rest, file: o.file, path: formatPath(o.path), ...placeOf(o) };
  }
  if (hit) return { ...issue, file: `${issue.file} (patched by ${hit[1].path})` };
  return issue;
}

/**
 * Path segments with list items addressed by id (`lots.ev-811`) turned into their indices
 * (`lots[2]`), as issues name them, following the section's data.
 */
function concretePath(data: unknown, segments: readonly string[]): (string | number)[] {
  const out: (string | number)[] = [];
  let v: unknown = data;
  for (const s of segments) {
    if (Array.isArray(v)) {
      let i = v.findIndex((x) => x !== null && typeof x === 'object' && (x as { id?: unknown }).id === s);
      if (i < 0 && /^\d+$/.test(s)) i = Number(s);
      out.push(i < 0 ? s : i);
      v = i < 0 ? undefined : v[i];
    } else {
      out.push(s);
      v = v !== null && typeof v === 'object' && Object.hasOwn(v, s) ? (v as Record<string, unknown>)[s] : undefined;
    }
  }
  return out;
}

/** The issue of a patch whose path sets nothing. */
export function unknownOverride(patch: Patch, reason: string): InputIssue {
  return { code: 'unknown-override', message: msg.unknownOverride(patch.path, reason), ...(patch.origin ? { file: patch.origin.file, path: formatPath(patch.origin.path), ...placeOf(patch.origin) } : { path: patch.path }) };
}

/** The line and column of a patch's origin, those it has. */
function placeOf(o: NonNullable<Patch['origin']>): { line?: number; column?: number } {
  return { ...(o.line !== undefined ? { line: o.line } : {}), ...(o.column !== undefined ? { column: o.column } : {}) };
}

/** The path prefix of a section or part as issues name it (its place in its file; a section the scenario does not write: its key). */
function sectionPrefix(raw: RawScenario, head: string): (string | number)[] {
  const part = head === 'plant' ? raw.plant : head === 'feed' ? raw.feed : raw.sections[head];
  return part ? part.at : [head];
}
