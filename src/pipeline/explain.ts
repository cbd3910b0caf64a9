/**
 * Why one case beats another (issue 14, `regenflow explain`): the KPIs each case wins, and the
 * differences taken apart from the evaluations' own breakdowns — capital by unit, operating cost
 * and revenue by line, product quality by feed lot. Deltas are worked in integer cents, so they add
 * up to the KPI differences to the cent. Remedies (tried by re-running) are in remedies.ts.
 */
import type { Evaluation } from './evaluate.js';
import { kpisOf, type Kpis } from './document.js';
import { betterOf, directionOf, isReferenceKpi, kpiIds, kpiUnitOf, materialityOf, thresholdOf } from './kpi-info.js';
import { lotExplanations, type LotExplanation } from './explain-lots.js';
import { tryRemedies, type Remedy } from './remedies.js';
import type { CaseResult } from './studies.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { MoneyLine } from '../economics/opex.js';

/** One side of the comparison. */
export interface CaseInfo {
  /** "<scenario id> · <flowsheet id>". */
  label: string;
  scenario: string;
  flowsheet: string;
  scenarioFile: string;
  flowsheetFile: string;
}

/** Which case a KPI favours. */
export type Side = 'baseline' | 'challenger' | 'tie';

/** One KPI of both cases. */
export interface Winner {
  kpi: string;
  /** The better case ('tie' below the materiality threshold, or for reference KPIs). */
  better: Side;
  /** challenger − baseline, in `unit`. */
  difference: number;
  /** difference ÷ |baseline| (null when the baseline is 0). */
  relativeDifference: number | null;
  unit: string;
  /** |difference| reaches the threshold. */
  material: boolean;
  /** The smallest material difference for these two values, in `unit`. */
  threshold: number;
  /** The materiality rule (kpi-info.ts). */
  rule: string;
  direction: 'higher' | 'lower' | 'none';
  baseline: number;
  challenger: number;
}

/** Fixed capital of one unit in both cases (units paired by id, then by kind). */
export interface CapexDelta {
  /** "relith", or "sinter → anneal" when the paired units have different ids. */
  unit: string;
  baselineUnit: string | null;
  challengerUnit: string | null;
  baselineKind: string | null;
  challengerKind: string | null;
  /** Equipment as "autoclave 10 m3 × 3". */
  baselineEquipment: string;
  challengerEquipment: string;
  baselinePurchaseUsd: number;
  challengerPurchaseUsd: number;
  /** The unit's share of fixed capital: its purchased equipment × the case's FCI ÷ purchased equipment. */
  baselineUsd: number;
  challengerUsd: number;
  deltaUsd: number;
}

/** One operating-cost or revenue line in both cases. */
export interface LineDelta {
  line: string;
  label: string;
  category: string;
  baselineUsdPerYear: number;
  challengerUsdPerYear: number;
  deltaUsdPerYear: number;
}

/** The explanation of two cases. */
export interface Explanation {
  baseline: CaseInfo;
  challenger: CaseInfo;
  winners: Winner[];
  /** Σ capexDeltas[].deltaUsd = capexDifferenceUsd (to the cent). */
  capexDifferenceUsd: number;
  /** How fixed capital is split over units. */
  capexAllocation: string;
  capexDeltas: CapexDelta[];
  /** Σ opexDeltas = opexDifferenceUsdPerYear (to the cent); lines that do not change are left out. */
  opexDifferenceUsdPerYear: number;
  opexDeltas: LineDelta[];
  revenueDifferenceUsdPerYear: number;
  revenueDeltas: LineDelta[];
  lots: LotExplanation[];
  /** Remedies tried by re-running (empty when not asked for). */
  remedies: Remedy[];
  /** Warnings and errors of each case's run. */
  diagnostics: { case: 'baseline' | 'challenger'; code: string; severity: string; where: string; message: string }[];
}

/** A case to explain: its evaluation and where it came from. */
export interface ExplainCase {
  evaluation: Evaluation;
  scenarioFile: string;
  flowsheetFile?: string | null;
}

/** Describe a case. */
export function caseInfo(c: ExplainCase): CaseInfo {
  const m = c.evaluation.model;
  return { label: `${m.id} · ${m.flowsheet.id}`, scenario: m.id, flowsheet: m.flowsheet.id, scenarioFile: c.scenarioFile, flowsheetFile: c.flowsheetFile ?? m.flowsheet.file };
}

/** Integer cents of a cent-rounded amount. */
const toC = (usd: number): number => Math.round(usd * 100);

