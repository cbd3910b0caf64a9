import { describe, expect, it } from 'vitest';
import { parseFormula, molarMass, massFractions } from '../../src/chemistry/formula.js';
import { RegenflowError } from '../../src/schema/errors.js';

// Hand calculations with IUPAC abridged atomic weights: H 1.008, Li 6.94, C 12.011, N 14.007,
// O 15.999, F 18.998403162, P 30.973761998, Al 26.9815384, Ni 58.6934, Co 58.933194, Mn 54.938043.
describe('formula parser and molar mass', () => {
  it('parses simple formulas', () => {
    expect(parseFormula('LiOH')).toEqual({ Li: 1, O: 1, H: 1 });
    expect(parseFormula('Li2CO3')).toEqual({ Li: 2, C: 1, O: 3 });
    expect(molarMass(parseFormula('LiOH'))).toBeCloseTo(6.94 + 15.999 + 1.008, 12); // 23.947
    expect(molarMass(parseFormula('Li2CO3'))).toBeCloseTo(2 * 6.94 + 12.011 + 3 * 15.999, 12); // 73.888
  });

  it('parses hydrates written with ·, . or *', () => {
    const expected = 6.94 + 15.999 + 1.008 + 2 * 1.008 + 15.999; // 41.962
    for (const f of ['LiOH·H2O', 'LiOH.H2O', 'LiOH*H2O']) expect(molarMass(parseFormula(f))).toBeCloseTo(expected, 12);
    expect(parseFormula('Al(NO3)3·9H2O')).toEqual({ Al: 1, N: 3, O: 9 + 9, H: 18 });
    expect(molarMass(parseFormula('Al(NO3)3·9H2O'))).toBeCloseTo(26.9815384 + 3 * 14.007 + 18 * 15.999 + 18 * 1.008, 10);
  });

  it('parses parentheses and decimal subscripts', () => {
    expect(parseFormula('Ni(OH)2')).toEqual({ Ni: 1, O: 2, H: 2 });
    expect(parseFormula('(NH4)2HPO4')).toEqual({ N: 2, H: 9, P: 1, O: 4 });
    const ncm = parseFormula('LiNi0.5Co0.2Mn0.3O2');
    expect(ncm).toEqual({ Li: 1, Ni: 0.5, Co: 0.2, Mn: 0.3, O: 2 });
    const m = 6.94 + 0.5 * 58.6934 + 0.2 * 58.933194 + 0.3 * 54.938043 + 2 * 15.999;
    expect(molarMass(ncm)).toBeCloseTo(m, 12); // 96.60
  });

  it('treats polymer repeat units (C2H2F2)n as one repeat unit', () => {
    expect(parseFormula('(C2H2F2)n')).toEqual({ C: 2, H: 2, F: 2 });
    expect(molarMass(parseFormula('(C2H2F2)n'))).toBeCloseTo(2 * 12.011 + 2 * 1.008 + 2 * 18.998403162, 12);
  });

  it('distinguishes Co from C O', () => {
    expect(parseFormula('CO2')).toEqual({ C: 1, O: 2 });
    expect(parseFormula('Co3O4')).toEqual({ Co: 3, O: 4 });
  });

  it('gives mass fractions that sum to 1', () => {
    const f = massFractions(parseFormula('Li3PO4'));
    const sum = Object.values(f).reduce((a, b) => a + (b ?? 0), 0);
    expect(sum).toBeCloseTo(1, 14);
    expect(f.Li).toBeCloseTo((3 * 6.94) / (3 * 6.94 + 30.973761998 + 4 * 15.999), 12);
  });

  it('reports unreadable formulas with the catalogue message', () => {
    const cases: [string, string][] = [
      ['Xy2', 'formula "Xy2" cannot be read: "Xy" is not an element symbol; write it like LiOH·H2O or Ni(OH)2'],
      ['Ni(OH2', 'formula "Ni(OH2" cannot be read: a parenthesis is not closed; write it like LiOH·H2O or Ni(OH)2'],
      ['NiOH)2', 'formula "NiOH)2" cannot be read: a closing parenthesis has no opening one; write it like LiOH·H2O or Ni(OH)2'],
      ['', 'formula "" cannot be read: it is empty; write it like LiOH·H2O or Ni(OH)2'],
    ];
    for (const [f, message] of cases) {
      expect(() => parseFormula(f)).toThrow(RegenflowError);
      expect(() => parseFormula(f)).toThrow(message);
    }
  });
});
