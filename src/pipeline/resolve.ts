/**
 * Resolve: validate a RawScenario (with patches applied) into a Model — every parameter in
 * canonical units, the graph built and ordered. All problems are collected and raised together,
 * each with its file, line, column and field path.
 */
import type { z } from 'zod';
import { scenarioSchema, plantSchema, type PlantSpec } from '../schema/scenario.js';
import { feedSchema, DEFAULT_COMPOSITION, type FeedSpec } from '../schema/feed.js';
import { readUncertainInputs } from '../uncertainty/inputs.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { formatPath } from '../schema/issues.js';
import { inputErrors, type InputIssue } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { flowsheetFileSchema, type FlowsheetSpec } from '../unit-ops/flowsheet-schema.js';
import type { Part, RawScenario } from './load.js';
import { CHEMISTRIES } from '../chemistry/cathode.js';
import { RegenflowError } from '../schema/errors.js';
import { specSchema, type ProductSpec } from '../schema/spec.js';
import { financeSchema, type FinanceSection } from '../schema/economics.js';
import { resolveDesignSettings, type DesignSettings } from '../design/settings.js';
import { resolvePrices, mergePrices, customChemistryPrices, type ResolvedPrices } from '../economics/prices.js';
import { resolveFinance, resolveFinanceChanged, type ResolvedFinance } from '../economics/finance.js';
import { setIn, setOwnKey, SCENARIO_SECTIONS, type Patch } from './patch.js';
import { patchRoutes, type PatchRoute } from './patch-routes.js';
import { cachedParse, reparsed, PatchedData } from './patched-data.js';
import { pathPlan, type PathPlan } from './reparse-plan.js';
import { resolveFlowsheet, type ResolvedFlowsheet } from './resolve-flowsheet.js';
import { feedWarnings, patchedFeedWarnings } from './feed-warnings.js';
import { PatchedPart, NO_PATCHES, check, checkPatched, placePatched, unknownOverride } from './resolve-issues.js';

export { resolveFlowsheet, type ResolvedFlowsheet, type ResolvedUnit } from './resolve-flowsheet.js';
export { feedWarnings } from './feed-warnings.js';

/** A validated scenario: everything the evaluation needs. */
export interface Model {
  id: string;
  name: string;
  file: string;
  flowsheet: ResolvedFlowsheet;
  plant: PlantSpec;
  feed: FeedSpec;
  /** Feed throughput, kg/h = capacity / operating hours. */
  feedKgPerHour: number;
  /** Product specification (defaults when the scenario gives none). */
  spec: ProductSpec;
  /** Design settings: margin, fill window, fixed counts (rating mode). */
  design: DesignSettings;
  /** Prices: the price set with the scenario's overrides. */
  prices: ResolvedPrices;
  /** Finance inputs: discount and tax rates, life, schedules, capital-cost method. */
  finance: ResolvedFinance;
  /** The raw sections after patches (prices, finance, spec, design), for reports. */
  sections: Record<string, unknown>;
  raw: RawScenario;
  patches: Patch[];
  /** Warnings of the inputs (truncated distributions, unreadable price files beside the scenario), reported with the run's. */
  diagnostics?: Diagnostic[];
}

/** No issues, no diagnostics: shared empty lists (only read). */
const NO_ISSUES: readonly InputIssue[] = [];
const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/** Stands for a flowsheet without a list of units (one list: the routes are kept by its identity). */
const NO_UNITS: readonly { id?: unknown }[] = [];

/** overridePatches by scenario: the overrides are read (and their lines found) once, not per sample. */
const OVERRIDES = new WeakMap<RawScenario, readonly Patch[]>();

/** Turn a scenario's `overrides` into patches that remember where they were written (shared: not to be mutated). */
export function overridePatches(raw: RawScenario): readonly Patch[] {
  let patches = OVERRIDES.get(raw);
  if (patches) return patches;
  const o = (raw.scenario.data as { overrides?: Record<string, unknown> }).overrides;
  patches = !o || typeof o !== 'object' ? [] : Object.entries(o).map(([path, value]) => {
    const loc = raw.scenario.locate(['overrides', path]);
    return { path, value, origin: { file: raw.scenario.file, path: ['overrides', path], ...(loc ? { line: loc.line, column: loc.column } : {}) } };
  });
  OVERRIDES.set(raw, patches);
  return patches;
}

