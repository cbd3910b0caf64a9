/**
 * Descriptive statistics of samples: percentiles, mean, standard deviation, histograms and the
 * Spearman rank correlation. Non-finite values (failed evaluations, KPIs that do not exist for a
 * sample) are left out; every function says how many values it used.
 */

/** Summary of one sampled quantity. */
export interface Summary {
  /** Number of finite values used. */
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator); null below 2 values. */
  sd: number | null;
  min: number | null;
  p5: number | null;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

/** A histogram: `counts[k]` values in [edges[k], edges[k+1]) (the last bin includes its top). */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/** The finite values of a column, in index order. */
export function finiteValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

/**
 * Percentile of sorted values by linear interpolation between order statistics (Hyndman & Fan
 * type 7 — numpy's default and Excel's PERCENTILE.INC): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1]!;
  const a = sorted[lo]!;
  const b = sorted[lo + 1]!;
  return a + (h - lo) * (b - a);
}

/** Arithmetic mean (pairwise-free, left to right: reproducible). */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

/** Sample standard deviation (two-pass). */
export function standardDeviation(values: ArrayLike<number>, m = mean(values)): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - m;
    s += d * d;
  }
  return Math.sqrt(s / (values.length - 1));
}

/**
 * Summary (n, mean, sd, min, P5, P50, P95, max) of the finite values of a column. `ranked` (the
 * column's rankedColumn, when every value is finite) hands over its sorted values: the sort the
 * ranks already made, not a second one.
 */
export function summarize(values: ArrayLike<number>, ranked?: RankedColumn | null): Summary {
  // Every value finite: the column is its own list of finite values (the same numbers, the same order).
  const xs = ranked ? values : finiteValues(values);
  const n = xs.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, p5: null, p50: null, p95: null, max: null };
  const sorted = ranked ? ranked.sorted : Float64Array.from(xs).sort();
  const m = mean(xs);
  return {
    n,
    mean: m,
    sd: n > 1 ? standardDeviation(xs, m) : null,
    min: sorted[0]!,
    p5: percentileOfSorted(sorted, 0.05),
    p50: percentileOfSorted(sorted, 0.5),
    p95: percentileOfSorted(sorted, 0.95),
    max: sorted[n - 1]!,
  };
}

/**
 * Histogram of the finite values with `bins` equal-width bins (default ⌈√n⌉ within 5…50). `ranked`
 * (the column's rankedColumn) hands over its sorted values: the bin of a value only grows with the
 * value (a rounded difference and quotient keep their order), so each bin's count is where its
 * first value falls in the sorted values — a bisection per bin, not a pass over the column.
 */
export function histogram(values: ArrayLike<number>, bins?: number, ranked?: RankedColumn | null): Histogram {
  const sorted = ranked?.sorted;
  // A zero at either end: −0 and 0 can stand for each other in the sorted values, not in the pass below.
  if (sorted && sorted.length > 0 && sorted[0] !== 0 && sorted[sorted.length - 1] !== 0) return sortedHistogram(sorted, bins);
  const xs = finiteValues(values);
  if (xs.length === 0) return { edges: [], counts: [] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) { if (x < lo) lo = x; if (x > hi) hi = x; }
  if (hi === lo) return { edges: [lo, hi], counts: [xs.length] };
  const k = binsFor(xs.length, bins);
  const width = (hi - lo) / k;
  const edges = edgesOf(lo, hi, width, k);
  const counts = new Array<number>(k).fill(0);
  for (const x of xs) counts[Math.min(k - 1, Math.floor((x - lo) / width))]! += 1;
  return { edges, counts };
}

/** The number of bins: `bins`, or ⌈√n⌉ within 5…50. */
function binsFor(n: number, bins: number | undefined): number {
  return bins ?? Math.min(50, Math.max(5, Math.ceil(Math.sqrt(n))));
}

/** The k + 1 edges lo + i·width, the last one hi itself. */
function edgesOf(lo: number, hi: number, width: number, k: number): number[] {
  return Array.from({ length: k + 1 }, (_, i) => (i === k ? hi : lo + i * width));
}

