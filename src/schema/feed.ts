/**
 * Feed files: the lots of a (possibly mixed, heterogeneous) feed, each with its chemistry, share,
 * degradation state and scrap composition (DESIGN.md "Scenario file", issue "mixed feed").
 */
import { z } from 'zod';
import { quantity, fraction, described } from './param.js';
import { idSchema } from './flowsheet.js';
import { msg } from './messages.js';
import { CHEMISTRIES, chemistryByName, FAMILY, type CathodeChemistry, type CathodeFamily } from '../chemistry/cathode.js';
import { resolveComponentId, COMPONENT_IDS } from '../chemistry/components.js';
import { isElement, type Element } from '../chemistry/elements.js';
import { discretise, probabilityOutside, type LotDistribution } from './distribution.js';

/** What the feed material is. */
export const FEED_BASES = ['cathode-scrap', 'black-mass', 'cam-powder'] as const;
/** A feed basis. */
export type FeedBasis = (typeof FEED_BASES)[number];

/** Shorthand composition keys and the components they stand for (besides registry ids). */
const COMPOSITION_KEYS: Record<string, Record<string, number>> = {
  carbon: { 'carbon-black': 1 },
  'carbon-black': { 'carbon-black': 1 },
  binder: { PVDF: 1 },
  pvdf: { PVDF: 1 },
  al: { Al: 1 },
  cu: { Cu: 1 },
  fe: { Fe: 1 },
  graphite: { graphite: 1 },
  moisture: { H2O: 1 },
  impurities: { Fe: 1 },
  // Electrolyte residue split as LiPF6 : EC : DMC = 1.71 : 5.28 : 4.28 (BatPaC 5.0 NMC622 cell BOM,
  // REFERENCE.md 1.3.4).
  electrolyte: { LiPF6: 1.71 / 11.27, EC: 5.28 / 11.27, DMC: 4.28 / 11.27 },
};

const normalise = (parts: Record<string, number>) => {
  const sum = Object.values(parts).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v / sum]));
};

/**
 * Default scrap composition by feed basis (mass fractions; `cam` is the cathode active material).
 * cathode-scrap: cathode electrode of a BatPaC 5.0 NMC622 cell — CAM 44.78, carbon black 0.93,
 *   PVDF 0.93, Al 5.17 wt % of cell (REFERENCE.md 1.3.4), normalised to the electrode [DERIVED].
 * black-mass: EverBatt 2023 NMC622 black mass — CAM 60.8, graphite 36.8, carbon black 1.27,
 *   PVDF 0.07 (+ anode binder 0.04, counted as PVDF), Cu 0.57, Al 0.37 wt % (REFERENCE.md 1.3.3),
 *   normalised [DERIVED].
 * cam-powder: CAM only.
 */
export const DEFAULT_COMPOSITION: Record<FeedBasis, Record<string, number>> = {
  'cathode-scrap': normalise({ cam: 44.78, 'carbon-black': 0.93, PVDF: 0.93, Al: 5.17 }),
  'black-mass': normalise({ cam: 60.8, graphite: 36.8, 'carbon-black': 1.27, PVDF: 0.07 + 0.04, Cu: 0.57, Al: 0.37 }),
  'cam-powder': { cam: 1 },
};

const distributionOptions = {
  bins: z.number().int().min(1).max(50).optional(),
  truncate: z.boolean().optional().describe("cut the distribution at the attribute's valid range (a warning says how much) instead of refusing sub-lots outside it"),
};

