/**
 * Size a plant: count and size every equipment item of every unit (equipment.ts), then the
 * plant's bottleneck, maximum throughput, labour and campaign schedule.
 *
 * - Bottleneck: the item with the highest combined utilisation (SuperPro Designer, REFERENCE.md
 *   4.3); its unit is `bottleneck`. Ties go to the first in flowsheet order.
 * - Maximum capacity: loads scale linearly with the feed, so with the installed counts and sizes
 *   every combined utilisation scales with it; the plant reaches feed / u_max, where the
 *   bottleneck reaches 1.
 * - Labour: a unit's design() gives its crew for one item; each further parallel item adds
 *   `parallelCrewFactor` of that crew (default ½: one crew tends two items whose batches are
 *   staggered). operators = base × (1 + f × (n − 1)), n = most parallel items of any of the
 *   unit's equipment; a unit whose equipment carries no load needs no crew; a unit without
 *   equipment keeps its base crew. The plant total is the sum over units.
 *
 * - Sizes: each item picks from its standard size series (the catalogue of its cost
 *   correlation, unit-ops/data/catalogue.ts, or the scenario's standardSizes) unless the design
 *   section says `sizing: continuous` — so items end at different utilisations and the
 *   bottleneck is the item with the least headroom.
 * - Hours (shifts.ts): staffed items work the staffed hours, round-the-clock items (kilns,
 *   calciners, evaporators) the plant's operating hours; labour adds the minimum crew through
 *   unstaffed hours.
 * - Rating a saved design: an item whose load exceeds its installed capacity is an error-level
 *   diagnostic naming the item and the feed capacity it can take.
 *
 * Cheap by design (sweeps call it per point): plain loops, no schema parsing; the campaign
 * schedule is computed on first read of `schedule`.
 */
import type { CycleTime, Diagnostic } from '../unit-ops/contract.js';
import { msg } from '../schema/messages.js';
import { checkFixedItems, isEmpty, type CheckedItems, type DesignSettings } from './settings.js';
import { sizeEquipment, cycleTotalH, usableSizesOf } from './equipment.js';
import { preparedItem, preparedItems } from './items.js';
import { shiftPlan, labourPlan, DEFAULT_SHIFTS, type ShiftPlan } from './shifts.js';
import { campaignSchedule } from './schedule.js';
import type { DesignedUnit, EquipmentSizing, PlantSizing, SizingSettingsEcho, UnitSizing } from './types.js';

/** Options of sizePlant. */
export interface SizePlantOptions {
  /** false: leave the schedule empty. By default it is built lazily, on first read of `schedule`. */
  schedule?: boolean;
  /** Shifts of the plant (shifts.ts); default: fully staffed operating hours, finance defaults. */
  shifts?: ShiftPlan;
  /**
   * false (Monte Carlo samples, sweep points): the purchase costs by CEPCI year (per unit and
   * plant) are left empty — reports show them, the economics price every item from its own row —
   * and the items' own notes (below their smallest size, minimum fill, outside a cost range) are
   * not written; the plant's errors (an overloaded item) are. The per-unit rows (`units`) are left
   * empty, and the settings echo is one frozen object per settings object, shared by such sizings.
   */
  describe?: boolean;
}

/** The placeholder of the schedule field until it is made an accessor (never read: replaced before sizePlant returns). */
const NO_SCHEDULE: PlantSizing['schedule'] = Object.freeze({ horizonH: 0, entries: [] as PlantSizing['schedule']['entries'] });

/** The settings a sizing was made with, as its result echoes them. */
function settingsEcho(settings: DesignSettings, checked: CheckedItems): SizingSettingsEcho {
  const fixedSizesEcho: Record<string, number> = {};
  for (const [k, v] of checked.fixedSizes) fixedSizesEcho[k] = v;
  const standardSizesEcho: Record<string, number[]> = {};
  for (const [k, v] of checked.standardSizes) standardSizesEcho[k] = v;
  return {
    rule: settings.rule,
    margin: settings.margin,
    minCount: settings.minCount,
    minFill: settings.minFill,
    maxFill: settings.maxFill,
    parallelCrewFactor: settings.parallelCrewFactor,
    sizing: settings.sizing,
    fixedCounts: { ...settings.fixedCounts },
    fixedSizes: fixedSizesEcho,
    standardSizes: standardSizesEcho,
    installedDesignFile: settings.installedDesign?.file ?? null,
  };
}

