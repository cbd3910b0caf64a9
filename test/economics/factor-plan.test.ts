/**
 * The operating factors are walked through a plan made once per factor list (opex.ts factorPlan)
 * and the capital factors through an index made once per list (capex.ts): a list changed in place
 * is planned again, so the costs are those of the list as it is.
 */
import { describe, expect, it } from 'vitest';
import { factorCosts, FactorTotalsAt, type DirectTotals, type CapitalBases } from '../../src/economics/opex.js';
import { workingCapitalAt, workingCapitalUsd } from '../../src/economics/capex.js';
import { resolveFinance } from '../../src/economics/finance.js';

const d: DirectTotals = { total: 1_000_000, labour: 200_000, materials: 500_000 };
const cap: CapitalBases = { fci: 10_000_000, isbl: 7_000_000, osbl: 2_000_000, buildingsPlusLand: 1_000_000 };

describe('factor plans', () => {
  it('give the costs of the list as it is, also when a row is changed in place', () => {
    const finance = resolveFinance({});
    const factors = finance.operatingFactors.map((f) => ({ ...f }));
    const before = factorCosts(factors, d, cap, 3_000_000, true);
    expect(factorCosts(factors, d, cap, 3_000_000, true)).toStrictEqual(before);
    // The first factor on another basis and under another id: the plan is made again.
    const first = factors[0]!;
    const fresh = factors.map((f) => ({ ...f }));
    fresh[0] = { ...first, id: 'maintenance', basis: first.basis === 'fci' ? 'isbl' : 'fci' };
    const expected = factorCosts(fresh, d, cap, 3_000_000, true);
    factors[0] = { ...first };
    factors[0].id = 'maintenance';
    factors[0].basis = first.basis === 'fci' ? 'isbl' : 'fci';
    expect(factorCosts(factors, d, cap, 3_000_000, true)).toStrictEqual(expected);
    expect(expected.lines[0]!.id).toBe('factor.maintenance');
  });

  it('working capital reads the capital factors of the list as it is', () => {
    const finance = resolveFinance({ capexMethod: 'towler-sinnott' });
    const capex = { fixedCapitalUsd: 10_000_000, isblUsd: 7_000_000, osblUsd: 2_000_000 };
    const a = workingCapitalUsd(capex, finance, 4_000_000, 1_000_000, true);
    const factors = finance.capitalFactors.map((f) => ({ ...f }));
    const changed = { ...finance, capitalFactors: factors };
    const i = factors.findIndex((f) => f.id === 'wc-ccop-weeks');
    expect(i).toBeGreaterThanOrEqual(0);
    {
      expect(workingCapitalUsd(capex, changed, 4_000_000, 1_000_000, true)).toBe(a);
      factors[i] = { ...factors[i]!, value: factors[i]!.value * 2 };
      expect(workingCapitalUsd(capex, changed, 4_000_000, 1_000_000, true)).not.toBe(a);
      // Rows swapped in place: each id still finds its own row.
      const j = factors.findIndex((f) => f.id === 'wc-isbl-osbl');
      [factors[i], factors[j]] = [factors[j]!, factors[i]!];
      const swapped = { ...changed, capitalFactors: factors.slice() };
      expect(workingCapitalUsd(capex, changed, 4_000_000, 1_000_000, true)).toBe(workingCapitalUsd(capex, swapped, 4_000_000, 1_000_000, true));
    }
  });
});

describe('the minimum-selling-price solve\'s plans (a walk made once, continued at each trial price)', () => {
  const revenues = [3_000_000, -1e6, 0, 1.234567e7, 3_000_000, 42.5, Number.NaN];
  for (const finance of [{ capexMethod: 'towler-sinnott' }, { capexMethod: 'peters' }, { capexMethod: 'lang' }, { capexMethod: 'peters', workingCapitalOfFci: 0.12 }]) {
    it(`factor totals and working capital at any revenue are factorCosts' and workingCapitalUsd's, whatever was asked before: ${JSON.stringify(finance)}`, () => {
      const f = resolveFinance(finance);
      const at = new FactorTotalsAt(f.operatingFactors, d, cap);
      const capex = { fixedCapitalUsd: 10_000_000, isblUsd: 7_000_000, osblUsd: 2_000_000 };
      const wcAt = workingCapitalAt(capex, f, 1_234_567.89);
      for (const rev of revenues) {
        const full = factorCosts(f.operatingFactors, d, cap, rev, false, false);
        at.at(rev);
        expect([at.variableUsd, at.fixedUsd, at.totalUsd], String(rev)).toStrictEqual([full.variableUsd, full.fixedUsd, full.totalUsd]);
        expect(wcAt(d.total + at.totalUsd)).toBe(workingCapitalUsd(capex, f, d.total + full.totalUsd, 1_234_567.89, false));
      }
    });
  }
  it('a list with a revenue-based factor first, or none, is walked the same', () => {
    const f = resolveFinance({});
    const rows = f.operatingFactors;
    const revenueFirst = [{ ...rows[0]!, id: 'research', basis: 'revenue' as const }, ...rows.slice(1)];
    const noRevenue = rows.filter((r) => r.basis !== 'revenue');
    for (const list of [revenueFirst, noRevenue, []]) {
      const at = new FactorTotalsAt(list, d, cap);
      for (const rev of revenues) {
        const full = factorCosts(list, d, cap, rev, false, false);
        at.at(rev);
        expect([at.variableUsd, at.fixedUsd, at.totalUsd]).toStrictEqual([full.variableUsd, full.fixedUsd, full.totalUsd]);
      }
    }
  });
});
