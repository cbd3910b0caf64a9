/**
 * The Monte Carlo, Sensitivity and Sobol sheets (`regenflow uncertainty | tornado | sobol --out`):
 * KPIs by their readable labels in the units the command line shows (M USD, t/yr, %, USD/kg),
 * inputs with their distributions in words, histograms (tables and charts) only of KPIs that
 * actually spread — a KPI whose P5–P95 range is below its materiality threshold gets a note, not a
 * histogram of a constant. A paired route run (`--flowsheet a --flowsheet b`) adds the
 * distribution of B − A per KPI and the probability that B is better, with each route's statistics.
 */
import type { MonteCarloResult } from '../uncertainty/monte-carlo.js';
import type { TornadoResult } from '../uncertainty/tornado.js';
import type { SobolResult } from '../uncertainty/sobol.js';
import type { PairedResult } from '../uncertainty/paired.js';
import type { Histogram } from '../uncertainty/statistics.js';
import type { InputInfo } from '../uncertainty/report.js';
import { HEADLINE_KPIS, kpiUnitOf, thresholdOf } from '../pipeline/kpi-info.js';
import { Grid, FMT, STYLE, fmt, rangeRef, valueFormat, type CellStyle, type Scalar } from './grid.js';
import type { ChartSpec } from './charts.js';
import { distributionLabel, distributionText, kpiLabel, numText } from './reader-text.js';
import { InputNames } from './input-names.js';
import type { Evaluation } from '../pipeline/evaluate.js';
import { convert } from '../schema/quantity.js';

/** Uncertainty results the workbook can show. */
export interface UncertaintyResults {
  monteCarlo?: MonteCarloResult;
  tornado?: TornadoResult;
  sobol?: SobolResult;
  /** Both routes on the same samples: B − A per KPI. */
  paired?: PairedResult;
}

/** Sheet names (a contract with users). */
export const UNCERTAINTY_SHEETS = ['Monte Carlo', 'Sensitivity', 'Sobol'] as const;

/** KPIs that get a histogram chart when they spread, in this order. */
const CHART_KPIS = ['npvUsd', 'costUsdPerKgProduct', 'minSellingPriceUsdPerKg'];

/** How a KPI is shown: label, unit, the factor from the document's unit, number format. */
export interface KpiDisplay {
  label: string;
  unit: string;
  scale: number;
  numFmt: string;
}

/** The display of a KPI id (shares stay fractions, shown as %). */
export function kpiDisplay(kpi: string): KpiDisplay {
  const l = kpiLabel(kpi, kpiUnitOf);
  if (l.percent) return { label: l.label, unit: '%', scale: 1, numFmt: FMT.pct1 };
  const numFmt = l.unit.startsWith('M USD') ? FMT.musd : l.unit === 't/yr' ? FMT.tonnes : FMT.num2;
  return { label: l.label, unit: l.unit, scale: l.scale, numFmt };
}

const scaled = (x: number | null, d: KpiDisplay): number | null => (x === null ? null : x * d.scale);

/** Does the KPI spread materially (P95 − P5 at least its materiality threshold)? */
function spreads(kpi: string, p5: number | null, p95: number | null): boolean {
  return p5 !== null && p95 !== null && p95 > p5 && p95 - p5 >= thresholdOf(kpi, p5, p95);
}

/** Rows of KPI statistics in display units. */
function statisticsRows(r: MonteCarloResult): Scalar[][] {
  return r.statistics.map((s) => {
    const d = kpiDisplay(s.kpi);
    return [d.label, d.unit, scaled(s.base, d), scaled(s.mean, d), scaled(s.sd, d), scaled(s.p5, d), scaled(s.p50, d), scaled(s.p95, d), scaled(s.min, d), scaled(s.max, d), s.n, spreads(s.kpi, s.p5, s.p95) ? '' : 'no material spread'];
  });
}

const STAT_HEADER = ['KPI', 'unit', 'base', 'mean', 'sd', 'P5', 'P50', 'P95', 'min', 'max', 'samples', 'note'];

/** Write a statistics table; returns the next row. */
function statisticsTable(g: Grid, row: number, r: MonteCarloResult): number {
  g.header(row++, 1, STAT_HEADER);
  const rows = statisticsRows(r);
  for (const [i, s] of r.statistics.entries()) {
    const f = fmt(kpiDisplay(s.kpi).numFmt);
    row = g.table(row, 1, [rows[i]!], [undefined, undefined, f, f, f, f, f, f, f, f, fmt(FMT.int), STYLE.note]);
  }
  return row;
}

