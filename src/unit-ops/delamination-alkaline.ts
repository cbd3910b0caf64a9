/**
 * `delamination-alkaline`: cathode scrap stirred in dilute NaOH (or water) at moderate temperature.
 * Either the Al foil is kept (the binder loosens and the coating falls off; foil screened off) or
 * dissolved (foil: dissolve):
 *   2 Al + 2 NaOH + 6 H2O → 2 NaAl(OH)4 + 3 H2        (alDissolution of the Al; H2 → `vent`)
 * NaOH charged = naohConcentration × solution volume; solution volume = liquidToSolid × feed mass,
 * water mass ≈ solution volume × 1 kg/L (assumption: dilute solution). A dissolution short of NaOH
 * or water is limited, with a warning. PVDF does not dissolve (it leaves with the CAM); carbons
 * and other solids follow the CAM; soluble salts (LiPF6, Li salts, hydroxides) dissolve into the
 * liquor; Cu and Fe pieces stay with the foil. The CAM cake carries cakeLiquorRatio kg of liquor per
 * kg of cake solids; the rest of the liquor leaves as `liquor`.
 * Energy: sensible heat of scrap (feed temperature → bath) and fresh solution (ambient → bath), the
 * vessel steel reheated every batch, less a share reactionHeatCredit of the dissolution heat
 * (ΔH = −415 kJ/mol Al from ΔfH° Al(OH)4⁻(aq) −1502.5, OH⁻(aq) −230.0, H2O(l) −285.83 kJ/mol, NBS
 * tables [MEMORY]), divided by the heater efficiency; wall losses; agitators; pumps.
 * Design: batch jacketed stirred tanks, a foil screen, a filter press for the CAM.
 */
import { z } from 'zod';
import { defineUnitOp, type Diagnostic } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { emptyStream, streamMass, type Stream, lotsMass, lotsCpFlow_kW_per_K } from '../streams/stream.js';
import { rowsLike } from '../streams/row-stream.js';
import { EnergyLedger, basisText } from './correlations/energy.js';
import {
  addKg, bathParams, bathVessel, camFilter, componentsCpKwPerK, cpOf, defaultFate, entrain, foilScreen, planBath, pumpKw, slurryVolumePerKg, splitLots, yieldParams, camToCamShare, metalCarryOver, WATER_SOLUBLE,
} from './correlations/preparation.js';
import { CAKE_LIQUOR_KG_PER_KG, LIQUID_PER_SOLID, withCeiling } from './correlations/limits.js';

const MW = (id: string) => component(id).molarMass_g_per_mol;
const WATER_BP_K = 373.15;
/** Heat released by Al + OH⁻ + 3 H2O → Al(OH)4⁻ + 1.5 H2, kJ per kmol Al (NBS tables [MEMORY]). */
const AL_DISSOLUTION_KJ_PER_KMOL = 415.0e3;

const params = z
  .strictObject({
    ...bathParams({
      temperature: '60 degC',
      temperatureSource: 'assumption: 40–80 °C is used for alkaline/water delamination; aqueous anode delamination reached 100 % at 80 °C (Recycling 10 (2025) 189, REFERENCE.md 1.4); below 100 °C, where the open bath boils',
      temperatureLimit: { below: WATER_BP_K },
      duration: '1 h',
      durationSource: 'assumption: 1 h stirring (a 15 µm Al foil dissolves within minutes in 1 M NaOH at 60 °C)',
    }),
    foil: described(z.enum(['dissolve', 'keep']).default('dissolve'), {
      description: 'dissolve the Al foil in the NaOH (→ NaAl(OH)4 + H2) or keep it (binder loosened, foil screened off)',
      source: 'assumption: alkaline delamination usually dissolves the foil; keep with water or very dilute NaOH',
    }),
    naohConcentration: quantity('mol/L', { description: 'NaOH concentration of the fresh solution (0 = water)', default: '1 mol/L', min: 0, max: 19, source: 'assumption: ≈4 wt % NaOH, enough for the foil at liquidToSolid 10 L/kg (10 mol vs ≈2 mol Al per kg scrap); max 19 mol/L ≈ 50 wt %, the solubility of NaOH near 20 °C [MEMORY]' }),
    liquidToSolid: quantity('L/kg', { description: 'solution volume per kg of feed', default: '10 L/kg', above: 0, max: LIQUID_PER_SOLID.max, source: withCeiling('assumption: 10 mL/g, a typical laboratory liquid:solid ratio', LIQUID_PER_SOLID) }),
    alDissolution: fraction({ description: 'fraction of the Al dissolved (foil: dissolve)', default: 0.99, source: 'assumption: near-complete dissolution of thin foil in excess NaOH' }),
    cakeLiquorRatio: quantity('', { description: 'liquor carried by the CAM cake, kg per kg of cake solids', default: 0.3, min: 0, max: CAKE_LIQUOR_KG_PER_KG.max, source: withCeiling('assumption: filter cake ≈23 % moisture', CAKE_LIQUOR_KG_PER_KG) }),
    reactionHeatCredit: fraction({ description: 'share of the Al dissolution heat credited against the heating duty', default: 1, source: 'assumption: the heat is released in the liquor and stays in the batch' }),
    ...yieldParams({ camRecovery: 0.97, alCarryOver: 0.01, alWhy: 'kept foil stays whole in a stirred bath; 1 % (of the undissolved Al) passes the screen as fragments' }),
  })
  .superRefine((p, ctx) => {
    if (p.temperature >= WATER_BP_K) ctx.addIssue({ code: 'custom', path: ['temperature'], message: msg.aboveBoilingPoint('alkaline bath temperature', p.temperature - 273.15, WATER_BP_K - 273.15) });
  });

