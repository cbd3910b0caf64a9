/**
 * design/: equipment sizing, batch cycles, equipment counts, utilisation, bottleneck, labour and
 * the campaign schedule (DESIGN.md "Design, time and throughput").
 */
export * from './types.js';
export * from './settings.js';
export { sizeEquipment, cycleTotalH } from './equipment.js';
export { campaignSchedule } from './schedule.js';
export { sizePlant, type SizePlantOptions } from './plant.js';
export { shiftPlan, labourPlan, DEFAULT_SHIFTS, type ShiftInput, type ShiftPlan, type LabourPlan } from './shifts.js';
export { usableSizes, type SizeSeries, type SizeBasis } from './equipment.js';
export { debottleneck, capacitySteps, DEBOTTLENECK_STEPS, DEBOTTLENECK_MAX_STEPS, type DebottleneckStep, type CapacityStep } from './capacity.js';
