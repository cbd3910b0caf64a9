import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/io/document.js';
import { feedSchema } from '../../src/schema/feed.js';
import { toInputIssues } from '../../src/schema/issues.js';
import { formatIssue } from '../../src/schema/errors.js';
import { feedStream } from '../../src/streams/feed.js';
import { discretise, distributionMean } from '../../src/schema/distribution.js';
import { lotsMass } from '../../src/streams/stream.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { judgeLot, limitsFor } from '../../src/balances/quality.js';
import { specSchema } from '../../src/schema/spec.js';
import { makeLot } from '../helpers.js';

function feedIssues(yaml: string): string[] {
  const doc = parseText('feeds/x.yaml', yaml);
  const r = feedSchema.safeParse(doc.data);
  return r.success ? [] : toInputIssues(r.error.issues, feedSchema, doc.data, doc).map(formatIssue);
}

describe('feed lots', () => {
  it('shares must sum to 1, or the error lists the lots and their sum', () => {
    const issues = feedIssues('lots:\n  - { id: a, share: 0.6, chemistry: NCM523 }\n  - { id: b, share: 0.47, chemistry: NCM811 }\n');
    expect(issues).toEqual(['feeds/x.yaml:2:3 › lots: shares sum to 1.07 (a 0.6, b 0.47); they must sum to 1 (± 1e-9)']);
    expect(feedIssues('lots:\n  - { id: a, share: 0.6, chemistry: NCM523 }\n  - { id: b, share: 0.4000000000001, chemistry: NCM811 }\n')).toEqual([]);
  });

  it('refuses unknown chemistries, duplicate ids and bad composition', () => {
    expect(feedIssues('lots:\n  - { id: a, share: 1, chemistry: NMC523 }\n')).toEqual([
      'feeds/x.yaml:2:35 › lots[0].chemistry: unknown chemistry "NMC523" (did you mean "NCM523"?); use one of NCM111, NCM523, NCM532, NCM622, NCM712, NCM811, Ni90, NCA, LCO, LMO, LFP or give tm fractions, e.g. { family: layered, tm: { Ni: 0.6, Co: 0.2, Mn: 0.2 } }',
    ]);
    expect(feedIssues('lots:\n  - { id: a, share: 0.5, chemistry: NCM523 }\n  - { id: a, share: 0.5, chemistry: NCM523 }\n')).toEqual([
      'feeds/x.yaml:3:11 › lots[1].id: duplicate lot id "a"; give every feed lot its own id',
    ]);
    expect(feedIssues('lots:\n  - { id: a, share: 1, chemistry: NCM523, composition: { cam: 0.9, al: 0.05 } }\n')).toEqual([
      'feeds/x.yaml:2:56 › lots[0].composition: composition fractions sum to 0.95; they must sum to 1 (± 1e-9) — give the rest as another entry',
    ]);
  });

  it('discretised distributions conserve mass and mean', () => {
    for (const d of [{ dist: 'normal', mean: 0.86, sd: 0.04 }, { dist: 'uniform', min: 0.7, max: 0.9 }, { dist: 'triangular', min: 0.7, mode: 0.8, max: 0.95 }] as const) {
      for (const n of [1, 3, 5, 10]) {
        const v = discretise(d, n);
        const mean = v.reduce((a, b) => a + b, 0) / n;
        expect(mean).toBeCloseTo(distributionMean(d), 14);
        expect(v).toEqual([...v].sort((a, b) => a - b));
      }
    }
    // Normal with 2 bins: conditional means are μ ± σ·√(2/π).
    expect(discretise({ dist: 'normal', mean: 0, sd: 1 }, 2)[1]).toBeCloseTo(Math.sqrt(2 / Math.PI), 8);
    const doc = parseText('f.yaml', 'lots:\n  - { id: a, share: 1, chemistry: NCM523, liPerTm: { dist: normal, mean: 0.86, sd: 0.04 }, composition: { cam: 1 } }\n');
    const feed = feedSchema.parse(doc.data);
    const s = feedStream(feed, 1000, 298.15);
    expect(s.lots).toHaveLength(5);
    expect(lotsMass(s)).toBeCloseTo(1000, 10);
    expect(s.lots.reduce((a, l) => a + l.massKgPerHour * l.liPerTm, 0) / 1000).toBeCloseTo(0.86, 12);
    expect(s.lots.map((l) => l.id)).toEqual(['a#1', 'a#2', 'a#3', 'a#4', 'a#5']);
    expect(s.lots.every((l) => l.origin.length === 1 && l.origin[0] === 'a')).toBe(true);
  });
});

