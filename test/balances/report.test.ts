/**
 * Balance reports with lot terms (issue 19): a report reads each stream of many lots once and adds
 * it again from its terms (streams/element-flows.ts LotTerms) — every closure, element flow and
 * key order the same, to the last bit, as reading the lots at every closure.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { ElementFlows, TERMS_MIN_LOTS, type LotTerms } from '../../src/streams/element-flows.js';
import { lotListMass, type Stream } from '../../src/streams/stream.js';
import { mergeLots } from '../../src/streams/lot.js';
import { balanceReport, closureOf } from '../../src/balances/report.js';
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

describe('ElementFlows with lot terms', () => {
  it('a stream of many lots of several chemistries: the same sums at its first reading (terms made) and at the next (terms added)', () => {
    const chems = ['NCM811', 'NCA', 'LFP', 'NCM523'];
    const lots = Array.from({ length: 3 * TERMS_MIN_LOTS }, (_, i) => makeLot({ id: `l${i}`, chemistry: chems[i % 4]!, liPerTm: 0.8 + (i % 17) * 0.013, massKgPerHour: 1 + ((i * 37) % 101) / 7 }));
    lots.push(mergeLots(makeLot({ id: 'x', chemistry: 'NCM811', liPerTm: 0.8, massKgPerHour: 300 }), makeLot({ id: 'x', chemistry: 'NCA', liPerTm: 0.95, massKgPerHour: 120 })));
    const s = makeStream({ H2O: 3.5, 'LiOH·H2O': 1.25 }, lots);
    const other = makeStream({ Al: 2 }, lots.slice(0, 5));
    const terms = new Map<Stream, LotTerms>();
    const plain = new ElementFlows();
    const first = new ElementFlows();
    const again = new ElementFlows();
    for (const x of [s, other, s]) {
      const kg = plain.addStream(x);
      expect(first.addStream(x, terms)).toBe(kg);
      expect(kg).toBe(lotListMass(x.lots));
    }
    // Terms are kept for the stream of many lots only.
    expect([...terms.keys()]).toEqual([s]);
    expect(again.addStream(s, terms)).toBe(lotListMass(s.lots));
    expect(text(first.record())).toBe(text(plain.record()));
    const once = new ElementFlows();
    once.addStream(s);
    expect(text(again.record())).toBe(text(once.record()));
  });
});

describe('balanceReport', () => {
  it('12 feed lots × 40 sub-lots: every unit and the plant closed as closureOf reads every stream lot by lot', () => {
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
  });
});
