/**
 * Capital cost: purchased equipment from each item's correlation, escalated with CEPCI, then the
 * factor preset of finance.capexMethod up to the fixed capital investment (FCI). Every line is
 * cent-rounded and every subtotal is the exact decimal sum of its lines.
 *
 * Purchase cost of an item (USD of the set's CEPCI year):
 *   C = (C_ref·(S/S_ref)^n + C_fixed) · F_material · CEPCI(set year)/CEPCI(ref year) · count · F_region
 * (C_ref·(S/S_ref)^n + C_fixed)·F_material is unit-ops/data/equipment.ts purchaseCostUsd.
 */
import type { CostCorrelation, Diagnostic } from '../unit-ops/contract.js';
import { msg } from '../schema/messages.js';
import type { InputIssue } from '../schema/errors.js';
import { cepciOf, cepciSource, CEPCI_YEARS } from './cepci.js';
import { itemCostOf } from './item-costs.js';
import { amountsOf, cents, sumUsd, sumUsd2, sumUsd3 } from './money.js';
import { capitalFactor, type ResolvedFinance } from './finance.js';
import type { EconomicsInput } from './input.js';

/** One equipment line: the correlation's arithmetic laid out for audit (and workbook formulas). */
export interface EquipmentCostRow {
  unitId: string;
  name: string;
  size: number;
  sizeUnit: string;
  count: number;
  refCostUsd: number;
  refSize: number;
  exponent: number;
  fixedCostUsd: number;
  materialFactor: number;
  /** One item, USD of the correlation's CEPCI year, material included. */
  itemCostRefYearUsd: number;
  cepciRefYear: number;
  cepciRef: number;
  cepciYear: number;
  cepci: number;
  /** CEPCI(year) / CEPCI(ref year). */
  escalation: number;
  regionalFactor: number;
  /** All `count` items, escalated and regionally adjusted, cent-rounded. */
  purchaseCostUsd: number;
  installationFactor: number;
  /** purchaseCostUsd × installationFactor (reported; the presets apply their own factors). */
  installedCostUsd: number;
  minSize: number;
  maxSize: number;
  inRange: boolean;
  source: string;
}

/** A line of the capital build-up. */
export interface CapitalLine {
  id: string;
  label: string;
  /** Factor applied (null for purchased equipment itself). */
  factor: number | null;
  /** What the factor multiplies. */
  basis: string;
  /** Value of the basis the factor was applied to, USD. */
  basisUsd: number | null;
  usd: number;
  source: string;
}

/** Capital cost result. FCI = Σ lines (exactly). */
export interface CapexResult {
  method: ResolvedFinance['capexMethod'];
  cepciYear: number;
  equipment: EquipmentCostRow[];
  purchasedEquipmentUsd: number;
  lines: CapitalLine[];
  /** Named subtotals of the method (direct cost, ISBL, OSBL, …). */
  subtotals: Record<string, number>;
  fixedCapitalUsd: number;
  landUsd: number;
  buildingsUsd: number;
  /** ISBL and OSBL (Towler–Sinnott); for the other methods ISBL = FCI − land and OSBL = 0. */
  isblUsd: number;
  osblUsd: number;
  /** Fixed capital less land. */
  depreciableCapitalUsd: number;
  /** = fixedCapitalUsd (working capital is reported apart, see workingCapital). */
  totalUsd: number;
}

/** Purchased-equipment rows and their diagnostics; unknown CEPCI years are input issues. */
export function equipmentCosts(items: EconomicsInput['equipment'], cepciYear: number, regionalFactor: number, finance: ResolvedFinance, issues: InputIssue[], diagnostics: Diagnostic[]): EquipmentCostRow[] {
  const rows: EquipmentCostRow[] = [];
  purchaseCosts(items, cepciYear, regionalFactor, finance, issues, diagnostics, rows);
  return rows;
}

