/**
 * With uncertainty results, the workbook adds the Monte Carlo (percentiles, histograms with
 * charts), Sensitivity (tornado tables and charts, Spearman table) and Sobol sheets after the
 * Cash flow sheet; `regenflow uncertainty|tornado|sobol --out x.xlsx` writes them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { scenarioUncertainty, scenarioTornado, scenarioSobol } from '../../src/uncertainty/scenario.js';
import { scenarioPairedUncertainty, type PairedResult } from '../../src/uncertainty/paired.js';
import type { MonteCarloResult } from '../../src/uncertainty/monte-carlo.js';
import type { TornadoResult } from '../../src/uncertainty/tornado.js';
import type { SobolResult } from '../../src/uncertainty/sobol.js';
import { workbookBuffer, workbookModel, SHEETS, UNCERTAINTY_SHEETS } from '../../src/export/workbook.js';
import { kpiDisplay } from '../../src/export/uncertainty-sheets.js';
import { runCli } from '../cli/capture.js';
import { evaluation } from './cases.js';

const FILE = 'scenarios/reference-cn.yaml';
let mc: MonteCarloResult;
let tor: TornadoResult;
let sob: SobolResult;
let paired: PairedResult;

/** Text of every cell of column A. */
const columnA = (g: { rows: Map<number, Map<number, { value: unknown }>> }) => [...g.rows.values()].map((r) => r.get(1)?.value).filter((v): v is string => typeof v === 'string');

beforeAll(async () => {
  paired = await scenarioPairedUncertainty({ file: FILE, flowsheets: ['flowsheets/hydrothermal.yaml', 'flowsheets/molten-salt.yaml'], samples: 6, seed: 5, workers: 1, kpis: ['npvUsd', 'costUsdPerKgProduct', 'inSpecFraction'] });
  mc = await scenarioUncertainty({ file: FILE, samples: 12, seed: 7, workers: 1, kpis: ['npvUsd', 'costUsdPerKgProduct', 'irr'] });
  tor = await scenarioTornado({ file: FILE, kpis: ['npvUsd', 'costUsdPerKgProduct'] });
  sob = await scenarioSobol({ file: FILE, samples: 4, seed: 3, workers: 1, bootstrap: 10, kpis: ['npvUsd'] });
});

describe('uncertainty sheets', () => {
  it('follow the economics sheets, with the results as tables', () => {
    const m = workbookModel([evaluation(FILE)], { pictures: false, uncertainty: { monteCarlo: mc, tornado: tor, sobol: sob } });
    expect(m.sheets.map((g) => g.name)).toEqual([...SHEETS, ...UNCERTAINTY_SHEETS]);
    const g = m.sheets.find((x) => x.name === 'Monte Carlo')!;
    const npv = mc.statistics.find((s) => s.kpi === 'npvUsd')!;
    const row = [...g.rows.entries()].find(([, r]) => r.get(1)?.value === 'NPV (after tax)')![1];
    expect([row.get(2)!.value, row.get(7)!.value, row.get(11)!.value]).toEqual(['M USD', npv.p50! / 1e6, npv.n]);
    expect(m.charts.filter((c) => c.sheet === 'Monte Carlo')).toHaveLength(2);
    expect(m.charts.filter((c) => c.sheet === 'Sensitivity')).toHaveLength(2);
    const sens = m.sheets.find((x) => x.name === 'Sensitivity')!;
    const texts = [...sens.rows.values()].flatMap((r) => [...r.values()].map((c) => c.value));
    expect(texts.some((t) => typeof t === 'string' && t.startsWith('Spearman rank correlation'))).toBe(true);
    const sobol = m.sheets.find((x) => x.name === 'Sobol')!;
    expect(sobol.lastRow).toBe(2 + sob.indices.length);
  });

  it('name each KPI by its label and unit as the command line does', () => {
    expect(['npvUsd', 'costUsdPerKgProduct', 'opexUsdPerYear', 'irr', 'paybackYears', 'ghgKgCo2ePerKgProduct'].map((k) => [kpiDisplay(k).label, kpiDisplay(k).unit])).toEqual([
      ['NPV (after tax)', 'M USD'], ['Levelised cost, gross (pre-tax, no credits)', 'USD/kg in-spec'], ['OPEX', 'M USD/yr'], ['IRR (after tax)', '%'], ['Payback from start-up', 'yr'], ['GHG, cradle to gate', 'kg CO2e/kg in-spec'],
    ]);
  });

  it('carry native charts into the saved workbook', async () => {
    const zip = await JSZip.loadAsync(await workbookBuffer([evaluation(FILE)], { pictures: false, uncertainty: { monteCarlo: mc, tornado: tor } }));
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(8);
  });
});

