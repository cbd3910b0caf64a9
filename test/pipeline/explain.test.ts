/**
 * `explain` (issue 14): the deltas are taken from the evaluations' own breakdowns and add up to the
 * KPI differences to the cent; winners follow the KPI direction and the documented materiality
 * threshold; product by feed lot adds up to the product KPIs; remedies are re-runs whose numbers a
 * second, independent re-run reproduces, and a remedy that cannot help is never verified.
 */
import { describe, expect, it } from 'vitest';
import { compareCases, type CaseResult } from '../../src/pipeline/studies.js';
import { explain, explainCases, capitalByUnit, pairUnits, winners } from '../../src/pipeline/explain.js';
import { tryRemedies, solidsPath, REMEDIES, type RemedySpec } from '../../src/pipeline/remedies.js';
import { thresholdOf, betterOf, kpiUnitOf, headlineKpis } from '../../src/pipeline/kpi-info.js';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { kpisOf, type Kpis } from '../../src/pipeline/document.js';
import type { OffSpecCause } from '../../src/streams/lot.js';

const REF = 'scenarios/reference-cn.yaml';
const HT = 'flowsheets/hydrothermal.yaml';
const MS = 'flowsheets/molten-salt.yaml';

let routes: CaseResult[] | undefined;
const routeCases = () => (routes ??= compareCases([REF], [HT, MS]));
/** The reference feed with 30 nm of rock salt on the NCM811 lot: molten salt (800 °C anneal) leaves it off spec, hydrothermal (850 °C sintering) heals it. */
const THICK = 'test/fixtures/scenarios/thick-rock-salt.yaml';
let thick: CaseResult[] | undefined;
const rockSaltCases = () => (thick ??= compareCases([THICK], [MS, HT]));
const cents = (x: number) => Math.round(x * 100);

describe('deltas add up to the KPI differences to the cent', () => {
  it('hydrothermal vs molten salt: CAPEX by unit, OPEX and revenue by line', () => {
    const [a, b] = routeCases() as [CaseResult, CaseResult];
    const x = explain(a, b);
    const sum = (xs: number[]) => xs.reduce((s, v) => s + cents(v), 0);
    expect(cents(x.capexDifferenceUsd)).toBe(cents(b.kpis.capexUsd!) - cents(a.kpis.capexUsd!));
    expect(sum(x.capexDeltas.map((d) => d.deltaUsd))).toBe(cents(x.capexDifferenceUsd));
    expect(Math.abs(x.capexDeltas.reduce((s, d) => s + d.deltaUsd, 0) - (b.kpis.capexUsd! - a.kpis.capexUsd!))).toBeLessThan(0.01);
    expect(sum(x.opexDeltas.map((d) => d.deltaUsdPerYear))).toBe(cents(b.kpis.opexUsdPerYear!) - cents(a.kpis.opexUsdPerYear!));
    expect(sum(x.revenueDeltas.map((d) => d.deltaUsdPerYear))).toBe(cents(b.kpis.revenueUsdPerYear!) - cents(a.kpis.revenueUsdPerYear!));
    // Ranked by size, largest first; unchanged OPEX lines left out.
    const sizes = x.capexDeltas.map((d) => Math.abs(d.deltaUsd));
    expect(sizes).toEqual([...sizes].sort((p, q) => q - p));
    expect(x.opexDeltas.every((d) => d.deltaUsdPerYear !== 0)).toBe(true);
    // The units are paired by id (relith: two kinds) and then by kind (sinter ↔ anneal).
    const relith = x.capexDeltas.find((d) => d.unit === 'relith')!;
    expect(relith).toMatchObject({ baselineKind: 'relithiation-hydrothermal', challengerKind: 'relithiation-molten-salt' });
    expect(x.capexDeltas.find((d) => d.unit === 'sinter → anneal')).toMatchObject({ baselineKind: 'sintering', challengerKind: 'sintering' });
    // The autoclaves' share of fixed capital is their purchase cost × FCI / PEC of the case.
    const capex = a.evaluation.economics.capex;
    const autoclave = capex.equipment.filter((r) => r.unitId === 'relith').reduce((s, r) => s + r.purchaseCostUsd, 0);
    expect(relith.baselinePurchaseUsd).toBeCloseTo(autoclave, 2);
    expect(Math.abs(relith.baselineUsd - (autoclave * capex.fixedCapitalUsd) / capex.purchasedEquipmentUsd)).toBeLessThanOrEqual(0.01);
  });

  it('scenarios with different capital methods and price sets (CN vs US): still exact', () => {
    const [a, b] = compareCases([REF, 'scenarios/reference-us.yaml']) as [CaseResult, CaseResult];
    const x = explain(a, b);
    expect(x.capexDeltas.reduce((s, d) => s + cents(d.deltaUsd), 0)).toBe(cents(b.kpis.capexUsd!) - cents(a.kpis.capexUsd!));
    expect(x.opexDeltas.reduce((s, d) => s + cents(d.deltaUsdPerYear), 0)).toBe(cents(b.kpis.opexUsdPerYear!) - cents(a.kpis.opexUsdPerYear!));
    for (const c of [a, b]) {
      const units = capitalByUnit(c.evaluation);
      expect(units.reduce((s, u) => s + u.fciC, 0)).toBe(cents(c.evaluation.economics.capex.fixedCapitalUsd));
    }
  });

  it('pairs units by id first, then by kind, leaving the rest unpaired', () => {
    const A = [{ unit: 'sort', kind: 'sorting' }, { unit: 'sinter', kind: 'sintering' }, { unit: 'coat', kind: 'coating' }];
    const B = [{ unit: 'anneal', kind: 'sintering' }, { unit: 'sort', kind: 'sorting' }, { unit: 'etch', kind: 'surface-reconstruction' }];
    expect(pairUnits(A, B).map(([x, y]) => [x?.unit ?? null, y?.unit ?? null])).toEqual([['sort', 'sort'], ['sinter', 'anneal'], ['coat', null], [null, 'etch']]);
  });
});

