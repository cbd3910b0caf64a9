/**
 * `delamination-nmp`: cathode scrap soaked in hot N-methyl-2-pyrrolidone (NMP), which dissolves
 * the PVDF binder; the foil is screened off, the CAM (with carbon black and undissolved binder) is
 * filtered off and dried, and the NMP is recovered by (vacuum) distillation and reused.
 *
 * Mass:
 *   NMP circulated  N = nmpToBinder · PVDF_in   (EverBatt: solvent = 24 × binder, 2019; 16 in 2023 —
 *                                                i.e. the binder is redissolved at the ≈4–6 wt %
 *                                                it was cast from; REFERENCE.md 1.1.6, 1.3.4)
 *   NMP lost        L = (1 − nmpRecovery) · N   → `vent` (make-up drawn = L, less NMP in the feed)
 *   NMP recovered   N − L, reused inside the unit (reported under `recycled`)
 *   PVDF dissolved  pvdfDissolution · PVDF_in   → `liquor` (still bottoms: binder-rich residue)
 *   lots, carbons, undissolved PVDF, other solids: camRecovery → `cam`, rest → `foil` (the loss
 *                scaled by the foil and binder present: correlations/preparation.ts camToCamShare)
 *   Al, Cu, Fe: alCarryOver → `cam`, rest → `foil` (black mass: fragmentCarryOverCu/Al, a sieve's share)
 *   electrolyte (LiPF6, EC, DMC), water and other liquids → `liquor` (still light ends and bottoms)
 *   NMP arriving with the feed counts toward the make-up; any excess leaves with `liquor`.
 *
 * Energy (bottom-up, EnergyLedger):
 *   bath: (feed solids Cp + N·cp_NMP)·(T_bath − T_in) / η   (recovered NMP returns at ambient)
 *   still: N·cp_NMP·(T_still − T_bath) + (1 + refluxRatio)·N·ΔH_vap(NMP)   / η  (every kg of
 *          circulated NMP is evaporated once, in the still or in the cake dryer)
 *   vessel steel reheated each batch, wall losses while hot, agitators, NMP pumps.
 *   Condenser cooling water is not counted (no utility for it).
 * Design: batch jacketed stirred tanks (cycle: load, heat at heatingRate, dwell, unload), a foil
 * screen, a filter press and an NMP still sized by evaporator area (stillFlux).
 */
import { z } from 'zod';
import { defineUnitOp, type Diagnostic, type EnergyUse, type RunContext } from './contract.js';
import { fraction, quantity } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { ComponentCopy } from '../streams/component-copy.js';
import { emptyStream, streamMass, lotsMass, lotsCpFlow_kW_per_K, type Stream } from '../streams/stream.js';
import { rowsLike } from '../streams/row-stream.js';
import { EnergyLedger, evaporationKw, sensibleKw } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import {
  addKg, bathParams, bathVessel, camFilter, componentsCpKwPerK, defaultFate, densityOf, foilScreen, planBath, pumpKw, slurryVolumePerKg, splitLots, yieldParams, camToCamShare, metalCarryOver, type BathParams,
} from './correlations/preparation.js';
import { EVAPORATOR_FLUX, withCeiling } from './correlations/limits.js';

const NMP_BP_K = component('NMP').boilingPoint_K!;
/** Species that dissolve in NMP and leave with the still residue/light ends (electrolyte). */
const NMP_SOLUBLE: ReadonlySet<string> = new Set(['LiPF6', 'EC', 'DMC']);
const CARBONS: ReadonlySet<string> = new Set(['carbon-black', 'graphite', 'CNT', 'graphene']);

