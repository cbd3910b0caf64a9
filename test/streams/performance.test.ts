/**
 * The product-performance model (src/streams/performance.ts): capacity of a lot from its chemistry's
 * virgin capacity and its state, by hand; virgin state gives the virgin capacity; every defect lowers
 * capacity and retention; the spec's minimum capacity judges `low-capacity` at its boundary.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capacityRatioOf, lotCapacityRatio, lotPerformance, lithiumFactor, virginMixing, PERFORMANCE } from '../../src/streams/performance.js';
import { virginCapacity, theoreticalCapacity, VIRGIN_CAPACITY } from '../../src/chemistry/capacity.js';
import { chemistryByName } from '../../src/chemistry/cathode.js';
import { judgeLot } from '../../src/balances/quality.js';
import { specSchema } from '../../src/schema/spec.js';
import { makeLot } from '../helpers.js';

const NCM523 = chemistryByName('NCM523')!;
const NCM811 = chemistryByName('NCM811')!;

describe('virgin capacities', () => {
  it('named chemistries carry a 0.1 C capacity with its window and source', () => {
    for (const [name, v] of Object.entries(VIRGIN_CAPACITY)) {
      expect(v.mahPerG, name).toBeGreaterThan(100);
      expect(v.window, name).toMatch(/V$/);
      expect(v.source, name).toBeTruthy();
    }
    expect(virginCapacity(NCM811).mahPerG).toBe(200); // REFERENCE.md 4.6
  });
  it('an unnamed NCM grade is placed by its Ni fraction between the Noh et al. points', () => {
    const ni055 = { name: 'layered:Ni0.55', family: 'layered' as const, tm: { Ni: 0.55, Co: 0.2, Mn: 0.25 } };
    expect(virginCapacity(ni055).mahPerG).toBeCloseTo((175 + 187) / 2, 9);
  });
  it('theoretical capacity of one Li per TM: ≈278 mAh/g for NCM523 (REFERENCE.md 4.6)', () => {
    expect(theoreticalCapacity(NCM523)).toBeCloseTo(277.7, 0);
  });
});

describe('capacity of a lot', () => {
  it('a lot in virgin state has the virgin capacity (ratio 1)', () => {
    const p = lotPerformance(makeLot({ id: 'v', chemistry: NCM523, liPerTm: 1, cationMixing: 0.02, surfaceRockSalt_nm: 0, crackFraction: 0 }));
    expect(p.capacityRatio).toBe(1);
    expect(p.capacityMahPerG).toBe(175);
  });

  it('multiplies the lithium, mixing, rock-salt and crack factors, by hand', () => {
    const lot = makeLot({ id: 'a', chemistry: NCM523, liPerTm: 0.97, cationMixing: 0.05, surfaceRockSalt_nm: 6, crackFraction: 0.2 });
    const rc = 1 - 175 / theoreticalCapacity(NCM523); // Li left at the top of charge
    const fLi = (0.97 - rc) / (1 - rc);
    const f = fLi * (1 - 2.8 * 0.03) * (1 - 0.003 * 6) * (1 - 0.1 * 0.2);
    expect(lithiumFactor(lot)).toBeCloseTo(fLi, 12);
    expect(lotPerformance(lot).capacityRatio).toBeCloseTo(f, 12);
    expect(lotPerformance(lot).capacityMahPerG).toBeCloseTo(175 * f, 9);
  });

  it('over-lithiation costs the TM sites Li takes: f = 1 − (r − 1)/(r + 1)', () => {
    const lot = makeLot({ id: 'a', chemistry: NCM523, liPerTm: 1.04, cationMixing: 0.02 });
    expect(lithiumFactor(lot)).toBeCloseTo(1 - 0.04 / 2.04, 12);
  });

  it('virgin Ni-rich material carries more mixing: NCM811 counts mixing above 3 %', () => {
    expect(virginMixing(NCM811)).toBeCloseTo(0.03, 12);
    const at = (cm: number) => lotPerformance(makeLot({ id: 'a', chemistry: NCM811, liPerTm: 1, cationMixing: cm })).capacityRatio;
    expect(at(0.03)).toBe(1);
    expect(at(0.05)).toBeCloseTo(1 - 2.8 * 0.02, 12);
  });

  it('every defect lowers capacity and retention; a coating raises retention (property)', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.6, max: 1, noNaN: true }), fc.double({ min: 0.02, max: 0.15, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 0.8, noNaN: true }),
      fc.constantFrom('liPerTm', 'cationMixing', 'surfaceRockSalt_nm', 'crackFraction'),
      (r, cm, rs, cr, which) => {
        const base = makeLot({ id: 'a', chemistry: NCM523, liPerTm: r, cationMixing: cm, surfaceRockSalt_nm: rs, crackFraction: cr });
        const worse = { ...base, [which]: which === 'liPerTm' ? r - 0.05 : (base[which as keyof typeof base] as number) + 0.05 };
        const a = lotPerformance(base);
        const b = lotPerformance(worse);
        expect(b.capacityMahPerG).toBeLessThanOrEqual(a.capacityMahPerG);
        if (which !== 'liPerTm' || r < 1) expect(b.capacityRetention).toBeLessThanOrEqual(a.capacityRetention + 1e-15);
        expect(lotPerformance({ ...base, coating_nm: 5, coating: 'Li3PO4' }).capacityRetention).toBeGreaterThan(a.capacityRetention);
      },
    ));
  });

  it('retention after the stated cycles: exp(−λ·cycles), λ0 for a virgin lot', () => {
    const v = lotPerformance(makeLot({ id: 'v', chemistry: NCM523, liPerTm: 1, cationMixing: 0.02 }));
    expect(v.capacityRetention).toBeCloseTo(Math.exp(-PERFORMANCE.baseFade_per_cycle * PERFORMANCE.cycles), 12);
  });
});

describe('the minimum capacity of the product specification', () => {
  const spec = specSchema.parse({});
  it('defaults to 0.93 of virgin and judges low-capacity at its boundary', () => {
    expect(spec.minCapacityFraction).toBe(0.93);
    // a cracked lot otherwise in spec: ratio = 1 − 0.1·cracks
    const at = (cracks: number) => judgeLot(spec, makeLot({ id: 'a', chemistry: NCM523, liPerTm: 1, cationMixing: 0.02, crackFraction: cracks }), 0);
    expect(at(0.7)).toEqual([]);
    expect(at(0.7 + 1e-6)).toEqual(['low-capacity']);
  });
  it('can be set per chemistry', () => {
    const strict = specSchema.parse({ byChemistry: { NCM523: { minCapacityFraction: 0.99 } } });
    expect(judgeLot(strict, makeLot({ id: 'a', chemistry: NCM523, liPerTm: 1, cationMixing: 0.02, crackFraction: 0.2 }), 0)).toEqual(['low-capacity']);
  });
});

describe('capacity terms kept per chemistry and model', () => {
  it('a lot’s ratio is the same whatever chemistry or model was read before, and another model gets its own terms', () => {
    const lot = makeLot({ id: 'a', chemistry: NCM811, liPerTm: 0.95, cationMixing: 0.06, surfaceRockSalt_nm: 3, crackFraction: 0.1 });
    const other = makeLot({ id: 'b', chemistry: NCM523, liPerTm: 0.9, cationMixing: 0.04 });
    const first = lotCapacityRatio(lot);
    lotCapacityRatio(other);
    expect(lotCapacityRatio(lot)).toBe(first);
    // A model with other virgin mixing: new terms for the same chemistry, then the default's again.
    const model = { ...PERFORMANCE, virginMixing: { base: 0.01, perNickelAbove06: 0 } };
    const excess = 0.06 - 0.01;
    expect(lotCapacityRatio(lot, model)).toBe(lithiumFactor(lot) * (1 - 2.8 * excess) * (1 - 0.003 * 3) * (1 - 0.1 * 0.1));
    expect(lotCapacityRatio(lot)).toBe(first);
    expect(lotPerformance(lot).capacityRatio).toBe(first);
    // From the lot's numbers read apart: the same ratio.
    for (const l of [lot, other]) expect(capacityRatioOf(l.chemistry, l.liPerTm, l.cationMixing, l.surfaceRockSalt_nm, l.crackFraction)).toBe(lotCapacityRatio(l));
    expect(capacityRatioOf(lot.chemistry, lot.liPerTm, lot.cationMixing, lot.surfaceRockSalt_nm, lot.crackFraction, model)).toBe(lotCapacityRatio(lot, model));
  });
});
