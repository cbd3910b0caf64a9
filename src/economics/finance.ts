/**
 * Finance inputs and the capital/operating cost factor presets.
 *
 * Presets (chosen by finance.capexMethod; every factor overridable by id in finance.factors):
 * - `towler-sinnott` — EverBatt 2023's method (Towler & Sinnott 2021, REFERENCE.md 1.3.2):
 *   ISBL = PEC·(1 + 0.5 erection + 0.6 piping + 0.3 I&C + 0.2 electrical + 0.3 civil
 *   + 0.2 structures + 0.1 lagging); OSBL 40 % of ISBL; design & engineering 25 % and contingency
 *   10 % of ISBL + OSBL; working capital = 7 weeks of cash cost of production − 2 weeks of materials
 *   + 2 % of (ISBL + OSBL).
 * - `peters` — EverBatt 2019 Table 15 (Peters & Timmerhaus style, REFERENCE.md 1.1.5): direct cost =
 *   PEC·(1 + 0.40 installation + 0.20 instrumentation + 0.20 piping + 0.10 electrical + 0.25 buildings
 *   + 0.60 service facilities + 0.08 land); engineering 10 % and construction 10 % of direct cost;
 *   contingency 5 % of FCI; working capital 10 % of TCI. "x % of FCI" (and of TCI) is read
 *   self-consistently: FCI = (DC + IC)/(1 − 0.05), WC = FCI·0.10/(1 − 0.10).
 * - `lang` — FCI = Lang factor × PEC (3.63: solid–fluid processing plant, Lang 1948 as tabulated in
 *   Towler & Sinnott [MEMORY]); working capital 5 % of FCI and maintenance 3 %, insurance 0.7 % of
 *   FCI (NREL defaults used with BioSTEAM, REFERENCE.md 4.2).
 * Financing charges (EverBatt 2019 "financing 5 % of TCI", 2023 "interest on working capital 6 %")
 * and the optional profit are left out: the discounted cash flow charges capital through the
 * discount rate. Depreciation enters the cash flow (tax), not the operating costs.
 */
import { z } from 'zod';
import { financeSchema, FACTOR_MAX, type CapexMethod, type DepreciationMethod, type FinanceSection, type LossRule } from '../schema/economics.js';
import { readQuantity } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { inputErrors, type InputIssue } from '../schema/errors.js';
import { toInputIssues, formatPath, type Locator } from '../schema/issues.js';

/** What an operating-cost factor multiplies. */
export type OperatingBasis =
  | 'labour'
  | 'labour+supervision'
  | 'labour+supervision+maintenance'
  | 'maintenance'
  | 'materials'
  | 'fci'
  | 'isbl'
  | 'isbl+osbl'
  | 'buildings+land'
  | 'revenue'
  | 'cash-cost';

/** A factor of a preset. */
export interface FactorSpec {
  id: string;
  label: string;
  value: number;
  /** What it multiplies, as text (capital) or an OperatingBasis (operating). */
  basis: string;
  source: string;
  /** Unit of the value when not a plain fraction (e.g. "weeks"). */
  unit?: string;
}

/** An operating-cost factor. */
export interface OperatingFactorSpec extends FactorSpec {
  basis: OperatingBasis;
  /** Scales with output in ramp-up years (materials-, revenue- and cash-cost-based items). */
  variable: boolean;
}

/** A factor as resolved for a run (value after overrides). */
export interface FactorRow extends FactorSpec {
  overridden: boolean;
  defaultValue: number;
}

/** A resolved operating factor. */
export interface OperatingFactorRow extends FactorRow {
  basis: OperatingBasis;
  variable: boolean;
}

/** A factor preset. */
export interface Preset {
  method: CapexMethod;
  label: string;
  source: string;
  capital: FactorSpec[];
  operating: OperatingFactorSpec[];
  /** What the preset leaves out and why. */
  excluded: string[];
}

