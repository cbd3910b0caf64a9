/**
 * What market.ts and offspec.ts keep across runs (key facts per price key set: fixed-price keys,
 * payable keys, feed grades, the off-spec plan): a run gives the same lines whatever was priced
 * before it — other parcels, other price keys — as in a fresh module; and the sample lines
 * (describe false) carry the numbers of the described ones.
 */
import { describe, expect, it, vi } from 'vitest';
import type { EconomicsInput } from '../../src/economics/input.js';
import type { ResolvedPrices } from '../../src/economics/prices.js';
import { resolveFinance } from '../../src/economics/finance.js';
import { samplePlant, shippedSets } from './helpers.js';

const finance = resolveFinance(undefined);

type Modules = {
  market: typeof import('../../src/economics/market.js');
  opex: typeof import('../../src/economics/opex.js');
  prices: typeof import('../../src/economics/prices.js');
  book: typeof import('../../src/economics/price-book.js');
};

/** A fresh copy of the economics modules (no plan or key facts kept from an earlier run). */
async function freshModules(): Promise<Modules> {
  vi.resetModules();
  return {
    market: await import('../../src/economics/market.js'),
    opex: await import('../../src/economics/opex.js'),
    prices: await import('../../src/economics/prices.js'),
    book: await import('../../src/economics/price-book.js'),
  };
}

const el = (ni: number, co: number, li: number, extra: Record<string, number> = {}) => ({ Ni: ni, Co: co, Mn: 0.3 * ni, Li: li, O: 2 * ni, ...extra });

/** Off-spec parcels of two lots, two grades and a fixed-price chemistry; a lot in spec at entry. */
function plant(offSpecScale = 1, origins: (string | null)[] = ['ev-523', 'ev-811', 'ev-523', null, 'lfp'], lots: (l: EconomicsInput['feedLots']) => EconomicsInput['feedLots'] = (l) => l): EconomicsInput {
  return samplePlant({
    feedLots: lots([
      { id: 'ev-523', chemistry: 'NCM523', family: 'layered', scrapKgPerYear: 600_000, camKgPerYear: 520_000, elementsKgPerYear: el(156_000, 62_500, 33_000), inSpecAtEntry: { camKgPerYear: 20_000, elementsKgPerYear: { Ni: 6_000.5, Co: 2_400.25, Li: 1_300.125 } } },
      { id: 'ev-811', chemistry: 'NCM811', family: 'layered', scrapKgPerYear: 350_000, camKgPerYear: 300_000, elementsKgPerYear: el(145_000, 18_000, 19_000) },
      { id: 'lfp', chemistry: 'LFP', family: 'olivine', scrapKgPerYear: 50_000, camKgPerYear: 43_000, elementsKgPerYear: { Fe: 15_000, Li: 1_900 } },
    ]),
    products: {
      inSpec: [{ chemistry: 'NCM523', kgPerYear: 470_000 }, { chemistry: 'NCM811', kgPerYear: 250_000 }],
      offSpec: [
        { chemistry: 'NCM523', kgPerYear: 10_000.3 * offSpecScale, grade: 'cam-powder', origin: origins[0], elementsKgPerYear: el(3_000.1 * offSpecScale, 1_200.7 * offSpecScale, 650.3 * offSpecScale) },
        { chemistry: 'NCM811', kgPerYear: 7_000.1 * offSpecScale, grade: 'black-mass', origin: origins[1], elementsKgPerYear: el(3_300.9 * offSpecScale, 410.2 * offSpecScale, 440.4 * offSpecScale, { graphite: 900 }) },
        { chemistry: 'NMC532', kgPerYear: 2_500.7 * offSpecScale, grade: 'cam-powder', origin: origins[2], elementsKgPerYear: { Li: 160.1 * offSpecScale, Co: 300.3 * offSpecScale, Ni: 750.9 * offSpecScale } },
        { chemistry: 'NCM523', kgPerYear: 1_200.2 * offSpecScale, origin: origins[3], elementsKgPerYear: { Co: 140.3 * offSpecScale, Fe: 2 } },
        { chemistry: 'LFP', kgPerYear: 4_000 * offSpecScale, grade: 'cathode-scrap', origin: origins[4], elementsKgPerYear: { Fe: 1_400, Li: 170 } },
      ],
    },
  });
}

/** Every line's numbers (and, described, its texts) from the market of a fresh book. */
function linesOf(mods: Modules, input: EconomicsInput, prices: ResolvedPrices, describe: boolean) {
  const book = new mods.book.PriceBook(prices);
  const market = mods.market.marketOf(input, book);
  const labour = mods.opex.labourDetail(input, finance, 0, []);
  const direct = mods.opex.directCosts(input, book, labour, true, market, describe);
  const revenue = mods.opex.revenueLines(input, book, true, market, describe);
  return { lines: [...direct, ...revenue], missing: [...book.missing], used: [...book.used.keys()].sort() };
}

const numbers = (r: ReturnType<typeof linesOf>) => r.lines.map((l) => [l.id, l.label, l.category, l.usd, l.quantity, l.unitPriceUsd, l.basisUsd ?? null]);

/** The price sets of a test: the CN set, with a feed payable and an Li payable, with a lot's own fixed price. */
function priceSets(mods: Modules) {
  const base = mods.prices.resolvePrices(undefined, 'CN', shippedSets());
  return {
    base,
    // Merged in place (a sample's prices: the base's keys).
    sampled: mods.prices.mergePrices(base, { 'metal.Ni': 17.25 }),
    feedPayable: mods.prices.mergePrices(base, { 'feed-payable-fraction': 0.55, 'payable-li.cam-powder': 0.04 }),
    lotPrice: mods.prices.mergePrices(base, { 'feed.ev-811': '3 USD/kg' }),
  };
}

