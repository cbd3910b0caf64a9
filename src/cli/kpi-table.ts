/**
 * KPIs as people read them: label, unit and scale for the text tables of run, compare and sweep.
 * Each label states the KPI's basis (gross or net of credits, after tax, site or cradle to gate).
 */
import type { Kpis } from '../pipeline/document.js';
import { num } from './output.js';

/** The KPI rows (label with basis, unit, scale), shared with the workbook: pipeline/kpi-labels.ts. */
export { KPI_ROWS, type KpiRow } from '../pipeline/kpi-labels.js';
import type { KpiRow } from '../pipeline/kpi-labels.js';

/** A KPI value scaled for people, or "—". */
export function kpiText(kpis: Kpis, row: KpiRow): string {
  const v = kpis[row.key];
  return typeof v === 'number' && Number.isFinite(v) ? num(v * row.scale) : '—';
}

/** Off-spec mass by cause as "cause 12.3 t/yr, …" (causes with mass only). */
export function offSpecText(kpis: Kpis): string {
  const by = (kpis.offSpecKgPerYearByCause ?? {}) as Record<string, number>;
  const parts = Object.entries(by).filter(([, v]) => v > 0).map(([c, v]) => `${c} ${num(v / 1000)} t/yr`);
  return parts.length ? parts.join(', ') : 'none';
}
