/**
 * KPIs as people read them: label, unit and scale from the run document's unit. Each label states
 * the KPI's basis (gross or net of credits, after tax, site or cradle to gate). The command line's
 * tables (cli/kpi-table.ts) and the workbook (export/) show the same labels.
 */

/** A KPI row: how to label, scale and show one KPI. */
export interface KpiRow {
  key: string;
  label: string;
  unit: string;
  scale: number;
  percent?: boolean;
}

/** The KPIs shown side by side, in order. */
export const KPI_ROWS: KpiRow[] = [
  { key: 'feedKgPerYear', label: 'Feed', unit: 't/yr', scale: 1e-3 },
  { key: 'productKgPerYear', label: 'Product (all CAM + carry-over)', unit: 't/yr', scale: 1e-3 },
  { key: 'inSpecKgPerYear', label: 'In-spec regenerated CAM', unit: 't/yr', scale: 1e-3 },
  { key: 'inSpecFraction', label: 'In-spec share of product CAM', unit: '%', scale: 100, percent: true },
  { key: 'inSpecCapacityMahPerG', label: 'Predicted capacity of in-spec CAM (0.1 C)', unit: 'mAh/g', scale: 1 },
  { key: 'inSpecCapacityRatio', label: 'Predicted capacity, share of virgin', unit: '%', scale: 100, percent: true },
  { key: 'offSpecKgPerYear', label: 'Off-spec CAM', unit: 't/yr', scale: 1e-3 },
  { key: 'capexUsd', label: 'CAPEX (fixed capital)', unit: 'M USD', scale: 1e-6 },
  { key: 'opexUsdPerYear', label: 'OPEX', unit: 'M USD/yr', scale: 1e-6 },
  { key: 'revenueUsdPerYear', label: 'Revenue', unit: 'M USD/yr', scale: 1e-6 },
  { key: 'costUsdPerKgProduct', label: 'Levelised cost, gross (pre-tax, no credits)', unit: 'USD/kg in-spec', scale: 1 },
  { key: 'netCostUsdPerKgProduct', label: 'Levelised cost, net of off-spec + by-product sales', unit: 'USD/kg in-spec', scale: 1 },
  { key: 'minSellingPriceUsdPerKg', label: 'Minimum selling price (after-tax NPV = 0, credits in)', unit: 'USD/kg in-spec', scale: 1 },
  { key: 'npvUsd', label: 'NPV (after tax)', unit: 'M USD', scale: 1e-6 },
  { key: 'irr', label: 'IRR (after tax)', unit: '%', scale: 100, percent: true },
  { key: 'paybackYears', label: 'Payback from start-up', unit: 'yr', scale: 1 },
  { key: 'energyMjPerKgProduct', label: 'Energy, site final (electricity + fuel)', unit: 'MJ/kg in-spec', scale: 1 },
  { key: 'primaryEnergyMjPerKgProduct', label: 'Energy, primary, cradle to gate', unit: 'MJ/kg in-spec', scale: 1 },
  { key: 'virginEnergyMjPerKg', label: 'Energy of virgin CAM, cradle to gate (GREET)', unit: 'MJ/kg', scale: 1 },
  { key: 'ghgKgCo2ePerKgProduct', label: 'GHG, cradle to gate', unit: 'kg CO2e/kg in-spec', scale: 1 },
  { key: 'virginGhgKgCo2ePerKg', label: 'GHG of virgin CAM, cradle to gate (GREET)', unit: 'kg CO2e/kg', scale: 1 },
  { key: 'waterLPerKgProduct', label: 'Water (process + embodied in reagents)', unit: 'L/kg in-spec', scale: 1 },
];
