/**
 * Patches: values set by path on top of the input files — a scenario's `overrides`, a sweep's
 * parameter, a Monte Carlo sample. Paths read `relith.temperature` (unit id, then parameter),
 * `plant.capacity`, `finance.discountRate`, `prices.LiOH·H2O`, `feed.lots[ev-523].liPerTm`.
 */

/** A value to set at a path, and where it was written (for error messages). */
export interface Patch {
  path: string;
  value: unknown;
  /** Where the patch came from, e.g. the scenario's overrides entry. */
  origin?: { file: string; path: (string | number)[]; line?: number; column?: number };
}

/** Sections of the scenario that patches may address besides unit parameters. */
export const SCENARIO_SECTIONS = ['plant', 'feed', 'prices', 'finance', 'spec', 'design', 'solver'] as const;

/**
 * Split a path into segments: dots separate, `[x]` selects a list item by index or by id.
 * A component name with a dot inside a price path ("prices.LiOH.H2O") is kept whole: after
 * `prices.` the rest is one segment.
 */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  const re = /([^.[\]]+)|\[([^\]]+)\]/g;
  if (path.startsWith('prices.')) return ['prices', path.slice('prices.'.length)];
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) out.push(m[1] ?? m[2]!);
  return out;
}

/** splitPath results by path, shared and frozen (bounded: studies patch the same few paths again and again). */
const SEGMENTS = new Map<string, readonly string[]>();
const SEGMENTS_LIMIT = 1000;

/** splitPath of a path, worked out once per path (the result is frozen: copy it to change it). */
export function pathSegments(path: string): readonly string[] {
  let seg = SEGMENTS.get(path);
  if (seg === undefined) {
    seg = Object.freeze(splitPath(path));
    if (SEGMENTS.size < SEGMENTS_LIMIT) SEGMENTS.set(path, seg);
  }
  return seg;
}

/**
 * Return a copy of `obj` with `value` set at `segments` (objects copied along the path only).
 * A segment addressing a list selects the item whose `id` equals it, or the index when numeric.
 * Returns undefined when the path does not exist and cannot be created (a missing list item).
 * `from`: the first segment to follow (the ones before it name the object itself).
 */
export function setIn(obj: unknown, segments: readonly string[], value: unknown, from = 0): unknown {
  return setFrom(obj, segments, from, value);
}

const DIGITS = /^\d+$/;

/** setIn from segment `i` on (an index, not a rest copy of the segments per level). */
function setFrom(obj: unknown, segments: readonly string[], i: number, value: unknown): unknown {
  if (i === segments.length) return value;
  const head = segments[i]!;
  if (Array.isArray(obj)) {
    let idx = -1;
    for (let k = 0; k < obj.length; k++) {
      const x: unknown = obj[k];
      if (x && typeof x === 'object' && (x as { id?: unknown }).id === head) { idx = k; break; }
    }
    if (idx < 0 && DIGITS.test(head)) idx = Number(head);
    if (idx < 0 || idx >= obj.length) return undefined;
    const child = setFrom(obj[idx], segments, i + 1, value);
    if (child === undefined) return undefined;
    const copy = obj.slice();
    copy[idx] = child;
    return copy;
  }
  const base = obj && typeof obj === 'object' ? (obj as Record<string, unknown>) : {};
  // Own properties only: a segment such as "constructor" addresses nothing inherited.
  const own = Object.hasOwn(base, head);
  const child = setFrom(own ? base[head] : undefined, segments, i + 1, value);
  if (child === undefined) return undefined;
  // "__proto__" set on a copy would set its prototype: a computed key in the literal defines it.
  if (!own && head === '__proto__') return { ...base, [head]: child };
  // An own key keeps its place (the copy's value is replaced); another is added last, as a
  // computed key in a literal adds it, without the slow path of such a literal (a Monte Carlo
  // sample adds each price it patches to the prices section so).
  const copy = { ...base };
  copy[head] = child;
  return copy;
}

/**
 * setIn(obj, segments, value, 1) for an object the caller made itself (a copy setIn returned, seen
 * by nothing else): a two-segment path (`<section>.<key>`) is set in place — the key keeps its place
 * or is added last, as on setIn's copy — instead of a copy per patch (a Monte Carlo sample sets
 * three prices of one section). Any other case (a longer path, a list, an undefined value,
 * "__proto__") is setIn's, on a copy.
 */
export function setOwnKey(obj: unknown, segments: readonly string[], value: unknown): unknown {
  const key = segments[1];
  if (segments.length !== 2 || key === undefined || key === '__proto__' || value === undefined || obj === null || typeof obj !== 'object' || Array.isArray(obj)) return setIn(obj, segments, value, 1);
  (obj as Record<string, unknown>)[key] = value;
  return obj;
}

/** Read the value at `segments` (list items by id or index); undefined when absent. */
export function getIn(obj: unknown, segments: readonly string[]): unknown {
  let v: unknown = obj;
  for (const seg of segments) {
    if (Array.isArray(v)) {
      const hit = v.find((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === seg);
      v = hit ?? (/^\d+$/.test(seg) ? v[Number(seg)] : undefined);
    } else if (v && typeof v === 'object') {
      v = Object.hasOwn(v, seg) ? (v as Record<string, unknown>)[seg] : undefined;
    } else return undefined;
  }
  return v;
}