/** Per KPI: which case is better, by how much, and whether that is material. */
export function winners(a: Kpis, b: Kpis): Winner[] {
  const out: Winner[] = [];
  const ids = kpiIds(a).filter((k) => kpiIds(b).includes(k));
  for (const kpi of ids) {
    const x = a[kpi];
    const y = b[kpi];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    const threshold = thresholdOf(kpi, x, y);
    const side = betterOf(kpi, x, y);
    const difference = y - x;
    out.push({
      kpi,
      better: side === 'a' ? 'baseline' : side === 'b' ? 'challenger' : 'tie',
      difference,
      relativeDifference: x !== 0 ? difference / Math.abs(x) : null,
      unit: kpiUnitOf(kpi),
      material: !isReferenceKpi(kpi) && Math.abs(difference) >= threshold && difference !== 0,
      threshold,
      rule: materialityOf(kpi).text,
      direction: directionOf(kpi),
      baseline: x,
      challenger: y,
    });
  }
  return out;
}

/** A unit's capital in one case. */
interface UnitCapital {
  unit: string;
  kind: string;
  purchaseC: number;
  fciC: number;
  equipment: string;
}

/**
 * Fixed capital by unit: each unit's purchased equipment × FCI ÷ purchased equipment, in integer
 * cents by largest remainder so the units add up to the FCI exactly. Every factor of the capital
 * methods (Towler–Sinnott, Peters, Lang) multiplies the purchased equipment, so this split is the
 * one the factor method itself implies.
 */
export function capitalByUnit(ev: Evaluation): UnitCapital[] {
  const rows = ev.economics.capex.equipment;
  const units = ev.model.flowsheet.units;
  const purchase = units.map((u) => rows.filter((r) => r.unitId === u.id).reduce((s, r) => s + toC(r.purchaseCostUsd), 0));
  const pec = purchase.reduce((s, c) => s + c, 0);
  const fci = toC(ev.economics.capex.fixedCapitalUsd);
  // Exact integer arithmetic (BigInt): FCI × purchase can exceed 2^53 cents².
  const num = units.map((_, i) => (pec > 0 ? BigInt(fci) * BigInt(purchase[i]!) : 0n));
  const fciC = num.map((n) => (pec > 0 ? Number(n / BigInt(pec)) : 0));
  const rest = (pec > 0 ? fci : 0) - fciC.reduce((s, c) => s + c, 0);
  // Largest remainder (ties to the earlier unit): deterministic, and the units add up to the FCI.
  const order = num.map((n, i) => ({ i, r: pec > 0 ? n % BigInt(pec) : 0n })).sort((p, q) => (q.r > p.r ? 1 : q.r < p.r ? -1 : p.i - q.i));
  for (let k = 0; k < rest; k++) fciC[order[k]!.i]! += 1;
  const out: UnitCapital[] = units.map((u, i) => ({
    unit: u.id,
    kind: u.kind,
    purchaseC: purchase[i]!,
    fciC: fciC[i]!,
    equipment: rows.filter((r) => r.unitId === u.id && r.count > 0).map((r) => `${r.name} ${Number(r.size.toPrecision(3))} ${r.sizeUnit} × ${r.count}`).join(', '),
  }));
  // Without purchased equipment the capital cannot be split by unit: one plant line carries it.
  if (pec === 0 && fci !== 0) out.push({ unit: '(plant)', kind: '', purchaseC: 0, fciC: fci, equipment: '' });
  return out;
}

/** Pair units of two flowsheets: same id first, then the remaining ones of the same kind, in flowsheet order. */
export function pairUnits<T extends { unit: string; kind: string }>(a: readonly T[], b: readonly T[]): [T | null, T | null][] {
  const pairs: [T | null, T | null][] = [];
  const usedB = new Set<number>();
  const pending: T[] = [];
  for (const x of a) {
    const j = b.findIndex((y, k) => !usedB.has(k) && y.unit === x.unit);
    if (j >= 0) { usedB.add(j); pairs.push([x, b[j]!]); } else pending.push(x);
  }
  for (const x of pending) {
    const j = b.findIndex((y, k) => !usedB.has(k) && y.kind === x.kind && x.kind !== '');
    if (j >= 0) { usedB.add(j); pairs.push([x, b[j]!]); } else pairs.push([x, null]);
  }
  b.forEach((y, k) => { if (!usedB.has(k)) pairs.push([null, y]); });
  return pairs;
}

