import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { filtration } from '../../src/unit-ops/filtration.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import { makeLot, makeStream } from '../helpers.js';
import { runOp, loadErrors, expectClose, expectClosed } from './finishing-helpers.js';

const NCM523 = chemistryByName('NCM523')!;

describe('filtration (fixtures)', () => {
  fixtureTests('filtration');
});

describe('filtration by hand', () => {
  it('cake water = w/(1 − w) × captured solids; salts split with the water', () => {
    const feed = makeStream({ H2O: 100, LiOH: 2 }, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100 })]);
    const { run, design } = runOp(filtration, { solidsCapture: 1, cakeMoisture: 0.2 }, feed);
    expectClose(run.outlets.solids!.components.H2O!, 25);
    expectClose(run.outlets.solids!.components.LiOH!, 0.5);
    expectClose(run.outlets.liquor!.components.LiOH!, 1.5);
    expect(run.outlets.liquor!.lots).toHaveLength(0);
    expect(design.equipment[0]!.loadKgPerHour).toBe(100);
    expectClosed(feed, run);
  });

  it('fines pass with the filtrate and keep their lot id', () => {
    const feed = makeStream({ H2O: 100 }, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100 })]);
    const { run } = runOp(filtration, { solidsCapture: 0.9 }, feed);
    expectClose(run.outlets.liquor!.lots[0]!.massKgPerHour, 10);
    expect(run.outlets.liquor!.lots[0]!.id).toBe('a');
    expectClose(run.outlets.solids!.lots[0]!.massKgPerHour, 90);
  });

  it('capture above 1 is a load error', () => {
    expect(loadErrors(filtration, { solidsCapture: 1.1 })).toEqual(['above the maximum (1.1); it must be at most 1']);
  });
});
