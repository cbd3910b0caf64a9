/**
 * Distribution-valued lot attributes and their ranges (issue 17): sub-lots outside the attribute's
 * range are refused with the values they reach; `truncate: true` conditions the distribution on
 * the range — every sub-lot inside it, their mean the truncated distribution's mean — and the
 * resolved scenario carries a warning saying how much was cut.
 */
import { describe, expect, it } from 'vitest';
import { discretise, probabilityOutside, distributionCdf, type LotDistribution } from '../../src/schema/distribution.js';
import { feedSchema } from '../../src/schema/feed.js';
import { feedWarnings } from '../../src/pipeline/resolve.js';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const phi = (z: number) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);

describe('truncated discretisation', () => {
  it('a normal cut at 0 keeps every sub-lot above 0 with the truncated mean', () => {
    const d: LotDistribution = { dist: 'normal', mean: 5, sd: 10, truncate: true, bounds: [0, 500] };
    const v = discretise(d, 5);
    expect(Math.min(...v)).toBeGreaterThan(0);
    // E[X | X > 0] = μ + σ φ(α)/(1 − Φ(α)), α = −μ/σ (the upper cut at 500 is 49.5 σ away).
    const alpha = -0.5;
    const expected = 5 + 10 * phi(alpha) / (1 - distributionCdf({ dist: 'normal', mean: 0, sd: 1 }, alpha));
    expect(mean(v)).toBeCloseTo(expected, 6);
    expect(v).toEqual([...v].sort((a, b) => a - b));
  });

  it('a uniform cut at the range spreads evenly over the overlap', () => {
    const v = discretise({ dist: 'uniform', min: 0.8, max: 1.8, truncate: true, bounds: [0, 1.3] }, 5);
    expect(v.map((x) => Number(x.toFixed(12)))).toEqual([0.85, 0.95, 1.05, 1.15, 1.25]);
  });

  it('a triangular cut at the range stays inside it', () => {
    const d: LotDistribution = { dist: 'triangular', min: 0.5, mode: 0.9, max: 1.5, truncate: true, bounds: [0, 1] };
    const v = discretise(d, 4);
    expect(Math.max(...v)).toBeLessThanOrEqual(1);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0.5);
    expect(probabilityOutside(d, 0, 1)).toBeCloseTo((0.5 * 0.5) / (1 * 0.6), 12);
  });

  it('without truncate the discretisation is unchanged (exact mean)', () => {
    const v = discretise({ dist: 'normal', mean: 0.86, sd: 0.04 }, 5);
    expect(mean(v)).toBeCloseTo(0.86, 14);
  });
});

describe('lot attribute ranges', () => {
  const lot = (attr: string) => ({ lots: [{ id: 'a', share: 1, chemistry: 'NCM523', ...JSON.parse(attr) }] });

  it('refuses sub-lots outside the range with what they reach', () => {
    const r = feedSchema.safeParse(lot('{"cationMixing": {"dist": "normal", "mean": 0.02, "sd": 0.1}}'));
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['lots', 0, 'cationMixing']);
    expect(issue.message).toBe('the cationMixing distribution gives sub-lots from -0.12 to 0.16 (5 equal-mass sub-lots), outside its valid range 0 … 0.5; narrow the distribution, or add truncate: true to cut it at the range (a warning then says how much was cut)');
  });

  it('counts the sub-lots the lot asks for (more bins reach further into the tails)', () => {
    expect(feedSchema.safeParse(lot('{"liPerTm": {"dist": "normal", "mean": 1.2, "sd": 0.05}, "bins": 2}')).success).toBe(true);
    expect(feedSchema.safeParse(lot('{"liPerTm": {"dist": "normal", "mean": 1.2, "sd": 0.05}, "bins": 20}')).success).toBe(false);
  });

  it('truncate: true is accepted with a warning that says how much was cut', () => {
    const r = feedSchema.safeParse(lot('{"d50": {"dist": "normal", "mean": 5, "sd": 10, "truncate": true}}'));
    expect(r.success).toBe(true);
    expect(feedWarnings(r.data!)).toEqual([{
      code: 'distribution-truncated', severity: 'warning', where: 'feed.lots[a].d50',
      message: 'feed lot a: the d50 distribution is cut at its valid range > 0 … 500 um (truncate: true; 30.9 % of its probability lay outside); its sub-lots average 10.09 instead of 5',
    }]);
  });

  it('refuses a truncated distribution with nothing inside the range', () => {
    const r = feedSchema.safeParse(lot('{"crackFraction": {"dist": "uniform", "min": 1.5, "max": 2, "truncate": true}}'));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('the crackFraction distribution lies entirely outside its valid range 0 … 1 (nothing is left after truncation); move it into the range');
  });
});
