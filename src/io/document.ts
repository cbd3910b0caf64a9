/**
 * Reading YAML or JSON input files with positions, so every error can name file, line and column.
 * JSON is read by the YAML parser too (JSON is YAML), which gives positions for both.
 */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
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
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new RegenflowError('file-not-found', msg.fileNotFound(file), { place: { file } });
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof RegenflowError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new RegenflowError('file-not-found', msg.fileNotFound(file), { place: { file } });
    throw new RegenflowError('file-unreadable', msg.fileUnreadable(file, code ?? String(e)), { place: { file } });
  }
  return parseText(file, text);
}

/** Parse text as if it were the content of `file` (used by readDocument and by tests). */
export function parseText(file: string, text: string): SourceDoc {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: false });
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
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
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
