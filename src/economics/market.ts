/**
 * One market for cathode-bearing material, bought or sold (REFERENCE.md 4.5; DESIGN.md
 * "Economics"): feed lots and off-spec CAM are the same trade with refiners, so both are priced on
 * one basis — payables, i.e. fractions of the value of the contained Ni and Co (and, where a deal
 * has one, a separate Li payable), by material grade:
 *
 *   value = payable(grade, chemistry) × (Ni kg × metal.Ni + Co kg × metal.Co)
 *         + payable-li(grade) × Li kg × metal.Li
 *
 * Mn (and Al, Fe, P) are not paid, as in the black-mass market. A parcel's grade follows from what
 * it physically is (gradeOf): black mass when it carries anode graphite, cathode scrap while it
 * still carries its foil and electrode matrix, CAM powder when clean. The same rule grades the feed
 * as delivered and every off-spec parcel leaving the plant, so material that leaves untouched sells
 * for exactly what it cost — a pass-through plant only loses its handling costs.
 *
 * Two more rules keep that true at the edges:
 * - a fixed price `feed.<lot id>` / `feed.<chemistry>` (per kg of feed, e.g. LFP −2 USD/kg) is the
 *   market value of that material both ways: off-spec CAM from such a lot is sold at the same
 *   price per kg of its CAM (the feed price × kg of feed per kg of CAM of the lot);
 * - CAM already in spec at entry is worth what in-spec product sells for: a feed lot's in-spec part
 *   is bought at the greater of its payable value and the in-spec price.
 *
 * Legacy keys (kept, never ignored): `feed-payable-fraction` replaces the Ni + Co payable of the
 * grade(s) the feed is bought at, and `offspec-payable-fraction` that of CAM powder (the grade of
 * off-spec regenerated CAM) — in both directions, as one market has one price.
 */
import { chemistryByName } from '../chemistry/cathode.js';
import { msg } from '../schema/messages.js';
import { priceKey, type PriceBook } from './price-book.js';
import type { EconomicsInput } from './input.js';
import type { MoneyLine, MoneyTerm } from './opex.js';
import { cents } from './money.js';
import { mergedFrom, type ResolvedPrices } from './prices.js';
import { OrderedGroups } from './groups.js';

/** Grades of cathode-bearing material (the feed bases carry the same names). */
export const MATERIAL_GRADES = ['cathode-scrap', 'black-mass', 'cam-powder'] as const;
/** A grade of cathode-bearing material. */
export type MaterialGrade = (typeof MATERIAL_GRADES)[number];

/**
 * Graphite above this share of the CAM mass makes a parcel black mass. Assumption: black mass from
 * shredded cells carries 35–40 % graphite (REFERENCE.md 1.3.3); a cathode material with under 5 %
 * is not traded as black mass.
 */
export const GRAPHITE_LIMIT = 0.05;

/**
 * Foil and electrode matrix (Al, Cu, conductive carbon, binders) above this share of the CAM mass
 * makes a parcel cathode scrap rather than CAM powder: Fastmarkets' black-mass payable indicators
 * allow at most 2 % Al and 2 % Cu since April 2024; material above is "seen at heavy discounts"
 * (Fastmarkets, "Amendment to black mass payable indicators", 2024).
 */
export const MATRIX_LIMIT = 0.02;

const MATRIX = ['Al', 'Cu', 'carbon-black', 'CNT', 'graphene', 'PVDF', 'PAA', 'alginate'];

/** Legacy key: the payable of the grade(s) the feed is bought at. */
export const FEED_PAYABLE = 'feed-payable-fraction';
/** Legacy key: the payable of CAM powder, the grade of off-spec regenerated CAM. */
export const OFFSPEC_PAYABLE = 'offspec-payable-fraction';

