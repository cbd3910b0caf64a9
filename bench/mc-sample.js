#!/usr/bin/env node
// Settled cost of one Monte Carlo sample on the reference route (issue 19; target ≤ 0.15 ms), run
// by bench/run.js in a process of its own: the scenario's 6 uncertain inputs, patch → resolve →
// evaluate (sample mode) → KPIs, in this thread; the median per-sample time of the last blocks of
// 500, after the JIT has settled. It measures the sample alone, whatever else the benchmarks do:
// after the other benchmarks in their process (other flowsheets, the molten-salt route, a sizing
// sweep: V8's inline caches have seen their shapes too, and the heap holds more) the same build
// took 165 µs against 130 µs here (round 11). What a user's `regenflow uncertainty` gets lies in
// between; bench/run.js measures it in the CLI (twice the samples less once). Prints one line per figure.
import { Session } from 'node:inspector/promises';
import { prepareScenario } from '../dist/uncertainty/scenario.js';
import { scenarioKpiFunction } from '../dist/uncertainty/evaluator.js';
import { monteCarloMatrix } from '../dist/uncertainty/monte-carlo.js';
import { mapMatrix } from '../dist/uncertainty/scope.js';

const quick = process.argv.includes('--quick');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`);
const report = (name, value, target) => console.log(`${name.padEnd(72)} ${value.padStart(10)}   ${target ?? ''}`);

/**
 * Mean kilobytes allocated per call of f(i) for i in [from, to), objects collected since included
 * (the inspector's sampling heap profiler, a sample every 1 KB: an estimate to a few per cent).
 */
async function allocatedPerCall(f, from, to) {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = from; i < to; i++) f(i);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let bytes = 0;
  const walk = (node) => { bytes += node.selfSize; for (const c of node.children) walk(c); };
  walk(profile.head);
  return bytes / (to - from) / 1000;
}

const p = prepareScenario({ file: 'scenarios/reference-cn.yaml' });
const n = quick ? 4000 : 10000;
// Values drawn as "% of base" map onto the route's own value, as `regenflow uncertainty` does.
const m = mapMatrix(p.mapping, monteCarloMatrix(p.inputs.map((i) => i.spec), n, 7));
const fn = scenarioKpiFunction(p.target, p.raw);
const blocks = [];
let s = performance.now();
for (let r = 0; r < n; r++) {
  fn(m.data.subarray(r * m.dims, (r + 1) * m.dims));
  if ((r + 1) % 500 === 0) { const e = performance.now(); blocks.push((e - s) / 500); s = e; }
}
report('Monte Carlo sample, reference route, settled (median of the last 6 blocks of 500)', fmt(median(blocks.slice(-6))), 'target ≤ 0.15 ms');
report('Monte Carlo sample, reference route, first 500 samples (JIT warming up)', fmt(blocks[0]));
// Bytes allocated per settled sample, from V8's sampling heap profiler with collected objects
// included: unlike a time, it does not depend on the machine's load, and the allocation (and the
// young-generation collections it causes) is a large part of a sample's cost.
const kb = await allocatedPerCall((r) => fn(m.data.subarray(r * m.dims, (r + 1) * m.dims)), n - 2000, n);
report('Monte Carlo sample, reference route, settled: allocated per sample', `${kb.toFixed(0)} KB`, '(sampling heap profiler, every 1 KB)');