/** How resolveModel is called. */
export interface ResolveOptions {
  /**
   * true: the model is read within one evaluation and dropped, nothing of it kept or listed (a
   * Monte Carlo sample: uncertainty/evaluator.ts scenarioKpis) — the prices a patch merges read
   * their texts through their class, not as own keys (prices.ts mergePrices `sample`), and the
   * feed's warnings (distributions cut at their range: never errors) are not listed among its
   * diagnostics. A model a caller keeps, lists or prints is resolved without it.
   */
  sample?: boolean;
}

/** Validate a raw scenario with patches into a Model. Throws RegenflowError listing every issue. */
export function resolveModel(raw: RawScenario, extra: readonly Patch[] = [], options: ResolveOptions = {}): Model {
  if (options.sample === true && extra.length > 0) {
    const model = resolveSample(raw, extra);
    if (model) return model;
  }
  const issues: InputIssue[] = [];
  const scenarioPart: Part = { doc: raw.scenario, at: [], data: raw.scenario.data };
  const top = check(scenarioSchema, scenarioPart, raw.scenario.data, issues, NO_PATCHES);
  // A new list (the model keeps it): concat, not a spread through the iterators of both.
  const own = overridePatches(raw);
  const patches = own.length === 0 ? extra.slice() : own.concat(extra);

  // Distribute patches over the sections and unit parameters, by routes worked out once per path (patch-routes.ts).
  // The flowsheet, plant and feed are only parsed: their patched data is made when needed (PatchedData).
  const flowsheetData = new PatchedData(raw.flowsheet.data);
  const plantData = new PatchedData(raw.plant.data);
  const feedData = new PatchedData(raw.feed.data);
  const sectionData: Record<string, unknown> = {};
  for (const k in raw.sections) sectionData[k] = raw.sections[k]!.data;
  /** Sections whose data is a copy this resolution made (set again in place: no copy per patch). */
  const copied: string[] = [];
  const patchedFlowsheet = new PatchedPart(raw);
  const patchedSection: Record<string, PatchedPart> = {};
  const rawUnits = (raw.flowsheet.data as Record<string, unknown> | undefined)?.units;
  const units = Array.isArray(rawUnits) ? (rawUnits as { id?: unknown }[]) : NO_UNITS;
  const routes = patchRoutes(raw, units, patches);
  for (let i = 0; i < patches.length; i++) {
    const patch = patches[i]!;
    const route = routes[i]!;
    const seg = route.seg;
    const head = route.head;
    switch (route.kind) {
      case 'short':
        issues.push(unknownOverride(patch, 'a path needs at least two parts'));
        break;
      case 'solver':
        flowsheetData.set(seg, 0, patch.value);
        patchedFlowsheet.add(patch, route, undefined);
        break;
      case 'part': {
        const data = head === 'plant' ? plantData : feedData;
        // The data this patch is applied to (the original for the first; a second makes the first's).
        const before = data.data();
        if (!data.trySet(seg, 1, patch.value)) { issues.push(unknownOverride(patch, `there is no ${seg.slice(1).join('.')} in ${head}`)); break; }
        (patchedSection[head] ??= new PatchedPart(raw)).add(patch, route, before);
        break;
      }
      case 'section': {
        const before = sectionData[head];
        const next = copied.includes(head) ? setOwnKey(before as Record<string, unknown>, seg, patch.value) : setIn(before ?? {}, seg, patch.value, 1);
        if (next === undefined) { issues.push(unknownOverride(patch, `there is no ${seg.slice(1).join('.')} in ${head}`)); break; }
        (patchedSection[head] ??= new PatchedPart(raw)).add(patch, route, before);
        sectionData[head] = next;
        if (!copied.includes(head)) copied.push(head);
        break;
      }
      case 'no-unit':
        issues.push(unknownOverride(patch, `no unit "${head}" in the flowsheet and not a scenario section (${SCENARIO_SECTIONS.join(', ')})`));
        break;
      case 'unit':
        flowsheetData.set(route.path, 0, patch.value);
        patchedFlowsheet.add(patch, route, undefined);
        break;
    }
  }

  const fs = checkPatched(flowsheetFileSchema, raw.flowsheet, flowsheetData, issues, patchedFlowsheet) as FlowsheetSpec | undefined;
  const plant = checkPatched(plantSchema, raw.plant, plantData, issues, patchedSection.plant ?? NO_PATCHES);
  const feed = checkPatched(feedSchema, raw.feed, feedData, issues, patchedSection.feed ?? NO_PATCHES);
  let flowsheet: ResolvedFlowsheet | undefined;
  // Units and lots a patch made are not cached (a later resolution makes its own): only the original's.
  if (fs) flowsheet = resolveFlowsheet(fs, raw.flowsheet, issues, flowsheetData.patched ? (flowsheetData.originalParse(flowsheetFileSchema) as FlowsheetSpec | undefined)?.units ?? [] : undefined);

  // Sections with their own resolvers; each reports its problems with file and line.
  // A section the scenario does not write has no line to point at (only patches set it).
  const partOrScenario = (key: string): Part => raw.sections[key] ?? absentSection(raw, key);
  const collect = <T>(fn: () => T, patched?: PatchedPart): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof RegenflowError) || e.exitCode !== 1) throw e;
      for (const issue of e.issues) issues.push(placePatched(issue, patched?.byPath()));
      return undefined;
    }
  };
  const specPart = partOrScenario('spec');
  const spec = check(specSchema, specPart, sectionData.spec ?? NO_SECTION, issues, patchedSection.spec ?? NO_PATCHES);
  // A patched section is resolved for this resolution alone: not cached (no later one has its data).
  const design = collect(() => memoUnpatched(DESIGN, sectionData.design, raw.sections.design?.data, () => resolveDesignSettings(sectionData.design, partOrScenario('design'))), patchedSection.design);
  const pricesPart = partOrScenario('prices');
  const prices = plant ? collect(() => pricesFor(raw, plant.region, sectionData.prices, patchedSection.prices, pricesPart, options.sample === true), patchedSection.prices) : undefined;
  const financePart = partOrScenario('finance');
  const finance = collect(() => memoUnpatched(FINANCE, sectionData.finance, financePart.data, () => financeFor(financePart, sectionData.finance, patchedSection.finance)), patchedSection.finance);
  // The scenario's own uncertainty list is part of the file: a malformed entry fails every command,
  // not only `uncertainty` (checked once, when the scenario itself is resolved; `validate` also
  // checks each entry's bounds against the model).
  if (extra.length === 0) collect(() => readUncertainInputs(raw));
  if (feed && !feedHasCam(feed)) {
    const loc = raw.feed.doc.locate([...raw.feed.at, 'lots']);
    issues.push({ code: 'feed-without-cam', message: msg.feedWithoutCam(), file: raw.feed.doc.file, path: formatPath([...raw.feed.at, 'lots']), ...(loc ? { line: loc.line, column: loc.column } : {}) });
  }
  if (feed && prices) for (const issue of customChemistryPriceIssues(feed, prices, pricesPart)) issues.push(issue);
  if (issues.length > 0 || !top || !flowsheet || !plant || !feed || !spec || !design || !prices || !finance) throw inputErrors(issues);

  const sections = reportedSections(sectionData.prices, sectionData.finance, sectionData.spec, sectionData.design);
  // concat, not spreads through iterators: a new list either way. A sample lists no feed warnings
  // (warnings only, never errors: nothing an evaluation acts on, and its model is not reported).
  const diagnostics = options.sample === true ? (raw.warnings ?? NO_DIAGNOSTICS).slice() : (raw.warnings ?? NO_DIAGNOSTICS).concat(feedData.patched ? patchedFeedWarnings(feed, feedData.originalParse(feedSchema)) : feedWarnings(feed));
  return modelOf(raw, top, flowsheet, plant, feed, spec, design, prices, finance, sections, patches, diagnostics);
}

