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
import { directTotals } from '../../src/economics/opex.js';
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