const EB19 = 'EverBatt 2019 Table 15 (REFERENCE.md 1.1.5)';
const EB23 = 'EverBatt 2023, Towler & Sinnott 2021 (REFERENCE.md 1.3.2)';
const NREL = 'NREL defaults used with BioSTEAM (REFERENCE.md 4.2)';

const cap = (id: string, label: string, value: number, basis: string, source: string, unit?: string): FactorSpec => ({ id, label, value, basis, source, ...(unit ? { unit } : {}) });
const op = (id: string, label: string, value: number, basis: OperatingBasis, source: string, variable = false): OperatingFactorSpec => ({ id, label, value, basis, source, variable });

/** The presets by method. Operating factors are listed in the order they are computed. */
export const PRESETS: Readonly<Record<CapexMethod, Preset>> = {
  'towler-sinnott': {
    method: 'towler-sinnott',
    label: 'Towler & Sinnott factors (EverBatt 2023)',
    source: EB23,
    capital: [
      cap('erection', 'equipment erection', 0.5, 'PEC', EB23),
      cap('piping', 'piping', 0.6, 'PEC', EB23),
      cap('instrumentation', 'instrumentation and control', 0.3, 'PEC', EB23),
      cap('electrical', 'electrical', 0.2, 'PEC', EB23),
      cap('civil', 'civil', 0.3, 'PEC', EB23),
      cap('structures', 'structures and buildings', 0.2, 'PEC', EB23),
      cap('lagging', 'lagging and paint', 0.1, 'PEC', EB23),
      cap('osbl', 'offsite (OSBL)', 0.4, 'ISBL', EB23),
      cap('design-engineering', 'design and engineering', 0.25, 'ISBL + OSBL', EB23),
      cap('contingency', 'contingency', 0.1, 'ISBL + OSBL', EB23),
      cap('wc-ccop-weeks', 'working capital: cash cost of production', 7, 'weeks of cash cost of production', EB23, 'weeks'),
      cap('wc-materials-weeks', 'working capital: less materials', 2, 'weeks of materials (feed + reagents), subtracted', EB23, 'weeks'),
      cap('wc-isbl-osbl', 'working capital: share of ISBL + OSBL', 0.02, 'ISBL + OSBL', EB23),
    ],
    operating: [
      op('consumables', 'consumables', 0.03, 'materials', EB23, true),
      op('packaging', 'packaging and shipping', 0.02, 'materials', EB23, true),
      op('supervision', 'supervision', 0.25, 'labour', EB23),
      op('salary-overhead', 'direct salary overhead', 0.5, 'labour+supervision', `${EB23}; basis labour + supervision as in Towler & Sinnott [MEMORY]`),
      op('maintenance', 'maintenance', 0.05, 'isbl', EB23),
      op('tax-insurance', 'property tax and insurance', 0.01, 'isbl', `${EB23}; basis ISBL as in Towler & Sinnott [MEMORY]`),
      op('rent', 'rent of land', 0.02, 'isbl+osbl', `${EB23}; basis ISBL + OSBL as in Towler & Sinnott [MEMORY]`),
      op('environmental', 'environmental charges', 0.01, 'isbl+osbl', `${EB23}; basis ISBL + OSBL as in Towler & Sinnott [MEMORY]`),
      op('general-admin', 'general and administrative', 0.65, 'labour', `${EB23} ("G&A 65 % of labour")`),
      op('research', 'research and development', 0.01, 'revenue', EB23, true),
      op('selling', 'selling and marketing', 0.01, 'cash-cost', `${EB23} ("1 % of TCOP"; here of the cash cost of production)`, true),
      op('royalties', 'royalties', 0.01, 'cash-cost', `${EB23} ("1 % of TCOP"; here of the cash cost of production)`, true),
    ],
    excluded: [
      'interest on working capital 6 % (EverBatt 2023): the discount rate charges capital',
      'capital annualised at 10 % over 10 years (EverBatt 2023): replaced by the discounted cash flow',
    ],
  },
  peters: {
    method: 'peters',
    label: 'Peters & Timmerhaus style factors (EverBatt 2019 Table 15)',
    source: EB19,
    capital: [
      cap('installation', 'installation', 0.4, 'PEC', EB19),
      cap('instrumentation', 'instrumentation and controls', 0.2, 'PEC', EB19),
      cap('piping', 'piping', 0.2, 'PEC', EB19),
      cap('electrical', 'electrical systems', 0.1, 'PEC', EB19),
      cap('buildings', 'buildings', 0.25, 'PEC', EB19),
      cap('service-facilities', 'service facilities', 0.6, 'PEC', EB19),
      cap('land', 'land (not depreciated; recovered at the end)', 0.08, 'PEC', EB19),
      cap('engineering', 'engineering and supervision', 0.1, 'direct cost', EB19),
      cap('construction', 'construction expenses', 0.1, 'direct cost', EB19),
      cap('contingency', 'contingency', 0.05, 'fixed capital (self-consistent)', EB19),
      cap('working-capital', 'working capital', 0.1, 'total capital investment (self-consistent)', EB19),
    ],
    operating: [
      op('supervision', 'supervision', 0.15, 'labour', EB19),
      op('maintenance', 'maintenance', 0.05, 'fci', EB19),
      op('operating-supplies', 'operating supplies', 0.15, 'maintenance', EB19),
      op('laboratory', 'laboratory charges', 0.1, 'labour', EB19),
      op('local-taxes', 'local taxes', 0.04, 'fci', EB19),
      op('insurance', 'insurance', 0.01, 'fci', EB19),
      op('rent', 'rent', 0.05, 'buildings+land', EB19),
      op('plant-overhead', 'plant overhead', 0.5, 'labour+supervision+maintenance', EB19),
      op('administration', 'administration', 0.15, 'labour+supervision+maintenance', EB19),
      op('royalties', 'royalties', 0.01, 'cash-cost', `${EB19} ("royalties 1 %"; basis not stated — assumption: of the cash cost of production)`, true),
      op('distribution-selling', 'distribution and selling', 0.06, 'cash-cost', `${EB19} ("6 % of total product cost"; here of the cash cost of production)`, true),
      op('research', 'research and development', 0.05, 'cash-cost', `${EB19} ("5 % of total product cost"; here of the cash cost of production)`, true),
    ],
    excluded: [
      'financing 5 % of TCI (EverBatt 2019): the discount rate charges capital',
      'optional profit 5 % of TCI (EverBatt 2019): profit is what the cash flow measures',
      'depreciation (FCI − land)/life: in the cash flow, for tax',
    ],
  },
  lang: {
    method: 'lang',
    label: 'Lang factor',
    source: 'Lang (1948) as tabulated in Towler & Sinnott [MEMORY]; NREL defaults (REFERENCE.md 4.2)',
    capital: [
      cap('lang', 'Lang factor (fixed capital / purchased equipment)', 3.63, 'PEC', 'Lang (1948): 3.10 solids, 3.63 fluid–solids, 4.74 fluids processing plants, as tabulated in Towler & Sinnott [MEMORY]; fluid–solids chosen for slurry/powder regeneration', 'ratio'),
      cap('working-capital', 'working capital', 0.05, 'fixed capital', NREL),
    ],
    operating: [
      op('maintenance', 'maintenance', 0.03, 'fci', NREL),
      op('insurance', 'insurance', 0.007, 'fci', NREL),
      op('labour-burden', 'labour burden (supervision, overhead)', 0.9, 'labour', 'NREL 2011 cellulosic-ethanol design report: labour burden 90 % [MEMORY]'),
    ],
    excluded: ['financing: the discount rate charges capital'],
  },
};