/** The column of an input's scenario path (the note column of the statistics above). */
const PATH_COL = 12;

/** The inputs of a run with their distributions in words. */
function inputsTable(g: Grid, row: number, inputs: readonly (InputInfo & { sampled?: { p5: number | null; p50: number | null; p95: number | null; n: number } })[], routes: Map<string, string[]> | undefined, names: InputNames): number {
  // The scenario path (as --vary and the uncertainty section write it) sits in the wide last column.
  const head: string[] = ['input: distribution', 'unit', 'mean of the distribution', 'sampled P5', 'sampled P50', 'sampled P95', 'samples', ...(routes ? ['routes'] : [])];
  while (head.length < PATH_COL - 1) head.push('');
  g.header(row++, 1, [...head, 'scenario path']);
  for (const i of inputs) {
    const dist = i.spec ? distributionText(i.spec as unknown as Record<string, unknown>) : distributionLabel(i.distribution);
    const f = fmt(valueFormat(i.mean));
    row = g.table(row, 1, [[`${names.name(i.path)}: ${dist}`, names.unit(i.path, i.unit), i.mean, i.sampled?.p5 ?? null, i.sampled?.p50 ?? null, i.sampled?.p95 ?? null, i.sampled?.n ?? null, ...(routes ? [(routes.get(i.path) ?? []).join(', ')] : [])]], [STYLE.wrapped, STYLE.wrapped, f, f, f, f, fmt(FMT.int), STYLE.wrapped]);
    g.set(row - 1, PATH_COL, i.path, STYLE.wrapped);
  }
  return row;
}

/** A histogram table (bins in display units) with its chart beside it; returns the next row. */
function histogram(g: Grid, row: number, kpi: string, title: string, h: Histogram, samples: number, charts: ChartSpec[] | null): number {
  const d = kpiDisplay(kpi);
  // A histogram with a chart starts a printed page (with the blank row above it, so the chart's
  // frame does not sit on the page edge, where LibreOffice prints its top line on the page before).
  if (charts) g.breakAfter(row - 2);
  g.section(row++, 1, `${title} (${d.unit || '–'})`);
  g.header(row++, 1, ['bin', 'from', 'to', 'samples']);
  const first = row;
  const f = fmt(d.numFmt);
  const t = (x: number) => numText(Number((x * d.scale).toPrecision(4)));
  h.counts.forEach((c, k) => {
    g.set(row, 1, `${t(h.edges[k]!)} – ${t(h.edges[k + 1]!)}`);
    g.set(row, 2, h.edges[k]! * d.scale, f);
    g.set(row, 3, h.edges[k + 1]! * d.scale, f);
    g.set(row, 4, c, fmt(FMT.int));
    row++;
  });
  if (charts) {
    const heightRows = Math.max(14, h.counts.length + 2);
    charts.push({ sheet: g.name, from: { col: 5, row: first - 3 }, to: { col: 5, row: first - 3 + heightRows }, ext: { widthPx: 560, heightPx: heightRows * 20 - 4 }, type: 'column', title: `${title} — ${samples} samples`, xTitle: d.unit || d.label, yTitle: 'samples', axis: { min: 0, numFmt: '0' }, series: [{ name: 'samples', categories: rangeRef(g.name, first, 1, row - 1, 1), values: rangeRef(g.name, first, 4, row - 1, 4) }] });
    row = Math.max(row, first - 3 + heightRows + 1);
  }
  return row + 1;
}

/** Histograms of the headline KPIs that spread (tables; charts for CHART_KPIS). */
function histograms(g: Grid, row: number, r: MonteCarloResult, charts: ChartSpec[], prefix = ''): number {
  const shown = r.statistics.filter((s) => HEADLINE_KPIS.includes(s.kpi) && s.histogram.counts.length > 0 && spreads(s.kpi, s.p5, s.p95));
  for (const s of shown) row = histogram(g, row, s.kpi, `${prefix}Distribution of ${kpiDisplay(s.kpi).label}`, s.histogram, r.samples, CHART_KPIS.includes(s.kpi) ? charts : null);
  const flat = r.statistics.filter((s) => HEADLINE_KPIS.includes(s.kpi) && !spreads(s.kpi, s.p5, s.p95)).map((s) => kpiDisplay(s.kpi).label);
  if (flat.length) g.note(row++, 1, `No histogram where the P5–P95 range is below the materiality threshold (0.5 pp for shares, 1 % of the value otherwise): ${flat.join('; ')}.`);
  return row + 1;
}