type P = z.output<typeof params>;

function solution(p: P, feedKg: number) {
  const litres = p.liquidToSolid * feedKg;
  return { waterKg: litres, naohKmol: (p.naohConcentration * litres) / 1000 };
}

export const delaminationAlkaline = defineUnitOp({
  kind: 'delamination-alkaline',
  summary: 'dilute NaOH (or water) bath: binder loosened with the foil kept, or the Al foil dissolved to NaAl(OH)4 + H2',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'cathode scrap: CAM lots, carbon black, PVDF, Al foil (maybe electrolyte, moisture)' }],
    outlets: [
      { name: 'cam', description: 'CAM lots with carbon, binder, Al fragments and entrained liquor' },
      { name: 'foil', description: 'undissolved foil (kept foil) and the CAM lost with it' },
      { name: 'vent', description: 'hydrogen from Al dissolution (emissions)' },
      { name: 'liquor', description: 'spent solution: water, NaOH, NaAl(OH)4, dissolved salts' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const c = feed.components;
    const toCam = camToCamShare(p.camRecovery, c, lotsMass(feed));
    const feedKg = streamMass(feed);
    const T = p.temperature;
    const sol = solution(p, feedKg);
    const draws: Record<string, number> = {};
    if (sol.waterKg > 0) draws.H2O = sol.waterKg;
    if (sol.naohKmol > 0) draws.NaOH = sol.naohKmol * MW('NaOH');
    const cam = rowsLike(feed, T);
    const foil = rowsLike(feed, T);
    const vent: Stream = emptyStream(T);
    const liquor: Record<string, number> = {};
    addKg(liquor, 'H2O', sol.waterKg);
    addKg(liquor, 'NaOH', sol.naohKmol * MW('NaOH'));
    const diagnostics: Diagnostic[] = [];
    let alLeft = c.Al ?? 0;
    let dissolvedKmol = 0;
    for (const id in c) {
      if (id === 'Al') continue;
      const kg = c[id]!;
      if (WATER_SOLUBLE.has(id)) { addKg(liquor, id, kg); continue; }
      const fate = defaultFate(id);
      if (fate === 'foil-metal') {
        const carry = metalCarryOver(p, id, ctx.feedBasis);
        addKg(cam.components, id, kg * carry);
        addKg(foil.components, id, kg - kg * carry);
      } else if (fate === 'fines') {
        addKg(cam.components, id, kg * toCam);
        addKg(foil.components, id, kg - kg * toCam);
      } else if (fate === 'gas') addKg(vent.components, id, kg);
      else addKg(liquor, id, kg);
    }
    if (p.foil === 'dissolve' && alLeft > 0) {
      const wanted = (p.alDissolution * alLeft) / MW('Al');
      const limit = Math.min((liquor.NaOH ?? 0) / MW('NaOH'), (liquor.H2O ?? 0) / MW('H2O') / 3);
      dissolvedKmol = Math.min(wanted, limit);
      if (dissolvedKmol < wanted) diagnostics.push({ code: 'naoh-limited', severity: 'warning', where: ctx.unitId, message: msg.naohLimited((dissolvedKmol * MW('Al')).toPrecision(4), (wanted * MW('Al')).toPrecision(4)) });
      liquor.NaOH = (liquor.NaOH ?? 0) - dissolvedKmol * MW('NaOH');
      liquor.H2O = (liquor.H2O ?? 0) - 3 * dissolvedKmol * MW('H2O');
      addKg(liquor, 'NaAl(OH)4', dissolvedKmol * MW('NaAl(OH)4'));
      addKg(vent.components, 'H2', 1.5 * dissolvedKmol * MW('H2'));
      alLeft -= dissolvedKmol * MW('Al');
    }
    if (alLeft !== 0) {
      const carry = metalCarryOver(p, 'Al', ctx.feedBasis);
      addKg(cam.components, 'Al', alLeft * carry);
      addKg(foil.components, 'Al', alLeft - alLeft * carry);
    }
    splitLots(feed, toCam, cam, foil);
    let cakeSolids = lotsMass(cam);
    for (const id in cam.components) cakeSolids += cam.components[id]!;
    entrain(liquor, cam.components, p.cakeLiquorRatio * cakeSolids);
    const liquorStream: Stream = emptyStream(T);
    for (const id in liquor) if (liquor[id] !== 0) liquorStream.components[id] = liquor[id]!;

    // energy
    const scrapCp = componentsCpKwPerK(c) + lotsCpFlow_kW_per_K(feed);
    const dScrap = Math.max(0, T - feed.temperatureK);
    const dSol = Math.max(0, T - ctx.ambientK);
    const solKg = sol.waterKg + sol.naohKmol * MW('NaOH');
    const solCp = (sol.waterKg * cpOf('H2O') + sol.naohKmol * MW('NaOH') * cpOf('NaOH')) / 3.6e6;
    const b = planBath(p, feedKg, slurryVolumePerKg(c, lotsMass(feed), feedKg, solKg, 1000), feed.temperatureK, ctx.ambientK);
    const items = [
      { name: 'sensible heat of the scrap to bath temperature', kw: scrapCp * dScrap, basis: () => `${scrapCp.toPrecision(4)} kW/K × ${dScrap.toFixed(2)} K` },
      { name: 'sensible heat of the fresh solution', kw: solCp * dSol, basis: () => `${solKg.toPrecision(4)} kg/h solution, ${solCp.toPrecision(4)} kW/K × ${dSol.toFixed(2)} K` },
      { name: 'vessel steel reheated every batch', kw: b.vesselHeatKw, basis: () => `${b.volumeM3.toPrecision(4)} m³ × ${p.vesselMass} kg/m³ × 500 J/(kg·K) × ${dScrap.toFixed(2)} K per ${b.cycleH.toFixed(3)} h cycle` },
    ];
    const needed = items.reduce((a, i) => a + i.kw, 0);
    const exoKw = (dissolvedKmol * AL_DISSOLUTION_KJ_PER_KMOL) / 3600;
    const credit = Math.min(needed, p.reactionHeatCredit * exoKw);
    const scale = needed > 0 ? 1 - credit / needed : 1;
    const ledger = new EnergyLedger(ctx.describe !== false);
    for (const i of items) ledger.heat(i.name, 'sensible', i.kw * scale, { utility: p.heating, efficiency: p.heaterEfficiency, basis: scale < 1 ? () => `${basisText(i.basis)}; × ${scale.toFixed(4)} (Al dissolution heat ${exoKw.toPrecision(4)} kW credited)` : i.basis });
    ledger
      .loss('vessel wall losses while hot', b.wallLossKw, p.heating, () => `${p.wallU} W/(m²·K) × ${b.surfaceM2.toPrecision(4)} m² × ${(T - ctx.ambientK).toFixed(2)} K × hot fraction ${b.hotFraction.toFixed(3)}`)
      .motor('agitators', b.agitatorKw, () => `${p.agitatorPower} kW/m³ × ${b.volumeM3.toPrecision(4)} m³ × stirred fraction of the cycle`)
      .motor('solution pumps', pumpKw(solKg / 1000), () => `${(solKg / 1000).toPrecision(4)} m³/h × 2 bar / 0.6`);
    return {
      outlets: { cam, foil, vent, liquor: liquorStream },
      draws,
      recycled: {},
      energy: ledger.build(),
      metrics: { alDissolved_kg_per_h: dissolvedKmol * MW('Al'), hydrogen_kg_per_h: vent.components.H2 ?? 0, dissolutionHeat_kW: exoKw, camToFoil_kg_per_h: lotsMass(foil) },
      diagnostics,
    };
  },
  design: (p, inlets, _run, ctx) => {
    const feed = inlets.feed!;
    const feedKg = streamMass(feed);
    const sol = solution(p, feedKg);
    const solKg = sol.waterKg + sol.naohKmol * MW('NaOH');
    const b = planBath(p, feedKg, slurryVolumePerKg(feed.components, lotsMass(feed), feedKg, solKg, 1000), feed.temperatureK, ctx.ambientK);
    return {
      mode: 'batch',
      residenceTimeH: p.duration,
      cycle: b.cycle,
      equipment: [
        bathVessel('alkaline delamination tank', 'jacketed stirred tank: scrap in dilute NaOH', p, b, feedKg),
        foilScreen(feedKg),
        camFilter(lotsMass(feed) * camToCamShare(p.camRecovery, feed.components, lotsMass(feed))),
      ],
      operatorsPerShift: 1,
    };
  },
});
