import { describe, expect, it } from 'vitest';
import { toBox, fromBox, BOX_MARGIN } from '../../src/optimize/box.js';
import { symmetricEigen } from '../../src/optimize/linalg.js';
import { readVary, readVaries, valueAt, unitOf, patchValueOf, stepOf } from '../../src/optimize/space.js';
import { readConstraint, assess, compareAssessments, prepareObjective } from '../../src/optimize/constraints.js';
import { sharesFromSticks, sticksFromShares, pureAssignments, DEAD_ZONE } from '../../src/optimize/allocation.js';
import { RegenflowError } from '../../src/schema/errors.js';

describe('box transformation (pycma linear–quadratic)', () => {
  it('maps every genotype into [0, 1], is the identity inside and reaches the bounds exactly', () => {
    for (let x = -7; x <= 8; x += 0.013) {
      const u = toBox(x);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThanOrEqual(1);
    }
    expect(toBox(0.5)).toBe(0.5);
    expect(toBox(BOX_MARGIN)).toBeCloseTo(BOX_MARGIN, 15);
    expect(toBox(-BOX_MARGIN)).toBe(0);
    expect(toBox(1 + BOX_MARGIN)).toBe(1);
    // Mirrored beyond the bounds: symmetric about −a and 1 + a.
    expect(toBox(-0.2)).toBeCloseTo(toBox(0.1), 14);
    expect(toBox(1.3)).toBeCloseTo(toBox(0.8), 14);
  });
  it('fromBox inverts toBox', () => {
    for (const u of [0, 1e-6, 0.01, 0.05, 0.3, 0.97, 1]) expect(toBox(fromBox(u))).toBeCloseTo(u, 12);
  });
});

describe('symmetric eigendecomposition (Jacobi)', () => {
  it('reconstructs the matrix from orthonormal eigenvectors', () => {
    const n = 4;
    const a = new Float64Array([4, 1, 0.5, 0.2, 1, 3, 0.3, 0.1, 0.5, 0.3, 2, 0.05, 0.2, 0.1, 0.05, 1]);
    const { values, vectors } = symmetricEigen({ n, data: a });
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        let o = 0;
        for (let k = 0; k < n; k++) {
          s += vectors.data[i * n + k]! * values[k]! * vectors.data[j * n + k]!;
          o += vectors.data[k * n + i]! * vectors.data[k * n + j]!;
        }
        expect(s).toBeCloseTo(a[i * n + j]!, 12);
        expect(o).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });
});

describe('--vary texts', () => {
  it('reads continuous ranges with units, integer ranges and choices', () => {
    expect(readVary('relith.temperature=160 degC:250 degC')).toMatchObject({ kind: 'continuous', path: 'relith.temperature', lo: 160, hi: 250, unit: 'degC' });
    expect(readVary('relith.temperature=160:250 degC')).toMatchObject({ kind: 'continuous', lo: 160, hi: 250, unit: 'degC' });
    expect(readVary('sinter.dwell=1 h:480 min')).toMatchObject({ kind: 'continuous', lo: 1, hi: 8, unit: 'h' });
    expect(readVary('sinter.dwell=1:8')).toMatchObject({ kind: 'continuous', lo: 1, hi: 8, unit: null });
    expect(readVary('wash.stages=2..6')).toMatchObject({ kind: 'integer', lo: 2, hi: 6 });
    expect(readVary('relith.salt=LiOH-LiNO3|LiNO3-LiOH-Li2CO3')).toMatchObject({ kind: 'choice', choices: ['LiOH-LiNO3', 'LiNO3-LiOH-Li2CO3'] });
    expect(readVary('sinter.peak=800 degC|850 degC|900')).toMatchObject({ kind: 'choice', choices: ['800 degC', '850 degC', 900] });
  });
  it('rejects bad texts with catalogue messages', () => {
    expect(readVary('relith.temperature')).toEqual({ error: expect.stringContaining('cannot read --vary "relith.temperature" (no "=" between the path and the range); write <path>=<lo>:<hi>') });
    expect(readVary('x=250:160')).toEqual({ error: 'the upper bound is not above the lower bound in --vary "x=250:160" (250:160); give lo < hi' });
    expect(readVary('x=1 h:5 kg')).toEqual({ error: expect.stringContaining('cannot be converted') });
    expect(readVary('x=a|a')).toEqual({ error: expect.stringContaining('a choice is listed twice') });
    expect(() => readVaries(['x=1:2', 'x=3:4'])).toThrow('--vary "x=3:4": the path "x" is varied twice (first in --vary "x=1:2"); vary each path once');
    expect(() => readVaries([])).toThrow(RegenflowError);
  });
  it('maps the unit interval to rounded values, levels and patch values', () => {
    const t = readVary('relith.temperature=160 degC:250 degC');
    if ('error' in t || t.kind !== 'continuous') throw new Error('not a continuous parameter');
    expect(stepOf(t)).toBe(1e-5);
    expect(valueAt(t, 0)).toBe(160);
    expect(valueAt(t, 1)).toBe(250);
    expect(valueAt(t, 1 / 3)).toBe(190);
    expect(valueAt(t, 0.123456789)).toBe(171.11111);
    expect(patchValueOf(t, 171.11111)).toBe('171.11111 degC');
    expect(unitOf(t, 205)).toBe(0.5);
    const n = readVary('n=2..4');
    if ('error' in n) throw new Error(n.error);
    expect([0, 0.33, 0.34, 0.66, 0.67, 1].map((u) => valueAt(n, u))).toEqual([2, 2, 3, 3, 4, 4]);
    expect(unitOf(n, 3)).toBe(0.5);
  });
});

