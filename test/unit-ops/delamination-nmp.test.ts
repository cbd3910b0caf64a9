import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { REFERENCE_FOIL_BINDER_PER_CAM } from '../../src/unit-ops/correlations/preparation.js';
import { deliveredHeatKw, designUnit, issues, item, lot, makeStream, parse, runUnit } from './preparation-helpers.js';
import { REGISTRY } from '../../src/unit-ops/registry.js';
import { component } from '../../src/chemistry/components.js';
import { LOT_CP } from '../../src/chemistry/cathode.js';

describe('delamination-nmp (fixtures)', () => {
  fixtureTests('delamination-nmp');
});

const scrap = () => makeStream({ 'carbon-black': 10, PVDF: 10, Al: 50 }, [lot('a', 'NCM523', 430, { liPerTm: 0.86 })]);

describe('delamination-nmp: NMP balance', () => {
  it('make-up = 0.5 % of the circulated NMP (24 × binder), lost to the vent; the rest recycled', () => {
    const { run } = runUnit('delamination-nmp', {}, { feed: scrap() });
    // circulated = 24 × 10 kg/h PVDF = 240 kg/h; make-up = 0.005 × 240 = 1.2 kg/h
    expect(run.draws.NMP).toBeCloseTo(1.2, 12);
    expect(run.outlets.vent!.components.NMP).toBeCloseTo(1.2, 12);
    expect(run.recycled.NMP).toBeCloseTo(238.8, 12);
    expect(run.metrics!.nmpCirculated_kg_per_h).toBeCloseTo(240, 12);
  });

  it('EverBatt 2023 ratio 16 → 160 kg/h circulated, 0.8 kg/h make-up; NMP in the feed counts toward it', () => {
    const feed = scrap();
    feed.components.NMP = 0.3;
    const { run } = runUnit('delamination-nmp', { nmpToBinder: 16 }, { feed });
    expect(run.draws.NMP).toBeCloseTo(0.5, 12);
    expect(run.outlets.vent!.components.NMP).toBeCloseTo(0.8, 12);
  });

  it('dissolved PVDF goes to the liquor, the rest and the lots split by CAM recovery; lot ids kept', () => {
    const { run } = runUnit('delamination-nmp', { pvdfDissolution: 0.9, camRecovery: 0.95, alCarryOver: 0.02 }, { feed: scrap() });
    // the 5 % loss holds at the reference foil + binder content; this scrap has (50 + 10)/430 kg/kg
    const toCam = 1 - (0.05 * (50 + 10)) / 430 / REFERENCE_FOIL_BINDER_PER_CAM;
    expect(run.outlets.liquor!.components.PVDF).toBeCloseTo(9, 12);
    expect(run.outlets.cam!.components.PVDF).toBeCloseTo(toCam, 12);
    expect(run.outlets.cam!.lots).toEqual([expect.objectContaining({ id: 'a', liPerTm: 0.86 })]);
    expect(run.outlets.cam!.lots[0]!.massKgPerHour).toBeCloseTo(430 * toCam, 10);
    expect(run.outlets.foil!.lots[0]!.id).toBe('a');
    expect(run.outlets.foil!.lots[0]!.massKgPerHour).toBeCloseTo(430 * (1 - toCam), 10);
    expect(run.outlets.cam!.components.Al).toBeCloseTo(1, 12);
    expect(run.outlets.foil!.components.Al).toBeCloseTo(49, 12);
  });
});

describe('delamination-nmp: energy', () => {
  it('the still evaporates every kg of circulated NMP with reflux: ΔHvap × 240 × 1.5 / η', () => {
    const { run } = runUnit('delamination-nmp', {}, { feed: scrap() });
    const latent = (240 * 1.5 * component('NMP').latentHeat_J_per_kg!) / 3.6e6;
    expect(item(run, 'NMP evaporation in the still (with reflux)')).toBeCloseTo(latent / 0.9, 9);
  });

  it('delivered heat is above the sensible minimum of scrap and NMP to 100 °C', () => {
    const feed = scrap();
    const { run } = runUnit('delamination-nmp', {}, { feed });
    const cpScrap = 10 * 709 + 10 * 1200 + 50 * 897 + 430 * LOT_CP.layered.cp_J_per_kgK;
    const minimum = ((cpScrap + 240 * component('NMP').cp_J_per_kgK!) * 75) / 3.6e6;
    expect(deliveredHeatKw(run)).toBeGreaterThan(minimum);
    expect(run.energy.minimumHeatKw).toBeGreaterThan(minimum);
  });

  it('batch cycle: load 0.25 + heat 75 K at 60 K/h + dwell 1 + unload 0.25 h', () => {
    const feed = scrap();
    const { run, p } = runUnit('delamination-nmp', {}, { feed });
    const d = designUnit('delamination-nmp', p, { feed }, run);
    expect(d.mode).toBe('batch');
    expect(d.cycle).toEqual({ loadH: 0.25, heatH: 1.25, dwellH: 1, coolH: 0, unloadH: 0.25, cleanH: 0 });
    expect(d.equipment.map((e) => e.name)).toEqual(['NMP delamination tank', 'foil screen', 'cam filter press', 'NMP still']);
    expect(d.equipment[3]!.loadKgPerHour).toBeCloseTo(240, 12);
  });
});

