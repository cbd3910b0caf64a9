/**
 * The Summary speaks to a manager: its first lines name the better case on NPV and on cost per kg
 * and by how much, give the reasons `regenflow explain` finds (capital and operating deltas, the
 * in-spec difference and its cause) and every warning in words; with one case, its finding (in spec,
 * NPV, cost and why the minimum selling price sits below the gross cost, what limits it). The key
 * figures carry the command line's labels and units (t/yr, M USD, USD/kg) and are shaded only where
 * explain calls a difference material.
 */
import { describe, expect, it } from 'vitest';
import { findings } from '../../src/export/findings.js';
import { materialHighlight } from '../../src/export/summary.js';
import { workbookModel } from '../../src/export/workbook.js';
import { KPI_ROWS } from '../../src/cli/kpi-table.js';
import { explain } from '../../src/pipeline/explain.js';
import { evaluation, referenceComparison } from './cases.js';
import type { Grid } from '../../src/export/grid.js';

/** Text of column A of a grid, row by row. */
const lines = (g: Grid): string[] => [...g.rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r.get(1)?.value).filter((v): v is string => typeof v === 'string');

/** Row of a Summary label. */
const rowOf = (g: Grid, label: string): number => [...g.rows.entries()].find(([, r]) => r.get(1)?.value === label)![0];

const THICK = 'test/fixtures/scenarios/thick-rock-salt.yaml';

