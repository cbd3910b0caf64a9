import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { surfaceReconstruction } from '../../src/unit-ops/surface-reconstruction.js';
import { chemistryByName, molarMassPerTm } from '../../src/chemistry/cathode.js';
import { component } from '../../src/chemistry/components.js';
import { makeLot, makeStream } from '../helpers.js';
import { runOp, loadErrors, expectClose, expectClosed, deliveredHeatKw } from './finishing-helpers.js';

const NCM523 = chemistryByName('NCM523')!;

describe('surface-reconstruction (fixtures)', () => {
  fixtureTests('surface-reconstruction');
});

describe('surface-reconstruction: citric acid', () => {
  const feed = () => makeStream({}, [
    makeLot({ id: 'thin', chemistry: NCM523, massKgPerHour: 100, liPerTm: 0.9, surfaceRockSalt_nm: 3 }),
    makeLot({ id: 'thick', chemistry: NCM523, massKgPerHour: 100, liPerTm: 0.9, surfaceRockSalt_nm: 12 }),
  ]);

  it('etches 0.2 nm/min × 30 min = 6 nm: thin layers vanish, thick ones keep some', () => {
    const { run } = runOp(surfaceReconstruction, {}, feed());
    const [thin, thick] = run.outlets.solids!.lots;
    expect(thin!.surfaceRockSalt_nm).toBe(0);
    expectClose(thick!.surfaceRockSalt_nm, 6);
    expectClosed(feed(), run);
  });

  it('leaches the Li of a 2 nm shell as lithium citrate, by hand', () => {
    const { run } = runOp(surfaceReconstruction, {}, feed());
    const shell = 1 - Math.pow(1 - (2 * 2) / 10_000, 3); // 10 µm spheres, 2 nm deep
    const delta = 0.9 * shell;
    expectClose(run.outlets.solids!.lots[0]!.liPerTm, 0.9 - delta);
    const n = 100 / molarMassPerTm(NCM523, 0.9);
    const citrate = ((2 * n * delta) / 3) * component('Li3C6H5O7').molarMass_g_per_mol;
    expectClose(run.outlets.solids!.components.Li3C6H5O7! + run.outlets.liquor!.components.Li3C6H5O7!, citrate);
    // The whole acid charge is drawn: 0.1 mol/L × 5 kg/kg × 200 kg/h (≈1 kg/L).
    expectClose(run.draws['citric-acid']!, 0.1 * 1000 * 0.001 * component('citric-acid').molarMass_g_per_mol);
  });
});

describe('surface-reconstruction: ammonia hydrothermal', () => {
  it('converts the layer first-order (e^(−0.5·6)) and heats the slurry at least to its sensible minimum', () => {
    const feed = makeStream({}, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100, surfaceRockSalt_nm: 8 })]);
    const { run, design } = runOp(surfaceReconstruction, { method: 'ammonia-hydrothermal' }, feed);
    expectClose(run.outlets.solids!.lots[0]!.surfaceRockSalt_nm, 8 * Math.exp(-3));
    const cpw = component('H2O').cp_J_per_kgK!;
    const minimum = ((100 * 700 + 500 * cpw) * (433.15 - 298.15)) / 3.6e6;
    expectClose(run.energy.minimumHeatKw, minimum);
    expect(deliveredHeatKw(run)).toBeGreaterThan(minimum);
    expect(run.outlets.vent!.components.NH3).toBeGreaterThan(0);
    expect(design.mode).toBe('batch');
    expectClose(design.cycle!.heatH, 135 / 120);
    expectClosed(feed, run);
  });

  it('impossible parameters are load errors', () => {
    expect(loadErrors(surfaceReconstruction, { ammoniaSlip: 1.5 })).toEqual(['above the maximum (1.5); it must be at most 1']);
    expect(loadErrors(surfaceReconstruction, { method: 'nitric-acid' })[0]).toMatch(/citric-acid/);
  });
});
