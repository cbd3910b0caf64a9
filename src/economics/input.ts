/**
 * What the economics need from a solved and designed flowsheet (the lead's pipeline fills it):
 * yearly flows at full output, equipment with cost correlations, labour, utilities, products,
 * by-products, wastes and emissions. Everything is per year of full operation, in kg, kWh and
 * items; money comes from the price set.
 */
import type { CostCorrelation } from '../unit-ops/contract.js';
import { RegenflowError, type InputIssue } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { MaterialGrade } from './market.js';

/** Inputs of economics(). */
export interface EconomicsInput {
  region: 'US' | 'CN' | 'EU' | 'KR' | 'CA';
  operatingHoursPerYear: number;
  feedKgPerYear: number;
  feedBasis: 'cathode-scrap' | 'black-mass' | 'cam-powder';
  feedLots: {
    id: string;
    chemistry: string;
    family: 'layered' | 'spinel' | 'olivine';
    scrapKgPerYear: number;
    camKgPerYear: number;
    elementsKgPerYear: Record<string, number>;
    /** Market grade of the lot as delivered (market.ts gradeOf; default: the feed basis). */
    grade?: MaterialGrade;
    /** The part of the lot's CAM already in spec at entry (judged against the product spec), if any. */
    inSpecAtEntry?: { camKgPerYear: number; elementsKgPerYear: Record<string, number> };
  }[];
  equipment: { unitId: string; name: string; size: number; sizeUnit: string; count: number; cost: CostCorrelation }[];
  /** Operators per shift, whole plant. */
  operatorsPerShift: number;
  /**
   * Labour hours worked out with the plant's shifts (design/shifts.ts): shift hours of the crew
   * plus the minimum crew through unstaffed hours. Absent: every operating hour is staffed by
   * operatorsPerShift (economics/opex.ts labourDetail).
   */
  labour?: {
    shiftsPerDay: number;
    shiftLengthH: number;
    operatingDaysPerYear: number;
    operatorHoursPerYear: number;
    unstaffedOperatorHoursPerYear: number;
    unstaffedHoursPerYear: number;
    minimumCrew: number;
  };
  electricityKwhPerYear: number;
  heatKwhPerYear: { 'natural-gas': number; steam: number };
  /** Fresh draws by registry component id (e.g. "LiOH·H2O", "H2O", "O2", "KOH", "NMP"). */
  reagentsKgPerYear: Record<string, number>;
  /** Consumable items per year, e.g. { saggar: 1234 }. */
  consumablesPerYear: Record<string, number>;
  products: {
    /**
     * Regenerated CAM in spec, by chemistry name (NCM523, NCM811…); `capacityRatio`: its mass-weighted
     * predicted 0.1 C capacity ÷ the virgin capacity of the chemistry, each lot counted at most 1
     * (issue 11; absent = 1).
     */
    inSpec: { chemistry: string; kgPerYear: number; capacityRatio?: number }[];
    /**
     * Off-spec CAM sold back to refiners, by chemistry, by the grade of the parcel it leaves in
     * (default cam-powder) and — when it comes from one feed lot — that lot's id.
     */
    offSpec: { chemistry: string; kgPerYear: number; elementsKgPerYear: Record<string, number>; grade?: MaterialGrade; origin?: string | null }[];
  };
  /** Component id → kg/yr sold as scrap (Al, Cu, graphite…). */
  byproductsKgPerYear: Record<string, number>;
  /** Solids and sludge to landfill or treatment, kg/yr. */
  wasteKgPerYear: number;
  /** Aqueous effluent, kg/yr. */
  wastewaterKgPerYear: number;
  /** Component id → kg/yr to air (CO2 from binder burn-off and carbonate decomposition is process GHG). */
  emissionsKgPerYear: Record<string, number>;
}

const finiteNonNegative = (v: number) => Number.isFinite(v) && v >= 0;

function recordValid(rec: Readonly<Record<string, number>>): boolean {
  for (const k in rec) if (!finiteNonNegative(rec[k]!)) return false;
  return true;
}

/**
 * True when every flow checkEconomicsInput checks is finite and ≥ 0: the common case, told in
 * plain loops (no per-field message closures; every Monte Carlo sample asks).
 */
