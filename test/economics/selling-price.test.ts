/**
 * The minimum-selling-price solve (selling-price.ts, issue 19): its NPV at a trial price, from
 * the year buffers planned once per solve, is npvFast's of the trial cash flow bit for bit — for
 * credited and carried-forward losses, long and short lives (the buffers grow), with or without
 * construction years — and a solve gives the same whatever was solved before it.
 */
import { describe, expect, it } from 'vitest';
import { minSellingPrice, solvePrice, type PriceSolveBasis } from '../../src/economics/selling-price.js';
import { FactorTotalsAt } from '../../src/economics/opex.js';
import { workingCapitalAt } from '../../src/economics/capex.js';
import { npvFast, type CashFlowBasis } from '../../src/economics/cashflow.js';
import { resolveFinance, type ResolvedFinance } from '../../src/economics/finance.js';
import type { EconomicsResult } from '../../src/economics/result.js';

/** The solve as economics() made it before its years were planned: npvFast of a trial basis at every price. */
function reference(s: PriceSolveBasis): EconomicsResult['minSellingPrice'] {
  const { finance, dTot } = s;
  const fac = new FactorTotalsAt(finance.operatingFactors, dTot, s.capBases);
  const wcAt = workingCapitalAt(s.capex, finance, s.materialsUsd);
  const trial: CashFlowBasis = { ...s.basis };
  const npvAt = (p: number): number => {
    const rev = s.revenueUsd - s.inSpecRevenueUsd + s.basis.productKg * p;
    fac.at(rev);
    const w = wcAt(dTot.total + fac.totalUsd);
    trial.revenueUsd = rev;
    trial.variableOpexUsd = dTot.variable + fac.variableUsd;
    trial.fixedOpexUsd = dTot.fixed + fac.fixedUsd;
    trial.workingCapitalUsd = w;
    return npvFast(trial, finance, s.depreciationUsd);
  };
  const scale = Math.max(1, s.capex.fixedCapitalUsd, Math.abs(s.revenueUsd), Math.abs(s.opexUsd));
  return solvePrice(npvAt, s.inSpecRevenueUsd / s.basis.productKg, scale);
}

/** A plant's solve basis on `finance`, scaled by `k` (other plants, other numbers). */
function basisOf(finance: ResolvedFinance, k = 1): PriceSolveBasis {
  const fci = 41_234_567.89 * k;
  const capex = { fixedCapitalUsd: fci, isblUsd: 25_000_123.45 * k, osblUsd: 10_000_049.38 * k } as unknown as EconomicsResult['capex'];
  const dTot = { total: 30_123_456.78 * k, labour: 1_234_567.8 * k, materials: 20_345_678.9 * k, variable: 27_000_000.01 * k, fixed: 3_123_456.77 * k, materialsCents: 2_034_567_890 * k };
  const depreciationUsd = Array.from({ length: Math.min(finance.lifeYears, 8) }, (_, i) => (fci * (8 - i)) / 36);
  const basis: CashFlowBasis = { fixedCapitalUsd: fci, landUsd: 0, depreciableCapitalUsd: fci, workingCapitalUsd: 4_000_000 * k, revenueUsd: 52_000_000 * k, variableOpexUsd: 36_000_000 * k, fixedOpexUsd: 8_000_000 * k, productKg: 2_500_000 * k };
  return {
    inSpecRevenueUsd: 45_000_000 * k,
    revenueUsd: 52_000_000 * k,
    opexUsd: 44_000_000 * k,
    dTot,
    capBases: { fci, isbl: 25_000_123.45 * k, osbl: 10_000_049.38 * k, buildingsPlusLand: 2_000_000 * k },
    capex,
    materialsUsd: 20_345_678.9 * k,
    basis,
    finance,
    depreciationUsd,
  };
}

function expectSame(a: EconomicsResult['minSellingPrice'], b: EconomicsResult['minSellingPrice']): void {
  expect(a.method).toBe(b.method);
  expect(a.iterations).toBe(b.iterations);
  expect(Object.is(a.usdPerKg, b.usdPerKg)).toBe(true);
  expect(Object.is(a.npvAtSolutionUsd, b.npvAtSolutionUsd)).toBe(true);
}

const base = resolveFinance(undefined);
const FINANCES: [string, ResolvedFinance][] = [
  ['default (towler-sinnott)', base],
  ['losses credited', resolveFinance({ losses: 'credit' })],
  ['losses carried forward', resolveFinance({ losses: 'carry-forward', discountRate: 0.12 })],
  ['peters, 3 construction years', resolveFinance({ capexMethod: 'peters', construction: [0.3, 0.3, 0.4] })],
  ['lang, no construction year', { ...resolveFinance({ capexMethod: 'lang' }), construction: [] }],
  ['a life of 150 years (the year buffers grow)', { ...base, lifeYears: 150, rampUp: [0.5, 0.8] }],
  ['a life of 1 year', { ...base, lifeYears: 1, rampUp: [] }],
];

describe('minimum selling price from planned years (issue 19)', () => {
  for (const [name, finance] of FINANCES) {
    it(`is the solve on npvFast bit for bit: ${name}`, () => {
      for (const k of [1, 0.37, 4.2]) expectSame(minSellingPrice(basisOf(finance, k)), reference(basisOf(finance, k)));
    });
  }

  it('covers the linear and the piecewise-linear solves', () => {
    const methods = new Set(FINANCES.map(([, finance]) => minSellingPrice(basisOf(finance)).method));
    expect(methods).toContain('secant (linear)');
    expect(methods).toContain('secant + Illinois regula falsi');
  });

  it('is the same whatever was solved before (a longer life, other losses, another method)', () => {
    const s = basisOf(FINANCES[2]![1], 0.8);
    const first = minSellingPrice(s);
    for (const [, finance] of FINANCES) minSellingPrice(basisOf(finance, 2.5));
    expectSame(minSellingPrice(s), first);
    expectSame(first, reference(s));
  });
});
