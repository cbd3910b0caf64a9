/**
 * Hand-built unit designs for the design/ tests (no unit operations needed).
 */
import type { CostCorrelation, CycleTime, EquipmentSpec, UnitDesign } from '../../src/unit-ops/contract.js';
import type { DesignedUnit } from '../../src/design/types.js';

/** A cost correlation easy to compute by hand: C = 100,000 · (S / 1)^0.6, 2020 USD, valid 0.5–20. */
export const COST: CostCorrelation = { refCostUsd: 100_000, refSize: 1, exponent: 0.6, cepciYear: 2020, installationFactor: 1.4, minSize: 0.5, maxSize: 20, source: 'test' };

/** 8 h cycle: load 0.5 + heat 1.5 + dwell 4 + cool 1 + unload 0.5 + clean 0.5. */
export const CYCLE_8H: CycleTime = { loadH: 0.5, heatH: 1.5, dwellH: 4, coolH: 1, unloadH: 0.5, cleanH: 0.5 };

/** A batch vessel: up to 10 m3, at least 0.5 m3, 900 kg per m3 per batch. */
export function autoclave(loadKgPerHour: number, over: Partial<EquipmentSpec> = {}): EquipmentSpec {
  return {
    name: 'autoclave', description: 'test autoclave', mode: 'batch', sizeUnit: 'm3', maxSize: 10, minSize: 0.5,
    capacityPerSize: 900, loadBasis: 'slurry', loadKgPerHour, cycle: CYCLE_8H, powerKwPerSize: 2, cost: COST, ...over,
  };
}

/** A continuous dryer: up to 5 t/h, at least 0.1 t/h, 1000 kg/h per (t/h). */
export function dryer(loadKgPerHour: number, over: Partial<EquipmentSpec> = {}): EquipmentSpec {
  return {
    name: 'dryer', description: 'test dryer', mode: 'continuous', sizeUnit: 't/h', maxSize: 5, minSize: 0.1,
    capacityPerSize: 1000, loadBasis: 'wet cake', loadKgPerHour, cost: { ...COST, minSize: 0.1, maxSize: 5, cepciYear: 2017 }, ...over,
  };
}

/** A unit with the given equipment. */
export function unit(unitId: string, equipment: EquipmentSpec[], over: Partial<UnitDesign> = {}): DesignedUnit {
  const batch = equipment.some((e) => e.mode === 'batch');
  return {
    unitId,
    kind: batch ? 'relithiation-hydrothermal' : 'drying',
    design: { mode: batch ? 'batch' : 'continuous', residenceTimeH: batch ? 8 : 0.5, ...(batch ? { cycle: CYCLE_8H } : {}), equipment, operatorsPerShift: 1, ...over },
  };
}

/** Scale every load of a unit list by `f` (loads are linear in the feed). */
export function scaled(units: readonly DesignedUnit[], f: number): DesignedUnit[] {
  return units.map((u) => ({ ...u, design: { ...u.design, equipment: u.design.equipment.map((e) => ({ ...e, loadKgPerHour: e.loadKgPerHour * f })) } }));
}
