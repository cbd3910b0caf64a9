import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { deliveredHeatKw, designUnit, issues, item, lot, makeStream, runUnit } from './preparation-helpers.js';
import { ATOMIC_WEIGHT_G_PER_MOL as A } from '../../src/chemistry/elements.js';

describe('delamination-alkaline (fixtures)', () => {
  fixtureTests('delamination-alkaline');
});

const M = { Al: A.Al, NaOH: 22.98976928 + A.O + A.H, H2: 2 * A.H, H2O: 2 * A.H + A.O, NaAlOH4: 22.98976928 + A.Al + 4 * (A.O + A.H) };
const scrap = () => makeStream({ 'carbon-black': 10, PVDF: 10, Al: 54 }, [lot('a', 'NCM523', 426, { liPerTm: 0.88 })]);

describe('delamination-alkaline: foil dissolution stoichiometry', () => {
  it('2 Al + 2 NaOH + 6 H2O → 2 NaAl(OH)4 + 3 H2 for 99 % of the Al', () => {
    const { run } = runUnit('delamination-alkaline', {}, { feed: scrap() });
    const n = (0.99 * 54) / M.Al;
    expect(run.outlets.vent!.components.H2).toBeCloseTo(1.5 * n * M.H2, 10);
    const naal = (run.outlets.liquor!.components['NaAl(OH)4'] ?? 0) + (run.outlets.cam!.components['NaAl(OH)4'] ?? 0);
    expect(naal).toBeCloseTo(n * M.NaAlOH4, 9);
    // NaOH: 1 mol/L × 10 L/kg × 500 kg/h = 5 kmol/h charged, n consumed
    expect(run.draws.NaOH).toBeCloseTo(5 * M.NaOH, 9);
    const naohLeft = (run.outlets.liquor!.components.NaOH ?? 0) + (run.outlets.cam!.components.NaOH ?? 0);
    expect(naohLeft).toBeCloseTo((5 - n) * M.NaOH, 9);
    expect(run.draws.H2O).toBeCloseTo(5000, 9);
    // undissolved Al: 1 % of 54 kg, of which 1 % carried into the CAM
    expect(run.outlets.foil!.components.Al).toBeCloseTo(0.54 * 0.99, 10);
  });

  it('too little NaOH limits the dissolution, with a warning', () => {
    const { run } = runUnit('delamination-alkaline', { naohConcentration: '0.2 mol/L' }, { feed: scrap() });
    // 0.2 × 5000 L = 1 kmol NaOH < 1.98 kmol Al
    expect(run.outlets.vent!.components.H2).toBeCloseTo(1.5 * 1 * M.H2, 9);
    expect(run.diagnostics.map((d) => d.code)).toEqual(['naoh-limited']);
  });

  it('keep mode: no H2, the foil is screened off whole', () => {
    const { run } = runUnit('delamination-alkaline', { foil: 'keep', naohConcentration: 0 }, { feed: scrap() });
    expect(run.outlets.vent!.components).toEqual({});
    expect(run.outlets.foil!.components.Al).toBeCloseTo(54 * 0.99, 12);
    expect(run.draws.NaOH).toBeUndefined();
  });

  it('the CAM cake carries 0.3 kg liquor per kg of cake solids', () => {
    const { run } = runUnit('delamination-alkaline', { foil: 'keep', naohConcentration: 0 }, { feed: scrap() });
    const cam = run.outlets.cam!;
    const solids = cam.lots[0]!.massKgPerHour + cam.components['carbon-black']! + cam.components.PVDF! + cam.components.Al!;
    expect(cam.components.H2O).toBeCloseTo(0.3 * solids, 9);
  });
});

describe('delamination-alkaline: energy and time', () => {
  it('without the reaction-heat credit, delivered heat ≥ solution and scrap sensible heat ÷ 0.9', () => {
    const { run } = runUnit('delamination-alkaline', { reactionHeatCredit: 0 }, { feed: scrap() });
    const solution = item(run, 'sensible heat of the fresh solution');
    expect(solution).toBeGreaterThan(((5000 * 4201 + 5 * M.NaOH * 1487) * 35) / 3.6e6 / 0.9 * 0.99);
    expect(deliveredHeatKw(run)).toBeGreaterThanOrEqual(run.energy.minimumHeatKw);
  });

  it('the dissolution heat (415 kJ/mol Al) offsets the heating duty', () => {
    const a = runUnit('delamination-alkaline', { reactionHeatCredit: 0 }, { feed: scrap() }).run;
    const b = runUnit('delamination-alkaline', {}, { feed: scrap() }).run;
    const exo = ((0.99 * 54) / M.Al) * 415e3 / 3600;
    expect(a.energy.minimumHeatKw - b.energy.minimumHeatKw).toBeCloseTo(Math.min(exo, a.energy.minimumHeatKw), 6);
  });

  it('batch cycle: heat 35 K at 60 K/h', () => {
    const feed = scrap();
    const { run, p } = runUnit('delamination-alkaline', {}, { feed });
    const d = designUnit('delamination-alkaline', p, { feed }, run);
    expect(d.cycle!.heatH).toBeCloseTo(35 / 60, 12);
    expect(d.cycle!.dwellH).toBe(1);
  });
});

describe('delamination-alkaline: load errors', () => {
  it('a bath at the boiling point of water is refused', () => {
    expect(issues('delamination-alkaline', { temperature: '100 degC' })).toEqual(['alkaline bath temperature at or above its boiling point at atmospheric pressure (100 degC ≥ 100 degC); lower the temperature']);
  });
  it('a negative NaOH concentration is refused', () => {
    expect(issues('delamination-alkaline', { naohConcentration: -1 })).toEqual(['must not be negative (-1 mol/L); give a value ≥ 0']);
  });
});
