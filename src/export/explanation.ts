/**
 * The Explanation sheet (issue 14, `regenflow explain --out`): the explanation of two cases as
 * plain tables — KPI winners, capital by unit, operating cost and revenue by line, product by feed
 * lot, remedies tried. Values only (no formulas): the live economics are on the other sheets.
 */
import type { Explanation } from '../pipeline/explain.js';
import { Grid, STYLE, FMT, fmt, type CellStyle, type Scalar } from './tables.js';

/** A titled table of the sheet. */
interface Section {
  title: string;
  header: string[];
  rows: Scalar[][];
  styles?: (CellStyle | undefined)[];
}

/** The sections of an explanation, as plain rows. */
export function explanationSections(x: Explanation): Section[] {
  const usd = fmt(FMT.usd);
  const num = fmt(FMT.num);
  const kg = fmt(FMT.kgYr);
  const frac = fmt(FMT.frac);
  return [
    {
      title: 'KPIs: which case is better (difference = B − A; material when it reaches the threshold)',
      header: ['KPI', 'unit', 'A (baseline)', 'B (challenger)', 'difference', 'better', 'material', 'threshold', 'rule'],
      rows: x.winners.map((w) => [w.kpi, w.unit, w.baseline, w.challenger, w.difference, w.better, w.material ? 'yes' : 'no', w.threshold, w.rule]),
      styles: [undefined, undefined, num, num, num, undefined, undefined, num],
    },
    {
      title: `Fixed capital by unit, USD (Σ Δ = ${x.capexDifferenceUsd}; ${x.capexAllocation})`,
      header: ['unit', 'kind A', 'kind B', 'equipment A', 'equipment B', 'purchased A', 'purchased B', 'fixed capital A', 'fixed capital B', 'Δ (B − A)'],
      rows: x.capexDeltas.map((d) => [d.unit, d.baselineKind, d.challengerKind, d.baselineEquipment, d.challengerEquipment, d.baselinePurchaseUsd, d.challengerPurchaseUsd, d.baselineUsd, d.challengerUsd, d.deltaUsd]),
      styles: [undefined, undefined, undefined, undefined, undefined, usd, usd, usd, usd, usd],
    },
    {
      title: `Operating cost by line, USD/yr (Σ Δ = ${x.opexDifferenceUsdPerYear}; unchanged lines left out)`,
      header: ['line', 'label', 'category', 'A', 'B', 'Δ (B − A)'],
      rows: x.opexDeltas.map((d) => [d.line, d.label, d.category, d.baselineUsdPerYear, d.challengerUsdPerYear, d.deltaUsdPerYear]),
      styles: [undefined, undefined, undefined, usd, usd, usd],
    },
    {
      title: `Revenue by line, USD/yr (Σ Δ = ${x.revenueDifferenceUsdPerYear})`,
      header: ['line', 'label', 'category', 'A', 'B', 'Δ (B − A)'],
      rows: x.revenueDeltas.map((d) => [d.line, d.label, d.category, d.baselineUsdPerYear, d.challengerUsdPerYear, d.deltaUsdPerYear]),
      styles: [undefined, undefined, undefined, usd, usd, usd],
    },
    {
      title: 'Product by feed lot, kg/yr (off spec by primary cause)',
      header: ['feed lot', 'cause', 'A', 'B'],
      rows: x.lots.flatMap((l) => [
        [l.lot, 'in spec', l.inSpecKgPerYear.baseline, l.inSpecKgPerYear.challenger] as Scalar[],
        ...l.causes.map((c) => [l.lot, c.cause, c.baselineKgPerYear, c.challengerKgPerYear] as Scalar[]),
      ]),
      styles: [undefined, undefined, kg, kg],
    },
    {
      title: 'Remedies, each tried by re-running the scenario (verified: the cause falls and the in-spec share rises ≥ 0.5 pp)',
      header: ['case', 'cause', 'share of product', 'lot', 'change', 'in-spec before', 'in-spec after', 'NPV change (USD)', 'verified', 'pays', 'why', 'note'],
      rows: x.remedies.map((r) => [r.caseLabel, r.cause, r.causeShareOfProduct, r.lot, r.change, r.inSpecFractionBefore, r.inSpecFractionAfter, r.npvDeltaUsd, r.verified ? 'yes' : 'no', r.pays ? 'yes' : 'no', r.why, r.note]),
      styles: [undefined, undefined, frac, undefined, undefined, frac, frac, usd],
    },
  ];
}

/** Build the Explanation sheet. */
export function explanationSheet(x: Explanation): Grid {
  const g = new Grid('Explanation');
  g.set(1, 1, `Why the cases differ — A (baseline) ${x.baseline.label}; B (challenger) ${x.challenger.label}`, STYLE.title);
  g.width(1, 28);
  for (let c = 2; c <= 12; c++) g.width(c, 18);
  let row = 3;
  for (const s of explanationSections(x)) {
    g.set(row++, 1, s.title, STYLE.section);
    g.header(row++, 1, s.header);
    row = g.table(row, 1, s.rows, s.styles ?? []) + 1;
  }
  return g;
}
