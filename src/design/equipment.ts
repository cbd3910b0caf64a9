/**
 * Count and size one equipment item of a unit (DESIGN.md "Design, time and throughput"; SuperPro
 * Designer's design and rating modes, REFERENCE.md 4.3).
 *
 * Throughput of one item of size S: batch S·c/T (c = kg per batch per size unit at the rated,
 * i.e. maximum, working fill; T = cycle time load+heat+dwell+cool+unload+clean), continuous S·c.
 *
 * Design mode (count not fixed): required R = load × margin;
 *   count n = max(minCount, ⌈R / throughput at the largest size⌉)   (0 when there is no load,
 *   i.e. below 1e-9 kg/h);
 *   size S = with a standard size series (the catalogue, unit-ops/data/catalogue.ts, or the
 *   scenario's standardSizes): the smallest standard size that carries R/n — the largest is the
 *   unit's own largest size, always in the series; without one, the size ≥ minSize cut to carry
 *   exactly R/n. A fixed size is kept as given. A need below minSize is installed at the smallest
 *   size with a diagnostic.
 * Rating mode (count fixed): S = the fixed size or the item's largest, n as given, R = load.
 *
 * Hours: an item works `hoursPerYear` (its own: staffed or round-the-clock, shifts.ts); the loads
 * the unit gives are per plant operating hour and are scaled by `loadScale` = plant operating
 * hours / item hours, so the item carries the year's throughput in its own hours.
 *
 * Operation of batch items: the group receives its load continuously and each of the n items runs
 * batches back to back (charge = load/n × T) unless that charge would fill less than minFill of
 * the vessel; then batches are charged at minFill and the item idles between them. The rated
 * charge S·c is taken at maxFill, so the vessel fill of a batch = charge / (S·c) × maxFill.
 *   size utilisation u_s = charge / (S·c); time utilisation u_t = (load/n)·T / charge;
 *   combined u = u_s·u_t = (load/n) / (S·c/T).  In rating mode the charge is capped at S·c and
 *   u_t (hence u) may exceed 1: the items cannot keep up.
 * Purchase cost of one item: the unit's cost correlation at S, USD of its CEPCI year.
 */
import type { CostCorrelation, CycleTime, Diagnostic, EquipmentSpec } from '../unit-ops/contract.js';
import { purchaseCostUsd } from '../unit-ops/data/equipment.js';
import { modelFailure } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { itemKey, type PreparedItem } from './items.js';
import { checksNothing, isEmpty, type DesignSettings } from './settings.js';

/** Fill below which an item raised to its smallest size is a warning rather than information. */
export const PART_EMPTY_WARNING_FILL = 0.5;
import type { EquipmentSizing } from './types.js';

/** Relative tolerance of the count rounding (load × margin landing on a whole number of items). */
const COUNT_EPS = 1e-9;
/** Loads below this, kg/h, are no load (nothing installed): a rounding residue, not a duty. */
export const NO_LOAD_KG_PER_HOUR = 1e-9;

/** Total of a batch cycle, h. */
export function cycleTotalH(c: CycleTime): number {
  return c.loadH + c.heatH + c.dwellH + c.coolH + c.unloadH + c.cleanH;
}

/** Where an item's size comes from. */
export type SizeBasis = 'catalogue' | 'scenario' | 'fixed' | 'continuous';

/** A standard size series of an item (ascending, in the item's size unit). */
export interface SizeSeries {
  sizes: readonly number[];
  basis: 'catalogue' | 'scenario';
  source: string;
}

/** Per-item options of sizeEquipment. */
export interface ItemOptions {
  /** Standard sizes design mode picks from; absent: the size is cut to measure. */
  series?: SizeSeries;
  /** Plant operating hours / the item's own hours (default 1). */
  loadScale?: number;
  /** The item runs through unstaffed hours. */
  roundTheClock?: boolean;
}

/**
 * The sizes design mode may pick for an item: the series within the unit's own range
 * [minSize, maxSize], plus maxSize itself (the unit's largest, standard size). A scenario's own
 * series is used as written.
 */
