/**
 * `surface-reconstruction`: removal of the insulating surface rock-salt layer of degraded NCM,
 * either by ultrasonic citric-acid etching (review Table 1 [71]: NCM523, 30 min) or by an ammonia
 * hydrothermal treatment (review Table 1 [2]: NH4OH, 160 °C, 6 h), then filtration.
 *
 * Model:
 * - citric-acid: the layer thins at a constant etch rate, s' = max(0, s − rate·t): lots with thick
 *   layers keep some. Surface Li within `leachDepth` of the surface leaves as lithium citrate:
 *   δ = r·(1 − (1 − 2h/D50)³) (small particles lose more), with the lot formula's fixed 2 O per TM
 *     Li_r MO2 + δ/3 C6H8O7 + δ/4 O2 → Li_{r−δ} MO2 + δ/3 Li3C6H5O7 + δ/2 H2O.
 *   The acid charge (concentration × solution volume) is drawn; unreacted acid leaves in the liquor.
 * - ammonia-hydrothermal: the rock salt converts to a hydroxide precursor at a first-order rate,
 *   s' = s·e^(−k·t) (assumption k = 0.5 h⁻¹ at the review's 160 °C: 95 % in 6 h); surface Li leaves
 *   as LiOH, Li_r MO2 + δ/2 H2O + δ/4 O2 → Li_{r−δ} MO2 + δ LiOH. NH3 is a complexant, not
 *   consumed: it goes to the liquor, a slip fraction to the vent on depressurising.
 *   The etched rock salt's own TM (a < 1 % mass shell) is not tracked as dissolved metal: the model
 *   moves the lot state only (limitation).
 * - Solid/liquid separation: the cake keeps `cakeMoisture` water with dissolved species at the
 *   liquor concentration (as in filtration).
 * - Energy: citric — ultrasound (specific power × slurry volume × time) and agitation; ammonia —
 *   slurry heated to temperature ÷ heater efficiency, autoclave wall losses U·A·ΔT while hot
 *   (A of the autoclave volume the throughput needs), agitation.
 */
import { z } from 'zod';
import { defineUnitOp, type Diagnostic } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { copyFlows, emptyStream, heatCapacityFlow_W_per_K, lotListMass } from '../streams/stream.js';
import { copyLot, type Lot } from '../streams/lot.js';
import { EnergyLedger, wallLossKw, cylinderSurfaceM2 } from './correlations/energy.js';
import {
  aqueousSplit, dissolve, cakeWaterFor, addKg, kgOf, withLiPerTm, shellFraction, lotsVolume_m3_per_h,
  DEFAULT_SOLUBLES_SET, LIQUOR_DENSITY_KG_PER_M3, OTHER_SOLIDS_DENSITY_KG_PER_M3, WATER_CP, rampHours, tmKmolOf,
} from './correlations/finishing.js';
import { costOf } from './data/equipment.js';
import { msg } from '../schema/messages.js';

/** Largest single vessel used to estimate the hot surface, m³ (assumption: standard 10 m³ autoclave). */
const VESSEL_M3 = 10;

