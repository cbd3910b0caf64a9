/**
 * mergePrices' shortcut (issue 19: a Monte Carlo sample patches a few prices of a set of ~150):
 * when every override replaces a price the set gives, the base with those entries replaced and the
 * derived prices worked out again — the same entries, in the same order, as the full merge, for
 * every shipped set, region and mix of overrides; overrides the shortcut leaves to the full merge
 * (new keys, derived keys, both LiOH forms, regenerated and virgin CAM prices, bad values) give the
 * full merge's result or error.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolvePrices, mergePrices, mergePricesFull, mergedFrom, customChemistryPrices, DEFAULT_PRICE_SETS, type ResolvedPrices } from '../../src/economics/prices.js';
import { resolveFinance } from '../../src/economics/finance.js';
import { economics } from '../../src/economics/economics.js';
import type { PriceValue } from '../../src/schema/economics.js';
import { errorOf, samplePlant, shippedSets } from './helpers.js';

const sets = shippedSets();
const ordered = (p: ResolvedPrices) => JSON.stringify(p);
const bases: ResolvedPrices[] = Object.entries(DEFAULT_PRICE_SETS).map(([region]) => resolvePrices(undefined, region as never, sets));
const KEYS = ['LiOH·H2O', 'LiOH', 'electricity', 'natural-gas', 'boiler-efficiency', 'steam', 'Li2CO3', 'metal.Li', 'metal.Ni', 'NMP', 'labour', 'quality-factor', 'water', 'cam.NCM811', 'regenerated.NCM811', 'payable.black-mass', 'O2'];

describe('mergePrices: the shortcut gives the full merge', () => {
  it('the reference Monte Carlo inputs (LiOH·H2O, quality factor, electricity) on every shipped set', () => {
    for (const base of bases) {
      for (const o of [{ 'LiOH·H2O': '12.5 USD/kg', 'quality-factor': 0.85, electricity: '0.09 USD/kWh' }, { 'LiOH·H2O': 6 }, { 'natural-gas': '0.03 USD/kWh' }, { 'Li2CO3': 11 }] as Record<string, PriceValue>[]) {
        expect(ordered(mergePrices(base, o)), `${base.setId} ${Object.keys(o)}`).toBe(ordered(mergePricesFull(base, o)));
      }
    }
  });

  it('any mix of overrides on any shipped set: the same entries in the same order, or the same error', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: bases.length - 1 }),
      fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.constantFrom<PriceValue>('7 USD/kg', '0.2 USD/kWh', -1, 'abc', 2)), { maxKeys: 4 }),
      (b, overrides) => {
        const base = bases[b]!;
        let full: string;
        try {
          full = ordered(mergePricesFull(base, overrides));
        } catch (e) {
          expect(errorOf(() => mergePrices(base, overrides)).message).toBe((e as Error).message);
          return;
        }
        expect(ordered(mergePrices(base, overrides))).toBe(full);
      },
    ), { numRuns: 300, seed: 19 });
  });
});

describe('mergePrices: merged prices read as the literal { ...base, items } (issue 19)', () => {
  it('the same fields in the same order for every reader; what the merge started from is no field', () => {
    const base = bases[0]!;
    const merged = mergePrices(base, { 'LiOH·H2O': 12, electricity: 0.09 });
    const literal = { ...base, items: merged.items };
    expect(Object.keys(merged)).toStrictEqual(Object.keys(literal));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(literal));
    expect(JSON.stringify({ ...merged })).toBe(JSON.stringify(literal));
    expect(Object.getOwnPropertySymbols(merged)).toStrictEqual([]);
    expect(mergedFrom(merged)?.base).toBe(base);
    expect(mergedFrom({ ...merged })).toBeUndefined();
  });

  it('a base with other fields (not a resolution of prices.ts) is merged in full', () => {
    const base = { ...bases[0]!, extra: 1 } as ResolvedPrices;
    const merged = mergePrices(base, { electricity: 0.09 });
    expect(mergedFrom(merged)).toBeUndefined();
    expect(ordered(merged)).toBe(ordered(mergePricesFull(base, { electricity: 0.09 })));
  });
});

describe('mergePrices for a sample (prices only read by property)', () => {
  it('every entry reads the same by property as the listed merge\'s; the entries it made list no given', () => {
    for (const base of bases) {
      for (const o of [{ 'LiOH·H2O': 12.5, 'quality-factor': 0.85, electricity: 0.09 }, { 'natural-gas': 0.03 }, { Li2CO3: 11 }, { 'LiOH·H2O': '12.5 USD/kg' }] as Record<string, PriceValue>[]) {
        const listed = mergePrices(base, o);
        const sample = mergePrices(base, o, {}, true);
        expect(Object.keys(sample.items)).toStrictEqual(Object.keys(listed.items));
        for (const k in listed.items) {
          const a = listed.items[k]!;
          const b = sample.items[k]!;
          for (const f of ['key', 'value', 'unit', 'given', 'year', 'source', 'origin', 'setId', 'escalation'] as const) expect(b[f], `${base.setId} ${k}.${f}`).toStrictEqual(a[f]);
          if (b !== base.items[k] && typeof o[k] !== 'string') expect(Object.keys(b)).toStrictEqual(Object.keys(a).filter((f) => f !== 'given'));
        }
        expect(mergedFrom(sample)?.base).toBe(base);
      }
    }
  });
});

describe('mergePrices: merges of one base are copies of its items (issue 19)', () => {
  it('two merges of one base have their own items, in the base\'s key order; the base is unchanged', () => {
    const base = bases[0]!;
    const before = ordered(base);
    const a = mergePrices(base, { electricity: 0.05 });
    const b = mergePrices(base, { electricity: 0.07 });
    expect(a.items).not.toBe(b.items);
    expect([a.items.electricity!.value, b.items.electricity!.value]).toEqual([0.05, 0.07]);
    expect(Object.keys(a.items)).toEqual(Object.keys(base.items));
    expect(Object.getPrototypeOf(a.items)).toBe(Object.prototype);
    expect(ordered(base)).toBe(before);
  });
});

describe('prices merged in place share what depends on their keys (issue 19)', () => {
  const base = resolvePrices({ set: 'cn-2024', overrides: { 'cam.NCM955x': '30 USD/kg' } }, 'CN', sets);

  it('a merge records its base and the keys it replaced (derived ones included), through merges of merges', () => {
    const once = mergePrices(base, { 'LiOH·H2O': 12 });
    expect(mergedFrom(once)?.base).toBe(base);
    expect([...mergedFrom(once)!.replaced].sort()).toEqual(['LiOH', 'LiOH·H2O']);
    const twice = mergePrices(once, { electricity: '0.1 USD/kWh' });
    expect(mergedFrom(twice)?.base).toBe(base);
    expect([...mergedFrom(twice)!.replaced].sort()).toEqual(['LiOH', 'LiOH·H2O', 'electricity']);
    expect(mergedFrom(base)).toBeUndefined();
    expect(mergedFrom(mergePricesFull(base, { 'LiOH·H2O': 12 }))).toBeUndefined();
  });

  it('custom-chemistry prices are found once per key set, and are those of a fresh search', () => {
    const merged = mergePrices(base, { 'LiOH·H2O': 12, 'quality-factor': 0.85 });
    expect(customChemistryPrices(base)).toEqual([{ key: 'cam.NCM955x', chemistry: 'NCM955x' }]);
    expect(customChemistryPrices(merged)).toBe(customChemistryPrices(base));
    expect(customChemistryPrices(bases[0]!)).toEqual([]);
  });

  it('a merged GHG factor reaches the environment figures (the base\'s factors are shared only while no ghg. key is replaced)', () => {
    const finance = resolveFinance(undefined);
    const input = samplePlant({ region: 'CN' });
    const ghg = (p: ResolvedPrices) => economics(input, p, finance).kpis.ghgKgCo2ePerKgProduct;
    const plain = mergePrices(base, { 'LiOH·H2O': 12 });
    expect(ghg(plain)).toBe(ghg(mergePricesFull(base, { 'LiOH·H2O': 12 })));
    const factor = mergePrices(plain, { 'ghg.NMP': '40 kg/kg' });
    expect(ghg(factor)).toBe(ghg(mergePricesFull(base, { 'LiOH·H2O': 12, 'ghg.NMP': '40 kg/kg' })));
    expect(ghg(factor)).toBeGreaterThan(ghg(plain)!);
  });
});

describe('merge shapes: worked out once per base and key list', () => {
  it('merges of the same keys share what the merge started from; another order or another base has its own', () => {
    // A base of its own (the tests above merge many key lists onto the shared bases, past the shapes kept per base).
    const base = resolvePrices(undefined, 'US', sets);
    const a = mergePrices(base, { 'LiOH·H2O': 12, electricity: 0.09 });
    const b = mergePrices(base, { 'LiOH·H2O': 14, electricity: 0.1 });
    expect(mergedFrom(a)).toBe(mergedFrom(b));
    const c = mergePrices(base, { electricity: 0.1, 'LiOH·H2O': 14 });
    expect(mergedFrom(c)).not.toBe(mergedFrom(a));
    expect(ordered(c)).toBe(ordered(mergePricesFull(base, { electricity: 0.1, 'LiOH·H2O': 14 })));
    const another = resolvePrices(undefined, 'US', sets);
    const other = mergePrices(another, { 'LiOH·H2O': 12, electricity: 0.09 });
    expect(mergedFrom(other)?.base).toBe(another);
    expect(ordered(other)).toBe(ordered(a));
  });

  it('a merge is the full merge whatever was merged before: numbers, texts, refused values, alternating', () => {
    const base = bases[0]!;
    const rows: Record<string, PriceValue>[] = [
      { 'LiOH·H2O': 12, 'quality-factor': 0.85, electricity: 0.09 },
      { 'LiOH·H2O': '13 USD/kg', 'quality-factor': 0.9, electricity: 0.08 },
      { 'LiOH·H2O': 11, 'quality-factor': 0.95, electricity: '0.1 USD/kWh' },
      { 'LiOH·H2O': { value: 10, year: 2021 }, 'quality-factor': 0.8, electricity: 0.07 },
      { 'LiOH·H2O': 12, 'quality-factor': 0.85, electricity: 0.09 },
    ];
    for (const o of [...rows, ...rows.reverse()]) expect(ordered(mergePrices(base, o))).toBe(ordered(mergePricesFull(base, o)));
    for (const bad of [{ 'LiOH·H2O': -1, 'quality-factor': 0.85, electricity: 0.09 }, { 'LiOH·H2O': 12, 'quality-factor': 1.2, electricity: 0.09 }]) {
      expect(errorOf(() => mergePrices(base, bad)).message).toBe(errorOf(() => mergePricesFull(base, bad)).message);
    }
  });
});