export function usableSizes(series: SizeSeries, e: Pick<EquipmentSpec, 'minSize' | 'maxSize'>): number[] {
  if (series.basis === 'scenario') return [...series.sizes];
  const inRange = series.sizes.filter((x) => x >= e.minSize * (1 - 1e-12) && x < e.maxSize * (1 - 1e-12));
  return [...inRange, e.maxSize];
}

/** usableSizes by series and size range (a catalogue series serves every sized item of its kind); shared, read only. */
const USABLE = new WeakMap<SizeSeries, Map<number, Map<number, readonly number[]>>>();

function usableSizesCached(series: SizeSeries, e: Pick<EquipmentSpec, 'minSize' | 'maxSize'>): readonly number[] {
  let byMin = USABLE.get(series);
  if (!byMin) USABLE.set(series, (byMin = new Map()));
  let byMax = byMin.get(e.minSize);
  if (!byMax) byMin.set(e.minSize, (byMax = new Map()));
  let sizes = byMax.get(e.maxSize);
  if (!sizes) byMax.set(e.maxSize, (sizes = usableSizes(series, e)));
  return sizes;
}

/**
 * purchaseCostUsd(c, size), kept with the prepared item: a correlation object is never changed
 * (unit-ops/data/equipment.ts; most are shared), so the same object at the same size costs the
 * same — a sample whose item keeps its catalogue size does not take the power again.
 */
function preparedCost(p: PreparedItem, c: CostCorrelation, size: number): number {
  if (p.lastCost === c && Object.is(p.lastSize, size)) return p.lastCostUsd;
  const usd = purchaseCostUsd(c, size);
  p.lastCost = c;
  p.lastSize = size;
  p.lastCostUsd = usd;
  return usd;
}

/**
 * The last sizing of a prepared item made without notes (Monte Carlo samples, sweep points) and
 * every input it was made from: a sample whose item has the same inputs — the units upstream of the
 * one a sample varies (sorting, delamination) see the same flows every sample — is given that
 * sizing object again (sizings are only read once made) instead of a new one of ≈ 40 fields. One
 * per prepared item, its fields overwritten when it is refreshed (not an object per sizing).
 */
export interface SizingMemo {
  unitId: string;
  kind: string;
  name: string;
  mode: EquipmentSpec['mode'];
  given: number;
  capacityPerSize: number;
  minSize: number;
  maxSize: number;
  sizeUnit: string;
  cost: CostCorrelation;
  powerKwPerSize: number | undefined;
  description: string;
  loadBasis: string;
  /** The cycle's total, h (all sizeEquipment reads of a cycle); 0 for a continuous item. */
  cycleH: number;
  hoursPerYear: number;
  settings: DesignSettings;
  fixedSize: number | undefined;
  options: ItemOptions;
  sizing: EquipmentSizing;
}

/** Whether `m` was made from these inputs — a spec's fields as sizeEquipment reads them (once), the cycle's total and the rest (numbers as Object.is reads them: −0 is not 0; objects by identity). */
function sameInputs(
  m: SizingMemo, unitId: string, kind: string, name: string, mode: EquipmentSpec['mode'], given: number, capacityPerSize: number, minSize: number, maxSize: number, sizeUnit: string,
  cost: CostCorrelation, powerKwPerSize: number | undefined, description: string, loadBasis: string, cycleH: number, hoursPerYear: number, settings: DesignSettings,
  fixedSize: number | undefined, options: ItemOptions,
): boolean {
  return Object.is(m.given, given) && Object.is(m.cycleH, cycleH) && m.cost === cost && m.unitId === unitId && m.kind === kind && m.name === name && m.mode === mode
    && Object.is(m.capacityPerSize, capacityPerSize) && Object.is(m.minSize, minSize) && Object.is(m.maxSize, maxSize) && m.sizeUnit === sizeUnit
    && Object.is(m.powerKwPerSize, powerKwPerSize) && m.description === description && m.loadBasis === loadBasis
    && Object.is(m.hoursPerYear, hoursPerYear) && m.settings === settings && Object.is(m.fixedSize, fixedSize) && m.options === options;
}