const params = z.strictObject({
  method: described(z.enum(['citric-acid', 'ammonia-hydrothermal']).default('citric-acid'), { description: 'citric-acid etching (ultrasonic) or ammonia hydrothermal reconstruction', source: 'review Table 1 [71] and [2]' }),
  liquidPerKgSolids: quantity('', { description: 'solution per kg of solids (kg/kg)', default: 5, above: 0, max: 100, source: 'assumption: 5 kg of solution per kg powder (lab work uses more)' }),
  leachDepth: quantity('nm', { description: 'depth of the surface shell whose Li is leached', default: '2 nm', min: 0, max: 100, source: 'assumption: ≈1–2 unit cells of surface Li exchange in acid/ammonia' }),
  // citric acid
  acidConcentration: quantity('mol/L', { description: 'citric acid concentration (citric-acid method)', default: '0.1 mol/L', above: 0, max: 5, source: 'assumption: dilute (0.1 M) citric acid for surface etching; review Table 1 [71] gives no concentration' }),
  etchRate: quantity('nm/h', { description: 'rock-salt etch rate (citric-acid method)', default: '0.2 nm/min', min: 0, max: 1000, source: 'assumption: 30 min removes ≈6 nm, a typical surface rock-salt thickness' }),
  etchTime: quantity('h', { description: 'ultrasonic etching time (citric-acid method)', default: '30 min', above: 0, max: 48, source: 'review Table 1 [71]: ultrasonic treatment with citric acid for 30 min' }),
  ultrasonicPower: quantity('kW/m3', { description: 'ultrasonic power per m³ of slurry (citric-acid method)', default: 20, min: 0, max: 1000, source: 'assumption: industrial ultrasonic tanks ≈10–50 W/L' }),
  // ammonia hydrothermal
  ammoniaConcentration: quantity('mol/L', { description: 'NH3 concentration (ammonia-hydrothermal method)', default: '1 mol/L', above: 0, max: 15, source: 'assumption: dilute ammonium hydroxide; review Table 1 [2] gives no concentration' }),
  temperature: quantity('K', { description: 'hydrothermal temperature (ammonia-hydrothermal method)', default: '160 degC', min: 273.15, max: 523.15, displayUnit: 'degC', source: 'review Table 1 [2]: 160 °C' }),
  time: quantity('h', { description: 'hydrothermal time at temperature (ammonia-hydrothermal method)', default: '6 h', above: 0, max: 100, source: 'review Table 1 [2]: 6 h' }),
  conversionRate: quantity('1/h', { description: 'first-order rate of rock-salt conversion at the chosen conditions (ammonia-hydrothermal method)', default: 0.5, min: 0, max: 100, source: 'assumption: 95 % of the layer converted in the review\'s 6 h at 160 °C' }),
  ammoniaSlip: fraction({ description: 'fraction of the NH3 vented on depressurising (ammonia-hydrothermal method)', default: 0.05, source: 'assumption' }),
  ramp: quantity('K/h', { description: 'autoclave heating rate (ammonia-hydrothermal method)', default: '2 degC/min', above: 0, max: 6000, source: 'assumption: jacketed autoclave heating' }),
  coolRate: quantity('K/h', { description: 'autoclave cooling rate (ammonia-hydrothermal method)', default: '1 degC/min', above: 0, max: 6000, source: 'assumption: jacket cooling' }),
  dischargeTemperature: quantity('K', { description: 'temperature at which the autoclave is emptied (ammonia-hydrothermal method)', default: '60 degC', min: 273.15, max: 573.15, displayUnit: 'degC', source: 'assumption: opened below 60 °C' }),
  heaterEfficiency: fraction({ description: 'fraction of the heating energy that reaches the slurry', default: 0.85, above: 0, source: 'assumption: jacketed vessel, electric or steam' }),
  heating: described(z.enum(['electricity', 'steam', 'natural-gas']).default('electricity'), { description: 'autoclave heating utility', source: 'assumption' }),
  wallU: quantity('W/(m2 K)', { description: 'overall wall-loss coefficient of the insulated autoclave', default: 1.5, min: 0, max: 100, source: 'assumption: 100 mm mineral wool' }),
  // common
  workingFill: fraction({ description: 'slurry volume ÷ vessel volume', default: 0.7, above: 0, source: 'assumption: within SuperPro\'s 15–90 % window (REFERENCE.md 4.3); headspace for pressure vessels' }),
  agitatorPower: quantity('kW/m3', { description: 'agitator power per m³ of slurry', default: 0.3, min: 0, max: 10, source: 'assumption: suspension of dense powder' }),
  cakeMoisture: fraction({ description: 'water mass fraction of the filtered cake', default: 0.2, max: 0.95, source: 'assumption: filter-press cake of dense oxide powder' }),
  handlingTime: quantity('h', { description: 'charging (and, again, discharging) time per batch', default: '0.5 h', min: 0, max: 24, source: 'assumption' }),
});

