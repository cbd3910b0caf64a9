/**
 * Evaluating a sample matrix: the contract between the analyses (Monte Carlo, tornado, Sobol) and
 * whatever computes KPIs — a synthetic function in tests, the scenario in this thread, or a pool
 * of worker threads. Rows are evaluated independently and assembled by index, so the result does
 * not depend on how rows were batched or which thread evaluated them.
 */
import { RegenflowError } from '../schema/errors.js';
import type { SampleMatrix } from './sampling.js';

/** KPI values of one evaluation by name (finite numbers only). */
export type KpiValues = Record<string, number>;

/**
 * Evaluates one row of inputs (column j = input j) into KPI values; throws when the model fails.
 * A NaN in the row means "leave this input at its base value" (one-at-a-time designs use it).
 */
export type KpiFunction = (row: Float64Array) => KpiValues;

/** Why an evaluation failed: the model (exit-2 failure, e.g. a loop that did not converge), an
 * invalid sampled input (a value the field refuses), or an internal error. */
export type FailureKind = 'model' | 'input' | 'internal';

/** One failed evaluation. */
export interface SampleFailure {
  /** Row of the sample matrix. */
  index: number;
  kind: FailureKind;
  message: string;
}

/** KPI columns of an evaluated matrix. */
export interface Evaluations {
  rows: number;
  /** KPI names in order of first appearance (row order). */
  kpis: string[];
  /** KPI → value per row; NaN where the evaluation failed or the KPI is not a finite number. */
  columns: Record<string, Float64Array>;
  /** Failed rows, by index. */
  failures: SampleFailure[];
}

/** Progress callback: `done` of `total` rows evaluated. */
export type Progress = (done: number, total: number) => void;

/** Something that evaluates every row of a matrix. */
export interface BatchEvaluator {
  evaluate(matrix: SampleMatrix, onProgress?: Progress): Promise<Evaluations>;
}

/** Result of one batch of rows (also the message a worker sends back). */
export interface BatchResult {
  start: number;
  count: number;
  /** KPI names of this batch, in order of first appearance. */
  names: string[];
  /** count × names.length values, row-major; NaN where absent. */
  values: Float64Array;
  failures: SampleFailure[];
}

