import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { kindInfos } from '../../src/cli/kinds.js';
import { relithiationRedoxMediated as op } from '../../src/unit-ops/relithiation-redox-mediated.js';
import { relithiationHydrothermal } from '../../src/unit-ops/relithiation-hydrothermal.js';
import { makeLot, makeStream } from '../helpers.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import type { Lot } from '../../src/streams/lot.js';

const ctx = { unitId: 'relith', ambientK: 298.15 };
const lot = (o: Partial<Omit<Lot, 'chemistry'>> & { id: string; chemistry?: string }): Lot => makeLot({ ...o, chemistry: chemistryByName(o.chemistry ?? 'NCM523')! });

describe('relithiation-redox-mediated', () => {
  fixtureTests('relithiation-redox-mediated');

  it('gives every parameter a description and a source', () => {
    const info = kindInfos().find((i) => i.kind === 'relithiation-redox-mediated')!;
    for (const p of info.params) {
      expect(p.description, p.name).toBeTruthy();
      expect(p.source, p.name).toBeTruthy();
    }
  });

  it('repairs at 100 °C what plain hydrothermal needs 220 °C for, at atmospheric pressure', () => {
    const feed = makeStream({}, [lot({ id: 'a', liPerTm: 0.85 })]);
    const mediated = op.run(op.params.parse({}), { feed, recycle: makeStream() }, ctx);
    const plain100 = relithiationHydrothermal.run(relithiationHydrothermal.params.parse({ temperature: '100 degC' }), { feed, recycle: makeStream() }, ctx);
    // HYDROTHERMAL_RATE at 100 °C: 1 /h · exp(−30 kJ/mol / R · (1/373.15 − 1/493.15)) ≈ 0.0951 /h; × 10
    const k100 = Math.exp((-30e3 / 8.314462618) * (1 / 373.15 - 1 / 493.15));
    expect(mediated.outlets.solids!.lots[0]!.liPerTm).toBeCloseTo(1 - 0.15 * Math.exp(-10 * k100 * 4), 9);
    expect(plain100.outlets.solids!.lots[0]!.liPerTm).toBeCloseTo(1 - 0.15 * Math.exp(-k100 * 4), 9);
    expect(mediated.outlets.solids!.lots[0]!.liPerTm).toBeGreaterThan(0.99);
    expect(mediated.metrics!.pressure_Pa).toBeLessThan(1.02e5);
    const d = op.design(op.params.parse({}), { feed, recycle: makeStream() }, mediated, ctx);
    expect(d.equipment[0]!.name).toBe('stirred tank');
    expect(d.equipment[0]!.cost.materialFactor).toBeCloseTo(1.7, 12); // no pressure factor
  });

  it('keeps the hydrothermal load checks', () => {
    expect(op.params.safeParse({ solidLiquidRatio: '2 kg/L' }).error!.issues[0]!.message).toBe(
      'solid:liquid ratio is outside the validated range (2 kg/L); give 0.01–1 kg of CAM per L of liquor',
    );
  });
});
