/**
 * `regenflow validate`: check any input file — scenario (with everything it references),
 * flowsheet, feed or plant — and report every problem with its place.
 *
 * One validation path (issue 17): a scenario gets every check that run, compare, sweep,
 * uncertainty, tornado and sobol make before evaluating — the scenario through each route given,
 * its overrides, its uncertainty list and the command line's `--param` entries (checked by the
 * uncertainty module's own reading and declaration checks), bare `--param` paths as sweep and
 * tornado inputs, and price sets with file and line — without evaluating anything.
 */
import { readDocument } from '../io/document.js';
import { RegenflowError, inputErrors, type InputIssue } from '../schema/errors.js';
import { toInputIssues } from '../schema/issues.js';
import { flowsheetFileSchema, type FlowsheetSpec } from '../unit-ops/flowsheet-schema.js';
import { feedSchema, type FeedSpec } from '../schema/feed.js';
import { plantSchema } from '../schema/scenario.js';
import { loadRawScenario, readPriceSets, SHIPPED_PRICE_SETS } from './load.js';
import { REGIONS, type Region } from '../schema/scenario.js';
import { basename, dirname } from 'node:path';
import { resolveModel, resolveFlowsheet, feedWarnings, type Model } from './resolve.js';
import { splitPath } from './patch.js';
import { resolvePrices } from '../economics/prices.js';
import { priceItem, FIXED_PRICE_KEYS } from '../economics/price-keys.js';
import { COMPONENT_IDS } from '../chemistry/components.js';
import { financeSchema } from '../schema/economics.js';
import { designSchema } from '../schema/design.js';
import { specSchema } from '../schema/spec.js';
import { readUncertainInputs, paramPlace } from '../uncertainty/inputs.js';
import { checkDeclarations } from '../uncertainty/scenario.js';
import { baseValueAt } from '../uncertainty/scope.js';
import { rangeWarnings } from '../uncertainty/ranges.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { msg } from '../schema/messages.js';
import type { z } from 'zod';
import { plantDesignFileSchema, PLANT_DESIGN_KIND } from '../schema/design.js';
import { shiftsOf } from './shifts.js';

/** What kind of input file a document is. */
export type FileKind = 'scenario' | 'flowsheet' | 'feed' | 'plant' | 'prices' | 'plant-design';

/** Guess the kind of an input file from its fields. */
export function fileKindOf(data: unknown): FileKind | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.kind === PLANT_DESIGN_KIND) return 'plant-design';
  if ('flowsheet' in d) return 'scenario';
  if ('units' in d || 'streams' in d) return 'flowsheet';
  if ('lots' in d) return 'feed';
  if ('capacity' in d) return 'plant';
  if ('items' in d || 'extends' in d) return 'prices';
  return undefined;
}

/** What `validate` checks a scenario against besides the file itself. */
export interface ValidateOptions {
  /** Routes to check the scenario through (compare/crossover --flowsheet); default: its own. */
  flowsheets?: readonly string[];
  /** `--param` entries: uncertain inputs (`<path>=<dist>:…`) or bare input paths (sweep, tornado --range). */
  params?: readonly string[];
}

/** A valid file: its kind, and the warnings a run would report about its inputs. */
export interface Validation {
  kind: FileKind;
  warnings: Diagnostic[];
}

/** Validate one file; returns its kind. Throws RegenflowError listing every problem. */
export function validateFile(file: string, options: ValidateOptions = {}): FileKind {
  return validateInput(file, options).kind;
}

/** Run `fn`, adding the issues of an input error to `issues` (undefined then). */
function collecting<T>(issues: InputIssue[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof RegenflowError) || e.exitCode !== 1) throw e;
    issues.push(...e.issues);
    return undefined;
  }
}

/**
 * Every check of a scenario short of evaluating it, through each route; all problems are
 * collected and thrown together. Returns the warnings of the inputs (as a run reports them).
 */
