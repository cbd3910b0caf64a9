/**
 * Reading YAML or JSON input files with positions, so every error can name file, line and column.
 * JSON is read by the YAML parser too (JSON is YAML), which gives positions for both.
 *
 * What a file may hold is deliberately narrow (issue 17): UTF-8 text (an invalid byte is an error
 * at its line and column, never silently replaced), the YAML core schema (str, int, float, bool,
 * null, map, seq — any other tag such as !!js/function or !!timestamp is an error, never a string),
 * no `__proto__` keys (JavaScript would drop them silently), and aliases that expand to a bounded
 * document: an anchor may be reused any number of times, but a file whose aliases expand to more
 * than MAX_EXPANDED_NODES values (an "alias bomb") or refer to their own ancestor is refused.
 */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar, isAlias, isNode, type Document, type Node } from 'yaml';
import { RegenflowError, inputErrors, type InputIssue } from '../schema/errors.js';
import { msg } from '../schema/messages.js';

/** A parsed input file: its data and a way to find the line of any field path. */
export interface SourceDoc {
  file: string;
  data: unknown;
  /** 1-based line/column of the value at `path` (or of the nearest existing parent). */
  locate(path: readonly (string | number)[], key?: boolean): { line: number; column: number } | undefined;
}

/** Read and parse a .yaml/.yml/.json file. Throws RegenflowError (exit 1) on any problem. */
export function readDocument(file: string): SourceDoc {
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) throw new RegenflowError('unsupported-extension', msg.unsupportedExtension(file), { place: { file } });
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new RegenflowError('file-not-found', msg.fileNotFound(file), { place: { file } });
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof RegenflowError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new RegenflowError('file-not-found', msg.fileNotFound(file), { place: { file } });
    throw new RegenflowError('file-unreadable', msg.fileUnreadable(file, code ?? String(e)), { place: { file } });
  }
  return parseText(file, decodeUtf8(file, bytes));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 strictly (a leading byte-order mark is dropped); an invalid byte is an input error at its place. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
    const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at))].length + 1;
    const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new RegenflowError('invalid-utf8', msg.invalidUtf8(`0x${hex}`), { place: { file, line, column } });
  }
}

/** Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) { n = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

/** Most values a file may expand to through its aliases (a feed reusing an anchor 10,000 times is far below). */
export const MAX_EXPANDED_NODES = 1_000_000;

/** The tags of the YAML 1.2 core schema; anything else written in a file is an error. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * The data of a parsed document, and the problems the YAML library accepts but regenflow must not:
 * tags outside the core schema, `__proto__` keys, keys that are not plain values, aliases that
 * refer to an ancestor (a cycle) or that expand the document beyond MAX_EXPANDED_NODES values.
 * One walk in document order: an alias refers to the latest anchor of its name before it (as the
 * parser defines it) and yields the very value of that anchor, shared as the library's toJS does —
 * but in linear time (the library resolves each alias by scanning every anchor before it).
 * Scalars carry their core-schema value already (number, boolean, null, string).
 */
function documentData(doc: Document, file: string, lc: LineCounter): { data: unknown; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const place = (n: Node | null | undefined) => {
    const offset = n?.range?.[0];
    if (offset === undefined) return { file };
    const p = lc.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  const anchors = new Map<string, Node>();
  const size = new Map<Node, number>();
  const value = new Map<Node, unknown>();
  const open = new Set<Node>();
  let total = 0;
  let bombReported = false;
  const walk = (n: unknown): { value: unknown; size: number } => {
    if (!isNode(n)) return { value: n ?? null, size: 1 };
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (!target) {
        issues.push({ code: 'yaml-syntax', message: msg.yamlSyntax(`the alias *${n.source} names no anchor before it`), ...place(n) });
        return { value: null, size: 1 };
      }
      if (open.has(target)) {
        issues.push({ code: 'yaml-alias-cycle', message: msg.yamlAliasCycle(n.source), ...place(n) });
        return { value: null, size: 1 };
      }
      const s = size.get(target) ?? 1;
      total += s;
      if (total > MAX_EXPANDED_NODES && !bombReported) {
        bombReported = true;
        issues.push({ code: 'yaml-alias-bomb', message: msg.yamlAliasBomb(n.source, MAX_EXPANDED_NODES), ...place(n) });
      }
      return { value: value.get(target), size: s };
    }
    if (n.tag && !CORE_TAGS.has(n.tag)) issues.push({ code: 'yaml-tag', message: msg.yamlTag(n.tag.replace(/^tag:yaml\.org,2002:/, '!!')), ...place(n) });
    if (n.anchor) anchors.set(n.anchor, n);
    total += 1;
    let s = 1;
    let v: unknown;
    if (isMap(n)) {
      const obj: Record<string, unknown> = {};
      value.set(n, obj);
      open.add(n);
      for (const pair of n.items) {
        const k = walk(pair.key);
        const key = k.value === null ? '' : typeof k.value === 'object' ? undefined : String(k.value);
        if (key === undefined) issues.push({ code: 'yaml-key', message: msg.yamlComplexKey(), ...place(pair.key as Node) });
        else if (key === '__proto__') issues.push({ code: 'proto-key', message: msg.protoKey(), ...place(pair.key as Node) });
        const item = walk(pair.value);
        s += k.size + item.size;
        if (key !== undefined && key !== '__proto__') obj[key] = item.value;
      }
      open.delete(n);
      v = obj;
    } else if (isSeq(n)) {
      const list: unknown[] = [];
      value.set(n, list);
      open.add(n);
      for (const node of n.items) {
        const item = walk(node);
        s += item.size;
        list.push(item.value);
      }
      open.delete(n);
      v = list;
    } else {
      v = isScalar(n) ? n.value : null;
      value.set(n, v);
    }
    size.set(n, s);
    return { value: v, size: s };
  };
  const { value: data } = walk(doc.contents);
  return { data, issues };
}

/** Parse text as if it were the content of `file` (used by readDocument and by tests). */
export function parseText(file: string, text: string): SourceDoc {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: false, schema: 'core' });
  if (doc.errors.length > 0) {
    const issues: InputIssue[] = doc.errors.map((err) => {
      const pos = err.linePos?.[0];
      return {
        code: 'yaml-syntax',
        message: msg.yamlSyntax(err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')),
        file,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
      };
    });
    throw inputErrors(issues);
  }
  // Not the library's toJS: its alias limit (anchor uses × nested aliases ≤ n) refuses a legitimate
  // reuse of one anchor more than n times, and it resolves aliases in quadratic time.
  const { data, issues: problems } = documentData(doc, file, lineCounter);
  if (problems.length > 0) throw inputErrors(problems);
  if (data === null || data === undefined) throw new RegenflowError('empty-file', msg.emptyFile(), { place: { file } });
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new RegenflowError('not-a-mapping', msg.notAMapping(Array.isArray(data) ? 'a list' : typeof data), { place: { file, line: 1, column: 1 } });
  }
  return { file, data, locate: (path, key) => locate(doc, lineCounter, path, key) };
}

function locate(doc: Document, lc: LineCounter, path: readonly (string | number)[], key = false) {
  let node: Node | null | undefined = doc.contents as Node | null;
  let found: Node | null | undefined = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (key && i === path.length - 1 && pair.key && (pair.key as Node).range) { found = pair.key as Node; break; }
      node = pair.value as Node | null;
      found = node ?? (pair.key as Node);
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      node = item;
      found = item;
    } else {
      break;
    }
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The input files (.yaml, .yml, .json) of a directory, sorted; empty when the directory is absent. */
export function inputFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f).toLowerCase())).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}
