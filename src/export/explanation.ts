/**
 * The Explanation sheet (issue 14, `regenflow explain --out`): the explanation of two cases as
 * plain tables — KPI winners (readable labels, values in the units the command line shows, the
 * KPI id beside them), capital by unit, operating cost and revenue by line (M USD), product by
 * feed lot (t/yr), remedies tried. Values only (no formulas): the live economics are on the other
 * sheets.
 */
import type { Explanation } from '../pipeline/explain.js';
import { Grid, STYLE, FMT, fmt, type CellStyle, type Scalar } from './grid.js';
import { kpiDisplay } from './uncertainty-sheets.js';
import { readerText } from './reader-text.js';

/** A titled table of the sheet. */
interface Section {
  title: string;
  header: string[];
  rows: Scalar[][];
  styles?: (CellStyle | undefined)[];
  /** Styles of row i, when rows differ (KPIs in their own units). */
  rowStyles?: (i: number) => (CellStyle | undefined)[];
}

const M = (usd: number) => usd / 1e6;
const T = (kg: number) => kg / 1000;

/** The sections of an explanation, as plain rows. */
export function explanationSections(x: Explanation): Section[] {
  const musd = fmt(FMT.musd);
  const pct = fmt(FMT.pct1);
  const wrapped = STYLE.wrapped;
  return [
    {
      title: 'KPIs: which case is better (B − A; a difference counts when it reaches the materiality rule)',
      header: ['KPI', 'KPI id', 'unit', 'A (baseline)', 'B (challenger)', 'B − A', 'better', 'material', 'rule'],
      rows: x.winners.map((w) => {
        const d = kpiDisplay(w.kpi);
        return [d.label, w.kpi, d.unit, w.baseline * d.scale, w.challenger * d.scale, w.difference * d.scale, w.better === 'baseline' ? 'A' : w.better === 'challenger' ? 'B' : 'tie', w.material ? 'yes' : 'no', w.rule];
      }),
      rowStyles: (i) => {
        const f = fmt(kpiDisplay(x.winners[i]!.kpi).numFmt);
        return [wrapped, undefined, undefined, f, f, f, { align: 'center' }, { align: 'center' }, wrapped];
      },
    },
    {
      title: `Fixed capital by unit, M USD (B − A in total: ${M(x.capexDifferenceUsd).toFixed(2)} M USD; each unit's purchased equipment × the case's fixed capital ÷ purchased equipment)`,
      header: ['unit', 'kind A', 'kind B', 'equipment A', 'equipment B', 'purchased A', 'purchased B', 'fixed capital A', 'fixed capital B', 'B − A'],
      rows: x.capexDeltas.map((d) => [d.unit, d.baselineKind, d.challengerKind, d.baselineEquipment, d.challengerEquipment, M(d.baselinePurchaseUsd), M(d.challengerPurchaseUsd), M(d.baselineUsd), M(d.challengerUsd), M(d.deltaUsd)]),
      styles: [undefined, wrapped, wrapped, wrapped, wrapped, musd, musd, musd, musd, musd],
    },
    {
      title: `Operating cost by line, M USD/yr (B − A in total: ${M(x.opexDifferenceUsdPerYear).toFixed(2)} M USD/yr; unchanged lines left out)`,
      header: ['line', 'label', 'category', 'A', 'B', 'B − A'],
      rows: x.opexDeltas.map((d) => [d.line, d.label, d.category, M(d.baselineUsdPerYear), M(d.challengerUsdPerYear), M(d.deltaUsdPerYear)]),
      styles: [undefined, wrapped, undefined, musd, musd, musd],
    },
    {
      title: `Revenue by line, M USD/yr (B − A in total: ${M(x.revenueDifferenceUsdPerYear).toFixed(2)} M USD/yr)`,
      header: ['line', 'label', 'category', 'A', 'B', 'B − A'],
      rows: x.revenueDeltas.map((d) => [d.line, d.label, d.category, M(d.baselineUsdPerYear), M(d.challengerUsdPerYear), M(d.deltaUsdPerYear)]),
      styles: [undefined, wrapped, undefined, musd, musd, musd],
    },
    {
      title: 'Product by feed lot, t/yr (off spec by primary cause)',
      header: ['feed lot', 'in spec or cause', 'A', 'B'],
      rows: x.lots.flatMap((l) => [
        [l.lot, 'in spec', T(l.inSpecKgPerYear.baseline), T(l.inSpecKgPerYear.challenger)] as Scalar[],
        ...l.causes.map((c) => [l.lot, c.cause, T(c.baselineKgPerYear), T(c.challengerKgPerYear)] as Scalar[]),
      ]),
      styles: [undefined, undefined, fmt('#,##0.0'), fmt('#,##0.0')],
    },
    {
      title: 'Remedies, each tried by re-running the scenario (verified: the cause falls and the in-spec share rises by at least 0.5 pp)',
      header: ['case', 'cause', 'share of product', 'lot', 'change', 'in spec before', 'in spec after', 'NPV change (M USD)', 'verified', 'pays', 'why', 'note'],
      rows: x.remedies.map((r) => [r.caseLabel, r.cause, r.causeShareOfProduct, r.lot, r.change, r.inSpecFractionBefore, r.inSpecFractionAfter, r.npvDeltaUsd === null ? null : M(r.npvDeltaUsd), r.verified ? 'yes' : 'no', r.pays ? 'yes' : 'no', readerText(r.why), r.note === null ? null : readerText(r.note)]),
      styles: [wrapped, undefined, pct, undefined, wrapped, pct, pct, musd, undefined, undefined, wrapped, wrapped],
    },
  ];
}

/** Build the Explanation sheet. */
export function explanationSheet(x: Explanation): Grid {
  const g = new Grid('Explanation');
  g.set(1, 1, `Why the cases differ — A (baseline) ${x.baseline.label}; B (challenger) ${x.challenger.label}`, STYLE.title);
  g.freeze = { rows: 1, cols: 1 };
  g.print = { fit: 'width' };
  g.width(1, 30);
  for (let c = 2; c <= 12; c++) g.width(c, 14);
  g.width(2, 28);
  g.width(5, 30);
  g.width(11, 40);
  g.width(12, 30);
  let row = 3;
  for (const s of explanationSections(x)) {
    g.section(row++, 1, s.title);
    g.header(row++, 1, s.header);
    if (s.rows.length === 0) {
      g.note(row, 1, 'none');
      row += 2;
    } else if (s.rowStyles) {
      s.rows.forEach((r, i) => { row = g.table(row, 1, [r], s.rowStyles!(i)); });
      row++;
    } else row = g.table(row, 1, s.rows, s.styles ?? []) + 1;
  }
  return g;
}