/** histogram() of sorted finite values (neither end a zero): the same lo, hi, edges and bin of every value. */
function sortedHistogram(sorted: Float64Array, bins: number | undefined): Histogram {
  const n = sorted.length;
  const lo = sorted[0]!;
  const hi = sorted[n - 1]!;
  if (hi === lo) return { edges: [lo, hi], counts: [n] };
  const k = binsFor(n, bins);
  const width = (hi - lo) / k;
  const binOf = (x: number) => Math.min(k - 1, Math.floor((x - lo) / width));
  const counts = new Array<number>(k).fill(0);
  let start = 0;
  for (let b = 0; b < k; b++) {
    // The first value past bin b (bisection over start…n: every value before start is in a lower bin).
    let a = start;
    let z = n;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (binOf(sorted[mid]!) <= b) a = mid + 1;
      else z = mid;
    }
    counts[b] = a - start;
    start = a;
  }
  return { edges: edgesOf(lo, hi, width, k), counts };
}

/**
 * Ranks 1…n with ties given their average rank. Finite values are put in ascending order by a
 * radix sort (ascendingOrder: no comparison per pair; 10,000 samples × 41 columns in a Monte Carlo
 * run), and each run of equal values in that order (=== : −0 and 0 are one run, and adjacent)
 * gives its average rank (first + last) / 2 + 1 — the same runs the index sort gives. Bisection of
 * each value in a sorted copy did the same at ≈ 4.6 ms a column of 20,000 (a mispredicted branch
 * per step); a map from value to rank, before it, hashed boxed doubles.
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  return rankedColumn(values)?.ranks ?? ranksByIndexSort(values);
}

/** A column whose values are all finite, sorted once for its summary and its ranks (rankedColumn). */
export interface RankedColumn {
  /** The values in ascending order (−0 before 0), as a typed array's sort gives them. */
  sorted: Float64Array;
  /** ranks() of the values. */
  ranks: Float64Array;
}

/**
 * The sorted values and the ranks of a column from one radix order; null when some value is not
 * finite (its summary sorts its finite values, its correlations rank each pair's). A Monte Carlo
 * run summarizes and ranks every input and KPI column: one sort a column, not two. The runs of
 * equal values are read off the sorted values (in order, not through the indices).
 */
export function rankedColumn(values: ArrayLike<number>): RankedColumn | null {
  const order = finiteOrder(values);
  if (order === null) return null;
  const sorted = inOrder(values, order);
  return { sorted, ranks: runRanks(sorted, order) };
}

/** The values in `order` (a function of its own, as finiteOrder's sweep: its loop compiled on the stack reaches no code unrun). */
function inOrder(values: ArrayLike<number>, order: Uint32Array): Float64Array {
  const n = order.length;
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = values[order[k]!]!;
  return sorted;
}

/** The ranks of the values at `order`, given them `sorted`: each run of equal values its average rank. */
function runRanks(sorted: Float64Array, order: Uint32Array): Float64Array {
  const n = sorted.length;
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    const v = sorted[i]!;
    while (j + 1 < n && sorted[j + 1]! === v) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]!] = avg;
    i = j + 1;
  }
  return r;
}

/** Whether this machine stores the low half of a double first (a Float64Array read as two Uint32 words). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Bits of the sort key taken per radix pass (6 passes over 64 bits; 2,048 counters). */
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/** Radix passes over a 64-bit key (the counting sweep of ascendingOrder writes each out). */
const PASSES = 6;
const MASK = RADIX - 1;

/**
 * The indices of finite `values` in ascending numeric order, equal values in index order (−0
 * before 0, as a typed array's sort puts them): a stable least-significant-digit radix sort on each
 * double's bits made an unsigned key (negative: every bit flipped; else the sign bit set), 11 bits
 * a pass, skipping a pass whose digit is the same for every value. O(n) with no comparison per
 * pair: ≈ 10× a typed array's sort plus a bisection per value on 20,000 values. The counts of
 * every pass are taken in one sweep over the keys (one read of each key, not one per pass); a pass
 * then only places the indices.
 */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  const order = finiteOrder(values);
  if (order === null) throw new RangeError('ascendingOrder: a value is not finite');
  return order;
}

/**
 * ascendingOrder of `values`, or null when some value is not finite (its exponent bits all set:
 * found in the sweep over the keys, not by a pass of its own). The identity order the first pass
 * starts from is written in that sweep too. The sweep and the passes are functions of their own:
 * TurboFan compiles the first call's sweep on the stack (OSR), and with the passes in the same body
 * that code reached code never run before and was thrown away (four compiles, three deopts).
 */
