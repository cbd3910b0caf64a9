/**
 * ElementFlows (issue 19): element sums in a typed array give the records streamElements and
 * drawElements give — every value bit for bit, the keys in the same order — on every stream and
 * draw of solved shipped flowsheets, and on lots of doped and mixed chemistries; copyFlows, copyLot
 * and lotWithMass copy as a spread does.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { ElementFlows } from '../../src/streams/element-flows.js';
import { copyFlows, lotListMass, lotsCpFlow_kW_per_K, streamElements, type Stream } from '../../src/streams/stream.js';
import { RowStream } from '../../src/streams/row-stream.js';
import { drawElements } from '../../src/balances/report.js';
import { copyLot, lotWithMass, mergeLots } from '../../src/streams/lot.js';
import { makeLot, makeStream } from '../helpers.js';

/** The record as JSON: equal texts mean the same keys in the same order with the same values. */
const text = (r: object) => JSON.stringify(r);

function solvedStreams(scenario: string, flowsheet?: string): { streams: Stream[]; draws: Record<string, number>[] } {
  const ev = evaluate(resolveModel(loadRawScenario(scenario, flowsheet)));
  return { streams: [...ev.solution.streams.values()], draws: [...ev.solution.runs.values()].map((r) => r.draws) };
}

describe('ElementFlows', () => {
  for (const [scenario, flowsheet] of [['scenarios/reference-cn.yaml', undefined], ['scenarios/heavy-degraded-cn.yaml', undefined], ['scenarios/reference-cn.yaml', 'flowsheets/molten-salt.yaml'], ['scenarios/black-mass-cn.yaml', undefined]] as const) {
    it(`${scenario}${flowsheet ? ` through ${flowsheet}` : ''}: every stream and draw as streamElements / drawElements give it`, () => {
      const { streams, draws } = solvedStreams(scenario, flowsheet);
      expect(streams.some((s) => s.lots.length > 0)).toBe(true);
      for (const s of streams) {
        const f = new ElementFlows();
        f.addStream(s);
        expect(text(f.record())).toBe(text(streamElements(s)));
      }
      // Summed over many streams and draws, in one accumulator, as a closure sums them.
      const all = new ElementFlows();
      const expected = {};
      for (const s of streams) { all.addStream(s); streamElements(s, expected); }
      for (const d of draws) { all.addDraws(d); drawElements(d, expected); }
      expect(text(all.record())).toBe(text(expected));
      // Scaled: each sum times the factor (the yearly element flows of the economics input).
      const scaled: Record<string, number> = {};
      for (const [k, v] of Object.entries(expected)) scaled[k] = (v as number) * 6800;
      expect(text(all.record(6800))).toBe(text(scaled));
    });
  }

  it('a reset sum, filled again, gives what a new one gives; addStream returns the lot mass as lotListMass sums it', () => {
    const { streams } = solvedStreams('scenarios/reference-cn.yaml');
    const reused = new ElementFlows();
    // Filled with every stream first, so that the reset has entries to clear.
    for (const s of streams) reused.addStream(s);
    for (const s of streams) {
      const lotsKg = reused.reset().addStream(s);
      expect(lotsKg).toBe(lotListMass(s.lots));
      const fresh = new ElementFlows();
      fresh.addStream(s);
      expect(text(reused.record())).toBe(text(fresh.record()));
    }
    expect(streams.some((s) => s.lots.length > 1 && lotListMass(s.lots) > 0)).toBe(true);
    expect(text(reused.reset().record())).toBe('{}');
  });

  it('lots of merged (mixed-TM) chemistries and zero component flows', () => {
    const a = makeLot({ id: 'x', chemistry: 'NCM811', liPerTm: 0.8, massKgPerHour: 300 });
    const b = makeLot({ id: 'x', chemistry: 'NCA', liPerTm: 0.95, massKgPerHour: 120 });
    const s = makeStream({ H2O: 0, Al: 3.5, 'LiOH·H2O': 1.25 }, [mergeLots(a, b), makeLot({ id: 'y', chemistry: 'LFP' })]);
    const f = new ElementFlows();
    f.addStream(s);
    expect(text(f.record())).toBe(text(streamElements(s)));
    const d = new ElementFlows();
    d.addDraws({ H2O: 0, O2: 2 });
    expect(text(d.record())).toBe(text(drawElements({ H2O: 0, O2: 2 })));
  });
});

