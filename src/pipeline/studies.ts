/**
 * Studies over several evaluations (issue "mixed feed"): comparing scenarios and routes side by
 * side, sweeping one input, and mapping where one route beats another over a grid of inputs.
 */
import { loadRawScenario, type RawScenario } from './load.js';
import { resolveModel, type Model } from './resolve.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { kpisOf, type Kpis } from './document.js';
import { RegenflowError, modelFailure, inputErrors, type InputIssue } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { HIGHER_IS_BETTER, betterOf, kpiIds, kpiUnitOf, materialityOf, thresholdOf } from './kpi-info.js';
import type { Patch } from './patch.js';
import { requestedModel, type ModelRequest } from './capacity.js';

/** One evaluated case of a comparison. */
export interface CaseResult {
  /** "<scenario id> · <flowsheet id>" */
  label: string;
  scenarioFile: string;
  flowsheetFile: string | null;
  evaluation: Evaluation;
  kpis: Kpis;
}

/**
 * Evaluate every scenario through every flowsheet given (or through its own flowsheet when none
 * is given), at another capacity and rating a saved design when `request` says so. Input errors
 * of any case abort the comparison (they name the file and line).
 */
export function compareCases(scenarioFiles: readonly string[], flowsheetFiles: readonly string[] = [], request: Omit<ModelRequest, 'flowsheet'> = {}): CaseResult[] {
  const routes: (string | null)[] = flowsheetFiles.length ? [...flowsheetFiles] : [null];
  // Every case is read and checked before any is evaluated, so that all invalid inputs are listed at once.
  const issues: InputIssue[] = [];
  const models: { file: string; fs: string | null; model: Model }[] = [];
  for (const file of scenarioFiles) {
    for (const fs of routes) {
      try {
        models.push({ file, fs, model: requestedModel(file, { ...request, ...(fs ? { flowsheet: fs } : {}) }).model });
      } catch (e) {
        if (!(e instanceof RegenflowError) || e.exitCode !== 1) throw e;
        issues.push(...e.issues);
      }
    }
  }
  if (issues.length > 0) throw inputErrors(issues);
  return models.map(({ file, fs, model }) => {
    const ev = evaluate(model);
    return { label: `${ev.model.id} · ${ev.model.flowsheet.id}`, scenarioFile: file, flowsheetFile: fs, evaluation: ev, kpis: kpisOf(ev) };
  });
}

/** A value of a swept input as written: a number in the field's unit, or a string with a unit. */
export type StudyValue = number | string;

/** Parse "a,b,c" into values (numbers where they read as numbers, else strings with units). */
export function parseValues(text: string): StudyValue[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map((s) => (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : s));
}

/** n evenly spaced values from lo to hi (inclusive), with an optional unit appended. */
export function linspace(lo: number, hi: number, n: number, unit?: string): StudyValue[] {
  const values: StudyValue[] = [];
  for (let i = 0; i < n; i++) {
    const v = n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1);
    const rounded = Number(v.toPrecision(12));
    values.push(unit ? `${rounded} ${unit}` : rounded);
  }
  return values;
}

/** One point of a sweep: the value, and the KPIs or the reason the point failed. */
export interface SweepPoint {
  value: StudyValue;
  kpis: Kpis | null;
  error: string | null;
}

/** Evaluate one scenario at each value of one input path. Input errors of a value abort the sweep; model failures are recorded per point. */
export function sweep(raw: RawScenario, path: string, values: readonly StudyValue[]): SweepPoint[] {
  return values.map((value) => {
    let model: Model;
    try {
      model = resolveModel(raw, [{ path, value }]);
    } catch (e) {
      // The file's place is where the swept input lives; say that the value came from the sweep.
      if (!(e instanceof RegenflowError) || e.exitCode !== 1) throw e;
      throw inputErrors(e.issues.map((i) => ({ ...i, message: msg.atSweepValue(i.message, path, String(value)) })));
    }
    try {
      return { value, kpis: kpisOf(evaluate(model, { mode: 'sample' })), error: null };
    } catch (e) {
      if (e instanceof RegenflowError && e.exitCode === 2) return { value, kpis: null, error: e.message };
      throw e;
    }
  });
}

/** An axis of a crossover grid. */
export interface GridAxis {
  path: string;
  values: StudyValue[];
}

