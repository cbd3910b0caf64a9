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
import { priceKey, priceSlot, type PriceBook, type PriceSlot } from './price-book.js';
import type { EconomicsInput } from './input.js';
import type { MoneyLine, MoneyTerm } from './opex.js';
import { cents } from './money.js';
import { mergedFrom, type ResolvedPrices } from './prices.js';
import { ComponentSubset } from '../chemistry/component-subset.js';

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

/** The matrix components, summed in MATRIX order. */
const MATRIX_SUM = new ComponentSubset(MATRIX);

/** The grade of a parcel holding `camKg` of CAM with these other components (any mass unit). */
export function gradeOf(camKg: number, components: Readonly<Record<string, number>>): MaterialGrade {
  if ((components.graphite ?? 0) > GRAPHITE_LIMIT * camKg) return 'black-mass';
  const matrix = MATRIX_SUM.sumOf(components);
  return matrix > MATRIX_LIMIT * camKg ? 'cathode-scrap' : 'cam-powder';
}

const CHEM_NAMES = new Map<string, string>();
/** Canonical chemistry name (aliases resolved), cached per name. */
export const chemName = (c: string): string => {
  let n = CHEM_NAMES.get(c);
  if (n === undefined) CHEM_NAMES.set(c, (n = chemistryByName(c)?.name ?? c));
  return n;
};

/** What pricing cathode-bearing material needs besides the prices: the feed it was bought as. */
export interface Market {
  book: PriceBook;
  /** Grades the feed lots are bought at on payables (feed-payable-fraction applies to these). */
  feedGrades: ReadonlySet<MaterialGrade>;
  /** The feed lots (kg of feed per kg of their CAM, by lot or chemistry, are worked out from them when a fixed price asks: feedPerCam). */
  lots: EconomicsInput['feedLots'];
  /**
   * Work of one economics run kept with its market (one per run): payables by grade and
   * chemistry, and the off-spec lines the costs and the revenue both ask for.
   */
  memo?: MarketMemo;
  /** What depends only on the keys of the prices, shared by every run on prices with the same keys (keyFactsOf). */
  facts?: KeyFacts;
  /** What feedLine reads of each lot that depends on its id, chemistry and the price keys, by position in `lots` (feedGradesOf). */
  lotFacts?: readonly LotFacts[];
}

/**
 * What depends on which price keys exist and not on any value: fixedKeyFor's answers (by
 * chemistry as given, then lot id, NO_LOT for none), the keys each payable reads, the feed grades
 * of the last lots (offspec.ts keeps its plans by these facts too). Prices merged in place have their base's keys (prices.ts mergedFrom), so every
 * Monte Carlo sample of a scenario shares its base's facts.
 */
export interface KeyFacts {
  fixedKeys: Map<string, Map<string, string | null>>;
  /** The keys of the payables, by grade, then chemistry as given: [not a feed grade, a feed grade]. */
  payableKeys: Map<MaterialGrade, Map<string, (PayableKeys | undefined)[]>>;
  /** The feed grades of the last lots priced on these keys (feedGradesOf). */
  feedGrades: { basis: EconomicsInput['feedBasis']; lots: LotFacts[]; grades: ReadonlySet<MaterialGrade> } | undefined;
}

const KEY_FACTS = new WeakMap<ResolvedPrices, KeyFacts>();
const NO_LOT = '\u0000';

/** The key facts of a market's prices (those of their base for prices merged in place). */
export function keyFactsOf(m: Market): KeyFacts {
  let facts = m.facts;
  if (!facts) {
    const owner = mergedFrom(m.book.prices)?.base ?? m.book.prices;
    facts = KEY_FACTS.get(owner);
    if (!facts) KEY_FACTS.set(owner, (facts = { fixedKeys: new Map(), payableKeys: new Map(), feedGrades: undefined }));
    m.facts = facts;
  }
  return facts;
}

/** fixedKeyFor through the answers shared by prices with the same keys. */
export function fixedKeyOf(m: Market, chemistry: string, lotId: string | null): string | undefined {
  const byChem = keyFactsOf(m).fixedKeys;
  let byLot = byChem.get(chemistry);
  if (!byLot) byChem.set(chemistry, (byLot = new Map()));
  const lot = lotId ?? NO_LOT;
  let key = byLot.get(lot);
  if (key === undefined) byLot.set(lot, (key = fixedKeyFor(m.book, chemistry, lotId) ?? null));
  return key ?? undefined;
}

/** The market's memo (made on first use). */
export function memoOf(m: Market): MarketMemo {
  return (m.memo ??= { payGrades: [], payChems: [], payables: [], offSpec: undefined });
}