/**
 * The purchase cost of each item (all its count, escalated, regionally adjusted, cent-rounded),
 * with equipmentCosts' diagnostics and issues, and its rows pushed to `rows` when given: a Monte
 * Carlo sample reads only the costs (rows of 25 fields were ≈ 6 KB per sample).
 */
export function purchaseCosts(items: EconomicsInput['equipment'], cepciYear: number, regionalFactor: number, finance: ResolvedFinance, issues: InputIssue[], diagnostics: Diagnostic[], rows?: EquipmentCostRow[]): number[] {
  const target = cepciOf(cepciYear, finance.cepci);
  // Years without a CEPCI, in order of first need (made only when one is missing: rarely).
  let missing: Set<number> | undefined;
  if (target === undefined) (missing ??= new Set()).add(cepciYear);
  const costs: number[] = [];
  // The CEPCI of the previous item's year, looked up again only when the year changes (the items
  // of a plant share a few correlation years; a table lookup per item was per sample).
  let refYear = NaN;
  let ref: number | undefined;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const c: CostCorrelation = it.cost;
    if (c.cepciYear !== refYear) {
      refYear = c.cepciYear;
      ref = cepciOf(refYear, finance.cepci);
    }
    if (ref === undefined) (missing ??= new Set()).add(c.cepciYear);
    const itemCost = itemCostOf(i, c, it.size);
    const escalation = ref !== undefined && target !== undefined ? target / ref : 1;
    const purchase = cents(itemCost * escalation * it.count * regionalFactor);
    const inRange = it.size >= c.minSize && it.size <= c.maxSize;
    if (!inRange && it.count > 0) {
      diagnostics.push({ code: 'size-out-of-range', severity: 'warning', where: `${it.unitId}.${it.name}`, message: msg.sizeOutOfRange(it.size, it.sizeUnit, c.minSize, c.maxSize, c.source) });
    }
    costs.push(purchase);
    // Rounded without a row too: a sample fails where a described run would.
    const installed = cents(purchase * c.installationFactor);
    if (rows === undefined) continue;
    rows.push({
      unitId: it.unitId,
      name: it.name,
      size: it.size,
      sizeUnit: it.sizeUnit,
      count: it.count,
      refCostUsd: c.refCostUsd,
      refSize: c.refSize,
      exponent: c.exponent,
      fixedCostUsd: c.fixedCostUsd ?? 0,
      materialFactor: c.materialFactor ?? 1,
      itemCostRefYearUsd: itemCost,
      cepciRefYear: c.cepciYear,
      cepciRef: ref ?? NaN,
      cepciYear,
      cepci: target ?? NaN,
      escalation,
      regionalFactor,
      purchaseCostUsd: purchase,
      installationFactor: c.installationFactor,
      installedCostUsd: installed,
      minSize: c.minSize,
      maxSize: c.maxSize,
      inRange,
      source: c.source,
    });
  }
  if (missing) for (const y of missing) issues.push({ code: 'cepci-missing', message: msg.cepciMissing(y, CEPCI_YEARS), path: 'finance.cepci' });
  return costs;
}

/**
 * The index of each capital factor id in a list (the first of each id, as find() gives), made once
 * per list: a Monte Carlo sample keeps its finance preset's list (a patch copies only what it
 * changes). Every lookup checks the row still has its id (a list changed in place is indexed again).
 */
const FACTOR_INDEX = new WeakMap<ResolvedFinance['capitalFactors'], Map<string, number>>();

function indexFactors(factors: ResolvedFinance['capitalFactors']): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < factors.length; i++) if (!index.has(factors[i]!.id)) index.set(factors[i]!.id, i);
  FACTOR_INDEX.set(factors, index);
  return index;
}

/** The capital factor row of `id` (undefined when the list has none). */
function factorRow(factors: ResolvedFinance['capitalFactors'], id: string): ResolvedFinance['capitalFactors'][number] | undefined {
  const i = (FACTOR_INDEX.get(factors) ?? indexFactors(factors)).get(id);
  const row = i === undefined ? undefined : factors[i];
  if (row !== undefined && row.id === id) return row;
  // Not indexed (or moved): look again in a fresh index.
  const j = indexFactors(factors).get(id);
  return j === undefined ? undefined : factors[j];
}

