/**
 * The Capacity sheet (issue 16): the capacity curve as plain rows — cost per kg and NPV against
 * feed capacity, with the bottleneck at each point and the capacities where design mode adds
 * equipment. Engine values only (no formulas): each point is a separate plant design.
 */
import type { CapacityCurve } from '../pipeline/capacity.js';
import { Grid, STYLE, FMT, fmt } from './tables.js';

/** Name of the sheet. */
export const CAPACITY_SHEET = 'Capacity';

/** The Capacity sheet of a capacity curve. */
export function capacitySheet(c: CapacityCurve): Grid {
  const g = new Grid(CAPACITY_SHEET);
  const kg = fmt(FMT.kgYr);
  const usd = fmt(FMT.usd0);
  g.set(1, 1, `Capacity curve — scenario ${c.scenario}, flowsheet ${c.flowsheet}: ${c.mode === 'rating' ? 'the installed design rated at each capacity (CAPEX fixed)' : 'a plant designed for each capacity (catalogue sizes)'}; money in ${c.dollarYear} USD`, STYLE.section);
  const header = ['feed capacity (kg/yr)', 'cost per kg in-spec (USD/kg)', 'NPV (USD)', 'CAPEX (USD)', 'purchased equipment (USD)', 'bottleneck', 'bottleneck utilisation', 'maximum capacity (kg/yr)', 'note'];
  g.header(2, 1, header);
  g.freeze = { rows: 2, cols: 1 };
  header.forEach((_, i) => g.width(i + 1, i === 5 || i === 8 ? 30 : 18));
  let row = 3;
  for (const p of c.points) {
    row = g.table(row, 1, [[p.capacityKgPerYear, p.costUsdPerKgProduct, p.npvUsd, p.capexUsd, p.purchasedEquipmentUsd, p.bottleneck, p.bottleneckUtilisation, p.maxCapacityKgPerYear, p.error ?? (p.feasible ? null : 'overloaded')]],
      [kg, fmt(FMT.usdPerKg), usd, usd, usd, undefined, fmt(FMT.pct), kg, undefined]);
  }
  row++;
  g.set(row++, 1, c.steps.length ? 'Where equipment is added (above each capacity the item changes)' : 'No equipment step inside this range (or a saved design is rated)', STYLE.section);
  if (c.steps.length) {
    g.header(row++, 1, ['above feed capacity (kg/yr)', 'item', 'count before', 'count after', 'size before', 'size after', 'size unit']);
    for (const s of c.steps) row = g.table(row, 1, [[s.capacityKgPerYear, s.item, s.countBefore, s.countAfter, s.sizeBefore, s.sizeAfter, s.sizeUnit]], [kg, undefined, fmt(FMT.int), fmt(FMT.int), fmt(FMT.num), fmt(FMT.num), undefined]);
  }
  return g;
}