type Params = z.output<typeof params>;

/** Batch cycle of the etching tank or autoclave. */
function cycleOf(p: Params, feedK: number) {
  if (p.method === 'citric-acid') return { loadH: p.handlingTime, heatH: 0, dwellH: p.etchTime, coolH: 0, unloadH: p.handlingTime, cleanH: 0 };
  const t0 = Math.min(feedK, p.temperature);
  return { loadH: p.handlingTime, heatH: rampHours(t0, p.temperature, p.ramp), dwellH: p.time, coolH: rampHours(p.temperature, Math.min(p.dischargeTemperature, p.temperature), p.coolRate), unloadH: p.handlingTime, cleanH: 0 };
}

/** Saturation pressure of water, Pa (Antoine, 99–374 °C: log10 P[mmHg] = 8.14019 − 1810.94/(244.485 + t)). */
function waterVapourPressurePa(tK: number): number {
  const t = tK - 273.15;
  return Math.pow(10, 8.14019 - 1810.94 / (244.485 + t)) * 133.322;
}

export const surfaceReconstruction = defineUnitOp({
  kind: 'surface-reconstruction',
  summary: 'surface rock-salt removal: ultrasonic citric-acid etching or ammonia hydrothermal, then filtration',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'powder with a surface rock-salt layer' }],
    outlets: [
      { name: 'solids', description: 'treated powder (filter cake with cake liquor)' },
      { name: 'liquor', description: 'spent solution: lithium citrate and acid, or LiOH and NH3' },
      { name: 'vent', description: 'NH3 released on depressurising (empty for citric acid)' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const diagnostics: Diagnostic[] = [];
    const citric = p.method === 'citric-acid';
    const split = aqueousSplit(feed, DEFAULT_SOLUBLES_SET);
    const solidsKg = lotListMass(feed.lots) + split.insolubleMass;
    const solutionKg = p.liquidPerKgSolids * solidsKg;
    const solutionL = solutionKg / (LIQUOR_DENSITY_KG_PER_M3 / 1000);
    const reagent = citric ? 'citric-acid' : 'NH3';
    const reagentKmol = ((citric ? p.acidConcentration : p.ammoniaConcentration) * solutionL) / 1000;
    const reagentKg = kgOf(reagent, reagentKmol);
    const draws: Record<string, number> = {};
    if (reagentKg > 0) draws[reagent] = reagentKg;
    if (solutionKg - reagentKg > 0) draws.H2O = solutionKg - reagentKg;

    // Lot state: rock salt and leached Li.
    let liKmol = 0;
    const want = feed.lots.map((l) => (l.chemistry.family === 'layered' && l.massKgPerHour > 0 ? tmKmolOf(l) * l.liPerTm * shellFraction(l.d50_um, p.leachDepth) : 0));
    let wantTotal = 0;
    for (const w of want) wantTotal += w;
    // Citric acid can take at most 3 Li per acid molecule.
    let scale = 1;
    if (citric && wantTotal > 3 * reagentKmol) {
      scale = (3 * reagentKmol) / wantTotal;
      diagnostics.push({ code: 'acid-limited', severity: 'warning', where: ctx.unitId, message: msg.acidLimited(reagentKg.toPrecision(4), (scale * 100).toFixed(1)) });
    }
    const lots: Lot[] = feed.lots.map((l, i) => {
      const removed = want[i]! * scale;
      let out: Lot;
      if (removed > 0) {
        liKmol += removed;
        out = withLiPerTm(l, l.liPerTm - removed / tmKmolOf(l));
      } else out = copyLot(l);
      const rs = citric ? Math.max(0, l.surfaceRockSalt_nm - p.etchRate * p.etchTime) : l.surfaceRockSalt_nm * Math.exp(-p.conversionRate * p.time);
      out.surfaceRockSalt_nm = rs; // out is this unit's own copy
      return out;
    });

    // Liquor chemistry.
    const solutes = copyFlows(split.solutes);
    let water = split.water + (draws.H2O ?? 0);
    if (liKmol > 0) draws.O2 = kgOf('O2', liKmol / 4);
    if (citric) {
      const acidUsed = liKmol / 3;
      addKg(solutes, 'citric-acid', reagentKg - kgOf('citric-acid', acidUsed));
      addKg(solutes, 'Li3C6H5O7', kgOf('Li3C6H5O7', liKmol / 3));
      water += kgOf('H2O', liKmol / 2);
    } else {
      addKg(solutes, 'NH3', reagentKg);
      addKg(solutes, 'LiOH', kgOf('LiOH', liKmol));
      water -= kgOf('H2O', liKmol / 2);
    }
    const vent = emptyStream(citric ? feed.temperatureK : p.dischargeTemperature);
    if (!citric && solutes.NH3) {
      const slip = solutes.NH3 * p.ammoniaSlip;
      solutes.NH3 -= slip;
      addKg(vent.components, 'NH3', slip);
    }
    for (const id in split.gases) addKg(vent.components, id, split.gases[id]!);

    const tOut = citric ? feed.temperatureK : p.dischargeTemperature;
    const { dissolved, undissolved, undissolvedMass } = dissolve(solutes, water, tOut, {});
    const solids = emptyStream(tOut);
    const liquor = emptyStream(tOut);
    solids.lots = lots;
    for (const id in split.insoluble) addKg(solids.components, id, split.insoluble[id]!);
    for (const id in undissolved) addKg(solids.components, id, undissolved[id]!);
    const cakeDry = lotListMass(lots) + split.insolubleMass + undissolvedMass;
    const cakeWater = Math.min(water, cakeWaterFor(cakeDry, p.cakeMoisture));
    const phi = water > 0 ? cakeWater / water : 0;
    addKg(solids.components, 'H2O', cakeWater);
    addKg(liquor.components, 'H2O', water - cakeWater);
    for (const id in dissolved) {
      const d = dissolved[id]!;
      addKg(solids.components, id, d * phi);
      addKg(liquor.components, id, d - d * phi);
    }

    // Energy.
    const ledger = new EnergyLedger(ctx.describe !== false);
    const slurryM3 = (split.water + solutionKg) / LIQUOR_DENSITY_KG_PER_M3 + lotsVolume_m3_per_h(feed.lots) + split.insolubleMass / OTHER_SOLIDS_DENSITY_KG_PER_M3;
    const cycle = cycleOf(p, feed.temperatureK);
    const cycleH = cycle.loadH + cycle.heatH + cycle.dwellH + cycle.coolH + cycle.unloadH + cycle.cleanH;
    if (citric) {
      ledger.electric('ultrasound', 'other', p.ultrasonicPower * slurryM3 * p.etchTime, () => `${slurryM3.toPrecision(4)} m³/h slurry × ${p.etchTime} h × ${p.ultrasonicPower} kW/m³`);
      ledger.motor('agitation', p.agitatorPower * slurryM3 * p.etchTime, () => `${slurryM3.toPrecision(4)} m³/h × ${p.etchTime} h × ${p.agitatorPower} kW/m³`);
    } else {
      const cpFlow = heatCapacityFlow_W_per_K(feed) / 1000 + (solutionKg * WATER_CP()) / 3.6e6;
      const dT = Math.max(0, p.temperature - feed.temperatureK);
      ledger.heat('slurry to temperature', 'sensible', cpFlow * dT, { utility: p.heating, efficiency: p.heaterEfficiency, basis: () => `${(cpFlow * 3600).toPrecision(4)} kJ/(h·K) × ${dT.toFixed(1)} K` });
      const vTotal = (slurryM3 * cycleH) / p.workingFill;
      const vItem = Math.min(vTotal, VESSEL_M3);
      const area = vItem > 0 ? (vTotal / vItem) * cylinderSurfaceM2(vItem) : 0;
      const hotShare = cycleH > 0 ? (cycle.heatH / 2 + cycle.dwellH + cycle.coolH / 2) / cycleH : 0;
      ledger.loss('autoclave wall losses', wallLossKw(p.wallU, area, p.temperature, ctx.ambientK) * hotShare, p.heating, () => `U ${p.wallU} W/(m²·K) × ${area.toPrecision(4)} m² (autoclave volume ${vTotal.toPrecision(4)} m³ in ≤${VESSEL_M3} m³ vessels) × ${(p.temperature - ctx.ambientK).toFixed(1)} K × ${(hotShare * 100).toFixed(0)} % of the cycle hot`);
      ledger.motor('agitation', p.agitatorPower * slurryM3 * p.time, () => `${slurryM3.toPrecision(4)} m³/h × ${p.time} h × ${p.agitatorPower} kW/m³`);
    }
    return {
      outlets: { solids, liquor, vent },
      draws,
      recycled: {},
      energy: ledger.build(),
      metrics: {
        lithiumLeached_kmol_per_h: liKmol,
        slurry_m3_per_h: slurryM3,
        solids_kg_per_h: solidsKg,
        cakeDrySolids_kg_per_h: cakeDry,
        ...(citric ? {} : { autoclavePressure_Pa: waterVapourPressurePa(p.temperature) }),
      },
      diagnostics,
    };
  },
  design: (p, inlets, run) => {
    const citric = p.method === 'citric-acid';
    const cycle = cycleOf(p, inlets.feed?.temperatureK ?? 298.15);
    const m = run.metrics ?? {};
    const solidsKg = m.solids_kg_per_h ?? 0;
    const slurryM3 = m.slurry_m3_per_h ?? 0;
    const solidsPerM3 = slurryM3 > 0 ? solidsKg / slurryM3 : 1000;
    const press = costOf('filterPress');
    const vessel = citric ? costOf('finishingAgitatedTank', { materialFactor: 1.3 }) : costOf('finishingAgitatedTank', { materialFactor: 2 });
    return {
      mode: 'batch',
      residenceTimeH: cycle.heatH + cycle.dwellH + cycle.coolH,
      cycle,
      equipment: [
        {
          name: citric ? 'etching-tank' : 'autoclave',
          description: citric
            ? 'ultrasonic agitated etching tank, stainless (material factor 1.3 for transducers, assumption)'
            : 'stirred autoclave for ammonia at 160 °C (material factor 2: SS316 pressure-rated vessel vs atmospheric, assumption)',
          mode: 'batch',
          sizeUnit: 'm3',
          maxSize: citric ? vessel.maxSize : VESSEL_M3 * 2,
          minSize: vessel.minSize,
          capacityPerSize: p.workingFill * solidsPerM3,
          loadBasis: 'powder (solids) per batch',
          loadKgPerHour: solidsKg,
          cycle,
          powerKwPerSize: citric ? p.ultrasonicPower + p.agitatorPower : p.agitatorPower,
          cost: vessel,
        },
        {
          name: 'filter-press',
          description: 'filter press for the treated powder',
          mode: 'continuous',
          sizeUnit: 't/h',
          maxSize: press.maxSize,
          minSize: 0.01,
          capacityPerSize: 1000,
          loadBasis: 'dry cake solids',
          loadKgPerHour: m.cakeDrySolids_kg_per_h ?? 0,
          cycle: undefined,
          powerKwPerSize: undefined,
          cost: press,
        },
      ],
      operatorsPerShift: 1,
    };
  },
});
