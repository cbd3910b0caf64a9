/**
 * In/out fixture harness for unit operations (Turf.js style). Each case in
 * test/fixtures/unit-ops/<kind>/<case>.in.yaml gives `params` (as a user writes them) and `inlets`
 * (port → stream); the harness runs the unit, checks element and mass closure (≤ 1e-9) and that
 * delivered heat is never below the physical minimum, then compares run + design with
 * <case>.out.json after rounding to 9 significant digits. REGENFLOW_UPDATE_FIXTURES=1 rewrites the
 * .out.json files instead.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REGISTRY } from '../../src/unit-ops/registry.js';
import type { UnitKind } from '../../src/schema/kinds.js';
import { closureOf } from '../../src/balances/report.js';
import { fixtureCases, rounded, streamFromFixture, writeFixture, UPDATE_FIXTURES, type StreamFixture } from '../helpers.js';
import type { z } from 'zod';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'unit-ops');

/** Declare one vitest case per fixture of `kind`; fails when a kind has no fixture at all. */
export function fixtureTests(kind: UnitKind): void {
  const cases = fixtureCases(join(FIXTURES, kind));
  it(`${kind} has fixtures`, () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const c of cases) {
    it(`${kind} fixture ${c.name}`, () => {
      const input = c.input as { params?: unknown; inlets: Record<string, StreamFixture> };
      const op = REGISTRY[kind];
      const params = (op.params as z.ZodType).parse(input.params ?? {});
      const inlets = Object.fromEntries(Object.entries(input.inlets).map(([k, v]) => [k, streamFromFixture(v)]));
      for (const p of op.ports(params as never).inlets) inlets[p.name] ??= streamFromFixture({});
      const ctx = { unitId: c.name, ambientK: 298.15 };
      const run = op.run(params as never, inlets, ctx);
      const design = op.design(params as never, inlets, run, ctx);
      const closure = closureOf(Object.values(inlets), [run.draws], Object.values(run.outlets));
      expect(closure.massClosure).toBeLessThanOrEqual(1e-9);
      for (const [el, v] of Object.entries(closure.elementClosure)) expect(v, `element ${el}`).toBeLessThanOrEqual(1e-9);
      const heat = Object.values(run.energy.heatKw).reduce((a, b) => a + (b ?? 0), 0);
      const heatingElectric = run.energy.items.filter((i) => i.utility === 'electricity' && (i.category === 'sensible' || i.category === 'latent' || i.category === 'reaction')).reduce((a, i) => a + i.kw, 0);
      expect(heat + heatingElectric).toBeGreaterThanOrEqual(run.energy.minimumHeatKw * (1 - 1e-12));
      const actual = rounded({ outlets: run.outlets, draws: run.draws, recycled: run.recycled, energy: run.energy, diagnostics: run.diagnostics, design });
      if (UPDATE_FIXTURES || c.expected === undefined) {
        writeFixture(c.outFile, actual);
        if (!UPDATE_FIXTURES) throw new Error(`fixture ${c.outFile} was missing and has been written; review it and run again`);
      } else {
        expect(actual).toEqual(c.expected);
      }
    });
  }
}