const params = z
  .strictObject({
    ...bathParams({
      temperature: '100 degC',
      temperatureSource: 'assumption: PVDF dissolves in NMP at 80–120 °C within about an hour (common laboratory practice); well below the NMP boiling point 202 °C (REFERENCE.md 1.4)',
      temperatureLimit: { below: NMP_BP_K },
      duration: '1 h',
      durationSource: 'assumption: 1 h soaking with stirring',
    }),
    nmpToBinder: quantity('', {
      description: 'NMP circulated per kg of PVDF binder in the feed',
      default: 24, above: 0, max: 240,
      source: 'EverBatt 2019: "the quantity of the solvent needed is determined as 24 times that of the binder" (REFERENCE.md 1.1.6); EverBatt 2023 / BatPaC 5.0 use 16 (REFERENCE.md 1.3.4); max 240: plausibility ceiling, 10× EverBatt 2019',
    }),
    nmpRecovery: fraction({
      description: 'fraction of the circulated NMP recovered and reused; the rest is lost to the vent and made up',
      default: 0.995,
      source: 'EverBatt 2019/2020/2023 and BatPaC: "99.5% of the NMP is recovered and reused" (REFERENCE.md 1.1.6, 1.3.4, 1.4)',
    }),
    pvdfDissolution: fraction({
      description: 'fraction of the PVDF dissolved (leaves with the still residue in `liquor`); the rest stays on the CAM',
      default: 0.95,
      source: 'assumption: most binder dissolves at 100 °C in 1 h; a residue stays on the particles',
    }),
    stillTemperature: quantity('K', {
      description: 'boiling temperature in the NMP still',
      default: '150 degC', above: 0, max: NMP_BP_K, displayUnit: 'degC',
      source: 'assumption: vacuum distillation (≈10 kPa) to limit NMP degradation; at atmospheric pressure NMP boils at 202 °C (REFERENCE.md 1.4) — the max: a still boiling hotter would run above atmospheric pressure',
    }),
    refluxRatio: quantity('', {
      description: 'reflux ratio of the NMP still (vapour = (1 + R) × distillate)',
      default: 0.5, min: 0, max: 10,
      source: 'assumption: PVDF is non-volatile, so a short column with low reflux separates NMP from water and carbonates; max 10: plausibility ceiling, 20× the default (a hard separation runs at ≈1–5)',
    }),
    stillFlux: quantity('kg/(h m2)', {
      description: 'NMP evaporated per m² of still heat-transfer area',
      default: 80, above: 0, max: EVAPORATOR_FLUX.max,
      source: withCeiling('assumption: U ≈ 1 kW/(m²·K), ΔT ≈ 20 K → 20 kW/m² ÷ (550 kJ/kg × 1.5 with reflux) ≈ 80 kg/(h·m²)', EVAPORATOR_FLUX),
    }),
    ...yieldParams({ camRecovery: 0.97, alCarryOver: 0.01, alWhy: 'foil stays whole in a solvent bath; 1 % as fragments through the screen' }),
  })
  .superRefine((p, ctx) => {
    if (p.temperature >= NMP_BP_K) ctx.addIssue({ code: 'custom', path: ['temperature'], message: msg.aboveBoilingPoint('NMP bath temperature', p.temperature - 273.15, NMP_BP_K - 273.15) });
  });

type P = z.output<typeof params>;

function nmpFlows(p: P, feed: { components: Record<string, number> }) {
  const pvdf = feed.components.PVDF ?? 0;
  const circulated = p.nmpToBinder * pvdf;
  const loss = (1 - p.nmpRecovery) * circulated;
  const nmpIn = feed.components.NMP ?? 0;
  const fromFeed = Math.min(loss, nmpIn);
  return { pvdf, circulated, loss, nmpIn, fromFeed, draw: loss - fromFeed, excess: nmpIn - fromFeed };
}

function plan(p: P, feed: Parameters<typeof slurryVolumePerKg>[0], camKg: number, feedKg: number, circulated: number, fromK: number, ambientK: number) {
  const v = slurryVolumePerKg(feed, camKg, feedKg, circulated, densityOf('NMP'), 'NMP');
  return planBath(p as BathParams, feedKg, v, fromK, ambientK);
}

/** What run and design both work out of a feed: the NMP flows, the bath plan and the CAM share kept. */
interface Bath {
  p: P;
  feed: Stream;
  ambientK: number;
  f: ReturnType<typeof nmpFlows>;
  b: ReturnType<typeof plan>;
  toCam: number;
}