/** The grade of a parcel holding `camKg` of CAM with these other components (any mass unit). */
export function gradeOf(camKg: number, components: Readonly<Record<string, number>>): MaterialGrade {
  if ((components.graphite ?? 0) > GRAPHITE_LIMIT * camKg) return 'black-mass';
  let matrix = 0;
  for (const id of MATRIX) matrix += components[id] ?? 0;
  return matrix > MATRIX_LIMIT * camKg ? 'cathode-scrap' : 'cam-powder';
}

const CHEM_NAMES = new Map<string, string>();
/** Canonical chemistry name (aliases resolved), cached per name. */
const chemName = (c: string): string => {
  let n = CHEM_NAMES.get(c);
  if (n === undefined) CHEM_NAMES.set(c, (n = chemistryByName(c)?.name ?? c));
  return n;
};

/** What pricing cathode-bearing material needs besides the prices: the feed it was bought as. */
export interface Market {
  book: PriceBook;
  /** Grades the feed lots are bought at on payables (feed-payable-fraction applies to these). */
  feedGrades: ReadonlySet<MaterialGrade>;
  /** kg of feed per kg of its CAM, by feed lot id and by chemistry (fixed prices are per kg of feed). */
  feedPerCamByLot: ReadonlyMap<string, number>;
  feedPerCamByChem: ReadonlyMap<string, number>;
  /**
   * Work of one economics run kept with its market (one per run): payables by grade and
   * chemistry, and the off-spec lines the costs and the revenue both ask for.
   */
  memo?: MarketMemo;
  /** fixedKeyFor's answers by chemistry and lot, shared by every run on prices with the same keys (fixedKeyOf). */
  fixedKeys?: Map<string, Map<string, string | null>>;
}

/**
 * fixedKeyFor's answers by the price keys they depend on: it asks only whether keys exist, and
 * prices merged in place have their base's keys (prices.ts mergedFrom), so every Monte Carlo
 * sample of a scenario shares its base's answers. Keyed by chemistry as given, then lot id (NO_LOT
 * for none).
 */
const FIXED_KEYS = new WeakMap<ResolvedPrices, Map<string, Map<string, string | null>>>();
const NO_LOT = '\u0000';

/** fixedKeyFor through the answers shared by prices with the same keys. */
function fixedKeyOf(m: Market, chemistry: string, lotId: string | null): string | undefined {
  let byChem = m.fixedKeys;
  if (!byChem) {
    const owner = mergedFrom(m.book.prices)?.base ?? m.book.prices;
    byChem = FIXED_KEYS.get(owner);
    if (!byChem) FIXED_KEYS.set(owner, (byChem = new Map()));
    m.fixedKeys = byChem;
  }
  let byLot = byChem.get(chemistry);
  if (!byLot) byChem.set(chemistry, (byLot = new Map()));
  const lot = lotId ?? NO_LOT;
  let key = byLot.get(lot);
  if (key === undefined) byLot.set(lot, (key = fixedKeyFor(m.book, chemistry, lotId) ?? null));
  return key ?? undefined;
}

/** The market's memo (made on first use). */
function memoOf(m: Market): MarketMemo {
  return (m.memo ??= { payables: new Map(), offSpec: undefined });
}

/** What a market remembers within its run (market.memo). */
interface MarketMemo {
  payables: Map<MaterialGrade, Map<string, Payable>>;
  offSpec?: { input: EconomicsInput; byVariant: ({ revenue: MoneyLine[]; costs: MoneyLine[] } | undefined)[] };
}

