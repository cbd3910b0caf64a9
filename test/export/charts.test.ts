/**
 * Native charts added to an exceljs workbook: the parts, relationships and content types exist,
 * the series read the given ranges, every XML part parses, an existing drawing (an embedded image)
 * is merged into, and LibreOffice opens the result (converted to PDF) when it is installed.
 * With CI=true the LibreOffice check must run: a missing soffice fails the test.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { addCharts, chartXml, sheetRange, type ChartSpec } from '../../src/export/charts.js';
import { svgToPng } from '../../src/export/png.js';

const SUMMARY = 'Summary & KPIs';
const CASH = "Bob's cash flow";

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet(SUMMARY);
  s.addRow(['Category', 'Hydrothermal', 'Molten salt']);
  for (const [k, a, b] of [['Feed', 4.1, 4.3], ['Reagents', 1.2, 2.2], ['Utilities', 0.8, 1.4], ['Labour', 0.6, 0.5], ['Capital', 1.5, 1.9]] as const) s.addRow([k, a, b]);
  const png = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="#1565c0"/></svg>');
  const img = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  s.addImage(img, { tl: { col: 5, row: 0 }, ext: { width: 80, height: 40 } });
  // A conditional format writes nested elements; the drawing element must still go at the top level.
  s.addConditionalFormatting({ ref: 'B2:C6', rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FF638EC6' } } as never] });
  const c = wb.addWorksheet(CASH);
  c.addRow(['Year', 'Net cash flow', 'Cumulative']);
  let cum = 0;
  for (let y = 0; y <= 10; y++) { const v = y < 2 ? -50 : 14; cum += v; c.addRow([y, v, cum]); }
  c.getCell('E1').value = 'Series name from a cell';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const specs: ChartSpec[] = [
  {
    sheet: SUMMARY, from: { col: 0, row: 8 }, to: { col: 8, row: 26 }, type: 'columnStacked', title: 'Cost per kg by category <USD/kg> & "more"', xTitle: 'Category', yTitle: 'USD/kg',
    series: [
      { name: sheetRange(SUMMARY, 'B1'), categories: sheetRange(SUMMARY, 'A2:A6'), values: sheetRange(SUMMARY, 'B2:B6') },
      { name: 'Molten salt', categories: sheetRange(SUMMARY, 'A2:A6'), values: sheetRange(SUMMARY, 'C2:C6') },
    ],
  },
  {
    sheet: CASH, from: { col: 5, row: 1 }, to: { col: 13, row: 18 }, type: 'line', title: 'Cumulative cash flow', xTitle: 'Year', yTitle: 'USD',
    series: [{ name: sheetRange(CASH, 'E1'), categories: sheetRange(CASH, 'A2:A12'), values: sheetRange(CASH, 'C2:C12') }],
  },
  {
    sheet: CASH, from: { col: 5, row: 20 }, to: { col: 13, row: 37 }, type: 'scatter', title: 'Net cash flow against year', xTitle: 'Year', yTitle: 'USD',
    series: [{ name: 'Net', categories: sheetRange(CASH, 'A2:A12'), values: sheetRange(CASH, 'B2:B12') }],
  },
];

/** Parse with a real namespace-aware XML parser (saxes, the one exceljs reads with): true when well-formed. */
function parses(xml: string): boolean {
  try {
    new SaxesParser({ xmlns: true }).write(xml).close();
    return true;
  } catch (e) {
    console.log(String(e));
    return false;
  }
}

/** The decoded text of every c:f element, in document order. */
function formulas(xml: string): string[] {
  const out: string[] = [];
  let inF = false;
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', (t) => { if (t.name === 'c:f') { inF = true; out.push(''); } });
  p.on('closetag', (t) => { if (t.name === 'c:f') inF = false; });
  p.on('text', (t) => { if (inF) out[out.length - 1] += t; });
  p.write(xml).close();
  return out;
}

