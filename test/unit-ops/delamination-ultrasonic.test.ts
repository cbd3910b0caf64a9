import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { REFERENCE_FOIL_BINDER_PER_CAM } from '../../src/unit-ops/correlations/preparation.js';
import { designUnit, issues, lot, makeStream, runUnit } from './preparation-helpers.js';

describe('delamination-ultrasonic (fixtures)', () => {
  fixtureTests('delamination-ultrasonic');
});

const scrap = () => makeStream({ 'carbon-black': 10, PVDF: 10, Al: 54 }, [lot('a', 'NCM523', 426)]);

describe('delamination-ultrasonic', () => {
  it('ultrasound electricity = 20 kWh/t × feed; water loop balance', () => {
    const { run } = runUnit('delamination-ultrasonic', {}, { feed: scrap() });
    expect(run.energy.items.find((i) => i.name === 'ultrasound')!.kw).toBeCloseTo(10, 12); // 0.5 t/h
    const W = 5 * 500;
    const toCam = 1 - (0.03 * (54 + 10)) / 426 / REFERENCE_FOIL_BINDER_PER_CAM;
    const cakeSolids = 426 * toCam + 10 * toCam + 10 * toCam + 54 * 0.02;
    const E = 0.3 * cakeSolids;
    expect(run.outlets.cam!.components.H2O).toBeCloseTo(E, 9);
    expect(run.recycled.H2O).toBeCloseTo(0.9 * (W - E), 9);
    expect(run.outlets.liquor!.components.H2O).toBeCloseTo(0.1 * (W - E), 9);
    expect(run.draws.H2O).toBeCloseTo(E + 0.1 * (W - E), 9);
    expect(run.energy.minimumHeatKw).toBe(0); // room-temperature bath
  });

  it('binder is not dissolved: it follows the CAM; lot ids kept', () => {
    const { run } = runUnit('delamination-ultrasonic', {}, { feed: scrap() });
    expect(run.outlets.cam!.components.PVDF).toBeCloseTo(10 * (1 - (0.03 * 64) / 426 / REFERENCE_FOIL_BINDER_PER_CAM), 12);
    expect(run.outlets.foil!.lots[0]!.id).toBe('a');
  });

  it('a warm bath heats the make-up water and the scrap', () => {
    const { run } = runUnit('delamination-ultrasonic', { temperature: '45 degC' }, { feed: scrap() });
    const makeUp = run.draws.H2O!;
    expect(run.energy.minimumHeatKw).toBeGreaterThan((makeUp * 4201 * 20) / 3.6e6);
  });

  it('continuous, residence time in seconds; the line is sized by ultrasound power', () => {
    const feed = scrap();
    const { run, p } = runUnit('delamination-ultrasonic', {}, { feed });
    const d = designUnit('delamination-ultrasonic', p, { feed }, run);
    expect(d.mode).toBe('continuous');
    expect(d.residenceTimeH).toBeCloseTo(10 / 3600, 15);
    expect(d.equipment[0]!.capacityPerSize).toBeCloseTo(50, 12); // kg/h per kW at 20 kWh/t
  });

  it('a boiling bath is refused', () => {
    expect(issues('delamination-ultrasonic', { temperature: '105 degC' })).toEqual(['ultrasonic water bath temperature at or above its boiling point at atmospheric pressure (105 degC ≥ 100 degC); lower the temperature']);
  });
});