/** The market of a plant: its feed lots' grades and feed-to-CAM ratios. */
export function marketOf(input: EconomicsInput, book: PriceBook): Market {
  const feedGrades = new Set<MaterialGrade>();
  const byLot = new Map<string, number>();
  const chemSums = new Map<string, [number, number]>();
  const market: Market = { book, feedGrades, feedPerCamByLot: byLot, feedPerCamByChem: new Map(), memo: undefined, fixedKeys: undefined };
  for (const l of input.feedLots) {
    if (l.camKgPerYear > 0) byLot.set(l.id, l.scrapKgPerYear / l.camKgPerYear);
    const c = chemName(l.chemistry);
    const acc = chemSums.get(c) ?? [0, 0];
    acc[0] += l.scrapKgPerYear;
    acc[1] += l.camKgPerYear;
    chemSums.set(c, acc);
    if (l.scrapKgPerYear > 0 && !fixedKeyOf(market, l.chemistry, l.id)) feedGrades.add(l.grade ?? input.feedBasis);
  }
  const byChem = market.feedPerCamByChem as Map<string, number>;
  for (const [c, [scrap, cam]] of chemSums) if (cam > 0) byChem.set(c, scrap / cam);
  return market;
}

/** The fixed-price key of a lot or chemistry (`feed.<lot id>` first, then `feed.<chemistry>`), if any. */
export function fixedKeyFor(book: PriceBook, chemistry: string, lotId: string | null): string | undefined {
  if (lotId !== null && book.has(priceKey('feed.', lotId))) return priceKey('feed.', lotId);
  const k = priceKey('feed.', chemName(chemistry));
  return book.has(k) ? k : undefined;
}

/** The payables applying to a grade and chemistry, with the keys they come from. */
export interface Payable {
  niCo: number;
  li: number;
  niCoKey: string;
  liKey: string | null;
  offsetKey: string | null;
}

/**
 * The payables of `grade` for `chemistry` (Ni + Co payable plus the chemistry's offset, clamped to
 * 0–1). Worked out once per grade and chemistry in a market: the prices they read are the same for
 * every parcel, and the first lookup records the prices used (or missing, for what) as before.
 */
export function payableOf(m: Market, grade: MaterialGrade, chemistry: string, neededFor: string): Payable {
  const memo = memoOf(m);
  let byChem = memo.payables.get(grade);
  if (!byChem) memo.payables.set(grade, (byChem = new Map()));
  let p = byChem.get(chemistry);
  if (!p) byChem.set(chemistry, (p = lookUpPayable(m, grade, chemistry, neededFor)));
  return p;
}

function lookUpPayable(m: Market, grade: MaterialGrade, chemistry: string, neededFor: string): Payable {
  const b = m.book;
  let niCoKey = priceKey('payable.', grade);
  if (grade === 'cam-powder' && b.has(OFFSPEC_PAYABLE)) niCoKey = OFFSPEC_PAYABLE;
  else if (m.feedGrades.has(grade) && b.has(FEED_PAYABLE)) niCoKey = FEED_PAYABLE;
  // What the price is needed for written only when it is missing (find first: no text per run).
  const base = b.find(niCoKey) ?? b.get(niCoKey, `${neededFor} (Ni + Co payable of ${grade})`);
  const offsetKey = priceKey('payable-offset.', chemName(chemistry));
  const hasOffset = b.has(offsetKey);
  const offset = hasOffset ? b.get(offsetKey, neededFor) : 0;
  const liKey = priceKey('payable-li.', grade);
  const li = b.has(liKey) ? b.get(liKey, neededFor) : 0;
  return { niCo: Math.min(1, Math.max(0, base + offset)), li, niCoKey, liKey: b.has(liKey) ? liKey : null, offsetKey: hasOffset ? offsetKey : null };
}

/** A money value with its terms and a one-line derivation. */
export interface Valued {
  usd: number;
  terms: MoneyTerm[];
  text: string;
}

/** No terms (sample mode: the value alone, with no text). */
const NO_TERMS = Object.freeze([]) as unknown as MoneyTerm[];

/**
 * Payable value of contained metal (kg per year by element) at a grade. With `describe` false the
 * terms and the derivation text are left out (Monte Carlo samples read only the value, which is
 * the same number, summed in the same order).
 */
