/**
 * Feed basis drives the default preparation (issue 12): the sorter separates only what can be
 * separated, and delamination loses CAM only in proportion to the foil and binder present.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { lot, makeStream, parse } from './preparation-helpers.js';
import { REGISTRY } from '../../src/unit-ops/registry.js';
import type { UnitKind } from '../../src/schema/kinds.js';
import type { FeedBasis } from '../../src/schema/feed.js';
import type { Stream } from '../../src/streams/stream.js';
import { closureOf } from '../../src/balances/report.js';
import { REFERENCE_FOIL_BINDER_PER_CAM } from '../../src/unit-ops/correlations/preparation.js';

/** Run a kind with a feed basis in its context; mass and elements must close. */
function runWith(kind: UnitKind, params: unknown, feed: Stream, feedBasis?: FeedBasis) {
  const p = (REGISTRY[kind].params as z.ZodType).parse(params);
  const ctx = { unitId: 'u', ambientK: 298.15, ...(feedBasis ? { feedBasis } : {}) };
  const op = REGISTRY[kind];
  const inlets = { feed };
  const run = op.run(p as never, inlets, ctx);
  const c = closureOf([feed], [run.draws], Object.values(run.outlets));
  expect(c.massClosure).toBeLessThanOrEqual(1e-9);
  for (const v of Object.values(c.elementClosure)) expect(v).toBeLessThanOrEqual(1e-9);
  return { run, design: op.design(p as never, inlets, run, ctx) };
}

const lotsOf = (s: Stream) => Object.fromEntries(s.lots.map((l) => [l.id, l.massKgPerHour]));

describe('sorting: what can be separated depends on the feed', () => {
  it('a single-chemistry CAM powder passes to its lane whole: no misclassification, no rejects, no sorting line', () => {
    const feed = makeStream({}, [lot('p#1', 'NCM622', 500, { liPerTm: 0.92, origin: ['p'] }), lot('p#2', 'NCM622', 500, { liPerTm: 0.95, origin: ['p'] })]);
    const { run, design } = runWith('sorting', {}, feed, 'cam-powder');
    expect(lotsOf(run.outlets.ncm!)).toEqual({ 'p#1@ncm': 500, 'p#2@ncm': 500 });
    for (const lane of ['lco', 'lfp', 'lmo', 'rejects']) expect(run.outlets[lane]!.lots).toEqual([]);
    expect(run.metrics!.misclassifiedCam_kg_per_h).toBe(0);
    expect(run.energy.electricityKw).toBe(0);
    expect(design.equipment).toEqual([]);
    expect(design.operatorsPerShift).toBe(0);
  });

  it('powder lots delivered apart go whole to their own lanes; sub-lots of a lot stay together (dominant class)', () => {
    const feed = makeStream({}, [
      lot('n#1', 'NCM811', 300, { liPerTm: 0.8, origin: ['n'] }),
      lot('n#2', 'NCM811', 200, { liPerTm: 0.9, origin: ['n'] }),
      lot('f', 'LFP', 100, { liPerTm: 1 }),
    ]);
    const { run } = runWith('sorting', { lanes: ['chemistry', 'degradation'] }, feed, 'cam-powder');
    // n#1 (Li/TM 0.8, severe) dominates the feed lot n: both sub-lots go to ncm-severe
    expect(lotsOf(run.outlets['ncm-severe']!)).toEqual({ 'n#1@ncm-severe': 300, 'n#2@ncm-severe': 200 });
    expect(lotsOf(run.outlets.lfp!)).toEqual({ 'f@lfp': 100 });
    expect(run.metrics!.misclassifiedCam_kg_per_h).toBe(200);
  });

  it('black mass is a blend: the whole feed goes down its dominant lane and a warning names what it carries', () => {
    const feed = makeStream({ graphite: 400 }, [lot('a', 'NCM622', 570), lot('b', 'LFP', 30, { liPerTm: 1 })]);
    const { run, design } = runWith('sorting', {}, feed, 'black-mass');
    expect(lotsOf(run.outlets.ncm!)).toEqual({ 'a@ncm': 570, 'b@ncm': 30 });
    expect(run.outlets.ncm!.components.graphite).toBe(400);
    expect(run.diagnostics.map((d) => d.message)).toEqual(['the feed is a blend (black mass) and cannot be sorted: 30 kg/h of class lfp CAM (5 %) travels with the dominant lane; buy black mass of one chemistry, or give separation: lots if each feed lot is delivered apart']);
    expect(design.equipment).toEqual([]);
  });

  it('cathode scrap (or no basis) is sorted item by item as before; separation overrides the basis', () => {
    const feed = () => makeStream({}, [lot('a', 'NCM523', 1000)]);
    for (const basis of [undefined, 'cathode-scrap'] as const) {
      const { run } = runWith('sorting', {}, feed(), basis);
      expect(run.outlets.ncm!.lots[0]!.massKgPerHour).toBeCloseTo(931, 10);
      expect(run.outlets.rejects!.lots[0]!.massKgPerHour).toBeCloseTo(20, 10);
    }
    const items = runWith('sorting', { separation: 'items' }, feed(), 'cam-powder').run;
    expect(items.outlets.ncm!.lots[0]!.massKgPerHour).toBeCloseTo(931, 10);
    const lots = runWith('sorting', { separation: 'lots' }, feed(), 'cathode-scrap').run;
    expect(lots.outlets.ncm!.lots[0]!.massKgPerHour).toBe(1000);
  });

  it('an unknown separation is refused', () => {
    expect(() => parse('sorting', { separation: 'magic' })).toThrow();
  });
});

