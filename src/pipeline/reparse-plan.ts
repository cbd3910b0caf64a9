/**
 * A patch path compiled once: what re-validating a number set at a fixed path of a fixed part needs.
 * A Monte Carlo sample patches the same few paths every time (a unit parameter, a feed lot's
 * Li/TM, the discount rate), only the values change. reparsePatched (reparse.ts) walks the schema
 * along the path for every sample, parses the leaf with zod and runs the refinements of every
 * object and list on the path again. The plan does that walk once per part, path and cached parse,
 * and keeps:
 * - the parsed object or list at each level (the sample copies it and sets the new child);
 * - the leaf's reader of a finite number (a quantity's range check, schema/param.ts), found
 *   through the wrappers and unions reparseChanged would pass;
 * - per level, the refinements that can read the patched value. Each refinement is run once on the
 *   cached parse through proxies that note whether it reaches the patched key; one that does not
 *   passed on the cached parse and sees the same values in every sample (refinements are pure
 *   functions of the value they check, as the parse caches already assume), so it passes again.
 *
 * A sample then reads the number, copies the objects on the path and runs the refinements that read
 * the value. Anything else — not a finite number, the value the file holds, a value or refinement
 * refused — gives undefined, and the caller takes reparsePatched (and, for a refused value, the full
 * parse that reports it with its place) exactly as before.
 */
import type { z } from 'zod';
import { quantityNumberReader } from '../schema/param.js';
import { defOf, isRecord, itemIndex, unionOption, PASS_THROUGH } from './reparse.js';

/** A zod check as the parse runs it (zod 4 core: `_zod.def.when`, `_zod.check`). */
interface Check {
  _zod: { def: { when?: (payload: CheckPayload) => boolean }; check: (payload: CheckPayload) => unknown };
}

interface CheckPayload {
  value: unknown;
  issues: unknown[];
}

/** One object or list on the path: its cached parse, the key the path follows, the refinements that read the value. */
interface Level {
  schema: z.ZodType;
  parsed: Record<string, unknown> | unknown[];
  key: string;
  index: number;
  /** Which of cloneAt's copy sites copies this level's object (spreadSite). */
  site: number;
  checks: readonly Check[];
}

/** A patch path of one part compiled for numbers. */
export class PathPlan {
  constructor(
    private readonly levels: readonly Level[],
    private readonly read: (x: number) => number | undefined,
    /** The value the part's data holds at the path (a patch setting it is left to reparsePatched). */
    private readonly held: unknown,
  ) {}

  /** The parse of the part with `value` set at the path, as reparsePatched gives it; undefined when not sure. */
  run(value: unknown): { value: unknown } | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || value === this.held) return undefined;
    let v: unknown = this.read(value);
    if (v === undefined) return undefined;
    const levels = this.levels;
    for (let i = levels.length - 1; i >= 0; i--) {
      const lv = levels[i]!;
      let out: Record<string, unknown> | unknown[];
      if (lv.index >= 0) {
        out = (lv.parsed as unknown[]).slice();
        out[lv.index] = v;
      } else {
        out = cloneAt(lv.site, lv.parsed as Record<string, unknown>);
        out[lv.key] = v;
      }
      if (lv.checks.length > 0 && !checksHold(lv.checks, out)) return undefined;
      v = out;
    }
    return { value: v };
  }
}

/**
 * How many copy sites cloneAt has. A spread copy meets the shape of every object copied at its
 * site: one site copying the objects of every level of every plan (a Monte Carlo sample copies six:
 * the flowsheet, a unit, its parameters, the feed, a lot, the finance section) meets too many
 * shapes, and V8 copies each through its runtime (≈ 4× the time of a copy at a site that knows the
 * shape). Levels are handed the sites in turn (spreadSite), so a study's few plans copy each object
 * at a site of its own; more plans share sites, as all did before.
 */
const CLONE_SITES = 8;
let nextSite = 0;

/** The copy site of the next object level planned. */
function spreadSite(): number {
  const site = nextSite;
  nextSite = (nextSite + 1) % CLONE_SITES;
  return site;
}

/** `{ ...o }`, at copy site `site` (CLONE_SITES): the same copy whatever the site. */
function cloneAt(site: number, o: Record<string, unknown>): Record<string, unknown> {
  switch (site) {
    case 0: return { ...o };
    case 1: return { ...o };
    case 2: return { ...o };
    case 3: return { ...o };
    case 4: return { ...o };
    case 5: return { ...o };
    case 6: return { ...o };
    default: return { ...o };
  }
}

/** The checks as zod's runChecks runs them on a value no earlier check refused: each whose `when` allows it; true when none adds an issue. */
function checksHold(checks: readonly Check[], value: unknown): boolean {
  for (const ch of checks) {
    const payload: CheckPayload = { value, issues: [] };
    const when = ch._zod.def.when;
    if (when && !when(payload)) continue;
    if (ch._zod.check(payload) instanceof Promise || payload.issues.length > 0) return false;
  }
  return true;
}

interface PlanEntry {
  schema: z.ZodType;
  parsed: unknown;
  segments: readonly string[];
  from: number;
  plan: PathPlan | null;
}

/** Plans by the part's data object (the cached parse and the frozen segments complete the key); null: no plan for that path. */
const PLANS = new WeakMap<object, PlanEntry[]>();
/** Most paths kept per part (a study patches a few; a sweep over many paths builds the others each time). */
const PLANS_PER_PART = 32;

/**
 * The plan of `segments` (from segment `from`) in `before`, whose cached parse with `schema` is
 * `parsedBefore`; undefined where the path does not lead through objects and lists to a number
 * the plan can read. Made once per data object, parse and segments (keep the segments' identity:
 * patch.ts pathSegments).
 */
