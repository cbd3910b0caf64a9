/**
 * A sample's capital build-up (sampleCapitalBuildUp, issue 19): the numbers of capitalBuildUp for
 * every method, from rows planned once per factor list — the plan made again when the list (its key)
 * changes or a row is replaced in place, and the same result whatever was built before.
 */
import { describe, expect, it } from 'vitest';
import { capitalBuildUp, equipmentCosts, purchaseCosts, sampleCapitalBuildUp } from '../../src/economics/capex.js';
import { resolveFinance, type ResolvedFinance } from '../../src/economics/finance.js';
import { sumUsd, sumUsd2, sumUsd3, MAX_EXACT_USD } from '../../src/economics/money.js';
import type { CostCorrelation } from '../../src/unit-ops/contract.js';
import type { EconomicsInput } from '../../src/economics/input.js';

const flat = (usd: number, cepciYear: number): CostCorrelation => ({ refCostUsd: usd, refSize: 1, exponent: 0, cepciYear, installationFactor: 1.4, minSize: 0, maxSize: 10, source: 'test' });

/** Items of mixed correlation years (the CEPCI of each looked up only when the year changes). */
const items: EconomicsInput['equipment'] = [
  { unitId: 'a', name: 'x', size: 1, sizeUnit: 't/h', count: 1, cost: flat(123_456.78, 2017) },
  { unitId: 'b', name: 'y', size: 1, sizeUnit: 't/h', count: 2, cost: flat(98_765.43, 2017) },
  { unitId: 'c', name: 'z', size: 1, sizeUnit: 't/h', count: 1, cost: flat(55_555.55, 2020) },
  { unitId: 'd', name: 'w', size: 1, sizeUnit: 't/h', count: 3, cost: flat(7_777.77, 2017) },
];

/** The numbers of the described build-up and of the sample's, side by side. */
function both(finance: ResolvedFinance, regional = 0.83) {
  const rows = equipmentCosts(items, 2023, regional, finance, [], []);
  const described = capitalBuildUp(rows, 2023, finance);
  const costs = purchaseCosts(items, 2023, regional, finance, [], []);
  const sample = sampleCapitalBuildUp(costs, items, regional, 2023, finance);
  return { described, sample };
}

const NUMBERS = ['purchasedEquipmentUsd', 'fixedCapitalUsd', 'landUsd', 'buildingsUsd', 'isblUsd', 'osblUsd', 'depreciableCapitalUsd', 'totalUsd'] as const;

function expectSame(a: ReturnType<typeof both>['described'], b: ReturnType<typeof both>['sample']): void {
  for (const k of NUMBERS) expect(Object.is(b[k], a[k]), k).toBe(true);
  expect(b.method).toBe(a.method);
  // Its lines and subtotals, made when read, are the described ones.
  expect(b.lines).toEqual(a.lines);
  expect(b.subtotals).toEqual(a.subtotals);
}

describe('sample capital build-up (issue 19)', () => {
  for (const method of ['towler-sinnott', 'peters', 'lang'] as const) {
    it(`gives capitalBuildUp's numbers (${method}), with and without overridden factors`, () => {
      const plain = both(resolveFinance({ capexMethod: method }));
      expectSame(plain.described, plain.sample);
      const factors = method === 'lang' ? { lang: 4.1 } : method === 'peters' ? { contingency: 0.07, land: 0.1 } : { osbl: 0.33, structures: 0.25 };
      const over = both(resolveFinance({ capexMethod: method, factors }));
      expectSame(over.described, over.sample);
      expect(over.sample.fixedCapitalUsd).not.toBe(plain.sample.fixedCapitalUsd);
    });
  }

  it('is the same whatever was built before (other methods, other lists)', () => {
    const ts = resolveFinance({ capexMethod: 'towler-sinnott' });
    const first = both(ts).sample;
    both(resolveFinance({ capexMethod: 'peters' }));
    both(resolveFinance({ capexMethod: 'lang', factors: { lang: 5 } }));
    both(resolveFinance({ capexMethod: 'towler-sinnott', factors: { piping: 0.9 } }));
    const again = both(ts).sample;
    for (const k of NUMBERS) expect(again[k]).toBe(first[k]);
  });

  it('plans a factor list again when a row is replaced in place (its key is the list)', () => {
    const base = resolveFinance({ capexMethod: 'towler-sinnott' });
    // A copy of the list (a new key), then rows moved and replaced in it after a first build-up.
    const finance: ResolvedFinance = { ...base, capitalFactors: base.capitalFactors.map((r) => ({ ...r })) };
    const before = both(finance).sample.fixedCapitalUsd;
    finance.capitalFactors.reverse();
    const i = finance.capitalFactors.findIndex((r) => r.id === 'osbl');
    finance.capitalFactors[i] = { ...finance.capitalFactors[i]!, value: 0.8 };
    const after = both(finance);
    expectSame(after.described, after.sample);
    expect(after.sample.fixedCapitalUsd).not.toBe(before);
  });

  it('fails as the described build-up does when a line has no row', () => {
    const base = resolveFinance({ capexMethod: 'peters' });
    const finance: ResolvedFinance = { ...base, capitalFactors: base.capitalFactors.filter((r) => r.id !== 'contingency') };
    const costs = purchaseCosts(items, 2023, 1, finance, [], []);
    expect(() => sampleCapitalBuildUp(costs, items, 1, 2023, finance)).toThrow(/contingency/);
  });
});

describe('sumUsd2 and sumUsd3 (issue 19)', () => {
  const cases: number[][] = [
    [0.1, 0.2, 0.3],
    [-0, -0, -0],
    [-0.004, 0.004, -0],
    [1e6 + 0.005, -2.675, 3.14159],
    [MAX_EXACT_USD, 1, 2],
    [MAX_EXACT_USD * 2, -MAX_EXACT_USD, 0.01],
    [-MAX_EXACT_USD, -0.01, 5],
    [1, NaN, 2],
  ];
  it('equal sumUsd of the list, bit for bit (−0, decimal past the exact range)', () => {
    for (const [a, b, c] of cases) {
      expect(Object.is(sumUsd2(a!, b!), sumUsd([a!, b!]))).toBe(true);
      expect(Object.is(sumUsd3(a!, b!, c!), sumUsd([a!, b!, c!]))).toBe(true);
    }
  });
});
