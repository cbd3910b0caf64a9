/**
 * Shared pieces of the preparation unit operations (sorting, the delamination routes, liquor
 * recovery): where each kind of scrap component goes when cathode material is separated from its
 * foil, the yield parameters every delamination route exposes, and the bookkeeping of a heated,
 * stirred batch bath (vessel volume from the slurry volume, cycle time from the heating rate,
 * vessel thermal mass, wall losses and agitator power) that turns per-batch figures into kW.
 *
 * Assumptions used by several units, stated once:
 * - Component fates. Foil metals (Al, Cu, Fe) leave with the foil except a carry-over fraction;
 *   carbons (carbon black, graphite, CNT, graphene) and other solids are fines that follow the CAM
 *   (same recovery as the lots); liquids and dissolved salts go to the spent liquor; gases to the
 *   vent. Each route overrides this for its binder and its solvent.
 * - A heated bath vessel cools back to the loading temperature between batches (its steel is
 *   reheated every cycle) and loses heat through its insulated wall while hot.
 */
import { z } from 'zod';
import { quantity, fraction, described, documentedRange } from '../../schema/param.js';
import { component, isComponent } from '../../chemistry/components.js';
import type { CathodeChemistry } from '../../chemistry/cathode.js';
import { frameMass } from './finishing.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../../chemistry/elements.js';
import { cylinderSurfaceM2, wallLossKw } from './energy.js';
import { costOf } from '../data/equipment.js';
import type { CycleTime, EquipmentSpec } from '../contract.js';
import type { Stream } from '../../streams/stream.js';
import { RowStream } from '../../streams/row-stream.js';
import type { FeedBasis } from '../../schema/feed.js';
import { AGITATION_KW_PER_M3, HANDLING_H, RAMP_K_PER_H, SOAK_H, VESSEL_STEEL_KG_PER_M3, WALL_U, withCeiling } from './limits.js';

// ---------------------------------------------------------------- physical constants

/** Heat capacity of stainless steel (vessel walls), J/(kg·K) (CRC Handbook: 304 SS ≈ 500 J/(kg·K) near 25 °C). */
export const STEEL_CP_J_PER_KGK = 500;

/** Heat capacity used for a registry component without one, J/(kg·K) (same fallback as streams/stream.ts). */
export const FALLBACK_CP_J_PER_KGK = 1000;

/** Density of cathode active material, kg/m³ (BattMo NMC111 model parameter, REFERENCE.md 1.6 [M]). */
export const CAM_DENSITY_KG_PER_M3 = 4650;

/**
 * Densities used to turn masses into slurry volumes, kg/m³: Al 2700, Cu 8960, Fe 7870 (CRC
 * Handbook); PVDF 1780 (typical datasheet value, assumption); carbons 2000 (assumption: between
 * carbon black ≈1.8 and graphite 2.2 g/cm³); NMP 1028 (NIST); water 1000; ethylene glycol 1113;
 * choline chloride 1100 (assumption). Other species: 2000 for solids, 1000 for liquids (assumption).
 */
const DENSITY: Record<string, number> = {
  Al: 2700, Cu: 8960, Fe: 7870, PVDF: 1780, 'carbon-black': 2000, graphite: 2200, CNT: 2000, graphene: 2000,
  NMP: 1028, H2O: 1000, 'ethylene-glycol': 1113, 'choline-chloride': 1100, urea: 1320,
};

/** Density of a component for volume estimates, kg/m³. */
export function densityOf(id: string): number {
  const d = DENSITY[id];
  if (d !== undefined) return d;
  return isComponent(id) && component(id).phase === 'solid' ? 2000 : 1000;
}

/** Heat capacity of a component, J/(kg·K), with the stream fallback when the registry has none. */
export function cpOf(id: string): number {
  return component(id).cp_J_per_kgK ?? FALLBACK_CP_J_PER_KGK;
}

