/**
 * Checks of uncertain inputs against the route they are applied to (issue 14), made before any
 * sampling and kept pure so that `validate` can make them too:
 * - a sampled range reaching outside a unit parameter's validated range (its schema's min/max):
 *   those samples would fail as invalid input;
 * - a sampled range that does not include the route's base value: typically a range written for
 *   another route (the hydrothermal 200–240 °C applied to a 300 °C molten-salt unit).
 * The sampled range is [min, max] of a bounded distribution and [P0.1, P99.9] of an unbounded one.
 * Relative inputs ("% of base") follow the base by construction and are not checked here.
 */
import type { Model } from '../pipeline/resolve.js';
import { splitPath } from '../pipeline/patch.js';
import { paramMetaOf } from '../pipeline/param-meta.js';
import { priceItem, priceRange } from '../economics/price-keys.js';
import { convert } from '../schema/quantity.js';
import { msg } from '../schema/messages.js';
import type { UnitKind } from '../schema/kinds.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import { distributionOf } from './distributions.js';
import type { UncertainInput } from './inputs.js';
import { baseValueAt, inScope, isRelative } from './scope.js';

/** The sampled range of a distribution in its own unit: [min, max], or [P0.1, P99.9] when unbounded. */
export function sampledRange(spec: NonNullable<UncertainInput['spec']>): [number, number] {
  const d = distributionOf(spec);
  const lo = Number.isFinite(d.lower) && spec.dist !== 'lognormal' ? d.lower : d.quantile(0.001);
  const hi = Number.isFinite(d.upper) ? d.upper : d.quantile(0.999);
  return [lo, hi];
}

/** Where an input was declared, as diagnostics name it. */
export function declarationPlace(model: Model, input: UncertainInput): string {
  if (input.origin.path.length === 0) return input.origin.file;
  const loc = input.origin.file === model.raw.scenario.file ? model.raw.scenario.locate(input.origin.path) : undefined;
  return `${input.origin.file}${loc ? `:${loc.line}:${loc.column}` : ''} › uncertainty[${input.origin.path[1]}]`;
}

const fmt = (x: number) => String(Number(x.toPrecision(4)));

/** The validated limits of the field a path addresses on this route (in its canonical unit), and that unit. */
export function fieldLimits(model: Model, path: string): { min?: number; max?: number; unit: string | null } {
  const f = fieldOf(model, path);
  return { ...(f.min !== undefined ? { min: f.min } : {}), ...(f.max !== undefined ? { max: f.max } : {}), unit: f.unit };
}

/** What the path addresses on this route: the canonical unit, validated limits and a name for messages. */
function fieldOf(model: Model, path: string): { unit: string | null; min?: number; max?: number; name: string; display?: string } {
  const seg = splitPath(path);
  const unit = model.flowsheet.units.find((u) => u.id === seg[0]);
  if (unit && seg.length === 2) {
    const meta = paramMetaOf(unit.kind as UnitKind, seg[1]!);
    return {
      unit: meta?.unit ?? null,
      ...(meta?.min !== undefined ? { min: meta.min } : {}),
      ...(meta?.max !== undefined ? { max: meta.max } : {}),
      name: `${unit.id} (${unit.kind}).${seg[1]}`,
      ...(typeof meta?.displayUnit === 'string' ? { display: meta.displayUnit } : {}),
    };
  }
  if (seg[0] === 'prices') {
    const key = priceItem(seg[1] ?? '')?.key ?? seg[1] ?? '';
    return { unit: model.prices.items[key]?.unit ?? null, ...priceRange(key), name: `price ${key}` };
  }
  return { unit: null, name: path };
}

/**
 * Warnings about the inputs that apply to this model's route (see the module comment). Inputs
 * without a distribution, relative inputs and inputs whose unit cannot be related to the field's
 * are not checked.
 */
export function rangeWarnings(model: Model, inputs: readonly UncertainInput[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const route = model.flowsheet.id;
  for (const input of inputs) {
    const spec = input.spec;
    if (!spec || isRelative(spec) || !inScope(input, route, inputs)) continue;
    const field = fieldOf(model, input.path);
    const given = spec.unit ?? field.unit ?? '';
    let toField = (x: number) => x;
    let toGiven = (x: number) => x;
    if (spec.unit !== undefined) {
      if (field.unit === null) continue;
      const fieldUnit = field.unit;
      try {
        convert(1, spec.unit, fieldUnit);
      } catch {
        continue;
      }
      toField = (x) => convert(x, spec.unit!, fieldUnit);
      toGiven = (x) => convert(x, fieldUnit, spec.unit!);
    }
    const [lo, hi] = sampledRange(spec);
    const range = `${fmt(lo)}–${fmt(hi)}${given ? ` ${given}` : ''}`;
    const where = declarationPlace(model, input);
    const [loF, hiF] = [toField(lo), toField(hi)];
    if ((field.min !== undefined && loF < field.min) || (field.max !== undefined && hiF > field.max)) {
      const show = (x: number) => `${fmt(field.display && field.unit ? convert(x, field.unit, field.display) : x)}${field.display ?? field.unit ? ` ${field.display ?? field.unit}` : ''}`;
      const limits = [field.min !== undefined ? `min ${show(field.min)}` : '', field.max !== undefined ? `max ${show(field.max)}` : ''].filter(Boolean).join(', ');
      out.push({ code: 'uncertain-range-outside-validated', severity: 'warning', where, message: msg.rangeOutsideValidated(input.path, range, field.name, limits) });
    }
    const base = baseValueAt(model, input.path);
    if (typeof base !== 'number') continue;
    const tol = 1e-9 * Math.max(Math.abs(loF), Math.abs(hiF), Math.abs(base));
    if (base < loF - tol || base > hiF + tol) {
      out.push({ code: 'uncertain-range-misses-base', severity: 'warning', where, message: msg.rangeMissesBase(input.path, range, route, `${fmt(toGiven(base))}${given ? ` ${given}` : ''}`, field.name) });
    }
  }
  return out;
}