/** capitalFactor through the rows by id (the minimum-selling-price solve asks at every trial price). */
function factorValue(finance: ResolvedFinance, id: string): number {
  const r = factorRow(finance.capitalFactors, id);
  return r ? r.value : capitalFactor(finance, id);
}

/**
 * The source text of the purchased-equipment line by year, one per whether the scenario's
 * finance.cepci gives the year (its text then names the scenario, else the table's source): made
 * once, not per sample (finance.cepci is a new record in every resolved finance).
 */
const EQUIPMENT_SOURCE = [new Map<number, string>(), new Map<number, string>()] as const;

function equipmentSource(cepciYear: number, extra: Readonly<Record<number, number>>): string {
  const byYear = EQUIPMENT_SOURCE[extra[cepciYear] !== undefined ? 1 : 0];
  let text = byYear.get(cepciYear);
  if (text === undefined) byYear.set(cepciYear, (text = `${cepciSource(cepciYear, extra)} (CEPCI ${cepciYear})`));
  return text;
}

/** The fixed capital investment from the purchased equipment cost by the finance preset. */
export function capitalBuildUp(equipment: EquipmentCostRow[], cepciYear: number, finance: ResolvedFinance): CapexResult {
  return buildUp(amountsOf(equipment, (e) => e.purchaseCostUsd), cepciYear, finance, equipment);
}

/**
 * capitalBuildUp of a sample, from the purchase costs (purchaseCosts of `items`): the same numbers,
 * but the equipment rows, capital lines and subtotals made only when read (SampleCapex).
 */
export function sampleCapitalBuildUp(costs: readonly number[], items: EconomicsInput['equipment'], regionalFactor: number, cepciYear: number, finance: ResolvedFinance): CapexResult {
  const source: CapexSource = { items, regionalFactor };
  const at = lineRowsOf(finance);
  if (at === undefined) return buildUp(costs, cepciYear, finance, undefined, source);
  const rows = finance.capitalFactors;
  const pec = sumUsd(costs);
  let fci: number;
  let land = 0;
  let buildings = 0;
  let isbl: number;
  let osbl = 0;
  switch (finance.capexMethod) {
    case 'towler-sinnott': {
      const parts = TS_PARTS;
      parts[0] = pec;
      for (let i = 0; i < TS_ISBL.length; i++) {
        const usd = cents(pec * rows[at[i]!]!.value);
        parts[i + 1] = usd;
        if (TS_ISBL[i] === 'structures') buildings = usd;
      }
      isbl = sumUsd(parts);
      osbl = cents(isbl * rows[at[TS_ISBL.length]!]!.value);
      const io = sumUsd2(isbl, osbl);
      const de = cents(io * rows[at[TS_ISBL.length + 1]!]!.value);
      const cont = cents(io * rows[at[TS_ISBL.length + 2]!]!.value);
      fci = sumUsd3(io, de, cont);
      break;
    }
    case 'peters': {
      const parts = PETERS_PARTS;
      parts[0] = pec;
      for (let i = 0; i < PETERS_DIRECT.length; i++) {
        const id = PETERS_DIRECT[i]!;
        const usd = cents(pec * rows[at[i]!]!.value);
        parts[i + 1] = usd;
        if (id === 'land') land = usd;
        else if (id === 'buildings') buildings = usd;
      }
      const dc = sumUsd(parts);
      const eng = cents(dc * rows[at[PETERS_DIRECT.length]!]!.value);
      const con = cents(dc * rows[at[PETERS_DIRECT.length + 1]!]!.value);
      const ic = sumUsd2(eng, con);
      const dcic = sumUsd2(dc, ic);
      const c = rows[at[PETERS_DIRECT.length + 2]!]!.value;
      const contUsd = cents((dcic * c) / (1 - c));
      fci = sumUsd2(dcic, contUsd);
      isbl = sumUsd2(fci, -land);
      break;
    }
    case 'lang': {
      const usd = cents(pec * (rows[at[0]!]!.value - 1));
      fci = sumUsd2(pec, usd);
      isbl = fci;
      break;
    }
  }
  return new SampleCapex(finance.capexMethod, cepciYear, pec, fci, land, buildings, isbl, osbl, sumUsd2(fci, -land), finance, source);
}