const ROUTES = ['delamination-nmp', 'delamination-thermal', 'delamination-alkaline', 'delamination-ultrasonic', 'delamination-des'] as const;

describe('delamination: CAM is lost in proportion to the foil and binder present', () => {
  const camLoss = (kind: UnitKind, components: Record<string, number>) => {
    const { run } = runWith(kind, {}, makeStream(components, [lot('a', 'NCM622', 1000, { liPerTm: 0.9 })]));
    return run.outlets.foil!.lots.reduce((a, l) => a + l.massKgPerHour, 0) / run.outlets.cam!.lots.concat(run.outlets.foil!.lots).reduce((a, l) => a + l.massKgPerHour, 0);
  };

  for (const kind of ROUTES) {
    it(`${kind}: a clean powder loses nothing; reference scrap loses 1 − camRecovery; twice the foil and binder, twice the loss`, () => {
      expect(camLoss(kind, {})).toBe(0);
      const ref = { Al: (1000 * REFERENCE_FOIL_BINDER_PER_CAM * 5.17) / 6.1, PVDF: (1000 * REFERENCE_FOIL_BINDER_PER_CAM * 0.93) / 6.1 };
      const base = camLoss(kind, ref);
      expect(base).toBeCloseTo(0.03, 9);
      expect(camLoss(kind, { Al: 2 * ref.Al, PVDF: 2 * ref.PVDF })).toBeCloseTo(0.06, 9);
      // black mass: a little Al and Cu, almost no binder → a fraction of a per cent
      expect(camLoss(kind, { Al: 6.1, Cu: 9.4, PVDF: 1.8 })).toBeCloseTo(0.03 * (17.3 / 1000) / REFERENCE_FOIL_BINDER_PER_CAM, 9);
    });
  }
});

describe('delamination: black mass holds shredded fragments, not foil', () => {
  for (const kind of ROUTES) {
    it(`${kind}: whole foil is screened off (alCarryOver); black-mass fragments pass as a sieve lets them (29 % Cu, 19 % Al)`, () => {
      const feed = () => makeStream({ Cu: 10, Al: 10, graphite: 300 }, [lot('a', 'NCM622', 600, { liPerTm: 0.9 })]);
      const keep = kind === 'delamination-alkaline' ? { foil: 'keep' } : {}; // the alkaline route would dissolve the Al
      const scrap = runWith(kind, { alCarryOver: 0.02, ...keep }, feed()).run;
      expect(scrap.outlets.cam!.components.Cu).toBeCloseTo(0.2, 12);
      const bm = runWith(kind, keep, feed(), 'black-mass').run;
      expect(bm.outlets.cam!.components.Cu).toBeCloseTo(2.9, 12);
      expect(bm.outlets.cam!.components.Al).toBeCloseTo(1.9, 12);
    });
  }
});

