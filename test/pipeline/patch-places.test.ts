/**
 * An issue inside a patched value is placed at the path the patch set, named as issues name it
 * (resolve.ts PatchedPart: the names are worked out from each patch's route and the data it was
 * applied to, only when an issue is placed) — for every kind of route, with one patch or several.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { RegenflowError } from '../../src/schema/errors.js';
import type { Patch } from '../../src/pipeline/patch.js';

const raw = loadRawScenario('scenarios/reference-cn.yaml');

/** [file, path] of each issue of a refused resolution. */
function places(patches: Patch[]): [string | undefined, string | undefined][] {
  try {
    resolveModel(raw, patches);
  } catch (e) {
    if (!(e instanceof RegenflowError)) throw e;
    return e.issues.map((i) => [i.file, i.path]);
  }
  throw new Error('resolved');
}

describe('issues of patched values', () => {
  it('are placed at the path each kind of patch sets', () => {
    expect(places([{ path: 'relith.temperature', value: -5 }])).toEqual([['flowsheets/hydrothermal.yaml (patched by relith.temperature)', 'units[2].params.temperature']]);
    expect(places([{ path: 'feed.lots[ev-811].liPerTm', value: -1 }])).toEqual([['scenarios/feeds/mixed-ev-scrap.yaml (patched by feed.lots[ev-811].liPerTm)', 'lots[2].liPerTm']]);
    expect(places([{ path: 'prices.LiOH·H2O', value: 12 }, { path: 'finance.discountRate', value: -3 }])).toEqual([['scenarios/reference-cn.yaml (patched by finance.discountRate)', 'finance.discountRate']]);
    expect(places([{ path: 'solver.maxIterations', value: -2 }])).toEqual([['flowsheets/hydrothermal.yaml (patched by solver.maxIterations)', 'solver.maxIterations']]);
    expect(places([{ path: 'plant.capacity', value: '1e12 t/yr' }])).toEqual([['scenarios/plants/cn-10kt.yaml (patched by plant.capacity)', 'capacity']]);
  });

  it('name the patch that set the value when a part or path is patched twice', () => {
    expect(places([{ path: 'feed.lots[ev-811].liPerTm', value: 1 }, { path: 'feed.lots[ev-811].share', value: 7 }])).toEqual([['scenarios/feeds/mixed-ev-scrap.yaml (patched by feed.lots[ev-811].share)', 'lots[2].share']]);
    expect(places([{ path: 'relith.temperature', value: 500 }, { path: 'relith.temperature', value: 'x' }])).toEqual([['flowsheets/hydrothermal.yaml (patched by relith.temperature)', 'units[2].params.temperature']]);
  });
});
