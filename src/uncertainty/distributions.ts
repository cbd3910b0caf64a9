/**
 * Distributions as functions: the inverse CDF (quantile) of every distribution a scenario may
 * declare, so Monte Carlo and Latin hypercube sampling share one transform u ∈ (0, 1) → value.
 * Specs are validated by src/schema/uncertainty.ts first; these functions assume valid specs.
 */
import type { UncertainInputSpec } from '../schema/uncertainty.js';
import { normalCdf, normalQuantile, inverseIncompleteBeta } from './special.js';

/** A distribution ready for sampling. */
export interface Distribution {
  /** Inverse CDF: the value with P(X ≤ value) = u, for u in (0, 1). */
  quantile(u: number): number;
  /** Expected value. */
  mean: number;
  /** Lower and upper end of the support (±Infinity when unbounded). */
  lower: number;
  upper: number;
}

/** Parameters of the underlying normal of a lognormal spec. */
export function lognormalParameters(d: Extract<UncertainInputSpec, { dist: 'lognormal' }>): { mu: number; sigma: number } {
  if (d.mu !== undefined && d.sigma !== undefined) return { mu: d.mu, sigma: d.sigma };
  const m = d.mean!;
  const s = d.sd!;
  const sigma2 = Math.log1p((s * s) / (m * m));
  return { mu: Math.log(m) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** The sampling form of a validated spec. */
export function distributionOf(d: UncertainInputSpec): Distribution {
  switch (d.dist) {
    case 'uniform': {
      const { min: a, max: b } = d;
      return { quantile: (u) => a + u * (b - a), mean: (a + b) / 2, lower: a, upper: b };
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const fc = (c - a) / (b - a);
      return {
        quantile: (u) => (u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c))),
        mean: (a + b + c) / 3,
        lower: a,
        upper: b,
      };
    }
    case 'normal': {
      const { mean: m, sd: s } = d;
      if (d.min === undefined && d.max === undefined) return { quantile: (u) => m + s * normalQuantile(u), mean: m, lower: -Infinity, upper: Infinity };
      // Truncated normal: u is mapped into [Φ(α), Φ(β)] before the normal quantile.
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      const pa = normalCdf((lo - m) / s);
      const pb = normalCdf((hi - m) / s);
      const phi = (z: number) => (Number.isFinite(z) ? Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI) : 0);
      const mean = m + (s * (phi((lo - m) / s) - phi((hi - m) / s))) / (pb - pa);
      return {
        quantile: (u) => Math.min(hi, Math.max(lo, m + s * normalQuantile(pa + u * (pb - pa)))),
        mean,
        lower: lo,
        upper: hi,
      };
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParameters(d);
      return { quantile: (u) => Math.exp(mu + sigma * normalQuantile(u)), mean: Math.exp(mu + (sigma * sigma) / 2), lower: 0, upper: Infinity };
    }
    case 'pert': {
      // PERT = scaled beta with α = 1 + λ(c − a)/(b − a), β = 1 + λ(b − c)/(b − a) (Vose 2008).
      const { min: a, mode: c, max: b, lambda } = d;
      const alpha = 1 + (lambda * (c - a)) / (b - a);
      const beta = 1 + (lambda * (b - c)) / (b - a);
      return { quantile: (u) => a + (b - a) * inverseIncompleteBeta(u, alpha, beta), mean: (a + lambda * c + b) / (lambda + 2), lower: a, upper: b };
    }
    case 'discrete': {
      const values = d.values;
      const p = d.probabilities ?? values.map(() => 1 / values.length);
      const cumulative: number[] = [];
      let acc = 0;
      for (const x of p) cumulative.push((acc += x));
      cumulative[cumulative.length - 1] = 1;
      let mean = 0;
      values.forEach((v, i) => { mean += v * p[i]!; });
      return {
        quantile: (u) => {
          for (let i = 0; i < cumulative.length; i++) if (u <= cumulative[i]!) return values[i]!;
          return values[values.length - 1]!;
        },
        mean,
        lower: Math.min(...values),
        upper: Math.max(...values),
      };
    }
  }
}

/** A short human description, e.g. "triangular(8, 11, 18) USD/kg". */
export function describeDistribution(d: UncertainInputSpec): string {
  const f = (x: number) => String(Number(x.toPrecision(6)));
  let body: string;
  switch (d.dist) {
    case 'uniform': body = `uniform(${f(d.min)}, ${f(d.max)})`; break;
    case 'triangular': body = `triangular(${f(d.min)}, ${f(d.mode)}, ${f(d.max)})`; break;
    case 'pert': body = `pert(${f(d.min)}, ${f(d.mode)}, ${f(d.max)}${d.lambda !== 4 ? `; λ ${f(d.lambda)}` : ''})`; break;
    case 'normal': body = `normal(${f(d.mean)}, sd ${f(d.sd)}${d.min !== undefined || d.max !== undefined ? `; in [${d.min !== undefined ? f(d.min) : '−∞'}, ${d.max !== undefined ? f(d.max) : '∞'}]` : ''})`; break;
    case 'lognormal': body = d.mean !== undefined ? `lognormal(mean ${f(d.mean)}, sd ${f(d.sd!)})` : `lognormal(mu ${f(d.mu!)}, sigma ${f(d.sigma!)})`; break;
    case 'discrete': body = `discrete(${d.values.map(f).join(', ')}${d.probabilities ? `; p ${d.probabilities.map(f).join(', ')}` : ''})`; break;
  }
  return d.unit ? `${body} ${d.unit}` : body;
}
