/**
 * `drying`: indirect (steam-tube) drying of a wet cake to a residual moisture; the evaporated
 * water and solvents leave as vapour (to emissions or a condenser).
 *
 * Model:
 * - Volatiles are the liquid registry components with a latent heat (water, NMP, DMC). The dried
 *   product keeps residual volatiles = w/(1 − w) × non-volatile product mass (w = residual
 *   moisture), shared among the volatiles in proportion to their feed amounts; the rest
 *   evaporates. Water leaves as `H2O(g)`. Dissolved salts crystallise and stay in the product.
 * - Physical minimum heat: solids and retained liquid from the feed temperature to the drying
 *   temperature; evaporated liquid to min(drying T, boiling point), its latent heat, and the
 *   superheat of water vapour above 100 °C. Delivered heat = minimum ÷ dryer efficiency, on steam
 *   (default), natural gas or electricity. Drive and fans: specific electricity per kg product.
 * - Cross-check (shown in the basis text, not used): EverBatt's steam-tube dryer "heat load of
 *   the dryer is 2.6 MJ/kg product/hr" (729 kW per t/h, REFERENCE.md 1.1.8).
 * - Cost: EverBatt steam-tube dryer curve a = 591,236 (t/h)^0.6 (REFERENCE.md 1.1.8).
 */
import { z } from 'zod';
import { defineUnitOp } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { emptyStream, lotsMass, lotsCpFlow_kW_per_K } from '../streams/stream.js';
import { RowStream, sameRows } from '../streams/row-stream.js';
import { component } from '../chemistry/components.js';
import { EnergyLedger, itemNames, sensibleKw } from './correlations/energy.js';
import { addKg, componentsCpFlow_kW_per_K } from './correlations/finishing.js';
import { costOf } from './data/equipment.js';

/** Energy item names per evaporated component, made once (every sample dries). */
const HEATING_OF_EVAPORATED = itemNames('heating of evaporated ', '');
const EVAPORATION_OF = itemNames('evaporation of ', '');

/** EverBatt dryer heat load, MJ per kg product (REFERENCE.md 1.1.8). */
const EVERBATT_DRYER_MJ_PER_KG = 2.6;

const params = z.strictObject({
  residualMoisture: fraction({ description: 'mass fraction of water/solvent left in the dried product', default: 0.002, max: 0.5, source: 'assumption: cathode powder dried to ≤0.2 wt% moisture before calcination or packing' }),
  temperature: quantity('K', { description: 'drying temperature (product and vapour outlet)', default: '120 degC', min: 273.15, max: 673.15, displayUnit: 'degC', source: 'assumption: steam-tube dryer on low-pressure steam, 100–150 °C' }),
  efficiency: fraction({ description: 'fraction of the delivered heat that reaches the material (indirect dryer, walls and vent losses)', default: 0.65, above: 0, source: 'assumption: indirect (steam-tube) dryers reach ≈65–80 % thermal efficiency' }),
  utility: described(z.enum(['steam', 'natural-gas', 'electricity']).default('steam'), { description: 'heating utility', source: 'EverBatt steam-tube dryer (REFERENCE.md 1.1.8)' }),
  motorEnergy: quantity('kWh/kg', { description: 'drive, fans and conveying per kg of dried product', default: 0.01, min: 0, max: 1, source: 'assumption: rotary drive and vapour fan ≈10 kWh per tonne of product' }),
  residenceTime: quantity('h', { description: 'residence time of the solids in the dryer', default: '1 h', above: 0, max: 48, source: 'assumption: rotary steam-tube dryers hold the solids ≈0.5–1.5 h' }),
});

/** True for a component that the dryer evaporates. */
function isVolatile(id: string): boolean {
  const c = component(id);
  return c.phase === 'liquid' && c.latentHeat_J_per_kg !== undefined;
}

