import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { kindInfos } from '../../src/cli/kinds.js';
import { relithiationSolidState as op } from '../../src/unit-ops/relithiation-solid-state.js';
import { makeLot, makeStream } from '../helpers.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import type { Lot } from '../../src/streams/lot.js';

const ctx = { unitId: 'relith', ambientK: 298.15 };
const lot = (o: Partial<Omit<Lot, 'chemistry'>> & { id: string; chemistry?: string }): Lot => makeLot({ ...o, chemistry: chemistryByName(o.chemistry ?? 'NCM523')! });
const parse = (p: Record<string, unknown> = {}) => op.params.parse(p);

const Li = 6.94, Ni = 58.6934, Co = 58.933194, Mn = 54.938043, O = 15.999, C = 12.011;
const M_NCM523 = (r: number) => r * Li + 0.5 * Ni + 0.2 * Co + 0.3 * Mn + 2 * O;
const M_Li2CO3 = 2 * Li + C + 3 * O;
const M_CO2 = C + 2 * O;

describe('relithiation-solid-state', () => {
  fixtureTests('relithiation-solid-state');

  it('gives every parameter a description and a source', () => {
    const info = kindInfos().find((i) => i.kind === 'relithiation-solid-state')!;
    for (const p of info.params) {
      expect(p.description, p.name).toBeTruthy();
      expect(p.source, p.name).toBeTruthy();
    }
  });

  it('doses and consumes Li2CO3 by hand stoichiometry: 0.1 Li deficit of NCM523, per kg CAM', () => {
    const p = parse({ excess: 0 });
    const feed = makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', massKgPerHour: 1000, liPerTm: 0.9 })]);
    const run = op.run(p, { feed }, ctx);
    const nTm = 1000 / M_NCM523(0.9);
    const li2co3PerKg = (nTm * 0.1 / 2 * M_Li2CO3) / 1000; // ≈ 0.03854 kg Li2CO3 per kg CAM
    expect(li2co3PerKg).toBeCloseTo(0.038541, 5);
    expect(run.draws.Li2CO3! / 1000).toBeCloseTo(li2co3PerKg, 9);
    expect(run.metrics!.Li2CO3_consumed_kg_per_kg_cam).toBeCloseTo(li2co3PerKg, 9);
    expect(run.outlets.product!.components.Li2CO3 ?? 0).toBe(0);
    // Li_r MO2 + (1−r)/2 Li2CO3 → LiMO2 + (1−r)/2 CO2 + (1−r)/4 O2
    expect(run.outlets.vent!.components.CO2).toBeCloseTo((nTm * 0.1) / 2 * M_CO2, 9);
    expect(run.outlets.vent!.components.O2).toBeCloseTo((nTm * 0.1) / 4 * 2 * O, 9);
    expect(run.outlets.product!.lots[0]!.liPerTm).toBeCloseTo(1, 12);
  });

  it('doses the Li1.05 excess for the batch average and leaves the excess above the lattice limit as residual Li2CO3', () => {
    const feed = makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', massKgPerHour: 1000, liPerTm: 0.9 })]);
    const run = op.run(parse({ rMax: 1.02 }), { feed }, ctx);
    const nTm = 1000 / M_NCM523(0.9);
    expect(run.draws.Li2CO3).toBeCloseTo((nTm * 0.15) / 2 * M_Li2CO3, 9);
    expect(run.outlets.product!.lots[0]!.liPerTm).toBeCloseTo(1.02, 12);
    expect(run.outlets.product!.components.Li2CO3).toBeCloseTo((nTm * 0.03) / 2 * M_Li2CO3, 9);
  });

  it('leaves the lot below the batch average under- and the one above over-lithiated (0.80 and 0.95)', () => {
    const feed = makeStream({}, [
      lot({ id: 'low', chemistry: 'NCM523', liPerTm: 0.8 }),
      lot({ id: 'high', chemistry: 'NCM523', liPerTm: 0.95 }),
    ]);
    // a short, cool calcination: k = 2·exp(−150 kJ/mol/R·(1/973.15 − 1/1073.15)) ≈ 0.36 /h for 1 h
    const run = op.run(parse({ temperature: '700 degC', duration: '1 h' }), { feed }, ctx);
    const [low, high] = run.outlets.product!.lots;
    expect(low!.id).toBe('low');
    expect(high!.id).toBe('high');
    expect(low!.liPerTm).toBeLessThan(1);
    expect(high!.liPerTm).toBeGreaterThan(1.05);
    // by hand: equal masses ≈ equal TM moles; dose d = 1.05 − 0.875 = 0.175 per TM; equalisation e = exp(−k·1 h)
    const k = 2 * Math.exp((-150e3 / 8.314462618) * (1 / 973.15 - 1 / 1073.15));
    const e = Math.exp(-k);
    const nLow = 100 / M_NCM523(0.8), nHigh = 100 / M_NCM523(0.95);
    const d = (nLow * (1.05 - 0.8) + nHigh * (1.05 - 0.95)) / (nLow + nHigh);
    const aStar = (nLow * (0.8 + d) + nHigh * (0.95 + d)) / (nLow + nHigh);
    expect(low!.liPerTm).toBeCloseTo(aStar + (0.8 + d - aStar) * e, 9);
    expect(high!.liPerTm).toBeCloseTo(Math.min(1.1, aStar + (0.95 + d - aStar) * e), 9);
    // lithium is conserved: lattice gain + residual salt = dose
    const residualLi = ((run.outlets.product!.components.Li2CO3 ?? 0) / M_Li2CO3) * 2;
    const gained = nLow * (low!.liPerTm - 0.8) + nHigh * (high!.liPerTm - 0.95);
    expect(gained + residualLi).toBeCloseTo(d * (nLow + nHigh), 12);
  });

  it('equalises fully at 800 °C for 3 h when both lots are fast', () => {
    const feed = makeStream({}, [
      lot({ id: 'low', chemistry: 'NCM523', liPerTm: 0.8 }),
      lot({ id: 'high', chemistry: 'NCM523', liPerTm: 0.95 }),
    ]);
    const run = op.run(parse(), { feed }, ctx);
    const [low, high] = run.outlets.product!.lots;
    expect(Math.abs(high!.liPerTm - low!.liPerTm)).toBeLessThan(0.001);
    expect(low!.liPerTm).toBeCloseTo(1.05, 2);
  });

  it('passes LMO unchanged and doses only for the treated lots', () => {
    const feed = makeStream({}, [lot({ id: 'lmo', chemistry: 'LMO', liPerTm: 0.45 }), lot({ id: 'a', liPerTm: 1.05 })]);
    const run = op.run(parse(), { feed }, ctx);
    expect(run.outlets.product!.lots[0]!).toMatchObject({ id: 'lmo', liPerTm: 0.45, massKgPerHour: 100 });
    expect(run.draws.Li2CO3 ?? 0).toBe(0);
  });

  it('never delivers less heat than the sensible minimum of CAM + Li2CO3', () => {
    const feed = makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', massKgPerHour: 1000, liPerTm: 0.9 })]);
    const run = op.run(parse(), { feed }, ctx);
    const li2co3 = run.draws.Li2CO3!;
    const cpLi2co3 = (35.6 * 4.184 * 1000) / M_Li2CO3; // HSC 35.6 cal/(mol·K)
    const sensible = ((1000 * 700 + li2co3 * cpLi2co3) * (800 - 25)) / 3.6e6;
    expect(run.energy.minimumHeatKw).toBeGreaterThan(sensible);
    const heating = run.energy.items.filter((i) => i.category !== 'motor').reduce((a, i) => a + i.kw, 0);
    expect(heating).toBeGreaterThan(sensible / 0.9);
    expect(run.energy.items.some((i) => i.name === 'powder mixer' && i.kw > 0)).toBe(true);
  });

  it('designs a continuous mixer + calciner line with the EverBatt calciner curve', () => {
    const p = parse();
    const inlets = { feed: makeStream({}, [lot({ id: 'a', massKgPerHour: 1000, liPerTm: 0.9 })]) };
    const run = op.run(p, inlets, ctx);
    const d = op.design(p, inlets, run, ctx);
    expect(d.mode).toBe('continuous');
    expect(d.residenceTimeH).toBeCloseTo((800 - 25) / 300 + 3 + (800 - 100) / 300, 12);
    expect(d.equipment.map((e) => e.name)).toEqual(['powder mixer', 'calciner']);
    expect(d.equipment[1]!.cost.exponent).toBe(0.512);
    expect(d.equipment[1]!.loadKgPerHour).toBeCloseTo(1000 + run.draws.Li2CO3!, 9);
  });
});
