/**
 * The findings at the top of the Summary, in sentences a manager reads: which case is better on
 * NPV and on cost per kg and by how much, the reasons (the largest capital and operating
 * differences, the in-spec difference and its cause — from `regenflow explain`), the environment
 * against virgin cathode, then every warning in words. With one case: whether it is in spec, what
 * it earns and costs, and what limits it. A difference below the materiality rule of explain
 * (pipeline/kpi-info.ts: half a percentage point for shares, 1 % of the larger value otherwise) is
 * called a tie.
 *
 * The sentences are the results as exported; the KPI table and charts below them are live.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { kpisOf, type Kpis } from '../pipeline/document.js';
import { explain, type Explanation } from '../pipeline/explain.js';
import { productByFeedLot } from '../pipeline/explain-lots.js';
import { betterOf } from '../pipeline/kpi-info.js';
import { amount, readerText, numText } from './reader-text.js';
import { caseLetter, caseIds } from './cases.js';

/** The findings: sentences, then the warnings (each a line). */
export interface Findings {
  sentences: string[];
  warnings: string[];
}

const num = (k: Kpis, key: string): number | null => {
  const v = k[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const usdKg = (x: number) => `${x.toFixed(2)} USD/kg`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Operating-cost categories and the levelised capital per kg of in-spec product, largest first. */
export function costPerKg(ev: Evaluation): { category: string; usdPerKg: number }[] {
  const kg = ev.economicsInput.products.inSpec.reduce((a, p) => a + p.kgPerYear, 0);
  if (!(kg > 0)) return [];
  const out = Object.entries(ev.economics.opex.byCategory).map(([category, usd]) => ({ category: category.replace(/-/g, ' '), usdPerKg: usd / kg }));
  let pvCapital = 0;
  let pvKg = 0;
  for (const r of ev.economics.cashFlow) {
    pvCapital += (r.capexUsd + r.workingCapitalUsd - r.salvageUsd) * r.discountFactor;
    pvKg += r.productKg * r.discountFactor;
  }
  if (pvKg > 0) out.push({ category: 'capital', usdPerKg: pvCapital / pvKg });
  return out.sort((a, b) => b.usdPerKg - a.usdPerKg);
}

/** Off-spec product by cause and feed lot of one case, largest first: "surface-rock-salt 2,136 t/yr (lot ev-811)". */
function offSpecText(ev: Evaluation): string {
  const byCause = new Map<string, { kg: number; lots: string[] }>();
  for (const [lot, p] of productByFeedLot(ev)) {
    for (const [cause, kg] of Object.entries(p.byCause)) {
      if (!(kg! > 0)) continue;
      const c = byCause.get(cause) ?? { kg: 0, lots: [] };
      c.kg += kg!;
      c.lots.push(lot);
      byCause.set(cause, c);
    }
  }
  return [...byCause].sort((a, b) => b[1].kg - a[1].kg).map(([cause, c]) => `${cause} ${amount(c.kg, 'kg/yr')} (lot${c.lots.length > 1 ? 's' : ''} ${c.lots.join(', ')})`).join('; ');
}

/** Warnings and errors of the cases in words, one line each; the same message in several cases once, with their letters. */
function warningLines(evs: readonly Evaluation[]): string[] {
  const seen = new Map<string, number[]>();
  evs.forEach((ev, i) => {
    for (const d of ev.diagnostics) {
      if (d.severity === 'info') continue;
      const text = readerText(d.message.startsWith(d.where) ? d.message : `${d.where}: ${d.message}`);
      const key = `${d.severity}\u0000${text}`;
      seen.set(key, [...(seen.get(key) ?? []), i]);
    }
  });
  return [...seen].map(([key, cases]) => {
    const [severity, text] = key.split('\u0000') as [string, string];
    const who = evs.length === 1 ? '' : `${cases.map(caseLetter).join(', ')}: `;
    return `${who}${severity === 'error' ? 'ERROR — ' : ''}${text}`;
  });
}

/** The findings of one case. */
function singleFindings(ev: Evaluation): string[] {
  const k = kpisOf(ev);
  const out: string[] = [];
  const inSpec = num(k, 'inSpecFraction');
  const inSpecKg = num(k, 'inSpecKgPerYear') ?? 0;
  const offKg = num(k, 'offSpecKgPerYear') ?? 0;
  const off = offSpecText(ev);
  out.push(`${caseIds(ev)}: ${inSpec !== null ? `${pct(inSpec)} of the product CAM is in spec` : 'no product CAM'} (${amount(inSpecKg, 'kg/yr')} in spec, ${amount(offKg, 'kg/yr')} off spec, from ${amount(num(k, 'feedKgPerYear') ?? 0, 'kg/yr')} of feed)${off ? `; off spec: ${off}` : ''}.`);
  const npv = num(k, 'npvUsd')!;
  const irr = num(k, 'irr');
  const payback = num(k, 'paybackYears');
  const rate = ev.economics.finance.discountRate;
  const earns = npv >= 0 ? `It earns more than its ${pct(rate)} discount rate` : `It does not earn its ${pct(rate)} discount rate`;
  out.push(`${earns}: NPV ${amount(npv, 'USD')} after tax${irr !== null ? `, IRR ${pct(irr)}` : ', no IRR'}${payback !== null ? `, payback ${payback.toFixed(1)} yr from start-up` : ', no payback within its life'}.`);
  const gross = num(k, 'costUsdPerKgProduct');
  const net = num(k, 'netCostUsdPerKgProduct');
  const msp = num(k, 'minSellingPriceUsdPerKg');
  if (gross !== null && net !== null && msp !== null) {
    const inSpecRevenue = ev.economics.revenue.items.filter((i) => i.category === 'in-spec').reduce((a, i) => a + i.usd, 0);
    const avg = inSpecKg > 0 ? inSpecRevenue / (ev.economicsInput.products.inSpec.reduce((a, p) => a + p.kgPerYear, 0)) : null;
    out.push(`Cost per kg of in-spec CAM: ${usdKg(gross)} gross levelised cost (pre-tax, nothing credited), ${usdKg(net)} net of off-spec and by-product sales; the minimum selling price is ${usdKg(msp)} (the price at which the after-tax NPV is zero, credits in)${avg !== null ? ` against ${usdKg(avg)} the in-spec CAM sells at` : ''}.`);
    if (msp < gross) out.push(`The minimum selling price is below the gross cost because it counts the off-spec and by-product sales as credits, as the net cost does; it differs from the net cost by the tax on profits and the timing of depreciation.`);
  } else out.push('There is no in-spec product, so there is no cost per kg and no minimum selling price.');
  const costs = costPerKg(ev).slice(0, 3);
  const limits: string[] = [];
  if (costs.length) limits.push(`the largest costs per kg of in-spec CAM are ${costs.map((c) => `${c.category} ${c.usdPerKg.toFixed(2)}`).join(', ')} USD/kg`);
  const s = ev.sizing;
  if (s.bottleneck) limits.push(`the bottleneck is ${s.bottleneck} (${s.bottleneckEquipment}) at ${pct(s.bottleneckUtilisation ?? 0)} utilisation${s.maxCapacityKgPerYear !== null ? `, so the installed equipment takes at most ${amount(s.maxCapacityKgPerYear, 'kg/yr')} of feed` : ''}`);
  if (limits.length) out.push(`What limits it: ${limits.join('; ')}.`);
  const env = environmentSentence(k);
  if (env) out.push(env);
  return out;
}

/** Primary energy and GHG against virgin CAM (one case). */
function environmentSentence(k: Kpis): string | null {
  const pe = num(k, 'primaryEnergyMjPerKgProduct');
  const ghg = num(k, 'ghgKgCo2ePerKgProduct');
  const ve = num(k, 'virginEnergyMjPerKg');
  const vg = num(k, 'virginGhgKgCo2ePerKg');
  if (ghg === null || vg === null) return null;
  const energy = pe !== null && ve !== null ? `primary energy ${numText(Number(pe.toPrecision(3)))} MJ/kg (${pct(pe / ve)} of virgin CAM's ${numText(Number(ve.toPrecision(4)))}) and ` : '';
  return `Cradle to gate (the boundary of the virgin GREET figures): ${energy}GHG ${numText(Number(ghg.toPrecision(3)))} kg CO2e/kg (${pct(ghg / vg)} of virgin CAM's ${numText(Number(vg.toPrecision(3)))}).`;
}

/** "B (reference-cn · molten-salt)". */
const who = (evs: readonly Evaluation[], i: number) => `${caseLetter(i)} (${caseIds(evs[i]!)})`;

/** The verdict on NPV and on cost per kg. */
function verdicts(evs: readonly Evaluation[], ks: Kpis[], w: number, l: number): string[] {
  const out: string[] = [];
  const W = caseLetter(w);
  const Lo = caseLetter(l);
  const npvW = num(ks[w]!, 'npvUsd')!;
  const npvL = num(ks[l]!, 'npvUsd')!;
  if (betterOf('npvUsd', npvL, npvW) === 'tie') out.push(`${who(evs, w)} and ${who(evs, l)} tie on NPV after tax: ${amount(npvW, 'USD')} against ${amount(npvL, 'USD')}, a difference below 1 % of the larger value.`);
  else out.push(`${who(evs, w)} is better on NPV after tax: ${amount(npvW, 'USD')} against ${amount(npvL, 'USD')} for ${who(evs, l)} (${amount(npvW - npvL, 'USD', 'signed')}).`);
  if (evs.length > 2) {
    const order = evs.map((_, i) => i).sort((a, b) => (num(ks[b]!, 'npvUsd')! - num(ks[a]!, 'npvUsd')!) || a - b);
    out.push(`Ranking on NPV: ${order.map((i) => `${caseLetter(i)} ${amount(num(ks[i]!, 'npvUsd')!, 'USD')}`).join(', ')}.`);
  }
  const costs = ks.map((k) => num(k, 'costUsdPerKgProduct'));
  const priced = costs.map((c, i) => ({ c, i })).filter((x): x is { c: number; i: number } => x.c !== null).sort((a, b) => a.c - b.c || a.i - b.i);
  const none = costs.map((c, i) => (c === null ? caseLetter(i) : null)).filter((x): x is string => x !== null);
  if (priced.length >= 2) {
    const [cheap, next] = [priced[0]!, priced[1]!];
    const netA = num(ks[cheap.i]!, 'netCostUsdPerKgProduct');
    const netB = num(ks[next.i]!, 'netCostUsdPerKgProduct');
    const nets = netA !== null && netB !== null ? `; net of off-spec and by-product sales ${usdKg(netA)} against ${usdKg(netB)}` : '';
    const C = caseLetter(cheap.i);
    if (betterOf('costUsdPerKgProduct', next.c, cheap.c) === 'tie') out.push(`Per kg of in-spec CAM they cost the same within 1 %: gross levelised cost ${usdKg(cheap.c)} (${C}) against ${usdKg(next.c)} (${caseLetter(next.i)})${nets}.`);
    else {
      const also = cheap.i === w ? 'is also cheaper' : 'is cheaper';
      const despite = cheap.i !== w && betterOf('npvUsd', npvL, npvW) !== 'tie' ? ` — yet ${W} earns more over the plant's life: it sells more in-spec CAM or at a better price for what it costs` : '';
      out.push(`${C} ${also} per kg of in-spec CAM: gross levelised cost ${usdKg(cheap.c)} against ${usdKg(next.c)} for ${caseLetter(next.i)} (${amount(cheap.c - next.c, 'USD/kg', 'signed')})${nets}${despite}.`);
    }
  }
  if (none.length) out.push(`${none.join(', ')} make${none.length === 1 ? 's' : ''} no in-spec CAM, so ${none.length === 1 ? 'it has' : 'they have'} no cost per kg.`);
  void Lo;
  return out;
}

/** The reasons (capital, operating cost, revenue) from the explanation of loser → winner. */
function reasons(x: Explanation, W: string, Lo: string): string[] {
  const out: string[] = [];
  const capex = x.winners.find((v) => v.kpi === 'capexUsd');
  if (capex) {
    const d = capex.difference;
    const top = x.capexDeltas.filter((c) => c.deltaUsd !== 0).slice(0, 2).map((c) => {
      const change = c.baselineEquipment !== c.challengerEquipment ? `: ${c.baselineEquipment || 'none'} in ${Lo}, ${c.challengerEquipment || 'none'} in ${W}` : '';
      return `${c.unit} ${amount(c.deltaUsd, 'USD', 'signed')}${change}`;
    });
    if (capex.material) out.push(`Capital: ${W} needs ${amount(Math.abs(d), 'USD')} ${d < 0 ? 'less' : 'more'} fixed capital (${amount(capex.challenger, 'USD')} against ${amount(capex.baseline, 'USD')}), mostly ${top.join('; ')}.`);
    else out.push(`Capital is about the same: ${amount(capex.challenger, 'USD')} (${W}) against ${amount(capex.baseline, 'USD')} (${Lo}).`);
  }
  const opex = x.winners.find((v) => v.kpi === 'opexUsdPerYear');
  if (opex) {
    const d = x.opexDifferenceUsdPerYear;
    const top = x.opexDeltas.slice(0, 3).map((c) => `${c.label} ${amount(c.deltaUsdPerYear, 'USD/yr', 'signed')}`);
    if (opex.material) out.push(`Operating cost: ${W} spends ${amount(Math.abs(d), 'USD/yr')} ${d < 0 ? 'less' : 'more'} (${amount(opex.challenger, 'USD/yr')} against ${amount(opex.baseline, 'USD/yr')}), mostly ${top.join(', ')}.`);
    else if (top.length) out.push(`Operating cost is about the same in total (${amount(opex.challenger, 'USD/yr')} against ${amount(opex.baseline, 'USD/yr')}); the lines that move most: ${top.join(', ')}.`);
  }
  const revenue = x.winners.find((v) => v.kpi === 'revenueUsdPerYear');
  if (revenue?.material) {
    const d = x.revenueDifferenceUsdPerYear;
    const top = x.revenueDeltas.slice(0, 2).map((c) => `${c.label} ${amount(c.deltaUsdPerYear, 'USD/yr', 'signed')}`);
    out.push(`Revenue: ${W} earns ${amount(Math.abs(d), 'USD/yr')} ${d < 0 ? 'less' : 'more'} (${amount(revenue.challenger, 'USD/yr')} against ${amount(revenue.baseline, 'USD/yr')}), mostly ${top.join(', ')}.`);
  }
  return out;
}

/** In-spec share of the two cases and the cause of the difference (by feed lot). */
function quality(x: Explanation, W: string, Lo: string): string | null {
  const q = x.winners.find((v) => v.kpi === 'inSpecFraction');
  if (!q) return null;
  const lots = x.lots.flatMap((l) => l.causes.map((c) => ({ lot: l.lot, ...c }))).filter((c) => c.baselineKgPerYear > 0 || c.challengerKgPerYear > 0);
  if (!q.material) {
    // Off spec by cause: the lots, with their mass "in both" when it is the same to 0.1 t/yr.
    const byCause = new Map<string, string[]>();
    for (const c of lots) {
      const same = Math.abs(c.challengerKgPerYear - c.baselineKgPerYear) < 100;
      const mass = same ? `${amount(c.challengerKgPerYear, 'kg/yr')} in both` : `${amount(c.challengerKgPerYear, 'kg/yr')} in ${W}, ${amount(c.baselineKgPerYear, 'kg/yr')} in ${Lo}`;
      byCause.set(c.cause, [...(byCause.get(c.cause) ?? []), `lot ${c.lot} ${mass}`]);
    }
    const off = [...byCause].map(([cause, l]) => `${cause} (${l.join('; ')})`);
    return `In-spec share: ${pct(q.challenger)} in ${W} and ${pct(q.baseline)} in ${Lo}, a tie${off.length ? `; what stays off spec is ${off.join('; ')}` : '; nothing leaves off spec'}.`;
  }
  const moved = lots.map((c) => ({ ...c, d: c.challengerKgPerYear - c.baselineKgPerYear })).filter((c) => Math.abs(c.d) > 0).sort((a, b) => Math.abs(b.d) - Math.abs(a.d)).slice(0, 3);
  const why = moved.map((c) => `lot ${c.lot} ${c.cause}: ${amount(c.baselineKgPerYear, 'kg/yr')} off spec in ${Lo}, ${amount(c.challengerKgPerYear, 'kg/yr')} in ${W}`);
  return `In-spec share: ${pct(q.challenger)} in ${W} against ${pct(q.baseline)} in ${Lo} (${amount(q.difference, 'fraction', 'signed')})${why.length ? `, because of ${why.join('; ')}` : ''}.`;
}

/** Primary energy and GHG of two cases against virgin CAM. */
function environmentComparison(ks: Kpis[], w: number, l: number): string | null {
  const W = caseLetter(w);
  const Lo = caseLetter(l);
  const g = (i: number, key: string) => num(ks[i]!, key);
  const pw = g(w, 'primaryEnergyMjPerKgProduct');
  const pl = g(l, 'primaryEnergyMjPerKgProduct');
  const gw = g(w, 'ghgKgCo2ePerKgProduct');
  const gl = g(l, 'ghgKgCo2ePerKgProduct');
  const vg = g(w, 'virginGhgKgCo2ePerKg');
  if (gw === null || gl === null) return null;
  const p3 = (x: number) => numText(Number(x.toPrecision(3)));
  const energy = pw !== null && pl !== null ? `primary energy ${p3(pw)} MJ/kg in ${W} against ${p3(pl)} in ${Lo}${betterOf('primaryEnergyMjPerKgProduct', pl, pw) === 'tie' ? ' (a tie)' : ''}; ` : '';
  const virgin = vg !== null ? ` — ${pct(Math.min(gw, gl) / vg)} to ${pct(Math.max(gw, gl) / vg)} of virgin CAM's ${p3(vg)} kg CO2e/kg` : '';
  return `Cradle to gate: ${energy}GHG ${p3(gw)} kg CO2e/kg in ${W} against ${p3(gl)} in ${Lo}${betterOf('ghgKgCo2ePerKgProduct', gl, gw) === 'tie' ? ' (a tie)' : ''}${virgin}.`;
}

/** The findings of the cases (one, or several compared). */
export function findings(evs: readonly Evaluation[]): Findings {
  const warnings = warningLines(evs);
  if (evs.length === 1) return { sentences: singleFindings(evs[0]!), warnings };
  const ks = evs.map(kpisOf);
  // The best case on NPV against the next best: the explanation of the difference (loser → winner).
  const order = evs.map((_, i) => i).sort((a, b) => (num(ks[b]!, 'npvUsd')! - num(ks[a]!, 'npvUsd')!) || a - b);
  const [w, l] = [order[0]!, order[1]!];
  const x = explain({ evaluation: evs[l]!, scenarioFile: evs[l]!.model.file }, { evaluation: evs[w]!, scenarioFile: evs[w]!.model.file });
  const W = caseLetter(w);
  const Lo = caseLetter(l);
  const sentences = [...verdicts(evs, ks, w, l)];
  sentences.push(`Why ${W} and ${Lo} differ (from regenflow explain):`);
  sentences.push(...reasons(x, W, Lo));
  const q = quality(x, W, Lo);
  if (q) sentences.push(q);
  const env = environmentComparison(ks, w, l);
  if (env) sentences.push(env);
  if (evs.length > 2) sentences.push(`The other ${plural(evs.length - 2, 'case')} are in the table below; regenflow explain compares any two.`);
  return { sentences, warnings };
}
