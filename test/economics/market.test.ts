/**
 * The one market for cathode-bearing material (market.ts): grades from composition, payable
 * arithmetic hand-checked for one lot of each grade, the separate Li payable and the LCO offset,
 * fixed prices both ways, CAM in spec at entry, the legacy keys; and the escalation of one price to
 * the set's dollar year, by hand.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { economics } from '../../src/economics/economics.js';
import { resolvePrices, mergePrices } from '../../src/economics/prices.js';
import { resolveFinance } from '../../src/economics/finance.js';
import { gradeOf, marketOf, payableValue, GRAPHITE_LIMIT, MATRIX_LIMIT } from '../../src/economics/market.js';
import { offSpecLines } from '../../src/economics/offspec.js';
import { PriceBook } from '../../src/economics/price-book.js';
import { DEFAULT_COMPOSITION } from '../../src/schema/feed.js';
import { msg } from '../../src/schema/messages.js';
import type { EconomicsInput } from '../../src/economics/input.js';
import { errorOf, samplePlant, shippedSets } from './helpers.js';

const sets = shippedSets();
// A set of 2024 dollars with round prices, so every figure below is checked by hand.
const HAND = mergePrices(resolvePrices(undefined, 'CN', sets), {
  'metal.Ni': '16 USD/kg', 'metal.Co': '25 USD/kg', Li2CO3: '10 USD/kg', 'cam.NCM523': '16 USD/kg', 'cam.NCM811': '20 USD/kg', 'quality-factor': 0.9,
  'payable.cathode-scrap': 0.70, 'payable.black-mass': 0.72, 'payable.cam-powder': 0.75,
});
const finance = resolveFinance(undefined);

/** One lot of `grade`: 1,000 kg Ni, 200 kg Co, 300 kg Mn, 70 kg Li contained; the rest of the plant as samplePlant. */
function oneLot(over: Partial<EconomicsInput['feedLots'][number]>, input: Partial<EconomicsInput> = {}): EconomicsInput {
  return samplePlant({
    feedLots: [{ id: 'x', chemistry: 'NCM523', family: 'layered', scrapKgPerYear: 5_000, camKgPerYear: 4_000, elementsKgPerYear: { Ni: 1_000, Co: 200, Mn: 300, Li: 70, O: 1_300 }, ...over }],
    products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 3_000 }], offSpec: [] },
    ...input,
  });
}
const feedOf = (input: EconomicsInput, prices = HAND) => economics(input, prices, finance).opex.items.find((i) => i.id === 'feed.x')!;

describe('grades follow from what a parcel is', () => {
  it('the default compositions of the feed bases grade as their own basis', () => {
    for (const basis of ['cathode-scrap', 'black-mass', 'cam-powder'] as const) {
      const c = DEFAULT_COMPOSITION[basis];
      expect(gradeOf(c.cam!, c), basis).toBe(basis);
    }
  });
  it('graphite above 5 % of the CAM makes black mass; foil and matrix above 2 % make cathode scrap', () => {
    expect(gradeOf(100, { graphite: 100 * GRAPHITE_LIMIT + 0.01, Al: 0 })).toBe('black-mass');
    expect(gradeOf(100, { graphite: 100 * GRAPHITE_LIMIT })).toBe('cam-powder');
    expect(gradeOf(100, { Al: 1.5, PVDF: 0.6 })).toBe('cathode-scrap');
    expect(gradeOf(100, { Al: 1.4, PVDF: 0.6 })).toBe('cam-powder');
    expect(MATRIX_LIMIT).toBe(0.02);
  });
  it('the matrix is summed in one fixed order whatever the order of the record (a sum on the limit grades as the sum over every matrix id did)', () => {
    const MATRIX = ['Al', 'Cu', 'carbon-black', 'CNT', 'graphene', 'PVDF', 'PAA', 'alginate'];
    const reference = (cam: number, c: Record<string, number>) => {
      let m = 0;
      for (const id of MATRIX) m += c[id] ?? 0;
      return (c.graphite ?? 0) > GRAPHITE_LIMIT * cam ? 'black-mass' : m > MATRIX_LIMIT * cam ? 'cathode-scrap' : 'cam-powder';
    };
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom(...MATRIX, 'graphite', 'Li2CO3', 'H2O', 'NMP'), fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0.1, 0.2, 0.3, 1e-17, 2 ** 53, -0))), { maxLength: 10 }),
      (pairs) => {
        const c: Record<string, number> = {};
        for (const [k, v] of pairs) c[k] = v;
        // The CAM mass that puts the matrix sum exactly on the limit, and others.
        let m = 0;
        for (const id of MATRIX) m += c[id] ?? 0;
        for (const cam of [m / MATRIX_LIMIT, 100, 0, 1e7]) expect(gradeOf(cam, c)).toBe(reference(cam, c));
      },
    ));
  });
});