describe('addCharts', () => {
  it('adds chart parts, drawings, relationships and content types', async () => {
    const out = await addCharts(await workbook(), specs);
    const zip = await JSZip.loadAsync(out);
    const files = Object.keys(zip.files);
    expect(files).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml']));
    const ct = await zip.file('[Content_Types].xml')!.async('string');
    for (const n of [1, 2, 3]) expect(ct).toContain(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    expect(ct).toContain('PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');

    // Sheet 1 kept its image drawing and got the chart in the same drawing.
    const d1 = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    expect(d1).toContain('<xdr:pic>');
    expect(d1).toContain('r:embed="rId1"');
    expect((d1.match(/<xdr:graphicFrame/g) ?? []).length).toBe(1);
    const d1rels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
    expect(d1rels).toContain('Target="../media/image1.png"');
    const chartRel = /Id="(rId\d+)" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/chart" Target="..\/charts\/chart1.xml"/.exec(d1rels);
    expect(chartRel).not.toBeNull();
    expect(chartRel![1]).not.toBe('rId1');
    expect(d1).toContain(`r:id="${chartRel![1]}"`);

    // Sheet 2 got a new drawing with two charts, linked from the sheet.
    const s2 = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const s2rels = await zip.file('xl/worksheets/_rels/sheet2.xml.rels')!.async('string');
    const drawingRel = /Id="(rId\d+)" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/drawing" Target="..\/drawings\/drawing2.xml"/.exec(s2rels);
    expect(drawingRel).not.toBeNull();
    expect(s2).toContain(`<drawing r:id="${drawingRel![1]}"/>`);
    expect(s2.indexOf('<drawing ')).toBeGreaterThan(s2.indexOf('</sheetData>'));
    const d2 = await zip.file('xl/drawings/drawing2.xml')!.async('string');
    expect((d2.match(/<xdr:twoCellAnchor/g) ?? []).length).toBe(2);
    const cnv = [...d2.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(cnv).size).toBe(cnv.length);
    const d2rels = await zip.file('xl/drawings/_rels/drawing2.xml.rels')!.async('string');
    expect(d2rels).toContain('Target="../charts/chart2.xml"');
    expect(d2rels).toContain('Target="../charts/chart3.xml"');

    // The drawing element of sheet 1 stays a direct child of <worksheet> (not inside the conditional format).
    const s1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect((s1.match(/<drawing /g) ?? []).length).toBe(1);

    // Chart contents: types, stacking, references.
    const c1 = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(c1).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(c1).toContain('<c:overlap val="100"/>');
    expect(c1).toContain(`<c:f>${"'Summary &amp; KPIs'!$B$2:$B$6"}</c:f>`);
    expect(c1).toContain(`<c:cat><c:strRef><c:f>'Summary &amp; KPIs'!$A$2:$A$6</c:f></c:strRef></c:cat>`);
    expect(c1).toContain(`<c:tx><c:strRef><c:f>'Summary &amp; KPIs'!$B$1</c:f></c:strRef></c:tx>`);
    expect(c1).toContain('<c:tx><c:v>Molten salt</c:v></c:tx>');
    expect(c1).toContain('Cost per kg by category &lt;USD/kg&gt; &amp; "more"');
    expect(formulas(c1)).toEqual([
      "'Summary & KPIs'!$B$1", "'Summary & KPIs'!$A$2:$A$6", "'Summary & KPIs'!$B$2:$B$6",
      "'Summary & KPIs'!$A$2:$A$6", "'Summary & KPIs'!$C$2:$C$6",
    ]);
    expect(c1).toMatch(/<c:catAx><c:axId val="(\d+)"\/>.*<c:crossAx val="(\d+)"\/>/);
    const c2 = await zip.file('xl/charts/chart2.xml')!.async('string');
    expect(c2).toContain('<c:lineChart>');
    expect(c2).toContain(`<c:val><c:numRef><c:f>'Bob''s cash flow'!$C$2:$C$12</c:f></c:numRef></c:val>`);
    const c3 = await zip.file('xl/charts/chart3.xml')!.async('string');
    expect(c3).toContain('<c:scatterChart>');
    expect(c3).toContain(`<c:xVal><c:numRef><c:f>'Bob''s cash flow'!$A$2:$A$12</c:f></c:numRef></c:xVal>`);
    expect(c3).toContain(`<c:yVal><c:numRef><c:f>'Bob''s cash flow'!$B$2:$B$12</c:f></c:numRef></c:yVal>`);
    expect((c3.match(/<c:valAx>/g) ?? []).length).toBe(2);
    expect(formulas(c3)).toEqual(specs[2]!.series.flatMap((x) => [x.categories, x.values]));
    expect(formulas(c2)).toEqual(specs[1]!.series.flatMap((x) => [x.name, x.categories, x.values]));

    for (const f of files.filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      const xml = await zip.file(f)!.async('string');
      expect(parses(xml), `${f} is well-formed`).toBe(true);
    }
  });

  it('every chart type has its axes cross-referenced', () => {
    for (const type of ['bar', 'barStacked', 'column', 'columnStacked', 'line', 'scatter'] as const) {
      const xml = chartXml({ ...specs[0]!, type });
      const ids = [...xml.matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
      const crosses = [...xml.matchAll(/<c:crossAx val="(\d+)"\/>/g)].map((m) => m[1]);
      expect(crosses.length).toBe(2);
      for (const c of crosses) expect(ids).toContain(c);
      expect(parses(xml)).toBe(true);
      if (type === 'bar' || type === 'barStacked') expect(xml).toContain('<c:barDir val="bar"/>');
    }
  });

  it('rejects a chart on a sheet that does not exist, naming the sheets', async () => {
    await expect(addCharts(await workbook(), [{ ...specs[0]!, sheet: 'Sumary & KPIs' }])).rejects.toThrow(/no sheet "Sumary & KPIs".*did you mean "Summary & KPIs"/);
  });

  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
  const ci = process.env.CI === 'true';
  if (!soffice && !ci) console.log('charts.test: LibreOffice (soffice) not found — skipping the PDF conversion check (it runs, and must pass, with CI=true)');
  it.skipIf(!soffice && !ci)('LibreOffice opens the workbook and renders the charts (PDF)', async () => {
    expect(soffice, 'CI=true: LibreOffice must be installed (soffice not found)').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'rf-charts-'));
    try {
      const xlsx = join(dir, 'charts.xlsx');
      writeFileSync(xlsx, await addCharts(await workbook(), specs));
      const profile = pathToFileURL(join(dir, 'profile')).href;
      execFileSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000 });
      const pdf = join(dir, 'charts.pdf');
      expect(existsSync(pdf), `LibreOffice wrote no PDF (files: ${readdirSync(dir).join(', ')})`).toBe(true);
      if (process.env.REGENFLOW_KEEP_PICTURES) writeFileSync(join(process.env.REGENFLOW_KEEP_PICTURES, 'charts.xlsx'), await addCharts(await workbook(), specs));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
