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
import { outletsOnly, type RunContext } from '../../src/unit-ops/contract.js';
import type { Model } from '../../src/pipeline/resolve.js';

/** Runnables of the model's units that call `onRun` with each run's unit id and context first. */
function runnables(model: Model, onRun: (id: string, ctx: RunContext) => void): Map<string, RunnableUnit> {
  const units = new Map<string, RunnableUnit>();
  for (const u of model.flowsheet.units) {
    units.set(u.id, {
      id: u.id,
      inletPorts: u.ports.inlets.map((p) => p.name),
      run: (ins, ctx) => {
        onRun(u.id, ctx);
        return u.op.run(u.params as never, ins, { ...ctx, feedBasis: model.feed.basis });
      },
    });
  }
  return units;
}

describe('reused loop runs', () => {
  const model = resolveModel(loadRawScenario('scenarios/reference-cn.yaml'));
  const report = evaluate(model);

  it('run washing and liquor recovery once, and solve as if every unit ran in every pass', () => {
    const calls = new Map<string, number>();
    const lean = new Map<string, number>();
    const units = runnables(model, (id) => {
      calls.set(id, (calls.get(id) ?? 0) + 1);
      if (outletsOnly()) lean.set(id, (lean.get(id) ?? 0) + 1);
    });
    const solution = solve(model.flowsheet.graph, units, report.feed, model.flowsheet.solver);
    expect(solution.loops[0]!.iterations).toBe(2);
    expect(Object.fromEntries(calls)).toEqual({ sort: 1, delam: 1, relith: 2, wash: 1, recover: 1, lirec: 1, dry: 1, sinter: 1 });
    expect(Object.fromEntries(lean)).toEqual({ relith: 1 });
    expect(JSON.stringify([...solution.streams])).toBe(JSON.stringify([...report.solution.streams]));
    expect(JSON.stringify([...solution.runs])).toBe(JSON.stringify([...report.solution.runs]));
    expect(JSON.stringify([...solution.inlets])).toBe(JSON.stringify([...report.solution.inlets]));
  });
});

describe('reused loop runs, by the inlet streams themselves or by their values', () => {
  const model = resolveModel(loadRawScenario('scenarios/reference-cn.yaml'));
  const report = evaluate(model);

  it('reuse liquor recovery when relithiation hands it an equal copy of its liquor, not the same stream', () => {
    const calls = new Map<string, number>();
    const units = runnables(model, (id) => calls.set(id, (calls.get(id) ?? 0) + 1));
    // Relithiation's liquor a new (equal) stream on every run: its second run is not the same object.
    const relith = units.get('relith')!;
    units.set('relith', {
      ...relith,
      run: (ins, ctx) => {
        const r = relith.run(ins, ctx);
        const l = r.outlets.liquor!;
        return { ...r, outlets: { ...r.outlets, liquor: { components: { ...l.components }, lots: l.lots, temperatureK: l.temperatureK } } };
      },
    });
    const solution = solve(model.flowsheet.graph, units, report.feed, model.flowsheet.solver);
    expect(Object.fromEntries(calls)).toEqual({ sort: 1, delam: 1, relith: 2, wash: 1, recover: 1, lirec: 1, dry: 1, sinter: 1 });
    expect(JSON.stringify([...solution.streams])).toBe(JSON.stringify([...report.solution.streams]));
    // the same again, after a solve of the unchanged runnables: nothing kept from one solve to the next
    solve(model.flowsheet.graph, runnables(model, () => {}), report.feed, model.flowsheet.solver);
    calls.clear();
    expect(JSON.stringify([...solve(model.flowsheet.graph, units, report.feed, model.flowsheet.solver).streams])).toBe(JSON.stringify([...report.solution.streams]));
    expect(calls.get('recover')).toBe(1);
  });
});

describe('the per-graph slots of unit runs', () => {
  const model = resolveModel(loadRawScenario('scenarios/reference-cn.yaml'));
  const report = evaluate(model);

  /** Runnables that record the context each run is handed (new port lists each time: new slots). */
  function recording(seen: { unitId: string; ambientK: number }[]): Map<string, RunnableUnit> {
    return runnables(model, (_, ctx) => seen.push({ unitId: ctx.unitId, ambientK: ctx.ambientK }));
  }

  it('hand each unit its own id and the ambient temperature of the solve at hand, whatever was solved before', () => {
    const first: { unitId: string; ambientK: number }[] = [];
    const a = solve(model.flowsheet.graph, recording(first), report.feed, model.flowsheet.solver);
    const warmer: { unitId: string; ambientK: number }[] = [];
    solve(model.flowsheet.graph, recording(warmer), report.feed, model.flowsheet.solver, 300);
    expect(warmer.every((c) => c.ambientK === 300)).toBe(true);
    const again: { unitId: string; ambientK: number }[] = [];
    const b = solve(model.flowsheet.graph, recording(again), report.feed, model.flowsheet.solver);
    expect(again).toEqual(first);
    expect(first.map((c) => c.unitId)).toEqual(['sort', 'delam', 'relith', 'wash', 'recover', 'relith', 'lirec', 'dry', 'sinter']);
    expect(first.every((c) => c.ambientK === 298.15)).toBe(true);
    expect(JSON.stringify([...b.streams])).toBe(JSON.stringify([...a.streams]));
    expect(JSON.stringify([...b.streams])).toBe(JSON.stringify([...report.solution.streams]));
  });
});