describe('payable arithmetic, by hand, one lot of each grade', () => {
  it('cathode scrap: 0.70 × (1,000 kg × 16 + 200 kg × 25) = 14,700 USD; Mn and Li unpaid', () => {
    const line = feedOf(oneLot({ grade: 'cathode-scrap' }));
    expect(line.usd).toBe(14_700);
    expect(line.unitPriceUsd).toBeCloseTo(14_700 / 5_000, 12);
    expect(line.terms!.map((t) => [t.priceKey, t.quantity, t.price, t.factor])).toEqual([['metal.Ni', 1_000, 16, 0.7], ['metal.Co', 200, 25, 0.7]]);
  });
  it('black mass: 0.72 × 21,000 = 15,120 USD', () => {
    expect(feedOf(oneLot({ grade: 'black-mass' })).usd).toBe(15_120);
  });
  it('CAM powder: 0.75 × 21,000 = 15,750 USD', () => {
    expect(feedOf(oneLot({ grade: 'cam-powder' })).usd).toBe(15_750);
  });
  it('the grade defaults to the feed basis', () => {
    expect(feedOf(oneLot({}, { feedBasis: 'black-mass' })).usd).toBe(15_120);
  });
  it('a separate Li payable: 0.67 × 21,000 + 0.04 × 70 kg × (10 × 73.89/(2 × 6.94)) USD/kg Li', () => {
    const prices = mergePrices(HAND, { 'payable.cam-powder': 0.67, 'payable-li.cam-powder': 0.04 });
    const liPerKg = (10 * 73.891) / (2 * 6.94); // metal.Li: lithium carbonate equivalent (M(Li2CO3) from the registry)
    expect(prices.items['metal.Li']!.value).toBeCloseTo(liPerKg, 2);
    expect(feedOf(oneLot({ grade: 'cam-powder' }), prices).usd).toBeCloseTo(0.67 * 21_000 + 0.04 * 70 * prices.items['metal.Li']!.value, 2);
  });
  it('a payable offset is points between −1 and 1; a payable is a fraction', () => {
    expect(errorOf(() => mergePrices(HAND, { 'payable-offset.LCO': -1.5 })).issues[0]!.message).toBe(msg.priceNotSignedFraction('payable-offset.LCO', '-1.5'));
    expect(errorOf(() => mergePrices(HAND, { 'payable.black-mass': 1.2 })).issues[0]!.message).toBe(msg.priceNotFraction('payable.black-mass', '1.2'));
    expect(errorOf(() => mergePrices(HAND, { 'payable.slag': 0.5 })).issues[0]!.code).toBe('unknown-price-item');
  });
  it('LCO trades 5 points lower: 0.70 − 0.05 on 200 kg Co × 25 = 3,250 USD', () => {
    const line = feedOf(oneLot({ chemistry: 'LCO', grade: 'cathode-scrap', elementsKgPerYear: { Co: 200, Li: 24, O: 110 } }));
    expect(line.usd).toBe(3_250);
    expect(line.terms![0]!.factorKeys).toEqual(['payable.cathode-scrap', 'payable-offset.LCO']);
  });
});

