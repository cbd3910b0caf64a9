/**
 * Patch paths compiled once (pipeline/reparse-plan.ts): for a number set at a fixed path, the plan
 * gives exactly what reparsePatched gives, or nothing when it is not sure (the caller then takes
 * reparsePatched, and a refused value its full parse, as before). Refinements that cannot read the
 * patched value are not run again; those that can are.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel, type Model } from '../../src/pipeline/resolve.js';
import { resolveErrorMessage } from '../helpers.js';
import { setIn, type Patch } from '../../src/pipeline/patch.js';
import { reparsePatched } from '../../src/pipeline/reparse.js';
import { pathPlan } from '../../src/pipeline/reparse-plan.js';
import { flowsheetFileSchema } from '../../src/unit-ops/flowsheet-schema.js';
import { feedSchema } from '../../src/schema/feed.js';
import { financeSchema } from '../../src/schema/economics.js';
import { quantity } from '../../src/schema/param.js';

const REFERENCE = 'scenarios/reference-cn.yaml';

/** The plan's parse against reparsePatched's (JSON: values and key order); the plan may only decline. */
function agrees(schema: z.ZodType, before: object, path: readonly string[], from: number, value: unknown): 'planned' | 'declined' {
  const parsed = schema.parse(before);
  const plan = pathPlan(schema, before, parsed, path, from);
  expect(plan, path.join('.')).toBeDefined();
  const got = plan!.run(value);
  if (got === undefined) return 'declined';
  const want = reparsePatched(schema, before, parsed, path, from, value);
  expect(want, `${path.join('.')} = ${String(value)}`).toBeDefined();
  expect(JSON.stringify(got.value)).toBe(JSON.stringify(want!.value));
  return 'planned';
}

