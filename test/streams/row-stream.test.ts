/**
 * Lots as rows (streams/row-stream.ts, issue 19): the scaled feed, the sorting lanes and the CAM lost
 * with the foil keep their lots as rows, made into lot objects only when read, as the copies the
 * units made before; every sum from the rows — mass, elements, heat capacity, the feed lines and
 * by-product parcels of the economics input — is the one the lot objects give, to the last bit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { COLUMNS_MIN_LOTS, LotCursor, pushRowOf, RowStream, rowsLike, sameRows, scaledRows } from '../../src/streams/row-stream.js';
import { relithiateRows } from '../../src/unit-ops/correlations/relithiation.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../../src/chemistry/elements.js';
import { msg } from '../../src/schema/messages.js';
import type { Diagnostic } from '../../src/unit-ops/contract.js';
import { ElementFlows, TERMS_MIN_LOTS } from '../../src/streams/element-flows.js';
import { copyLot, mergeLots, type Lot } from '../../src/streams/lot.js';
import { heatCapacityFlow_W_per_K, lotListCpFlow_kW_per_K, lotListMass, lotsCpFlow_kW_per_K, lotsMass, scaleStream, streamMass, type Stream } from '../../src/streams/stream.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { economicsInput } from '../../src/pipeline/economics-input.js';
import { qualityReport } from '../../src/balances/quality.js';
import { balanceReport } from '../../src/balances/report.js';
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
function lane(sorted: Lot[], share: number): { lane: RowStream; copies: Lot[] } {
  const l = new RowStream(sorted, 330, sorted.length, 'ncm');
  l.components.Al = 2.5;
  const copies: Lot[] = [];
  for (let i = 0; i < sorted.length; i += 2) {
    const m = sorted[i]!.massKgPerHour * share;
    l.push(i, m, `${sorted[i]!.id}@ncm`);
    const c = copyLot(sorted[i]!);
    c.id = `${sorted[i]!.id}@ncm`;
    c.lane = 'ncm';
    c.massKgPerHour = m;
    copies.push(c);
  }
  return { lane: l, copies };
}

/**
 * The lot-object relithiation that relithiateRows replaced (correlations/relithiation.ts before
 * issue 19's rows), kept here as the oracle it is compared against: every lot moved toward its
 * target, uptake scaled down alike when the medium holds too little Li.
 */
function relithiateLots(lotsIn: readonly Lot[], rTarget: ArrayLike<number>, nTm: ArrayLike<number>, liAvailKmol: number, where: string, text: { holds: string; fix: string }, diagnostics: Diagnostic[]) {
  let demand = 0;
  for (let i = 0; i < lotsIn.length; i++) demand += nTm[i]! * (rTarget[i]! - lotsIn[i]!.liPerTm);
  let scale = 1;
  if (demand > liAvailKmol) {
    scale = demand > 0 ? Math.max(0, liAvailKmol) / demand : 1;
    diagnostics.push({ code: 'lithium-limited', severity: 'warning', where, message: msg.lithiumLimited(text.holds, liAvailKmol.toPrecision(4), demand.toPrecision(4), scale.toPrecision(4), text.fix) });
  }
  const lots: Lot[] = [];
  let xi = 0;
  let lotsOutKg = 0;
  let rMin = Infinity;
  let rMax = -Infinity;
  lotsIn.forEach((lot, i) => {
    const r = lot.liPerTm + (rTarget[i]! - lot.liPerTm) * scale;
    let out = lot;
    if (r !== lot.liPerTm) {
      xi += nTm[i]! * (r - lot.liPerTm);
      out = copyLot(lot);
      out.liPerTm = r;
      out.massKgPerHour = lot.massKgPerHour + nTm[i]! * (r - lot.liPerTm) * ATOMIC_WEIGHT_G_PER_MOL.Li;
      rMin = Math.min(rMin, r);
      rMax = Math.max(rMax, r);
    }
    lots.push(out);
    lotsOutKg += out.massKgPerHour;
  });
  return { lots, xi, lotsOutKg, rMin, rMax };
}

