/**
 * Route chemistry, unit by unit (issue 11): each relithiation route repairs lots by its own mechanism.
 * - hydrothermal (and redox-mediated) never takes a lot past stoichiometric Li/TM (property);
 * - solid-state spreads Li/TM between a deep- and a near-stoichiometric lot more than hydrothermal;
 * - solid-state calcination and a hot eutectic lower cation mixing and rock salt, hydrothermal alone
 *   does not; a 300 °C eutectic barely does;
 * - electrochemical: the charge passed sets the Li inserted, the rest electrolyses water;
 * - every run closes mass and elements to 1e-9.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REGISTRY } from '../../src/unit-ops/registry.js';
import type { UnitKind } from '../../src/schema/kinds.js';
import { closureOf } from '../../src/balances/report.js';
import { makeLot, makeStream } from '../helpers.js';
import type { Lot } from '../../src/streams/lot.js';
import type { Stream } from '../../src/streams/stream.js';
import type { UnitRun } from '../../src/unit-ops/contract.js';

const ctx = { unitId: 'relith', ambientK: 298.15 };

/** Run a unit by kind with params as a user writes them; every inlet port gets at least an empty stream. */
function runKind(kind: UnitKind, params: Record<string, unknown>, feed: Stream): UnitRun {
  const op = REGISTRY[kind];
  const p = (op.params as { parse: (x: unknown) => unknown }).parse(params);
  const inlets: Record<string, Stream> = { feed };
  for (const port of op.ports(p as never).inlets) inlets[port.name] ??= makeStream();
  const run = op.run(p as never, inlets, ctx);
  const closure = closureOf(Object.values(inlets), [run.draws], Object.values(run.outlets));
  expect(closure.massClosure).toBeLessThanOrEqual(1e-9);
  for (const [el, v] of Object.entries(closure.elementClosure)) expect(v, `${kind} element ${el}`).toBeLessThanOrEqual(1e-9);
  return run;
}

const lotsOut = (run: UnitRun): Lot[] => (run.outlets.solids ?? run.outlets.product)!.lots;

/** The heterogeneous two-lot batch of the issue: a deep-deficit Ni-rich lot and a near-stoichiometric one. */
const twoLots = () => makeStream({}, [
  makeLot({ id: 'deep', chemistry: 'NCM811', massKgPerHour: 400, liPerTm: 0.72, cationMixing: 0.1, surfaceRockSalt_nm: 8, crackFraction: 0.3 }),
  makeLot({ id: 'near', chemistry: 'NCM523', massKgPerHour: 600, liPerTm: 0.97, cationMixing: 0.03, surfaceRockSalt_nm: 1, crackFraction: 0.05 }),
]);

describe('hydrothermal and redox-mediated relithiation are self-limiting at Li/TM 1', () => {
  it('never exceed Li/TM 1 (+1e-12) for any lot, temperature, time, hydroxide or rate (property)', () => {
    fc.assert(fc.property(
      fc.constantFrom('relithiation-hydrothermal', 'relithiation-redox-mediated'),
      fc.double({ min: 0.5, max: 1.02, noNaN: true }), fc.double({ min: 2, max: 30, noNaN: true }), fc.boolean(),
      fc.integer({ min: 100, max: 300 }), fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }),
      (kind, r0, d50, sc, tC, hours, k) => {
        const feed = makeStream({}, [makeLot({ id: 'a', chemistry: 'NCM622', massKgPerHour: 100, liPerTm: r0, d50_um: d50, morphology: sc ? 'single-crystal' : 'polycrystal' })]);
        const run = runKind(kind as UnitKind, { temperature: `${tC} degC`, duration: `${hours} h`, rateConstant: k }, feed);
        const r = lotsOut(run)[0]!.liPerTm;
        expect(r).toBeLessThanOrEqual(Math.max(1, r0) + 1e-12);
        expect(r).toBeGreaterThanOrEqual(r0 - 1e-12);
      },
    ), { numRuns: 60 });
  });

  it('refuse an equilibrium above stoichiometric (rEq ≤ 1)', () => {
    expect(REGISTRY['relithiation-hydrothermal'].params.safeParse({ rEq: 1.05 }).success).toBe(false);
  });
});

