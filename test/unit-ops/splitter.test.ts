import { describe, expect, it } from 'vitest';
import { splitter } from '../../src/unit-ops/splitter.js';
import { closureOf } from '../../src/balances/report.js';
import { makeLot, makeStream } from '../helpers.js';

const ctx = { unitId: 'split', ambientK: 298.15 };

describe('splitter, lot by lot (issue 15: parallel lines)', () => {
  const inlet = makeStream({ 'carbon-black': 30, PVDF: 20, Al: 50 }, [
    makeLot({ id: 'ev-523#1', origin: ['ev-523'], massKgPerHour: 100 }),
    makeLot({ id: 'ev-523#2', origin: ['ev-523'], massKgPerHour: 100, liPerTm: 0.8 }),
    makeLot({ id: 'ev-811', chemistry: 'NCM811', massKgPerHour: 300 }),
    makeLot({ id: 'lfp-stray', chemistry: 'LFP', massKgPerHour: 500 }),
  ]);
  const params = splitter.params.parse({ fractions: { a: 0.5, b: 0.5 }, lotFractions: { 'ev-523': { a: 0.25, b: 0.75 }, 'ev-811': { b: 1 } } });

  it('splits each feed lot by its own shares (sub-lots by their origin), others by fractions', () => {
    const run = splitter.run(params, { in: inlet }, ctx);
    const a = run.outlets.a!;
    const b = run.outlets.b!;
    expect(a.lots.map((l) => [l.id, l.massKgPerHour])).toEqual([['ev-523#1', 25], ['ev-523#2', 25], ['lfp-stray', 250]]);
    expect(b.lots.map((l) => [l.id, l.massKgPerHour])).toEqual([['ev-523#1', 75], ['ev-523#2', 75], ['ev-811', 300], ['lfp-stray', 250]]);
    // Components follow the lot mass: a gets 300 of 1000 kg/h of lots.
    expect(a.components['carbon-black']).toBeCloseTo(9, 12);
    expect(b.components.Al).toBeCloseTo(35, 12);
  });

  it('closes mass and every element exactly', () => {
    const run = splitter.run(params, { in: inlet }, ctx);
    const c = closureOf([inlet], [run.draws], Object.values(run.outlets));
    expect(c.massClosure).toBeLessThanOrEqual(1e-15);
    expect(Object.keys(c.elementClosure).length).toBeGreaterThan(5);
    for (const v of Object.values(c.elementClosure)) expect(v).toBeLessThanOrEqual(1e-15);
  });

  it('sends nothing of a lot to an outlet without a share, and everything when one outlet takes all', () => {
    const all = splitter.params.parse({ fractions: { a: 1, b: 0 }, lotFractions: { 'ev-523': { b: 1 }, 'ev-811': { b: 1 }, 'lfp-stray': { b: 1 } } });
    const run = splitter.run(all, { in: inlet }, ctx);
    expect(run.outlets.a!.lots).toEqual([]);
    expect(run.outlets.a!.components).toEqual({});
    expect(run.outlets.b!.lots.reduce((s, l) => s + l.massKgPerHour, 0)).toBe(1000);
    expect(run.outlets.b!.components).toEqual(inlet.components);
  });

  it('refuses shares that do not sum to 1 and unknown outlets, with catalogue messages', () => {
    const r = splitter.params.safeParse({ fractions: { a: 0.5, b: 0.5 }, lotFractions: { x: { a: 0.5, b: 0.4 }, y: { c: 1 } } });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('the shares of lot "x" sum to 0.9; they must sum to 1 (± 1e-9)');
    expect(messages).toContain('lot "y" is sent to "c", which is not an outlet of this splitter; the outlets are the keys of fractions: a, b');
  });
});