/** The model record (one literal for both paths: every model has the same fields in the same order). */
function modelOf(raw: RawScenario, top: z.output<typeof scenarioSchema>, flowsheet: ResolvedFlowsheet, plant: PlantSpec, feed: FeedSpec, spec: ProductSpec, design: DesignSettings, prices: ResolvedPrices, finance: ResolvedFinance, sections: Record<string, unknown>, patches: Patch[], diagnostics: Diagnostic[]): Model {
  return {
    id: top.id,
    name: top.name ?? top.id,
    file: raw.file,
    flowsheet,
    plant,
    feed,
    feedKgPerHour: plant.capacity / plant.operatingHours,
    spec,
    design,
    prices,
    finance,
    sections,
    raw,
    patches,
    diagnostics,
  };
}

/** The raw sections a model reports (after patches), those present, in this order. */
function reportedSections(prices: unknown, finance: unknown, spec: unknown, design: unknown): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  if (prices !== undefined) sections.prices = prices;
  if (finance !== undefined) sections.finance = finance;
  if (spec !== undefined) sections.spec = spec;
  if (design !== undefined) sections.design = design;
  return sections;
}

/**
 * Prices of chemistries the registry does not know (`cam.NCM955x`) are only meaningful for a
 * chemistry the feed names: anything else is a typo, refused with the known names.
 */
