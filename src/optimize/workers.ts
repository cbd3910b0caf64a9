/**
 * Evaluating batches of requests: in this thread, or on a pool of worker threads (worker.ts) that
 * each build the same ProblemContext from the problem's files. A batch is cut into contiguous
 * chunks, a worker takes the next chunk as soon as it is done, and outcomes are put back by
 * position — so the result is the same whatever the number of workers or the order chunks finish.
 *
 * Workers run compiled JavaScript: from the bundled CLI (dist/bundle/) the worker is the bundled
 * optimize-worker.js beside it, from dist/ the sibling worker.js; from the TypeScript sources
 * (vitest) it is dist/optimize/worker.js under the package root, so `npm run build` must have run
 * (npm test does).
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegenflowError } from '../schema/errors.js';
import type { Outcome } from './constraints.js';
import type { EvalRequest, ProblemContext, ProblemSource } from './problem.js';

/** Evaluates batches of requests. */
export interface BatchEvaluator {
  evaluate(requests: readonly EvalRequest[]): Promise<Outcome[]>;
  /** Stop any workers (always call it). */
  close(): Promise<void>;
}

/** Evaluate in this thread. */
export function inlineEvaluator(context: ProblemContext): BatchEvaluator {
  return { evaluate: async (requests) => requests.map((r) => context.outcome(r)), close: async () => undefined };
}

/** Path of the compiled worker script (see the file's comment). */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return resolve(dirname(here), '..', '..', 'dist', 'optimize', 'worker.js');
  // A chunk of the bundle (scripts/bundle.js names the worker entries).
  if (basename(dirname(here)) === 'bundle') return join(dirname(here), 'optimize-worker.js');
  return join(dirname(here), 'worker.js');
}

/** Messages a worker sends. */
export type WorkerReply = { type: 'done'; start: number; outcomes: Outcome[] } | { type: 'fatal'; message: string };

/** Start `workers` threads for `source`. */
export function poolEvaluator(source: ProblemSource, workers: number): BatchEvaluator {
  const script = workerScript();
  if (!existsSync(script)) throw new Error(`the worker script ${script} does not exist; run npm run build`);
  let onReply: ((w: Worker, m: WorkerReply) => void) | undefined;
  let onError: ((e: Error) => void) | undefined;
  let closing = false;
  // A worker that cannot start breaks the pool: the batch in flight (or the next one) fails with it.
  let broken: Error | undefined;
  const fail = (e: Error) => {
    if (closing) return;
    broken ??= e;
    onError?.(e);
  };
  const threads = Array.from({ length: workers }, () => {
    const w = new Worker(script, { workerData: source });
    w.on('message', (m: WorkerReply) => (m.type === 'fatal' ? fail(new RegenflowError('worker-failed', m.message, { exitCode: 2 })) : onReply?.(w, m)));
    w.on('error', (e) => fail(e));
    w.on('exit', (code) => fail(new Error(`an evaluation worker stopped unexpectedly (exit code ${code})`)));
    return w;
  });
  return {
    evaluate: (requests) => new Promise((resolvePromise, reject) => {
      if (broken) return reject(broken);
      const n = requests.length;
      if (n === 0) return resolvePromise([]);
      const size = Math.max(1, Math.ceil(n / (workers * 2)));
      const chunks: [number, number][] = [];
      for (let s = 0; s < n; s += size) chunks.push([s, Math.min(n, s + size)]);
      const out = new Array<Outcome>(n);
      let next = 0;
      let done = 0;
      const send = (w: Worker) => {
        if (next >= chunks.length) return;
        const [s, e] = chunks[next++]!;
        w.postMessage({ start: s, requests: requests.slice(s, e) });
      };
      onReply = (w, m) => {
        if (m.type !== 'done') return;
        m.outcomes.forEach((o, i) => { out[m.start + i] = o; });
        if (++done === chunks.length) { onReply = undefined; onError = undefined; resolvePromise(out); } else send(w);
      };
      onError = (e) => { onReply = undefined; onError = undefined; reject(e); };
      for (const w of threads) send(w);
    }),
    close: async () => {
      closing = true;
      await Promise.all(threads.map((w) => w.terminate())).catch(() => undefined);
    },
  };
}

/** The evaluator for a worker count: this thread for 1, a pool otherwise. */
export function batchEvaluator(source: ProblemSource, context: ProblemContext, workers: number): BatchEvaluator {
  return workers <= 1 ? inlineEvaluator(context) : poolEvaluator(source, workers);
}
