/**
 * Every numeric input has a finite documented range (issue 17): each numeric parameter of every
 * unit-operation kind, and every numeric field of the plant, feed lots, product spec, design and
 * finance sections, carries a lower bound (min or an exclusive "above") and an upper bound, shown
 * by `regenflow kinds` and written into the JSON Schemas as minimum/exclusiveMinimum/maximum.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { REGISTRY } from '../../src/unit-ops/registry.js';
import { UNIT_KINDS, type UnitKind } from '../../src/schema/kinds.js';
import { plantSchema } from '../../src/schema/scenario.js';
import { lotSpecSchema } from '../../src/schema/feed.js';
import { specSchema } from '../../src/schema/spec.js';
import { designSchema } from '../../src/schema/design.js';
import { financeSchema } from '../../src/schema/economics.js';
import { solverSchema } from '../../src/schema/flowsheet.js';
import { kindInfos, rangeText } from '../../src/cli/kinds.js';
import { fileSchemas } from '../../src/pipeline/schemas.js';
import { numericFields, type NumericField } from './numeric-fields.js';

const incomplete = (fields: NumericField[]) => fields.filter((f) => !(Number.isFinite(f.lower) && Number.isFinite(f.upper))).map((f) => f.path);

describe('numeric ranges', () => {
  it('finds the numeric fields it checks (the walk is not vacuous)', () => {
    const reactor = numericFields(REGISTRY.reactor.params as z.ZodType).map((f) => f.path);
    expect(reactor).toEqual(expect.arrayContaining(['temperature', 'heaterEfficiency', 'reactions[].conversion', 'reactions[].extent']));
    const plant = numericFields(plantSchema).find((f) => f.path === 'capacity')!;
    expect(plant.lower).toBe(0);
    expect(plant.upper).toBe(1e9);
  });

  for (const kind of UNIT_KINDS) {
    it(`every numeric parameter of ${kind} has a finite range`, () => {
      expect(incomplete(numericFields(REGISTRY[kind].params as z.ZodType))).toEqual([]);
    });
  }

  it.each([
    ['plant', plantSchema], ['feed lot', lotSpecSchema], ['spec', specSchema], ['design', designSchema], ['finance', financeSchema], ['solver', solverSchema],
  ] as const)('every numeric field of the %s has a finite range', (_name, schema) => {
    expect(incomplete(numericFields(schema as z.ZodType))).toEqual([]);
  });

  it('regenflow kinds shows the ranges', () => {
    const reactor = kindInfos().find((k) => k.kind === 'reactor')!;
    const t = reactor.params.find((p) => p.name === 'temperature')!;
    expect(rangeText(t.range)).toBe('> 0, ≤ 2273.15');
    const washing = kindInfos().find((k) => k.kind === 'washing')!;
    expect(rangeText(washing.params.find((p) => p.name === 'stages')!.range)).toBe('1 … 20');
  });

  it('regenflow kinds shows the ranges of the relithiation, kiln and preparation parameters', () => {
    const range = (kind: string, name: string) => rangeText(kindInfos().find((k) => k.kind === kind)!.params.find((p) => p.name === name)!.range);
    expect(range('relithiation-hydrothermal', 'duration')).toBe('> 0, ≤ 240');
    expect(range('relithiation-hydrothermal', 'solidLiquidRatio')).toBe('0.01 … 1');
    expect(range('relithiation-hydrothermal', 'dischargeTemperature')).toBe('273.15 … 373.15');
    expect(range('relithiation-molten-salt', 'activationEnergy')).toBe('0 … 500000');
    expect(range('relithiation-molten-salt', 'orderingReferenceTemperature')).toBe('273.15 … 1373.15');
    expect(range('relithiation-electrochemical', 'faradaicEfficiency')).toBe('> 0, ≤ 1');
    expect(range('sintering', 'dwell')).toBe('0 … 240');
    expect(range('sintering', 'saggarTrips')).toBe('1 … 1000');
    expect(range('delamination-nmp', 'vesselVolume')).toBe('0.1 … 35');
    expect(range('delamination-nmp', 'fill')).toBe('0.15 … 0.9');
    expect(range('sorting', 'lineCapacity')).toBe('> 0, ≤ 5000');
    expect(range('sintering', 'kilnEfficiency')).toBe('> 0, ≤ 1');
    expect(range('flotation', 'cleaners')).toBe('0 … 6');
  });

  // A bound `kinds` documents must be one the load enforces: a value just beyond any documented
  // bound of any unit parameter is refused, by the quantity or by the refinement that owns the bound.
  for (const info of kindInfos()) {
    const bounded = info.params.filter((p) => p.range && p.unit !== null);
    if (bounded.length === 0) continue;
    it(`every documented bound of ${info.kind} is enforced`, () => {
      const schema = REGISTRY[info.kind as UnitKind].params as z.ZodType;
      const leaks: string[] = [];
      for (const p of bounded) {
        const { min, above, max } = p.range!;
        const beyond: number[] = [];
        if (max !== null) beyond.push(max + Math.max(1e-6, Math.abs(max) * 1e-6));
        if (above !== null) beyond.push(above);
        if (min !== null) beyond.push(min - Math.max(1e-6, Math.abs(min) * 1e-6));
        for (const v of beyond) {
          const r = schema.safeParse({ [p.name]: v });
          if (r.success || !r.error.issues.some((i) => i.path[0] === p.name)) leaks.push(`${p.name} = ${v}`);
        }
      }
      expect(leaks).toEqual([]);
    });
  }

  it('a bound a refinement enforces is documented on its field: JSON Schema exclusiveMaximum, the refinement\'s message', () => {
    const nmp = REGISTRY['delamination-nmp'].params as z.ZodType;
    const info = kindInfos().find((k) => k.kind === 'delamination-nmp')!.params.find((p) => p.name === 'temperature')!;
    const bp = info.range!.max!;
    expect(bp).toBeCloseTo(475.2, 6);
    expect(nmp.safeParse({ temperature: bp }).error!.issues.map((i) => i.message)).toEqual(['NMP bath temperature at or above its boiling point at atmospheric pressure (202.05 degC ≥ 202.05 degC); lower the temperature']);
    expect(nmp.safeParse({ temperature: bp - 1 }).success).toBe(true);
    const flowsheet = JSON.stringify(fileSchemas()['flowsheet.schema.json']);
    expect(flowsheet).toContain('"exclusiveMaximum":475.2');
  });

  it('the JSON Schemas carry the ranges as minimum / exclusiveMinimum / maximum', () => {
    const plant = fileSchemas()['plant.schema.json'] as { properties: Record<string, Record<string, unknown>> };
    expect(plant.properties.capacity).toMatchObject({ exclusiveMinimum: 0, maximum: 1e9 });
    expect(plant.properties.operatingHours).toMatchObject({ exclusiveMinimum: 0, maximum: 8760 });
  });
});
