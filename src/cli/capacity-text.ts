/**
 * Text of the capacity reports (`regenflow size`): the equipment list with its size basis, the
 * purchased-equipment total, shifts and labour, the bottleneck, the debottlenecking steps and the
 * capacity curve.
 */
import type { PlantSizing } from '../design/types.js';
import type { CapacityCurve, SizeReport } from '../pipeline/capacity.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { num, table } from './output.js';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}` : '∞');
const tpy = (kgPerYear: number) => `${num(kgPerYear / 1000)} t/yr`;
const BASIS: Record<PlantSizing['equipment'][number]['sizeBasis'], string> = { catalogue: 'catalogue', scenario: 'scenario list', fixed: 'fixed', continuous: 'to measure' };

/** The equipment table and the plant lines (purchased equipment, shifts, bottleneck). */
export function sizingText(s: PlantSizing, title: string, report?: SizeReport): string {
  const lines: string[] = [];
  const fill = `fill ${num(s.settings.minFill * 100, 3)}–${num(s.settings.maxFill * 100, 3)} %`;
  const rule = s.settings.rule === 'everbatt' ? `EverBatt rule: margin ${num(s.settings.margin)}, at least ${s.settings.minCount} items` : `margin ${num(s.settings.margin)}`;
  const sizes = s.settings.sizing === 'catalogue' ? 'catalogue sizes' : 'sizes to measure';
  lines.push(title);
  const mode = s.settings.installedDesignFile ? `rating the installed design ${s.settings.installedDesignFile}` : `${s.mode} mode (${rule}; ${sizes}; ${fill})`;
  lines.push(`feed ${tpy(s.feedKgPerYear)} over ${num(s.hoursPerYear)} h/yr — ${mode}`);
  lines.push('');
  if (s.equipment.length === 0) {
    lines.push('No unit of this flowsheet declares equipment; there is nothing to size.');
  } else {
    lines.push(table([
      ['unit', 'equipment', 'mode', 'size', 'size unit', 'size from', 'count', 'h/yr', 'cycle h', 'utilisation %', 'cost/item USD', 'total USD', 'CEPCI year'],
      ...s.equipment.map((e) => [
        e.unitId, e.name, e.mode, num(e.size), e.sizeUnit, BASIS[e.sizeBasis], e.count, num(e.operatingHoursPerYear) + (e.roundTheClock ? ' ⟳' : ''),
        e.cycleTimeH === null ? '—' : num(e.cycleTimeH), pct(e.utilisation), num(e.purchaseCostUsd), num(e.totalPurchaseCostUsd), e.cepciYear,
      ]),
    ], [false, false, false, true, false, false, true, true, true, true, true, true, true]));
    lines.push('(⟳ runs through unstaffed hours)');
    lines.push('');
    if (report) {
      lines.push(`Purchased equipment   ${num(report.purchasedEquipmentUsd)} USD (${report.dollarYear} dollars, CEPCI-escalated, regional factor ${num(report.regionalFactor)})`);
    }
    const costs = Object.entries(s.purchaseCostUsdByCepciYear).map(([y, v]) => `${num(v)} USD (${y})`).join(' + ');
    if (costs) lines.push(`${report ? '  as the correlations give it' : 'Purchased equipment  '} ${costs}`);
  }
  lines.push(labourText(s));
  if (s.bottleneck !== null && s.maxCapacityKgPerYear !== null) {
    const limit = `${s.bottleneck} (${s.bottleneckEquipment}) at ${pct(s.bottleneckUtilisation ?? 0)} % utilisation`;
    if (s.mode === 'rating') {
      lines.push(`Rating mode: with the installed equipment the plant can reach ${tpy(s.maxCapacityKgPerYear)}; ${limit} limits it` +
        ((s.bottleneckUtilisation ?? 0) > 1 ? ` — the target ${tpy(s.feedKgPerYear)} is NOT reachable` : ''));
    } else {
      lines.push(`Bottleneck            ${limit}`);
      lines.push(`Maximum capacity      ${tpy(s.maxCapacityKgPerYear)} with this equipment`);
    }
  }
  if (report && report.debottleneck.length) {
    lines.push('');
    lines.push(`Debottlenecking (one more item of the installed size; cost in ${report.dollarYear} USD)`);
    lines.push(table([
      ['step', 'add', 'item', 'count', 'size', 'cost USD', 'max capacity after', 'then limited by'],
      ...report.debottleneck.map((d) => [d.step, d.addCount, d.item, `${d.countBefore} → ${d.countAfter}`, `${num(d.size)} ${d.sizeUnit}`, num(d.costUsd), tpy(d.maxCapacityKgPerYearAfter), d.bottleneckAfter ?? '—']),
    ], [true, true, false, true, true, true, true, false]));
  }
  lines.push(...diagnosticLines(s.diagnostics));
  return lines.join('\n');
}

/** Shifts and operator hours. */
function labourText(s: PlantSizing): string {
  const l = s.labour;
  const crew = l.unstaffedOperatorHoursPerYear > 0 ? ` + minimum crew ${num(l.minimumCrew)} through ${num(l.unstaffedHoursPerYear)} unstaffed h/yr` : '';
  return `Shifts                ${l.shiftsPerDay} × ${num(l.shiftLengthH)} h on ${num(l.operatingDaysPerYear)} d/yr; ${num(s.operatorsPerShift)} operators per shift${crew} = ${num(l.operatorHoursPerYear)} operator h/yr`;
}

/** Warnings and errors (not infos), one per line, after a blank line. */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
  const notes = diagnostics.filter((d) => d.severity !== 'info');
  return notes.length ? ['', ...notes.map((d) => `${d.severity}: ${d.message}`)] : [];
}

/** The capacity curve as text. */
export function curveText(c: CapacityCurve): string {
  const lines: string[] = [];
  lines.push(`Capacity curve — ${c.mode === 'rating' ? 'the installed design rated at each capacity' : 'a plant designed for each capacity'} (${c.dollarYear} USD)`);
  lines.push(table([
    ['capacity', 'cost USD/kg', 'NPV USD', 'CAPEX USD', 'purchased equipment USD', 'bottleneck', 'utilisation %', 'max capacity', 'note'],
    ...c.points.map((p) => [
      tpy(p.capacityKgPerYear), num(p.costUsdPerKgProduct), num(p.npvUsd), num(p.capexUsd), num(p.purchasedEquipmentUsd), p.bottleneck ?? '—',
      p.bottleneckUtilisation === null ? '—' : pct(p.bottleneckUtilisation), p.maxCapacityKgPerYear === null ? '—' : tpy(p.maxCapacityKgPerYear),
      p.error ?? (p.feasible ? '' : 'OVERLOADED'),
    ]),
  ], [true, true, true, true, true, false, true, true, false]));
  if (c.steps.length) {
    lines.push('');
    lines.push('Steps where equipment is added (design mode; above each capacity the item changes)');
    lines.push(table([
      ['above', 'item', 'count', 'size'],
      ...c.steps.map((st) => [tpy(st.capacityKgPerYear), st.item, `${st.countBefore} → ${st.countAfter}`, st.sizeBefore === st.sizeAfter ? `${num(st.sizeAfter)} ${st.sizeUnit}` : `${num(st.sizeBefore)} → ${num(st.sizeAfter)} ${st.sizeUnit}`]),
    ], [true, false, true, true]));
  }
  return lines.join('\n');
}
