import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { deliveredHeatKw, designUnit, issues, item, lot, makeStream, runUnit } from './preparation-helpers.js';
import { component } from '../../src/chemistry/components.js';

describe('delamination-des (fixtures)', () => {
  fixtureTests('delamination-des');
});

const MW = (id: string) => component(id).molarMass_g_per_mol;
const scrap = () => makeStream({ 'carbon-black': 10, PVDF: 10, Al: 54 }, [lot('a', 'NCM523', 426)]);

describe('delamination-des', () => {
  it('DES make-up = (1 − recovery) × circulated, choline chloride : ethylene glycol 1 : 2 by mole', () => {
    const { run } = runUnit('delamination-des', {}, { feed: scrap() });
    const lost = 0.1 * 10 * 500;
    expect(run.draws['choline-chloride']! + run.draws['ethylene-glycol']!).toBeCloseTo(lost, 9);
    expect((run.draws['ethylene-glycol']! / MW('ethylene-glycol')) / (run.draws['choline-chloride']! / MW('choline-chloride'))).toBeCloseTo(2, 12);
    expect(run.outlets.liquor!.components.PVDF).toBeCloseTo(9, 12);
    expect(run.recycled['choline-chloride']! + run.recycled['ethylene-glycol']!).toBeCloseTo(4500, 9);
  });

  it('urea DES: 1 : 2 by mole with urea', () => {
    const { run } = runUnit('delamination-des', { des: 'ChCl-urea', temperature: '160 degC' }, { feed: scrap() });
    expect((run.draws.urea! / MW('urea')) / (run.draws['choline-chloride']! / MW('choline-chloride'))).toBeCloseTo(2, 12);
  });

  it('DES regeneration evaporates desRecovery × washWater; steam = latent / economy', () => {
    const { run } = runUnit('delamination-des', { evaporatorEffects: 3, steamEconomy: 2.5 }, { feed: scrap() });
    const water = 0.9 * 5000;
    const latent = (water * component('H2O').latentHeat_J_per_kg!) / 3.6e6;
    expect(item(run, 'water evaporated from the DES (3 effect(s))')).toBeCloseTo(latent / 2.5, 9);
    expect(deliveredHeatKw(run)).toBeGreaterThan(latent / 2.5);
  });

  it('batch cycle: 155 K heat-up at 60 K/h, 0.5 h dwell', () => {
    const feed = scrap();
    const { run, p } = runUnit('delamination-des', {}, { feed });
    const d = designUnit('delamination-des', p, { feed }, run);
    expect(d.cycle!.heatH).toBeCloseTo(155 / 60, 12);
    expect(d.cycle!.dwellH).toBe(0.5);
  });

  it('load errors: ethaline above the ethylene-glycol boiling point; economy above the effects', () => {
    expect(issues('delamination-des', { temperature: '200 degC' })).toEqual(['DES bath temperature (ethylene glycol) at or above its boiling point at atmospheric pressure (200 degC ≥ 197.35 degC); lower the temperature']);
    expect(issues('delamination-des', { steamEconomy: 1.5 })).toEqual(['steam economy above the number of effects (1.5 kg water per kg steam with 1 effects); an N-effect evaporator evaporates at most N kg of water per kg of steam — lower steamEconomy or raise effects']);
  });
});
