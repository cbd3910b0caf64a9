/**
 * Outlets-only runs (unit-ops/contract.ts outletsOnly): a recycle loop's first pass lets the units
 * that support it stop at their outlets. Their outlets, draws and recycled flows must be exactly a
 * full run's (the pass's tears are the next guess), and a loop done in its first pass is run again
 * in full (balances/solver.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { REGISTRY } from '../../src/unit-ops/registry.js';
import { outletsOnly, outletsOnlyRun, OUTLETS_ONLY_ENERGY, type UnitRun } from '../../src/unit-ops/contract.js';
import type { UnitKind } from '../../src/schema/kinds.js';
import { fixtureCases, streamFromFixture, makeLot, makeStream, type StreamFixture } from '../helpers.js';
import { flowsheetFrom, solveFlowsheet } from '../flowsheet-helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'unit-ops');
const LEAN_KINDS: UnitKind[] = ['relithiation-hydrothermal', 'relithiation-redox-mediated', 'washing', 'liquor-recovery'];

/** Outlets, draws and recycled flows as JSON: equal strings mean equal numbers and key orders. */
function flows(run: UnitRun): string {
  return JSON.stringify({ outlets: run.outlets, draws: run.draws, recycled: run.recycled });
}

describe('outlets-only runs', () => {
  for (const kind of LEAN_KINDS) {
    for (const c of fixtureCases(join(FIXTURES, kind))) {
      it(`${kind} ${c.name}: the same outlets, draws and recycled flows as a full run, no energy`, () => {
        const input = c.input as { params?: unknown; inlets: Record<string, StreamFixture> };
        const op = REGISTRY[kind];
        const params = (op.params as z.ZodType).parse(input.params ?? {});
        const inlets = () => {
          const ins = Object.fromEntries(Object.entries(input.inlets).map(([k, v]) => [k, streamFromFixture(v)]));
          for (const p of op.ports(params as never).inlets) ins[p.name] ??= streamFromFixture({});
          return ins;
        };
        const ctx = { unitId: c.name, ambientK: 298.15, describe: false };
        let lean: UnitRun | undefined;
        outletsOnlyRun(() => { lean = op.run(params as never, inlets(), ctx); });
        const full = op.run(params as never, inlets(), ctx);
        expect(flows(lean!)).toBe(flows(full));
        expect(lean!.energy).toBe(OUTLETS_ONLY_ENERGY);
        expect(full.metrics).toBeDefined();
      });
    }
  }

  it('is off outside the pass, also after a unit threw in it', () => {
    expect(outletsOnly()).toBe(false);
    expect(() => outletsOnlyRun(() => { expect(outletsOnly()).toBe(true); throw new Error('unit failed'); })).toThrow('unit failed');
    expect(outletsOnly()).toBe(false);
  });
});

describe('a recycle loop with outlets-only units', () => {
  const lots = [makeLot({ id: 'a', chemistry: 'NCM811', liPerTm: 0.9, massKgPerHour: 800 }), makeLot({ id: 'b', chemistry: 'NCM523', liPerTm: 0.95, massKgPerHour: 400 })];
  // The tear is the stream into the washer: the washer reads it, and stops at its outlets in the first pass.
  const loop = (back: number) => flowsheetFrom({
    id: 'wash-loop',
    units: [
      { id: 'mix', kind: 'mixer' },
      { id: 'wash', kind: 'washing' },
      { id: 'split', kind: 'splitter', params: { fractions: { back, out: 1 - back } } },
    ],
    streams: [
      { from: 'feed', to: 'mix' }, { id: 'charge', from: 'mix', to: 'wash', tear: true }, { from: 'wash.solids', to: 'product' },
      { from: 'wash.liquor', to: 'split' }, { id: 'recycle', from: 'split.back', to: 'mix' }, { from: 'split.out', to: 'waste' },
    ],
  });

  it('keeps full runs when the loop is done in its first pass (run again in full)', () => {
    const { solution } = solveFlowsheet(loop(0.5), makeStream({}));
    expect(solution.loops[0]!.iterations).toBe(1);
    const wash = solution.runs.get('wash')!;
    expect(wash.energy).not.toBe(OUTLETS_ONLY_ENERGY);
    expect(wash.metrics).toBeDefined();
    expect(outletsOnly()).toBe(false);
  });

  it('keeps full runs after more passes', () => {
    const { solution, balances } = solveFlowsheet(loop(0.5), makeStream({ H2O: 100, LiOH: 5 }, lots));
    expect(solution.loops[0]!.iterations).toBeGreaterThan(1);
    expect(solution.runs.get('wash')!.energy).not.toBe(OUTLETS_ONLY_ENERGY);
    expect(solution.runs.get('wash')!.metrics?.washRatio).toBeGreaterThan(0);
    expect(balances.worstClosure).toBeLessThanOrEqual(1e-9);
  });
});
