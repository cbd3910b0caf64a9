/**
 * Foreign solids in the product (issue 12): graphite/carbon, metallic Al, Cu and fluorine per kg of
 * CAM in a product stream, judged against the specification with causes that name them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CAUSE_PRIORITY, foreignSolidsOf, judgeLot, lotInSpec, offSpecRowsOf, primaryCause, qualityReport } from '../../src/balances/quality.js';
import { RowStream, rowLotWithMass } from '../../src/streams/row-stream.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { lotsMass } from '../../src/streams/stream.js';
import { lotCapacityRatio, lotPerformance } from '../../src/streams/performance.js';
import { specSchema } from '../../src/schema/spec.js';
import { component } from '../../src/chemistry/components.js';
import { makeLot, makeStream } from '../helpers.js';

const spec = specSchema.parse({});
const goodLot = (more = {}) => makeLot({ id: 'a', chemistry: 'NCM622', massKgPerHour: 1000, liPerTm: 1, cationMixing: 0.02, ...more });
const fOf = (id: string) => component(id).massFractions[component(id).elements.indexOf('F')]!;

describe('foreign solids of a product stream', () => {
  it('counts carbons, metallic Al and Cu, and F of every component per kg of CAM', () => {
    const s = makeStream({ graphite: 2, 'carbon-black': 1, Al: 3, Cu: 0.05, PVDF: 0.5, LiF: 0.4, Li2CO3: 1 }, [goodLot()]);
    const f = foreignSolidsOf(s);
    expect(f.graphiteCarbon).toBeCloseTo(3 / 1000, 15);
    expect(f.graphite).toBeCloseTo(2 / 1000, 15);
    expect(f.aluminium).toBeCloseTo(3 / 1000, 15);
    expect(f.copper).toBeCloseTo(0.05 / 1000, 15);
    expect(f.fluorine).toBeCloseTo((0.5 * fOf('PVDF') + 0.4 * fOf('LiF')) / 1000, 15);
  });

  it('an electrode product counts only what is not its recipe: graphite, Cu and non-binder F', () => {
    const s = makeStream({ graphite: 2, 'carbon-black': 30, PVDF: 30, Al: 150, Cu: 0.01, LiF: 0.4 }, [goodLot({ conductiveNetwork: 'CB' })]);
    const f = foreignSolidsOf(s);
    expect(f.graphiteCarbon).toBeCloseTo(2 / 1000, 15);
    expect(f.aluminium).toBe(0);
    expect(f.copper).toBeCloseTo(0.01 / 1000, 15);
    expect(f.fluorine).toBeCloseTo((0.4 * fOf('LiF')) / 1000, 15);
  });

  it('no CAM, nothing to judge', () => {
    expect(foreignSolidsOf(makeStream({ graphite: 5 }))).toEqual({ graphiteCarbon: 0, graphite: 0, aluminium: 0, copper: 0, fluorine: 0 });
  });
});

describe('the specification judges foreign solids', () => {
  it('defaults: carbon 0.5 %, Al 0.5 %, Cu 100 ppm, F 0.2 % per kg CAM', () => {
    expect([spec.maxGraphiteCarbon, spec.maxAluminium, spec.maxCopper, spec.maxFluorine]).toEqual([0.005, 0.005, 0.0001, 0.002]);
  });

  it('each limit exceeded adds its named cause; at the limit the lot is in spec', () => {
    const lot = goodLot();
    const at = { graphiteCarbon: 0.005, graphite: 0.005, aluminium: 0.005, copper: 0.0001, fluorine: 0.002 };
    expect(judgeLot(spec, lot, 0, at)).toEqual([]);
    expect(judgeLot(spec, lot, 0, { ...at, graphiteCarbon: 0.0051 })).toEqual(['graphite-carbon']);
    expect(judgeLot(spec, lot, 0, { ...at, aluminium: 0.006, copper: 0.0002, fluorine: 0.003 })).toEqual(['aluminium', 'copper', 'fluorine']);
    // without foreign-solid figures (callers that judge the lot alone) nothing is added
    expect(judgeLot(spec, lot, 0)).toEqual([]);
  });

  it('limits are overridable, also per chemistry', () => {
    const loose = specSchema.parse({ maxCopper: 0.01, byChemistry: { NCM622: { maxGraphiteCarbon: 0.02 } } });
    const f = { graphiteCarbon: 0.01, graphite: 0.01, aluminium: 0, copper: 0.003, fluorine: 0 };
    expect(judgeLot(loose, goodLot(), 0, f)).toEqual([]);
    expect(judgeLot(loose, goodLot({ chemistry: 'NCM811' }), 0, f)).toEqual(['graphite-carbon']);
  });
});

describe('the in-spec check without a list of causes (issue 19: no list per feed lot)', () => {
  it('lotInSpec is judgeLot finding no cause, and lotCapacityRatio is lotPerformance\'s ratio, bit for bit', () => {
    const chemistries = ['NCM523', 'NCM622', 'NCM811', 'LCO', 'LFP'];
    fc.assert(fc.property(
      fc.constantFrom(...chemistries), fc.double({ min: 0.7, max: 1.15, noNaN: true }), fc.double({ min: 0, max: 0.12, noNaN: true }),
      fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.02, noNaN: true }),
      fc.boolean(),
      (chemistry, liPerTm, cationMixing, surfaceRockSalt_nm, crackFraction, salts, withForeign) => {
        const lot = goodLot({ chemistry, liPerTm, cationMixing, surfaceRockSalt_nm, crackFraction });
        const foreign = withForeign ? { graphiteCarbon: salts, graphite: salts, aluminium: salts / 2, copper: salts / 100, fluorine: salts / 5 } : undefined;
        expect(lotInSpec(spec, lot, salts, foreign)).toBe(judgeLot(spec, lot, salts, foreign).length === 0);
        expect(Object.is(lotCapacityRatio(lot), lotPerformance(lot).capacityRatio)).toBe(true);
      },
    ), { numRuns: 300, seed: 19 });
  });

  it('both sides of the check occur: an under-lithiated lot is out, a repaired one in', () => {
    expect(lotInSpec(spec, goodLot({ liPerTm: 0.9 }), 0)).toBe(false);
    expect(judgeLot(spec, goodLot({ liPerTm: 0.9 }), 0)).toContain('under-lithiated');
    expect(lotInSpec(spec, goodLot(), 0)).toBe(true);
    expect(lotInSpec(spec, goodLot({ chemistry: 'LFP' }), 0)).toBe(false);
  });
});

describe('the terms of a chemistry kept while judging (issue 19: no look-up per change of chemistry)', () => {
  it('lots of more chemistries than are kept, under two specs, judged in any order: each as judged under a spec of its own', () => {
    const chemistries = ['NCM111', 'NCM523', 'NCM532', 'NCM622', 'NCM712', 'NCM811', 'Ni90', 'NCA', 'LCO', 'LMO', 'LFP'];
    const specs = [() => specSchema.parse({}), () => specSchema.parse({ productChemistries: ['NCM811', 'LCO'], byChemistry: { NCM811: { liPerTmMin: 0.9 }, LCO: { maxCationMixing: 0.2 } } })];
    const lots = chemistries.flatMap((chemistry, i) => [0.88, 0.99, 1.02].map((liPerTm) => goodLot({ chemistry, liPerTm, cationMixing: 0.01 * (i % 4), surfaceRockSalt_nm: i % 3 })));
    // Each judged alone: under a new spec object, whose terms nothing has looked up yet.
    const alone = specs.map((make) => lots.map((lot) => judgeLot(make(), lot, 0.001)));
    const kept = specs.map((make) => make());
    for (const order of [lots.map((_, i) => i), lots.map((_, i) => lots.length - 1 - i), lots.map((_, i) => (i * 7) % lots.length)]) {
      for (const i of order) {
        for (let k = 0; k < kept.length; k++) {
          expect(judgeLot(kept[k]!, lots[i]!, 0.001)).toEqual(alone[k]![i]);
          expect(primaryCause(kept[k]!, lots[i]!, 0.001)).toBe(alone[k]![i]![0] ?? null);
        }
      }
    }
    expect(alone.flat().some((c) => c.length === 0) && alone.flat().some((c) => c.length > 0)).toBe(true);
  });
});

describe('qualityReport without verdicts (Monte Carlo samples)', () => {
  it('every total, share, cause and off-spec lot of the full report; no verdict per lot, whatever was judged before', () => {
    const raw = loadRawScenario('scenarios/reference-cn.yaml');
    for (const patches of [[], [{ path: 'feed.lots[ev-811].liPerTm', value: 0.6 }], [{ path: 'relith.temperature', value: '150 degC' }]]) {
      const ev = evaluate(resolveModel(raw, patches));
      const g = ev.model.flowsheet.graph;
      const full = qualityReport(g, ev.solution, ev.model.spec, lotsMass(ev.feed));
      // Judged with verdicts in between: the list of causes a report without verdicts reuses is not theirs.
      const bare = qualityReport(g, ev.solution, ev.model.spec, lotsMass(ev.feed), { verdicts: false });
      qualityReport(g, ev.solution, ev.model.spec, lotsMass(ev.feed));
      expect(full.offSpecLots.length).toBeGreaterThan(0);
      expect(full.lots.length).toBeGreaterThan(0);
      expect(bare.lots).toEqual([]);
      expect(bare.residualLiSaltsByStream).toEqual({});
      expect(bare.foreignSolidsByStream).toEqual({});
      const { lots: _l, residualLiSaltsByStream: _r, foreignSolidsByStream: _f, offSpecLots: _o, ...totals } = full;
      const { lots: _bl, residualLiSaltsByStream: _br, foreignSolidsByStream: _bf, offSpecLots: bareOff, ...bareTotals } = bare;
      expect(JSON.stringify(bareTotals)).toBe(JSON.stringify(totals));
      expect(full.lots.filter((v) => v.causes.length > 0).map((v) => v.lot)).toEqual(full.offSpecLots.map((l) => l.id));
      // The product is rows: its off-spec lots are read by row (offSpecRowsOf), the lots the report makes of them.
      const product = g.streams.filter((s) => s.to.node === 'product').map((s) => ev.solution.streams.get(s.id)!);
      expect(product.every((s) => s instanceof RowStream)).toBe(true);
      expect(bareOff).toEqual([]);
      const rows = product.flatMap((s) => offSpecRowsOf(s)!.map((i) => rowLotWithMass(s as RowStream, i, (s as RowStream).mass[i]!)));
      expect(JSON.stringify(rows)).toBe(JSON.stringify(full.offSpecLots));
    }
  });
});

describe('primaryCause', () => {
  it('is the first cause of CAUSE_PRIORITY judgeLot finds, whatever was judged before', () => {
    const f = { graphiteCarbon: 0.01, graphite: 0.01, aluminium: 0.01, copper: 0.001, fluorine: 0.01 };
    fc.assert(fc.property(
      fc.record({ chemistry: fc.constantFrom('NCM622', 'NCM811', 'LFP', 'NCA'), liPerTm: fc.double({ min: 0.7, max: 1.2, noNaN: true }), cationMixing: fc.double({ min: 0, max: 0.1, noNaN: true }), surfaceRockSalt_nm: fc.double({ min: 0, max: 10, noNaN: true }), crackFraction: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
      fc.double({ min: 0, max: 0.02, noNaN: true }), fc.boolean(),
      (over, salts, withForeign) => {
        const lot = goodLot(over);
        const foreign = withForeign ? f : undefined;
        const causes = judgeLot(spec, lot, salts, foreign);
        const expected = CAUSE_PRIORITY.find((c) => causes.includes(c)) ?? null;
        judgeLot(spec, goodLot({ chemistry: 'LFP' }), 0);
        expect(primaryCause(spec, lot, salts, foreign)).toBe(expected);
      },
    ));
  });

  it('a report lists the off-spec mass by every cause in CAUSE_PRIORITY order', () => {
    const ev = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml')));
    expect(Object.keys(ev.quality.offSpecByCauseKgPerHour)).toEqual([...CAUSE_PRIORITY]);
  });
});

describe('capacity of product lots, read from their judgement', () => {
  it('each lot its own capacity ratio, a foreign-chemistry lot (judged no further) after judged ones included, in both modes', () => {
    const lots = [goodLot(), makeLot({ id: 'b', chemistry: 'LFP', massKgPerHour: 300 }), goodLot({ id: 'c', liPerTm: 0.9, cationMixing: 0.05 }), makeLot({ id: 'd', chemistry: 'LFP', massKgPerHour: 200, crackFraction: 0.2 })];
    const s = makeStream({}, lots);
    const g = { streams: [{ id: 'p', from: { node: 'u', port: 'out' }, to: { node: 'product', port: null } }] } as unknown as Parameters<typeof qualityReport>[0];
    const sol = { streams: new Map([['p', s]]) } as unknown as Parameters<typeof qualityReport>[1];
    const full = qualityReport(g, sol, spec, 1500);
    expect(full.lots.map((v) => v.capacityRatio)).toEqual(lots.map((l) => lotCapacityRatio(l)));
    expect(full.lots.map((v) => v.capacityMahPerG)).toEqual(lots.map((l) => lotPerformance(l).capacityMahPerG));
    expect(full.lots.find((v) => v.lot === 'b')!.primaryCause).toBe('foreign-chemistry');
    const bare = qualityReport(g, sol, spec, 1500, { verdicts: false });
    expect(bare.inSpecCapacityMahPerG).toBe(full.inSpecCapacityMahPerG);
    expect(bare.inSpecCapacityRatio).toBe(full.inSpecCapacityRatio);
    expect(bare.inSpecCapacityRatioByChemistry).toEqual(full.inSpecCapacityRatioByChemistry);
  });
});

describe('chemistry terms kept per spec and chemistry', () => {
  it('a lot is judged by the spec at hand, whatever spec or chemistry was judged before', () => {
    const only811 = specSchema.parse({ productChemistries: ['NCM811'] });
    const strict = specSchema.parse({ byChemistry: { NCM622: { liPerTmMin: 1.01 } } });
    const lot = goodLot();
    const other = makeLot({ id: 'b', chemistry: 'NCM811', massKgPerHour: 10, liPerTm: 1, cationMixing: 0.03 });
    expect(primaryCause(spec, lot, 0)).toBe(null);
    expect(primaryCause(only811, lot, 0)).toBe('foreign-chemistry');
    expect(primaryCause(only811, other, 0)).toBe(null);
    expect(primaryCause(strict, lot, 0)).toBe('under-lithiated');
    expect(primaryCause(spec, lot, 0)).toBe(null);
    expect(judgeLot(only811, lot, 0)).toEqual(['foreign-chemistry']);
  });
});

describe('product streams kept per graph', () => {
  it('a quality report of one flowsheet after reports of others is the one it gives first', () => {
    const text = (x: unknown) => JSON.stringify(x);
    const hydro = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml')));
    const molten = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml', 'flowsheets/molten-salt.yaml')));
    const report = (ev: typeof hydro) => text(qualityReport(ev.model.flowsheet.graph, ev.solution, ev.model.spec, lotsMass(ev.feed)));
    const first = report(hydro);
    const moltenFirst = report(molten);
    expect(report(hydro)).toBe(first);
    expect(report(molten)).toBe(moltenFirst);
    expect(first).toBe(text(hydro.quality));
  });
});