/** Keep `sizing` in the prepared item's memo with the inputs it was made from (the memo's fields overwritten, or the memo made). */
function remember(
  p: PreparedItem, sizing: EquipmentSizing, unitId: string, kind: string, name: string, mode: EquipmentSpec['mode'], given: number, capacityPerSize: number, minSize: number, maxSize: number, sizeUnit: string,
  cost: CostCorrelation, powerKwPerSize: number | undefined, description: string, loadBasis: string, cycleH: number, hoursPerYear: number, settings: DesignSettings,
  fixedSize: number | undefined, options: ItemOptions,
): void {
  const m = p.memo;
  if (m === undefined) {
    p.memo = { unitId, kind, name, mode, given, capacityPerSize, minSize, maxSize, sizeUnit, cost, powerKwPerSize, description, loadBasis, cycleH, hoursPerYear, settings, fixedSize, options, sizing };
    return;
  }
  m.unitId = unitId;
  m.kind = kind;
  m.name = name;
  m.mode = mode;
  m.given = given;
  m.capacityPerSize = capacityPerSize;
  m.minSize = minSize;
  m.maxSize = maxSize;
  m.sizeUnit = sizeUnit;
  m.cost = cost;
  m.powerKwPerSize = powerKwPerSize;
  m.description = description;
  m.loadBasis = loadBasis;
  m.cycleH = cycleH;
  m.hoursPerYear = hoursPerYear;
  m.settings = settings;
  m.fixedSize = fixedSize;
  m.options = options;
  m.sizing = sizing;
}

/** The first size of the series that carries `need` (within the count tolerance), as find() would; a loop, no closure per item. */
function smallestCarrying(sizes: readonly number[], need: number): number | undefined {
  for (let i = 0; i < sizes.length; i++) if (sizes[i]! >= need * (1 - COUNT_EPS)) return sizes[i]!;
  return undefined;
}

/** Format a size with its unit for messages. */
function sizeText(x: number, unit: string): string {
  return `${Number(x.toPrecision(4))} ${unit}`.trim();
}

/** usableSizes of an item, shared (items.ts preparedItem makes them with it). */
export function usableSizesOf(series: SizeSeries, e: EquipmentSpec): readonly number[] {
  return usableSizesCached(series, e);
}

/** How a batch item is used (batchUse): written by each call, read at once by sizeEquipment. */
interface BatchUse {
  capacityPerBatch: number;
  charge: number;
  fill: number;
  interval: number | null;
  batchesPerItem: number;
  fillLimited: boolean;
  sizeU: number;
  timeU: number;
}

/** The one BatchUse record batchUse fills (one item sized at a time; its numbers copied into the sizing). */
const BATCH_USE: BatchUse = { capacityPerBatch: 0, charge: 0, fill: 0, interval: null, batchesPerItem: 0, fillLimited: false, sizeU: 0, timeU: 0 };

/**
 * Charge, fill, batch interval and batches per year of a batch item of `size` carrying
 * `perItemLoad` kg/h over a cycle of `T` h; a charge held up to the minimum fill is noted in
 * `diagnostics` (null: not written).
 */
function batchUse(size: number, capacityPerSize: number, perItemLoad: number, T: number, hoursPerYear: number, settings: DesignSettings, where: string, diagnostics: Diagnostic[] | null): BatchUse {
  const u = BATCH_USE;
  const capacityPerBatch = size * capacityPerSize;
  u.capacityPerBatch = capacityPerBatch;
  u.fillLimited = false;
  if (perItemLoad > 0) {
    const backToBack = perItemLoad * T;
    const minCharge = (settings.minFill / settings.maxFill) * capacityPerBatch;
    const charge = Math.min(capacityPerBatch, Math.max(backToBack, minCharge));
    if (backToBack < minCharge) {
      u.fillLimited = true;
      const idle = 1 - backToBack / charge;
      diagnostics?.push({ code: 'fill-low', severity: 'info', where, message: msg.fillLow(where, (backToBack / capacityPerBatch) * settings.maxFill, settings.minFill, idle) });
    }
    u.charge = charge;
    u.sizeU = charge / capacityPerBatch;
    u.timeU = backToBack / charge;
    u.interval = charge / perItemLoad;
    u.batchesPerItem = hoursPerYear / u.interval;
    u.fill = u.sizeU * settings.maxFill;
  } else {
    u.charge = 0;
    u.sizeU = 0;
    u.timeU = 0;
    u.fill = 0;
    u.interval = null;
    u.batchesPerItem = 0;
  }
  return u;
}

