import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { kindInfos } from '../../src/cli/kinds.js';
import { relithiationSolidState as op } from '../../src/unit-ops/relithiation-solid-state.js';
import { sintering } from '../../src/unit-ops/sintering.js';
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
    const p = parse({ excess: 0, liLossRate: 0 });
    const feed = makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', massKgPerHour: 1000, liPerTm: 0.9 })]);
    const run = op.run(p, { feed }, ctx);
    const nTm = 1000 / M_NCM523(0.9);
    const li2co3PerKg = (nTm * 0.1 / 2 * M_Li2CO3) / 1000; // ≈ 0.03854 kg Li2CO3 per kg CAM
    expect(li2co3PerKg).toBeCloseTo(0.038541, 5);
    expect(run.draws.Li2CO3! / 1000).toBeCloseTo(li2co3PerKg, 9);
    expect(run.metrics!.Li2CO3_consumed_kg_per_kg_cam).toBeCloseTo(li2co3PerKg, 9);
    expect(run.outlets.product!.components.Li2CO3 ?? 0).toBe(0);
    // Li_r MO2 + (1−r)/2 Li2CO3 → LiMO2 + (1−r)/2 CO2 + (1−r)/4 O2 (the O2 joins the O2 atmosphere gas)
    expect(run.outlets.vent!.components.CO2).toBeCloseTo((nTm * 0.1) / 2 * M_CO2, 9);
    const gas = 0.5 * (1000 + run.draws.Li2CO3!);
    expect(run.draws.O2).toBeCloseTo(gas, 9);
    expect(run.outlets.vent!.components.O2).toBeCloseTo(gas + (nTm * 0.1) / 4 * 2 * O, 9);
    expect(run.outlets.product!.lots[0]!.liPerTm).toBeCloseTo(1, 12);
  });

  it('puts a share of the Li1.05 excess into the lattice as far as it reorders and leaves the rest as residual Li2CO3', () => {
    const feed = makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', massKgPerHour: 1000, liPerTm: 0.9 })]);
    const run = op.run(parse({ liLossRate: 0 }), { feed }, ctx);
    const nTm = 1000 / M_NCM523(0.9);
    expect(run.draws.Li2CO3).toBeCloseTo((nTm * 0.15) / 2 * M_Li2CO3, 9);
    // ordering at 800 °C: k = 1 /h (SINTERING_RATE), 3 h; excess uptake 0.4 of the 0.05 excess
    const r = 1 + 0.4 * (1 - Math.exp(-3)) * 0.05;
    expect(run.outlets.product!.lots[0]!.liPerTm).toBeCloseTo(r, 12);
    expect(r).toBeLessThan(1.05 - 0.02); // headroom below the spec's upper limit
    expect(run.outlets.product!.components.Li2CO3).toBeCloseTo((nTm * (1.05 - r)) / 2 * M_Li2CO3, 9);
  });

  it('leaves the deep-deficit lot under- and the near-stoichiometric one over-lithiated (0.72 and 0.97), lithium conserved', () => {
    const feed = makeStream({}, [
      lot({ id: 'deep', chemistry: 'NCM523', liPerTm: 0.72 }),
      lot({ id: 'near', chemistry: 'NCM523', liPerTm: 0.97 }),
    ]);
    const run = op.run(parse({ liLossRate: 0 }), { feed }, ctx);
    const [deep, near] = run.outlets.product!.lots;
    expect(deep!.id).toBe('deep');
    // by hand: dose d = 1.05 − batch mean per TM; redistribution k = 0.13 /h at 800 °C over 3 h
    const nD = 100 / M_NCM523(0.72), nN = 100 / M_NCM523(0.97);
    const d = (nD * (1.05 - 0.72) + nN * (1.05 - 0.97)) / (nD + nN);
    const mean = (nD * (0.72 + d) + nN * (0.97 + d)) / (nD + nN);
    const e = Math.exp(-0.13 * 3);
    const aDeep = mean + (0.72 + d - mean) * e;
    const aNear = mean + (0.97 + d - mean) * e;
    expect(aDeep).toBeLessThan(0.97);
    expect(deep!.liPerTm).toBeCloseTo(aDeep, 12);
    expect(near!.liPerTm).toBeCloseTo(1 + 0.4 * (1 - Math.exp(-3)) * (aNear - 1), 12);
    expect(near!.liPerTm).toBeGreaterThan(1.02);
    // lithium is conserved: lattice gain + residual salt = dose
    const residualLi = ((run.outlets.product!.components.Li2CO3 ?? 0) / M_Li2CO3) * 2;
    const gained = nD * (deep!.liPerTm - 0.72) + nN * (near!.liPerTm - 0.97);
    expect(gained + residualLi).toBeCloseTo(d * (nD + nN), 12);
  });

  it('calcination reorders the lattice and heals rock salt exactly like sintering at the same temperature, time and atmosphere', () => {
    const spent = () => makeStream({}, [lot({ id: 'a', chemistry: 'NCM811', massKgPerHour: 100, liPerTm: 1.05, cationMixing: 0.1, surfaceRockSalt_nm: 8, crackFraction: 0.3 })]);
    const calcined = op.run(parse({ temperature: '800 degC', duration: '3 h', atmosphere: 'air' }), { feed: spent() }, ctx).outlets.product!.lots[0]!;
    const sp = sintering.params.parse({ peak: '800 degC', dwell: '3 h', atmosphere: 'air' });
    const sintered = sintering.run(sp, { feed: spent() }, ctx).outlets.product!.lots[0]!;
    expect(calcined.cationMixing).toBeCloseTo(sintered.cationMixing, 12);
    expect(calcined.surfaceRockSalt_nm).toBeCloseTo(sintered.surfaceRockSalt_nm, 12);
    expect(calcined.cationMixing).toBeLessThan(0.1);
    expect(calcined.surfaceRockSalt_nm).toBeLessThan(8);
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
    const heating = run.energy.items.filter((i) => i.category !== 'motor' && i.category !== 'loss').reduce((a, i) => a + i.kw, 0);
    expect(heating).toBeGreaterThan(sensible / 0.9);
    expect(run.energy.items.some((i) => i.name === 'powder mixer' && i.kw > 0)).toBe(true);
  });

  it('designs a continuous mixer + roller-hearth calcination kiln line (as the sintering kiln)', () => {
    const p = parse();
    const inlets = { feed: makeStream({}, [lot({ id: 'a', massKgPerHour: 1000, liPerTm: 0.9 })]) };
    const run = op.run(p, inlets, ctx);
    const d = op.design(p, inlets, run, ctx);
    expect(d.mode).toBe('continuous');
    expect(d.residenceTimeH).toBeCloseTo((800 - 25) / 300 + 3 + (800 - 100) / 180, 12);
    expect(d.equipment.map((e) => e.name)).toEqual(['powder mixer', 'calcination kiln']);
    expect(d.equipment[1]!.sizeUnit).toBe('t/yr');
    expect(d.equipment[1]!.loadKgPerHour).toBeCloseTo(1000 + run.draws.Li2CO3!, 9);
    expect(run.consumablesPerHour!.saggar).toBeCloseTo((1000 + run.draws.Li2CO3!) / 5 / 20, 9);
  });
});