export function payableValue(m: Market, grade: MaterialGrade, chemistry: string, elements: Readonly<Record<string, number>>, neededFor: string, describe = true): Valued {
  const p = payableOf(m, grade, chemistry, neededFor);
  if (!describe) {
    let usd = metalValue(m, elements, 'Ni', METAL_NI, p.niCo, neededFor, 0);
    usd = metalValue(m, elements, 'Co', METAL_CO, p.niCo, neededFor, usd);
    if (p.liKey) usd = metalValue(m, elements, 'Li', METAL_LI, p.li, neededFor, usd);
    return { usd, terms: NO_TERMS, text: '' };
  }
  const factorKeys = [p.niCoKey, ...(p.offsetKey ? [p.offsetKey] : [])];
  const terms: MoneyTerm[] = [];
  const add = (el: string, factor: number, keys: string[]) => {
    const kg = elements[el] ?? 0;
    if (!(kg > 0) || factor === 0) return;
    const price = m.book.get(`metal.${el}`, `${neededFor} (contained ${el} value)`);
    terms.push({ quantity: kg, quantityUnit: 'kg', priceKey: `metal.${el}`, price, factor, factorKeys: keys });
  };
  add('Ni', p.niCo, factorKeys);
  add('Co', p.niCo, factorKeys);
  if (p.liKey) add('Li', p.li, [p.liKey]);
  const usd = terms.reduce((a, t) => a + t.quantity * t.price * t.factor, 0);
  const payText = `${fmt(p.niCo)} (${factorKeys.join(' + ')})`;
  const parts = terms.map((t) => `${t.priceKey.slice(6)} ${fmt(t.quantity)} kg × ${t.priceKey} ${fmt(t.price)} × ${fmt(t.factor)}`);
  const liText = p.li > 0 ? `, Li at ${fmt(p.li)} (${p.liKey})` : ', Li rolled in';
  return { usd, terms, text: `${grade} payables: Ni + Co at ${payText}${liText}; ${parts.join(' + ') || 'no paid metal'}` };
}

/**
 * The price keys of the metals payables pay for, as literals (not looked up per parcel; not made
 * by priceKey at load: market.ts is part of an import cycle with price-keys.ts).
 */
const METAL_NI = 'metal.Ni';
const METAL_CO = 'metal.Co';
const METAL_LI = 'metal.Li';

/**
 * `usd` plus the value of the contained element `el` (price key `key`) at payable `factor`, as
 * payableValue adds it term by term (nothing for no such metal or a zero factor): a call, not a
 * closure per parcel and sample.
 */
function metalValue(m: Market, elements: Readonly<Record<string, number>>, el: string, key: string, factor: number, neededFor: string, usd: number): number {
  const kg = elements[el] ?? 0;
  if (!(kg > 0) || factor === 0) return usd;
  // The text of a missing price made only when it is missing (not per parcel and sample).
  const price = m.book.find(key) ?? m.book.get(key, `${neededFor} (contained ${el} value)`);
  return usd + kg * price * factor;
}

/** Value of `camKg` of CAM from a fixed-price lot or chemistry: the feed price per kg of its CAM. */
function fixedValue(m: Market, key: string, chemistry: string, lotId: string | null, camKg: number, neededFor: string, describe = true): Valued {
  const price = m.book.get(key, neededFor);
  const perCam = key === priceKey('feed.', String(lotId)) ? m.feedPerCamByLot.get(lotId!) : m.feedPerCamByChem.get(chemName(chemistry));
  const ratio = perCam ?? 1;
  if (!describe) return { usd: camKg * price * ratio, terms: NO_TERMS, text: '' };
  return {
    usd: camKg * price * ratio,
    terms: [{ quantity: camKg, quantityUnit: 'kg', priceKey: key, price, factor: ratio, factorKeys: [] }],
    text: `fixed price ${key} ${fmt(price)} USD/kg of feed × ${fmt(ratio)} kg of feed per kg of its CAM${perCam === undefined ? ' (no such feed lot: taken per kg of CAM)' : ''}`,
  };
}

