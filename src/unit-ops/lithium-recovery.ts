/**
 * `lithium-recovery`: lithium recovered from a bleed or wash liquor by soda-ash precipitation of
 * Li2CO3 — the step that closes the lithium circuit of carbonate-from-brine and hydrometallurgical
 * plants (EverBatt's hydrometallurgical inventory draws soda ash for it, REFERENCE.md 1.1.1).
 *
 * Steps and mass balance:
 * 1. Optional evaporation of waterRemoval of the feed water (multiple-effect, as liquor-recovery)
 *    so that less Li2CO3 stays dissolved.
 * 2. Precipitation at `temperature` with Na2CO3 dosed as a solution (sodaSolution mass fraction)
 *    at sodaExcess × stoichiometric:
 *      2 LiOH + Na2CO3 → Li2CO3 + 2 NaOH        2 LiOH·H2O + Na2CO3 → Li2CO3 + 2 NaOH + 2 H2O
 *      Li2SO4 + Na2CO3 → Li2CO3 + Na2SO4       2 LiNO3 + Na2CO3 → Li2CO3 + 2 NaNO3
 *    (other Li species — LiCl, LiI, Li-benzoate, Li citrate, LiPF6, LiF — are not converted and
 *    leave as they came). Li2CO3 beyond its solubility in the liquor water (retrograde, 0.69 g per
 *    100 g at 100 °C, correlations/finishing.ts; the common-ion effect of the excess soda, which
 *    lowers it, is neglected — conservative) precipitates.
 * 3. Filtration to cakeMoisture, one displacement wash with washWater per kg of cake solids at the
 *    precipitation temperature (washEfficiency of the entrained solutes displaced; the wash water
 *    leaves saturated, dissolving Li2CO3 from the cake), drying of the cake (its water evaporates,
 *    the salts it held crystallise into the product).
 * Outlets: `li2co3` — crude Li2CO3, credited as a by-product (scrap.Li2CO3) or returned to a unit
 * that takes it as a reagent; `effluent` — mother liquor and wash water (waste); `vapour` —
 * evaporated water (H2O(g)).
 * Energy: heating the liquor, soda solution and wash water to temperature (steam, heaterEfficiency),
 * evaporation (latent ÷ effects is the physical minimum; steam = latent ÷ steamEconomy), drying
 * (latent + sensible ÷ dryerEfficiency), agitator and pumps. Reaction heat neglected (assumption:
 * small against the sensible duty). Design: agitated precipitation tank, evaporator when
 * evaporating, filter press, steam-tube dryer.
 */
import { z } from 'zod';
import { defineUnitOp, type Diagnostic, type EquipmentSpec } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { emptyStream, streamMass, type Stream } from '../streams/stream.js';
import { EnergyLedger, evaporationKw, itemNames, sensibleKw } from './correlations/energy.js';
import { li2co3Solubility } from './correlations/finishing.js';
import { costOf } from './data/equipment.js';
import { addKg, camFilter, componentsCpKwPerK, cpOf, pumpKw } from './correlations/preparation.js';
import { AGITATION_KW_PER_M3, SOAK_H, STEAM_ECONOMY, withCeiling } from './correlations/limits.js';

/** The evaporation item's name per number of effects, made once (every sample recovers lithium). */
const EVAPORATION_IN = itemNames('evaporation in ', ' effect(s)');

/** Li sources converted to Li2CO3: Li atoms per formula unit and the products per Li2CO3 formed. */
const CONVERTED: Record<string, { li: number; products: Record<string, number> }> = {
  LiOH: { li: 1, products: { NaOH: 2 } },
  'LiOH·H2O': { li: 1, products: { NaOH: 2, H2O: 2 } },
  Li2SO4: { li: 2, products: { Na2SO4: 1 } },
  LiNO3: { li: 1, products: { NaNO3: 2 } },
};

