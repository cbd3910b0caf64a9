import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { doping } from '../../src/unit-ops/doping.js';
import { chemistryByName, molarMassPerTm } from '../../src/chemistry/cathode.js';
import { lotTmKmolPerHour } from '../../src/streams/lot.js';
import { streamElements } from '../../src/streams/stream.js';
import { drawElements } from '../../src/balances/report.js';
import { makeLot, makeStream } from '../helpers.js';
import { runOp, loadErrors, expectClose, expectClosed } from './finishing-helpers.js';

const NCM811 = chemistryByName('NCM811')!;

describe('doping (fixtures)', () => {
  fixtureTests('doping');
});

describe('doping by hand', () => {
  const feed = () => makeStream({}, [makeLot({ id: 'a', chemistry: NCM811, massKgPerHour: 500, liPerTm: 0.98 })]);

  it('tm fractions become (tm + x·dopant)/(1 + x); TM moles grow by 1 + x; Li/TM kept with compensation', () => {
    const x = 0.02;
    const { run } = runOp(doping, { dopant: 'Al', level: x }, feed());
    const lot = run.outlets.product!.lots[0]!;
    expect(lot.id).toBe('a');
    expect(lot.chemistry.name).toBe('NCM811+Al');
    expectClose(lot.chemistry.tm.Ni!, 0.8 / 1.02);
    expectClose(lot.chemistry.tm.Co!, 0.1 / 1.02);
    expectClose(lot.chemistry.tm.Mn!, 0.1 / 1.02);
    expectClose(lot.chemistry.tm.Al!, 0.02 / 1.02);
    expect(lot.liPerTm).toBe(0.98);
    const n = 500 / molarMassPerTm(NCM811, 0.98);
    expectClose(lotTmKmolPerHour(lot), n * (1 + x));
    // LiOH drawn = x·r·n kmol; Al(OH)3 drawn = x·n kmol.
    expectClose(run.draws.LiOH!, x * 0.98 * n * (6.94 + 15.999 + 1.008));
    expectClose(run.draws['Al(OH)3']!, x * n * (26.9815384 + 3 * (15.999 + 1.008)));
    expectClosed(feed(), run);
  });

  it('keeps Li and TM balance (element closure by element)', () => {
    const f = feed();
    const { run } = runOp(doping, { dopant: 'Zr', level: 0.01 }, f);
    const inEl = streamElements(f);
    drawElements(run.draws, inEl);
    const outEl: Record<string, number> = {};
    for (const s of Object.values(run.outlets)) streamElements(s, outEl);
    for (const el of ['Li', 'Ni', 'Co', 'Mn', 'Zr', 'O', 'H'] as const) expectClose(outEl[el] ?? 0, inEl[el] ?? 0, 1e-12);
  });

  it('without compensation Li/TM becomes r/(1 + x) and MgO needs ½ O2 per Mg', () => {
    const x = 0.02;
    const { run } = runOp(doping, { dopant: 'Mg', source: 'MgO', level: x, liCompensation: false, atmosphere: 'air', gasPerKgPowder: 1 }, feed());
    expectClose(run.outlets.product!.lots[0]!.liPerTm, 0.98 / 1.02);
    expect(run.draws.LiOH).toBeUndefined();
    const n = 500 / molarMassPerTm(NCM811, 0.98);
    // O2 in the vent = O2 of the air − ½·x·n kmol taken into the lattice.
    expectClose(run.outlets.vent!.components.O2!, 500 * 0.232 - 0.5 * x * n * 31.998);
  });

  it('an undoped lot and a doped lot of the same feed end in different chemistries', () => {
    const f = makeStream({}, [makeLot({ id: 'a', chemistry: NCM811, massKgPerHour: 100 }), makeLot({ id: 'b', chemistry: chemistryByName('NCM523')!, massKgPerHour: 100 })]);
    const [a, b] = runOp(doping, {}, f).run.outlets.product!.lots;
    expect(a!.chemistry.name).toBe('NCM811+Al');
    expect(b!.chemistry.name).toBe('NCM523+Al');
  });

  it('impossible parameters are load errors', () => {
    expect(loadErrors(doping, { dopant: 'Mg', source: 'TiO2' })).toEqual(['the dopant source TiO2 contains no Mg (source TiO2, dopant Mg); use one of: Mg(OH)2, MgO']);
    expect(loadErrors(doping, { level: -0.01 })).toEqual(['must be positive (-0.01); give a value > 0']);
    expect(loadErrors(doping, { calcinerEfficiency: 2 })).toEqual(['above the maximum (2); it must be at most 1']);
  });
});