/** Resolved finance inputs. */
export interface ResolvedFinance {
  capexMethod: CapexMethod;
  presetLabel: string;
  discountRate: number;
  taxRate: number;
  lifeYears: number;
  construction: number[];
  rampUp: number[];
  depreciation: DepreciationMethod;
  depreciationYears: number;
  salvageFraction: number;
  workingCapitalOfFci: number | null;
  losses: LossRule;
  operatingDaysPerYear: number;
  shiftLengthH: number;
  cepci: Record<number, number>;
  capitalFactors: FactorRow[];
  operatingFactors: OperatingFactorRow[];
  excluded: string[];
  /** Source of each default-able field. */
  sources: Record<string, string>;
}

const NOWHERE: Locator = { file: '', locate: () => undefined };

function sourcesOf(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(financeSchema.shape as Record<string, z.ZodType>)) {
    const m = s.meta() as { source?: string } | undefined;
    if (m?.source) out[k] = m.source;
  }
  return out;
}

let SOURCES: Readonly<Record<string, string>> | undefined;

/**
 * Validate the scenario's `finance` section (absent = every default) and resolve the factor preset
 * of its capexMethod with the overrides of `factors`. Throws a RegenflowError listing every problem.
 * `parsed` is `raw` already validated with financeSchema (a patched section re-validated
 * incrementally); it is not parsed again.
 */