/**
 * Count and size one item. `unitCycle` is the unit's cycle, used when the item gives none.
 * `fixedSize` is the item's standard size already in its size unit (or undefined). The item's
 * notes (warnings and information) go to `diagnostics`; null: they are not written. `prepared`
 * (sizePlant: items.ts preparedItem, whose plan gave `hoursPerYear`, `fixedSize` and `options`)
 * gives the item's key and usable sizes, and keeps the purchase cost of its last size.
 */
export function sizeEquipment(
  unitId: string,
  kind: string,
  e: EquipmentSpec,
  unitCycle: CycleTime | undefined,
  hoursPerYear: number,
  settings: DesignSettings,
  fixedSize: number | undefined,
  diagnostics: Diagnostic[] | null,
  options: ItemOptions = {},
  prepared?: PreparedItem,
): EquipmentSizing {
  // Each field of the spec read once: specs come from every unit kind's design, each its own
  // shape, so every read of one is a megamorphic lookup (≈ 20 per item, 14 items per sample).
  const { name, mode, loadKgPerHour: given, capacityPerSize, minSize, maxSize, sizeUnit, cost: c, powerKwPerSize } = e;
  const where = prepared !== undefined ? prepared.key : itemKey(unitId, name);
  const batch = mode === 'batch';
  const cycle = batch ? (e.cycle ?? unitCycle) : undefined;
  const T = cycle ? cycleTotalH(cycle) : 0;
  if (!(given >= 0) || !Number.isFinite(given)) throw modelFailure('equipment-spec-invalid', msg.equipmentSpecInvalid(where, `load ${given} kg/h`));
  const load = given < NO_LOAD_KG_PER_HOUR ? 0 : given * (options.loadScale ?? 1);
  if (!(capacityPerSize > 0) || !Number.isFinite(capacityPerSize)) throw modelFailure('equipment-spec-invalid', msg.equipmentSpecInvalid(where, `capacity per size ${capacityPerSize}`));
  if (!(maxSize > 0) || !(minSize >= 0) || minSize > maxSize) throw modelFailure('equipment-spec-invalid', msg.equipmentSpecInvalid(where, `size range ${minSize}–${maxSize} ${sizeUnit}`));
  if (batch && !(T > 0)) throw modelFailure('equipment-spec-invalid', msg.equipmentSpecInvalid(where, cycle ? `cycle time ${T} h` : 'a batch item without a cycle'));

  // Read here (not in the result alone): they are inputs of the memo of a sizing without notes.
  const description = e.description;
  const loadBasis = e.loadBasis;
  const memo = diagnostics === null ? prepared?.memo : undefined;
  if (memo !== undefined && sameInputs(memo, unitId, kind, name, mode, given, capacityPerSize, minSize, maxSize, sizeUnit, c, powerKwPerSize, description, loadBasis, T, hoursPerYear, settings, fixedSize, options)) return memo.sizing;

  // kg/h one item carries per size unit.
  const perSize = batch ? capacityPerSize / T : capacityPerSize;
  // An item prepared with settings that fix nothing has no fixed count (no loop over the settings' record).
  const fixedCount = (prepared !== undefined && checksNothing(prepared.checked)) || isEmpty(settings.fixedCounts) ? undefined : settings.fixedCounts[where];
  const rating = fixedCount !== undefined;
  const sizes = prepared !== undefined ? prepared.sizes : fixedSize === undefined && options.series ? usableSizesCached(options.series, e) : undefined;
  const basis: SizeBasis = fixedSize !== undefined ? 'fixed' : sizes ? options.series!.basis : 'continuous';
  let count: number;
  let size: number;
  let required: number;
  let sizeClamped = false;
  if (rating) {
    count = fixedCount;
    size = fixedSize ?? maxSize;
    required = load;
  } else {
    required = load * settings.margin;
    const largest = fixedSize ?? (sizes ? sizes[sizes.length - 1]! : maxSize);
    if (load > 0) {
      count = Math.max(settings.minCount, Math.ceil(required / (largest * perSize) - COUNT_EPS));
      const need = required / count / perSize;
      if (fixedSize !== undefined) size = fixedSize;
      else if (sizes) size = smallestCarrying(sizes, need) ?? largest;
      else size = Math.min(maxSize, need);
      if (fixedSize === undefined && need < minSize) {
        const installed = sizes ? size : minSize;
        // Below half its smallest size an item runs mostly empty (worth a warning); a little
        // oversizing is ordinary engineering margin (info).
        const severity = need < PART_EMPTY_WARNING_FILL * installed ? 'warning' : 'info';
        diagnostics?.push({ code: 'size-below-min', severity, where, message: msg.sizeBelowMin(where, sizeText(need, sizeUnit), sizeText(installed, sizeUnit)) });
        size = installed;
        sizeClamped = true;
      }
    } else {
      count = 0;
      size = fixedSize ?? (sizes ? sizes[0]! : minSize);
    }
  }

  const capacity = size * perSize;
  const perItemLoad = count > 0 ? load / count : 0;
  const utilisation = count > 0 ? perItemLoad / capacity : load > 0 ? Infinity : 0;
  const b = batch ? batchUse(size, capacityPerSize, perItemLoad, T, hoursPerYear, settings, where, diagnostics) : undefined;
  const sizeU = b !== undefined ? b.sizeU : utilisation;
  const timeU = b !== undefined ? b.timeU : perItemLoad > 0 ? 1 : 0;

  const cost = prepared !== undefined ? preparedCost(prepared, c, size) : purchaseCostUsd(c, size);
  const outOfRange = size < c.minSize * (1 - 1e-9) || size > c.maxSize * (1 + 1e-9);
  if (outOfRange && count > 0) {
    diagnostics?.push({ code: 'cost-size-out-of-range', severity: 'warning', where, message: msg.costSizeOutOfRange(where, sizeText(size, sizeUnit), `${sizeText(c.minSize, sizeUnit)} – ${sizeText(c.maxSize, sizeUnit)}`) });
  }
  const sizing: EquipmentSizing = {
    unitId,
    kind,
    name,
    description,
    mode: rating ? 'rating' : 'design',
    operation: mode,
    sizeBasis: basis,
    sizeSource: basis === 'catalogue' || basis === 'scenario' ? options.series!.source : basis === 'fixed' ? 'design.fixedSizes' : 'size cut to the load (no standard sizes)',
    roundTheClock: options.roundTheClock ?? false,
    operatingHoursPerYear: hoursPerYear,
    sizeUnit,
    size,
    count,
    loadBasis,
    loadKgPerHour: load,
    requiredKgPerHour: required,
    capacityKgPerHour: capacity,
    installedCapacityKgPerHour: capacity * count,
    capacityPerBatchKg: b !== undefined ? b.capacityPerBatch : null,
    chargePerBatchKg: b !== undefined ? b.charge : null,
    fill: b !== undefined ? b.fill : null,
    cycleTimeH: batch ? T : null,
    batchIntervalH: b !== undefined ? b.interval : null,
    batchesPerYearPerItem: b !== undefined ? b.batchesPerItem : null,
    batchesPerYear: b === undefined || b.batchesPerItem === null ? null : b.batchesPerItem * count,
    sizeUtilisation: sizeU,
    timeUtilisation: timeU,
    utilisation,
    purchaseCostUsd: cost,
    totalPurchaseCostUsd: cost * count,
    cepciYear: c.cepciYear,
    installationFactor: c.installationFactor,
    costSource: c.source,
    installedPowerKw: powerKwPerSize === undefined ? null : powerKwPerSize * size,
    sizeClamped,
    outOfRange,
    fillLimited: b !== undefined && b.fillLimited,
  };
  // A memo holds one sizing and its own inputs whenever it is written, so it may be kept past a miss:
  // written at the first sizing and every 16th miss after (an item sized from other inputs every
  // sample does not pay to write ≈ 20 fields per sample; one whose inputs settle is caught soon).
  if (diagnostics === null && prepared !== undefined && (prepared.memo === undefined || (prepared.memoMisses++ & 15) === 0)) remember(prepared, sizing, unitId, kind, name, mode, given, capacityPerSize, minSize, maxSize, sizeUnit, c, powerKwPerSize, description, loadBasis, T, hoursPerYear, settings, fixedSize, options);
  return sizing;
}
