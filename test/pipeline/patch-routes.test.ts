/**
 * Patch routes (patch-routes.ts): what each patch path addresses is worked out once per scenario
 * and list of paths, and a resolution gives the same model whatever was resolved before it.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario, type RawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { patchRoutes } from '../../src/pipeline/patch-routes.js';
import { setIn, setOwnKey } from '../../src/pipeline/patch.js';
import { RegenflowError } from '../../src/schema/errors.js';
import type { Patch } from '../../src/pipeline/patch.js';

const REFERENCE = 'scenarios/reference-cn.yaml';
const unitsOf = (raw: RawScenario) => (raw.flowsheet.data as { units: { id?: unknown }[] }).units;
const patchesOf = (paths: string[]): Patch[] => paths.map((path) => ({ path, value: 1 }));

/** A model as JSON (its graph's units included: a graph is shared by resolutions with the same ports), or its issues when refused. */
function resolved(raw: RawScenario, patches: Patch[]): string {
  try {
    const m = resolveModel(raw, patches);
    return JSON.stringify({ ...m, raw: undefined, flowsheet: { ...m.flowsheet, graph: m.flowsheet.graph.units } });
  } catch (e) {
    if (!(e instanceof RegenflowError)) throw e;
    return JSON.stringify(e.issues);
  }
}

describe('patchRoutes', () => {
  const raw = loadRawScenario(REFERENCE);
  const units = unitsOf(raw);
  const paths = ['prices.LiOH·H2O', 'finance.discountRate', 'relith.temperature', 'feed.lots[ev-811].liPerTm', 'plant.capacity', 'solver.tolerance', 'nowhere.x', 'short'];

  it('routes each path by what it addresses', () => {
    const routes = patchRoutes(raw, units, patchesOf(paths));
    expect(routes.map((r) => [r.kind, r.head])).toStrictEqual([
      ['section', 'prices'], ['section', 'finance'], ['unit', 'relith'], ['part', 'feed'], ['part', 'plant'], ['solver', 'solver'], ['no-unit', 'nowhere'], ['short', 'short'],
    ]);
    const relith = routes[2]!;
    expect(units[relith.idx]!.id).toBe('relith');
    expect(relith.path).toStrictEqual(['units', String(relith.idx), 'params', 'temperature']);
    expect(Object.isFrozen(relith.path)).toBe(true);
  });

  it('gives the last list again for the same paths, and another list for other paths', () => {
    const a = patchRoutes(raw, units, patchesOf(paths));
    expect(patchRoutes(raw, units, patchesOf(paths))).toBe(a);
    const b = patchRoutes(raw, units, patchesOf(paths.slice(1)));
    expect(b).not.toBe(a);
    expect(b).toStrictEqual(a.slice(1));
    expect(patchRoutes(raw, units, patchesOf(paths))).toStrictEqual(a);
  });

  it('works routes out again for another flowsheet (a unit list of its own)', () => {
    const a = patchRoutes(raw, units, patchesOf(['relith.temperature']));
    const reordered = [...units].reverse();
    const b = patchRoutes(raw, reordered, patchesOf(['relith.temperature']));
    expect(reordered[b[0]!.idx]!.id).toBe('relith');
    expect(b[0]!.idx).toBe(units.length - 1 - a[0]!.idx);
  });
});

describe('resolveModel with routes kept', () => {
  it('resolves the same model whatever was resolved before', () => {
    const lists: Patch[][] = [
      [{ path: 'prices.LiOH·H2O', value: 12 }, { path: 'prices.electricity', value: 0.09 }, { path: 'prices.quality-factor', value: 0.85 }, { path: 'relith.temperature', value: 480 }],
      [{ path: 'prices.electricity', value: 0.07 }, { path: 'finance.discountRate', value: 0.09 }, { path: 'feed.lots[ev-811].liPerTm', value: 0.78 }],
      [{ path: 'no-such-unit.x', value: 1 }, { path: 'prices.electricity', value: 0.07 }],
      [{ path: 'prices.electricity', value: 0.07 }, { path: 'prices.electricity', value: 0.08 }, { path: 'finance.discountRate', value: 0.11 }],
    ];
    const fresh = lists.map((l) => resolved(loadRawScenario(REFERENCE), l));
    const raw = loadRawScenario(REFERENCE);
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [1, 1, 0, 0, 2, 3, 0]]) {
      for (const i of order) expect(resolved(raw, lists[i]!), `list ${i}`).toBe(fresh[i]);
    }
  });

  it('sets the patched keys of a section in the order setIn gives them', () => {
    const raw = loadRawScenario(REFERENCE);
    const m = resolveModel(raw, [{ path: 'prices.LiOH·H2O', value: 12 }, { path: 'prices.electricity', value: 0.09 }, { path: 'prices.LiOH·H2O', value: 13 }]);
    expect(JSON.stringify(m.sections.prices)).toBe('{"LiOH·H2O":13,"electricity":0.09}');
  });
});

describe('setOwnKey', () => {
  it('sets a two-segment path in place as setIn sets it on a copy', () => {
    const own = { a: 1, b: 2 };
    expect(setOwnKey(own, ['s', 'a'], 5)).toBe(own);
    expect(setOwnKey(own, ['s', 'z'], 6)).toBe(own);
    expect(JSON.stringify(own)).toBe(JSON.stringify(setIn(setIn({ a: 1, b: 2 }, ['s', 'a'], 5, 1), ['s', 'z'], 6, 1)));
  });

  it('leaves every other case to setIn, on a copy', () => {
    const own = { a: { b: 1 } };
    const deeper = setOwnKey(own, ['s', 'a', 'b'], 2);
    expect(deeper).not.toBe(own);
    expect(JSON.stringify(deeper)).toBe('{"a":{"b":2}}');
    const proto = setOwnKey({ a: 1 }, ['s', '__proto__'], { polluted: true }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['a', '__proto__']);
    expect(setOwnKey({ a: 1 }, ['s', 'a'], undefined)).toBeUndefined();
    expect(setOwnKey([1, 2], ['s', '0'], 5)).toStrictEqual([5, 2]);
  });
});
