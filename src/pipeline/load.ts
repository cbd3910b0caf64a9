/**
 * Loading: read a scenario and every file it references (flowsheet, plant, feed, price set) into
 * a RawScenario — parsed documents with positions, not yet validated. Validation happens in
 * resolve.ts so that sweeps and Monte Carlo can patch values and re-validate without re-reading.
 */
import { dirname, resolve as resolvePath, relative, basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument, inputFilesIn, type SourceDoc } from '../io/document.js';
import type { PriceSetSource } from '../economics/prices.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import type { Diagnostic } from '../unit-ops/contract.js';

/** Where a section's data lives: a document and the path of the data inside it. */
export interface Part {
  doc: SourceDoc;
  at: (string | number)[];
  data: unknown;
}

/** A scenario with its referenced files read. */
export interface RawScenario {
  file: string;
  scenario: SourceDoc;
  flowsheet: Part;
  plant: Part;
  feed: Part;
  /** Extra sections that may be their own files (prices). */
  sections: Record<string, Part>;
  /** Price sets by name: the shipped ones, then those in a `prices/` folder beside the scenario. */
  priceSets: Record<string, PriceSetSource>;
  /** Problems that do not stop this scenario (an unreadable file in the prices/ folder it does not use). */
  warnings?: Diagnostic[];
}

/**
 * The package root (where the shipped flowsheets/ and scenarios/ live): two folders up from this
 * module in src/pipeline/ and dist/pipeline/, and from the chunk of the bundled CLI that holds it
 * (dist/bundle/, scripts/bundle.js).
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Directory of the shipped price sets. */
export const SHIPPED_PRICE_SETS = join(PACKAGE_ROOT, 'scenarios', 'prices');

/**
 * Read every price set of the given directories (later directories override earlier names). A file
 * that cannot be read is kept with its problems: a scenario that uses that set fails with them, any
 * other scenario only gets a warning (priceSetWarnings) — one broken file in a prices/ folder does
 * not stop every scenario beside it. The shipped sets are parsed when first used: a run reads one
 * or two of them, and parsing the others cost ≈ 20 ms of every command (issue 19).
 */
export function readPriceSets(dirs: readonly string[]): Record<string, PriceSetSource> {
  const sets: Record<string, PriceSetSource> = {};
  // A directory given twice (a shipped scenario's own prices/ folder is the shipped one) is read
  // once, where it comes last: reading it before would only set names the last reading sets again.
  const at = dirs.map((d) => resolvePath(d));
  const shipped = resolvePath(SHIPPED_PRICE_SETS);
  for (const [i, dir] of dirs.entries()) {
    if (at.indexOf(at[i]!, i + 1) >= 0) continue;
    for (const file of inputFilesIn(dir)) {
      const shown = displayPath(file);
      sets[basename(file, extname(file))] = at[i] === shipped ? whenUsed(shown) : readPriceSet(shown);
    }
  }
  return sets;
}

/** A price-set file, parsed, or with the problems that kept it from being read. */
function readPriceSet(shown: string): PriceSetSource {
  try {
    const doc = readDocument(shown);
    return { data: doc.data, where: doc };
  } catch (e) {
    if (!(e instanceof RegenflowError) || e.exitCode !== 1) throw e;
    return { data: undefined, where: { file: shown, locate: () => undefined }, problems: e.issues };
  }
}

/** Sets read when first used (shipped with the package, so checked by its tests rather than warned about per run). */
const READ_WHEN_USED = new WeakSet<PriceSetSource>();

/** A price set whose file is read and parsed the first time one of its fields is read. */
function whenUsed(shown: string): PriceSetSource {
  let read: PriceSetSource | undefined;
  const source = (): PriceSetSource => (read ??= readPriceSet(shown));
  const set: PriceSetSource = {
    get data() { return source().data; },
    get where() { return source().where; },
    get problems() { return source().problems; },
  };
  READ_WHEN_USED.add(set);
  return set;
}

/** Warnings for the price-set files that could not be read (used sets fail on their own problems; shipped sets are not read for this). */
export function priceSetWarnings(sets: Readonly<Record<string, PriceSetSource>>): Diagnostic[] {
  return Object.entries(sets).filter(([, s]) => !READ_WHEN_USED.has(s) && s.problems).map(([name, s]) => ({
    code: 'price-set-unreadable',
    severity: 'warning',
    where: s.where?.file ?? name,
    message: msg.priceSetUnreadable(s.where?.file ?? name, name, s.problems![0]!.message, s.problems!.length),
  }));
}

/** Display form of a path: relative to the working directory when shorter. */
export function displayPath(file: string): string {
  const r = relative(process.cwd(), file);
  return r && !r.startsWith('..') && r.length < file.length ? r : file;
}

/** Read a file given relative to another file, with errors placed at the referencing field. */
export function readReferenced(fromDoc: SourceDoc, at: (string | number)[], ref: string): SourceDoc {
  const file = displayPath(resolvePath(dirname(fromDoc.file), ref));
  try {
    return readDocument(file);
  } catch (e) {
    if (e instanceof RegenflowError && e.code === 'file-not-found') {
      const loc = fromDoc.locate(at);
      throw new RegenflowError('file-not-found', msg.fileNotFound(file), { place: { file: fromDoc.file, path: at.join('.'), ...(loc ? { line: loc.line, column: loc.column } : {}) } });
    }
    throw e;
  }
}

/** A section given inline or as a path: read the file when it is a path. */
export function partOf(doc: SourceDoc, key: string): Part | undefined {
  const value = (doc.data as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const sub = readReferenced(doc, [key], value);
    return { doc: sub, at: [], data: sub.data };
  }
  return { doc, at: [key], data: value };
}

/** Read a scenario and the files it references. `flowsheetOverride` replaces its flowsheet. */
export function loadRawScenario(file: string, flowsheetOverride?: string): RawScenario {
  const scenario = readDocument(file);
  const data = scenario.data as Record<string, unknown>;
  const missing = (key: string, what: string) =>
    new RegenflowError('missing-field', msg.missingField(what), { place: { file, path: key, line: 1, column: 1 } });
  let flowsheetDoc: SourceDoc;
  if (flowsheetOverride) flowsheetDoc = readDocument(flowsheetOverride);
  else {
    if (typeof data.flowsheet !== 'string') throw missing('flowsheet', 'path of a flowsheet file');
    flowsheetDoc = readReferenced(scenario, ['flowsheet'], data.flowsheet);
  }
  const plant = partOf(scenario, 'plant');
  if (!plant) throw missing('plant', 'plant (inline or a path)');
  const feed = partOf(scenario, 'feed');
  if (!feed) throw missing('feed', 'feed (inline or a path)');
  const sections: Record<string, Part> = {};
  for (const key of ['prices', 'finance', 'spec', 'design']) {
    const p = sectionPart(scenario, key);
    if (p) sections[key] = p;
  }
  const priceSets = readPriceSets([SHIPPED_PRICE_SETS, join(dirname(file), 'prices')]);
  const warnings = priceSetWarnings(priceSets);
  return { file, scenario, flowsheet: { doc: flowsheetDoc, at: [], data: flowsheetDoc.data }, plant, feed, sections, priceSets, ...(warnings.length ? { warnings } : {}) };
}

/** Sections that may reference a file through a `file:` key or be inline. */
function sectionPart(doc: SourceDoc, key: string): Part | undefined {
  const value = (doc.data as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return partOf(doc, key);
  return { doc, at: [key], data: value };
}
