/**
 * Schemas of the economics inputs (DESIGN.md "Economics"):
 * - price-set files (scenarios/prices/*.yaml): every entry has a value with its unit, a year and a
 *   source; currencies other than USD convert with the set's stated exchange rates;
 * - the scenario's `prices` section: a set by name (or a set file by path, or a set inline) plus
 *   `overrides` such as { "LiOH·H2O": "11 USD/kg" }; keys at the top level are overrides too (so
 *   a patch `prices.LiOH·H2O` works);
 * - the scenario's `finance` section: capital-cost method, discount and tax rates, life,
 *   construction schedule, ramp-up, depreciation, working capital, losses and factor overrides.
 * What the keys of a price set mean (units, checks) is in economics/price-keys.ts.
 */
import { z } from 'zod';
import { quantity, fraction, described } from './param.js';
import { REGIONS } from './scenario.js';
import { msg } from './messages.js';

const YEAR = z.number().int().min(1900).max(2100);

/**
 * Range of a CEPCI value: the index is 100 for 1957–59 (its base) and was 816 in 2022
 * (economics/cepci.ts); below 50 or above 3000 is a typo — 0.0001 would make a plant cost dollars.
 */
export const CEPCI_RANGE = { min: 50, max: 3000 } as const;

/**
 * Largest cost-factor override: assumption — no preset factor exceeds 5 (Lang ≈ 3–5, EverBatt's
 * multipliers ≤ 1), so 10 allows unusual plants; a working-capital factor in weeks may reach a year.
 */
export const FACTOR_MAX = { plain: 10, weeks: 52 } as const;
const CURRENCY = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR or CNY');

/**
 * A price as written in a scenario: a number in the item's canonical unit (USD/kg for materials,
 * USD/kWh for energy, …), a string with a unit ("11 USD/kg", "0.20 EUR/kWh", "98500 CNY/t"), or an
 * entry with its year and source.
 */
export const priceValueSchema = z.union([
  z.number(),
  z.string(),
  z.strictObject({ value: z.union([z.number(), z.string()]), year: YEAR.optional(), source: z.string().optional(), note: z.string().optional() }),
]);
/** A price as written. */
export type PriceValue = z.input<typeof priceValueSchema>;

/** An entry of a price-set file: value with unit, the year the value applies to, and its source. */
export const priceEntrySchema = z.strictObject({
  value: z.union([z.number(), z.string()]).describe('value with its unit, e.g. "0.0806 USD/kWh"; a bare number is in the item\'s canonical unit'),
  year: YEAR.describe('year the value applies to (dollar year for model defaults)'),
  source: z.string().min(1).describe('where the value comes from; "assumption: why" when it is ours'),
  note: z.string().optional(),
});

/** An exchange rate stated in a price set: USD per unit of the currency, with year and source. */
export const exchangeRateSchema = z.strictObject({
  // Range: the dearest currency unit (Kuwaiti dinar) is worth ≈3.3 USD, the cheapest in use
  // (Iranian rial) ≈2·10^-5 USD [MEMORY]; outside 10^-6 … 100 the rate is inverted or mistyped.
  usdPerUnit: z.number().positive().min(1e-6).max(100).describe('US dollars per unit of the currency (10^-6 … 100)'),
  year: YEAR,
  source: z.string().min(1),
});
/** An exchange rate. */
export type ExchangeRate = z.output<typeof exchangeRateSchema>;

