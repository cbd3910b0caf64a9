/**
 * The exact sums economics() takes of subsets of its money lines (fixed opex, materials, in-spec
 * revenue, credits) come from the passes that total them (breakdown, directTotals): each equals
 * sumUsdOf of the same lines, bit for bit, described or not, and the minimum selling price of a
 * sample is that of a described run.
 */
import { describe, expect, it } from 'vitest';
import { economics } from '../../src/economics/economics.js';
import { resolvePrices, mergePrices } from '../../src/economics/prices.js';
import { resolveFinance } from '../../src/economics/finance.js';
import { directTotals, factorCosts, factorItemAmounts } from '../../src/economics/opex.js';
import { sumUsdOf } from '../../src/economics/money.js';
import { samplePlant, shippedSets } from './helpers.js';

const sets = shippedSets();

describe('subset sums from the passes that total the lines (issue 19)', () => {
  const cases = [
    { input: samplePlant(), prices: resolvePrices(undefined, 'US', sets), finance: resolveFinance(undefined) },
    { input: samplePlant(), prices: mergePrices(resolvePrices(undefined, 'CN', sets), { 'feed.LFP': '-2.37 USD/kg', 'cam.NCM811': 23.17 }), finance: resolveFinance({ capexMethod: 'peters', losses: 'carry-forward' }) },
    { input: samplePlant({ products: { inSpec: [], offSpec: [{ chemistry: 'NCM811', kgPerYear: 30_000, elementsKgPerYear: { Ni: 14_500.3, Co: 1_800.7, Li: 1_900.1 } }] } }), prices: resolvePrices(undefined, 'EU', sets), finance: resolveFinance({ capexMethod: 'lang' }) },
  ];
  for (const [i, c] of cases.entries()) {
    it(`case ${i}: fixed opex, materials, credits and in-spec revenue are sumUsdOf of their lines`, () => {
      for (const describe of [true, false]) {
        const r = economics(c.input, c.prices, c.finance, { describe });
        const items = r.opex.items;
        expect(r.opex.fixedUsd).toBe(sumUsdOf(items, (x) => x.usd, (x) => !x.variable));
        expect(r.opex.materialsUsd).toBe(sumUsdOf(items, (x) => x.usd, (x) => x.category === 'reagents' || (x.category === 'feed' && x.usd > 0)));
        const credits = sumUsdOf(r.revenue.items, (x) => x.usd, (x) => x.category !== 'in-spec');
        // pvCreditsUsd is Σ creditsUsd × output share × discount factor over the operating rows.
        let pv = 0;
        for (const row of r.cashFlow) if (row.phase === 'operation') pv += credits * row.outputFraction * row.discountFactor;
        expect(r.levelisedCost.pvCreditsUsd).toBe(pv);
      }
      const described = economics(c.input, c.prices, c.finance);
      const sample = economics(c.input, c.prices, c.finance, { describe: false });
      expect(sample.kpis).toStrictEqual(described.kpis);
      expect(sample.minSellingPrice).toStrictEqual(described.minSellingPrice);
    });
  }

  it('directTotals: the variable and fixed sums in item order from 0, the materials in exact cents', () => {
    const lines = [
      { id: 'a', label: 'a', category: 'feed', usd: 0.1, variable: true },
      { id: 'b', label: 'b', category: 'reagents', usd: 0.2, variable: true },
      { id: 'labour.operators', label: 'l', category: 'labour', usd: 0.3, variable: false },
      { id: 'c', label: 'c', category: 'feed', usd: -5, variable: true },
      { id: 'd', label: 'd', category: 'utilities', usd: 0.7, variable: false },
    ];
    const t = directTotals(lines);
    expect(t.variable).toBe(0 + 0.1 + 0.2 + -5);
    expect(t.fixed).toBe(0 + 0.3 + 0.7);
    expect(t.materialsCents).toBe(30);
    expect(t.labour).toBe(0.3);
    expect(Number.isNaN(directTotals([{ id: 'x', label: 'x', category: 'reagents', usd: 9e13, variable: true }, { id: 'y', label: 'y', category: 'reagents', usd: 9e13, variable: true }]).materialsCents)).toBe(true);
  });
});

describe('the factor items of a sample as amounts, its operating items made when read (issue 19)', () => {
  const cases = [
    { input: samplePlant(), prices: resolvePrices(undefined, 'US', sets), finance: resolveFinance(undefined) },
    { input: samplePlant(), prices: resolvePrices(undefined, 'CN', sets), finance: resolveFinance({ capexMethod: 'peters' }) },
    { input: samplePlant(), prices: resolvePrices(undefined, 'EU', sets), finance: resolveFinance({ capexMethod: 'lang' }) },
  ];
  it('factorItemAmounts gives the category, amount and variability of factorCosts\' lines, in their order', () => {
    for (const c of cases) {
      const d = { total: 1_234_567.89, labour: 234_567.01, materials: 700_000.5 };
      const cap = { fci: 12_345_678.9, isbl: 9_000_000.1, osbl: 2_000_000.2, buildingsPlusLand: 1_000_000.3 };
      const lines = factorCosts(c.finance.operatingFactors, d, cap, 5_432_109.87, true, true, false).lines;
      const a = factorItemAmounts(c.finance.operatingFactors, d, cap, 5_432_109.87);
      expect(a.count).toBe(lines.length);
      expect(lines.map((l, i) => [a.category[i], a.usd[i], a.variable[i]])).toStrictEqual(lines.map((l) => [l.category, l.usd, l.variable]));
    }
  });
  it('the sample\'s operating costs are the described ones: totals, categories, and the items when read', () => {
    for (const c of cases) {
      const described = economics(c.input, c.prices, c.finance);
      const sample = economics(c.input, c.prices, c.finance, { describe: false });
      const { items, ...totals } = described.opex;
      expect({ totalUsd: sample.opex.totalUsd, byCategory: sample.opex.byCategory, variableUsd: sample.opex.variableUsd, fixedUsd: sample.opex.fixedUsd, labour: sample.opex.labour, materialsUsd: sample.opex.materialsUsd }).toStrictEqual(totals);
      expect(Object.keys(sample.opex.byCategory)).toStrictEqual(Object.keys(described.opex.byCategory));
      // The sample's lines are made without the cash-cost derivation texts; every other field is the described line's.
      expect(sample.opex.items.map((l) => ({ ...l, basis: l.id.startsWith('factor.') ? undefined : l.basis }))).toStrictEqual(
        economics(c.input, c.prices, c.finance, { describe: false }).opex.items.map((l) => ({ ...l, basis: l.id.startsWith('factor.') ? undefined : l.basis })),
      );
      expect(sample.opex.items.map((l) => [l.id, l.category, l.usd, l.variable])).toStrictEqual(items.map((l) => [l.id, l.category, l.usd, l.variable]));
      expect(sample.opex.items).toBe(sample.opex.items);
    }
  });
});
