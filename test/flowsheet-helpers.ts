/**
 * Build and solve flowsheets from plain objects in tests (no files needed).
 */
import { flowsheetFileSchema } from '../src/unit-ops/flowsheet-schema.js';
import { resolveFlowsheet, type ResolvedFlowsheet } from '../src/pipeline/resolve.js';
import { parseText } from '../src/io/document.js';
import { inputErrors, type InputIssue } from '../src/schema/errors.js';
import { toInputIssues } from '../src/schema/issues.js';
import { solve, type RunnableUnit, type Solution } from '../src/balances/solver.js';
import { balanceReport, type BalanceReport } from '../src/balances/report.js';
import type { Stream } from '../src/streams/stream.js';

/** Validate a flowsheet given as an object (throws RegenflowError like a file would). */
export function flowsheetFrom(data: unknown, file = 'test.json'): ResolvedFlowsheet {
  const doc = parseText(file, JSON.stringify(data, null, 1));
  const r = flowsheetFileSchema.safeParse(doc.data);
  if (!r.success) throw inputErrors(toInputIssues(r.error.issues, flowsheetFileSchema, doc.data, doc));
  const issues: InputIssue[] = [];
  const fs = resolveFlowsheet(r.data, { doc, at: [], data: doc.data }, issues);
  if (!fs) throw inputErrors(issues);
  return fs;
}

/** Solve a resolved flowsheet for a feed and report its balances. */
export function solveFlowsheet(fs: ResolvedFlowsheet, feed: Stream): { solution: Solution; balances: BalanceReport } {
  const units = new Map<string, RunnableUnit>();
  for (const u of fs.units) units.set(u.id, { id: u.id, inletPorts: u.ports.inlets.map((p) => p.name), run: (ins, ctx) => u.op.run(u.params as never, ins, ctx) });
  const solution = solve(fs.graph, units, feed, fs.solver);
  return { solution, balances: balanceReport(fs.graph, solution) };
}