/** A price-set file (scenarios/prices/<name>.yaml). Top-level keys other than the fields are overrides. */
export const priceSetSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().min(1).describe('name of the set, e.g. us-2023 (the file name without extension)'),
  name: z.string().optional(),
  region: z.enum(REGIONS).optional().describe('region the set describes'),
  year: YEAR.describe('dollar year of the set: every money price is escalated to USD of this year with US CPI-U; equipment costs are escalated to cepciYear'),
  cepciYear: YEAR.optional().describe('CEPCI year equipment costs are escalated to (default: year)'),
  extends: z.string().min(1).optional().describe('another set whose items this one inherits'),
  exchangeRates: z.record(CURRENCY, exchangeRateSchema).default({}),
  priceIndex: z.record(z.string().regex(/^\d{4}$/, 'a year such as 2025'), z.number().positive()).default({}).describe('US CPI-U annual averages (1982-84 = 100) by year, replacing or extending the built-in table that escalates every money price to the set\'s year, e.g. { 2026: 330.1 }'),
  notes: z.array(z.string()).default([]),
  items: z.record(z.string(), priceEntrySchema).default({}),
  overrides: z.record(z.string(), priceValueSchema).default({}),
}).catchall(priceValueSchema);
/** A price-set file after validation. */
export type PriceSetFile = z.output<typeof priceSetSchema>;

/** The scenario's `prices` section when it names a set: { set, overrides }. */
export const pricesSectionSchema = z.object({
  $schema: z.string().optional(),
  set: z.string().min(1).optional().describe('name of a price set in scenarios/prices (default: the region\'s set)'),
  overrides: z.record(z.string(), priceValueSchema).default({}).describe('prices replacing the set\'s, e.g. { "LiOH·H2O": "11 USD/kg" }'),
  exchangeRates: z.record(CURRENCY, exchangeRateSchema).default({}),
}).catchall(priceValueSchema);
/** The prices section after validation. */
export type PricesSection = z.output<typeof pricesSectionSchema>;

/** Capital-cost methods (factor presets). */
export const CAPEX_METHODS = ['towler-sinnott', 'peters', 'lang'] as const;
/** A capital-cost method. */
export type CapexMethod = (typeof CAPEX_METHODS)[number];

/** Depreciation methods: straight line, or MACRS (IRS Publication 946, half-year convention). */
export const DEPRECIATION_METHODS = ['straight-line', 'MACRS3', 'MACRS5', 'MACRS7', 'MACRS10', 'MACRS15', 'MACRS20'] as const;
/** A depreciation method. */
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];

/** How a tax loss is treated. */
export const LOSS_RULES = ['carry-forward', 'credit'] as const;
/** A loss rule. */
export type LossRule = (typeof LOSS_RULES)[number];

const yearsField = (o: Parameters<typeof quantity>[1]) => quantity('yr', { min: 1, max: 60, ...o });

