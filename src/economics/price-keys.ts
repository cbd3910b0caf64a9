/**
 * Price keys: what each key of a price set means, its canonical unit and valid range, and reading
 * a value written with units and currencies into that unit.
 *
 * Keys (a contract: files, overrides and patches use them):
 *   electricity, natural-gas, steam            USD/kWh (natural gas per kWh of fuel energy; steam per
 *                                              kWh of heat, default natural gas ÷ boiler-efficiency)
 *   boiler-efficiency                          fraction (steam price, energy and GHG of steam)
 *   water, wastewater                          USD/m^3 (process water is the reagent H2O)
 *   landfill                                   USD/kg of solid waste
 *   labour                                     USD/h per operator
 *   equipment-cost-factor                      regional multiplier on purchased equipment
 *   ghg.electricity, ghg.natural-gas           kg CO2e/kWh (grid at wall; fuel combustion)
 *   ghg.<component>                            kg CO2e/kg of a reagent (replaces the GREET factor)
 *   <component id>                             USD/kg of a reagent in its stated form (LiOH anhydrous
 *                                              and LiOH·H2O are separate items, converted by molar
 *                                              mass when only one is given — never mixed)
 *   cam.<chemistry>                            virgin cathode active material, USD/kg
 *   regenerated.<chemistry>                    regenerated CAM price, USD/kg (default quality-factor ×
 *                                              cam.<chemistry>)
 *   quality-factor                             regenerated / virgin price ratio (0–1: never above virgin)
 *   payable.<grade>                            share of the contained Ni + Co value paid for
 *                                              cathode-bearing material of a grade (cathode-scrap,
 *                                              black-mass, cam-powder), bought or sold (market.ts)
 *   payable-li.<grade>                         separate Li payable, share of the contained Li value
 *                                              (absent or 0: Li is rolled into the Ni + Co payable)
 *   payable-offset.<chemistry>                 points added to the Ni + Co payable of a chemistry
 *                                              (e.g. LCO −0.05), −1 to 1
 *   feed.<chemistry or lot id>                 fixed price, USD/kg of feed (may be negative): the
 *                                              market value of that material bought or sold
 *   feed-payable-fraction                      legacy: replaces payable.<grade> of the grade(s) the
 *                                              feed is bought at, for feed and off-spec alike
 *   offspec-payable-fraction                   legacy: replaces payable.cam-powder (off-spec CAM)
 *   metal.<element>                            contained-metal value, USD/kg of element (metal.Li
 *                                              defaults to the lithium-carbonate equivalent)
 *   primary-energy.electricity                 cradle-to-gate primary energy per kWh delivered, MJ/kWh
 *   primary-energy.natural-gas                 primary energy per kWh of natural gas burnt, MJ/kWh
 *   ghg-upstream.natural-gas                   upstream GHG of natural gas (production, transport,
 *                                              leaks), kg CO2e per kWh of fuel
 *   scrap.<component>                          by-product value (Al, Cu, graphite…), USD/kg
 *   consumable.<name>                          USD per item (e.g. consumable.saggar)
 */
import { resolveComponentId } from '../chemistry/components.js';
import { chemistryByName } from '../chemistry/cathode.js';
import { isElement } from '../chemistry/elements.js';
import { splitQuantity, toUnit, UnitError } from '../schema/quantity.js';
import { msg } from '../schema/messages.js';
import type { ExchangeRate } from '../schema/economics.js';
import { MATERIAL_GRADES } from './market.js';

/** How a price key's value is checked. */
export type ItemKind = 'price' | 'signed-price' | 'fraction' | 'signed-fraction' | 'efficiency' | 'positive' | 'factor';

/** Kinds whose values are money (escalated between years). */
export const MONEY: ReadonlySet<ItemKind> = new Set(['price', 'signed-price']);

/** What a price key means. */
export interface PriceItemSpec {
  /** Canonical unit the value is stored in. */
  unit: string;
  description: string;
  kind: ItemKind;
  /** Example for messages, e.g. "11 USD/kg". */
  example: string;
  /** A cam./regenerated. price of a chemistry the registry does not know: valid only for a chemistry the feed names (checked when a scenario is resolved). */
  customChemistry?: string;
}

