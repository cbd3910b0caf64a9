/**
 * Tornado (one-at-a-time) sensitivity: each input is set to its low and then its high value while
 * every other input stays at its base, and the KPI changes are sorted by swing |KPI(high) −
 * KPI(low)|, largest first.
 *
 * Low and high values: min and max of bounded distributions (uniform, triangular, PERT, discrete),
 * the 5th and 95th percentiles of normal and lognormal ones — or, with a range r, the base value
 * × (1 ∓ r) (in the field's documented unit; for a temperature that is kelvin).
 * A bar is `material` when its swing reaches the KPI's materiality threshold at the base value
 * (pipeline/kpi-info.ts: 1 % of the base, half a percentage point for shares): the text report
 * hides the others as noise.
 */
import type { UncertainInputSpec } from '../schema/uncertainty.js';
import { modelFailure } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { distributionOf, describeDistribution } from './distributions.js';
import { failureReport, firstFailureText, type FailureReport } from './report.js';
import type { BatchEvaluator, Progress } from './runner.js';
import { thresholdOf } from '../pipeline/kpi-info.js';

/** An input of a tornado: where, and the two values it takes. */
export interface TornadoInput {
  path: string;
  /** Unit of low/high (absent → the field's documented unit). */
  unit?: string;
  low: number;
  high: number;
  /** How low/high were chosen: "min/max", "P5/P95" or "±20%". */
  basis: string;
  /** The declared distribution, if any, e.g. "uniform(8, 18) USD/kg". */
  distribution: string | null;
}

/** One bar: an input's low and high values and the KPI at each. */
export interface TornadoBar {
  input: string;
  unit: string | null;
  basis: string;
  low: number;
  high: number;
  /** KPI with the input at low / high (null when that evaluation failed or lacks the KPI). */
  kpiLow: number | null;
  kpiHigh: number | null;
  /** KPI change from the base at low / high. */
  deltaLow: number | null;
  deltaHigh: number | null;
  /** |kpiHigh − kpiLow|; bars are sorted by it, largest first (null last). */
  swing: number | null;
  /** The swing reaches the KPI's materiality threshold (pipeline/kpi-info.ts) at the base value. */
  material: boolean;
}

/** The bars of one KPI. */
export interface TornadoChart {
  kpi: string;
  base: number;
  /** The smallest material swing at the base value, in the KPI's unit. */
  threshold: number;
  bars: TornadoBar[];
}

/** Result of `regenflow tornado`. */
export interface TornadoResult {
  analysis: 'tornado';
  scenario: string | null;
  file: string | null;
  /** The ±range used (fraction, e.g. 0.2), or null when low/high come from the distributions. */
  range: number | null;
  inputs: TornadoInput[];
  kpis: string[];
  /** KPIs of the base scenario. */
  base: Record<string, number>;
  charts: TornadoChart[];
  failures: FailureReport;
}

/** Low and high values of a declared distribution (see the module comment). */
export function tornadoInputOf(spec: UncertainInputSpec): TornadoInput {
  const d = distributionOf(spec);
  const bounded = spec.dist !== 'normal' && spec.dist !== 'lognormal';
  return {
    path: spec.path,
    ...(spec.unit ? { unit: spec.unit } : {}),
    low: bounded ? d.lower : d.quantile(0.05),
    high: bounded ? d.upper : d.quantile(0.95),
    basis: bounded ? 'min/max' : 'P5/P95',
    distribution: describeDistribution(spec),
  };
}

/**
 * A ±range input around a base value (numbers in the field's documented unit), clipped to the
 * field's validated limits when given (a quality factor of 1 ± 20 % stays at most 1); the basis
 * then says so. Temperatures (unit K) are varied on the Celsius scale.
 */
