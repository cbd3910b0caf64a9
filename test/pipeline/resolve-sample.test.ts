/**
 * A Monte Carlo sample's resolution (resolveModel with `sample`: resolve.ts resolveSample) reuses
 * the scenario's own parses and patches only what its patches reach; its model is the full
 * resolution's, field by field, and a value the model refuses gives the full resolution's error.
 * The full resolution is forced by one more patch the sample path does not take (the plant's own
 * capacity, as the file writes it: the same plant).
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel, type Model } from '../../src/pipeline/resolve.js';
import type { Patch } from '../../src/pipeline/patch.js';

const SAMPLE = { sample: true };
const SAME_PLANT: Patch = { path: 'plant.capacity', value: '10000 t/yr' };

/** Patches as canonicalPatches makes them (numbers in the fields' units), low, middle and high. */
const ROWS: Patch[][] = [
  [
    { path: 'prices.LiOH·H2O', value: 6 },
    { path: 'prices.quality-factor', value: 0.8 },
    { path: 'prices.electricity', value: 0.07 },
    { path: 'finance.discountRate', value: 0.08 },
    { path: 'relith.temperature', value: 473.15 },
    { path: 'feed.lots[ev-811].liPerTm', value: 0.71 },
  ],
  [
    { path: 'prices.LiOH·H2O', value: 17.3 },
    { path: 'prices.quality-factor', value: 0.93 },
    { path: 'prices.electricity', value: 0.0913 },
    { path: 'finance.discountRate', value: 0.1047 },
    { path: 'relith.temperature', value: 494.85 },
    { path: 'feed.lots[ev-811].liPerTm', value: 0.8123 },
  ],
  // Texts, one part at a time, a price alone.
  [{ path: 'prices.LiOH·H2O', value: '30 USD/kg' }, { path: 'relith.temperature', value: '240 degC' }],
  [{ path: 'feed.lots[ev-811].liPerTm', value: 0.89 }],
  [{ path: 'finance.discountRate', value: 0.12 }, { path: 'prices.electricity', value: 0.11 }],
  [{ path: 'prices.quality-factor', value: 1 }],
];

/** The model without its patch list (the forced full resolution has one patch more). */
function withoutPatches(m: Model): Omit<Model, 'patches'> {
  const { patches: _patches, ...rest } = m;
  return rest;
}

/** The message of what resolveModel throws, or undefined. */
function errorOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe('resolveModel of a sample', () => {
  const raw = loadRawScenario('scenarios/reference-cn.yaml');

  for (const [i, row] of ROWS.entries()) {
    it(`row ${i}: the model of the full resolution`, () => {
      const sample = resolveModel(raw, row, SAMPLE);
      const full = resolveModel(raw, [...row, SAME_PLANT], SAMPLE);
      expect(sample.patches).toStrictEqual(row);
      expect(withoutPatches(sample)).toStrictEqual(withoutPatches(full));
      expect(Object.keys(sample)).toEqual(Object.keys(full));
      expect(Object.keys(sample.sections)).toEqual(Object.keys(full.sections));
      // Again: the shape is kept, the model is the same.
      expect(withoutPatches(resolveModel(raw, row, SAMPLE))).toStrictEqual(withoutPatches(full));
    });
  }

  it('a refused value: the full resolution reports it, with its place', () => {
    for (const bad of [
      { path: 'feed.lots[ev-811].liPerTm', value: 5 },
      { path: 'relith.temperature', value: 10 },
      { path: 'prices.quality-factor', value: -1 },
      { path: 'finance.discountRate', value: Number.NaN },
      { path: 'prices.electricity', value: 'cheap' },
    ]) {
      const row = ROWS[1]!.map((p) => (p.path === bad.path ? bad : p));
      const sample = errorOf(() => resolveModel(raw, row, SAMPLE));
      expect(sample, bad.path).toBeDefined();
      expect(sample, bad.path).toBe(errorOf(() => resolveModel(raw, row)));
      // The sample path still resolves good rows after a refused one.
      expect(withoutPatches(resolveModel(raw, ROWS[1]!, SAMPLE))).toStrictEqual(withoutPatches(resolveModel(raw, [...ROWS[1]!, SAME_PLANT], SAMPLE)));
    }
  });
});
