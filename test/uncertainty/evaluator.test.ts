/**
 * The scenario KPI function patches sampled numbers in their field's own unit where that reads
 * exactly as "<x> <unit>" (issue 19): the same KPIs, bit for bit, and — for samples the model
 * refuses — the same error as the text patches give.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { canonicalColumns, patchesFor, scenarioKpiFunction, scenarioKpis, type TargetInput } from '../../src/uncertainty/evaluator.js';

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
