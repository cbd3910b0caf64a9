/**
 * `regenflow size <scenario> [--capacity "20000 t/yr"] [--design d.yaml] [--save d.yaml]
 * [--curve lo:hi:n] [--out x.xlsx] [--json]`: the equipment list (catalogue size, count,
 * utilisation, purchase cost), the purchased-equipment total in the scenario's dollars, shifts
 * and labour, the bottleneck, the maximum capacity and the next debottlenecking steps.
 * --save writes the installed design; --design rates a saved one (an overloaded item is an
 * error: exit 2); --curve adds cost per kg and NPV against capacity with the equipment steps.
 */
import { extname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { evaluate } from '../../pipeline/evaluate.js';
import { requestedModel, sizeReport, plantDesignYaml, capacityCurve, parseCurve, requestPatches } from '../../pipeline/capacity.js';
import { DEBOTTLENECK_STEPS } from '../../design/capacity.js';
import { writeFileAtomic } from '../../io/write.js';
import { RegenflowError } from '../../schema/errors.js';
import { msg } from '../../schema/messages.js';
import { sizingText, curveText } from '../capacity-text.js';
import { capacityOptions, requestOf, exitOnErrors } from '../capacity-options.js';
import type { CommandContext } from './context.js';
import { checkWorkbookPath, writeWorkbook } from './run.js';

/** The size command line that saved a design (for the file's header; deterministic). */
function commandText(a: Record<string, unknown>): string {
  const opt = (name: string) => (typeof a[name] === 'string' ? ` --${name} ${JSON.stringify(a[name])}` : '');
  return `regenflow size ${String(a.scenario)}${opt('flowsheet')}${opt('capacity')}${opt('design')}${opt('save')}`;
}

/** The size command. */
export function sizeCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'size <scenario>',
    describe: 'equipment list (catalogue size, count, utilisation, cost), bottleneck, maximum capacity, debottlenecking; --save/--design a plant design; --curve a capacity curve',
    builder: (y: Argv) => capacityOptions(y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' }))
      .option('flowsheet', { type: 'string', describe: "use this flowsheet instead of the scenario's" })
      .option('save', { type: 'string', describe: 'write the installed design (counts and sizes of every item) to this .yaml file' })
      .option('curve', { type: 'string', describe: 'capacity curve lo:hi:n (t/yr, or with units): cost per kg and NPV against capacity, and where equipment is added' })
      .option('steps', { type: 'number', default: DEBOTTLENECK_STEPS, describe: 'debottlenecking steps to report' })
      .option('out', { type: 'string', describe: 'also write the workbook (.xlsx) of the sized plant, with a Capacity sheet when --curve is given' })
      .option('json', { type: 'boolean', default: false, describe: 'print the sizing, purchasedEquipmentUsd, debottleneck (and capacityCurve) as JSON on stdout' }),
    handler: async (a) => {
      const save = a.save as string | undefined;
      const out = a.out as string | undefined;
      if (save !== undefined && !['.yaml', '.yml'].includes(extname(save).toLowerCase())) throw new RegenflowError('design-extension', msg.designOptionNeedsYaml(save), { place: { file: save } });
      if (out !== undefined) checkWorkbookPath(out);
      const curveRange = a.curve === undefined ? undefined : parseCurve(String(a.curve));
      const steps = a.steps as number;
      if (!(Number.isInteger(steps) && steps >= 0 && steps <= 50)) throw new RegenflowError('bad-steps', msg.badSteps(a.steps), { place: { path: '--steps' } });
      const request = requestOf(a);
      const { raw, model } = requestedModel(a.scenario as string, request);
      const ev = evaluate(model);
      const report = sizeReport(ev, steps);
      const curve = curveRange ? capacityCurve(raw, requestPatches(request), request.design, curveRange.lo, curveRange.hi, curveRange.n) : undefined;
      if (save !== undefined) writeFileAtomic(save, plantDesignYaml(ev, commandText(a)));
      if (out !== undefined) await writeWorkbook(out, [ev], curve ? { capacityCurve: curve } : {});
      const s = ev.sizing;
      if (a.json) ctx.io.out(JSON.stringify({ ...s, ...report, ...(curve ? { capacityCurve: curve } : {}) }, null, 2));
      else {
        ctx.io.out(sizingText(s, `${model.name} — ${model.flowsheet.name}`, report));
        if (curve) ctx.io.out(`\n${curveText(curve)}`);
      }
      for (const f of [save, out]) if (f !== undefined) (a.json ? ctx.io.err : ctx.io.out)(`wrote ${f}`);
      exitOnErrors(ctx, s.diagnostics);
    },
  };
}