/** What a sample's capital rebuilds its rows and lines from when they are read. */
interface CapexSource {
  items: EconomicsInput['equipment'];
  regionalFactor: number;
}

/** The factor lines of the Towler–Sinnott ISBL and the Peters direct cost, on the purchased equipment. */
const TS_ISBL = ['erection', 'piping', 'instrumentation', 'electrical', 'civil', 'structures', 'lagging'];
const PETERS_DIRECT = ['installation', 'instrumentation', 'piping', 'electrical', 'buildings', 'service-facilities', 'land'];

/**
 * The lists of parts a sample's build-up totals (purchased equipment, then the factor lines), one
 * per method for the module: filled and summed within one call (one evaluation at a time; no list
 * escapes), every entry overwritten — each list has exactly its method's count of parts.
 */
const TS_PARTS: number[] = [0, 0, 0, 0, 0, 0, 0, 0];
const PETERS_PARTS: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/** The factor rows buildUp reads, in the order it reads them, by method. */
const LINE_IDS: Readonly<Record<ResolvedFinance['capexMethod'], readonly string[]>> = {
  'towler-sinnott': [...TS_ISBL, 'osbl', 'design-engineering', 'contingency'],
  peters: [...PETERS_DIRECT, 'engineering', 'construction', 'contingency'],
  lang: ['lang'],
};

/** Where the rows of LINE_IDS are in one factor list, for one method (the first of each id, as factorRow finds it). */
interface LineRowsPlan {
  method: ResolvedFinance['capexMethod'];
  index: number[];
}

/**
 * The positions of a method's line rows in a factor list, made once per list: a Monte Carlo sample
 * keeps its preset's list (resolveFinanceChanged shares it), and ten lookups by id per sample were
 * most of the build-up's work.
 */
const LINE_ROWS = new WeakMap<ResolvedFinance['capitalFactors'], LineRowsPlan>();

/**
 * The positions of the finance's method's line rows (LINE_IDS order; the rows factorRow finds), or
 * undefined when one is missing (buildUp then fails as before). Checked at every use: a list
 * changed in place is planned again.
 */
function lineRowsOf(finance: ResolvedFinance): readonly number[] | undefined {
  const factors = finance.capitalFactors;
  const ids = LINE_IDS[finance.capexMethod];
  const plan = LINE_ROWS.get(factors);
  if (plan !== undefined && plan.method === finance.capexMethod && rowsFit(plan.index, factors, ids)) return plan.index;
  const index: number[] = [];
  for (let j = 0; j < ids.length; j++) {
    const i = factors.findIndex((f) => f.id === ids[j]);
    if (i < 0) return undefined;
    index.push(i);
  }
  LINE_ROWS.set(factors, { method: finance.capexMethod, index });
  return index;
}

/** Whether every planned position still holds its id. */
function rowsFit(index: readonly number[], factors: ResolvedFinance['capitalFactors'], ids: readonly string[]): boolean {
  for (let j = 0; j < ids.length; j++) if (factors[index[j]!]?.id !== ids[j]) return false;
  return true;
}

/**
 * The build-up: with `equipment` (described) every line and subtotal, else the numbers alone in a
 * SampleCapex (every amount from the same operations in the same order).
 */
