import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flowsheetFrom, solveFlowsheet } from '../flowsheet-helpers.js';
import { makeLot, makeStream } from '../helpers.js';
import { RegenflowError } from '../../src/schema/errors.js';
import { streamMass } from '../../src/streams/stream.js';
import { CHEMISTRIES } from '../../src/chemistry/cathode.js';

describe('recycle convergence', () => {
  it('converges to the analytical recycle flow R = a·F/(1 − a)', () => {
    const a = 0.8;
    const fs = flowsheetFrom({
      id: 'loop',
      units: [
        { id: 'mix', kind: 'mixer' },
        { id: 'split', kind: 'splitter', params: { fractions: { back: a, out: 1 - a } } },
      ],
      streams: [
        { from: 'feed', to: 'mix' }, { from: 'mix', to: 'split' },
        { id: 'recycle', from: 'split.back', to: 'mix' }, { from: 'split.out', to: 'product' },
      ],
    });
    const F = 1000;
    const { solution, balances } = solveFlowsheet(fs, makeStream({ H2O: F }, [makeLot({ id: 'x', massKgPerHour: 500 })]));
    const recycle = solution.streams.get('recycle')!;
    expect(recycle.components.H2O).toBeCloseTo((a * F) / (1 - a), 6);
    expect(recycle.lots[0]!.massKgPerHour).toBeCloseTo((a * 500) / (1 - a), 6);
    expect(solution.loops[0]!.converged).toBe(true);
    expect(solution.loops[0]!.iterations).toBeLessThan(20);
    expect(balances.worstClosure).toBeLessThanOrEqual(1e-9);
  });

  it('a loop with no exit does not converge: a model failure naming loop, tears, iterations, residual', () => {
    const fs = flowsheetFrom({
      id: 'trap',
      units: [
        { id: 'mix', kind: 'mixer' },
        { id: 'sep', kind: 'separator', params: { outlets: ['back', 'out'], split: { H2O: { back: 1 } } } },
      ],
      streams: [
        { from: 'feed', to: 'mix' }, { from: 'mix', to: 'sep' },
        { from: 'sep.back', to: 'mix' }, { from: 'sep.out', to: 'product' },
      ],
      solver: { maxIterations: 25 },
    });
    let error: unknown;
    try {
      solveFlowsheet(fs, makeStream({ H2O: 100, Al: 1 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegenflowError);
    const e = error as RegenflowError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^recycle loop through mix, sep did not converge \(tear streams mix->sep; 25 iterations; residual \d\.\d\de[-+]\d+ > tolerance 1e-10\); check split fractions and recoveries in the loop \(a purge is needed when nothing leaves it\), or raise solver\.maxIterations$/);
  });
});

/**
 * Random flowsheet: a mixer then a chain of splitters/separators/reactors with random recycles.
 * Split fractions up to 0.6 per unit let a six-unit chain recycle up to ≈250 times its feed —
 * far beyond real plants — while keeping the closure target meaningful in double precision
 * (closure ≈ convergence residual × recycle ratio).
 */
const REACTIONS = [
  { equation: 'PVDF + 2 O2 -> 2 CO2 + 2 HF', conversion: 0.9 },
  { equation: 'carbon-black + O2 -> CO2', conversion: 0.7 },
  { equation: '2 LiOH + CO2 -> Li2CO3 + H2O', key: 'CO2', conversion: 0.5 },
];

const unitArb = fc.oneof(
  fc.record({ kind: fc.constant('splitter'), f: fc.double({ min: 0.05, max: 0.6, noNaN: true }) }),
  fc.record({ kind: fc.constant('separator'), f: fc.double({ min: 0.05, max: 0.6, noNaN: true }), g: fc.double({ min: 0, max: 0.6, noNaN: true }) }),
  fc.record({ kind: fc.constant('reactor'), r: fc.integer({ min: 0, max: 2 }) }),
);

const flowsheetArb = fc.record({
  chain: fc.array(fc.record({ unit: unitArb, recycle: fc.boolean(), sink: fc.constantFrom('product', 'waste', 'byproduct') }), { minLength: 1, maxLength: 6 }),
  comps: fc.record({ PVDF: fc.double({ min: 0, max: 50, noNaN: true }), 'carbon-black': fc.double({ min: 0, max: 50, noNaN: true }), LiOH: fc.double({ min: 0, max: 50, noNaN: true }), H2O: fc.double({ min: 0, max: 500, noNaN: true }), Al: fc.double({ min: 0.1, max: 50, noNaN: true }) }),
  lots: fc.array(fc.record({ chem: fc.constantFrom('NCM523', 'NCM811', 'LFP', 'LCO', 'NCA'), mass: fc.double({ min: 1, max: 1000, noNaN: true }), r: fc.double({ min: 0.7, max: 1.05, noNaN: true }) }), { minLength: 0, maxLength: 20 }),
});

type RandomSpec = typeof flowsheetArb extends fc.Arbitrary<infer T> ? T : never;

function buildRandom(spec: RandomSpec) {
  const units: unknown[] = [{ id: 'm0', kind: 'mixer' }];
  const streams: unknown[] = [{ from: 'feed', to: 'm0' }];
  let prev = 'm0';
  spec.chain.forEach((c, i) => {
    const id = `u${i}`;
    const u = c.unit;
    if (u.kind === 'reactor') {
      units.push({ id, kind: 'reactor', params: { reactions: [REACTIONS[u.r!]], supply: ['O2'] } });
      streams.push({ from: prev, to: id });
      prev = id;
      return;
    }
    if (u.kind === 'splitter') units.push({ id, kind: 'splitter', params: { fractions: { a: 1 - u.f!, b: u.f! } } });
    else units.push({ id, kind: 'separator', params: { outlets: ['a', 'b'], rest: 'a', split: { H2O: { b: u.f! }, Al: { b: u.g! }, CO2: { b: 0.5 } }, lots: { b: u.f! } } });
    streams.push({ from: prev, to: id });
    streams.push({ from: `${id}.b`, to: c.recycle ? 'm0' : c.sink });
    prev = `${id}.a`;
  });
  streams.push({ from: prev, to: 'product' });
  return { id: 'random', units, streams };
}

describe('property: random flowsheets close mass and every element', () => {
  it('to 1e-9 per unit and plant-wide, recycle loops included', () => {
    fc.assert(
      fc.property(flowsheetArb, (spec) => {
        const fs = flowsheetFrom(buildRandom(spec));
        const feed = makeStream(spec.comps, spec.lots.map((l, i) => makeLot({ id: `lot${i}`, chemistry: CHEMISTRIES[l.chem]!, massKgPerHour: l.mass, liPerTm: l.r })));
        const { solution, balances } = solveFlowsheet(fs, feed);
        expect(balances.worstClosure).toBeLessThanOrEqual(1e-9);
        for (const loop of solution.loops) expect(loop.converged).toBe(true);
        expect(balances.plant.massOutKgPerHour).toBeGreaterThan(0);
        expect(streamMass(feed)).toBeGreaterThan(0);
      }),
      { numRuns: Number(process.env.REGENFLOW_PROPERTY_RUNS ?? 300), seed: Number(process.env.REGENFLOW_PROPERTY_SEED ?? 20261128) },
    );
  });
});
