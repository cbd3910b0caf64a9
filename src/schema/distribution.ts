/**
 * Discretising a lot attribute given as a distribution into equal-mass sub-lots.
 * Each of n equal-probability bins takes its conditional mean, so the sub-lots have the same
 * total mass and exactly the same mean as the distribution (DESIGN.md, issue "mixed feed").
 *
 * A distribution marked `truncate: true` carries the attribute's valid range as `bounds` (the feed
 * schema adds it): it is the distribution conditioned on that range, so its sub-lots stay inside
 * it and their mean is the truncated distribution's mean (issue 17).
 */
import { normalCdf } from '../uncertainty/special.js';

/** Options every distribution may carry. */
export interface DistributionOptions {
  bins?: number;
  /** Cut the distribution at the attribute's valid range instead of refusing it. */
  truncate?: boolean;
  /** The attribute's valid range [lower, upper], set by the schema when `truncate` is true. */
  bounds?: readonly [number, number];
}

/** A distribution of a lot attribute. */
export type LotDistribution =
  | ({ dist: 'normal'; mean: number; sd: number } & DistributionOptions)
  | ({ dist: 'uniform'; min: number; max: number } & DistributionOptions)
  | ({ dist: 'triangular'; min: number; mode: number; max: number } & DistributionOptions);

/** Standard normal density. */
function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Inverse standard normal CDF (P. J. Acklam's rational approximation, relative error < 1.15e-9;
 * ample for bin edges, since the bin means are shifted to the exact mean afterwards).
 */
export function inverseNormalCdf(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/** The mean of a distribution. */
export function distributionMean(d: LotDistribution): number {
  switch (d.dist) {
    case 'normal': return d.mean;
    case 'uniform': return (d.min + d.max) / 2;
    case 'triangular': return (d.min + d.mode + d.max) / 3;
  }
}

/**
 * Conditional means of `n` equal-probability bins. Their average equals the distribution mean
 * exactly (a final shift removes rounding).
 */
export function discretise(d: LotDistribution, n: number): number[] {
  if (d.truncate && d.bounds) return discretiseTruncated(d, n, d.bounds[0], d.bounds[1]);
  const values: number[] = [];
  if (d.dist === 'normal') {
    for (let k = 0; k < n; k++) {
      const zl = inverseNormalCdf(k / n);
      const zu = inverseNormalCdf((k + 1) / n);
      const fl = Number.isFinite(zl) ? phi(zl) : 0;
      const fu = Number.isFinite(zu) ? phi(zu) : 0;
      values.push(d.mean + d.sd * (fl - fu) * n);
    }
  } else if (d.dist === 'uniform') {
    for (let k = 0; k < n; k++) values.push(d.min + ((k + 0.5) / n) * (d.max - d.min));
  } else {
    // Conditional mean over each bin = n ∫ Q(p) dp, Q the triangular quantile; Simpson with 64 panels.
    const { min: a, mode: c, max: b } = d;
    const fc = b > a ? (c - a) / (b - a) : 0.5;
    const q = (p: number) => (p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c)));
    for (let k = 0; k < n; k++) {
      const lo = k / n;
      const hi = (k + 1) / n;
      const m = 64;
      const h = (hi - lo) / m;
      let s = q(lo) + q(hi);
      for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * q(lo + i * h);
      values.push(((s * h) / 3) * n);
    }
  }
  const mean = distributionMean(d);
  const avg = values.reduce((s, v) => s + v, 0) / n;
  return values.map((v) => v + (mean - avg));
}

/** Cumulative probability of a distribution at x. */
export function distributionCdf(d: LotDistribution, x: number): number {
  switch (d.dist) {
    case 'normal':
      return d.sd > 0 ? normalCdf((x - d.mean) / d.sd) : x < d.mean ? 0 : 1;
    case 'uniform':
      return d.max > d.min ? Math.min(1, Math.max(0, (x - d.min) / (d.max - d.min))) : x < d.min ? 0 : 1;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (!(b > a)) return x < a ? 0 : 1;
      if (x <= a) return 0;
      if (x >= b) return 1;
      return x <= c ? ((x - a) * (x - a)) / ((b - a) * (c - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
    }
  }
}

/** Probability a distribution puts outside [lo, hi]. */
export function probabilityOutside(d: LotDistribution, lo: number, hi: number): number {
  return Math.max(0, 1 - (distributionCdf(d, hi) - distributionCdf(d, lo)));
}

/** Triangular quantile. */
function triangularQuantile(a: number, c: number, b: number, p: number): number {
  const fc = b > a ? (c - a) / (b - a) : 0.5;
  return p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
}

/**
 * Conditional means of n equal-probability bins of the distribution restricted to [lo, hi]
 * (truncated and renormalised), each clamped into [lo, hi] against rounding. A distribution with no
 * probability in the range collapses onto the nearer bound (the schema refuses that case first).
 */
function discretiseTruncated(d: LotDistribution, n: number, lo: number, hi: number): number[] {
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const pl = distributionCdf(d, lo);
  const pu = distributionCdf(d, hi);
  const mass = pu - pl;
  if (!(mass > 0)) return new Array<number>(n).fill(clamp(distributionMean(d)));
  const values: number[] = [];
  if (d.dist === 'normal') {
    // Bin k spans z_k … z_{k+1} of the standard normal; its conditional mean is
    // mean + sd·(φ(z_k) − φ(z_{k+1}))·n/mass (exact; the tails need no integration).
    const z = (k: number) => (k === 0 ? (lo - d.mean) / d.sd : k === n ? (hi - d.mean) / d.sd : inverseNormalCdf(pl + (mass * k) / n));
    for (let k = 0; k < n; k++) {
      const zl = z(k);
      const zu = z(k + 1);
      const fl = Number.isFinite(zl) ? phi(zl) : 0;
      const fu = Number.isFinite(zu) ? phi(zu) : 0;
      values.push(clamp(d.mean + (d.sd * (fl - fu) * n) / mass));
    }
    return values;
  }
  if (d.dist === 'uniform') {
    const a = Math.max(d.min, lo);
    const b = Math.min(d.max, hi);
    for (let k = 0; k < n; k++) values.push(clamp(a + ((k + 0.5) / n) * (b - a)));
    return values;
  }
  // Triangular: n ∫ Q(p) dp over each bin of [pl, pu], Simpson with 64 panels.
  const q = (p: number) => triangularQuantile(d.min, d.mode, d.max, p);
  for (let k = 0; k < n; k++) {
    const a = pl + (mass * k) / n;
    const b = pl + (mass * (k + 1)) / n;
    const m = 64;
    const h = (b - a) / m;
    let s = q(a) + q(b);
    for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * q(a + i * h);
    values.push(clamp(((s * h) / 3) / (b - a)));
  }
  return values;
}