describe('winners: KPI direction and materiality', () => {
  const kpis = (o: Record<string, number | null>): Kpis => ({ feedKgPerYear: 1e7, productKgPerYear: 7e6, inSpecFraction: null, capexUsd: null, opexUsdPerYear: null, revenueUsdPerYear: null, costUsdPerKgProduct: null, npvUsd: null, irr: null, paybackYears: null, minSellingPriceUsdPerKg: null, energyMjPerKgProduct: null, ghgKgCo2ePerKgProduct: null, waterLPerKgProduct: null, ...o }) as Kpis;

  it('higher NPV and lower cost win; differences below the threshold are ties', () => {
    const w = winners(kpis({ npvUsd: 100e6, costUsdPerKgProduct: 10, inSpecFraction: 0.7, capexUsd: 50e6 }), kpis({ npvUsd: 120e6, costUsdPerKgProduct: 10.05, inSpecFraction: 0.703, capexUsd: 60e6 }));
    const by = Object.fromEntries(w.map((x) => [x.kpi, x]));
    expect(by.npvUsd).toMatchObject({ better: 'challenger', difference: 20e6, unit: 'USD', material: true, threshold: 1.2e6 });
    expect(by.capexUsd).toMatchObject({ better: 'baseline', difference: 10e6, material: true });
    // 0.05 USD/kg on 10.05 is 0.5 %, below 1 %: a tie.
    expect(by.costUsdPerKgProduct).toMatchObject({ better: 'tie', material: false, unit: 'USD/kg' });
    // 0.3 percentage points is below half a point.
    expect(by.inSpecFraction).toMatchObject({ better: 'tie', material: false, threshold: 0.005, unit: 'fraction' });
    // The plant's feed rate is a reference, never a merit; null KPIs are left out.
    expect(by.feedKgPerYear).toMatchObject({ better: 'tie', direction: 'none', material: false });
    expect(by.irr).toBeUndefined();
  });

  it('thresholds, units and directions come from the KPI names (new KPIs included)', () => {
    expect(kpiUnitOf('netCostUsdPerKgProduct')).toBe('USD/kg');
    expect(kpiUnitOf('primaryEnergyMjPerKgProduct')).toBe('MJ/kg');
    expect(betterOf('netCostUsdPerKgProduct', 10, 9)).toBe('b');
    expect(betterOf('npvUsd', 10, 9)).toBe('a');
    expect(thresholdOf('npvUsd', -50, 200)).toBe(2);
    expect(thresholdOf('irr', 0.5, 0.6)).toBe(0.005);
    expect(headlineKpis(['feedKgPerYear', 'inSpecFraction', 'npvUsd'])).toEqual(['npvUsd', 'inSpecFraction']);
  });
});

describe('product by feed lot', () => {
  it('in-spec and off-spec mass by lot add up to the product KPIs of each case', () => {
    const [a, b] = rockSaltCases() as [CaseResult, CaseResult];
    const x = explain(a, b);
    for (const [side, c] of [['baseline', a], ['challenger', b]] as const) {
      const inSpec = x.lots.reduce((s, l) => s + l.inSpecKgPerYear[side], 0);
      expect(Math.abs(inSpec - (c.kpis.inSpecKgPerYear as number))).toBeLessThan(1e-6 * (c.kpis.inSpecKgPerYear as number));
      const byCause = c.kpis.offSpecKgPerYearByCause as Record<string, number>;
      for (const [cause, kg] of Object.entries(byCause)) {
        const got = x.lots.reduce((s, l) => s + (l.causes.find((q) => q.cause === cause)?.[side === 'baseline' ? 'baselineKgPerYear' : 'challengerKgPerYear'] ?? 0), 0);
        expect(Math.abs(got - kg)).toBeLessThanOrEqual(1e-6 * Math.max(1, kg));
      }
    }
    // The molten-salt route's anneal leaves the NCM811 lot's 30 nm of rock salt above the limit;
    // hydrothermal + 850 °C sintering heals it.
    const ev811 = x.lots.find((l) => l.lot === 'ev-811')!;
    expect(ev811.inSpecKgPerYear.baseline).toBe(0);
    expect(ev811.inSpecKgPerYear.challenger).toBeGreaterThan(0);
    expect(ev811.causes.map((c) => c.cause)).toEqual(['surface-rock-salt']);
  });
});

