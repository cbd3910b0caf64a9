/**
 * Off-spec CAM on the market basis (market.ts): parcels grouped by chemistry, grade and — for a
 * lot's own fixed price — origin, each group valued on the payables of its grade or at its fixed
 * price; revenue for a value ≥ 0, a disposal cost (category waste) below.
 */
import { priceKey, priceSlot, type PriceSlot } from './price-book.js';
import type { EconomicsInput } from './input.js';
import type { MoneyLine } from './opex.js';
import { cents } from './money.js';
import { OrderedGroups } from './groups.js';
import { chemName, fixedKeyOf, fixedUsd, fixedValue, keyFactsOf, memoOf, pairTexts, payableUsd, payableValue, type KeyFacts, type Market, type MaterialGrade, type Valued } from './market.js';

/** Cent-rounded when exact (a value out of range fails on its own amount). */
const R = (exact: boolean) => (exact ? cents : (x: number) => x);

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

/** One line of off-spec parcels: chemistry, grade and — for a lot's own fixed price — that lot. */
interface OffSpecGroup {
  id: string;
  chem: string;
  grade: MaterialGrade;
  /** The fixed-price key (undefined: priced on payables), and its slot. */
  key: string | undefined;
  slot: PriceSlot | undefined;
  origin: string | null;
  /** The line's label, and that of its disposal line. */
  what: string;
  disposal: string;
}

/**
 * How valueOffSpec groups a list of parcels, by what each parcel is (chemistry, grade, origin) and
 * the price keys (which lots have a fixed price of their own): the same for every Monte Carlo
 * sample of a scenario — its parcels change in mass only — so it is made once and checked against
 * each list by value (offSpecPlanOf). `kg`, `ni`, `co`, `li` are the per-group sums of one call,
 * written and read within it (one evaluation at a time; nothing of them escapes).
 */
interface OffSpecPlan {
  chemistry: string[];
  grade: MaterialGrade[];
  origin: (string | null)[];
  /** The group of each parcel. */
  group: number[];
  groups: OffSpecGroup[];
  kg: number[];
  ni: number[];
  co: number[];
  li: number[];
}

/** valueOffSpec's plan for these parcels on the market's price keys: the last one when it fits them, else a new one (kept). */
function offSpecPlanOf(m: Market, parcels: EconomicsInput['products']['offSpec']): OffSpecPlan {
  const facts = keyFactsOf(m);
  const last = OFF_SPEC_PLANS.get(facts);
  if (last !== undefined && planFits(last, parcels)) return last;
  const plan = makeOffSpecPlan(m, parcels);
  OFF_SPEC_PLANS.set(facts, plan);
  return plan;
}

/** The plan of the last list of parcels priced on each key set (market.ts keyFactsOf). */
const OFF_SPEC_PLANS = new WeakMap<KeyFacts, OffSpecPlan>();

/** Whether a plan was made for parcels of these chemistries, grades and origins, in this order. */
function planFits(plan: OffSpecPlan, parcels: EconomicsInput['products']['offSpec']): boolean {
  if (plan.group.length !== parcels.length) return false;
  for (let i = 0; i < parcels.length; i++) {
    const p = parcels[i]!;
    if (p.chemistry !== plan.chemistry[i] || (p.grade ?? 'cam-powder') !== plan.grade[i] || (p.origin ?? null) !== plan.origin[i]) return false;
  }
  return true;
}

function makeOffSpecPlan(m: Market, parcels: EconomicsInput['products']['offSpec']): OffSpecPlan {
  const plan: OffSpecPlan = { chemistry: [], grade: [], origin: [], group: [], groups: [], kg: [], ni: [], co: [], li: [] };
  // Groups in order of first appearance, found by grade, chemistry and lot (groups.ts).
  const found = new OrderedGroups<MaterialGrade, string, number>();
  for (const p of parcels) {
    const chem = chemName(p.chemistry);
    const grade = p.grade ?? 'cam-powder';
    const origin = p.origin ?? null;
    const key = fixedKeyOf(m, chem, origin);
    const lotKey = key !== undefined && key === priceKey('feed.', String(origin)) ? origin : null;
    let g = found.find(grade, chem, lotKey ?? '');
    if (g === undefined) {
      g = plan.groups.length;
      const what = offSpecLabel(grade, chem, lotKey);
      plan.groups.push({ id: offSpecId(grade, chem, lotKey), chem, grade, key, slot: key !== undefined ? priceSlot(key) : undefined, origin: lotKey, what, disposal: disposalLabel(what, '') });
      found.add(g, grade, chem, lotKey ?? '');
      plan.kg.push(0);
      plan.ni.push(0);
      plan.co.push(0);
      plan.li.push(0);
    }
    plan.chemistry.push(p.chemistry);
    plan.grade.push(grade);
    plan.origin.push(origin);
    plan.group.push(g);
  }
  return plan;
}