export function resolveFinance(raw: unknown, place: { where?: Locator; at?: (string | number)[] } = {}, parsed?: FinanceSection): ResolvedFinance {
  const where = place.where ?? NOWHERE;
  const at = place.at ?? ['finance'];
  const data = raw ?? {};
  let f = parsed;
  if (!f) {
    const r = financeSchema.safeParse(data);
    if (!r.success) throw inputErrors(toInputIssues(r.error.issues, financeSchema, data, where, at));
    f = r.data;
  }
  const preset = PRESETS[f.capexMethod];
  const issues: InputIssue[] = [];
  const overrides = new Map<string, number>();
  const given = Object.entries(f.factors);
  const known = given.length === 0 ? [] : [...preset.capital.map((c) => c.id), ...preset.operating.map((o) => o.id)];
  for (const [id, v] of given) {
    const path = [...at, 'factors', id];
    const loc = where.locate(path);
    const placeOf = { ...(where.file ? { file: where.file } : {}), path: formatPath(path), ...(loc ? { line: loc.line, column: loc.column } : {}) };
    if (!known.includes(id)) {
      issues.push({ code: 'unknown-factor', message: msg.unknownFactor(id, f.capexMethod, known), ...placeOf });
      continue;
    }
    const spec = [...preset.capital, ...preset.operating].find((s) => s.id === id);
    const q = readQuantity(v, '', { description: id, min: 0, max: spec?.unit === 'weeks' ? FACTOR_MAX.weeks : FACTOR_MAX.plain });
    if ('error' in q) {
      issues.push({ code: 'invalid-factor', message: msg.factorInvalid(id, v, q.error), ...placeOf });
      continue;
    }
    if ((id === 'contingency' || id === 'working-capital') && f.capexMethod === 'peters' && q.value >= 1) {
      issues.push({ code: 'invalid-factor', message: msg.factorInvalid(id, v, 'a share of the total it is part of must be below 1'), ...placeOf });
      continue;
    }
    overrides.set(id, q.value);
  }
  const cash = overrides.size === 0 ? defaultCashShare(f.capexMethod) : cashShare(preset, overrides);
  if (cash >= 1) issues.push({ code: 'invalid-factor', message: msg.factorInvalid('cash-cost factors', cash, 'the factors on the cash cost of production must sum to less than 1'), path: formatPath([...at, 'factors']) });
  if (issues.length) throw inputErrors(issues);
  const factors = overrides.size === 0 ? defaultFactorRows(f.capexMethod) : factorRows(preset, overrides);
  const cepci: Record<number, number> = {};
  for (const y in f.cepci) cepci[Number(y)] = f.cepci[y as unknown as number]!;
  SOURCES ??= Object.freeze(sourcesOf());
  return {
    capexMethod: f.capexMethod,
    presetLabel: preset.label,
    discountRate: f.discountRate,
    taxRate: f.taxRate,
    lifeYears: f.life,
    construction: f.construction,
    rampUp: f.rampUp,
    depreciation: f.depreciation,
    depreciationYears: f.depreciationPeriod ?? f.life,
    salvageFraction: f.salvage,
    workingCapitalOfFci: f.workingCapitalOfFci ?? null,
    losses: f.losses,
    operatingDaysPerYear: f.operatingDays,
    shiftLengthH: f.shiftLength,
    cepci,
    capitalFactors: factors.capital,
    operatingFactors: factors.operating,
    excluded: preset.excluded,
    // Shared by every resolution (frozen: resolved finance is read only).
    sources: SOURCES,
  };
}