describe('ElementFlows of rows of short lot lists (one index at a time, refilled per list)', () => {
  /** Rows of `source` (every lot, in reverse, at a mass of its own) and their sum as lot objects give it. */
  function rowsAndExpected(source: ReturnType<typeof makeLot>[], liPerTm?: number[]) {
    const s = new RowStream(source, 298.15, source.length);
    for (let i = source.length - 1; i >= 0; i--) s.push(i, 10 + i * 1.37);
    if (liPerTm) s.overLiPerTm = liPerTm.slice();
    return { s, plain: makeStream({}, s.lots) };
  }

  it('lists that share some lot objects, changed in place of one, read alternately: each as its lots give it', () => {
    const base = [
      makeLot({ id: 'a', chemistry: 'NCM523', liPerTm: 0.81 }),
      makeLot({ id: 'b', chemistry: 'NCM523', liPerTm: 0.86 }),
      makeLot({ id: 'c', chemistry: 'LFP', liPerTm: 0.93 }),
      makeLot({ id: 'd', chemistry: 'LCO', liPerTm: 0.97 }),
    ];
    // A list with one lot replaced (as a Monte Carlo sample patches one), a shorter, a reversed and a longer one.
    const lists = [base, [base[0]!, base[1]!, makeLot({ id: 'c', chemistry: 'NCM811', liPerTm: 0.77 }), base[3]!], base.slice(0, 2), base.slice().reverse(), [...base, makeLot({ id: 'e', chemistry: 'LMO', liPerTm: 0.99 })]];
    for (let round = 0; round < 3; round++) {
      for (const list of [...lists, ...lists.slice().reverse()]) {
        const { s, plain } = rowsAndExpected(list, round === 2 ? list.map((_, i) => 0.9 + i / 100) : undefined);
        const f = new ElementFlows();
        const lotsKg = f.addStream(s);
        expect(text(f.record())).toBe(text(streamElements(plain)));
        expect(lotsKg).toBe(lotListMass(plain.lots));
        expect(lotsCpFlow_kW_per_K(s)).toBe(lotsCpFlow_kW_per_K(plain));
      }
    }
  });
});

describe('ElementFlows.addLotPayables', () => {
  it('Li, Ni and Co of lots of every kind, bit for bit as addLotValues sums them; no other element', () => {
    const lots = [
      makeLot({ id: 'a', chemistry: 'NCM811', liPerTm: 0.8, massKgPerHour: 300 }),
      makeLot({ id: 'b', chemistry: 'LFP', liPerTm: 0.93, massKgPerHour: 57.3 }),
      makeLot({ id: 'c', chemistry: 'LCO', liPerTm: 0.97, massKgPerHour: 11.1 }),
      mergeLots(makeLot({ id: 'd', chemistry: 'NCM811', liPerTm: 0.8, massKgPerHour: 30 }), makeLot({ id: 'd', chemistry: 'NCA', liPerTm: 0.95, massKgPerHour: 120 })),
      makeLot({ id: 'e', chemistry: 'NCM523', liPerTm: 0.91, massKgPerHour: 0.7 }),
      makeLot({ id: 'f', chemistry: 'LMO', liPerTm: 0.99, massKgPerHour: 4 }),
    ];
    const payable = ['Li', 'Ni', 'Co'];
    // Every prefix of the list, reusing one sum of each kind (reset between).
    const full = new ElementFlows();
    const paid = new ElementFlows();
    for (let n = 1; n <= lots.length; n++) {
      full.reset();
      paid.reset();
      for (const l of lots.slice(0, n)) {
        full.addLotValues(l.chemistry, l.liPerTm, l.massKgPerHour);
        paid.addLotPayables(l.chemistry, l.liPerTm, l.massKgPerHour);
      }
      const all = full.record();
      const only = paid.record();
      expect(Object.keys(only).every((k) => payable.includes(k))).toBe(true);
      for (const k of payable) expect(Object.is(only[k as 'Li'], all[k as 'Li'])).toBe(true);
    }
    expect(Object.keys(full.record()).length).toBeGreaterThan(3);
  });
});

describe('copyFlows', () => {
  it('copies keys, values and order as a spread does, into a record of its own', () => {
    const r = { H2O: 1.5, 'LiOH·H2O': 0.25, Al: 0, NMP: 3 };
    const c = copyFlows(r);
    expect(text(c)).toBe(text({ ...r }));
    c.KOH = 1;
    expect(r).not.toHaveProperty('KOH');
  });
});

describe('copyLot and lotWithMass', () => {
  it('copy a lot as a spread does — same fields, same order, same values — into a lot of their own', () => {
    const { streams } = solvedStreams('scenarios/reference-cn.yaml');
    const lots = streams.flatMap((s) => s.lots);
    expect(lots.length).toBeGreaterThan(20);
    for (const l of lots) {
      expect(text(copyLot(l))).toBe(text({ ...l }));
      expect(Object.keys(copyLot(l))).toEqual(Object.keys(l));
      expect(text(lotWithMass(l, 12.5))).toBe(text({ ...l, massKgPerHour: 12.5 }));
      expect(copyLot(l)).not.toBe(l);
    }
  });
});
