/**
 * economics() end to end on a synthetic 1,000 t/yr plant: totals tie to their parts to the cent
 * (checked with decimal.js), the minimum selling price makes NPV zero, the cash flow follows its
 * stated rules, missing prices and zero hours are input errors with their catalogue messages.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { economics } from '../../src/economics/economics.js';
import { resolvePrices, mergePrices, type ResolvedPrices } from '../../src/economics/prices.js';
import { resolveFinance } from '../../src/economics/finance.js';
import { npvFast, levelisedCost, levelisedNetCost } from '../../src/economics/cashflow.js';
import { sumUsd } from '../../src/economics/money.js';
import { npv as npvOf } from '../../src/economics/dcf.js';
import { component } from '../../src/chemistry/components.js';
import { msg } from '../../src/schema/messages.js';
import type { EconomicsResult } from '../../src/economics/result.js';
import { errorOf, samplePlant, shippedSets } from './helpers.js';

const sets = shippedSets();
const US = resolvePrices(undefined, 'US', sets);
const D = (xs: number[]) => xs.reduce((a, x) => a.plus(x), new Decimal(0));
const exact = (parts: number[], total: number) => expect(D(parts).toString()).toBe(new Decimal(total).toString());

function run(finance: unknown = undefined, prices: ResolvedPrices = US, over = {}): EconomicsResult {
  return economics(samplePlant(over), prices, resolveFinance(finance));
}

describe('every total equals the sum of its parts to the cent', () => {
  for (const method of ['towler-sinnott', 'peters', 'lang'] as const) {
    it(`${method}`, () => {
      const r = run({ capexMethod: method, depreciation: 'MACRS7' });
      const cents = (x: number) => expect(new Decimal(x).decimalPlaces()).toBeLessThanOrEqual(2);
      exact(r.capex.equipment.map((e) => e.purchaseCostUsd), r.capex.purchasedEquipmentUsd);
      exact(r.capex.lines.map((l) => l.usd), r.capex.fixedCapitalUsd);
      exact(r.opex.items.map((i) => i.usd), r.opex.totalUsd);
      exact(Object.values(r.opex.byCategory), r.opex.totalUsd);
      for (const [cat, v] of Object.entries(r.opex.byCategory)) exact(r.opex.items.filter((i) => i.category === cat).map((i) => i.usd), v);
      exact([r.opex.variableUsd, r.opex.fixedUsd], r.opex.totalUsd);
      exact(r.revenue.items.map((i) => i.usd), r.revenue.totalUsd);
      exact(r.workingCapital.parts.map((p) => p.usd), r.workingCapital.usd);
      exact([r.capex.fixedCapitalUsd, r.workingCapital.usd], r.totalCapitalInvestmentUsd);
      for (const i of [...r.opex.items, ...r.revenue.items, ...r.capex.lines]) cents(i.usd);
      const rows = r.cashFlow;
      exact(rows.map((x) => x.capexUsd), r.capex.fixedCapitalUsd);
      exact(rows.map((x) => x.depreciationUsd), r.capex.depreciableCapitalUsd);
      exact(rows.map((x) => x.workingCapitalUsd), 0);
      for (const x of rows) {
        for (const v of [x.capexUsd, x.revenueUsd, x.opexUsd, x.taxUsd, x.netCashFlowUsd, x.presentValueUsd]) cents(v);
        exact([x.variableOpexUsd, x.fixedOpexUsd], x.opexUsd);
        exact([x.revenueUsd, -x.opexUsd, -x.capexUsd, -x.workingCapitalUsd, x.salvageUsd, -x.taxUsd], x.netCashFlowUsd);
      }
      rows.forEach((x, t) => exact(rows.slice(0, t + 1).map((y) => y.netCashFlowUsd), x.cumulativeCashFlowUsd));
      exact(rows.map((x) => x.presentValueUsd), r.kpis.npvUsd);
      // the NPV of the reported rows differs from the unrounded NPV by rounding only
      expect(Math.abs(npvOf(r.finance.discountRate, rows.map((x) => x.netCashFlowUsd)) - r.kpis.npvUsd)).toBeLessThan(0.01 * rows.length);
    });
  }
});

describe('minimum selling price', () => {
  const cases: [string, unknown][] = [
    ['towler-sinnott, straight line, losses carried forward', undefined],
    ['peters, MACRS7, losses credited', { capexMethod: 'peters', depreciation: 'MACRS7', losses: 'credit' }],
    ['lang, MACRS5, carried forward, 3-year ramp-up, salvage', { capexMethod: 'lang', depreciation: 'MACRS5', rampUp: [0.3, 0.6, 0.9], salvage: 0.1, life: '15 yr' }],
  ];
  for (const [name, finance] of cases) {
    it(`makes NPV zero to 1e-6 relative: ${name}`, () => {
      const r = run(finance);
      const msp = r.kpis.minSellingPriceUsdPerKg!;
      expect(msp).toBeGreaterThan(0);
      // Regenerated product is never priced above virgin: lift virgin above the trial prices.
      const at = (p: number) => mergePrices(US, { 'cam.NCM523': 2 * msp, 'cam.NCM811': 2 * msp, 'regenerated.NCM523': p, 'regenerated.NCM811': p });
      const again = run(finance, at(msp));
      expect(Math.abs(again.kpis.npvUsd) / r.kpis.capexUsd).toBeLessThan(1e-6);
      // and NPV rises with the price on either side
      expect(run(finance, at(msp * 1.01)).kpis.npvUsd).toBeGreaterThan(0);
      expect(run(finance, at(msp * 0.99)).kpis.npvUsd).toBeLessThan(0);
    });
  }
  it('the fast NPV used by the solve agrees with the reported cash flow', () => {
    const r = run();
    const b = { fixedCapitalUsd: r.capex.fixedCapitalUsd, landUsd: r.capex.landUsd, depreciableCapitalUsd: r.capex.depreciableCapitalUsd, workingCapitalUsd: r.workingCapital.usd, revenueUsd: r.revenue.totalUsd, variableOpexUsd: r.opex.variableUsd, fixedOpexUsd: r.opex.fixedUsd, productKg: 720_000 };
    const dep = r.cashFlow.filter((x) => x.phase === 'operation').map((x) => x.depreciationUsd);
    expect(Math.abs(npvFast(b, r.finance, dep) - r.kpis.npvUsd)).toBeLessThan(1);
  });
  it('is null without in-spec product, with a warning', () => {
    const r = run(undefined, US, { products: { inSpec: [], offSpec: samplePlant().products.offSpec } });
    expect(r.kpis.minSellingPriceUsdPerKg).toBeNull();
    expect(r.kpis.costUsdPerKgProduct).toBeNull();
    expect(r.kpis.energyMjPerKgProduct).toBeNull();
    expect(r.diagnostics.some((d) => d.code === 'no-in-spec-product')).toBe(true);
  });
});

describe('cash flow rules', () => {
  const r = run();
  const f = r.finance;
  it('construction years spend the fixed capital by the schedule; operation follows for the life', () => {
    expect(r.cashFlow.map((x) => x.phase)).toEqual([...Array(2).fill('construction'), ...Array(10).fill('operation')]);
    expect(r.cashFlow[0]!.capexUsd).toBe(new Decimal(r.capex.fixedCapitalUsd).mul('0.4').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber());
  });
  it('ramp-up scales revenue and variable costs, not fixed costs; working capital goes in and comes back', () => {
    const y1 = r.cashFlow[2]!;
    const y2 = r.cashFlow[3]!;
    expect(y1.outputFraction).toBe(0.75);
    expect(y1.revenueUsd).toBe(new Decimal(r.revenue.totalUsd).mul('0.75').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber());
    expect(y1.fixedOpexUsd).toBe(y2.fixedOpexUsd);
    expect(y2.revenueUsd).toBe(r.revenue.totalUsd);
    expect(y1.workingCapitalUsd).toBe(r.workingCapital.usd);
    expect(r.cashFlow[11]!.workingCapitalUsd).toBe(-r.workingCapital.usd);
  });
  it('tax: losses are carried forward and never refunded by default', () => {
    const loss = run(undefined, mergePrices(US, { 'quality-factor': 0.6 }));
    let pool = 0;
    for (const x of loss.cashFlow) {
      if (x.taxableIncomeUsd <= 0) expect(x.taxUsd).toBe(0);
      const used = x.taxableIncomeUsd > 0 ? Math.min(pool, x.taxableIncomeUsd) : 0;
      pool = x.taxableIncomeUsd > 0 ? pool - used : pool - x.taxableIncomeUsd;
      expect(x.lossCarriedForwardUsd).toBeCloseTo(pool, 2);
      if (x.taxableIncomeUsd > 0) expect(x.taxUsd).toBeCloseTo((x.taxableIncomeUsd - used) * f.taxRate, 2);
    }
    const credit = run({ losses: 'credit' }, mergePrices(US, { 'quality-factor': 0.6 }));
    expect(credit.cashFlow.some((x) => x.taxUsd < 0)).toBe(true);
  });
  it('IRR and payback come from the reported net cash flows', () => {
    const ok = run(undefined, mergePrices(US, { 'cam.NCM523': 30, 'cam.NCM811': 32 }));
    expect(npvOf(ok.kpis.irr!, ok.cashFlow.map((x) => x.netCashFlowUsd))).toBeCloseTo(0, 3);
    expect(ok.kpis.paybackYears).toBeGreaterThan(0);
    expect(ok.kpis.paybackYears).toBeLessThan(10);
    const never = run(undefined, mergePrices(US, { 'quality-factor': 0.3 }));
    expect(never.kpis.paybackYears).toBeNull();
    expect(never.kpis.irr).toBeNull();
  });
  it('levelised cost = PV(capital + working capital − salvage + opex) / PV(in-spec kg)', () => {
    let c = 0;
    let kg = 0;
    for (const x of r.cashFlow) {
      c += (x.capexUsd + x.workingCapitalUsd - x.salvageUsd + x.opexUsd) / (1 + f.discountRate) ** x.year;
      kg += x.productKg / (1 + f.discountRate) ** x.year;
    }
    expect(r.kpis.costUsdPerKgProduct).toBeCloseTo(c / kg, 9);
  });
  it('net levelised cost = (PV costs − PV of off-spec and by-product sales) / PV(in-spec kg), ≤ gross', () => {
    const credits = r.revenue.items.filter((i) => i.category !== 'in-spec').reduce((a, i) => a + i.usd, 0);
    expect(credits).toBeGreaterThan(0);
    let c = 0;
    let kg = 0;
    for (const x of r.cashFlow) {
      const df = (1 + f.discountRate) ** -x.year;
      c += (x.capexUsd + x.workingCapitalUsd - x.salvageUsd + x.opexUsd - credits * (x.phase === 'operation' ? x.outputFraction : 0)) * df;
      kg += x.productKg * df;
    }
    expect(r.kpis.netCostUsdPerKgProduct).toBeCloseTo(c / kg, 9);
    expect(r.kpis.netCostUsdPerKgProduct!).toBeLessThan(r.kpis.costUsdPerKgProduct!);
  });
});

describe('edge cases', () => {
  it('Peters land is not depreciated and comes back at cost in the last year, with the salvage', () => {
    const r = run({ capexMethod: 'peters', salvage: 0.05 });
    const last = r.cashFlow[r.cashFlow.length - 1]!;
    expect(last.salvageUsd).toBe(new Decimal(r.capex.depreciableCapitalUsd).mul('0.05').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).plus(r.capex.landUsd).toNumber());
    exact(r.cashFlow.map((x) => x.depreciationUsd), r.capex.depreciableCapitalUsd);
    expect(r.capex.depreciableCapitalUsd).toBe(new Decimal(r.capex.fixedCapitalUsd).minus(r.capex.landUsd).toNumber());
  });
  it('a plant without equipment, a one-year life and one construction year still evaluates', () => {
    const r = run({ life: '1 yr', construction: [1] }, US, { equipment: [] });
    expect(r.capex.fixedCapitalUsd).toBe(0);
    expect(r.cashFlow).toHaveLength(2);
    expect(r.cashFlow[1]!.workingCapitalUsd).toBe(0);
    expect(Number.isFinite(r.kpis.npvUsd)).toBe(true);
  });
});

describe('operating costs and revenue', () => {
  const r = run();
  const item = (id: string) => r.opex.items.find((i) => i.id === id) ?? r.revenue.items.find((i) => i.id === id);
  // us-2023 holds 2023 dollars: EverBatt's 2020 values × CPI-U 2023/2020, 2024 markets × CPI-U 2023/2024.
  const to2023From2020 = 304.702 / 258.811;
  const to2023From2024 = 304.702 / 313.689;
  const cents = (x: number) => Math.round(x * 100) / 100;
  it('labour = operators per shift × shifts per day × shift length × operating days × rate', () => {
    // 6,400 h on 320 d = 20 h/d → 3 shifts of 8 h; 6 × 3 × 8 × 320 = 46,080 h × 38.12 USD/h (2020) in 2023 dollars
    expect(r.opex.labour).toMatchObject({ shiftsPerDay: 3, operatorHoursPerYear: 46_080 });
    expect(item('labour.operators')!.usd).toBeCloseTo(46_080 * 38.12 * to2023From2020, 2);
  });
  it('feed: payables of the grade on the contained Ni + Co value (cathode scrap 0.72); LFP at its fixed −2 USD/kg (2020)', () => {
    const ni = 16.8 * to2023From2024;
    const co = 26.7 * to2023From2024;
    expect(item('feed.ev-523')!.usd).toBeCloseTo(0.72 * (156_000 * ni + 62_500 * co), 2);
    expect(item('feed.ev-523')!.basis).toContain('cathode-scrap payables: Ni + Co at 0.72 (payable.cathode-scrap), Li rolled in');
    expect(item('feed.lfp')!.usd).toBeCloseTo(-2 * to2023From2020 * 50_000, 2);
    const fixed = run(undefined, mergePrices(US, { 'feed.NCM811': '4 USD/kg', 'feed.ev-523': 3 }));
    expect(fixed.opex.items.find((i) => i.id === 'feed.ev-811')!.usd).toBe(1_400_000);
    expect(fixed.opex.items.find((i) => i.id === 'feed.ev-523')!.usd).toBe(1_800_000);
  });
  it('reagents are priced per kg of their stated form (LiOH·H2O as given, anhydrous LiOH derived)', () => {
    expect(item('reagent.LiOH·H2O')!.usd).toBe(cents(40_000 * 13.68 * to2023From2024));
    expect(US.items.LiOH!.value).toBeCloseTo((13.68 * to2023From2024 * component('LiOH·H2O').molarMass_g_per_mol) / component('LiOH').molarMass_g_per_mol, 12);
    expect(item('utility.process-water')!).toMatchObject({ quantity: 2_000, quantityUnit: 'm^3', usd: cents(2_000 * (0.00473 / 3.785411784e-3) * to2023From2020) });
  });
  it('in-spec CAM = quality factor × virgin price; off-spec CAM powder at its payable (0.75 of Ni + Co); Al as scrap', () => {
    expect(item('cam.NCM523')!.usd).toBe(cents(470_000 * 16.35 * to2023From2024));
    expect(item('offspec.cam-powder.NCM811')!.usd).toBe(cents(0.75 * (14_500 * 16.8 + 1_800 * 26.7) * to2023From2024));
    expect(item('offspec.cam-powder.NCM811')!.category).toBe('off-spec');
    expect(item('scrap.Al')!.usd).toBe(cents(90_000 * 1.12 * to2023From2020));
    expect(r.diagnostics.find((d) => d.code === 'quality-factor-default')?.severity).toBe('info');
  });
});

describe('environment', () => {
  it('energy, GHG and water per kg of in-spec product, with virgin figures alongside', () => {
    const r = run();
    const ngKg = 0.2573; // full fuel cycle (Ciez & Whitacre 2019), the cradle-to-gate boundary of the virgin figure
    const product = 720_000;
    expect(r.kpis.energyMjPerKgProduct).toBeCloseTo(((3_300_000 + 900_000 + 250_000 / 0.8) * 3.6) / product, 9);
    const mono = component('LiOH').molarMass_g_per_mol / component('LiOH·H2O').molarMass_g_per_mol;
    const ghg = 3_300_000 * 0.467 + (900_000 + 250_000 / 0.8) * ngKg + 40_000 + 40_000 * 24.24 * mono + 60_000 * 0.196 + 1_000 * 5.08;
    expect(r.kpis.ghgKgCo2ePerKgProduct).toBeCloseTo(ghg / product, 6);
    const water = 2_000_000 + (40_000 * 27.8 * mono + 60_000 * 0.25 + 1_000 * 1.02) * 3.785411784;
    expect(r.kpis.waterLPerKgProduct).toBeCloseTo(water / product, 6);
    expect(r.environment.unfactoredReagents).toEqual(['KOH']);
    // virgin NCM523 (EverBatt "NMC532") and NCM811, weighted by product
    expect(r.virgin.ghgKgCo2ePerKg).toBeCloseTo((470_000 * 22.02 + 250_000 * 25.49) / product, 9);
    // primary energy, cradle to gate: grid 6.83 MJ/kWh, natural gas 4.004 MJ/kWh of fuel (Ciez &
    // Whitacre 2019, US), plus the reagents' GREET energy — above site energy, below virgin
    const reagentsMj = 40_000 * 291.9 * mono + 60_000 * 3.1 + 1_000 * 98.7;
    const primary = 3_300_000 * 6.83 + (900_000 + 250_000 / 0.8) * 4.004 + reagentsMj;
    expect(r.kpis.primaryEnergyMjPerKgProduct).toBeCloseTo(primary / product, 9);
    expect(r.kpis.energyMjPerKgProduct!).toBeLessThan(r.kpis.primaryEnergyMjPerKgProduct!);
    expect(r.kpis.primaryEnergyMjPerKgProduct!).toBeLessThan(r.virgin.energyMjPerKg!);
  });
  it('without primary-energy factors the primary energy is null, with an info diagnostic', () => {
    const bare = { ...US, items: Object.fromEntries(Object.entries(US.items).filter(([k]) => !k.startsWith('primary-energy.'))) };
    const r = run(undefined, bare);
    expect(r.kpis.primaryEnergyMjPerKgProduct).toBeNull();
    expect(r.diagnostics.find((d) => d.code === 'no-primary-energy-factor')?.message).toBe(msg.noPrimaryEnergyFactor());
  });
});

describe('input errors', () => {
  it('zero operating hours is an input error with the catalogue message', () => {
    const e = errorOf(() => run(undefined, US, { operatingHoursPerYear: 0 }));
    expect(e.exitCode).toBe(1);
    expect(e.code).toBe('capacity-zero');
    expect(e.message).toBe('plant.operatingHours: operating hours is zero; a plant needs a positive capacity and positive operating hours');
    expect(e.issues[0]!.message).toBe(msg.capacityZero('operating hours'));
  });
  it('zero feed is an input error too', () => {
    expect(errorOf(() => run(undefined, US, { feedKgPerYear: 0 })).message).toBe(`plant.capacity: ${msg.capacityZero('feed throughput')}`);
  });
  it('every missing price is listed, naming the item and what to add', () => {
    const e = errorOf(() => run(undefined, US, { reagentsKgPerYear: { LiI: 10, Nb2O5: 5 }, products: { inSpec: [{ chemistry: 'NCM712', kgPerYear: 1000 }], offSpec: [] } }));
    expect(e.exitCode).toBe(1);
    expect(e.issues.map((i) => i.path)).toEqual(['prices.overrides.LiI', 'prices.overrides.Nb2O5', 'prices.overrides.cam.NCM712']);
    expect(e.issues[0]!.message).toBe('no price for "LiI" (needed for reagent LiI); add it to the price set or to the scenario, e.g. prices: { overrides: { "LiI": "1 USD/kg" } }');
    expect(e.issues[2]!.message).toBe(msg.priceMissing('cam.NCM712', 'in-spec regenerated NCM712 (or give regenerated.NCM712)', '25 USD/kg'));
  });
  it('a price that is not used is not needed (no steam → no steam price)', () => {
    const noSteam = mergePrices({ ...US, items: Object.fromEntries(Object.entries(US.items).filter(([k]) => k !== 'steam' && k !== 'boiler-efficiency')) }, {});
    expect(() => run(undefined, noSteam, { heatKwhPerYear: { 'natural-gas': 900_000, steam: 0 } })).not.toThrow();
    expect(errorOf(() => run(undefined, noSteam)).issues.map((i) => i.path)).toEqual(['prices.overrides.steam', 'prices.overrides.boiler-efficiency']);
  });
});

describe('without a description (Monte Carlo samples)', () => {
  const cases: [string, unknown][] = [
    ['towler-sinnott, MACRS7', { depreciation: 'MACRS7' }],
    ['peters, losses credited, salvage', { capexMethod: 'peters', losses: 'credit', salvage: 0.05 }],
    ['lang, 3-year ramp-up, 15 yr', { capexMethod: 'lang', rampUp: [0.3, 0.6, 0.9], life: '15 yr' }],
    ['peters, working capital of FCI', { capexMethod: 'peters', workingCapitalOfFci: 0.15 }],
  ];
  for (const [name, finance] of cases) {
    it(`has every field of a described run, the same (rows and finance made on first read): ${name}`, () => {
      const input = samplePlant();
      const f = resolveFinance(finance);
      const described = economics(input, US, f);
      const plain = economics(input, US, f, { describe: false });
      expect(plain.kpis).toStrictEqual(described.kpis);
      // The capital: every field the same, rows, lines and subtotals made when read (SampleCapex).
      const capexKeys = Object.keys(described.capex) as (keyof typeof described.capex)[];
      expect(capexKeys).toContain('lines');
      for (const k of capexKeys) expect(plain.capex[k], k).toStrictEqual(described.capex[k]);
      expect(plain.capex.lines).toBe(plain.capex.lines);
      expect(plain.workingCapital).toStrictEqual(described.workingCapital);
      // The depreciation, NPV and levelised-cost records: made on first read, once.
      expect(plain.depreciation).toStrictEqual(described.depreciation);
      expect(plain.depreciation).toBe(plain.depreciation);
      expect(plain.npv).toStrictEqual(described.npv);
      expect(plain.npv).toBe(plain.npv);
      expect(plain.levelisedCost).toStrictEqual(described.levelisedCost);
      expect(plain.levelisedCost).toBe(plain.levelisedCost);
      expect(plain.cashFlow).toStrictEqual(described.cashFlow);
      expect(plain.cashFlow).toBe(plain.cashFlow);
      expect(plain.finance).toStrictEqual(described.finance);
      expect(Object.keys(plain.finance)).toEqual(Object.keys(described.finance));
      expect(plain.finance).toBe(plain.finance);
      // The sums made beside the rows are levelisedCost's and levelisedNetCost's of the rows.
      const credits = sumUsd(described.revenue.items.filter((i) => i.category !== 'in-spec').map((i) => i.usd));
      const lc = levelisedCost(described.cashFlow);
      expect(described.levelisedCost).toStrictEqual({ pvCostsUsd: lc.pvCostsUsd, pvProductKg: lc.pvProductKg, pvCreditsUsd: levelisedNetCost(described.cashFlow, lc, credits).pvCreditsUsd });
      expect(described.kpis.costUsdPerKgProduct).toBe(lc.usdPerKg);
      expect(described.kpis.netCostUsdPerKgProduct).toBe(levelisedNetCost(described.cashFlow, lc, credits).usdPerKg);
    });
  }
});

describe('breakdowns (work lists shared by every call)', () => {
  it('are the same whatever was evaluated before, and tie to their items', () => {
    const a = () => run();
    const first = a();
    // Other categories in another order, and more of them, in between.
    run(undefined, US, { products: { inSpec: [], offSpec: samplePlant().products.offSpec }, consumablesPerYear: {} });
    run({ capexMethod: 'peters' });
    const again = a();
    for (const r of [first, again]) {
      for (const [cat, v] of Object.entries(r.opex.byCategory)) exact(r.opex.items.filter((i) => i.category === cat).map((i) => i.usd), v);
      exact(Object.values(r.revenue.byCategory), r.revenue.totalUsd);
    }
    expect(again.opex.byCategory).toStrictEqual(first.opex.byCategory);
    expect(Object.keys(again.opex.byCategory)).toEqual(Object.keys(first.opex.byCategory));
    expect(again.revenue).toStrictEqual(first.revenue);
    expect(again.kpis).toStrictEqual(first.kpis);
  });
});

describe('totals by category of a sample (made when read, issue 19)', () => {
  it('are the described run\'s, keys in the same order, whatever was evaluated before', () => {
    const input = samplePlant();
    const f = resolveFinance(undefined);
    const plain = economics(input, US, f, { describe: false });
    // Other categories in another order in between (the name lists are shared by value).
    run(undefined, US, { products: { inSpec: [], offSpec: samplePlant().products.offSpec }, consumablesPerYear: {} });
    run({ capexMethod: 'peters' });
    economics(samplePlant({ consumablesPerYear: {} }), US, resolveFinance({ capexMethod: 'lang' }), { describe: false }).opex.byCategory;
    const described = economics(input, US, f);
    for (const part of ['opex', 'revenue'] as const) {
      expect(plain[part].byCategory).toStrictEqual(described[part].byCategory);
      expect(Object.keys(plain[part].byCategory)).toEqual(Object.keys(described[part].byCategory));
      expect(plain[part].byCategory).toBe(plain[part].byCategory);
      expect(plain[part].totalUsd).toBe(described[part].totalUsd);
      expect(plain[part].items.map((i) => i.usd)).toEqual(described[part].items.map((i) => i.usd));
    }
  });
});

describe('result contract', () => {
  it('kpis carry the names of the run document', () => {
    expect(Object.keys(run().kpis).sort()).toEqual(['capexUsd', 'costUsdPerKgProduct', 'energyMjPerKgProduct', 'ghgKgCo2ePerKgProduct', 'irr', 'minSellingPriceUsdPerKg', 'netCostUsdPerKgProduct', 'npvUsd', 'opexUsdPerYear', 'paybackYears', 'primaryEnergyMjPerKgProduct', 'revenueUsdPerYear', 'waterLPerKgProduct'].sort());
    const row = run().cashFlow[0]!;
    for (const k of ['year', 'capexUsd', 'revenueUsd', 'opexUsd', 'depreciationUsd', 'taxUsd', 'netCashFlowUsd']) expect(row).toHaveProperty(k);
    expect(run().finance).toMatchObject({ discountRate: 0.1, taxRate: 0.25, lifeYears: 10 });
  });
  it('is fast enough for Monte Carlo (CPU time per call, generous bound)', () => {
    const input = samplePlant();
    const f = resolveFinance(undefined);
    for (let i = 0; i < 200; i++) economics(input, US, f);
    const c0 = process.cpuUsage();
    for (let i = 0; i < 1000; i++) economics(input, US, f);
    const c = process.cpuUsage(c0);
    // ≈ 0.12 ms alone on a 2-core machine; process CPU time also counts other test workers.
    expect((c.user + c.system) / 1000 / 1000).toBeLessThan(5);
  });
});
