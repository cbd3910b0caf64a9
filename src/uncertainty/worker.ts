/**
 * Worker thread of the evaluation pool (pool.ts). Reads the scenario once when it starts (and
 * evaluates the base once, to warm up while the main thread prepares the sample matrix), then
 * evaluates the batches of rows it is sent and posts back their KPI values (transferred).
 *
 * workerData:   { file, flowsheet? }
 * Messages in:  { type: 'batch', start, count, dims, data: Float64Array, inputs: TargetInput[] }
 * Messages out: { type: 'done', start, count, names, values: Float64Array, failures }
 *               { type: 'fatal', code?, exitCode?, issues?, message } when the scenario cannot be read
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRawScenario, type RawScenario } from '../pipeline/load.js';
import { RegenflowError } from '../schema/errors.js';
import { scenarioKpiFunction, scenarioKpis, type ScenarioSource, type TargetInput } from './evaluator.js';
import { evaluateBatch, type KpiFunction } from './runner.js';

/** A batch request. */
export interface BatchMessage {
  type: 'batch';
  start: number;
  count: number;
  dims: number;
  data: Float64Array;
  inputs: TargetInput[];
}

const port = parentPort;
if (port) {
  const source = workerData as ScenarioSource;
  let raw: RawScenario | undefined;
  try {
    raw = loadRawScenario(source.file, source.flowsheet);
  } catch (e) {
    if (e instanceof RegenflowError) port.postMessage({ type: 'fatal', code: e.code, exitCode: e.exitCode, issues: e.issues, message: e.message });
    else port.postMessage({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
  }
  if (raw) {
    const r = raw;
    let key = '';
    let fn: KpiFunction | undefined;
    port.on('message', (m: BatchMessage) => {
      const k = JSON.stringify(m.inputs);
      if (!fn || k !== key) {
        fn = scenarioKpiFunction({ ...source, inputs: m.inputs }, r);
        key = k;
      }
      const result = evaluateBatch(fn, m.data, m.start, m.count, m.dims);
      port.postMessage({ type: 'done', ...result }, [result.values.buffer as ArrayBuffer]);
    });
    // Warm-up: the base scenario once (its result is not used; a failure shows up in the samples).
    try { scenarioKpis(r, []); } catch { /* reported by the evaluations themselves */ }
  }
}
