/**
 * Item costs remembered per position (item-costs.ts, issue 19): the cost is purchaseCostUsd's
 * whatever was priced before — a new size, another correlation at the position, a correlation
 * that is not frozen changed in place — and a frozen correlation's is taken again.
 */
import { describe, expect, it } from 'vitest';
import { itemCostOf } from '../../src/economics/item-costs.js';
import { costOf, purchaseCostUsd } from '../../src/unit-ops/data/equipment.js';
import type { CostCorrelation } from '../../src/unit-ops/contract.js';

describe('item costs remembered per position (issue 19)', () => {
  it('are purchaseCostUsd of the correlation and size, whatever was priced at the position before', () => {
    const dryer = costOf('dryer');
    const mill = costOf('ballMill');
    expect(Object.isFrozen(dryer)).toBe(true);
    const cases: [CostCorrelation, number][] = [[dryer, 0.5], [dryer, 0.5], [dryer, 0.75], [mill, 0.75], [dryer, 0.75], [dryer, -0], [dryer, 0], [dryer, NaN], [dryer, NaN]];
    for (const [c, size] of cases) for (const i of [0, 3, 40]) expect(Object.is(itemCostOf(i, c, size), purchaseCostUsd(c, size))).toBe(true);
  });

  it('works a correlation that is not frozen out again every time (it may change in place)', () => {
    const c: CostCorrelation = { ...costOf('dryer'), materialFactor: 1.5 };
    const first = itemCostOf(1, c, 2);
    expect(first).toBe(purchaseCostUsd(c, 2));
    c.materialFactor = 2;
    expect(itemCostOf(1, c, 2)).toBe(purchaseCostUsd(c, 2));
    expect(itemCostOf(1, c, 2)).not.toBe(first);
    // A frozen correlation at the same position afterwards is remembered and taken again.
    const frozen = costOf('dryer');
    expect(itemCostOf(1, frozen, 2)).toBe(purchaseCostUsd(frozen, 2));
    expect(itemCostOf(1, frozen, 2)).toBe(purchaseCostUsd(frozen, 2));
  });
});