function finiteOrder(values: ArrayLike<number>): Uint32Array | null {
  const n = values.length;
  const words = bitsOf(values);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const count = new Uint32Array(PASSES * RADIX);
  const order = new Uint32Array(n);
  if (!sweepKeys(words, hi, lo, order, count)) return null;
  return radixPasses(order, hi, lo, count);
}

/**
 * The sort keys of the doubles in `words` into `hi` and `lo`, the identity into `order` and the
 * digit counts of every pass into `count`; false at the first value that is not finite. The key
 * flips every bit of a negative value and sets the sign bit of any other: an xor with the sign
 * spread over the word (all ones or zeros), the same bits as the two cases written out.
 */
function sweepKeys(words: Uint32Array, hi: Uint32Array, lo: Uint32Array, order: Uint32Array, count: Uint32Array): boolean {
  const n = order.length;
  const h0 = LITTLE_ENDIAN ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + h0]!;
    if ((h & 0x7ff00000) === 0x7ff00000) return false;
    const l = words[2 * i + 1 - h0]!;
    order[i] = i;
    const sign = h >> 31;
    const kh = (h ^ (sign | 0x80000000)) >>> 0;
    const kl = (l ^ sign) >>> 0;
    hi[i] = kh;
    lo[i] = kl;
    // The six digits of digitAt at shifts 0, 11, …, 55, written out (constant shifts).
    count[kl & MASK]!++;
    count[RADIX + ((kl >>> 11) & MASK)]!++;
    count[2 * RADIX + (((kl >>> 22) | (kh << 10)) & MASK)]!++;
    count[3 * RADIX + ((kh >>> 1) & MASK)]!++;
    count[4 * RADIX + ((kh >>> 12) & MASK)]!++;
    count[5 * RADIX + ((kh >>> 23) & MASK)]!++;
  }
  return true;
}

/** The radix passes over the keys swept into `hi`, `lo` and `count`, from the identity `order`: the indices in ascending key order. */
function radixPasses(identity: Uint32Array, hi: Uint32Array, lo: Uint32Array, count: Uint32Array): Uint32Array {
  const n = identity.length;
  let order = identity;
  let next: Uint32Array = new Uint32Array(n);
  for (let p = 0; p < PASSES; p++) {
    const shift = p * RADIX_BITS;
    const base = p * RADIX;
    // Every key has the same digit here: the order stays as it is.
    if (n === 0 || count[base + digitAt(hi[0]!, lo[0]!, shift)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + RADIX; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    // digitAt's three cases, chosen once per pass: the low word, both words, the high word (one
    // call site: TurboFan inlines place's loops once, not three times).
    const high = shift >= 32;
    place(order, next, count, base, high ? hi : lo, high || shift + RADIX_BITS <= 32 ? null : hi, high ? shift - 32 : shift);
    const t = order;
    order = next;
    next = t;
  }
  return order;
}

/** The 32-bit words of the values as doubles: a typed array's own (read, not copied), else those of a copy. */
function bitsOf(values: ArrayLike<number>): Uint32Array {
  if (values instanceof Float64Array) return new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
  const f = new Float64Array(values.length);
  for (let i = 0; i < f.length; i++) f[i] = values[i]!;
  return new Uint32Array(f.buffer);
}

/**
 * One radix pass: the indices of `order` placed into `next` by their digit at `shift` of the word
 * `w`, its missing top bits taken from the word above, `up` (null: zeros — a digit within one word,
 * or the top digit of the high word).
 */
function place(order: Uint32Array, next: Uint32Array, count: Uint32Array, base: number, w: Uint32Array, up: Uint32Array | null, shift: number): void {
  const n = order.length;
  if (up === null) {
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[count[base + ((w[i]! >>> shift) & MASK)]!++] = i;
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    next[count[base + (((w[i]! >>> shift) | (up[i]! << (32 - shift))) & MASK)]!++] = i;
  }
}

/** The RADIX_BITS-bit digit at `shift` of the 64-bit key hi·2³² + lo. */
function digitAt(hi: number, lo: number, shift: number): number {
  if (shift + RADIX_BITS <= 32) return (lo >>> shift) & (RADIX - 1);
  if (shift >= 32) return (hi >>> (shift - 32)) & (RADIX - 1);
  return ((lo >>> shift) | (hi << (32 - shift))) & (RADIX - 1);
}

/** ranks() by sorting indices (values that are not all finite: NaN has no place among numbers). */
function ranksByIndexSort(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const r = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!]! === values[order[i]!]!) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]!] = avg;
    i = j + 1;
  }
  return r;
}

