/**
 * `regenflow diagram <flowsheet|scenario> --out x.svg|x.png [--sankey]`: draw a picture.
 * - a flowsheet file: the flowsheet (units, boundaries, streams with their ports, recycles);
 * - a scenario: its flowsheet by default, or with --sankey the Sankey of the mass flows of its run
 *   (a flowsheet file alone has no feed, so --sankey needs a scenario).
 * The format follows the extension of --out (.svg or .png); the file is written atomically.
 */
import { extname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { readDocument } from '../../io/document.js';
import { writeFileAtomic } from '../../io/write.js';
import { fileKindOf } from '../../pipeline/validate.js';
import { loadRawScenario } from '../../pipeline/load.js';
import { resolveModel, resolveFlowsheet, type ResolvedFlowsheet } from '../../pipeline/resolve.js';
import { evaluate } from '../../pipeline/evaluate.js';
import { flowsheetFileSchema, type FlowsheetSpec } from '../../unit-ops/flowsheet-schema.js';
import { toInputIssues } from '../../schema/issues.js';
import { RegenflowError, inputErrors, type InputIssue } from '../../schema/errors.js';
import { msg } from '../../schema/messages.js';
import { flowsheetSvg, flowsheetSvgOf } from '../../export/diagram.js';
import { sankeySvg } from '../../export/sankey.js';
import type { CommandContext } from './context.js';

/** Picture formats, by extension of the output file. */
export const PICTURE_EXTENSIONS = ['.svg', '.png'] as const;

/** Read and validate a flowsheet file on its own (no scenario). Throws RegenflowError listing every problem. */
export function loadFlowsheetFile(file: string): ResolvedFlowsheet {
  const doc = readDocument(file);
  const issues: InputIssue[] = [];
  const r = flowsheetFileSchema.safeParse(doc.data);
  if (!r.success) throw inputErrors(toInputIssues(r.error.issues, flowsheetFileSchema, doc.data, doc));
  const fs = resolveFlowsheet(r.data as FlowsheetSpec, { doc, at: [], data: doc.data }, issues);
  if (!fs || issues.length > 0) throw inputErrors(issues);
  return fs;
}

/** The picture (SVG) of a flowsheet or scenario file, and what it shows. */
export function diagramSvg(file: string, options: { sankey?: boolean; flowsheet?: string } = {}): { svg: string; what: string } {
  const kind = fileKindOf(readDocument(file).data);
  if (kind === 'flowsheet') {
    if (options.sankey) throw new RegenflowError('sankey-needs-scenario', msg.sankeyNeedsScenario(file), { place: { file } });
    const fs = loadFlowsheetFile(file);
    return { svg: flowsheetSvgOf(fs), what: `flowsheet ${fs.id}` };
  }
  if (kind === 'scenario') {
    const model = resolveModel(loadRawScenario(file, options.flowsheet));
    if (options.sankey) return { svg: sankeySvg(evaluate(model, { schedule: false })), what: `Sankey of the mass flows of scenario ${model.id} (flowsheet ${model.flowsheet.id})` };
    return { svg: flowsheetSvg(model), what: `flowsheet ${model.flowsheet.id} of scenario ${model.id}` };
  }
  throw new RegenflowError('diagram-input', msg.diagramInputKind(file), { place: { file, line: 1, column: 1 } });
}

/** The diagram command. */
export function diagramCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'diagram <file>',
    describe: 'draw a flowsheet (flowsheet or scenario file) or, with --sankey, the Sankey of a scenario\'s mass flows, as SVG or PNG',
    builder: (y: Argv) => y
      .positional('file', { type: 'string', demandOption: true, describe: 'flowsheet or scenario file' })
      .option('out', { type: 'string', demandOption: true, describe: 'picture to write: .svg or .png' })
      .option('sankey', { type: 'boolean', default: false, describe: 'draw the Sankey of the mass flows of the run (scenario only) instead of the flowsheet' })
      .option('width', { type: 'number', describe: 'width of a PNG in pixels (default: the drawing\'s own size)' })
      .option('flowsheet', { type: 'string', describe: "use this flowsheet instead of the scenario's" }),
    handler: async (a) => {
      const out = a.out as string;
      const ext = extname(out).toLowerCase();
      if (!(PICTURE_EXTENSIONS as readonly string[]).includes(ext)) {
        throw new RegenflowError('picture-extension', msg.pictureExtension(out, PICTURE_EXTENSIONS), { place: { file: out } });
      }
      const width = a.width as number | undefined;
      if (width !== undefined && !(Number.isFinite(width) && width >= 16 && width <= 20000)) {
        throw new RegenflowError('picture-width', msg.pictureWidth(width), { place: { path: '--width' } });
      }
      const { svg, what } = diagramSvg(a.file as string, { sankey: a.sankey as boolean, ...(a.flowsheet ? { flowsheet: a.flowsheet as string } : {}) });
      // The PNG renderer (a native module) is loaded only when a PNG is asked for.
      writeFileAtomic(out, ext === '.png' ? (await import('../../export/png.js')).svgToPng(svg, width) : svg);
      ctx.io.out(`wrote ${out}: ${what}`);
    },
  };
}