const FIXED: Record<string, PriceItemSpec> = {
  electricity: { unit: 'USD/kWh', description: 'electricity', kind: 'price', example: '0.08 USD/kWh' },
  'natural-gas': { unit: 'USD/kWh', description: 'natural gas, per kWh of fuel energy', kind: 'price', example: '7.77 USD/MMBtu' },
  steam: { unit: 'USD/kWh', description: 'steam, per kWh of heat delivered', kind: 'price', example: '0.033 USD/kWh' },
  'boiler-efficiency': { unit: '', description: 'efficiency of the natural-gas boiler raising steam', kind: 'efficiency', example: '0.8' },
  water: { unit: 'USD/m^3', description: 'process water', kind: 'price', example: '0.00473 USD/gal' },
  wastewater: { unit: 'USD/m^3', description: 'wastewater treatment', kind: 'price', example: '0.00625 USD/gal' },
  landfill: { unit: 'USD/kg', description: 'solid waste disposal', kind: 'price', example: '54.03 USD/short_ton' },
  labour: { unit: 'USD/h', description: 'operator labour rate', kind: 'price', example: '38.12 USD/h' },
  'equipment-cost-factor': { unit: '', description: 'regional equipment-cost adjustment', kind: 'positive', example: '1' },
  'ghg.electricity': { unit: 'kg/kWh', description: 'grid GHG factor, kg CO2e per kWh at the wall', kind: 'factor', example: '0.467 kg/kWh' },
  'ghg.natural-gas': { unit: 'kg/kWh', description: 'natural-gas combustion GHG factor, kg CO2e per kWh of fuel', kind: 'factor', example: '53.06 kg/MMBtu' },
  'feed-payable-fraction': { unit: '', description: 'legacy: the Ni + Co payable of the grade(s) the feed is bought at (replaces payable.<grade> for feed and off-spec of that grade)', kind: 'fraction', example: '0.72' },
  'offspec-payable-fraction': { unit: '', description: 'legacy: the Ni + Co payable of CAM powder, the grade of off-spec regenerated CAM (replaces payable.cam-powder)', kind: 'fraction', example: '0.75' },
  'quality-factor': { unit: '', description: 'regenerated CAM price / virgin CAM price (at most 1: never above virgin)', kind: 'positive', example: '0.9' },
  'primary-energy.electricity': { unit: 'MJ/kWh', description: 'cradle-to-gate primary energy per kWh of grid electricity delivered', kind: 'factor', example: '6.83 MJ/kWh' },
  'primary-energy.natural-gas': { unit: 'MJ/kWh', description: 'primary energy per kWh of natural gas burnt, upstream included', kind: 'factor', example: '4.004 MJ/kWh' },
  'ghg-upstream.natural-gas': { unit: 'kg/kWh', description: 'upstream GHG of natural gas (production, processing, transport, leaks), kg CO2e per kWh of fuel', kind: 'factor', example: '0.076 kg/kWh' },
};

/** Keys with a fixed meaning (not counting prefixed keys and reagents). */
export const FIXED_PRICE_KEYS: readonly string[] = Object.keys(FIXED);

const PREFIXES = ['cam.', 'regenerated.', 'feed.', 'metal.', 'scrap.', 'consumable.', 'ghg.', 'payable.', 'payable-li.', 'payable-offset.'] as const;

/** What a custom chemistry's name may look like in a price key (names from tm fractions carry dots: Ni0.9Co0.05Mn0.05). */
const CUSTOM_CHEMISTRY_NAME = /^[A-Za-z][\w.+-]*$/;

/** priceItem results by key as written (null: meaningless), bounded: studies read the same few keys again and again. */
const ITEMS = new Map<string, { key: string; spec: PriceItemSpec } | null>();
const ITEMS_LIMIT = 1000;

/**
 * The canonical key and its meaning, or undefined when the key means nothing. Worked out once per
 * key (it depends on the key and the fixed registries only): a Monte Carlo sample reads each price
 * it patches twice. The result is shared: never to be mutated.
 */
export function priceItem(key: string): { key: string; spec: PriceItemSpec } | undefined {
  const hit = ITEMS.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const item = readPriceItem(key);
  if (ITEMS.size < ITEMS_LIMIT) ITEMS.set(key, item ?? null);
  return item;
}

