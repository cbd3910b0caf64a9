/**
 * Objective and constraints of an optimisation, and the order in which evaluated candidates rank.
 *
 * Ranking follows Deb's feasibility rules (K. Deb, "An efficient constraint handling method for
 * genetic algorithms", Comput. Methods Appl. Mech. Eng. 186, 2000): a feasible candidate beats an
 * infeasible one; two feasible ones compare by objective; two infeasible ones by their total
 * normalised constraint violation; a failed evaluation (model failure, invalid point) ranks last.
 * CMA-ES reads only this ranking, so no penalty weight has to be tuned.
 */
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { HIGHER_IS_BETTER } from '../pipeline/studies.js';

/** A constraint on a KPI: `<kpi> >= <value>` or `<kpi> <= <value>`. */
export interface Constraint {
  kpi: string;
  op: '>=' | '<=';
  value: number;
  /** The text as given. */
  text: string;
  /** Scale of a violation (|value|, or the baseline's KPI when larger; at least 1e-9). */
  scale: number;
}

/** Optimisation direction of the objective. */
export type Direction = 'minimize' | 'maximize';

/** The objective: a KPI and a direction. */
export interface Objective {
  kpi: string;
  direction: Direction;
}

/** What one evaluation gave. */
export interface Outcome {
  /** KPIs of the run document (null when the evaluation failed). */
  kpis: Record<string, unknown> | null;
  /** Why the evaluation failed: model (exit-2 failure), input (the point is invalid), internal. */
  failure: { kind: 'model' | 'input' | 'internal'; message: string } | null;
}

/** An outcome judged against the objective and constraints. */
export interface Assessment {
  /** Objective value (null when missing). */
  objective: number | null;
  /** Violation of each constraint in its KPI's unit (0 when met; Infinity when the KPI is missing). */
  violations: number[];
  feasible: boolean;
  /** 0 feasible, 1 evaluated but infeasible, 2 failed. */
  rankClass: 0 | 1 | 2;
  /** Σ violation / scale (+1 when the objective is missing). */
  violation: number;
}

/** Read `"<kpi> >= <value>"` (also ≥, ≤, <=); throws an input error naming the text. */
export function readConstraint(text: string): Omit<Constraint, 'scale'> {
  const m = /^\s*([A-Za-z][\w.]*)\s*(>=|<=|≥|≤)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$/.exec(text);
  if (!m) throw new RegenflowError('constraint-syntax', msg.constraintSyntax(text), { place: { file: `--constraint "${text}"` } });
  const op = m[2] === '>=' || m[2] === '≥' ? '>=' : '<=';
  return { kpi: m[1]!, op, value: Number(m[3]), text };
}

/** A KPI value as a finite number, or null. */
export function kpiNumber(kpis: Record<string, unknown> | null, kpi: string): number | null {
  const v = kpis?.[kpi];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Judge an outcome. */
export function assess(o: Outcome, objective: Objective, constraints: readonly Constraint[]): Assessment {
  if (o.failure || !o.kpis) return { objective: null, violations: constraints.map(() => Infinity), feasible: false, rankClass: 2, violation: Infinity };
  const obj = kpiNumber(o.kpis, objective.kpi);
  const violations = constraints.map((c) => {
    const v = kpiNumber(o.kpis, c.kpi);
    if (v === null) return Infinity;
    return Math.max(0, c.op === '>=' ? c.value - v : v - c.value);
  });
  let violation = obj === null ? 1 : 0;
  violations.forEach((v, i) => { violation += v / constraints[i]!.scale; });
  const feasible = violation === 0;
  return { objective: obj, violations, feasible, rankClass: feasible ? 0 : 1, violation };
}

/** Negative when `a` ranks before (is better than) `b`; 0 when they tie. */
export function compareAssessments(a: Assessment, b: Assessment, direction: Direction): number {
  if (a.rankClass !== b.rankClass) return a.rankClass - b.rankClass;
  if (a.rankClass === 0) return direction === 'minimize' ? a.objective! - b.objective! : b.objective! - a.objective!;
  if (a.rankClass === 1) return a.violation === b.violation ? 0 : a.violation < b.violation ? -1 : 1;
  return 0;
}

/** True when objective value `a` is strictly better than `b`. */
export function better(a: number, b: number, direction: Direction): boolean {
  return direction === 'minimize' ? a < b : a > b;
}

/** KPI ids an objective or constraint may name: the scalar KPIs of a run document. */
export function scalarKpiIds(kpis: Record<string, unknown>): string[] {
  return Object.keys(kpis).filter((k) => kpis[k] === null || typeof kpis[k] === 'number');
}

/**
 * The objective and constraints of a run, checked against the KPIs of a baseline run: unknown
 * KPI ids are input errors listing the valid ones; the direction defaults to "more is better" for
 * npvUsd, irr, inSpecFraction… and "less is better" for every other KPI.
 */
export function prepareObjective(baseKpis: Record<string, unknown>, kpi: string, direction: Direction | undefined, constraintTexts: readonly string[]): { objective: Objective; constraints: Constraint[] } {
  const known = scalarKpiIds(baseKpis);
  const check = (name: string, file?: string) => {
    if (!known.includes(name)) throw new RegenflowError('unknown-kpi', msg.unknownKpi(name, known), file ? { place: { file } } : {});
  };
  check(kpi, '--objective');
  const constraints = constraintTexts.map((text) => {
    const c = readConstraint(text);
    check(c.kpi, `--constraint "${text}"`);
    const base = kpiNumber(baseKpis, c.kpi);
    return { ...c, scale: Math.max(Math.abs(c.value), base === null ? 0 : Math.abs(base), 1e-9) };
  });
  return { objective: { kpi, direction: direction ?? (HIGHER_IS_BETTER.has(kpi) ? 'maximize' : 'minimize') }, constraints };
}
