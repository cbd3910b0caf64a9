/**
 * `regenflow run <scenario> [--json] [--out x.xlsx] [--capacity …] [--design d.yaml]`: evaluate one
 * scenario; summary, or the JSON document with --json; with --out, also the Excel workbook
 * (written atomically). --design rates a saved plant design (exit 2 when an item is overloaded).
 */
import { extname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { evaluate, type Evaluation } from '../../pipeline/evaluate.js';
import { runDocument } from '../../pipeline/document.js';
import type { WorkbookOptions } from '../../export/workbook.js';
import { writeFileAtomic } from '../../io/write.js';
import { RegenflowError } from '../../schema/errors.js';
import { msg } from '../../schema/messages.js';
import { runSummary } from '../summary.js';
import { capacityOptions, requestOf, exitOnErrors } from '../capacity-options.js';
import { requestedModel } from '../../pipeline/capacity.js';
import type { CommandContext } from './context.js';

/** Check that `file` names an .xlsx workbook (before any work is done). */
export function checkWorkbookPath(file: string): void {
  if (extname(file).toLowerCase() !== '.xlsx') throw new RegenflowError('export-extension', msg.exportExtension(file), { place: { file } });
}

/**
 * Build the workbook of `evaluations` and write it to `file` atomically (temporary file, then
 * rename): an existing workbook is only ever replaced by a complete one.
 */
export async function writeWorkbook(file: string, evaluations: readonly Evaluation[], options: WorkbookOptions = {}): Promise<void> {
  checkWorkbookPath(file);
  // Loaded on demand: exceljs costs ≈0.3 s of start-up that runs without --out do not need.
  const { workbookBuffer } = await import('../../export/workbook.js');
  const bytes = await workbookBuffer(evaluations, options);
  writeFileAtomic(file, bytes);
}

/** The run command. */
export function runCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'run <scenario>',
    describe: 'evaluate one scenario and print its summary (or the JSON document); --out writes the Excel workbook',
    builder: (y: Argv) => capacityOptions(y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' }))
      .option('json', { type: 'boolean', default: false, describe: 'print the run document as JSON on stdout' })
      .option('out', { type: 'string', describe: 'write the Excel workbook (.xlsx) of the run to this file' })
      .option('flowsheet', { type: 'string', describe: "use this flowsheet instead of the scenario's" }),
    handler: async (a) => {
      const out = a.out as string | undefined;
      if (out !== undefined) checkWorkbookPath(out);
      const { model } = requestedModel(a.scenario as string, requestOf(a));
      const ev = evaluate(model);
      const doc = runDocument(ev);
      if (out !== undefined) await writeWorkbook(out, [ev]);
      ctx.io.out(a.json ? JSON.stringify(doc, null, 2) : runSummary(doc));
      // --json keeps stdout to the one JSON document.
      if (out !== undefined) (a.json ? ctx.io.err : ctx.io.out)(`wrote ${out}`);
      exitOnErrors(ctx, ev.diagnostics);
    },
  };
}
