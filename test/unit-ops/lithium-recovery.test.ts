import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { deliveredHeatKw, designUnit, issues, makeStream, runUnit } from './preparation-helpers.js';
import { component } from '../../src/chemistry/components.js';
import { li2co3Solubility } from '../../src/unit-ops/correlations/finishing.js';
import { streamElements } from '../../src/streams/stream.js';

describe('lithium-recovery (fixtures)', () => {
  fixtureTests('lithium-recovery');
});

const MW = (id: string) => component(id).molarMass_g_per_mol;

describe('lithium-recovery: soda-ash precipitation', () => {
  it('2 LiOH + Na2CO3 → Li2CO3 + 2 NaOH at 1.1 × soda; Li2CO3 beyond its solubility precipitates', () => {
    const feed = makeStream({ H2O: 1000, LiOH: 100 }, [], 363.15);
    const { run } = runUnit('lithium-recovery', { washWater: 0 }, { feed });
    const li2co3 = (100 / MW('LiOH') / 2) * MW('Li2CO3');
    const soda = 1.1 * (100 / MW('LiOH') / 2) * MW('Na2CO3');
    expect(run.draws.Na2CO3).toBeCloseTo(soda, 9);
    const water = 1000 + (soda * 0.72) / 0.28;
    const dissolved = li2co3Solubility(363.15) * water;
    expect(li2co3Solubility(363.15)).toBeCloseTo((1.08 + ((0.69 - 1.08) * 50) / 60) / 100, 12);
    // the effluent holds the dissolved Li2CO3 at saturation; the cake's liquor crystallises in the product
    const effluent = run.outlets.effluent!.components;
    expect(effluent.Li2CO3! / effluent.H2O!).toBeCloseTo(li2co3Solubility(363.15), 12);
    expect(run.outlets.li2co3!.components.Li2CO3! + effluent.Li2CO3!).toBeCloseTo(li2co3, 9);
    expect(run.outlets.li2co3!.components.Li2CO3).toBeGreaterThan(li2co3 - dissolved);
    const naoh = 100 / MW('LiOH') * MW('NaOH');
    const all = (id: string) => (run.outlets.li2co3!.components[id] ?? 0) + (run.outlets.effluent!.components[id] ?? 0);
    expect(all('NaOH')).toBeCloseTo(naoh, 9);
    expect(all('Na2CO3')).toBeCloseTo(soda - (li2co3 / MW('Li2CO3')) * MW('Na2CO3'), 9);
    expect(run.metrics!.liRecovery).toBeCloseTo((li2co3 - dissolved) / li2co3, 12);
  });

  it('Li2SO4 and LiNO3 convert to Li2CO3 with Na2SO4 and NaNO3; Li benzoate is left as it came', () => {
    const feed = makeStream({ H2O: 300, Li2SO4: 20, LiNO3: 20, 'Li-benzoate': 5 });
    const { run } = runUnit('lithium-recovery', {}, { feed });
    const all = (id: string) => (run.outlets.li2co3!.components[id] ?? 0) + (run.outlets.effluent!.components[id] ?? 0);
    expect(all('Na2SO4')).toBeCloseTo((20 / MW('Li2SO4')) * MW('Na2SO4'), 9);
    expect(all('NaNO3')).toBeCloseTo((20 / MW('LiNO3')) * MW('NaNO3'), 9);
    expect(all('Li-benzoate')).toBeCloseTo(5, 12);
    expect(all('Li2CO3')).toBeCloseTo((20 / MW('Li2SO4') + 20 / MW('LiNO3') / 2) * MW('Li2CO3'), 9);
  });

  it('concentrating first leaves less Li dissolved (monotonic in waterRemoval); hotter precipitation recovers more', () => {
    const feed = () => makeStream({ H2O: 3000, LiOH: 30 });
    let last = 0;
    for (const waterRemoval of [0, 0.3, 0.6, 0.9]) {
      const r = runUnit('lithium-recovery', { waterRemoval }, { feed: feed() }).run.metrics!.liRecovery!;
      expect(r).toBeGreaterThan(last);
      last = r;
    }
    const cold = runUnit('lithium-recovery', { temperature: '40 degC' }, { feed: feed() }).run.metrics!.liRecovery!;
    const hot = runUnit('lithium-recovery', { temperature: '95 degC' }, { feed: feed() }).run.metrics!.liRecovery!;
    expect(hot).toBeGreaterThan(cold);
  });

  it('no free lunch: the lithium leaving in the Li2CO3 is never more than came in', () => {
    const feed = makeStream({ H2O: 201.3, LiOH: 19.3 }, [], 373.15);
    const { run } = runUnit('lithium-recovery', {}, { feed });
    const liIn = streamElements(feed).Li!;
    const liOut = streamElements(run.outlets.li2co3!).Li!;
    expect(liOut).toBeLessThan(liIn);
    expect(liOut + streamElements(run.outlets.effluent!).Li!).toBeCloseTo(liIn, 12);
    expect(run.metrics!.liRecovery).toBeGreaterThan(0.85); // the 4 mol/L bleed is concentrated enough
  });

  it('the wash displaces 90 % of the entrained salts; without wash water nothing is displaced', () => {
    const feed = () => makeStream({ H2O: 500, LiOH: 50 });
    const washed = runUnit('lithium-recovery', {}, { feed: feed() }).run;
    const unwashed = runUnit('lithium-recovery', { washWater: 0 }, { feed: feed() }).run;
    const naoh = (r: typeof washed) => r.outlets.li2co3!.components.NaOH!;
    expect(naoh(washed) / naoh(unwashed)).toBeGreaterThan(0.09);
    expect(naoh(washed) / naoh(unwashed)).toBeLessThan(0.11);
    for (const r of [washed, unwashed]) expect(r.outlets.effluent!.components.H2O).toBeGreaterThan(0);
  });

  it('energy: the delivered heat covers the sensible and latent minimum; evaporation costs latent ÷ steam economy', () => {
    const feed = makeStream({ H2O: 2000, LiOH: 20 });
    const { run } = runUnit('lithium-recovery', { waterRemoval: 0.5 }, { feed });
    expect(deliveredHeatKw(run)).toBeGreaterThanOrEqual(run.energy.minimumHeatKw);
    const evap = run.energy.items.find((i) => i.name.startsWith('evaporation'))!;
    expect(evap.kw).toBeCloseTo((1000 * component('H2O').latentHeat_J_per_kg!) / 3.6e6 / 2.5, 9);
  });

  it('design: precipitation tank for an hour of liquor, filter press and dryer; an evaporator only when evaporating', () => {
    const feed = makeStream({ H2O: 2000, LiOH: 20 });
    const { run, p } = runUnit('lithium-recovery', {}, { feed });
    const d = designUnit('lithium-recovery', p, { feed }, run);
    expect(d.equipment.map((e) => e.name)).toEqual(['precipitation tank', 'Li2CO3 filter press', 'Li2CO3 dryer']);
    const evaporating = runUnit('lithium-recovery', { waterRemoval: 0.5 }, { feed });
    expect(designUnit('lithium-recovery', evaporating.p, { feed }, evaporating.run).equipment.map((e) => e.name)).toContain('evaporator');
  });

  it('load errors: soda below stoichiometric is refused', () => {
    expect(issues('lithium-recovery', { sodaExcess: 0.9 })).toEqual(['below the minimum (0.9); it must be at least 1']);
  });
});