/** Heat-capacity flow of components, kW/K (kg/h × J/(kg·K) / 3.6e6), skipping `skip`. */
export function componentsCpKwPerK(components: Record<string, number>, skip?: string): number {
  let c = 0;
  for (const id in components) if (id !== skip) c += components[id]! * cpOf(id);
  return c / 3.6e6;
}

/** Molar mass of a lot's formula without lithium, per mole of TM (finishing.ts: one cache per chemistry object for every unit). */
export { frameMass };

/** Molar mass per mole of TM at Li/TM = r (cathode.ts molarMassPerTm with the cached frame). */
export function massPerTm(chem: CathodeChemistry, liPerTm: number): number {
  return liPerTm * ATOMIC_WEIGHT_G_PER_MOL.Li + frameMass(chem);
}

/** Add `kg` of `id` to a component record (creating the entry). */
export function addKg(rec: Record<string, number>, id: string, kg: number): void {
  if (kg !== 0) rec[id] = (rec[id] ?? 0) + kg;
}

// ---------------------------------------------------------------- component fates

/** What a scrap component is, for routing it at delamination. */
export type Fate = 'foil-metal' | 'fines' | 'liquid' | 'gas';

/** Metals that come as foil or pieces and are screened off with the current collector. */
export const FOIL_METALS: ReadonlySet<string> = new Set(['Al', 'Cu', 'Fe']);

/**
 * Salts and small organics that dissolve in an aqueous bath (or a DES) and leave with its liquor:
 * lithium and alkali salts and hydroxides, the electrolyte salt (hydrolysed), water-soluble binders
 * and the DES constituents. Assumption: complete dissolution at the bath's liquid:solid ratio.
 */
export const WATER_SOLUBLE: ReadonlySet<string> = new Set([
  'LiPF6', 'LiOH', 'LiOH·H2O', 'LiNO3', 'LiCl', 'LiI', 'Li-benzoate', 'KOH', 'NaOH', 'Na2SO4', 'Li2SO4',
  'citric-acid', 'H3PO4', 'NH4H2PO4', '(NH4)2HPO4', 'NaAl(OH)4', 'PAA', 'alginate',
  'choline-chloride', 'ethylene-glycol', 'urea', 'EC', 'DMC',
  'Na2CO3', 'NaNO3',
]);

const fateCache = new Map<string, Fate>();

/** Default fate of a component by what it is (registry phase; foil metals by name). */
export function defaultFate(id: string): Fate {
  let f = fateCache.get(id);
  if (f !== undefined) return f;
  if (FOIL_METALS.has(id)) f = 'foil-metal';
  else {
    const phase = component(id).phase;
    f = phase === 'gas' ? 'gas' : phase === 'solid' ? 'fines' : 'liquid';
  }
  fateCache.set(id, f);
  return f;
}

/**
 * Split the lots of `feed` between the CAM outlet (share `toCam`) and the foil outlet (the rest),
 * keeping their ids; zero-mass portions are dropped. The foil portion is the CAM lost with the foil.
 * Both are rows (row-stream.ts: `cam` and `foil` made by rowsLike(feed)), read from a row inlet's
 * rows without making its lots.
 */
export function splitLots(feed: Stream, toCam: number, cam: RowStream, foil: RowStream): void {
  if (feed instanceof RowStream) {
    for (let i = 0; i < feed.n; i++) {
      const kg = feed.mass[i]!;
      const a = kg * toCam;
      const b = kg - a;
      if (a !== 0) cam.pushFrom(feed, i, a);
      if (b !== 0) foil.pushFrom(feed, i, b);
    }
    return;
  }
  const lots = feed.lots;
  for (let li = 0; li < lots.length; li++) {
    const lot = lots[li]!;
    const a = lot.massKgPerHour * toCam;
    const b = lot.massKgPerHour - a;
    if (a !== 0) cam.push(li, a);
    if (b !== 0) foil.push(li, b);
  }
}

