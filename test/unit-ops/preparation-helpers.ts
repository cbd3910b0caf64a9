/**
 * Helpers of the preparation unit-operation tests (sorting, delamination, liquor recovery): parse
 * params with a kind's schema, run it on a stream, check closure, read load-error messages.
 */
import { expect } from 'vitest';
import type { z } from 'zod';
import { REGISTRY } from '../../src/unit-ops/registry.js';
import type { UnitKind } from '../../src/schema/kinds.js';
import type { UnitRun } from '../../src/unit-ops/contract.js';
import { closureOf } from '../../src/balances/report.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import type { Lot } from '../../src/streams/lot.js';
import type { Stream } from '../../src/streams/stream.js';
import { makeLot, makeStream } from '../helpers.js';

/** A lot of a named chemistry (helpers.makeLot with the chemistry resolved). */
export function lot(id: string, chemistry: string, massKgPerHour: number, more: Partial<Lot> = {}): Lot {
  return makeLot({ id, massKgPerHour, ...more, chemistry: chemistryByName(chemistry)! });
}

/** Parse params of `kind` (throws on invalid). */
export function parse(kind: UnitKind, params: unknown): any {
  return (REGISTRY[kind].params as z.ZodType).parse(params);
}

/** The issue messages of invalid params of `kind` (empty when valid). */
export function issues(kind: UnitKind, params: unknown): string[] {
  const r = (REGISTRY[kind].params as z.ZodType).safeParse(params);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

/** Run `kind` with `params` on inlets, asserting mass and element closure ≤ 1e-9. */
export function runUnit(kind: UnitKind, params: unknown, inlets: Record<string, Stream>, ambientK = 298.15): { run: UnitRun; p: any } {
  const p = parse(kind, params);
  const op = REGISTRY[kind];
  const ctx = { unitId: 'u', ambientK };
  const run = op.run(p as never, inlets, ctx);
  const c = closureOf(Object.values(inlets), [run.draws], Object.values(run.outlets));
  expect(c.massClosure).toBeLessThanOrEqual(1e-9);
  for (const [el, v] of Object.entries(c.elementClosure)) expect(v, `element ${el}`).toBeLessThanOrEqual(1e-9);
  return { run, p };
}

/** Design of `kind` for a run. */
export function designUnit(kind: UnitKind, p: unknown, inlets: Record<string, Stream>, run: UnitRun) {
  return REGISTRY[kind].design(p as never, inlets, run, { unitId: 'u', ambientK: 298.15 });
}

/** Total delivered heat (fuel/steam plus electric heating items), kW. */
export function deliveredHeatKw(run: UnitRun): number {
  const heat = Object.values(run.energy.heatKw).reduce((a, b) => a + (b ?? 0), 0);
  const electricHeating = run.energy.items.filter((i) => i.utility === 'electricity' && (i.category === 'sensible' || i.category === 'latent' || i.category === 'reaction')).reduce((a, i) => a + i.kw, 0);
  return heat + electricHeating;
}

/** kW of the energy item named `name`. */
export function item(run: UnitRun, name: string): number {
  const it = run.energy.items.find((i) => i.name === name);
  if (!it) throw new Error(`no energy item "${name}" (items: ${run.energy.items.map((i) => i.name).join('; ')})`);
  return it.kw;
}

export { makeStream };
