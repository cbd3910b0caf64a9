import { describe, expect, it } from 'vitest';
import { distributionOf, describeDistribution } from '../../src/uncertainty/distributions.js';
import { uncertainInputSchema, type UncertainInputSpec } from '../../src/schema/uncertainty.js';

const spec = (o: Record<string, unknown>): UncertainInputSpec => uncertainInputSchema.parse({ path: 'a.b', ...o });

/** Mean of the quantile function by the midpoint rule: ∫₀¹ Q(u) du. */
function quantileMean(q: (u: number) => number, n = 200_000): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += q((k + 0.5) / n);
  return s / n;
}

describe('distributions (inverse CDFs)', () => {
  it('uniform and triangular quantiles', () => {
    const u = distributionOf(spec({ dist: 'uniform', min: 8, max: 18 }));
    expect(u.quantile(0.25)).toBe(10.5);
    const t = distributionOf(spec({ dist: 'triangular', min: 0, mode: 1, max: 4 }));
    expect(t.quantile(0.25)).toBeCloseTo(1, 14); // F(mode) = (c − a)/(b − a) = 0.25
    expect(t.quantile(1e-12)).toBeGreaterThan(0);
    expect(quantileMean(t.quantile)).toBeCloseTo(t.mean, 5);
    expect(t.mean).toBeCloseTo(5 / 3, 14);
  });

  it('normal, truncated normal and lognormal (both parameter forms)', () => {
    const n = distributionOf(spec({ dist: 'normal', mean: 10, sd: 2 }));
    expect(n.quantile(0.5)).toBe(10);
    expect(n.quantile(0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 12);
    const tn = distributionOf(spec({ dist: 'normal', mean: 10, sd: 2, min: 9 }));
    expect(tn.quantile(1e-9)).toBeGreaterThanOrEqual(9);
    expect(quantileMean(tn.quantile)).toBeCloseTo(tn.mean, 4);
    const ln = distributionOf(spec({ dist: 'lognormal', mean: 11, sd: 2 }));
    expect(quantileMean(ln.quantile, 400_000)).toBeCloseTo(11, 3);
    expect(ln.mean).toBeCloseTo(11, 12);
    const ln2 = distributionOf(spec({ dist: 'lognormal', mu: 0, sigma: 0.5 }));
    expect(ln2.quantile(0.5)).toBe(1);
  });

  it('PERT: beta quantile with the PERT mean (min + λ·mode + max)/(λ + 2)', () => {
    const p = distributionOf(spec({ dist: 'pert', min: 8, mode: 11, max: 18 }));
    expect(p.mean).toBeCloseTo((8 + 4 * 11 + 18) / 6, 14);
    expect(quantileMean(p.quantile, 20_000)).toBeCloseTo(p.mean, 4);
    const sym = distributionOf(spec({ dist: 'pert', min: 0, mode: 5, max: 10 }));
    expect(sym.quantile(0.5)).toBeCloseTo(5, 10);
  });

  it('discrete: values by cumulative probability', () => {
    const d = distributionOf(spec({ dist: 'discrete', values: [1, 2, 3], probabilities: [0.2, 0.5, 0.3] }));
    expect([0.1, 0.2, 0.21, 0.7, 0.71, 0.999].map(d.quantile)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(d.mean).toBeCloseTo(2.1, 14);
    const eq = distributionOf(spec({ dist: 'discrete', values: [5, 7] }));
    expect([0.3, 0.8].map(eq.quantile)).toEqual([5, 7]);
  });

  it('describes itself', () => {
    expect(describeDistribution(spec({ dist: 'triangular', min: 8, mode: 11, max: 18, unit: 'USD/kg' }))).toBe('triangular(8, 11, 18) USD/kg');
  });
});