describe('remedies: tried by re-running', () => {
  it('surface rock salt: the verified remedies reproduce in an independent re-run', () => {
    const [a] = rockSaltCases() as [CaseResult, CaseResult];
    const remedies = tryRemedies({ side: 'baseline', label: a.label, evaluation: a.evaluation });
    // Only causes above 1 % of product get remedies: foreign chemistry (≈0.15 %) gets none.
    expect(new Set(remedies.map((r) => r.cause))).toEqual(new Set(['surface-rock-salt']));
    // Etching removes a few nm of rock salt, not 30: the insertion is tried and not verified.
    const insert = remedies.find((r) => r.type === 'structural')!;
    expect(insert).toMatchObject({ unitKind: 'surface-reconstruction', parameter: 'insert', lot: 'ev-811', verified: false });
    expect(insert.note).toMatch(/less than the 0\.5 % that counts/);
    // Tried on every stream of the solids path that a dryer or kiln still follows (the etched cake is wet).
    expect(solidsPath(a.evaluation).map((p) => `${p.from} → ${p.to}`)).toEqual(['anneal.product → product', 'dry.solids → anneal.feed', 'wash.solids → dry.feed', 'relith.solids → wash.feed']);
    expect(insert.tried.map((t) => t.change.replace(/^.* between /, ''))).toEqual(['dry and anneal', 'wash and dry', 'relith and wash']);
    // A hotter anneal heals it: verified, with the largest in-spec gain.
    const peak = remedies.find((r) => r.parameter === 'peak')!;
    expect(peak).toMatchObject({ unit: 'anneal', verified: true });
    expect(peak.inSpecFractionAfter! - peak.inSpecFractionBefore!).toBeGreaterThan(0.25);
    const dwell = remedies.find((r) => r.parameter === 'dwell')!;
    expect(dwell.verified).toBe(true);
    // Re-run the dwell remedy by hand: the same in-spec share and NPV change.
    const raw = loadRawScenario(THICK, MS);
    const k = kpisOf(evaluate(resolveModel(raw, [{ path: 'anneal.dwell', value: dwell.value }])));
    expect(k.inSpecFraction).toBe(dwell.inSpecFractionAfter);
    expect(k.npvUsd! - a.kpis.npvUsd!).toBe(dwell.npvDeltaUsd);
    // Verified means the cause fell and in-spec share rose by at least half a percentage point.
    for (const r of remedies.filter((q) => q.verified)) {
      expect(r.causeKgPerYearAfter!).toBeLessThan(r.causeKgPerYearBefore);
      expect(r.inSpecFractionAfter! - r.inSpecFractionBefore!).toBeGreaterThanOrEqual(0.005);
    }
  });

  it('a remedy that cannot help, or whose re-run fails, is not verified', () => {
    const [a] = rockSaltCases() as [CaseResult, CaseResult];
    const none = Object.fromEntries(Object.keys(REMEDIES).map((c) => [c, []])) as unknown as Record<OffSpecCause, RemedySpec[]>;
    const table: Record<OffSpecCause, RemedySpec[]> = {
      ...none,
      'surface-rock-salt': [
        // More wash water does nothing to a lattice surface layer.
        { type: 'parameter', unitKind: 'washing', parameter: 'waterPerKgSolids', candidates: [{ scale: 2 }], why: 'test: no effect' },
        // A peak below the discharge temperature is refused by the sintering unit: the re-run fails.
        { type: 'parameter', unitKind: 'sintering', parameter: 'peak', candidates: [{ set: 330 }], why: 'test: invalid' },
      ],
    };
    const [wash, peak] = tryRemedies({ side: 'baseline', label: a.label, evaluation: a.evaluation }, table);
    expect(wash).toMatchObject({ unit: 'wash', parameter: 'waterPerKgSolids', verified: false, pays: false });
    expect(wash!.note).toMatch(/surface-rock-salt off-spec mass did not fall|less than the 0\.5 % that counts/);
    expect(peak).toMatchObject({ unit: 'anneal', verified: false, inSpecFractionAfter: null });
    expect(peak!.tried[0]!.error).toMatch(/sinter|peak|discharge/);
  });

  it('explainCases needs exactly two cases and tries remedies for both', () => {
    expect(() => explainCases(compareCases([REF]))).toThrow(/^explain compares exactly two cases \(1 given: reference-cn · hydrothermal\)/);
    const x = explainCases(rockSaltCases());
    // Both cases are examined; only the baseline has a cause above 1 % of product (the hydrothermal
    // challenger heals the rock salt; its foreign chemistry is ≈ 0.15 %).
    expect(new Set(x.remedies.map((r) => r.case))).toEqual(new Set(['baseline']));
    const y = explainCases([...rockSaltCases()].reverse());
    expect(new Set(y.remedies.map((r) => r.case))).toEqual(new Set(['challenger']));
  });
});