const params = z.strictObject({
  temperature: quantity('K', { description: 'precipitation (and wash) temperature', default: '90 degC', min: 273.15, max: 373.15, displayUnit: 'degC', source: 'assumption: Li2CO3 is precipitated hot, where its (retrograde) solubility is lowest: 0.69 g/100 g water at 100 °C against 1.29 at 25 °C (correlations/finishing.ts)' }),
  sodaExcess: quantity('', { description: 'Na2CO3 dosed per stoichiometric Na2CO3', default: 1.1, min: 1, max: 10, source: 'assumption: 10 % excess soda ash drives the precipitation (usual practice in Li2CO3 precipitation [MEMORY]); max 10× stoichiometric: plausibility ceiling, the excess would outweigh the product' }),
  sodaSolution: fraction({ description: 'Na2CO3 mass fraction of the dosing solution', default: 0.28, above: 0, source: 'assumption: near-saturated soda-ash solution (Na2CO3 dissolves ≈ 30–45 g per 100 g water at 30–90 °C [MEMORY])' }),
  waterRemoval: fraction({ description: 'fraction of the feed water evaporated before precipitation', default: 0, max: 0.95, source: 'assumption: none — the hydrothermal bleed is already a 4 mol/L LiOH concentrate; raise it for dilute wash liquors' }),
  effects: described(z.number().int().min(1).max(8).default(3), { description: 'evaporator effects (when evaporating)', min: 1, max: 8, source: 'assumption: triple effect, as liquor-recovery (1–8 effects)' }),
  steamEconomy: quantity('', { description: 'kg water evaporated per kg steam (when evaporating)', default: 2.5, above: 0, max: STEAM_ECONOMY.max, source: withCeiling('assumption: ≈ 0.8–0.85 × effects, as liquor-recovery', STEAM_ECONOMY) }),
  cakeMoisture: fraction({ description: 'water mass fraction of the Li2CO3 filter cake before drying', default: 0.25, max: 0.95, source: 'assumption: filter-press cake of a fine crystalline salt holds 15–25 wt % water (as the filtration unit)' }),
  washWater: quantity('kg/kg', { description: 'hot wash water per kg of cake solids', default: 1, min: 0, max: 10, source: 'assumption: one cake volume of displacement wash; max 10 kg/kg: plausibility ceiling, 10× the default (it redissolves the product)' }),
  washEfficiency: fraction({ description: 'share of the entrained mother-liquor solutes the wash displaces', default: 0.9, source: 'assumption: a single displacement wash removes ≈ 90 % of the entrained liquor' }),
  residenceTime: quantity('h', { description: 'residence time in the precipitation tank', default: '1 h', above: 0, max: SOAK_H.max, source: withCeiling('assumption: Li2CO3 crystallises within 0.5–1 h at 90 °C [MEMORY]', SOAK_H) }),
  heaterEfficiency: fraction({ description: 'fraction of the steam heat that reaches the liquor', default: 0.9, above: 0, source: 'assumption: steam jacket with 10 % distribution and trap losses (as the delamination baths)' }),
  dryerTemperature: quantity('K', { description: 'temperature of the dried Li2CO3', default: '120 degC', min: 273.15, max: 673.15, displayUnit: 'degC', source: 'assumption: steam-tube dryer, 100–150 °C (as the drying unit)' }),
  dryerEfficiency: fraction({ description: 'fraction of the dryer heat that reaches the cake', default: 0.65, above: 0, source: 'assumption: indirect (steam-tube) dryers reach ≈ 65–80 % thermal efficiency (as the drying unit)' }),
  agitatorPower: quantity('kW/m3', { description: 'agitator power per m³ of precipitation tank', default: 0.5, min: 0, max: AGITATION_KW_PER_M3.max, source: withCeiling('assumption: 0.2–1 kW/m³ keeps crystals suspended', AGITATION_KW_PER_M3) }),
});

type P = z.output<typeof params>;
const MW = (id: string) => component(id).molarMass_g_per_mol;
// Looked up once (every run needs them several times; the registry's numbers do not change).
const M_LI2CO3 = MW('Li2CO3');
const M_NA2CO3 = MW('Na2CO3');
/** kg Li per kg Li2CO3. */
const LI_IN_LI2CO3 = (2 * 6.94) / M_LI2CO3;

