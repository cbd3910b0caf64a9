import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { sintering } from '../../src/unit-ops/sintering.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import { makeLot, makeStream } from '../helpers.js';
import { runOp, loadErrors, expectClose, expectClosed, deliveredHeatKw } from './finishing-helpers.js';

const NCM523 = chemistryByName('NCM523')!;
const NCM811 = chemistryByName('NCM811')!;

describe('sintering (fixtures)', () => {
  fixtureTests('sintering');
});

describe('sintering: cycle, saggars, energy', () => {
  const feed = () => makeStream({}, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 1000, liPerTm: 1 })], 298.15);

  it('trip = heat-up (ΔT/ramp) + dwell + cool-down', () => {
    const { run, design } = runOp(sintering, { peak: '850 degC', ramp: '5 degC/min', dwell: '4 h', coolRate: '3 degC/min', dischargeTemperature: '80 degC' }, feed());
    const heatH = 825 / 300; // 25 → 850 °C at 300 K/h
    const coolH = 770 / 180; // 850 → 80 °C at 180 K/h
    expectClose(design.cycle!.heatH, heatH);
    expectClose(design.cycle!.coolH, coolH);
    expect(design.cycle!.dwellH).toBe(4);
    expectClose(design.residenceTimeH, heatH + 4 + coolH);
    expectClose(run.metrics!.tripTime_h!, heatH + 4 + coolH);
  });

  it('saggars per hour = powder rate / kg per saggar / trips', () => {
    const { run } = runOp(sintering, { saggarPowder: 5, saggarTrips: 20 }, feed());
    expectClose(run.consumablesPerHour!.saggar!, 1000 / 5 / 20);
    expectClose(run.metrics!.saggarTrips_per_h!, 200);
  });

  it('heat ≥ powder + saggar + gas sensible minimum, computed by hand', () => {
    const { run } = runOp(sintering, { peak: '850 degC', atmosphere: 'O2', gasPerKgPowder: 0.5, kilnEfficiency: 0.6 }, feed());
    expect(run.energy.items.filter((i) => i.category === 'loss').map((i) => i.name)).toEqual(['kiln wall losses', 'roller losses through the side walls']);
    const dT = 825;
    const minimum = (1000 * 700 * dT + 200 * 5 * 502 * dT + 500 * 918 * dT) / 3.6e6;
    expectClose(run.energy.minimumHeatKw, minimum);
    expect(deliveredHeatKw(run)).toBeGreaterThanOrEqual(minimum / 0.6 * (1 - 1e-12));
    expect(run.energy.items.some((i) => i.category === 'loss' && i.kw > 0)).toBe(true);
  });
});

