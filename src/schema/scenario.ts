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
});

/** A validated plant. */
export type PlantSpec = z.output<typeof plantSchema>;

/** A reference to another file (path relative to the scenario) or the object inline. */
export function fileOr<T extends z.ZodType>(inline: T) {
  return z.union([z.string().min(1), inline]);
}

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
});

/** A scenario as written. */
export type ScenarioFile = z.output<typeof scenarioSchema>;
