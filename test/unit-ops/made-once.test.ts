/**
 * Names and per-component routes made once (issue 19): an energy item name is the string the
 * template made, whatever was named before; lithium recovery's routes by component id give the
 * same run whatever feed ran first.
 */
import { describe, expect, it, vi } from 'vitest';
import { itemNames } from '../../src/unit-ops/correlations/energy.js';
import { makeStream } from './preparation-helpers.js';

describe('itemNames', () => {
  it('gives the joined name, the same string for the same x', () => {
    const evaporationIn = itemNames('evaporation in ', ' effect(s)');
    for (const x of [3, 1, 3, 2.5, -0, 0, NaN]) expect(evaporationIn(x)).toBe(`evaporation in ${x} effect(s)`);
    const of = itemNames('evaporation of ', '');
    expect(of('H2O')).toBe('evaporation of H2O');
    expect(of('NMP')).toBe('evaporation of NMP');
    expect(of('H2O')).toBe('evaporation of H2O');
  });
});

describe('lithium recovery routes by component id', () => {
  const feeds = () => [
    makeStream({ H2O: 300, Li2SO4: 20, LiNO3: 20, 'Li-benzoate': 5, NaOH: 3 }, [], 353.15),
    makeStream({ H2O: 1000, LiOH: 100, Li2CO3: 4, CO2: 1 }, [], 363.15),
  ];
  const runAll = async (order: number[]) => {
    vi.resetModules();
    const { runUnit } = await import('./preparation-helpers.js');
    const f = feeds();
    const out: unknown[] = [];
    for (const i of order) out[i] = JSON.parse(JSON.stringify(runUnit('lithium-recovery', {}, { feed: f[i]! }).run));
    return out;
  };

  it('give the same run whatever feed ran first', async () => {
    const first = await runAll([0, 1]);
    const second = await runAll([1, 0]);
    expect(second).toEqual(first);
  });
});
