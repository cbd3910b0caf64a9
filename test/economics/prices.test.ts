/**
 * Price sets: the shipped files, units and currencies, LiOH forms, overrides, derived items and the
 * error messages for bad sets and keys.
 */
import { describe, expect, it } from 'vitest';
import { resolvePrices, mergePrices, DEFAULT_PRICE_SETS } from '../../src/economics/prices.js';
import { priceItem } from '../../src/economics/price-keys.js';
import { priceSetSchema } from '../../src/schema/economics.js';
import { component } from '../../src/chemistry/components.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../../src/chemistry/elements.js';
import { REGIONS } from '../../src/schema/scenario.js';
import { msg } from '../../src/schema/messages.js';
import { errorOf, shippedSets } from './helpers.js';

const sets = shippedSets();
const M = (id: string) => component(id).molarMass_g_per_mol;
const USD_PER_GAL_TO_M3 = 1 / 3.785411784e-3;

describe('shipped price sets', () => {
  it('every set file validates: each entry has a value with its unit, a year and a source', () => {
    for (const [name, src] of Object.entries(sets)) {
      const r = priceSetSchema.safeParse(src.data);
      expect(r.success, name).toBe(true);
      expect(r.data!.id).toBe(name);
      for (const [key, e] of Object.entries(r.data!.items)) {
        expect(e.source.length, `${name} ${key}`).toBeGreaterThan(10);
        expect(e.year, `${name} ${key}`).toBeGreaterThanOrEqual(2017);
        expect(priceItem(key), `${name} ${key}`).toBeDefined();
      }
    }
  });
  it('every region has a default set that resolves, for its own region', () => {
    for (const region of REGIONS) {
      const p = resolvePrices(undefined, region, sets);
      expect(p.setId).toBe(DEFAULT_PRICE_SETS[region]);
      expect(p.region).toBe(region);
      expect(p.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      for (const key of ['electricity', 'natural-gas', 'steam', 'water', 'wastewater', 'landfill', 'labour', 'equipment-cost-factor', 'ghg.electricity', 'ghg.natural-gas', 'LiOH', 'LiOH·H2O', 'Li2CO3', 'NMP', 'PVDF', 'carbon-black', 'KOH', 'NaOH', 'O2', 'N2', 'citric-acid', 'H3PO4', 'NH3', 'CaO', 'cam.NCM523', 'cam.NCM622', 'cam.NCM811', 'metal.Ni', 'metal.Co', 'metal.Mn', 'metal.Li', 'scrap.Al', 'scrap.Cu', 'consumable.saggar', 'quality-factor', 'payable.cathode-scrap', 'payable.black-mass', 'payable.cam-powder', 'payable-offset.LCO', 'feed.LFP', 'primary-energy.electricity', 'primary-energy.natural-gas']) {
        expect(p.items[key], `${region} ${key}`).toBeDefined();
      }
    }
  });
  it('US values convert to canonical units (USD/kWh, USD/m³, USD/kg)', () => {
    const p = resolvePrices(undefined, 'US', sets);
    // EverBatt's 2020 values, in 2023 dollars (× CPI-U 2023/2020)
    const f = 304.702 / 258.811;
    expect(p.items['natural-gas']!.value).toBeCloseTo((7.77 / 293.0710701722222) * f, 12); // USD/MMBtu → USD/kWh
    expect(p.items.water!.value).toBeCloseTo(0.00473 * USD_PER_GAL_TO_M3 * f, 12);
    expect(p.items.landfill!.value).toBeCloseTo((54.03 / 907.18474) * f, 12);
    expect(p.items.electricity!.value).toBe(0.0806); // EIA 2023, already 2023 dollars
    expect(p.items['ghg.electricity']!.value).toBeCloseTo(0.467, 14);
    expect(p.items['ghg.natural-gas']!.value).toBeCloseTo(0.2573, 14);
    expect(p.items.steam!.value).toBeCloseTo(p.items['natural-gas']!.value / 0.8, 14);
    expect(p.items.steam!.origin).toBe('derived');
    expect(p.cepciYear).toBe(2023);
  });
  it('EU converts euros with the rate stated in the set (Eurostat €0.20/kWh H2 2023 × 1.0813)', () => {
    const p = resolvePrices(undefined, 'EU', sets);
    expect(p.items.electricity!.value).toBeCloseTo(0.2 * 1.0813, 14);
    expect(p.items.electricity!.given).toBe('0.20 EUR/kWh');
    expect(p.items['ghg.electricity']!.value).toBeCloseTo(0.21, 14);
    // inherited from us-2023 (EverBatt, 2020 dollars, escalated to the set's 2023 dollars)
    expect(p.items.NMP!.value).toBeCloseTo((2.7 * 304.702) / 258.811, 12);
    expect(p.items.NMP!.setId).toBe('us-2023');
  });
  it('CN converts yuan per tonne (98,500 CNY/t LiOH·H2O → USD/kg)', () => {
    const p = resolvePrices(undefined, 'CN', sets);
    expect(p.items['LiOH·H2O']!.value).toBeCloseTo(98.5 * 0.1389, 12);
    expect(p.items['cam.NCM622']!.value).toBeCloseTo(122.9 * 0.1389, 12);
    expect(p.year).toBe(2024);
    expect(p.items['equipment-cost-factor']!.value).toBe(0.61);
    expect(p.items['ghg.electricity']!.value).toBeCloseTo(0.7, 14);
  });
});

describe('LiOH forms: a price is per kg of the stated form, converted by molar mass, never mixed', () => {
  it('anhydrous LiOH given: LiOH·H2O = LiOH × M(LiOH)/M(LiOH·H2O) ≈ × 23.95/41.96', () => {
    const p = resolvePrices({ set: 'us-2023', overrides: { LiOH: '34.89 USD/kg' } }, 'US', sets);
    expect(p.items.LiOH!.value).toBe(34.89);
    expect(p.items['LiOH·H2O']!.value).toBeCloseTo((34.89 * M('LiOH')) / M('LiOH·H2O'), 12);
    expect(p.items['LiOH·H2O']!.value).toBeCloseTo((34.89 * 23.95) / 41.96, 2);
    expect(p.items['LiOH·H2O']!.origin).toBe('derived');
    // the same lithium costs the same in either form
    expect(p.items.LiOH!.value * M('LiOH')).toBeCloseTo(p.items['LiOH·H2O']!.value * M('LiOH·H2O'), 9);
  });
  it('CN and US give LiOH·H2O; anhydrous LiOH is derived the other way', () => {
    for (const region of ['CN', 'US'] as const) {
      const p = resolvePrices(undefined, region, sets);
      expect(p.items.LiOH!.value).toBeCloseTo((p.items['LiOH·H2O']!.value * M('LiOH·H2O')) / M('LiOH'), 12);
      expect(p.items.LiOH!.origin).toBe('derived');
    }
  });
  it('overriding one form re-derives the other; overriding both keeps both', () => {
    const one = resolvePrices({ set: 'us-2023', overrides: { 'LiOH·H2O': '11 USD/kg' } }, 'US', sets);
    expect(one.items['LiOH·H2O']!).toMatchObject({ value: 11, origin: 'override', given: '11 USD/kg' });
    expect(one.items.LiOH!.value).toBeCloseTo((11 * M('LiOH·H2O')) / M('LiOH'), 12);
    const both = resolvePrices({ set: 'us-2023', overrides: { 'LiOH·H2O': 11, LiOH: 30 } }, 'US', sets);
    expect(both.items.LiOH!.value).toBe(30);
    expect(both.items['LiOH·H2O']!.value).toBe(11);
  });
});

describe('overrides', () => {
  it('accept a number in the canonical unit, a string with a unit, an entry with year and source, aliases, and top-level keys (patches)', () => {
    const p = resolvePrices({ set: 'us-2023', overrides: { NMP: 3.1, electricity: '9 USD/MWh', 'LiOH.H2O': { value: '12 USD/kg', year: 2025, source: 'quote' }, lime: '150 USD/t' }, 'cam.NMC622': '20 USD/kg' }, 'US', sets);
    expect(p.items.NMP!.value).toBe(3.1);
    expect(p.items.electricity!.value).toBeCloseTo(0.009, 15);
    // an override with a year is escalated to the set's dollar year (2025 → 2023 with CPI-U)
    expect(p.items['LiOH·H2O']!).toMatchObject({ year: 2025, source: 'quote' });
    expect(p.items['LiOH·H2O']!.value).toBeCloseTo((12 * 304.702) / 321.943, 12);
    expect(p.items.CaO!.value).toBeCloseTo(0.15, 15);
    expect(p.items['cam.NCM622']!.value).toBe(20);
  });
  it('mergePrices merges a resolved set with overrides and re-derives', () => {
    const base = resolvePrices(undefined, 'US', sets);
    const m = mergePrices(base, { 'LiOH·H2O': '11 USD/kg', 'natural-gas': '10 USD/MMBtu', Li2CO3: 20 });
    expect(m.items.LiOH!.value).toBeCloseTo((11 * M('LiOH·H2O')) / M('LiOH'), 12);
    expect(m.items.steam!.value).toBeCloseTo(10 / 293.0710701722222 / 0.8, 12);
    expect(m.items['metal.Li']!.value).toBeCloseTo((20 * M('Li2CO3')) / (2 * 6.94), 9);
    expect(base.items['LiOH·H2O']!.value).toBeCloseTo((13.68 * 304.702) / 313.689, 12);
  });
  it('a price set given inline (or read from a file path) is used as it is, with its top-level overrides', () => {
    const inline = { ...(sets['us-2023']!.data as object), NMP: 5 };
    const p = resolvePrices(inline, 'US', sets);
    expect(p.setId).toBe('us-2023');
    expect(p.items.NMP!.value).toBe(5);
  });
});

describe('entries that make their texts when read (price-entries.ts)', () => {
  /** An entry as a literal writes it: every own key, in order, as data. */
  const literal = (e: object) => Object.fromEntries(Object.entries(e));

  it('an override written as a bare number and the prices derived from it read as literal entries do', () => {
    const base = resolvePrices(undefined, 'CN', sets);
    const merged = mergePrices(base, { 'LiOH·H2O': 12.345678901234, 'quality-factor': 0.85, 'natural-gas': 0.031, 'Li2CO3': 10.5 });
    const f = M('LiOH·H2O') / M('LiOH');
    const want: Record<string, object> = {
      'LiOH·H2O': { key: 'LiOH·H2O', value: 12.345678901234, unit: 'USD/kg', given: '12.345678901234 USD/kg', year: null, source: 'scenario override', origin: 'override' },
      'quality-factor': { key: 'quality-factor', value: 0.85, unit: '', given: '0.85', year: null, source: 'scenario override', origin: 'override' },
      LiOH: {
        key: 'LiOH', value: 12.345678901234 * f, unit: 'USD/kg', given: `LiOH·H2O 12.3457 USD/kg × M(LiOH·H2O)/M(LiOH) = × ${Number(M('LiOH·H2O').toPrecision(6))}/${Number(M('LiOH').toPrecision(6))}`,
        year: base.year, source: 'derived from the LiOH·H2O price by molar mass, same Li per kg-mol (REFERENCE.md Part 3 point 4); LiOH·H2O: scenario override', origin: 'derived',
      },
    };
    for (const [key, w] of Object.entries(want)) {
      const e = merged.items[key]!;
      expect(JSON.stringify(e), key).toBe(JSON.stringify(w));
      expect(Object.keys(e), key).toEqual(Object.keys(w));
      expect(JSON.stringify({ ...e }), key).toBe(JSON.stringify(w));
      expect(JSON.stringify(structuredClone(e)), key).toBe(JSON.stringify(w));
      expect(e, key).toEqual(w);
    }
    // steam and metal.Li, derived from overrides, read as the derivations write them
    const steam = merged.items.steam!;
    const eta = merged.items['boiler-efficiency']!.value;
    expect(literal(steam)).toEqual({ key: 'steam', value: 0.031 / eta, unit: 'USD/kWh', given: `natural gas 0.031 USD/kWh ÷ boiler efficiency ${Number(eta.toPrecision(6))}`, year: base.year, source: 'derived: steam raised in a natural-gas boiler (natural-gas price ÷ boiler-efficiency); natural gas: scenario override', origin: 'derived' });
    const lce = M('Li2CO3') / (2 * ATOMIC_WEIGHT_G_PER_MOL.Li);
    expect(literal(merged.items['metal.Li']!)).toEqual({ key: 'metal.Li', value: 10.5 * lce, unit: 'USD/kg', given: `Li2CO3 10.5 USD/kg × ${Number(lce.toPrecision(6))} kg Li2CO3 per kg Li`, year: base.year, source: 'derived: lithium valued as lithium carbonate equivalent (M(Li2CO3)/(2·M(Li))); Li2CO3: scenario override', origin: 'derived' });
  });

  it('a set\'s overrides written as bare numbers read as literal entries do', () => {
    const inline = resolvePrices({ id: 'inline', year: 2024, items: {}, overrides: { electricity: 0.1 }, notes: [] }, 'CN', sets);
    expect(JSON.stringify(inline.items.electricity)).toBe(JSON.stringify({ key: 'electricity', value: 0.1, unit: 'USD/kWh', given: '0.1 USD/kWh', year: null, source: 'scenario override', origin: 'override' }));
  });
});

describe('errors name the item and what to do', () => {
  it('an unknown key, with a suggestion', () => {
    const e = errorOf(() => resolvePrices({ set: 'us-2023', overrides: { electricty: 0.1 } }, 'US', sets));
    expect(e.issues[0]!.path).toBe('prices.overrides.electricty');
    expect(e.issues[0]!.message).toMatch(/^unknown price item "electricty" \(did you mean "electricity"\?\); use one of/);
  });
  it('an unknown set, a missing exchange rate, a negative price, a wrong dimension', () => {
    expect(errorOf(() => resolvePrices({ set: 'us-2030' }, 'US', sets)).message).toBe(`prices.set: ${msg.unknownPriceSet('us-2030', Object.keys(sets).sort())}`);
    expect(errorOf(() => resolvePrices({ overrides: { electricity: '0.2 GBP/kWh' } }, 'US', sets)).issues[0]!.message).toBe(msg.unknownCurrency('GBP', '0.2 GBP/kWh', []));
    expect(errorOf(() => resolvePrices({ overrides: { NMP: -1 } }, 'US', sets)).issues[0]!.message).toBe(msg.priceNegative('NMP', '-1 USD/kg'));
    expect(errorOf(() => resolvePrices({ overrides: { NMP: '3 USD/kWh' } }, 'US', sets)).issues[0]!.message).toMatch(/^"3 USD\/kWh" is money\/energy but money\/mass is expected \(unit USD\/kg\)/);
    // feed prices may be negative (the recycler is paid)
    expect(resolvePrices({ overrides: { 'feed.NCM622': '-1 USD/kg' } }, 'US', sets).items['feed.NCM622']!.value).toBe(-1);
  });
  it('a cycle of extends', () => {
    const cyc = { a: { data: { id: 'a', year: 2023, extends: 'b' } }, b: { data: { id: 'b', year: 2023, extends: 'a' } } };
    expect(errorOf(() => resolvePrices({ set: 'a' }, 'US', cyc)).issues[0]!.message).toBe(msg.priceSetCycle(['a', 'b', 'a']));
  });
  it('no default set for a region when none was loaded', () => {
    expect(errorOf(() => resolvePrices(undefined, 'US', {})).message).toBe(`prices: ${msg.noPriceSetForRegion('US', [])}`);
  });
  it('a set for another region is a warning', () => {
    const p = resolvePrices({ set: 'cn-2024' }, 'US', sets);
    expect(p.diagnostics.find((d) => d.code === 'price-set-region')?.severity).toBe('warning');
  });
});

describe('priceItem', () => {
  it('answers the same for a key asked again (worked out once), a meaningless key included', () => {
    for (const key of ['LiOH·H2O', ' LiOH.H2O ', 'electricity', 'cam.NCM811', 'cam.NCM955x', 'scrap.al', 'no-such-price', 'payable.nothing']) {
      const first = priceItem(key);
      expect(priceItem(key)).toBe(first);
      expect(JSON.stringify(priceItem(key))).toBe(JSON.stringify(first));
    }
    expect(priceItem('no-such-price')).toBeUndefined();
    expect(priceItem(' LiOH.H2O ')?.key).toBe('LiOH·H2O');
  });
});