/** What a market remembers within its run (market.memo). */
export interface MarketMemo {
  /** The payables worked out in this run, with their grade and chemistry (a handful: scanned, no map per run). */
  payGrades: MaterialGrade[];
  payChems: string[];
  payables: Payable[];
  offSpec?: { input: EconomicsInput; byVariant: ({ revenue: MoneyLine[]; costs: MoneyLine[] } | undefined)[] };
}

/** The market of a plant: its feed lots and the grades they are bought at. */
export function marketOf(input: EconomicsInput, book: PriceBook): Market {
  const market: Market = { book, feedGrades: NO_GRADES, lots: input.feedLots, memo: undefined, facts: undefined, lotFacts: undefined };
  market.feedGrades = feedGradesOf(market, input);
  market.lotFacts = keyFactsOf(market).feedGrades!.lots;
  return market;
}

const NO_GRADES: ReadonlySet<MaterialGrade> = new Set();

/**
 * The grades the lots bought on payables are bought at (a lot of zero mass or with a fixed price of
 * its own is not): a fact of what the lots are — id, chemistry, grade, whether they have mass —
 * and of the price keys, so the set is kept per key set with the lots it was made for and handed
 * out again (never changed) while a run's lots are the same (every Monte Carlo sample's).
 */
function feedGradesOf(m: Market, input: EconomicsInput): ReadonlySet<MaterialGrade> {
  const facts = keyFactsOf(m);
  const last = facts.feedGrades;
  if (last !== undefined && last.basis === input.feedBasis && sameLots(last.lots, input.feedLots)) return last.grades;
  const grades = new Set<MaterialGrade>();
  const lots: LotFacts[] = [];
  for (const l of input.feedLots) {
    lots.push(lotFactsOf(m, l));
    if (l.scrapKgPerYear > 0 && !fixedKeyOf(m, l.chemistry, l.id)) grades.add(l.grade ?? input.feedBasis);
  }
  facts.feedGrades = { basis: input.feedBasis, lots, grades };
  return grades;
}

/**
 * What the feed grades read of a lot (id, chemistry, grade, whether it is bought), and what its
 * purchase line reads that follows from its id and chemistry on these price keys — planned with
 * the feed grades, not joined and looked up again for every lot and Monte Carlo sample.
 */
export interface LotFacts {
  id: string;
  chemistry: string;
  grade: MaterialGrade | undefined;
  bought: boolean;
  /** Canonical chemistry name (chemName). */
  chem: string;
  /** The label of the lot's purchase line. */
  label: string;
  /** The slot of its fixed-price key (fixedKeyOf), null for none. */
  fixed: PriceSlot | null;
  /** The id of its purchase line, `feed.<lot id>`. */
  lineId: string;
}

/** Whether lots are those the facts were taken of (same ids, chemistries, grades, and mass or none), in order. */
function sameLots(facts: readonly LotFacts[], lots: EconomicsInput['feedLots']): boolean {
  if (facts.length !== lots.length) return false;
  for (let i = 0; i < lots.length; i++) {
    const f = facts[i]!;
    const l = lots[i]!;
    if (f.id !== l.id || f.chemistry !== l.chemistry || f.grade !== l.grade || f.bought !== l.scrapKgPerYear > 0) return false;
  }
  return true;
}

/**
 * kg of feed per kg of its CAM of lot `lotId` (the last such lot with CAM), or of every lot of
 * canonical chemistry `chem` (their feed and CAM each summed in lot order from 0); undefined for
 * none. Worked out when a fixed price asks (a few parcels per run), not as maps per run.
 */
