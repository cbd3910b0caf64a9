/**
 * Equipment cost correlations as data (BioSTEAM style): reference cost, reference size, exponent,
 * CEPCI year, installation factor, valid size range and source. Purchase cost of one item:
 * C = C_ref·(S/S_ref)^n + C_fixed, in USD of the CEPCI year (escalated in economics/).
 *
 * EverBatt 2019 Appendix C (REFERENCE.md 1.1.8) gives Cost(2017 $) = (a·Cap^b + c)·adj with Cap in
 * t/h; those curves appear here with C_ref = a·adj at S_ref = 1 t/h. Installation factors follow
 * EverBatt's Table 15 installation share (40 % of purchased equipment, REFERENCE.md 1.1.5) unless
 * stated; the capital-cost presets in economics/ decide whether they are used.
 */
import type { CostCorrelation } from '../contract.js';

const EVERBATT_C = 'EverBatt 2019 Appendix C Table 40 (REFERENCE.md 1.1.8)';
const INSTALL_EVERBATT = 1.4;

/** Correlations by name. Units of size are in each entry's `sizeUnit`. */
export const EQUIPMENT_COSTS = {
  // ---- EverBatt curves (size in t/h of solids through the item)
  calciner: { refCostUsd: 1_313_832 * 0.985, refSize: 1, exponent: 0.512, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 20, source: `${EVERBATT_C}: calciner a = 1,313,832, b = 0.512, adj 0.985`, sizeUnit: 't/h' },
  dryer: { refCostUsd: 591_236, refSize: 1, exponent: 0.6, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 20, source: `${EVERBATT_C}: steam-tube dryer a = 591,236, b = 0.6`, sizeUnit: 't/h' },
  ballMill: { refCostUsd: 61_000, refSize: 1, exponent: 0.69, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 50, source: `${EVERBATT_C}: ball mill a = 61,000, b = 0.69`, sizeUnit: 't/h' },
  frothFlotation: { refCostUsd: 131_410, refSize: 1, exponent: 0.5301, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 50, source: `${EVERBATT_C}: froth flotation cell a = 131,410, b = 0.5301`, sizeUnit: 't/h' },
  filterPress: { refCostUsd: 173_000, refSize: 1, exponent: 0, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0, maxSize: 10, source: `${EVERBATT_C}: filter press $173,000 per unit`, sizeUnit: 't/h' },
  gasTreatment: { refCostUsd: 3_000_000, refSize: 1, exponent: 0, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0, maxSize: 50, source: `${EVERBATT_C}: gas treatment $3,000,000 (EverBatt own estimate)`, sizeUnit: 't/h' },
  waterTreatment: { refCostUsd: 1_000_000, refSize: 1, exponent: 0, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0, maxSize: 50, source: `${EVERBATT_C}: water treatment $1,000,000 (EverBatt own estimate)`, sizeUnit: 't/h' },
  // Roller-hearth kiln line with saggar handling: $2.6 M furnace + $1.2 M saggar handling per line of
  // 2,000 t/yr CAM (EverBatt 2023 cathode builder, REFERENCE.md 1.3.6 and 1.1.7); scaled per line
  // with the 0.6 rule (assumption) inside the valid range.
  rollerHearthKiln: { refCostUsd: 3_800_000, refSize: 2000, exponent: 0.6, cepciYear: 2020, installationFactor: INSTALL_EVERBATT, minSize: 200, maxSize: 4000, source: 'EverBatt 2023 "Cath. Prod. Par." furnace $2.6 M + saggar handling $1.2 M per 2,000 t/yr line (REFERENCE.md 1.3.6, 1.1.7); 0.6 exponent assumption', sizeUnit: 't/yr' },
  // <<equipment: relithiation>>
  // <<equipment: preparation>>
  // <<equipment: finishing>>
} satisfies Record<string, CostCorrelation & { sizeUnit: string }>;

/** Name of a correlation in the table. */
export type EquipmentCostName = keyof typeof EQUIPMENT_COSTS;

/** A correlation by name, as the CostCorrelation the contract uses. */
export function costOf(name: EquipmentCostName, overrides: Partial<CostCorrelation> = {}): CostCorrelation {
  const { sizeUnit: _unit, ...c } = EQUIPMENT_COSTS[name];
  return { ...c, ...overrides };
}

/** Purchase cost (USD of the correlation's CEPCI year) of one item of size S. */
export function purchaseCostUsd(c: CostCorrelation, size: number): number {
  const scaled = c.exponent === 0 ? c.refCostUsd : c.refCostUsd * Math.pow(size / c.refSize, c.exponent);
  return (scaled + (c.fixedCostUsd ?? 0)) * (c.materialFactor ?? 1);
}