function readPriceItem(key: string): { key: string; spec: PriceItemSpec } | undefined {
  const k = key.trim();
  const fixed = Object.hasOwn(FIXED, k) ? FIXED[k] : undefined;
  if (fixed) return { key: k, spec: fixed };
  for (const p of PREFIXES) {
    if (!k.startsWith(p)) continue;
    const rest = k.slice(p.length);
    if (!rest) return undefined;
    switch (p) {
      case 'cam.':
      case 'regenerated.': {
        const chem = chemistryByName(rest);
        if (!chem) {
          // A custom chemistry the feed names (e.g. { name: NCM955x, tm: … }) is priced under its name.
          if (!CUSTOM_CHEMISTRY_NAME.test(rest)) return undefined;
          return { key: p + rest, spec: { unit: 'USD/kg', description: `${p === 'cam.' ? 'virgin' : 'regenerated'} ${rest} (a chemistry the feed names)`, kind: 'price', example: '25 USD/kg', customChemistry: rest } };
        }
        return { key: p + chem.name, spec: { unit: 'USD/kg', description: p === 'cam.' ? `virgin ${chem.name} cathode active material` : `regenerated ${chem.name}`, kind: 'price', example: '25 USD/kg' } };
      }
      case 'feed.': {
        const chem = chemistryByName(rest);
        return { key: p + (chem ? chem.name : rest), spec: { unit: 'USD/kg', description: `feed ${chem ? chem.name : `lot ${rest}`} (per kg of feed; negative when the recycler is paid)`, kind: 'signed-price', example: '2 USD/kg' } };
      }
      case 'payable.':
      case 'payable-li.': {
        const grade = MATERIAL_GRADES.find((g) => g === rest);
        if (!grade) return undefined;
        return { key: p + grade, spec: { unit: '', description: p === 'payable.' ? `share of the contained Ni + Co value paid for ${grade}, bought or sold` : `separate Li payable of ${grade}, share of the contained Li value`, kind: 'fraction', example: p === 'payable.' ? '0.72' : '0.04' } };
      }
      case 'payable-offset.': {
        const chem = chemistryByName(rest);
        if (!chem) return undefined;
        return { key: p + chem.name, spec: { unit: '', description: `points added to the Ni + Co payable of ${chem.name} material`, kind: 'signed-fraction', example: '-0.05' } };
      }
      case 'metal.':
        if (!isElement(rest)) return undefined;
        return { key: p + rest, spec: { unit: 'USD/kg', description: `contained ${rest} value, per kg of element`, kind: 'price', example: '16.85 USD/kg' } };
      case 'scrap.': {
        const id = resolveComponentId(rest);
        if (!id) return undefined;
        return { key: p + id, spec: { unit: 'USD/kg', description: `${id} sold as by-product`, kind: 'price', example: '1.12 USD/kg' } };
      }
      case 'ghg.': {
        const id = resolveComponentId(rest);
        if (!id) return undefined;
        return { key: p + id, spec: { unit: 'kg/kg', description: `embodied GHG of ${id}, kg CO2e per kg`, kind: 'factor', example: '2.1 kg/kg' } };
      }
      case 'consumable.':
        return { key: p + rest, spec: { unit: 'USD', description: `${rest}, per item`, kind: 'price', example: '25 USD' } };
    }
  }
  const id = resolveComponentId(k);
  if (id) return { key: id, spec: { unit: 'USD/kg', description: `${id} (per kg of the stated form)`, kind: 'price', example: '1 USD/kg' } };
  return undefined;
}


/**
 * Upper bounds of prices and factors by canonical unit (issue 17): a larger value is a unit slip or
 * a typo, and would drive money totals beyond their exact range. Assumptions, generous on purpose:
 * electricity and fuel ≤ 10 USD/kWh (European spot peaks of 2022 stayed below 1 [MEMORY]); reagents,
 * cathode materials and by-products ≤ 10,000 USD/kg (the dearest battery materials cost ≤ 1,000);
 * contained metals ≤ 100,000 USD/kg (platinum ≈ 30,000 [MEMORY]); water ≤ 1,000 USD/m³; labour ≤
 * 1,000 USD/h; a consumable ≤ 1,000,000 USD per item; emission factors ≤ 10 kg CO2e/kWh and
 * ≤ 1,000 kg CO2e/kg.
 */
const PRICE_MAX_BY_UNIT: Readonly<Record<string, number>> = { 'USD/kWh': 10, 'USD/kg': 10_000, 'USD/m^3': 1000, 'USD/h': 1000, USD: 1e6, 'kg/kWh': 10, 'kg/kg': 1000 };
const METAL_PRICE_MAX = 100_000;
/**
 * Lowest feed price: EverBatt's largest fee paid to a recycler is 2 USD/kg of LFP battery (REFERENCE.md
 * 1.1.3); a fee beyond 5 USD/kg would pay the plant more than it costs to run (negative OPEX).
 */
const FEED_PRICE_MIN = -5;
/** The regenerated / virgin price ratio: nothing regenerated sells above virgin material. */
const QUALITY_FACTOR_MAX = 1;
/** A regional equipment-cost factor: EverBatt's run from 0.61 (China) to 1 (US) (REFERENCE.md 1.3.7); 5 is a typo. */
const COST_FACTOR_MAX = 5;

/** The largest value a price key accepts (Infinity for fractions, bounded elsewhere). */
function priceMax(key: string, spec: PriceItemSpec): number {
  if (key === 'quality-factor') return QUALITY_FACTOR_MAX;
  if (key === 'equipment-cost-factor') return COST_FACTOR_MAX;
  if (key.startsWith('metal.')) return METAL_PRICE_MAX;
  return Object.hasOwn(PRICE_MAX_BY_UNIT, spec.unit) ? PRICE_MAX_BY_UNIT[spec.unit]! : Infinity;
}