const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('normal'), mean: z.number(), sd: z.number(), ...distributionOptions }),
  z.strictObject({ dist: z.literal('uniform'), min: z.number(), max: z.number(), ...distributionOptions }),
  z.strictObject({ dist: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number(), ...distributionOptions }),
]).superRefine((d, ctx) => {
  if (d.dist === 'normal' && !(d.sd >= 0)) ctx.addIssue({ code: 'custom', path: ['sd'], message: msg.negative(`sd ${d.sd}`) });
  if (d.dist !== 'normal' && d.min > d.max) ctx.addIssue({ code: 'custom', path: ['min'], message: msg.invalid(`min ${d.min} is greater than max ${d.max}; give min ≤ max`) });
  if (d.dist === 'triangular' && (d.mode < d.min || d.mode > d.max)) ctx.addIssue({ code: 'custom', path: ['mode'], message: msg.invalid(`mode ${d.mode} is outside [${d.min}, ${d.max}]; give min ≤ mode ≤ max`) });
});

/** The valid range of a lot attribute, in its documented unit (the lower bound exclusive when `open`). */
export interface AttributeRange {
  lower: number;
  upper: number;
  open: boolean;
  unit: string;
}

/** Valid ranges of the lot attributes that may be distributions (filled by `attribute`). */
export const ATTRIBUTE_RANGES: Record<string, AttributeRange> = {};

let ATTRIBUTE_ENTRIES: [string, AttributeRange][] | undefined;

/**
 * ATTRIBUTE_RANGES as [name, range] pairs, listed once (the ranges are all set while the schemas
 * are built, at load): a lot's validation — every Monte Carlo sample that varies one — walks them.
 */
export function attributeEntries(): readonly [string, AttributeRange][] {
  return (ATTRIBUTE_ENTRIES ??= Object.entries(ATTRIBUTE_RANGES));
}

/**
 * An attribute that is either a value (quantity) or a distribution in the documented unit. A value
 * outside the range is refused by the quantity; a distribution is checked by its sub-lots (the lot
 * schema below), and one marked `truncate: true` carries the range as `bounds` so that it is cut
 * there.
 */
function attribute(name: string, unit: string, o: Parameters<typeof quantity>[1]) {
  const range: AttributeRange = { lower: o.above ?? o.min ?? -Infinity, upper: o.max ?? Infinity, open: o.above !== undefined, unit };
  ATTRIBUTE_RANGES[name] = range;
  ATTRIBUTE_ENTRIES = undefined;
  const bounded = distributionSchema.transform((d): LotDistribution => (d.truncate ? { ...d, bounds: [range.lower, range.upper] } : d));
  return z.union([bounded, quantity(unit, o)]).meta({
    description: `${o.description} — a value, or { dist: normal|uniform|triangular, …, truncate?: true } discretised into equal-mass sub-lots`,
    unit,
    ...(o.source ? { source: o.source } : {}),
    ...(o.default !== undefined ? { defaultText: String(o.default) } : {}),
    ...(o.min !== undefined ? { min: o.min, minimum: o.min } : {}),
    ...(o.above !== undefined ? { above: o.above, exclusiveMinimum: o.above } : {}),
    ...(o.max !== undefined ? { max: o.max, maximum: o.max } : {}),
  });
}

/** The range as text, e.g. "0 … 0.5", "> 0 … 500 um". */
export function rangeText(r: AttributeRange): string {
  return `${r.open ? '> ' : ''}${r.lower} … ${r.upper}${r.unit ? ` ${r.unit}` : ''}`;
}

/** Sub-lot values of a distribution outside its attribute's range: the lowest and highest, or undefined when all lie inside. */
function subLotsOutside(d: LotDistribution, n: number, r: AttributeRange): { low: number; high: number } | undefined {
  const values = discretise(d, n);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const inside = (r.open ? low > r.lower : low >= r.lower) && high <= r.upper;
  return inside ? undefined : { low, high };
}

/** Elements that cannot sit on the transition-metal site of a cathode lattice (anions, non-metals; Li is counted by liPerTm). */
const NOT_ON_TM_SITE = new Set(['H', 'Li', 'C', 'N', 'O', 'F', 'P', 'S', 'Cl', 'Ar', 'I']);

const tmSchema = z.record(z.string(), z.number().min(0).max(1));