export const drying = defineUnitOp({
  kind: 'drying',
  summary: 'steam-tube dryer: wet solids to a residual moisture, vapour to emissions or a condenser',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'wet solids' }],
    outlets: [
      { name: 'solids', description: 'dried solids' },
      { name: 'vapour', description: 'evaporated water (as H2O(g)) and solvents, plus feed gases' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const tIn = feed.temperatureK;
    const tDry = p.temperature;
    const solids = feed instanceof RowStream ? sameRows(feed, tDry) : emptyStream(tDry);
    const vapour = emptyStream(tDry);
    if (!(solids instanceof RowStream)) solids.lots = feed.lots.slice(); // lots are immutable: unchanged ones are shared
    const nonVolatile: Record<string, number> = {};
    const volatile: Record<string, number> = {};
    let nonVolatileMass = lotsMass(feed);
    let volatileMass = 0;
    for (const id in feed.components) {
      const kg = feed.components[id]!;
      if (kg === 0) continue;
      if (component(id).phase === 'gas') addKg(vapour.components, id, kg);
      else if (isVolatile(id)) { volatile[id] = kg; volatileMass += kg; }
      else { nonVolatile[id] = kg; nonVolatileMass += kg; addKg(solids.components, id, kg); }
    }
    const keep = Math.min(volatileMass, (p.residualMoisture / (1 - p.residualMoisture)) * nonVolatileMass);
    const keepShare = volatileMass > 0 ? keep / volatileMass : 0;
    const ledger = new EnergyLedger(ctx.describe !== false);
    const dT = Math.max(0, tDry - tIn);
    const retained: Record<string, number> = {};
    let latentMin = 0;
    let evaporated = 0;
    for (const id in volatile) {
      const kg = volatile[id]!;
      const stay = kg * keepShare;
      const evap = kg - stay;
      addKg(solids.components, id, stay);
      retained[id] = stay;
      if (evap <= 0) continue;
      evaporated += evap;
      addKg(vapour.components, id === 'H2O' ? 'H2O(g)' : id, evap);
      const c = component(id);
      const tb = c.boilingPoint_K ?? tDry;
      const cp = c.cp_J_per_kgK ?? 2000;
      ledger.heat(HEATING_OF_EVAPORATED(id), 'sensible', sensibleKw(evap, cp, Math.max(0, Math.min(tDry, tb) - tIn)), { utility: p.utility, efficiency: p.efficiency, basis: ledger.describe ? `${evap.toPrecision(4)} kg/h × ${cp.toFixed(0)} J/(kg·K) × ${Math.max(0, Math.min(tDry, tb) - tIn).toFixed(1)} K` : '' });
      const latent = (evap * c.latentHeat_J_per_kg!) / 3.6e6;
      latentMin += latent;
      ledger.heat(EVAPORATION_OF(id), 'latent', latent, { utility: p.utility, efficiency: p.efficiency, basis: ledger.describe ? `${evap.toPrecision(4)} kg/h × ${(c.latentHeat_J_per_kg! / 1000).toFixed(0)} kJ/kg` : '' });
      if (id === 'H2O' && tDry > tb) {
        const cpv = component('H2O(g)').cp_J_per_kgK ?? 2080;
        ledger.heat('superheat of water vapour', 'sensible', sensibleKw(evap, cpv, tDry - tb), { utility: p.utility, efficiency: p.efficiency, basis: ledger.describe ? `${evap.toPrecision(4)} kg/h × ${cpv} J/(kg·K) × ${(tDry - tb).toFixed(1)} K` : '' });
      }
    }
    const solidsCp = lotsCpFlow_kW_per_K(feed) + componentsCpFlow_kW_per_K(nonVolatile) + componentsCpFlow_kW_per_K(retained);
    const product = nonVolatileMass + keep;
    const everbattKw = (EVERBATT_DRYER_MJ_PER_KG * product) / 3.6;
    ledger.heat('heating of the solids', 'sensible', solidsCp * dT, { utility: p.utility, efficiency: p.efficiency, basis: ledger.describe ? `${(solidsCp * 3600).toPrecision(4)} kJ/(h·K) × ${dT.toFixed(1)} K; cross-check: EverBatt steam-tube dryer heat load 2.6 MJ/kg product (REFERENCE.md 1.1.8) → ${everbattKw.toPrecision(4)} kW for ${product.toPrecision(4)} kg/h` : '' });
    ledger.motor('dryer drive and fans', p.motorEnergy * product, ledger.describe ? `${product.toPrecision(4)} kg/h × ${p.motorEnergy} kWh/kg` : '');
    const energy = ledger.build();
    // Every item but the drive (a sample's ledger lists none: its sum, in item order).
    const heatKw = ledger.heatingKw();
    return {
      outlets: { solids, vapour },
      draws: {},
      recycled: {},
      energy,
      metrics: {
        evaporated_kg_per_h: evaporated,
        product_kg_per_h: product,
        specificHeat_MJ_per_kg_product: product > 0 ? (heatKw * 3.6) / product : 0,
        everbattHeatLoad_kW: everbattKw,
        latentMinimum_kW: latentMin,
      },
      diagnostics: [],
    };
  },
  design: (p, _inlets, run) => {
    const dryer = costOf('dryer');
    return {
      mode: 'continuous',
      residenceTimeH: p.residenceTime,
      equipment: [
        {
          name: 'dryer',
          description: `steam-tube dryer, ${p.residenceTime} h residence`,
          mode: 'continuous',
          sizeUnit: 't/h',
          maxSize: dryer.maxSize,
          minSize: dryer.minSize,
          capacityPerSize: 1000,
          loadBasis: 'dried product',
          loadKgPerHour: run.metrics?.product_kg_per_h ?? 0,
          cycle: undefined,
          powerKwPerSize: 729,
          cost: dryer,
        },
      ],
      operatorsPerShift: 0.5,
    };
  },
});
