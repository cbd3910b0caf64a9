import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { electrodeRefabrication } from '../../src/unit-ops/electrode-refabrication.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import { component } from '../../src/chemistry/components.js';
import { makeLot, makeStream } from '../helpers.js';
import { runOp, loadErrors, expectClose, expectClosed, deliveredHeatKw } from './finishing-helpers.js';

const NCM622 = chemistryByName('NCM622')!;

describe('electrode-refabrication (fixtures)', () => {
  fixtureTests('electrode-refabrication');
});

describe('electrode-refabrication by hand', () => {
  const feed = () => makeStream({}, [makeLot({ id: 'a', chemistry: NCM622, massKgPerHour: 300, liPerTm: 1 })]);

  it('area = solids ÷ (loading × sides); foil, binder, conductive and NMP by hand', () => {
    const { run } = runOp(electrodeRefabrication, {}, feed());
    const solids = 300 / 0.96;
    const area = solids / (0.21 * 2);
    expectClose(run.metrics!.electrodeArea_m2_per_h!, area);
    expectClose(run.draws.Al!, area * 0.0405);
    expectClose(run.draws.PVDF!, solids * 0.02);
    expectClose(run.draws['carbon-black']!, solids * 0.02);
    const nmp = 16 * solids * 0.02;
    expectClose(run.draws.NMP!, nmp * 0.005);
    expectClose(run.recycled.NMP!, nmp * 0.995);
    expect(run.outlets.electrode!.lots[0]!.conductiveNetwork).toBe('CB');
    expectClosed(feed(), run);
  });

  it('drying heat is at least the latent + sensible minimum, and water needs less energy per kg solvent than NMP', () => {
    const { run } = runOp(electrodeRefabrication, {}, feed());
    const nmp = 16 * (300 / 0.96) * 0.02;
    expect(run.energy.minimumHeatKw).toBeGreaterThan((nmp * component('NMP').latentHeat_J_per_kg!) / 3.6e6);
    expect(deliveredHeatKw(run)).toBeGreaterThanOrEqual(run.energy.minimumHeatKw);
    expect(run.metrics!.dryingEnergy_MJ_per_kg_solvent!).toBeGreaterThan(run.metrics!.dryingEnergyOtherSolvent_MJ_per_kg!);
    const water = runOp(electrodeRefabrication, { binder: 'PAA' }, feed()).run;
    expect(water.draws.H2O).toBeCloseTo(40 * (300 / 0.96) * 0.02, 9);
    expect(water.draws.NMP).toBeUndefined();
  });

  it('sets the conductive network per lot from the additive mix', () => {
    const { run } = runOp(electrodeRefabrication, { conductive: { 'carbon-black': 0.5, graphene: 0.5 } }, feed());
    expect(run.outlets.electrode!.lots[0]!.conductiveNetwork).toBe('CB+graphene');
    const cnt = runOp(electrodeRefabrication, { conductive: { CNT: 1 } }, feed()).run;
    expect(cnt.outlets.electrode!.lots[0]!.conductiveNetwork).toBe('CNT');
  });

  it('impossible parameters are load errors', () => {
    expect(loadErrors(electrodeRefabrication, { camFraction: 0.9 })).toEqual(['electrode solids fractions sum to 0.94 (camFraction 0.9, conductiveFraction 0.02, binderFraction 0.02); they must sum to 1 (± 1e-9), e.g. 0.96, 0.02, 0.02']);
    expect(loadErrors(electrodeRefabrication, { conductive: { 'carbon-black': 0.5, CNT: 0.3 } })).toEqual(['conductive-additive shares sum to 0.8 (carbon-black 0.5, CNT 0.3); they must sum to 1 (± 1e-9), e.g. { carbon-black: 0.5, graphene: 0.5 }']);
    expect(loadErrors(electrodeRefabrication, { solvent: 'water' })).toEqual(['the PVDF binder does not dissolve in water (binder PVDF, solvent water); use NMP with PVDF, or water with PAA or alginate']);
    expect(loadErrors(electrodeRefabrication, { dryerEfficiency: 1.01 })).toEqual(['above the maximum (1.01); it must be at most 1']);
  });
});