/**
 * The settings echo of sizings without a description (Monte Carlo samples), one per settings object
 * and checked items (frozen: shared by every sample that sizes with them) rather than five records
 * per sample. Settings are never changed once resolved (settings.ts).
 */
const SHARED_ECHO = new WeakMap<DesignSettings, { checked: CheckedItems; echo: SizingSettingsEcho }>();

function sharedSettingsEcho(settings: DesignSettings, checked: CheckedItems): SizingSettingsEcho {
  const hit = SHARED_ECHO.get(settings);
  if (hit !== undefined && hit.checked === checked) return hit.echo;
  const echo = settingsEcho(settings, checked);
  Object.freeze(echo.fixedCounts);
  Object.freeze(echo.fixedSizes);
  for (const k in echo.standardSizes) Object.freeze(echo.standardSizes[k]);
  Object.freeze(echo.standardSizes);
  SHARED_ECHO.set(settings, { checked, echo: Object.freeze(echo) });
  return echo;
}

/** Feed throughput as text for messages. */
function tpyText(kgPerYear: number): string {
  return `${Number((kgPerYear / 1000).toPrecision(4))} t/yr`;
}

/**
 * Size the plant's equipment for the loads in the unit designs (kg/h at `feedKgPerYear` over
 * `hoursPerYear`). Throws RegenflowError (exit 1) when fixed counts or sizes name an unknown
 * item, and a model failure (exit 2) when a unit's equipment spec cannot be sized.
 */