describe('RowStream', () => {
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
      expect(lotsCpFlow_kW_per_K(l)).toBe(lotListCpFlow_kW_per_K(copies));
      const fromRows = new ElementFlows();
      const fromLots = new ElementFlows();
      for (let k = 0; k < 2; k++) expect(fromRows.addStream(l)).toBe(fromLots.addStream(plain));
      expect(text(fromRows.record())).toBe(text(fromLots.record()));
      // addLotValues of the row's numbers is addLot of the copy.
      const a = new ElementFlows();
      const b = new ElementFlows();
      for (let i = 0; i < copies.length; i++) {
        a.addLotValues(l.source[l.rows[i]!]!.chemistry, l.source[l.rows[i]!]!.liPerTm, l.mass[i]!);
        b.addLot(copies[i]!);
      }
      expect(text(a.record())).toBe(text(b.record()));
    });
  }

  it('scaledRows: the feed scaled to the throughput as rows reads as scaleStream\'s copy', () => {
    const lots = sortedLots(2 * TERMS_MIN_LOTS);
    const unit: Stream = { components: { Al: 0.125, PVDF: 0.0625 }, lots, temperatureK: 298.15 };
    const rows = scaledRows(unit, 1234.567);
    const copy = scaleStream(unit, 1234.567);
    expect(rows.source).toBe(lots);
    expect(text(rows)).toBe(text(copy));
    expect(lotsMass(rows)).toBe(lotListMass(copy.lots));
    expect(streamMass(rows)).toBe(streamMass(copy));
    const a = new ElementFlows();
    const b = new ElementFlows();
    expect(a.addStream(rows)).toBe(b.addStream(copy));
    expect(text(a.record())).toBe(text(b.record()));
  });

  it('renamed rows read their ids from an id table by source row as from ids pushed with them, and rows like them keep both', () => {
    const sorted = sortedLots(12);
    const table = sorted.map((l) => [`${l.id}@ncm`, `${l.id}@lfp`]);
    const pushed = new RowStream(sorted, 330, 6, 'lfp');
    const tabled = new RowStream(sorted, 330, 6, 'lfp', { table, column: 1 });
    for (const r of [1, 4, 5, 9]) {
      pushed.push(r, r * 0.5, `${sorted[r]!.id}@lfp`);
      tabled.push(r, r * 0.5, 'ignored: the table names it');
    }
    expect(tabled.ids).toBeNull();
    expect(text(tabled.lots)).toBe(text(pushed.lots));
    expect(tabled.lots.map((l) => [l.id, l.lane])).toEqual([1, 4, 5, 9].map((r) => [`l${r}@lfp`, 'lfp']));
    // A part of each lot (the foil's share) keeps the lane's names.
    const part = rowsLike(tabled, 300);
    for (let i = 0; i < tabled.n; i++) pushRowOf(part, tabled, i, tabled.mass[i]! / 4);
    expect(part.lots.map((l) => [l.id, l.lane, l.massKgPerHour])).toEqual(tabled.lots.map((l) => [l.id, l.lane, l.massKgPerHour / 4]));
  });

  // A long source is read from its columns, a short one (a Monte Carlo sample's feed) from its lots.
  it.each([['columns', 2 * COLUMNS_MIN_LOTS], ['lot objects', 12]])('a cursor reads every field of a lot as the lot made from its row, with and without changed numbers (source read from %s)', (_, size) => {
    const sorted = sortedLots(size);
    const base = new RowStream(sorted, 330, 40, 'ncm');
    for (let r = 3; r < size; r += 3) base.push(r, r * 0.25, `${sorted[r]!.id}@ncm`);
    const changed = base.derived(350);
    changed.overLiPerTm = [];
    changed.overCationMixing = [];
    for (let i = 0; i < base.n; i++) {
      changed.mass[i] = base.mass[i]! * 1.01;
      changed.overLiPerTm[i] = 0.9 + i * 1e-3;
      changed.overCationMixing[i] = 0.02 + i * 1e-4;
    }
    for (const s of [base, changed, sameRows(changed, 360)]) {
      const cursor = new LotCursor(s);
      const made = s.lots;
      for (let i = 0; i < s.n; i++) {
        const c = cursor.at(i);
        const fields = Object.keys(made[i]!) as (keyof Lot)[];
        expect(fields.length).toBe(14);
        for (const k of fields) expect(c[k]).toBe(made[i]![k]);
      }
      // Sums from rows with changed numbers are the lots' own.
      const plain: Stream = { components: {}, lots: made.slice(), temperatureK: s.temperatureK };
      const a = new ElementFlows();
      const b = new ElementFlows();
      expect(a.addStream(s)).toBe(b.addStream(plain));
      expect(text(a.record())).toBe(text(b.record()));
      expect(heatCapacityFlow_W_per_K(s)).toBe(heatCapacityFlow_W_per_K(plain));
    }
    // Parts of changed rows keep the changed numbers.
    const part = rowsLike(changed, 300);
    for (let i = 0; i < changed.n; i++) pushRowOf(part, changed, i, changed.mass[i]! / 2);
    expect(part.lots.map((l) => [l.id, l.liPerTm, l.cationMixing, l.massKgPerHour])).toEqual(changed.lots.map((l) => [l.id, l.liPerTm, l.cationMixing, l.massKgPerHour / 2]));
  });

  it('a cursor moved over another stream (over) reads it as a new cursor does, whichever source (columns or lots) it read before', () => {
    const long = sortedLots(2 * COLUMNS_MIN_LOTS);
    const short = sortedLots(12);
    const streamOf = (src: typeof long, lane: string | null) => {
      const s = new RowStream(src, 330, 8, lane);
      for (let r = 1; r < src.length; r += 2) s.push(r, r * 0.5, lane === null ? undefined : `${src[r]!.id}@${lane}`);
      return s;
    };
    const changed = streamOf(long, null).derived(340);
    changed.overLiPerTm = [];
    for (let i = 0; i < changed.n; i++) { changed.mass[i] = 1 + i; changed.overLiPerTm[i] = 0.95 + i * 1e-3; }
    const moved = new LotCursor(streamOf(short, 'a'));
    for (const s of [streamOf(long, 'ncm'), streamOf(short, null), changed, streamOf(long, null), streamOf(short, 'b')]) {
      const fresh = new LotCursor(s);
      expect(moved.over(s)).toBe(moved);
      for (let i = s.n - 1; i >= 0; i--) {
        const c = moved.at(i);
        const f = fresh.at(i);
        for (const k of Object.keys(s.lots[i]!) as (keyof Lot)[]) expect(c[k]).toBe(f[k]);
      }
    }
  });

  it.each([['lot objects', 10], ['columns', COLUMNS_MIN_LOTS]])('lots pushed with and without changed numbers onto one stream keep each their own (source read from %s)', (_, size) => {
    const sorted = sortedLots(size);
    const changed = new RowStream(sorted, 330, 10);
    for (let r = 0; r < 10; r++) changed.push(r, 1 + r);
    const moved = changed.derived(330);
    moved.overLiPerTm = [];
    for (let i = 0; i < changed.n; i++) { moved.mass[i] = changed.mass[i]!; moved.overLiPerTm[i] = 1.01 + i * 1e-3; }
    const mixed = new RowStream(sorted, 330, 4);
    mixed.push(0, 5);
    mixed.pushFrom(moved, 3, 6);
    mixed.push(7, 7);
    mixed.pushFrom(moved, 9, 8);
    expect(mixed.lots.map((l) => [l.id, l.liPerTm, l.massKgPerHour])).toEqual([
      ['l0', sorted[0]!.liPerTm, 5], ['l3', 1.013, 6], ['l7', sorted[7]!.liPerTm, 7], ['l9', 1.019, 8],
    ]);
    expect(() => moved.push(1, 1)).toThrow(/derived row stream/);
  });

  it('relithiateRows moves each lot as relithiateLots does (Li/TM, mass, extent, range, warning)', () => {
    const sorted = sortedLots(30);
    const rows = scaledRows({ components: {}, lots: sorted, temperatureK: 298.15 }, 3);
    const lots = rows.lots.slice();
    const nTm = lots.map((l) => l.massKgPerHour / 100);
    const target = lots.map((l, i) => (i % 4 === 0 ? l.liPerTm : Math.min(1.05, l.liPerTm + 0.15)));
    for (const available of [1e9, 0.05]) {
      const d1: Diagnostic[] = [];
      const d2: Diagnostic[] = [];
      const a = relithiateLots(lots, target, nTm, available, 'relith', { holds: 'h', fix: 'f' }, d1);
      const b = relithiateRows(rows, new LotCursor(rows), target, nTm, 400, { liAvailKmol: available, where: 'relith', text: { holds: 'h', fix: 'f' }, diagnostics: d2 });
      expect(text(b.solids.lots)).toBe(text(a.lots));
      expect([b.xi, b.lotsOutKg, b.rMin, b.rMax]).toEqual([a.xi, a.lotsOutKg, a.rMin, a.rMax]);
      expect(text(d2)).toBe(text(d1));
      expect(d1.length).toBe(available < 1 ? 1 : 0);
      expect(a.lots.filter((l, i) => l !== lots[i]).length).toBeGreaterThan(20);
    }
  });

  it('a lane pushed to after a reading is read again', () => {
    const sorted = sortedLots(3);
    const l = new RowStream(sorted, 298.15, 1, 'lfp');
    l.push(0, 1.5, 'l0@lfp');
    expect(lotsMass(l)).toBe(1.5);
    expect(l.lots.length).toBe(1);
    l.push(2, 2.25, 'l2@lfp');
    expect(lotsMass(l)).toBe(3.75);
    expect(l.lots.map((x) => x.id)).toEqual(['l0@lfp', 'l2@lfp']);
  });
});