/** A conversion (CONVERTED) as a run reads it: molar masses looked up and products listed once, not per run. */
interface Conversion {
  molarMass: number;
  li: number;
  /** Products per Li2CO3 formed, in CONVERTED's order: id, count, molar mass. */
  products: { id: string; perLi2co3: number; molarMass: number }[];
}

const CONVERSIONS = new Map<string, Conversion>(Object.entries(CONVERTED).map(([id, c]) => [id, {
  molarMass: MW(id),
  li: c.li,
  products: Object.entries(c.products).map(([prod, n]) => ({ id: prod, perLi2co3: n, molarMass: MW(prod) })),
}]));

/** Where recover() puts a component of the feed (Route.place). */
const CARBONATE = 0;
const VAPOUR = 1;
const SOLIDS = 2;
const LIQUOR = 3;

/** What recover() needs of a component id: its conversion to Li2CO3, or where it goes and the Li it carries. */
interface Route {
  conversion: Conversion | undefined;
  place: typeof CARBONATE | typeof VAPOUR | typeof SOLIDS | typeof LIQUOR;
  molarMass: number;
  /** Mass fraction of Li (an untouched Li carrier), undefined without Li. */
  liFraction: number | undefined;
}

/**
 * Routes by component id, made on first use (the registry's components never change): every
 * sample recovers lithium from the same dozen ids, which took ≈ 4 registry lookups each (the
 * conversion, the component, its Li fraction, its solubility).
 */
const ROUTES = new Map<string, Route>();

function routeOf(id: string): Route {
  let r = ROUTES.get(id);
  if (r !== undefined) return r;
  const conversion = CONVERSIONS.get(id);
  if (conversion || id === 'Li2CO3') r = { conversion, place: CARBONATE, molarMass: MW(id), liFraction: undefined };
  else {
    const c = component(id);
    const place = c.phase === 'gas' ? VAPOUR : c.phase === 'solid' && !isSoluble(id) ? SOLIDS : LIQUOR;
    r = { conversion, place, molarMass: c.molarMass_g_per_mol, liFraction: c.elements.includes('Li') ? c.massFractions[c.elements.indexOf('Li')]! : undefined };
  }
  ROUTES.set(id, r);
  return r;
}