export function sizePlant(units: readonly DesignedUnit[], hoursPerYear: number, feedKgPerYear: number, settings: DesignSettings, options: SizePlantOptions = {}): PlantSizing {
  const checked = checkFixedItems(settings, units);
  const describe = options.describe !== false;
  const plan = options.shifts ?? shiftPlan({ ...DEFAULT_SHIFTS, operatingHoursPerYear: hoursPerYear });
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < plan.diagnostics.length; i++) diagnostics.push(plan.diagnostics[i]!);
  const equipment: EquipmentSizing[] = [];
  const unitRows: UnitSizing[] = [];
  // Batch cycles by item, for the campaign schedule alone (none without one: Monte Carlo samples).
  const cycles = options.schedule === false ? undefined : new Map<string, CycleTime>();
  const byYear: Record<string, number> = {};
  let operators = 0;
  let roundTheClockLoaded = false;
  let best: EquipmentSizing | null = null;

  // Each item's key, plan and sizes as the last sizing with these settings prepared them (items.ts).
  const prepared = preparedItems(settings);
  let j = 0;
  for (let ui = 0; ui < units.length; ui++) {
    const u = units[ui]!;
    const d = u.design;
    let parallel = 0;
    let loaded = false;
    let unitU = 0;
    // The design's fields read once per unit: designs come from every unit kind, each its own shape,
    // so every read of one is a megamorphic lookup.
    const designCycle = d.cycle;
    const specs = d.equipment;
    let unitCycle: number | null = designCycle ? cycleTotalH(designCycle) : null;
    // Per-unit rows and their costs by CEPCI year are for reports only (describe).
    const unitCost: Record<string, number> | undefined = describe ? {} : undefined;
    for (let si = 0; si < specs.length; si++) {
      const spec = specs[si]!;
      const item = preparedItem(prepared, j++, u.unitId, spec, settings, checked, plan, hoursPerYear, usableSizesOf);
      const key = item.key;
      const ip = item.plan;
      // Without a description (Monte Carlo samples, sweep points) the items' notes (below their
      // smallest size, batches at minimum fill, outside a cost range) are not written: nobody reads
      // them, and formatting their numbers costs more than the sizing.
      const s = sizeEquipment(u.unitId, u.kind, spec, designCycle, ip.hoursPerYear, settings, ip.fixedSize, describe ? diagnostics : null, ip.options, item);
      equipment.push(s);
      if (s.roundTheClock && s.loadKgPerHour > 0 && s.count > 0) roundTheClockLoaded = true;
      const saved = settings.installedDesign?.costs[key];
      if (saved && s.count > 0 && saved.cepciYear === s.cepciYear && Math.abs(saved.purchaseCostUsd - s.purchaseCostUsd) > 1e-6 * Math.max(1, s.purchaseCostUsd)) {
        diagnostics.push({ code: 'design-cost-changed', severity: 'warning', where: key, message: msg.designCostChanged(key, saved.purchaseCostUsd, s.purchaseCostUsd, s.cepciYear) });
      }
      const c = spec.cycle ?? designCycle;
      if (c && spec.mode === 'batch') {
        cycles?.set(key, c);
        if (unitCycle === null && s.cycleTimeH !== null) unitCycle = s.cycleTimeH;
      }
      if (s.count > parallel) parallel = s.count;
      if (s.loadKgPerHour > 0) loaded = true;
      if (s.utilisation > unitU) unitU = s.utilisation;
      if (describe && s.count > 0) {
        const y = String(s.cepciYear);
        unitCost![y] = (unitCost![y] ?? 0) + s.totalPurchaseCostUsd;
        byYear[y] = (byYear[y] ?? 0) + s.totalPurchaseCostUsd;
      }
      if (s.loadKgPerHour > 0 && (best === null || s.utilisation > best.utilisation)) best = s;
    }
    const base = d.operatorsPerShift;
    const crew = specs.length === 0 ? base : loaded && parallel > 0 ? base * (1 + settings.parallelCrewFactor * (parallel - 1)) : 0;
    operators += crew;
    if (unitCost !== undefined) unitRows.push({
      unitId: u.unitId,
      kind: u.kind,
      mode: d.mode,
      cycleTimeH: d.mode === 'batch' ? unitCycle : null,
      residenceTimeH: d.residenceTimeH,
      baseOperatorsPerShift: base,
      parallelItems: parallel,
      operatorsPerShift: crew,
      utilisation: unitU,
      purchaseCostUsdByCepciYear: unitCost,
    });
  }

  const top = best as EquipmentSizing | null;
  const maxCapacity = top === null ? null : top.utilisation > 0 && Number.isFinite(top.utilisation) ? feedKgPerYear / top.utilisation : 0;
  const rating = !isEmpty(settings.fixedCounts);
  if (maxCapacity !== null) {
    for (let i = 0; i < equipment.length; i++) {
      const s = equipment[i]!;
      if (!(s.utilisation > 1 + 1e-12)) continue;
      const item = `${s.unitId}.${s.name}`;
      const message = Number.isFinite(s.utilisation) ? msg.overloaded(item, s.utilisation, tpyText(feedKgPerYear / s.utilisation), tpyText(maxCapacity)) : msg.notInstalled(item);
      diagnostics.push({ code: 'overloaded', severity: 'error', where: item, message });
    }
  }
  const result: PlantSizing = {
    mode: rating ? 'rating' : 'design',
    feedKgPerYear,
    hoursPerYear,
    settings: describe ? settingsEcho(settings, checked) : sharedSettingsEcho(settings, checked),
    equipment,
    units: unitRows,
    bottleneck: top?.unitId ?? null,
    bottleneckEquipment: top?.name ?? null,
    bottleneckUtilisation: top?.utilisation ?? null,
    maxCapacityKgPerYear: maxCapacity,
    operatorsPerShift: operators,
    labour: labourPlan(plan, operators, roundTheClockLoaded),
    purchaseCostUsdByCepciYear: byYear,
    diagnostics,
    // A field of the literal, last (a key added to the object afterwards cost a map transition per
    // sample): without a schedule (Monte Carlo samples, sweep points) the empty one, else a
    // placeholder made an accessor below.
    schedule: options.schedule === false ? { horizonH: settings.scheduleHorizonH, entries: [] } : NO_SCHEDULE,
  };
  if (options.schedule === false) return result;
  // The schedule can hold thousands of bars: it is built on first read (JSON.stringify, spread and
  // structuredClone read it like any field), so sweeps that never look at it do not pay for it.
  // The field is made an accessor in place (not a spread copy: V8 takes a slow path for that).
  const build = () => campaignSchedule(equipment, cycles!, settings.scheduleHorizonH, settings.maxBatchesPerItem);
  return Object.defineProperty(result, 'schedule', {
    enumerable: true,
    configurable: true,
    get(this: PlantSizing) {
      const value = build();
      Object.defineProperty(this, 'schedule', { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
    set(this: PlantSizing, value: PlantSizing['schedule']) {
      Object.defineProperty(this, 'schedule', { value, enumerable: true, writable: true, configurable: true });
    },
  }) as PlantSizing;
}