/** Pearson correlation; null when either side has no variance or fewer than 3 values. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 3) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/**
 * Spearman rank correlation of x and y over the indices where both are finite: the Pearson
 * correlation of their ranks (average ranks for ties). null when undefined (constant side).
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) {
      xs.push(x[i]!);
      ys.push(y[i]!);
    }
  }
  return pearson(ranks(xs), ranks(ys));
}

/**
 * Spearman correlation of every x column with every y column (result[i][j] for xs[i], ys[j]), each
 * exactly as `spearman` gives it. The ranks of a column whose values are all finite are computed
 * once and shared by its pairs with other all-finite columns (a Monte Carlo run correlates each
 * input with each KPI: ranking per pair would sort every column once per partner); `rankedXs` and
 * `rankedYs`, when given, are the columns' rankedColumn (the ranks their summaries' sort made).
 */
export function spearmanMatrix(xs: readonly ArrayLike<number>[], ys: readonly ArrayLike<number>[], rankedXs?: readonly (RankedColumn | null)[], rankedYs?: readonly (RankedColumn | null)[]): (number | null)[][] {
  const ranked = (cs: readonly ArrayLike<number>[], given: readonly (RankedColumn | null)[] | undefined) =>
    cs.map((c, i) => (given ? given[i]?.ranks ?? null : rankedColumn(c)?.ranks ?? null));
  const dx = ranked(xs, rankedXs).map(deviationsOf);
  const dy = ranked(ys, rankedYs).map(deviationsOf);
  return xs.map((x, i) => ys.map((y, j) => {
    const a = dx[i];
    const b = dy[j];
    return a && b && x.length === y.length ? pearsonOfDeviations(a, b) : spearman(x, y);
  }));
}

/** A column's deviations from its mean and their sum of squares, as pearson computes them for each pair. */
interface Deviations {
  d: Float64Array;
  ss: number;
}

/**
 * pearson's deviations of a column of ranks (x[i] − mean, summed squares in index order); null
 * stays null. The ranks of n values (whole or half numbers) add up to n(n + 1)/2 exactly, every
 * partial sum too (below 2⁵¹ for n < 2²⁵), so mean() would give (n + 1)/2, exactly: no pass for it.
 */
function deviationsOf(x: Float64Array | null): Deviations | null {
  if (!x) return null;
  const m = x.length < 2 ** 25 ? (x.length + 1) / 2 : mean(x);
  const d = new Float64Array(x.length);
  return { d, ss: deviationsInto(x, m, d) };
}

/**
 * The deviations of `x` from `m` written into `d`, and the sum of their squares. A function of its
 * own: the first call's loop is compiled on the stack (OSR), and that code, reaching the record
 * made after the loop with no feedback, was thrown away at every call (one deopt per column).
 */
function deviationsInto(x: Float64Array, m: number, d: Float64Array): number {
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]! - m;
    d[i] = v;
    ss += v * v;
  }
  return ss;
}

/** Σ dx[i]·dy[i] over i < n, in order (its own function, as deviationsInto: one deopt per pair of columns otherwise). */
function dot(dx: Float64Array, dy: Float64Array, n: number): number {
  let sxy = 0;
  for (let i = 0; i < n; i++) sxy += dx[i]! * dy[i]!;
  return sxy;
}

/**
 * pearson(x, y) from the deviations of both (of equal length): the same products summed in the
 * same order, each column's deviations and squares computed once for all its pairs, not per pair.
 */
function pearsonOfDeviations(x: Deviations, y: Deviations): number | null {
  const n = x.d.length;
  if (n < 3) return null;
  const sxy = dot(x.d, y.d, n);
  if (!(x.ss > 0) || !(y.ss > 0)) return null;
  const r = sxy / Math.sqrt(x.ss * y.ss);
  return Math.max(-1, Math.min(1, r));
}