/**
 * Move `kg` of liquor (all its components in proportion) from `from` into `to`: the liquor a
 * filter cake carries. Returns the mass moved (at most the liquor there is).
 */
export function entrain(from: Record<string, number>, to: Record<string, number>, kg: number): number {
  let total = 0;
  for (const id in from) total += from[id]!;
  if (total <= 0 || kg <= 0) return 0;
  const f = Math.min(1, kg / total);
  for (const id in from) {
    const v = from[id]! * f;
    if (v === 0) continue;
    to[id] = (to[id] ?? 0) + v;
    from[id] = from[id]! - v;
  }
  return total * f;
}

// ---------------------------------------------------------------- yield parameters

const EVERBATT_90 = 'EverBatt assumes 90 % overall cathode recovery for direct recycling (REFERENCE.md 1.1.2)';

/**
 * Foil metal and binder per kg of CAM in the reference cathode scrap, the BatPaC 5.0 NMC622
 * cathode electrode: (Al 5.17 + PVDF 0.93) / CAM 44.78 wt % of cell (REFERENCE.md 1.3.4) [DERIVED]
 * = 0.136 kg/kg. `camRecovery` is the recovery at this content.
 */
export const REFERENCE_FOIL_BINDER_PER_CAM = (5.17 + 0.93) / 44.78;

/** What CAM sticks to at delamination: foil metals and binders. */
const ATTACHED: readonly string[] = ['Al', 'Cu', 'Fe', 'PVDF', 'PAA', 'alginate'];

/**
 * Share of each CAM lot (and of the fines that follow it) a delamination route sends to `cam`.
 * CAM is lost with what it sticks to — foil pieces and binder lumps — so the loss 1 − camRecovery,
 * set at the reference content REFERENCE_FOIL_BINDER_PER_CAM, scales with the foil and binder
 * actually present per kg of CAM: none for a clean powder, less for black mass (a little Al and Cu
 * left from shredding), more for scrap with a thin coating. Capped at a total loss.
 */
export function camToCamShare(camRecovery: number, components: Record<string, number>, cam: number): number {
  if (!(cam > 0)) return camRecovery;
  let attached = 0;
  for (const id of ATTACHED) attached += components[id] ?? 0;
  return 1 - Math.min(1, ((1 - camRecovery) * attached) / cam / REFERENCE_FOIL_BINDER_PER_CAM);
}

/** CAM recovery and Al carry-over parameters every delamination route has. */
export function yieldParams(o: { camRecovery: number; alCarryOver: number; alWhy: string }) {
  return {
    camRecovery: fraction({
      description: `fraction of each CAM lot recovered to \`cam\` from scrap with the reference foil + binder content (${REFERENCE_FOIL_BINDER_PER_CAM.toFixed(3)} kg per kg CAM); the loss to the foil scales with the foil and binder actually present (none for a clean powder)`,
      default: o.camRecovery,
      source: `assumption: ${((1 - o.camRecovery) * 100).toFixed(0)} % of the CAM lost with the foil at delamination, so that delamination is a minor part of the 10 % loss ${EVERBATT_90}; no industrial delamination yield was found (REFERENCE.md Part 3); reference foil + binder content: BatPaC 5.0 NMC622 cathode electrode (REFERENCE.md 1.3.4)`,
    }),
    alCarryOver: fraction({
      description: 'fraction of the foil metal (Al, Cu, Fe) carried into `cam` as fragments',
      default: o.alCarryOver,
      source: `assumption: ${o.alWhy}`,
    }),
    fragmentCarryOverCu: fraction({
      description: 'black mass (feed basis black-mass): fraction of the shredded Cu (and Fe) fragments that pass the screen into `cam` (replaces alCarryOver: there is no whole foil to screen off)',
      default: 0.29,
      source: `${VITO_SIEVING}: 1 − 0.71`,
    }),
    fragmentCarryOverAl: fraction({
      description: 'black mass (feed basis black-mass): fraction of the shredded Al fragments that pass the screen into `cam`',
      default: 0.19,
      source: `${VITO_SIEVING}: 1 − 0.81`,
    }),
  };
}

