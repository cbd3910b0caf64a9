/**
 * LotScratch (issue 19): each take gives n entries (not zeroed: every caller writes each before
 * reading it), grows past its first size, and reuses its storage (no new buffer per run while the
 * lots fit, no new view per run of as many lots as the last).
 */
import { describe, expect, it } from 'vitest';
import { LotScratch } from '../../src/streams/lot-scratch.js';
import { metricNames } from '../../src/unit-ops/contract.js';

describe('LotScratch', () => {
  it('gives n entries, growing when a run has more lots', () => {
    const s = new LotScratch();
    const a = s.take(9);
    expect(a.length).toBe(9);
    a.fill(7.5);
    const b = s.take(5);
    expect(b.length).toBe(5);
    expect(b.buffer).toBe(a.buffer); // the same storage, reused
    const big = s.take(40_000);
    expect(big.length).toBe(40_000);
    big[39_999] = 3;
    expect(s.take(40_000)).toBe(big);
  });

  it('gives the same view again after sizes that alternate (a view kept per size), not zeroed: callers write before they read', () => {
    const s = new LotScratch();
    const a = s.take(9);
    a.fill(2);
    expect(s.take(9)).toBe(a); // the same view, as the last run left it
    expect([...a]).toStrictEqual(new Array(9).fill(2));
    s.take(3).fill(1);
    const c = s.take(9);
    expect(c.length).toBe(9);
    expect([...c]).toStrictEqual([1, 1, 1, 2, 2, 2, 2, 2, 2]);
    const big = s.take(100);
    expect(big.length).toBe(100);
    expect(s.take(9).buffer).toBe(big.buffer); // after growing, views are of the new storage
  });
});

describe('metricNames', () => {
  it('joins prefix, name and suffix, one string per name', () => {
    const name = metricNames('makeUp_', '_kg_per_kg_cam');
    expect(name('LiOH·H2O')).toBe('makeUp_LiOH·H2O_kg_per_kg_cam');
    expect(name('LiOH·H2O')).toBe(name('LiOH·H2O'));
  });
});
