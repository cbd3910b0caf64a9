/**
 * The finance section: defaults with their sources, the DESIGN.md example, and error messages.
 */
import { describe, expect, it } from 'vitest';
import { resolveFinance, resolveFinanceChanged, PRESETS } from '../../src/economics/finance.js';
import { financeSchema } from '../../src/schema/economics.js';
import { msg } from '../../src/schema/messages.js';
import { errorOf } from './helpers.js';

describe('finance section', () => {
  it('defaults: Towler–Sinnott, 10 %, 25 % tax, 10 years, 40/60 construction, straight line, losses carried forward', () => {
    const f = resolveFinance(undefined);
    expect(f).toMatchObject({ capexMethod: 'towler-sinnott', discountRate: 0.1, taxRate: 0.25, lifeYears: 10, construction: [0.4, 0.6], rampUp: [0.75], depreciation: 'straight-line', depreciationYears: 10, salvageFraction: 0, workingCapitalOfFci: null, losses: 'carry-forward', operatingDaysPerYear: 320, shiftLengthH: 8 });
    for (const k of ['discountRate', 'taxRate', 'life', 'construction', 'rampUp', 'depreciation', 'losses', 'operatingDays', 'capexMethod']) expect(f.sources[k], k).toBeTruthy();
    for (const p of Object.values(PRESETS)) for (const x of [...p.capital, ...p.operating]) expect(x.source.length, `${p.method} ${x.id}`).toBeGreaterThan(10);
  });
  it('reads the DESIGN.md example', () => {
    const f = resolveFinance({ discountRate: 0.10, taxRate: 0.25, life: '15 yr', construction: [0.4, 0.6], depreciation: 'MACRS7', workingCapitalOfFci: 0.10 });
    expect(f).toMatchObject({ lifeYears: 15, depreciation: 'MACRS7', workingCapitalOfFci: 0.1, depreciationYears: 15 });
    expect(resolveFinance({ discountRate: '8 %' }).discountRate).toBeCloseTo(0.08, 15);
  });
  it('reports every problem with its path', () => {
    const e = errorOf(() => resolveFinance({ construction: [0.5, 0.6], life: '10.5 yr', discountrate: 0.1 }));
    const byPath = Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
    expect(byPath['finance.discountrate']).toMatch(/^unknown field "discountrate" \(did you mean "discountRate"\?\)/);
    expect(byPath['finance.construction']).toBe(msg.constructionSum(1.1));
    expect(byPath['finance.life']).toBe(msg.wholeYears('life', 10.5));
    expect(e.issues).toHaveLength(3);
    expect(errorOf(() => resolveFinance({ depreciation: 'MACRS8' })).issues[0]!.message).toMatch(/^"MACRS8" is not allowed \(did you mean "MACRS3"\?\); use one of: straight-line, MACRS3/);
  });
});

describe('finance changed in one field', () => {
  it('is the resolution of the changed section for a field resolveFinance copies; nothing for another', () => {
    const section = { discountRate: 0.1, life: '15 yr', depreciation: 'MACRS7', factors: { maintenance: 0.04 } };
    const parsed = financeSchema.parse(section);
    const base = resolveFinance(section, {}, parsed);
    for (const [key, value] of [['discountRate', 0.087], ['taxRate', 0.3], ['salvage', 0.05], ['losses', 'credit'], ['operatingDays', 300], ['shiftLength', 12]] as const) {
      const changed = { ...parsed, [key]: value };
      expect(JSON.stringify(resolveFinanceChanged(base, key, changed)), key).toBe(JSON.stringify(resolveFinance({ ...section, [key]: value }, {}, changed)));
    }
    for (const key of ['life', 'depreciationPeriod', 'workingCapitalOfFci', 'capexMethod', 'factors', 'construction']) expect(resolveFinanceChanged(base, key, parsed), key).toBeUndefined();
  });
});

describe('JSON Schemas for editors', () => {
  it('the price-set, prices-section and finance schemas convert to JSON Schema', async () => {
    const { jsonSchemaOf } = await import('../../src/schema/json-schema.js');
    const { priceSetSchema, pricesSectionSchema, financeSchema } = await import('../../src/schema/economics.js');
    for (const [s, t] of [[priceSetSchema, 'price set'], [pricesSectionSchema, 'prices'], [financeSchema, 'finance']] as const) {
      const j = jsonSchemaOf(s, t);
      expect(j.title).toBe(t);
      expect(j.type).toBe('object');
    }
    const fin = jsonSchemaOf(financeSchema, 'finance') as { properties: Record<string, { source?: string }> };
    expect(fin.properties.discountRate!.source).toMatch(/EverBatt 2023/);
  });
});
