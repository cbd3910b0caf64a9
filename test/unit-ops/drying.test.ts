import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { drying } from '../../src/unit-ops/drying.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import { component } from '../../src/chemistry/components.js';
import { makeLot, makeStream } from '../helpers.js';
import { runOp, loadErrors, expectClose, expectClosed, deliveredHeatKw } from './finishing-helpers.js';

const NCM523 = chemistryByName('NCM523')!;

describe('drying (fixtures)', () => {
  fixtureTests('drying');
});

describe('drying by hand', () => {
  const feed = () => makeStream({ H2O: 25 }, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100 })], 298.15);

  it('keeps the residual moisture and evaporates the rest as H2O(g)', () => {
    const { run } = runOp(drying, {}, feed());
    const keep = (0.002 / 0.998) * 100;
    expectClose(run.outlets.solids!.components.H2O!, keep);
    expectClose(run.outlets.vapour!.components['H2O(g)']!, 25 - keep);
    const product = 100 + keep;
    expectClose(run.outlets.solids!.components.H2O! / product, 0.002);
    expectClosed(feed(), run);
  });

  it('delivered heat ≥ latent + sensible minimum, computed by hand', () => {
    const { run } = runOp(drying, { efficiency: 0.65, temperature: '120 degC' }, feed());
    const w = component('H2O');
    const cpw = w.cp_J_per_kgK!;
    const keep = (0.002 / 0.998) * 100;
    const evap = 25 - keep;
    const minimum =
      (evap * cpw * 75) / 3.6e6 + // liquid 25 → 100 °C
      (evap * w.latentHeat_J_per_kg!) / 3.6e6 + // latent at 100 °C
      (evap * 2080 * 20) / 3.6e6 + // vapour 100 → 120 °C
      ((100 * 700 + keep * cpw) * 95) / 3.6e6; // solids and retained water 25 → 120 °C
    expectClose(run.energy.minimumHeatKw, minimum);
    expect(deliveredHeatKw(run)).toBeGreaterThanOrEqual(minimum);
    expectClose(run.energy.heatKw.steam!, minimum / 0.65);
    // The EverBatt cross-check (2.6 MJ/kg product) is reported, not used.
    expectClose(run.metrics!.everbattHeatLoad_kW!, (2.6 * (100 + keep)) / 3.6);
  });

  it('solvents other than water leave under their own id; salts stay in the product', () => {
    const f = makeStream({ NMP: 10, LiOH: 1 }, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100 })]);
    const { run } = runOp(drying, { residualMoisture: 0 }, f);
    expectClose(run.outlets.vapour!.components.NMP!, 10);
    expect(run.outlets.solids!.components.LiOH).toBe(1);
  });

  it('impossible parameters are load errors', () => {
    expect(loadErrors(drying, { efficiency: 1.3 })).toEqual(['above the maximum (1.3); it must be at most 1']);
    expect(loadErrors(drying, { residualMoisture: 0.6 })).toEqual(['above the maximum (0.6); it must be at most 0.5']);
  });
});