/** The valid range of a price key's value in its canonical unit (kind and per-key maximum), for range checks of studies. */
export function priceRange(key: string): { min?: number; max?: number } {
  const item = priceItem(key);
  if (!item) return {};
  const max = priceMax(item.key, item.spec);
  const withMax = Number.isFinite(max) ? { max } : {};
  switch (item.spec.kind) {
    case 'fraction':
    case 'efficiency': return { min: 0, max: Math.min(1, max) };
    case 'signed-fraction': return { min: -1, max: Math.min(1, max) };
    case 'signed-price': return { min: FEED_PRICE_MIN, ...withMax };
    default: return { min: 0, ...withMax };
  }
}

/** Convert a value written in a price set or override into the item's canonical unit. */
export function readPriceValue(key: string, spec: PriceItemSpec, raw: number | string, rates: Readonly<Record<string, ExchangeRate>>): { value: number; given: string } | { error: string } {
  let value: number;
  let given: string;
  if (typeof raw === 'number') {
    value = raw;
    given = numberGiven(raw, spec.unit);
  } else {
    given = raw.trim();
    const q = splitQuantity(given);
    let text = given;
    if (q) {
      const m = /(^|[\s/*(·])([A-Z]{3})(?=$|[\s/*)·^])/.exec(q.unit);
      const code = m?.[2];
      if (code && code !== 'USD' && code !== 'BTU') {
        const rate = rates[code];
        if (!rate) return { error: msg.unknownCurrency(code, given, Object.keys(rates)) };
        const unit = q.unit.slice(0, m.index + m[1]!.length) + 'USD' + q.unit.slice(m.index + m[0].length);
        text = `${q.value * rate.usdPerUnit} ${unit}`;
      }
    }
    try {
      value = toUnit(text, spec.unit);
    } catch (e) {
      if (e instanceof UnitError) return { error: msg.badQuantity(raw, e.message, spec.unit || 'a number') };
      throw e;
    }
  }
  const problem = priceProblem(key, spec, raw, value, given);
  return problem === undefined ? { value, given } : { error: problem };
}

/** How a price written as a bare number reads (`given` of its entry): "<x> <unit>", or the number alone for a unitless key. */
export function numberGiven(x: number, unit: string): string {
  return unit ? `${x} ${unit}` : String(x);
}

/**
 * readPriceValue of a bare number without its text: the number when the key takes it, undefined
 * when refused (readPriceValue then gives the message). A Monte Carlo sample patches numbers, and
 * its entries make their text only when read (prices.ts).
 */
export function acceptedPriceNumber(key: string, spec: PriceItemSpec, x: number): number | undefined {
  return priceProblem(key, spec, x, x, undefined) === undefined ? x : undefined;
}

/** What is wrong with `value` (read from `raw`) for a key: a message, or undefined. `given` is shown in it (made from the number when absent). */
function priceProblem(key: string, spec: PriceItemSpec, raw: number | string, value: number, given: string | undefined): string | undefined {
  if (!Number.isFinite(value)) return msg.notFinite(raw);
  const shown = () => given ?? numberGiven(raw as number, spec.unit);
  switch (spec.kind) {
    case 'price':
    case 'factor':
      if (value < 0) return spec.kind === 'price' ? msg.priceNegative(key, shown()) : msg.negative(shown());
      break;
    case 'fraction':
      if (value < 0 || value > 1) return msg.priceNotFraction(key, shown());
      break;
    case 'signed-fraction':
      if (value < -1 || value > 1) return msg.priceNotSignedFraction(key, shown());
      break;
    case 'efficiency':
      if (!(value > 0 && value <= 1)) return msg.priceNotFraction(key, shown());
      break;
    case 'positive':
      if (!(value > 0)) return msg.priceNotPositive(key, shown());
      break;
    case 'signed-price':
      if (value < FEED_PRICE_MIN) return msg.feedPriceTooNegative(key, shown(), `${FEED_PRICE_MIN} ${spec.unit}`);
      break;
  }
  const max = priceMax(key, spec);
  if (value > max) return key === 'quality-factor' ? msg.qualityFactorAboveVirgin(shown()) : msg.priceAboveMax(key, shown(), `${max} ${spec.unit}`.trim());
  return undefined;
}

/** Whether a key's values are money. */
export function isMoneyKey(key: string): boolean {
  const item = priceItem(key);
  return item !== undefined && MONEY.has(item.spec.kind);
}

/** Unit and example of a price key (for messages); undefined for a meaningless key. */
export function priceUnit(key: string): { unit: string; example: string } | undefined {
  const item = priceItem(key);
  return item ? { unit: item.spec.unit, example: item.spec.example } : undefined;
}