/**
 * The last run's bath, for the design of the same run (made once per run: every Monte Carlo sample
 * designs what it ran). One slot, reused only for the same parameters object (a parse is not
 * changed), feed object (an inlet is not changed once a unit has run) and ambient temperature — the
 * whole input of the bath — so a stale one is never read; it holds one feed alive until the next run.
 */
let lastBath: Bath | undefined;

/** The bath of a feed: the last run's when it is the same, else worked out again. */
function bathOf(p: P, feed: Stream, ambientK: number): Bath {
  const last = lastBath;
  if (last !== undefined && last.p === p && last.feed === feed && Object.is(last.ambientK, ambientK)) return last;
  const c = feed.components;
  const f = nmpFlows(p, feed);
  const toCam = camToCamShare(p.camRecovery, c, lotsMass(feed));
  return { p, feed, ambientK, f, b: plan(p, c, lotsMass(feed), streamMass(feed), f.circulated, feed.temperatureK, ambientK), toCam };
}

/**
 * What a run makes of a feed besides its lots (split row by row every run): the component flows of
 * each outlet, draws, recycled NMP, energy and diagnostics, and the bath. They read the lots only
 * through their mass and heat-capacity flow: every Monte Carlo sample brings the same components and
 * lot masses (only a lot's Li/TM is sampled upstream), and worked them out again per sample.
 */
interface Whole {
  p: P;
  unitId: string;
  ambientK: number;
  describe: boolean | undefined;
  feedBasis: RunContext['feedBasis'];
  temperatureK: number;
  lotsKg: number;
  lotsCp: number;
  /** The feed's components. */
  components: ComponentCopy;
  f: ReturnType<typeof nmpFlows>;
  b: ReturnType<typeof plan>;
  toCam: number;
  camC: Record<string, number>;
  foilC: Record<string, number>;
  vent: Stream;
  liquor: Stream;
  draws: Record<string, number>;
  recycled: Record<string, number>;
  energy: EnergyUse;
  diagnostics: Diagnostic[];
}

/**
 * The last run's whole. One slot: reused only for the same parameters object (a parse is not
 * changed), the same context, feed temperature, lot mass and heat-capacity flow, and components
 * equal in order and value — every input of the whole — so a stale one is never returned.
 */
let lastWhole: Whole | undefined;

/** The last run's whole when this run's inputs are equal to its, else undefined. */
function sameWhole(p: P, feed: Stream, ctx: RunContext, lotsKg: number, lotsCp: number): Whole | undefined {
  const w = lastWhole;
  if (w === undefined || w.p !== p || w.unitId !== ctx.unitId || !Object.is(w.ambientK, ctx.ambientK) || w.describe !== ctx.describe || w.feedBasis !== ctx.feedBasis) return undefined;
  if (!Object.is(w.temperatureK, feed.temperatureK) || !Object.is(w.lotsKg, lotsKg) || !Object.is(w.lotsCp, lotsCp)) return undefined;
  return w.components.sameAs(feed.components) ? w : undefined;
}

