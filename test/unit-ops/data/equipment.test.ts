/** costOf (unit-ops/data/equipment.ts): plain correlations shared, overrides copied entry by entry. */
import { describe, expect, it } from 'vitest';
import { costOf, EQUIPMENT_COSTS, type EquipmentCostName } from '../../../src/unit-ops/data/equipment.js';

describe('costOf', () => {
  it('gives the same frozen object for a name without overrides', () => {
    expect(costOf('dryer')).toBe(costOf('dryer'));
    expect(Object.isFrozen(costOf('dryer'))).toBe(true);
    expect('sizeUnit' in costOf('dryer')).toBe(false);
  });

  it('copies with overrides exactly as { ...plain, ...overrides }: keys, order and values', () => {
    for (const name of Object.keys(EQUIPMENT_COSTS) as EquipmentCostName[]) {
      const plain = costOf(name);
      for (const over of [{ materialFactor: 2.5 }, { refCostUsd: 1, materialFactor: -0 }, { minSize: 0.2, fixedCostUsd: 7 }]) {
        const got = costOf(name, over);
        expect(got).not.toBe(plain);
        expect(Object.entries(got)).toEqual(Object.entries({ ...plain, ...over }));
        expect(JSON.stringify(got)).toBe(JSON.stringify({ ...plain, ...over }));
      }
    }
    // the shared correlation is left as it was
    expect(costOf('jacketedAgitatedReactor').materialFactor).toBeUndefined();
  });
});
