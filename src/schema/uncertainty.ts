/**
 * Uncertain inputs (DESIGN.md "Scenario file", issue 8): a distribution on any numeric input path,
 * declared in a scenario's `uncertainty:` list or on the command line with `--param`.
 *
 * Scenario form (parameters are numbers in the field's documented unit, or in `unit` when given):
 *
 *     uncertainty:
 *       - { path: prices.LiOH·H2O, dist: triangular, min: 8, mode: 11, max: 18 }
 *       - { path: relith.temperature, dist: uniform, min: 200, max: 240, unit: degC }
 *       - { path: plant.capacity, dist: normal, mean: 1.0e7, sd: 5.0e5, min: 8.0e6 }   # truncated
 *       - { path: finance.discountRate, dist: pert, min: 0.06, mode: 0.08, max: 0.14 }
 *       - { path: burn.reactions[0].conversion, dist: discrete, values: [0.9, 0.95], probabilities: [0.3, 0.7] }
 *       - { path: prices.Li2CO3, dist: lognormal, mean: 15, sd: 3 }                  # or mu, sigma
 *
 * Command-line form, the same distributions with positional parameters:
 *
 *     --param "<path>=<dist>:<p1>:<p2>[:…][ <unit>]"
 *       uniform:min:max              triangular:min:mode:max        pert:min:mode:max[:lambda]
 *       normal:mean:sd[:min:max]     lognormal:mean:sd              discrete:v1,v2,…[:p1,p2,…]
 *     e.g. --param "relith.temperature=triangular:200:220:240 degC" --param "prices.LiOH·H2O=uniform:8:18"
 *     --param "relith.temperature@molten-salt=uniform:280:320 degC"     (only on the molten-salt route)
 *     --param "relith.temperature=uniform:-5:5 % of base"              (± 5 % around each route's base)
 *
 * A bare `--param <path>` (no distribution) is accepted by `tornado --range` only.
 */
import { z } from 'zod';
import { msg } from './messages.js';
import { parseUnit, UnitError } from './quantity.js';
import { normalCdf } from '../uncertainty/special.js';

/** The distribution names, in the order the docs list them. */
export const DISTRIBUTIONS = ['uniform', 'triangular', 'normal', 'lognormal', 'pert', 'discrete'] as const;
/** A distribution name. */
export type DistributionName = (typeof DISTRIBUTIONS)[number];

/**
 * The unit that makes a distribution relative (issue 14): its parameters are per cent deviations
 * from the base value of the route being evaluated, value = base × (1 + x/100).
 */
export const RELATIVE_UNIT = '% of base';

const num = z.number();
const common = {
  path: z.string().min(1).describe('input path as in overrides: relith.temperature, plant.capacity, prices.LiOH·H2O, finance.discountRate, feed.lots[ev-523].share'),
  unit: z.string().min(1).optional().describe(`unit of the distribution's parameters (default: the field's documented unit); samples are passed as "<value> <unit>". "${RELATIVE_UNIT}": per cent deviations from the route's base value`),
  route: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional().describe('flowsheet id(s) of the route(s) this input applies to (default: every route); lets one scenario hold a range per route'),
  note: z.string().optional().describe('why this range (source)'),
};

const uniformSchema = z.strictObject({ ...common, dist: z.literal('uniform'), min: num, max: num });
const triangularSchema = z.strictObject({ ...common, dist: z.literal('triangular'), min: num, mode: num, max: num });
const normalSchema = z.strictObject({
  ...common,
  dist: z.literal('normal'),
  mean: num,
  sd: num,
  min: num.optional().describe('truncate below'),
  max: num.optional().describe('truncate above'),
});
const lognormalSchema = z.strictObject({
  ...common,
  dist: z.literal('lognormal'),
  mean: num.optional().describe('mean of the value'),
  sd: num.optional().describe('standard deviation of the value'),
  mu: num.optional().describe('mean of ln(value)'),
  sigma: num.optional().describe('standard deviation of ln(value)'),
});
const pertSchema = z.strictObject({
  ...common,
  dist: z.literal('pert'),
  min: num,
  mode: num,
  max: num,
  lambda: num.default(4).describe('shape: weight of the mode (4 = classic PERT)'),
});
const discreteSchema = z.strictObject({
  ...common,
  dist: z.literal('discrete'),
  values: z.array(num),
  probabilities: z.array(num).optional().describe('one per value, summing to 1 (default: equal)'),
});

type Spec = z.output<typeof uniformSchema> | z.output<typeof triangularSchema> | z.output<typeof normalSchema> | z.output<typeof lognormalSchema> | z.output<typeof pertSchema> | z.output<typeof discreteSchema>;