function buildUp(costs: readonly number[], cepciYear: number, finance: ResolvedFinance, equipment: EquipmentCostRow[] | undefined, source?: CapexSource): CapexResult {
  const describe = equipment !== undefined;
  const pec = sumUsd(costs);
  const lines: CapitalLine[] = [];
  if (describe) lines.push({ id: 'purchased-equipment', label: 'purchased equipment', factor: null, basis: 'Σ equipment', basisUsd: null, usd: pec, source: equipmentSource(cepciYear, finance.cepci) });
  const f = (id: string) => factorValue(finance, id);
  const row = (id: string) => factorRow(finance.capitalFactors, id)!;
  // The amount of a factor line (basis × factor, cent-rounded, unless given), its line pushed when described.
  const line = (id: string, basisUsd: number, usd?: number): number => {
    const r = row(id);
    const amount = usd ?? cents(basisUsd * r.value);
    if (describe) lines.push({ id, label: r.label, factor: r.value, basis: r.basis, basisUsd, usd: amount, source: r.source });
    return amount;
  };
  let subtotals: Record<string, number> = {};
  let fci: number;
  let land = 0;
  let buildings = 0;
  let isbl: number;
  let osbl = 0;
  switch (finance.capexMethod) {
    case 'towler-sinnott': {
      const parts = [pec];
      for (let i = 0; i < TS_ISBL.length; i++) {
        const id = TS_ISBL[i]!;
        const usd = line(id, pec);
        parts.push(usd);
        if (id === 'structures') buildings = usd;
      }
      isbl = sumUsd(parts);
      osbl = line('osbl', isbl);
      const io = sumUsd([isbl, osbl]);
      const de = line('design-engineering', io);
      const cont = line('contingency', io);
      fci = sumUsd([io, de, cont]);
      if (describe) subtotals = { purchasedEquipmentUsd: pec, isblUsd: isbl, osblUsd: osbl, isblPlusOsblUsd: io, designEngineeringUsd: de, contingencyUsd: cont };
      break;
    }
    case 'peters': {
      const parts = [pec];
      for (let i = 0; i < PETERS_DIRECT.length; i++) {
        const id = PETERS_DIRECT[i]!;
        const usd = line(id, pec);
        parts.push(usd);
        if (id === 'land') land = usd;
        else if (id === 'buildings') buildings = usd;
      }
      const dc = sumUsd(parts);
      const eng = line('engineering', dc);
      const con = line('construction', dc);
      const ic = sumUsd([eng, con]);
      const dcic = sumUsd([dc, ic]);
      const c = f('contingency');
      const contUsd = cents((dcic * c) / (1 - c));
      const r = row('contingency');
      if (describe) lines.push({ id: 'contingency', label: r.label, factor: r.value, basis: 'direct + indirect cost × c/(1 − c) (contingency = c × FCI)', basisUsd: dcic, usd: contUsd, source: r.source });
      fci = sumUsd([dcic, contUsd]);
      isbl = sumUsd([fci, -land]);
      if (describe) subtotals = { purchasedEquipmentUsd: pec, directCostUsd: dc, indirectCostUsd: ic, contingencyUsd: contUsd };
      break;
    }
    case 'lang': {
      const lang = f('lang');
      const usd = cents(pec * (lang - 1));
      const r = row('lang');
      if (describe) lines.push({ id: 'lang', label: 'installation, piping, buildings, engineering, contingency (Lang factor − 1)', factor: lang - 1, basis: 'PEC × (Lang − 1)', basisUsd: pec, usd, source: r.source });
      fci = sumUsd([pec, usd]);
      isbl = fci;
      if (describe) subtotals = { purchasedEquipmentUsd: pec };
      break;
    }
  }
  const depreciable = sumUsd([fci, -land]);
  if (!describe) return new SampleCapex(finance.capexMethod, cepciYear, pec, fci, land, buildings, isbl, osbl, depreciable, finance, source!);
  subtotals.fixedCapitalUsd = fci;
  return {
    method: finance.capexMethod,
    cepciYear,
    equipment,
    purchasedEquipmentUsd: pec,
    lines,
    subtotals,
    fixedCapitalUsd: fci,
    landUsd: land,
    buildingsUsd: buildings,
    isblUsd: isbl,
    osblUsd: osbl,
    depreciableCapitalUsd: depreciable,
    totalUsd: fci,
  };
}

