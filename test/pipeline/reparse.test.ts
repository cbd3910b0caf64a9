/**
 * Incremental re-validation of patched sections (pipeline/reparse.ts): the model resolved from
 * patches is the model of the patched files validated in full — same values, same key order —
 * and anything the shortcut cannot vouch for (a refinement that fails, an invalid value) is
 * validated in full and reported as before.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadRawScenario, type RawScenario } from '../../src/pipeline/load.js';
import { resolveModel, type Model } from '../../src/pipeline/resolve.js';
import { resolveErrorMessage } from '../helpers.js';
import { setIn, splitPath, type Patch } from '../../src/pipeline/patch.js';
import { reparseChanged, reparsePatched } from '../../src/pipeline/reparse.js';
import { flowsheetFileSchema } from '../../src/unit-ops/flowsheet-schema.js';
import { feedSchema } from '../../src/schema/feed.js';
import { RegenflowError } from '../../src/schema/errors.js';

const REFERENCE = 'scenarios/reference-cn.yaml';

/** The raw scenario with the patches written into its parts (so resolving it validates them in full). */
function written(raw: RawScenario, patches: readonly Patch[]): RawScenario {
  let flowsheet = raw.flowsheet.data;
  let feed = raw.feed.data;
  let plant = raw.plant.data;
  const sections = { ...raw.sections };
  for (const p of patches) {
    const [head, ...rest] = splitPath(p.path) as [string, ...string[]];
    if (head === 'feed') feed = setIn(feed, rest, p.value);
    else if (head === 'plant') plant = setIn(plant, rest, p.value);
    else if (head === 'finance' || head === 'spec' || head === 'design') sections[head] = { ...sections[head]!, data: setIn(sections[head]!.data, rest, p.value) };
    else if (head === 'solver') flowsheet = setIn(flowsheet, [head, ...rest], p.value);
    else flowsheet = setIn(flowsheet, ['units', head, 'params', ...rest], p.value);
  }
  return { ...raw, flowsheet: { ...raw.flowsheet, data: flowsheet }, feed: { ...raw.feed, data: feed }, plant: { ...raw.plant, data: plant }, sections };
}

/** What validation produces (JSON text: values and key order). */
const validated = (m: Model) => JSON.stringify({ units: m.flowsheet.units.map((u) => [u.id, u.params]), solver: m.flowsheet.solver, plant: m.plant, feed: m.feed, spec: m.spec, finance: m.finance, design: m.design });