/** Cross-field rules of a distribution; each problem is placed at the field to change. */
function checkDistribution(d: Spec, ctx: z.RefinementCtx): void {
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (d.unit === RELATIVE_UNIT) {
    const lower = d.dist === 'discrete' ? Math.min(...d.values) : d.dist === 'normal' || d.dist === 'lognormal' ? undefined : d.min;
    if (lower !== undefined && !(lower > -100)) add([d.dist === 'discrete' ? 'values' : 'min'], msg.relativeBelowMinus100(lower));
  } else if (d.unit !== undefined) {
    try {
      parseUnit(d.unit);
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      add(['unit'], msg.distUnit(d.unit, e.message));
    }
  }
  switch (d.dist) {
    case 'uniform':
      if (!(d.max > d.min)) add(['max'], msg.distMaxNotAboveMin(d.min, d.max));
      break;
    case 'triangular':
    case 'pert':
      if (!(d.max > d.min)) add(['max'], msg.distMaxNotAboveMin(d.min, d.max));
      else if (d.mode < d.min || d.mode > d.max) add(['mode'], msg.distModeOutside(d.mode, d.min, d.max));
      if (d.dist === 'pert' && !(d.lambda > 0)) add(['lambda'], msg.distPertLambda(d.lambda));
      break;
    case 'normal': {
      if (!(d.sd > 0)) { add(['sd'], msg.distSdNotPositive(d.sd)); break; }
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      if (d.min !== undefined && d.max !== undefined && !(d.max > d.min)) { add(['max'], msg.distMaxNotAboveMin(d.min, d.max)); break; }
      const mass = normalCdf((hi - d.mean) / d.sd) - normalCdf((lo - d.mean) / d.sd);
      if (!(mass > 1e-12)) add([d.max !== undefined ? 'max' : 'min'], msg.distTruncationEmpty(lo, hi, d.mean, d.sd));
      break;
    }
    case 'lognormal': {
      const real = d.mean !== undefined || d.sd !== undefined;
      const log = d.mu !== undefined || d.sigma !== undefined;
      if (real === log || (real && (d.mean === undefined || d.sd === undefined)) || (log && (d.mu === undefined || d.sigma === undefined))) {
        add([], msg.distLognormalForm());
        break;
      }
      if (real) {
        if (!(d.mean! > 0)) add(['mean'], msg.distLognormalNotPositive('mean', d.mean!));
        if (!(d.sd! > 0)) add(['sd'], msg.distLognormalNotPositive('sd', d.sd!));
      } else if (!(d.sigma! > 0)) add(['sigma'], msg.distLognormalNotPositive('sigma', d.sigma!));
      break;
    }
    case 'discrete': {
      if (d.values.length === 0) { add(['values'], msg.distDiscreteEmpty()); break; }
      const p = d.probabilities;
      if (p === undefined) break;
      if (p.length !== d.values.length) { add(['probabilities'], msg.distProbabilitiesCount(d.values.length, p.length)); break; }
      let negative = false;
      p.forEach((x, i) => { if (x < 0) { negative = true; add(['probabilities', i], msg.distProbabilityNegative(x)); } });
      const sum = p.reduce((a, b) => a + b, 0);
      if (!negative && Math.abs(sum - 1) > 1e-9) add(['probabilities'], msg.distProbabilitiesSum(sum));
      break;
    }
  }
}

/** One uncertain input: a path and its distribution. */
export const uncertainInputSchema = z
  .discriminatedUnion('dist', [uniformSchema, triangularSchema, normalSchema, lognormalSchema, pertSchema, discreteSchema])
  .superRefine(checkDistribution)
  .describe('an uncertain input: { path, dist: uniform|triangular|normal|lognormal|pert|discrete, … }');

/** A validated uncertain input (plain data; JSON-friendly). */
export type UncertainInputSpec = z.output<typeof uncertainInputSchema>;

/** The scenario's `uncertainty:` list (a path may appear once: see duplicatePaths). */
export const uncertaintyListSchema = z.array(uncertainInputSchema);

/** The routes an input is scoped to (null: every route). */
export function routesOf(d: { route?: string | readonly string[] | undefined }): string[] | null {
  return d.route === undefined ? null : typeof d.route === 'string' ? [d.route] : [...d.route];
}

/**
 * Entries of a raw `uncertainty:` list that repeat an earlier entry's path with the same kind of
 * scope: two unscoped entries, or two entries scoped to a common route: [index, first index]. An
 * unscoped entry beside scoped ones is not a repeat: on their routes the scoped ones win. Checked on
 * the raw list so duplicates are reported together with every other problem.
 */