function customChemistryPriceIssues(feed: FeedSpec, prices: ResolvedPrices, part: Part): readonly InputIssue[] {
  const custom = customChemistryPrices(prices);
  if (custom.length === 0) return NO_ISSUES;
  const named = new Set(feed.lots.map((l) => l.chemistry.name));
  const out: InputIssue[] = [];
  for (const { key, chemistry } of custom) {
    if (named.has(chemistry)) continue;
    const at = [...part.at, 'overrides', key];
    const loc = part.doc.locate(at) ?? part.doc.locate(part.at, true);
    out.push({ code: 'unknown-chemistry', message: msg.unknownChemistry(chemistry, [...Object.keys(CHEMISTRIES), ...named]), file: part.doc.file, path: formatPath(at), ...(loc ? { line: loc.line, column: loc.column } : {}) });
  }
  return out;
}

/** True when some lot of the feed carries cathode active material (a plant without CAM has nothing to regenerate). */
function feedHasCam(feed: FeedSpec): boolean {
  // A loop, not some() with a closure per resolution.
  for (let i = 0; i < feed.lots.length; i++) {
    const l = feed.lots[i]!;
    if (l.share > 0 && ((l.composition ?? DEFAULT_COMPOSITION[feed.basis]).cam ?? 0) > 0) return true;
  }
  return false;
}

/**
 * The place of a problem found while evaluating (it names no file): a missing price is placed at
 * the scenario's prices section (where an override would go) or, when the scenario names no prices,
 * at the items of the price set in use — with the set's file in the message either way.
 */
export function placeEvaluationIssue(model: Model, issue: InputIssue): InputIssue {
  if (issue.code !== 'price-missing' && issue.code !== 'negative-opex') return issue;
  const raw = model.raw;
  const setId = model.prices.setId;
  const set = setId !== null && Object.hasOwn(raw.priceSets, setId) ? raw.priceSets[setId] : undefined;
  const setFile = set?.where?.file;
  const message = setId === null ? issue.message : `${issue.message} (price set ${setId}${setFile ? `, ${setFile}` : ''})`;
  const section = raw.sections.prices;
  const where = section ? { doc: section.doc, at: section.at } : set?.where ? { doc: set.where, at: [...(set.at ?? []), 'items'] } : undefined;
  if (!where) return { ...issue, message };
  // A price set's `items:` is placed at its key (the line a reader looks for), a section at its value.
  const loc = where.doc.locate(where.at, !section);
  return { ...issue, message, file: where.doc.file, ...(section ? {} : { path: formatPath(where.at) }), ...(loc ? { line: loc.line, column: loc.column } : {}) };
}

/** The parts standing for sections a scenario does not write, by scenario and section: made once, not per resolution (read only). */
const ABSENT_SECTIONS = new WeakMap<RawScenario, Map<string, Part>>();

/** The part of a section the scenario does not write: the scenario's file, with no line to point at (only patches set it). */
function absentSection(raw: RawScenario, key: string): Part {
  let byKey = ABSENT_SECTIONS.get(raw);
  if (!byKey) ABSENT_SECTIONS.set(raw, (byKey = new Map()));
  let part = byKey.get(key);
  if (!part) byKey.set(key, (part = { doc: { ...raw.scenario, locate: () => undefined }, at: [key], data: undefined }));
  return part;
}

const FINANCE = new WeakMap<object, ResolvedFinance>();
const DESIGN = new WeakMap<object, DesignSettings>();
/** Stands for an absent section (one object, so that its parse and resolutions are cached). */
const NO_SECTION = {};

