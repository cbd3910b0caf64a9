/**
 * The Summary sheet, first in the workbook: the findings in sentences (findings.ts) and the
 * warnings in words, then the key figures side by side in the units the command line shows
 * (t/yr, M USD, USD/kg, %) with the basis of each KPI in its label (gross or net, after tax, site
 * or cradle to gate), the difference B − A when two cases are compared, native charts (each page
 * of charts printed whole) and the cost per kg by category.
 *
 * The key figures are live formulas over the other sheets. A value is shaded green only when it
 * is the best of its row by a material margin — the rule of `regenflow explain` (half a percentage
 * point for shares, one person for head counts, 1 % of the larger value otherwise) — so a trivial
 * difference is not highlighted.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { kpisOf } from '../pipeline/document.js';
import { directionOf, materialityOf } from '../pipeline/kpi-info.js';
import { Grid, FMT, STYLE, fmt, a1, colName, quoteSheet, rangeRef, type Scalar } from './grid.js';
import { type Expr, lit, div, str, put, putRaw } from './expr.js';
import type { EconomicsRefs } from './economics-sheets.js';
import type { ResultCell } from './cashflow.js';
import type { ChartSpec } from './charts.js';
import { findings } from './findings.js';
import { KPI_LABELS, kpiLabel, wrapText } from './reader-text.js';
import { caseLabel, caseLetter } from './cases.js';
import { kpiUnitOf } from '../pipeline/kpi-info.js';

/** What a Summary cell shows for one case. */
type Source = { expr: Expr; engine: number | null } | { link: ResultCell } | { constant: Scalar };

/** One row of the key figures. */
interface KpiRow {
  key: string;
  label: string;
  unit: string;
  numFmt: string;
  value: (ev: Evaluation, refs: EconomicsRefs) => Source;
}

