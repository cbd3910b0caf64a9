/**
 * CMA-ES, the covariance matrix adaptation evolution strategy, written from N. Hansen, "The CMA
 * Evolution Strategy: A Tutorial" (arXiv:1604.00772, 2016), Algorithm "(μ/μ_W, λ)-CMA-ES" with the
 * default strategy parameters of its Table 1 (positive weights only, c_m = 1). It is the
 * derivative-free method of choice for a bounded, deterministic but kinked objective of a few
 * variables: it uses only the ranking of candidates (so feasibility rules and failed evaluations
 * fit in), and one generation is a batch that can be evaluated in parallel.
 *
 * This module is the pure strategy: `ask` draws a generation of genotypes from a seeded random
 * stream, `tell` takes their ranking and updates mean, step size and covariance. Discrete
 * coordinates keep a minimum standard deviation (a simplified form of the "margin" of
 * Hamano et al., "CMA-ES with Margin", GECCO 2022) so the search never freezes on an integer
 * plateau. Box handling and decoding live elsewhere (box.ts, space.ts).
 */
import type { Random } from '../uncertainty/random.js';
import { identity, symmetricEigen, type Square } from './linalg.js';

/** Settings of one CMA-ES run. */
export interface CmaesOptions {
  /** Start mean (genotype). */
  mean: readonly number[];
  /** Initial step size σ (genotype units; 0.3 for a unit box, Hansen's "a quarter to a third"). */
  sigma: number;
  /** Population size λ (default 4 + ⌊3 ln n⌋). */
  lambda?: number;
  /** Smallest standard deviation per coordinate (0 for continuous ones). */
  minStd?: readonly number[];
}

/** A generation drawn by `ask`. */
export interface Generation {
  /** λ genotypes x_k = m + σ·y_k. */
  x: number[][];
  /** y_k = B·D·z_k, kept for the update. */
  y: number[][];
}

/** The strategy's state and its default parameters. */
export class Cmaes {
  readonly n: number;
  readonly lambda: number;
  readonly mu: number;
  readonly weights: number[];
  readonly muEff: number;
  mean: number[];
  sigma: number;
  generation = 0;
  private readonly cs: number;
  private readonly ds: number;
  private readonly cc: number;
  private readonly c1: number;
  private readonly cmu: number;
  private readonly chiN: number;
  private readonly minStd: number[];
  private C: Square;
  private B: Square;
  private D: Float64Array;
  private ps: number[];
  private pc: number[];

  constructor(o: CmaesOptions) {
    const n = o.mean.length;
    this.n = n;
    this.lambda = o.lambda ?? 4 + Math.floor(3 * Math.log(n));
    this.mu = Math.floor(this.lambda / 2);
    const raw = Array.from({ length: this.mu }, (_, i) => Math.log((this.lambda + 1) / 2) - Math.log(i + 1));
    const sum = raw.reduce((a, b) => a + b, 0);
    this.weights = raw.map((w) => w / sum);
    this.muEff = 1 / this.weights.reduce((a, w) => a + w * w, 0);
    const me = this.muEff;
    this.cs = (me + 2) / (n + me + 5);
    this.ds = 1 + 2 * Math.max(0, Math.sqrt((me - 1) / (n + 1)) - 1) + this.cs;
    this.cc = (4 + me / n) / (n + 4 + (2 * me) / n);
    this.c1 = 2 / ((n + 1.3) ** 2 + me);
    this.cmu = Math.min(1 - this.c1, (2 * (me - 2 + 1 / me)) / ((n + 2) ** 2 + me));
    this.chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
    this.mean = [...o.mean];
    this.sigma = o.sigma;
    this.minStd = o.minStd ? [...o.minStd] : new Array<number>(n).fill(0);
    this.C = identity(n);
    this.B = identity(n);
    this.D = new Float64Array(n).fill(1);
    this.ps = new Array<number>(n).fill(0);
    this.pc = new Array<number>(n).fill(0);
    this.applyMargin();
  }

