/**
 * Helpers of the finishing unit-operation tests: run a unit with user-style params, read load
 * errors, compare numbers with a relative tolerance, check closure.
 */
import { expect } from 'vitest';
import type { z } from 'zod';
import type { UnitOp, UnitRun, UnitDesign } from '../../src/unit-ops/contract.js';
import type { Stream } from '../../src/streams/stream.js';
import { closureOf } from '../../src/balances/report.js';

export const CTX = { unitId: 'test', ambientK: 298.15 };

/** Parse `params` as a user writes them and run the unit on `feed` (port name `port`). */
export function runOp(op: UnitOp, params: unknown, feed: Stream, port = 'feed'): { run: UnitRun; design: UnitDesign; params: unknown } {
  const p = (op.params as z.ZodType).parse(params);
  const inlets = { [port]: feed };
  const run = op.run(p as never, inlets, CTX);
  const design = op.design(p as never, inlets, run, CTX);
  return { run, design, params: p };
}

/** The issue messages a params object produces (empty when it loads). */
export function loadErrors(op: UnitOp, params: unknown): string[] {
  const r = (op.params as z.ZodType).safeParse(params);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

/** |a − b| ≤ rel·|b| (or ≤ rel when b = 0). */
export function expectClose(actual: number, expected: number, rel = 1e-9): void {
  const tol = expected === 0 ? rel : rel * Math.abs(expected);
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** Mass and every element close to 1e-9 for a run on `feed`. */
export function expectClosed(feed: Stream, run: UnitRun): void {
  const c = closureOf([feed], [run.draws], Object.values(run.outlets));
  expect(c.massClosure).toBeLessThanOrEqual(1e-9);
  for (const [el, v] of Object.entries(c.elementClosure)) expect(v, el).toBeLessThanOrEqual(1e-9);
}

/** Delivered heat (fuel, steam and electric heating) of a run, kW. */
export function deliveredHeatKw(run: UnitRun): number {
  let h = 0;
  for (const v of Object.values(run.energy.heatKw)) h += v ?? 0;
  for (const i of run.energy.items) if (i.utility === 'electricity' && (i.category === 'sensible' || i.category === 'latent' || i.category === 'reaction')) h += i.kw;
  return h;
}