/** memoBy for the section's own data; patched data (`data` not the section's `original`) is resolved without caching. */
function memoUnpatched<T>(cache: WeakMap<object, T>, data: unknown, original: unknown, fn: () => T): T {
  return data === original ? memoBy(cache, data, fn) : fn();
}

/** Reuse a section's resolution while its data object is unchanged (absent sections share one key). */
function memoBy<T>(cache: WeakMap<object, T>, data: unknown, fn: () => T): T {
  const key = data !== null && typeof data === 'object' ? data : data === undefined ? NO_SECTION : undefined;
  if (!key) return fn();
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = fn()));
  return v;
}

/**
 * The finance of a patched section. One number set at a path of the scenario's own section (a
 * Monte Carlo sample's discount rate) is read by the path's plan; when resolveFinance copies that
 * field as it is, the result is the unpatched section's resolution with that field replaced.
 */
function financeFor(part: Part, data: unknown, patched: PatchedPart | undefined): ResolvedFinance {
  return patched?.size === 1 ? financeOf(part, data, patched.first!.patch, patched.first!.route.seg) : financeOf(part, data, undefined, undefined);
}

/** financeFor of a section one patch (`only`, setting `seg`) or several (`only` undefined) changed. */
function financeOf(part: Part, data: unknown, only: Patch | undefined, seg: readonly string[] | undefined): ResolvedFinance {
  const place = { where: part.doc, at: part.at };
  const original = part.data;
  if (only && seg && original !== null && typeof original === 'object') {
    const r = cachedParse(financeSchema, original);
    const base = r.success ? r.data : undefined;
    const parsed = base ? pathPlan(financeSchema, original, base, seg, 1)?.run(only.value) : undefined;
    if (parsed) {
      let unpatched: ResolvedFinance | undefined;
      try {
        unpatched = memoBy(FINANCE, original, () => resolveFinance(original, place, base));
      } catch (e) {
        if (!(e instanceof RegenflowError)) throw e;
      }
      const changed = unpatched && seg.length === 2 ? resolveFinanceChanged(unpatched, seg[1]!, parsed.value as FinanceSection) : undefined;
      return changed ?? resolveFinance(data, place, parsed.value as FinanceSection);
    }
  }
  return resolveFinance(data, place, reparsed(financeSchema, original, data));
}

const PRICES = new WeakMap<object, Map<string, ResolvedPrices>>();

/**
 * Prices: the set resolution is cached per prices section and region; patches that only set
 * top-level price keys (sweeps, Monte Carlo) are merged onto the cached base with mergePrices.
 */
function pricesFor(raw: RawScenario, region: PlantSpec['region'], data: unknown, patched: PatchedPart | undefined, part: Part, sample: boolean): ResolvedPrices {
  const place = { where: part.doc, at: part.at };
  const original = raw.sections.prices?.data;
  if (patched && patched.size > 0 && data !== original) {
    const overrides: Record<string, never> = {};
    let simple = true;
    for (let e = patched.first; e; e = e.next) {
      const p = e.patch;
      const seg = e.route.seg;
      if (seg.length !== 2 || p.origin) { simple = false; break; }
      overrides[seg[1]!] = p.value as never;
    }
    if (simple) {
      try {
        return mergePrices(cachedPrices(raw, region, original, place), overrides, place, sample);
      } catch (e) {
        if (!(e instanceof RegenflowError)) throw e;
        // fall through: the full resolution reports the problem with its place
      }
    }
    return resolvePrices(data, region, raw.priceSets, place);
  }
  return cachedPrices(raw, region, data, place);
}

/** The resolution of a prices section's data (absent: the region's set) for a region, cached by data object and region. */
function cachedPrices(raw: RawScenario, region: PlantSpec['region'], d: unknown, place: { where: Part['doc']; at: Part['at'] }): ResolvedPrices {
  const key = d !== null && typeof d === 'object' ? d : NO_SECTION;
  let m = PRICES.get(key);
  if (!m) PRICES.set(key, (m = new Map()));
  let v = m.get(region);
  if (!v) m.set(region, (v = resolvePrices(d, region, raw.priceSets, place)));
  return v;
}

/** What a patch of a sample sets (SampleShape.kinds). */
const enum SampleSlot { Price, Finance, Unit, Feed }