describe('heterogeneous batch: solid state spreads Li/TM, solution routes do not', () => {
  it('the deep and near lots end further apart through solid state than through hydrothermal', () => {
    const ht = lotsOut(runKind('relithiation-hydrothermal', {}, twoLots()));
    const ss = lotsOut(runKind('relithiation-solid-state', {}, twoLots()));
    const spread = (l: Lot[]) => Math.abs(l[1]!.liPerTm - l[0]!.liPerTm);
    expect(spread(ss)).toBeGreaterThan(5 * spread(ht));
    expect(ss[0]!.liPerTm).toBeLessThan(0.97); // deep lot under-lithiated
    expect(ss[1]!.liPerTm).toBeGreaterThan(1.02); // near lot over-lithiated
    for (const l of ht) expect(l.liPerTm).toBeGreaterThan(0.98);
  });

  it('a longer calcination redistributes more: the spread shrinks with time', () => {
    const spread = (h: number) => {
      const l = lotsOut(runKind('relithiation-solid-state', { duration: `${h} h` }, twoLots()));
      return l[1]!.liPerTm - l[0]!.liPerTm;
    };
    expect(spread(12)).toBeLessThan(spread(3));
  });
});

describe('lattice reconstruction by route', () => {
  const before = twoLots().lots;
  it('hydrothermal alone leaves cation mixing and rock salt as they were', () => {
    const out = lotsOut(runKind('relithiation-hydrothermal', {}, twoLots()));
    out.forEach((l, i) => {
      expect(l.cationMixing).toBe(before[i]!.cationMixing);
      expect(l.surfaceRockSalt_nm).toBe(before[i]!.surfaceRockSalt_nm);
    });
  });
  it('solid-state calcination and a 600 °C eutectic lower both; a 300 °C eutectic barely', () => {
    const ss = lotsOut(runKind('relithiation-solid-state', {}, twoLots()));
    const hot = lotsOut(runKind('relithiation-molten-salt', { salt: 'LiNO3-LiOH-Li2CO3', temperature: '600 degC' }, twoLots()));
    const cold = lotsOut(runKind('relithiation-molten-salt', { temperature: '300 degC' }, twoLots()));
    for (const out of [ss, hot]) out.forEach((l, i) => {
      expect(l.cationMixing).toBeLessThan(before[i]!.cationMixing);
      expect(l.surfaceRockSalt_nm).toBeLessThan(0.5 * before[i]!.surfaceRockSalt_nm);
    });
    cold.forEach((l, i) => {
      expect(l.cationMixing).toBeGreaterThan(0.9 * before[i]!.cationMixing);
      expect(l.surfaceRockSalt_nm).toBeGreaterThan(0.9 * before[i]!.surfaceRockSalt_nm);
    });
    // the flux regrows grains: intergranular cracks close at 600 °C, not at 300 °C
    expect(hot[0]!.crackFraction).toBeLessThan(0.25 * before[0]!.crackFraction);
    expect(cold[0]!.crackFraction).toBeGreaterThan(0.9 * before[0]!.crackFraction);
  });
});

describe('electrochemical: the charge passed sets the Li inserted', () => {
  it('undercharged by 30 %, the Faradaic charge is all inserted and the deep, slow lot is left furthest short', () => {
    const run = runKind('relithiation-electrochemical', { overcharge: -0.3, faradaicEfficiency: 0.9 }, twoLots());
    const [deep, near] = lotsOut(run);
    const filled = (l: Lot, r0: number) => (l.liPerTm - r0) / (1 - r0);
    expect(filled(deep!, 0.72)).toBeLessThan(0.7);
    expect(filled(near!, 0.97)).toBeGreaterThan(0.9);
    // Q·FE all goes into the lattice when no lot is full at the end: Li inserted = 0.9·Q; water takes the rest
    const q = run.metrics!.charge_Ah_per_h! * 3600 / 96485.33212 / 1000; // kmol e⁻/h
    expect(run.metrics!.lithiumInserted_kmol_per_h).toBeCloseTo(0.9 * q, 9);
    const h2 = (run.outlets.vent!.components.H2 ?? 0) / 2.016;
    expect(h2).toBeCloseTo((q - run.metrics!.lithiumInserted_kmol_per_h!) / 2, 6);
  });
  it('more charge, more Li, never past the target', () => {
    const r = (o: number) => lotsOut(runKind('relithiation-electrochemical', { overcharge: o }, twoLots()))[0]!.liPerTm;
    expect(r(-0.3)).toBeLessThan(r(-0.1));
    expect(r(-0.1)).toBeLessThanOrEqual(r(0.5));
    expect(r(0.5)).toBeLessThanOrEqual(1 + 1e-12);
  });
});