/** Capital deltas by unit, ranked by |delta| (units with no capital in either case left out). */
export function capexDeltas(a: Evaluation, b: Evaluation): CapexDelta[] {
  const pairs = pairUnits(capitalByUnit(a), capitalByUnit(b));
  const rows = pairs.filter(([x, y]) => (x?.fciC ?? 0) !== 0 || (y?.fciC ?? 0) !== 0).map(([x, y]) => ({
    unit: x && y && x.unit !== y.unit ? `${x.unit} → ${y.unit}` : (x ?? y)!.unit,
    baselineUnit: x?.unit ?? null,
    challengerUnit: y?.unit ?? null,
    baselineKind: x?.kind || null,
    challengerKind: y?.kind || null,
    baselineEquipment: x?.equipment ?? '',
    challengerEquipment: y?.equipment ?? '',
    baselinePurchaseUsd: (x?.purchaseC ?? 0) / 100,
    challengerPurchaseUsd: (y?.purchaseC ?? 0) / 100,
    baselineUsd: (x?.fciC ?? 0) / 100,
    challengerUsd: (y?.fciC ?? 0) / 100,
    deltaUsd: ((y?.fciC ?? 0) - (x?.fciC ?? 0)) / 100,
  }));
  return rankByDelta(rows, (r) => r.deltaUsd);
}

/** Line deltas of two breakdowns by line id, ranked by |delta|; unchanged lines left out. */
export function lineDeltas(a: readonly MoneyLine[], b: readonly MoneyLine[]): LineDelta[] {
  const ids: string[] = [];
  const byA = new Map<string, MoneyLine>();
  const byB = new Map<string, MoneyLine>();
  for (const l of a) { if (!byA.has(l.id) && !byB.has(l.id)) ids.push(l.id); byA.set(l.id, l); }
  for (const l of b) { if (!byA.has(l.id) && !byB.has(l.id)) ids.push(l.id); byB.set(l.id, l); }
  const cents = (m: Map<string, MoneyLine>, id: string) => {
    const l = m.get(id);
    return l ? toC(l.usd) : 0;
  };
  const rows = ids.map((id) => {
    const l = (byB.get(id) ?? byA.get(id))!;
    const ca = cents(byA, id);
    const cb = cents(byB, id);
    return { line: id, label: l.label, category: l.category, baselineUsdPerYear: ca / 100, challengerUsdPerYear: cb / 100, deltaUsdPerYear: (cb - ca) / 100 };
  }).filter((r) => r.deltaUsdPerYear !== 0);
  return rankByDelta(rows, (r) => r.deltaUsdPerYear);
}

function rankByDelta<T>(rows: T[], delta: (r: T) => number): T[] {
  return rows.map((r, i) => ({ r, i })).sort((p, q) => Math.abs(delta(q.r)) - Math.abs(delta(p.r)) || p.i - q.i).map((x) => x.r);
}

/** Explain two evaluated cases (the first is the baseline). Remedies are added by the caller (remedies.ts). */
export function explain(baseline: ExplainCase, challenger: ExplainCase): Explanation {
  const a = baseline.evaluation;
  const b = challenger.evaluation;
  const ka = kpisOf(a);
  const kb = kpisOf(b);
  const diff = (x: number, y: number) => (toC(y) - toC(x)) / 100;
  const notes = (side: 'baseline' | 'challenger', ev: Evaluation) => ev.diagnostics.filter((d) => d.severity !== 'info').map((d) => ({ case: side, ...d }));
  return {
    baseline: caseInfo(baseline),
    challenger: caseInfo(challenger),
    winners: winners(ka, kb),
    capexDifferenceUsd: diff(a.economics.capex.fixedCapitalUsd, b.economics.capex.fixedCapitalUsd),
    capexAllocation: "each unit's purchased equipment × the case's fixed capital ÷ purchased equipment (the factor method scales every item alike); cents by largest remainder",
    capexDeltas: capexDeltas(a, b),
    opexDifferenceUsdPerYear: diff(a.economics.opex.totalUsd, b.economics.opex.totalUsd),
    opexDeltas: lineDeltas(a.economics.opex.items, b.economics.opex.items),
    revenueDifferenceUsdPerYear: diff(a.economics.revenue.totalUsd, b.economics.revenue.totalUsd),
    revenueDeltas: lineDeltas(a.economics.revenue.items, b.economics.revenue.items),
    lots: lotExplanations(a, b),
    remedies: [],
    diagnostics: [...notes('baseline', a), ...notes('challenger', b)],
  };
}

/** Explain two evaluated cases of a comparison (the first is the baseline); remedies tried unless `remedies` is false. */
export function explainCases(cases: readonly CaseResult[], remedies = true): Explanation {
  if (cases.length !== 2) throw new RegenflowError('explain-cases', msg.explainNeedsTwo(cases.length, cases.map((c) => c.label)));
  const [a, b] = cases as [CaseResult, CaseResult];
  const x = explain(a, b);
  if (remedies) {
    x.remedies = [
      ...tryRemedies({ side: 'baseline', label: a.label, evaluation: a.evaluation }),
      ...tryRemedies({ side: 'challenger', label: b.label, evaluation: b.evaluation }),
    ];
  }
  return x;
}
