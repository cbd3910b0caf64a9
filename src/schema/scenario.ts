/**
 * Scenario files (DESIGN.md "Scenario file"): a flowsheet, a plant, a feed, prices, finance,
 * parameter overrides and uncertainty. Feeds, plants and price sets may be their own files,
 * referenced by a path relative to the scenario.
 */
import { z } from 'zod';
import { quantity, described } from './param.js';
import { idSchema } from './flowsheet.js';
import { feedSchema } from './feed.js';

/** Regions with sourced utility, labour and grid defaults (REFERENCE.md 1.1.5, 1.3.7, 1.3.8). */
export const REGIONS = ['US', 'CN', 'EU', 'KR', 'CA'] as const;
/** A region code. */
export type Region = (typeof REGIONS)[number];

/** The plant: throughput and where it is. */
export const plantSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema.optional(),
  name: z.string().optional(),
  // Upper bound: 1 Mt/yr, 20 × the 50,000 t/yr EverBatt's recycling plant supports (REFERENCE.md
  // 1.1.5) — a larger figure is a unit slip (kg for t), and it would drive money beyond exact range.
  capacity: quantity('kg/yr', { description: 'feed throughput', above: 0, max: 1e9, source: 'scenario author' }),
  operatingHours: quantity('h/yr', { description: 'operating hours per year', above: 0, max: 8760, default: '6400 h/yr', source: 'EverBatt 2019: 320 d/yr × 20 h/d processing (REFERENCE.md 1.1.5)' }),
  region: described(z.enum(REGIONS).default('US'), { description: 'region for prices, labour, grid factor and equipment-cost adjustment', source: 'assumption: US when absent' }),
  // Staffing (issue 16). Without shiftsPerDay every unit runs the operating hours, staffed by as
  // many shifts as they need; with fewer staffed shifts, batch and manual units work the shifts
  // and continuous thermal units run on through unstaffed hours with the minimum crew.
  shiftsPerDay: described(z.number().int().min(1).max(24).optional(), { description: 'staffed shifts per operating day; batch and manual units work only these, continuous thermal units (kilns, calciners, evaporators) run through the rest of the operating hours', source: 'scenario author; default: as many shifts as the operating hours per day need' }),
  shiftLength: quantity('h', { description: 'length of a shift (replaces finance.shiftLength)', above: 0, max: 24, source: 'scenario author; default finance.shiftLength (8 h)' }).optional(),
  minimumCrew: quantity('', { description: 'operators on site through unstaffed hours while continuous thermal units run', default: 2, min: 0, max: 100, source: 'assumption: a control-room operator and a field operator watch the furnaces and evaporators outside staffed shifts (no lone working at hot equipment)' }),
});

/** A validated plant. */
export type PlantSpec = z.output<typeof plantSchema>;

/** A reference to another file (path relative to the scenario) or the object inline. */
export function fileOr<T extends z.ZodType>(inline: T) {
  return z.union([z.string().min(1), inline]);
}

/**
 * A validation scenario's reference result (issue 11): the review's Table 1 row it reproduces and the
 * capacity reported there; the product's predicted capacity must come within ±5 %.
 */
export const validationSchema = z.strictObject({
  table1: z.string().regex(/^\[\d+\]$/).describe('reference number of the review\'s Table 1 row, e.g. "[59]"'),
  capacityMahPerG: z.number().positive().describe('0.1 C capacity Table 1 reports for the regenerated product, mAh/g'),
  capacityRetention: z.number().min(0).max(1).optional().describe('capacity retention Table 1 reports (fraction)'),
  cycles: z.number().int().positive().optional().describe('cycle count of that retention'),
  cRate: z.string().optional().describe('C-rate of that retention, e.g. "1C"'),
}).describe('the review\'s Table 1 result this scenario reproduces (scenarios/validation/)');

/** Scenario fields as written (references not yet resolved). */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema,
  name: z.string().optional(),
  description: z.string().optional(),
  flowsheet: z.string().min(1).describe('path of the flowsheet file, relative to this scenario'),
  plant: fileOr(plantSchema).describe('plant: inline or a path'),
  feed: fileOr(feedSchema).describe('feed: inline or a path'),
  prices: z.unknown().optional().describe('price set and overrides'),
  finance: z.unknown().optional().describe('finance inputs'),
  spec: z.unknown().optional().describe('product specification overrides'),
  design: z.unknown().optional().describe('design margin and fixed equipment counts'),
  overrides: described(z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.unknown()), z.record(z.string(), z.unknown())])).default({}), {
    description: 'unit parameter overrides by path, e.g. relith.temperature: "240 degC"',
  }),
  uncertainty: z.array(z.unknown()).optional().describe('distributions of inputs for Monte Carlo'),
  validation: validationSchema.optional(),
});

/** A scenario as written. */
export type ScenarioFile = z.output<typeof scenarioSchema>;
