/**
 * Writing a scenario back as a file (issue 15: `regenflow optimize --out`): the scenario as read,
 * with overrides set and, optionally, another flowsheet. Paths it references (flowsheet, plant,
 * feed, price/finance/spec/design files) are rewritten relative to the new file's folder, so the
 * written scenario runs from wherever it is written. Returns text; io/ writes it.
 */
import { dirname, relative, resolve, sep, posix, join } from 'node:path';
import { stringify } from 'yaml';
import type { RawScenario } from './load.js';
import { PACKAGE_ROOT } from './load.js';

/** Keys of a scenario that may hold a path to another file. */
const FILE_KEYS = ['flowsheet', 'plant', 'feed', 'prices', 'finance', 'spec', 'design'] as const;

/** `target` (absolute) as a path relative to `dir`, with forward slashes. */
function relativeTo(dir: string, target: string): string {
  const r = relative(dir, target).split(sep).join(posix.sep);
  return r.startsWith('.') ? r : `./${r}`;
}

/** What to change in the scenario written. */
export interface ScenarioFileOptions {
  /** Where the scenario is written (its references are made relative to its folder). */
  outFile: string;
  /** Overrides to set (added after the scenario's own; a path it already overrides is replaced in place). */
  overrides: Record<string, unknown>;
  /** A flowsheet file to use instead of the scenario's. */
  flowsheetFile?: string;
  /** Comment lines written at the top. */
  comment?: readonly string[];
  /** Replace the scenario's own overrides instead of adding to them. */
  replaceOverrides?: boolean;
  /** Uncertain inputs to write instead of the scenario's own (none: the list is left out). */
  uncertainty?: readonly Record<string, unknown>[];
}

/** The YAML text of the scenario `raw` with the changes of `o`. */
export function scenarioFileText(raw: RawScenario, o: ScenarioFileOptions): string {
  const fromDir = dirname(resolve(raw.file));
  const toDir = dirname(resolve(o.outFile));
  const data = { ...(raw.scenario.data as Record<string, unknown>) };
  delete data.$schema;
  for (const key of FILE_KEYS) {
    const v = data[key];
    if (typeof v === 'string') data[key] = relativeTo(toDir, resolve(fromDir, v));
  }
  if (o.flowsheetFile !== undefined) data.flowsheet = relativeTo(toDir, resolve(o.flowsheetFile));
  const own = !o.replaceOverrides && data.overrides && typeof data.overrides === 'object' ? (data.overrides as Record<string, unknown>) : {};
  const overrides = { ...own, ...o.overrides };
  if (Object.keys(overrides).length > 0) data.overrides = overrides;
  else delete data.overrides;
  if (o.uncertainty !== undefined) {
    if (o.uncertainty.length > 0) data.uncertainty = [...o.uncertainty];
    else delete data.uncertainty;
  }
  return yamlFileText(data, 'scenario', o.outFile, o.comment);
}

/** YAML text of `data` with the editor-schema line of its kind and comment lines on top. */
export function yamlFileText(data: unknown, kind: 'scenario' | 'flowsheet', outFile: string, comment: readonly string[] = []): string {
  const schema = relativeTo(dirname(resolve(outFile)), join(PACKAGE_ROOT, 'schemas', `${kind}.schema.json`));
  const head = [`# yaml-language-server: $schema=${schema}`, ...comment.map((c) => `# ${c}`)].join('\n');
  return `${head}\n${stringify(data, { lineWidth: 0 })}`;
}
