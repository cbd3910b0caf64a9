/**
 * The corpus of broken and unusual inputs (issue 17), made by mutating the shipped scenarios,
 * feeds, plants, price sets and flowsheets. Every case says what the CLI must do: its exit code
 * (0 ok, 1 invalid input, 2 model failure), a fragment of its message, and — for an input error —
 * the place it names (`file:line`). test/cli/corpus.test.ts runs them all through the CLI's entry
 * function in one process.
 *
 * Files are written into a copy of the shipped `scenarios/` and `flowsheets/` trees; paths are
 * relative to the copy's root. Case files are named after the case, so cases share one copy
 * unless `ownTree` asks for a fresh one (a case that puts a file into `scenarios/prices/`).
 */
import { readFileSync } from 'node:fs';

/** What a case writes and runs, and what must come out. */
export interface CorpusCase {
  /** Unique id; also the base name of the case's files. */
  id: string;
  /** The class of the issue the case belongs to. */
  group: 'file' | 'yaml' | 'lookup' | 'range' | 'distribution' | 'economics' | 'crash' | 'model' | 'gap' | 'output' | 'ok';
  title: string;
  /** Files to write, relative to the tree root. */
  files: Record<string, string | Uint8Array>;
  /** CLI arguments; `@path` is a path relative to the tree root (made absolute). */
  args: string[];
  exit: 0 | 1 | 2;
  /** Text the message must contain (stderr for failures; stdout + stderr for exit 0). */
  fragment: string;
  /** The place the message must name, `path:line` relative to the root (input errors). */
  at?: string;
  /** Why an input error names no line (it has none: a command-line value, a missing file). */
  noLine?: string;
  /** A fresh copy of the shipped trees for this case alone. */
  ownTree?: boolean;
  /** Files (relative to the root) that must not exist after the run (nothing partial written). */
  absent?: string[];
  /** Files that must exist after the run. */
  present?: string[];
}

const shipped = (rel: string): string => readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8');

/** 1-based line of the first line of a shipped file containing `needle` (+ `offset` lines of a prefix), so cases survive edits elsewhere in the file. */
function lineOf(rel: string, needle: string, offset = 0): number {
  const i = shipped(rel).split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`corpus: "${needle}" not found in ${rel}`);
  return i + 1 + offset;
}

/** The line just after a shipped file's last line (where a case appends text). */
const lineAfter = (rel: string): number => shipped(rel).replace(/\n$/, '').split('\n').length + 1;

/** A shipped file with text replacements; every `from` must occur (a mutation that misses is a broken case). */
export function edit(rel: string, ...pairs: [string, string][]): string {
  let text = shipped(rel);
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`corpus: "${from}" does not occur in ${rel}`);
    text = text.replace(from, to);
  }
  return text;
}

/** A scenario beside the shipped ones: lines 1–4 name the parts, `extra` starts at line 5. */
export function scenario(extra = '', o: { flowsheet?: string; plant?: string; feed?: string } = {}): string {
  return `id: c\nflowsheet: ${o.flowsheet ?? '../flowsheets/hydrothermal.yaml'}\nplant: ${o.plant ?? 'plants/cn-10kt.yaml'}\nfeed: ${o.feed ?? 'feeds/mixed-ev-scrap.yaml'}\n${extra}`;
}

/** A scenario with an inline feed of one lot (line 6 holds the lot). */
export function oneLot(lot: string, extra = ''): string {
  return `id: c\nflowsheet: ../flowsheets/hydrothermal.yaml\nplant: plants/cn-10kt.yaml\nfeed:\n  lots:\n    - { id: a, share: 1, ${lot} }\n${extra}`;
}

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** A feed that reuses one anchor `n` times (legitimate reuse, far above the old limit of 100). */
function anchoredFeed(n: number): string {
  const lots = Array.from({ length: n }, (_, i) => `  - { id: l${i}, share: ${i === 0 ? 1 - (n - 1) * 0.001 : 0.001}, chemistry: NCM523, liPerTm: 0.9, composition: ${i === 0 ? '&scrap { cam: 0.9, al: 0.1 }' : '*scrap'} }`);
  return `basis: cathode-scrap\nlots:\n${lots.join('\n')}\n`;
}

/** An alias bomb: each anchor repeats the previous one 9 times, 9 levels deep (9^9 values). */
function aliasBomb(): string {
  let text = 'id: c\nflowsheet: ../flowsheets/hydrothermal.yaml\nplant: plants/cn-10kt.yaml\nfeed: feeds/mixed-ev-scrap.yaml\ndescription: x\n';
  text += 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let k = 1; k <= 9; k++) text += `a${k}: &a${k} [${Array.from({ length: 9 }, () => `*a${k - 1}`).join(', ')}]\n`;
  return text;
}

const S = (id: string) => `scenarios/${id}.yaml`;
const F = (id: string) => `scenarios/feeds/${id}.yaml`;
const P = (id: string) => `scenarios/plants/${id}.yaml`;
const FS = (id: string) => `flowsheets/${id}.yaml`;

/** A case that runs the scenario `id` written from `body`. */
function runCase(c: Omit<CorpusCase, 'files' | 'args'> & { body: string; command?: string[]; more?: Record<string, string | Uint8Array> }): CorpusCase {
  const { body, command, more, ...rest } = c;
  return { ...rest, files: { [S(c.id)]: body, ...(more ?? {}) }, args: [...(command ?? ['run']), `@${S(c.id)}`] };
}

/** A case that validates the scenario `id`. */
function validateCase(c: Omit<CorpusCase, 'files' | 'args'> & { body: string; more?: Record<string, string | Uint8Array>; options?: string[] }): CorpusCase {
  const { body, more, options, ...rest } = c;
  return { ...rest, files: { [S(c.id)]: body, ...(more ?? {}) }, args: ['validate', `@${S(c.id)}`, ...(options ?? [])] };
}

