import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { washing } from '../../src/unit-ops/washing.js';
import { counterCurrentRetained } from '../../src/unit-ops/correlations/finishing.js';
import { chemistryByName, molarMassPerTm } from '../../src/chemistry/cathode.js';
import { component } from '../../src/chemistry/components.js';
import { makeLot, makeStream } from '../helpers.js';
import { runOp, loadErrors, expectClose, expectClosed } from './finishing-helpers.js';

const NCM523 = chemistryByName('NCM523')!;
const NCM811 = chemistryByName('NCM811')!;

describe('washing (fixtures)', () => {
  fixtureTests('washing');
});

describe('washing: counter-current removal by hand', () => {
  // 100 kg/h solids at cake moisture 0.2 hold L = 0.2/0.8 × 100 = 25 kg/h water; the feed brings
  // F = 25 kg/h of liquor with 1 kg/h LiOH; wash water W = 0.5 × 100 = 50 kg/h, so R = W/L = 2.
  const feed = () => makeStream({ H2O: 25, LiOH: 1 }, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100 })]);
  const params = (stages: number) => ({ waterPerKgSolids: 0.5, stages, stageEfficiency: 1, cakeMoisture: 0.2, liHExchange: 0 });

  it('one ideal stage leaves 1/(1 + R) = 1/3 of the salt in the cake', () => {
    const { run } = runOp(washing, params(1), feed());
    expectClose(run.outlets.solids!.components.LiOH!, 1 / 3);
    expectClose(run.outlets.liquor!.components.LiOH!, 2 / 3);
    expectClose(run.outlets.solids!.components.H2O!, 25);
    expectClose(run.outlets.liquor!.components.H2O!, 50);
    expect(run.draws.H2O).toBe(50);
    expectClosed(feed(), run);
  });

  it('three ideal stages leave (R − 1)/(R⁴ − 1) = 1/15', () => {
    const { run } = runOp(washing, params(3), feed());
    expectClose(run.outlets.solids!.components.LiOH!, 1 / 15);
    expectClose(run.metrics!.removalOfDissolved!, 14 / 15);
  });

  it('the general formula reduces to dewatering without wash water and to 1/(N+1) at R = 1', () => {
    expectClose(counterCurrentRetained(100, 25, 0, 2), 25 / 100);
    expectClose(counterCurrentRetained(25, 25, 25, 4), 1 / 5);
  });

  it('stage efficiency lowers the removal (0.5 × 2 stages = 1 ideal stage)', () => {
    const { run } = runOp(washing, { ...params(2), stageEfficiency: 0.5 }, feed());
    expectClose(run.outlets.solids!.components.LiOH!, 1 / 3);
  });
});

describe('washing: lot state, solubility and energy', () => {
  it('Li+/H+ exchange lowers Li/TM of the Ni-rich lot only, by 0.02 × (0.8 − 0.6) = 0.004', () => {
    const feed = makeStream({}, [makeLot({ id: 'ni', chemistry: NCM811, massKgPerHour: 100, liPerTm: 1 }), makeLot({ id: 'low', chemistry: NCM523, massKgPerHour: 100, liPerTm: 1 })]);
    const { run } = runOp(washing, {}, feed);
    const [ni, low] = run.outlets.solids!.lots;
    expectClose(ni!.liPerTm, 0.996);
    expect(low!.liPerTm).toBe(1);
    const n = 100 / molarMassPerTm(NCM811, 1);
    // Li_r MO2 + δ/2 H2O + δ/4 O2 → Li_{r−δ} MO2 + δ LiOH
    const lioh = component('LiOH').molarMass_g_per_mol;
    expectClose((run.outlets.solids!.components.LiOH ?? 0) + run.outlets.liquor!.components.LiOH!, n * 0.004 * lioh);
    expectClose(run.draws.O2!, (n * 0.004 * 31.998) / 4);
    expectClosed(feed, run);
  });

  it('Li2CO3 beyond its solubility (1.29 g per 100 g water at 25 °C) stays in the cake', () => {
    // 100 kg/h lots, no feed water, W = 1 × 100 = 100 kg/h of water: at most 1.29 kg/h dissolves.
    const feed = makeStream({ Li2CO3: 10 }, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100 })]);
    const { run } = runOp(washing, { waterPerKgSolids: 1, liHExchange: 0 }, feed);
    const dissolved = run.metrics!.dissolvedSalts_kg_per_h!;
    expectClose(dissolved, 1.29, 1e-6);
    expectClose(run.outlets.solids!.components.Li2CO3! + run.outlets.liquor!.components.Li2CO3!, 10);
    expect(run.outlets.solids!.components.Li2CO3!).toBeGreaterThan(10 - 1.29);
    expect(run.diagnostics.map((d) => d.code)).toContain('solubility-limited');
  });

  it('heated wash water costs W·cp·ΔT ÷ efficiency on the chosen utility', () => {
    const feed = makeStream({}, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100 })]);
    const { run } = runOp(washing, { waterPerKgSolids: 2, washTemperature: '60 degC', heaterEfficiency: 0.8 }, feed);
    const cp = component('H2O').cp_J_per_kgK!;
    const minimum = (200 * cp * 35) / 3.6e6;
    expectClose(run.energy.minimumHeatKw, minimum);
    expectClose(run.energy.heatKw.steam!, minimum / 0.8);
  });
});

describe('washing: impossible parameters are load errors', () => {
  it('stage efficiency above 1', () => {
    expect(loadErrors(washing, { stageEfficiency: 1.2 })).toEqual(['above the maximum (1.2); it must be at most 1']);
  });
  it('negative or fractional number of stages', () => {
    expect(loadErrors(washing, { stages: -1 })).toEqual(['below the minimum (-1); it must be at least 1']);
    expect(loadErrors(washing, { stages: 2.5 })).toEqual(['the number of stages is not a whole number (2.5); give a whole number such as 1, 2 or 3']);
  });
  it('cake moisture of (almost) pure water', () => {
    expect(loadErrors(washing, { cakeMoisture: 0.99 })).toEqual(['above the maximum (0.99); it must be at most 0.95']);
  });
  it('an unknown soluble component', () => {
    expect(loadErrors(washing, { solubles: ['LiOHH'] })[0]).toMatch(/^unknown component "LiOHH" \(did you mean "LiOH"\?\)/);
  });
});
