import { describe, expect, it } from 'vitest';
import { toUnit, convert, parseUnit, UnitError } from '../../src/schema/quantity.js';

describe('quantities with units', () => {
  it('converts absolute temperatures affinely and differences by scale', () => {
    expect(toUnit('220 degC', 'K')).toBeCloseTo(493.15, 12);
    expect(toUnit('212 degF', 'K')).toBeCloseTo(373.15, 10);
    expect(toUnit('5 degC/min', 'K/h')).toBeCloseTo(300, 12);
  });
  it('converts throughput, time, concentration, energy and money', () => {
    expect(toUnit('10000 t/yr', 'kg/yr')).toBe(1e7);
    expect(toUnit('10000 t/yr', 'kg/h')).toBeCloseTo(1e7 / 8760, 9);
    expect(toUnit('30 min', 'h')).toBe(0.5);
    expect(toUnit('4 mol/L', 'mol/L')).toBe(4);
    expect(toUnit('4 M', 'mol/L')).toBe(4);
    expect(toUnit('2 MJ', 'kWh')).toBeCloseTo(2 / 3.6, 12);
    expect(toUnit('12 USD/MMBtu', 'USD/kWh')).toBeCloseTo(12 / 293.07107017, 9);
    expect(toUnit('35 %', '')).toBeCloseTo(0.35, 15);
    expect(toUnit('1 gal', 'L')).toBeCloseTo(3.785411784, 12);
    expect(toUnit('21 mg/cm2', 'kg/m2')).toBeCloseTo(0.21, 12);
    expect(toUnit('500 J/(kg K)', 'J/(kg·K)')).toBe(500);
    expect(toUnit('2 bar', 'Pa')).toBe(2e5);
  });
  it('passes bare numbers through in the documented unit', () => {
    expect(toUnit(493.15, 'K')).toBe(493.15);
  });
  it('refuses wrong dimensions, unknown and ambiguous units', () => {
    expect(() => toUnit('4 h', 'K')).toThrow(new UnitError('"4 h" is time but temperature is expected (unit K)'));
    expect(() => toUnit('4 kelvins', 'K')).toThrow(new UnitError('"kelvins" is not a known unit'));
    expect(() => toUnit('5 ton', 'kg')).toThrow(new UnitError('"ton" is ambiguous; write t (metric tonne, 1000 kg) or short_ton (907.18 kg)'));
    expect(() => toUnit('220', 'K')).toThrow(new UnitError('"220" has no unit; give one of dimension temperature, e.g. "220 K"'));
    expect(() => toUnit('hot', 'K')).toThrow(new UnitError('"hot" is not a number with a unit'));
    expect(() => convert(1, 'kg', 'm')).toThrow(UnitError);
  });
  it('parses compound units with exponents', () => {
    expect(parseUnit('m^3').factor).toBe(1);
    expect(parseUnit('m³').dims).toEqual([0, 3, 0, 0, 0, 0, 0]);
    expect(parseUnit('W/m2/K').dims).toEqual([1, 0, -3, -1, 0, 0, 0]);
    expect(parseUnit('mA/cm2').factor).toBeCloseTo(10, 12);
  });
});

describe('dimension names in messages', () => {
  it('names derived dimensions people use', async () => {
    const { describeDimension, parseUnit } = await import('../../src/schema/quantity.js');
    const d = (u: string) => describeDimension(parseUnit(u).dims);
    expect(d('USD/kWh')).toBe('money/energy');
    expect(d('kWh/kg')).toBe('energy/mass');
    expect(d('J/(kg K)')).toBe('energy/mass·temperature');
    expect(d('m3')).toBe('volume');
    expect(d('mol/L')).toBe('amount/volume');
    expect(d('kg/h')).toBe('mass/time');
    expect(d('kW')).toBe('power');
    expect(d('')).toBe('dimensionless');
  });
});
