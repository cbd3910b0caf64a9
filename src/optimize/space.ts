/**
 * The parameter space of `regenflow optimize --vary`: each `--vary "<path>=<range>"` is one
 * dimension of the search, read into a Parameter and mapped to and from the unit interval the
 * optimiser works in.
 *
 *   "relith.temperature=160 degC:250 degC"   continuous, bounds with a unit (converted to the
 *   "relith.temperature=160:250 degC"        first bound's unit; a trailing unit applies to both)
 *   "sinter.dwell=1:8"                       continuous, numbers in the field's documented unit
 *   "wash.stages=2..6"                       integer (counts), both ends included
 *   "relith.salt=LiOH-LiNO3|LiI-LiOH"        a choice among listed values ("800 degC|850 degC" too)
 *
 * Continuous values are rounded to a step of 10⁻⁶ of the range (to a power of ten), so reported
 * and written values are short and a written scenario reproduces the evaluated one exactly; within
 * 10⁻⁴ of the range from a bound they are the bound (an optimum on a bound is found exactly).
 */
import { RegenflowError, inputErrors, type InputIssue } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { convert, splitQuantity, UnitError } from '../schema/quantity.js';
import type { Patch } from '../pipeline/patch.js';

/** A value as a patch carries it: a number in the field's unit, or text (a quantity or a choice). */
export type ParamValue = number | string;

interface Common {
  /** Override path, e.g. `relith.temperature`. */
  path: string;
  /** The `--vary` text as given. */
  text: string;
}

/** A real-valued parameter between two bounds. */
export interface ContinuousParameter extends Common {
  kind: 'continuous';
  lo: number;
  hi: number;
  /** Unit of lo and hi (null: the field's documented unit). */
  unit: string | null;
}

/** An integer parameter (counts), lo and hi included. */
export interface IntegerParameter extends Common {
  kind: 'integer';
  lo: number;
  hi: number;
}

/** A choice among listed values. */
export interface ChoiceParameter extends Common {
  kind: 'choice';
  choices: ParamValue[];
}

/** One dimension of the search. */
export type Parameter = ContinuousParameter | IntegerParameter | ChoiceParameter;

/** Where a `--vary` text's problems are reported. */
export function varyPlace(text: string): string {
  return `--vary "${text}"`;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A listed value: a number when it reads as one, else the trimmed text. */
function listedValue(s: string): ParamValue {
  const t = s.trim();
  return NUMBER.test(t) ? Number(t) : t;
}

/** Read one `--vary` text; returns the parameter or an error message. */
export function readVary(text: string): Parameter | { error: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) return { error: msg.varySyntax(text, 'no "=" between the path and the range') };
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  if (!path) return { error: msg.varySyntax(text, 'the path is empty') };
  if (spec.includes('|')) {
    const choices = spec.split('|').map(listedValue);
    if (choices.some((c) => c === '')) return { error: msg.varySyntax(text, 'an empty choice') };
    if (new Set(choices.map(String)).size !== choices.length) return { error: msg.varySyntax(text, 'a choice is listed twice') };
    if (choices.length < 2) return { error: msg.varySyntax(text, 'a choice needs at least two values') };
    return { kind: 'choice', path, text, choices };
  }
  const ints = /^([-+]?\d+)\s*\.\.\s*([-+]?\d+)$/.exec(spec);
  if (ints) {
    const lo = Number(ints[1]);
    const hi = Number(ints[2]);
    if (!(hi > lo)) return { error: msg.varyBounds(text, `${lo}..${hi}`) };
    return { kind: 'integer', path, text, lo, hi };
  }
  const parts = spec.split(':');
  if (parts.length !== 2) return { error: msg.varySyntax(text, 'write the range as <lo>:<hi>, <lo>..<hi> (integers) or a|b|c (choices)') };
  const a = splitQuantity(parts[0]!);
  const b = splitQuantity(parts[1]!);
  if (!a || !b || !Number.isFinite(a.value) || !Number.isFinite(b.value)) return { error: msg.varySyntax(text, 'a bound is not a number (with an optional unit)') };
  let unit: string | null = a.unit || b.unit || null;
  let hi = b.value;
  if (a.unit && b.unit && a.unit !== b.unit) {
    try {
      hi = convert(b.value, b.unit, a.unit);
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      return { error: msg.varySyntax(text, e.message) };
    }
    unit = a.unit;
  }
  const lo = a.value;
  if (!(hi > lo)) return { error: msg.varyBounds(text, `${lo}:${hi}${unit ? ` ${unit}` : ''}`) };
  return { kind: 'continuous', path, text, lo, hi, unit };
}

