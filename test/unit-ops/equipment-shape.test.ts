/**
 * One shape for every equipment spec and cost correlation (issue 19): sizing and economics read
 * the items of every unit kind at the same places, which stay fast only while the objects share
 * their keys in one order — optional fields present (undefined) where a unit gives none.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';

const SPEC_KEYS = ['name', 'description', 'mode', 'sizeUnit', 'maxSize', 'minSize', 'capacityPerSize', 'loadBasis', 'loadKgPerHour', 'cycle', 'powerKwPerSize', 'cost'];
const COST_KEYS = ['refCostUsd', 'refSize', 'exponent', 'fixedCostUsd', 'cepciYear', 'installationFactor', 'minSize', 'maxSize', 'source', 'materialFactor'];

const flowsheets = readdirSync('flowsheets').filter((f) => f.endsWith('.yaml')).map((f) => join('flowsheets', f));

describe('equipment specs and correlations of every shipped flowsheet', () => {
  for (const f of flowsheets) {
    it(`${f}: every item has the spec keys, every correlation the correlation keys, in order`, () => {
      for (const mode of ['report', 'sample'] as const) {
        const ev = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml', f)), { mode });
        for (const [unitId, d] of ev.designs) {
          for (const e of d.equipment) {
            expect([unitId, Object.keys(e)]).toEqual([unitId, SPEC_KEYS]);
            expect([unitId, Object.keys(e.cost)]).toEqual([unitId, COST_KEYS]);
          }
        }
      }
    });
  }
});
