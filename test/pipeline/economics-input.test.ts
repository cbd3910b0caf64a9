/**
 * economicsInput (pipeline/economics-input.ts) gives the same input whatever was evaluated before:
 * its parcel sums are lent per call, a unit's runner (evaluate.ts) is made again for another unit
 * object or feed basis, and the feed lines a sample keeps for the next are kept only while
 * everything they are made from is the same — so an evaluation gives the same input and KPIs
 * whatever was evaluated before it.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { kpisOf } from '../../src/pipeline/document.js';
import type { Patch } from '../../src/pipeline/patch.js';
import type { EconomicsInput } from '../../src/economics/input.js';

/** Elements as a sample's input holds them: Ni, Co and Li only, each when present (economics-input.ts paidElements). */
const paid = (e: Record<string, number>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k of ['Ni', 'Co', 'Li']) if (e[k] !== undefined) out[k] = e[k]!;
  return out;
};

/** A report run's input as a sample's holds it: the elements of feed lines (and their in-spec parts) and off-spec parcels reduced to Ni, Co and Li. */
const asSample = (input: EconomicsInput): EconomicsInput => ({
  ...input,
  feedLots: input.feedLots.map((l) => ({ ...l, elementsKgPerYear: paid(l.elementsKgPerYear), ...(l.inSpecAtEntry ? { inSpecAtEntry: { ...l.inSpecAtEntry, elementsKgPerYear: paid(l.inSpecAtEntry.elementsKgPerYear) } } : {}) })),
  products: { ...input.products, offSpec: input.products.offSpec.map((p) => ({ ...p, elementsKgPerYear: paid(p.elementsKgPerYear) })) },
});

const runOf = (file: string, mode: 'report' | 'sample') => {
  const ev = evaluate(resolveModel(loadRawScenario(file)), { mode });
  return JSON.stringify({ input: ev.economicsInput, kpis: kpisOf(ev) });
};

describe('an evaluation does not depend on the one before', () => {
  it('the same economics input and KPIs after scenarios of other feeds (basis, lots, grades), in both modes', () => {
    for (const mode of ['report', 'sample'] as const) {
      const first = runOf('scenarios/reference-cn.yaml', mode);
      const others = ['scenarios/black-mass-cn.yaml', 'scenarios/cam-powder-cn.yaml', 'scenarios/two-morphologies-cn.yaml'].map((f) => runOf(f, mode));
      expect(runOf('scenarios/reference-cn.yaml', mode)).toBe(first);
      // And the others again, after the reference.
      expect(['scenarios/black-mass-cn.yaml', 'scenarios/cam-powder-cn.yaml', 'scenarios/two-morphologies-cn.yaml'].map((f) => runOf(f, mode))).toStrictEqual(others);
    }
  });
});

