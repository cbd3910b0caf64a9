/**
 * Registry entries of one shape (issue 19: the unit models read components' fields from many
 * entries at one place in the code): every entry has every field, in one order, the optional ones
 * undefined when not given — and the same values a spread of its data gives.
 */
import { describe, expect, it } from 'vitest';
import { component, COMPONENT_IDS } from '../../src/chemistry/components.js';

describe('component registry entries', () => {
  it('every entry has the same keys in the same order; optional fields are undefined when not given', () => {
    const keys = Object.keys(component(COMPONENT_IDS[0]!));
    for (const id of COMPONENT_IDS) expect(Object.keys(component(id))).toEqual(keys);
    expect(keys).toEqual(['id', 'name', 'formula', 'phase', 'cp_J_per_kgK', 'latentHeat_J_per_kg', 'boilingPoint_K', 'meltingPoint_K', 'source', 'aliases', 'composition', 'molarMass_g_per_mol', 'elements', 'massFractions']);
    // Some entries lack an optional field, some have it.
    expect(COMPONENT_IDS.some((id) => component(id).cp_J_per_kgK === undefined)).toBe(true);
    expect(component('H2O').cp_J_per_kgK).toBeGreaterThan(4000);
    expect(component('LiOH·H2O').aliases?.length).toBeGreaterThan(0);
  });

  it('as JSON, an entry is what its data with the formula\'s terms gives (undefined fields left out)', () => {
    const h2o = component('H2O');
    expect(JSON.parse(JSON.stringify(h2o))).toEqual(Object.fromEntries(Object.entries(h2o).filter(([, v]) => v !== undefined)));
    expect(h2o.elements).toEqual(['H', 'O']);
    expect(h2o.massFractions[0]! + h2o.massFractions[1]!).toBeCloseTo(1, 12);
  });
});