/**
 * The capital of a sample: the numbers of capitalBuildUp, its equipment rows, lines and subtotals
 * made on first read (a Monte Carlo sample reads the numbers only). Getters of a class: an object
 * literal with a getter takes V8's slow path.
 */
class SampleCapex implements CapexResult {
  private described: CapexResult | undefined;
  readonly totalUsd: number;

  constructor(
    readonly method: ResolvedFinance['capexMethod'],
    readonly cepciYear: number,
    readonly purchasedEquipmentUsd: number,
    readonly fixedCapitalUsd: number,
    readonly landUsd: number,
    readonly buildingsUsd: number,
    readonly isblUsd: number,
    readonly osblUsd: number,
    readonly depreciableCapitalUsd: number,
    private readonly finance: ResolvedFinance,
    private readonly source: CapexSource,
  ) {
    this.totalUsd = fixedCapitalUsd;
  }

  /** capitalBuildUp of the sample's items (the same numbers), made once. */
  private full(): CapexResult {
    const s = this.source;
    return (this.described ??= capitalBuildUp(equipmentCosts(s.items, this.cepciYear, s.regionalFactor, this.finance, [], []), this.cepciYear, this.finance));
  }

  get equipment(): EquipmentCostRow[] {
    return this.full().equipment;
  }

  get lines(): CapitalLine[] {
    return this.full().lines;
  }

  get subtotals(): Record<string, number> {
    return this.full().subtotals;
  }
}

/** The Towler–Sinnott working capital and its parts: weeks of cash cost, less weeks of materials, plus a share of ISBL + OSBL. */
function towlerSinnottWorkingCapital(capex: Pick<CapexResult, 'isblUsd' | 'osblUsd'>, finance: ResolvedFinance, cashCostUsd: number, materialsUsd: number, exact: boolean) {
  const r = exact ? cents : (x: number) => x;
  const wk = factorValue(finance, 'wc-ccop-weeks');
  const wm = factorValue(finance, 'wc-materials-weeks');
  const fi = factorValue(finance, 'wc-isbl-osbl');
  const a = r((cashCostUsd * wk) / 52);
  const b = r((materialsUsd * wm) / 52);
  const c = r((capex.isblUsd + capex.osblUsd) * fi);
  return { wk, wm, fi, a, b, c, usd: exact ? sumUsd3(a, -b, c) : a - b + c };
}

/**
 * The amount of workingCapital without its rule and parts (the minimum-selling-price solve asks
 * for it at every trial price): the same arithmetic, no texts.
 */
export function workingCapitalUsd(capex: Pick<CapexResult, 'fixedCapitalUsd' | 'isblUsd' | 'osblUsd'>, finance: ResolvedFinance, cashCostUsd: number, materialsUsd: number, exact: boolean): number {
  if (finance.workingCapitalOfFci === null && finance.capexMethod === 'towler-sinnott') return towlerSinnottWorkingCapital(capex, finance, cashCostUsd, materialsUsd, exact).usd;
  return workingCapital(capex, finance, cashCostUsd, materialsUsd, exact).usd;
}

/**
 * workingCapitalUsd(capex, finance, cash cost, materialsUsd, false) as a function of the cash cost,
 * for the minimum-selling-price solve (asked at every trial price): the factors and the parts that
 * do not depend on the cash cost are worked out once, the arithmetic is the same.
 */
export function workingCapitalAt(capex: Pick<CapexResult, 'fixedCapitalUsd' | 'isblUsd' | 'osblUsd'>, finance: ResolvedFinance, materialsUsd: number): (cashCostUsd: number) => number {
  if (finance.workingCapitalOfFci === null && finance.capexMethod === 'towler-sinnott') {
    const wk = factorValue(finance, 'wc-ccop-weeks');
    const wm = factorValue(finance, 'wc-materials-weeks');
    const fi = factorValue(finance, 'wc-isbl-osbl');
    const b = (materialsUsd * wm) / 52;
    const c = (capex.isblUsd + capex.osblUsd) * fi;
    return (cashCostUsd) => (cashCostUsd * wk) / 52 - b + c;
  }
  // Every other rule is a share of the fixed capital: no cash cost in it.
  const usd = workingCapital(capex, finance, NaN, materialsUsd, false).usd;
  return () => usd;
}

