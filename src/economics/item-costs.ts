/**
 * The purchase cost of one equipment item in its correlation's year (unit-ops/data/equipment.ts
 * purchaseCostUsd), remembered per position of the list of items priced (capex.ts purchaseCosts).
 */
import { purchaseCostUsd } from '../unit-ops/data/equipment.js';
import type { CostCorrelation } from '../unit-ops/contract.js';
import { grownBuffer } from './buffers.js';

/**
 * The item cost (purchaseCostUsd) last worked out at each position of a list of items, with its
 * correlation and size: a plant's items keep their sizes and their correlations (costOf's frozen
 * records) from one Monte Carlo sample to the next, so the cost — a pure function of both — is
 * taken again rather than worked out with a power per item and sample. Only a frozen correlation
 * is remembered (one that cannot change in place); sizes are compared with Object.is.
 */
const LAST_CORRELATION: (CostCorrelation | undefined)[] = [];
let LAST_SIZE = new Float64Array(16);
let LAST_ITEM_COST = new Float64Array(16);

/** purchaseCostUsd(c, size) of the item at position `i` of a list (the remembered cost when c and size are those it was worked out for). */
export function itemCostOf(i: number, c: CostCorrelation, size: number): number {
  if (LAST_CORRELATION[i] === c && Object.is(LAST_SIZE[i], size)) return LAST_ITEM_COST[i]!;
  const cost = purchaseCostUsd(c, size);
  if (!Object.isFrozen(c)) {
    if (i < LAST_CORRELATION.length) LAST_CORRELATION[i] = undefined;
    return cost;
  }
  if (i >= LAST_SIZE.length) {
    const size2 = Math.max(i + 1, 2 * LAST_SIZE.length);
    LAST_SIZE = grownBuffer(LAST_SIZE, size2);
    LAST_ITEM_COST = grownBuffer(LAST_ITEM_COST, size2);
  }
  while (LAST_CORRELATION.length < i) LAST_CORRELATION.push(undefined);
  LAST_CORRELATION[i] = c;
  LAST_SIZE[i] = size;
  LAST_ITEM_COST[i] = cost;
  return cost;
}