describe('one basis for bought and sold material', () => {
  it('off-spec CAM of a grade sells on the same payables as feed of that grade', () => {
    const m = marketOf(oneLot({}), new PriceBook(HAND));
    for (const grade of ['cathode-scrap', 'black-mass', 'cam-powder'] as const) {
      const el = { Ni: 1_000, Co: 200, Mn: 300, Li: 70 };
      const r = economics(oneLot({ grade }, { products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 3_000 }], offSpec: [{ chemistry: 'NCM523', kgPerYear: 4_000, grade, elementsKgPerYear: el }] } }), HAND, finance);
      const sold = r.revenue.items.find((i) => i.id === `offspec.${grade}.NCM523`)!;
      expect(sold.usd, grade).toBe(feedOf(oneLot({ grade })).usd);
      expect(sold.usd).toBeCloseTo(payableValue(m, grade, 'NCM523', el, 'test').usd, 6);
    }
  });
  it('a fixed price is the value both ways: LFP at −2 USD/kg of feed costs 2 × 5,000/4,000 USD per kg of its CAM to get rid of', () => {
    const prices = mergePrices(HAND, { 'feed.LFP': '-2 USD/kg' });
    const input = oneLot({ chemistry: 'LFP', family: 'olivine', elementsKgPerYear: { Fe: 1_400, Li: 170 } }, { products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 3_000 }], offSpec: [{ chemistry: 'LFP', kgPerYear: 4_000, grade: 'cathode-scrap', origin: 'x', elementsKgPerYear: { Fe: 1_400, Li: 170 } }] } });
    const r = economics(input, prices, finance);
    expect(r.opex.items.find((i) => i.id === 'feed.x')!.usd).toBe(-10_000);
    const disposal = r.opex.items.find((i) => i.id === 'offspec.cathode-scrap.LFP')!;
    expect(disposal).toMatchObject({ category: 'waste', usd: 10_000 });
    expect(r.revenue.items.some((i) => i.id.startsWith('offspec.'))).toBe(false);
  });
  it('a sample values its off-spec parcels as a described run does: fixed prices both signs, payables (issue 19)', () => {
    const prices = mergePrices(HAND, { 'feed.LFP': '-2 USD/kg', 'feed.LMO': '1.5 USD/kg' });
    const offSpec: EconomicsInput['products']['offSpec'] = [
      { chemistry: 'LFP', kgPerYear: 4_000, grade: 'cathode-scrap', origin: 'x', elementsKgPerYear: { Fe: 1_400, Li: 170 } },
      { chemistry: 'LMO', kgPerYear: 700, grade: 'cam-powder', elementsKgPerYear: { Mn: 400, Li: 30 } },
      { chemistry: 'NCM523', kgPerYear: 900, grade: 'black-mass', elementsKgPerYear: { Ni: 300, Co: 60.5, Li: 40.25 } },
    ];
    const input = oneLot({ chemistry: 'LFP', family: 'olivine', elementsKgPerYear: { Fe: 1_400, Li: 170 } }, { products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 3_000 }], offSpec } });
    const amounts = (describe: boolean, exact: boolean) => {
      const l = offSpecLines(marketOf(input, new PriceBook(prices)), input, exact, describe);
      return [...l.revenue, ...l.costs].map((x) => [x.id, x.label, x.category, x.usd, x.quantity, x.unitPriceUsd, x.basisUsd]);
    };
    for (const exact of [true, false]) expect(amounts(false, exact)).toStrictEqual(amounts(true, exact));
    expect(amounts(false, true).map((x) => x[2])).toStrictEqual(['off-spec', 'off-spec', 'waste']);
  });
  it('CAM already in spec at entry is bought at the in-spec price when that is worth more (0.9 × 16 USD/kg)', () => {
    const line = feedOf(oneLot({ grade: 'cathode-scrap', inSpecAtEntry: { camKgPerYear: 1_000, elementsKgPerYear: { Ni: 250, Co: 50, Mn: 75, Li: 17.5 } } }));
    // the rest at payables: 0.70 × (750 × 16 + 150 × 25) = 11,025; the in-spec part 1,000 kg × 14.4 = 14,400
    expect(line.usd).toBe(11_025 + 14_400);
    expect(line.basis).toContain('in spec at entry: 1000 kg CAM at the in-spec price 14.4 USD/kg');
  });
});

