/**
 * The scenario's `design:` section (DESIGN.md "Design, time and throughput"): how equipment is
 * counted and sized. Everything has a default with its source, so the section may be absent.
 *
 *     design:
 *       rule: margin            # margin (default) | everbatt (two items, each sized for 75 %)
 *       margin: 1.1             # installed capacity / load of every item in design mode
 *       minCount: 1             # fewest parallel items of any equipment that carries load
 *       minFill: "15 %"         # SuperPro working-volume window (REFERENCE.md 4.3)
 *       maxFill: "90 %"
 *       fixedCounts: { relith.autoclave: 3 }      # rating mode for these items
 *       fixedSizes:  { relith.autoclave: "8 m3" } # a standard size (number in the item's size unit)
 *       parallelCrewFactor: 0.5 # extra crew per additional parallel item, as a share of one crew
 *       scheduleHorizon: "48 h" # length of the campaign the schedule shows
 *       sizing: catalogue       # catalogue (default: standard sizes, unit-ops/data/catalogue.ts) | continuous
 *       standardSizes: { relith.autoclave: ["6.3 m3", "10 m3"] }   # an item's own size series
 *       roundTheClock: { dry.dryer: true }        # runs through unstaffed hours (default: thermal items)
 *
 * Fixed counts and sizes are keyed `<unit id>.<equipment name>` or nested
 * `<unit id>: { <equipment name>: value }` (the form a patch `design.fixedCounts.relith.autoclave`
 * produces). Whether the items exist is checked against the flowsheet's equipment when sizing.
 */
import { z } from 'zod';
import { quantity, fraction, described } from './param.js';
import { msg } from './messages.js';

/** How design mode turns a load into installed capacity. */
export const DESIGN_RULES = ['margin', 'everbatt'] as const;
/** A design rule. */
export type DesignRule = (typeof DESIGN_RULES)[number];

/** Sources of the defaults (shown with the settings, e.g. on the workbook's Assumptions sheet). */
export const DESIGN_SOURCES = {
  margin: 'assumption: 10 % spare capacity on every item (a common design factor; REFERENCE.md gives none)',
  everbatt: 'EverBatt 2019: two pieces of each equipment, each sized for 75 % of throughput (REFERENCE.md 1.1.5) — margin 1.5, at least 2 items',
  minCount: 'assumption: one item suffices unless the rule asks for more',
  fill: 'SuperPro Designer default working volume 15–90 % of vessel volume (REFERENCE.md 4.3)',
  parallelCrewFactor: 'assumption: one crew tends two parallel items of the same kind with staggered batches (half a crew per extra item)',
  scheduleHorizon: 'assumption: two days show several staggered batches of typical 4–12 h cycles',
  maxBatchesPerItem: 'assumption: enough bars for a readable Gantt chart',
  sizing: 'catalogue of standard sizes per equipment type (src/unit-ops/data/catalogue.ts: DIN 28136 vessel volumes, IEC 60072 motor ratings, EverBatt kiln lines, R5/R10 preferred numbers where no series was found)',
  roundTheClock: 'catalogue: kilns, calciners, evaporators (and their gas treatment and vapour compressors) run through unstaffed hours; everything else works staffed shifts',
} as const;

/** How design mode picks an item's size. */
export const SIZING_MODES = ['catalogue', 'continuous'] as const;
/** A sizing mode. */
export type SizingMode = (typeof SIZING_MODES)[number];

/** A mapping of fixed values: flat `unit.item: value` or nested `unit: { item: value }`. */
const fixedMap = z.record(z.string(), z.unknown());

/** Flatten fixed values into `unit.item` keys with the path where each was written. */
export function flattenFixed(raw: Record<string, unknown>): { key: string; value: unknown; path: string[] }[] {
  const out: { key: string; value: unknown; path: string[] }[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [name, inner] of Object.entries(v as Record<string, unknown>)) out.push({ key: `${k}.${name}`, value: inner, path: [k, name] });
    } else out.push({ key: k, value: v, path: [k] });
  }
  return out;
}

/**
 * Most parallel items of one equipment a count may fix or require: assumption — 10,000 is far
 * beyond any plant (a 10 kt/yr plant installs a handful of each), so more is a typo that would only
 * blow up costs and schedules.
 */