/** The scenario's `finance` section. */
export const financeSchema = z.strictObject({
  $schema: z.string().optional(),
  capexMethod: described(z.enum(CAPEX_METHODS).default('towler-sinnott'), {
    description: 'capital-cost factor preset: towler-sinnott (EverBatt 2023), peters (EverBatt 2019 Table 15) or lang (plain Lang factor)',
    source: 'EverBatt 2023 uses Towler & Sinnott 2021 (REFERENCE.md 1.3.2)',
    defaultText: 'towler-sinnott',
  }),
  discountRate: fraction({ description: 'discount rate (real, after tax) for NPV, minimum selling price and levelised cost', default: 0.10, source: 'EverBatt 2023 annualises capital at 10 % (REFERENCE.md 1.3.2); NREL/BioSTEAM default 10 % (REFERENCE.md 4.2)' }),
  taxRate: fraction({ description: 'income tax rate on taxable profit', default: 0.25, source: 'assumption: 25 % — close to US federal 21 % + state, China statutory 25 % [MEMORY]' }),
  life: yearsField({ description: 'operating life (whole years)', default: '10 yr', source: 'EverBatt 2019/2023: 10-year plant life (REFERENCE.md 1.1.5, 1.3.2)' }),
  construction: described(z.array(fraction({ description: 'share of fixed capital spent in a construction year' })).min(1).max(10).default([0.4, 0.6]), {
    description: 'construction schedule: share of the fixed capital spent in each construction year (sums to 1)',
    source: 'assumption: two construction years, 40 % / 60 % (NREL/BioSTEAM use 8 / 60 / 32 % over three years, REFERENCE.md 4.2)',
    defaultText: '[0.4, 0.6]',
  }),
  rampUp: described(z.array(fraction({ description: 'output of an early operating year as a share of full output' })).max(10).default([0.75]), {
    description: 'output in the first operating years as a share of full output (revenue and variable costs scale; fixed costs do not)',
    source: 'assumption: 75 % in the first operating year (cf. NREL/BioSTEAM start-up of 3 months at reduced sales [MEMORY])',
    defaultText: '[0.75]',
  }),
  depreciation: described(z.enum(DEPRECIATION_METHODS).default('straight-line'), {
    description: 'tax depreciation of the depreciable fixed capital (fixed capital less land)',
    source: 'EverBatt 2019 Table 15: (FCI − land)/life, straight line (REFERENCE.md 1.1.5); MACRS from IRS Publication 946',
    defaultText: 'straight-line',
  }),
  depreciationPeriod: yearsField({ description: 'straight-line depreciation period (whole years; default: the operating life)', source: 'EverBatt 2019 Table 15 (REFERENCE.md 1.1.5)' }).optional(),
  salvage: fraction({ description: 'salvage value at the end of life as a share of the depreciable fixed capital (taxable); land is recovered at cost', default: 0, source: 'EverBatt 2019: depreciation (FCI − land)/life, i.e. no salvage (REFERENCE.md 1.1.5)' }),
  workingCapitalOfFci: fraction({ description: 'working capital as a share of fixed capital; replaces the preset\'s working-capital rule when given' }).optional(),
  losses: described(z.enum(LOSS_RULES).default('carry-forward'), {
    description: 'tax losses: carry-forward (offset against later profits, never refunded) or credit (negative tax, as inside a profitable group)',
    source: 'assumption: unlimited carry-forward without refund',
    defaultText: 'carry-forward',
  }),
  operatingDays: quantity('d/yr', { description: 'operating days per year (labour shifts)', default: 320, min: 1, max: 365, source: 'EverBatt 2019/2023: 320 d/yr (REFERENCE.md 1.1.5)' }),
  shiftLength: quantity('h', { description: 'length of an operator shift', default: '8 h', above: 0, max: 24, source: 'assumption: 8-hour shifts (EverBatt 2023 staffs 8 persons per 24 h, REFERENCE.md 1.3.1)' }),
  cepci: described(z.record(z.string().regex(/^\d{4}$/, 'a year such as 2024'), described(z.number(), { description: 'CEPCI annual average', unit: '', min: CEPCI_RANGE.min, max: CEPCI_RANGE.max })).default({}), {
    description: 'CEPCI values by year replacing or extending the built-in table, e.g. { 2025: 810 }',
    source: 'Chemical Engineering magazine',
    defaultText: '{}',
  }),
  factors: described(z.record(z.string(), described(z.union([z.number(), z.string()]), { description: 'factor value', unit: '', min: 0, max: FACTOR_MAX.weeks })).default({}), {
    description: 'overrides of the capital and operating cost factors of the chosen method, by factor id (regenflow lists them in the result), e.g. { maintenance: 0.04, lang: 4.1 }',
    defaultText: '{}',
  }),
}).superRefine((f, ctx) => {
  const sum = f.construction.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['construction'], message: msg.constructionSum(sum) });
  if (!Number.isInteger(f.life)) ctx.addIssue({ code: 'custom', path: ['life'], message: msg.wholeYears('life', f.life) });
  for (const [year, v] of Object.entries(f.cepci)) {
    if (!(v >= CEPCI_RANGE.min && v <= CEPCI_RANGE.max)) ctx.addIssue({ code: 'custom', path: ['cepci', year], message: msg.cepciOutOfRange(v, CEPCI_RANGE.min, CEPCI_RANGE.max) });
  }
  if (f.depreciationPeriod !== undefined && !Number.isInteger(f.depreciationPeriod)) ctx.addIssue({ code: 'custom', path: ['depreciationPeriod'], message: msg.wholeYears('depreciationPeriod', f.depreciationPeriod) });
});
/** The finance section after validation (factors not yet checked against the method). */
export type FinanceSection = z.output<typeof financeSchema>;
