/**
 * Per-lot scratch numbers a unit operation needs during one run (each lot's TM kmol/h, its target
 * Li/TM…), kept in one growing buffer per use instead of a new Float64Array per run. A new typed
 * array of more than 64 bytes (8 lots) has its storage allocated outside the JavaScript heap —
 * ≈ 0.3 µs, six times a plain list of the same length — and every Monte Carlo sample ran several;
 * a buffer outside the heap still keeps thousands of lots' scratch out of the young generation.
 */

/** A reusable per-lot scratch array (one per use: a `take` invalidates what the previous one gave). */
export class LotScratch {
  private buffer = new Float64Array(16);
  /** The last view given (a view is an object of its own: a run of the same lots as the last takes it again). */
  private view = this.buffer.subarray(0, 0);

  /**
   * `n` entries to fill, valid until the next `take` of this scratch: for use within one run, never
   * kept in what the run returns. Not zeroed: they hold what the last run left, and every caller
   * writes entry `i` before it reads it (a fill of zeros that every caller overwrote was ≈ 0.2 % of
   * a Monte Carlo sample, issue 19).
   */
  take(n: number): Float64Array {
    let view = this.view;
    if (view.length !== n) {
      if (this.buffer.length < n) this.buffer = new Float64Array(Math.max(n, 2 * this.buffer.length));
      this.view = view = this.buffer.subarray(0, n);
    }
    return view;
  }
}