function failuresText(f: { count: number; evaluations: number }): string {
  return f.count === 0 ? `no failed evaluations of ${f.evaluations}` : `${f.count} failed evaluations of ${f.evaluations} (left out)`;
}

/** Sheet widths shared by the uncertainty sheets. */
function widths(g: Grid, first: number, rest: number, n: number): void {
  g.width(1, first);
  for (let c = 2; c <= n; c++) g.width(c, rest);
}

/** The Monte Carlo sheet of one run. */
function monteCarloSheet(r: MonteCarloResult, charts: ChartSpec[], names: InputNames): Grid {
  const g = new Grid('Monte Carlo');
  g.section(1, 1, `Monte Carlo — scenario ${r.scenario ?? '?'}${r.route ? ` through ${r.route}` : ''}: ${r.samples} samples (${r.method === 'lhs' ? 'Latin hypercube' : 'plain Monte Carlo'}, seed ${r.seed}); ${failuresText(r.failures)}`);
  g.freeze = { rows: 2, cols: 1 };
  g.print = { fit: 'width' };
  widths(g, 46, 13, 12);
  g.width(2, 14);
  g.width(PATH_COL, 26);
  let row = statisticsTable(g, 2, r) + 1;
  if (r.probabilityNpvPositive !== null) {
    g.set(row, 1, 'Probability that NPV > 0', { bold: true });
    g.set(row, 3, r.probabilityNpvPositive, fmt(FMT.pct1, { bold: true }));
    row += 2;
  }
  g.section(row++, 1, 'Uncertain inputs');
  row = inputsTable(g, row, r.inputs, undefined, names) + 1;
  histograms(g, row, r, charts);
  return g;
}

/** The Monte Carlo sheet of a paired route run: B − A per KPI, then each route. */
function pairedSheet(p: PairedResult, charts: ChartSpec[], names: InputNames): Grid {
  const g = new Grid('Monte Carlo');
  const [a, b] = p.routes;
  g.section(1, 1, `Paired uncertainty — scenario ${p.scenario}: A = ${a.route}, B = ${b.route}; ${p.samples} samples (${p.method === 'lhs' ? 'Latin hypercube' : 'plain Monte Carlo'}, seed ${p.seed}), the same samples for both routes`);
  g.freeze = { rows: 2, cols: 1 };
  g.print = { fit: 'width' };
  widths(g, 46, 13, 12);
  g.width(2, 14);
  g.width(PATH_COL, 26);
  g.header(2, 1, ['KPI', 'unit', 'A base', 'B base', 'B − A mean', 'B − A P5', 'B − A P50', 'B − A P95', 'P(B better)', 'P(B better by ≥ threshold)', 'samples', 'materiality rule']);
  let row = 3;
  const pct = fmt(FMT.pct1);
  for (const k of p.paired) {
    const d = kpiDisplay(k.kpi);
    const f = fmt(d.numFmt);
    const s = (x: number | null) => scaled(x, d);
    // A difference of shares is in percentage points.
    const share = d.unit === '%';
    const dd = (x: number | null) => (x === null ? null : share ? x * 100 : s(x));
    const fd = share ? fmt('+0.0" pp";-0.0" pp";0.0" pp"') : f;
    row = g.table(row, 1, [[d.label, d.unit, s(k.baseA), s(k.baseB), dd(k.difference.mean), dd(k.difference.p5), dd(k.difference.p50), dd(k.difference.p95), k.probabilityBetter, k.probabilityMateriallyBetter, k.difference.n, k.direction === 'none' ? 'reference figure: no better side' : k.rule]], [undefined, undefined, f, f, fd, fd, fd, fd, pct, pct, fmt(FMT.int), STYLE.note]);
  }
  row++;
  g.note(row++, 1, 'B − A sample by sample: the uncertainty both routes share (prices, finance, feed) cancels, so the difference is far tighter than either route alone.');
  row++;
  const routes = new Map(p.inputs.map((i) => [i.path, i.routes]));
  g.section(row++, 1, 'Uncertain inputs');
  row = inputsTable(g, row, a.result.inputs.map((i) => ({ ...i })), routes, names) + 1;
  for (const [letter, route] of [['A', a], ['B', b]] as const) {
    g.section(row++, 1, `Route ${letter} = ${route.route}: statistics over the paired samples; ${failuresText(route.result.failures)}`);
    row = statisticsTable(g, row, route.result) + 1;
  }
  const diff = p.paired.filter((k) => CHART_KPIS.includes(k.kpi) && k.difference.histogram.counts.length > 0 && spreads(k.kpi, k.difference.p5, k.difference.p95));
  for (const k of diff) row = histogram(g, row, k.kpi, `Distribution of B − A: ${kpiDisplay(k.kpi).label}`, k.difference.histogram, p.samples, charts);
  return g;
}