export const MAX_COUNT = 10_000;

/**
 * A count as written (a number, or digits as a patch from the command line may give): the whole
 * number ≥ 0, else undefined. 0 rates an item as not installed (a saved design lists items that
 * carried no load).
 */
export function wholeCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** A size as written: a positive finite number (in the item's size unit) or a string with a unit. */
function sizeWritten(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && value > 0);
}

/** `unit.item` with a non-empty unit id and a non-empty equipment name. */
export function isItemKey(key: string): boolean {
  const dot = key.indexOf('.');
  return dot > 0 && dot < key.length - 1;
}

/** The `design:` section as written. */
export const designSchema = z
  .strictObject({
    rule: described(z.enum(DESIGN_RULES).default('margin'), {
      description: 'design rule: margin (installed = load × margin) or everbatt (two items, each sized for 75 % of the load)',
      source: `${DESIGN_SOURCES.margin}; everbatt: ${DESIGN_SOURCES.everbatt}`,
    }),
    // At most 10: ten times the load installed is a typo, not a margin (EverBatt's rule is 1.5).
    margin: described(quantity('', { description: 'design margin: installed capacity / load of every item sized in design mode (≥ 1)', above: 0, max: 10 }).optional(), {
      description: 'design margin: installed capacity / load of every item sized in design mode (≥ 1); default 1.1, or 1.5 with rule: everbatt',
      source: DESIGN_SOURCES.margin,
      defaultText: '1.1',
    }),
    minCount: described(z.number().int().min(1).max(MAX_COUNT).optional(), {
      description: 'fewest parallel items of an equipment that carries load; default 1, or 2 with rule: everbatt',
      source: DESIGN_SOURCES.minCount,
      defaultText: '1',
    }),
    minFill: fraction({ description: 'minimum working fill of a batch item (share of vessel volume)', default: '15 %', source: DESIGN_SOURCES.fill }),
    maxFill: fraction({ description: 'maximum working fill of a batch item (share of vessel volume); the rated batch of an item is taken at this fill', default: '90 %', above: 0, source: DESIGN_SOURCES.fill }),
    fixedCounts: described(fixedMap.default({}), {
      description: 'rating mode: installed count per item, keyed <unit id>.<equipment name> (whole number ≥ 0; 0: not installed); the item keeps its largest size unless fixedSizes gives one',
      source: 'scenario author',
    }),
    fixedSizes: described(fixedMap.default({}), {
      description: "standard size per item, keyed <unit id>.<equipment name>, as a number in the item's size unit or a string with a unit",
      source: 'scenario author',
    }),
    parallelCrewFactor: fraction({ description: 'operators per shift added for each parallel item beyond the first, as a share of the unit crew', default: 0.5, source: DESIGN_SOURCES.parallelCrewFactor }),
    scheduleHorizon: quantity('h', { description: 'length of the campaign the schedule shows', default: '48 h', above: 0, max: 8760, source: DESIGN_SOURCES.scheduleHorizon }),
    maxBatchesPerItem: described(z.number().int().min(1).max(1000).default(24), { description: 'most batches drawn per item in the schedule', source: DESIGN_SOURCES.maxBatchesPerItem }),
    sizing: described(z.enum(SIZING_MODES).default('catalogue'), {
      description: 'design mode picks each item from its standard sizes (catalogue: the smallest sufficient one) or cuts the size to measure (continuous)',
      source: DESIGN_SOURCES.sizing,
    }),
    standardSizes: described(fixedMap.default({}), {
      description: "an item's own standard size series, keyed <unit id>.<equipment name>: a list of numbers in the item's size unit or strings with a unit; replaces the catalogue for that item",
      source: 'scenario author',
    }),
    roundTheClock: described(fixedMap.default({}), {
      description: 'whether an item runs through unstaffed hours (true) or only in staffed shifts (false), keyed <unit id>.<equipment name>; default from the catalogue (continuous thermal equipment)',
      source: DESIGN_SOURCES.roundTheClock,
    }),
  })
  .superRefine((d, ctx) => {
    if (d.margin !== undefined && d.margin < 1) ctx.addIssue({ code: 'custom', path: ['margin'], message: msg.designMarginBelowOne(d.margin) });
    if (!(d.minFill < d.maxFill)) ctx.addIssue({ code: 'custom', path: ['minFill'], message: msg.fillOrder(d.minFill, d.maxFill) });
    for (const { key, value, path } of flattenFixed(d.fixedCounts)) {
      if (!isItemKey(key)) ctx.addIssue({ code: 'custom', path: ['fixedCounts', ...path], message: msg.fixedItemKey(key) });
      else if (wholeCount(value) === undefined) ctx.addIssue({ code: 'custom', path: ['fixedCounts', ...path], message: msg.fixedCountNotWhole(value) });
      else if (wholeCount(value)! > MAX_COUNT) ctx.addIssue({ code: 'custom', path: ['fixedCounts', ...path], message: msg.countTooLarge(value, MAX_COUNT) });
    }
    for (const { key, value, path } of flattenFixed(d.fixedSizes)) {
      if (!isItemKey(key)) ctx.addIssue({ code: 'custom', path: ['fixedSizes', ...path], message: msg.fixedItemKey(key) });
      else if (!sizeWritten(value)) ctx.addIssue({ code: 'custom', path: ['fixedSizes', ...path], message: msg.fixedSizeInvalid(value) });
    }
    for (const { key, value, path } of flattenFixed(d.standardSizes)) {
      if (!isItemKey(key)) ctx.addIssue({ code: 'custom', path: ['standardSizes', ...path], message: msg.fixedItemKey(key) });
      else if (!Array.isArray(value) || value.length === 0) ctx.addIssue({ code: 'custom', path: ['standardSizes', ...path], message: msg.standardSizesNotList(value) });
      else value.forEach((v, i) => { if (!sizeWritten(v)) ctx.addIssue({ code: 'custom', path: ['standardSizes', ...path, i], message: msg.fixedSizeInvalid(v) }); });
    }
    for (const { key, value, path } of flattenFixed(d.roundTheClock)) {
      if (!isItemKey(key)) ctx.addIssue({ code: 'custom', path: ['roundTheClock', ...path], message: msg.fixedItemKey(key) });
      else if (typeof value !== 'boolean') ctx.addIssue({ code: 'custom', path: ['roundTheClock', ...path], message: msg.roundTheClockNotBoolean(value) });
    }
  });

