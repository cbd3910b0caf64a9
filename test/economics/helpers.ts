/**
 * Helpers for the economics tests: the shipped price sets (read here, as the loader would, since
 * economics/ never reads files) and a small synthetic plant.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parse } from 'yaml';
import type { EconomicsInput } from '../../src/economics/input.js';
import type { PriceSetSource } from '../../src/economics/prices.js';
import { costOf } from '../../src/unit-ops/data/equipment.js';
import { RegenflowError } from '../../src/schema/errors.js';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios', 'prices');

/** Every shipped price set by name (file name without extension) → its parsed data. */
export function shippedSets(): Record<string, PriceSetSource> {
  const out: Record<string, PriceSetSource> = {};
  for (const f of readdirSync(DIR)) {
    if (!/\.ya?ml$/.test(f)) continue;
    out[basename(f).replace(/\.ya?ml$/, '')] = { data: parse(readFileSync(join(DIR, f), 'utf8')) };
  }
  return out;
}

/** A 1,000 t/yr hydrothermal-like plant: NCM523 + NCM811 scrap and an LFP stray lot. */
export function samplePlant(over: Partial<EconomicsInput> = {}): EconomicsInput {
  return {
    region: 'US',
    operatingHoursPerYear: 6400,
    feedKgPerYear: 1_000_000,
    feedBasis: 'cathode-scrap',
    feedLots: [
      { id: 'ev-523', chemistry: 'NCM523', family: 'layered', scrapKgPerYear: 600_000, camKgPerYear: 520_000, elementsKgPerYear: { Ni: 156_000, Co: 62_500, Mn: 87_000, Li: 33_000 } },
      { id: 'ev-811', chemistry: 'NCM811', family: 'layered', scrapKgPerYear: 350_000, camKgPerYear: 300_000, elementsKgPerYear: { Ni: 145_000, Co: 18_000, Mn: 17_000, Li: 19_000 } },
      { id: 'lfp', chemistry: 'LFP', family: 'olivine', scrapKgPerYear: 50_000, camKgPerYear: 43_000, elementsKgPerYear: { Fe: 15_000, Li: 1_900 } },
    ],
    equipment: [
      { unitId: 'relith', name: 'dryer', size: 0.2, sizeUnit: 't/h', count: 2, cost: costOf('dryer') },
      { unitId: 'sinter', name: 'kiln', size: 700, sizeUnit: 't/yr', count: 2, cost: costOf('rollerHearthKiln') },
      { unitId: 'wash', name: 'filter press', size: 0.15, sizeUnit: 't/h', count: 1, cost: costOf('filterPress') },
      { unitId: 'delam', name: 'ball mill', size: 0.02, sizeUnit: 't/h', count: 1, cost: costOf('ballMill') },
    ],
    operatorsPerShift: 6,
    electricityKwhPerYear: 3_300_000,
    heatKwhPerYear: { 'natural-gas': 900_000, steam: 250_000 },
    reagentsKgPerYear: { 'LiOH·H2O': 40_000, H2O: 2_000_000, O2: 60_000, KOH: 5_000, NMP: 1_000 },
    consumablesPerYear: { saggar: 2_000 },
    products: {
      inSpec: [{ chemistry: 'NCM523', kgPerYear: 470_000 }, { chemistry: 'NCM811', kgPerYear: 250_000 }],
      offSpec: [{ chemistry: 'NCM811', kgPerYear: 30_000, elementsKgPerYear: { Ni: 14_500, Co: 1_800, Mn: 1_700, Li: 1_900, O: 10_000 } }],
    },
    byproductsKgPerYear: { Al: 90_000 },
    wasteKgPerYear: 70_000,
    wastewaterKgPerYear: 1_800_000,
    emissionsKgPerYear: { CO2: 40_000, 'H2O(g)': 30_000 },
    ...over,
  };
}

/** The RegenflowError `f` throws (fails the test when it throws nothing or something else). */
export function errorOf(f: () => unknown): RegenflowError {
  try {
    f();
  } catch (e) {
    if (e instanceof RegenflowError) return e;
    throw e;
  }
  throw new Error('expected a RegenflowError, nothing was thrown');
}
