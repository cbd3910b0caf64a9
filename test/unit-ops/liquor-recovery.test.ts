import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { deliveredHeatKw, designUnit, issues, item, lot, makeStream, runUnit } from './preparation-helpers.js';
import { component } from '../../src/chemistry/components.js';

describe('liquor-recovery (fixtures)', () => {
  fixtureTests('liquor-recovery');
});

const HVAP = component('H2O').latentHeat_J_per_kg!;
const liquor = () => makeStream({ H2O: 8000, LiOH: 240, KOH: 80 }, [], 333.15);

describe('liquor-recovery', () => {
  it('multiple effect: steam for evaporation = latent heat / economy, never below the ideal latent heat / effects', () => {
    const { run } = runUnit('liquor-recovery', {}, { feed: liquor() });
    const E = 0.75 * 8000;
    const latent = (E * HVAP) / 3.6e6;
    expect(run.outlets.condensate!.components.H2O).toBeCloseTo(E, 9);
    expect(item(run, 'evaporation in 3 effect(s)')).toBeCloseTo(latent / 2.5, 9);
    expect(deliveredHeatKw(run)).toBeGreaterThanOrEqual(latent / 2.5);
    expect(run.energy.minimumHeatKw).toBeGreaterThanOrEqual(latent / 3);
  });

  it('bleed of the concentrate: 5 % of every salt; the rest recovered', () => {
    const { run } = runUnit('liquor-recovery', {}, { feed: liquor() });
    expect(run.outlets.bleed!.components.LiOH).toBeCloseTo(12, 10);
    expect(run.outlets.recovered!.components.LiOH).toBeCloseTo(228, 10);
    expect(run.outlets.recovered!.components.H2O).toBeCloseTo(0.95 * 2000, 9);
  });

  it('target 4 mol/L LiOH: recovered liquor holds 4 mol LiOH per kg of water', () => {
    const { run } = runUnit('liquor-recovery', { targetConcentration: '4 mol/L' }, { feed: liquor() });
    const r = run.outlets.recovered!.components;
    expect(((r.LiOH! / component('LiOH').molarMass_g_per_mol) * 1000) / r.H2O!).toBeCloseTo(4, 12);
  });

  it('a feed already above the target evaporates nothing', () => {
    const { run } = runUnit('liquor-recovery', { targetConcentration: '0.5 mol/L' }, { feed: liquor() });
    expect(run.outlets.condensate!.components.H2O).toBe(0);
    expect(run.diagnostics.map((d) => d.code)).toEqual(['already-concentrated']);
  });

  it('MVR: compressor electricity = 25 kWh/t of water, no latent steam; suspended lots stay in the concentrate', () => {
    const feed = makeStream({ H2O: 8000, LiOH: 240 }, [lot('fines', 'NCM523', 4)], 333.15);
    const { run, p } = runUnit('liquor-recovery', { evaporator: 'mvr' }, { feed });
    expect(item(run, 'vapour compressor (MVR)')).toBeCloseTo(0.025 * 6000, 9);
    expect(run.energy.items.some((i) => i.category === 'latent')).toBe(false);
    expect(run.metrics!.mvrCop).toBeCloseTo((6000 * HVAP) / 3.6e6 / 150, 9);
    expect(run.outlets.recovered!.lots[0]!.massKgPerHour).toBeCloseTo(3.8, 12);
    const d = designUnit('liquor-recovery', p, { feed }, run);
    expect(d.equipment.map((e) => e.name)).toEqual(['evaporator', 'MVR compressor']);
  });

  it('volatile ammonia leaves with the condensate', () => {
    const feed = liquor();
    feed.components.NH3 = 3;
    const { run } = runUnit('liquor-recovery', {}, { feed });
    expect(run.outlets.condensate!.components.NH3).toBe(3);
    expect(run.outlets.recovered!.components.NH3).toBeUndefined();
  });

  it('load errors: steam economy above the effects; two ways to set the evaporation', () => {
    expect(issues('liquor-recovery', { steamEconomy: 3.5 })).toEqual(['steam economy above the number of effects (3.5 kg water per kg steam with 3 effects); an N-effect evaporator evaporates at most N kg of water per kg of steam — lower steamEconomy or raise effects']);
    expect(issues('liquor-recovery', { waterRemoval: 0.5, targetConcentration: 4 })).toEqual(['both waterRemoval and targetConcentration are given (two ways to set the evaporation); give only one of them']);
  });
});