/** Precipitate, filter, wash and dry: the outlets and the figures energy and design need. */
function recover(p: P, feed: Stream) {
  const liquor: Record<string, number> = {};
  const solids: Record<string, number> = {};
  const vapour = emptyStream(p.dryerTemperature);
  let li2co3Kmol = 0;
  let untouchedLi = 0;
  for (const id in feed.components) {
    const kg = feed.components[id]!;
    const r = routeOf(id);
    const conv = r.conversion;
    if (conv) {
      const formedKmol = ((kg / conv.molarMass) * conv.li) / 2;
      li2co3Kmol += formedKmol;
      const products = conv.products;
      for (let i = 0; i < products.length; i++) addKg(liquor, products[i]!.id, formedKmol * products[i]!.perLi2co3 * products[i]!.molarMass);
      continue;
    }
    if (r.place === CARBONATE) { li2co3Kmol += kg / r.molarMass; continue; }
    if (r.liFraction !== undefined) untouchedLi += kg * r.liFraction;
    if (r.place === VAPOUR) addKg(vapour.components, id, kg);
    else if (r.place === SOLIDS) addKg(solids, id, kg);
    else addKg(liquor, id, kg);
  }
  // soda ash: Na2CO3 per Li2CO3 formed from non-carbonate sources (the carbonate already present needs none)
  const carbonateIn = (feed.components.Li2CO3 ?? 0) / M_LI2CO3;
  const sodaKmol = p.sodaExcess * (li2co3Kmol - carbonateIn);
  const soda = sodaKmol * M_NA2CO3;
  const sodaWater = (soda * (1 - p.sodaSolution)) / p.sodaSolution;
  // Entries of a fixed name are added where they are made (addKg written out: `if (kg !== 0) rec.X = (rec.X ?? 0) + kg`):
  // addKg's keyed store, shared by every caller, is megamorphic; a named one at its own site is not (issue 19).
  const sodaKg = soda - (li2co3Kmol - carbonateIn) * M_NA2CO3;
  if (sodaKg !== 0) liquor.Na2CO3 = (liquor.Na2CO3 ?? 0) + sodaKg;
  // evaporation of the feed water
  const feedWater = feed.components.H2O ?? 0;
  const evaporated = p.waterRemoval * feedWater;
  liquor.H2O = (liquor.H2O ?? 0) - evaporated + sodaWater;
  if (evaporated !== 0) vapour.components['H2O(g)'] = (vapour.components['H2O(g)'] ?? 0) + evaporated;
  // precipitation
  const li2co3Kg = li2co3Kmol * M_LI2CO3;
  const s = li2co3Solubility(p.temperature);
  const dissolved = Math.min(li2co3Kg, s * Math.max(0, liquor.H2O ?? 0));
  let precipitated = li2co3Kg - dissolved;
  if (dissolved !== 0) liquor.Li2CO3 = (liquor.Li2CO3 ?? 0) + dissolved;
  // filtration: the cake entrains mother liquor
  let otherSolids = 0;
  for (const id in solids) otherSolids += solids[id]!;
  const cakeSolids = precipitated + otherSolids;
  let liquorKg = 0;
  for (const id in liquor) liquorKg += liquor[id]!;
  const entrainedKg = Math.min(liquorKg, (p.cakeMoisture / (1 - p.cakeMoisture)) * cakeSolids);
  const share = liquorKg > 0 ? entrainedKg / liquorKg : 0;
  const effluent = emptyStream(p.temperature);
  const cakeSalts: Record<string, number> = {};
  const wash = p.washWater * cakeSolids;
  // the wash displaces washEfficiency of the entrained solutes (nothing without wash water)
  const keep = wash > 0 ? 1 - p.washEfficiency : 1;
  let keptSalts = 0;
  for (const id in liquor) {
    const kg = liquor[id]!;
    const entrained = kg * share;
    addKg(effluent.components, id, kg - entrained);
    if (id === 'H2O') continue;
    const kept = entrained * keep;
    addKg(cakeSalts, id, kept);
    addKg(effluent.components, id, entrained - kept);
    keptSalts += kept;
  }
  // the washed cake holds as much liquid as before (its salts replaced by wash water, as far as
  // there is water); the wash water leaves saturated with Li2CO3 dissolved from the cake
  const entrainedWater = (liquor.H2O ?? 0) * share;
  const cakeWater = Math.min(entrainedWater + wash, Math.max(0, entrainedKg - keptSalts));
  const waterKg = entrainedWater + wash - cakeWater;
  if (waterKg !== 0) effluent.components.H2O = (effluent.components.H2O ?? 0) + waterKg;
  const washLoss = Math.min(precipitated, s * wash);
  precipitated -= washLoss;
  if (washLoss !== 0) effluent.components.Li2CO3 = (effluent.components.Li2CO3 ?? 0) + washLoss;
  // drying: the cake water evaporates, the salts it held stay in the product
  const product = emptyStream(p.dryerTemperature);
  if (precipitated !== 0) product.components.Li2CO3 = (product.components.Li2CO3 ?? 0) + precipitated;
  for (const id in solids) addKg(product.components, id, solids[id]!);
  for (const id in cakeSalts) addKg(product.components, id, cakeSalts[id]!);
  if (cakeWater !== 0) vapour.components['H2O(g)'] = (vapour.components['H2O(g)'] ?? 0) + cakeWater;
  return { product, effluent, vapour, soda, sodaWater, wash, evaporated, cakeWater, cakeSolids, precipitated, li2co3Kg, dissolved, washLoss, untouchedLi, liquorKg };
}