/**
 * What resolveSample reuses for one list of patch routes: the scenario's own parses and
 * resolutions of every part no patch reaches, and the plans (reparse-plan.ts) of the patched unit
 * parameter and feed value — what the full resolution finds again by data object for every sample.
 */
interface SampleShape {
  routes: readonly PatchRoute[];
  kinds: readonly SampleSlot[];
  top: z.output<typeof scenarioSchema>;
  /** The unpatched flowsheet's parse, and its units (the ones resolveFlowsheet may keep). */
  flowsheet: FlowsheetSpec;
  unitPlan: PathPlan | undefined;
  plant: PlantSpec;
  feed: FeedSpec;
  feedPlan: PathPlan | undefined;
  spec: ProductSpec;
  design: DesignSettings;
  /** The prices of the unpatched section (a merge's base). */
  prices: ResolvedPrices;
  pricesPart: Part;
  pricesPlace: { where: Part['doc']; at: Part['at'] };
  /** The unpatched finance (undefined when a patch sets it). */
  finance: ResolvedFinance | undefined;
  financePart: Part;
}

/** The sample shape of a scenario for its last route list (null: the full resolution for those routes). */
const SAMPLE_SHAPES = new WeakMap<RawScenario, { routes: readonly PatchRoute[]; shape: SampleShape | null }>();

/**
 * resolveModel of a Monte Carlo sample (options.sample, patches setting top-level prices, one
 * finance field, one unit parameter and one feed value, none written in the scenario): the parts no
 * patch reaches are the scenario's own cached parses and resolutions, each patched part is made by
 * the plan of its path, and the rest is what the full resolution runs, in the same order, on the
 * same data. Undefined wherever an issue could arise — a value a plan is not sure of, a merge or a
 * resolution that throws, a graph problem, a feed without cathode material, a custom chemistry
 * price —: the full resolution then reports it as ever, with its place. Same model, field by field.
 */
function resolveSample(raw: RawScenario, extra: readonly Patch[]): Model | undefined {
  if (overridePatches(raw).length > 0) return undefined;
  const rawUnits = (raw.flowsheet.data as Record<string, unknown> | undefined)?.units;
  const routes = patchRoutes(raw, Array.isArray(rawUnits) ? (rawUnits as { id?: unknown }[]) : NO_UNITS, extra);
  let cached = SAMPLE_SHAPES.get(raw);
  if (!cached || cached.routes !== routes) SAMPLE_SHAPES.set(raw, (cached = { routes, shape: sampleShape(raw, routes) }));
  const shape = cached.shape;
  if (!shape) return undefined;
  let fs = shape.flowsheet;
  let feed = shape.feed;
  let pricesData = raw.sections.prices?.data;
  let financeData = raw.sections.finance?.data;
  let overrides: Record<string, never> | undefined;
  let financePatch: Patch | undefined;
  let financeSeg: readonly string[] | undefined;
  for (let i = 0; i < extra.length; i++) {
    const patch = extra[i]!;
    const seg = routes[i]!.seg;
    switch (shape.kinds[i]) {
      case SampleSlot.Price: {
        // As the full resolution sets a section (a copy, then set in place) and reads its patches (pricesFor).
        if (patch.origin) return undefined;
        const next = overrides ? setOwnKey(pricesData as Record<string, unknown>, seg, patch.value) : setIn(pricesData ?? {}, seg, patch.value, 1);
        if (next === undefined) return undefined;
        pricesData = next;
        (overrides ??= {})[seg[1]!] = patch.value as never;
        break;
      }
      case SampleSlot.Finance: {
        const next = setIn(financeData ?? {}, seg, patch.value, 1);
        if (next === undefined) return undefined;
        financeData = next;
        financePatch = patch;
        financeSeg = seg;
        break;
      }
      case SampleSlot.Unit: {
        const r = shape.unitPlan!.run(patch.value);
        if (!r) return undefined;
        fs = r.value as FlowsheetSpec;
        break;
      }
      case SampleSlot.Feed: {
        const r = shape.feedPlan!.run(patch.value);
        if (!r) return undefined;
        feed = r.value as FeedSpec;
        break;
      }
    }
  }
  const issues: InputIssue[] = [];
  const flowsheet = resolveFlowsheet(fs, raw.flowsheet, issues, shape.unitPlan ? shape.flowsheet.units : undefined);
  if (!flowsheet || issues.length > 0) return undefined;
  let prices = shape.prices;
  let finance = shape.finance;
  try {
    if (overrides) prices = mergePrices(shape.prices, overrides, shape.pricesPlace, true);
    if (financePatch) finance = financeOf(shape.financePart, financeData, financePatch, financeSeg);
  } catch {
    return undefined;
  }
  if (!finance || !feedHasCam(feed) || customChemistryPriceIssues(feed, prices, shape.pricesPart).length > 0) return undefined;
  const sections = reportedSections(pricesData, financeData, raw.sections.spec?.data, raw.sections.design?.data);
  return modelOf(raw, shape.top, flowsheet, shape.plant, feed, shape.spec, shape.design, prices, finance, sections, extra.slice(), (raw.warnings ?? NO_DIAGNOSTICS).slice());
}

