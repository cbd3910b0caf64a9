import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { kindInfos } from '../../src/cli/kinds.js';
import { relithiationHydrothermal as op } from '../../src/unit-ops/relithiation-hydrothermal.js';
import { makeLot, makeStream } from '../helpers.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import type { Lot } from '../../src/streams/lot.js';
import type { Stream } from '../../src/streams/stream.js';

const ctx = { unitId: 'relith', ambientK: 298.15 };
const lot = (o: Partial<Omit<Lot, 'chemistry'>> & { id: string; chemistry?: string }): Lot => makeLot({ ...o, chemistry: chemistryByName(o.chemistry ?? 'NCM523')! });
const parse = (p: Record<string, unknown> = {}) => op.params.parse(p);
const empty = (): Stream => makeStream();

// Atomic weights typed by hand (IUPAC, as REFERENCE.md 1.6).
const Li = 6.94, Ni = 58.6934, Co = 58.933194, Mn = 54.938043, O = 15.999, H = 1.008;
const M_NCM523 = (r: number) => r * Li + 0.5 * Ni + 0.2 * Co + 0.3 * Mn + 2 * O;
const M_LiOH = Li + O + H;

describe('relithiation-hydrothermal', () => {
  fixtureTests('relithiation-hydrothermal');

  it('gives every parameter a description and a source', () => {
    const info = kindInfos().find((i) => i.kind === 'relithiation-hydrothermal')!;
    for (const p of info.params) {
      expect(p.description, p.name).toBeTruthy();
      expect(p.source, p.name).toBeTruthy();
    }
  });

  it('consumes LiOH by hand stoichiometry: 0.1 Li deficit of NCM523, per kg CAM', () => {
    const p = parse({ duration: '200 h' }); // long enough that the lot reaches r_eq = 1
    const feed = makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', massKgPerHour: 1000, liPerTm: 0.9 })]);
    const run = op.run(p, { feed, recycle: empty() }, ctx);
    const nTm = 1000 / M_NCM523(0.9); // kmol TM per hour
    const liohPerKg = (nTm * 0.1 * M_LiOH) / 1000; // ≈ 0.02498 kg LiOH per kg CAM
    expect(liohPerKg).toBeCloseTo(0.024982, 5);
    expect(run.metrics!.LiOH_consumed_kg_per_kg_cam).toBeCloseTo(liohPerKg, 9);
    // the same from the LiOH balance: fresh LiOH·H2O in − LiOH out in the liquor and the cake
    const liohIn = (run.draws['LiOH·H2O']! / (M_LiOH + 2 * H + O)) * M_LiOH;
    const liohOut = (run.outlets.liquor!.components.LiOH ?? 0) + (run.outlets.solids!.components.LiOH ?? 0);
    expect((liohIn - liohOut) / 1000).toBeCloseTo(liohPerKg, 9);
    // O2 vented: (1 − r)/4 per TM
    expect(run.outlets.vent!.components.O2).toBeCloseTo((nTm * 0.1 * 2 * O) / 4, 9);
    // the lot keeps its id and TM moles; its mass follows Li/TM = 1
    const out = run.outlets.solids!.lots[0]!;
    expect(out.id).toBe('a');
    expect(out.liPerTm).toBeCloseTo(1, 12);
    expect(out.massKgPerHour).toBeCloseTo(nTm * M_NCM523(1), 9);
  });

  it('leaves a slow 20 µm single-crystal Ni90 lot under-lithiated where a 10 µm lot repairs', () => {
    const feed = makeStream({}, [
      lot({ id: 'fast', chemistry: 'NCM523', liPerTm: 0.85, d50_um: 10 }),
      lot({ id: 'slow', chemistry: 'Ni90', liPerTm: 0.85, d50_um: 20, morphology: 'single-crystal' }),
    ]);
    const run = op.run(parse(), { feed, recycle: empty() }, ctx);
    const [fast, slow] = run.outlets.solids!.lots;
    // k = 1 /h at 220 °C (HYDROTHERMAL_RATE); fast: m = 1 → 1 − 0.15·e^(−4)
    expect(fast!.liPerTm).toBeCloseTo(1 - 0.15 * Math.exp(-4), 9);
    // slow: m = (10/20)² · 0.5 · e^(−3·0.3) = 0.0508 → 1 − 0.15·e^(−4m)
    const m = 0.25 * 0.5 * Math.exp(-0.9);
    expect(slow!.liPerTm).toBeCloseTo(1 - 0.15 * Math.exp(-4 * m), 9);
    expect(slow!.liPerTm).toBeLessThan(0.9);
    expect(fast!.liPerTm - slow!.liPerTm).toBeGreaterThan(0.1);
  });

  it('passes LFP and lots already at r_eq unchanged', () => {
    const feed = makeStream({}, [
      lot({ id: 'lfp', chemistry: 'LFP', liPerTm: 0.9 }),
      lot({ id: 'rich', chemistry: 'NCM811', liPerTm: 1.03 }),
    ]);
    const run = op.run(parse(), { feed, recycle: empty() }, ctx);
    expect(run.outlets.solids!.lots.map((l) => [l.id, l.liPerTm, l.massKgPerHour])).toEqual([['lfp', 0.9, 100], ['rich', 1.03, 100]]);
    expect(run.outlets.vent!.components.O2 ?? 0).toBe(0);
  });

  it('treats 0.1 M LiOH + 3.9 M KOH at the rate of 4 M LiOH (hydroxide factor) when Li suffices', () => {
    const l = lot({ id: 'a', chemistry: 'NCM622', liPerTm: 0.9 });
    const a = op.run(parse(), { feed: makeStream({}, [l]), recycle: empty() }, ctx);
    const b = op.run(parse({ lioh: '0.1 mol/L', koh: '3.9 mol/L', solidLiquidRatio: '0.05 kg/L' }), { feed: makeStream({}, [l]), recycle: empty() }, ctx);
    expect(b.metrics!.hydroxideFactor).toBeCloseTo(1, 12);
    expect(b.outlets.solids!.lots[0]!.liPerTm).toBeCloseTo(a.outlets.solids!.lots[0]!.liPerTm, 12);
    const c = op.run(parse({ lioh: '2 mol/L' }), { feed: makeStream({}, [l]), recycle: empty() }, ctx);
    expect(c.outlets.solids!.lots[0]!.liPerTm).toBeLessThan(a.outlets.solids!.lots[0]!.liPerTm);
  });

  it('takes LiOH, KOH and water from the recycle first and draws only the make-up', () => {
    const feed = makeStream({}, [lot({ id: 'a', massKgPerHour: 200, liPerTm: 0.9 })]);
    // 200 kg/h at 0.2 kg/L → 1000 L/h at 4 M: 95.8 kg/h LiOH in 1092.9 kg/h liquor
    const recycle = makeStream({ LiOH: 80, H2O: 900 }, [], 333.15);
    const run = op.run(parse(), { feed, recycle }, ctx);
    expect(run.recycled).toEqual({ LiOH: 80, H2O: 900 });
    const liohDemand = (1000 * 4 * M_LiOH) / 1000;
    const rho = 997.05 + 23.96 * 4; // kg/m³
    const makeUpLiOH = liohDemand - 80;
    const hydrate = (makeUpLiOH / M_LiOH) * (M_LiOH + 2 * H + O);
    expect(run.draws['LiOH·H2O']).toBeCloseTo(hydrate, 6);
    const waterDemand = rho - liohDemand;
    expect(run.draws.H2O).toBeCloseTo(waterDemand - 900 - (hydrate - makeUpLiOH), 6);
    expect(run.metrics!.liquorVolume_L_per_h).toBeCloseTo(1000, 6);
  });

  it('dilutes the charge, and slows the repair, when the recycle brings more water than the set liquor', () => {
    const feed = makeStream({}, [lot({ id: 'a', massKgPerHour: 200, liPerTm: 0.85 })]);
    const set = op.run(parse(), { feed, recycle: empty() }, ctx);
    const wet = op.run(parse(), { feed, recycle: makeStream({ H2O: 2000 }) }, ctx); // ≈ twice the set water (997 kg/h)
    expect(set.metrics!.hydroxideMolarity_mol_per_L).toBeCloseTo(4, 9);
    expect(wet.metrics!.hydroxideMolarity_mol_per_L).toBeLessThan(2.2);
    expect(wet.draws.H2O ?? 0).toBe(0);
    expect(wet.outlets.solids!.lots[0]!.liPerTm).toBeLessThan(set.outlets.solids!.lots[0]!.liPerTm);
  });

  it('reports the autoclave pressure as the saturated vapour pressure (IAPWS-IF97)', () => {
    const run = op.run(parse(), { feed: makeStream({}, [lot({ id: 'a' })]), recycle: empty() }, ctx);
    expect(run.metrics!.pressure_Pa! / 1e6).toBeCloseTo(2.3196, 3); // steam tables: 2.3196 MPa at 220 °C
    const cold = op.run(parse({ temperature: '100 degC' }), { feed: makeStream({}, [lot({ id: 'a' })]), recycle: empty() }, ctx);
    expect(cold.metrics!.pressure_Pa).toBeCloseTo(101418, -1);
  });

  it('never delivers less heat than the sensible minimum of liquor, solids and vessel', () => {
    const p = parse();
    const feed = makeStream({}, [lot({ id: 'a', massKgPerHour: 1000, liPerTm: 0.85 })]);
    const run = op.run(p, { feed, recycle: empty() }, ctx);
    // by hand: 5000 L/h of 4 M LiOH; LiOH cp 49.7 J/(mol·K), water 18.09 cal/(mol·K), CAM 700 J/(kg·K)
    const lioh = 5000 * 4 * M_LiOH / 1000;
    const water = (5000 * (997.05 + 23.96 * 4)) / 1000 - lioh;
    const cpLiOH = 49.7 / M_LiOH * 1000;
    const cpWater = (18.09 * 4.184) / (2 * H + O) * 1000;
    const dT = 220 - 25;
    const sensibleKw = ((lioh * cpLiOH + water * cpWater + 1000 * 700) * dT) / 3.6e6;
    expect(run.energy.minimumHeatKw).toBeGreaterThan(sensibleKw);
    const steam = run.energy.heatKw.steam!;
    expect(steam).toBeGreaterThanOrEqual(run.energy.minimumHeatKw);
    expect(steam).toBeGreaterThan(sensibleKw / 0.85);
    expect(sensibleKw).toBeGreaterThan(1000); // ≈1 kWh of heat per kg CAM at 0.2 kg/L without heat recovery
    expect(run.energy.electricityKw).toBeGreaterThan(0); // the agitator
  });

  it('builds the cycle as load + ramp + dwell + cool + unload', () => {
    const p = parse({ loadTime: '0.5 h', unloadTime: '0.75 h', heatingRate: '100 K/h', coolingRate: '50 K/h', dischargeTemperature: '70 degC', duration: '3 h' });
    const inlets = { feed: makeStream({}, [lot({ id: 'a', massKgPerHour: 500 })]), recycle: empty() };
    const run = op.run(p, inlets, ctx);
    const d = op.design(p, inlets, run, ctx);
    const heat = (220 - 25) / 100;
    const cool = (220 - 70) / 50;
    expect(d.mode).toBe('batch');
    expect(d.cycle).toEqual({ loadH: 0.5, heatH: expect.closeTo(heat, 12), dwellH: 3, coolH: expect.closeTo(cool, 12), unloadH: 0.75, cleanH: 0 });
    expect(d.residenceTimeH).toBeCloseTo(0.5 + heat + 3 + cool + 0.75, 12);
    expect(run.metrics!.cycleTime_h).toBeCloseTo(d.residenceTimeH, 12);
    const autoclave = d.equipment[0]!;
    expect(autoclave.sizeUnit).toBe('m3');
    expect(autoclave.maxSize).toBe(10);
    // kg CAM per batch per m³ = fill / (hot liquor + solid volume per kg CAM); 5 L/kg expands by
    // ρ_water(25 °C) / ρ_water(220 °C) = 997.0 / 840.2 (steam tables)
    const perKg = ((1 / 0.2) * (997.0 / 840.25)) / 1000 + 1 / 4650;
    expect(autoclave.capacityPerSize).toBeCloseTo(0.75 / perKg, 0);
    expect(run.metrics!.liquorThermalExpansion).toBeCloseTo(997.0 / 840.25, 3);
    expect(autoclave.cost.materialFactor!).toBeGreaterThan(1.7 * 4); // 24 barg pressure factor × stainless clad
  });

  it('does not mutate its inlets', () => {
    const feed = makeStream({ H2O: 5 }, [lot({ id: 'a', liPerTm: 0.8 })]);
    const recycle = makeStream({ LiOH: 10, H2O: 100 });
    const before = JSON.stringify({ feed, recycle });
    op.run(parse(), { feed, recycle }, ctx);
    expect(JSON.stringify({ feed, recycle })).toBe(before);
  });

  it('refuses a solid:liquid ratio outside the validated range', () => {
    const r = op.params.safeParse({ solidLiquidRatio: '1.5 kg/L' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['solidLiquidRatio']);
    expect(r.error!.issues[0]!.message).toBe('solid:liquid ratio is outside the validated range (1.5 kg/L); give 0.01–1 kg of CAM per L of liquor');
    expect(op.params.safeParse({ solidLiquidRatio: '5 g/L' }).success).toBe(false);
    expect(op.params.safeParse({ solidLiquidRatio: '300 g/L' }).success).toBe(true);
  });

  it('refuses a working fill outside 15–90 %', () => {
    const r = op.params.safeParse({ workingFill: 0.95 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('above the maximum (0.95); it must be at most 0.9');
  });
});

describe('saturation properties of water', () => {
  it('give the same number for a temperature asked again, between others (the last kept)', async () => {
    const { saturationPressurePa, saturatedWaterDensity } = await import('../../src/unit-ops/correlations/relithiation.js');
    const p493 = saturationPressurePa(493.15);
    const p373 = saturationPressurePa(373.15);
    expect(saturationPressurePa(493.15)).toBe(p493);
    expect(saturationPressurePa(373.15)).toBe(p373);
    expect(p373).toBeCloseTo(101_418, -2); // IF97: 0.101418 MPa at 100 °C
    const d493 = saturatedWaterDensity(493.15);
    expect(saturatedWaterDensity(298.15)).toBeCloseTo(997.0, 0);
    expect(saturatedWaterDensity(493.15)).toBe(d493);
    expect(Number.isNaN(saturationPressurePa(Number.NaN))).toBe(true);
  });
});

describe('the last charge kept (a recycle loop runs the autoclave twice on the same charge)', () => {
  const flows = (r: ReturnType<typeof op.run>) => JSON.stringify({ outlets: r.outlets, draws: r.draws, recycled: r.recycled, metrics: r.metrics, diagnostics: r.diagnostics, energy: r.energy });
  const feedOf = () => makeStream({ PVDF: 3 }, [lot({ id: 'a', massKgPerHour: 800, liPerTm: 0.9 }), lot({ id: 'b', chemistry: 'NCM811', massKgPerHour: 400, liPerTm: 0.8 })]);
  // 1200 kg/h at 0.2 kg/L → 6000 L/h at 4 M LiOH: the recycle supplies part of the LiOH and water, not more.
  const recycleOf = () => makeStream({ LiOH: 300, H2O: 2000 }, [], 333.15);

  it('reuses the outlets of an equal charge (recycle in place of make-up), with every figure of a fresh run', () => {
    const p = parse();
    const feed = feedOf();
    const first = op.run(p, { feed, recycle: empty() }, ctx);
    const second = op.run(p, { feed, recycle: recycleOf() }, ctx);
    expect(second.outlets.solids).toBe(first.outlets.solids);
    expect(second.outlets.liquor).toBe(first.outlets.liquor);
    // a fresh run of the same inlets (new parameters and feed objects: nothing kept applies)
    const fresh = op.run(parse(), { feed: feedOf(), recycle: recycleOf() }, ctx);
    expect(fresh.outlets.solids).not.toBe(first.outlets.solids);
    expect(flows(second)).toBe(flows(fresh));
    expect(second.recycled).toEqual({ LiOH: 300, H2O: 2000 });
  });

  it('works the charge out again when it differs, the feed or the parameters are others', () => {
    const p = parse();
    const feed = feedOf();
    const set = op.run(p, { feed, recycle: empty() }, ctx);
    // more water than the set liquor: another charge
    const wet = op.run(p, { feed, recycle: makeStream({ H2O: 20000 }) }, ctx);
    expect(wet.outlets.solids).not.toBe(set.outlets.solids);
    expect(flows(wet)).toBe(flows(op.run(parse(), { feed: feedOf(), recycle: makeStream({ H2O: 20000 }) }, ctx)));
    const otherFeed = op.run(p, { feed: feedOf(), recycle: empty() }, ctx);
    expect(otherFeed.outlets.solids).not.toBe(set.outlets.solids);
    const otherParams = op.run(parse(), { feed, recycle: empty() }, ctx);
    expect(otherParams.outlets.solids).not.toBe(set.outlets.solids);
    expect(flows(otherParams)).toBe(flows(set));
    const otherUnit = op.run(p, { feed, recycle: empty() }, { ...ctx, unitId: 'other' });
    expect(otherUnit.outlets.solids).not.toBe(set.outlets.solids);
  });

  it('gives the same result whatever ran before, also after an outlets-only pass and with the Li running short', async () => {
    const { outletsOnlyRun } = await import('../../src/unit-ops/contract.js');
    // 0.01 M LiOH holds less Li than the lots take: a lithium-limited warning, kept with the outcome
    const p = parse({ lioh: '0.01 mol/L', duration: '50 h' });
    const feed = feedOf();
    outletsOnlyRun(() => op.run(p, { feed, recycle: empty() }, ctx));
    const full = op.run(p, { feed, recycle: empty() }, ctx);
    expect(full.diagnostics.map((d) => d.code)).toEqual(['lithium-limited']);
    const alone = op.run(parse({ lioh: '0.01 mol/L', duration: '50 h' }), { feed: feedOf(), recycle: empty() }, ctx);
    expect(flows(full)).toBe(flows(alone));
    expect(full.diagnostics).not.toBe(alone.diagnostics);
  });

  it('without describing (a Monte Carlo sample) gives only the metrics its design reads, with the values of a full run, and the same design', () => {
    const p = parse();
    const full = op.run(p, { feed: feedOf(), recycle: makeStream({ H2O: 100, LiOH: 5 }) }, ctx);
    const quiet = op.run(p, { feed: feedOf(), recycle: makeStream({ H2O: 100, LiOH: 5 }) }, { ...ctx, describe: false });
    const streams = (r: typeof full) => JSON.stringify({ outlets: r.outlets, draws: r.draws, recycled: r.recycled, diagnostics: r.diagnostics });
    expect(streams(quiet)).toBe(streams(full));
    expect(quiet.energy).toEqual({ ...full.energy, items: [] });
    const keys = ['camKgPerHour', 'camPerBatch_kg', 'cycleLoad_h', 'cycleHeat_h', 'cycleCool_h', 'cycleUnload_h'];
    expect(Object.keys(quiet.metrics!)).toEqual(keys);
    for (const k of keys) expect(Object.is(quiet.metrics![k], full.metrics![k]), k).toBe(true);
    const designOf = (run: typeof full, describe: boolean) => op.design(p, { feed: feedOf(), recycle: empty() }, run, { ...ctx, describe });
    expect(designOf(quiet, false)).toEqual(designOf(full, false));
  });
});