/** Read every `--vary` text; throws one input error listing every problem. */
export function readVaries(texts: readonly string[]): Parameter[] {
  const issues: InputIssue[] = [];
  const out: Parameter[] = [];
  const seen = new Map<string, string>();
  for (const text of texts) {
    const p = readVary(text);
    if ('error' in p) { issues.push({ code: 'vary-syntax', message: p.error, file: varyPlace(text) }); continue; }
    const first = seen.get(p.path);
    if (first !== undefined) { issues.push({ code: 'vary-twice', message: msg.varyTwice(p.path, first), file: varyPlace(text) }); continue; }
    seen.set(p.path, text);
    out.push(p);
  }
  if (issues.length) throw inputErrors(issues);
  if (out.length === 0) throw new RegenflowError('vary-none', msg.varyNone());
  return out;
}

/** Number of levels of a discrete parameter (0 for a continuous one). */
export function levels(p: Parameter): number {
  return p.kind === 'integer' ? p.hi - p.lo + 1 : p.kind === 'choice' ? p.choices.length : 0;
}

/** Rounding step of a continuous parameter: a power of ten at most 10⁻⁶ of its range. */
export function stepOf(p: ContinuousParameter): number {
  return Number(`1e${Math.floor(Math.log10((p.hi - p.lo) * 1e-6))}`);
}

/** Round `v` to a multiple of `step` without binary noise (e.g. 213.2875, not 213.28750000000002). */
export function roundTo(v: number, step: number): number {
  const digits = Math.max(0, -Math.round(Math.log10(step)));
  return Number((Math.round(v / step) * step).toFixed(Math.min(20, digits)));
}

/** Share of the range at each end of a continuous parameter that stands for the bound itself. */
export const SNAP = 1e-4;

/** The value a point u ∈ [0, 1] of the unit interval stands for. */
export function valueAt(p: Parameter, u: number): ParamValue {
  const k = levels(p);
  if (p.kind === 'continuous') {
    // Within SNAP of a bound the value is the bound itself, so an optimum on a bound is found exactly.
    if (u <= SNAP) return p.lo;
    if (u >= 1 - SNAP) return p.hi;
    return Math.min(p.hi, Math.max(p.lo, roundTo(p.lo + u * (p.hi - p.lo), stepOf(p))));
  }
  const i = Math.min(k - 1, Math.max(0, Math.floor(u * k)));
  return p.kind === 'integer' ? p.lo + i : p.choices[i]!;
}

/** The patch value of a parameter value: "<x> <unit>" for a continuous value with a unit. */
export function patchValueOf(p: Parameter, v: ParamValue): ParamValue {
  return p.kind === 'continuous' && p.unit && typeof v === 'number' ? `${v} ${p.unit}` : v;
}

/** Patches setting each parameter to its value, placed at the `--vary` text for error messages. */
export function patchesOf(params: readonly Parameter[], values: readonly ParamValue[]): Patch[] {
  return params.map((p, i) => ({ path: p.path, value: patchValueOf(p, values[i]!), origin: { file: varyPlace(p.text), path: [] } }));
}

/** The point of the unit interval at the middle of a discrete level, or of a continuous value. */
export function unitOf(p: Parameter, v: ParamValue): number {
  if (p.kind === 'continuous') return ((v as number) - p.lo) / (p.hi - p.lo);
  const k = levels(p);
  const i = p.kind === 'integer' ? (v as number) - p.lo : p.choices.findIndex((c) => String(c) === String(v));
  return (i + 0.5) / k;
}

/** Smallest standard deviation of each coordinate (unit interval): 0.3 of a level for discrete ones. */
export function minStdOf(params: readonly Parameter[]): number[] {
  return params.map((p) => (p.kind === 'continuous' ? 0 : 0.3 / levels(p)));
}

/** The parameter values as a record by path (for reports and written scenarios). */
export function paramRecord(params: readonly Parameter[], values: readonly (ParamValue | null)[]): Record<string, ParamValue | null> {
  const out: Record<string, ParamValue | null> = {};
  params.forEach((p, i) => { out[p.path] = values[i] ?? null; });
  return out;
}
