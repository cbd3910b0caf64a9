import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { kindInfos } from '../../src/cli/kinds.js';
import { relithiationMoltenSalt as op, SALT_SYSTEMS } from '../../src/unit-ops/relithiation-molten-salt.js';
import { makeLot, makeStream } from '../helpers.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import type { Lot } from '../../src/streams/lot.js';

const ctx = { unitId: 'relith', ambientK: 298.15 };
const lot = (o: Partial<Omit<Lot, 'chemistry'>> & { id: string; chemistry?: string }): Lot => makeLot({ ...o, chemistry: chemistryByName(o.chemistry ?? 'NCM523')! });
const parse = (p: Record<string, unknown> = {}) => op.params.parse(p);

const Li = 6.94, Ni = 58.6934, Co = 58.933194, Mn = 54.938043, O = 15.999, H = 1.008, N = 14.007;
const M_NCM523 = (r: number) => r * Li + 0.5 * Ni + 0.2 * Co + 0.3 * Mn + 2 * O;
const M_LiOH = Li + O + H;
const M_LiNO3 = Li + N + 3 * O;

describe('relithiation-molten-salt', () => {
  fixtureTests('relithiation-molten-salt');

  it('gives every parameter a description and a source', () => {
    const info = kindInfos().find((i) => i.kind === 'relithiation-molten-salt')!;
    for (const p of info.params) {
      expect(p.description, p.name).toBeTruthy();
      expect(p.source, p.name).toBeTruthy();
    }
  });

  it('refuses a temperature below the salt melting point with the catalogue message', () => {
    const r = op.params.safeParse({ salt: 'LiOH-LiNO3', temperature: '150 degC' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['temperature']);
    expect(r.error!.issues[0]!.message).toBe('temperature is below the melting point of LiOH-LiNO3 (150 degC < 183 degC); raise it above the melting point');
    expect(op.params.safeParse({ salt: 'LiOH-Na2SO4', temperature: '400 degC' }).error!.issues[0]!.message).toBe(
      'temperature is below the melting point of LiOH-Na2SO4 (400 degC < 420 degC); raise it above the melting point',
    );
    expect(op.params.safeParse({ salt: 'LiOH-LiNO3', temperature: '190 degC' }).success).toBe(true);
  });

  it('consumes LiOH by hand stoichiometry for a 0.1 Li deficit when r_eq is held at 1', () => {
    const p = parse({ salt: 'LiOH-LiNO3', overLithiationSlope: 0, duration: '200 h' });
    const feed = makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', massKgPerHour: 1000, liPerTm: 0.9 })]);
    const run = op.run(p, { feed, recycle: makeStream() }, ctx);
    const nTm = 1000 / M_NCM523(0.9);
    expect(run.metrics!.LiOH_consumed_kg_per_kg_cam).toBeCloseTo((nTm * 0.1 * M_LiOH) / 1000, 9);
    expect(run.outlets.solids!.lots[0]!.liPerTm).toBeCloseTo(1, 12);
    // salt charge 1 kg/kg: 0.38 LiOH + 0.62 LiNO3 by moles
    const mBar = 0.38 * M_LiOH + 0.62 * M_LiNO3;
    expect(run.outlets.solids!.components.LiNO3).toBeCloseTo((1000 / mBar) * 0.62 * M_LiNO3, 6);
    // water of reaction and of the LiOH·H2O make-up leaves as vapour
    const hydrateWater = (((1000 / mBar) * 0.38 * M_LiOH) / M_LiOH) * (2 * H + O);
    expect(run.outlets.vent!.components['H2O(g)']).toBeCloseTo(hydrateWater + (nTm * 0.1 * (2 * H + O)) / 2, 6);
  });

  it('brings Li in along the grain boundaries: D50 matters little, single crystals lag', () => {
    const feed = makeStream({}, [
      lot({ id: 'fine', chemistry: 'NCM523', liPerTm: 0.8, d50_um: 5 }),
      lot({ id: 'coarse', chemistry: 'NCM523', liPerTm: 0.8, d50_um: 25 }),
      lot({ id: 'sc', chemistry: 'Ni90', liPerTm: 0.8, d50_um: 20, morphology: 'single-crystal' }),
    ]);
    const run = op.run(parse({ duration: '1 h' }), { feed, recycle: makeStream() }, ctx);
    const [fine, coarse, sc] = run.outlets.solids!.lots;
    // k = 3 /h at 300 °C × (10/d50)^0.5 × (1 + 0.25·cracks) × single-crystal 0.25 × e^(−3·(x_Ni − 0.6))
    const rEq = (p: number) => 1 + 0.04 * (run.metrics!.saltLiPerTm_mol_per_mol! - 1) * p;
    expect(fine!.liPerTm).toBeGreaterThan(0.99);
    expect(coarse!.liPerTm).toBeGreaterThan(0.97); // a 25 µm lot is repaired too: the melt reaches the grains
    const kSc = 3 * Math.sqrt(10 / 20) * 0.25 * Math.exp(-3 * 0.3);
    expect(sc!.liPerTm).toBeLessThan(0.95);
    expect(sc!.liPerTm).toBeGreaterThan(0.8 + (rEq(0) - 0.8) * (1 - Math.exp(-kSc * 1)) - 1e-3);
  });

  it('reconstructs the lattice in the same step only when hot: 600 °C lowers mixing, rock salt and cracks; 300 °C barely', () => {
    const spent = () => makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', liPerTm: 0.86, cationMixing: 0.05, surfaceRockSalt_nm: 6, crackFraction: 0.2 })]);
    const cold = op.run(parse(), { feed: spent(), recycle: makeStream() }, ctx).outlets.solids!.lots[0]!;
    const hot = op.run(parse({ salt: 'LiNO3-LiOH-Li2CO3', temperature: '600 degC' }), { feed: spent(), recycle: makeStream() }, ctx).outlets.solids!.lots[0]!;
    // melt ordering k = 0.75 /h at 600 °C, Ea 60 kJ/mol; lot factor (1 + 0.25·0.2)
    const k = (tK: number) => 0.75 * Math.exp((-60e3 / 8.314462618) * (1 / tK - 1 / 873.15)) * 1.05;
    const done = (tK: number) => 1 - Math.exp(-k(tK) * 4);
    expect(done(573.15)).toBeLessThan(0.05);
    expect(done(873.15)).toBeGreaterThan(0.95);
    expect(cold.cationMixing).toBeCloseTo(0.02 + 0.03 * (1 - done(573.15)), 9);
    expect(hot.cationMixing).toBeCloseTo(0.02 + 0.03 * (1 - done(873.15)), 9);
    expect(hot.surfaceRockSalt_nm).toBeCloseTo(6 * Math.exp(-k(873.15) * 4), 9); // nitrate melt heals as O2, healRatio 1
    expect(hot.crackFraction).toBeCloseTo(0.2 * (1 - done(873.15)), 9);
    expect(cold.surfaceRockSalt_nm).toBeGreaterThan(5.7);
    expect(cold.crackFraction).toBeGreaterThan(0.19);
  });

  it('over-lithiates with the salt ratio and the temperature, not at 300 °C', () => {
    const feed = () => makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', liPerTm: 0.85 })]);
    const at = (o: Record<string, unknown>) => op.run(parse({ salt: 'LiNO3-LiOH-Li2CO3', ...o }), { feed: feed(), recycle: makeStream() }, ctx);
    const cold = at({ temperature: '300 degC' });
    const lean = at({ temperature: '600 degC', saltRatio: 1 });
    const rich = at({ temperature: '600 degC', saltRatio: 3 });
    expect(cold.metrics!.rEq).toBeLessThan(1.003);
    expect(lean.metrics!.rEq).toBeGreaterThan(1.02);
    expect(rich.metrics!.rEq).toBeGreaterThan(lean.metrics!.rEq!);
    expect(rich.outlets.solids!.lots[0]!.liPerTm).toBeGreaterThan(lean.outlets.solids!.lots[0]!.liPerTm);
    // r_eq = 1 + slope·(L − 1)·progress
    const L = lean.metrics!.saltLiPerTm_mol_per_mol!;
    const progress = 1 - Math.exp(-0.75 * 4);
    expect(lean.metrics!.rEq).toBeCloseTo(1 + 0.04 * (L - 1) * progress, 12);
  });

  it('uses recovered salt first and draws only the make-up', () => {
    const feed = makeStream({}, [lot({ id: 'a', massKgPerHour: 500, liPerTm: 0.9 })]);
    const recycle = makeStream({ LiOH: 50, LiNO3: 200 });
    const run = op.run(parse({ salt: 'LiOH-LiNO3' }), { feed, recycle }, ctx);
    expect(run.recycled).toEqual({ LiOH: 50, LiNO3: 200 });
    const mBar = 0.38 * M_LiOH + 0.62 * M_LiNO3;
    const liohDemand = (500 / mBar) * 0.38 * M_LiOH;
    expect(run.draws.LiNO3).toBeCloseTo((500 / mBar) * 0.62 * M_LiNO3 - 200, 6);
    expect(run.draws['LiOH·H2O']).toBeCloseTo(((liohDemand - 50) / M_LiOH) * (M_LiOH + 2 * H + O), 6);
  });

  it('delivers at least the sensible heat of CAM + salt plus the heat of fusion', () => {
    const p = parse({ salt: 'LiOH-LiNO3', liohMakeUp: 'LiOH' });
    const run = op.run(p, { feed: makeStream({}, [lot({ id: 'a', massKgPerHour: 1000, liPerTm: 0.9 })]), recycle: makeStream() }, ctx);
    const mBar = 0.38 * M_LiOH + 0.62 * M_LiNO3;
    const kmol = 1000 / mBar;
    const cpSalt = 0.38 * 49.7 + 0.62 * 64.0; // J/(mol·K)
    const sensible = ((1000 * 700 + kmol * 1000 * cpSalt) * (300 - 25)) / 3.6e6;
    const fusion = (kmol * (0.38 * 20.9 + 0.62 * 25.5) * 1000) / 3600;
    expect(run.energy.minimumHeatKw).toBeGreaterThan(sensible + fusion);
    expect(run.energy.electricityKw).toBeGreaterThan((sensible + fusion) / 0.85);
  });

  it('builds the cycle as load + ramp + dwell + cool + unload and prices a Ni-alloy reactor', () => {
    const p = parse();
    const inlets = { feed: makeStream({}, [lot({ id: 'a', massKgPerHour: 300 })]), recycle: makeStream() };
    const run = op.run(p, inlets, ctx);
    const d = op.design(p, inlets, run, ctx);
    const expected = 0.5 + (300 - 25) / 180 + 4 + (300 - 100) / 120 + 1;
    expect(d.residenceTimeH).toBeCloseTo(expected, 12);
    expect(d.equipment[0]!.cost.materialFactor).toBe(7.1);
  });

  it('lists melting points above 0 °C and mole fractions summing to 1 for every salt system', () => {
    for (const [name, s] of Object.entries(SALT_SYSTEMS)) {
      expect(Object.values(s.x).reduce((a, b) => a + b, 0), name).toBeCloseTo(1, 12);
      expect(s.meltingPointK).toBeGreaterThan(273.15);
    }
  });
});
