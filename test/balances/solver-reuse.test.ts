/**
 * A loop unit whose inlets in a later pass are those of its last full run is not run again: its run
 * is reused (balances/solver.ts). On the reference flowsheet the hydrothermal loop takes two passes:
 * relithiation reads the tear (a stopped-at-outlets first pass, then a full one); washing and
 * liquor recovery get the same inlets in the second pass and run once. The solution is the one
 * every unit run in full gives.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { solve, type RunnableUnit } from '../../src/balances/solver.js';
import { outletsOnly } from '../../src/unit-ops/contract.js';

describe('reused loop runs', () => {
  const model = resolveModel(loadRawScenario('scenarios/reference-cn.yaml'));
  const report = evaluate(model);

  it('run washing and liquor recovery once, and solve as if every unit ran in every pass', () => {
    const calls = new Map<string, number>();
    const lean = new Map<string, number>();
    const units = new Map<string, RunnableUnit>();
    for (const u of model.flowsheet.units) {
      units.set(u.id, {
        id: u.id,
        inletPorts: u.ports.inlets.map((p) => p.name),
        run: (ins, ctx) => {
          calls.set(u.id, (calls.get(u.id) ?? 0) + 1);
          if (outletsOnly()) lean.set(u.id, (lean.get(u.id) ?? 0) + 1);
          return u.op.run(u.params as never, ins, { ...ctx, feedBasis: model.feed.basis });
        },
      });
    }
    const solution = solve(model.flowsheet.graph, units, report.feed, model.flowsheet.solver);
    expect(solution.loops[0]!.iterations).toBe(2);
    expect(Object.fromEntries(calls)).toEqual({ sort: 1, delam: 1, relith: 2, wash: 1, recover: 1, lirec: 1, dry: 1, sinter: 1 });
    expect(Object.fromEntries(lean)).toEqual({ relith: 1 });
    expect(JSON.stringify([...solution.streams])).toBe(JSON.stringify([...report.solution.streams]));
    expect(JSON.stringify([...solution.runs])).toBe(JSON.stringify([...report.solution.runs]));
    expect(JSON.stringify([...solution.inlets])).toBe(JSON.stringify([...report.solution.inlets]));
  });
});
