/**
 * The JSON Schemas regenflow ships for editors (`regenflow schema --out <dir>`). The scenario
 * schema carries the full forms of its sections (prices, finance, design, spec, uncertainty), which
 * the loader validates with their own resolvers.
 */
import { z } from 'zod';
import { jsonSchemaOf } from '../schema/json-schema.js';
import { flowsheetFileSchema } from '../unit-ops/flowsheet-schema.js';
import { scenarioSchema, plantSchema, fileOr } from '../schema/scenario.js';
import { feedSchema } from '../schema/feed.js';
import { priceSetSchema, pricesSectionSchema, financeSchema } from '../schema/economics.js';
import { designSchema, plantDesignFileSchema } from '../schema/design.js';
import { specSchema } from '../schema/spec.js';
import { uncertaintyListSchema } from '../schema/uncertainty.js';

/** The scenario schema as editors see it: every section in its full form. */
export const scenarioEditorSchema = scenarioSchema.extend({
  prices: z.union([z.string(), pricesSectionSchema, priceSetSchema]).optional().describe('price set name and overrides, a price-set file path, or a set written inline'),
  finance: fileOr(financeSchema).optional().describe('finance inputs'),
  design: fileOr(designSchema).optional().describe('design margin, fill window and fixed equipment counts (rating mode)'),
  spec: fileOr(specSchema).optional().describe('product specification'),
  uncertainty: uncertaintyListSchema.optional().describe('distributions of inputs for Monte Carlo, tornado and Sobol'),
});

/** File name → JSON Schema document. */
export function fileSchemas(): Record<string, Record<string, unknown>> {
  return {
    'flowsheet.schema.json': jsonSchemaOf(flowsheetFileSchema, 'regenflow flowsheet'),
    'scenario.schema.json': jsonSchemaOf(scenarioEditorSchema, 'regenflow scenario'),
    'feed.schema.json': jsonSchemaOf(feedSchema, 'regenflow feed'),
    'plant.schema.json': jsonSchemaOf(plantSchema, 'regenflow plant'),
    'prices.schema.json': jsonSchemaOf(priceSetSchema, 'regenflow price set'),
    'plant-design.schema.json': jsonSchemaOf(plantDesignFileSchema, 'regenflow saved plant design'),
  };
}