/** Sieving black mass: how much of its foil fragments a screen removes. */
export const VITO_SIEVING = 'VITO, "Advances in the Separation of Graphite from LFP … Using Simple Froth Flotation", Batteries 9 (2023) 589, abstract [M]: sieving black mass to < 250 µm removed 71 % of the Cu and 81 % of the Al foil impurities';

/**
 * Share of a foil metal (Al, Cu, Fe) a delamination route carries into `cam`. Scrap and cells hold
 * whole foil that the screen takes off (alCarryOver); black mass holds shredded fragments, of which
 * a screen takes off only what a sieve does (fragmentCarryOverCu / Al).
 */
export function metalCarryOver(p: { alCarryOver: number; fragmentCarryOverCu: number; fragmentCarryOverAl: number }, id: string, basis: FeedBasis | undefined): number {
  if (basis !== 'black-mass') return p.alCarryOver;
  return id === 'Al' ? p.fragmentCarryOverAl : p.fragmentCarryOverCu;
}

// ---------------------------------------------------------------- heated batch bath

/** Heat utilities a bath heater can use. */
export const BATH_UTILITIES = ['steam', 'electricity', 'natural-gas'] as const;
export type BathUtility = (typeof BATH_UTILITIES)[number];

/**
 * The hottest a bath may run, K: `below` — an exclusive bound (a boiling point) the route's own
 * refinement enforces with its clearer message, documented here — or `max`, enforced by the quantity.
 */
export type BathTemperatureLimit = { below: number } | { max: number; why: string };

/** Size range of the bath vessel: the valid range of its cost correlation (Turton jacketed reactor). */
const BATH_VESSEL = costOf('jacketedAgitatedReactor');

/**
 * Parameters of a heated, stirred batch bath; `temperature` and `duration` defaults are route-specific,
 * and so is the hottest the bath may run (`temperatureLimit`).
 */
export function bathParams(o: { temperature: string; temperatureSource: string; temperatureLimit: BathTemperatureLimit; duration: string; durationSource: string }) {
  const lim = o.temperatureLimit;
  const temperature = 'below' in lim
    ? documentedRange(quantity('K', { description: 'bath temperature', default: o.temperature, above: 0, displayUnit: 'degC', source: o.temperatureSource }), { below: lim.below })
    : quantity('K', { description: 'bath temperature', default: o.temperature, above: 0, max: lim.max, displayUnit: 'degC', source: `${o.temperatureSource}; ${lim.why}` });
  return {
    temperature,
    duration: quantity('h', { description: 'dwell time at temperature', default: o.duration, above: 0, max: SOAK_H.max, source: withCeiling(o.durationSource, SOAK_H) }),
    heatingRate: quantity('K/h', { description: 'heating rate of the charged vessel (jacket)', default: '60 K/h', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 1 K/min, a typical steam-jacketed stirred tank', RAMP_K_PER_H) }),
    loadTime: quantity('h', { description: 'time to charge one batch', default: '0.25 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption: 15 min pumping/conveying', HANDLING_H) }),
    unloadTime: quantity('h', { description: 'time to discharge one batch to the screen', default: '0.25 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption: 15 min', HANDLING_H) }),
    cleanTime: quantity('h', { description: 'cleaning time per batch', default: '0 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption: no cleaning between batches of the same campaign', HANDLING_H) }),
    fill: fraction({ description: 'working fraction of the vessel volume', default: 0.75, min: 0.15, max: 0.9, source: 'assumption: 75 %; 15–90 %, SuperPro\'s working-volume range (REFERENCE.md 4.3)' }),
    vesselVolume: quantity('m3', { description: 'volume of one standard vessel (largest item size)', default: '20 m3', min: BATH_VESSEL.minSize, max: BATH_VESSEL.maxSize, source: `assumption: 20 m³; ${BATH_VESSEL.minSize}–${BATH_VESSEL.maxSize} m³, the valid range of the jacketed-reactor cost correlation` }),
    wallU: quantity('W/(m2 K)', { description: 'overall heat-loss coefficient of the insulated vessel wall', default: 0.5, min: 0, max: WALL_U.max, source: withCeiling('assumption: 100 mm mineral-wool insulation (k ≈ 0.045 W/(m·K)) → U ≈ 0.5 W/(m²·K)', WALL_U) }),
    vesselMass: quantity('kg/m3', { description: 'steel mass of a vessel per m³ of its volume (reheated every batch)', default: 300, min: 0, max: VESSEL_STEEL_KG_PER_M3.max, source: withCeiling('assumption: jacketed stainless tank ≈ 0.3 t of steel per m³', VESSEL_STEEL_KG_PER_M3) }),
    agitatorPower: quantity('kW/m3', { description: 'agitator power per m³ of vessel while stirring', default: 0.5, min: 0, max: AGITATION_KW_PER_M3.max, source: withCeiling('assumption: 0.2–1 kW/m³ suspends dense solids; mid value', AGITATION_KW_PER_M3) }),
    heating: described(z.enum(BATH_UTILITIES).default('steam'), { description: 'utility heating the bath', source: 'assumption: steam jacket' }),
    heaterEfficiency: fraction({ description: 'fraction of the delivered heat that reaches the bath', default: 0.9, above: 0, source: 'assumption: steam jacket with 10 % distribution and trap losses' }),
  };
}

