/**
 * Parses of a part's data, cached by data object, and the data of a part with patches applied,
 * made only when needed (resolve.ts resolveModel): a Monte Carlo sample re-validates only what its
 * patches changed, along their paths.
 */
import type { z } from 'zod';
import { setIn } from './patch.js';
import { reparseChanged, reparsePatched } from './reparse.js';
import { pathPlan } from './reparse-plan.js';

/**
 * Successful parses by data object and schema. Patches copy only the objects along their path
 * (setIn), so every section a patch does not touch keeps its identity and its parse is reused:
 * a Monte Carlo sample or sweep point re-validates only what it changed. Outputs are shared and
 * must not be mutated.
 */
const PARSED = new WeakMap<object, Map<z.ZodType, { success: true; data: unknown }>>();

/** The parse of `data` with `schema`; a success is kept by data object (PARSED) and handed out again. */
export function cachedParse<S extends z.ZodType>(schema: S, data: unknown): { success: true; data: z.output<S> } | { success: false; error: z.ZodError } {
  const key = data !== null && typeof data === 'object' ? data : undefined;
  // The success itself is kept (read only, like its data): a Monte Carlo sample asks for a dozen parses, none a new object.
  const hit = key ? PARSED.get(key)?.get(schema) : undefined;
  if (hit !== undefined) return hit as { success: true; data: z.output<S> };
  const r = schema.safeParse(data);
  if (r.success && key) {
    let m = PARSED.get(key);
    if (!m) PARSED.set(key, (m = new Map()));
    m.set(schema, { success: true, data: r.data });
  }
  return r as { success: true; data: z.output<S> } | { success: false; error: z.ZodError };
}

/**
 * The parse of patched data rebuilt from the cached parse of the part's own data, when only a few
 * values on a patch's path changed (reparse.ts); undefined when unpatched or not applicable.
 */
export function reparsed<S extends z.ZodType>(schema: S, original: unknown, data: unknown): z.output<S> | undefined {
  if (data === original || original === undefined) return undefined;
  const base = cachedParse(schema, original);
  return base.success ? (reparseChanged(schema, original, data, base.data)?.value as z.output<S> | undefined) : undefined;
}

/** The parse of (possibly patched) data: incremental when it applies, else full (and cached). */
export function patchedParse<S extends z.ZodType>(schema: S, original: unknown, data: unknown): ReturnType<typeof cachedParse<S>> {
  const r = reparsed(schema, original, data);
  return r !== undefined ? { success: true, data: r } : cachedParse(schema, data);
}

/**
 * The data of a part with its patches applied, made only when needed: a part one patch sets (a
 * Monte Carlo sample sets one value of the feed and one unit parameter) is re-validated along that
 * patch's path (reparsePatched) without copying the raw objects on it. The patched data is made
 * (setIn, as each patch came) for a second patch, or to parse it in full when the shortcut does not
 * give a value (the full parse reports the problems with their places).
 */
export class PatchedData {
  private pending: { seg: readonly string[]; from: number; value: unknown } | undefined;
  private made: unknown;

  constructor(private readonly original: unknown) {
    this.made = original;
  }

  /** Set `value` at `seg` from segment `from` (setIn); false, and nothing set, when the path does not exist. */
  trySet(seg: readonly string[], from: number, value: unknown): boolean {
    if (this.made === this.original && this.pending === undefined && this.original !== null && typeof this.original === 'object') {
      if (!pathFound(this.original, seg, from)) return false;
      this.pending = { seg, from, value };
      return true;
    }
    const next = setIn(this.data(), seg, value, from);
    if (next === undefined) return false;
    this.made = next;
    return true;
  }

  /** Set `value` at `seg` from segment `from`: the data becomes what setIn gives (undefined when the path does not exist). */
  set(seg: readonly string[], from: number, value: unknown): void {
    if (!this.trySet(seg, from, value)) this.made = setIn(this.data(), seg, value, from);
  }

  /** The patched data. */
  data(): unknown {
    const p = this.pending;
    if (p) {
      this.pending = undefined;
      this.made = setIn(this.made, p.seg, p.value, p.from);
    }
    return this.made;
  }

  /** Whether a patch set something. */
  get patched(): boolean {
    return this.pending !== undefined || this.made !== this.original;
  }

  /**
   * The cached parse of the unpatched data (undefined when it does not parse): the values a patch
   * did not change are its own objects, and only those are seen again by later resolutions.
   */
  originalParse<S extends z.ZodType>(schema: S): z.output<S> | undefined {
    const r = cachedParse(schema, this.original);
    return r.success ? r.data : undefined;
  }

  /**
   * The parse of the data patched once, rebuilt along the patch's path from the original's cached
   * parse (by the path's plan for a number, reparse-plan.ts); undefined otherwise.
   */
  reparsed<S extends z.ZodType>(schema: S): z.output<S> | undefined {
    const p = this.pending;
    if (!p) return undefined;
    const base = cachedParse(schema, this.original);
    if (!base.success) return undefined;
    const planned = pathPlan(schema, this.original as object, base.data, p.seg, p.from)?.run(p.value);
    return (planned ?? reparsePatched(schema, this.original, base.data, p.seg, p.from, p.value))?.value as z.output<S> | undefined;
  }
}

/**
 * pathExists answers by data object, for frozen segment lists (pathSegments, the unit parameter
 * paths of patch-routes.ts: shared, never changed): a Monte Carlo sample asks the same question of the same part's data every time
 * (a list item looked for by id, then by index). A part's data is never changed once loaded
 * (patches copy what they change), as the parse caches already assume.
 */
const PATHS_FOUND = new WeakMap<object, { seg: readonly string[]; from: number; exists: boolean }[]>();
/** Most answers kept per data object (a study patches a few paths; a sweep over many asks pathExists for the others). */
const PATHS_FOUND_PER_PART = 32;

/** pathExists of a part's data object, remembered for a frozen segment list. */
function pathFound(obj: object, seg: readonly string[], from: number): boolean {
  let list = PATHS_FOUND.get(obj);
  if (list) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.seg === seg && e.from === from) return e.exists;
    }
  } else PATHS_FOUND.set(obj, (list = []));
  const exists = pathExists(obj, seg, from);
  if (Object.isFrozen(seg) && list.length < PATHS_FOUND_PER_PART) list.push({ seg, from, exists });
  return exists;
}

/** Whether setIn can set a value at `seg` from segment `from` (every list item on the path exists), without copying. */
function pathExists(obj: unknown, seg: readonly string[], from: number): boolean {
  let v: unknown = obj;
  for (let i = from; i < seg.length; i++) {
    const head = seg[i]!;
    if (Array.isArray(v)) {
      let idx = v.findIndex((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === head);
      if (idx < 0 && /^\d+$/.test(head)) idx = Number(head);
      if (idx < 0 || idx >= v.length) return false;
      v = v[idx];
    } else {
      v = v && typeof v === 'object' && Object.hasOwn(v, head) ? (v as Record<string, unknown>)[head] : undefined;
    }
  }
  return true;
}