const R = (exact: boolean) => (exact ? cents : (x: number) => x);

/**
 * Texts made once per pair of names and handed out again (every Monte Carlo sample names every
 * feed lot and off-spec parcel): at most `limit` pairs are remembered, so a feed of many lots does
 * not grow the cache without bound (past it the text is made anew).
 */
function pairTexts(make: (a: string, b: string) => string, limit = 10_000): (a: string, b: string) => string {
  const made = new Map<string, Map<string, string>>();
  let count = 0;
  return (a, b) => {
    let byB = made.get(a);
    if (!byB) made.set(a, (byB = new Map()));
    let text = byB.get(b);
    if (text === undefined) {
      text = make(a, b);
      if (count < limit) {
        byB.set(b, text);
        count++;
      }
    }
    return text;
  };
}

/** The label of a feed lot's purchase line. */
const feedLotLabel = pairTexts((id, chem) => `feed lot ${id} (${chem})`);

/** In-spec price of a chemistry (the product rule, opex.ts inSpecPrice). */
export type InSpecPriceOf = (chemistry: string) => { price: number; key: string; basis: string };

/**
 * The purchase line of one feed lot on the market basis: a fixed price when one is given, else
 * payables at the lot's grade, with CAM already in spec at entry at the greater of its payable
 * value and the in-spec price. Null for a lot of zero mass. With `describe` false the line has its
 * amounts but no derivation (basis text, terms, note).
 */
export function feedLine(m: Market, lot: EconomicsInput['feedLots'][number], basis: MaterialGrade, inSpecPriceOf: InSpecPriceOf, exact: boolean, describe = true): MoneyLine | null {
  if (lot.scrapKgPerYear === 0) return null;
  const chem = chemName(lot.chemistry);
  const label = feedLotLabel(lot.id, chem);
  const fixedKey = fixedKeyOf(m, chem, lot.id);
  if (fixedKey) {
    const price = m.book.get(fixedKey, label);
    return { id: priceKey('feed.', lot.id), label, category: 'feed', usd: R(exact)(lot.scrapKgPerYear * price), variable: true, quantity: lot.scrapKgPerYear, quantityUnit: 'kg', unitPriceUsd: price, priceKey: fixedKey, priceUnit: 'USD/kg' };
  }
  const grade = lot.grade ?? basis;
  const inSpec = lot.inSpecAtEntry && lot.inSpecAtEntry.camKgPerYear > 0 ? lot.inSpecAtEntry : undefined;
  // The lot's own record when nothing is in spec at entry (payableValue only reads it): no copy per lot.
  let rest: Readonly<Record<string, number>> = lot.elementsKgPerYear;
  if (inSpec) {
    const left: Record<string, number> = { ...lot.elementsKgPerYear };
    for (const el in inSpec.elementsKgPerYear) left[el] = Math.max(0, (left[el] ?? 0) - inSpec.elementsKgPerYear[el]!);
    rest = left;
  }
  const paid = payableValue(m, grade, chem, rest, label, describe);
  let usd = paid.usd;
  const terms = describe ? [...paid.terms] : NO_TERMS;
  let text = paid.text;
  if (inSpec) {
    const asMetal = payableValue(m, grade, chem, inSpec.elementsKgPerYear, label, describe);
    const p = inSpecPriceOf(chem);
    const asProduct = inSpec.camKgPerYear * p.price;
    if (!describe) usd += asProduct > asMetal.usd ? asProduct : asMetal.usd;
    else if (asProduct > asMetal.usd) {
      usd += asProduct;
      terms.push({ quantity: inSpec.camKgPerYear, quantityUnit: 'kg', priceKey: p.key, price: p.price, factor: 1, factorKeys: [] });
      text += `; in spec at entry: ${fmt(inSpec.camKgPerYear)} kg CAM at the in-spec price ${fmt(p.price)} USD/kg (${p.basis})`;
    } else {
      usd += asMetal.usd;
      terms.push(...asMetal.terms);
      text += `; in spec at entry: ${fmt(inSpec.camKgPerYear)} kg CAM, worth more as metal (${asMetal.text})`;
    }
  }
  if (!describe) return { id: priceKey('feed.', lot.id), label, category: 'feed', usd: R(exact)(usd), variable: true, quantity: lot.scrapKgPerYear, quantityUnit: 'kg', unitPriceUsd: usd / lot.scrapKgPerYear, basisUsd: usd };
  return {
    id: priceKey('feed.', lot.id), label, category: 'feed', usd: R(exact)(usd), variable: true,
    quantity: lot.scrapKgPerYear, quantityUnit: 'kg', unitPriceUsd: usd / lot.scrapKgPerYear, basis: text, basisUsd: usd, terms,
    note: `graded ${grade}; one market for feed and off-spec material (market.ts; REFERENCE.md 4.5); set feed.<chemistry> or feed.<lot id> for a fixed price`,
  };
}

