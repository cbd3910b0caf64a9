/**
 * A pool of worker threads that evaluates sample matrices (issue 8, "Parallel"). Workers start at
 * once and read the scenario while the main thread prepares; rows then go out in batches
 * (Float64Array slices, transferred, not copied), a worker takes the next batch as soon as it is
 * done, and results are assembled by row index — identical whatever the number of workers, the
 * batch size or the order in which batches finish.
 *
 * A pool of one evaluates in this thread (issue 19): a single worker would load every module
 * again and warm its JIT up from cold while this thread — already warm from reading the scenario
 * and evaluating the base — waits; on two cores a second worker adds little, as V8's background
 * compiler and garbage collector already use the other core.
 *
 * Workers run compiled JavaScript: from the bundled CLI (dist/bundle/) the worker is the bundled
 * uncertainty-worker.js beside it, from dist/ the sibling worker.js; from the TypeScript sources
 * (vitest) it is dist/uncertainty/worker.js under the package root, so `npm run build` must have
 * run (npm test does).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegenflowError, type InputIssue } from '../schema/errors.js';
import { assemble, evaluateBatch, type BatchEvaluator, type BatchResult, type Evaluations, type Progress } from './runner.js';
import { scenarioKpiFunction, type ScenarioSource, type ScenarioTarget, type TargetInput } from './evaluator.js';
import type { SampleMatrix } from './sampling.js';
import { loadRawScenario, type RawScenario } from '../pipeline/load.js';

/** Most workers used by default. */
export const MAX_DEFAULT_WORKERS = 8;

/**
 * Default worker count for `cores` available cores (os.availableParallelism()): one — this
 * thread — on up to two cores, else one core left for the main thread's and V8's background work
 * (compiler, garbage collector), at most MAX_DEFAULT_WORKERS. Measured on 2 shared cores (issue
 * 19): 10,000 samples of the reference scenario took 6.9 s in this thread, 7.6–14 s on 2 workers.
 */
export function defaultWorkers(cores: number = availableParallelism()): number {
  return cores <= 2 ? 1 : Math.min(MAX_DEFAULT_WORKERS, cores - 1);
}

/** Rows evaluated between two yields to the event loop when evaluating in this thread. */
const THREAD_BATCH_ROWS = 256;

/** Path of the compiled worker script (see the file's comment). */
export function workerScriptPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return resolve(dirname(here), '..', '..', 'dist', 'uncertainty', 'worker.js');
  // A chunk of the bundle (scripts/bundle.js names the worker entries).
  if (basename(dirname(here)) === 'bundle') return join(dirname(here), 'uncertainty-worker.js');
  return join(dirname(here), 'worker.js');
}

/** Options of the pool. */
export interface PoolOptions {
  /** Number of worker threads (default: available cores, ≤ 8). */
  workers?: number;
  /** Rows per batch (default: about four batches per worker, 1…100 rows). */
  batchSize?: number;
}

/** Running workers for one scenario. */
export interface WorkerPool {
  readonly size: number;
  /** An evaluator whose matrix columns set `inputs`. */
  evaluator(inputs: readonly TargetInput[]): BatchEvaluator;
  /** Stop the workers (always call it, also after an error). */
  close(): Promise<void>;
}

type WorkerMessage =
  | ({ type: 'done' } & BatchResult)
  | { type: 'fatal'; message: string; code?: string; exitCode?: 1 | 2; issues?: InputIssue[] };

interface Job {
  onDone(w: Worker, m: BatchResult): void;
  onError(e: Error): void;
}

/**
 * The pool of one: evaluates in this thread with the scenario `raw()` gives (the one this thread
 * already read, so no file is read twice), yielding to the event loop between batches.
 */
function threadPool(source: ScenarioSource, raw: () => RawScenario): WorkerPool {
  const run = async (inputs: readonly TargetInput[], matrix: SampleMatrix, onProgress?: Progress): Promise<Evaluations> => {
    const fn = scenarioKpiFunction({ ...source, inputs: [...inputs] }, raw());
    const batches: BatchResult[] = [];
    for (let start = 0; start < matrix.rows; start += THREAD_BATCH_ROWS) {
      const count = Math.min(THREAD_BATCH_ROWS, matrix.rows - start);
      batches.push(evaluateBatch(fn, matrix.data, start, count, matrix.dims, 0));
      onProgress?.(start + count, matrix.rows);
      if (start + count < matrix.rows) await new Promise((r) => setImmediate(r));
    }
    return assemble(matrix.rows, batches);
  };
  return { size: 1, evaluator: (inputs) => ({ evaluate: (matrix, onProgress) => run(inputs, matrix, onProgress) }), close: async () => undefined };
}