describe('sintering: lot state', () => {
  it('an NCM811 lot ends with more cation mixing in air than in O2', () => {
    const feed = () => makeStream({}, [makeLot({ id: 'ni', chemistry: NCM811, massKgPerHour: 100, liPerTm: 1, cationMixing: 0.1 })]);
    const air = runOp(sintering, { atmosphere: 'air' }, feed()).run.outlets.product!.lots[0]!;
    const o2 = runOp(sintering, { atmosphere: 'O2' }, feed()).run.outlets.product!.lots[0]!;
    expect(air.cationMixing).toBeGreaterThan(o2.cationMixing);
    expect(o2.cationMixing).toBeLessThan(0.1);
    expect(o2.cationMixing).toBeGreaterThan(0.02); // Ni-rich lots are slower: not at equilibrium after 4 h at 850 °C
  });

  it('orders inside the grains: the D50 of the secondary particle does not matter, single crystals are slower', () => {
    const feed = makeStream({}, [
      makeLot({ id: 'small', chemistry: NCM523, massKgPerHour: 100, liPerTm: 1, cationMixing: 0.08, d50_um: 4 }),
      makeLot({ id: 'large', chemistry: NCM523, massKgPerHour: 100, liPerTm: 1, cationMixing: 0.08, d50_um: 20 }),
      makeLot({ id: 'sc', chemistry: NCM523, massKgPerHour: 100, liPerTm: 1, cationMixing: 0.08, d50_um: 4, morphology: 'single-crystal' }),
    ]);
    const { run } = runOp(sintering, { peak: '750 degC', dwell: '2 h' }, feed);
    const [small, large, sc] = run.outlets.product!.lots;
    // SINTERING_RATE: 1 /h at 800 °C, 150 kJ/mol; single crystals × 0.5
    const k = Math.exp((-150e3 / 8.314462618) * (1 / 1023.15 - 1 / 1073.15));
    expectClose(small!.cationMixing, 0.02 + 0.06 * Math.exp(-k * 2));
    expectClose(large!.cationMixing, small!.cationMixing);
    expectClose(sc!.cationMixing, 0.02 + 0.06 * Math.exp(-0.5 * k * 2));
    expect(sc!.cationMixing).toBeGreaterThan(small!.cationMixing);
  });

  it('residual LiOH fills the Li deficit stoichiometrically: 0.1 Li/TM per kg CAM by hand', () => {
    // NCM523 at Li/TM 0.9: M = 0.9·6.94 + 0.5·58.6934 + 0.2·58.933194 + 0.3·54.938043 + 2·15.999 g/mol.
    const m = 0.9 * 6.94 + 0.5 * 58.6934 + 0.2 * 58.933194 + 0.3 * 54.938043 + 2 * 15.999;
    const liohPerKgCam = (0.1 / m) * (6.94 + 15.999 + 1.008); // kg LiOH per kg CAM
    const feed = makeStream({ LiOH: 100 }, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 1000, liPerTm: 0.9 })]);
    const { run } = runOp(sintering, { liLossRate: 0 }, feed);
    expectClose(run.recycled.LiOH!, 1000 * liohPerKgCam);
    expectClose(run.outlets.product!.components.LiOH!, 100 - 1000 * liohPerKgCam);
    expectClose(run.outlets.product!.lots[0]!.liPerTm, 1);
    // Li_r MO2 + x LiOH → Li_{r+x} MO2 + x/2 H2O + x/4 O2
    const x = (1000 * 0.1) / m;
    expectClose(run.outlets.vent!.components['H2O(g)']!, (x / 2) * 18.015);
    expectClosed(feed, run);
  });

  it('residual Li is shared by deficit when it is short, and Li2CO3 releases CO2', () => {
    const feed = makeStream({ Li2CO3: 1 }, [
      makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 500, liPerTm: 0.9 }),
      makeLot({ id: 'b', chemistry: NCM523, massKgPerHour: 500, liPerTm: 0.95 }),
    ]);
    const { run } = runOp(sintering, { liLossRate: 0 }, feed);
    const [a, b] = run.outlets.product!.lots;
    // Deficit of a is about twice that of b; each gets the same fraction of its deficit.
    expectClose((a!.liPerTm - 0.9) / 0.1, (b!.liPerTm - 0.95) / 0.05, 1e-6);
    expect(run.outlets.product!.components.Li2CO3 ?? 0).toBe(0);
    expectClose(run.outlets.vent!.components.CO2!, (1 / 73.89) * 44.009, 1e-3);
    expectClosed(feed, run);
  });

  it('Li volatilisation rises with temperature', () => {
    const feed = () => makeStream({}, [makeLot({ id: 'a', chemistry: NCM523, massKgPerHour: 100, liPerTm: 1 })]);
    const at850 = runOp(sintering, { peak: '850 degC' }, feed()).run.outlets.product!.lots[0]!.liPerTm;
    const at950 = runOp(sintering, { peak: '950 degC' }, feed()).run.outlets.product!.lots[0]!.liPerTm;
    expect(at950).toBeLessThan(at850);
    expect(at850).toBeLessThan(1);
    expect(1 - at850).toBeLessThan(0.002);
  });
});

describe('sintering: impossible parameters are load errors', () => {
  it('kiln efficiency above 1', () => {
    expect(loadErrors(sintering, { kilnEfficiency: 1.5 })).toEqual(['above the maximum (1.5); it must be at most 1']);
  });
  it('discharge temperature not below the peak', () => {
    expect(loadErrors(sintering, { peak: '850 degC', dischargeTemperature: '900 degC' })).toEqual(['the discharge temperature is not below the peak temperature (900 degC ≥ 850 degC); give a discharge temperature below the peak']);
  });
  it('a ramp of zero', () => {
    expect(loadErrors(sintering, { ramp: 0 })).toEqual(['too small (0 K/h); it must be more than 0 K/h']);
  });
});
