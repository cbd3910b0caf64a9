/**
 * The Equipment sheet: every equipment item of every case — size, count, utilisation, cycle, load —
 * and its purchase and installed cost as live formulas over the Assumptions sheet's CEPCI and
 * regional-factor cells:
 *
 *   item cost (reference year) = (C_ref × (S/S_ref)^n + fixed) × material factor
 *   purchase cost, all items   = ROUND(item cost × CEPCI(year)/CEPCI(ref) × count × regional factor × 100, 0)/100
 *   installed cost             = ROUND(purchase × installation factor × 100, 0)/100
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { Grid, FMT, STYLE, fmt, colName, valueFormat, type Scalar } from './grid.js';
import { type Expr, lit, ref, add, mul, div, pow, cents, put, putNum } from './expr.js';
import type { Inputs } from './assumptions.js';
import { caseLetter } from './cases.js';
import { readerText, numText } from './reader-text.js';

/** Where a case's purchased-equipment costs are. */
export interface EquipmentRefs {
  /** Purchase-cost cells of the case (for Σ). */
  purchase: Expr[];
  rows: [number, number] | null;
  purchaseCol: number;
}

/** The descriptive part of an equipment row. */
export function equipmentDescription(ev: Evaluation): { key: string; cells: Scalar[] }[] {
  const bottleneck = `${ev.sizing.bottleneck}\u0000${ev.sizing.bottleneckEquipment}`;
  return ev.sizing.equipment.map((e) => ({
    key: `${e.unitId}.${e.name}`,
    cells: [e.unitId, e.name, e.description, e.operation, e.mode, e.size, e.sizeUnit, e.count, e.utilisation, e.sizeUtilisation, e.timeUtilisation, e.cycleTimeH, e.batchesPerYear, e.loadKgPerHour, e.installedPowerKw, `${e.unitId}\u0000${e.name}` === bottleneck ? 'bottleneck' : ''],
  }));
}

/** Header of equipmentDescription. */
export const EQUIPMENT_HEADER = ['unit', 'equipment', 'description', 'operation', 'sizing mode', 'size (per item)', 'size unit', 'count', 'utilisation', 'size utilisation', 'time utilisation', 'cycle time (h)', 'batches per year', 'load (kg/h)', 'installed power per item (kW)', 'bottleneck'];

/** Number formats of the equipment description columns. */
const EQUIPMENT_FORMATS: (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined, FMT.num2, undefined, FMT.int, FMT.pct1, FMT.pct1, FMT.pct1, FMT.years, FMT.usd0, FMT.num1, FMT.num1, undefined];

const EQ_COST_HEADER = ['case', 'unit', 'equipment', 'reference cost (USD)', 'reference size', 'exponent', 'fixed cost (USD)', 'material factor', 'item cost, reference year (USD)', 'CEPCI reference year', 'CEPCI (reference year)', 'CEPCI year', 'CEPCI (cost year)', 'regional factor', 'purchase cost, all items (USD)', 'installation factor', 'installed cost (USD)', 'size within correlation range', 'valid size range', 'cost source'];

/**
 * Write the Equipment sheet — the design of every item, then (below, same order) its cost as
 * formulas over the design cells and the Assumptions sheet; returns per case the purchase-cost cells.
 */
