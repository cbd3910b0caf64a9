/**
 * What design/ computes: the sized (or rated) equipment list, per-unit times and labour, the plant
 * bottleneck and maximum throughput, and the schedule of one campaign. Plain data (JSON-able).
 */
import type { Diagnostic, UnitDesign } from '../unit-ops/contract.js';
import type { DesignRule, SizingMode } from '../schema/design.js';
import type { SizeBasis } from './equipment.js';
import type { LabourPlan } from './shifts.js';

/** A unit as design/ sees it: its id, kind and what its `design()` returned. */
export interface DesignedUnit {
  unitId: string;
  kind: string;
  design: UnitDesign;
}

/**
 * One equipment item of a unit, counted and sized.
 *
 * Utilisations (SuperPro Designer conventions, REFERENCE.md 4.3):
 * - size utilisation = charge per batch / rated charge of one item (continuous: load / capacity);
 * - time utilisation = busy time / operating time of one item (continuous: 1 when loaded);
 * - utilisation (combined) = size × time = load per item / throughput of one item.
 * Sized items (design mode) have every utilisation ≤ 1; rated items (rating mode) may exceed 1,
 * which means the plant cannot run at this throughput with the installed equipment.
 */
export interface EquipmentSizing {
  unitId: string;
  kind: string;
  /** Equipment name as the unit declares it; `<unitId>.<name>` keys fixed counts and sizes. */
  name: string;
  description: string;
  /** design: count and size computed; rating: count fixed in the scenario (size its largest or fixed). */
  mode: 'design' | 'rating';
  operation: 'batch' | 'continuous';
  /** Where the size comes from: a catalogue series, the scenario's standardSizes, a fixed size, or cut to measure. */
  sizeBasis: SizeBasis;
  /** Source of the size series (or of the size). */
  sizeSource: string;
  /** The item runs through unstaffed hours (continuous thermal equipment). */
  roundTheClock: boolean;
  /** Hours a year the item works (staffed hours, or the plant's operating hours when round the clock). */
  operatingHoursPerYear: number;
  sizeUnit: string;
  /** Size of one item, in sizeUnit. */
  size: number;
  count: number;
  loadBasis: string;
  /** Load on the whole equipment group while it works, kg/h (the year's throughput over its own hours). */
  loadKgPerHour: number;
  /** Load the group is designed for: load × margin in design mode, the load itself in rating mode, kg/h. */
  requiredKgPerHour: number;
  /** Throughput of one item at its size, kg/h (batch: rated charge / cycle time). */
  capacityKgPerHour: number;
  /** count × capacityKgPerHour, kg/h. */
  installedCapacityKgPerHour: number;
  /** Rated charge of one item (size × capacity per size), kg per batch; null for continuous items. */
  capacityPerBatchKg: number | null;
  /** Charge actually put in per batch, kg; null for continuous items. */
  chargePerBatchKg: number | null;
  /** Share of the vessel volume a batch fills (size utilisation × maxFill); null for continuous. */
  fill: number | null;
  /** Batch cycle time, h; null for continuous items. */
  cycleTimeH: number | null;
  /** Time between batch starts on one item, h; null for continuous items. */
  batchIntervalH: number | null;
  /** Batches per year on one item; null for continuous items. */
  batchesPerYearPerItem: number | null;
  /** Batches per year on all items of the group; null for continuous items. */
  batchesPerYear: number | null;
  sizeUtilisation: number;
  timeUtilisation: number;
  /** Combined utilisation (the run document's `utilisation`). */
  utilisation: number;
  /** Purchase cost of one item, USD of `cepciYear` (escalated in economics/). */
  purchaseCostUsd: number;
  /** purchaseCostUsd × count. */
  totalPurchaseCostUsd: number;
  cepciYear: number;
  installationFactor: number;
  costSource: string;
  /** Installed power of one item, kW (powerKwPerSize × size), when the unit gives it. */
  installedPowerKw: number | null;
  /** The size needed was below the item's smallest sensible size and was raised to it. */
  sizeClamped: boolean;
  /** The size is outside the cost correlation's valid range (cost extrapolated). */
  outOfRange: boolean;
  /** Back-to-back batches would fill less than minFill; batches run at minFill with idle time. */
  fillLimited: boolean;
}

/** One unit's time and labour. */
export interface UnitSizing {
  unitId: string;
  kind: string;
  mode: 'batch' | 'continuous';
  /** Batch cycle of the unit's main item, h (sum of load … clean); null for continuous units. */
  cycleTimeH: number | null;
  residenceTimeH: number;
  /** Operators per shift the unit's design() asks for (one item). */
  baseOperatorsPerShift: number;
  /** Most parallel items of any of the unit's equipment. */
  parallelItems: number;
  /** baseOperatorsPerShift × (1 + parallelCrewFactor × (parallelItems − 1)); 0 when nothing is installed. */
  operatorsPerShift: number;
  /** Highest combined utilisation of the unit's equipment (0 without equipment). */
  utilisation: number;
  /** Sum of the unit's item purchase costs by CEPCI year, USD of that year. */
  purchaseCostUsdByCepciYear: Record<string, number>;
}

/** One bar of the campaign schedule (the workbook's Gantt sheet reads these). */
export interface ScheduleEntry {
  unitId: string;
  equipment: string;
  /** Parallel item, 1-based. */
  item: number;
  /** Batch on that item, 1-based; 0 for a continuous item's single bar. */
  batch: number;
  startH: number;
  endH: number;
  /** A phase of the batch; absent on the whole-batch bar (and on a continuous bar). */
  phase?: 'load' | 'heat' | 'dwell' | 'cool' | 'unload' | 'clean';
}

/** The campaign schedule: batches staggered over the parallel items, from t = 0 to horizonH. */
export interface CampaignSchedule {
  horizonH: number;
  entries: ScheduleEntry[];
  /** What the schedule leaves out (items or bars beyond its caps), for the reader. */
  notes?: string[];
}

/** The settings that produced a sizing (echoed in the result). */
export interface SizingSettingsEcho {
  rule: DesignRule;
  margin: number;
  minCount: number;
  minFill: number;
  maxFill: number;
  parallelCrewFactor: number;
  sizing: SizingMode;
  fixedCounts: Record<string, number>;
  fixedSizes: Record<string, number>;
  /** Standard size series given by the scenario, in each item's size unit. */
  standardSizes: Record<string, number[]>;
  /** The saved plant design being rated, when `--design` gave one. */
  installedDesignFile: string | null;
}

/** The plant's equipment, counts, utilisation, bottleneck and schedule. */
export interface PlantSizing {
  /** rating when any item has a fixed count, else design. */
  mode: 'design' | 'rating';
  feedKgPerYear: number;
  hoursPerYear: number;
  settings: SizingSettingsEcho;
  equipment: EquipmentSizing[];
  units: UnitSizing[];
  /** Unit whose equipment has the highest combined utilisation; null without loaded equipment. */
  bottleneck: string | null;
  bottleneckEquipment: string | null;
  bottleneckUtilisation: number | null;
  /** Feed throughput at which the bottleneck reaches utilisation 1 with the installed items, kg/yr (0 when an item carrying load is not installed). */
  maxCapacityKgPerYear: number | null;
  operatorsPerShift: number;
  /** Shifts, hours and operator hours a year (shifts.ts). */
  labour: LabourPlan;
  /** Purchase cost of all items by CEPCI year of their correlations, USD of that year. */
  purchaseCostUsdByCepciYear: Record<string, number>;
  schedule: CampaignSchedule;
  diagnostics: Diagnostic[];
}
