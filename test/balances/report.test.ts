/**
 * Lot terms (issue 19): a list of many lots is read once into its terms (streams/element-flows.ts
 * LotTerms) and every later sum — its mass, its elements in every closure — adds from them: every
 * closure, element flow, key order and mass the same, to the last bit, as reading the lots one by one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { ElementFlows, lotTermsOf, TERMS_MIN_LOTS } from '../../src/streams/element-flows.js';
import { component } from '../../src/chemistry/components.js';
import { componentsMass, lotListCpFlow_kW_per_K, lotListMass, type Stream } from '../../src/streams/stream.js';
import { LOT_CP } from '../../src/chemistry/cathode.js';
import { mergeLots } from '../../src/streams/lot.js';
import { balanceReport, closureOf, worstClosureOf, type Closure } from '../../src/balances/report.js';
import { makeLot, makeStream } from '../helpers.js';

/** Equal texts: the same keys in the same order with the same values (doubles print exactly). */
const text = (r: object) => JSON.stringify(r);

const dir = mkdtempSync(join(tmpdir(), 'regenflow-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario of `feedLots` feed lots of three chemistries, each in `bins` sub-lots, through the reference route. */
function manyLots(feedLots: number, bins: number): string {
  const chems = ['NCM523', 'NCM622', 'NCM811'];
  const lots = Array.from({ length: feedLots }, (_, i) => `  - { id: l${i}, share: ${1 / feedLots}, chemistry: ${chems[i % 3]}, bins: ${bins}, liPerTm: { dist: normal, mean: ${0.8 + 0.01 * (i % 10)}, sd: 0.03 }, cationMixing: 0.05, surfaceRockSalt_nm: 6, crackFraction: 0.2 }`);
  writeFileSync(join(dir, 'feed.yaml'), `id: many\nbasis: cathode-scrap\nlots:\n${lots.join('\n')}\n`);
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, `id: many\nflowsheet: ${resolve('flowsheets/hydrothermal.yaml')}\nplant: ${resolve('scenarios/plants/cn-10kt.yaml')}\nfeed: feed.yaml\nprices: { set: cn-2024 }\n`);
  return file;
}

/** A stream added lot by lot (addLot: no terms), as addStream adds it; returns its lot mass summed in list order. */
function addDirect(f: ElementFlows, s: Stream): number {
  for (const id in s.components) {
    const kg = s.components[id]!;
    if (kg !== 0) f.addComponent(component(id), kg);
  }
  let kg = 0;
  for (const lot of s.lots) {
    kg += lot.massKgPerHour;
    f.addLot(lot);
  }
  return kg;
}

/** Lots of four chemistries (one merged from two), enough to be kept as terms. */
function manyLotList(): Stream['lots'] {
  const chems = ['NCM811', 'NCA', 'LFP', 'NCM523'];
  const lots = Array.from({ length: 3 * TERMS_MIN_LOTS }, (_, i) => makeLot({ id: `l${i}`, chemistry: chems[i % 4]!, liPerTm: 0.8 + (i % 17) * 0.013, massKgPerHour: 1 + ((i * 37) % 101) / 7 }));
  lots.push(mergeLots(makeLot({ id: 'x', chemistry: 'NCM811', liPerTm: 0.8, massKgPerHour: 300 }), makeLot({ id: 'x', chemistry: 'NCA', liPerTm: 0.95, massKgPerHour: 120 })));
  return lots;
}

describe('ElementFlows with lot terms', () => {
  it('a stream of many lots of several chemistries: the same sums from its terms, at the first reading and the next, as lot by lot', () => {
    const lots = manyLotList();
    const s = makeStream({ H2O: 3.5, 'LiOH·H2O': 1.25 }, lots);
    const few = makeStream({ Al: 2 }, lots.slice(0, 5));
    const direct = new ElementFlows();
    const viaTerms = new ElementFlows();
    for (const x of [s, few, s]) {
      const kg = addDirect(direct, x);
      expect(viaTerms.addStream(x)).toBe(kg);
      expect(lotListMass(x.lots)).toBe(kg);
      let cp = 0;
      for (const lot of x.lots) cp += lot.massKgPerHour * LOT_CP[lot.chemistry.family].cp_J_per_kgK;
      expect(lotListCpFlow_kW_per_K(x.lots)).toBe(cp / 3.6e6);
    }
    expect(text(viaTerms.record())).toBe(text(direct.record()));
  });

  it('terms are kept per list of many lots and made again when the list has grown', () => {
    const lots = manyLotList();
    const t = lotTermsOf(lots);
    expect(lotTermsOf(lots)).toBe(t);
    expect(lotTermsOf(lots.slice())).not.toBe(t);
    lots.push(makeLot({ id: 'late', chemistry: 'NCM622', liPerTm: 0.85, massKgPerHour: 42.5 }));
    const grown = lotTermsOf(lots);
    expect(grown).not.toBe(t);
    expect(grown.tmKmol.length).toBe(lots.length);
    let kg = 0;
    for (const lot of lots) kg += lot.massKgPerHour;
    expect(lotListMass(lots)).toBe(kg);
    expect(lotListMass(lots)).toBe(t.lotsKg + 42.5);
  });
});

describe('balanceReport', () => {
  it('12 feed lots × 40 sub-lots: every unit and the plant closed as closureOf closes them, with the sums of a lot-by-lot reading', () => {
    const ev = evaluate(resolveModel(loadRawScenario(manyLots(12, 40))));
    const sol = ev.solution;
    const g = ev.model.flowsheet.graph;
    expect([...sol.streams.values()].filter((s) => s.lots.length >= TERMS_MIN_LOTS).length).toBeGreaterThan(5);
    const report = balanceReport(g, sol);
    expect(report.units.map((u) => u.unit)).toEqual(g.units.map((u) => u.id));
    for (const u of report.units) {
      const run = sol.runs.get(u.unit)!;
      const { unit: _unit, ...closure } = u;
      expect(text(closure)).toBe(text(closureOf(Object.values(sol.inlets.get(u.unit)!), [run.draws], Object.values(run.outlets))));
    }
    const leaving = g.streams.filter((s) => s.to.port === null).map((s) => sol.streams.get(s.id)!);
    const draws = g.units.map((u) => sol.runs.get(u.id)!.draws);
    expect(text(report.plant)).toBe(text(closureOf([sol.streams.get(g.feedStream.id)!], draws, leaving)));
    expect(report.worstClosure).toBeLessThan(1e-9);
    // The plant's sums as a lot-by-lot reading makes them: the feed in, every stream leaving out.
    const into = new ElementFlows();
    let mIn = componentsMass(sol.streams.get(g.feedStream.id)!) + addDirect(into, sol.streams.get(g.feedStream.id)!);
    for (const d of draws) {
      for (const k in d) mIn += d[k]!;
      into.addDraws(d);
    }
    const out = new ElementFlows();
    let mOut = 0;
    for (const s of leaving) mOut += componentsMass(s) + addDirect(out, s);
    expect(report.plant.massOutKgPerHour).toBe(mOut);
    expect(report.plant.massInKgPerHour).toBe(mIn);
    const inRecord = into.record();
    for (const e in inRecord) expect(report.plant.elementsInKgPerHour[e as keyof typeof inRecord]).toBe(inRecord[e as keyof typeof inRecord]);
    const outRecord = out.record();
    for (const e in outRecord) expect(report.plant.elementsOutKgPerHour[e as keyof typeof outRecord]).toBe(outRecord[e as keyof typeof outRecord]);
  });

  it('without per-unit closures: the worst plant closure from the sums, and the plant closure made on first read as closureOf makes it', () => {
    const ev = evaluate(resolveModel(loadRawScenario(manyLots(4, 10))));
    const sol = ev.solution;
    const g = ev.model.flowsheet.graph;
    const full = balanceReport(g, sol);
    const sample = balanceReport(g, sol, { units: false });
    expect(sample.units).toEqual([]);
    expect(sample.worstClosure).toBe(worstOf(full.plant));
    expect(sample.energyKwhPerHour).toStrictEqual(full.energyKwhPerHour);
    expect(sample.reagents).toStrictEqual(full.reagents);
    // Read after other closures were summed (the sums are shared): the same records, every time.
    closureOf([makeStream({ Al: 3 })], [], [makeStream({ Cu: 2 })]);
    const plant = sample.plant;
    expect(text(plant)).toBe(text(full.plant));
    expect(sample.plant).toBe(plant);
  });
});

/** The worst closure of a closure's records, as balanceReport takes it. */
function worstOf(c: Closure): number {
  let w = c.massClosure;
  for (const e in c.elementClosure) w = Math.max(w, c.elementClosure[e as keyof Closure['elementClosure']]!);
  return w;
}

describe('worstClosureOf', () => {
  it('is the worst closure of closureOf, for balances that close and for balances that do not (mass, an element, a trace)', () => {
    const lot = (id: string, kg: number, li: number, chemistry = 'NCM811') => makeLot({ id, chemistry, massKgPerHour: kg, liPerTm: li });
    const cases: [Stream[], Record<string, number>[], Stream[]][] = [
      [[makeStream({ H2O: 10, Al: 2 }, [lot('a', 50, 0.9)])], [{ 'LiOH·H2O': 1.5 }], [makeStream({ H2O: 10, Al: 2, 'LiOH·H2O': 1.5 }, [lot('a', 50, 0.9)])]],
      // Lithium lost: the element closure is the worst.
      [[makeStream({ H2O: 10 }, [lot('a', 50, 1.0)])], [], [makeStream({ H2O: 10 }, [lot('a', 50, 0.8)])]],
      // Mass lost, a component appearing from nowhere, an element seen on one side only.
      [[makeStream({ H2O: 10, Cu: 1e-20 }, [lot('a', 50, 0.9, 'NCA')])], [{ Na2SO4: 0.3 }], [makeStream({ H2O: 9, Al: 0.5 }, [lot('a', 49, 0.9, 'NCA')])]],
      [[], [], []],
    ];
    for (const [ins, draws, outs] of cases) expect(Object.is(worstClosureOf(ins, draws, outs), worstOf(closureOf(ins, draws, outs)))).toBe(true);
    expect(worstClosureOf(...cases[1]!)).toBeGreaterThan(1e-3);
    expect(worstClosureOf(...cases[2]!)).toBeGreaterThan(1e-3);
  });
});

describe('the leaving streams kept per graph', () => {
  it('a report of one flowsheet after reports of others is the one it gives first', () => {
    const hydro = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml')));
    const molten = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml', 'flowsheets/molten-salt.yaml')));
    const first = text(balanceReport(hydro.model.flowsheet.graph, hydro.solution));
    const moltenFirst = text(balanceReport(molten.model.flowsheet.graph, molten.solution));
    expect(moltenFirst).not.toBe(first);
    expect(text(balanceReport(hydro.model.flowsheet.graph, hydro.solution))).toBe(first);
    expect(text(balanceReport(molten.model.flowsheet.graph, molten.solution))).toBe(moltenFirst);
    expect(first).toBe(text(hydro.balances));
    const lean = balanceReport(hydro.model.flowsheet.graph, hydro.solution, { units: false });
    expect(text(lean.plant)).toBe(text(hydro.balances.plant));
  });
});