/** The resolved bath parameters (canonical units). */
export interface BathParams {
  temperature: number;
  duration: number;
  heatingRate: number;
  loadTime: number;
  unloadTime: number;
  cleanTime: number;
  fill: number;
  vesselVolume: number;
  wallU: number;
  vesselMass: number;
  agitatorPower: number;
  heating: BathUtility;
  heaterEfficiency: number;
}

/** Batch figures of a bath for a given load. */
export interface BathPlan {
  cycle: CycleTime;
  cycleH: number;
  /** kg of feed per m³ of vessel per batch. */
  kgPerM3: number;
  /** Vessel volume the load needs without design margin, m³. */
  volumeM3: number;
  /** Number of standard vessels that volume takes (≥ 1 when there is a load). */
  vessels: number;
  surfaceM2: number;
  /** Fraction of the time a vessel is hot (half the heat-up plus the dwell). */
  hotFraction: number;
  wallLossKw: number;
  /** Reheating the vessel steel every batch, kW. */
  vesselHeatKw: number;
  agitatorKw: number;
}

/**
 * Plan the batches of a bath: `slurryM3PerKg` is the slurry volume per kg of feed; the charge is
 * heated from `fromK` to the bath temperature. Energy figures are per hour of operation.
 */
export function planBath(p: BathParams, feedKgPerHour: number, slurryM3PerKg: number, fromK: number, ambientK: number): BathPlan {
  const heatH = Math.max(0, p.temperature - fromK) / p.heatingRate;
  const cycle: CycleTime = { loadH: p.loadTime, heatH, dwellH: p.duration, coolH: 0, unloadH: p.unloadTime, cleanH: p.cleanTime };
  const cycleH = cycle.loadH + cycle.heatH + cycle.dwellH + cycle.coolH + cycle.unloadH + cycle.cleanH;
  const kgPerM3 = slurryM3PerKg > 0 ? p.fill / slurryM3PerKg : 0;
  const volumeM3 = kgPerM3 > 0 ? (feedKgPerHour * cycleH) / kgPerM3 : 0;
  const vessels = volumeM3 > 0 ? Math.max(1, Math.ceil(volumeM3 / p.vesselVolume - 1e-9)) : 0;
  const surfaceM2 = vessels > 0 ? vessels * cylinderSurfaceM2(volumeM3 / vessels) : 0;
  const hotFraction = cycleH > 0 ? (heatH / 2 + p.duration) / cycleH : 0;
  const dT = Math.max(0, p.temperature - fromK);
  return {
    cycle,
    cycleH,
    kgPerM3,
    volumeM3,
    vessels,
    surfaceM2,
    hotFraction,
    wallLossKw: wallLossKw(p.wallU, surfaceM2, p.temperature, ambientK) * hotFraction,
    vesselHeatKw: cycleH > 0 ? (volumeM3 * p.vesselMass * STEEL_CP_J_PER_KGK * dT) / 3.6e6 / cycleH : 0,
    agitatorKw: cycleH > 0 ? (p.agitatorPower * volumeM3 * (heatH + p.duration)) / cycleH : 0,
  };
}

