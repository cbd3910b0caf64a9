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

beforeAll(async () => {
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
