#!/usr/bin/env node
// Cost in lots (issue 19; target: 10× the lots ≤ 13× the evaluate time), run by bench/run.js in a
// process of its own: a feed of N/40 lots of NCM523/622/811, each split into 40 sub-lots by a Li/TM
// distribution, through the reference route — 400, 4,000 and 40,000 lots (the feed schema allows
// 1,000 lots of 50 sub-lots at most). Evaluating thousands of lots is bound by V8's young-generation
// collector, whose timing depends on what else the heap holds: measured after the other
// benchmarks in their process, 4,000 lots took 31–38 ms instead of 16–20 ms here. A fresh process
// measures the evaluation, not the benchmarks before it. Prints one line per size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session } from 'node:inspector/promises';
import { loadRawScenario } from '../dist/pipeline/load.js';
import { resolveModel } from '../dist/pipeline/resolve.js';
import { evaluate } from '../dist/pipeline/evaluate.js';

const quick = process.argv.includes('--quick');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`);
const report = (name, value, target) => console.log(`${name.padEnd(72)} ${value.padStart(10)}   ${target ?? ''}`);

/** Median of `reps` timings of f after `warm` warm-up calls. */
function timeIt(f, reps, warm = 50) {
  for (let i = 0; i < warm; i++) f(i);
  const t = [];
  for (let i = 0; i < reps; i++) { const s = performance.now(); f(i); t.push(performance.now() - s); }
  return median(t);
}

/** Mean bytes allocated per call of f over `calls` calls, objects collected since included (sampling heap profiler, every 4 KB). */
async function allocatedPerCall(f, calls) {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = 0; i < calls; i++) f();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let bytes = 0;
  const walk = (node) => { bytes += node.selfSize; for (const c of node.children) walk(c); };
  walk(profile.head);
  return bytes / calls;
}

{
  const dir = mkdtempSync(join(tmpdir(), 'regenflow-lots-'));
  const root = resolve('.');
  const chems = ['NCM523', 'NCM622', 'NCM811'];
  const times = [];
  for (const n of quick ? [400, 4000] : [400, 4000, 40000]) {
    const bins = 40;
    const k = n / bins;
    const lots = Array.from({ length: k }, (_, i) => `  - { id: l${i}, share: ${1 / k}, chemistry: ${chems[i % 3]}, bins: ${bins}, liPerTm: { dist: normal, mean: ${0.8 + (0.1 * ((i * 7) % 10)) / 10}, sd: 0.03 }, cationMixing: 0.05, surfaceRockSalt_nm: 6, crackFraction: 0.2 }`);
    writeFileSync(join(dir, `feed-${n}.yaml`), `id: lots-${n}\nbasis: cathode-scrap\nlots:\n${lots.join('\n')}\n`);
    writeFileSync(join(dir, `scenario-${n}.yaml`), `id: lots-${n}\nflowsheet: ${join(root, 'flowsheets', 'hydrothermal.yaml')}\nplant: ${join(root, 'scenarios', 'plants', 'cn-10kt.yaml')}\nfeed: feed-${n}.yaml\nprices: { set: cn-2024 }\n`);
    const model = resolveModel(loadRawScenario(join(dir, `scenario-${n}.yaml`)));
    // Nine at 40,000 (≈ 0.1 s each): five gave one median in four at twice the others on a day of
    // transient slow minutes (142 against 72–80 ms in the other runs of the hour).
    const reps = n >= 40000 ? 9 : n >= 4000 ? 15 : 60;
    const ms = timeIt(() => evaluate(model, { schedule: false }), reps, n >= 40000 ? 3 : n >= 4000 ? 5 : 50);
    const prev = times.at(-1);
    times.push(ms);
    report(`evaluate, ${n.toLocaleString('en')} lots (${k} feed lots × ${bins}), hydrothermal (median)`, fmt(ms), prev === undefined ? '' : `${(ms / prev).toFixed(1)}× the time for 10× the lots; target ≤ 13×`);
    const mb = (await allocatedPerCall(() => evaluate(model, { schedule: false }), n >= 40000 ? 2 : 5)) / 1e6;
    report(`  allocated per evaluation, ${n.toLocaleString('en')} lots`, `${mb.toFixed(1)} MB`, '(sampling heap profiler)');
  }
  rmSync(dir, { recursive: true, force: true });
}
