/**
 * The explanation of two cases as a short, ranked story (`regenflow explain`), and its top lines
 * (`regenflow compare`). Amounts carry their units; differences are challenger − baseline.
 */
import type { Explanation, LineDelta, Winner } from '../pipeline/explain.js';
import type { Remedy } from '../pipeline/remedies.js';
import { num } from './output.js';

/**
 * An amount with its unit for people: money in M/k USD, kg/yr in t/yr, fractions in % ('value'),
 * or as a difference in percentage points ('signed' with its sign, 'magnitude' without).
 */
export function amountText(value: number, unit: string, mode: 'value' | 'signed' | 'magnitude' = 'value'): string {
  const signed = mode !== 'value';
  const sign = mode === 'signed' && value > 0 ? '+' : '';
  const money = (x: number, per = '') => {
    const a = Math.abs(x);
    if (a >= 1e6) return `${sign}${(x / 1e6).toFixed(2)} M USD${per}`;
    if (a >= 1e3) return `${sign}${(x / 1e3).toFixed(1)} k USD${per}`;
    return `${sign}${x.toFixed(2)} USD${per}`;
  };
  switch (unit) {
    case 'USD': return money(value);
    case 'USD/yr': return money(value, '/yr');
    case 'kg/yr': return `${sign}${num(value / 1000)} t/yr`;
    case 'fraction': return signed ? `${sign}${num(value * 100)} pp` : `${num(value * 100)} %`;
    default: return `${sign}${num(value)}${unit ? ` ${unit}` : ''}`;
  }
}

/** "A" or "B" for a side. */
const letter = (side: 'baseline' | 'challenger') => (side === 'baseline' ? 'A' : 'B');

function winnerLine(w: Winner): string {
  const who = w.better === 'tie' ? 'tie' : `${letter(w.better)} better`;
  return `  ${who.padEnd(9)} ${w.kpi.padEnd(26)} ${amountText(w.difference, w.unit, 'signed').padStart(16)}   (${amountText(w.baseline, w.unit)} → ${amountText(w.challenger, w.unit)})`;
}

/** The verdict: which case wins on NPV (or the first material KPI), and by how much. */
export function verdictLine(x: Explanation): string {
  const w = x.winners.find((v) => v.kpi === 'npvUsd') ?? x.winners.find((v) => v.material);
  if (!w) return 'No KPI differs materially between the cases.';
  if (w.better === 'tie') return `Verdict: a tie on ${w.kpi} (${amountText(w.baseline, w.unit)} vs ${amountText(w.challenger, w.unit)}; the difference is below ${w.rule})`;
  const [winner, loser] = w.better === 'challenger' ? ['B', 'A'] : ['A', 'B'];
  return `Verdict: ${winner} beats ${loser} on ${w.kpi} by ${amountText(Math.abs(w.difference), w.unit)} (${amountText(w.baseline, w.unit)} → ${amountText(w.challenger, w.unit)})`;
}

function lineRows(rows: readonly LineDelta[], top: number, unit: string): string[] {
  const out = rows.slice(0, top).map((r) => `  ${r.label.padEnd(36)} ${amountText(r.baselineUsdPerYear, unit).padStart(14)} → ${amountText(r.challengerUsdPerYear, unit).padEnd(14)} ${amountText(r.deltaUsdPerYear, unit, 'signed')}`);
  if (rows.length > top) out.push(`  … ${rows.length - top} more line(s) (--json lists all)`);
  return out;
}

/** One remedy as a line. */
export function remedyLine(r: Remedy): string {
  const mark = r.verified ? '✓' : '✗';
  const pct = (v: number | null) => (v === null ? '—' : `${num(v * 100)} %`);
  const npv = r.npvDeltaUsd === null ? '' : `, NPV ${amountText(r.npvDeltaUsd, 'USD', 'signed')}`;
  const result = r.inSpecFractionAfter === null ? (r.note ?? 'failed') : `in-spec ${pct(r.inSpecFractionBefore)} → ${pct(r.inSpecFractionAfter)}${npv}${r.verified ? '' : ` — ${r.note}`}`;
  return `  ${mark} ${letter(r.case)} ${r.cause} (${num(r.causeShareOfProduct * 100)} % of product, lot ${r.lot}): ${r.change} → ${result}`;
}