/** Soluble in water for this unit: salts the precipitation liquor keeps dissolved. */
function isSoluble(id: string): boolean {
  return id !== 'Li2CO3' && (component(id).phase !== 'solid' || SOLUBLE_SOLIDS.has(id));
}

/** Solid salts the precipitation liquor keeps dissolved (a set made once, not a list per call). */
const SOLUBLE_SOLIDS: ReadonlySet<string> = new Set(['NaOH', 'KOH', 'Na2SO4', 'Na2CO3', 'NaNO3', 'LiCl', 'LiI', 'Li-benzoate', 'LiOH', 'LiOH·H2O', 'LiNO3', 'Li2SO4', 'LiPF6', 'citric-acid']);

export const lithiumRecovery = defineUnitOp({
  kind: 'lithium-recovery',
  summary: 'Li2CO3 precipitated from a bleed or wash liquor with soda ash; filtered, washed and dried; effluent to waste',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'bleed or wash liquor with dissolved LiOH, Li2SO4, LiNO3' }],
    outlets: [
      { name: 'li2co3', description: 'crude Li2CO3 (dried), with the salts the washed cake held — by-product (scrap.Li2CO3) or reagent' },
      { name: 'effluent', description: 'mother liquor and wash water: NaOH / Na2SO4 / NaNO3, excess soda, dissolved Li2CO3 (waste)' },
      { name: 'vapour', description: 'water evaporated before precipitation and in the dryer (H2O(g))' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const r = recover(p, feed);
    const draws: Record<string, number> = {};
    if (r.soda > 0) draws.Na2CO3 = r.soda;
    if (r.sodaWater + r.wash > 0) draws.H2O = r.sodaWater + r.wash;
    // energy
    const T = p.temperature;
    const feedCp = componentsCpKwPerK(feed.components);
    const dFeed = Math.max(0, T - feed.temperatureK);
    const dWater = Math.max(0, T - ctx.ambientK);
    const waterCp = cpOf('H2O');
    const latentEvap = evaporationKw('H2O', r.evaporated);
    const latentDry = evaporationKw('H2O', r.cakeWater);
    const dDry = Math.max(0, p.dryerTemperature - T);
    const productCp = componentsCpKwPerK(r.product.components);
    // Item bases written only when the run describes (a Monte Carlo sample makes no text, closure or context for them).
    const d = ctx.describe !== false;
    const ledger = new EnergyLedger(d)
      .heat('liquor to precipitation temperature', 'sensible', feedCp * dFeed, { utility: 'steam', efficiency: p.heaterEfficiency, basis: d ? `${feedCp.toPrecision(4)} kW/K × ${dFeed.toFixed(2)} K` : '' })
      .heat('soda solution and wash water to temperature', 'sensible', sensibleKw(r.sodaWater + r.wash, waterCp, dWater) + sensibleKw(r.soda, cpOf('Na2CO3'), dWater), { utility: 'steam', efficiency: p.heaterEfficiency, basis: d ? `(${(r.sodaWater + r.wash).toPrecision(4)} kg/h water, ${r.soda.toPrecision(4)} kg/h Na2CO3) × ${dWater.toFixed(2)} K` : '' });
    if (r.evaporated > 0) {
      ledger.heat(EVAPORATION_IN(p.effects), 'latent', latentEvap / p.effects, { utility: 'steam', efficiency: Math.min(1, p.steamEconomy / p.effects), basis: d ? `${r.evaporated.toPrecision(4)} kg/h × ΔHvap(H2O) ÷ ${p.effects} effects (ideal)` : '' });
    }
    ledger
      .heat('drying the Li2CO3 cake (evaporation)', 'latent', latentDry, { utility: 'steam', efficiency: p.dryerEfficiency, basis: d ? `${r.cakeWater.toPrecision(4)} kg/h × ΔHvap(H2O)` : '' })
      .heat('drying the Li2CO3 cake (solids to dryer temperature)', 'sensible', productCp * dDry, { utility: 'steam', efficiency: p.dryerEfficiency, basis: d ? `${productCp.toPrecision(4)} kW/K × ${dDry.toFixed(2)} K` : '' })
      .motor('precipitation-tank agitator', (p.agitatorPower * r.liquorKg * p.residenceTime) / 1000, d ? `${p.agitatorPower} kW/m³ × ${((r.liquorKg * p.residenceTime) / 1000).toPrecision(4)} m³` : '')
      .motor('liquor pumps', pumpKw((r.liquorKg + r.wash) / 1000), d ? `${((r.liquorKg + r.wash) / 1000).toPrecision(4)} m³/h × 2 bar / 0.6` : '');
    const diagnostics: Diagnostic[] = [];
    const liIn = r.li2co3Kg * LI_IN_LI2CO3 + r.untouchedLi;
    const liLost = (r.dissolved + r.washLoss) * LI_IN_LI2CO3;
    if (liIn > 0 && liLost / liIn > 0.1) diagnostics.push({ code: 'li2co3-dissolved', severity: 'info', where: ctx.unitId, message: msg.liRecoverySolubility(liLost, liLost / liIn) });
    const liRecovered = r.precipitated * LI_IN_LI2CO3;
    const productKg = streamMass(r.product);
    return {
      outlets: { li2co3: r.product, effluent: r.effluent, vapour: r.vapour },
      draws,
      recycled: {},
      energy: ledger.build(),
      metrics: {
        li2co3Precipitated_kg_per_h: r.precipitated,
        liRecovery: liIn > 0 ? liRecovered / liIn : 0,
        li2co3Purity: productKg > 0 ? r.precipitated / productKg : 0,
        sodaAsh_kg_per_h: r.soda,
        liquor_kg_per_h: r.liquorKg,
        cakeSolids_kg_per_h: r.cakeSolids,
        waterEvaporated_kg_per_h: r.evaporated,
      },
      diagnostics,
    };
  },
  design: (p, _inlets, run) => {
    const m = run.metrics ?? {};
    const liquor = m.liquor_kg_per_h ?? 0;
    const evaporated = m.waterEvaporated_kg_per_h ?? 0;
    const product = streamMass(run.outlets.li2co3!);
    const equipment: EquipmentSpec[] = [
      {
        name: 'precipitation tank',
        description: 'agitated, steam-heated tank where soda ash precipitates Li2CO3',
        mode: 'continuous',
        sizeUnit: 'm3',
        maxSize: 100,
        minSize: 0.5,
        capacityPerSize: 1000 / p.residenceTime, // kg/h of liquor per m³ (≈ 1 kg/L)
        loadBasis: 'liquor',
        loadKgPerHour: liquor,
        cycle: undefined,
        powerKwPerSize: p.agitatorPower,
        cost: costOf('finishingAgitatedTank'),
      },
    ];
    if (evaporated > 0) {
      equipment.push({ name: 'evaporator', description: `${p.effects}-effect evaporator concentrating the liquor`, mode: 'continuous', sizeUnit: 'm2', maxSize: 640, minSize: 11, capacityPerSize: 25, loadBasis: 'water evaporated', loadKgPerHour: evaporated, cycle: undefined, powerKwPerSize: undefined, cost: costOf('verticalTubeEvaporator') });
    }
    equipment.push(
      camFilter(m.cakeSolids_kg_per_h ?? 0, 'Li2CO3 filter press', 'filter press separating and washing the Li2CO3 cake'),
      { name: 'Li2CO3 dryer', description: 'steam-tube dryer for the Li2CO3 cake', mode: 'continuous', sizeUnit: 't/h', maxSize: 20, minSize: 0.05, capacityPerSize: 1000, loadBasis: 'dried Li2CO3', loadKgPerHour: product, cycle: undefined, powerKwPerSize: undefined, cost: costOf('dryer') },
    );
    return { mode: 'continuous', residenceTimeH: p.residenceTime, equipment, operatorsPerShift: 0.5 };
  },
});
