/**
 * Turning zod issues into catalogue messages with places (file:line:col › path).
 */
import type { z } from 'zod';
import { msg } from './messages.js';
import type { InputIssue } from './errors.js';

/** Something that can locate a path in a source file. */
export interface Locator {
  file: string;
  locate(path: readonly (string | number)[], key?: boolean): { line: number; column: number } | undefined;
}

/** Format a path as `units[2].params.temperature`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** The raw value at a path of the input, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, seg) ? (v as Record<PropertyKey, unknown>)[seg as string] : undefined;
  }
  return v;
}

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v);

/** Allowed keys of the object schema found at `path` (walking the schema along the raw data). */
export function knownKeysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  let v: unknown = data;
  const unwrap = (x: z.ZodType | undefined, value: unknown): z.ZodType | undefined => {
    for (let guard = 0; x && guard < 20; guard++) {
      const def = (x as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
      const t = def.type as string;
      if (t === 'optional' || t === 'default' || t === 'prefault' || t === 'nullable' || t === 'readonly' || t === 'catch') x = def.innerType as z.ZodType;
      else if (t === 'pipe') x = def.in as z.ZodType;
      else if (t === 'union') {
        const options = def.options as z.ZodType[];
        const disc = def.discriminator as string | undefined;
        if (disc && value && typeof value === 'object') {
          const want = (value as Record<string, unknown>)[disc];
          x = options.find((o) => {
            const shape = objectShape(unwrapPlain(o));
            const lit = shape?.[disc] as z.ZodType | undefined;
            const vals = lit ? ((lit as unknown as { _zod: { def: { values?: unknown[] } } })._zod.def.values ?? []) : [];
            return vals.includes(want);
          }) ?? options.find((o) => objectShape(unwrapPlain(o)) !== undefined);
        } else {
          x = options.find((o) => objectShape(unwrapPlain(o)) !== undefined) ?? options[0];
        }
      } else return x;
    }
    return x;
  };
  for (const seg of path) {
    s = unwrap(s, v);
    if (!s) return [];
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') s = Object.hasOwn(def.shape as object, seg) ? (def.shape as Record<string, z.ZodType>)[seg as string] : undefined;
    else if (def.type === 'array') s = def.element as z.ZodType;
    else if (def.type === 'record') s = def.valueType as z.ZodType;
    else return [];
    v = v && typeof v === 'object' && Object.hasOwn(v, seg) ? (v as Record<PropertyKey, unknown>)[seg as string] : undefined;
  }
  const shape = objectShape(unwrap(s, v));
  return shape ? Object.keys(shape) : [];
}

function unwrapPlain(x: z.ZodType): z.ZodType {
  for (let guard = 0; guard < 20; guard++) {
    const def = (x as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    const t = def.type as string;
    if (t === 'optional' || t === 'default' || t === 'prefault' || t === 'nullable' || t === 'readonly') x = def.innerType as z.ZodType;
    else if (t === 'pipe') x = def.in as z.ZodType;
    else break;
  }
  return x;
}

function objectShape(x: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  if (!x) return undefined;
  const def = (x as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def.type === 'object' ? (def.shape as Record<string, z.ZodType>) : undefined;
}

/** Convert zod issues to input issues with places and catalogue messages. */
export function toInputIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: unknown, where: Locator, prefix: readonly (string | number)[] = []): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    for (const single of expand(issue)) {
      const path = [...prefix, ...(single.path as (string | number)[])];
      const localPath = single.path as (string | number)[];
      const value = valueAt(data, localPath);
      let message: string;
      switch (single.code) {
        case 'invalid_type': {
          const expected = String((single as { expected?: unknown }).expected ?? 'value');
          message = value === undefined ? msg.missingField(expected) : typeof value === 'number' && !Number.isFinite(value) ? msg.notFinite(value) : msg.wrongType(expected, typeName(value));
          break;
        }
        case 'unrecognized_keys': {
          const keys = (single as { keys: string[] }).keys;
          const known = knownKeysAt(schema, data, localPath);
          for (const k of keys) {
            const p = [...path, k];
            const loc = where.locate(p, true);
            out.push({ code: 'unknown-field', message: msg.unknownField(k, known), file: where.file, path: formatPath(p), ...(loc ? { line: loc.line, column: loc.column } : {}) });
          }
          continue;
        }
        case 'invalid_value': {
          const values = ((single as { values?: unknown[] }).values ?? []).map(String);
          message = msg.notOneOf(value, values);
          break;
        }
        case 'invalid_union': {
          const note = (single as { note?: string }).note;
          const options = ((single as { options?: unknown[] }).options ?? []).map(String);
          if (note === 'No matching discriminator' && localPath[localPath.length - 1] === 'kind') message = msg.unknownKind(String(value), options);
          else if (note === 'No matching discriminator') message = value === undefined ? msg.missingField(options.join(' | ')) : msg.notOneOf(value, options);
          else message = msg.wrongType('one of the allowed forms', typeName(value));
          break;
        }
        case 'too_small': {
          const s = single as { minimum: number | bigint; inclusive?: boolean; origin?: string };
          message = s.origin === 'array' ? msg.tooSmall(`${(value as unknown[] | undefined)?.length ?? 0} items`, `at least ${s.minimum} item${Number(s.minimum) === 1 ? '' : 's'}`) : msg.tooSmall(value, `${s.inclusive === false ? '>' : '≥'} ${s.minimum}`);
          break;
        }
        case 'too_big': {
          const s = single as { maximum: number | bigint; inclusive?: boolean; origin?: string };
          message = s.origin === 'array' ? msg.tooBig(`${(value as unknown[] | undefined)?.length ?? 0} items`, `at most ${s.maximum} items`) : msg.tooBig(value, `${s.inclusive === false ? '<' : '≤'} ${s.maximum}`);
          break;
        }
        case 'invalid_format':
          message = msg.invalid(`${JSON.stringify(value)} is not valid: ${single.message}`);
          break;
        case 'custom':
        default:
          message = single.message;
      }
      const loc = where.locate(path);
      out.push({ code: single.code === 'custom' ? 'invalid-value' : single.code.replace(/_/g, '-'), message, file: where.file, path: formatPath(path), ...(loc ? { line: loc.line, column: loc.column } : {}) });
    }
  }
  return out;
}

/**
 * A non-discriminated union failure is reported through its most relevant branch: the branch
 * matching the value's shape (mapping vs number/string), with issues nested under the union path.
 */
function expand(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const u = issue as z.core.$ZodIssueInvalidUnion;
  if (!u.errors || u.errors.length === 0) return [issue];
  const score = (branch: z.core.$ZodIssue[]) => {
    const typeMismatchAtRoot = branch.some((i) => i.code === 'invalid_type' && i.path.length === 0);
    return (typeMismatchAtRoot ? 100 : 0) + branch.length;
  };
  let best = u.errors[0]!;
  for (const b of u.errors) if (score(b) < score(best)) best = b;
  if (score(best) >= 100) {
    // No branch accepts the value's type: say which types are allowed.
    // `nan` is an internal branch (it lets NaN reach its own message), not a type to suggest.
    const expected = [...new Set(u.errors.map((b) => String((b[0] as { expected?: unknown } | undefined)?.expected ?? 'value')))].filter((t) => t !== 'nan');
    return [{ code: 'invalid_type', expected: expected.join(' or '), path: issue.path, message: '', input: undefined } as unknown as z.core.$ZodIssue];
  }
  return best.flatMap((i) => expand({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}
