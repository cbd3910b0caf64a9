import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { coating, coatingThicknessNm } from '../../src/unit-ops/coating.js';
import { chemistryByName, molarMassPerTm } from '../../src/chemistry/cathode.js';
import { makeLot, makeStream } from '../helpers.js';
import { runOp, loadErrors, expectClose, expectClosed } from './finishing-helpers.js';

const NCM622 = chemistryByName('NCM622')!;
const LI3PO4 = 3 * 6.94 + 30.973761998 + 4 * 15.999;
const LIOH = 6.94 + 15.999 + 1.008;
const H3PO4 = 3 * 1.008 + 30.973761998 + 4 * 15.999;

describe('coating (fixtures)', () => {
  fixtureTests('coating');
});

describe('coating: thickness and stoichiometry by hand', () => {
  it('Li3PO4 thickness for D50 = 12 µm: t = w·ρ_NCM·D50/(6·ρ) = 0.01·4650·12e-6/(6·2537) m', () => {
    const t = ((0.01 * 4650 * 12e-6) / (6 * 2537)) * 1e9;
    expectClose(t, 36.6574, 1e-5);
    expectClose(coatingThicknessNm(0.01, 12, 2537), t);
    const feed = makeStream({}, [makeLot({ id: 'a', chemistry: NCM622, massKgPerHour: 100, d50_um: 12 })]);
    const { run } = runOp(coating, { material: 'Li3PO4', coatingFraction: 0.01 }, feed);
    expectClose(run.outlets.product!.lots[0]!.coating_nm, t);
    expect(run.outlets.product!.lots[0]!.coating).toBe('Li3PO4');
  });

  it('small particles get thinner coatings at the same mass fraction', () => {
    const feed = makeStream({}, [makeLot({ id: 'fine', chemistry: NCM622, massKgPerHour: 100, d50_um: 4 }), makeLot({ id: 'coarse', chemistry: NCM622, massKgPerHour: 100, d50_um: 15 })]);
    const [fine, coarse] = runOp(coating, {}, feed).run.outlets.product!.lots;
    expectClose(coarse!.coating_nm / fine!.coating_nm, 15 / 4);
  });

  it('3 LiOH + H3PO4 → Li3PO4 + 3 H2O, residual LiOH first', () => {
    const feed = makeStream({ LiOH: 1 }, [makeLot({ id: 'a', chemistry: NCM622, massKgPerHour: 600 })]);
    const { run } = runOp(coating, { coatingFraction: 0.01 }, feed);
    const k = 6 / LI3PO4; // kmol/h Li3PO4
    expectClose(run.outlets.product!.components.Li3PO4!, 6);
    expectClose(run.recycled.LiOH!, 1);
    expectClose(run.draws.LiOH!, 3 * k * LIOH - 1, 1e-6);
    expectClose(run.draws.H3PO4!, k * H3PO4, 1e-6);
    expect(run.outlets.product!.components.LiOH ?? 0).toBe(0);
    expectClosed(feed, run);
  });

  it('phosphate etching takes the coating Li from the lattice (Li/TM drops by 3k/n)', () => {
    const feed = makeStream({}, [makeLot({ id: 'a', chemistry: NCM622, massKgPerHour: 500, liPerTm: 1.02 })]);
    const { run } = runOp(coating, { li3po4Source: 'surface-Li', coatingFraction: 0.005 }, feed);
    const k = 2.5 / LI3PO4;
    const n = 500 / molarMassPerTm(NCM622, 1.02);
    expectClose(run.outlets.product!.lots[0]!.liPerTm, 1.02 - (3 * k) / n, 1e-6);
    expect(run.draws.LiOH).toBeUndefined();
    expectClosed(feed, run);
  });

  it('Al2O3 from 4 Al(NO3)3·9H2O → 2 Al2O3 + 12 NO2 + 3 O2 + 36 H2O', () => {
    const feed = makeStream({}, [makeLot({ id: 'a', chemistry: NCM622, massKgPerHour: 400 })]);
    const { run } = runOp(coating, { material: 'Al2O3', coatingFraction: 0.005 }, feed);
    const al2o3 = 2 * 26.9815384 + 3 * 15.999;
    const k = 2 / al2o3;
    expectClose(run.outlets.vent!.components.NO2!, 6 * k * (14.007 + 2 * 15.999), 1e-6);
    expectClosed(feed, run);
  });

  it('impossible parameters are load errors', () => {
    expect(loadErrors(coating, { coatingFraction: 0.3 })).toEqual(['above the maximum (0.3); it must be at most 0.2']);
    expect(loadErrors(coating, { dryerEfficiency: 1.1 })).toEqual(['above the maximum (1.1); it must be at most 1']);
  });
});
