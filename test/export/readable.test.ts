/**
 * Every workbook reads on screen and on paper, without LibreOffice: no cell shows code words
 * (source-file names, [MEMORY] tags, developer terms) or JSON; every column is wide enough for the
 * numbers it shows (nothing prints as ###); one defined name per price per price set, shared by every
 * case that uses the set; derived prices and the feed and off-spec lines are formulas of their base
 * prices; the Summary's charts start at zero, format their axes, give each series its own colour and
 * set regenerated CAM beside virgin CAM on one (cradle-to-gate) boundary; the same inputs write the
 * same bytes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { workbookBuffer, workbookModel, type WorkbookModel } from '../../src/export/workbook.js';
import { columnWidths } from '../../src/export/xlsx.js';
import { joinPrintAreas, ZIP_DATE } from '../../src/export/zip.js';
import { formattedNumber, type Grid } from '../../src/export/grid.js';
import { chartXml, PALETTE } from '../../src/export/charts.js';
import { SHIPPED_SCENARIOS, evaluation, referenceComparison } from './cases.js';

const CODE_WORDS = /\b[\w-]+\.(?:ts|js)\b|\bsrc\/|\[MEMORY|npvFast|cent-exact|\{"[\w-]+":|\[\{"/;

/** Every text cell of a model (values and cached results). */
function texts(m: WorkbookModel): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const g of m.sheets) for (const [r, row] of g.rows) for (const [c, cell] of row) {
    const v = cell.value !== null && typeof cell.value === 'object' ? cell.value.result : cell.value;
    if (typeof v === 'string') out.push({ where: `${g.name}!R${r}C${c}`, text: v });
  }
  return out;
}

/** Numeric cells that would not fit their column (they would print as ###). */
function tooNarrow(g: Grid): string[] {
  const widths = columnWidths(g);
  const bad: string[] = [];
  for (const [r, row] of g.rows) for (const [c, cell] of row) {
    const v = cell.value !== null && typeof cell.value === 'object' ? cell.value.result : cell.value;
    if (typeof v !== 'number') continue;
    const shown = formattedNumber(v, cell.style?.numFmt).length;
    if (shown * 1.15 + 1 > widths.get(c)!) bad.push(`${g.name}!R${r}C${c} ${shown} chars in width ${widths.get(c)}`);
  }
  return bad;
}

const CASES = [
  ...SHIPPED_SCENARIOS.map((f) => ({ name: f, model: () => workbookModel([evaluation(f)], { pictures: false }) })),
  { name: 'reference comparison', model: () => workbookModel(referenceComparison(), { pictures: false }) },
];

describe('every shipped workbook', () => {
  it.each(CASES)('$name: no code words or JSON in any cell, and every number fits its column', ({ model }) => {
    const m = model();
    expect(texts(m).filter((t) => CODE_WORDS.test(t.text)).map((t) => `${t.where}: ${t.text.slice(0, 120)}`)).toEqual([]);
    expect(m.sheets.flatMap(tooNarrow)).toEqual([]);
  });
});

describe('the assumptions both routes share', () => {
  const m = workbookModel(referenceComparison(), { pictures: false });
  const names = m.names.all.map((n) => n.name);
  const cellOf = (name: string) => { const n = m.names.all.find((x) => x.name === name)!; return m.sheets.find((g) => g.name === n.sheet)!.get(n.row, n.col)!; };

  it('are one defined name per price per price set', () => {
    expect(names.filter((n) => /^price_LiOH_H2O_/.test(n))).toEqual(['price_LiOH_H2O_cn_2024']);
    expect(names.filter((n) => /^price_metal_Ni_/.test(n))).toEqual(['price_metal_Ni_cn_2024']);
    expect(names.filter((n) => /^fin_discountRate_/.test(n))).toEqual(['fin_discountRate_f1']);
    // A price set with other overrides is another set.
    const other = workbookModel([evaluation('scenarios/reference-cn.yaml'), evaluation('scenarios/reference-cn.yaml', undefined, [{ path: 'prices.LiOH·H2O', value: '20 USD/kg' }])], { pictures: false });
    expect(other.names.all.map((n) => n.name).filter((n) => /^price_LiOH_H2O_/.test(n))).toEqual(['price_LiOH_H2O_cn_2024', 'price_LiOH_H2O_cn_2024_b']);
  });

  it('derive a price as a formula of its base', () => {
    const lioh = cellOf('price_LiOH_cn_2024');
    expect(lioh.value).toMatchObject({ formula: expect.stringMatching(/^price_LiOH_H2O_cn_2024\*1\.75/) });
  });

  it('price the feed and the off-spec CAM with formulas over metal prices and payables', () => {
    const opex = m.sheets.find((g) => g.name === 'OPEX')!;
    const formulaOf = (id: string) => [...opex.rows.values()].map((r) => (r.get(3)?.value === id ? r.get(11)?.value : undefined)).find((v) => v !== undefined) as { formula: string };
    expect(formulaOf('feed.ev-811').formula).toMatch(/price_metal_Ni_cn_2024\*MIN\(1,MAX\(0,price_payable_cathode_scrap_cn_2024\)\)/);
    expect(formulaOf('feed.ev-811').formula).toMatch(/price_metal_Co_cn_2024/);
    const offSpec = [...opex.rows.values()].find((r) => String(r.get(3)?.value).startsWith('offspec.') && String(r.get(3)?.value).includes('LCO'))!;
    // LCO: cobalt only, at the CAM-powder payable less the LCO offset.
    expect((offSpec.get(11)!.value as { formula: string }).formula).toMatch(/price_metal_Co_cn_2024\*MIN\(1,MAX\(0,price_payable_[a-z_]+_cn_2024\+price_payable_offset_LCO_cn_2024\)\)/);
  });
});