describe('patched sections re-validated incrementally', () => {
  const raw = loadRawScenario(REFERENCE);
  const cases: Patch[][] = [
    [{ path: 'relith.temperature', value: '212.5 degC' }],
    [{ path: 'feed.lots[ev-811].liPerTm', value: 0.77 }],
    [{ path: 'feed.lots[ev-523].liPerTm', value: { dist: 'uniform', min: 0.8, max: 0.9 } }],
    [{ path: 'finance.discountRate', value: 0.087 }, { path: 'finance.life', value: '20 yr' }],
    [{ path: 'plant.capacity', value: '12000 t/yr' }, { path: 'sinter.dwell', value: '3 h' }, { path: 'recover.targetConcentration', value: '3.5 mol/L' }],
    // keys the files do not write (defaults), on a unit with params and on one without
    [{ path: 'relith.solidLiquidRatio', value: '0.25 kg/L' }, { path: 'wash.stages', value: 2 }, { path: 'finance.salvage', value: 0.05 }],
    [{ path: 'solver.tolerance', value: 1e-11 }],
  ];
  for (const patches of cases) {
    it(`${patches.map((p) => p.path).join(', ')}: the model of the patched files validated in full`, () => {
      expect(validated(resolveModel(raw, patches))).toBe(validated(resolveModel(written(raw, patches))));
    });
  }

  it('what a patch does not touch keeps its validated objects (only the patched values are parsed)', () => {
    const base = resolveModel(raw);
    const m = resolveModel(raw, [{ path: 'feed.lots[ev-811].liPerTm', value: 0.77 }, { path: 'relith.temperature', value: '212.5 degC' }]);
    const ev811 = base.feed.lots.findIndex((l) => l.id === 'ev-811');
    base.feed.lots.forEach((l, i) => expect(m.feed.lots[i] === l, l.id).toBe(i !== ev811));
    expect(m.feed.lots[ev811]!.chemistry).toBe(base.feed.lots[ev811]!.chemistry);
    const relith = base.flowsheet.units.findIndex((u) => u.id === 'relith');
    base.flowsheet.units.forEach((u, i) => expect(m.flowsheet.units[i]!.params === u.params, u.id).toBe(i !== relith));
    const w = resolveModel(raw, [{ path: 'wash.stages', value: 2 }]);
    base.flowsheet.units.forEach((u, i) => expect(w.flowsheet.units[i]!.params === u.params, u.id).toBe(u.id !== 'wash'));
    // the streams keep their validated list, so the graph built from them is reused
    expect(m.flowsheet.graph).toBe(base.flowsheet.graph);
    expect(w.flowsheet.graph).toBe(base.flowsheet.graph);
  });

  it('a patch that breaks a refinement of its section is still an input error (feed shares)', () => {
    let error: unknown;
    try {
      resolveModel(raw, [{ path: 'feed.lots[ev-811].share', value: 0.5 }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegenflowError);
    expect((error as RegenflowError).message).toMatch(/shares sum to/);
  });

  it('an invalid patched value is reported with its field', () => {
    expect(() => resolveModel(raw, [{ path: 'relith.temperature', value: '900 degC' }])).toThrow(/temperature/);
  });
});

describe('reparseChanged', () => {
  const schema = z.strictObject({ a: z.number().default(1), b: z.array(z.strictObject({ x: z.number(), y: z.string().optional() })).min(1), c: z.number() }).superRefine((v, ctx) => {
    if (v.c > v.a) ctx.addIssue({ code: 'custom', message: 'c must not exceed a' });
  });
  const before = { c: 0, b: [{ x: 1 }, { x: 2, y: 'q' }], a: 5 };
  const parsed = schema.parse(before);

  it('gives the full parse, in the parse\'s key order, keeping unchanged parts', () => {
    const after = { ...before, b: [before.b[0]!, { x: 3, y: 'q' }] };
    const r = reparseChanged(schema, before, after, parsed);
    expect(r).toBeDefined();
    expect(JSON.stringify(r!.value)).toBe(JSON.stringify(schema.parse(after)));
    expect((r!.value as typeof parsed).b[0]).toBe(parsed.b[0]);
  });

  it('runs the refinements again: invalid data gives nothing', () => {
    expect(reparseChanged(schema, before, { ...before, c: 9 }, parsed)).toBeUndefined(); // refinement fails
    expect(reparseChanged(schema, before, { ...before, c: 'x' }, parsed)).toBeUndefined(); // invalid value
    expect(reparseChanged(schema, before, { ...before, b: [before.b[0], { x: 2, y: 3 }] }, parsed)).toBeUndefined();
  });

  it('parses on its own what it cannot follow (a key the parse did not give, a list of another length)', () => {
    for (const after of [{ ...before, b: [{ x: 1, y: 'new' }, before.b[1]] }, { ...before, b: [before.b[0]] }, { c: 0, b: before.b }]) {
      const r = reparseChanged(schema, before, after, parsed);
      expect(JSON.stringify(r?.value)).toBe(JSON.stringify(schema.parse(after)));
    }
  });
});

describe('reparsePatched', () => {
  /** reparsePatched against reparseChanged of the data setIn makes: the same parse (JSON: values and key order) or the same refusal. */
  const same = (schema: z.ZodType, before: unknown, path: string[], from: number, value: unknown) => {
    const parsed = schema.parse(before);
    const after = setIn(before, path, value, from);
    const want = after === undefined ? undefined : reparseChanged(schema, before, after, parsed);
    const got = reparsePatched(schema, before, parsed, path, from, value);
    expect(got === undefined, `${path.join('.')} = ${JSON.stringify(value)}`).toBe(want === undefined);
    if (got && want) expect(JSON.stringify(got.value)).toBe(JSON.stringify(want.value));
    return got;
  };

  it('gives what reparseChanged gives for the data the patch makes: a value, a refinement, an invalid value, the value it holds', () => {
    const schema = z.strictObject({ a: z.number().default(1), b: z.array(z.strictObject({ id: z.string(), x: z.number(), y: z.string().optional() })).min(1), c: z.number() }).superRefine((v, ctx) => {
      if (v.c > v.a) ctx.addIssue({ code: 'custom', message: 'c must not exceed a' });
    });
    const before = { c: 0, b: [{ id: 'p', x: 1 }, { id: 'q', x: 2, y: 'q' }], a: 5 };
    same(schema, before, ['c'], 0, 3);
    same(schema, before, ['c'], 0, 9); // refinement fails
    same(schema, before, ['c'], 0, 'x'); // invalid
    same(schema, before, ['c'], 0, 0); // the value it holds
    same(schema, before, ['b', 'q', 'x'], 0, 7); // a list item by id
    same(schema, before, ['b', '0', 'x'], 0, 7); // by index
    same(schema, before, ['b', 'q', 'y'], 0, 3); // invalid inside a list
    same(schema, before, ['b', 'p', 'y'], 0, 'new'); // a key the item does not write: parsed on its own
    same(schema, before, ['b', 'p', 'z'], 0, 1); // a key the schema does not know
    same(schema, before, ['b', 'r', 'x'], 0, 1); // no such item
    same(schema, before, ['b', '5', 'x'], 0, 1);
  });

  it('gives what reparseChanged gives on the reference flowsheet and feed', () => {
    const raw = loadRawScenario(REFERENCE);
    const fs = raw.flowsheet.data as { units: { id: string }[] };
    const relith = String(fs.units.findIndex((u) => u.id === 'relith'));
    for (const [path, value] of [
      [['units', relith, 'params', 'temperature'], 495.5],
      [['units', relith, 'params', 'temperature'], '212.5 degC'],
      [['units', relith, 'params', 'temperature'], '900 degC'],
      [['units', relith, 'params', 'solidLiquidRatio'], '0.25 kg/L'],
      [['units', relith, 'kind'], 'sintering'],
      [['units', relith, 'name'], 'relithiation'],
      [['solver', 'tolerance'], 1e-11],
      [['streams', '0', 'tear'], true],
    ] as [string[], unknown][]) same(flowsheetFileSchema, fs, path, 0, value);
    for (const [path, value] of [
      [['feed', 'lots', 'ev-811', 'liPerTm'], 0.77],
      [['feed', 'lots', 'ev-811', 'liPerTm'], 2],
      [['feed', 'lots', 'ev-811', 'share'], 0.5],
      [['feed', 'lots', 'ev-523', 'liPerTm'], { dist: 'uniform', min: 0.8, max: 0.9 }],
      [['feed', 'lots', 'ev-811', 'd50'], '12 um'],
      [['feed', 'basis'], 'black-mass'],
    ] as [string[], unknown][]) same(feedSchema, raw.feed.data, path, 1, value);
  });

  it('a single patch the model refuses gives the error of the patched files validated in full', () => {
    const raw = loadRawScenario(REFERENCE);
    const message = (patches: Patch[]) => resolveErrorMessage(raw, patches);
    for (const p of [
      { path: 'relith.temperature', value: 900 },
      { path: 'feed.lots[ev-811].liPerTm', value: -1 },
      { path: 'feed.lots[ev-811].share', value: 0.5 },
      { path: 'feed.lots[ev-999].liPerTm', value: 0.8 },
      { path: 'plant.capacity', value: '-5 t/yr' },
      { path: 'solver.tolerance', value: 1 },
    ]) {
      const m = message([p]);
      expect(m, p.path).toBeDefined();
      // and the same error with a second patch of the same part that changes nothing else
      expect(message([p, p]), p.path).toBe(m);
    }
  });
});
