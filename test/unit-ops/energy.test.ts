/**
 * EnergyLedger (correlations/energy.ts): build hands out its item list rather than a copy; an item
 * added after a build, or another build, leaves what an earlier build returned as it was.
 */
import { describe, expect, it } from 'vitest';
import { EnergyLedger } from '../../src/unit-ops/correlations/energy.js';

describe('EnergyLedger', () => {
  it('keeps each built EnergyUse as it was built', () => {
    const ledger = new EnergyLedger(false).heat('a', 'sensible', 2, { utility: 'steam', efficiency: 0.5, basis: 'x' }).motor('m', 3, 'y');
    const first = ledger.build();
    expect(first.items.map((i) => [i.name, i.kw, i.basis])).toStrictEqual([['a', 4, undefined], ['m', 3, undefined]]);
    const again = ledger.build();
    expect(again.items).not.toBe(first.items);
    expect(again.items).toStrictEqual(first.items);
    ledger.loss('l', 1, 'natural-gas', 'z');
    expect(first.items).toHaveLength(2);
    expect(again.items).toHaveLength(2);
    const third = ledger.build();
    expect(third.items.map((i) => i.name)).toStrictEqual(['a', 'm', 'l']);
    expect([third.electricityKw, third.heatKw, third.minimumHeatKw]).toStrictEqual([3, { steam: 4, 'natural-gas': 1 }, 2]);
    expect([first.electricityKw, first.heatKw]).toStrictEqual([3, { steam: 4 }]);
  });
});