export const CASES: CorpusCase[] = [
  // ---------------------------------------------------------------- files and text
  validateCase({ id: 'utf8-invalid', group: 'file', title: 'invalid UTF-8 in a scenario is an error at its byte', body: '', more: { [S('utf8-invalid')]: bytes('id: c\nname: "caf', [0xe9], '"\n') }, exit: 1, fragment: 'not valid UTF-8 text (byte 0xE9', at: `${S('utf8-invalid')}:2` }),
  validateCase({ id: 'utf8-feed', group: 'file', title: 'invalid UTF-8 in a referenced feed names the feed file', body: scenario('', { feed: 'feeds/utf8-feed.yaml' }), more: { [F('utf8-feed')]: bytes(shipped('scenarios/feeds/mixed-ev-scrap.yaml'), '# ', [0xc3, 0x28], '\n') }, exit: 1, fragment: 'not valid UTF-8', at: `${F('utf8-feed')}:16` }),
  validateCase({ id: 'utf16', group: 'file', title: 'a UTF-16 file is not UTF-8', body: '', more: { [S('utf16')]: bytes([0xff, 0xfe], 'i\u0000d\u0000') }, exit: 1, fragment: 'byte 0xFF', at: `${S('utf16')}:1` }),
  validateCase({ id: 'utf8-truncated', group: 'file', title: 'a multi-byte character cut at the end of the file', body: '', more: { [S('utf8-truncated')]: bytes(scenario('name: "'), [0xe2, 0x82]) }, exit: 1, fragment: 'not valid UTF-8', at: `${S('utf8-truncated')}:5` }),
  validateCase({ id: 'utf8-overlong', group: 'file', title: 'an overlong UTF-8 encoding is refused', body: '', more: { [S('utf8-overlong')]: bytes(scenario('name: "'), [0xc0, 0xaf], '"\n') }, exit: 1, fragment: 'byte 0xC0', at: `${S('utf8-overlong')}:5` }),
  validateCase({ id: 'utf8-bom', group: 'ok', title: 'a UTF-8 byte-order mark is fine', body: '', more: { [S('utf8-bom')]: bytes([0xef, 0xbb, 0xbf], scenario()) }, exit: 0, fragment: 'ok' }),
  validateCase({ id: 'utf8-names', group: 'ok', title: 'non-ASCII text (names, µm, °C) reads as written', body: scenario('name: "Mischschrott — Köln, 10 kt/a"\noverrides: { relith.temperature: "220 °C" }\n'), exit: 0, fragment: 'ok' }),
  validateCase({ id: 'empty', group: 'file', title: 'an empty file', body: '', exit: 1, fragment: 'the file is empty', noLine: 'an empty file has no line' }),
  validateCase({ id: 'comments-only', group: 'file', title: 'a file of comments only is empty', body: '# nothing here\n# at all\n', exit: 1, fragment: 'the file is empty', noLine: 'an empty file has no line' }),
  validateCase({ id: 'top-list', group: 'file', title: 'a list at the top level', body: '- id: c\n- flowsheet: x\n', exit: 1, fragment: 'the file is not a mapping of fields (a list)', at: `${S('top-list')}:1` }),
  validateCase({ id: 'top-scalar', group: 'file', title: 'a bare value at the top level', body: '42\n', exit: 1, fragment: 'not a mapping of fields (number)', at: `${S('top-scalar')}:1` }),
  { id: 'extension', group: 'file', title: 'a file that is not YAML or JSON', files: { 'scenarios/extension.txt': scenario() }, args: ['validate', '@scenarios/extension.txt'], exit: 1, fragment: 'unsupported file type', noLine: 'the file is not read' },
  { id: 'missing-file', group: 'file', title: 'a file that does not exist', files: {}, args: ['run', '@scenarios/nowhere.yaml'], exit: 1, fragment: 'file not found', noLine: 'the file does not exist' },
  { id: 'directory', group: 'file', title: 'a directory given as a file', files: {}, args: ['validate', '@scenarios/feeds.yaml'], exit: 1, fragment: 'file not found', noLine: 'the file does not exist' },
  runCase({ id: 'missing-feed', group: 'file', title: 'a scenario naming a missing feed file is placed at the reference', body: scenario('', { feed: 'feeds/none.yaml' }), exit: 1, fragment: 'file not found', at: `${S('missing-feed')}:4` }),
  validateCase({ id: 'syntax', group: 'yaml', title: 'malformed YAML', body: scenario('finance: { discountRate: 0.1\n'), exit: 1, fragment: 'not valid YAML/JSON', at: `${S('syntax')}:6` }),
  validateCase({ id: 'duplicate-key', group: 'yaml', title: 'a key given twice', body: scenario('name: a\nname: b\n'), exit: 1, fragment: 'Map keys must be unique', at: `${S('duplicate-key')}:6` }),
  validateCase({ id: 'tabs', group: 'yaml', title: 'tab indentation', body: scenario('finance:\n\tdiscountRate: 0.1\n'), exit: 1, fragment: 'not valid YAML/JSON', at: `${S('tabs')}:6` }),
  { id: 'json-syntax', group: 'yaml', title: 'a JSON scenario with a trailing comma', files: { 'scenarios/json-syntax.json': '{\n  "id": "c",\n  "flowsheet": "../flowsheets/hydrothermal.yaml",,\n  "plant": "plants/cn-10kt.yaml"\n}\n' }, args: ['validate', '@scenarios/json-syntax.json'], exit: 1, fragment: 'not valid YAML/JSON', at: 'scenarios/json-syntax.json:3' },

  // ---------------------------------------------------------------- YAML beyond syntax
  validateCase({ id: 'tag-js-function', group: 'yaml', title: 'a !!js/function tag is not turned into a string', body: scenario('name: !!js/function "function () { return 1 }"\n'), exit: 1, fragment: 'the tag !!js/function is not allowed', at: `${S('tag-js-function')}:5` }),
  validateCase({ id: 'tag-local', group: 'yaml', title: 'a local tag', body: scenario('name: !secret abc\n'), exit: 1, fragment: 'the tag !secret is not allowed', at: `${S('tag-local')}:5` }),
  validateCase({ id: 'tag-timestamp', group: 'yaml', title: '!!timestamp is YAML 1.1, not core', body: scenario('description: !!timestamp 2024-01-01\n'), exit: 1, fragment: 'the tag !!timestamp is not allowed', at: `${S('tag-timestamp')}:5` }),
  validateCase({ id: 'tag-binary', group: 'yaml', title: '!!binary', body: scenario('description: !!binary aGVsbG8=\n'), exit: 1, fragment: 'the tag !!binary is not allowed', at: `${S('tag-binary')}:5` }),
  validateCase({ id: 'tag-set', group: 'yaml', title: '!!set on a mapping', body: scenario('finance: !!set { discountRate }\n'), exit: 1, fragment: 'the tag !!set is not allowed', at: `${S('tag-set')}:5` }),
  validateCase({ id: 'tag-core', group: 'ok', title: 'core-schema tags are fine', body: scenario('name: !!str 2024\nfinance: { discountRate: !!float 0.1 }\n'), exit: 0, fragment: 'ok' }),
  { id: 'yaml11-bool', group: 'yaml', title: 'YAML 1.1 "yes" stays a string under the core schema, even with a %YAML 1.1 directive', files: { [FS('yaml11-bool')]: `%YAML 1.1\n---\n${edit('flowsheets/hydrothermal.yaml', ['{ from: recover.recovered, to: relith.recycle }', '{ from: recover.recovered, to: relith.recycle, tear: yes }'])}` }, args: ['validate', `@${FS('yaml11-bool')}`], exit: 1, fragment: 'wrong type (string given, boolean expected)', at: `${FS('yaml11-bool')}:${lineOf('flowsheets/hydrothermal.yaml', '{ from: recover.recovered, to: relith.recycle }', 2)}` },
  validateCase({ id: 'alias-bomb', group: 'crash', title: 'an alias bomb is a clean input error (it used to be an internal error)', body: aliasBomb(), exit: 1, fragment: 'aliases expand it to more than 1,000,000 values', at: `${S('alias-bomb')}:12` }),
  validateCase({ id: 'alias-cycle', group: 'yaml', title: 'an alias inside its own anchor', body: scenario('description: &d [1, *d]\n'), exit: 1, fragment: 'refers to a node that contains it', at: `${S('alias-cycle')}:5` }),
  { id: 'anchor-reuse', group: 'crash', title: 'one anchor reused 150 times in a feed (refused as an attack before)', files: { [F('anchor-reuse')]: anchoredFeed(150) }, args: ['validate', `@${F('anchor-reuse')}`], exit: 0, fragment: 'ok' },
  runCase({ id: 'anchor-reuse-run', group: 'crash', title: 'a scenario running a feed that reuses an anchor 150 times', body: scenario('', { feed: 'feeds/anchor-reuse-run.yaml' }), more: { [F('anchor-reuse-run')]: anchoredFeed(150) }, command: ['run', '--json'], exit: 0, fragment: '"converged": true' }),
  { id: 'anchor-flowsheet', group: 'ok', title: 'anchors and aliases for repeated unit parameters', files: { [FS('anchor-flowsheet')]: edit('flowsheets/hydrothermal.yaml', ['params: { lioh: "4 mol/L", temperature: "220 degC", duration: "4 h" }', 'params: &relith { lioh: "4 mol/L", temperature: "220 degC", duration: "4 h" }'], ['- { id: wash, kind: washing }', '- { id: wash, kind: washing }\n# repeated: *relith']) }, args: ['validate', `@${FS('anchor-flowsheet')}`], exit: 0, fragment: 'ok' },
  validateCase({ id: 'proto-key', group: 'lookup', title: 'a __proto__ key is refused, not silently dropped', body: scenario('__proto__: { id: x }\n'), exit: 1, fragment: '"__proto__" is not a name regenflow knows', at: `${S('proto-key')}:5` }),
  validateCase({ id: 'proto-composition', group: 'lookup', title: '__proto__ as a composition key', body: oneLot('chemistry: NCM523, composition: { cam: 0.9, __proto__: 0.1 }'), exit: 1, fragment: '"__proto__" is not a name regenflow knows', at: `${S('proto-composition')}:6` }),
  validateCase({ id: 'proto-price', group: 'lookup', title: '__proto__ as a price override', body: scenario('prices: { overrides: { __proto__: 3 } }\n'), exit: 1, fragment: '"__proto__" is not a name regenflow knows', at: `${S('proto-price')}:5` }),

  // ---------------------------------------------------------------- own-property lookups
  { id: 'chem-tostring', group: 'crash', title: 'chemistry: toString (a crash before)', files: { [F('chem-tostring')]: edit('scenarios/feeds/mixed-ev-scrap.yaml', ['chemistry: LFP', 'chemistry: toString']), [S('chem-tostring')]: scenario('', { feed: 'feeds/chem-tostring.yaml' }) }, args: ['run', `@${S('chem-tostring')}`], exit: 1, fragment: 'unknown chemistry "toString"', at: `${F('chem-tostring')}:14` },
  validateCase({ id: 'chem-constructor', group: 'lookup', title: 'chemistry: constructor', body: oneLot('chemistry: constructor'), exit: 1, fragment: 'unknown chemistry "constructor"', at: `${S('chem-constructor')}:6` }),
  validateCase({ id: 'chem-proto', group: 'lookup', title: 'chemistry: __proto__ (as a value)', body: oneLot('chemistry: __proto__'), exit: 1, fragment: 'unknown chemistry "__proto__"', at: `${S('chem-proto')}:6` }),
  validateCase({ id: 'chem-typo', group: 'lookup', title: 'a chemistry typo gets a suggestion', body: oneLot('chemistry: NCM8111'), exit: 1, fragment: 'unknown chemistry "NCM8111" (did you mean', at: `${S('chem-typo')}:6` }),
  validateCase({ id: 'price-valueof', group: 'lookup', title: 'price override valueOf (accepted silently before)', body: scenario('prices: { overrides: { valueOf: 3 } }\n'), exit: 1, fragment: 'unknown price item "valueOf"', at: `${S('price-valueof')}:5` }),
  validateCase({ id: 'price-tostring', group: 'lookup', title: 'price key toString at the top of the prices section', body: scenario('prices: { toString: 3 }\n'), exit: 1, fragment: 'unknown price item "toString"', at: `${S('price-tostring')}:5` }),
  validateCase({ id: 'price-hasown', group: 'lookup', title: 'price key hasOwnProperty', body: scenario('prices: { overrides: { hasOwnProperty: "1 USD/kg" } }\n'), exit: 1, fragment: 'unknown price item "hasOwnProperty"', at: `${S('price-hasown')}:5` }),
  validateCase({ id: 'price-cam-proto', group: 'lookup', title: 'cam.constructor and metal.toString', body: scenario('prices: { overrides: { cam.constructor: 20, metal.toString: 5 } }\n'), exit: 1, fragment: 'unknown price item "metal.toString"', at: `${S('price-cam-proto')}:5` }),
  validateCase({ id: 'price-typo', group: 'lookup', title: 'a price-item typo gets a suggestion', body: scenario('prices: { overrides: { electricty: 0.1 } }\n'), exit: 1, fragment: '(did you mean "electricity"?)', at: `${S('price-typo')}:5` }),
  validateCase({ id: 'priceset-tostring', group: 'lookup', title: 'price set toString (a message without a place before)', body: scenario('prices: { set: toString }\n'), exit: 1, fragment: 'unknown price set "toString"', at: `${S('priceset-tostring')}:5` }),
  validateCase({ id: 'comp-constructor', group: 'lookup', title: 'composition key constructor (dropped silently before)', body: oneLot('chemistry: NCM523, composition: { cam: 0.9, constructor: 0.1 }'), exit: 1, fragment: 'unknown component "constructor"', at: `${S('comp-constructor')}:6` }),
  validateCase({ id: 'comp-tostring', group: 'lookup', title: 'composition key toString', body: oneLot('chemistry: NCM523, composition: { cam: 0.9, toString: 0.1 }'), exit: 1, fragment: 'unknown component "toString"', at: `${S('comp-tostring')}:6` }),
  validateCase({ id: 'tm-tostring', group: 'lookup', title: 'tm key toString', body: oneLot('chemistry: { tm: { Ni: 0.5, toString: 0.5 } }'), exit: 1, fragment: '"toString" is not an element symbol', at: `${S('tm-tostring')}:6` }),
  validateCase({ id: 'spec-chem-proto', group: 'lookup', title: 'spec chemistries valueOf and toString', body: scenario('spec: { productChemistries: [toString], byChemistry: { valueOf: { maxCationMixing: 0.1 } } }\n'), exit: 1, fragment: 'unknown chemistry "valueOf"', at: `${S('spec-chem-proto')}:5` }),
  validateCase({ id: 'unit-tostring', group: 'lookup', title: 'a unit "toString" in a quantity', body: scenario('overrides: { relith.temperature: "220 toString" }\n'), exit: 1, fragment: '"toString" is not a known unit', at: `${S('unit-tostring')}:5` }),
  validateCase({ id: 'unit-constructor', group: 'lookup', title: 'a unit "constructor" in a plant capacity', body: scenario('', { plant: 'plants/unit-constructor.yaml' }), more: { [P('unit-constructor')]: edit('scenarios/plants/cn-10kt.yaml', ['"10000 t/yr"', '"10000 constructor/yr"']) }, exit: 1, fragment: '"constructor" is not a known unit', at: `${P('unit-constructor')}:5` }),
  runCase({ id: 'override-constructor', group: 'crash', title: 'override relith.constructor (a crash before)', body: scenario('overrides: { relith.constructor: 3 }\n'), exit: 1, fragment: 'unknown field "constructor"', at: `${S('override-constructor')}:5` }),
  runCase({ id: 'override-proto-unit', group: 'lookup', title: 'override toString.temperature (no such unit)', body: scenario('overrides: { toString.temperature: 3 }\n'), exit: 1, fragment: 'no unit "toString" in the flowsheet', at: `${S('override-proto-unit')}:5` }),
  runCase({ id: 'fixed-count-proto', group: 'lookup', title: 'a fixed count for relith.constructor', body: scenario('design: { fixedCounts: { relith.constructor: 3 } }\n'), exit: 1, fragment: 'no equipment item "relith.constructor"', at: `${S('fixed-count-proto')}:5` }),
  validateCase({ id: 'capex-method-proto', group: 'lookup', title: 'capexMethod toString', body: scenario('finance: { capexMethod: toString }\n'), exit: 1, fragment: '"toString" is not allowed', at: `${S('capex-method-proto')}:5` }),
  validateCase({ id: 'factor-proto', group: 'lookup', title: 'a cost factor named constructor', body: scenario('finance: { factors: { constructor: 0.1 } }\n'), exit: 1, fragment: 'unknown cost factor "constructor"', at: `${S('factor-proto')}:5` }),
  { id: 'kind-proto', group: 'lookup', title: 'unit kind toString', files: { [FS('kind-proto')]: edit('flowsheets/hydrothermal.yaml', ['{ id: wash, kind: washing }', '{ id: wash, kind: toString }']) }, args: ['validate', `@${FS('kind-proto')}`], exit: 1, fragment: 'unknown unit kind "toString"', at: `${FS('kind-proto')}:${lineOf('flowsheets/hydrothermal.yaml', '{ id: wash, kind: washing }')}` },
  validateCase({ id: 'uncertainty-proto', group: 'lookup', title: 'an uncertain input at prices.toString', body: scenario('uncertainty:\n  - { path: prices.toString, dist: uniform, min: 1, max: 2 }\n'), exit: 1, fragment: 'unknown price item "toString"', at: `${S('uncertainty-proto')}:6` }),

  // ---------------------------------------------------------------- ranges
  runCase({ id: 'capacity-huge', group: 'crash', title: 'a capacity of 10^15 t/yr (money beyond the exact range before)', body: scenario('', { plant: 'plants/capacity-huge.yaml' }), more: { [P('capacity-huge')]: edit('scenarios/plants/cn-10kt.yaml', ['"10000 t/yr"', '"1e15 t/yr"']) }, exit: 1, fragment: 'above the maximum (1000000000000000000 kg/yr); it must be at most 1000000000 kg/yr', at: `${P('capacity-huge')}:5` }),
  validateCase({ id: 'capacity-negative', group: 'range', title: 'a negative capacity', body: scenario('', { plant: 'plants/capacity-negative.yaml' }), more: { [P('capacity-negative')]: edit('scenarios/plants/cn-10kt.yaml', ['"10000 t/yr"', '"-5 t/yr"']) }, exit: 1, fragment: 'must be positive (-5000 kg/yr)', at: `${P('capacity-negative')}:5` }),
  validateCase({ id: 'capacity-nan', group: 'range', title: 'a capacity of .nan', body: scenario('', { plant: 'plants/capacity-nan.yaml' }), more: { [P('capacity-nan')]: edit('scenarios/plants/cn-10kt.yaml', ['"10000 t/yr"', '.nan']) }, exit: 1, fragment: 'not a finite number (NaN)', at: `${P('capacity-nan')}:5` }),
  validateCase({ id: 'capacity-wrong-unit', group: 'range', title: 'a capacity in kWh', body: scenario('', { plant: 'plants/capacity-wrong-unit.yaml' }), more: { [P('capacity-wrong-unit')]: edit('scenarios/plants/cn-10kt.yaml', ['"10000 t/yr"', '"10000 kWh"']) }, exit: 1, fragment: 'is energy but mass/time is expected', at: `${P('capacity-wrong-unit')}:5` }),
  validateCase({ id: 'hours-over-year', group: 'range', title: 'more operating hours than a year has', body: scenario('', { plant: 'plants/hours-over-year.yaml' }), more: { [P('hours-over-year')]: edit('scenarios/plants/cn-10kt.yaml', ['"6400 h/yr"', '"9000 h/yr"']) }, exit: 1, fragment: 'it must be at most 8760 h/yr', at: `${P('hours-over-year')}:6` }),
  validateCase({ id: 'liptm-scalar', group: 'range', title: 'Li/TM of 5', body: oneLot('chemistry: NCM523, liPerTm: 5'), exit: 1, fragment: 'above the maximum (5); it must be at most 1.3', at: `${S('liptm-scalar')}:6` }),
  validateCase({ id: 'cation-mixing-negative', group: 'range', title: 'negative cation mixing', body: oneLot('chemistry: NCM523, cationMixing: -0.1'), exit: 1, fragment: 'must not be negative (-0.1)', at: `${S('cation-mixing-negative')}:6` }),
  validateCase({ id: 'd50-zero', group: 'range', title: 'a D50 of 0 µm', body: oneLot('chemistry: NCM523, d50: "0 um"'), exit: 1, fragment: 'it must be more than 0 um', at: `${S('d50-zero')}:6` }),
  validateCase({ id: 'oxygen-tm', group: 'range', title: 'oxygen as a transition metal (accepted before)', body: oneLot('chemistry: { tm: { Ni: 0.5, O: 0.5 } }'), exit: 1, fragment: 'O cannot sit on the transition-metal site', at: `${S('oxygen-tm')}:6` }),
  validateCase({ id: 'lithium-tm', group: 'range', title: 'lithium on the TM site', body: oneLot('chemistry: { tm: { Ni: 0.8, Li: 0.2 } }'), exit: 1, fragment: 'Li cannot sit on the transition-metal site (lithium is given by liPerTm)', at: `${S('lithium-tm')}:6` }),
  validateCase({ id: 'fluorine-tm', group: 'range', title: 'fluorine on the TM site', body: oneLot('chemistry: { tm: { Ni: 0.9, F: 0.1 } }'), exit: 1, fragment: 'F cannot sit on the transition-metal site', at: `${S('fluorine-tm')}:6` }),
  validateCase({ id: 'tm-sum', group: 'range', title: 'TM fractions that do not sum to 1', body: oneLot('chemistry: { tm: { Ni: 0.5, Co: 0.2 } }'), exit: 1, fragment: 'TM-site fractions sum to 0.7', at: `${S('tm-sum')}:6` }),
  validateCase({ id: 'shares-sum', group: 'range', title: 'lot shares that do not sum to 1', body: scenario('', { feed: 'feeds/shares-sum.yaml' }), more: { [F('shares-sum')]: edit('scenarios/feeds/mixed-ev-scrap.yaml', ['share: 0.35', 'share: 0.42']) }, exit: 1, fragment: 'shares sum to 1.07', at: `${F('shares-sum')}:10` }),
  validateCase({ id: 'bins-too-many', group: 'range', title: '100 sub-lots per lot', body: oneLot('chemistry: NCM523, bins: 100'), exit: 1, fragment: 'it must be ≤ 50', at: `${S('bins-too-many')}:6` }),
  { id: 'lots-too-many', group: 'output', title: 'a feed of 1001 lots', files: { [F('lots-too-many')]: `lots:\n${Array.from({ length: 1001 }, (_, i) => `  - { id: l${i}, share: ${i === 0 ? 1 - 1000 * 0.0005 : 0.0005}, chemistry: NCM523 }`).join('\n')}\n` }, args: ['validate', `@${F('lots-too-many')}`], exit: 1, fragment: 'at most 1000 items', at: `${F('lots-too-many')}:2` },
  validateCase({ id: 'cepci-tiny', group: 'economics', title: 'a CEPCI override of 0.0001 (CAPEX of 8 USD before)', body: scenario('finance: { cepci: { 2024: 0.0001 } }\n'), exit: 1, fragment: 'CEPCI value out of range (0.0001)', at: `${S('cepci-tiny')}:5` }),
  validateCase({ id: 'cepci-huge', group: 'economics', title: 'a CEPCI override of 800,000', body: scenario('finance: { cepci: { 2024: 800000 } }\n'), exit: 1, fragment: 'CEPCI value out of range (800000)', at: `${S('cepci-huge')}:5` }),
  validateCase({ id: 'quality-factor-5', group: 'economics', title: 'a quality factor of 5 (accepted before)', body: scenario('prices: { overrides: { quality-factor: 5 } }\n'), exit: 1, fragment: 'prices regenerated cathode above virgin material', at: `${S('quality-factor-5')}:5` }),
  validateCase({ id: 'quality-factor-0', group: 'economics', title: 'a quality factor of 0', body: scenario('prices: { overrides: { quality-factor: 0 } }\n'), exit: 1, fragment: '"quality-factor" must be positive', at: `${S('quality-factor-0')}:5` }),
  validateCase({ id: 'price-huge', group: 'economics', title: 'a reagent at 10^15 USD/kg (money beyond exact range before)', body: scenario('prices: { overrides: { LiOH·H2O: "1e15 USD/kg" } }\n'), exit: 1, fragment: 'is implausibly large (1e15 USD/kg); give at most 10000 USD/kg', at: `${S('price-huge')}:5` }),
  validateCase({ id: 'electricity-huge', group: 'economics', title: 'electricity at 100 USD/kWh', body: scenario('prices: { overrides: { electricity: "100 USD/kWh" } }\n'), exit: 1, fragment: 'give at most 10 USD/kWh', at: `${S('electricity-huge')}:5` }),
  validateCase({ id: 'labour-huge', group: 'economics', title: 'labour at 1,000,000 USD/h', body: scenario('prices: { overrides: { labour: "1e6 USD/h" } }\n'), exit: 1, fragment: 'give at most 1000 USD/h', at: `${S('labour-huge')}:5` }),
  validateCase({ id: 'price-negative', group: 'economics', title: 'a negative reagent price', body: scenario('prices: { overrides: { Li2CO3: "-3 USD/kg" } }\n'), exit: 1, fragment: 'price of "Li2CO3" is negative', at: `${S('price-negative')}:5` }),
  validateCase({ id: 'feed-fee-huge', group: 'economics', title: 'a feed fee of 50 USD/kg paid to the plant', body: scenario('prices: { overrides: { feed.NCM811: "-50 USD/kg" } }\n'), exit: 1, fragment: 'give at least -5 USD/kg', at: `${S('feed-fee-huge')}:5` }),
  runCase({ id: 'opex-negative', group: 'economics', title: 'a negative OPEX (feed fees above every cost; accepted before)', body: scenario('prices: { overrides: { feed.NCM523: "-5 USD/kg", feed.NCM622: "-5 USD/kg", feed.NCM811: "-5 USD/kg" } }\n'), exit: 1, fragment: 'the operating cost is negative', at: `${S('opex-negative')}:5` }),
  validateCase({ id: 'currency-unknown', group: 'economics', title: 'a price in a currency without a rate', body: scenario('prices: { overrides: { electricity: "0.5 JPY/kWh" } }\n'), exit: 1, fragment: 'no exchange rate for JPY', at: `${S('currency-unknown')}:5` }),
  validateCase({ id: 'discount-rate', group: 'economics', title: 'a discount rate of 200 %', body: scenario('finance: { discountRate: 2 }\n'), exit: 1, fragment: 'it must be at most 1', at: `${S('discount-rate')}:5` }),
  validateCase({ id: 'life-fraction', group: 'economics', title: 'a plant life of 7.5 years', body: scenario('finance: { life: "7.5 yr" }\n'), exit: 1, fragment: 'life must be a whole number of years', at: `${S('life-fraction')}:5` }),
  validateCase({ id: 'construction-sum', group: 'economics', title: 'a construction schedule summing to 0.9', body: scenario('finance: { construction: [0.4, 0.5] }\n'), exit: 1, fragment: 'construction fractions sum to 0.9', at: `${S('construction-sum')}:5` }),
  validateCase({ id: 'factor-negative', group: 'economics', title: 'a negative maintenance factor', body: scenario('finance: { factors: { maintenance: -0.5 } }\n'), exit: 1, fragment: 'cost factor "maintenance" is not valid (-0.5)', at: `${S('factor-negative')}:5` }),
  validateCase({ id: 'factor-huge', group: 'economics', title: 'a contingency factor of 1000', body: scenario('finance: { factors: { contingency: 1000 } }\n'), exit: 1, fragment: 'it must be at most 10', at: `${S('factor-huge')}:5` }),
  validateCase({ id: 'margin-huge', group: 'crash', title: 'a design margin of 10^12 (money beyond the exact range before)', body: scenario('design: { margin: 1e12 }\n'), exit: 1, fragment: 'it must be at most 10', at: `${S('margin-huge')}:5` }),
  validateCase({ id: 'margin-low', group: 'range', title: 'a design margin below 1', body: scenario('design: { margin: 0.8 }\n'), exit: 1, fragment: 'design margin below 1 (0.8)', at: `${S('margin-low')}:5` }),
  validateCase({ id: 'count-huge', group: 'crash', title: 'a fixed count of 10^12 autoclaves (money beyond the exact range before)', body: scenario('design: { fixedCounts: { relith.autoclave: 1000000000000 } }\n'), exit: 1, fragment: 'an equipment count above 10,000', at: `${S('count-huge')}:5` }),
  validateCase({ id: 'count-fraction', group: 'range', title: 'a fixed count of 2.5', body: scenario('design: { fixedCounts: { relith.autoclave: 2.5 } }\n'), exit: 1, fragment: 'an equipment count must be a whole number ≥ 0 (2.5)', at: `${S('count-fraction')}:5` }),
  validateCase({ id: 'fill-order', group: 'range', title: 'minimum fill above maximum fill', body: scenario('design: { minFill: "95 %" }\n'), exit: 1, fragment: 'the minimum fill is not below the maximum fill', at: `${S('fill-order')}:5` }),
  validateCase({ id: 'spec-window', group: 'range', title: 'an empty Li/TM window', body: scenario('spec: { liPerTmMin: 1.1, liPerTmMax: 1.0 }\n'), exit: 1, fragment: 'the Li/TM window is empty', at: `${S('spec-window')}:5` }),
  validateCase({ id: 'spec-rocksalt', group: 'range', title: 'a rock-salt limit of 5 mm', body: scenario('spec: { maxSurfaceRockSalt_nm: "5 mm" }\n'), exit: 1, fragment: 'it must be at most 1000 nm', at: `${S('spec-rocksalt')}:5` }),
  { id: 'solver-tolerance', group: 'range', title: 'a solver tolerance of 0.1', files: { [FS('solver-tolerance')]: `${shipped('flowsheets/hydrothermal.yaml')}solver: { tolerance: 0.1 }\n` }, args: ['validate', `@${FS('solver-tolerance')}`], exit: 1, fragment: 'value too large (0.1)', at: `${FS('solver-tolerance')}:${lineAfter('flowsheets/hydrothermal.yaml')}` },
  { id: 'solver-wegstein', group: 'range', title: 'a Wegstein lower bound of -1e9', files: { [FS('solver-wegstein')]: `${shipped('flowsheets/hydrothermal.yaml')}solver: { wegsteinMin: -1.0e9 }\n` }, args: ['validate', `@${FS('solver-wegstein')}`], exit: 1, fragment: 'value too small (-1000000000)', at: `${FS('solver-wegstein')}:${lineAfter('flowsheets/hydrothermal.yaml')}` },
  runCase({ id: 'param-temperature', group: 'range', title: 'a reactor temperature of 5000 °C', body: scenario('overrides: { relith.temperature: "-500 degC" }\n'), exit: 1, fragment: 'below the minimum', at: `${S('param-temperature')}:5` }),
  runCase({ id: 'param-wash-stages', group: 'range', title: 'zero wash stages', body: scenario('overrides: { wash.stages: 0 }\n'), exit: 1, fragment: 'below the minimum (0)', at: `${S('param-wash-stages')}:5` }),
  runCase({ id: 'param-drying-time', group: 'range', title: 'a dryer residence time of 1000 h', body: scenario('overrides: { dry.residenceTime: "1000 h" }\n'), exit: 1, fragment: 'it must be at most 48 h', at: `${S('param-drying-time')}:5` }),
  runCase({ id: 'param-recover', group: 'range', title: 'an MVR using more energy than evaporation itself', body: scenario('overrides: { recover.mvrSpecificEnergy: "2 kWh/kg" }\n'), exit: 1, fragment: 'it must be at most 0.7 kWh/kg', at: `${S('param-recover')}:5` }),
  runCase({ id: 'param-relith-duration', group: 'range', title: 'a relithiation of 1e7 h (a CAPEX of 3e13 USD before)', body: scenario('overrides: { relith.duration: "1e7 h" }\n'), exit: 1, fragment: 'above the maximum (10000000 h); it must be at most 240 h', at: `${S('param-relith-duration')}:5` }),
  runCase({ id: 'param-faradaic', group: 'range', title: 'a negative Faradaic efficiency', body: scenario('overrides: { relith.faradaicEfficiency: -0.2 }\n', { flowsheet: '../flowsheets/electrochemical.yaml' }), exit: 1, fragment: 'Faradaic efficiency is outside (0, 1] (-0.2)', at: `${S('param-faradaic')}:5` }),
  runCase({ id: 'param-sinter-dwell', group: 'range', title: 'a sintering dwell of 1e6 h', body: scenario('overrides: { sinter.dwell: "1e6 h" }\n'), exit: 1, fragment: 'it must be at most 240 h', at: `${S('param-sinter-dwell')}:5` }),
  validateCase({ id: 'param-bath-vessel', group: 'range', title: 'a delamination bath vessel beyond its cost correlation', body: scenario('overrides: { delam.vesselVolume: "500 m3" }\n'), exit: 1, fragment: 'it must be at most 35 m3', at: `${S('param-bath-vessel')}:5` }),
  runCase({ id: 'param-bool', group: 'range', title: 'a number where a list is expected', body: scenario('overrides: { sort.lanes: 3 }\n'), exit: 1, fragment: 'wrong type', at: `${S('param-bool')}:5` }),

  // ---------------------------------------------------------------- distribution-valued lot attributes
  validateCase({ id: 'dist-d50-negative', group: 'distribution', title: 'a D50 distribution with negative sub-lots (accepted before)', body: oneLot('chemistry: NCM523, d50: { dist: normal, mean: 5, sd: 10 }'), exit: 1, fragment: 'the d50 distribution gives sub-lots from -8.998 to 19', at: `${S('dist-d50-negative')}:6` }),
  validateCase({ id: 'dist-cm-negative', group: 'distribution', title: 'a cation-mixing distribution with negative sub-lots', body: oneLot('chemistry: NCM523, cationMixing: { dist: normal, mean: 0.02, sd: 0.1 }'), exit: 1, fragment: 'the cationMixing distribution gives sub-lots from -0.12', at: `${S('dist-cm-negative')}:6` }),
  validateCase({ id: 'dist-liptm-high', group: 'distribution', title: 'a Li/TM distribution far above 1 (raised NPV 265 → 395 M USD before)', body: oneLot('chemistry: NCM523, liPerTm: { dist: uniform, min: 0.8, max: 5 }'), exit: 1, fragment: 'outside its valid range 0 … 1.3', at: `${S('dist-liptm-high')}:6` }),
  validateCase({ id: 'dist-crack', group: 'distribution', title: 'a crack fraction distribution above 1', body: oneLot('chemistry: NCM523, crackFraction: { dist: triangular, min: 0.5, mode: 0.9, max: 1.5 }'), exit: 1, fragment: 'the crackFraction distribution gives sub-lots', at: `${S('dist-crack')}:6` }),
  validateCase({ id: 'dist-rocksalt', group: 'distribution', title: 'a rock-salt distribution with negative sub-lots', body: oneLot('chemistry: NCM523, surfaceRockSalt_nm: { dist: normal, mean: 2, sd: 5, bins: 10 }'), exit: 1, fragment: '(10 equal-mass sub-lots)', at: `${S('dist-rocksalt')}:6` }),
  validateCase({ id: 'dist-sd-negative', group: 'distribution', title: 'a negative standard deviation', body: oneLot('chemistry: NCM523, liPerTm: { dist: normal, mean: 0.9, sd: -0.1 }'), exit: 1, fragment: 'must not be negative (sd -0.1)', at: `${S('dist-sd-negative')}:6` }),
  validateCase({ id: 'dist-truncated', group: 'distribution', title: 'truncate: true cuts the distribution at the range, with a warning', body: oneLot('chemistry: NCM523, d50: { dist: normal, mean: 5, sd: 10, truncate: true }'), exit: 0, fragment: 'the d50 distribution is cut at its valid range > 0 … 500 um (truncate: true; 30.9 % of its probability lay outside)' }),
  runCase({ id: 'dist-truncated-run', group: 'distribution', title: 'a truncated distribution runs; the run reports the warning', body: oneLot('chemistry: NCM523, liPerTm: { dist: normal, mean: 1.25, sd: 0.1, truncate: true }'), exit: 0, fragment: 'warning: feed.lots[a].liPerTm: feed lot a: the liPerTm distribution is cut' }),
  validateCase({ id: 'dist-truncated-outside', group: 'distribution', title: 'a truncated distribution entirely outside the range', body: oneLot('chemistry: NCM523, cationMixing: { dist: uniform, min: 0.6, max: 0.9, truncate: true }'), exit: 1, fragment: 'lies entirely outside its valid range 0 … 0.5', at: `${S('dist-truncated-outside')}:6` }),
  validateCase({ id: 'dist-inside', group: 'ok', title: 'a distribution well inside the range', body: oneLot('chemistry: NCM523, liPerTm: { dist: normal, mean: 0.86, sd: 0.04 }'), exit: 0, fragment: 'ok' }),
  runCase({ id: 'dist-override', group: 'distribution', title: 'an override that makes a lot attribute out of range', body: scenario('overrides: { "feed.lots[ev-811].cationMixing": 0.9 }\n'), exit: 1, fragment: 'it must be at most 0.5', at: `${S('dist-override')}:5` }),

  // ---------------------------------------------------------------- model failures and former crashes
  runCase({ id: 'zero-cam', group: 'crash', title: 'a feed without cathode material (a crash before)', body: scenario('', { feed: 'feeds/zero-cam.yaml' }), more: { [F('zero-cam')]: 'lots:\n  - { id: foil, share: 1, chemistry: NCM523, composition: { al: 1 } }\n' }, exit: 1, fragment: 'feeds/zero-cam.yaml', at: `${F('zero-cam')}:2` }),
  runCase({ id: 'closure', group: 'model', title: 'a "converged" run whose balances do not close (exit 0 before)', body: scenario('', { flowsheet: '../flowsheets/closure.yaml' }), more: { [FS('closure')]: `${shipped('flowsheets/electrochemical.yaml')}solver: { tolerance: 1.0e-3, method: direct }\n` }, exit: 2, fragment: 'balances must close within 1e-9', at: S('closure') }),
  runCase({ id: 'not-converged', group: 'model', title: 'a recycle loop that cannot converge names the scenario', body: scenario('', { flowsheet: '../flowsheets/not-converged.yaml' }), more: { [FS('not-converged')]: 'id: trap\nunits:\n  - { id: mix, kind: mixer }\n  - { id: sep, kind: separator, params: { outlets: [back, out], split: { Al: { back: 1 } }, rest: out } }\nstreams:\n  - { from: feed, to: mix }\n  - { from: mix, to: sep }\n  - { from: sep.back, to: mix }\n  - { from: sep.out, to: product }\nsolver: { maxIterations: 30 }\n' }, exit: 2, fragment: 'did not converge', at: S('not-converged') }),
  runCase({ id: 'money-range', group: 'crash', title: 'money beyond the exact range from inputs each within its range (an internal error before)', body: scenario('prices: { overrides: { LiOH: "10000 USD/kg", CO2: "0.1 USD/kg" } }\n', { flowsheet: '../flowsheets/money-range.yaml' }), more: { [FS('money-range')]: 'id: money\nunits:\n  - id: carb\n    kind: reactor\n    params: { reactions: [ { equation: "2 LiOH + CO2 -> Li2CO3 + H2O", extent: "1000000 kmol/h" } ], supply: [LiOH, CO2] }\nstreams:\n  - { from: feed, to: carb }\n  - { from: carb, to: product }\n' }, exit: 1, fragment: 'USD that totals are exact to', at: S('money-range') }),
  runCase({ id: 'missing-price', group: 'gap', title: 'a missing price names the price set file and line (no place before)', body: oneLot('chemistry: { name: NCM955x, tm: { Ni: 0.9, Co: 0.05, Mn: 0.05 } }'), exit: 1, fragment: 'no price for "cam.NCM955x"', at: `scenarios/prices/cn-2024.yaml:${lineOf('scenarios/prices/cn-2024.yaml', 'items:')}` }),
  runCase({ id: 'custom-chem-priced', group: 'gap', title: 'a custom chemistry is priced under its name (was refused as an unknown price item)', body: oneLot('chemistry: { name: NCM955x, tm: { Ni: 0.9, Co: 0.05, Mn: 0.05 } }', 'prices: { overrides: { cam.NCM955x: "20 USD/kg" } }\n'), exit: 0, fragment: 'In-spec regenerated CAM' }),
  validateCase({ id: 'custom-chem-typo', group: 'lookup', title: 'a price of a chemistry the feed does not name is a typo, with a suggestion', body: oneLot('chemistry: { name: NCM955x, tm: { Ni: 0.9, Co: 0.05, Mn: 0.05 } }', 'prices: { overrides: { cam.NCM955y: "20 USD/kg" } }\n'), exit: 1, fragment: 'unknown chemistry "NCM955y" (did you mean "NCM955x"?)', at: `${S('custom-chem-typo')}:7` }),
  runCase({ id: 'missing-price-section', group: 'gap', title: 'a missing price is placed at the scenario\'s prices section', body: oneLot('chemistry: { name: NCM955x, tm: { Ni: 0.9, Co: 0.05, Mn: 0.05 } }', 'prices: { set: cn-2024 }\n'), exit: 1, fragment: '(price set cn-2024,', at: `${S('missing-price-section')}:7` }),
  runCase({ id: 'long-duration', group: 'crash', title: 'the longest relithiation accepted (240 h) makes ≈250 autoclaves; the workbook schedule stays bounded', body: scenario('overrides: { relith.duration: "240 h" }\n'), command: ['run', '--out', '@out/long-duration.xlsx'], exit: 0, fragment: 'wrote', present: ['out/long-duration.xlsx'] }),

  // ---------------------------------------------------------------- gaps between commands
  validateCase({ id: 'validate-uncertainty-bounds', group: 'gap', title: 'validate checks uncertainty bounds against the model (accepted before)', body: scenario('uncertainty:\n  - { path: prices.quality-factor, dist: uniform, min: 0.5, max: 1.5 }\n'), exit: 1, fragment: 'prices regenerated cathode above virgin material', at: `${S('validate-uncertainty-bounds')}:6` }),
  validateCase({ id: 'validate-uncertainty-path', group: 'gap', title: 'validate checks uncertainty paths', body: scenario('uncertainty:\n  - { path: relith.temprature, dist: uniform, min: 200, max: 240, unit: degC }\n'), exit: 1, fragment: 'unknown field "temprature" (did you mean "temperature"?)', at: `${S('validate-uncertainty-path')}:6` }),
  validateCase({ id: 'validate-uncertainty-melt', group: 'gap', title: 'validate checks an uncertain temperature against the salt\'s melting point', body: scenario('uncertainty:\n  - { path: relith.temperature, dist: uniform, min: 100, max: 300, unit: degC }\n', { flowsheet: '../flowsheets/molten-salt.yaml' }), exit: 1, fragment: 'below the melting point', at: `${S('validate-uncertainty-melt')}:6` }),
  runCase({ id: 'run-uncertainty-malformed', group: 'gap', title: 'run refuses a malformed uncertainty entry too', body: scenario('uncertainty:\n  - { path: finance.discountRate, dist: uniform, min: 0.1, max: 0.05 }\n'), exit: 1, fragment: 'max is not above min', at: `${S('run-uncertainty-malformed')}:6` }),
  validateCase({ id: 'validate-param-path', group: 'gap', title: 'validate --param checks a sweep path', body: scenario(), options: ['--param', 'relith.temprature'], exit: 1, fragment: 'no numeric base value at "relith.temprature"', noLine: 'a command-line value has no line; the message names --param' }),
  validateCase({ id: 'validate-param-dist', group: 'gap', title: 'validate --param checks a distribution as uncertainty would', body: scenario(), options: ['--param', 'finance.discountRate=uniform:0.05:1.5'], exit: 1, fragment: 'above the maximum (1.5)', noLine: 'a command-line value has no line; the message names --param' }),
  validateCase({ id: 'validate-route', group: 'gap', title: 'validate --flowsheet checks the scenario through another route', body: scenario('overrides: { recover.targetConcentration: "4 mol/L" }\n'), options: ['--flowsheet', '@flowsheets/solid-state.yaml'], exit: 1, fragment: 'no unit "recover" in the flowsheet', at: `${S('validate-route')}:5` }),
  validateCase({ id: 'validate-ok-options', group: 'ok', title: 'validate with routes and params that are fine', body: scenario(), options: ['--flowsheet', '@flowsheets/hydrothermal.yaml', '--flowsheet', '@flowsheets/molten-salt.yaml', '--param', 'finance.discountRate', '--param', 'prices.electricity=uniform:0.05:0.1'], exit: 0, fragment: 'ok' }),
  { id: 'compare-all-invalid', group: 'gap', title: 'compare lists every invalid scenario (stopped at the first before)', files: { [S('compare-a')]: scenario('finance: { discountRate: 2 }\n'), [S('compare-b')]: scenario('finance: { taxRate: 2 }\n') }, args: ['compare', `@${S('compare-a')}`, `@${S('compare-b')}`, '@scenarios/reference-cn.yaml'], exit: 1, fragment: 'finance.taxRate: above the maximum (2)', at: `${S('compare-b')}:5` },
  { id: 'prices-broken-unrelated', group: 'gap', ownTree: true, title: 'a broken, unrelated file in prices/ is a warning (it failed every scenario before)', files: { 'scenarios/prices/broken.yaml': 'id: broken\nitems: [\n' }, args: ['run', '@scenarios/reference-cn.yaml', '--json'], exit: 0, fragment: 'the price-set file' },
  { id: 'prices-broken-validate', group: 'gap', ownTree: true, title: 'validate warns about the broken price file and passes', files: { 'scenarios/prices/broken.yaml': 'id: broken\nitems: [\n' }, args: ['validate', '@scenarios/reference-cn.yaml'], exit: 0, fragment: 'set "broken" is skipped' },
  { id: 'prices-broken-used', group: 'gap', ownTree: true, title: 'a scenario that uses the broken set fails with its place', files: { 'scenarios/prices/broken.yaml': 'id: broken\nitems: [\n', [S('prices-broken-used')]: scenario('prices: { set: broken }\n') }, args: ['run', `@${S('prices-broken-used')}`], exit: 1, fragment: 'not valid YAML/JSON', at: 'scenarios/prices/broken.yaml:3' },
  { id: 'values-negative', group: 'gap', title: '--values -1,0,1 are numbers, not flags', files: {}, args: ['sweep', '@scenarios/reference-cn.yaml', '--param', 'prices.feed.NCM523', '--values', '-1,0,1', '--unit', 'USD/kg'], exit: 0, fragment: 'swept over 3 values' },
  { id: 'values-negative-invalid', group: 'gap', title: '--values -5,0,5 for a rate reports the swept value', files: {}, args: ['sweep', '@scenarios/reference-cn.yaml', '--param', 'finance.discountRate', '--values', '-5,0,5'], exit: 1, fragment: 'at the swept value -5 of finance.discountRate', at: 'scenarios/reference-cn.yaml (patched by finance.discountRate):11' },
  { id: 'from-negative', group: 'gap', title: '--from -1 --to 1 --steps 3', files: {}, args: ['sweep', '@scenarios/reference-cn.yaml', '--param', 'prices.feed.NCM622', '--from', '-1', '--to', '1', '--steps', '3', '--unit', 'USD/kg'], exit: 0, fragment: 'swept over 3 values' },
  { id: 'sweep-money', group: 'crash', title: 'a sweep to an absurd price (money beyond the exact range before)', files: {}, args: ['sweep', '@scenarios/reference-cn.yaml', '--param', 'prices.LiOH·H2O', '--values', '10,1e15'], exit: 1, fragment: 'at the swept value 1000000000000000 of prices.LiOH·H2O', noLine: 'the value comes from --values; the message names the swept value' },
  { id: 'sweep-capacity', group: 'crash', title: 'a sweep of the capacity to 10^12 t/yr', files: {}, args: ['sweep', '@scenarios/reference-cn.yaml', '--param', 'plant.capacity', '--values', '1e12 t/yr'], exit: 1, fragment: 'at the swept value 1e12 t/yr of plant.capacity', at: 'scenarios/plants/cn-10kt.yaml (patched by plant.capacity):5' },
  runCase({ id: 'override-capacity', group: 'crash', title: 'an override of the capacity to 10^12 t/yr', body: scenario('overrides: { plant.capacity: "1e12 t/yr" }\n'), exit: 1, fragment: 'it must be at most 1000000000 kg/yr', at: `${S('override-capacity')}:5` }),
  { id: 'sweep-path-proto', group: 'lookup', title: 'a sweep of prices.constructor', files: {}, args: ['sweep', '@scenarios/reference-cn.yaml', '--param', 'prices.constructor', '--values', '1,2'], exit: 1, fragment: 'unknown price item "constructor"', noLine: 'the price key comes from the command line' },
  { id: 'uncertainty-cli-bounds', group: 'gap', title: 'uncertainty --param with a bound the model refuses', files: {}, args: ['uncertainty', '@scenarios/reference-cn.yaml', '--samples', '2', '--workers', '1', '--param', 'finance.taxRate=uniform:0.2:1.5'], exit: 1, fragment: 'above the maximum (1.5)', noLine: 'a command-line value has no line; the message names --param' },

  // ---------------------------------------------------------------- output files
  runCase({ id: 'out-failed', group: 'output', title: 'a failing run writes no workbook and no temporary file', body: scenario('finance: { discountRate: 2 }\n'), command: ['run', '--out', '@out/out-failed.xlsx'], exit: 1, fragment: 'it must be at most 1', at: `${S('out-failed')}:5`, absent: ['out/out-failed.xlsx'] }),
  runCase({ id: 'out-model-failed', group: 'output', title: 'a model failure writes no workbook', body: scenario('', { flowsheet: '../flowsheets/closure2.yaml' }), more: { [FS('closure2')]: `${shipped('flowsheets/electrochemical.yaml')}solver: { tolerance: 1.0e-3, method: direct }\n` }, command: ['run', '--json', '--out', '@out/out-model-failed.xlsx'], exit: 2, fragment: 'the result is not valid', at: S('out-model-failed'), absent: ['out/out-model-failed.xlsx'] }),
  { id: 'out-extension', group: 'output', title: 'a workbook name that is not .xlsx is refused before any work', files: {}, args: ['run', '@scenarios/reference-cn.yaml', '--out', '@out/x.csv'], exit: 1, fragment: 'a workbook is written as .xlsx', noLine: 'a command-line value has no line', absent: ['out/x.csv'] },
  { id: 'stale-temporary', group: 'output', title: 'a stale temporary file of the target (a writer killed at the rename) is removed', files: { 'out/.stale.svg.4194399.1.tmp': 'half a picture' }, args: ['diagram', '@flowsheets/hydrothermal.yaml', '--out', '@out/stale.svg'], exit: 0, fragment: 'wrote', present: ['out/stale.svg'], absent: ['out/.stale.svg.4194399.1.tmp'] },
  validateCase({ id: 'custom-chem-proto-name', group: 'lookup', title: 'a custom chemistry named constructor has no chemistry-specific spec limits', body: oneLot('chemistry: { name: constructor, tm: { Ni: 0.8, Co: 0.1, Mn: 0.1 } }'), exit: 0, fragment: 'ok' }),

  // ---------------------------------------------------------------- fine inputs (the corpus is not all failures)
  { id: 'ok-reference', group: 'ok', title: 'the shipped reference scenario validates', files: {}, args: ['validate', '@scenarios/reference-cn.yaml', '@scenarios/feeds/mixed-ev-scrap.yaml', '@scenarios/plants/cn-10kt.yaml', '@scenarios/prices/cn-2024.yaml', '@flowsheets/molten-salt.yaml'], exit: 0, fragment: 'ok' },
  { id: 'ok-run-json', group: 'ok', title: 'the shipped reference scenario runs', files: {}, args: ['run', '@scenarios/reference-cn.yaml', '--json'], exit: 0, fragment: '"converged": true' },
  runCase({ id: 'ok-gate-fee', group: 'ok', title: 'an LFP gate fee of 2 USD/kg (EverBatt) is fine', body: scenario('prices: { overrides: { feed.LFP: "-2 USD/kg" } }\n'), exit: 0, fragment: 'NPV' }),
  validateCase({ id: 'ok-quality-factor-1', group: 'ok', title: 'a quality factor of 1 (virgin price) is fine', body: scenario('prices: { overrides: { quality-factor: 1 } }\n'), exit: 0, fragment: 'ok' }),
  validateCase({ id: 'ok-custom-chemistry', group: 'ok', title: 'a custom layered chemistry with Al and Mg on the TM site', body: oneLot('chemistry: { name: NCMAM, tm: { Ni: 0.8, Co: 0.1, Mn: 0.05, Al: 0.03, Mg: 0.02 } }'), exit: 0, fragment: 'ok' }),
];