describe('the Summary charts', () => {
  const m = workbookModel(referenceComparison(), { pictures: false });

  it('start bar axes at zero, format them, and give every series its own colour', () => {
    expect(m.charts.filter((c) => c.sheet === 'Summary')).toHaveLength(4);
    for (const c of m.charts) {
      const xml = chartXml(c);
      if (/<c:barChart>/.test(xml) && c.sheet === 'Summary') expect(xml, c.title).toMatch(/<c:valAx>.*<c:scaling><c:orientation val="minMax"\/><c:min val="0"\/><\/c:scaling>/);
      expect(xml, c.title).toMatch(/<c:valAx>.*<c:numFmt formatCode="[^"]+" sourceLinked="0"\/>/);
      const colours = [...xml.matchAll(/<c:ser>.*?<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((x) => x[1]);
      expect(new Set(colours).size, c.title).toBe(c.series.length);
    }
    const stack = m.charts.find((c) => c.type === 'columnStacked')!;
    expect(stack.series.length).toBe(11);
    expect(stack.series.length).toBeLessThanOrEqual(PALETTE.length);
  });

  it('set regenerated CAM beside virgin CAM on the cradle-to-gate boundary', () => {
    const g = m.sheets.find((s) => s.name === 'Summary')!;
    const label = (ref: string) => { const r = Number(/\$(\d+)/.exec(ref)![1]); return g.get(r, 1)!.value; };
    const energy = m.charts.find((c) => c.title.startsWith('Primary energy'))!;
    expect(energy.series.map((s) => label(s.values))).toEqual(['Energy, primary, cradle to gate', 'Energy of virgin CAM, cradle to gate (GREET)']);
    const ghg = m.charts.find((c) => c.title.startsWith('GHG'))!;
    expect(ghg.series.map((s) => label(s.values))).toEqual(['GHG, cradle to gate', 'GHG of virgin CAM, cradle to gate (GREET)']);
  });
});

describe('the written file', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('is the same bytes whenever it is written', async () => {
    const evs = referenceComparison();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const a = await workbookBuffer(evs);
    vi.setSystemTime(new Date('2031-07-08T09:10:11Z'));
    const b = await workbookBuffer(evs);
    vi.useRealTimers();
    expect(a.equals(b)).toBe(true);
    const zip = await JSZip.loadAsync(a);
    const entries = Object.values(zip.files).filter((f) => !f.dir);
    expect(entries[0]!.name).toBe('[Content_Types].xml');
    for (const f of entries) expect(f.date.getTime(), f.name).toBe(ZIP_DATE.getTime());
    expect([...(await zip.file('docProps/core.xml')!.async('string')).matchAll(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g)].map((x) => x[1])).toEqual(['1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z']);
  });

  it('has one print area per sheet', async () => {
    expect(joinPrintAreas('<definedName name="_xlnm.Print_Area" localSheetId="8">\'C\'!$A$3:$S$98</definedName><definedName name="_xlnm.Print_Area" localSheetId="8">\'C\'!$A$207:$S$302</definedName>'))
      .toBe('<definedName name="_xlnm.Print_Area" localSheetId="8">\'C\'!$A$3:$S$98,\'C\'!$A$207:$S$302</definedName>');
    const zip = await JSZip.loadAsync(await workbookBuffer(referenceComparison(), { pictures: false, charts: false }));
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    const areas = [...wb.matchAll(/name="_xlnm\.Print_Area" localSheetId="(\d+)"/g)].map((x) => x[1]);
    expect(new Set(areas).size).toBe(areas.length);
    expect(wb).toMatch(/localSheetId="8">&apos;Cash flow&apos;!\$A\$\d+:\$[A-Z]+\$\d+,&apos;Cash flow&apos;!\$A\$\d+:\$[A-Z]+\$\d+</);
  });
});
