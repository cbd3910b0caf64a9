import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { designUnit, issues, lot, makeStream, parse, runUnit } from './preparation-helpers.js';
import { REGISTRY } from '../../src/unit-ops/registry.js';

describe('sorting (fixtures)', () => {
  fixtureTests('sorting');
});

const lotsOf = (s: { lots: { id: string; massKgPerHour: number; lane: string | null }[] }) => Object.fromEntries(s.lots.map((l) => [l.id, l.massKgPerHour]));

describe('sorting: confusion matrix moves exactly the expected mass', () => {
  it('1000 kg/h NCM lot at accuracy 0.95, no rejects: 950 to ncm, 50/3 to each other lane', () => {
    const feed = makeStream({}, [lot('ev', 'NCM523', 1000, { liPerTm: 0.86 })]);
    const { run } = runUnit('sorting', { lanes: ['chemistry'], accuracy: 0.95, rejectRate: 0 }, { feed });
    expect(lotsOf(run.outlets.ncm!)).toEqual({ 'ev@ncm': 950 });
    for (const lane of ['lco', 'lfp', 'lmo']) expect(run.outlets[lane]!.lots[0]!.massKgPerHour).toBeCloseTo(50 / 3, 12);
    expect(run.outlets.rejects!.lots).toEqual([]);
    expect(run.metrics!.misclassifiedCam_kg_per_h).toBeCloseTo(50, 12);
  });

  it('misclassified: rejects sends the 5 % to rejects instead', () => {
    const feed = makeStream({}, [lot('ev', 'NCM523', 1000)]);
    const { run } = runUnit('sorting', { accuracy: 0.95, rejectRate: 0, misclassified: 'rejects' }, { feed });
    expect(lotsOf(run.outlets.ncm!)).toEqual({ 'ev@ncm': 950 });
    expect(lotsOf(run.outlets.rejects!)).toEqual({ 'ev@rejects': 50 });
    expect(run.outlets.lco!.lots).toEqual([]);
  });

  it('default reject rate 0.02 is taken first: 1000 → 20 rejects, 931 ncm, 49/3 to each other lane', () => {
    const feed = makeStream({}, [lot('ev', 'NCM523', 1000)]);
    const { run } = runUnit('sorting', {}, { feed });
    expect(run.outlets.ncm!.lots[0]!.massKgPerHour).toBeCloseTo(931, 10);
    expect(run.outlets.rejects!.lots[0]!.massKgPerHour).toBeCloseTo(20, 10);
    expect(run.outlets.lmo!.lots[0]!.massKgPerHour).toBeCloseTo(49 / 3, 10);
  });

  it('renames every portion <id>@<lane> and sets lane', () => {
    const feed = makeStream({}, [lot('ev-523', 'NCM523', 100)]);
    const { run } = runUnit('sorting', {}, { feed });
    for (const [name, s] of Object.entries(run.outlets)) {
      for (const l of s.lots) {
        expect(l.id).toBe(`ev-523@${name}`);
        expect(l.lane).toBe(name);
        expect(l.origin).toEqual(['ev-523']);
      }
    }
  });

  it('an LFP lot never leaves in the ncm lane unless misclassified', () => {
    const feed = makeStream({}, [lot('lfp', 'LFP', 200, { liPerTm: 1 }), lot('ncm', 'NCM811', 300)]);
    const perfect = runUnit('sorting', { accuracy: 1, rejectRate: 0 }, { feed }).run;
    expect(perfect.outlets.ncm!.lots.map((l) => l.id)).toEqual(['ncm@ncm']);
    expect(lotsOf(perfect.outlets.lfp!)).toEqual({ 'lfp@lfp': 200 });
    expect(perfect.metrics!.misclassifiedCam_kg_per_h).toBe(0);
    const real = runUnit('sorting', { accuracy: 0.9, rejectRate: 0 }, { feed }).run;
    expect(real.outlets.ncm!.lots.find((l) => l.id === 'lfp@ncm')!.massKgPerHour).toBeCloseTo((200 * 0.1) / 3, 12);
    expect(real.metrics!.misclassifiedCam_kg_per_h).toBeCloseTo(50, 12); // 10 % of 200 + 10 % of 300
  });

  it('classifies sub-lots individually by their own Li/TM (degradation lanes)', () => {
    const feed = makeStream({}, [lot('ev#1', 'NCM811', 100, { liPerTm: 0.8 }), lot('ev#2', 'NCM811', 100, { liPerTm: 0.9 })]);
    const { run } = runUnit('sorting', { lanes: ['chemistry', 'degradation'], accuracy: 1, degradationAccuracy: 1, rejectRate: 0 }, { feed });
    expect(lotsOf(run.outlets['ncm-severe']!)).toEqual({ 'ev#1@ncm-severe': 100 });
    expect(lotsOf(run.outlets['ncm-mild']!)).toEqual({ 'ev#2@ncm-mild': 100 });
    const real = runUnit('sorting', { lanes: ['chemistry', 'degradation'], accuracy: 1, degradationAccuracy: 0.79, rejectRate: 0 }, { feed }).run;
    const mild = lotsOf(real.outlets['ncm-mild']!);
    expect(mild['ev#1@ncm-mild']).toBeCloseTo(21, 12);
    expect(mild['ev#2@ncm-mild']).toBeCloseTo(79, 12);
  });

  it('lanes: [degradation] splits every chemistry by Li/TM only (no chemistry errors)', () => {
    const feed = makeStream({}, [lot('n', 'NCM523', 100, { liPerTm: 0.8 }), lot('f', 'LFP', 100, { liPerTm: 0.95 })]);
    const { run } = runUnit('sorting', { lanes: ['degradation'], degradationAccuracy: 0.8, rejectRate: 0 }, { feed });
    const severe = lotsOf(run.outlets.severe!);
    const mild = lotsOf(run.outlets.mild!);
    expect(severe['n@severe']).toBeCloseTo(80, 12);
    expect(severe['f@severe']).toBeCloseTo(20, 12);
    expect(mild['n@mild']).toBeCloseTo(20, 12);
    expect(mild['f@mild']).toBeCloseTo(80, 12);
    expect(run.outlets.rejects!.lots).toEqual([]);
  });

  it('the threshold decides the class: Li/TM exactly at the threshold is mild', () => {
    const feed = makeStream({}, [lot('a', 'NCM622', 10, { liPerTm: 0.9 })]);
    const { run } = runUnit('sorting', { lanes: ['chemistry', 'degradation'], degradationThreshold: 0.9, accuracy: 1, degradationAccuracy: 1, rejectRate: 0 }, { feed });
    expect(run.outlets['ncm-mild']!.lots).toHaveLength(1);
  });

  it('non-CAM components follow the CAM in proportion to the CAM per lane', () => {
    const feed = makeStream({ 'carbon-black': 30, Al: 60 }, [lot('a', 'NCM523', 600), lot('b', 'LFP', 400)]);
    const { run } = runUnit('sorting', { accuracy: 1, rejectRate: 0 }, { feed });
    expect(run.outlets.ncm!.components['carbon-black']).toBeCloseTo(18, 12);
    expect(run.outlets.lfp!.components.Al).toBeCloseTo(24, 12);
    expect(run.outlets.lco!.components).toEqual({});
  });

  it('explicit lanes: first match wins, unmatched lots are true rejects', () => {
    const feed = makeStream({}, [lot('n811', 'NCM811', 100), lot('n622', 'NCM622', 100), lot('lmo', 'LMO', 100, { liPerTm: 0.5 })]);
    const params = { lanes: [{ name: 'high-ni', minNi: 0.7 }, { name: 'ni', containsNi: true }], accuracy: 1, rejectRate: 0 };
    const { run } = runUnit('sorting', params, { feed });
    expect(lotsOf(run.outlets['high-ni']!)).toEqual({ 'n811@high-ni': 100 });
    expect(lotsOf(run.outlets.ni!)).toEqual({ 'n622@ni': 100 });
    expect(lotsOf(run.outlets.rejects!)).toEqual({ 'lmo@rejects': 100 });
  });

  it('a user matrix is applied exactly', () => {
    const feed = makeStream({}, [lot('a', 'NCM523', 1000)]);
    const matrix = { ncm: { ncm: 0.9, lfp: 0.06, rejects: 0.04 }, lco: { lco: 1 }, lfp: { lfp: 1 }, lmo: { lmo: 1 } };
    const { run } = runUnit('sorting', { matrix }, { feed });
    expect(run.outlets.ncm!.lots[0]!.massKgPerHour).toBeCloseTo(900, 12);
    expect(run.outlets.lfp!.lots[0]!.massKgPerHour).toBeCloseTo(60, 12);
    expect(run.outlets.rejects!.lots[0]!.massKgPerHour).toBeCloseTo(40, 12);
  });

  it('ports: one outlet per lane plus rejects', () => {
    expect(REGISTRY.sorting.ports(parse('sorting', {})).outlets.map((o) => o.name)).toEqual(['ncm', 'lco', 'lfp', 'lmo', 'rejects']);
    expect(REGISTRY.sorting.ports(parse('sorting', { lanes: ['chemistry', 'degradation'] })).outlets.map((o) => o.name)).toEqual(['ncm-mild', 'ncm-severe', 'lco', 'lfp', 'lmo', 'rejects']);
  });

  it('design: a continuous line of up to 2 t/h by default, loaded with the feed', () => {
    const feed = makeStream({ Al: 100 }, [lot('a', 'NCM523', 900)]);
    const { run, p } = runUnit('sorting', {}, { feed });
    const d = designUnit('sorting', p, { feed }, run);
    expect(d.mode).toBe('continuous');
    expect(d.equipment[0]!.loadKgPerHour).toBe(1000);
    expect(d.equipment[0]!.maxSize).toBe(2);
    expect(run.energy.electricityKw).toBeCloseTo(10, 12); // 10 kWh/t × 1 t/h
  });
});

