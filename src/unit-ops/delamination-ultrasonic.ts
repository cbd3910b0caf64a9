/**
 * `delamination-ultrasonic`: continuous flow of cathode pieces through a water bath under
 * high-intensity ultrasound; cavitation strips the coating from the foil "in a matter of seconds"
 * with a throughput per time and volume "increased by a factor of approximately 100" over soaking
 * (Lei et al., Green Chem. 2021, DOI 10.1039/D1GC01623G; REFERENCE.md 1.4 [H], no yield given).
 *
 * Mass (steady state of the internal water loop):
 *   water circulated W = liquidToSolid × feed mass (1 kg/L)
 *   water leaving with the CAM cake E = min(W, cakeLiquorRatio × cake solids)
 *   of the clarified rest (W − E), waterRecycle is reused (→ `recycled`), the rest is bled → `liquor`
 *   make-up water drawn = E + bleed − moisture in the feed
 *   dissolved salts of the feed (LiPF6, Li salts, EC, DMC…) leave with cake liquor and bleed in
 *   proportion to their water (uniform loop concentration).
 *   lots, carbons, binder (PVDF is not dissolved: it flakes off with the particles), other solids:
 *   camRecovery → `cam`; Al, Cu, Fe: alCarryOver → `cam`, rest → `foil`.
 * Energy: ultrasound electricity = specificEnergy × feed (assumption, no industrial figure found);
 * heating of make-up water and scrap to the bath temperature (default 25 °C: none); the recycled
 * water stays at bath temperature; circulation pumps. The ultrasound power ends up as heat in the
 * water but is not credited (conservative).
 * Design: continuous ultrasonic line sized by ultrasound power, a foil screen, a filter press.
 */
import { z } from 'zod';
import { defineUnitOp } from './contract.js';
import { fraction, quantity, described, documentedRange } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { emptyStream, streamMass, type Stream, lotsMass, lotsCpFlow_kW_per_K } from '../streams/stream.js';
import { rowsLike } from '../streams/row-stream.js';
import { EnergyLedger, sensibleKw } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import {
  addKg, camFilter, componentsCpKwPerK, cpOf, defaultFate, foilScreen, pumpKw,
  splitLots, yieldParams, camToCamShare, metalCarryOver, BATH_UTILITIES, WATER_SOLUBLE,
} from './correlations/preparation.js';
import { CAKE_LIQUOR_KG_PER_KG, LIQUID_PER_SOLID, MECHANICAL_KWH_PER_KG, withCeiling } from './correlations/limits.js';

const WATER_BP_K = 373.15;

const params = z
  .strictObject({
    temperature: documentedRange(quantity('K', { description: 'water bath temperature', default: '25 degC', above: 0, displayUnit: 'degC', source: 'assumption: room-temperature water; cavitation needs no heating (Lei et al. 2021, REFERENCE.md 1.4); below 100 °C, where the open bath boils' }), { below: WATER_BP_K }),
    residenceTime: quantity('h', { description: 'residence time of the electrode in the ultrasonic field', default: '10 s', above: 0, max: 1, source: 'Lei et al. Green Chem. 2021: electrode "delaminated in a matter of seconds" (REFERENCE.md 1.4 [H]); max 1 h: plausibility ceiling, 360× the source\'s seconds' }),
    specificEnergy: quantity('kWh/kg', { description: 'ultrasound electricity per kg of feed', default: '20 kWh/t', min: 0, max: MECHANICAL_KWH_PER_KG.max, source: withCeiling('assumption: a 2 kW sonotrode delaminating ≈100 kg/h of electrode strip (no industrial figure found; REFERENCE.md 1.4 gives only the ×100 throughput gain)', MECHANICAL_KWH_PER_KG) }),
    liquidToSolid: quantity('L/kg', { description: 'water circulated through the bath per kg of feed', default: '5 L/kg', above: 0, max: LIQUID_PER_SOLID.max, source: withCeiling('assumption: 5 L/kg keeps the stripped particles suspended', LIQUID_PER_SOLID) }),
    waterRecycle: fraction({ description: 'share of the clarified bath water reused; the rest is bled to `liquor`', default: 0.9, source: 'assumption: clarified water is reused, 10 % bleed bounds the salt build-up' }),
    cakeLiquorRatio: quantity('', { description: 'water carried by the CAM cake, kg per kg of cake solids', default: 0.3, min: 0, max: CAKE_LIQUOR_KG_PER_KG.max, source: withCeiling('assumption: filter cake ≈23 % moisture', CAKE_LIQUOR_KG_PER_KG) }),
    heating: described(z.enum(BATH_UTILITIES).default('steam'), { description: 'utility heating the bath (when above the inlet temperature)', source: 'assumption: steam' }),
    heaterEfficiency: fraction({ description: 'fraction of the delivered heat that reaches the water', default: 0.9, above: 0, source: 'assumption: 10 % distribution losses' }),
    ...yieldParams({ camRecovery: 0.97, alCarryOver: 0.02, alWhy: 'cavitation erodes some foil; 2 % passes the screen as fragments' }),
  })
  .superRefine((p, ctx) => {
    if (p.temperature >= WATER_BP_K) ctx.addIssue({ code: 'custom', path: ['temperature'], message: msg.aboveBoilingPoint('ultrasonic water bath temperature', p.temperature - 273.15, WATER_BP_K - 273.15) });
  });