export function duplicatePaths(list: unknown): [number, number][] {
  if (!Array.isArray(list)) return [];
  const seen: { path: string; routes: string[] | null; i: number }[] = [];
  const out: [number, number][] = [];
  list.forEach((d, i) => {
    const path = d && typeof d === 'object' ? (d as { path?: unknown }).path : undefined;
    if (typeof path !== 'string') return;
    const route = (d as { route?: unknown }).route;
    const routes = typeof route === 'string' ? [route] : Array.isArray(route) ? route.map(String) : null;
    const clash = seen.find((e) => e.path === path && (e.routes === null ? routes === null : routes !== null && e.routes.some((r) => routes.includes(r))));
    if (clash) out.push([i, clash.i]);
    else seen.push({ path, routes, i });
  });
  return out;
}

/** Positional parameters of each distribution in the command-line form. */
const POSITIONAL: Record<DistributionName, { names: string[]; optional: string[] }> = {
  uniform: { names: ['min', 'max'], optional: [] },
  triangular: { names: ['min', 'mode', 'max'], optional: [] },
  normal: { names: ['mean', 'sd'], optional: ['min', 'max'] },
  lognormal: { names: ['mean', 'sd'], optional: [] },
  pert: { names: ['min', 'mode', 'max'], optional: ['lambda'] },
  discrete: { names: ['values'], optional: ['probabilities'] },
};

/** The command-line form of a distribution, e.g. "triangular:min:mode:max". */
export function paramForm(dist: DistributionName): string {
  const p = POSITIONAL[dist];
  return [dist, ...p.names, ...p.optional.map((o) => `[${o}]`)].join(':');
}

/** The result of reading a `--param` text: a spec object still to validate, or a bare path. */
export type ParamText = { path: string; spec: Record<string, unknown> } | { path: string; spec: null; route?: string } | { error: string };

/**
 * Read `<path>[@<route>]=<dist>:<p1>:<p2>…[ <unit>]` (or a bare `<path>`) into the scenario form,
 * not yet validated: numbers are parsed, everything else is left to the schema. `@<route>` scopes
 * the input to the route of that flowsheet id.
 */
export function readParamText(text: string): ParamText {
  const t = text.trim();
  const eq = t.indexOf('=');
  if (eq < 0) {
    if (!t || /\s/.test(t)) return { error: msg.paramSyntax(text, 'no path given') };
    const at = t.lastIndexOf('@');
    return at > 0 ? { path: t.slice(0, at), spec: null, route: t.slice(at + 1) } : { path: t, spec: null };
  }
  const target = t.slice(0, eq).trim();
  const at = target.lastIndexOf('@');
  const path = at > 0 ? target.slice(0, at).trim() : target;
  const route = at > 0 ? target.slice(at + 1).trim() : undefined;
  if (!path) return { error: msg.paramSyntax(text, 'no path before "="') };
  if (route === '') return { error: msg.paramSyntax(text, 'no route after "@"') };
  let rest = t.slice(eq + 1).trim();
  let unit: string | undefined;
  const space = rest.search(/\s/);
  if (space >= 0) {
    unit = rest.slice(space).trim();
    rest = rest.slice(0, space);
  }
  const parts = rest.split(':');
  const dist = parts[0]!.toLowerCase();
  if (!(DISTRIBUTIONS as readonly string[]).includes(dist)) return { error: msg.paramSyntax(text, `unknown distribution "${parts[0]}"; use ${DISTRIBUTIONS.join(', ')}`) };
  const form = POSITIONAL[dist as DistributionName];
  const args = parts.slice(1);
  if (args.length < form.names.length || args.length > form.names.length + form.optional.length || (dist === 'normal' && args.length === 3)) {
    return { error: msg.paramSyntax(text, `${dist} takes ${dist === 'normal' ? 'mean:sd or mean:sd:min:max' : paramForm(dist as DistributionName).slice(dist.length + 1)}`) };
  }
  const number = (s: string): number | undefined => {
    const v = s.trim() === '' ? NaN : Number(s);
    return Number.isFinite(v) ? v : undefined;
  };
  const spec: Record<string, unknown> = { path, dist };
  if (unit) spec.unit = unit;
  if (route) spec.route = route;
  const names = [...form.names, ...form.optional];
  for (let i = 0; i < args.length; i++) {
    const name = names[i]!;
    if (dist === 'discrete') {
      const items = args[i]!.split(',').filter((s) => s.trim() !== '');
      const values = items.map(number);
      const bad = items.find((_, k) => values[k] === undefined);
      if (bad !== undefined) return { error: msg.paramSyntax(text, `"${bad}" is not a number`) };
      spec[name] = values;
      continue;
    }
    const v = number(args[i]!);
    if (v === undefined) return { error: msg.paramSyntax(text, `${name} "${args[i]}" is not a number`) };
    spec[name] = v;
  }
  return { path, spec };
}
