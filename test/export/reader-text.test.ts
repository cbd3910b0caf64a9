/**
 * Text for readers: provenance without code tags or source-file names, input values in words (a
 * distribution as "triangular 6 / 13.68 / 30 USD/kg", never JSON), amounts in the command line's
 * units, and the number formats' widths (so a column fits what it shows).
 */
import { describe, expect, it } from 'vitest';
import { readerText, distributionText, distributionLabel, valueText, amount, wrapText, RECALLED } from '../../src/export/reader-text.js';
import { formattedNumber, valueFormat } from '../../src/export/grid.js';

describe('provenance for readers', () => {
  it('says "recalled" for [MEMORY] and reads out the reference notes\' confidence tags', () => {
    expect(readerText('ChemAnalyst ≈ 2,000 USD/t [MEMORY]')).toBe(`ChemAnalyst ≈ 2,000 USD/t (${RECALLED})`);
    expect(readerText('LME nickel ≈ 16,800 USD/t [MEMORY: World Bank Pink Sheet]')).toBe('LME nickel ≈ 16,800 USD/t (recalled from World Bank Pink Sheet, not yet verified)');
    expect(readerText('CRC Handbook [MEMORY-grade]; override when measured')).toBe(`CRC Handbook (${RECALLED}); override when measured`);
    // [M] in REFERENCE.md is a secondary source, not a recalled value.
    expect(readerText('Fastmarkets midpoint (REFERENCE.md 1.5) [M; year inferred from the article title]')).toBe('Fastmarkets midpoint (REFERENCE.md 1.5) (read in a secondary source; year inferred from the article title)');
    expect(readerText('EverBatt 2019 Table 12 [H]')).toBe('EverBatt 2019 Table 12 (read in a primary source)');
    // Inside parentheses already, no second pair.
    expect(readerText('(≈12.8 g/100 g water [MEMORY]); LiOH·H2O crystallises')).toBe(`(≈12.8 g/100 g water; ${RECALLED}); LiOH·H2O crystallises`);
  });

  it('names the model\'s source files by what they model', () => {
    expect(readerText('default: correlations/mechanisms/hydrothermal.ts HYDROTHERMAL_RATE (assumption calibrated to review Table 1)')).toBe("default: regenflow's hydrothermal repair model (assumption calibrated to review Table 1)");
    expect(readerText('virgin figures chemistry/capacity.ts; see src/streams/performance.ts')).toBe("virgin figures regenflow's capacity model; see regenflow's product-performance model");
    expect(readerText('GREET via EverBatt 2023 (environment.ts VIRGIN_CAM)')).toBe("GREET via EverBatt 2023 (regenflow's environment model)");
    expect(readerText('x lot-state.ts y')).not.toMatch(/\.ts\b/);
  });
});

describe('values in words', () => {
  it('writes distributions as their parameters, in reading order', () => {
    expect(distributionText({ dist: 'triangular', min: 6, mode: 13.68, max: 30, unit: 'USD/kg' })).toBe('triangular 6 / 13.68 / 30 USD/kg (min / mode / max)');
    expect(distributionText({ dist: 'normal', mean: 0.86, sd: 0.04 })).toBe('normal, mean 0.86, sd 0.04');
    expect(distributionText({ dist: 'uniform', min: 200, max: 240, unit: 'degC' })).toBe('uniform 200 / 240 degC (min / max)');
    expect(distributionLabel('triangular(6, 13.68, 30) USD/kg')).toBe('triangular 6 / 13.68 / 30 USD/kg (min / mode / max)');
  });

  it('never writes JSON for an object, a list or a distribution', () => {
    expect(valueText({ cam: 0.9, carbon: 0.03 })).toBe('cam 0.9, carbon 0.03');
    expect(valueText({})).toBe('none');
    expect(valueText(['chemistry', 'degradation'])).toBe('chemistry, degradation');
    expect(valueText({ dist: 'normal', mean: 0.8, sd: 0.03 })).toBe('normal, mean 0.8, sd 0.03');
    expect(valueText(true)).toBe('yes');
    expect(valueText(4.5)).toBe(4.5);
    for (const v of [{ a: { b: [1, 2] } }, [{ name: 'ncm', families: ['layered'] }]]) expect(String(valueText(v))).not.toMatch(/[{}[\]"]/);
  });

  it('shows amounts as the command line does', () => {
    expect(amount(207_324_463, 'USD')).toBe('207.32 M USD');
    expect(amount(-14_040_000, 'USD', 'signed')).toBe('−14.04 M USD');
    expect(amount(10_984, 'kg/yr')).toBe('11.0 t/yr');
    expect(amount(7_258_000, 'kg/yr')).toBe('7,258 t/yr');
    expect(amount(0.2945, 'fraction', 'signed')).toBe('+29.4 pp');
    expect(amount(-0.69, 'USD/kg', 'signed')).toBe('−0.69 USD/kg');
  });

  it('wraps text at spaces', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});

describe('number formats', () => {
  it('give the text a cell shows, so a column is sized to it', () => {
    expect(formattedNumber(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(formattedNumber(-0.1234, '0.0%')).toBe('-12.3%');
    expect(formattedNumber(207324463.02, '#,##0.00,,')).toBe('207.32');
    expect(formattedNumber(10_000_000, '#,##0,')).toBe('10,000');
    expect(formattedNumber(1.2e-12, '0.00E+00')).toBe('1.20E-12');
  });

  it('show an input with 3–4 significant digits', () => {
    expect(formattedNumber(13.6771428571, valueFormat(13.6771428571))).toBe('13.68');
    expect(formattedNumber(0.088, valueFormat(0.088))).toBe('0.088');
    expect(formattedNumber(525.4, valueFormat(525.4))).toBe('525.4');
    expect(formattedNumber(98500, valueFormat(98500))).toBe('98,500');
  });
});