/**
 * Start `workers` threads that read `source`; evaluate with pool.evaluator(inputs). With one
 * worker the pool evaluates in this thread, on the scenario `raw` gives (read from `source` when
 * not given).
 */
export function startWorkerPool(source: ScenarioSource, options: PoolOptions = {}, raw?: () => RawScenario): WorkerPool {
  const size = Math.max(1, options.workers ?? defaultWorkers());
  if (size === 1) {
    let read: RawScenario | undefined;
    return threadPool(source, raw ?? (() => (read ??= loadRawScenario(source.file, source.flowsheet))));
  }
  const script = workerScriptPath();
  if (!existsSync(script)) throw new Error(`the worker script ${script} does not exist; run npm run build`);
  const workerData: ScenarioSource = { file: source.file, ...(source.flowsheet ? { flowsheet: source.flowsheet } : {}) };
  let job: Job | undefined;
  let broken: Error | undefined;
  let closing = false;
  const breakWith = (e: Error) => {
    if (closing || broken) return;
    broken = e;
    job?.onError(e);
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(script, { workerData });
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'fatal') breakWith(m.code ? new RegenflowError(m.code, m.message, { exitCode: m.exitCode ?? 1, ...(m.issues ? { issues: m.issues } : {}) }) : new Error(m.message));
      else job?.onDone(w, m);
    });
    w.on('error', (e) => breakWith(e));
    w.on('exit', (code) => breakWith(new Error(`an evaluation worker stopped unexpectedly (exit code ${code})`)));
    return w;
  });

  const run = (inputs: readonly TargetInput[], matrix: SampleMatrix, onProgress?: Progress): Promise<Evaluations> => {
    const total = matrix.rows;
    const d = matrix.dims;
    if (broken) return Promise.reject(broken);
    if (job) return Promise.reject(new Error('internal: the worker pool is already evaluating'));
    if (total === 0) return Promise.resolve(assemble(0, []));
    const batchSize = options.batchSize ?? Math.max(1, Math.min(100, Math.ceil(total / (size * 4))));
    const batches: [number, number][] = [];
    for (let s = 0; s < total; s += batchSize) batches.push([s, Math.min(batchSize, total - s)]);
    const list = [...inputs];
    return new Promise((resolvePromise, reject) => {
      const results: BatchResult[] = [];
      let next = 0;
      let done = 0;
      const send = (w: Worker) => {
        if (next >= batches.length) return;
        const [start, count] = batches[next++]!;
        const data = matrix.data.slice(start * d, (start + count) * d);
        w.postMessage({ type: 'batch', start, count, dims: d, data, inputs: list }, [data.buffer]);
      };
      job = {
        onDone: (w, m) => {
          results.push(m);
          done += m.count;
          onProgress?.(done, total);
          if (results.length === batches.length) {
            job = undefined;
            resolvePromise(assemble(total, results));
          } else send(w);
        },
        onError: (e) => {
          job = undefined;
          reject(e);
        },
      };
      for (const w of workers) send(w);
    });
  };

  return {
    size,
    evaluator: (inputs) => ({ evaluate: (matrix, onProgress) => run(inputs, matrix, onProgress) }),
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate())).catch(() => undefined);
    },
  };
}

/** An evaluator that starts a pool for one evaluation of `target` and stops it afterwards. */
export function workerEvaluator(target: ScenarioTarget, options: PoolOptions = {}): BatchEvaluator {
  return {
    evaluate: async (matrix, onProgress) => {
      const pool = startWorkerPool(target, { ...options, workers: Math.min(options.workers ?? defaultWorkers(), Math.max(1, matrix.rows)) });
      try {
        return await pool.evaluator(target.inputs).evaluate(matrix, onProgress);
      } finally {
        await pool.close();
      }
    },
  };
}
