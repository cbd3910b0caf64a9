/**
 * A sample's environmental figures (describe false) are made only when read: the KPIs come from
 * environmentSums and environmentKpis, and the figures read later are those a described run gives.
 */
import { describe, expect, it } from 'vitest';
import { economics } from '../../src/economics/economics.js';
import { environment, environmentKpis, environmentSums, type EnvironmentFactors } from '../../src/economics/environment.js';
import { resolvePrices, mergePrices } from '../../src/economics/prices.js';
import { resolveFinance } from '../../src/economics/finance.js';
import { samplePlant, shippedSets } from './helpers.js';

const sets = shippedSets();
const finance = resolveFinance(undefined);

describe('environmental figures of a sample (issue 19)', () => {
  const inputs = [
    samplePlant(),
    // An unfactored reagent, a chemistry with no virgin figure, no steam.
    samplePlant({ reagentsKgPerYear: { 'LiOH·H2O': 40_000.5, H2O: 2_000_000, KOH: 5_000, Na2CO3: 700 }, heatKwhPerYear: { 'natural-gas': 900_000, steam: 0 }, products: { inSpec: [{ chemistry: 'NCM523', kgPerYear: 470_000.25 }, { chemistry: 'LFP', kgPerYear: 10_000 }, { chemistry: 'NMC532', kgPerYear: 3_000 }], offSpec: [] } }),
    samplePlant({ products: { inSpec: [], offSpec: [] } }),
  ];
  const priceSets = [resolvePrices(undefined, 'CN', sets), resolvePrices(undefined, 'US', sets), mergePrices(resolvePrices(undefined, 'EU', sets), { 'ghg.NMP': 4.5 })];

  it('a sample reads the figures a described run gives, and its KPIs are the described ones', () => {
    for (const input of inputs) {
      for (const prices of priceSets) {
        let described;
        try {
          described = economics(input, prices, finance);
        } catch {
          continue; // prices this plant cannot be priced with (the same for both)
        }
        const sample = economics(input, prices, finance, { describe: false });
        expect(sample.kpis).toStrictEqual(described.kpis);
        expect(sample.virgin).toStrictEqual(described.virgin);
        expect(sample.diagnostics).toStrictEqual(described.diagnostics);
        expect(sample.environment).toStrictEqual(described.environment);
        expect(sample.environment).toBe(sample.environment);
      }
    }
  });

  it('environmentKpis gives environment()\'s per-kg figures, with and without primary-energy factors', () => {
    const factors: EnvironmentFactors[] = [
      { gridKgPerKwh: 0.58, naturalGasKgPerKwh: 0.2, boilerEfficiency: 0.85, primaryElectricityMjPerKwh: 9.7, primaryNaturalGasMjPerKwh: 4.1, reagentGhgOverrides: {} },
      { gridKgPerKwh: 0.31, naturalGasKgPerKwh: 0.21, boilerEfficiency: 0.8, primaryElectricityMjPerKwh: null, primaryNaturalGasMjPerKwh: 4.1, reagentGhgOverrides: { NMP: 4.2, Na2CO3: 1.1 } },
    ];
    for (const input of inputs) {
      for (const f of factors) {
        const env = environment(input, f);
        const k = environmentKpis(environmentSums(input, f));
        expect(k.energyPerKg).toBe(env.energy.perKgProduct);
        expect(k.primaryPerKg).toBe(env.energy.primary?.perKgProduct ?? null);
        expect(k.primaryMissing).toBe(env.energy.primary === null);
        expect(k.ghgPerKg).toBe(env.ghg.perKgProduct);
        expect(k.waterPerKg).toBe(env.water.perKgProduct);
        expect([k.virginEnergyMjPerKg, k.virginGhgKgCo2ePerKg, k.virginWaterLPerKg, k.virginSiteEnergyMjPerKg]).toStrictEqual([env.virgin.energyMjPerKg, env.virgin.ghgKgCo2ePerKg, env.virgin.waterLPerKg, env.virgin.siteEnergyMjPerKg]);
        expect(environmentSums(input, f).unfactored).toStrictEqual(env.unfactoredReagents);
      }
    }
  });

  it('a sample\'s sums (one reused record) are those of a record of its own, whatever was summed before; a described run keeps its own', () => {
    const f: EnvironmentFactors = { gridKgPerKwh: 0.58, naturalGasKgPerKwh: 0.2, boilerEfficiency: 0.85, primaryElectricityMjPerKwh: 9.7, primaryNaturalGasMjPerKwh: 4.1, reagentGhgOverrides: {} };
    const noPrimary: EnvironmentFactors = { ...f, primaryElectricityMjPerKwh: null };
    const own = inputs.map((input) => environmentSums(input, f, { reagents: [], byChemistry: [], notCovered: [] }));
    const copies = own.map((s) => JSON.stringify(s));
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < inputs.length; i++) {
        environmentSums(inputs[(i + 1) % inputs.length]!, noPrimary);
        const shared = environmentSums(inputs[i]!, f);
        expect(shared).toStrictEqual(own[i]);
        expect(shared).not.toBe(own[i]);
        expect(environmentSums(inputs[i]!, noPrimary).primary).toBeNull();
      }
    }
    // The described records were not touched by the samples summed after them.
    expect(own.map((s) => JSON.stringify(s))).toStrictEqual(copies);
  });
});