describe('rows through the reference scenario', () => {
  it('every stream from the feed to the product is rows, none made into lots; quality and economics input as from the lots', () => {
    const ev = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml')));
    const g = ev.model.flowsheet.graph;
    const chain = g.streams.filter((s) => s.from.node === 'feed' || s.from.node === 'sort' || ['delam.cam', 'delam.foil', 'relith.solids', 'wash.solids', 'dry.solids', 'sinter.product'].includes(`${s.from.node}.${s.from.port}`));
    expect(chain.length).toBe(12);
    const made = (st: unknown) => (st as { made: Lot[] | undefined }).made;
    for (const s of chain) {
      const st = ev.solution.streams.get(s.id)!;
      expect([s.id, st instanceof RowStream, made(st)]).toEqual([s.id, true, undefined]);
    }
    expect(ev.quality.offSpecLots.length).toBeGreaterThan(0);
    // The same solution with every row stream replaced by a plain stream of its lots.
    const plain = new Map([...ev.solution.streams].map(([id, st]) => [id, st instanceof RowStream ? { components: st.components, lots: st.lots.slice(), temperatureK: st.temperatureK } : st]));
    const solution = { ...ev.solution, streams: plain };
    const quality = qualityReport(g, solution, ev.model.spec, lotsMass(ev.feed));
    expect(text(quality)).toBe(text(ev.quality));
    const input = economicsInput(ev.model, plain.get(g.feedStream.id)!, solution, ev.balances, ev.designs, ev.sizing, quality, ev.model.prices);
    expect(text(input)).toBe(text(ev.economicsInput));
    expect(text(balanceReport(g, solution))).toBe(text(ev.balances));
  });
});

