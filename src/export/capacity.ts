/**
 * The Capacity sheet (issue 16): the capacity curve as plain rows — cost per kg and NPV against
 * feed capacity, with the bottleneck at each point and the capacities where design mode adds
 * equipment. Engine values only (no formulas): each point is a separate plant design. Values stay
 * in the engine's units (kg/yr, USD); the number formats show them in t/yr and M USD.
 */
import type { CapacityCurve } from '../pipeline/capacity.js';
import { Grid, STYLE, FMT, fmt } from './grid.js';

/** Name of the sheet. */
export const CAPACITY_SHEET = 'Capacity';

/** The Capacity sheet of a capacity curve. */
export function capacitySheet(c: CapacityCurve): Grid {
  const g = new Grid(CAPACITY_SHEET);
  // Thousands-scaling formats: kg shown as t, USD as M USD (the cell keeps the engine's value).
  const kg = fmt('#,##0,');
  const usd = fmt('#,##0.00,,');
  g.set(1, 1, `Capacity curve — scenario ${c.scenario}, flowsheet ${c.flowsheet}: ${c.mode === 'rating' ? 'the installed design rated at each capacity (CAPEX fixed)' : 'a plant designed for each capacity (catalogue sizes)'}; money in ${c.dollarYear} US dollars`, STYLE.section);
  const header = ['feed capacity (t/yr)', 'gross levelised cost (USD/kg in-spec)', 'NPV after tax (M USD)', 'CAPEX, fixed capital (M USD)', 'purchased equipment (M USD)', 'bottleneck', 'bottleneck utilisation', 'maximum feed with this equipment (t/yr)', 'note'];
  g.header(2, 1, header);
  g.freeze = { rows: 2, cols: 1 };
  g.print = { fit: 'width', titleRows: [2, 2] };
  header.forEach((_, i) => g.width(i + 1, i === 5 || i === 8 ? 30 : 18));
  let row = 3;
  for (const p of c.points) {
    row = g.table(row, 1, [[p.capacityKgPerYear, p.costUsdPerKgProduct, p.npvUsd, p.capexUsd, p.purchasedEquipmentUsd, p.bottleneck, p.bottleneckUtilisation, p.maxCapacityKgPerYear, p.error ?? (p.feasible ? null : 'overloaded')]],
      [kg, fmt(FMT.usdPerKg), usd, usd, usd, undefined, fmt(FMT.pct1), kg, undefined]);
  }
  row++;
  g.set(row++, 1, c.steps.length ? 'Where equipment is added (above each capacity the item changes)' : 'No equipment step inside this range (or a saved design is rated)', STYLE.section);
  if (c.steps.length) {
    g.header(row++, 1, ['above feed capacity (t/yr)', 'item', 'count before', 'count after', 'size before', 'size after', 'size unit']);
    for (const s of c.steps) row = g.table(row, 1, [[s.capacityKgPerYear, s.item, s.countBefore, s.countAfter, s.sizeBefore, s.sizeAfter, s.sizeUnit]], [kg, undefined, fmt(FMT.int), fmt(FMT.int), fmt(FMT.general), fmt(FMT.general), undefined]);
  }
  return g;
}
