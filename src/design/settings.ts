/**
 * Design settings: the scenario's `design:` section validated once (zod) into plain numbers that
 * sizePlant reads in its hot path, plus the check of fixed items against the flowsheet's equipment.
 */
import { designSchema, flattenFixed, wholeCount, DESIGN_SOURCES, type DesignRule } from '../schema/design.js';
import { toInputIssues, formatPath, type Locator } from '../schema/issues.js';
import { inputErrors, type InputIssue, type Place } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { toUnit, UnitError } from '../schema/quantity.js';
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
  /** Where fixed items were written, by `fixedCounts.<key>` / `fixedSizes.<key>` (for error messages). */
  places: Record<string, Place>;
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
  };
  const places: Record<string, Place> = {};
  const fixedCounts: Record<string, number> = {};
  const fixedSizes: Record<string, number | string> = {};
  for (const [field, target] of [['fixedCounts', fixedCounts], ['fixedSizes', fixedSizes]] as const) {
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
 * Check fixed counts and sizes against the flowsheet's equipment; returns the fixed sizes in each
 * item's size unit. Throws RegenflowError (exit 1) naming every unknown item or unreadable size.
 */
export function checkFixedItems(settings: DesignSettings, units: readonly DesignedUnit[]): Map<string, number> {
  if (isEmpty(settings.fixedCounts) && isEmpty(settings.fixedSizes)) return new Map();
  const sizeUnits = new Map<string, string>();
  for (const u of units) for (const e of u.design.equipment) sizeUnits.set(`${u.unitId}.${e.name}`, e.sizeUnit);
  const issues: InputIssue[] = [];
  const sizes = new Map<string, number>();
  const issue = (field: string, key: string, message: string) => {
    const place = settings.places[`${field}.${key}`] ?? { path: `design.${field}.${key}` };
    issues.push({ code: field === 'fixedSizes' && sizeUnits.has(key) ? 'invalid-value' : 'unknown-equipment-item', message, ...place });
  };
  for (const key of Object.keys(settings.fixedCounts)) {
    if (!sizeUnits.has(key)) issue('fixedCounts', key, msg.unknownEquipmentItem(key, [...sizeUnits.keys()]));
  }
  for (const [key, value] of Object.entries(settings.fixedSizes)) {
    const unit = sizeUnits.get(key);
    if (unit === undefined) { issue('fixedSizes', key, msg.unknownEquipmentItem(key, [...sizeUnits.keys()])); continue; }
    let v: number;
    try {
      v = toUnit(value, unit);
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      issue('fixedSizes', key, msg.badQuantity(value, e.message, unit));
      continue;
    }
    if (!(Number.isFinite(v) && v > 0)) { issue('fixedSizes', key, msg.fixedSizeInvalid(value, unit)); continue; }
    sizes.set(key, v);
  }
  if (issues.length) throw inputErrors(issues);
  return sizes;
}

/** True when a record has no keys. */
function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}