describe('findings of a comparison', () => {
  it('name the better case on NPV and on cost per kg, by how much, and why', () => {
    const evs = referenceComparison();
    const [a, b] = evs.map((e) => e.economics.kpis);
    expect(b!.npvUsd).toBeGreaterThan(a!.npvUsd);
    const f = findings(evs);
    const text = f.sentences.join('\n');
    expect(f.sentences[0]).toBe(`B (reference-cn · molten-salt) is better on NPV after tax: ${(b!.npvUsd / 1e6).toFixed(2)} M USD against ${(a!.npvUsd / 1e6).toFixed(2)} M USD for A (reference-cn · hydrothermal) (+${((b!.npvUsd - a!.npvUsd) / 1e6).toFixed(2)} M USD).`);
    expect(f.sentences[1]).toMatch(new RegExp(`^B is also cheaper per kg of in-spec CAM: gross levelised cost ${b!.costUsdPerKgProduct!.toFixed(2)} USD/kg against ${a!.costUsdPerKgProduct!.toFixed(2)} USD/kg for A`));
    // The reasons are explain's largest capital and operating deltas.
    const x = explain({ evaluation: evs[0]!, scenarioFile: '' }, { evaluation: evs[1]!, scenarioFile: '' });
    expect(text).toContain(`Capital: B needs ${(Math.abs(x.capexDifferenceUsd) / 1e6).toFixed(2)} M USD less fixed capital`);
    expect(text).toContain(`mostly ${x.capexDeltas[0]!.unit} −${(Math.abs(x.capexDeltas[0]!.deltaUsd) / 1e6).toFixed(2)} M USD`);
    expect(text).toContain(`Operating cost: B spends ${(Math.abs(x.opexDifferenceUsdPerYear) / 1e6).toFixed(2)} M USD/yr less`);
    expect(text).toContain(x.opexDeltas[0]!.label);
    // Both keep 99.85 % in spec: a tie, and what stays off spec is named with its lots.
    expect(text).toMatch(/In-spec share: 99\.8 % in B and 99\.8 % in A, a tie; what stays off spec is foreign-chemistry \(lot lfp-stray 6\.8 t\/yr in both; lot lco-stray 4\.1 t\/yr in both\)/);
    expect(text).toMatch(/^Cradle to gate: primary energy [\d.]+ MJ\/kg in B against [\d.]+ in A/m);
    // The reference runs raise no warning (their small items are more than half full: information).
    expect(f.warnings).toEqual([]);
  });

  it('give every warning in words, naming its case', () => {
    // Black mass through the hydrothermal route (no flotation) sends its graphite to the kiln.
    const evs = [evaluation('scenarios/black-mass-cn.yaml'), evaluation('scenarios/black-mass-cn.yaml', 'flowsheets/hydrothermal.yaml')];
    const f = findings(evs);
    expect(f.warnings.some((w) => /^B: sinter: graphite reaches the kiln sinter \(/.test(w))).toBe(true);
    expect(f.warnings.every((w) => /^(A|B|A, B): /.test(w))).toBe(true);
    expect(f.warnings.join('\n')).not.toContain('[MEMORY]');
  });

  it('give the in-spec difference and its cause by feed lot', () => {
    const evs = [evaluation(THICK, 'flowsheets/molten-salt.yaml'), evaluation(THICK, 'flowsheets/hydrothermal.yaml')];
    const q = evs.map((e) => e.quality.inSpecFraction);
    expect(q[1]! - q[0]!).toBeGreaterThan(0.005);
    const text = findings(evs).sentences.join('\n');
    expect(text).toMatch(/In-spec share: [\d.]+ % in B against [\d.]+ % in A \(\+[\d.]+ pp\), because of lot ev-811 surface-rock-salt: [\d,.]+ t\/yr off spec in A, 0\.0 t\/yr in B/);
  });
});

describe('findings of one case', () => {
  it('state whether it is in spec, what it earns and costs, and what limits it', () => {
    const ev = evaluation('scenarios/reference-cn.yaml');
    const k = ev.economics.kpis;
    const text = findings([ev]).sentences.join('\n');
    expect(text).toMatch(/^reference-cn · hydrothermal: 99\.8 % of the product CAM is in spec \(7,258 t\/yr in spec, 11\.0 t\/yr off spec, from 10,000 t\/yr of feed\); off spec: foreign-chemistry 11\.0 t\/yr \(lots lfp-stray, lco-stray\)\./);
    expect(text).toContain(`It earns more than its 10.0 % discount rate: NPV ${(k.npvUsd / 1e6).toFixed(2)} M USD after tax, IRR ${(k.irr! * 100).toFixed(1)} %`);
    expect(text).toContain(`${k.costUsdPerKgProduct!.toFixed(2)} USD/kg gross levelised cost (pre-tax, nothing credited), ${k.netCostUsdPerKgProduct!.toFixed(2)} USD/kg net of off-spec and by-product sales`);
    expect(k.minSellingPriceUsdPerKg!).toBeLessThan(k.costUsdPerKgProduct!);
    expect(text).toContain('The minimum selling price is below the gross cost because it counts the off-spec and by-product sales as credits');
    expect(text).toMatch(/What limits it: the largest costs per kg of in-spec CAM are feed [\d.]+, .*; the bottleneck is recover \(evaporator\) at [\d.]+ % utilisation/);
    const neg = findings([evaluation('scenarios/reference-cn.yaml', undefined, [{ path: 'prices.LiOH·H2O', value: '300 USD/kg' }])]).sentences.join('\n');
    expect(neg).toMatch(/It does not earn its 10\.0 % discount rate: NPV −[\d.]+ M USD after tax, no IRR, no payback within its life\./);
  });
});

describe('key figures', () => {
  const m = workbookModel(referenceComparison(), { pictures: false });
  const g = m.sheets.find((s) => s.name === 'Summary')!;

  it('come after the findings, with the command line\'s labels and units', () => {
    const text = lines(g);
    expect(text.indexOf('Findings')).toBeLessThan(text.findIndex((t) => t.startsWith('Key figures')));
    for (const k of KPI_ROWS) {
      const r = rowOf(g, k.label);
      expect(g.get(r, 2)!.value, k.key).toBe(k.unit);
    }
    const ev = referenceComparison()[0]!;
    expect(g.get(rowOf(g, 'NPV (after tax)'), 3)!.num).toBeCloseTo(ev.economics.kpis.npvUsd / 1e6, 9);
    expect(g.get(rowOf(g, 'Feed'), 3)!.value).toBe(10_000);
    expect(g.get(rowOf(g, 'CAPEX (fixed capital)'), 3)!.style?.numFmt).toBe('#,##0.00');
    // B − A beside the two cases.
    expect(g.get(rowOf(g, 'NPV (after tax)'), 5)!.num).toBeCloseTo((referenceComparison()[1]!.economics.kpis.npvUsd - ev.economics.kpis.npvUsd) / 1e6, 6);
  });

  it('shade a value only when it beats the next by explain\'s materiality', () => {
    expect(materialHighlight('inSpecFraction', 9, 3, 4)).toBe('AND(ISNUMBER(C9),COUNT($C9:$D9)>1,C9=MAX($C9:$D9),C9-LARGE($C9:$D9,2)>0,C9-LARGE($C9:$D9,2)>=0.005)');
    expect(materialHighlight('costUsdPerKgProduct', 9, 3, 4)).toBe('AND(ISNUMBER(C9),COUNT($C9:$D9)>1,C9=MIN($C9:$D9),SMALL($C9:$D9,2)-C9>0,SMALL($C9:$D9,2)-C9>=0.01*MAX(ABS(C9),ABS(SMALL($C9:$D9,2))))');
    // Reference figures (feed, virgin CAM) are never shaded.
    const shaded = new Set(g.highlights.map((h) => Number(/\d+/.exec(h.ref)![0])));
    expect(shaded.has(rowOf(g, 'Feed'))).toBe(false);
    expect(shaded.has(rowOf(g, 'Energy of virgin CAM, cradle to gate (GREET)'))).toBe(false);
    expect(shaded.has(rowOf(g, 'NPV (after tax)'))).toBe(true);
  });
});
