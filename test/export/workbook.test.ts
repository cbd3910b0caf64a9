/**
 * The saved .xlsx: sheets in DESIGN.md order, native charts and pictures in the zip, frozen panes,
 * formulas with cached results, defined names, and text from input files kept as text (a unit
 * named =HYPERLINK(...) stays a string, never a formula). Also reports the export time of the
 * reference comparison (no wall-clock assertion).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { parse, stringify } from 'yaml';
import { workbookBuffer, SHEETS } from '../../src/export/workbook.js';
import { evaluation, referenceComparison } from './cases.js';

async function sheetXml(zip: JSZip): Promise<Map<string, string>> {
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const path = `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
    out.set(m[1]!.replace(/&amp;/g, '&'), await zip.file(path)!.async('string'));
  }
  return out;
}

describe('the saved workbook', () => {
  let bytes: Buffer;
  let zip: JSZip;
  let ms = 0;
  beforeAll(async () => {
    const evs = referenceComparison();
    await workbookBuffer(evs); // warm up (module loading, fonts)
    const t0 = performance.now();
    bytes = await workbookBuffer(evs);
    ms = performance.now() - t0;
    zip = await JSZip.loadAsync(bytes);
  });
  afterAll(() => {
    console.info(`export of the reference comparison (2 evaluations, charts and pictures): ${ms.toFixed(0)} ms, ${(bytes.length / 1024).toFixed(0)} KiB`);
  });

  it('has the sheets of DESIGN.md in order', async () => {
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    expect([...wbXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([...SHEETS]);
  });

  it('has native charts on the Summary and pictures on the Flowsheet sheet', async () => {
    const files = Object.keys(zip.files);
    const charts = files.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(4);
    expect(files.filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => /^xl\/media\/.+\.png$/.test(f))).toHaveLength(4);
    const titles = await Promise.all(charts.map(async (c) => (await zip.file(c)!.async('string')).match(/<a:t>([^<]*)<\/a:t>/)?.[1]));
    expect(titles.sort()).toEqual(['GHG, cradle to gate: regenerated vs virgin CAM (kg CO2e/kg)', 'Gross levelised cost per kg of in-spec CAM, by category (USD/kg)', 'NPV after tax (M USD)', 'Primary energy, cradle to gate: regenerated vs virgin CAM (MJ/kg)']);
    // Charts read live ranges of the Summary.
    for (const c of charts) expect(await zip.file(c)!.async('string')).toMatch(/<c:f>'Summary'!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?<\/c:f>/);
    const sheets = await sheetXml(zip);
    expect(sheets.get('Summary')).toMatch(/<drawing r:id=/);
    expect(sheets.get('Flowsheet')).toMatch(/<drawing r:id=/);
  });

  it('freezes the header of every sheet, and every formula carries a cached value', async () => {
    const sheets = await sheetXml(zip);
    for (const [name, xml] of sheets) {
      expect(xml, name).toMatch(/<pane [^>]*state="frozen"/);
      const formulas = [...xml.matchAll(/<c [^>]*>(<f>[^<]*<\/f>)(<v>[^<]*<\/v>)?<\/c>/g)];
      expect(formulas.filter((f) => !f[2]).map((f) => f[1]), name).toEqual([]);
    }
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(wbXml).toMatch(/<definedName name="price_LiOH_H2O_cn_2024">Assumptions!\$C\$\d+<\/definedName>/);
    expect(wbXml).toMatch(/<definedName name="fin_discountRate_f1">Assumptions!\$C\$\d+<\/definedName>/);
  });

  it('writes the economics as formulas over the named inputs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const opex = wb.getWorksheet('OPEX')!;
    let lioh: ExcelJS.Cell | undefined;
    opex.eachRow((row) => { if (row.getCell(3).value === 'reagent.LiOH·H2O' && !lioh) lioh = row.getCell(11); });
    expect(lioh).toBeDefined();
    expect((lioh!.value as ExcelJS.CellFormulaValue).formula).toMatch(/^ROUND\(G\d+\*price_LiOH_H2O_cn_2024\*100,0\)\/100$/);
    expect(lioh!.numFmt).toBe('#,##0.00');
    const ev = referenceComparison()[0]!;
    expect((lioh!.value as ExcelJS.CellFormulaValue).result).toBe(ev.economics.opex.items.find((i) => i.id === 'reagent.LiOH·H2O')!.usd);
    const summary = wb.getWorksheet('Summary')!;
    const npvRow = summary.getColumn(1).values.findIndex((v) => v === 'NPV (after tax)');
    const npv = summary.getCell(npvRow, 3).value as ExcelJS.CellFormulaValue;
    expect(npv.formula).toMatch(/^'Cash flow'!B\d+\/1000000$/);
    expect(npv.result).toBe(ev.economics.kpis.npvUsd / 1e6);
    expect(summary.getCell(npvRow, 2).value).toBe('M USD');
  });
});

describe('text from input files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regenflow-inject-'));
  const EVIL = '=HYPERLINK("http://x","y")';
  const OTHERS = ['+1+2', '-2+3', '@SUM(1)', '=1+1'];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written as strings, never as formulas', async () => {
    const fs = parse(readFileSync('flowsheets/hydrothermal.yaml', 'utf8')) as { name: string; units: { id: string; name?: string }[] };
    fs.name = EVIL;
    fs.units.forEach((u, i) => { u.name = i === 0 ? EVIL : OTHERS[i % OTHERS.length]; });
    writeFileSync(join(dir, 'fs.yaml'), stringify(fs));
    const sc = parse(readFileSync('scenarios/reference-cn.yaml', 'utf8')) as Record<string, unknown>;
    sc.name = EVIL;
    sc.flowsheet = 'fs.yaml';
    sc.plant = resolve('scenarios/plants/cn-10kt.yaml');
    sc.feed = resolve('scenarios/feeds/mixed-ev-scrap.yaml');
    writeFileSync(join(dir, 'scenario.yaml'), stringify(sc));
    copyFileSync('scenarios/feeds/mixed-ev-scrap.yaml', join(dir, 'feed.yaml'));
    const ev = evaluation(join(dir, 'scenario.yaml'));
    expect(ev.model.name).toBe(EVIL);
    const bytes = await workbookBuffer([ev], { pictures: false });
    const zip = await JSZip.loadAsync(bytes);
    const sheets = await sheetXml(zip);
    for (const [name, xml] of sheets) {
      const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!);
      expect(formulas.filter((f) => /HYPERLINK|SUM\(1\)/.test(f)), name).toEqual([]);
    }
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(shared).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const summary = wb.getWorksheet('Summary')!;
    expect(String(summary.getCell('A1').value)).toContain(EVIL);
    const assumptions = wb.getWorksheet('Assumptions')!;
    const values: unknown[] = [];
    assumptions.eachRow((row) => values.push(row.getCell(3).value));
    expect(values).toContain(EVIL);
    const flow = wb.getWorksheet('Flowsheet')!;
    const names: unknown[] = [];
    flow.eachRow((row) => names.push(row.getCell(3).value));
    expect(names).toContain(EVIL);
    for (const o of OTHERS) expect(names).toContain(o);
  });
});

describe('one run per shipped scenario', () => {
  it('exports without pictures or charts when asked', async () => {
    const ev = evaluation('test/fixtures/scenarios/generic-demo.yaml');
    const zip = await JSZip.loadAsync(await workbookBuffer([ev], { pictures: false, charts: false }));
    expect(Object.keys(zip.files).filter((f) => f.startsWith('xl/charts/') || f.startsWith('xl/media/'))).toEqual([]);
  });
});