/**
 * Off-spec CAM on the market basis, by chemistry, grade and — for lot-specific fixed prices —
 * origin. Parcels of positive (or zero) value are revenue; a parcel of negative value (a fixed
 * negative price, e.g. LFP) costs its disposal and is an operating cost (category waste).
 */
export function offSpecLines(m: Market, input: EconomicsInput, exact: boolean, describe = true): { revenue: MoneyLine[]; costs: MoneyLine[] } {
  // The operating costs and the revenue of one run both ask: valued once per market and input
  // (kept on the market, one per run; the lines are shared, never mutated).
  const memo = memoOf(m);
  const variant = (exact ? 2 : 0) + (describe ? 1 : 0);
  if (memo.offSpec?.input !== input) memo.offSpec = { input, byVariant: [undefined, undefined, undefined, undefined] };
  return (memo.offSpec.byVariant[variant] ??= valueOffSpec(m, input, exact, describe));
}

/** Off-spec parcels sold as one line: chemistry, grade and — for a lot's own fixed price — that lot. */
interface OffSpecGroup {
  id: string;
  chem: string;
  grade: MaterialGrade;
  key: string | undefined;
  origin: string | null;
  kg: number;
  /** Element flows, kg/yr: the first parcel's own record until a second parcel joins (then a sum of its own). */
  el: Readonly<Record<string, number>>;
  summed: boolean;
}

/** Texts of off-spec groups by grade and chemistry, without and with a lot (pairTexts of grade and chemistry, then of that and the lot). */
const offSpecIdOf = pairTexts((grade, chem) => `offspec.${grade}.${chem}`);
const offSpecIdOfLot = pairTexts((id, lot) => `${id}.${lot}`);
const offSpecLabelOf = pairTexts((grade, chem) => `off-spec ${chem} (${grade}`);
const offSpecLabelClosed = pairTexts((open, lot) => `${open}${lot ? `, lot ${lot}` : ''})`);

/** The label of an off-spec group's disposal line (a text per group label, made once). */
const disposalLabel = pairTexts((what, _) => `${what}: disposal (negative market value)`);

/** The id of an off-spec group: `offspec.<grade>.<chemistry>[.<lot>]`. */
function offSpecId(grade: MaterialGrade, chem: string, lot: string | null): string {
  const id = offSpecIdOf(grade, chem);
  return lot ? offSpecIdOfLot(id, lot) : id;
}

/** The label of an off-spec group: `off-spec <chemistry> (<grade>[, lot <lot>])`. */
function offSpecLabel(grade: MaterialGrade, chem: string, lot: string | null): string {
  return offSpecLabelClosed(offSpecLabelOf(grade, chem), lot ?? '');
}