export function rangeInput(path: string, base: number, range: number, distribution: string | null = null, limits: { min?: number; max?: number; unit?: string | null } = {}): TornadoInput {
  // A temperature is varied on the Celsius scale: ±20 % of 220 °C, not of 493 K (which would span ±99 K).
  const zero = limits.unit === 'K' ? 273.15 : 0;
  const a = zero + (base - zero) * (1 - range);
  const b = zero + (base - zero) * (1 + range);
  let low = Math.min(a, b);
  let high = Math.max(a, b);
  const clipped = (limits.min !== undefined && low < limits.min) || (limits.max !== undefined && high > limits.max);
  if (limits.min !== undefined) low = Math.max(low, limits.min);
  if (limits.max !== undefined) high = Math.min(high, limits.max);
  const basis = `±${Number((range * 100).toPrecision(6))}%${zero ? ' of °C' : ''}${clipped ? ' (clipped to the valid range)' : ''}`;
  return { path, low, high, basis, distribution };
}

/** Options of a tornado. */
export interface TornadoOptions {
  inputs: readonly TornadoInput[];
  /** Rows of NaN = base; row 2j+1 sets input j low, row 2j+2 high (NaN elsewhere = keep base). */
  evaluator: BatchEvaluator;
  range?: number | null;
  kpis?: readonly string[];
  scenario?: string;
  file?: string;
  onProgress?: Progress;
}

/** Run a tornado analysis. */
export async function tornado(o: TornadoOptions): Promise<TornadoResult> {
  const d = o.inputs.length;
  const rows = 2 * d + 1;
  const data = new Float64Array(rows * d).fill(NaN);
  o.inputs.forEach((inp, j) => {
    data[(2 * j + 1) * d + j] = inp.low;
    data[(2 * j + 2) * d + j] = inp.high;
  });
  const ev = await o.evaluator.evaluate({ rows, dims: d, data }, o.onProgress);
  const failures = failureReport(ev.failures, rows);
  const baseFailure = ev.failures.find((f) => f.index === 0);
  if (baseFailure) throw modelFailure('base-failed', baseFailure.message);
  const base: Record<string, number> = {};
  for (const k of ev.kpis) if (Number.isFinite(ev.columns[k]![0]!)) base[k] = ev.columns[k]![0]!;
  // In the order asked for (headline KPIs: NPV first), else in run-document order.
  const kpis = o.kpis ? o.kpis.filter((k) => k in base) : Object.keys(base);
  if (failures.count === rows - 1 && rows > 1) throw modelFailure('all-failed', msg.allSamplesFailed(rows - 1, firstFailureText(failures)));
  const at = (k: string, r: number) => {
    const v = ev.columns[k]![r]!;
    return Number.isFinite(v) ? v : null;
  };
  const charts: TornadoChart[] = kpis.map((kpi) => {
    const b = base[kpi]!;
    const threshold = thresholdOf(kpi, b);
    const bars: TornadoBar[] = o.inputs.map((inp, j) => {
      const lo = at(kpi, 2 * j + 1);
      const hi = at(kpi, 2 * j + 2);
      return {
        input: inp.path,
        unit: inp.unit ?? null,
        basis: inp.basis,
        low: inp.low,
        high: inp.high,
        kpiLow: lo,
        kpiHigh: hi,
        deltaLow: lo === null ? null : lo - b,
        deltaHigh: hi === null ? null : hi - b,
        swing: lo === null || hi === null ? null : Math.abs(hi - lo),
        material: lo !== null && hi !== null && Math.abs(hi - lo) >= threshold && hi !== lo,
      };
    });
    const order = bars.map((bar, i) => ({ bar, i })).sort((x, y) => (y.bar.swing ?? -1) - (x.bar.swing ?? -1) || x.i - y.i);
    return { kpi, base: b, threshold, bars: order.map((x) => x.bar) };
  });
  return { analysis: 'tornado', scenario: o.scenario ?? null, file: o.file ?? null, range: o.range ?? null, inputs: [...o.inputs], kpis, base, charts, failures };
}
