/**
 * A Monte Carlo sample checks the plant's balance closure as a report does (evaluate.ts: the worst
 * closure from the element sums, balances/report.ts worstClosureOf): a flowsheet whose balances do
 * not close fails in sample mode with the plant's worst closure.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate, evaluatePhysics, CLOSURE_LIMIT } from '../../src/pipeline/evaluate.js';
import { msg } from '../../src/schema/messages.js';
import type { Closure } from '../../src/balances/report.js';
import { kpisOf } from '../../src/pipeline/document.js';

const dir = mkdtempSync(join(tmpdir(), 'regenflow-evaluate-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const worstOf = (c: Closure) => Object.values(c.elementClosure).reduce((w: number, x) => Math.max(w, x!), c.massClosure);

describe('evaluate in sample mode', () => {
  it('a loop solved loosely (balances that do not close): the sample fails with the plant\'s worst closure, as the plant-wide check finds it', () => {
    const fs = join(dir, 'loose.yaml');
    writeFileSync(fs, `${readFileSync(resolve('flowsheets/electrochemical.yaml'), 'utf8')}solver: { tolerance: 1.0e-3, method: direct }\n`);
    const model = resolveModel(loadRawScenario('scenarios/reference-cn.yaml', fs));
    const physics = evaluatePhysics(model);
    const worst = worstOf(physics.balances.plant);
    expect(worst).toBeGreaterThan(CLOSURE_LIMIT);
    expect(evaluatePhysics(model, { mode: 'sample' }).balances.worstClosure).toBe(worst);
    expect(() => evaluate(model, { mode: 'sample' })).toThrow(msg.plantClosure(worst.toExponential(2), CLOSURE_LIMIT));
    expect(() => evaluate(model)).toThrow(msg.plantClosure(worst.toExponential(2), CLOSURE_LIMIT));
  });
});

describe('runners and runnables kept across evaluations', () => {
  it('a sample of one flowsheet after samples of others (units of the same ids among them) gives its KPIs bit for bit', () => {
    const kpis = (m: ReturnType<typeof resolveModel>) => JSON.stringify(kpisOf(evaluate(m, { mode: 'sample' })));
    const hydro = resolveModel(loadRawScenario('scenarios/reference-cn.yaml'));
    const first = kpis(hydro);
    const molten = resolveModel(loadRawScenario('scenarios/reference-cn.yaml', 'flowsheets/molten-salt.yaml'));
    const moltenFirst = kpis(molten);
    kpis(resolveModel(loadRawScenario('scenarios/black-mass-cn.yaml')));
    expect(kpis(resolveModel(loadRawScenario('scenarios/reference-cn.yaml')))).toBe(first);
    expect(kpis(molten)).toBe(moltenFirst);
    expect(kpis(hydro)).toBe(first);
  });
});