describe('market facts kept across runs (issue 19)', () => {
  it('a run gives the lines of a fresh module whatever was priced before it: other parcels, other origins, other price keys', async () => {
    const cases = (sets: ReturnType<typeof priceSets>) => [
      { input: plant(), prices: sets.base },
      { input: plant(2.5), prices: sets.sampled },
      { input: plant(1, [null, null, 'ev-811', 'ev-523', null]), prices: sets.base },
      { input: plant(), prices: sets.feedPayable },
      { input: plant(0.5), prices: sets.lotPrice },
      { input: plant(1, ['ev-811', 'ev-811', 'ev-811', 'ev-811', 'lfp']), prices: sets.lotPrice },
      { input: plant(), prices: sets.sampled },
      // Other lots: a grade of their own, no mass, another chemistry (the feed grades the feed payable applies to).
      { input: plant(1, undefined, (l) => [{ ...l[0]!, grade: 'black-mass' }, l[1]!, l[2]!]), prices: sets.feedPayable },
      { input: plant(1, undefined, (l) => [{ ...l[0]!, scrapKgPerYear: 0 }, { ...l[1]!, grade: 'cam-powder' }, l[2]!]), prices: sets.feedPayable },
      { input: plant(1, undefined, (l) => [l[0]!, { ...l[1]!, chemistry: 'NCM622' }, { ...l[2]!, camKgPerYear: 0 }]), prices: sets.lotPrice },
      { input: plant(), prices: sets.feedPayable },
    ];
    // Each case alone in a fresh module, both ways.
    const alone: unknown[] = [];
    for (let i = 0; i < cases(priceSets(await freshModules())).length; i++) {
      for (const describe of [false, true]) {
        const mods = await freshModules();
        const c = cases(priceSets(mods))[i]!;
        const r = linesOf(mods, c.input, c.prices, describe);
        alone.push(describe ? r : numbers(r));
      }
    }
    // All in one module, in order, then again in reverse order.
    const mods = await freshModules();
    const all = cases(priceSets(mods));
    const inOrder: unknown[] = [];
    for (const c of all) for (const describe of [false, true]) { const r = linesOf(mods, c.input, c.prices, describe); inOrder.push(describe ? r : numbers(r)); }
    expect(inOrder).toStrictEqual(alone);
    const reversed: unknown[] = [];
    for (const c of [...all].reverse()) for (const describe of [true, false]) { const r = linesOf(mods, c.input, c.prices, describe); reversed.push(describe ? r : numbers(r)); }
    expect(reversed.reverse()).toStrictEqual(alone);
  });

  it('sample lines carry the numbers of the described lines (feed lots in spec at entry, groups of several parcels, an Li payable)', async () => {
    const mods = await freshModules();
    const sets = priceSets(mods);
    for (const prices of [sets.base, sets.feedPayable, sets.lotPrice]) {
      for (const input of [plant(), plant(3.7, [null, 'ev-811', null, null, 'lfp'])]) {
        const sample = linesOf(mods, input, prices, false);
        const described = linesOf(mods, input, prices, true);
        expect(numbers(sample)).toStrictEqual(numbers(described));
        expect(sample.missing).toStrictEqual(described.missing);
      }
    }
  });

  it('a feed line by position (the lot facts the market planned) is the line of the lot priced on its own, and a wrong position is ignored', async () => {
    const mods = await freshModules();
    const sets = priceSets(mods);
    for (const prices of [sets.base, sets.feedPayable, sets.lotPrice]) {
      const input = plant();
      const book = new mods.book.PriceBook(prices);
      const market = mods.market.marketOf(input, book);
      const inSpecPriceOf = (chem: string) => mods.opex.inSpecPrice(book, chem, 1, false);
      for (const describe of [false, true]) {
        input.feedLots.forEach((lot, i) => {
          const alone = mods.market.feedLine(market, lot, input.feedBasis, inSpecPriceOf, true, describe);
          expect(mods.market.feedLine(market, lot, input.feedBasis, inSpecPriceOf, true, describe, i)).toStrictEqual(alone);
          expect(mods.market.feedLine(market, lot, input.feedBasis, inSpecPriceOf, true, describe, (i + 1) % input.feedLots.length)).toStrictEqual(alone);
        });
      }
    }
  });

  it('parcels of a group are summed in parcel order: one group of two parcels is worth what one parcel holding both is', async () => {
    const mods = await freshModules();
    const prices = priceSets(mods).feedPayable;
    const two = plant(1, [null, null, null, null, null]);
    const merged = structuredClone(two);
    const [a, , b, c] = two.products.offSpec.map((p) => ({ kg: p.kgPerYear, ...p.elementsKgPerYear }) as Record<string, number>);
    // NCM523 cam-powder (parcels 0, 2 and 3: NMC532 is NCM523, no grade is CAM powder): Ni, Co, Li summed from 0 in parcel order.
    merged.products.offSpec = [
      { chemistry: 'NCM523', kgPerYear: 0 + a!.kg! + b!.kg! + c!.kg!, grade: 'cam-powder', elementsKgPerYear: { Ni: 0 + a!.Ni! + b!.Ni!, Co: 0 + a!.Co! + b!.Co! + c!.Co!, Li: 0 + a!.Li! + b!.Li! } },
      two.products.offSpec[1]!,
      two.products.offSpec[4]!,
    ];
    for (const describe of [false, true]) {
      const offspec = (i: EconomicsInput) => numbers(linesOf(mods, i, prices, describe)).filter((l) => String(l[0]).startsWith('offspec.'));
      expect(offspec(two)).toStrictEqual(offspec(merged));
    }
  });
});