function feedPerCam(m: Market, lotId: string | null, chem: string | null): number | undefined {
  let ratio: number | undefined;
  let scrap = 0;
  let cam = 0;
  for (const l of m.lots) {
    if (lotId !== null) {
      if (l.id === lotId && l.camKgPerYear > 0) ratio = l.scrapKgPerYear / l.camKgPerYear;
    } else if (chemName(l.chemistry) === chem) {
      scrap += l.scrapKgPerYear;
      cam += l.camKgPerYear;
    }
  }
  return lotId !== null ? ratio : cam > 0 ? scrap / cam : undefined;
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

/** The keys a payable reads (payableKeysOf), with their slots (read by position, price-book.ts priceSlot). */
interface PayableKeys {
  niCoKey: string;
  offsetKey: string | null;
  liKey: string | null;
  niCo: PriceSlot;
  offset: PriceSlot | null;
  li: PriceSlot | null;
}

/**
 * The payables of `grade` for `chemistry` (Ni + Co payable plus the chemistry's offset, clamped to
 * 0–1). Worked out once per grade and chemistry in a market: the prices they read are the same for
 * every parcel, and the first lookup records the prices used (or missing, for what) as before.
 */
export function payableOf(m: Market, grade: MaterialGrade, chemistry: string, neededFor: string): Payable {
  const memo = memoOf(m);
  const grades = memo.payGrades;
  for (let i = 0; i < grades.length; i++) if (grades[i] === grade && memo.payChems[i] === chemistry) return memo.payables[i]!;
  const p = lookUpPayable(m, grade, chemistry, neededFor);
  grades.push(grade);
  memo.payChems.push(chemistry);
  memo.payables.push(p);
  return p;
}

function lookUpPayable(m: Market, grade: MaterialGrade, chemistry: string, neededFor: string): Payable {
  const b = m.book;
  const k = payableKeysOf(m, grade, chemistry);
  // What the price is needed for written only when it is missing (find first: no text per run).
  const base = b.findAt(k.niCo) ?? b.get(k.niCoKey, `${neededFor} (Ni + Co payable of ${grade})`);
  const offset = k.offset !== null ? b.getAt(k.offset, neededFor) : 0;
  const li = k.li !== null ? b.getAt(k.li, neededFor) : 0;
  return { niCo: Math.min(1, Math.max(0, base + offset)), li, niCoKey: k.niCoKey, liKey: k.liKey, offsetKey: k.offsetKey };
}

/**
 * The keys of the payables of `grade` for `chemistry`: which exist is a fact of the price keys
 * (keyFactsOf), so they are found once per key set, grade, chemistry and whether the grade is a
 * feed grade — not with a key text joined and looked up for every Monte Carlo sample.
 */
function payableKeysOf(m: Market, grade: MaterialGrade, chemistry: string): PayableKeys {
  const byGrade = keyFactsOf(m).payableKeys;
  let byChem = byGrade.get(grade);
  if (!byChem) byGrade.set(grade, (byChem = new Map()));
  let pair = byChem.get(chemistry);
  if (!pair) byChem.set(chemistry, (pair = [undefined, undefined]));
  const feed = m.feedGrades.has(grade) ? 1 : 0;
  return (pair[feed] ??= findPayableKeys(m.book, grade, chemistry, feed === 1));
}

function findPayableKeys(b: PriceBook, grade: MaterialGrade, chemistry: string, feedGrade: boolean): PayableKeys {
  let niCoKey = priceKey('payable.', grade);
  if (grade === 'cam-powder' && b.has(OFFSPEC_PAYABLE)) niCoKey = OFFSPEC_PAYABLE;
  else if (feedGrade && b.has(FEED_PAYABLE)) niCoKey = FEED_PAYABLE;
  const offsetKey = priceKey('payable-offset.', chemName(chemistry));
  const liKey = priceKey('payable-li.', grade);
  const hasOffset = b.has(offsetKey);
  const hasLi = b.has(liKey);
  return { niCoKey, offsetKey: hasOffset ? offsetKey : null, liKey: hasLi ? liKey : null, niCo: priceSlot(niCoKey), offset: hasOffset ? priceSlot(offsetKey) : null, li: hasLi ? priceSlot(liKey) : null };
}

/** A money value with its terms and a one-line derivation. */
export interface Valued {
  usd: number;
  terms: MoneyTerm[];
  text: string;
}

/** No terms (sample mode: the value alone, with no text). */
export const NO_TERMS = Object.freeze([]) as unknown as MoneyTerm[];

/**
 * Payable value of contained metal (kg per year by element) at a grade. With `describe` false the
 * terms and the derivation text are left out (Monte Carlo samples read only the value, which is
 * the same number, summed in the same order).
 */
export function payableValue(m: Market, grade: MaterialGrade, chemistry: string, elements: Readonly<Record<string, number>>, neededFor: string, describe = true): Valued {
  if (!describe) return { usd: payableUsd(m, grade, chemistry, elements.Ni ?? 0, elements.Co ?? 0, elements.Li ?? 0, neededFor), terms: NO_TERMS, text: '' };
  const p = payableOf(m, grade, chemistry, neededFor);
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

/** The slots of the metal keys, made on first use (market.ts is part of an import cycle with price-book.ts: not at load). */
let metalSlots: { ni: PriceSlot; co: PriceSlot; li: PriceSlot } | undefined;
const metalSlotsOf = () => (metalSlots ??= { ni: priceSlot(METAL_NI), co: priceSlot(METAL_CO), li: priceSlot(METAL_LI) });

/**
 * payableValue(…, describe false).usd of metal holding `ni`, `co` and `li` kg per year (a parcel's
 * element flows, only these three are paid): the same terms added in the same order, from plain
 * numbers — no record of the elements and no value object per parcel and sample.
 */
export function payableUsd(m: Market, grade: MaterialGrade, chemistry: string, ni: number, co: number, li: number, neededFor: string): number {
  const p = payableOf(m, grade, chemistry, neededFor);
  const s = metalSlotsOf();
  let usd = metalValue(m, ni, 'Ni', s.ni, p.niCo, neededFor, 0);
  usd = metalValue(m, co, 'Co', s.co, p.niCo, neededFor, usd);
  if (p.liKey) usd = metalValue(m, li, 'Li', s.li, p.li, neededFor, usd);
  return usd;
}

/**
 * `usd` plus the value of `kg` of the contained element `el` (price key of `slot`) at payable
 * `factor`, as payableValue adds it term by term (nothing for no such metal or a zero factor): a
 * call, not a closure per parcel and sample.
 */
function metalValue(m: Market, kg: number, el: string, slot: PriceSlot, factor: number, neededFor: string, usd: number): number {
  if (!(kg > 0) || factor === 0) return usd;
  // The text of a missing price made only when it is missing (not per parcel and sample).
  const price = m.book.findAt(slot) ?? m.book.get(slot.key, `${neededFor} (contained ${el} value)`);
  return usd + kg * price * factor;
}

/**
 * fixedValue(…, describe false).usd: the same lookups and product, as a number (a sample values
 * its fixed-price parcels with no value record).
 */
export function fixedUsd(m: Market, slot: PriceSlot, chemistry: string, lotId: string | null, camKg: number, neededFor: string): number {
  const key = slot.key;
  const price = m.book.getAt(slot, neededFor);
  const perCam = key === priceKey('feed.', String(lotId)) ? feedPerCam(m, lotId!, null) : feedPerCam(m, null, chemName(chemistry));
  const ratio = perCam ?? 1;
  return camKg * price * ratio;
}

/** Value of `camKg` of CAM from a fixed-price lot or chemistry: the feed price per kg of its CAM. */
export function fixedValue(m: Market, key: string, chemistry: string, lotId: string | null, camKg: number, neededFor: string, describe = true): Valued {
  if (!describe) return { usd: fixedUsd(m, priceSlot(key), chemistry, lotId, camKg, neededFor), terms: NO_TERMS, text: '' };
  const price = m.book.get(key, neededFor);
  const perCam = key === priceKey('feed.', String(lotId)) ? feedPerCam(m, lotId!, null) : feedPerCam(m, null, chemName(chemistry));
  const ratio = perCam ?? 1;
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
export function pairTexts(make: (a: string, b: string) => string, limit = 10_000): (a: string, b: string) => string {
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
export function feedLine(m: Market, lot: EconomicsInput['feedLots'][number], basis: MaterialGrade, inSpecPriceOf: InSpecPriceOf, exact: boolean, describe = true, at = -1): MoneyLine | null {
  if (lot.scrapKgPerYear === 0) return null;
  const f = lotFactsAt(m, lot, at);
  const chem = f.chem;
  const label = f.label;
  if (f.fixed !== null) {
    const price = m.book.getAt(f.fixed, label);
    return { id: f.lineId, label, category: 'feed', usd: R(exact)(lot.scrapKgPerYear * price), variable: true, quantity: lot.scrapKgPerYear, quantityUnit: 'kg', unitPriceUsd: price, priceKey: f.fixed.key, priceUnit: 'USD/kg' };
  }
  const grade = lot.grade ?? basis;
  const inSpec = lot.inSpecAtEntry && lot.inSpecAtEntry.camKgPerYear > 0 ? lot.inSpecAtEntry : undefined;
  if (!describe) return sampleFeedLine(m, lot, grade, chem, label, f.lineId, inSpec, inSpecPriceOf, exact);
  // The lot's own record when nothing is in spec at entry (payableValue only reads it): no copy per lot.
  let rest: Readonly<Record<string, number>> = lot.elementsKgPerYear;
  if (inSpec) {
    const left: Record<string, number> = { ...lot.elementsKgPerYear };
    for (const el in inSpec.elementsKgPerYear) left[el] = Math.max(0, (left[el] ?? 0) - inSpec.elementsKgPerYear[el]!);
    rest = left;
  }
  const paid = payableValue(m, grade, chem, rest, label);
  let usd = paid.usd;
  const terms = [...paid.terms];
  let text = paid.text;
  if (inSpec) {
    const asMetal = payableValue(m, grade, chem, inSpec.elementsKgPerYear, label);
    const p = inSpecPriceOf(chem);
    const asProduct = inSpec.camKgPerYear * p.price;
    if (asProduct > asMetal.usd) {
      usd += asProduct;
      terms.push({ quantity: inSpec.camKgPerYear, quantityUnit: 'kg', priceKey: p.key, price: p.price, factor: 1, factorKeys: [] });
      text += `; in spec at entry: ${fmt(inSpec.camKgPerYear)} kg CAM at the in-spec price ${fmt(p.price)} USD/kg (${p.basis})`;
    } else {
      usd += asMetal.usd;
      terms.push(...asMetal.terms);
      text += `; in spec at entry: ${fmt(inSpec.camKgPerYear)} kg CAM, worth more as metal (${asMetal.text})`;
    }
  }
  return {
    id: f.lineId, label, category: 'feed', usd: R(exact)(usd), variable: true,
    quantity: lot.scrapKgPerYear, quantityUnit: 'kg', unitPriceUsd: usd / lot.scrapKgPerYear, basis: text, basisUsd: usd, terms,
    note: `graded ${grade}; one market for feed and off-spec material (market.ts; REFERENCE.md 4.5); set feed.<chemistry> or feed.<lot id> for a fixed price`,
  };
}

/**
 * feedLine without its derivation (describe false): the payable values from the lot's Ni, Co and
 * Li alone, as plain numbers — the same lookups, in the same order, and the same sums as the
 * described line's, with no copy of the lot's elements and no value object per lot and sample.
 */
function sampleFeedLine(m: Market, lot: EconomicsInput['feedLots'][number], grade: MaterialGrade, chem: string, label: string, id: string, inSpec: { camKgPerYear: number; elementsKgPerYear: Record<string, number> } | undefined, inSpecPriceOf: InSpecPriceOf, exact: boolean): MoneyLine {
  const el = lot.elementsKgPerYear;
  let usd: number;
  if (inSpec) {
    const e = inSpec.elementsKgPerYear;
    usd = payableUsd(m, grade, chem, restOf(el, e, 'Ni'), restOf(el, e, 'Co'), restOf(el, e, 'Li'), label);
    const asMetal = payableUsd(m, grade, chem, e.Ni ?? 0, e.Co ?? 0, e.Li ?? 0, label);
    const asProduct = inSpec.camKgPerYear * inSpecPriceOf(chem).price;
    usd += asProduct > asMetal ? asProduct : asMetal;
  } else usd = payableUsd(m, grade, chem, el.Ni ?? 0, el.Co ?? 0, el.Li ?? 0, label);
  return { id, label, category: 'feed', usd: R(exact)(usd), variable: true, quantity: lot.scrapKgPerYear, quantityUnit: 'kg', unitPriceUsd: usd / lot.scrapKgPerYear, basisUsd: usd };
}

/**
 * The facts of `lot`: the market's planned ones when `at` is its position in the market's lots
 * (marketOf planned them for exactly these lots), else worked out now (a lot priced on its own).
 */
function lotFactsAt(m: Market, lot: EconomicsInput['feedLots'][number], at: number): LotFacts {
  if (at >= 0 && m.lots[at] === lot && m.lotFacts !== undefined && at < m.lotFacts.length) return m.lotFacts[at]!;
  return lotFactsOf(m, lot);
}

/** The facts of a lot on the market's price keys (what feedLine reads: chemName, its label, fixedKeyOf, its line id). */
function lotFactsOf(m: Market, lot: EconomicsInput['feedLots'][number]): LotFacts {
  const chem = chemName(lot.chemistry);
  const fixed = fixedKeyOf(m, chem, lot.id);
  return { id: lot.id, chemistry: lot.chemistry, grade: lot.grade, bought: lot.scrapKgPerYear > 0, chem, label: feedLotLabel(lot.id, chem), fixed: fixed !== undefined ? priceSlot(fixed) : null, lineId: priceKey('feed.', lot.id) };
}

/** A lot's element `el` not in spec at entry (feedLine's `rest`): what is left after the in-spec part, never below 0. */
function restOf(all: Readonly<Record<string, number>>, inSpec: Readonly<Record<string, number>>, el: string): number {
  const part = inSpec[el];
  return part !== undefined ? Math.max(0, (all[el] ?? 0) - part) : all[el] ?? 0;
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