/** The Sensitivity sheet: tornado bars and Spearman rank correlations. */
function sensitivitySheet(u: UncertaintyResults, charts: ChartSpec[], names: InputNames): Grid {
  const g = new Grid('Sensitivity');
  g.freeze = { rows: 1, cols: 1 };
  g.print = { fit: 'width' };
  widths(g, 34, 14, 10);
  let row = 1;
  if (u.tornado) row = tornado(g, row, u.tornado, charts, names);
  const runs: [string, MonteCarloResult][] = u.paired ? [[`route A (${u.paired.routes[0].route})`, u.paired.routes[0].result], [`route B (${u.paired.routes[1].route})`, u.paired.routes[1].result]] : u.monteCarlo ? [['', u.monteCarlo]] : [];
  for (const [what, r] of runs) {
    const kpis = r.kpis.filter((k) => HEADLINE_KPIS.includes(k) && r.correlations.some((c) => c.kpi === k && c.spearman !== null) && spreads(k, r.statistics.find((s) => s.kpi === k)?.p5 ?? null, r.statistics.find((s) => s.kpi === k)?.p95 ?? null));
    g.section(row++, 1, `Spearman rank correlation of each input with each KPI${what ? `, ${what}` : ''} (Monte Carlo, ${r.samples} samples; KPIs without material spread left out)`);
    g.header(row++, 1, ['input', ...kpis.map((k) => `${kpiDisplay(k).label} (${kpiDisplay(k).unit})`)]);
    for (const i of r.inputs) {
      g.set(row, 1, names.name(i.path), STYLE.wrapped);
      kpis.forEach((k, j) => {
        const c = r.correlations.find((x) => x.input === i.path && x.kpi === k)?.spearman ?? null;
        if (c !== null) g.set(row, 2 + j, c, fmt('0.000'));
      });
      row++;
    }
    row += 2;
  }
  return g;
}

/**
 * A bar's low and high in the unit people read the field in: values given without a unit are in
 * the field's documented unit, so a temperature kept in K shows in degC (176–264 °C, not 449–537 K).
 */
function readerRange(b: TornadoResult['charts'][number]['bars'][number], names: InputNames): [number, number, string] {
  if (b.unit !== null) return [b.low, b.high, b.unit];
  const n = names.of(b.input);
  if (n.unit && n.display) {
    try {
      return [convert(b.low, n.unit, n.display), convert(b.high, n.unit, n.display), n.display];
    } catch {
      // Units that do not convert stay as documented.
    }
  }
  return [b.low, b.high, names.unit(b.input, null)];
}

