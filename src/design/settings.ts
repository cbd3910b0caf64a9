/**
 * Design settings: the scenario's `design:` section validated once (zod) into plain numbers that
 * sizePlant reads in its hot path, plus the check of fixed items against the flowsheet's equipment.
 */
import { designSchema, flattenFixed, wholeCount, DESIGN_SOURCES, type DesignRule, type SizingMode } from '../schema/design.js';
import { toInputIssues, formatPath, type Locator } from '../schema/issues.js';
import { inputErrors, type InputIssue, type Place } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { toUnit, splitQuantity, UnitError } from '../schema/quantity.js';
import type { Part } from '../pipeline/load.js';
import type { DesignedUnit } from './types.js';

/** Validated design settings. */
export interface DesignSettings {
  rule: DesignRule;
  /** Installed capacity / load of items sized in design mode (≥ 1). */
  margin: number;
  /** Fewest parallel items of a loaded equipment in design mode. */
  minCount: number;
  /** Working-fill window of batch items, shares of vessel volume. */
  minFill: number;
  maxFill: number;
  /** Rating mode: installed counts by `<unitId>.<equipment name>`. */
  fixedCounts: Record<string, number>;
  /** Standard sizes by `<unitId>.<equipment name>`: a number in the item's size unit or a string with a unit. */
  fixedSizes: Record<string, number | string>;
  /** Extra operators per shift per parallel item beyond the first, as a share of the unit crew. */
  parallelCrewFactor: number;
  /** Campaign length the schedule shows, h. */
  scheduleHorizonH: number;
  /** Most batches the schedule draws per item. */
  maxBatchesPerItem: number;
  /** Where each value comes from: the scenario, or the default's source. */
  sources: Record<string, string>;
  /** catalogue: design mode picks standard sizes (unit-ops/data/catalogue.ts); continuous: sizes cut to measure. */
  sizing: SizingMode;
  /** An item's own standard size series, by `<unitId>.<equipment name>` (numbers in the size unit or strings with units). */
  standardSizes: Record<string, (number | string)[]>;
  /** Whether an item runs through unstaffed hours, by `<unitId>.<equipment name>` (else the catalogue decides). */
  roundTheClock: Record<string, boolean>;
  /**
   * The saved plant design being rated (`--design`): its file. Every item of the flowsheet must
   * then have a fixed count (an item the file does not list is an input error).
   */
  installedDesign?: { file: string; costs: Record<string, { purchaseCostUsd: number; cepciYear: number }> };
  /** Where fixed items were written, by `fixedCounts.<key>` / `fixedSizes.<key>` / `standardSizes.<key>` / `roundTheClock.<key>` (for error messages). */
  places: Record<string, Place>;
}

/** Fixed items checked against the flowsheet: sizes converted to each item's size unit. */
export interface CheckedItems {
  fixedSizes: ReadonlyMap<string, number>;
  standardSizes: ReadonlyMap<string, number[]>;
}

/**
 * checkFixedItems' answer for a design section that fixes, lists and saves nothing (most
 * scenarios): one, shared and read only, not two new maps for every sizing of every Monte Carlo
 * sample.
 */
const NOTHING_CHECKED: CheckedItems = { fixedSizes: new Map(), standardSizes: new Map() };

/**
 * The settings checkFixedItems last found to fix nothing (no fixed counts, sizes, standard sizes,
 * round-the-clock items or installed design): settings are never changed once resolved, and every
 * sizing of every Monte Carlo sample checks the same object (four for-in loops each time).
 */
let fixesNothing: DesignSettings | undefined;

/** Whether checked items are those of settings that fix nothing (then their fixed counts are empty too). */
export function checksNothing(checked: CheckedItems): boolean {
  return checked === NOTHING_CHECKED;
}

/** Settings when the scenario has no `design:` section. */
export function defaultDesignSettings(): DesignSettings {
  return resolveDesignSettings(undefined);
}

/**
 * Validate a scenario's raw `design:` section (patched data, e.g. `model.sections.design`).
 * `where` (e.g. `model.raw.sections.design`) places messages at file:line; without it the paths
 * read `design.<field>`. Throws RegenflowError (exit 1) listing every issue in catalogue form.
 */
