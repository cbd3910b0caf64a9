/**
 * `liquor-recovery`: concentrates a spent liquor or wash water (dissolved LiOH, KOH, LiNO3, salts)
 * by evaporation so the salts can be recycled to a relithiation unit; a bleed purges a fraction to
 * waste to bound impurity build-up in the recycle loop.
 *
 * Mass: bleed (bleedPoint: feed) = bleed × feed, before the evaporator; otherwise (concentrate)
 * bleed × concentrate. Evaporated water E = waterRemoval × water, or, with targetConcentration c of
 * `solute`, E = water − n_solute / c (volume ≈ water volume at 1 kg/L, i.e. molal ≈ molar: for 4 mol/kg
 * LiOH the solution is 1.0958 kg at 1.0926 g/cm³ = 1.003 L, REFERENCE.md 1.6). Volatile species
 * (gases, NH3) leave with the condensate; lots (suspended fines) and all other species stay in the
 * concentrate. `recovered` = concentrate − bleed; `condensate` = E + volatiles.
 * Energy: feed preheat to the boiling temperature, less heatRecovery (condensate/feed exchanger),
 * ÷ heaterEfficiency (steam); evaporation:
 *   multiple-effect: steam = ΔHvap·E / steamEconomy; the physical minimum is ΔHvap·E / effects (an
 *     ideal N-effect train) and steamEconomy / effects ≤ 1 is the train's efficiency
 *   mvr: compressor electricity = mvrSpecificEnergy × E (the latent heat is recycled by the heat
 *     pump; it is reported in the metrics with the resulting COP) — no latent steam.
 * Boiling-point elevation is neglected (assumption). Design: continuous vertical-tube evaporator
 * sized by heat-transfer area (evaporatorFlux); an MVR compressor sized by its power.
 */
import { z } from 'zod';
import { defineUnitOp, outletsOnly, OUTLETS_ONLY_ENERGY, type Diagnostic, type EquipmentSpec } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component, resolveComponentId, COMPONENT_IDS } from '../chemistry/components.js';
import { emptyStream, scaleStream, streamMass, type Stream, lotListCpFlow_kW_per_K } from '../streams/stream.js';
import { lotWithMass } from '../streams/lot.js';
import { EnergyLedger, evaporationKw, itemNames } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { componentsCpKwPerK, pumpKw } from './correlations/preparation.js';

/** The evaporation item's name per number of effects, made once (every sample recovers liquor). */
const EVAPORATION_IN = itemNames('evaporation in ', ' effect(s)');

/** Default fraction of the water evaporated when no target concentration is given. */
const DEFAULT_WATER_REMOVAL = 0.75;

/** Species that leave with the condensate besides water. */
const VOLATILE_AQUEOUS: ReadonlySet<string> = new Set(['NH3']);

const params = z
  .strictObject({
    waterRemoval: described(fraction({ description: 'fraction of the water evaporated' }).optional(), {
      description: 'fraction of the water evaporated (default 0.75; not with targetConcentration)', unit: '', defaultText: String(DEFAULT_WATER_REMOVAL),
      source: 'assumption: concentrates a wash water four-fold',
    }),
    targetConcentration: described(quantity('mol/L', { description: 'concentration of `solute` to reach', above: 0, max: 30 }).optional(), {
      description: 'concentration of `solute` to reach in the recovered liquor (replaces waterRemoval)', unit: 'mol/L',
      source: 'flowsheet author (e.g. "4 mol/L" LiOH for hydrothermal relithiation, review Table 1)',
    }),
    solute: described(z.string().default('LiOH'), { description: 'component whose concentration targetConcentration sets', source: 'assumption: LiOH, the hydrothermal relithiation reagent' }),
    bleed: fraction({ description: 'fraction purged to waste (`bleed`)', default: 0.05, source: 'assumption: a 5 % purge bounds an impurity entering once per pass at 20× its per-pass input' }),
    bleedPoint: described(z.enum(['concentrate', 'feed']).default('concentrate'), { description: 'purge taken from the concentrate (smaller waste volume) or from the feed (less evaporation)', source: 'assumption: purge of the concentrated mother liquor' }),
    recoveredAs: described(z.enum(['liquor', 'salt']).default('liquor'), { description: 'what the recovered stream is for: a liquor that must stay dissolved (hydrothermal recycle: LiOH above its solubility is a warning) or a salt crystallised for a melt (molten-salt recycle: crystallising is the purpose)', source: 'flowsheet author' }),
    evaporator: described(z.enum(['multiple-effect', 'mvr']).default('multiple-effect'), { description: 'steam-heated multiple-effect evaporator or mechanical vapour recompression', source: 'assumption' }),
    effects: described(z.number().int().min(1).max(8).default(3), { description: 'number of effects (multiple-effect)', source: 'assumption: triple effect, common for salt solutions of a few t/h' }),
    steamEconomy: quantity('', { description: 'kg of water evaporated per kg of steam (multiple-effect)', default: 2.5, above: 0, max: 10, source: 'assumption: ≈0.8–0.85 × number of effects (rule of thumb for multiple-effect evaporators)' }),
    mvrSpecificEnergy: quantity('kWh/kg', { description: 'compressor electricity per kg of water evaporated (mvr)', default: '25 kWh/t', above: 0, max: 0.7, source: 'assumption: MVR evaporators use ≈15–35 kWh per tonne of water evaporated (no source in REFERENCE.md)' }),
    boilingTemperature: quantity('K', { description: 'boiling temperature in the (first) effect', default: '100 degC', above: 273.15, max: 473.15, displayUnit: 'degC', source: 'assumption: atmospheric first effect; boiling-point elevation neglected' }),
    heatRecovery: fraction({ description: 'share of the feed preheat supplied by the hot condensate in a feed/condensate exchanger', default: 0.7, source: 'assumption: plate exchanger, ≈10 K approach on a 75 K duty' }),
    heaterEfficiency: fraction({ description: 'fraction of the steam heat that reaches the liquor', default: 0.95, above: 0, source: 'assumption: 5 % distribution and trap losses' }),
    evaporatorFlux: quantity('kg/(h m2)', { description: 'water evaporated per m² of heat-transfer area', default: 25, above: 0, max: 1000, source: 'assumption: U ≈ 1.5 kW/(m²·K), ΔT ≈ 10 K per effect → ≈24 kg/(h·m²)' }),
  })
  .superRefine((p, ctx) => {
    if (p.waterRemoval !== undefined && p.targetConcentration !== undefined) ctx.addIssue({ code: 'custom', path: ['waterRemoval'], message: msg.evaporationTwoWays() });
    if (p.evaporator === 'multiple-effect' && p.steamEconomy > p.effects) ctx.addIssue({ code: 'custom', path: ['steamEconomy'], message: msg.steamEconomyAboveEffects(p.steamEconomy, p.effects) });
    if (!resolveComponentId(p.solute)) ctx.addIssue({ code: 'custom', path: ['solute'], message: msg.unknownComponent(p.solute, COMPONENT_IDS) });
  })
  .transform((p) => ({ ...p, waterRemoval: p.waterRemoval ?? DEFAULT_WATER_REMOVAL, solute: resolveComponentId(p.solute) ?? p.solute }));