describe('sorting: load errors', () => {
  it('a confusion-matrix row not summing to 1 names the row and its sum', () => {
    const matrix = { ncm: { ncm: 0.9, lco: 0.05, rejects: 0.02 }, lco: { lco: 1 }, lfp: { lfp: 1 }, lmo: { lmo: 1 } };
    expect(issues('sorting', { matrix })).toEqual(['confusion-matrix row "ncm" sums to 0.97; the fractions of true class "ncm" sent to the lanes and to rejects must sum to 1 (± 1e-9)']);
  });

  it('a missing row is named', () => {
    const matrix = { ncm: { ncm: 1 }, lco: { lco: 1 }, lfp: { lfp: 1 } };
    expect(issues('sorting', { matrix })).toEqual(['the confusion matrix has no row for true class "lmo"; give one row per lane (ncm, lco, lfp, lmo) — the rejects row is optional']);
  });

  it('an unknown outlet in the matrix is refused', () => {
    const matrix = { ncm: { ncm: 0.9, nmc: 0.1 }, lco: { lco: 1 }, lfp: { lfp: 1 }, lmo: { lmo: 1 } };
    expect(issues('sorting', { matrix })[0]).toBe('"nmc" is not allowed (did you mean "ncm"?); use one of: ncm, lco, lfp, lmo, rejects');
  });

  it('an unknown preset is refused', () => {
    expect(issues('sorting', { lanes: ['chemistry', 'colour'] })).toEqual(['unknown lane preset ([chemistry, colour]); use lanes: [chemistry] (ncm, lco, lfp, lmo), [chemistry, degradation] (ncm-mild, ncm-severe, lco, lfp, lmo), [degradation] (mild, severe) or a list of lanes such as { name: ncm, families: [layered], containsNi: true }']);
    expect(issues('sorting', { lanes: ['chemistry', { name: 'x' }] })).toEqual(['lanes mixes preset words and lane definitions (both given); give either presets such as [chemistry, degradation] or a list of { name, … } lanes']);
  });

  it('a lane named rejects, an empty Li/TM range and an unknown chemistry are refused', () => {
    expect(issues('sorting', { lanes: [{ name: 'rejects' }] })).toEqual(['duplicate lane name "rejects"; give every lane its own name — "rejects" is the reject outlet and cannot be a lane']);
    expect(issues('sorting', { lanes: [{ name: 'x', minLiPerTm: 0.9, maxLiPerTm: 0.8 }] })).toEqual(['the Li/TM range is empty (min 0.9, max 0.8); give min < max (min is inclusive, max exclusive)']);
    expect(issues('sorting', { lanes: [{ name: 'x', chemistries: ['NCM999'] }] })[0]).toMatch(/^unknown chemistry "NCM999"/);
  });

  it('accuracy above 1 is refused', () => {
    expect(issues('sorting', { accuracy: 1.2 })).toEqual(['above the maximum (1.2); it must be at most 1']);
  });
});

