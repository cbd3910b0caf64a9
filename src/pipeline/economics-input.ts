/**
 * From a solved, sized and quality-checked flowsheet to the yearly quantities the economics price:
 * feed lots, equipment, labour, utilities, reagents, consumables, products in and off spec,
 * by-products, waste, wastewater and emissions.
 */
import type { EconomicsInput } from '../economics/input.js';
import type { ResolvedPrices } from '../economics/prices.js';
import type { PlantSizing } from '../design/types.js';
import type { QualityReport } from '../balances/quality.js';
import { baseName } from '../balances/quality.js';
import type { BalanceReport } from '../balances/report.js';
import type { Solution } from '../balances/solver.js';
import type { UnitDesign, CostCorrelation } from '../unit-ops/contract.js';
import { DEFAULT_COMPOSITION } from '../schema/feed.js';
import { streamMass, type Stream } from '../streams/stream.js';
import { addLotElements, type Lot } from '../streams/lot.js';
import type { Element } from '../chemistry/elements.js';
import type { Model } from './resolve.js';

/** Share of water above which a stream to `waste` is priced as wastewater rather than solid waste. */
export const WASTEWATER_WATER_SHARE = 0.5;

/** Element flows of lots over a year, kg. */
function lotElements(lots: readonly Lot[], hours: number): Record<string, number> {
  const out: Partial<Record<Element, number>> = {};
  for (const lot of lots) addLotElements(lot, out);
  for (const k in out) out[k as Element] = (out[k as Element] ?? 0) * hours;
  return out as Record<string, number>;
}

/** A record of hourly flows as yearly amounts. */
function perYear(r: Record<string, number>, hours: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in r) out[k] = r[k]! * hours;
  return out;
}

/** Build the economics input of an evaluated model. */
export function economicsInput(
  model: Model,
  feed: Stream,
  solution: Solution,
  balances: BalanceReport,
  designs: Map<string, UnitDesign>,
  sizing: PlantSizing,
  quality: QualityReport,
  prices: ResolvedPrices,
): EconomicsInput {
  const hours = model.plant.operatingHours;
  const g = model.flowsheet.graph;

  const feedLots = model.feed.lots.map((l) => {
    const composition = l.composition ?? DEFAULT_COMPOSITION[model.feed.basis];
    const scrap = l.share * model.plant.capacity;
    const subLots = feed.lots.filter((x) => x.origin.length === 1 && x.origin[0] === l.id);
    return { id: l.id, chemistry: l.chemistry.name, family: l.chemistry.family, scrapKgPerYear: scrap, camKgPerYear: scrap * (composition.cam ?? 0), elementsKgPerYear: lotElements(subLots, hours) };
  });

  const correlation = new Map<string, CostCorrelation>();
  for (const [unitId, d] of designs) for (const e of d.equipment) correlation.set(`${unitId}.${e.name}`, e.cost);
  const equipment = sizing.equipment.filter((e) => e.count > 0).map((e) => ({ unitId: e.unitId, name: e.name, size: e.size, sizeUnit: e.sizeUnit, count: e.count, cost: correlation.get(`${e.unitId}.${e.name}`)! }));

  const consumables: Record<string, number> = {};
  for (const run of solution.runs.values()) {
    const c = run.consumablesPerHour;
    if (c) for (const k in c) consumables[k] = (consumables[k] ?? 0) + c[k]! * hours;
  }

  // Off-spec product and CAM diverted to by-product outlets are both sold at metal value.
  const offSpecByChem = new Map<string, Lot[]>();
  const addOff = (lot: Lot) => {
    const k = baseName(lot.chemistry.name);
    const list = offSpecByChem.get(k);
    if (list) list.push(lot);
    else offSpecByChem.set(k, [lot]);
  };
  quality.offSpecLots.forEach(addOff);

  const byproducts: Record<string, number> = {};
  const emissions: Record<string, number> = {};
  let waste = 0;
  let wastewater = 0;
  for (const s of g.streams) {
    if (s.to.port !== null || s.to.node === 'product') continue;
    const stream = solution.streams.get(s.id)!;
    if (s.to.node === 'byproduct') {
      stream.lots.forEach((l) => l.massKgPerHour > 0 && addOff(l));
      for (const id in stream.components) {
        const kg = stream.components[id]!;
        if (kg <= 0) continue;
        // A component with a scrap price is sold; anything else leaving as by-product is landfilled.
        if (prices.items[`scrap.${id}`]) byproducts[id] = (byproducts[id] ?? 0) + kg * hours;
        else waste += kg * hours;
      }
    } else if (s.to.node === 'emissions') {
      for (const id in stream.components) {
        const kg = stream.components[id]!;
        if (kg > 0) emissions[id] = (emissions[id] ?? 0) + kg * hours;
      }
    } else if (s.to.node === 'waste') {
      const m = streamMass(stream);
      const water = stream.components.H2O ?? 0;
      if (m > 0 && water / m > WASTEWATER_WATER_SHARE) wastewater += m * hours;
      else waste += m * hours;
    }
  }
  // Product streams may carry non-CAM components (carry-over Al, coatings): they leave with the
  // product and are neither sold separately nor waste.

  return {
    region: model.plant.region,
    operatingHoursPerYear: hours,
    feedKgPerYear: model.plant.capacity,
    feedBasis: model.feed.basis,
    feedLots,
    equipment,
    operatorsPerShift: sizing.operatorsPerShift,
    electricityKwhPerYear: balances.energyKwhPerHour.electricity * hours,
    heatKwhPerYear: { 'natural-gas': (balances.energyKwhPerHour.heat['natural-gas'] ?? 0) * hours, steam: (balances.energyKwhPerHour.heat.steam ?? 0) * hours },
    reagentsKgPerYear: perYear(balances.reagents.freshKgPerHour, hours),
    consumablesPerYear: consumables,
    products: {
      inSpec: Object.entries(quality.inSpecByChemistryKgPerHour).map(([chemistry, kg]) => ({ chemistry, kgPerYear: kg * hours, capacityRatio: quality.inSpecCapacityRatioByChemistry[chemistry] ?? 1 })),
      offSpec: [...offSpecByChem.entries()].map(([chemistry, lots]) => ({ chemistry, kgPerYear: lots.reduce((s, l) => s + l.massKgPerHour, 0) * hours, elementsKgPerYear: lotElements(lots, hours) })),
    },
    byproductsKgPerYear: byproducts,
    wasteKgPerYear: waste,
    wastewaterKgPerYear: wastewater,
    emissionsKgPerYear: emissions,
  };
}