/** The `design:` section, validated (defaults applied; margin and minCount still optional). */
export type DesignSpec = z.output<typeof designSchema>;

/** The `kind:` a saved plant design carries (`regenflow size --save`). */
export const PLANT_DESIGN_KIND = 'plant-design';

/** One installed item of a saved plant design. */
const installedItemSchema = z.strictObject({
  count: described(z.number().int().min(0), { description: 'installed parallel items (0: not installed)' }),
  size: described(z.union([z.number().positive(), z.string().min(1)]), { description: "size of one item, a number in sizeUnit or a string with a unit" }),
  sizeUnit: described(z.string(), { description: "the item's size unit" }),
  purchaseCostUsd: described(z.number().min(0).optional(), { description: 'purchase cost of one item when saved, USD of cepciYear (a check: rating warns when the cost data now give another figure)' }),
  cepciYear: described(z.number().int().optional(), { description: "CEPCI year of purchaseCostUsd (the cost correlation's)" }),
  description: z.string().optional(),
});

/**
 * A saved plant design (`regenflow size <scenario> --save plant-design.yaml`): the installed
 * count and size of every equipment item, keyed <unit id>.<equipment name>. `--design` rates it.
 */
export const plantDesignFileSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal(PLANT_DESIGN_KIND),
  scenario: z.string().optional(),
  flowsheet: z.string().optional(),
  capacity: quantity('kg/yr', { description: 'feed capacity the design was sized for (information)', above: 0 }).optional(),
  operatingHours: quantity('h/yr', { description: 'operating hours the design was sized for (information)', above: 0 }).optional(),
  purchasedEquipmentUsd: z.number().min(0).optional(),
  dollarYear: z.number().int().optional(),
  items: z.record(z.string(), installedItemSchema),
}).superRefine((d, ctx) => {
  for (const key of Object.keys(d.items)) if (!isItemKey(key)) ctx.addIssue({ code: 'custom', path: ['items', key], message: msg.fixedItemKey(key) });
});

/** A saved plant design as validated. */
export type PlantDesignFile = z.output<typeof plantDesignFileSchema>;