export const delaminationUltrasonic = defineUnitOp({
  kind: 'delamination-ultrasonic',
  summary: 'continuous water bath with high-intensity ultrasound strips the coating from the foil in seconds',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'cathode scrap: CAM lots, carbon black, PVDF, Al foil (maybe electrolyte, moisture)' }],
    outlets: [
      { name: 'cam', description: 'CAM lots with carbon, binder, Al fragments and cake water' },
      { name: 'foil', description: 'Al foil and the CAM lost with it' },
      { name: 'liquor', description: 'bled bath water with the dissolved salts' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const c = feed.components;
    const toCam = camToCamShare(p.camRecovery, c, lotsMass(feed));
    const T = p.temperature;
    const feedKg = streamMass(feed);
    const cam = rowsLike(feed, T);
    const foil = rowsLike(feed, T);
    const liquor: Stream = emptyStream(T);
    const dissolved: Record<string, number> = {};
    for (const id in c) {
      if (id === 'H2O') continue;
      const kg = c[id]!;
      const fate = WATER_SOLUBLE.has(id) ? 'liquid' : defaultFate(id);
      if (fate === 'foil-metal') {
        const carry = metalCarryOver(p, id, ctx.feedBasis);
        addKg(cam.components, id, kg * carry);
        addKg(foil.components, id, kg - kg * carry);
      } else if (fate === 'fines') {
        addKg(cam.components, id, kg * toCam);
        addKg(foil.components, id, kg - kg * toCam);
      } else addKg(dissolved, id, kg); // liquids and gases stay dissolved in the water loop
    }
    splitLots(feed, toCam, cam, foil);
    let cakeSolids = lotsMass(cam);
    for (const id in cam.components) cakeSolids += cam.components[id]!;
    const W = p.liquidToSolid * feedKg;
    const E = Math.min(W, p.cakeLiquorRatio * cakeSolids);
    const reused = p.waterRecycle * (W - E);
    let bleed = W - E - reused;
    const moisture = c.H2O ?? 0;
    const draw = Math.max(0, E + bleed - moisture);
    bleed += Math.max(0, moisture - (E + bleed));
    addKg(cam.components, 'H2O', E);
    addKg(liquor.components, 'H2O', bleed);
    const liquorToCam = E + bleed > 0 ? E / (E + bleed) : 0;
    for (const id in dissolved) {
      const kg = dissolved[id]!;
      addKg(cam.components, id, kg * liquorToCam);
      addKg(liquor.components, id, kg - kg * liquorToCam);
    }
    const draws: Record<string, number> = {};
    if (draw > 0) draws.H2O = draw;
    const recycled: Record<string, number> = {};
    if (reused > 0) recycled.H2O = reused;

    const dScrap = Math.max(0, T - feed.temperatureK);
    const dWater = Math.max(0, T - ctx.ambientK);
    const scrapCp = componentsCpKwPerK(c) + lotsCpFlow_kW_per_K(feed);
    const ledger = new EnergyLedger(ctx.describe !== false)
      .electric('ultrasound', 'other', p.specificEnergy * feedKg, () => `${p.specificEnergy * 1000} kWh/t × ${(feedKg / 1000).toPrecision(4)} t/h`)
      .heat('sensible heat of the scrap to bath temperature', 'sensible', scrapCp * dScrap, { utility: p.heating, efficiency: p.heaterEfficiency, basis: () => `${scrapCp.toPrecision(4)} kW/K × ${dScrap.toFixed(2)} K` })
      .heat('sensible heat of the make-up water', 'sensible', sensibleKw(draw, cpOf('H2O'), dWater), { utility: p.heating, efficiency: p.heaterEfficiency, basis: () => `${draw.toPrecision(4)} kg/h × ${cpOf('H2O').toFixed(0)} J/(kg·K) × ${dWater.toFixed(2)} K` })
      .motor('water circulation pumps', pumpKw(W / 1000), () => `${(W / 1000).toPrecision(4)} m³/h × 2 bar / 0.6`);
    return {
      outlets: { cam, foil, liquor },
      draws,
      recycled,
      energy: ledger.build(),
      metrics: { ultrasoundPower_kW: p.specificEnergy * feedKg, waterCirculated_kg_per_h: W, camToFoil_kg_per_h: lotsMass(foil) },
      diagnostics: [],
    };
  },
  design: (p, inlets) => {
    const feed = inlets.feed!;
    const feedKg = streamMass(feed);
    return {
      mode: 'continuous',
      residenceTimeH: p.residenceTime,
      equipment: [
        {
          name: 'ultrasonic delaminator',
          description: 'continuous flow cell with sonotrodes and generators',
          mode: 'continuous',
          sizeUnit: 'kW',
          maxSize: 500,
          minSize: 1,
          capacityPerSize: p.specificEnergy > 0 ? 1 / p.specificEnergy : 1e9,
          loadBasis: 'cathode scrap',
          loadKgPerHour: feedKg,
          cycle: undefined,
          powerKwPerSize: 1,
          cost: costOf('ultrasonicDelaminator'),
        },
        foilScreen(feedKg),
        camFilter(lotsMass(feed) * camToCamShare(p.camRecovery, feed.components, lotsMass(feed))),
      ],
      operatorsPerShift: 1,
    };
  },
});
