/**
 * Small dense linear algebra for CMA-ES (optimize/cmaes.ts): the eigendecomposition of a
 * symmetric matrix by the cyclic Jacobi method (Golub & Van Loan, Matrix Computations, 4th ed.,
 * §8.5). The matrices are n × n with n the number of optimised parameters (a handful), so the
 * O(n³) sweeps cost nothing next to one plant evaluation, and the method is exact to rounding
 * and deterministic.
 */

/** A square matrix, row-major: element (i, j) at i·n + j. */
export interface Square {
  n: number;
  data: Float64Array;
}

/** A symmetric matrix's eigenvalues and eigenvectors (column k of `vectors` belongs to values[k]). */
export interface Eigen {
  values: Float64Array;
  vectors: Square;
}

/** The identity matrix of size n. */
export function identity(n: number): Square {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { n, data };
}

/**
 * Eigenvalues and orthonormal eigenvectors of the symmetric matrix `a` (its upper triangle is
 * read; `a` is not changed). Sweeps until the off-diagonal mass is below 1e-30 of the total,
 * at most 100 sweeps.
 */
export function symmetricEigen(a: Square): Eigen {
  const n = a.n;
  const m = Float64Array.from(a.data);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) m[i * n + j] = m[j * n + i]!;
  const v = identity(n).data;
  let total = 0;
  for (let k = 0; k < n * n; k++) total += m[k]! * m[k]!;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += 2 * m[i * n + j]! * m[i * n + j]!;
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        // Rotation that zeroes (p, q): tan θ from the stable formula (Golub & Van Loan Alg. 8.5.1).
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p]!;
          const akq = m[k * n + q]!;
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k]!;
          const aqk = m[q * n + k]!;
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i]!;
  return { values, vectors: { n, data: v } };
}