describe('legacy keys keep a documented meaning', () => {
  it('feed-payable-fraction replaces the payable of the feed\'s grade, for feed and off-spec of that grade alike', () => {
    const prices = mergePrices(HAND, { 'feed-payable-fraction': 0.5 });
    const el = { Ni: 1_000, Co: 200 };
    const r = economics(oneLot({ grade: 'cathode-scrap' }, { products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 3_000 }], offSpec: [{ chemistry: 'NCM523', kgPerYear: 100, grade: 'cathode-scrap', elementsKgPerYear: el }, { chemistry: 'NCM523', kgPerYear: 100, grade: 'cam-powder', elementsKgPerYear: el }] } }), prices, finance);
    expect(r.opex.items.find((i) => i.id === 'feed.x')!.usd).toBe(10_500);
    expect(r.revenue.items.find((i) => i.id === 'offspec.cathode-scrap.NCM523')!.usd).toBe(10_500);
    expect(r.revenue.items.find((i) => i.id === 'offspec.cam-powder.NCM523')!.usd).toBe(15_750);
  });
  it('offspec-payable-fraction replaces the payable of CAM powder, the grade of off-spec regenerated CAM', () => {
    const prices = mergePrices(HAND, { 'offspec-payable-fraction': 0.6 });
    const r = economics(oneLot({ grade: 'cathode-scrap' }, { products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 3_000 }], offSpec: [{ chemistry: 'NCM523', kgPerYear: 100, grade: 'cam-powder', elementsKgPerYear: { Ni: 1_000, Co: 200 } }] } }), prices, finance);
    expect(r.revenue.items.find((i) => i.id === 'offspec.cam-powder.NCM523')!.usd).toBe(12_600);
    expect(r.opex.items.find((i) => i.id === 'feed.x')!.usd).toBe(14_700);
  });
  it('both, for a CAM-powder feed, with different values, is an input error (one market has one price)', () => {
    const prices = mergePrices(HAND, { 'offspec-payable-fraction': 0.6, 'feed-payable-fraction': 0.5 });
    const e = errorOf(() => economics(oneLot({ grade: 'cam-powder' }), prices, finance));
    expect(e.issues.map((i) => i.message)).toContain(msg.payableConflict(0.5, 0.6));
  });
});

describe('every money price in the set\'s dollar year', () => {
  it('by hand: EverBatt NMP 2.70 USD/kg of 2020 in us-2023 = 2.70 × 304.702/258.811 = 3.17875 USD/kg (2023)', () => {
    const p = resolvePrices(undefined, 'US', sets);
    const nmp = p.items.NMP!;
    expect(nmp.value).toBeCloseTo(3.17875, 5);
    expect(nmp.escalation).toEqual({ nominalValue: 2.7, fromYear: 2020, toYear: 2023, factor: 304.702 / 258.811, written: '2.70 USD/kg' });
    expect(nmp.given).toBe('2.70 USD/kg (2020 USD) × 1.17731 CPI-U 2023/2020 = 3.17875 USD/kg (2023 USD)');
    expect(p.diagnostics.find((d) => d.code === 'prices-escalated')?.message).toBe(msg.pricesEscalated('us-2023', 2023, [2020, 2023, 2024], 'US CPI-U (BLS CUUR0000SA0, annual average, 1982-84 = 100)'));
  });
  it('fractions and GHG factors are not money and stay as written; prices of the set year stay too', () => {
    const p = resolvePrices(undefined, 'US', sets);
    expect(p.items['payable.cam-powder']!.value).toBe(0.75);
    expect(p.items['ghg.electricity']!.value).toBeCloseTo(0.467, 14);
    expect(p.items['ghg.electricity']!.escalation).toBeUndefined();
    expect(p.items.electricity!).toMatchObject({ value: 0.0806, year: 2023 });
    expect(p.items.electricity!.escalation).toBeUndefined();
  });
  it('a child set of another year re-escalates what it inherits from its nominal value', () => {
    const child = { data: { id: 'us-2024', year: 2024, extends: 'us-2023', items: {} } };
    const p = resolvePrices({ set: 'us-2024' }, 'US', { ...sets, 'us-2024': child });
    expect(p.items.NMP!.value).toBeCloseTo((2.7 * 313.689) / 258.811, 12);
    expect(p.items['metal.Ni']!.value).toBe(16.8);
  });
  it('a year outside the index is an input error; the set\'s priceIndex supplies it', () => {
    const e = errorOf(() => resolvePrices({ set: 'us-2023', overrides: { NMP: { value: '3 USD/kg', year: 1990, source: 'old quote' } } }, 'US', sets));
    expect(e.issues[0]!.message).toBe(msg.priceIndexMissing(1990, 2023, [2005, 2025]));
    const withIndex = { data: { ...(sets['us-2023']!.data as object), priceIndex: { 1990: 130.7 }, NMP: { value: '3 USD/kg', year: 1990, source: 'old quote' } } };
    expect(resolvePrices({ set: 'x' }, 'US', { ...sets, x: withIndex }).items.NMP!.value).toBeCloseTo((3 * 304.702) / 130.7, 12);
  });
});

