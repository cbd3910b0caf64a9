import { describe, it, expect } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { sizePlant, resolveDesignSettings } from '../../src/design/index.js';
import { autoclave, dryer, unit, scaled } from './crafted.js';

describe('sizing sweep speed (the bench: 100 capacities in under 1 s)', () => {
  it('re-evaluates and sizes the generic-demo fixture at 100 capacities', () => {
    const raw = loadRawScenario('test/fixtures/scenarios/generic-demo.yaml');
    const t0 = performance.now();
    let last = 0;
    for (let i = 1; i <= 100; i++) {
      const model = resolveModel(raw, [{ path: 'plant.capacity', value: `${i * 500} t/yr` }]);
      last = evaluate(model, { schedule: false }).sizing.feedKgPerYear;
    }
    const ms = performance.now() - t0;
    expect(last).toBeCloseTo(50_000_000, 3);
    // A smoke bound for busy CI machines (about 0.6 s here, nearly all of it resolve + evaluate);
    // the bench holds the 1 s budget.
    expect(ms).toBeLessThan(5000);
  });

  it('sizes a 40-item plant at 100 capacities in well under the budget', () => {
    const plant = Array.from({ length: 20 }, (_, k) => unit(`u${k}`, [autoclave(1000 + 100 * k), dryer(2000 + 50 * k)]));
    const settings = resolveDesignSettings(undefined);
    const t0 = performance.now();
    for (let i = 1; i <= 100; i++) sizePlant(scaled(plant, i / 10), 6400, i, settings);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