describe('delamination-nmp: load errors', () => {
  it('a bath at or above the NMP boiling point is refused', () => {
    expect(issues('delamination-nmp', { temperature: '210 degC' })).toEqual(['NMP bath temperature at or above its boiling point at atmospheric pressure (210 degC ≥ 202.05 degC); lower the temperature']);
  });
  it('an NMP recovery above 1 is refused', () => {
    expect(issues('delamination-nmp', { nmpRecovery: 1.01 })).toEqual(['above the maximum (1.01); it must be at most 1']);
  });
});

describe('delamination-nmp: the bath kept from the run for its design', () => {
  const json = (x: unknown) => JSON.stringify(x);

  it('designs the same after its run as alone, and the cycle is the run\'s plan', () => {
    const feed = scrap();
    const { run, p } = runUnit('delamination-nmp', {}, { feed });
    const after = designUnit('delamination-nmp', p, { feed }, run);
    // alone: another parameters object and feed, nothing kept applies
    const alone = runUnit('delamination-nmp', {}, { feed: scrap() });
    const other = runUnit('delamination-nmp', { temperature: '60 degC' }, { feed: scrap() });
    const fresh = designUnit('delamination-nmp', alone.p, { feed: scrap() }, alone.run);
    expect(json(after)).toBe(json(fresh));
    expect(json(designUnit('delamination-nmp', p, { feed }, run))).toBe(json(after));
    expect(json(designUnit('delamination-nmp', other.p, { feed: scrap() }, other.run))).not.toBe(json(after));
  });

  it('works the bath out again for another feed, parameters or ambient temperature', () => {
    const feed = scrap();
    const { run, p } = runUnit('delamination-nmp', {}, { feed });
    const bigger = makeStream({ 'carbon-black': 20, PVDF: 20, Al: 100 }, [lot('a', 'NCM523', 860, { liPerTm: 0.86 })]);
    const big = runUnit('delamination-nmp', {}, { feed: bigger });
    // the slot now holds the bigger feed's bath: the first feed's design is worked out from its own
    expect(json(designUnit('delamination-nmp', p, { feed }, run))).toBe(json(designUnit('delamination-nmp', runUnit('delamination-nmp', {}, { feed: scrap() }).p, { feed: scrap() }, run)));
    expect(designUnit('delamination-nmp', big.p, { feed: bigger }, big.run).equipment[0]!.loadKgPerHour).toBeGreaterThan(designUnit('delamination-nmp', p, { feed }, run).equipment[0]!.loadKgPerHour);
    const cold = runUnit('delamination-nmp', {}, { feed }, 278.15);
    expect(cold.run.energy.heatKw.steam).not.toBe(run.energy.heatKw.steam);
  });
});

describe('delamination-nmp: a run of an equal feed', () => {
  const json = (run: unknown) => JSON.stringify(run);
  it('gives what a run of its own gives, lots split afresh (a sample changes a lot, not the components)', () => {
    const p = parse('delamination-nmp', {});
    const ctx = { unitId: 'u', ambientK: 298.15, describe: false };
    const feedOf = (liPerTm: number) => makeStream({ 'carbon-black': 10, PVDF: 10, Al: 50 }, [lot('a', 'NCM523', 430, { liPerTm })]);
    const fresh = json(REGISTRY['delamination-nmp'].run(p as never, { feed: feedOf(0.8) }, ctx));
    REGISTRY['delamination-nmp'].run(p as never, { feed: feedOf(0.86) }, ctx);
    const again = REGISTRY['delamination-nmp'].run(p as never, { feed: feedOf(0.8) }, ctx);
    expect(json(again)).toBe(fresh);
    expect(again.outlets.cam!.lots[0]!.liPerTm).toBe(0.8);
  });

  it('works the components out again when one of them, the lot mass or the context differs', () => {
    const p = parse('delamination-nmp', {});
    const ctx = { unitId: 'u', ambientK: 298.15, describe: false };
    const run = (c: Record<string, number>, kg: number, ambientK = 298.15) => json(REGISTRY['delamination-nmp'].run(p as never, { feed: makeStream(c, [lot('a', 'NCM523', kg)]) }, { ...ctx, ambientK }));
    const base = { 'carbon-black': 10, PVDF: 10, Al: 50 };
    const cases: [Record<string, number>, number, number][] = [[{ ...base, PVDF: 12 }, 430, 298.15], [{ Al: 50, 'carbon-black': 10, PVDF: 10 }, 430, 298.15], [base, 431, 298.15], [base, 430, 303.15]];
    for (const [c, kg, ambientK] of cases) {
      run(base, 430);
      const after = run(c, kg, ambientK);
      run({ Cu: 1 }, 1);
      expect(after).toBe(run(c, kg, ambientK));
    }
  });
});