/** Classify an evaluation error. */
export function failureOf(e: unknown, index: number): SampleFailure {
  if (e instanceof RegenflowError) return { index, kind: e.exitCode === 2 ? 'model' : 'input', message: e.message };
  return { index, kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Evaluate matrix rows start…start+count−1 with `fn`. `data` is row-major with `dims` columns and
 * begins at matrix row `offset` (0 for a whole matrix, `start` for a batch's own slice).
 */
export function evaluateBatch(fn: KpiFunction, data: Float64Array, start: number, count: number, dims: number, offset = start): BatchResult {
  const failures: SampleFailure[] = [];
  const columns = new BatchColumns(count);
  for (let r = 0; r < count; r++) {
    const at = (start + r - offset) * dims;
    const row = data.subarray(at, at + dims);
    let k: KpiValues;
    try {
      k = fn(row);
    } catch (e) {
      failures.push(failureOf(e, start + r));
      continue;
    }
    columns.put(r, k);
  }
  return { start, count, names: columns.names, values: columns.values, failures };
}

/**
 * The values of a batch's rows, written as each row is evaluated: its KPI record is read at once
 * and dropped, not kept until the batch ends (a record of ≈ 30 boxed numbers per row, 256 rows
 * between two yields of the CLI's own thread: a young generation full of records that every
 * scavenge copied). Every row of a study gives the same names in the same order, so a row's k-th
 * name is looked for at column k first (the map only for a name elsewhere or new).
 */
class BatchColumns {
  /** KPI names in order of first appearance (row order, then the record's own order). */
  readonly names: string[] = [];
  /** count × width values, row-major; NaN where absent. */
  values = new Float64Array(0);
  private readonly index = new Map<string, number>();
  private width = 0;

  constructor(private readonly count: number) {}

  /** Write row `r`'s finite values; a row with a name no earlier row had widens the table first. */
  put(r: number, k: KpiValues): void {
    if (!this.write(r, k)) {
      this.widen();
      this.write(r, k);
    }
  }

  /** Write the values whose column the table has; false when a name had none (added to `names`). */
  private write(r: number, k: KpiValues): boolean {
    const names = this.names;
    const width = this.width;
    const values = this.values;
    let fits = true;
    let i = 0;
    // for…in, not Object.keys / Object.entries: no list of names or pairs per sample (same order).
    for (const name in k) {
      const col = names[i] === name ? i : this.columnOf(name);
      i++;
      if (col >= width) {
        fits = false;
        continue;
      }
      const v = k[name]!;
      if (Number.isFinite(v)) values[r * width + col] = v;
    }
    return fits;
  }

  /** The column of a name, a new one after the others for a name not seen before. */
  private columnOf(name: string): number {
    let col = this.index.get(name);
    if (col === undefined) {
      col = this.names.length;
      this.index.set(name, col);
      this.names.push(name);
    }
    return col;
  }

  /** One column per name: the rows written so far copied into a wider table (NaN in the new columns). */
  private widen(): void {
    const w = this.names.length;
    const next = new Float64Array(this.count * w).fill(NaN);
    const old = this.width;
    for (let r = 0; r < this.count; r++) for (let c = 0; c < old; c++) next[r * w + c] = this.values[r * old + c]!;
    this.values = next;
    this.width = w;
  }
}

/** Put batch results together by row index. */
export function assemble(rows: number, batches: readonly BatchResult[]): Evaluations {
  const sorted = [...batches].sort((a, b) => a.start - b.start);
  const kpis: string[] = [];
  const columns: Record<string, Float64Array> = {};
  const failures: SampleFailure[] = [];
  for (const b of sorted) {
    for (const name of b.names) if (!columns[name]) { columns[name] = new Float64Array(rows).fill(NaN); kpis.push(name); }
    const w = b.names.length;
    // Column by column: one lookup of a name per batch, not one per value (≈ 30 a row).
    for (let c = 0; c < w; c++) {
      const col = columns[b.names[c]!]!;
      for (let r = 0; r < b.count; r++) col[b.start + r] = b.values[r * w + c]!;
    }
    failures.push(...b.failures);
  }
  return { rows, kpis, columns, failures };
}

/** Evaluate in this thread with a KPI function (tests, tornado, small runs). */
export function inlineEvaluator(fn: KpiFunction, batchSize = 64): BatchEvaluator {
  return {
    evaluate: async (matrix, onProgress) => {
      const batches: BatchResult[] = [];
      for (let start = 0; start < matrix.rows; start += batchSize) {
        const count = Math.min(batchSize, matrix.rows - start);
        batches.push(evaluateBatch(fn, matrix.data, start, count, matrix.dims, 0));
        onProgress?.(start + count, matrix.rows);
      }
      return assemble(matrix.rows, batches);
    },
  };
}

/**
 * An evaluator that evaluates the rows of a matrix in `order` (order[k]: the row evaluated k-th, a
 * permutation) and returns the evaluations in the matrix's own row order, as if evaluated in it:
 * values and failures by row, KPI names by first appearance over the rows, the names first seen in
 * one row in `kpiOrder` (the order every row's KPIs come in; names it lacks after, as first met).
 * A caller places rows that share work next to each other (a Sobol A_B row after its A row).
 */
export function orderedEvaluator(inner: BatchEvaluator, order: Int32Array, kpiOrder: readonly string[]): BatchEvaluator {
  return {
    evaluate: async (matrix, onProgress) => {
      const { rows, dims } = matrix;
      if (order.length !== rows) throw new Error(`internal: an evaluation order of ${order.length} rows for a matrix of ${rows}`);
      const data = new Float64Array(rows * dims);
      for (let k = 0; k < rows; k++) data.set(matrix.data.subarray(order[k]! * dims, (order[k]! + 1) * dims), k * dims);
      const ev = await inner.evaluate({ rows, dims, data }, onProgress);
      const columns: Record<string, Float64Array> = {};
      const firstRow = new Map<string, number>();
      for (const name of ev.kpis) {
        const col = ev.columns[name]!;
        const out = new Float64Array(rows);
        let first = rows;
        for (let k = 0; k < rows; k++) {
          const v = col[k]!;
          out[order[k]!] = v;
          if (!Number.isNaN(v) && order[k]! < first) first = order[k]!;
        }
        columns[name] = out;
        firstRow.set(name, first);
      }
      const rank = (name: string) => {
        const i = kpiOrder.indexOf(name);
        return i >= 0 ? i : kpiOrder.length + ev.kpis.indexOf(name);
      };
      const kpis = [...ev.kpis].sort((a, b) => firstRow.get(a)! - firstRow.get(b)! || rank(a) - rank(b));
      const failures = ev.failures.map((f) => ({ ...f, index: order[f.index]! })).sort((a, b) => a.index - b.index);
      return { rows, kpis, columns, failures };
    },
  };
}