export function equipmentSheet(g: Grid, evs: readonly Evaluation[], inputs: readonly Inputs[]): EquipmentRefs[] {
  const head = ['case', ...EQUIPMENT_HEADER];
  g.header(1, 1, head);
  g.freeze = { rows: 1, cols: 3 };
  g.print = { fit: 'width' };
  [6, 10, 18, 34, 10, 9, 11, 9, 7, 10, 10, 10, 10, 11, 11, 11, 11].forEach((w, i) => g.width(i + 1, w));
  const D = 2; // first description column
  const sizeCol = D + EQUIPMENT_HEADER.indexOf('size (per item)');
  const countCol = D + EQUIPMENT_HEADER.indexOf('count');
  // The design of every item.
  let r = 2;
  const designRow = new Map<string, number>();
  evs.forEach((ev, idx) => {
    for (const d of equipmentDescription(ev)) {
      g.set(r, 1, caseLetter(idx), { align: 'center' });
      d.cells.forEach((v, j) => {
        if (v === null) return;
        const f = EQUIPMENT_FORMATS[j];
        g.set(r, D + j, v, f ? fmt(f) : j === 2 ? STYLE.wrapped : undefined);
      });
      designRow.set(`${idx}\u0000${d.key}`, r++);
    }
  });
  // Its cost, from a new printed page.
  r += 1;
  g.breakAfter(r - 1);
  g.section(r++, 1, 'Purchase and installed cost of every item (formulas over the sizes and counts above and the cost index on the Assumptions sheet)');
  g.header(r++, 1, EQ_COST_HEADER);
  const C = 4; // first cost column
  const out: EquipmentRefs[] = [];
  evs.forEach((ev, idx) => {
    const inp = inputs[idx]!;
    const econ = ev.economics;
    const costRows = new Map(econ.capex.equipment.map((e) => [`${e.unitId}.${e.name}`, e]));
    const purchase: Expr[] = [];
    const first = r;
    const regional = econ.capex.equipment.length > 0 && inp.hasPrice('equipment-cost-factor') ? inp.price('equipment-cost-factor') : lit(1);
    for (const d of equipmentDescription(ev)) {
      const c = costRows.get(d.key);
      if (!c) continue;
      const dr = designRow.get(`${idx}\u0000${d.key}`)!;
      g.set(r, 1, caseLetter(idx), { align: 'center' });
      g.set(r, 2, d.cells[0]!);
      g.set(r, 3, d.cells[1]!);
      const refCost = putNum(g, r, C, c.refCostUsd, fmt(FMT.usd0));
      const refSize = putNum(g, r, C + 1, c.refSize, fmt(valueFormat(c.refSize)));
      const expo = putNum(g, r, C + 2, c.exponent, fmt(FMT.num2));
      const fixed = putNum(g, r, C + 3, c.fixedCostUsd, fmt(FMT.usd0));
      const material = putNum(g, r, C + 4, c.materialFactor, fmt(FMT.num2));
      const size = ref(g.name, dr, sizeCol, c.size);
      const scaled = c.exponent === 0 ? refCost : mul(refCost, pow(div(size, refSize), expo));
      const item = put(g, r, C + 5, mul(add(scaled, fixed), material), fmt(FMT.usd0), { value: c.itemCostRefYearUsd, label: `${d.key} item cost` });
      g.set(r, C + 6, c.cepciRefYear, fmt(FMT.int));
      const cRef = put(g, r, C + 7, inp.cepci(c.cepciRefYear), fmt(FMT.num1));
      g.set(r, C + 8, c.cepciYear, fmt(FMT.int));
      const cNow = put(g, r, C + 9, inp.cepci(c.cepciYear), fmt(FMT.num1));
      const reg = put(g, r, C + 10, regional, fmt(FMT.num2), { value: c.regionalFactor, label: 'regional factor' });
      const count = ref(g.name, dr, countCol, c.count);
      const p = put(g, r, C + 11, cents(mul(mul(mul(item, div(cNow, cRef)), count), reg)), fmt(FMT.usd0), { value: c.purchaseCostUsd, label: `${d.key} purchase cost` });
      purchase.push(p);
      const inst = putNum(g, r, C + 12, c.installationFactor, fmt(FMT.num2));
      put(g, r, C + 13, cents(mul(p, inst)), fmt(FMT.usd0), { value: c.installedCostUsd, label: `${d.key} installed cost` });
      g.set(r, C + 14, c.inRange ? 'yes' : 'no (extrapolated)');
      g.set(r, C + 15, `${numText(c.minSize)}–${numText(c.maxSize)} ${c.sizeUnit}`);
      g.set(r, C + 16, readerText(c.source), STYLE.wrapped);
      r++;
    }
    out.push({ purchase, rows: r > first ? [first, r - 1] : null, purchaseCol: C + 11 });
  });
  g.width(C + 16, 40);
  g.autoFilter = `A1:${colName(head.length)}${Math.max(2, designRow.size + 1)}`;
  return out;
}
