import { describe, it, expect } from 'vitest';
import { resolveDesignSettings, sizePlant } from '../../src/design/index.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { RegenflowError } from '../../src/schema/errors.js';
import { parseText } from '../../src/io/document.js';
import { autoclave, dryer, unit } from './crafted.js';

function errorOf(f: () => unknown): RegenflowError {
  try {
    f();
  } catch (e) {
    if (e instanceof RegenflowError) return e;
    throw e;
  }
  throw new Error('expected an input error');
}

const plant = [unit('relith', [autoclave(2000)]), unit('dry', [dryer(6000)])];

describe('design settings', () => {
  it('accepts an absent section, percentages and quantities', () => {
    expect(resolveDesignSettings(undefined).scheduleHorizonH).toBe(48);
    const s = resolveDesignSettings({ margin: '125 %', minFill: 0.2, maxFill: '80 %', scheduleHorizon: '1 d', parallelCrewFactor: 1 });
    expect(s.margin).toBeCloseTo(1.25, 12);
    expect(s.maxFill).toBeCloseTo(0.8, 12);
    expect(s.scheduleHorizonH).toBe(24);
    expect(s.sources.maxFill).toBe('scenario');
  });

  it('flattens nested fixed counts (the form a patch design.fixedCounts.relith.autoclave makes)', () => {
    const s = resolveDesignSettings({ fixedCounts: { relith: { autoclave: 3 }, 'dry.dryer': '2' } });
    expect(s.fixedCounts).toEqual({ 'relith.autoclave': 3, 'dry.dryer': 2 });
  });

  it('a margin below 1 is an input error', () => {
    const e = errorOf(() => resolveDesignSettings({ margin: 0.9 }));
    expect(e.exitCode).toBe(1);
    expect(e.issues).toEqual([{ code: 'invalid-value', path: 'design.margin', message: "design margin below 1 (0.9); give a margin ≥ 1 — 1.1 installs 10 % spare capacity, and rule: everbatt applies EverBatt's two items sized for 75 % each (margin 1.5, at least 2 items)" }]);
    expect(e.message).toBe("design.margin: design margin below 1 (0.9); give a margin ≥ 1 — 1.1 installs 10 % spare capacity, and rule: everbatt applies EverBatt's two items sized for 75 % each (margin 1.5, at least 2 items)");
  });

  it('minFill above maxFill is an input error', () => {
    const e = errorOf(() => resolveDesignSettings({ minFill: '95 %' }));
    expect(e.message).toBe("design.minFill: the minimum fill is not below the maximum fill (minFill 95 %, maxFill 90 %); give minFill < maxFill — SuperPro's defaults are 15 % and 90 %");
  });

  it('fixed counts must be whole numbers ≥ 0 on <unit>.<item> keys (0: not installed)', () => {
    expect(resolveDesignSettings({ fixedCounts: { 'relith.autoclave': 0 } }).fixedCounts).toEqual({ 'relith.autoclave': 0 });
    const e = errorOf(() => resolveDesignSettings({ fixedCounts: { 'relith.autoclave': 2.5, autoclave: 2, 'dry.dryer': -1 } }));
    expect(e.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'design.fixedCounts.relith.autoclave: an equipment count must be a whole number ≥ 0 (2.5); give e.g. 3 (0: not installed)',
      'design.fixedCounts.autoclave: an equipment item is named <unit id>.<equipment name> ("autoclave" given); write e.g. relith.autoclave: 3 or relith: { autoclave: 3 }',
      'design.fixedCounts.dry.dryer: an equipment count must be a whole number ≥ 0 (-1); give e.g. 3 (0: not installed)',
    ]);
  });

  it('unknown fields are named with the allowed ones', () => {
    const e = errorOf(() => resolveDesignSettings({ margn: 1.2 }));
    expect(e.issues[0]!.message).toBe('unknown field "margn" (did you mean "margin"?); allowed fields here: rule, margin, minCount, minFill, maxFill, fixedCounts, fixedSizes, parallelCrewFactor, scheduleHorizon, maxBatchesPerItem, sizing, standardSizes, … (1 more)');
  });

  it('a fixed count for an unknown item is an input error listing the items', () => {
    const settings = resolveDesignSettings({ fixedCounts: { 'relith.autoclav': 2 } });
    const e = errorOf(() => sizePlant(plant, 6400, 1, settings));
    expect(e.exitCode).toBe(1);
    expect(e.message).toBe('design.fixedCounts.relith.autoclav: no equipment item "relith.autoclav" (did you mean "relith.autoclave"?); fixed counts and sizes name an item as <unit id>.<equipment name>, and this flowsheet\'s items are: relith.autoclave, dry.dryer');
  });

  it('a fixed size of the wrong dimension is an input error', () => {
    const settings = resolveDesignSettings({ fixedSizes: { 'relith.autoclave': '3 kg' } });
    const e = errorOf(() => sizePlant(plant, 6400, 1, settings));
    expect(e.message).toBe('design.fixedSizes.relith.autoclave: "3 kg" is mass but volume is expected (unit m3) ("3 kg"); give a number in m3 or a string with a unit, e.g. "1 m3"');
  });

  it('places messages at the line of the scenario file when given the section part', () => {
    const doc = parseText('scenarios/x.yaml', 'id: x\ndesign:\n  margin: 0.8\n  fixedCounts:\n    relith.autoclav: 2\n');
    const part = { doc, at: ['design'], data: (doc.data as { design: unknown }).design };
    expect(errorOf(() => resolveDesignSettings(part.data, part)).message).toMatch(/^scenarios\/x\.yaml:3:\d+ › design\.margin: design margin below 1 \(0\.8\)/);
    const ok = resolveDesignSettings({ fixedCounts: { 'relith.autoclav': 2 } }, part);
    expect(errorOf(() => sizePlant(plant, 6400, 1, ok)).message).toMatch(/^scenarios\/x\.yaml:5:\d+ › design\.fixedCounts\.relith\.autoclav: no equipment item/);
  });

  it('reads patches of the design section (sweeps, Monte Carlo)', () => {
    const raw = loadRawScenario('test/fixtures/scenarios/generic-demo.yaml');
    expect(evaluate(resolveModel(raw, [{ path: 'design.margin', value: 1.3 }])).sizing.settings.margin).toBe(1.3);
    const e = errorOf(() => evaluate(resolveModel(raw, [{ path: 'design.fixedCounts.burn.kiln', value: 2 }])));
    expect(e.message).toBe('test/fixtures/scenarios/generic-demo.yaml › design.fixedCounts.burn.kiln: no equipment item "burn.kiln"; fixed counts and sizes name an item as <unit id>.<equipment name>, and no unit of this flowsheet declares equipment');
  });
});
