import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../cli/capture.js';
import { shiftPlan, labourPlan, sizePlant, resolveDesignSettings } from '../../src/design/index.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate, type Evaluation } from '../../src/pipeline/evaluate.js';
import { RegenflowError } from '../../src/schema/errors.js';
import type { Patch } from '../../src/pipeline/patch.js';
import { costOf } from '../../src/unit-ops/data/equipment.js';
import { autoclave, dryer, unit } from './crafted.js';

const base = { operatingHoursPerYear: 6400, operatingDaysPerYear: 320, shiftLengthH: 8, minimumCrew: 2 };

describe('shift plan (hand-computed)', () => {
  it('without shiftsPerDay, as many shifts as 20 h a day need: 3 × 8 h, every operating hour staffed', () => {
    const p = shiftPlan(base);
    expect(p.given).toBe(false);
    expect(p.shiftsPerDay).toBe(3);
    expect(p.shiftHoursPerYear).toBe(3 * 8 * 320);
    expect(p.staffedOperatingHoursPerYear).toBe(6400);
    expect(p.unstaffedHoursPerYear).toBe(0);
  });

  it('2 shifts of 8 h on 320 days staff 5120 h; the other 1280 operating hours are unstaffed', () => {
    const p = shiftPlan({ ...base, shiftsPerDay: 2 });
    expect(p.staffedOperatingHoursPerYear).toBe(5120);
    expect(p.unstaffedHoursPerYear).toBe(1280);
    // labour: 10 operators × 5120 h + 2 × 1280 h while a kiln runs; without one, no night crew
    expect(labourPlan(p, 10, true).operatorHoursPerYear).toBe(10 * 5120 + 2 * 1280);
    expect(labourPlan(p, 10, false).operatorHoursPerYear).toBe(10 * 5120);
  });

  it('operating hours beyond 24 h days raise the days, with the diagnostic the economics gave', () => {
    const p = shiftPlan({ ...base, operatingHoursPerYear: 8000 });
    expect(p.operatingDaysPerYear).toBe(334);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['operating-days-raised']);
  });

  it('staffed items carry the year in fewer hours; round-the-clock items keep theirs', () => {
    // autoclave 1000 kg/h over 6400 h; with 5120 staffed hours it carries 1250 kg/h while it works.
    const kiln = dryer(1000, { name: 'kiln', cost: costOf('rollerHearthKiln'), sizeUnit: 't/yr', maxSize: 4000, minSize: 200, capacityPerSize: 0.5 });
    const plant = [unit('relith', [autoclave(1000)]), unit('sinter', [kiln])];
    const two = sizePlant(plant, 6400, 6.4e6, resolveDesignSettings(undefined), { shifts: shiftPlan({ ...base, shiftsPerDay: 2 }) });
    const [a, k] = two.equipment;
    expect(a!.roundTheClock).toBe(false);
    expect(a!.operatingHoursPerYear).toBe(5120);
    expect(a!.loadKgPerHour).toBeCloseTo(1250, 9);
    expect(k!.roundTheClock).toBe(true);
    expect(k!.operatingHoursPerYear).toBe(6400);
    expect(k!.loadKgPerHour).toBe(1000);
    expect(two.labour.unstaffedOperatorHoursPerYear).toBe(2 * 1280);
  });
});