const K = (key: string) => {
  const l = KPI_LABELS.find((x) => x.key === key) ?? kpiLabel(key, kpiUnitOf);
  return { key, label: l.label, unit: l.unit };
};
const constant = (v: Scalar): Source => ({ constant: v });
const kpi = (ev: Evaluation, key: string): number | null => {
  const v = kpisOf(ev)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const tonnes = (key: string): KpiRow => ({ ...K(key), numFmt: FMT.tonnes, value: (ev) => constant(kpi(ev, key) === null ? null : kpi(ev, key)! / 1000) });
const millions = (key: string, pick: (r: EconomicsRefs) => Expr): KpiRow => ({ ...K(key), numFmt: FMT.musd, value: (ev, r) => ({ expr: div(pick(r), lit(1e6)), engine: kpi(ev, key) === null ? null : kpi(ev, key)! / 1e6 }) });
const link = (key: string, numFmt: string, pick: (r: EconomicsRefs) => ResultCell): KpiRow => ({ ...K(key), numFmt, value: (_, r) => ({ link: pick(r) }) });

/** The key figures, in order (labels and units as the command line's KPI table). */
const ROWS: KpiRow[] = [
  tonnes('feedKgPerYear'),
  tonnes('productKgPerYear'),
  tonnes('inSpecKgPerYear'),
  { ...K('inSpecFraction'), numFmt: FMT.pct1, value: (ev) => constant(kpi(ev, 'inSpecFraction')) },
  { ...K('inSpecCapacityMahPerG'), numFmt: FMT.num1, value: (ev) => constant(kpi(ev, 'inSpecCapacityMahPerG')) },
  { ...K('inSpecCapacityRatio'), numFmt: FMT.pct1, value: (ev) => constant(kpi(ev, 'inSpecCapacityRatio')) },
  tonnes('offSpecKgPerYear'),
  millions('capexUsd', (r) => r.fci),
  millions('totalCapitalInvestmentUsd', (r) => r.tci),
  millions('opexUsdPerYear', (r) => r.opexTotal),
  millions('revenueUsdPerYear', (r) => r.revenueTotal),
  link('costUsdPerKgProduct', FMT.usdPerKg, (r) => r.lcoe),
  link('netCostUsdPerKgProduct', FMT.usdPerKg, (r) => r.netCost),
  link('minSellingPriceUsdPerKg', FMT.usdPerKg, (r) => r.msp),
  millions('npvUsd', (r) => r.npv),
  link('irr', FMT.pct1, (r) => r.irr),
  link('paybackYears', FMT.year1, (r) => r.payback),
  link('energyMjPerKgProduct', FMT.num1, (r) => r.energy),
  link('primaryEnergyMjPerKgProduct', FMT.num1, (r) => r.primaryEnergy),
  { ...K('virginEnergyMjPerKg'), numFmt: FMT.num1, value: (ev) => constant(kpi(ev, 'virginEnergyMjPerKg')) },
  link('ghgKgCo2ePerKgProduct', FMT.num2, (r) => r.ghg),
  { ...K('virginGhgKgCo2ePerKg'), numFmt: FMT.num2, value: (ev) => constant(kpi(ev, 'virginGhgKgCo2ePerKg')) },
  link('waterLPerKgProduct', FMT.num1, (r) => r.water),
  { key: 'bottleneck', label: 'Bottleneck (unit and item with the least headroom)', unit: '', numFmt: FMT.general, value: (ev) => constant(ev.sizing.bottleneck ? `${ev.sizing.bottleneck} (${ev.sizing.bottleneckEquipment})` : '—') },
  { key: 'bottleneckUtilisation', label: 'Bottleneck utilisation', unit: '%', numFmt: FMT.pct1, value: (ev) => constant(ev.sizing.bottleneckUtilisation) },
  { key: 'maxCapacityKgPerYear', label: 'Maximum feed with the installed equipment', unit: 't/yr', numFmt: FMT.tonnes, value: (ev) => constant(ev.sizing.maxCapacityKgPerYear === null ? null : ev.sizing.maxCapacityKgPerYear / 1000) },
  { ...K('operatorsPerShift'), numFmt: FMT.general, value: (ev) => constant(ev.sizing.operatorsPerShift) },
  { key: 'loops', label: 'Recycle loops converged', unit: '', numFmt: FMT.general, value: (ev) => constant(ev.solution.loops.every((l) => l.converged) ? 'yes' : 'NO') },
];

/** KPIs scored for the green shading (the others are references or plant facts). */
const SCORED = new Set(['productKgPerYear', 'inSpecKgPerYear', 'inSpecFraction', 'inSpecCapacityMahPerG', 'inSpecCapacityRatio', 'offSpecKgPerYear', 'capexUsd', 'totalCapitalInvestmentUsd', 'opexUsdPerYear', 'revenueUsdPerYear', 'costUsdPerKgProduct', 'netCostUsdPerKgProduct', 'minSellingPriceUsdPerKg', 'npvUsd', 'irr', 'paybackYears', 'energyMjPerKgProduct', 'primaryEnergyMjPerKgProduct', 'ghgKgCo2ePerKgProduct', 'waterLPerKgProduct', 'operatorsPerShift']);

/** Categories of operating cost, in a fixed order. */
const CATEGORY_ORDER = ['feed', 'reagents', 'utilities', 'waste', 'consumables', 'labour', 'maintenance', 'overhead', 'fixed-charges', 'general'];

/** Width of the Summary's columns (characters). */
const W = { label: 52, unit: 19, value: 24, diff: 14 } as const;
/**
 * Pixels per character of column width: Excel draws 7 (Calibri 11), LibreOffice about 11 with its
 * stand-in font; charts are sized in between so they fill most of the page in both.
 */
const PX_PER_CHAR = 8.5;
const ROW_PX = 20;

/**
 * The conditional formula that shades the best value of a row when it beats the next best by a
 * material margin (pipeline/kpi-info.ts materialityOf), relative to the row's first value cell.
 */
export function materialHighlight(key: string, row: number, c0: number, c1: number): string {
  const first = a1(row, c0);
  const range = `$${colName(c0)}${row}:$${colName(c1)}${row}`;
  const higher = directionOf(key) === 'higher';
  const best = higher ? `MAX(${range})` : `MIN(${range})`;
  const next = higher ? `LARGE(${range},2)` : `SMALL(${range},2)`;
  const m = materialityOf(key);
  const margin = higher ? `${first}-${next}` : `${next}-${first}`;
  const threshold = m.kind === 'absolute' ? String(m.value) : `${m.value}*MAX(ABS(${first}),ABS(${next}))`;
  return `AND(ISNUMBER(${first}),COUNT(${range})>1,${first}=${best},${margin}>0,${margin}>=${threshold})`;
}

/** The Summary's title line. */
function title(evs: readonly Evaluation[]): string {
  const scenarios = [...new Set(evs.map((e) => e.model.name))];
  const routes = [...new Set(evs.map((e) => e.model.flowsheet.name))];
  if (evs.length === 1) return `regenflow — ${scenarios[0]}: ${routes[0]}`;
  if (scenarios.length === 1) return `regenflow — ${scenarios[0]}: ${routes.join(' vs ')}`;
  return `regenflow — ${evs.length} cases compared`;
}

/** Write the findings and warnings from row `r`; returns the next row. */
function findingsBlock(g: Grid, r: number, evs: readonly Evaluation[], widthChars: number): number {
  const f = findings(evs);
  // Text is wrapped by hand (a line per row, running on across the empty cells to the right):
  // running text takes ≈ 0.8 of a column-width unit per character.
  const lineChars = Math.floor(widthChars * 1.1);
  g.section(r++, 1, 'Findings');
  for (const s of f.sentences) {
    const lines = wrapText(s, lineChars);
    lines.forEach((line, i) => g.set(r++, 1, i === 0 ? line : `   ${line}`, s.endsWith(':') ? { bold: true, spill: true } : STYLE.finding));
  }
  r++;
  g.section(r++, 1, f.warnings.length ? `Warnings (${f.warnings.length})` : 'Warnings: none');
  for (const w of f.warnings) wrapText(`• ${w}`, lineChars).forEach((line, i) => g.set(r++, 1, i === 0 ? line : `   ${line}`, STYLE.finding));
  return r + 1;
}

/** Where the Summary put its tables, and its charts. */
export interface SummaryLayout {
  charts: ChartSpec[];
}

/** Write the Summary: findings, key figures (live), charts and the cost by category. */
export function summarySheet(g: Grid, evs: readonly Evaluation[], refs: readonly EconomicsRefs[], withCharts: boolean): SummaryLayout {
  const n = evs.length;
  const C0 = 3;
  const C1 = C0 + n - 1;
  const diffCol = n === 2 ? C1 + 1 : null;
  g.width(1, W.label);
  g.width(2, W.unit);
  for (let c = C0; c <= C1; c++) g.width(c, W.value);
  if (diffCol) g.width(diffCol, W.diff);
  const widthChars = W.label + W.unit + n * W.value + (diffCol ? W.diff : 0);
  g.freeze = { rows: 1, cols: 0 };
  g.print = { fit: 'width' };
  // Every line is wrapped to the width of the key figures, so the printed page is that wide.
  let r = 1;
  for (const line of wrapText(title(evs), Math.floor(widthChars * 0.8))) g.set(r++, 1, line, STYLE.title);
  const years = [...new Set(evs.map((e) => e.model.prices.year))];
  const intro = `Money in US dollars of ${years.join(' and ')}; per-kg figures are per kg of in-spec regenerated cathode active material (CAM).${n > 1 ? ` Cases: ${evs.map((e, i) => caseLabel(e, i, n)).join('; ')}.` : ''} The key figures and charts are live formulas over the Assumptions sheet (yellow cells): change a price or a finance input and they follow; the findings are the results as exported.`;
  for (const line of wrapText(intro, Math.floor(widthChars * 1.05))) g.set(r++, 1, line, STYLE.subtitle);
  r = findingsBlock(g, r + 1, evs, widthChars);
  // Key figures, on a page of their own.
  g.breakAfter(r - 2);
  g.section(r++, 1, n > 1 ? 'Key figures (green: better by a material margin, the rule of regenflow explain)' : 'Key figures');
  const H = r++;
  g.header(H, 1, ['KPI', 'unit', ...evs.map((e, i) => caseLabel(e, i, n)), ...(diffCol ? [`${caseLetter(1)} − ${caseLetter(0)}`] : [])]);
  const textRow = (lbl: string, f: (e: Evaluation) => string) => {
    g.set(r, 1, lbl);
    evs.forEach((e, i) => g.set(r, C0 + i, f(e), STYLE.wrapped));
    r++;
  };
  // With one case the title names the scenario and the route.
  if (n > 1) {
    textRow('Scenario', (e) => e.model.name);
    textRow('Route (flowsheet)', (e) => e.model.flowsheet.name);
  }
  const rowOf: Record<string, number> = {};
  for (const k of ROWS) {
    g.set(r, 1, k.label);
    g.set(r, 2, k.unit);
    evs.forEach((e, i) => writeValue(g, r, C0 + i, k, e, refs[i]!, caseLabel(e, i, n)));
    if (diffCol) {
      const [a, b] = [a1(r, C0), a1(r, C0 + 1)];
      const numeric = evs.every((e, i) => typeof (g.get(r, C0 + i)?.num) === 'number');
      if (numeric) {
        const share = k.numFmt.includes('%');
        const d = (g.get(r, C0 + 1)!.num! - g.get(r, C0)!.num!) * (share ? 100 : 1);
        const dec = share ? '0.0" pp"' : k.numFmt;
        putRaw(g, r, diffCol, `IF(AND(ISNUMBER(${b}),ISNUMBER(${a})),(${b}-${a})${share ? '*100' : ''},${str('—')})`, d, fmt(`+${dec};-${dec};${dec}`));
      }
    }
    if (n > 1 && SCORED.has(k.key)) g.highlights.push({ ref: `${a1(r, C0)}:${a1(r, C1)}`, formula: materialHighlight(k.key, r, C0, C1), fill: 'C6EFCE' });
    rowOf[k.key] = r++;
  }
  r++;
  const charts: ChartSpec[] = [];
  if (withCharts) {
    g.breakAfter(r - 1);
    r = summaryCharts(g, r, evs, refs, H, C0, C1, rowOf, widthChars, charts);
  }
  categoryTable(g, r, evs, refs, C0);
  return { charts };
}

/** Write one Summary value cell. */
function writeValue(g: Grid, r: number, c: number, k: KpiRow, ev: Evaluation, refs: EconomicsRefs, label: string): void {
  const v = k.value(ev, refs);
  const style = fmt(k.numFmt);
  if ('expr' in v) put(g, r, c, v.expr, style, { value: v.engine, label: `${label}: Summary ${k.label}` });
  else if ('link' in v) putRaw(g, r, c, `${quoteSheet(v.link.sheet)}!${a1(v.link.row, v.link.col)}`, v.link.value ?? 'none', style);
  else if (v.constant !== null && v.constant !== undefined) g.set(r, c, v.constant, typeof v.constant === 'number' ? style : undefined);
  else g.set(r, c, '—', { align: 'right' });
}

/** The cost per kg of in-spec CAM by category (the stacked chart's data). */
function categoryTable(g: Grid, r: number, evs: readonly Evaluation[], refs: readonly EconomicsRefs[], C0: number): { first: number; last: number; next: number } {
  const n = evs.length;
  g.section(r++, 1, 'Gross levelised cost per kg of in-spec CAM by category (operating costs at full output; capital levelised)');
  g.header(r++, 1, ['category', 'unit', ...evs.map((e, i) => caseLabel(e, i, n))]);
  const cats = categoryRows(evs).filter((c) => c !== 'capital');
  const first = r;
  for (const c of cats) {
    g.set(r, 1, c.replace(/-/g, ' '));
    g.set(r, 2, 'USD/kg');
    evs.forEach((ev, i) => {
      const rf = refs[i]!;
      const [r1, r2] = rf.opexRows;
      const sumif = `SUMIF(${quoteSheet('OPEX')}!${a1(r1, rf.categoryCol)}:${a1(r2, rf.categoryCol)},${str(c)},${quoteSheet('OPEX')}!${a1(r1, rf.usdCol)}:${a1(r2, rf.usdCol)})`;
      const kg = rf.inSpecKg;
      const v = kg.v > 0 ? (ev.economics.opex.byCategory[c] ?? 0) / kg.v : null;
      putRaw(g, r, C0 + i, `IF(${kg.t(g.name)}>0,${sumif}/${kg.t(g.name)},${str('none')})`, v ?? 'none', fmt(FMT.usdPerKg));
    });
    r++;
  }
  g.set(r, 1, 'capital (levelised: capital + working capital − salvage)');
  g.set(r, 2, 'USD/kg');
  evs.forEach((_, i) => {
    const c = refs[i]!.capitalPerKg;
    putRaw(g, r, C0 + i, `${quoteSheet(c.sheet)}!${a1(c.row, c.col)}`, c.value ?? 'none', fmt(FMT.usdPerKg));
  });
  const last = r++;
  g.set(r, 1, 'total (≈ the gross levelised cost; equal without ramp-up)', { bold: true });
  g.set(r, 2, 'USD/kg');
  evs.forEach((_, i) => {
    const col = colName(C0 + i);
    const sum = [...Array(last - first + 1).keys()].reduce((a, j) => a + (g.get(first + j, C0 + i)?.num ?? 0), 0);
    putRaw(g, r, C0 + i, `SUM(${col}${first}:${col}${last})`, sum, fmt(FMT.usdPerKg, { bold: true }));
  });
  return { first, last, next: r + 2 };
}

/** The Summary's charts, two to a printed page; returns the next free row. */
function summaryCharts(g: Grid, r: number, evs: readonly Evaluation[], refs: readonly EconomicsRefs[], H: number, C0: number, C1: number, rowOf: Record<string, number>, widthChars: number, charts: ChartSpec[]): number {
  const S = g.name;
  const cats = rangeRef(S, H, C0, H, C1);
  const rowRange = (row: number) => rangeRef(S, row, C0, row, C1);
  const widthPx = Math.min(1100, widthChars * PX_PER_CHAR);
  // Two charts to a printed page: a page is ≈ 34 rows at full size, more when the sheet is scaled
  // down to fit its width (≈ 103 characters at full size on A4 landscape); a little is kept in hand.
  const rowsPerPage = Math.floor(32 / Math.min(1, 100 / widthChars));
  const heightRows = Math.floor((rowsPerPage - 3) / 2);
  const place = (i: number) => {
    const row = r + i * (heightRows + 1) + (i >= 2 ? 1 : 0);
    if (i === 1 || i === 3) g.breakAfter(row + heightRows);
    return { from: { col: 0, row: row - 1 }, to: { col: 0, row: row - 1 + heightRows }, ext: { widthPx, heightPx: heightRows * ROW_PX - 4 } };
  };
  const axisFromZero = (values: (number | null)[]) => {
    const v = values.filter((x): x is number => x !== null);
    return v.every((x) => x >= 0) ? { min: 0 } : v.every((x) => x <= 0) ? { max: 0 } : {};
  };
  const npvs = evs.map((e) => kpi(e, 'npvUsd'));
  charts.push({ sheet: S, ...place(0), type: 'column', title: 'NPV after tax (M USD)', yTitle: 'M USD', axis: { ...axisFromZero(npvs), numFmt: '#,##0' }, series: [{ name: 'NPV after tax', categories: cats, values: rowRange(rowOf.npvUsd!) }] });
  const catTable = categoryRows(evs);
  const tableStart = r + 4 * (heightRows + 1) + 2;
  // The category table is written below the charts (categoryTable): its rows are known here.
  const firstCat = tableStart + 2;
  const series = catTable.map((c, j) => ({ name: rangeRef(S, firstCat + j, 1), categories: cats, values: rowRange(firstCat + j) }));
  charts.push({ sheet: S, ...place(1), type: 'columnStacked', title: 'Gross levelised cost per kg of in-spec CAM, by category (USD/kg)', yTitle: 'USD/kg', legend: 'r', axis: { min: 0, numFmt: '0.0' }, series });
  const pe = rowOf.primaryEnergyMjPerKgProduct!;
  charts.push({ sheet: S, ...place(2), type: 'column', title: 'Primary energy, cradle to gate: regenerated vs virgin CAM (MJ/kg)', yTitle: 'MJ/kg', axis: { min: 0, numFmt: '#,##0' }, series: [{ name: 'regenerated CAM (this plant)', categories: cats, values: rowRange(pe) }, { name: 'virgin CAM (GREET)', categories: cats, values: rowRange(rowOf.virginEnergyMjPerKg!) }] });
  charts.push({ sheet: S, ...place(3), type: 'column', title: 'GHG, cradle to gate: regenerated vs virgin CAM (kg CO2e/kg)', yTitle: 'kg CO2e/kg', axis: { min: 0, numFmt: '#,##0.0' }, series: [{ name: 'regenerated CAM (this plant)', categories: cats, values: rowRange(rowOf.ghgKgCo2ePerKgProduct!) }, { name: 'virgin CAM (GREET)', categories: cats, values: rowRange(rowOf.virginGhgKgCo2ePerKg!) }] });
  void refs;
  return tableStart;
}

/** Category rows of the cost table, in table order (operating categories, then capital). */
function categoryRows(evs: readonly Evaluation[]): string[] {
  const cats = CATEGORY_ORDER.filter((c) => evs.some((ev) => ev.economics.opex.byCategory[c] !== undefined));
  for (const ev of evs) for (const c of Object.keys(ev.economics.opex.byCategory)) if (!cats.includes(c)) cats.push(c);
  return [...cats, 'capital'];
}
