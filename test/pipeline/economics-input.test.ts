/**
 * economicsInput (pipeline/economics-input.ts) keeps nothing of one call for the next: its parcel
 * sums are lent per call, and a unit's runner (evaluate.ts) is made again for another unit object
 * or feed basis — so an evaluation gives the same input and KPIs whatever was evaluated before it.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { kpisOf } from '../../src/pipeline/document.js';

const runOf = (file: string, mode: 'report' | 'sample') => {
  const ev = evaluate(resolveModel(loadRawScenario(file)), { mode });
  return JSON.stringify({ input: ev.economicsInput, kpis: kpisOf(ev) });
};

describe('an evaluation does not depend on the one before', () => {
  it('the same economics input and KPIs after scenarios of other feeds (basis, lots, grades), in both modes', () => {
    for (const mode of ['report', 'sample'] as const) {
      const first = runOf('scenarios/reference-cn.yaml', mode);
      const others = ['scenarios/black-mass-cn.yaml', 'scenarios/cam-powder-cn.yaml', 'scenarios/two-morphologies-cn.yaml'].map((f) => runOf(f, mode));
      expect(runOf('scenarios/reference-cn.yaml', mode)).toBe(first);
      // And the others again, after the reference.
      expect(['scenarios/black-mass-cn.yaml', 'scenarios/cam-powder-cn.yaml', 'scenarios/two-morphologies-cn.yaml'].map((f) => runOf(f, mode))).toStrictEqual(others);
    }
  });
});
