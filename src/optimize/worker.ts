/**
 * Worker thread of the optimiser's pool (workers.ts): builds the problem's context from its files
 * once, then evaluates the chunks of requests it is sent.
 *
 * workerData:   ProblemSource
 * Messages in:  { start, requests: EvalRequest[] }
 * Messages out: { type: 'done', start, outcomes } | { type: 'fatal', message } when the files cannot be read
 */
import { parentPort, workerData } from 'node:worker_threads';
import { problemContext, type EvalRequest, type ProblemContext, type ProblemSource } from './problem.js';

const port = parentPort;
if (port) {
  let context: ProblemContext | undefined;
  try {
    context = problemContext(workerData as ProblemSource);
  } catch (e) {
    port.postMessage({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
  }
  if (context) {
    const c = context;
    port.on('message', (m: { start: number; requests: EvalRequest[] }) => {
      port.postMessage({ type: 'done', start: m.start, outcomes: m.requests.map((r) => c.outcome(r)) });
    });
  }
}