describe('readable statistics', () => {
  it('draw no histogram of a KPI that does not spread, and say so', () => {
    const flat = { kpi: 'inSpecFraction', base: 0.9, mean: 0.9, sd: 0, min: 0.9, p5: 0.9, p50: 0.9, p95: 0.9, max: 0.9, n: 12, histogram: { edges: [0.9, 0.9], counts: [12] } };
    const m = workbookModel([evaluation(FILE)], { pictures: false, uncertainty: { monteCarlo: { ...mc, kpis: [...mc.kpis, 'inSpecFraction'], statistics: [...mc.statistics, flat] } } });
    const g = m.sheets.find((x) => x.name === 'Monte Carlo')!;
    const a = columnA(g);
    expect(a.some((t) => t.startsWith('Distribution of NPV (after tax)'))).toBe(true);
    expect(a.some((t) => t.startsWith('Distribution of In-spec share'))).toBe(false);
    expect(a.find((t) => t.startsWith('No histogram where'))).toContain('In-spec share of product CAM');
    const row = [...g.rows.values()].find((r) => r.get(1)?.value === 'In-spec share of product CAM')!;
    expect(row.get(12)!.value).toBe('no material spread');
    // Inputs in words with their distributions in words; the scenario path in its own column.
    expect(a).toContain('prices: LiOH·H2O: triangular 6 / 13.68 / 30 USD/kg (min / mode / max)');
    const header = [...g.rows.values()].find((r) => r.get(1)?.value === 'input: distribution')!;
    const pathCol = [...header.entries()].find(([, c]) => c.value === 'scenario path')![0];
    const lioh = [...g.rows.values()].find((r) => r.get(1)?.value === 'prices: LiOH·H2O: triangular 6 / 13.68 / 30 USD/kg (min / mode / max)')!;
    expect(lioh.get(pathCol)!.value).toBe('prices.LiOH·H2O');
  });

  it('show a ±20 % tornado of a temperature in degC, as the scenario gives it, and start it on the first page', async () => {
    const ranged = await scenarioTornado({ file: FILE, range: 0.2, kpis: ['npvUsd'] });
    const m = workbookModel([evaluation(FILE)], { pictures: false, uncertainty: { tornado: ranged } });
    const sens = m.sheets.find((x) => x.name === 'Sensitivity')!;
    const row = [...sens.rows.values()].find((r) => typeof r.get(1)?.value === 'string' && (r.get(1)!.value as string).startsWith('relith: '))!;
    expect(row.get(5)!.value).toBe('degC');
    expect(row.get(3)!.value as number).toBeCloseTo(176, 6);
    expect(row.get(4)!.value as number).toBeCloseTo(264, 6);
    expect([...sens.breaksAfter].filter((r) => r <= 3)).toEqual([]);
  });

  it('name inputs in words on the tornado, Spearman and Sobol tables, never by a camelCase path', () => {
    const m = workbookModel([evaluation(FILE)], { pictures: false, uncertainty: { monteCarlo: mc, tornado: tor, sobol: sob } });
    const sens = columnA(m.sheets.find((x) => x.name === 'Sensitivity')!);
    expect(sens).toContain('finance: discount rate');
    const sobol = [...m.sheets.find((x) => x.name === 'Sobol')!.rows.values()].map((r) => r.get(2)?.value).filter((v): v is string => typeof v === 'string');
    const named = [...sens, ...sobol].filter((t) => !/^(Spearman|Tornado|No material|Swings|input)/.test(t) && !t.includes(' base '));
    expect(named.filter((t) => /\b[a-z]+[A-Z]\w*\b|\w\.\w+[A-Z]|\[/.test(t))).toEqual([]);
  });

  it('put the paired B − A statistics of two routes in the workbook', () => {
    const m = workbookModel([evaluation(FILE, 'flowsheets/hydrothermal.yaml'), evaluation(FILE, 'flowsheets/molten-salt.yaml')], { pictures: false, uncertainty: { paired } });
    const g = m.sheets.find((x) => x.name === 'Monte Carlo')!;
    expect([...g.rows.get(2)!.values()].map((c) => c.value).slice(0, 10)).toEqual(['KPI', 'unit', 'A base', 'B base', 'B − A mean', 'B − A P5', 'B − A P50', 'B − A P95', 'P(B better)', 'P(B better by ≥ threshold)']);
    const npv = paired.paired.find((k) => k.kpi === 'npvUsd')!;
    const row = [...g.rows.values()].find((r) => r.get(1)?.value === 'NPV (after tax)')!;
    expect([row.get(2)!.value, row.get(9)!.value]).toEqual(['M USD', npv.probabilityBetter]);
    expect(row.get(5)!.value as number).toBeCloseTo(npv.difference.mean! / 1e6, 9);
    const a = columnA(g);
    expect(a.some((t) => t.startsWith('Route A = hydrothermal'))).toBe(true);
    expect(a.some((t) => t.startsWith('Route B = molten-salt'))).toBe(true);
  });
});

describe('--out on the analysis commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regenflow-unc-'));
  it('writes the workbook with the analysis sheet', async () => {
    const out = join(dir, 't.xlsx');
    const r = await runCli(['tornado', FILE, '--kpi', 'npvUsd', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${out}`);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('name="Sensitivity"');
    const bad = await runCli(['uncertainty', FILE, '--samples', '4', '--out', join(dir, 'x.ods')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/give --out a file name ending in \.xlsx/);
    rmSync(dir, { recursive: true, force: true });
  });
});
