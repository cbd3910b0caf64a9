/**
 * The Excel workbook of one or more evaluations (DESIGN.md "The workbook"): Summary · Assumptions ·
 * Flowsheet · Streams · Balances · Equipment · Schedule · OPEX · Cash flow (· Monte Carlo ·
 * Sensitivity · Sobol when uncertainty results are given · Explanation · Capacity). It returns the
 * bytes; the CLI writes them atomically (io/write.ts).
 *
 * Economics are live formulas over the Assumptions sheet's defined names (economics-sheets.ts);
 * native charts are added to its parts last (charts.ts); pictures (flowsheet, Sankey) are
 * PNGs; the zip is written deterministically (zip.ts). Text from input files is written as string
 * cells only — never as formulas.
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { Grid, type EngineCheck } from './grid.js';
import { NameBook, assumptionsSheet } from './assumptions.js';
import { equipmentSheet } from './equipment.js';
import { economicsSheets, economicsBlock } from './economics-sheets.js';
import { summarySheet } from './summary.js';
import { flowsheetSheet, flowsheetPictures, streamsSheet, balancesSheet, scheduleSheet, renderPictures, type RenderedPicture } from './plain-sheets.js';
import { uncertaintySheets, UNCERTAINTY_SHEETS, type UncertaintyResults } from './uncertainty-sheets.js';
import { addChartParts, type ChartSpec } from './charts.js';
import { explanationSheet } from './explanation.js';
import type { Explanation } from '../pipeline/explain.js';
import { capacitySheet } from './capacity.js';
import type { CapacityCurve } from '../pipeline/capacity.js';
import { excelWorkbook, xlsxParts } from './xlsx.js';
import { zipParts } from './zip.js';
import { msg } from '../schema/messages.js';
import { RegenflowError } from '../schema/errors.js';

/** What to put in the workbook besides the evaluations. */
export interface WorkbookOptions {
  /** Flowsheet and Sankey pictures (default true). */
  pictures?: boolean;
  /** Native charts (default true). */
  charts?: boolean;
  /** Monte Carlo (or paired route), tornado and Sobol results: the Monte Carlo, Sensitivity and Sobol sheets. */
  uncertainty?: UncertaintyResults;
  /** The explanation of two cases (`regenflow explain --out`): the Explanation sheet, after the others. */
  explanation?: Explanation;
  /** A capacity curve (`size --curve`): the Capacity sheet. */
  capacityCurve?: CapacityCurve;
}

/** The workbook before it is written: grids in sheet order, defined names, charts, checks. */
export interface WorkbookModel {
  sheets: Grid[];
  names: NameBook;
  charts: ChartSpec[];
  /** Formula values the engine also reports (they must agree). */
  checks: EngineCheck[];
}

/** Sheet names, in order (a contract with tests and users). */
export const SHEETS = ['Summary', 'Assumptions', 'Flowsheet', 'Streams', 'Balances', 'Equipment', 'Schedule', 'OPEX', 'Cash flow'] as const;

export { UNCERTAINTY_SHEETS };

/**
 * Build the grids of the workbook (no exceljs involved). `pictures`: the Flowsheet sheet's pictures
 * rendered ahead (plain-sheets.ts renderPictures), else they are rendered while building.
 */
export function workbookModel(evs: readonly Evaluation[], options: WorkbookOptions = {}, pictures?: readonly RenderedPicture[]): WorkbookModel {
  return draftModel(evs, options).finish(pictures);
}

/**
 * The grids of the workbook but the Flowsheet sheet's pictures, which come last on their sheet:
 * `finish` adds them (rendered ahead, or rendered then) and completes the model.
 */
function draftModel(evs: readonly Evaluation[], options: WorkbookOptions): { finish(pictures?: readonly RenderedPicture[]): WorkbookModel } {
  if (evs.length === 0) throw new RegenflowError('export-empty', msg.exportNothing());
  const grids = new Map<string, Grid>(SHEETS.map((n) => [n, new Grid(n)]));
  const G = (n: (typeof SHEETS)[number]) => grids.get(n)!;
  const names = new NameBook();
  const inputs = assumptionsSheet(G('Assumptions'), evs, names);
  const eq = equipmentSheet(G('Equipment'), evs, inputs);
  const ecs = economicsSheets(G('OPEX'), G('Cash flow'));
  const refs = evs.map((ev, i) => economicsBlock(ecs, ev, i, evs.length, inputs[i]!, eq[i]!));
  const withCharts = options.charts !== false;
  const layout = summarySheet(G('Summary'), evs, refs, withCharts);
  const picturesRow = flowsheetSheet(G('Flowsheet'), evs);
  streamsSheet(G('Streams'), evs);
  balancesSheet(G('Balances'), evs);
  scheduleSheet(G('Schedule'), evs);
  const sheets = [...grids.values()];
  const charts = withCharts ? [...layout.charts] : [];
  if (options.uncertainty) {
    const u = uncertaintySheets(options.uncertainty, evs);
    sheets.push(...u.sheets);
    if (withCharts) charts.push(...u.charts);
  }
  if (options.explanation) sheets.push(explanationSheet(options.explanation));
  if (options.capacityCurve) sheets.push(capacitySheet(options.capacityCurve));
  G('Summary').tab = '1F4E78';
  G('Assumptions').tab = 'FFC000';
  return {
    finish: (pictures) => {
      if (options.pictures !== false) flowsheetPictures(G('Flowsheet'), evs, picturesRow, pictures);
      return { sheets, names, charts, checks: sheets.flatMap((g) => g.checks) };
    },
  };
}

/**
 * The .xlsx bytes of the workbook of `evaluations` (one, or several side by side): the same
 * inputs give the same bytes. Never writes files: the caller writes the buffer (atomically,
 * io/write.ts writeFileAtomic).
 */
export async function workbookBuffer(evaluations: readonly Evaluation[], options: WorkbookOptions = {}): Promise<Buffer> {
  // The pictures side by side on the thread pool (≈ 0.1 s instead of ≈ 0.24 s for two cases),
  // while this thread builds the other grids.
  const rendering = options.pictures !== false ? renderPictures(evaluations) : undefined;
  const model = draftModel(evaluations, options).finish(rendering && await rendering);
  const parts = await xlsxParts(excelWorkbook(model.sheets));
  addChartParts(parts, model.charts);
  return zipParts(parts);
}

export type { UncertaintyResults };