/** The batch vessel item of a bath. */
export function bathVessel(name: string, description: string, p: BathParams, plan: BathPlan, feedKgPerHour: number): EquipmentSpec {
  return {
    name,
    description,
    mode: 'batch',
    sizeUnit: 'm3',
    maxSize: p.vesselVolume,
    minSize: Math.min(0.5, p.vesselVolume),
    capacityPerSize: plan.kgPerM3,
    loadBasis: 'cathode scrap',
    loadKgPerHour: feedKgPerHour,
    cycle: plan.cycle,
    powerKwPerSize: p.agitatorPower,
    cost: costOf('jacketedAgitatedReactor'),
  };
}

/**
 * Vibrating screen that separates foil pieces from the CAM slurry or powder; flotation names and
 * describes its own (given here, not spread over the result: see camFilter).
 */
export function foilScreen(feedKgPerHour: number, name = 'foil screen', description = 'vibrating screen separating foil pieces from the delaminated cathode material', loadBasis = 'cathode scrap'): EquipmentSpec {
  return {
    name,
    description,
    mode: 'continuous',
    sizeUnit: 't/h',
    maxSize: 5,
    minSize: 0.1,
    capacityPerSize: 1000,
    loadBasis,
    loadKgPerHour: feedKgPerHour,
    cycle: undefined,
    powerKwPerSize: undefined,
    cost: costOf('foilScreen'),
  };
}

/**
 * Filter press recovering the CAM cake from a liquor; other units name and describe theirs (given
 * here rather than spread over the result: a spread copy has a shape of its own, and sizing reads
 * every unit's items at the same places).
 */
export function camFilter(cakeSolidsKgPerHour: number, name = 'cam filter press', description = 'filter press recovering the cathode material from the bath liquor'): EquipmentSpec {
  return {
    name,
    description,
    mode: 'continuous',
    sizeUnit: 't/h',
    maxSize: 2,
    minSize: 0.05,
    capacityPerSize: 1000,
    loadBasis: 'cake solids',
    loadKgPerHour: cakeSolidsKgPerHour,
    cycle: undefined,
    powerKwPerSize: undefined,
    cost: costOf('filterPress'),
  };
}

/** Slurry volume per kg of feed for a bath holding `liquidKgPerKgFeed` of a liquid of density `liquidDensity`. */
export function slurryVolumePerKg(feedComponents: Record<string, number>, camKgPerHour: number, feedKgPerHour: number, liquidKgPerHour: number, liquidDensity: number, skip?: string): number {
  if (feedKgPerHour <= 0) return 0;
  let v = camKgPerHour / CAM_DENSITY_KG_PER_M3 + liquidKgPerHour / liquidDensity;
  for (const id in feedComponents) if (id !== skip) v += feedComponents[id]! / densityOf(id);
  return v / feedKgPerHour;
}

/** Electric power of a pump moving `m3PerHour` against `headPa` with efficiency `eta`, kW. */
export function pumpKw(m3PerHour: number, headPa = 2e5, eta = 0.6): number {
  return (m3PerHour * headPa) / 3.6e6 / eta;
}
