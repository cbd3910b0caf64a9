/**
 * The live economics of each case on the OPEX and Cash flow sheets: capital (capital.ts),
 * operating cost and revenue (operating.ts), working capital, cash flow and results (cashflow.ts),
 * minimum selling price (msp.ts) and environment. Every money figure is a formula over the
 * Assumptions sheet's named cells carrying the engine's value as its cached result; the figures
 * the engine also reports are checked against it (Grid.checks).
 *
 * Print: the Cash flow sheet prints the capital, cash-flow, results and environment blocks; the
 * minimum-selling-price trial columns are audit working, left on screen.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { Grid, STYLE, colName } from './grid.js';
import type { Expr, EngineValue } from './expr.js';
import type { Inputs } from './assumptions.js';
import type { EquipmentRefs } from './equipment.js';
import { CapitalLines, capitalBlock, workingCapitalBlock } from './capital.js';
import { opexSheet, operatingBlock } from './operating.js';
import { YEAR_COL, cashFlowBlock, environmentBlock, type ResultCell } from './cashflow.js';
import { mspBlock } from './msp.js';
import { caseLabel, caseTitle } from './cases.js';
import { putRaw } from './expr.js';

/** Cells the Summary reads for one case. */
export interface EconomicsRefs {
  fci: Expr;
  tci: Expr;
  opexTotal: Expr;
  revenueTotal: Expr;
  inSpecKg: Expr;
  npv: Expr;
  /** Cells holding text when the KPI does not exist. */
  irr: ResultCell;
  payback: ResultCell;
  lcoe: ResultCell;
  netCost: ResultCell;
  msp: ResultCell;
  energy: ResultCell;
  primaryEnergy: ResultCell;
  ghg: ResultCell;
  water: ResultCell;
  capitalPerKg: ResultCell;
  /** OPEX rows of the case (for SUMIF by category). */
  opexRows: [number, number];
  categoryCol: number;
  usdCol: number;
}

/** Layout state of the two sheets the economics write to. */
export interface EconomicsSheets {
  opex: Grid;
  cash: Grid;
  opexRow: number;
  cashRow: number;
}

/** Prepare the OPEX and Cash flow sheets (headers, widths, frozen panes, print). */
export function economicsSheets(opex: Grid, cash: Grid): EconomicsSheets {
  opexSheet(opex);
  cash.set(1, 1, 'Capital, working capital, cash flow, results, minimum selling price and environment — live formulas over the Assumptions sheet (one block per case)', STYLE.subtitle);
  cash.freeze = { rows: 1, cols: 1 };
  cash.print = { fit: 'width', areas: [] };
  cash.width(1, 38);
  cash.width(2, 14);
  return { opex, cash, opexRow: 2, cashRow: 3 };
}

/** Write the economics of case `idx` of `n`; returns the cells the Summary reads. */
export function economicsBlock(s: EconomicsSheets, ev: Evaluation, idx: number, n: number, inp: Inputs, eq: EquipmentRefs): EconomicsRefs {
  const cg = s.cash;
  const label = caseLabel(ev, idx, n);
  const V = (value: number | null | undefined, l: string): EngineValue => ({ value, label: `${label}: ${l}` });
  let r = s.cashRow;
  cg.set(r++, 1, n === 1 ? caseTitle(ev) : `Case ${label}`, STYLE.title);
  cg.set(r, 1, `${ev.model.name} — ${ev.model.flowsheet.name}`, STYLE.subtitle);
  r += 2;
  const w = new CapitalLines(cg, r, V);
  const cap = capitalBlock(w, ev, inp, eq);
  const op = operatingBlock(s.opex, s.opexRow, ev, idx, inp, cap, V, n === 1 ? caseTitle(ev) : `Case ${label}`);
  s.opexRow = op.next;
  const [wc, tci] = workingCapitalBlock(w, ev, inp, cap, { opexTotal: op.opexTotal, materials: op.materials });
  const cf = cashFlowBlock(cg, w.r, ev, inp, cap, op, wc, V, label);
  r = cf.next;
  const env = environmentBlock(cg, r, ev, inp, op.inSpecKg, V, label);
  r = env.next;
  // Paper gets the capital, cash flow, results and environment; the trial columns of the minimum
  // selling price below are audit working, on screen only.
  const years = ev.economics.finance.construction.length + ev.economics.finance.lifeYears;
  cg.print.areas!.push(`A${s.cashRow}:${colName(YEAR_COL + years - 1)}${r - 1}`);
  const msp: ResultCell = { sheet: cg.name, row: cf.refs.mspRow, col: 2, value: ev.economics.kpis.minSellingPriceUsdPerKg };
  // The minimum selling price's trial columns come last in the block: audit working.
  if (op.inSpecKg.v > 0) r = mspBlock(cg, r, { ev, label, inp, cap, op, cf: cf.refs });
  else {
    putRaw(cg, cf.refs.mspRow, 2, '"none"', 'none');
    cg.set(cf.refs.mspRow, 4, ev.economics.minSellingPrice.method);
  }
  s.cashRow = r + 1;
  return {
    fci: cap.fci, tci, opexTotal: op.opexTotal, revenueTotal: op.revTotal, inSpecKg: op.inSpecKg, npv: cf.refs.npv,
    irr: cf.refs.irr, payback: cf.refs.payback, lcoe: cf.refs.lcoe, netCost: cf.refs.netCost, msp, energy: env.refs.energy, primaryEnergy: env.refs.primaryEnergy,
    ghg: env.refs.ghg, water: env.refs.water, capitalPerKg: cf.refs.capitalPerKg,
    opexRows: op.rows, categoryCol: op.categoryCol, usdCol: op.usdCol,
  };
}