/** One cell of a crossover grid. */
export interface CrossoverCell {
  x: StudyValue;
  y: StudyValue | null;
  /** The KPI of each route (null when that route failed at this point). */
  a: number | null;
  b: number | null;
  /** Which route is better at this point ('a', 'b', 'tie' below the materiality threshold) or null when one failed. */
  better: 'a' | 'b' | 'tie' | null;
  /** How much better the better route is, in the KPI's unit (always ≥ 0). */
  margin: number | null;
  /** The smallest difference that counts at this point, in the KPI's unit (kpi-info.ts). */
  threshold: number | null;
  /** Why a route failed at this point (model failure), else null. */
  errorA: string | null;
  errorB: string | null;
}

/** The crossover map of two routes. */
export interface Crossover {
  kpi: string;
  /** Unit of the KPI, margins and thresholds. */
  unit: string;
  lowerIsBetter: boolean;
  /** The materiality rule that makes a small difference a tie. */
  tieRule: string;
  routeA: string;
  routeB: string;
  x: GridAxis;
  y: GridAxis | null;
  cells: CrossoverCell[];
}

export { HIGHER_IS_BETTER };

/** Check a KPI id against the KPIs of a scenario's base run (exit 1 listing them). */
export function checkKpi(raw: RawScenario, kpi: string): void {
  let ids: string[];
  try {
    ids = kpiIds(kpisOf(evaluate(resolveModel(raw), { mode: 'sample' })));
  } catch (e) {
    // A base that fails to solve says nothing about the KPI names: the grid reports it.
    if (e instanceof RegenflowError && e.exitCode === 2) return;
    throw e;
  }
  if (!ids.includes(kpi)) throw new RegenflowError('unknown-kpi', msg.unknownKpi(kpi, ids));
}

/**
 * Evaluate one scenario through two flowsheets over a grid of one or two inputs and say, at each
 * point, which route gives the better KPI (by default the cost per kg of product) and by how much;
 * a difference below the KPI's materiality threshold is a tie. A KPI the run document does not
 * have is an input error; a grid where every point failed is a model failure.
 */
export function crossover(scenarioFile: string, flowsheetA: string, flowsheetB: string, x: GridAxis, y: GridAxis | null, kpi = 'costUsdPerKgProduct'): Crossover {
  const rawA = loadRawScenario(scenarioFile, flowsheetA);
  const rawB = loadRawScenario(scenarioFile, flowsheetB);
  checkKpi(rawA, kpi);
  const lowerIsBetter = !HIGHER_IS_BETTER.has(kpi);
  const value = (raw: RawScenario, patches: Patch[]): { v: number | null; error: string | null } => {
    const model = resolveModel(raw, patches);
    try {
      const v = kpisOf(evaluate(model, { mode: 'sample' }))[kpi];
      return typeof v === 'number' && Number.isFinite(v) ? { v, error: null } : { v: null, error: `${kpi} is not defined at this point` };
    } catch (e) {
      if (e instanceof RegenflowError && e.exitCode === 2) return { v: null, error: e.message.split('\n')[0]! };
      throw e;
    }
  };
  const cells: CrossoverCell[] = [];
  for (const yv of y ? y.values : [null]) {
    for (const xv of x.values) {
      const patches: Patch[] = [{ path: x.path, value: xv }];
      if (y && yv !== null) patches.push({ path: y.path, value: yv });
      const ra = value(rawA, patches);
      const rb = value(rawB, patches);
      const [a, b] = [ra.v, rb.v];
      let better: CrossoverCell['better'] = null;
      let margin: number | null = null;
      let threshold: number | null = null;
      if (a !== null && b !== null) {
        margin = Math.abs(a - b);
        threshold = thresholdOf(kpi, a, b);
        better = betterOf(kpi, a, b);
      }
      cells.push({ x: xv, y: yv, a, b, better, margin, threshold, errorA: ra.error, errorB: rb.error });
    }
  }
  const failed = cells.filter((c) => c.better === null);
  if (cells.length > 0 && failed.length === cells.length) {
    const first = failed[0]!;
    throw modelFailure('crossover-all-failed', msg.crossoverAllFailed(cells.length, `${x.path} = ${first.x}${first.y !== null ? `, ${y!.path} = ${first.y}` : ''}: ${first.errorA ?? first.errorB}`));
  }
  const idOf = (raw: RawScenario) => String((raw.flowsheet.data as { id?: unknown }).id ?? raw.flowsheet.doc.file);
  return { kpi, unit: kpiUnitOf(kpi), lowerIsBetter, tieRule: materialityOf(kpi).text, routeA: idOf(rawA), routeB: idOf(rawB), x, y, cells };
}