/** The sample shape of a route list: null when a route is not one resolveSample takes or a part it reuses does not resolve. */
function sampleShape(raw: RawScenario, routes: readonly PatchRoute[]): SampleShape | null {
  const kinds: SampleSlot[] = [];
  let unit: PatchRoute | undefined;
  let feedRoute: PatchRoute | undefined;
  let financePatched = false;
  for (const route of routes) {
    if (route.kind === 'section' && route.head === 'prices' && route.seg.length === 2) kinds.push(SampleSlot.Price);
    else if (route.kind === 'section' && route.head === 'finance' && !financePatched) {
      financePatched = true;
      kinds.push(SampleSlot.Finance);
    } else if (route.kind === 'unit' && !unit) {
      unit = route;
      kinds.push(SampleSlot.Unit);
    } else if (route.kind === 'part' && route.head === 'feed' && !feedRoute) {
      feedRoute = route;
      kinds.push(SampleSlot.Feed);
    } else return null;
  }
  const issues: InputIssue[] = [];
  const top = check(scenarioSchema, { doc: raw.scenario, at: [], data: raw.scenario.data }, raw.scenario.data, issues, NO_PATCHES);
  const fsParse = cachedParse(flowsheetFileSchema, raw.flowsheet.data);
  const plantParse = cachedParse(plantSchema, raw.plant.data);
  const feedParse = cachedParse(feedSchema, raw.feed.data);
  if (!top || !fsParse.success || !plantParse.success || !feedParse.success) return null;
  const flowsheet = fsParse.data as FlowsheetSpec;
  const feed = feedParse.data;
  const fsData = raw.flowsheet.data;
  const feedData = raw.feed.data;
  // The plans the full resolution's PatchedData finds (the same arguments: the same plans).
  const unitPlan = unit ? (fsData !== null && typeof fsData === 'object' ? pathPlan(flowsheetFileSchema, fsData, flowsheet, unit.path, 0) : undefined) : undefined;
  const feedPlan = feedRoute ? (feedData !== null && typeof feedData === 'object' ? pathPlan(feedSchema, feedData, feed, feedRoute.seg, 1) : undefined) : undefined;
  if ((unit && !unitPlan) || (feedRoute && !feedPlan)) return null;
  const specPart = raw.sections.spec ?? absentSection(raw, 'spec');
  const spec = check(specSchema, specPart, raw.sections.spec?.data ?? NO_SECTION, issues, NO_PATCHES);
  const pricesPart = raw.sections.prices ?? absentSection(raw, 'prices');
  const pricesPlace = { where: pricesPart.doc, at: pricesPart.at };
  const financePart = raw.sections.finance ?? absentSection(raw, 'finance');
  const plant = plantParse.data;
  try {
    const designData = raw.sections.design?.data;
    const design = memoUnpatched(DESIGN, designData, designData, () => resolveDesignSettings(designData, raw.sections.design ?? absentSection(raw, 'design')));
    const prices = cachedPrices(raw, plant.region, raw.sections.prices?.data, pricesPlace);
    const finance = financePatched ? undefined : memoUnpatched(FINANCE, financePart.data, financePart.data, () => financeFor(financePart, financePart.data, undefined));
    if (!spec || issues.length > 0) return null;
    return { routes, kinds, top, flowsheet, unitPlan, plant, feed, feedPlan, spec, design, prices, pricesPart, pricesPlace, finance, financePart };
  } catch {
    return null;
  }
}