export function resolveDesignSettings(rawDesignSection: unknown, where?: Part): DesignSettings {
  const data = rawDesignSection ?? {};
  const prefix = where ? where.at : ['design'];
  const locator: Locator = where ? { file: where.doc.file, locate: (p, key) => where.doc.locate(p, key) } : { file: '', locate: () => undefined };
  const r = designSchema.safeParse(data);
  if (!r.success) {
    const issues = toInputIssues(r.error.issues, designSchema, data, locator, prefix).map(stripEmptyFile);
    throw inputErrors(issues);
  }
  const d = r.data;
  const given = (k: string) => data !== null && typeof data === 'object' && (data as Record<string, unknown>)[k] !== undefined;
  const everbatt = d.rule === 'everbatt';
  const sources: Record<string, string> = {
    rule: given('rule') ? 'scenario' : DESIGN_SOURCES.margin,
    margin: given('margin') ? 'scenario' : everbatt ? DESIGN_SOURCES.everbatt : DESIGN_SOURCES.margin,
    minCount: given('minCount') ? 'scenario' : everbatt ? DESIGN_SOURCES.everbatt : DESIGN_SOURCES.minCount,
    minFill: given('minFill') ? 'scenario' : DESIGN_SOURCES.fill,
    maxFill: given('maxFill') ? 'scenario' : DESIGN_SOURCES.fill,
    parallelCrewFactor: given('parallelCrewFactor') ? 'scenario' : DESIGN_SOURCES.parallelCrewFactor,
    scheduleHorizon: given('scheduleHorizon') ? 'scenario' : DESIGN_SOURCES.scheduleHorizon,
    sizing: given('sizing') ? 'scenario' : DESIGN_SOURCES.sizing,
    roundTheClock: given('roundTheClock') ? 'scenario' : DESIGN_SOURCES.roundTheClock,
  };
  const places: Record<string, Place> = {};
  const fixedCounts: Record<string, number> = {};
  const fixedSizes: Record<string, number | string> = {};
  const standardSizes: Record<string, (number | string)[]> = {};
  const roundTheClock: Record<string, boolean> = {};
  const fields = [['fixedCounts', fixedCounts], ['fixedSizes', fixedSizes], ['standardSizes', standardSizes], ['roundTheClock', roundTheClock]] as const;
  for (const [field, target] of fields) {
    for (const { key, value, path } of flattenFixed(d[field])) {
      (target as Record<string, unknown>)[key] = field === 'fixedCounts' ? wholeCount(value) : value;
      const full = [...prefix, field, ...path];
      const loc = locator.locate(full, true);
      places[`${field}.${key}`] = { ...(locator.file ? { file: locator.file } : {}), path: formatPath(full), ...(loc ? { line: loc.line, column: loc.column } : {}) };
    }
  }
  return {
    rule: d.rule,
    margin: d.margin ?? (everbatt ? 1.5 : 1.1),
    minCount: d.minCount ?? (everbatt ? 2 : 1),
    minFill: d.minFill,
    maxFill: d.maxFill,
    fixedCounts,
    fixedSizes,
    parallelCrewFactor: d.parallelCrewFactor,
    scheduleHorizonH: d.scheduleHorizon,
    maxBatchesPerItem: d.maxBatchesPerItem,
    sizing: d.sizing,
    standardSizes,
    roundTheClock,
    sources,
    places,
  };
}

function stripEmptyFile(i: InputIssue): InputIssue {
  if (i.file) return i;
  const { file: _f, ...rest } = i;
  return rest;
}

/**
 * Check fixed counts, fixed sizes, standard-size series and round-the-clock flags against the
 * flowsheet's equipment; returns the sizes in each item's size unit. With a saved design being
 * rated, every item of the flowsheet must have a count. Throws RegenflowError (exit 1) naming
 * every unknown or missing item and every unreadable size.
 */
export function checkFixedItems(settings: DesignSettings, units: readonly DesignedUnit[]): CheckedItems {
  if (settings === fixesNothing) return NOTHING_CHECKED;
  if (isEmpty(settings.fixedCounts) && isEmpty(settings.fixedSizes) && isEmpty(settings.standardSizes) && isEmpty(settings.roundTheClock) && !settings.installedDesign) {
    fixesNothing = settings;
    return NOTHING_CHECKED;
  }
  const out = { fixedSizes: new Map<string, number>(), standardSizes: new Map<string, number[]>() };
  const sizeUnits = new Map<string, string>();
  for (const u of units) for (const e of u.design.equipment) sizeUnits.set(`${u.unitId}.${e.name}`, e.sizeUnit);
  const issues: InputIssue[] = [];
  const issue = (field: string, key: string, message: string, known = true) => {
    const place = settings.places[`${field}.${key}`] ?? { path: `design.${field}.${key}` };
    issues.push({ code: known && sizeUnits.has(key) ? 'invalid-value' : 'unknown-equipment-item', message, ...place });
  };
  for (const field of ['fixedCounts', 'roundTheClock'] as const) {
    for (const key of Object.keys(settings[field])) if (!sizeUnits.has(key)) issue(field, key, msg.unknownEquipmentItem(key, [...sizeUnits.keys()]), false);
  }
  const readSize = (field: string, key: string, unit: string, value: number | string): number | undefined => {
    let v: number;
    try {
      // Already in the item's unit (as a saved design writes it): the number as written, exactly.
      const same = typeof value === 'string' ? splitQuantity(value) : undefined;
      v = same && same.unit === unit ? same.value : toUnit(value, unit);
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      issue(field, key, msg.badQuantity(value, e.message, unit));
      return undefined;
    }
    if (!(Number.isFinite(v) && v > 0)) { issue(field, key, msg.fixedSizeInvalid(value, unit)); return undefined; }
    return v;
  };
  for (const [key, value] of Object.entries(settings.fixedSizes)) {
    const unit = sizeUnits.get(key);
    if (unit === undefined) {
      // Named once: a fixed count for the same unknown key has already been reported.
      if (settings.fixedCounts[key] === undefined) issue('fixedSizes', key, msg.unknownEquipmentItem(key, [...sizeUnits.keys()]), false);
      continue;
    }
    const v = readSize('fixedSizes', key, unit, value);
    if (v !== undefined) out.fixedSizes.set(key, v);
  }
  for (const [key, list] of Object.entries(settings.standardSizes)) {
    const unit = sizeUnits.get(key);
    if (unit === undefined) { issue('standardSizes', key, msg.unknownEquipmentItem(key, [...sizeUnits.keys()]), false); continue; }
    const sizes = list.map((value) => readSize('standardSizes', key, unit, value));
    if (sizes.every((v): v is number => v !== undefined)) out.standardSizes.set(key, [...new Set(sizes)].sort((a, b) => a - b));
  }
  if (settings.installedDesign) {
    const file = settings.installedDesign.file;
    for (const key of sizeUnits.keys()) {
      if (settings.fixedCounts[key] === undefined) issues.push({ code: 'design-item-missing', message: msg.designItemMissing(key, file), ...(settings.places['installedDesign.items'] ?? { file }) });
    }
  }
  if (issues.length) throw inputErrors(issues);
  return out;
}

/** True when a record has no keys. */
export function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}