/**
 * Off-spec parcels valued by group (offSpecPlanOf): each group's kg and paid metals summed in parcel
 * order from 0, as the element records were summed (only Ni, Co and Li are ever paid: a sum of the
 * other elements was never read; a group of one parcel read that parcel's own numbers, the same
 * but for −0, which no payable counts: `kg > 0`).
 */
function valueOffSpec(m: Market, input: EconomicsInput, exact: boolean, describe: boolean): { revenue: MoneyLine[]; costs: MoneyLine[] } {
  const parcels = input.products.offSpec;
  const plan = offSpecPlanOf(m, parcels);
  const { kg, ni, co, li } = plan;
  for (let g = 0; g < kg.length; g++) {
    kg[g] = 0;
    ni[g] = 0;
    co[g] = 0;
    li[g] = 0;
  }
  for (let i = 0; i < parcels.length; i++) {
    const p = parcels[i]!;
    const g = plan.group[i]!;
    kg[g] = kg[g]! + p.kgPerYear;
    const el = p.elementsKgPerYear;
    if (el.Ni !== undefined) ni[g] = ni[g]! + el.Ni;
    if (el.Co !== undefined) co[g] = co[g]! + el.Co;
    if (el.Li !== undefined) li[g] = li[g]! + el.Li;
  }
  const revenue: MoneyLine[] = [];
  const costs: MoneyLine[] = [];
  for (let k = 0; k < plan.groups.length; k++) {
    const g = plan.groups[k]!;
    const gKg = kg[k]!;
    if (gKg === 0) continue;
    const { id, what } = g;
    // A sample's value alone (no value record per group and sample: fixedUsd, payableUsd).
    let v: Valued | undefined;
    let vUsd: number;
    if (!describe) vUsd = g.slot !== undefined ? fixedUsd(m, g.slot, g.chem, g.origin, gKg, what) : payableUsd(m, g.grade, g.chem, ni[k]!, co[k]!, li[k]!, what);
    else {
      v = g.key ? fixedValue(m, g.key, g.chem, g.origin, gKg, what) : payableValue(m, g.grade, g.chem, { Ni: ni[k]!, Co: co[k]!, Li: li[k]! }, what);
      vUsd = v.usd;
    }
    // Rounded first whatever the sign (a value out of range fails on its own amount, as it did).
    const value = R(exact)(vUsd);
    if (vUsd >= 0) {
      revenue.push(v ? { id, label: what, category: 'off-spec', usd: value, variable: true, quantity: gKg, quantityUnit: 'kg', unitPriceUsd: vUsd / gKg, basis: v.text, basisUsd: vUsd, terms: v.terms }
        : { id, label: what, category: 'off-spec', usd: value, variable: true, quantity: gKg, quantityUnit: 'kg', unitPriceUsd: vUsd / gKg, basisUsd: vUsd });
      continue;
    }
    // The disposal line: the revenue line's keys in its order (what a spread of it with these
    // amounts gave), made directly — a spread copy takes V8's slow path per sample.
    const label = g.disposal;
    const usd = R(exact)(-vUsd);
    costs.push(v ? { id, label, category: 'waste', usd, variable: true, quantity: gKg, quantityUnit: 'kg', unitPriceUsd: -vUsd / gKg, basis: v.text, basisUsd: -vUsd, terms: v.terms }
      : { id, label, category: 'waste', usd, variable: true, quantity: gKg, quantityUnit: 'kg', unitPriceUsd: -vUsd / gKg, basisUsd: -vUsd });
  }
  return { revenue, costs };
}