/** Section fields resolveFinance copies into its result as they are parsed: section key → resolved field. */
const COPIED_FIELDS: Readonly<Record<string, keyof ResolvedFinance>> = {
  discountRate: 'discountRate',
  taxRate: 'taxRate',
  salvage: 'salvageFraction',
  losses: 'losses',
  operatingDays: 'operatingDaysPerYear',
  shiftLength: 'shiftLengthH',
};

/**
 * resolveFinance of a parsed section that differs from the one `base` was resolved from in the
 * field `key` alone: `base` with that field replaced, when resolveFinance copies it as it is (every
 * other field is worked out from the same values; a Monte Carlo sample varies the discount rate).
 * Undefined for another field. Shares base's records and rows (resolved finance is read only).
 */
export function resolveFinanceChanged(base: ResolvedFinance, key: string, parsed: FinanceSection): ResolvedFinance | undefined {
  const field = Object.hasOwn(COPIED_FIELDS, key) ? COPIED_FIELDS[key]! : undefined;
  if (field === undefined) return undefined;
  const out: ResolvedFinance = { ...base };
  (out as unknown as Record<string, unknown>)[field] = parsed[key as keyof FinanceSection];
  return out;
}

/** Σ of the factors on the cash cost of production, overrides applied. */
function cashShare(preset: Preset, overrides: ReadonlyMap<string, number>): number {
  return preset.operating.filter((o) => o.basis === 'cash-cost').reduce((a, o) => a + (overrides.get(o.id) ?? o.value), 0);
}

const DEFAULT_CASH_SHARE = new Map<CapexMethod, number>();

/** cashShare without overrides, once per method. */
function defaultCashShare(method: CapexMethod): number {
  let v = DEFAULT_CASH_SHARE.get(method);
  if (v === undefined) DEFAULT_CASH_SHARE.set(method, (v = cashShare(PRESETS[method], new Map())));
  return v;
}

/** A preset's factor rows with the overrides applied. */
function factorRows(preset: Preset, overrides: ReadonlyMap<string, number>): { capital: FactorRow[]; operating: OperatingFactorRow[] } {
  const row = <T extends FactorSpec>(s: T) => ({ ...s, value: overrides.get(s.id) ?? s.value, defaultValue: s.value, overridden: overrides.has(s.id) });
  return { capital: preset.capital.map(row), operating: preset.operating.map(row) as OperatingFactorRow[] };
}

const DEFAULT_ROWS = new Map<CapexMethod, ReturnType<typeof factorRows>>();

/**
 * A preset's rows without overrides, built once per method and shared by every resolution (a
 * Monte Carlo sample that varies the discount rate resolves its finance section each time).
 * Resolved finance is read-only.
 */
function defaultFactorRows(method: CapexMethod): ReturnType<typeof factorRows> {
  let rows = DEFAULT_ROWS.get(method);
  if (!rows) DEFAULT_ROWS.set(method, (rows = factorRows(PRESETS[method], new Map())));
  return rows;
}

/** The value of a capital factor by id (internal: the preset defines it). */
export function capitalFactor(f: ResolvedFinance, id: string): number {
  const r = f.capitalFactors.find((c) => c.id === id);
  if (!r) throw new Error(`internal: capital factor "${id}" is not in preset ${f.capexMethod}`);
  return r.value;
}
