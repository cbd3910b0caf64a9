/**
 * Size an evaluated scenario: the units' designs from `evaluate()`, the plant's operating hours
 * and feed, and the scenario's `design:` section.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { resolveDesignSettings, type DesignSettings } from './settings.js';
import { sizePlant, type SizePlantOptions } from './plant.js';
import type { DesignedUnit, PlantSizing } from './types.js';

/** The units of an evaluation with their designs, in flowsheet order. */
export function designedUnits(ev: Evaluation): DesignedUnit[] {
  return ev.model.flowsheet.units.map((u) => ({ unitId: u.id, kind: u.kind, design: ev.designs.get(u.id)! }));
}

/** The design settings of an evaluation's scenario (messages placed in the scenario file). */
export function designSettingsOf(ev: Evaluation): DesignSettings {
  return resolveDesignSettings(ev.model.sections.design, ev.model.raw.sections.design);
}

/** Size an evaluation; `settings` defaults to the scenario's own `design:` section. */
export function sizeEvaluation(ev: Evaluation, settings: DesignSettings = designSettingsOf(ev), options: SizePlantOptions = {}): PlantSizing {
  const hours = ev.model.plant.operatingHours;
  return sizePlant(designedUnits(ev), hours, ev.model.feedKgPerHour * hours, settings, options);
}