describe('rows through every relithiation route', () => {
  it('molten salt (a loop that tears a stream of lots), solid state and electrochemical: no lot object made by an evaluation', () => {
    for (const route of ['molten-salt', 'solid-state', 'electrochemical']) {
      const raw = loadRawScenario('scenarios/reference-cn.yaml', resolve(`flowsheets/${route}.yaml`));
      const ev = evaluate(resolveModel(raw));
      const rows = [...ev.solution.streams.values()].filter((st) => st instanceof RowStream);
      expect([route, rows.length > 8]).toEqual([route, true]);
      for (const st of rows) expect([route, (st as unknown as { made: Lot[] | undefined }).made]).toEqual([route, undefined]);
    }
  });
});

describe('rows through the reference route', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regenflow-lanes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('6 feed lots × 20 sub-lots: the feed, the sorting lanes and the foil are rows, none made into lots by an evaluation', () => {
    const chems = ['NCM523', 'NCM622', 'NCM811'];
    const lots = Array.from({ length: 6 }, (_, i) => `  - { id: l${i}, share: ${1 / 6}, chemistry: ${chems[i % 3]}, bins: 20, liPerTm: { dist: normal, mean: 0.85, sd: 0.03 }, cationMixing: 0.05, surfaceRockSalt_nm: 6, crackFraction: 0.2 }`);
    writeFileSync(join(dir, 'feed.yaml'), `id: lanes\nbasis: cathode-scrap\nlots:\n${lots.join('\n')}\n`);
    writeFileSync(join(dir, 'scenario.yaml'), `id: lanes\nflowsheet: ${resolve('flowsheets/hydrothermal.yaml')}\nplant: ${resolve('scenarios/plants/cn-10kt.yaml')}\nfeed: feed.yaml\nprices: { set: cn-2024 }\n`);
    const ev = evaluate(resolveModel(loadRawScenario(join(dir, 'scenario.yaml'))));
    const g = ev.model.flowsheet.graph;
    const made = (s: unknown) => (s as { made: Lot[] | undefined }).made;
    const rowStreams = g.streams.filter((s) => s.from.node === 'sort' || s.from.node === 'feed' || (s.from.node === 'delam' && s.from.port === 'foil'));
    expect(rowStreams.length).toBe(7);
    let byproduct = 0;
    for (const s of rowStreams) {
      const stream = ev.solution.streams.get(s.id)!;
      expect(stream).toBeInstanceOf(RowStream);
      expect((stream as RowStream).n).toBe(120);
      expect(made(stream)).toBeUndefined();
      // Lanes and the foil of a lane name their lots from the sorter's ids by feed row: no ids stored.
      if (s.from.node !== 'feed') expect((stream as RowStream).idTable).not.toBeNull();
      expect((stream as RowStream).ids).toBeNull();
      if (s.to.node === 'byproduct') byproduct++;
    }
    expect(byproduct).toBe(5); // four lanes and the foil
    expect(ev.feed).toBe(ev.solution.streams.get(g.feedStream.id));
    // The economics input from the rows is the one from their lots (every feed line and parcel, to the last bit).
    const asLots = new Map([...ev.solution.streams].map(([id, st]) => [id, st instanceof RowStream ? { components: st.components, lots: st.lots.slice(), temperatureK: st.temperatureK } : st]));
    const again = economicsInput(ev.model, asLots.get(g.feedStream.id)!, { ...ev.solution, streams: asLots }, ev.balances, ev.designs, ev.sizing, ev.quality, ev.model.prices);
    expect(ev.economicsInput.products.offSpec.length).toBeGreaterThan(3);
    expect(text(again)).toBe(text(ev.economicsInput));
  });
});