function flowsValid(input: EconomicsInput): boolean {
  if (!finiteNonNegative(input.electricityKwhPerYear) || !finiteNonNegative(input.heatKwhPerYear['natural-gas']) || !finiteNonNegative(input.heatKwhPerYear.steam)) return false;
  if (!finiteNonNegative(input.operatorsPerShift) || (input.labour && !finiteNonNegative(input.labour.operatorHoursPerYear))) return false;
  if (!finiteNonNegative(input.wasteKgPerYear) || !finiteNonNegative(input.wastewaterKgPerYear)) return false;
  if (!recordValid(input.reagentsKgPerYear) || !recordValid(input.consumablesPerYear) || !recordValid(input.byproductsKgPerYear) || !recordValid(input.emissionsKgPerYear)) return false;
  // Indexed, not for…of: an iterator and a result object per item in the baseline tiers.
  const inSpec = input.products.inSpec;
  for (let i = 0; i < inSpec.length; i++) if (!finiteNonNegative(inSpec[i]!.kgPerYear)) return false;
  const offSpec = input.products.offSpec;
  for (let i = 0; i < offSpec.length; i++) if (!finiteNonNegative(offSpec[i]!.kgPerYear)) return false;
  const equipment = input.equipment;
  for (let i = 0; i < equipment.length; i++) if (!finiteNonNegative(equipment[i]!.size) || !finiteNonNegative(equipment[i]!.count)) return false;
  const lots = input.feedLots;
  for (let i = 0; i < lots.length; i++) if (!finiteNonNegative(lots[i]!.scrapKgPerYear)) return false;
  return true;
}

/**
 * Check the inputs: zero (or negative) operating hours or feed is an input error with the
 * catalogue message; a non-finite or negative flow is a model failure naming the field.
 */
export function checkEconomicsInput(input: EconomicsInput): void {
  // A plant with hours and feed and finite flows (every Monte Carlo sample) makes no list.
  if (input.operatingHoursPerYear > 0 && input.feedKgPerYear > 0 && flowsValid(input)) return;
  const issues: InputIssue[] = [];
  if (!(input.operatingHoursPerYear > 0)) issues.push({ code: 'capacity-zero', message: msg.capacityZero('operating hours'), path: 'plant.operatingHours' });
  if (!(input.feedKgPerYear > 0)) issues.push({ code: 'capacity-zero', message: msg.capacityZero('feed throughput'), path: 'plant.capacity' });
  if (issues.length) throw new RegenflowError('capacity-zero', issues[0]!.message, { issues });
  if (flowsValid(input)) return;
  const bad: string[] = [];
  const check = (v: number, where: () => string) => { if (!finiteNonNegative(v)) bad.push(`${where()} = ${v}`); };
  const checkAll = (rec: Record<string, number>, name: string) => { for (const k in rec) check(rec[k]!, () => `${name}.${k}`); };
  check(input.electricityKwhPerYear, () => 'electricityKwhPerYear');
  check(input.heatKwhPerYear['natural-gas'], () => 'heatKwhPerYear.natural-gas');
  check(input.heatKwhPerYear.steam, () => 'heatKwhPerYear.steam');
  check(input.operatorsPerShift, () => 'operatorsPerShift');
  if (input.labour) check(input.labour.operatorHoursPerYear, () => 'labour.operatorHoursPerYear');
  check(input.wasteKgPerYear, () => 'wasteKgPerYear');
  check(input.wastewaterKgPerYear, () => 'wastewaterKgPerYear');
  checkAll(input.reagentsKgPerYear, 'reagentsKgPerYear');
  checkAll(input.consumablesPerYear, 'consumablesPerYear');
  checkAll(input.byproductsKgPerYear, 'byproductsKgPerYear');
  checkAll(input.emissionsKgPerYear, 'emissionsKgPerYear');
  for (const p of input.products.inSpec) check(p.kgPerYear, () => `products.inSpec[${p.chemistry}]`);
  for (const p of input.products.offSpec) check(p.kgPerYear, () => `products.offSpec[${p.chemistry}]`);
  for (const e of input.equipment) {
    check(e.size, () => `equipment[${e.unitId}.${e.name}].size`);
    check(e.count, () => `equipment[${e.unitId}.${e.name}].count`);
  }
  for (const l of input.feedLots) check(l.scrapKgPerYear, () => `feedLots[${l.id}].scrapKgPerYear`);
  if (bad.length) throw new RegenflowError('economics-input', msg.economicsBadFlows(bad), { exitCode: 2 });
}