describe('boundary streams planned per stream list', () => {
  it('the same economics input for each route, whatever route was evaluated before', () => {
    const routes = ['flowsheets/hydrothermal.yaml', 'flowsheets/molten-salt.yaml', 'flowsheets/solid-state.yaml'];
    const inputOf = (f: string) => JSON.stringify(evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml', f)), { mode: 'sample' }).economicsInput);
    const first = routes.map(inputOf);
    expect([...routes].reverse().map(inputOf)).toStrictEqual([...first].reverse());
    expect(routes.map(inputOf)).toStrictEqual(first);
  });
});

describe('feed lines of samples (EconomicsInputOptions.sample)', () => {
  const raw = loadRawScenario('scenarios/reference-cn.yaml');
  const inputOf = (patches: Patch[], mode: 'report' | 'sample') => evaluate(resolveModel(raw, patches), { mode }).economicsInput;

  it('the same lines as a report run whatever the samples before; a line kept only while its lot, rows and settings are the same', () => {
    const steps: Patch[][] = [
      [],
      [{ path: 'feed.lots[ev-811].liPerTm', value: 0.7 }],
      [{ path: 'feed.lots[ev-811].liPerTm', value: 0.95 }, { path: 'prices.LiOH·H2O', value: '9 USD/kg' }],
      [{ path: 'plant.capacity', value: '7000 t/yr' }],
      [{ path: 'plant.operatingHours', value: '6000 h/yr' }],
      [{ path: 'spec.liPerTmMin', value: 0.99 }],
      [],
      [],
    ];
    // Lines kept from the sample before: the four lots a feed patch leaves alone; none after another capacity, operating hours or spec; all five after the same scenario.
    const keptExpected = [0, 4, 4, 0, 0, 0, 0, 5];
    let before: ReturnType<typeof inputOf> | undefined;
    steps.forEach((patches, step) => {
      const sample = inputOf(patches, 'sample');
      expect(JSON.stringify(sample.feedLots)).toBe(JSON.stringify(asSample(inputOf(patches, 'report')).feedLots));
      expect(sample.feedLots.filter((l, j) => l === before?.feedLots[j]).length, `step ${step}`).toBe(keptExpected[step]);
      before = sample;
    });
    // The lot patched is a new object each time: its line made again.
    const a = inputOf([{ path: 'feed.lots[ev-811].liPerTm', value: 0.71 }], 'sample');
    const b = inputOf([{ path: 'feed.lots[ev-811].liPerTm', value: 0.71 }], 'sample');
    const j = a.feedLots.findIndex((l) => l.id === 'ev-811');
    expect(b.feedLots[j]).not.toBe(a.feedLots[j]);
    expect(JSON.stringify(b.feedLots[j])).toBe(JSON.stringify(a.feedLots[j]));
    // Report runs never share a line.
    expect(inputOf([], 'report').feedLots[0]).not.toBe(inputOf([], 'report').feedLots[0]);
  });

  it('other feeds in between (other lots, ids, bases): every sample line as a report makes it (its elements reduced to Ni, Co and Li), with the same KPIs', () => {
    for (const f of ['scenarios/reference-cn.yaml', 'scenarios/black-mass-cn.yaml', 'scenarios/two-morphologies-cn.yaml', 'scenarios/reference-cn.yaml', 'scenarios/cam-powder-cn.yaml', 'scenarios/reference-cn.yaml']) {
      const m = resolveModel(loadRawScenario(f));
      const sample = evaluate(m, { mode: 'sample' });
      const report = evaluate(m);
      expect(JSON.stringify(sample.economicsInput)).toBe(JSON.stringify(asSample(report.economicsInput)));
      expect(JSON.stringify(kpisOf(sample))).toBe(JSON.stringify(kpisOf(report)));
    }
  });

  it('off-spec parcels of a sample: the Ni, Co and Li of the report run, nothing else (the full record in report mode)', () => {
    const m = resolveModel(loadRawScenario('scenarios/reference-cn.yaml'));
    const sample = evaluate(m, { mode: 'sample' }).economicsInput.products.offSpec;
    const report = evaluate(m).economicsInput.products.offSpec;
    expect(sample.length).toBeGreaterThan(0);
    expect(sample.length).toBe(report.length);
    sample.forEach((p, i) => {
      expect(Object.keys(p.elementsKgPerYear).every((k) => k === 'Ni' || k === 'Co' || k === 'Li')).toBe(true);
      expect(p.elementsKgPerYear).toStrictEqual(paid(report[i]!.elementsKgPerYear));
      expect(Object.keys(report[i]!.elementsKgPerYear).length).toBeGreaterThan(Object.keys(p.elementsKgPerYear).length);
    });
  });
});

describe('equipment lines of samples (kept from the sample before while their values are the same)', () => {
  const raw = loadRawScenario('scenarios/reference-cn.yaml');
  const inputOf = (patches: Patch[], mode: 'report' | 'sample') => evaluate(resolveModel(raw, patches), { mode }).economicsInput;
  type Line = EconomicsInput['equipment'][number];
  /** A line's values, numbers by Object.is and the correlation by identity (what keeps a line). */
  const same = (a: Line, b: Line) =>
    a.unitId === b.unitId && a.name === b.name && Object.is(a.size, b.size) && a.sizeUnit === b.sizeUnit && Object.is(a.count, b.count) && a.cost === b.cost;
  /** The same values, the correlation by its values (a design may make its correlation per run: the autoclave's). */
  const equal = (a: Line, b: Line) => same({ ...a, cost: b.cost }, b) && JSON.stringify(a.cost) === JSON.stringify(b.cost);

  it('the lines a report run makes, whatever the samples before; a kept line only where nothing changed', () => {
    const steps: Patch[][] = [
      [],
      [],
      [{ path: 'feed.lots[ev-811].liPerTm', value: 0.7 }],
      [{ path: 'plant.capacity', value: '9000 t/yr' }],
      [{ path: 'plant.capacity', value: '700 t/yr' }],
      [],
    ];
    let before: EconomicsInput | undefined;
    let changed = 0;
    steps.forEach((patches, step) => {
      const sample = inputOf(patches, 'sample');
      const report = inputOf(patches, 'report');
      expect(sample.equipment.length, `step ${step}`).toBe(report.equipment.length);
      sample.equipment.forEach((l, i) => {
        expect(equal(l, report.equipment[i]!), `step ${step} ${l.unitId}.${l.name}`).toBe(true);
        const prior = before?.equipment[i];
        // The object of the sample before exactly when its values are the same.
        expect(l === prior, `step ${step} ${l.unitId}.${l.name}`).toBe(prior !== undefined && same(l, prior));
        if (prior !== undefined && !same(l, prior)) changed++;
      });
      // The same scenario again: every line whose correlation is a shared object is kept.
      if (step === 1) expect(sample.equipment.filter((l, i) => l === before!.equipment[i]).length).toBeGreaterThan(sample.equipment.length / 2);
      before = sample;
    });
    // Another capacity sizes some items otherwise: those lines were made again.
    expect(changed).toBeGreaterThan(0);
    // Report runs never share a line.
    expect(inputOf([], 'report').equipment[0]).not.toBe(inputOf([], 'report').equipment[0]);
  });
});