describe('2 vs 3 shifts on the reference plant', () => {
  const raw = loadRawScenario('scenarios/reference-cn.yaml');
  const run = (patches: Patch[]) => evaluate(resolveModel(raw, patches));
  const three = run([{ path: 'plant.shiftsPerDay', value: 3 }]);
  const two = run([{ path: 'plant.shiftsPerDay', value: 2 }]);
  const labourLine = (ev: Evaluation) => ev.economics.opex.items.find((i) => i.id === 'labour.operators')!;

  it('3 shifts are what the plant had without shiftsPerDay', () => {
    const none = run([]);
    expect(three.economics.kpis).toEqual(none.economics.kpis);
    expect(three.sizing.labour).toEqual(none.sizing.labour);
  });

  it('kilns (and the other round-the-clock items) are unchanged', () => {
    for (const e of three.sizing.equipment.filter((x) => x.roundTheClock)) {
      const f = two.sizing.equipment.find((x) => x.unitId === e.unitId && x.name === e.name)!;
      expect([f.count, f.size, f.utilisation, f.operatingHoursPerYear], `${e.unitId}.${e.name}`).toEqual([e.count, e.size, e.utilisation, e.operatingHoursPerYear]);
    }
    expect(three.sizing.equipment.find((x) => x.unitId === 'sinter')!.roundTheClock).toBe(true);
  });

  it('batch items need more or larger equipment; labour hours and the labour line are lower', () => {
    const ac3 = three.sizing.equipment.find((x) => x.unitId === 'relith')!;
    const ac2 = two.sizing.equipment.find((x) => x.unitId === 'relith')!;
    expect(ac2.count * ac2.size).toBeGreaterThan(ac3.count * ac3.size);
    expect(ac2.operatingHoursPerYear).toBe(5120);
    expect(two.sizing.labour.operatorHoursPerYear).toBeLessThan(three.sizing.labour.operatorHoursPerYear);
    // the labour line prices exactly the design's operator hours, minimum crew included
    const l2 = labourLine(two);
    expect(l2.quantity).toBe(two.sizing.labour.operatorHoursPerYear);
    expect(two.sizing.labour.operatorHoursPerYear).toBe(two.sizing.operatorsPerShift * 2 * 8 * 320 + 2 * 1280);
    expect(l2.basis).toContain('minimum crew 2 × 1280 unstaffed h/yr');
    expect(l2.usd).toBeLessThan(labourLine(three).usd);
    expect(two.economics.kpis.capexUsd).toBeGreaterThan(three.economics.kpis.capexUsd);
  });

  it('mass and element balances still close', () => {
    expect(two.balances.worstClosure).toBeLessThanOrEqual(1e-9);
  });

  it('shifts longer than a day, or a shift length given twice, are input errors in the plant file', () => {
    expect(() => run([{ path: 'plant.shiftsPerDay', value: 4 }])).toThrow(/4 shifts of 8 h exceed 24 h a day; give fewer shifts or shorter ones/);
    try {
      run([{ path: 'plant.shiftLength', value: '12 h' }, { path: 'finance.shiftLength', value: '8 h' }]);
      throw new Error('expected an input error');
    } catch (e) {
      expect(e).toBeInstanceOf(RegenflowError);
      expect((e as RegenflowError).exitCode).toBe(1);
      expect((e as RegenflowError).message).toContain('shift length given twice: plant.shiftLength 12 h and finance.shiftLength 8 h');
    }
    // a plant shift length alone replaces the finance default: 2 × 12 h cover 24 h
    const long = run([{ path: 'plant.shiftsPerDay', value: 2 }, { path: 'plant.shiftLength', value: '12 h' }]);
    expect(long.sizing.labour.shiftLengthH).toBe(12);
    expect(long.sizing.labour.unstaffedHoursPerYear).toBe(0);
  });
});

describe('shifts in a plant file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regenflow-shifts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('too many shifts are reported at their line by validate and run (exit 1)', async () => {
    const file = join(dir, 'four-shifts.yaml');
    writeFileSync(file, [
      'id: four-shifts',
      `flowsheet: ${resolve('flowsheets/hydrothermal.yaml')}`,
      'plant: { capacity: "10000 t/yr", region: CN, shiftsPerDay: 4 }',
      `feed: ${resolve('scenarios/feeds/mixed-ev-scrap.yaml')}`,
      '',
    ].join('\n'));
    const expected = `${file}:3:60 › plant.shiftsPerDay: 4 shifts of 8 h exceed 24 h a day; give fewer shifts or shorter ones\n`;
    for (const cmd of ['validate', 'run']) {
      const r = await runCli([cmd, file]);
      expect(r.code, cmd).toBe(1);
      expect(r.err, cmd).toBe(expected);
    }
  });
});