describe('patch path plans on the reference scenario', () => {
  const raw = loadRawScenario(REFERENCE);
  const fs = raw.flowsheet.data as { units: { id: string }[] };
  const relith = String(fs.units.findIndex((u) => u.id === 'relith'));
  const temperature = Object.freeze(['units', relith, 'params', 'temperature']);
  const liPerTm = Object.freeze(['feed', 'lots', 'ev-811', 'liPerTm']);
  const discountRate = Object.freeze(['finance', 'discountRate']);
  const finance = raw.sections.finance!.data as object;

  it('a number in range: the parse reparsePatched gives', () => {
    for (const t of [473.15, 493.15, 513.3, 303.15, 623.15]) expect(agrees(flowsheetFileSchema, fs, temperature, 0, t)).toBe('planned');
    for (const x of [0.7, 0.77, 0.85, 0, 1.3]) expect(agrees(feedSchema, raw.feed.data as object, liPerTm, 1, x)).toBe('planned');
    for (const r of [0.08, 0.0999, 0.12, 0, 1]) expect(agrees(financeSchema, finance, discountRate, 1, r)).toBe('planned');
  });

  it('declines a refused value, a number that is not finite, a text, a distribution and the value the file holds', () => {
    for (const t of [900, 303.1, -1, NaN, Infinity, '220 degC']) expect(agrees(flowsheetFileSchema, fs, temperature, 0, t)).toBe('declined');
    for (const x of [-0.1, 1.31, 0.8, '0.8', { dist: 'uniform', min: 0.7, max: 0.8 }]) expect(agrees(feedSchema, raw.feed.data as object, liPerTm, 1, x)).toBe('declined');
    for (const r of [1.5, -0.01, 0.1]) expect(agrees(financeSchema, finance, discountRate, 1, r)).toBe('declined');
  });

  it('runs again only the refinements that read the value: the lot\'s (its attributes), not the feed\'s (shares) nor the units\' ones', () => {
    const feed = raw.feed.data as object;
    const plan = pathPlan(feedSchema, feed, feedSchema.parse(feed), liPerTm, 1) as unknown as { levels: { key: string; checks: unknown[] }[] };
    expect(plan.levels.map((l) => [l.key, l.checks.length])).toEqual([['lots', 0], ['2', 0], ['liPerTm', 1]]);
    const fsPlan = pathPlan(flowsheetFileSchema, fs, flowsheetFileSchema.parse(fs), temperature, 0) as unknown as { levels: { checks: unknown[] }[] };
    expect(fsPlan.levels.every((l) => l.checks.length === 0)).toBe(true);
  });

  it('is made once per data object, parse and segments, and again for another data object', () => {
    const parsed = feedSchema.parse(raw.feed.data);
    const a = pathPlan(feedSchema, raw.feed.data as object, parsed, liPerTm, 1);
    expect(pathPlan(feedSchema, raw.feed.data as object, parsed, liPerTm, 1)).toBe(a);
    // Another feed (the lot's Li/TM written otherwise): its own plan, holding its own parse.
    const other = setIn(raw.feed.data, liPerTm, 0.75, 1) as object;
    const b = pathPlan(feedSchema, other, feedSchema.parse(other), liPerTm, 1);
    expect(b).not.toBe(a);
    const got = b!.run(0.8)!.value as { lots: { id: string; liPerTm: unknown }[] };
    expect(got.lots.find((l) => l.id === 'ev-811')!.liPerTm).toBe(0.8);
    expect(b!.run(0.75)).toBeUndefined(); // the value that feed holds
    expect(a!.run(0.75)).toBeDefined();
  });

  it('a model resolved by plans is the model of the patched files validated in full, whatever was resolved before', () => {
    const validated = (m: Model) => JSON.stringify({ units: m.flowsheet.units.map((u) => [u.id, u.params]), feed: m.feed, finance: m.finance });
    const written = (patches: Patch[]) => {
      let flowsheet = raw.flowsheet.data;
      let feedData = raw.feed.data;
      const sections = { ...raw.sections };
      for (const p of patches) {
        if (p.path === 'relith.temperature') flowsheet = setIn(flowsheet, temperature, p.value);
        else if (p.path.startsWith('feed.')) feedData = setIn(feedData, liPerTm, p.value, 1);
        else sections.finance = { ...sections.finance!, data: setIn(sections.finance!.data, ['finance', p.path.slice('finance.'.length)], p.value, 1) };
      }
      return resolveModel({ ...raw, flowsheet: { ...raw.flowsheet, data: flowsheet }, feed: { ...raw.feed, data: feedData }, sections });
    };
    const rows: Patch[][] = [];
    for (const [t, x, r] of [[480, 0.77, 0.09], [500.5, 0.81, 0.11], [480, 0.77, 0.09]]) rows.push([{ path: 'relith.temperature', value: t }, { path: 'feed.lots[ev-811].liPerTm', value: x }, { path: 'finance.discountRate', value: r }]);
    rows.push([{ path: 'finance.taxRate', value: 0.3 }], [{ path: 'finance.salvage', value: 0.05 }], [{ path: 'finance.operatingDays', value: 300 }]);
    const first = rows.map((ps) => validated(resolveModel(raw, ps)));
    rows.forEach((ps, i) => expect(first[i], ps.map((p) => p.path).join(', ')).toBe(validated(written(ps))));
    // In the other order: the same models.
    [...rows].reverse().forEach((ps) => expect(validated(resolveModel(raw, ps))).toBe(first[rows.indexOf(ps)]));
  });

  it('a refused number still gives the error of the patched files validated in full', () => {
    const message = (patches: Patch[]) => resolveErrorMessage(raw, patches);
    for (const p of [{ path: 'relith.temperature', value: 900 }, { path: 'feed.lots[ev-811].liPerTm', value: -1 }, { path: 'finance.discountRate', value: 2 }]) {
      const m = message([p]);
      expect(m, p.path).toBeDefined();
      expect(message([p, p]), p.path).toBe(m);
    }
  });
});

