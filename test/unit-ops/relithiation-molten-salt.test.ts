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

  it('overshoots Li/TM 1 with fast lots while slow lots lag (r_eq rises with the Li excess)', () => {
    const feed = makeStream({}, [
      lot({ id: 'fine', chemistry: 'NCM523', liPerTm: 0.85, d50_um: 5 }),
      lot({ id: 'slow', chemistry: 'Ni90', liPerTm: 0.85, d50_um: 20, morphology: 'single-crystal' }),
    ]);
    const lean = op.run(parse({ saltRatio: 1 }), { feed, recycle: makeStream() }, ctx);
    const rich = op.run(parse({ saltRatio: 3 }), { feed, recycle: makeStream() }, ctx);
    expect(lean.metrics!.rEq).toBeGreaterThan(1);
    expect(rich.metrics!.rEq).toBeGreaterThan(lean.metrics!.rEq!);
    const [fine, slow] = lean.outlets.solids!.lots;
    expect(fine!.liPerTm).toBeGreaterThan(1.01);
    expect(slow!.liPerTm).toBeLessThan(0.95);
    expect(rich.outlets.solids!.lots[0]!.liPerTm).toBeGreaterThan(fine!.liPerTm);
    // r_eq = 1 + slope·(L − 1), L = mol Li in the salt per mol TM
    const L = lean.metrics!.saltLiPerTm_mol_per_mol!;
    expect(lean.metrics!.rEq).toBeCloseTo(1 + 0.04 * (L - 1), 12);
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