describe('regenerated product is never priced above virgin', () => {
  it('a quality factor above 1 is refused', () => {
    expect(errorOf(() => resolvePrices({ set: 'us-2023', overrides: { 'quality-factor': 1.1 } }, 'US', sets)).issues[0]!.message).toBe(msg.qualityFactorAboveVirgin('1.1'));
  });
  it('regenerated.<chem> above cam.<chem> is refused, naming both', () => {
    const e = errorOf(() => mergePrices(HAND, { 'regenerated.NCM811': 21 }));
    expect(e.issues[0]!.message).toBe(msg.regeneratedAboveVirgin('NCM811', 21, 20));
    expect(e.issues[0]!.path).toBe('prices.overrides.regenerated.NCM811');
    expect(mergePrices(HAND, { 'regenerated.NCM811': 20 }).items['regenerated.NCM811']!.value).toBe(20);
  });
});

describe('off-spec parcels of one chemistry, grade and lot make one line (issue 19)', () => {
  it('two parcels are valued as one parcel holding both, whatever their element keys; the first parcel\'s record is left as it was', () => {
    const a = { Ni: 1_000, Co: 200, Mn: 300, Li: 70 };
    const b = { Li: 30.5, Co: 100.25, Ni: 400.125, Fe: 3 };
    const both = { Ni: 1_400.125, Co: 300.25, Mn: 300, Li: 100.5, Fe: 3 };
    const input = (offSpec: EconomicsInput['products']['offSpec']) => oneLot({}, { products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 3_000 }], offSpec } });
    const two = input([{ chemistry: 'NCM523', kgPerYear: 4_000, grade: 'cam-powder', elementsKgPerYear: a }, { chemistry: 'NMC532', kgPerYear: 1_500, grade: 'cam-powder', elementsKgPerYear: b }]);
    const one = input([{ chemistry: 'NCM523', kgPerYear: 5_500, grade: 'cam-powder', elementsKgPerYear: both }]);
    const lines = (i: EconomicsInput) => offSpecLines(marketOf(i, new PriceBook(HAND)), i, true, false).revenue;
    expect(lines(two).map((l) => [l.id, l.quantity, l.usd])).toStrictEqual(lines(one).map((l) => [l.id, l.quantity, l.usd]));
    expect(lines(two)).toHaveLength(1);
    expect(a).toStrictEqual({ Ni: 1_000, Co: 200, Mn: 300, Li: 70 });
    // Other grades stay lines of their own, in order of first appearance.
    const mixed = input([{ chemistry: 'NCM523', kgPerYear: 4_000, grade: 'cam-powder', elementsKgPerYear: a }, { chemistry: 'NCM523', kgPerYear: 1_000, grade: 'black-mass', elementsKgPerYear: b }, { chemistry: 'NCM523', kgPerYear: 1_500, grade: 'cam-powder', elementsKgPerYear: b }]);
    expect(lines(mixed).map((l) => l.id)).toStrictEqual(['offspec.cam-powder.NCM523', 'offspec.black-mass.NCM523']);
  });

  it('past 16 groups (found through maps from then on) a parcel still joins its own group, lines in order of first appearance', () => {
    const chems = ['NCM523', 'NCM811', 'NCM622', 'NCM111', 'NCA', 'LCO', 'LMO'];
    const grades = ['cam-powder', 'black-mass', 'cathode-scrap'] as const;
    const once: EconomicsInput['products']['offSpec'] = [];
    for (const grade of grades) for (const chemistry of chems) once.push({ chemistry, kgPerYear: 100, grade, elementsKgPerYear: { Ni: 10, Co: 2 } });
    const input = (offSpec: EconomicsInput['products']['offSpec']) => oneLot({}, { products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 3_000 }], offSpec } });
    const lines = (i: EconomicsInput) => { const l = offSpecLines(marketOf(i, new PriceBook(HAND)), i, true, false); return [...l.revenue, ...l.costs]; };
    const single = lines(input(once));
    const twice = lines(input([...once, ...once]));
    expect(single.length).toBeGreaterThan(16);
    expect(twice.map((l) => l.id)).toStrictEqual(single.map((l) => l.id));
    expect(twice.map((l) => l.quantity)).toStrictEqual(single.map((l) => 2 * l.quantity!));
  });

  it('without a description the quality-factor note is the same, and no prices-used list is kept', () => {
    const input = oneLot({});
    const described = economics(input, resolvePrices(undefined, 'CN', sets), finance);
    const plain = economics(input, resolvePrices(undefined, 'CN', sets), finance, { describe: false });
    const note = (r: typeof described) => r.diagnostics.filter((d) => d.code === 'quality-factor-default');
    expect(note(described)).toHaveLength(1);
    expect(note(plain)).toStrictEqual(note(described));
    expect(plain.pricesUsed).toEqual([]);
    expect(plain.kpis).toStrictEqual(described.kpis);
  });
});