describe('constraints and ranking', () => {
  it('reads constraints and refuses others', () => {
    expect(readConstraint('inSpecFraction >= 0.95')).toEqual({ kpi: 'inSpecFraction', op: '>=', value: 0.95, text: 'inSpecFraction >= 0.95' });
    expect(readConstraint('npvUsd≥0')).toMatchObject({ op: '>=', value: 0 });
    expect(readConstraint('capexUsd <= 5e7')).toMatchObject({ op: '<=', value: 5e7 });
    expect(() => readConstraint('npvUsd > 0')).toThrow('--constraint "npvUsd > 0": cannot read the constraint "npvUsd > 0"; write <kpi> >= <value> or <kpi> <= <value>');
  });
  it('names unknown KPIs with the valid ones', () => {
    expect(() => prepareObjective({ npvUsd: 1, irr: null, nested: {} }, 'npv', undefined, [])).toThrow('--objective: unknown KPI "npv"; KPIs of this scenario: npvUsd, irr');
    expect(prepareObjective({ npvUsd: 1 }, 'npvUsd', undefined, []).objective.direction).toBe('maximize');
    expect(prepareObjective({ costUsdPerKgProduct: 1 }, 'costUsdPerKgProduct', undefined, []).objective.direction).toBe('minimize');
  });
  it('ranks feasible before infeasible before failed (Deb)', () => {
    const { objective, constraints } = prepareObjective({ f: 1, g: 1 }, 'f', 'minimize', ['g >= 0']);
    const feasibleWorse = assess({ kpis: { f: 5, g: 1 }, failure: null }, objective, constraints);
    const feasibleBetter = assess({ kpis: { f: 3, g: 0 }, failure: null }, objective, constraints);
    const slightlyInfeasible = assess({ kpis: { f: -100, g: -0.1 }, failure: null }, objective, constraints);
    const veryInfeasible = assess({ kpis: { f: -100, g: -3 }, failure: null }, objective, constraints);
    const failed = assess({ kpis: null, failure: { kind: 'model', message: 'x' } }, objective, constraints);
    const sorted = [failed, veryInfeasible, feasibleWorse, slightlyInfeasible, feasibleBetter].sort((a, b) => compareAssessments(a, b, 'minimize'));
    expect(sorted).toEqual([feasibleBetter, feasibleWorse, slightlyInfeasible, veryInfeasible, failed]);
    expect(slightlyInfeasible.violations).toEqual([0.1]);
  });
});

describe('allocation coordinates', () => {
  it('stick-breaking gives shares that sum to 1, with dead zones at both ends', () => {
    expect(sharesFromSticks([0])).toEqual([0, 1]);
    expect(sharesFromSticks([DEAD_ZONE / 2])).toEqual([0, 1]);
    expect(sharesFromSticks([1 - DEAD_ZONE / 2])).toEqual([1, 0]);
    expect(sharesFromSticks([0.5])).toEqual([0.5, 0.5]);
    const three = sharesFromSticks([0.5, 0.5]);
    expect(three).toEqual([0.5, 0.25, 0.25]);
    for (const s of [[0.3, 0.7], [0.123456, 0.9], [0.95, 0.05]]) expect(Math.abs(sharesFromSticks(s).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    for (const shares of [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.2, 0.3, 0.5]]) {
      const back = sharesFromSticks(sticksFromShares(shares));
      back.forEach((v, i) => expect(v).toBeCloseTo(shares[i]!, 6));
    }
  });
  it('enumerates pure assignments up to the limit', () => {
    expect(pureAssignments(2, 2)).toEqual([[0, 0], [1, 0], [0, 1], [1, 1]]);
    expect(pureAssignments(3, 2)).toHaveLength(8);
    expect(pureAssignments(7, 2)).toBeNull();
  });
});
