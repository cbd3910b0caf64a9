import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { kindInfos } from '../../src/cli/kinds.js';
import { relithiationElectrochemical as op } from '../../src/unit-ops/relithiation-electrochemical.js';
import { makeLot, makeStream } from '../helpers.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import type { Lot } from '../../src/streams/lot.js';

const ctx = { unitId: 'relith', ambientK: 298.15 };
const lot = (o: Partial<Omit<Lot, 'chemistry'>> & { id: string; chemistry?: string }): Lot => makeLot({ ...o, chemistry: chemistryByName(o.chemistry ?? 'NCM523')! });
const parse = (p: Record<string, unknown> = {}) => op.params.parse(p);

const Li = 6.94, Co = 58.933194, Ni = 58.6934, Mn = 54.938043, O = 15.999, H = 1.008, S = 32.06;
const F = 96485.33212;
const M_LCO = (r: number) => r * Li + Co + 2 * O;
const M_NCM523 = (r: number) => r * Li + 0.5 * Ni + 0.2 * Co + 0.3 * Mn + 2 * O;
const M_Li2SO4 = 2 * Li + S + 4 * O;

describe('relithiation-electrochemical', () => {
  fixtureTests('relithiation-electrochemical');

  it('gives every parameter a description and a source', () => {
    const info = kindInfos().find((i) => i.kind === 'relithiation-electrochemical')!;
    for (const p of info.params) {
      expect(p.description, p.name).toBeTruthy();
      expect(p.source, p.name).toBeTruthy();
    }
  });

  it('refuses a Faradaic efficiency outside (0, 1] with the catalogue message', () => {
    const r = op.params.safeParse({ faradaicEfficiency: 1.2 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['faradaicEfficiency']);
    expect(r.error!.issues[0]!.message).toBe('Faradaic efficiency is outside (0, 1] (1.2); give a value above 0 and at most 1 (1 means every electron inserts lithium)');
    expect(op.params.safeParse({ faradaicEfficiency: 0 }).success).toBe(false);
    expect(op.params.safeParse({ faradaicEfficiency: '100 %' }).success).toBe(true);
  });

  it('passes Q = F·Σ n·Δr / FE, takes t = Q·loading/(j·m) and uses V·Q of electricity', () => {
    const p = parse({ faradaicEfficiency: 0.8, cellVoltage: '2.5 V', currentDensity: '1 mA/cm2', electrodeLoading: '20 mg/cm2' });
    const feed = makeStream({}, [lot({ id: 'lco', chemistry: 'LCO', massKgPerHour: 100, liPerTm: 0.85 })]);
    const run = op.run(p, { feed, recycle: makeStream() }, ctx);
    const nTm = 100 / M_LCO(0.85); // kmol/h
    const q = (F * nTm * 1000 * 0.15) / 0.8; // C/h
    expect(run.metrics!.charge_Ah_per_h).toBeCloseTo(q / 3600, 6);
    // j = 10 A/m², loading 0.2 kg/m² → 50 A per kg; t = (q/100 kg)/50 A
    expect(run.metrics!.chargeTime_h).toBeCloseTo(q / 100 / 50 / 3600, 9);
    const cell = run.energy.items.find((i) => i.category === 'electrochemical')!;
    expect(cell.kw).toBeCloseTo((2.5 * q) / 3.6e6, 9);
    // Faradaic loss as water electrolysis: H2 = (Q − F·n·Δr)/(2F)
    const h2Kmol = (nTm * 0.15 * (1 / 0.8 - 1)) / 2;
    expect(run.outlets.vent!.components.H2).toBeCloseTo(h2Kmol * 2 * H, 9);
    expect(run.outlets.vent!.components.O2).toBeCloseTo((nTm * 0.15 / 4 + h2Kmol / 2) * 2 * O, 9);
    // Li2SO4 consumed: (1 − r)/2 per TM
    expect(run.metrics!.Li2SO4_consumed_kg_per_kg_cam).toBeCloseTo((nTm * 0.15 / 2 * M_Li2SO4) / 100, 9);
  });

  it('brings every lot close to the target: fast lots exactly, slow lots within a few % of their deficit', () => {
    const feed = makeStream({}, [
      lot({ id: 'fast', chemistry: 'NCM523', liPerTm: 0.85 }),
      lot({ id: 'slow', chemistry: 'Ni90', liPerTm: 0.85, d50_um: 20, morphology: 'single-crystal' }),
    ]);
    const run = op.run(parse(), { feed, recycle: makeStream() }, ctx);
    const [fast, slow] = run.outlets.solids!.lots;
    expect(fast!.liPerTm).toBe(1);
    const m = 0.25 * 0.5 * Math.exp(-0.9);
    expect(slow!.liPerTm).toBeCloseTo(1 - 0.05 * (1 - m) * 0.15, 12);
    expect(1 - slow!.liPerTm).toBeLessThan(0.01);
    expect(fast!.massKgPerHour).toBeCloseTo((100 / M_NCM523(0.85)) * M_NCM523(1), 9);
  });

  it('does not delithiate lots above the target and draws only the electrolyte make-up', () => {
    const feed = makeStream({}, [lot({ id: 'rich', chemistry: 'LCO', liPerTm: 1.02 })]);
    const recycle = makeStream({ Li2SO4: 1000, H2O: 5000 });
    const run = op.run(parse(), { feed, recycle }, ctx);
    expect(run.outlets.solids!.lots[0]!.liPerTm).toBe(1.02);
    expect(run.metrics!.charge_Ah_per_h).toBe(0);
    expect(run.draws).toEqual({});
    expect(run.recycled.Li2SO4).toBeCloseTo((100 * 5 * 1 * M_Li2SO4) / 1000, 9);
  });

  it('builds a batch cycle of load + charge + unload on cell stacks sized in m² of electrode', () => {
    const p = parse();
    const inlets = { feed: makeStream({}, [lot({ id: 'a', chemistry: 'NCM523', massKgPerHour: 100, liPerTm: 0.85 })]), recycle: makeStream() };
    const run = op.run(p, inlets, ctx);
    const d = op.design(p, inlets, run, ctx);
    expect(d.cycle!.dwellH).toBeCloseTo(run.metrics!.chargeTime_h!, 12);
    expect(d.residenceTimeH).toBeCloseTo(0.5 + run.metrics!.chargeTime_h! + 0.5, 12);
    expect(d.equipment[0]!.sizeUnit).toBe('m2');
    expect(d.equipment[0]!.capacityPerSize).toBeCloseTo(0.21, 12);
  });
});
