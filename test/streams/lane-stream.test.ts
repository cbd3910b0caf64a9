/**
 * Sorting lanes as rows (streams/lane-stream.ts, issue 19): a lane's lots are made only when read,
 * as the copies the sorter made before, and every sum from its rows — mass, elements, heat capacity,
 * the by-product parcels of the economics input — is the one its lot objects give, to the last bit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LaneStream } from '../../src/streams/lane-stream.js';
import { ElementFlows, TERMS_MIN_LOTS } from '../../src/streams/element-flows.js';
import { copyLot, mergeLots, type Lot } from '../../src/streams/lot.js';
import { heatCapacityFlow_W_per_K, lotListMass, lotsMass, streamMass, type Stream } from '../../src/streams/stream.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { economicsInput } from '../../src/pipeline/economics-input.js';
import { makeLot } from '../helpers.js';

/** Equal texts: the same keys in the same order with the same values (doubles print exactly). */
const text = (r: unknown) => JSON.stringify(r);

/** Sorted lots of four chemistries (one merged from two). */
function sortedLots(n: number): Lot[] {
  const chems = ['NCM811', 'NCA', 'LFP', 'NCM523'];
  const lots = Array.from({ length: n }, (_, i) => makeLot({ id: `l${i}`, chemistry: chems[i % 4]!, liPerTm: 0.8 + (i % 17) * 0.013, massKgPerHour: 1 + ((i * 37) % 101) / 7, cationMixing: 0.01 * (i % 5) }));
  lots.push(mergeLots(makeLot({ id: 'x', chemistry: 'NCM811', liPerTm: 0.8, massKgPerHour: 300 }), makeLot({ id: 'x', chemistry: 'NCA', liPerTm: 0.95, massKgPerHour: 120 })));
  return lots;
}

/** A lane taking every other sorted lot with a share of its mass (a confusion-matrix row), and the copies sortItems made of them. */
function lane(sorted: Lot[], share: number): { lane: LaneStream; copies: Lot[] } {
  const l = new LaneStream(sorted, 'ncm', 330);
  l.components.Al = 2.5;
  const copies: Lot[] = [];
  for (let i = 0; i < sorted.length; i += 2) {
    const m = sorted[i]!.massKgPerHour * share;
    l.push(i, `${sorted[i]!.id}@ncm`, m);
    const c = copyLot(sorted[i]!);
    c.id = `${sorted[i]!.id}@ncm`;
    c.lane = 'ncm';
    c.massKgPerHour = m;
    copies.push(c);
  }
  return { lane: l, copies };
}

describe('LaneStream', () => {
  for (const n of [9, 3 * TERMS_MIN_LOTS]) {
    it(`${n} sorted lots: lots made on first reading as the sorter's copies, and the same objects after`, () => {
      const { lane: l, copies } = lane(sortedLots(n), 0.93);
      const lots = l.lots;
      expect(text(lots)).toBe(text(copies));
      expect(l.lots).toBe(lots);
      expect(text(l)).toBe(text({ components: { Al: 2.5 }, lots: copies, temperatureK: 330 }));
    });

    it(`${n} sorted lots: mass, elements and heat capacity from the rows as from the lots`, () => {
      const { lane: l, copies } = lane(sortedLots(n), 0.07);
      const plain: Stream = { components: { Al: 2.5 }, lots: copies, temperatureK: 330 };
      expect(lotsMass(l)).toBe(lotListMass(copies));
      expect(streamMass(l)).toBe(streamMass(plain));
      expect(heatCapacityFlow_W_per_K(l)).toBe(heatCapacityFlow_W_per_K(plain));
      const fromRows = new ElementFlows();
      const fromLots = new ElementFlows();
      for (let k = 0; k < 2; k++) expect(fromRows.addStream(l)).toBe(fromLots.addStream(plain));
      expect(text(fromRows.record())).toBe(text(fromLots.record()));
      // addLotWithMass is addLot of the copy.
      const a = new ElementFlows();
      const b = new ElementFlows();
      for (let i = 0; i < copies.length; i++) {
        a.addLotWithMass(l.sorted[l.rows[i]!]!, l.mass[i]!);
        b.addLot(copies[i]!);
      }
      expect(text(a.record())).toBe(text(b.record()));
    });
  }

  it('a lane pushed to after a reading is read again', () => {
    const sorted = sortedLots(3);
    const l = new LaneStream(sorted, 'lfp', 298.15);
    l.push(0, 'l0@lfp', 1.5);
    expect(lotsMass(l)).toBe(1.5);
    expect(l.lots.length).toBe(1);
    l.push(2, 'l2@lfp', 2.25);
    expect(lotsMass(l)).toBe(3.75);
    expect(l.lots.map((x) => x.id)).toEqual(['l0@lfp', 'l2@lfp']);
  });
});

describe('sorting lanes through the reference route', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regenflow-lanes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('6 feed lots × 20 sub-lots: the lanes are rows; the by-product lanes are never made into lots by an evaluation', () => {
    const chems = ['NCM523', 'NCM622', 'NCM811'];
    const lots = Array.from({ length: 6 }, (_, i) => `  - { id: l${i}, share: ${1 / 6}, chemistry: ${chems[i % 3]}, bins: 20, liPerTm: { dist: normal, mean: 0.85, sd: 0.03 }, cationMixing: 0.05, surfaceRockSalt_nm: 6, crackFraction: 0.2 }`);
    writeFileSync(join(dir, 'feed.yaml'), `id: lanes\nbasis: cathode-scrap\nlots:\n${lots.join('\n')}\n`);
    writeFileSync(join(dir, 'scenario.yaml'), `id: lanes\nflowsheet: ${resolve('flowsheets/hydrothermal.yaml')}\nplant: ${resolve('scenarios/plants/cn-10kt.yaml')}\nfeed: feed.yaml\nprices: { set: cn-2024 }\n`);
    const ev = evaluate(resolveModel(loadRawScenario(join(dir, 'scenario.yaml'))));
    const g = ev.model.flowsheet.graph;
    const lanes = g.streams.filter((s) => s.from.node === 'sort');
    expect(lanes.length).toBe(5);
    let byproduct = 0;
    for (const s of lanes) {
      const stream = ev.solution.streams.get(s.id)!;
      expect(stream).toBeInstanceOf(LaneStream);
      const made = (stream as unknown as { made: Lot[] | undefined }).made;
      if (s.to.node === 'byproduct') {
        byproduct++;
        expect((stream as LaneStream).rows.length).toBe(120);
        expect(made).toBeUndefined();
      } else expect(made).toBeDefined(); // delamination reads its inlet's lots
    }
    expect(byproduct).toBe(4);
    // The economics input from the rows is the one from the lanes' lots (every parcel, to the last bit).
    const asLots = new Map([...ev.solution.streams].map(([id, st]) => [id, st instanceof LaneStream ? { components: st.components, lots: st.lots.slice(), temperatureK: st.temperatureK } : st]));
    const again = economicsInput(ev.model, ev.feed, { ...ev.solution, streams: asLots }, ev.balances, ev.designs, ev.sizing, ev.quality, ev.model.prices);
    expect(ev.economicsInput.products.offSpec.length).toBeGreaterThan(3);
    expect(text(again)).toBe(text(ev.economicsInput));
  });
});