export function validateScenario(file: string, options: ValidateOptions = {}): Diagnostic[] {
  const issues: InputIssue[] = [];
  const warnings: Diagnostic[] = [];
  const routes: (string | undefined)[] = options.flowsheets?.length ? [...options.flowsheets] : [undefined];
  for (const route of routes) {
    const raw = collecting(issues, () => loadRawScenario(file, route));
    if (!raw) continue;
    const model = collecting(issues, () => resolveModel(raw));
    const inputs = collecting(issues, () => readUncertainInputs(raw, options.params ?? [], { allowBare: true }));
    if (model) collecting(issues, () => shiftsOf(model)); // the shift plan crosses the plant and finance sections
    if (!model || !inputs) continue;
    collecting(issues, () => checkDeclarations(raw, inputs, model));
    // The warnings `uncertainty` gives before sampling (a range outside a unit's validated range, or
    // one written for another route): validate gives them too.
    for (const w of rangeWarnings(model, inputs)) if (!warnings.some((x) => x.message === w.message)) warnings.push(w);
    for (const input of inputs.filter((i) => i.spec === null)) {
      // A bare path (sweep --param, tornado --range): it must address an input; one holding a
      // number must take that number back.
      const problem = barePathProblem(model, input.path);
      if (problem) { issues.push({ code: 'unknown-input', message: problem, file: paramPlace(input.path) }); continue; }
      const base = baseValueAt(model, input.path);
      if (typeof base === 'number') collecting(issues, () => resolveModel(raw, [{ path: input.path, value: base, origin: { file: paramPlace(input.path), path: [] } }]));
    }
    for (const d of model.diagnostics ?? []) if (!warnings.some((w) => w.message === d.message)) warnings.push(d);
  }
  if (issues.length > 0) throw inputErrors(issues);
  return warnings;
}

/** Sections whose fields a bare path may name though the scenario does not write them (defaults). */
const SECTION_SHAPES: Record<string, () => readonly string[]> = {
  finance: () => Object.keys(financeSchema.shape),
  design: () => Object.keys(designSchema.shape),
  spec: () => Object.keys(specSchema.shape),
};

/**
 * Why a bare input path addresses nothing (undefined when it is fine): a price key must mean a
 * price item, a finance/design/spec field must exist (its default may be unwritten), any other
 * path must hold a number in the resolved model (a unit parameter, plant, feed lot or solver field).
 */
function barePathProblem(model: Model, path: string): string | undefined {
  const seg = splitPath(path);
  const head = seg[0] ?? '';
  const field = seg[1] ?? '';
  if (head === 'prices') return priceItem(field) ? undefined : msg.unknownPriceItem(field, [...FIXED_PRICE_KEYS, ...COMPONENT_IDS]);
  if (Object.hasOwn(SECTION_SHAPES, head)) {
    const known = SECTION_SHAPES[head]!();
    return known.includes(field) ? undefined : msg.unknownField(field, known);
  }
  const base = baseValueAt(model, path);
  return typeof base === 'number' ? undefined : msg.noBaseValue(path, base);
}

/** Validate one file: its kind and the warnings about its inputs. Throws RegenflowError listing every problem. */
export function validateInput(file: string, options: ValidateOptions = {}): Validation {
  const doc = readDocument(file);
  const kind = fileKindOf(doc.data);
  if (!kind) {
    throw new RegenflowError('unknown-file-kind', msg.unknownFileKind(), { place: { file, line: 1, column: 1 } });
  }
  const part = { doc, at: [], data: doc.data };
  const issues: InputIssue[] = [];
  const check = (schema: z.ZodType) => {
    const r = schema.safeParse(doc.data);
    if (!r.success) issues.push(...toInputIssues(r.error.issues, schema, doc.data, doc));
    return r.success ? r.data : undefined;
  };
  if (kind === 'scenario') return { kind, warnings: validateScenario(file, options) };
  if (kind === 'flowsheet') {
    const fs = check(flowsheetFileSchema) as FlowsheetSpec | undefined;
    if (fs) resolveFlowsheet(fs, part, issues);
  } else if (kind === 'feed') {
    const feed = check(feedSchema) as FeedSpec | undefined;
    if (feed && issues.length === 0) return { kind, warnings: feedWarnings(feed) };
  }
  else if (kind === 'plant') check(plantSchema);
  else if (kind === 'plant-design') check(plantDesignFileSchema);
  else {
    // A price set: resolved as a scenario would use it (its `extends` chain from the shipped sets
    // and the sets beside it), for its own region.
    const region = (doc.data as { region?: unknown }).region;
    const beside = basename(dirname(file)) === 'prices' ? [dirname(file)] : [];
    const sets = readPriceSets([SHIPPED_PRICE_SETS, ...beside]);
    resolvePrices(doc.data, (REGIONS as readonly unknown[]).includes(region) ? (region as Region) : 'US', sets, { where: doc, at: [] });
  }
  if (issues.length > 0) throw inputErrors(issues);
  return { kind, warnings: [] };
}