describe('lots through the plant', () => {
  const raw = loadRawScenario('scenarios/reference-cn.yaml');
  const ev = evaluate(resolveModel(raw));

  it('every lot is traceable from feed to product (origin kept)', () => {
    const feedIds = new Set(ev.model.feed.lots.map((l) => l.id));
    const product = ev.model.flowsheet.graph.streams.filter((s) => s.to.node === 'product').flatMap((s) => ev.solution.streams.get(s.id)!.lots);
    expect(product.length).toBeGreaterThan(0);
    for (const l of product) {
      expect(l.origin.length).toBeGreaterThan(0);
      for (const o of l.origin) expect(feedIds.has(o)).toBe(true);
      expect(l.id.split(/[#@]/)[0]).toBe(l.origin[0]);
    }
  });

  it('misclassification moves exactly the confusion-matrix mass down each lane', () => {
    const sortIn = ev.solution.inlets.get('sort')!.feed!;
    const lfpIn = sortIn.lots.filter((l) => l.origin[0] === 'lfp-stray').reduce((a, l) => a + l.massKgPerHour, 0);
    const out = ev.solution.runs.get('sort')!.outlets;
    const lfpInNcmLane = out.ncm!.lots.filter((l) => l.origin[0] === 'lfp-stray').reduce((a, l) => a + l.massKgPerHour, 0);
    // Default confusion row of a true LFP lot: reject rate 0.02, accuracy 0.95 of the rest, the
    // misidentified 5 % spread over the other three lanes.
    expect(lfpInNcmLane).toBeCloseTo(lfpIn * (1 - 0.02) * (0.05 / 3), 9);
    const ncmInLfpLane = out.lfp!.lots.filter((l) => l.origin[0] === 'ev-622').reduce((a, l) => a + l.massKgPerHour, 0);
    const ncm622In = sortIn.lots.filter((l) => l.origin[0] === 'ev-622').reduce((a, l) => a + l.massKgPerHour, 0);
    expect(ncmInLfpLane).toBeCloseTo(ncm622In * 0.98 * (0.05 / 3), 9);
  });

  it('a foreign chemistry never leaves as in-spec NCM product', () => {
    const foreign = ev.quality.lots.filter((v) => ['LFP', 'LCO', 'LMO'].includes(v.chemistry));
    expect(foreign.length).toBeGreaterThan(0);
    for (const v of foreign) {
      expect(v.inSpec).toBe(false);
      expect(v.primaryCause).toBe('foreign-chemistry');
    }
    const total = Object.values(ev.quality.offSpecByCauseKgPerHour).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(ev.quality.offSpecKgPerHour, 9);
    expect(ev.quality.inSpecKgPerHour + ev.quality.offSpecKgPerHour).toBeCloseTo(ev.quality.productCamKgPerHour, 9);
  });
});

describe('in-spec decisions at the spec boundaries', () => {
  const spec = specSchema.parse({});
  const at = (over: Parameters<typeof makeLot>[0]) => judgeLot(spec, makeLot(over), 0);
  it('Li/TM window is inclusive at both ends', () => {
    expect(at({ id: 'a', liPerTm: 0.97, cationMixing: 0.02 })).toEqual([]);
    expect(at({ id: 'a', liPerTm: 0.97 - 1e-12, cationMixing: 0.02 })).toEqual(['under-lithiated']);
    expect(at({ id: 'a', liPerTm: 1.05, cationMixing: 0.02 })).toEqual([]);
    expect(at({ id: 'a', liPerTm: 1.05 + 1e-12, cationMixing: 0.02 })).toEqual(['over-lithiated']);
  });
  it('cation mixing, rock salt and residual salts at their limits; Ni-rich limit by chemistry', () => {
    expect(at({ id: 'a', liPerTm: 1, cationMixing: 0.04 })).toEqual([]);
    expect(at({ id: 'a', liPerTm: 1, cationMixing: 0.0400001 })).toEqual(['cation-mixing']);
    expect(at({ id: 'a', chemistry: 'NCM811', liPerTm: 1, cationMixing: 0.05 })).toEqual([]);
    expect(limitsFor(spec, makeLot({ id: 'a', chemistry: 'NCM811' }).chemistry).maxCationMixing).toBe(0.05);
    expect(at({ id: 'a', liPerTm: 1, cationMixing: 0.02, surfaceRockSalt_nm: 3 })).toEqual([]);
    expect(at({ id: 'a', liPerTm: 1, cationMixing: 0.02, surfaceRockSalt_nm: 3.001 })).toEqual(['surface-rock-salt']);
    expect(judgeLot(spec, makeLot({ id: 'a', liPerTm: 1, cationMixing: 0.02 }), 0.005)).toEqual([]);
    expect(judgeLot(spec, makeLot({ id: 'a', liPerTm: 1, cationMixing: 0.02 }), 0.0051)).toEqual(['residual-li-salts']);
  });
  it('several causes are all listed; foreign chemistry alone is enough', () => {
    expect(at({ id: 'a', liPerTm: 0.9, cationMixing: 0.08, surfaceRockSalt_nm: 9 })).toEqual(['under-lithiated', 'cation-mixing', 'surface-rock-salt', 'low-capacity']);
    expect(at({ id: 'a', chemistry: 'LFP', liPerTm: 1, cationMixing: 0 })).toEqual(['foreign-chemistry']);
    expect(at({ id: 'a', chemistry: 'LCO', liPerTm: 1, cationMixing: 0 })).toEqual(['foreign-chemistry']);
  });
});