function valueOffSpec(m: Market, input: EconomicsInput, exact: boolean, describe: boolean): { revenue: MoneyLine[]; costs: MoneyLine[] } {
  // Groups in order of first appearance, found by grade, chemistry and lot (groups.ts).
  const found = new OrderedGroups<MaterialGrade, string, OffSpecGroup>();
  for (const p of input.products.offSpec) {
    const chem = chemName(p.chemistry);
    const grade = p.grade ?? 'cam-powder';
    const origin = p.origin ?? null;
    const key = fixedKeyOf(m, chem, origin);
    const lotKey = key !== undefined && key === priceKey('feed.', String(origin)) ? origin : null;
    let g = found.find(grade, chem, lotKey ?? '');
    if (!g) {
      g = { id: offSpecId(grade, chem, lotKey), chem, grade, key, origin: lotKey, kg: 0, el: p.elementsKgPerYear, summed: false };
      found.add(g, grade, chem, lotKey ?? '');
      g.kg += p.kgPerYear;
      continue;
    }
    g.kg += p.kgPerYear;
    if (!g.summed) {
      // 0 + x for each element of the first parcel, as a sum from zero gives
      const first: Record<string, number> = {};
      for (const e in g.el) first[e] = 0 + g.el[e]!;
      g.el = first;
      g.summed = true;
    }
    const sum = g.el as Record<string, number>;
    const el = p.elementsKgPerYear;
    for (const e in el) sum[e] = (sum[e] ?? 0) + el[e]!;
  }
  const revenue: MoneyLine[] = [];
  const costs: MoneyLine[] = [];
  for (const g of found.list) {
    const id = g.id;
    if (g.kg === 0) continue;
    const what = offSpecLabel(g.grade, g.chem, g.origin);
    const v = g.key ? fixedValue(m, g.key, g.chem, g.origin, g.kg, what, describe) : payableValue(m, g.grade, g.chem, g.el, what, describe);
    // Rounded first whatever the sign (a value out of range fails on its own amount, as it did).
    const value = R(exact)(v.usd);
    if (v.usd >= 0) {
      revenue.push(describe ? { id, label: what, category: 'off-spec', usd: value, variable: true, quantity: g.kg, quantityUnit: 'kg', unitPriceUsd: v.usd / g.kg, basis: v.text, basisUsd: v.usd, terms: v.terms }
        : { id, label: what, category: 'off-spec', usd: value, variable: true, quantity: g.kg, quantityUnit: 'kg', unitPriceUsd: v.usd / g.kg, basisUsd: v.usd });
      continue;
    }
    // The disposal line: the revenue line's keys in its order (what a spread of it with these
    // amounts gave), made directly — a spread copy takes V8's slow path per sample.
    const label = disposalLabel(what, '');
    const usd = R(exact)(-v.usd);
    costs.push(describe ? { id, label, category: 'waste', usd, variable: true, quantity: g.kg, quantityUnit: 'kg', unitPriceUsd: -v.usd / g.kg, basis: v.text, basisUsd: -v.usd, terms: v.terms }
      : { id, label, category: 'waste', usd, variable: true, quantity: g.kg, quantityUnit: 'kg', unitPriceUsd: -v.usd / g.kg, basisUsd: -v.usd });
  }
  return { revenue, costs };
}

/**
 * An input problem of the legacy keys: both set the payable of CAM powder when the feed is CAM
 * powder too, with different values (one market has one price).
 */
export function legacyConflict(m: Market): string | null {
  const b = m.book;
  if (!m.feedGrades.has('cam-powder') || !b.has(FEED_PAYABLE) || !b.has(OFFSPEC_PAYABLE)) return null;
  const f = b.prices.items[FEED_PAYABLE]!.value;
  const o = b.prices.items[OFFSPEC_PAYABLE]!.value;
  return f === o ? null : msg.payableConflict(f, o);
}

/** Short number text for derivations (6 significant digits). */
function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}