/** Tornado tables (material bars) with a chart under each; returns the next row. */
function tornado(g: Grid, row: number, t: TornadoResult, charts: ChartSpec[], names: InputNames): number {
  // The first block under a title at the top of the sheet needs no page of its own.
  let atTop = row === 1;
  g.section(row++, 1, `Tornado (one input at a time) — scenario ${t.scenario ?? '?'}: ${t.range === null ? 'low and high values from the declared distributions' : `±${Number((t.range * 100).toPrecision(6))} % around the base values`}; ${failuresText(t.failures)}`);
  const flat: string[] = [];
  for (const c of t.charts) {
    const d = kpiDisplay(c.kpi);
    const bars = c.bars.filter((b) => b.material);
    if (bars.length === 0) { flat.push(d.label); continue; }
    row++;
    const s = (x: number | null) => scaled(x, d);
    // A block with a chart starts a printed page, so its chart is never cut.
    if (CHART_KPIS.includes(c.kpi) && !atTop) g.breakAfter(row - 1);
    atTop = false;
    g.section(row++, 1, `${d.label} (${d.unit || '–'}), base ${numText(Number((c.base * d.scale).toPrecision(4)))}`);
    g.header(row++, 1, ['input', 'basis', 'low', 'high', 'unit', 'KPI at low', 'KPI at high', 'change at low', 'change at high', 'swing']);
    const first = row;
    const f = fmt(d.numFmt);
    // Changes of a share are in percentage points.
    const share = d.unit === '%';
    const dd = (x: number | null) => (x === null ? null : share ? x * 100 : s(x));
    const fd = share ? fmt('+0.0" pp";-0.0" pp";0.0" pp"') : f;
    for (const b of bars) {
      const [low, high, unit] = readerRange(b, names);
      const num: CellStyle = fmt(valueFormat(high));
      row = g.table(row, 1, [[names.name(b.input), b.basis, low, high, unit, s(b.kpiLow), s(b.kpiHigh), dd(b.deltaLow), dd(b.deltaHigh), dd(b.swing)]], [STYLE.wrapped, STYLE.wrapped, num, num, STYLE.wrapped, f, f, fd, fd, fd]);
    }
    const hidden = c.bars.filter((b) => !b.material).map((b) => names.name(b.input));
    if (hidden.length) g.note(row++, 1, `Swings below the materiality threshold, not shown: ${hidden.join(', ')}`);
    if (CHART_KPIS.includes(c.kpi)) {
      const heightRows = Math.max(12, bars.length * 2 + 6);
      row++;
      charts.push({
        sheet: g.name, from: { col: 0, row: row - 1 }, to: { col: 0, row: row - 1 + heightRows }, ext: { widthPx: 760, heightPx: heightRows * 20 - 4 }, type: 'bar',
        title: `Tornado: change of ${d.label} (${d.unit || '–'})`, xTitle: 'input', yTitle: `change from the base (${d.unit || '–'})`, axis: { numFmt: d.unit === '%' ? '0%' : d.unit.startsWith('M USD') ? '#,##0' : '#,##0.0#' },
        series: [
          { name: 'input at low', categories: rangeRef(g.name, first, 1, first + bars.length - 1, 1), values: rangeRef(g.name, first, 8, first + bars.length - 1, 8) },
          { name: 'input at high', categories: rangeRef(g.name, first, 1, first + bars.length - 1, 1), values: rangeRef(g.name, first, 9, first + bars.length - 1, 9) },
        ],
      });
      row += heightRows + 1;
    }
  }
  if (flat.length) g.note(row++, 1, `No material swing (below 1 % of the base, or 0.5 pp for shares): ${flat.join('; ')}`);
  return row + 2;
}

/** The Sobol sheet. */
function sobolSheet(s: SobolResult, names: InputNames): Grid {
  const g = new Grid('Sobol');
  const ci = Math.round(s.confidence * 100);
  g.section(1, 1, `Sobol indices — scenario ${s.scenario ?? '?'}: N = ${s.samples}, ${s.evaluations} evaluations, seed ${s.seed}; ${ci} % bootstrap intervals (${s.bootstrap} resamples); ${failuresText(s.failures)}`);
  g.header(2, 1, ['KPI', 'input', 'first order', `first, ${ci} % low`, `first, ${ci} % high`, 'total', `total, ${ci} % low`, `total, ${ci} % high`, 'KPI variance', 'rows used']);
  g.freeze = { rows: 2, cols: 2 };
  g.print = { fit: 'width', titleRows: [2, 2] };
  widths(g, 40, 13, 10);
  g.width(2, 34);
  let row = 3;
  const f3 = fmt('0.000');
  for (const k of s.perKpi) {
    for (const i of s.indices.filter((x) => x.kpi === k.kpi)) row = g.table(row, 1, [[kpiDisplay(i.kpi).label, names.name(i.input), i.first, i.firstLow, i.firstHigh, i.total, i.totalLow, i.totalHigh, k.variance, k.rowsUsed]], [undefined, STYLE.wrapped, f3, f3, f3, f3, f3, f3, fmt(FMT.sci), fmt(FMT.int)]);
  }
  g.autoFilter = `A2:J${Math.max(3, row - 1)}`;
  return g;
}

/** Build the Monte Carlo, Sensitivity and Sobol sheets and their charts. */
export function uncertaintySheets(u: UncertaintyResults, evs: readonly Evaluation[] = []): { sheets: Grid[]; charts: ChartSpec[] } {
  const sheets: Grid[] = [];
  const charts: ChartSpec[] = [];
  const names = new InputNames(evs);
  if (u.paired) sheets.push(pairedSheet(u.paired, charts, names));
  else if (u.monteCarlo) sheets.push(monteCarloSheet(u.monteCarlo, charts, names));
  if (u.tornado || u.monteCarlo || u.paired) sheets.push(sensitivitySheet(u, charts, names));
  if (u.sobol) sheets.push(sobolSheet(u.sobol, names));
  return { sheets, charts };
}