const chemistrySchema = z.union([
  z.string(),
  z.strictObject({ name: z.string().optional(), family: z.enum(['layered', 'spinel', 'olivine']).default('layered'), tm: tmSchema }),
]).transform((c, ctx): CathodeChemistry => {
  if (typeof c === 'string') {
    const chem = chemistryByName(c);
    if (!chem) {
      ctx.addIssue({ code: 'custom', message: msg.unknownChemistry(c, Object.keys(CHEMISTRIES)) });
      return z.NEVER;
    }
    return chem;
  }
  const tm: Partial<Record<Element, number>> = {};
  let sum = 0;
  for (const [el, x] of Object.entries(c.tm)) {
    if (!isElement(el)) {
      ctx.addIssue({ code: 'custom', path: ['tm', el], message: msg.invalid(`"${el}" is not an element symbol; use symbols such as Ni, Co, Mn, Al`) });
      continue;
    }
    if (NOT_ON_TM_SITE.has(el)) {
      ctx.addIssue({ code: 'custom', path: ['tm', el], message: msg.notTmSite(el) });
      continue;
    }
    tm[el] = x;
    sum += x;
  }
  if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['tm'], message: msg.tmFractionsSum(sum) });
  return { name: c.name ?? describeTm(tm, c.family), family: c.family as CathodeFamily, tm };
});

function describeTm(tm: Partial<Record<Element, number>>, family: CathodeFamily): string {
  return `${family}:` + Object.entries(tm).map(([el, x]) => `${el}${Number((x ?? 0).toFixed(3))}`).join('');
}

const compositionSchema = z.record(z.string(), fraction({ description: 'mass fraction of the scrap' })).transform((c, ctx) => {
  const out: Record<string, number> = {};
  let sum = 0;
  for (const [key, x] of Object.entries(c)) {
    sum += x;
    if (key === 'cam') { out.cam = (out.cam ?? 0) + x; continue; }
    const expand = Object.hasOwn(COMPOSITION_KEYS, key.toLowerCase()) ? COMPOSITION_KEYS[key.toLowerCase()] : undefined;
    const id = expand ? undefined : resolveComponentId(key);
    if (!expand && !id) {
      ctx.addIssue({ code: 'custom', path: [key], message: msg.unknownComponent(key, ['cam', ...Object.keys(COMPOSITION_KEYS), ...COMPONENT_IDS]) });
      continue;
    }
    for (const [cid, f] of Object.entries(expand ?? { [id!]: 1 })) out[cid] = (out[cid] ?? 0) + x * f;
  }
  if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', message: msg.compositionSum(sum) });
  return out;
});

/**
 * Most lots in a feed and sub-lots per lot (assumption: a feed is a handful of chemistries and
 * states; more would only slow every unit and bloat every table).
 */
export const MAX_FEED_LOTS = 1000;
/** Most sub-lots a feed lot splits into (its `bins`). */
export const MAX_SUB_LOTS_PER_LOT = 50;
/** Most sub-lots of one feed: the lot ids a unit can meet per feed lot path. */
export const MAX_FEED_SUB_LOTS = MAX_FEED_LOTS * MAX_SUB_LOTS_PER_LOT;