  /** Draw λ genotypes. Draw order: per candidate, n standard normals (Box–Muller, two uniforms each). */
  ask(rng: Random): Generation {
    const n = this.n;
    const x: number[][] = [];
    const y: number[][] = [];
    for (let k = 0; k < this.lambda; k++) {
      const z = Array.from({ length: n }, () => standardNormal(rng));
      const yk = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += this.B.data[i * n + j]! * this.D[j]! * z[j]!;
        yk[i] = s;
      }
      y.push(yk);
      x.push(yk.map((v, i) => this.mean[i]! + this.sigma * v));
    }
    return { x, y };
  }

  /**
   * Update from a generation and its ranking: `order[r]` is the index (in `gen`) of the r-th best
   * candidate. Only the μ best are read.
   */
  tell(gen: Generation, order: readonly number[]): void {
    const n = this.n;
    const yw = new Array<number>(n).fill(0);
    for (let r = 0; r < this.mu; r++) {
      const yk = gen.y[order[r]!]!;
      for (let i = 0; i < n; i++) yw[i]! += this.weights[r]! * yk[i]!;
    }
    for (let i = 0; i < n; i++) this.mean[i]! += this.sigma * yw[i]!;
    // C^{-1/2}·y_w = B·D^{-1}·Bᵀ·y_w
    const bty = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += this.B.data[i * n + j]! * yw[i]!;
      bty[j] = s / this.D[j]!;
    }
    const csn = Math.sqrt(this.cs * (2 - this.cs) * this.muEff);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += this.B.data[i * n + j]! * bty[j]!;
      this.ps[i] = (1 - this.cs) * this.ps[i]! + csn * s;
    }
    this.generation++;
    const psNorm = Math.hypot(...this.ps);
    const hsig = psNorm / Math.sqrt(1 - (1 - this.cs) ** (2 * this.generation)) < (1.4 + 2 / (n + 1)) * this.chiN ? 1 : 0;
    const ccn = Math.sqrt(this.cc * (2 - this.cc) * this.muEff);
    for (let i = 0; i < n; i++) this.pc[i] = (1 - this.cc) * this.pc[i]! + hsig * ccn * yw[i]!;
    const keep = 1 - this.c1 - this.cmu + (1 - hsig) * this.c1 * this.cc * (2 - this.cc);
    const c = this.C.data;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let rankMu = 0;
        for (let r = 0; r < this.mu; r++) {
          const yk = gen.y[order[r]!]!;
          rankMu += this.weights[r]! * yk[i]! * yk[j]!;
        }
        const v = keep * c[i * n + j]! + this.c1 * this.pc[i]! * this.pc[j]! + this.cmu * rankMu;
        c[i * n + j] = v;
        c[j * n + i] = v;
      }
    }
    this.sigma *= Math.exp((this.cs / this.ds) * (psNorm / this.chiN - 1));
    this.applyMargin();
  }

  /** Largest standard deviation of any coordinate, σ·max √C_ii (genotype units). */
  maxStd(): number {
    let m = 0;
    for (let i = 0; i < this.n; i++) m = Math.max(m, Math.sqrt(this.C.data[i * this.n + i]!));
    return this.sigma * m;
  }

  /** Largest standard deviation among the continuous coordinates (those without a minimum). */
  maxContinuousStd(): number {
    let m = 0;
    for (let i = 0; i < this.n; i++) if (!(this.minStd[i]! > 0)) m = Math.max(m, Math.sqrt(this.C.data[i * this.n + i]!));
    return this.sigma * m;
  }

  /** Condition number of C (largest / smallest eigenvalue). */
  condition(): number {
    let lo = Infinity;
    let hi = 0;
    for (const d of this.D) { lo = Math.min(lo, d * d); hi = Math.max(hi, d * d); }
    return hi / lo;
  }

  /** Raise the variance of discrete coordinates to their floor, then refresh B and D. */
  private applyMargin(): void {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const floor = (this.minStd[i]! / this.sigma) ** 2;
      if (this.C.data[i * n + i]! < floor) this.C.data[i * n + i] = floor;
    }
    const e = symmetricEigen(this.C);
    this.B = e.vectors;
    this.D = e.values.map((v) => Math.sqrt(Math.max(v, 1e-300)));
  }
}

/** A standard normal deviate by the Box–Muller transform (uses two uniforms in (0, 1)). */
export function standardNormal(rng: Random): number {
  const u1 = rng.uniform();
  const u2 = rng.uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