function isVolatile(id: string): boolean {
  return id === 'H2O' || id === 'H2O(g)' || component(id).phase === 'gas' || VOLATILE_AQUEOUS.has(id);
}

export const liquorRecovery = defineUnitOp({
  kind: 'liquor-recovery',
  summary: 'evaporator concentrating spent liquor or wash water for recycle, with a bleed',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'spent liquor or wash water with dissolved LiOH/KOH/LiNO3/salts' }],
    outlets: [
      { name: 'recovered', description: 'concentrated liquor for recycle to a relithiation unit' },
      { name: 'condensate', description: 'evaporated water (and volatiles), condensed' },
      { name: 'bleed', description: 'purge of a fraction of the liquor (waste)' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const Tb = p.boilingTemperature;
    const diagnostics: Diagnostic[] = [];
    let bleed: Stream = emptyStream(feed.temperatureK);
    let evapFeed = feed;
    if (p.bleedPoint === 'feed') {
      bleed = scaleStream(feed, p.bleed);
      evapFeed = scaleStream(feed, 1 - p.bleed);
      // exact remainder so that mass closes: evapFeed = feed − bleed
      for (const id in feed.components) evapFeed.components[id] = feed.components[id]! - bleed.components[id]!;
      evapFeed.lots.forEach((l, i) => (l.massKgPerHour = feed.lots[i]!.massKgPerHour - bleed.lots[i]!.massKgPerHour));
    }
    const water = evapFeed.components.H2O ?? 0;
    let E = p.waterRemoval * water;
    if (p.targetConcentration !== undefined) {
      const n = ((evapFeed.components[p.solute] ?? 0) / component(p.solute).molarMass_g_per_mol) * 1000; // mol/h
      const keep = n / p.targetConcentration; // L/h ≈ kg/h of water
      E = Math.max(0, water - keep);
      if (water > 0 && keep >= water) diagnostics.push({ code: 'already-concentrated', severity: 'info', where: ctx.unitId, message: msg.alreadyConcentrated(p.targetConcentration, p.solute) });
    }
    const condensate = emptyStream(feed.temperatureK + (Tb - feed.temperatureK) * (1 - p.heatRecovery));
    const conc = emptyStream(Tb);
    for (const id in evapFeed.components) {
      const kg = evapFeed.components[id]!;
      if (id === 'H2O') {
        condensate.components.H2O = E;
        conc.components.H2O = kg - E;
      } else if (isVolatile(id)) condensate.components[id] = kg;
      else conc.components[id] = kg;
    }
    conc.lots = evapFeed.lots.slice(); // lots are immutable: unchanged ones are shared
    let recovered = conc;
    if (p.bleedPoint === 'concentrate') {
      bleed = scaleStream(conc, p.bleed);
      recovered = { components: {}, lots: [], temperatureK: Tb };
      for (const id in conc.components) recovered.components[id] = conc.components[id]! - bleed.components[id]!;
      // Pushed, not mapped: a mapped empty list is holey in optimized code (streams/stream.ts scaleStream).
      for (let i = 0; i < conc.lots.length; i++) recovered.lots.push(lotWithMass(conc.lots[i]!, conc.lots[i]!.massKgPerHour - bleed.lots[i]!.massKgPerHour));
    }
    if (p.solute === 'LiOH') {
      const w = recovered.components.H2O ?? 0;
      const molPerKg = w > 0 ? ((recovered.components.LiOH ?? 0) / component('LiOH').molarMass_g_per_mol) * 1000 / w : 0;
      if (molPerKg > 5.3) {
        diagnostics.push(p.recoveredAs === 'salt'
          ? { code: 'lioh-crystallised', severity: 'info', where: ctx.unitId, message: msg.liohCrystallised(molPerKg.toFixed(2)) }
          : { code: 'lioh-above-solubility', severity: 'warning', where: ctx.unitId, message: msg.liohAboveSolubility(molPerKg.toFixed(2)) });
      }
    }
    // A loop's first pass reads the outlets only (contract.ts outletsOnly).
    if (outletsOnly()) return { outlets: { recovered, condensate, bleed }, draws: {}, recycled: {}, energy: OUTLETS_ONLY_ENERGY, diagnostics };

    // energy
    const cpFlow = componentsCpKwPerK(evapFeed.components) + lotListCpFlow_kW_per_K(evapFeed.lots);
    const dT = Math.max(0, Tb - evapFeed.temperatureK);
    const latentKw = evaporationKw('H2O', E);
    // Item bases written only when the run describes (a Monte Carlo sample makes no text, closure or context for them).
    const d = ctx.describe !== false;
    const ledger = new EnergyLedger(d).heat('feed preheat to boiling (after the condensate exchanger)', 'sensible', cpFlow * dT * (1 - p.heatRecovery), {
      utility: 'steam', efficiency: p.heaterEfficiency, basis: d ? `${cpFlow.toPrecision(4)} kW/K × ${dT.toFixed(2)} K × (1 − ${p.heatRecovery})` : '',
    });
    const metrics: Record<string, number> = { waterEvaporated_kg_per_h: E, latentHeat_kW: latentKw };
    if (p.evaporator === 'multiple-effect') {
      ledger.heat(EVAPORATION_IN(p.effects), 'latent', latentKw / p.effects, {
        utility: 'steam', efficiency: p.steamEconomy / p.effects,
        basis: d ? `${E.toPrecision(4)} kg/h × ΔHvap(H2O) = ${latentKw.toPrecision(4)} kW, ÷ ${p.effects} effects (ideal)` : '',
      });
      metrics.steam_kg_per_h = E / p.steamEconomy;
    } else {
      const kw = p.mvrSpecificEnergy * E;
      ledger.motor('vapour compressor (MVR)', kw, d ? `${p.mvrSpecificEnergy * 1000} kWh/t × ${(E / 1000).toPrecision(4)} t/h (latent heat ${latentKw.toPrecision(4)} kW recycled)` : '');
      metrics.mvrCop = kw > 0 ? latentKw / kw : 0;
    }
    ledger.motor('liquor pumps', pumpKw(streamMass(evapFeed) / 1000), d ? `${(streamMass(evapFeed) / 1000).toPrecision(4)} m³/h × 2 bar / 0.6` : '');
    return {
      outlets: { recovered, condensate, bleed },
      draws: {},
      recycled: {},
      energy: ledger.build(),
      metrics,
      diagnostics,
    };
  },
  design: (p, _inlets, run) => {
    const E = run.metrics?.waterEvaporated_kg_per_h ?? 0;
    const equipment: EquipmentSpec[] = [
      {
        name: 'evaporator',
        description: p.evaporator === 'mvr' ? 'MVR evaporator body (falling film)' : `${p.effects}-effect evaporator (total heat-transfer area)`,
        mode: 'continuous',
        sizeUnit: 'm2',
        maxSize: 640,
        minSize: 11,
        capacityPerSize: p.evaporatorFlux,
        loadBasis: 'water evaporated',
        loadKgPerHour: E,
        cycle: undefined,
        powerKwPerSize: undefined,
        cost: costOf('verticalTubeEvaporator'),
      },
    ];
    if (p.evaporator === 'mvr') {
      equipment.push({
        name: 'MVR compressor',
        description: 'mechanical vapour recompression fan/compressor',
        mode: 'continuous',
        sizeUnit: 'kW',
        maxSize: 30_000,
        minSize: 75,
        capacityPerSize: 1 / p.mvrSpecificEnergy,
        loadBasis: 'water evaporated',
        loadKgPerHour: E,
        cycle: undefined,
        powerKwPerSize: 1,
        cost: costOf('vapourCompressor'),
      });
    }
    return { mode: 'continuous', residenceTimeH: 1, equipment, operatorsPerShift: 0.5 };
  },
});