/** The texts of a Towler–Sinnott working capital, by its three factors. */
interface TowlerSinnottTexts {
  wk: number;
  wm: number;
  fi: number;
  rule: string;
  ccop: string;
  materials: string;
  isbl: string;
}

let lastTowlerSinnottTexts: TowlerSinnottTexts | undefined;

/**
 * The rule and part labels of a Towler–Sinnott working capital: a pure function of the three
 * factors, kept for the last factors (Object.is: every Monte Carlo sample of a study has its
 * preset's) rather than written with three numbers turned into text per sample.
 */
function towlerSinnottTexts(wk: number, wm: number, fi: number): TowlerSinnottTexts {
  const last = lastTowlerSinnottTexts;
  if (last !== undefined && Object.is(last.wk, wk) && Object.is(last.wm, wm) && Object.is(last.fi, fi)) return last;
  return (lastTowlerSinnottTexts = {
    wk,
    wm,
    fi,
    rule: `${wk}/52 × cash cost of production − ${wm}/52 × materials + ${fi} × (ISBL + OSBL)`,
    ccop: `${wk} weeks of cash cost of production`,
    materials: `less ${wm} weeks of materials`,
    isbl: `${fi} × (ISBL + OSBL)`,
  });
}

/** How working capital was computed, with the amount. */
export interface WorkingCapital {
  rule: string;
  usd: number;
  parts: { id: string; label: string; usd: number }[];
}

/**
 * Working capital by the preset's rule (or finance.workingCapitalOfFci when given):
 * towler-sinnott: 7/52 × cash cost of production − 2/52 × materials + 2 % × (ISBL + OSBL);
 * peters: WC = FCI × w/(1 − w) (w of TCI); lang: w × FCI. Plain numbers unless `exact`.
 */
export function workingCapital(capex: Pick<CapexResult, 'fixedCapitalUsd' | 'isblUsd' | 'osblUsd'>, finance: ResolvedFinance, cashCostUsd: number, materialsUsd: number, exact: boolean): WorkingCapital {
  const r = exact ? cents : (x: number) => x;
  const fci = capex.fixedCapitalUsd;
  if (finance.workingCapitalOfFci !== null) {
    const usd = r(fci * finance.workingCapitalOfFci);
    return { rule: `finance.workingCapitalOfFci ${finance.workingCapitalOfFci} × fixed capital`, usd, parts: [{ id: 'fci-share', label: 'share of fixed capital', usd }] };
  }
  switch (finance.capexMethod) {
    case 'towler-sinnott': {
      const { wk, wm, fi, a, b, c, usd } = towlerSinnottWorkingCapital(capex, finance, cashCostUsd, materialsUsd, exact);
      const t = towlerSinnottTexts(wk, wm, fi);
      return {
        rule: t.rule,
        usd,
        parts: [
          { id: 'ccop-weeks', label: t.ccop, usd: a },
          { id: 'materials-weeks', label: t.materials, usd: -b },
          { id: 'isbl-osbl', label: t.isbl, usd: c },
        ],
      };
    }
    case 'peters': {
      const w = capitalFactor(finance, 'working-capital');
      const usd = r((fci * w) / (1 - w));
      return { rule: `fixed capital × ${w}/(1 − ${w}) (working capital = ${w} × total capital investment)`, usd, parts: [{ id: 'tci-share', label: `${w} of total capital investment`, usd }] };
    }
    case 'lang': {
      const w = capitalFactor(finance, 'working-capital');
      const usd = r(fci * w);
      return { rule: `${w} × fixed capital`, usd, parts: [{ id: 'fci-share', label: `${w} of fixed capital`, usd }] };
    }
  }
}
