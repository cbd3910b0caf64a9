/**
 * Human-readable summary of a run (what `regenflow run` prints without --json).
 */
import type { RunDocument } from '../pipeline/document.js';
import { num, table } from './output.js';
import { KPI_ROWS, kpiText, offSpecText } from './kpi-table.js';

/** The text summary of a run document. */
export function runSummary(doc: RunDocument): string {
  const k = doc.kpis;
  const b = doc.balances as { massClosure: number; worstUnitOrPlantClosure: number; elementClosure: Record<string, number>; energyKwhPerHour: { electricity: number; heat: Record<string, number>; total: number }; reagents: { freshKgPerHour: Record<string, number> } };
  const lines: string[] = [];
  lines.push(`${doc.scenarioName} — ${doc.flowsheetName}`);
  lines.push(`scenario ${doc.scenario}, flowsheet ${doc.flowsheet}; ${doc.converged ? 'converged' : 'NOT converged'}` + (doc.loops.length ? ` (${doc.loops.map((l) => `loop ${l.tears.join('+')}: ${l.iterations} it.`).join('; ')})` : ''));
  lines.push('');
  const worstEl = Object.entries(b.elementClosure).reduce((w, [, v]) => Math.max(w, v), 0);
  lines.push(`Closure     mass ${b.massClosure.toExponential(1)}, elements ≤ ${worstEl.toExponential(1)} (plant); worst unit ${b.worstUnitOrPlantClosure.toExponential(1)}`);
  const heat = Object.entries(b.energyKwhPerHour.heat).map(([u, v]) => `${u} ${num(v)} kW`).join(', ');
  lines.push(`Energy      electricity ${num(b.energyKwhPerHour.electricity)} kW${heat ? `; heat ${heat}` : ''}`);
  const reagents = Object.entries(b.reagents.freshKgPerHour).filter(([, v]) => v > 0).map(([r, v]) => `${r} ${num(v)} kg/h`);
  if (reagents.length) lines.push(`Reagents    ${reagents.join(', ')}`);
  lines.push('');
  lines.push(table([['KPI', 'unit', 'value'], ...KPI_ROWS.map((r) => [r.label, r.unit, kpiText(k, r)])], [false, false, true]));
  lines.push(`Off-spec by cause: ${offSpecText(k)}`);
  if (doc.bottleneck) lines.push(`Bottleneck: ${doc.bottleneck}; maximum feed with the installed equipment ${num((doc.maxCapacityKgPerYear ?? 0) / 1000)} t/yr`);
  lines.push('');
  lines.push(table([
    ['unit', 'kind', 'electricity kW', 'heat kW', 'mass closure'],
    ...doc.units.map((u) => [String(u.id), String(u.kind), num(u.electricityKwhPerHour as number), num(u.heatKwhPerHour as number), (u.massClosure as number).toExponential(1)]),
  ], [false, false, true, true, true]));
  const warnings = doc.diagnostics.filter((d) => d.severity !== 'info');
  if (warnings.length) {
    lines.push('');
    for (const d of warnings) lines.push(`${d.severity}: ${d.message.startsWith(d.where) ? d.message : `${d.where}: ${d.message}`}`);
  }
  return lines.join('\n');
}
