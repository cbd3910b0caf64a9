import { describe, expect, it } from 'vitest';
import { monteCarloUnits, latinHypercubeUnits, saltelliMatrix, sampleInputs } from '../../src/uncertainty/sampling.js';
import { createRandom } from '../../src/uncertainty/random.js';
import { distributionOf } from '../../src/uncertainty/distributions.js';
import { uncertainInputSchema } from '../../src/schema/uncertainty.js';

describe('seeded generator', () => {
  it('same seed → same stream; uniforms in (0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 1000 }, () => a.uniform());
    expect(Array.from({ length: 1000 }, () => b.uniform())).toEqual(xs);
    expect(xs.every((x) => x > 0 && x < 1)).toBe(true);
    expect(createRandom(43).uniform()).not.toBe(xs[0]);
    expect(createRandom(42, 1).uniform()).not.toBe(xs[0]);
  });
});

describe('sampling', () => {
  it('Monte Carlo: reproducible by seed, row-major draw order', () => {
    const m = monteCarloUnits(50, 3, 7);
    expect(monteCarloUnits(50, 3, 7).data).toEqual(m.data);
    const r = createRandom(7);
    expect(m.data[0]).toBe(r.uniform());
    expect(m.data[1]).toBe(r.uniform());
    expect(monteCarloUnits(50, 3, 8).data).not.toEqual(m.data);
  });

  it('Latin hypercube: exactly one sample per stratum per dimension', () => {
    for (const n of [1, 7, 100, 1000]) {
      const m = latinHypercubeUnits(n, 4, 123);
      for (let j = 0; j < 4; j++) {
        const strata = new Set<number>();
        for (let i = 0; i < n; i++) {
          const u = m.data[i * 4 + j]!;
          expect(u).toBeGreaterThan(0);
          expect(u).toBeLessThan(1);
          strata.add(Math.floor(u * n));
        }
        expect(strata.size).toBe(n);
      }
    }
    expect(latinHypercubeUnits(100, 4, 123).data).toEqual(latinHypercubeUnits(100, 4, 123).data);
  });

  it('values through the quantile functions', () => {
    const d = distributionOf(uncertainInputSchema.parse({ path: 'a.b', dist: 'uniform', min: 10, max: 20 }));
    const m = sampleInputs([d], 100, 1, 'lhs');
    expect(Math.min(...m.data)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...m.data)).toBeLessThanOrEqual(20);
  });

  it('Saltelli design: A, B, and A_B^i = A with column i from B', () => {
    const dists = [0, 1, 2].map(() => distributionOf(uncertainInputSchema.parse({ path: 'a.b', dist: 'uniform', min: 0, max: 1 })));
    const n = 5;
    const m = saltelliMatrix(dists, n, 3);
    expect(m.rows).toBe(n * 5);
    const at = (r: number, j: number) => m.data[r * 3 + j]!;
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) expect(at((2 + i) * n + r, j)).toBe(i === j ? at(n + r, j) : at(r, j));
      }
    }
  });
});