export function pathPlan(schema: z.ZodType, before: object, parsedBefore: unknown, segments: readonly string[], from: number): PathPlan | undefined {
  let list = PLANS.get(before);
  if (list) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.segments === segments && e.from === from && e.schema === schema && e.parsed === parsedBefore) return e.plan ?? undefined;
    }
  } else PLANS.set(before, (list = []));
  const plan = buildPlan(schema, before, parsedBefore, segments, from);
  if (list.length < PLANS_PER_PART) list.push({ schema, parsed: parsedBefore, segments, from, plan });
  return plan ?? undefined;
}

/** The walk of reparsePatched, once; null where it would hand over to reparseChanged before the leaf. */
function buildPlan(schema: z.ZodType, before: unknown, parsedBefore: unknown, segments: readonly string[], from: number): PathPlan | null {
  const levels: Level[] = [];
  let s = schema;
  let b = before;
  let p = parsedBefore;
  let i = from;
  while (i < segments.length) {
    if (b === null || typeof b !== 'object') return null;
    const def = defOf(s);
    // Wrappers and unions reparsePatched passes without running their checks: only those without.
    if (PASS_THROUGH.has(def.type) && def.innerType) {
      if (def.checks?.length) return null;
      s = def.innerType;
      continue;
    }
    const head = segments[i]!;
    if (def.type === 'object' && def.shape && isRecord(b) && isRecord(p) && Object.hasOwn(b, head) && Object.hasOwn(def.shape, head) && Object.hasOwn(p, head)) {
      levels.push({ schema: s, parsed: p, key: head, index: -1, site: spreadSite(), checks: [] });
      s = def.shape[head]!;
      b = b[head];
      p = p[head];
    } else if (def.type === 'array' && def.element && Array.isArray(b) && Array.isArray(p) && p.length === b.length) {
      const idx = itemIndex(b, head);
      if (idx < 0) return null;
      levels.push({ schema: s, parsed: p, key: String(idx), index: idx, site: -1, checks: [] });
      s = def.element;
      b = b[idx];
      p = p[idx];
    } else if (def.type === 'union' && def.discriminator && isRecord(b) && head !== def.discriminator && !def.checks?.length) {
      const option = unionOption(s, def, b[def.discriminator]);
      if (!option) return null;
      s = option;
      continue;
    } else return null;
    i++;
  }
  if (levels.length === 0 || b === null || b === undefined) return null;
  const read = numberReader(s);
  if (!read) return null;
  for (let k = 0; k < levels.length; k++) {
    const checks = readingChecks(levels, k);
    if (!checks) return null;
    levels[k]!.checks = checks;
  }
  return new PathPlan(levels, read, b);
}

/**
 * The parse of a finite number by a leaf schema, as reparseChanged parses it (wrappers passed, as
 * for any defined value): a quantity's reader; a union's first option that may take a number, when
 * every option before it refuses anything but an object. Undefined for any other schema.
 */
function numberReader(schema: z.ZodType): ((x: number) => number | undefined) | undefined {
  const own = quantityNumberReader(schema);
  if (own) return own;
  const def = defOf(schema);
  if (def.checks?.length) return undefined;
  if (PASS_THROUGH.has(def.type) && def.innerType) return numberReader(def.innerType);
  // An inclusive union: the first option that takes the value gives it (a refused number: not sure, since a later option might take it).
  if (def.type === 'union' && !def.discriminator && def.inclusive !== false && def.options) {
    for (const option of def.options) if (!takesObjectsOnly(option)) return numberReader(option);
  }
  return undefined;
}

/** Whether a schema refuses every value that is not an object (an object, a tagged union, a pipe from one). */
function takesObjectsOnly(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'object') return true;
  if (def.type === 'union' && def.discriminator) return true;
  return def.type === 'pipe' && def.in !== undefined && takesObjectsOnly(def.in);
}

/**
 * The checks of level `k` that can read the patched value: each is run on the cached parse through
 * proxies that follow the path from that level down and note whether it reads the patched key (or
 * its descriptor, or a descriptor of a key on the path, through which the value could be reached
 * unseen). Null when a check cannot be so judged: it writes, throws, is asynchronous, replaces the
 * value or adds an issue (the cached parse passed every check).
 */
function readingChecks(levels: readonly Level[], k: number): Check[] | null {
  const checks = (defOf(levels[k]!.schema).checks ?? []) as Check[];
  const out: Check[] = [];
  for (const ch of checks) {
    const seen = { read: false, wrote: false };
    const value = tracer(levels, k, seen);
    const payload: CheckPayload = { value, issues: [] };
    try {
      const when = ch._zod.def.when;
      if (!when || when(payload)) {
        if (ch._zod.check(payload) instanceof Promise) return null;
      }
    } catch {
      return null;
    }
    if (seen.wrote || payload.issues.length > 0 || payload.value !== value) return null;
    if (seen.read) out.push(ch);
  }
  return out;
}

/** A proxy of level `k`'s parse whose path key leads to the proxy of the next level, the last one's noting a read. */
function tracer(levels: readonly Level[], k: number, seen: { read: boolean; wrote: boolean }): object {
  const lv = levels[k]!;
  const last = k === levels.length - 1;
  let next: object | undefined;
  const refuse = () => {
    seen.wrote = true;
    return false;
  };
  return new Proxy(lv.parsed, {
    get(target, key, receiver) {
      if (key !== lv.key) return Reflect.get(target, key, receiver);
      if (last) {
        seen.read = true;
        return Reflect.get(target, key, receiver);
      }
      return (next ??= tracer(levels, k + 1, seen));
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === lv.key) seen.read = true;
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
    setPrototypeOf: refuse,
    preventExtensions: refuse,
  });
}