describe('sorting: lanes of every lot (issue 19)', () => {
  const three = () => makeStream({ PVDF: 6 }, [lot('a', 'NCM523', 600), lot('b', 'LFP', 300), lot('c', 'LCO', 100)]);
  const json = (run: { outlets: Record<string, { lots: unknown[]; components: unknown }> }) => JSON.stringify(Object.entries(run.outlets).map(([k, s]) => [k, s.lots, s.components]));

  it('share the feed rows when every class sends a part to every lane, with the lots a plain feed gives', async () => {
    const { scaledRows, RowStream } = await import('../../src/streams/row-stream.js');
    const rows = scaledRows(three(), 2);
    const { run } = runUnit('sorting', {}, { feed: rows });
    const plain = runUnit('sorting', {}, { feed: makeStream({ PVDF: 12 }, [lot('a', 'NCM523', 1200), lot('b', 'LFP', 600), lot('c', 'LCO', 200)]) }).run;
    for (const [name, s] of Object.entries(run.outlets)) {
      expect(s).toBeInstanceOf(RowStream);
      const lane = s as InstanceType<typeof RowStream>;
      expect(lane.rows, name).toBe(rows.rows);
      expect(lane.n).toBe(3);
      expect([0, 1, 2].map((i) => lane.idAt(i))).toEqual([`a@${name}`, `b@${name}`, `c@${name}`]);
    }
    expect(json(run as never)).toBe(json(plain as never));
  });

  it('push the lots of a lane some class sends nothing to (a matrix with zeros), next to lanes of every lot', async () => {
    const { scaledRows } = await import('../../src/streams/row-stream.js');
    const matrix = { ncm: { ncm: 0.9, lfp: 0.06, rejects: 0.04 }, lco: { lco: 0.5, lfp: 0.5 }, lfp: { lfp: 1 }, lmo: { lmo: 0.5, lfp: 0.5 }, rejects: { lfp: 0.5, rejects: 0.5 } };
    const rows = scaledRows(three(), 1);
    const { run } = runUnit('sorting', { matrix }, { feed: rows });
    // lfp: every class sends it some (every lot, the feed's rows); ncm and lco: pushed
    expect((run.outlets.lfp as unknown as { rows: number[] }).rows).toBe(rows.rows);
    expect((run.outlets.ncm as unknown as { rows: number[] }).rows).not.toBe(rows.rows);
    expect(lotsOf(run.outlets.ncm!)).toEqual({ 'a@ncm': 540 });
    expect(lotsOf(run.outlets.lco!)).toEqual({ 'c@lco': 50 });
    expect(lotsOf(run.outlets.lfp!)).toEqual({ 'a@lfp': 600 * 0.06, 'b@lfp': 300, 'c@lfp': 50 });
    expect(json(run as never)).toBe(json(runUnit('sorting', { matrix }, { feed: three() }).run as never));
  });
});

