/**
 * design/: equipment sizing, batch cycles, equipment counts, utilisation, bottleneck, labour and
 * the campaign schedule (DESIGN.md "Design, time and throughput").
 */
export * from './types.js';
export * from './settings.js';
export { sizeEquipment, cycleTotalH } from './equipment.js';
export { campaignSchedule } from './schedule.js';
export { sizePlant, type SizePlantOptions } from './plant.js';
