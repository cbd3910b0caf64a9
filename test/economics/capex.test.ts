/**
 * Capital cost: CEPCI escalation and the factor presets, checked against EverBatt's capital-cost
 * arithmetic worked by hand for a purchased-equipment cost (PEC) of 1,000,000 USD.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { equipmentCosts, capitalBuildUp, workingCapital, workingCapitalUsd } from '../../src/economics/capex.js';
import { resolveFinance } from '../../src/economics/finance.js';
import type { CostCorrelation, Diagnostic } from '../../src/unit-ops/contract.js';
import type { InputIssue } from '../../src/schema/errors.js';
import { costOf } from '../../src/unit-ops/data/equipment.js';
import { CEPCI } from '../../src/economics/cepci.js';
import { errorOf } from './helpers.js';

const flat = (usd: number, cepciYear = 2023): CostCorrelation => ({ refCostUsd: usd, refSize: 1, exponent: 0, cepciYear, installationFactor: 1.4, minSize: 0, maxSize: 10, source: 'test' });

function build(method: 'peters' | 'towler-sinnott' | 'lang', pec = 1_000_000, factors: Record<string, number> = {}) {
  const finance = resolveFinance({ capexMethod: method, factors });
  const issues: InputIssue[] = [];
  const diagnostics: Diagnostic[] = [];
  const eq = equipmentCosts([{ unitId: 'u', name: 'x', size: 1, sizeUnit: 't/h', count: 1, cost: flat(pec) }], 2023, 1, finance, issues, diagnostics);
  expect(issues).toEqual([]);
  return { finance, capex: capitalBuildUp(eq, 2023, finance) };
}

const sum = (xs: number[]) => xs.reduce((a, x) => a.plus(x), new Decimal(0)).toNumber();
const line = (c: ReturnType<typeof build>['capex'], id: string) => c.lines.find((l) => l.id === id)!.usd;

describe('purchased equipment', () => {
  it('escalates C_ref·(S/S_ref)^n with CEPCI, times material factor, count and the regional factor', () => {
    const finance = resolveFinance(undefined);
    const c: CostCorrelation = { ...costOf('dryer'), materialFactor: 1.5 };
    const eq = equipmentCosts([{ unitId: 'dry', name: 'dryer', size: 0.5, sizeUnit: 't/h', count: 3, cost: c }], 2023, 0.61, finance, [], []);
    const expected = 591_236 * Math.pow(0.5, 0.6) * 1.5 * (CEPCI[2023]!.value / 567.5) * 3 * 0.61;
    expect(eq[0]!.purchaseCostUsd).toBe(Math.round(expected * 100) / 100);
    expect(eq[0]!.escalation).toBeCloseTo(CEPCI[2023]!.value / 567.5, 14);
  });
  it('warns when a size is outside the correlation range and asks for a CEPCI value it lacks', () => {
    const finance = resolveFinance(undefined);
    const diagnostics: Diagnostic[] = [];
    const issues: InputIssue[] = [];
    equipmentCosts([{ unitId: 'mill', name: 'ball mill', size: 0.01, sizeUnit: 't/h', count: 1, cost: costOf('ballMill') }], 2023, 1, finance, issues, diagnostics);
    expect(diagnostics.map((d) => [d.code, d.severity, d.where])).toEqual([['size-out-of-range', 'warning', 'mill.ball mill']]);
    equipmentCosts([{ unitId: 'x', name: 'y', size: 1, sizeUnit: 't/h', count: 1, cost: flat(1, 1990) }], 2023, 1, finance, issues, []);
    expect(issues.map((i) => i.code)).toEqual(['cepci-missing']);
    const withExtra = resolveFinance({ cepci: { 1990: 357.6 } });
    const ok: InputIssue[] = [];
    const eq = equipmentCosts([{ unitId: 'x', name: 'y', size: 1, sizeUnit: 't/h', count: 1, cost: flat(1000, 1990) }], 2023, 1, withExtra, ok, []);
    expect(ok).toEqual([]);
    expect(eq[0]!.purchaseCostUsd).toBe(Math.round((1000 * CEPCI[2023]!.value / 357.6) * 100) / 100);
  });
});

describe('factor presets reproduce EverBatt capital arithmetic (PEC = 1,000,000 USD)', () => {
  it('towler-sinnott (EverBatt 2023): ISBL = 3.2 PEC, OSBL 40 %, D&E 25 %, contingency 10 % → FCI = 6.048 PEC', () => {
    const { capex } = build('towler-sinnott');
    // ISBL = 1e6 × (1 + 0.5 + 0.6 + 0.3 + 0.2 + 0.3 + 0.2 + 0.1) = 3,200,000
    expect(capex.isblUsd).toBe(3_200_000);
    expect(capex.osblUsd).toBe(1_280_000); // 0.40 × ISBL
    expect(line(capex, 'design-engineering')).toBe(1_120_000); // 0.25 × 4,480,000
    expect(line(capex, 'contingency')).toBe(448_000); // 0.10 × 4,480,000
    expect(capex.fixedCapitalUsd).toBe(6_048_000);
    expect(sum(capex.lines.map((l) => l.usd))).toBe(capex.fixedCapitalUsd);
  });
  it('towler-sinnott working capital = 7/52 × cash cost − 2/52 × materials + 2 % × (ISBL + OSBL)', () => {
    const { capex, finance } = build('towler-sinnott');
    const wc = workingCapital(capex, finance, 5_200_000, 2_600_000, true);
    // 700,000 − 100,000 + 89,600
    expect(wc.usd).toBe(689_600);
    expect(sum(wc.parts.map((p) => p.usd))).toBe(wc.usd);
  });
  it('towler-sinnott working-capital texts follow the factors (kept for the last factors only)', () => {
    const { capex, finance } = build('towler-sinnott');
    const texts = (f: typeof finance) => { const wc = workingCapital(capex, f, 5_200_000, 2_600_000, true); return [wc.rule, ...wc.parts.map((p) => p.label)]; };
    const before = texts(finance);
    expect(before).toEqual(['7/52 × cash cost of production − 2/52 × materials + 0.02 × (ISBL + OSBL)', '7 weeks of cash cost of production', 'less 2 weeks of materials', '0.02 × (ISBL + OSBL)']);
    const other = { ...finance, capitalFactors: finance.capitalFactors.map((r) => (r.id === 'wc-isbl-osbl' ? { ...r, value: 0.035 } : r.id === 'wc-ccop-weeks' ? { ...r, value: 6.5 } : r)) };
    expect(texts(other)).toEqual(['6.5/52 × cash cost of production − 2/52 × materials + 0.035 × (ISBL + OSBL)', '6.5 weeks of cash cost of production', 'less 2 weeks of materials', '0.035 × (ISBL + OSBL)']);
    expect(texts(finance)).toEqual(before);
  });
  it('peters (EverBatt 2019 Table 15): DC = 2.83 PEC, IC = 20 % of DC, contingency 5 % of FCI, WC 10 % of TCI', () => {
    const { capex, finance } = build('peters');
    // DC = 1e6 × (1 + 0.40 + 0.20 + 0.20 + 0.10 + 0.25 + 0.60 + 0.08) = 2,830,000
    expect(capex.subtotals.directCostUsd).toBe(2_830_000);
    expect(capex.subtotals.indirectCostUsd).toBe(566_000); // (0.10 + 0.10) × DC
    // FCI = (DC + IC)/(1 − 0.05) = 3,396,000 / 0.95 = 3,574,736.84
    expect(line(capex, 'contingency')).toBe(178_736.84);
    expect(capex.fixedCapitalUsd).toBe(3_574_736.84);
    expect(capex.landUsd).toBe(80_000);
    expect(capex.depreciableCapitalUsd).toBe(3_494_736.84);
    // WC = 0.10 × TCI = FCI × 0.1/0.9
    expect(workingCapital(capex, finance, 0, 0, true).usd).toBe(397_192.98);
    expect(sum(capex.lines.map((l) => l.usd))).toBe(capex.fixedCapitalUsd);
  });
  it('lang: FCI = 3.63 × PEC by default, any factor overridable', () => {
    expect(build('lang').capex.fixedCapitalUsd).toBe(3_630_000);
    const { capex, finance } = build('lang', 1_000_000, { lang: 4.1, 'working-capital': 0.1 });
    expect(capex.fixedCapitalUsd).toBe(4_100_000);
    expect(workingCapital(capex, finance, 0, 0, true).usd).toBe(410_000);
    expect(finance.capitalFactors.find((f) => f.id === 'lang')).toMatchObject({ value: 4.1, defaultValue: 3.63, overridden: true });
  });
  it('finance.workingCapitalOfFci replaces the preset rule', () => {
    const finance = resolveFinance({ capexMethod: 'towler-sinnott', workingCapitalOfFci: 0.1 });
    const { capex } = build('towler-sinnott');
    expect(workingCapital(capex, finance, 9e9, 0, true).usd).toBe(604_800);
  });
  it('an unknown factor id is an input error that lists the method\'s factors', () => {
    const e = errorOf(() => resolveFinance({ capexMethod: 'peters', factors: { maintainance: 0.04 } }));
    expect(e.message).toContain('finance.factors.maintainance: unknown cost factor "maintainance" for capexMethod peters (did you mean "maintenance"?)');
  });
});

describe('working capital without its texts (the minimum-selling-price solve, issue 19)', () => {
  it('workingCapitalUsd is workingCapital().usd for every method, rule and rounding', () => {
    for (const method of ['towler-sinnott', 'peters', 'lang'] as const) {
      for (const share of [undefined, 0.15]) {
        const { capex } = build(method);
        const finance = resolveFinance({ capexMethod: method, ...(share !== undefined ? { workingCapitalOfFci: share } : {}) });
        for (const [cash, materials] of [[5_200_000, 2_600_000], [12_345_678.91, 333.33], [0, 0]] as const) {
          for (const exact of [true, false]) {
            expect(workingCapitalUsd(capex, finance, cash, materials, exact), `${method} ${share} ${cash} ${exact}`).toBe(workingCapital(capex, finance, cash, materials, exact).usd);
          }
        }
      }
    }
  });
});
