/**
 * Discounted-cash-flow measures on a list of yearly cash flows, the first at t = 0 (undiscounted),
 * as numpy-financial's npv/irr define them:  NPV(r) = Σ_t CF_t / (1 + r)^t.
 *
 * IRR: every rate r in [−0.99, 10] with NPV(r) = 0. When the flows change sign once there is
 * exactly one root (Descartes' rule of signs), bisected on the whole range; otherwise NPV is scanned
 * on a fine grid (1,000 points, uniform in ln(1 + r)) for sign changes and each bracket is bisected
 * to machine precision; when there are several (a cash flow whose sign changes more than once) the root
 * nearest a reference rate (the discount rate) is returned and all roots are reported. null when
 * no root exists in the range (e.g. all flows of one sign). A double root where NPV touches zero
 * without changing sign, or two roots closer than the grid step (≈ 0.7 % in ln(1 + r)), is not
 * detected.
 */

/** Net present value at `rate` of flows at t = 0, 1, 2, … (the first undiscounted). */
export function npv(rate: number, flows: readonly number[]): number {
  const x = 1 / (1 + rate);
  let acc = 0;
  for (let t = flows.length - 1; t >= 0; t--) acc = acc * x + flows[t]!;
  return acc;
}

const R_MIN = -0.99;
const R_MAX = 10;
const GRID = 1000;

/** Every IRR in [−0.99, 10], ascending. */
export function irrRoots(flows: readonly number[]): number[] {
  // Sign changes of the flow sequence bound the number of roots x = 1/(1 + r) > 0 (Descartes'
  // rule of signs); with one change there is exactly one, found by bisection without a scan.
  let changes = 0;
  let last = 0;
  // Indexed: a for…of allocates an iterator result per flow in the baseline tiers.
  for (let t = 0; t < flows.length; t++) {
    const f = flows[t]!;
    if (f === 0) continue;
    if (last !== 0 && (f > 0) !== (last > 0)) changes++;
    last = f;
  }
  if (changes === 0) return [];
  const u0 = Math.log1p(R_MIN);
  const u1 = Math.log1p(R_MAX);
  if (changes === 1) {
    const f0 = npvAtU(flows, u0);
    const f1 = npvAtU(flows, u1);
    if (f0 === 0) return [R_MIN];
    if (f1 === 0) return [R_MAX];
    return (f0 > 0) !== (f1 > 0) ? [Math.expm1(bisect(flows, u0, u1, f0))] : [];
  }
  // Several sign changes: scan a grid uniform in u = ln(1 + r); NPV is a polynomial in
  // x = 1/(1 + r) = e^(−u), so walking the grid multiplies x by a constant ratio.
  const du = (u1 - u0) / GRID;
  const q = Math.exp(-du);
  const roots: number[] = [];
  let x = Math.exp(-u0);
  let fPrev = poly(flows, x);
  if (fPrev === 0) roots.push(R_MIN);
  for (let i = 1; i <= GRID; i++) {
    x *= q;
    const f = poly(flows, x);
    if (f === 0) roots.push(1 / x - 1);
    else if (fPrev !== 0 && (f > 0) !== (fPrev > 0)) {
      const uPrev = u0 + du * (i - 1);
      const fa = npvAtU(flows, uPrev);
      const fb = npvAtU(flows, uPrev + du);
      if (fa === 0) roots.push(Math.expm1(uPrev));
      else if (fb !== 0 && (fa > 0) !== (fb > 0)) roots.push(Math.expm1(bisect(flows, uPrev, uPrev + du, fa)));
    }
    fPrev = f;
  }
  return roots;
}

/** The flows' polynomial Σ flows[t] x^t by Horner's rule from the last flow. */
function poly(flows: readonly number[], x: number): number {
  let acc = 0;
  for (let t = flows.length - 1; t >= 0; t--) acc = acc * x + flows[t]!;
  return acc;
}

/** NPV at ln(1 + r) = u: the polynomial at x = e^(−u). */
function npvAtU(flows: readonly number[], u: number): number {
  return poly(flows, Math.exp(-u));
}

/** The values of npvAtU at three points (bisectPair's), by one interleaved pass: each the same arithmetic as npvAtU's. */
const AT3 = new Float64Array(3);

function npvAtU3(flows: readonly number[], u0: number, u1: number, u2: number): void {
  const x0 = Math.exp(-u0);
  const x1 = Math.exp(-u1);
  const x2 = Math.exp(-u2);
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  for (let t = flows.length - 1; t >= 0; t--) {
    const c = flows[t]!;
    a0 = a0 * x0 + c;
    a1 = a1 * x1 + c;
    a2 = a2 * x2 + c;
  }
  AT3[0] = a0;
  AT3[1] = a1;
  AT3[2] = a2;
}

/**
 * Bisect npvAtU on [a, b] (its value fa at a and its value at b of opposite signs) to adjacent
 * floating-point numbers, at most 200 halvings. Two halvings per round: with the midpoint m the
 * NPV is worked out at both midpoints the next halving may take, (a + m)/2 and (m + b)/2, in one
 * interleaved pass — the same values the next round would work out, so the same halvings, but a
 * Horner chain's latency paid once per two (a settled Monte Carlo sample bisects ~60 times).
 */
function bisect(flows: readonly number[], a: number, b: number, fa: number): number {
  let i = 0;
  while (i < 200) {
    const m = 0.5 * (a + b);
    if (m <= a || m >= b) break;
    const left = 0.5 * (a + m);
    const right = 0.5 * (m + b);
    npvAtU3(flows, m, left, right);
    const fm = AT3[0]!;
    i++;
    if (fm === 0) return m;
    // The next midpoint 0.5 × (a + b) of the halved bracket is `right` or `left`.
    let next: number;
    let fNext: number;
    if ((fm > 0) === (fa > 0)) {
      a = m;
      fa = fm;
      next = right;
      fNext = AT3[2]!;
    } else {
      b = m;
      next = left;
      fNext = AT3[1]!;
    }
    if (i >= 200 || next <= a || next >= b) break;
    i++;
    if (fNext === 0) return next;
    if ((fNext > 0) === (fa > 0)) {
      a = next;
      fa = fNext;
    } else b = next;
  }
  return 0.5 * (a + b);
}

/** The IRR nearest `near` (default 0.1), or null when the flows have none in [−0.99, 10]. */
export function irr(flows: readonly number[], near = 0.1): number | null {
  return nearest(irrRoots(flows), near);
}

/** The root nearest `near`, or null for none. */
export function nearest(roots: readonly number[], near: number): number | null {
  let best: number | null = null;
  for (let i = 0; i < roots.length; i++) {
    const r = roots[i]!;
    if (best === null || Math.abs(r - near) < Math.abs(best - near)) best = r;
  }
  return best;
}

/**
 * Simple payback in years counted from the start of operation: the time at which the cumulative
 * (undiscounted) net cash flow, construction outflows included, first reaches zero, interpolated
 * linearly within the year; each year's flow is spread evenly over it. null when never reached.
 * `firstOperatingIndex` is the index of the first operating year in `flows`.
 */
export function paybackYears(flows: readonly number[], firstOperatingIndex: number): number | null {
  let cum = 0;
  for (let t = 0; t < flows.length; t++) {
    const prev = cum;
    cum += flows[t]!;
    if (cum >= 0 && t >= firstOperatingIndex) {
      if (prev >= 0) return Math.max(0, t - firstOperatingIndex);
      const f = flows[t]!;
      return t - firstOperatingIndex + (f > 0 ? -prev / f : 1);
    }
  }
  return null;
}
