/**
 * The files `regenflow optimize --out <file.yaml>` writes: the scenario with the optimum, which
 * `regenflow run` reproduces exactly (same KPIs, bit for bit). Conditions: the scenario with the
 * best values as overrides. Allocation: the scenario through the one route that receives
 * everything, or through the combined flowsheet written beside it (`<name>.flowsheet.yaml`) with
 * the lots' shares in its splitter. Texts only; the CLI writes them with io/.
 */
import { basename, dirname, extname, join } from 'node:path';
import { loadRawScenario } from '../pipeline/load.js';
import { scenarioFileText, yamlFileText } from '../pipeline/scenario-file.js';
import { combinedFlowsheet, combinedOverrides, combinedUncertainty, routeLabels, type LotShares, type RouteFlowsheet } from '../pipeline/combine.js';
import type { OptimizeResult } from './result.js';
import type { ConditionParams } from './conditions.js';
import { patchValueOf, type Parameter } from './space.js';

/** A file to write. */
export interface OutputFile {
  file: string;
  text: string;
}

/** The command line that produced a result, for the written file's header. */
function header(result: OptimizeResult, command: string): string[] {
  const obj = result.best.objective;
  return [
    `Written by: ${command}`,
    `Optimum of ${result.objective.kpi} (${result.objective.direction}): ${obj === null ? '—' : obj} after ${result.evaluations} evaluations (seed ${result.optimizer.seed}); baseline ${result.improvement.baseline ?? '—'}.`,
  ];
}

/** The scenario with the best operating conditions as overrides. */
export function conditionsOutput(result: OptimizeResult<ConditionParams>, o: { file: string; flowsheet?: string; out: string; command: string }): OutputFile[] {
  const raw = loadRawScenario(o.file, o.flowsheet);
  const params = result.parameters as Parameter[];
  const overrides: Record<string, unknown> = {};
  for (const p of params) {
    const v = result.best.params[p.path];
    if (v !== null && v !== undefined) overrides[p.path] = patchValueOf(p, v);
  }
  return [{ file: o.out, text: scenarioFileText(raw, { outFile: o.out, overrides, ...(o.flowsheet ? { flowsheetFile: o.flowsheet } : {}), comment: header(result, o.command) }) }];
}

/** File name of the combined flowsheet written beside `out`. */
export function combinedFlowsheetFile(out: string): string {
  return join(dirname(out), `${basename(out, extname(out))}.flowsheet.yaml`);
}

/** The scenario (and combined flowsheet) of the best allocation. */
export function allocationOutput(result: OptimizeResult<LotShares>, o: { file: string; routes: readonly string[]; out: string; command: string }): OutputFile[] {
  const raws = o.routes.map((f) => loadRawScenario(o.file, f));
  const labels = routeLabels(raws.map((r) => String((r.flowsheet.data as { id?: unknown }).id ?? 'route')));
  const routes: RouteFlowsheet[] = raws.map((r, i) => ({ label: labels[i]!, file: o.routes[i]!, data: r.flowsheet.data as Record<string, unknown> }));
  const shares = result.best.params;
  const active = routes.filter((r) => Object.values(shares).some((row) => (row[r.label] ?? 0) > 0));
  const comment = header(result, o.command);
  if (active.length === 1) {
    const i = routes.indexOf(active[0]!);
    return [{ file: o.out, text: scenarioFileText(raws[i]!, { outFile: o.out, overrides: {}, flowsheetFile: o.routes[i]!, comment: [...comment, `Every lot goes to ${active[0]!.label}: the single-route plant is the best allocation found.`] }) }];
  }
  const fsFile = combinedFlowsheetFile(o.out);
  const own = (raws[0]!.scenario.data as { overrides?: Record<string, unknown> }).overrides ?? {};
  const declared = (raws[0]!.scenario.data as { uncertainty?: unknown }).uncertainty;
  const u = combinedUncertainty(Array.isArray(declared) ? declared : [], active);
  const notes = [
    ...(u.translated.length > 0 ? [`Uncertain unit parameters, drawn per line: ${u.translated.join('; ')}.`] : []),
    ...(u.dropped.length > 0 ? [`Uncertain inputs left out (they apply to no line of this plant): ${u.dropped.join('; ')}.`] : []),
  ];
  return [
    { file: fsFile, text: yamlFileText(combinedFlowsheet(active, shares), 'flowsheet', fsFile, comment) },
    { file: o.out, text: scenarioFileText(raws[0]!, { outFile: o.out, overrides: combinedOverrides(own, active), replaceOverrides: true, flowsheetFile: fsFile, ...(Array.isArray(declared) ? { uncertainty: u.entries } : {}), comment: [...comment, `Lots split between ${active.map((r) => r.label).join(' and ')} by the splitter of ${basename(fsFile)}.`, ...notes] }) },
  ];
}
