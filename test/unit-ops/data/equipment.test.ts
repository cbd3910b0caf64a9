/**
 * costOf (unit-ops/data/equipment.ts): plain correlations shared, overridden ones the values of
 * `{ ...plain, ...overrides }` in the one correlation shape; asked for again with equal overrides,
 * one frozen object given from then on.
 */
import { describe, expect, it } from 'vitest';
import { costOf, EQUIPMENT_COSTS, type EquipmentCostName } from '../../../src/unit-ops/data/equipment.js';
import type { CostCorrelation } from '../../../src/unit-ops/contract.js';

/** The fields of a correlation that are not undefined, sorted by key (how every reader sees it). */
const defined = (c: object) => Object.entries(c).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));

describe('costOf', () => {
  it('gives the same frozen object for a name without overrides', () => {
    expect(costOf('dryer')).toBe(costOf('dryer'));
    expect(costOf('dryer', {})).toBe(costOf('dryer'));
    expect(costOf('dryer', { exponent: costOf('dryer').exponent })).toBe(costOf('dryer'));
    expect(Object.isFrozen(costOf('dryer'))).toBe(true);
    expect('sizeUnit' in costOf('dryer')).toBe(false);
  });

  it('overrides with the values of { ...plain, ...overrides }; a material factor alone writes the same JSON', () => {
    for (const name of Object.keys(EQUIPMENT_COSTS) as EquipmentCostName[]) {
      const plain = costOf(name);
      const { sizeUnit: _u, ...table } = EQUIPMENT_COSTS[name];
      expect(defined(plain)).toEqual(defined(table));
      for (const over of [{ materialFactor: 2.5 }, { refCostUsd: 1, materialFactor: -0 }, { minSize: 0.2, fixedCostUsd: 7 }] as Partial<CostCorrelation>[]) {
        const got = costOf(name, over);
        expect(got).not.toBe(plain);
        expect(defined(got)).toEqual(defined({ ...plain, ...over }));
        for (const [k, v] of Object.entries({ ...plain, ...over })) expect(Object.is(got[k as keyof CostCorrelation], v)).toBe(true);
        expect(Object.keys(got)).toEqual(Object.keys(plain));
      }
      expect(JSON.stringify(costOf(name, { materialFactor: 2.5 }))).toBe(JSON.stringify({ ...EQUIPMENT_COSTS[name], sizeUnit: undefined, materialFactor: 2.5 }));
    }
    // the shared correlation is left as it was
    expect(costOf('jacketedAgitatedReactor').materialFactor).toBeUndefined();
  });

  it('gives one frozen object from the second call with equal overrides on, another when they differ', () => {
    const first = costOf('jacketedAgitatedReactor', { materialFactor: 1.7 });
    expect(Object.isFrozen(first)).toBe(false);
    const a = costOf('jacketedAgitatedReactor', { materialFactor: 1.7 });
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toEqual(first);
    expect(costOf('jacketedAgitatedReactor', { materialFactor: 1.7 })).toBe(a);
    const b = costOf('jacketedAgitatedReactor', { materialFactor: 2 });
    expect(b).not.toBe(a);
    expect(b.materialFactor).toBe(2);
    expect(costOf('jacketedAgitatedReactor', { materialFactor: 1.7 })).toBe(a);
    // a copy handed out and then changed is not given again: the frozen one has the overrides' values
    const once = costOf('ballMill', { materialFactor: 7 }) as { materialFactor?: number };
    once.materialFactor = 8;
    const frozen = costOf('ballMill', { materialFactor: 7 });
    expect(frozen).not.toBe(once);
    expect(frozen.materialFactor).toBe(7);
    expect(costOf('ballMill', { materialFactor: 8 }).materialFactor).toBe(8);
    // -0 and 0 are different overrides (Object.is), as are a value and the same value with another key
    expect(costOf('dryer', { materialFactor: 0 })).not.toBe(costOf('dryer', { materialFactor: -0 }));
    expect(Object.is(costOf('dryer', { materialFactor: -0 }).materialFactor, -0)).toBe(true);
    expect(costOf('dryer', { materialFactor: 3 })).not.toBe(costOf('dryer', { materialFactor: 3, refSize: 2 }));
    expect(costOf('dryer', { materialFactor: 3, refSize: 2 }).refSize).toBe(2);
    // whatever was asked before, a correlation has the overrides' values
    for (let i = 0; i < 12; i++) expect(costOf('ballMill', { materialFactor: 1 + (i % 5) }).materialFactor).toBe(1 + (i % 5));
  });
});
