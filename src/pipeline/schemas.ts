/**
 * The JSON Schemas regenflow ships for editors (`regenflow schema --out <dir>`).
 */
import { jsonSchemaOf } from '../schema/json-schema.js';
import { flowsheetFileSchema } from '../unit-ops/flowsheet-schema.js';
import { scenarioSchema, plantSchema } from '../schema/scenario.js';
import { feedSchema } from '../schema/feed.js';

/** File name → JSON Schema document. */
export function fileSchemas(): Record<string, Record<string, unknown>> {
  return {
    'flowsheet.schema.json': jsonSchemaOf(flowsheetFileSchema, 'regenflow flowsheet'),
    'scenario.schema.json': jsonSchemaOf(scenarioSchema, 'regenflow scenario'),
    'feed.schema.json': jsonSchemaOf(feedSchema, 'regenflow feed'),
    'plant.schema.json': jsonSchemaOf(plantSchema, 'regenflow plant'),
  };
}
