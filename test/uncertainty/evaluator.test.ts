/**
 * The scenario KPI function patches sampled numbers in their field's own unit where that reads
 * exactly as "<x> <unit>" (issue 19): the same KPIs, bit for bit, and — for samples the model
 * refuses — the same error as the text patches give.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { canonicalColumns, isEconomicInput, numericKpis, patchesFor, scenarioKpiFunction, scenarioKpis, type TargetInput } from '../../src/uncertainty/evaluator.js';

const REFERENCE = 'scenarios/reference-cn.yaml';
const INPUTS: TargetInput[] = [
  { path: 'prices.LiOH·H2O', unit: 'USD/kg' },
  { path: 'prices.electricity', unit: 'USD/kWh' },
  { path: 'prices.NMP', unit: 'USD/t' },
  { path: 'relith.temperature', unit: 'degC' },
  { path: 'sinter.dwell', unit: 'min' },
  { path: 'finance.discountRate' },
  { path: 'feed.lots[ev-811].liPerTm' },
  { path: 'plant.capacity', unit: 't/yr' },
];

/** The outcome of a KPI function: its KPIs, or the message and exit code of its error. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { error: (e as Error).message, exitCode: (e as { exitCode?: number }).exitCode };
  }
}

describe('numbers patched in their field\'s unit', () => {
  const raw = loadRawScenario(REFERENCE);

  it('prices written in the key\'s unit and quantity parameters are converted; other inputs are patched as text', () => {
    const to = canonicalColumns(raw, INPUTS);
    expect(to.map((f) => f !== undefined)).toEqual([true, true, false, true, true, false, false, false]);
    expect(to[0]!(12.5)).toBe(12.5);
    expect(to[3]!(220)).toBe(220 + 273.15);
    expect(to[4]!(90)).toBe(1.5);
  });

  it('the KPIs are those of the text patches, bit for bit; refused samples fail with the text patches\' error', () => {
    const fn = scenarioKpiFunction({ file: REFERENCE, inputs: INPUTS }, raw);
    const rows = [
      [13.68, 0.088, 2700, 220, 120, 0.1, 0.8, 10000],
      [6.123456789, 0.0712345, 3512.5, 201.75, 61.5, 0.0875, 0.7123, 7345.5],
      [29.99, 0.1099, 2000, 239.9, 299, 0.1199, 0.89, 12000],
      [13.68, 0.088, 2700, 380, 120, 0.1, 0.8, 10000], // above the autoclave's 350 °C
      [-1, 0.088, 2700, 220, 120, 0.1, 0.8, 10000], // a negative price
      [13.68, NaN, 2700, 220, NaN, 0.1, 0.8, 10000], // NaN: the base value
      [13.68, -0, 2700, 220, 120, 0.1, 0.8, 10000],
    ];
    let refused = 0;
    for (const r of rows) {
      const row = Float64Array.from(r);
      const got = outcome(() => fn(row));
      expect(got, r.join(', ')).toStrictEqual(outcome(() => scenarioKpis(raw, patchesFor(INPUTS, row))));
      if ((got as { error?: string }).error !== undefined) refused++;
    }
    expect(refused).toBe(2);
  });
});

describe('samples that vary prices and finance only price one solved plant', () => {
  const raw = loadRawScenario(REFERENCE);
  const ECONOMIC: TargetInput[] = [
    { path: 'prices.LiOH·H2O', unit: 'USD/kg' },
    { path: 'prices.electricity', unit: 'USD/kWh' },
    { path: 'prices.quality-factor' },
    { path: 'prices.metal.Ni', unit: 'USD/kg' },
    { path: 'finance.discountRate' },
    { path: 'finance.taxRate' },
  ];

  it('knows which inputs reach the economics only (the shift pattern sizes the crew)', () => {
    expect(ECONOMIC.every(isEconomicInput)).toBe(true);
    for (const path of ['relith.temperature', 'finance.shiftLength', 'finance.operatingDays', 'plant.capacity', 'feed.lots[ev-811].liPerTm']) expect(isEconomicInput({ path }), path).toBe(false);
  });

  it('gives the KPIs of a full evaluation, bit for bit, over random price and finance draws (and the same errors)', () => {
    const fn = scenarioKpiFunction({ file: REFERENCE, inputs: ECONOMIC }, raw);
    let seed = 19;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      const row = Float64Array.from([6 + 24 * next(), 0.05 + 0.1 * next(), 0.7 + 0.3 * next(), 10 + 20 * next(), 0.06 + 0.08 * next(), 0.15 + 0.15 * next()]);
      const fast = outcome(() => fn(row));
      const full = outcome(() => scenarioKpis(raw, patchesFor(ECONOMIC, row)));
      expect(fast, Array.from(row).join(', ')).toStrictEqual(full);
      for (const [k, v] of Object.entries(full as Record<string, number>)) expect(Object.is((fast as Record<string, number>)[k], v), k).toBe(true);
      compared++;
    }
    expect(compared).toBe(60);
    // A refused price (negative) fails with the full evaluation's error.
    const bad = Float64Array.from([-1, 0.08, 0.9, 17, 0.1, 0.25]);
    expect(outcome(() => fn(bad))).toStrictEqual(outcome(() => scenarioKpis(raw, patchesFor(ECONOMIC, bad))));
    expect((outcome(() => fn(bad)) as { exitCode?: number }).exitCode).toBe(1);
  });

  it('with a physics input among them, a row that leaves it at its base (tornado rows) prices the solved plant, one that sets it solves again — both as a full evaluation', () => {
    const inputs: TargetInput[] = [...ECONOMIC, { path: 'relith.temperature', unit: 'degC' }];
    const fn = scenarioKpiFunction({ file: REFERENCE, inputs }, raw);
    const rows = [
      [NaN, NaN, NaN, NaN, NaN, NaN, NaN], // the base
      [20, NaN, NaN, NaN, NaN, NaN, NaN], // one price (a tornado row)
      [NaN, NaN, NaN, NaN, 0.12, NaN, NaN], // one finance figure
      [NaN, NaN, NaN, NaN, NaN, NaN, 205], // the temperature: solved again
      [9, 0.07, 0.85, 15, 0.09, 0.2, 235], // everything
    ];
    const npv = new Set<number>();
    for (const r of rows) {
      const row = Float64Array.from(r);
      const fast = outcome(() => fn(row)) as Record<string, number>;
      expect(fast, r.join(', ')).toStrictEqual(outcome(() => scenarioKpis(raw, patchesFor(inputs, row))));
      npv.add(fast.npvUsd!);
    }
    expect(npv.size).toBe(rows.length); // every row moved the NPV: the patches were applied
  });

  it('a row with the physics inputs of the row before prices that row\'s plant; a row that changes one solves again — every row as a full evaluation', () => {
    const inputs: TargetInput[] = [...ECONOMIC, { path: 'relith.temperature', unit: 'degC' }, { path: 'feed.lots[ev-811].liPerTm' }];
    const fn = scenarioKpiFunction({ file: REFERENCE, inputs }, raw);
    // As a Sobol design is evaluated: an A row, its A_B rows that take a price or a finance figure
    // from B (same physics: the plant is reused), one that takes the temperature (solved again),
    // then prices again (the last plant is the new one), and -0 against 0 (not taken as equal).
    const rows = [
      [9, 0.07, 0.85, 15, 0.09, 0.2, 235, 0.8],
      [21, 0.07, 0.85, 15, 0.09, 0.2, 235, 0.8],
      [9, 0.07, 0.85, 15, 0.13, 0.2, 235, 0.8],
      [9, 0.07, 0.85, 15, 0.09, 0.2, 205, 0.8],
      [9, 0.1, 0.85, 15, 0.09, 0.2, 205, 0.8],
      [9, 0.1, 0.85, 15, 0.09, 0.2, 205, 0.79],
      [9, 0.07, 0.85, 15, 0.09, 0.2, 235, 0.8],
    ];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const row = Float64Array.from(r);
      const fast = outcome(() => fn(row)) as Record<string, number>;
      const full = outcome(() => scenarioKpis(raw, patchesFor(inputs, row))) as Record<string, number>;
      expect(fast, r.join(', ')).toStrictEqual(full);
      for (const [k, v] of Object.entries(full)) expect(Object.is(fast[k], v), `${r.join(', ')}: ${k}`).toBe(true);
      seen.set(r.join(','), fast.npvUsd!);
    }
    // The rows differ in what they price: a reused plant priced at the wrong physics would repeat an NPV.
    expect(new Set(seen.values()).size).toBe(rows.length - 1); // the last row repeats the first
    expect(seen.get(rows[0]!.join(','))).toBe(seen.get(rows[6]!.join(',')));
  });
});

describe('numericKpis', () => {
  /** The finite numbers of a record, in its order (what numericKpis returns, written plainly). */
  const plain = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));

  it('gives the finite numbers in order, whatever the last sample returned', () => {
    const many = (shift: number) => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i + shift]));
    const records: Record<string, unknown>[] = [
      { ...many(0), nested: { a: 1 } },
      { ...many(0.5), nested: { a: 1 } }, // the same names
      { ...many(1), k3: null, k7: Number.NaN }, // fewer
      { ...many(2), extra: 4 }, // one more, last
      { extra: 4, ...many(3) }, // another order
      { ...many(0), k0: -0, k29: Infinity },
      {},
      { ...many(4) },
    ];
    for (const r of records) {
      const got = numericKpis(r);
      expect(Object.keys(got)).toEqual(Object.keys(plain(r)));
      for (const k in got) expect(Object.is(got[k], plain(r)[k]), k).toBe(true);
    }
  });
});