/** A feed lot as written in a file. */
export const lotSpecSchema = z.strictObject({
  id: idSchema.describe('lot id, unique in the feed'),
  share: fraction({ description: 'mass share of the feed' }),
  chemistry: chemistrySchema.describe('NCM111, NCM523, NCM622, NCM811, Ni90, NCA, LCO, LMO, LFP, or { family, tm: { Ni: …, Co: …, Mn: … } }'),
  liPerTm: attribute('liPerTm', '', { description: 'Li/TM molar ratio of the spent material', min: 0, max: 1.3, source: 'assumption: when absent, the family nominal (undegraded) value' }).optional(),
  cationMixing: attribute('cationMixing', '', { description: 'fraction of Li sites holding Ni (Li/Ni mixing)', min: 0, max: 0.5, default: 0.02, source: 'assumption: ≈2 % Li/Ni mixing of pristine layered NCM' }),
  surfaceRockSalt_nm: attribute('surfaceRockSalt_nm', 'nm', { description: 'surface rock-salt layer thickness', min: 0, max: 1000, default: 0, source: 'assumption: none when absent (REFERENCE.md Part 3: no measured values found)' }),
  crackFraction: attribute('crackFraction', '', { description: 'fraction of particles with intergranular cracks', min: 0, max: 1, default: 0, source: 'assumption: none when absent' }),
  morphology: described(z.enum(['polycrystal', 'single-crystal']).default('polycrystal'), { description: 'particle morphology', source: 'assumption: polycrystalline secondary particles, the common commercial form' }),
  d50: attribute('d50', 'um', { description: 'median particle size D50', above: 0, max: 500, default: 10, source: 'assumption: 10 µm, typical commercial NCM secondary particles' }),
  composition: compositionSchema.optional().describe('scrap composition, mass fractions: cam, carbon, pvdf/binder, al, cu, graphite, electrolyte, moisture, impurities or any registry component; default by feed basis'),
  bins: described(z.number().int().min(1).max(MAX_SUB_LOTS_PER_LOT).default(5), { description: 'sub-lots per lot when an attribute is a distribution', source: 'assumption: 5 equal-mass bins' }),
  note: z.string().optional(),
}).superRefine((l, ctx) => {
  // Sub-lots of a distribution must be lots the model accepts, like any value written directly.
  for (const [name, range] of attributeEntries()) {
    const d = l[name as keyof typeof l] as LotAttribute | undefined;
    if (d === undefined || typeof d === 'number') continue;
    if (d.truncate) {
      if (probabilityOutside(d, range.lower, range.upper) >= 1) ctx.addIssue({ code: 'custom', path: [name], message: msg.distributionOutsideRange(name, rangeText(range)) });
      continue;
    }
    const out = subLotsOutside(d, d.bins ?? l.bins, range);
    if (out) ctx.addIssue({ code: 'custom', path: [name], message: msg.subLotsOutOfRange(name, out.low, out.high, d.bins ?? l.bins, rangeText(range)) });
  }
});

/** A feed (inline in a scenario or its own file). */
export const feedSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema.optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  basis: described(z.enum(FEED_BASES).default('cathode-scrap'), { description: 'what the feed is: cathode-scrap, black-mass or cam-powder', source: 'assumption: cathode production scrap, the usual direct-recycling feed' }),
  lots: z.array(lotSpecSchema).min(1).max(MAX_FEED_LOTS),
}).superRefine((f, ctx) => {
  const sum = f.lots.reduce((s, l) => s + l.share, 0);
  if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['lots'], message: msg.sharesSum(sum, f.lots) });
  // Without cathode material there is nothing to regenerate and every per-kg figure is undefined.
  if (f.lots.every((l) => !((l.composition ?? DEFAULT_COMPOSITION[f.basis]).cam! > 0) || !(l.share > 0))) {
    ctx.addIssue({ code: 'custom', path: ['lots'], message: msg.feedWithoutCathode(f.lots.map((l) => l.id)) });
  }
  const seen = new Set<string>();
  f.lots.forEach((l, i) => {
    if (seen.has(l.id)) ctx.addIssue({ code: 'custom', path: ['lots', i, 'id'], message: msg.duplicateLotId(l.id) });
    seen.add(l.id);
  });
});

/** A validated feed. */
export type FeedSpec = z.output<typeof feedSchema>;
/** A validated feed lot. */
export type LotSpec = z.output<typeof lotSpecSchema>;
/** An attribute value: a number or a distribution. */
export type LotAttribute = number | LotDistribution;

/** The nominal Li/TM of a chemistry (default when a lot gives none). */
export function nominalLiPerTm(chem: CathodeChemistry): number {
  return FAMILY[chem.family].nominalLiPerTm;
}