/** The whole of a feed, worked out (lots of `lotsKg` kg/h and `lotsCp` kW/K). */
function wholeOf(p: P, feed: Stream, ctx: RunContext, lotsKg: number, lotsCp: number): Whole {
  const c = feed.components;
  const { f, b, toCam } = bathOf(p, feed, ctx.ambientK);
  const camC: Record<string, number> = {};
  const foilC: Record<string, number> = {};
  const vent = emptyStream(p.stillTemperature);
  const liquor = emptyStream(p.stillTemperature);
  for (const id in c) {
    const kg = c[id]!;
    if (id === 'NMP') continue;
    if (id === 'PVDF') {
      const dissolved = kg * p.pvdfDissolution;
      addKg(liquor.components, id, dissolved);
      const rest = kg - dissolved;
      addKg(camC, id, rest * toCam);
      addKg(foilC, id, rest - rest * toCam);
      continue;
    }
    if (NMP_SOLUBLE.has(id)) { addKg(liquor.components, id, kg); continue; }
    const fate = CARBONS.has(id) ? 'fines' : defaultFate(id);
    if (fate === 'foil-metal') {
      const carry = metalCarryOver(p, id, ctx.feedBasis);
      addKg(camC, id, kg * carry);
      addKg(foilC, id, kg - kg * carry);
    } else if (fate === 'fines') {
      addKg(camC, id, kg * toCam);
      addKg(foilC, id, kg - kg * toCam);
    } else if (fate === 'gas') addKg(vent.components, id, kg);
    else addKg(liquor.components, id, kg);
  }
  // Entries of a fixed name are added where they are made (addKg written out: `if (kg !== 0) rec.X = (rec.X ?? 0) + kg`):
  // addKg's keyed store, shared by every caller, is megamorphic; a named one at its own site is not (issue 19).
  if (f.loss !== 0) vent.components.NMP = (vent.components.NMP ?? 0) + f.loss;
  if (f.excess !== 0) liquor.components.NMP = (liquor.components.NMP ?? 0) + f.excess;

  const draws: Record<string, number> = {};
  const recycled: Record<string, number> = {};
  if (f.draw > 0) draws.NMP = f.draw;
  if (f.circulated > 0) recycled.NMP = f.circulated - f.loss + f.fromFeed;

  // energy
  const feedKg = streamMass(feed);
  const solidsCp = componentsCpKwPerK(c, 'NMP') + lotsCp;
  const nmpCp = component('NMP').cp_J_per_kgK!;
  const dBath = Math.max(0, p.temperature - feed.temperatureK);
  const dNmp = Math.max(0, p.temperature - ctx.ambientK);
  const dStill = Math.max(0, p.stillTemperature - p.temperature);
  const u = p.heating;
  const eta = p.heaterEfficiency;
  // Item bases written only when the run describes (a Monte Carlo sample makes no text, closure or context for them).
  const d = ctx.describe !== false;
  const ledger = new EnergyLedger(d)
    .heat('sensible heat of the scrap to bath temperature', 'sensible', solidsCp * dBath, { utility: u, efficiency: eta, basis: d ? `${solidsCp.toPrecision(4)} kW/K × ${dBath.toFixed(2)} K` : '' })
    .heat('sensible heat of the NMP bath (recovered NMP returns at ambient)', 'sensible', sensibleKw(f.circulated, nmpCp, dNmp), { utility: u, efficiency: eta, basis: d ? `${f.circulated.toPrecision(4)} kg/h × ${nmpCp.toFixed(0)} J/(kg·K) × ${dNmp.toFixed(2)} K` : '' })
    .heat('NMP to still temperature', 'sensible', sensibleKw(f.circulated, nmpCp, dStill), { utility: u, efficiency: eta, basis: d ? `${f.circulated.toPrecision(4)} kg/h × ${nmpCp.toFixed(0)} J/(kg·K) × ${dStill.toFixed(2)} K` : '' })
    .heat('NMP evaporation in the still (with reflux)', 'latent', evaporationKw('NMP', f.circulated * (1 + p.refluxRatio)), { utility: u, efficiency: eta, basis: d ? `${f.circulated.toPrecision(4)} kg/h × (1 + ${p.refluxRatio}) × ΔHvap(NMP)` : '' })
    .heat('vessel steel reheated every batch', 'sensible', b.vesselHeatKw, { utility: u, efficiency: eta, basis: d ? `${b.volumeM3.toPrecision(4)} m³ × ${p.vesselMass} kg/m³ × 500 J/(kg·K) × ${dBath.toFixed(2)} K per ${b.cycleH.toFixed(3)} h cycle` : '' })
    .loss('vessel wall losses while hot', b.wallLossKw, u, d ? `${p.wallU} W/(m²·K) × ${b.surfaceM2.toPrecision(4)} m² × ${(p.temperature - ctx.ambientK).toFixed(2)} K × hot fraction ${b.hotFraction.toFixed(3)}` : '')
    .motor('agitators', b.agitatorKw, d ? `${p.agitatorPower} kW/m³ × ${b.volumeM3.toPrecision(4)} m³ × stirred fraction of the cycle` : '')
    .motor('NMP pumps', pumpKw(f.circulated / densityOf('NMP')), d ? `${(f.circulated / densityOf('NMP')).toPrecision(4)} m³/h × 2 bar / 0.6` : '');
  const diagnostics: Diagnostic[] = [];
  if ((c.PVDF ?? 0) === 0 && feedKg > 0) diagnostics.push({ code: 'no-binder', severity: 'info', where: ctx.unitId, message: msg.noBinder() });
  return {
    p, unitId: ctx.unitId, ambientK: ctx.ambientK, describe: ctx.describe, feedBasis: ctx.feedBasis, temperatureK: feed.temperatureK, lotsKg, lotsCp, components: new ComponentCopy(c),
    f, b, toCam, camC, foilC, vent, liquor, draws, recycled, energy: ledger.build(), diagnostics,
  };
}

