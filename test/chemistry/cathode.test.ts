import { describe, expect, it } from 'vitest';
import { CHEMISTRIES, chemistryByName, molarMassPerTm, lotComposition, lotMassFractions, lithiumToRelithiate_kmol, massAfterRelithiation, lotFormulaText } from '../../src/chemistry/cathode.js';
import { component, resolveComponentId } from '../../src/chemistry/components.js';

const LI = 6.94;
const O = 15.999;
const NI = 58.6934;
const CO = 58.933194;
const MN = 54.938043;

describe('NCM arithmetic', () => {
  const ncm523 = CHEMISTRIES.NCM523!;

  it('molar mass per TM of Li_r(Ni0.5Co0.2Mn0.3)O2 is linear in r', () => {
    const frame = 0.5 * NI + 0.2 * CO + 0.3 * MN + 2 * O;
    expect(molarMassPerTm(ncm523, 1)).toBeCloseTo(LI + frame, 12);
    expect(molarMassPerTm(ncm523, 0.86)).toBeCloseTo(0.86 * LI + frame, 12);
  });

  it('element mass fractions follow the formula', () => {
    const f = lotMassFractions(ncm523, 1);
    const mm = LI + 0.5 * NI + 0.2 * CO + 0.3 * MN + 2 * O;
    expect(f.Ni).toBeCloseTo((0.5 * NI) / mm, 12);
    expect(f.O).toBeCloseTo((2 * O) / mm, 12);
    expect(Object.values(f).reduce((a, b) => a + (b ?? 0), 0)).toBeCloseTo(1, 14);
  });

  it('lithium needed to move 1 kg from r = 0.86 to 1.0', () => {
    const mm = 0.86 * LI + 0.5 * NI + 0.2 * CO + 0.3 * MN + 2 * O;
    const kmol = lithiumToRelithiate_kmol(ncm523, 0.86, 1.0, 1);
    expect(kmol).toBeCloseTo((1 / mm) * 0.14, 15);
    // As LiOH (23.947 g/mol): ≈ 0.0351 kg per kg of lot for 0.14 Li/TM.
    expect(kmol * (LI + O + 1.008)).toBeCloseTo(0.14 * 23.947 / mm, 12);
    // Mass grows by exactly the lithium added.
    expect(massAfterRelithiation(ncm523, 0.86, 1.0, 1)).toBeCloseTo(1 + kmol * LI, 14);
  });

  it('families: spinel per Mn, olivine with phosphate', () => {
    expect(lotComposition(CHEMISTRIES.LMO!, 0.5)).toEqual({ Li: 0.5, Mn: 1, O: 2 });
    expect(lotComposition(CHEMISTRIES.LFP!, 1)).toEqual({ Li: 1, Fe: 1, P: 1, O: 4 });
    expect(molarMassPerTm(CHEMISTRIES.LFP!, 1)).toBeCloseTo(6.94 + 55.845 + 30.973761998 + 4 * O, 12); // 157.76
  });

  it('aliases and formula text', () => {
    expect(chemistryByName('NMC622')).toBe(CHEMISTRIES.NCM622);
    expect(chemistryByName('NCM955')).toBe(CHEMISTRIES.Ni90);
    expect(chemistryByName('XYZ')).toBeUndefined();
    expect(lotFormulaText(ncm523, 0.86)).toBe('Li0.86(Ni0.5Co0.2Mn0.3)O2');
  });
});

describe('component registry', () => {
  it('computes molar masses from formulas', () => {
    expect(component('LiOH·H2O').molarMass_g_per_mol).toBeCloseTo(41.962, 3);
    expect(component('Li3PO4').molarMass_g_per_mol).toBeCloseTo(115.79, 2);
    expect(component('Al2O3').molarMass_g_per_mol).toBeCloseTo(101.96, 2);
  });
  it('resolves aliases', () => {
    expect(resolveComponentId('LiOH.H2O')).toBe('LiOH·H2O');
    expect(resolveComponentId('water')).toBe('H2O');
    expect(resolveComponentId('nope')).toBeUndefined();
  });
  it('every component has a source', () => {
    expect(component('NMP').source.length).toBeGreaterThan(3);
  });
});
