/**
 * Reading the uncertain inputs of a run: the scenario's `uncertainty:` list and the command
 * line's `--param` texts, validated with src/schema/uncertainty.ts. Problems are input errors in
 * the catalogue form, placed at the scenario's line (`scenario.yaml:14 › uncertainty[2].max: …`)
 * or at the `--param` text.
 */
import { uncertaintyListSchema, uncertainInputSchema, readParamText, duplicatePaths, routesOf, type UncertainInputSpec } from '../schema/uncertainty.js';
import { toInputIssues } from '../schema/issues.js';
import { inputErrors, type InputIssue } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { RawScenario } from '../pipeline/load.js';
import type { Patch } from '../pipeline/patch.js';

/** Where an input was declared (the origin its patches carry, so errors point there). */
export interface InputOrigin {
  file: string;
  /** Path inside the file, e.g. ['uncertainty', 2]; empty for a --param text. */
  path: (string | number)[];
}

/** A declared uncertain input; `spec` is null for a bare `--param <path>` (tornado --range only). */
export interface UncertainInput {
  path: string;
  spec: UncertainInputSpec | null;
  origin: InputOrigin;
  /** Flowsheet ids of the routes it applies to (null: every route). */
  routes: string[] | null;
}

/** Two declarations of a path clash: both unscoped, or scoped to a common route. */
export function scopesClash(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === null ? b === null : b !== null && a.some((r) => b.includes(r));
}

/** The file name used to place problems of a `--param` text. */
export function paramPlace(text: string): string {
  return `--param "${text}"`;
}

/**
 * The scenario's declarations followed by the command line's. A `--param` for a path the scenario
 * declares replaces that declaration (in its position); one scoped to a route (`path@route=…`)
 * replaces the declarations scoped to that route and otherwise wins over the unscoped one there.
 * Throws every problem at once.
 */
export function readUncertainInputs(raw: RawScenario, params: readonly string[] = [], options: { allowBare?: boolean } = {}): UncertainInput[] {
  const issues: InputIssue[] = [];
  const out: UncertainInput[] = [];
  const list = (raw.scenario.data as { uncertainty?: unknown }).uncertainty;
  if (list !== undefined) {
    const r = uncertaintyListSchema.safeParse(list);
    if (!r.success) issues.push(...toInputIssues(r.error.issues, uncertaintyListSchema, list, raw.scenario, ['uncertainty']));
    for (const [i, j] of duplicatePaths(list)) {
      const loc = raw.scenario.locate(['uncertainty', i, 'path']);
      issues.push({ code: 'duplicate-input', message: msg.uncertainPathTwice(String((list as { path: string }[])[i]!.path), `uncertainty[${j}]`), file: raw.scenario.file, path: `uncertainty[${i}].path`, ...(loc ? { line: loc.line, column: loc.column } : {}) });
    }
    if (r.success && issues.length === 0) r.data.forEach((spec, i) => out.push({ path: spec.path, spec, origin: { file: raw.scenario.file, path: ['uncertainty', i] }, routes: routesOf(spec) }));
  }
  const fromCli: { path: string; routes: string[] | null; text: string }[] = [];
  for (const text of params) {
    const place = paramPlace(text);
    const read = readParamText(text);
    if ('error' in read) { issues.push({ code: 'param-syntax', message: read.error, file: place }); continue; }
    const routes = read.spec === null ? (read.route ? [read.route] : null) : routesOf(read.spec as { route?: string });
    const previous = fromCli.find((x) => x.path === read.path && scopesClash(x.routes, routes));
    if (previous !== undefined) { issues.push({ code: 'duplicate-input', message: msg.uncertainPathTwice(read.path, paramPlace(previous.text)), file: place }); continue; }
    fromCli.push({ path: read.path, routes, text });
    let spec: UncertainInputSpec | null = null;
    if (read.spec === null) {
      if (!options.allowBare) { issues.push({ code: 'param-needs-distribution', message: msg.paramNeedsDistribution(read.path), file: place }); continue; }
    } else {
      const r = uncertainInputSchema.safeParse(read.spec);
      if (!r.success) { issues.push(...toInputIssues(r.error.issues, uncertainInputSchema, read.spec, { file: place, locate: () => undefined })); continue; }
      spec = r.data;
    }
    const input: UncertainInput = { path: read.path, spec, origin: { file: place, path: [] }, routes };
    // An unscoped --param replaces every declaration of the path; a scoped one those scoped to a
    // route it names (an unscoped declaration stays: on the named routes the scoped one wins).
    const replaced = (x: UncertainInput) => x.path === read.path && x.origin.file === raw.scenario.file && (routes === null || scopesClash(x.routes, routes));
    const at = out.findIndex(replaced);
    if (at >= 0) {
      out[at] = input;
      for (let k = out.length - 1; k > at; k--) if (replaced(out[k]!)) out.splice(k, 1);
    } else out.push(input);
  }
  if (issues.length > 0) throw inputErrors(issues);
  return out;
}

/** A patch of `input` carrying its origin (field `field` of the declaration, e.g. 'max'). */
export function originPatch(raw: RawScenario, input: UncertainInput, value: unknown, field: (string | number)[] = []): Patch {
  const path = input.origin.path.length > 0 ? [...input.origin.path, ...field] : [];
  const loc = path.length > 0 && input.origin.file === raw.scenario.file ? raw.scenario.locate(path) : undefined;
  return { path: input.path, value, origin: { file: input.origin.file, path, ...(loc ? { line: loc.line, column: loc.column } : {}) } };
}
