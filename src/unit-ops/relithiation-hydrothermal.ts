/**
 * `relithiation-hydrothermal`: batch autoclave relithiation of layered cathode lots in LiOH (or
 * LiOH + KOH) solution (review Table 1: 4 M LiOH at 220 °C for 3–4 h [59][79]; 100 °C / 1 bar [80];
 * REFERENCE.md 1.4 / 4.1: 0.1 M LiOH + 3.9 M KOH may replace 4 M LiOH, or the 4 M LiOH is recycled).
 *
 * Charge: liquor volume V = m_CAM / (S:L) at the set LiOH and KOH molarities, density
 * ρ = 997.05 + 23.96·c_LiOH + 45·c_KOH kg/m³ (REFERENCE.md 1.6 LiOH(aq) density; KOH [MEMORY]).
 * Liquor arriving at `recycle` supplies LiOH, KOH and water first (→ recycled); fresh make-up is
 * drawn as LiOH·H2O (or LiOH), KOH and water (→ draws).
 *
 * Lots (mechanisms/hydrothermal.ts): each lot of a treated family approaches Li/TM r_eq = 1 from
 * below, r → 1 + (r0 − 1)·exp(−k·t), k = HYDROTHERMAL_RATE(T) · lot factors (size², cracks,
 * morphology, Ni) · ([OH⁻]/4 M)^order ([OH⁻] of the charge as made up, so excess recycled water
 * dilutes it). Self-limiting: a lot at or above 1 is left alone, none passes it. Cation mixing, rock
 * salt and cracks are untouched — the short sintering after it reconstructs the lattice. If the charge
 * holds less LiOH than the lots would take, every lot's uptake is scaled down alike (warning).
 * Reaction per treated lot: Li_r MO2 + (1−r) LiOH → LiMO2 + (1−r)/2 H2O + (1−r)/4 O2 (O2 to vent).
 *
 * Vessel: pressure = saturated water vapour pressure at T (IAPWS-IF97 region 4); working volume =
 * hot liquor (expanding as saturated water, IAPWS 1992) + CAM at the working fill; batch cycle load,
 * heat (ramp), dwell, cool (to the discharge temperature), unload. Energy per batch (converted to
 * kW with the batches per hour): sensible heat of the liquor and solids from the charge temperature,
 * of the vessel steel from the discharge temperature, wall losses U·A·ΔT over the hot part of the
 * cycle (dwell + half of the ramps), agitator kW/m³ while hot, steam (or other) heating efficiency.
 * Reaction heat of relithiation is not known and is neglected (small: ≈0.1 mol Li per mol TM).
 * Cost: jacketed agitated reactor × Turton pressure factor × material factor.
 */
import { z } from 'zod';
import { defineUnitOp, outletsOnly, OUTLETS_ONLY_ENERGY, reportText, type Diagnostic, type Ports, type RunContext, type UnitDesign, type UnitRun } from './contract.js';
import { quantity, fraction, described, documentedRange } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { HYDROTHERMAL_RATE, HYDROTHERMAL_LOT_FACTORS, hydroxideFactor, solutionLiPerTm } from './correlations/mechanisms/hydrothermal.js';
import { EnergyLedger } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { LotCursor, type RowStream } from '../streams/row-stream.js';
import type { LotRateFactors } from './correlations/mechanisms/kinetics.js';
import { AMBIENT_K, copyFlows, emptyStream, heatCapacityFlowOf, type Stream } from '../streams/stream.js';
import {
  MW, add, supply, isGas, liquorClassifier, dischargeWetBatch, pruned, kineticParams, routeKinetics, lotRate, treatedFamiliesParam,
  tmKmolPerHour, hydroxideLiquorDensity, saturationPressurePa, saturatedWaterDensity, vesselPressureFactor, cylinderDiameterM,
  planBatch, type BatchPlan, cycleHours, batchCycle, batchVesselEnergy, batchVesselEquipment, CAM_DENSITY_KG_PER_M3, batchComponents, chargeRows, chargeTemperature, drawLiOH, relithiateRows, reagentMetrics,
} from './correlations/relithiation.js';
import { AGITATION_KW_PER_M3, DWELL_H, HANDLING_H, MATERIAL_FACTOR, RAMP_K_PER_H, VESSEL_STEEL_KG_PER_M3, WALL_U, withCeiling } from './correlations/limits.js';
import { LotScratch } from '../streams/lot-scratch.js';
import { ComponentCopy } from '../streams/component-copy.js';