describe('sorting: the lanes of every lot, per confusion matrix', () => {
  it('are worked out once per matrix object, again for another one', async () => {
    const { lanesOfEveryLot } = await import('../../src/unit-ops/sorting-lanes.js');
    const rows = [[0.9, 0.1, 0], [0.2, 0.8, 0], [0.1, 0.1, 0.8]];
    const every = lanesOfEveryLot(rows);
    expect(every).toEqual([true, true, false]);
    expect(lanesOfEveryLot(rows)).toBe(every);
    const other = [[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8]];
    expect(lanesOfEveryLot(other)).toEqual([true, true, true]);
    expect(lanesOfEveryLot(rows)).toEqual([true, true, false]);
    expect(lanesOfEveryLot([])).toEqual([]);
  });
});

describe('sorting: an equal feed sorted again (the kept sort)', () => {
  const run = (p: unknown, liPerTm: number, kg = 300) => {
    const feed = makeStream({ PVDF: 10, Al: 20 }, [lot('a', 'NCM811', kg, { liPerTm }), lot('b', 'LFP', 100, { liPerTm: 1 })]);
    return REGISTRY.sorting.run(p as never, { feed }, { unitId: 'u', ambientK: 298.15 });
  };
  const lanesOf = (r: ReturnType<typeof run>) => JSON.parse(JSON.stringify({ outlets: r.outlets, metrics: r.metrics, energy: r.energy, diagnostics: r.diagnostics }));

  it('gives what a first sort gives, for the same Li/TM, another of the same class and another class', () => {
    const cases = [[0.9, 300], [0.9, 300], [0.95, 300], [0.7, 300], [0.7, 300], [0.7, 301], [0.9, 300]] as const;
    const first = cases.map(([li, kg]) => lanesOf(run(parse('sorting', { lanes: ['chemistry', 'degradation'], degradationAccuracy: 0.8 }), li, kg)));
    // One parameters object: each run after the first may reuse the sort before it.
    const p = parse('sorting', { lanes: ['chemistry', 'degradation'], degradationAccuracy: 0.8 });
    cases.forEach(([li, kg], k) => {
      const r = run(p, li, kg);
      expect(lanesOf(r)).toEqual(first[k]);
      // the lot reads its own Li/TM (its source lot), not the first sort's
      const lane = li >= 0.85 ? 'ncm-mild' : 'ncm-severe';
      expect(r.outlets[lane]!.lots.find((l) => l.id === `a@${lane}`)!.liPerTm).toBe(li);
    });
  });
});