export const delaminationNmp = defineUnitOp({
  kind: 'delamination-nmp',
  summary: 'NMP dissolves the PVDF binder; foil screened off, CAM filtered, NMP recovered by distillation',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'cathode scrap: CAM lots, carbon black, PVDF, Al foil (maybe electrolyte, moisture)' }],
    outlets: [
      { name: 'cam', description: 'CAM lots with carbon black, undissolved binder and Al fragments' },
      { name: 'foil', description: 'Al foil and the CAM lost with it' },
      { name: 'vent', description: 'NMP lost from the recovery loop (emissions)' },
      { name: 'liquor', description: 'still residue and light ends: dissolved PVDF, electrolyte, water' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const lotsKg = lotsMass(feed);
    const lotsCp = lotsCpFlow_kW_per_K(feed);
    const w = sameWhole(p, feed, ctx, lotsKg, lotsCp) ?? (lastWhole = wholeOf(p, feed, ctx, lotsKg, lotsCp));
    // The design of this run reads its bath (bathOf): this feed's.
    lastBath = { p, feed, ambientK: ctx.ambientK, f: w.f, b: w.b, toCam: w.toCam };
    const cam = rowsLike(feed, p.temperature);
    const foil = rowsLike(feed, p.temperature);
    splitLots(feed, w.toCam, cam, foil);
    // Records shared by the runs of an equal feed (streams are not changed once made; row-stream.ts rowsOf shares one too).
    cam.components = w.camC;
    foil.components = w.foilC;
    return {
      outlets: { cam, foil, vent: w.vent, liquor: w.liquor },
      draws: w.draws,
      recycled: w.recycled,
      energy: w.energy,
      metrics: { nmpCirculated_kg_per_h: w.f.circulated, nmpMakeUp_kg_per_h: w.f.loss, camToFoil_kg_per_h: lotsMass(foil) },
      diagnostics: w.diagnostics.length === 0 ? [] : w.diagnostics.slice(),
    };
  },
  design: (p, inlets, _run, ctx) => {
    const feed = inlets.feed!;
    const feedKg = streamMass(feed);
    const { f, b, toCam } = bathOf(p, feed, ctx.ambientK);
    const solids = lotsMass(feed) * toCam;
    return {
      mode: 'batch',
      residenceTimeH: p.duration,
      cycle: b.cycle,
      equipment: [
        bathVessel('NMP delamination tank', 'jacketed stirred tank: scrap soaked in hot NMP', p, b, feedKg),
        foilScreen(feedKg),
        camFilter(solids),
        {
          name: 'NMP still',
          description: 'vacuum evaporator/still recovering NMP from the binder solution',
          mode: 'continuous',
          sizeUnit: 'm2',
          maxSize: 640,
          minSize: 11,
          capacityPerSize: p.stillFlux,
          loadBasis: 'NMP evaporated',
          loadKgPerHour: f.circulated,
          cycle: undefined,
          powerKwPerSize: undefined,
          cost: costOf('verticalTubeEvaporator'),
        },
      ],
      operatorsPerShift: 1,
    };
  },
});
