/**
 * `relithiation-redox-mediated`: low-temperature hydrothermal relithiation with a redox mediator in
 * a vented stirred tank (review Table 1 [80]: NCM111 in 4 M LiOH at 100 °C and 1 bar — Yu et al.,
 * "Achieving low-temperature hydrothermal relithiation by redox mediation", Energy Storage Mater.
 * 2022, the review's ref. [80]).
 *
 * The model is the hydrothermal one (relithiation-hydrothermal.ts: charge, liquor recycle, per-lot
 * Arrhenius approach to r_eq = 1, Li_r MO2 + (1−r) LiOH → LiMO2 + (1−r)/2 H2O + (1−r)/4 O2, batch
 * energy) with every lot's rate multiplied by `mediatorRateFactor`: the mediator shuttles electrons
 * to the cathode, lowering the barrier that makes plain hydrothermal relithiation need 220 °C. The
 * mediator is taken as catalytic and regenerated in situ, so the net reaction is unchanged; its
 * make-up and cost are NOT modelled (neither REFERENCE.md nor the review names the species).
 * At ≤ 100 °C the vessel runs at about atmospheric pressure, so the pressure cost factor is 1.
 */
import { z } from 'zod';
import { defineUnitOp } from './contract.js';
import { quantity } from '../schema/param.js';
import { DWELL_H, RAMP_K_PER_H, VESSEL_STEEL_KG_PER_M3, withCeiling } from './correlations/limits.js';
import { hydrothermalShape, checkSolidLiquidRatio, runHydrothermal, designHydrothermal, HYDROTHERMAL_PORTS } from './relithiation-hydrothermal.js';

const params = z
  .strictObject({
    ...hydrothermalShape,
    temperature: quantity('K', { description: 'tank temperature', default: '100 degC', min: 303.15, max: 623.15, displayUnit: 'degC', source: 'review Table 1 [80]: 100 °C and 1 bar' }),
    duration: quantity('h', { description: 'dwell at temperature', default: '4 h', above: 0, max: DWELL_H.max, source: withCeiling('assumption: review Table 1 [80] gives no time; as the 220 °C routes [59][79]', DWELL_H) }),
    mediatorRateFactor: quantity('', { description: 'rate multiplier of the redox mediator over plain hydrothermal relithiation at the same temperature', default: 10, above: 0, max: 100, source: 'assumption: calibrated so that 100 °C with the mediator (HYDROTHERMAL_RATE 0.095 /h × 10) repairs a moderately deficient lot in ≈4 h, as [80] reaches capacities comparable to 220 °C without mediator [79]; max 100: plausibility ceiling, 10× the calibration (100 °C would then outrun plain 220 °C ≈10-fold)' }),
    autoclaveVolume: quantity('m3', { description: 'volume of one standard stirred tank', default: '10 m3', min: 0.1, max: 35, source: 'assumption: standard 10 m³ agitated tank; cost correlation valid 0.1–35 m³ (Turton)' }),
    vesselSteel: quantity('kg/m3', { description: 'steel of tank, jacket and agitator per m³ of vessel volume (reheated every batch)', default: '300 kg/m3', min: 0, max: VESSEL_STEEL_KG_PER_M3.max, source: withCeiling('assumption: atmospheric jacketed tank, ≈8 mm wall + jacket and agitator', VESSEL_STEEL_KG_PER_M3) }),
    dischargeTemperature: quantity('K', { description: 'temperature at which the batch is discharged (outlet temperature)', default: '60 degC', min: 273.15, max: 373.15, displayUnit: 'degC', source: 'assumption: cooled before filtration; max 100 °C, the boiling point of the open aqueous batch' }),
    heatingRate: quantity('K/h', { description: 'heat-up ramp of the charge', default: '60 K/h', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 1 K/min with low-pressure steam in the jacket', RAMP_K_PER_H) }),
  })
  .superRefine(checkSolidLiquidRatio);

export const relithiationRedoxMediated = defineUnitOp({
  kind: 'relithiation-redox-mediated',
  summary: 'low-temperature (≈100 °C, 1 bar) hydrothermal relithiation with a redox mediator: the hydrothermal model with a mediator rate factor',
  params,
  ports: () => HYDROTHERMAL_PORTS,
  run: (p, inlets, ctx) => runHydrothermal(p, inlets, ctx, p.mediatorRateFactor),
  design: (p, _inlets, run, ctx) => designHydrothermal(p, run, 'stirred tank', ctx),
});