/** The whole story. `top` bounds each ranked list. */
export function explanationText(x: Explanation, top = 6): string {
  const out: string[] = [];
  out.push(`A (baseline) = ${x.baseline.label}; B (challenger) = ${x.challenger.label}`);
  out.push(verdictLine(x));
  const material = x.winners.filter((w) => w.material).sort((p, q) => Math.abs(q.relativeDifference ?? 0) - Math.abs(p.relativeDifference ?? 0));
  out.push('', 'Material differences (B − A; shares count from 0.5 pp, everything else from 1 % of the larger value):');
  out.push(...(material.length ? material.map(winnerLine) : ['  none']));
  const ties = x.winners.filter((w) => !w.material && w.direction !== 'none').map((w) => w.kpi);
  if (ties.length) out.push(`  ties: ${ties.join(', ')}`);
  out.push('', `CAPEX ${amountText(x.capexDifferenceUsd, 'USD', 'signed')} by unit (fixed capital split in proportion to purchased equipment):`);
  const changed = x.capexDeltas.filter((d) => d.deltaUsd !== 0);
  out.push(...changed.slice(0, top).map((d) => {
    const kinds = d.baselineKind === d.challengerKind ? d.baselineKind ?? d.challengerKind : `${d.baselineKind ?? '—'} → ${d.challengerKind ?? '—'}`;
    return `  ${d.unit.padEnd(16)} ${amountText(d.baselineUsd, 'USD').padStart(12)} → ${amountText(d.challengerUsd, 'USD').padEnd(12)} ${amountText(d.deltaUsd, 'USD', 'signed').padStart(13)}   ${kinds}: ${d.baselineEquipment || '—'} → ${d.challengerEquipment || '—'}`;
  }));
  if (changed.length > top) out.push(`  … ${changed.length - top} more unit(s) (--json lists all)`);
  out.push('', `OPEX ${amountText(x.opexDifferenceUsdPerYear, 'USD/yr', 'signed')} by line:`);
  out.push(...(x.opexDeltas.length ? lineRows(x.opexDeltas, top, 'USD/yr') : ['  no line changes']));
  out.push('', `Revenue ${amountText(x.revenueDifferenceUsdPerYear, 'USD/yr', 'signed')} by line:`);
  out.push(...(x.revenueDeltas.length ? lineRows(x.revenueDeltas, Math.min(top, 4), 'USD/yr') : ['  no line changes']));
  out.push('', 'Product by feed lot, t/yr (A → B): in spec; off spec by cause');
  for (const l of x.lots) {
    const causes = l.causes.map((c) => `${c.cause} ${num(c.baselineKgPerYear / 1000)} → ${num(c.challengerKgPerYear / 1000)}`).join(', ');
    out.push(`  ${l.lot.padEnd(12)} in spec ${num(l.inSpecKgPerYear.baseline / 1000)} → ${num(l.inSpecKgPerYear.challenger / 1000)}${causes ? `; ${causes}` : ''}`);
  }
  if (x.remedies.length) {
    out.push('', 'Remedies, each tried by re-running the scenario (✓ verified: the cause falls and in-spec share rises ≥ 0.5 pp):');
    out.push(...x.remedies.map(remedyLine));
  }
  if (x.diagnostics.length) {
    out.push('', 'Warnings of the runs:');
    for (const d of x.diagnostics) out.push(`  ${letter(d.case)} ${d.severity}: ${d.message.startsWith(d.where) ? d.message : `${d.where}: ${d.message}`}`);
  }
  return out.join('\n');
}

/** The top lines `compare` prints for a challenger against the baseline. */
export function explanationSummary(x: Explanation, top = 3): string {
  const out: string[] = [`Why (A = ${x.baseline.label}, B = ${x.challenger.label}): ${verdictLine(x).replace(/^Verdict: /, '')}`];
  const material = x.winners.filter((w) => w.material && w.kpi !== 'npvUsd').sort((p, q) => Math.abs(q.relativeDifference ?? 0) - Math.abs(p.relativeDifference ?? 0)).slice(0, top);
  for (const w of material) out.push(`  ${w.better === 'challenger' ? 'B' : 'A'} better on ${w.kpi}: ${amountText(w.difference, w.unit, 'signed')}`);
  const capex = x.capexDeltas.slice(0, 2).map((d) => `${d.unit} ${amountText(d.deltaUsd, 'USD', 'signed')}`);
  if (capex.length) out.push(`  CAPEX ${amountText(x.capexDifferenceUsd, 'USD', 'signed')}, mostly ${capex.join(', ')}`);
  const opex = x.opexDeltas.slice(0, 2).map((d) => `${d.label} ${amountText(d.deltaUsdPerYear, 'USD/yr', 'signed')}`);
  if (opex.length) out.push(`  OPEX ${amountText(x.opexDifferenceUsdPerYear, 'USD/yr', 'signed')}, mostly ${opex.join(', ')}`);
  const offSpec = x.lots.filter((l) => l.offSpecKgPerYear.baseline > 0 || l.offSpecKgPerYear.challenger > 0).map((l) => `${l.lot} (${l.causes.map((c) => c.cause).join(', ')})`);
  if (offSpec.length) out.push(`  off-spec lots: ${offSpec.join('; ')} — regenflow explain tries remedies`);
  return out.join('\n');
}