describe('patch path plans on small schemas', () => {
  const leaf = quantity('K', { description: 't', min: 0, max: 10 });

  it('copies each object level at a site of its own while there are few, and the same copies whatever the site', () => {
    // Levels of many shapes and plans (more than the copy sites, so that sites are shared).
    const plans: { schema: z.ZodType; data: object; path: string[] }[] = [];
    for (let n = 1; n <= 12; n++) {
      const keys = Array.from({ length: n }, (_, i) => `k${i}`);
      const inner = z.strictObject(Object.fromEntries(keys.map((k) => [k, leaf])));
      const schema = z.strictObject({ head: z.string(), inner });
      plans.push({ schema, data: { head: `h${n}`, inner: Object.fromEntries(keys.map((k, i) => [k, i % 10])) }, path: ['inner', `k${n - 1}`] });
    }
    const sites = new Set<number>();
    for (const p of plans.slice(0, 4)) {
      const plan = pathPlan(p.schema, p.data, p.schema.parse(p.data), p.path, 0) as unknown as { levels: { site: number }[] };
      for (const l of plan.levels) sites.add(l.site);
    }
    expect(sites.size).toBe(8);
    for (let round = 0; round < 2; round++) {
      for (const p of plans) {
        const parsed = p.schema.parse(p.data);
        for (const v of [0.5, 8.5]) expect(agrees(p.schema, p.data, p.path, 0, v)).toBe('planned');
        const got = pathPlan(p.schema, p.data, parsed, p.path, 0)!.run(9.5)!.value as { inner: object };
        expect(got).not.toBe(parsed);
        expect(got.inner).not.toBe((parsed as { inner: object }).inner);
        expect(Object.keys(got.inner)).toEqual(Object.keys((parsed as { inner: object }).inner));
      }
    }
  });

  it('reads a number through an optional and a union whose earlier options take objects only', () => {
    const schema = z.strictObject({ a: z.union([z.strictObject({ dist: z.string() }), leaf]).optional(), b: z.number() });
    expect(agrees(schema, { a: 1, b: 2 }, ['a'], 0, 3)).toBe('planned');
    expect(agrees(schema, { a: 1, b: 2 }, ['a'], 0, 11)).toBe('declined');
    // an option before it that may take a number: no plan
    const other = z.strictObject({ a: z.union([z.number().int(), leaf]), b: z.number() });
    expect(pathPlan(other, { a: 1, b: 2 }, other.parse({ a: 1, b: 2 }), ['a'], 0)).toBeUndefined();
    // a leaf that is no quantity: no plan
    const plain = z.strictObject({ a: z.number(), b: z.number() });
    expect(pathPlan(plain, { a: 1, b: 2 }, plain.parse({ a: 1, b: 2 }), ['a'], 0)).toBeUndefined();
  });

  it('runs a refinement that reads the value (by key, by entries, through a list), skips one that does not', () => {
    let runs = 0;
    const item = z.strictObject({ id: z.string(), t: leaf, u: leaf });
    const reads = [
      (v: { t: number; u: number }) => v.t > v.u,
      (v: { t: number; u: number }) => Object.entries(v).some(([k, x]) => k === 't' && x === 9),
    ];
    for (const bad of reads) {
      const schema = z.strictObject({ items: z.array(item.refine((v) => { runs++; return !bad(v); })) });
      const data = { items: [{ id: 'p', t: 1, u: 5 }, { id: 'q', t: 2, u: 8 }] };
      const parsed = schema.parse(data);
      const plan = pathPlan(schema, data, parsed, ['items', 'q', 't'], 0)!;
      expect(plan).toBeDefined();
      runs = 0;
      expect(plan.run(3)).toBeDefined();
      expect(runs).toBe(1);
      expect(plan.run(9)).toBeUndefined(); // refused by the refinement: declined
    }
    // A list-level refinement that reads every item's t.
    const summed = z.strictObject({ items: z.array(item).refine((l) => l.reduce((a, x) => a + x.t, 0) < 10) });
    const data = { items: [{ id: 'p', t: 1, u: 5 }, { id: 'q', t: 2, u: 8 }] };
    const plan = pathPlan(summed, data, summed.parse(data), ['items', 'q', 't'], 0)!;
    expect(plan.run(8)).toBeDefined();
    expect(plan.run(9.5)).toBeUndefined();
    // One that reads another key only is not run.
    const other = z.strictObject({ items: z.array(item.refine((v) => { runs++; return v.u < 9; })) });
    const p2 = pathPlan(other, data, other.parse(data), ['items', 'q', 't'], 0)!;
    runs = 0;
    expect(p2.run(4)).toBeDefined();
    expect(runs).toBe(0);
  });

  it('makes no plan past a refinement that writes', () => {
    const schema = z.strictObject({ t: leaf, u: leaf }).superRefine((v) => {
      (v as { u: number }).u += 1;
    });
    const data = { t: 1, u: 2 };
    const parsed = schema.parse(data);
    expect(parsed.u).toBe(3);
    expect(pathPlan(schema, data, parsed, ['t'], 0)).toBeUndefined();
    // and the tracing left the cached parse as it was
    expect(parsed.u).toBe(3);
  });
});