/** Validated solid:liquid range, kg CAM per L liquor (assumption, see the parameter's source). */
export const SOLID_LIQUID_RANGE = { min: 0.01, max: 1 } as const;

/** Components that stay dissolved in the liquor (besides every liquid or aqueous component). */
const isLiquor = liquorClassifier(['LiOH', 'KOH', 'NaOH', 'LiNO3', 'Li2SO4', 'LiCl', 'LiI', 'H2SO4']);

/** Parameter shape of the hydrothermal model (the redox-mediated variant reuses it with other defaults). */
export const hydrothermalShape = {
  lioh: quantity('mol/L', { description: 'LiOH concentration of the charged liquor', default: '4 mol/L', above: 0, max: 5.3, source: 'review Table 1 [59][80]: 4 M LiOH; max ≈ LiOH solubility 12.8 g/100 g H2O at 20 °C [MEMORY]' }),
  koh: quantity('mol/L', { description: 'KOH concentration of the charged liquor (0.1 M LiOH + 3.9 M KOH may replace 4 M LiOH)', default: '0 mol/L', min: 0, max: 15, source: 'REFERENCE.md 1.4 / 4.1 (KOH substitution finding); default none, as review Table 1 [59]' }),
  temperature: quantity('K', { description: 'autoclave temperature', default: '220 degC', min: 303.15, max: 623.15, displayUnit: 'degC', source: 'review Table 1 [59][79]: 220 °C; max 350 °C (autoclave practice, below the water critical point)' }),
  duration: quantity('h', { description: 'dwell at temperature', default: '4 h', above: 0, max: DWELL_H.max, source: withCeiling('review Table 1 [79]: 4 h ([59]: 3 h)', DWELL_H) }),
  solidLiquidRatio: documentedRange(quantity('kg/L', { description: 'kg of CAM per L of charged liquor', default: '0.2 kg/L', source: `assumption: lab work uses ≈0.05 kg/L, and the liquor "can be significantly limited" (Appleberry & Chen 2023, REFERENCE.md 1.4); validated ${SOLID_LIQUID_RANGE.min}–${SOLID_LIQUID_RANGE.max} kg/L (1:100 lab dilution to ≈50 wt % solids, the limit for suspending a dense powder)` }), SOLID_LIQUID_RANGE),
  entrainedLiquor: quantity('L/kg', { description: 'liquor entrained in the drained wet cake, L per kg of solids', default: '0.25 L/kg', min: 0, max: 5, source: 'assumption: drained cake of a dense oxide ≈ 20 wt % liquor (typical filter-cake moisture 15–30 wt %)' }),
  rEq: quantity('', { description: 'equilibrium Li/TM relative to the family nominal (1 = stoichiometric LiMO2; a solution cannot over-lithiate)', default: 1, min: 0.5, max: 1, source: 'review: "a chemical potential gradient in the lithium-containing solutions drives lithium-ion diffusion into the bulk" — it fills vacant Li sites, self-limiting at stoichiometric LiMO2 (mechanisms/hydrothermal.ts)' }),
  hydroxideOrder: quantity('', { description: 'order of the rate in total hydroxide: factor ((c_LiOH + c_KOH)/4 M)^order', default: 1, min: 0, max: 3, source: 'assumption: rate ∝ OH⁻ concentration, justified by 0.1 M LiOH + 3.9 M KOH replacing 4 M LiOH (REFERENCE.md 4.1)' }),
  ...kineticParams(HYDROTHERMAL_RATE, 'mechanisms/hydrothermal.ts HYDROTHERMAL_RATE', HYDROTHERMAL_LOT_FACTORS, 'mechanisms/hydrothermal.ts HYDROTHERMAL_LOT_FACTORS'),
  treatedFamilies: treatedFamiliesParam(),
  liohMakeUp: described(z.enum(['LiOH·H2O', 'LiOH']).default('LiOH·H2O'), { description: 'form in which fresh LiOH is drawn', source: 'assumption: LiOH·H2O is the traded battery-grade form (REFERENCE.md 1.5)' }),
  autoclaveVolume: quantity('m3', { description: 'volume of one standard autoclave', default: '10 m3', min: 0.1, max: 35, source: 'assumption: standard 10 m³ agitated autoclave; cost correlation valid 0.1–35 m³ (Turton)' }),
  workingFill: quantity('', { description: 'working volume / vessel volume', default: 0.75, min: 0.15, max: 0.9, source: 'assumption: 75 %; SuperPro working-volume range 15–90 % (REFERENCE.md 4.3)' }),
  loadTime: quantity('h', { description: 'time to charge a batch', default: '0.5 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption: pumped slurry charge', HANDLING_H) }),
  unloadTime: quantity('h', { description: 'time to discharge a batch', default: '0.5 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption: pumped slurry discharge', HANDLING_H) }),
  heatingRate: quantity('K/h', { description: 'heat-up ramp of the charge', default: '90 K/h', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 1.5 K/min, jacket heat-transfer limited', RAMP_K_PER_H) }),
  coolingRate: quantity('K/h', { description: 'cool-down rate to the discharge temperature', default: '60 K/h', above: 0, max: RAMP_K_PER_H.max, source: withCeiling('assumption: 1 K/min with cooling water in the jacket', RAMP_K_PER_H) }),
  dischargeTemperature: quantity('K', { description: 'temperature at which the batch is discharged (outlet temperature)', default: '80 degC', min: 273.15, max: 373.15, displayUnit: 'degC', source: 'assumption: below the atmospheric boiling point for a safe open discharge; max 100 °C — a hotter aqueous batch is still under pressure and flashes when opened' }),
  vesselSteel: quantity('kg/m3', { description: 'steel of vessel, jacket and agitator per m³ of vessel volume (reheated every batch)', default: '650 kg/m3', min: 0, max: VESSEL_STEEL_KG_PER_M3.max, source: withCeiling('assumption: ASME thin-wall shell for 25 bar, 10 m³ (≈21 mm, 26 m² → 4.3 t) + 50 % jacket, heads and agitator', VESSEL_STEEL_KG_PER_M3) }),
  wallU: quantity('W/(m2 K)', { description: 'overall heat-loss coefficient of the insulated vessel wall', default: '0.6 W/(m2 K)', min: 0, max: WALL_U.max, source: withCeiling('assumption: 100 mm mineral wool (k ≈ 0.05–0.06 W/(m·K)) plus outer film', WALL_U) }),
  agitatorPower: quantity('kW/m3', { description: 'agitator power per m³ of vessel volume while hot', default: '0.5 kW/m3', min: 0, max: AGITATION_KW_PER_M3.max, source: withCeiling('assumption: solids suspension of a dense powder, 0.2–1 kW/m³ (agitation design practice)', AGITATION_KW_PER_M3) }),
  heatingUtility: described(z.enum(['steam', 'natural-gas', 'electricity']).default('steam'), { description: 'utility heating the jacket', source: 'assumption: high-pressure steam jacket' }),
  heatingEfficiency: fraction({ description: 'fraction of the utility heat that reaches the charge and vessel', default: 0.85, above: 0, source: 'assumption: jacket and distribution losses ≈ 15 %' }),
  designPressureMargin: fraction({ description: 'design pressure margin over the operating gauge pressure', default: 0.1, source: 'assumption: 10 % over operating pressure (common pressure-vessel practice)' }),
  materialFactor: quantity('', { description: 'material-of-construction cost factor of the autoclave', default: 1.7, min: 1, max: MATERIAL_FACTOR.max, source: withCeiling('assumption: stainless-clad vessel against hot caustic, Turton Table A.3 F_M = 1.7 [MEMORY]', MATERIAL_FACTOR) }),
};

/** Load check of the solid:liquid ratio (catalogue message). */
export function checkSolidLiquidRatio(p: { solidLiquidRatio: number }, ctx: z.RefinementCtx): void {
  const sl = p.solidLiquidRatio;
  if (typeof sl === 'number' && (sl < SOLID_LIQUID_RANGE.min || sl > SOLID_LIQUID_RANGE.max)) {
    ctx.addIssue({ code: 'custom', path: ['solidLiquidRatio'], message: msg.solidLiquidRatioOutOfRange(sl, SOLID_LIQUID_RANGE.min, SOLID_LIQUID_RANGE.max) });
  }
}

const params = z.strictObject(hydrothermalShape).superRefine(checkSolidLiquidRatio);

/** Parsed parameters of the hydrothermal model. */
export type HydrothermalParams = z.output<typeof params>;
type Params = HydrothermalParams;

/** Ports of the hydrothermal (and redox-mediated) unit. */
export const HYDROTHERMAL_PORTS: Ports = {
  inlets: [
    { name: 'feed', description: 'CAM lots and whatever components come along' },
    { name: 'recycle', description: 'recycled liquor (LiOH/KOH/H2O), e.g. from washing or liquor recovery', optional: true },
  ],
  outlets: [
    { name: 'solids', description: 'relithiated CAM with the liquor entrained in the wet cake' },
    { name: 'liquor', description: 'mother liquor: remaining LiOH/KOH/H2O' },
    { name: 'vent', description: 'O2 released by relithiation and any other gas' },
  ],
};


/** What the lithium-limited warning says holds too little, and what to do. */
const LITHIUM_LIMITED_TEXT = { holds: 'the charge holds', fix: 'raise the LiOH concentration or lower the solid:liquid ratio' };

/** Saturated water density at 25 °C, kg/m³ (once: every run divides it by the density hot). */
const WATER_DENSITY_AMBIENT = saturatedWaterDensity(AMBIENT_K);

/** Per-lot scratch of a run: the Li/TM each lot reaches, its TM kmol/h. */
const R_TARGET = new LotScratch();
const N_TM = new LotScratch();
export const relithiationHydrothermal = defineUnitOp({
  kind: 'relithiation-hydrothermal',
  summary: 'batch autoclave relithiation in LiOH/KOH solution: per-lot Arrhenius approach to Li/TM 1, liquor recycle, pressure and batch energy',
  params,
  ports: () => HYDROTHERMAL_PORTS,
  run: (p: Params, inlets, ctx) => runHydrothermal(p, inlets, ctx, 1),
  design: (p: Params, _inlets, run, ctx) => designHydrothermal(p, run, 'autoclave', ctx),
});

/**
 * Each lot's TM kmol/h (into `nTm`) and the Li/TM it reaches in the liquor (into `rTarget`; its own
 * for families not treated), at the route's rate × the hydroxide and mediator factors. Returns the treated CAM, kg/h. A
 * function of its own so that optimized code has the inlining budget for the per-lot helpers
 * (inlined into the whole run, their doubles were allocated per lot).
 */
function lotTargets(p: Params, charge: RowStream, cursor: LotCursor, kin: { k_per_h: number; factors: LotRateFactors }, ohFactor: number, mediatorFactor: number, rTarget: Float64Array, nTm: Float64Array): number {
  let treatedCam = 0;
  for (let i = 0; i < charge.n; i++) {
    const lot = cursor.at(i);
    nTm[i] = tmKmolPerHour(lot);
    if (!p.treatedFamilies.includes(lot.chemistry.family)) { rTarget[i] = lot.liPerTm; continue; }
    treatedCam += lot.massKgPerHour;
    rTarget[i] = solutionLiPerTm(lot, p.rEq, lotRate(kin.k_per_h, kin.factors, lot) * ohFactor * mediatorFactor, p.duration);
  }
  return treatedCam;
}

/**
 * What a charge gives, whatever the energy: the outlets, the diagnostics of the lots' uptake and
 * the figures the metrics read. Kept per parsed parameters for the next run (sameCharge).
 */
interface ChargeOutcome {
  /** The parameters, the inlet whose lots were charged and the unit. */
  p: Params;
  feed: Stream;
  unitId: string;
  mediatorFactor: number;
  /** The charge as made up (`c` before the reaction). */
  charged: ComponentCopy;
  solids: Stream;
  liquor: Stream;
  vent: Stream;
  diagnostics: Diagnostic[];
  hydroxideMolarity: number;
  ohFactor: number;
  k_per_h: number;
  treatedCam: number;
  xi: number;
  o2: number;
  rMin: number;
  rMax: number;
}

/**
 * The last charge's outcome. Made once per charge: the recycle loop runs the autoclave twice per
 * Monte Carlo sample (outlets only, then in full), and the recycled liquor only replaces make-up,
 * so the second charge is the first number for number — its lots, liquor and outlets the same. The
 * outlets are shared by both runs (streams are not changed once made), which the solver then meets
 * as the same streams. One slot, not a map by parameters: a sample's parameters are a new copy
 * (a new key each sample is a weak map's slowest path), and an outcome is reused only for the same
 * parameters object (a parse is not changed) and feed object (an inlet is not changed once a unit
 * has run) with an equal charge, so a stale one is never returned; it keeps one run's outlets alive.
 */
let lastCharge: ChargeOutcome | undefined;

/** The kept outcome of a charge equal to this one (same feed object, no recycled lots, same made-up components in the same order), else undefined. */
function sameCharge(p: Params, feed: Stream, rec: Stream, c: Record<string, number>, unitId: string, mediatorFactor: number): ChargeOutcome | undefined {
  const o = lastCharge;
  if (o === undefined || o.p !== p || o.feed !== feed || rec.lots.length !== 0 || o.unitId !== unitId || !Object.is(o.mediatorFactor, mediatorFactor)) return undefined;
  return o.charged.sameAs(c) ? o : undefined;
}

/**
 * The charge `c` (as made up; changed here by the reaction) of `charge`'s lots relithiated and
 * discharged: the outlets and what the metrics read. Kept for the next run of the same parameters
 * when no recycled lots joined the charge.
 */
function chargeOutcome(p: Params, feed: Stream, rec: Stream, charge: RowStream, c: Record<string, number>, chargeLiquorKg: number, rho: number, unitId: string, mediatorFactor: number): ChargeOutcome {
  const charged = new ComponentCopy(c);
  // ---- lots: solution relithiation (mechanisms/hydrothermal.ts), self-limiting at Li/TM 1
  // hydroxide molarity of the charge as made up (lower than set when the recycle brings excess water)
  const chargeLitres = (chargeLiquorKg / rho) * 1000;
  const hydroxideMolarity = chargeLitres > 0 ? ((((c.LiOH ?? 0) / MW.LiOH) + ((c.KOH ?? 0) / MW.KOH)) * 1000) / chargeLitres : p.lioh + p.koh;
  const ohFactor = hydroxideFactor(hydroxideMolarity, p.hydroxideOrder);
  const kin = routeKinetics(p, p.temperature);
  const n = charge.n;
  // The charge's lots read through a cursor (row-stream.ts): no lot object per lot.
  const cursor = new LotCursor(charge);
  // Per-lot scratch in typed arrays: outside the young generation, no elements-kind transition.
  const rTarget = R_TARGET.take(n);
  const nTm = N_TM.take(n);
  const treatedCam = lotTargets(p, charge, cursor, kin, ohFactor, mediatorFactor, rTarget, nTm);
  const diagnostics: Diagnostic[] = [];
  const tOut = p.dischargeTemperature;
  const rel = relithiateRows(charge, cursor, rTarget, nTm, tOut, { liAvailKmol: (c.LiOH ?? 0) / MW.LiOH, where: unitId, text: LITHIUM_LIMITED_TEXT, diagnostics });
  const { solids, xi, lotsOutKg } = rel;
  // Li_r MO2 + (1−r) LiOH → LiMO2 + (1−r)/2 H2O + (1−r)/4 O2, extent xi kmol Li/h
  c.LiOH = (c.LiOH ?? 0) - xi * MW.LiOH;
  const waterKg = (xi / 2) * MW.H2O;
  if (waterKg !== 0) c.H2O = (c.H2O ?? 0) + waterKg;
  const o2 = (xi / 4) * MW.O2;

  // ---- outlets: gases to vent; liquor split between cake and mother liquor
  const liquor = emptyStream(tOut);
  const vent = emptyStream(tOut);
  if (o2 !== 0) vent.components.O2 = (vent.components.O2 ?? 0) + o2;
  dischargeWetBatch(c, isLiquor, { solids, liquor, vent }, lotsOutKg, p.entrainedLiquor, rho);
  const o: ChargeOutcome = {
    p, feed, unitId, mediatorFactor, charged,
    solids: pruned(solids), liquor: pruned(liquor), vent: pruned(vent),
    diagnostics, hydroxideMolarity, ohFactor, k_per_h: kin.k_per_h, treatedCam, xi, o2, rMin: rel.rMin, rMax: rel.rMax,
  };
  lastCharge = rec.lots.length === 0 ? o : undefined;
  return o;
}

/** A run's outlet record of a charge's outcome (a record of its own per run: its streams are shared). */
function outletsOf(o: ChargeOutcome): Record<string, Stream> {
  return { solids: o.solids, liquor: o.liquor, vent: o.vent };
}

/**
 * The hydrothermal model; `mediatorFactor` multiplies every lot's rate (1 without a redox mediator).
 */
export function runHydrothermal(p: Params, inlets: Record<string, Stream>, ctx: RunContext, mediatorFactor: number): UnitRun {
  const { feed, rec, feedC, recC } = batchComponents(inlets, ctx.ambientK);
  // The charge's lots as rows (row-stream.ts): no lot object per lot.
  const charge = chargeRows(feed, rec);
  let cam = 0;
  for (let li = 0; li < charge.n; li++) cam += charge.mass[li]!;

  // ---- the charge: liquor at the set concentrations, recycle first, then feed, then make-up
  const liquorLPerH = cam / p.solidLiquidRatio;
  const rho = hydroxideLiquorDensity(p.lioh, p.koh);
  const dLiOH = (liquorLPerH * p.lioh * MW.LiOH) / 1000;
  const dKOH = (liquorLPerH * p.koh * MW.KOH) / 1000;
  const dH2O = Math.max(0, (liquorLPerH * rho) / 1000 - dLiOH - dKOH);
  const draws: Record<string, number> = {};
  const recycled: Record<string, number> = {};
  const mkLiOH = supply('LiOH', dLiOH, recC.LiOH ?? 0, feedC.LiOH ?? 0, recycled);
  const mkKOH = supply('KOH', dKOH, recC.KOH ?? 0, feedC.KOH ?? 0, recycled);
  const hydrateWater = drawLiOH(mkLiOH, p.liohMakeUp, draws);
  if (mkKOH > 0) draws.KOH = mkKOH;
  const mkH2O = supply('H2O', dH2O, recC.H2O ?? 0, (feedC.H2O ?? 0) + hydrateWater, recycled);
  if (mkH2O > 0) draws.H2O = mkH2O;

  const c = copyFlows(feedC);
  for (const k in recC) add(c, k, recC[k]!);
  // Entries of a fixed name are added where they are made (addKg written out: `if (kg !== 0) rec.X = (rec.X ?? 0) + kg`):
  // addKg's keyed store, shared by every caller, is megamorphic; a named one at its own site is not (issue 19).
  if (mkLiOH !== 0) c.LiOH = (c.LiOH ?? 0) + mkLiOH;
  if (mkKOH !== 0) c.KOH = (c.KOH ?? 0) + mkKOH;
  const waterKg = mkH2O + hydrateWater;
  if (waterKg !== 0) c.H2O = (c.H2O ?? 0) + waterKg;

  // A loop's first pass reads the outlets only (contract.ts outletsOnly): no heat capacities then.
  const lean = outletsOnly();
  let hcLiquor = 0;
  let chargeLiquorKg = 0;
  for (const id in c) {
    if (!isLiquor(id) || isGas(id)) continue;
    if (!lean) hcLiquor += (c[id]! * (component(id).cp_J_per_kgK ?? 1000)) / 3600;
    chargeLiquorKg += c[id]!;
  }
  // Before the reaction changes `c`: the charge as made up.
  const hcCharge = lean ? 0 : heatCapacityFlowOf(c, charge);

  // The lots relithiated and the batch discharged: as the last run's when the charge is the same.
  const out = sameCharge(p, feed, rec, c, ctx.unitId, mediatorFactor) ?? chargeOutcome(p, feed, rec, charge, c, chargeLiquorKg, rho, ctx.unitId, mediatorFactor);
  const diagnostics = out.diagnostics.length === 0 ? [] : out.diagnostics.slice();
  const { xi, o2 } = out;
  const tOut = p.dischargeTemperature;
  if (lean) return { outlets: outletsOf(out), draws, recycled, energy: OUTLETS_ONLY_ENERGY, diagnostics };

  // ---- batches and energy
  const chargeK = chargeTemperature(feed, rec, draws, ctx.ambientK);
  const liquorM3PerH = chargeLiquorKg / rho;
  // the working volume is taken hot: the liquor expands like water (ρ_w(25 °C) / ρ_w(T))
  const expansion = WATER_DENSITY_AMBIENT / saturatedWaterDensity(p.temperature);
  const volumePerKgCam = cam > 0 ? (liquorM3PerH * expansion) / cam + 1 / CAM_DENSITY_KG_PER_M3 : 1;
  const plan = planBatch({
    camKgPerHour: cam, volume_m3: p.autoclaveVolume, fill: p.workingFill, volumePerKgCam_m3: volumePerKgCam,
    fromK: chargeK, toK: p.temperature, rampKPerH: p.heatingRate, dwellH: p.duration, coolKPerH: p.coolingRate,
    dischargeK: tOut, loadH: p.loadTime, unloadH: p.unloadTime,
  });
  const eta = p.heatingEfficiency;
  const util = p.heatingUtility;
  const dT = Math.max(0, p.temperature - chargeK);
  const ledger = new EnergyLedger(ctx.describe !== false);
  ledger.heat('sensible heat of the liquor', 'sensible', (hcLiquor * dT) / 1000, { utility: util, efficiency: eta, basis: ledger.describe ? `${(hcLiquor * 3.6).toPrecision(4)} kJ/(K·h) × ${dT.toFixed(1)} K to ${(p.temperature - 273.15).toFixed(0)} °C (reaction heat unknown, neglected)` : '' });
  ledger.heat('sensible heat of the solids', 'sensible', ((hcCharge - hcLiquor) * dT) / 1000, { utility: util, efficiency: eta, basis: ledger.describe ? `${((hcCharge - hcLiquor) * 3.6).toPrecision(4)} kJ/(K·h) × ${dT.toFixed(1)} K` : '' });
  batchVesselEnergy(ledger, { name: 'autoclave', volume_m3: p.autoclaveVolume, steel_kg_per_m3: p.vesselSteel, wallU: p.wallU, agitator_kW_per_m3: p.agitatorPower, agitatedH: plan.heatH + plan.dwellH + plan.coolH, agitatedText: 'heat, dwell and cool', tK: p.temperature, dischargeK: tOut, ambientK: ctx.ambientK, utility: util, efficiency: eta }, plan);

  const energy = ledger.build();
  if (ctx.describe === false) return { outlets: outletsOf(out), draws, recycled, energy, metrics: designMetrics(cam, plan), diagnostics };
  const pSat = saturationPressurePa(p.temperature);
  const perKg = cam > 0 ? 1 / cam : 0;
  const metrics: Record<string, number> = {
    pressure_Pa: pSat,
    designPressure_Pa: designPressurePa(p),
    liquorVolume_L_per_batch: liquorM3PerH * 1000 * (cam > 0 ? plan.camPerBatchKg / cam : 0),
    liquorVolume_L_per_h: liquorM3PerH * 1000,
    liquorDensity_kg_per_m3: rho,
    liquorThermalExpansion: expansion,
    // batchMetrics(plan, cam), its keys in its order, written out: the record made at once, not a
    // second one made and spread into it on every run.
    camKgPerHour: cam,
    camPerBatch_kg: plan.camPerBatchKg,
    batchesPerHour: plan.batchesPerHour,
    cycleLoad_h: plan.loadH,
    cycleHeat_h: plan.heatH,
    cycleDwell_h: plan.dwellH,
    cycleCool_h: plan.coolH,
    cycleUnload_h: plan.unloadH,
    cycleTime_h: cycleHours(plan),
    chargeTemperature_K: chargeK,
    rateConstant_per_h: out.k_per_h,
    hydroxideFactor: out.ohFactor,
    mediatorFactor,
    hydroxideMolarity_mol_per_L: out.hydroxideMolarity,
    treatedCam_kg_per_h: out.treatedCam,
    lithiumInserted_kmol_per_h: xi,
    LiOH_consumed_kg_per_kg_cam: xi * MW.LiOH * perKg,
    O2_released_kg_per_kg_cam: o2 * perKg,
  };
  reagentMetrics(metrics, draws, recycled, cam, out);
  return {
    outlets: outletsOf(out),
    draws,
    recycled,
    energy,
    metrics,
    diagnostics,
  };
}

/**
 * The metrics of a run that does not describe (a Monte Carlo sample): only those its design reads
 * (batchCycle, batchVesselEquipment), with the values the full record gives them. Only reports read
 * the others (the run document, the workbook, the diagram), and a sample made every one of them —
 * two saturation pressures and a metric per reagent among them — on every run (issue 19).
 */
function designMetrics(cam: number, plan: BatchPlan): Record<string, number> {
  return {
    camKgPerHour: cam,
    camPerBatch_kg: plan.camPerBatchKg,
    cycleLoad_h: plan.loadH,
    cycleHeat_h: plan.heatH,
    cycleCool_h: plan.coolH,
    cycleUnload_h: plan.unloadH,
  };
}

/** Design of the hydrothermal (or redox-mediated) batch vessel. */
export function designHydrothermal(p: Params, run: UnitRun, vessel: string, ctx: RunContext): UnitDesign {
  const m = run.metrics ?? {};
  const cycle = batchCycle(m, p);
  const total = cycle.loadH + cycle.heatH + cycle.dwellH + cycle.coolH + cycle.unloadH;
  const pGaugeBar = Math.max(0, designPressurePa(p) - 101325) / 1e5;
  const fP = vesselPressureFactor(pGaugeBar, cylinderDiameterM(p.autoclaveVolume));
  return {
    mode: 'batch',
    residenceTimeH: total,
    cycle,
    equipment: [batchVesselEquipment({
      name: vessel,
      description: reportText(ctx, () => `agitated ${vessel} ${p.autoclaveVolume} m³, ${pGaugeBar.toFixed(1)} barg design (pressure factor ${fP.toFixed(2)} × material ${p.materialFactor})`),
      volume_m3: p.autoclaveVolume,
      minSize: Math.min(1, p.autoclaveVolume),
      metrics: m,
      cycle,
      agitator_kW_per_m3: p.agitatorPower,
      cost: costOf('jacketedAgitatedReactor', { materialFactor: fP * p.materialFactor }),
    })],
    operatorsPerShift: 1,
  };
}

/** Design pressure (absolute), Pa: saturation pressure with the gauge margin. */
function designPressurePa(p: Params): number {
  const pSat = saturationPressurePa(p.temperature);
  return 101325 + Math.max(0, pSat - 101325) * (1 + p.designPressureMargin);
}
