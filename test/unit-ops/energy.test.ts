/**
 * EnergyLedger (correlations/energy.ts): build hands out its item list rather than a copy; an item
 * added after a build, or another build, leaves what an earlier build returned as it was. Without
 * describing (a Monte Carlo sample) it lists no items and gives the same sums to the last bit.
 */
import { describe, expect, it } from 'vitest';
import { EnergyLedger } from '../../src/unit-ops/correlations/energy.js';

describe('EnergyLedger', () => {
  it('keeps each built EnergyUse as it was built', () => {
    const ledger = new EnergyLedger().heat('a', 'sensible', 2, { utility: 'steam', efficiency: 0.5, basis: 'x' }).motor('m', 3, 'y');
    const first = ledger.build();
    expect(first.items.map((i) => [i.name, i.kw, i.basis])).toStrictEqual([['a', 4, 'x; ÷ efficiency 0.5'], ['m', 3, 'y']]);
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

  it('without describing: no items, the sums and the heating total a describing ledger makes, each build kept', () => {
    const fill = (l: EnergyLedger) => l
      .heat('a', 'sensible', 0.1, { utility: 'steam', efficiency: 0.3, basis: () => 'x' })
      .motor('m', 0.7, 'y')
      .loss('l', 0.2, 'natural-gas', 'z')
      .heat('b', 'latent', 0.4, { utility: 'steam', efficiency: 0.7, basis: 'w' })
      .electric('e', 'other', 1e-17, 'v')
      .heat('c', 'reaction', 0.3, { utility: 'electricity', efficiency: 0.9, basis: '' });
    const full = fill(new EnergyLedger());
    const lean = fill(new EnergyLedger(false));
    const a = full.build();
    const b = lean.build();
    expect(b.items).toStrictEqual([]);
    expect(b.electricityKw).toBe(a.electricityKw);
    expect(JSON.stringify(b.heatKw)).toBe(JSON.stringify(a.heatKw));
    expect(b.minimumHeatKw).toBe(a.minimumHeatKw);
    expect(lean.heatingKw()).toBe(full.heatingKw());
    expect(full.heatingKw()).toBe(a.items.filter((i) => i.category !== 'motor').reduce((s, i) => s + i.kw, 0));
    lean.loss('later', 5, 'steam', '');
    expect(b.heatKw).toStrictEqual(a.heatKw);
    expect(lean.build().heatKw.steam).toBe((a.heatKw.steam ?? 0) + 5);
  });
});
