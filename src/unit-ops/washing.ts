/**
 * `washing`: counter-current washing of regenerated cathode powder (repulp tank + filter per stage)
 * that removes the soluble salts left by relithiation, etching or coating (LiOH, KOH, LiNO3,
 * Li2CO3, Na2SO4, Li2SO4, LiI, Li-benzoate, NaOH, phosphates, citrates …) into a wash liquor that
 * flowsheets recycle to relithiation or send to liquor recovery.
 *
 * Model:
 * - Dissolution: each soluble component dissolves up to its solubility × the water that contacts
 *   it (feed liquor + wash water); the rest stays solid in the cake (Li2CO3 is the case that
 *   matters: ≈13 g/kg water at 25 °C, retrograde, so hot washing removes less of it).
 * - Ideal-stage counter-current washing (correlations/finishing.ts): with cake liquor L (from the
 *   cake moisture), wash water W, feed liquor F, R = W/L and N = stageEfficiency × stages ideal
 *   stages, the dissolved fraction left in the cake is f = 1/(1 + (F/L + R − 1)·(R^N − 1)/(R − 1));
 *   for F = L this is the textbook (R − 1)/(R^{N+1} − 1).
 * - Li+/H+ exchange of Ni-rich lots in water (assumption, small): δ = liHExchange × (x_Ni − 0.6)⁺
 *   of Li/TM leaves each layered lot as LiOH. The lot formula keeps 2 O per TM, so the net is
 *   Li_r MO2 + δ/2 H2O + δ/4 O2 → Li_{r−δ} MO2 + δ LiOH (the protons that enter the lattice leave as
 *   water on drying and sintering; O2 from dissolved air is drawn).
 * - Energy: optional heating of the wash water (m·cp·ΔT ÷ heater efficiency); agitators (specific
 *   power × stage volume, stage volume = slurry flow × residence time) and pumps (specific energy ×
 *   liquor pumped) on electricity.
 * - Outlets leave at the adiabatic mixing temperature of feed and wash water.
 */
import { z } from 'zod';
import { defineUnitOp, outletsOnly, OUTLETS_ONLY_ENERGY, type Diagnostic } from './contract.js';
import { fraction, quantity, described, metaOf } from '../schema/param.js';
import { emptyStream, heatCapacityFlow_W_per_K, lotsMass } from '../streams/stream.js';
import { LotCursor, rowsOf, type RowStream } from '../streams/row-stream.js';
import { EnergyLedger, sensibleKw } from './correlations/energy.js';
import {
  aqueousSplit, solubleSet, dissolve, counterCurrentRetained, cakeWaterFor, massAtLiPerTm, addKg, componentList, componentNumberMap, SOLUBILITY_MAX,
  DEFAULT_SOLUBLES, WATER_CP, NCM_DENSITY_KG_PER_M3, LIQUOR_DENSITY_KG_PER_M3, OTHER_SOLIDS_DENSITY_KG_PER_M3, tmKmolOf,
} from './correlations/finishing.js';
import { costOf } from './data/equipment.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { LotScratch } from '../streams/lot-scratch.js';

const stagesBase = quantity('', { description: 'number of counter-current wash stages (repulp + filter each)', default: 2, min: 1, max: 20, source: 'assumption: two counter-current stages, the usual compromise between water use and salt removal' });
const stages = stagesBase
  .superRefine((v, ctx) => {
    if (typeof v === 'number' && !Number.isInteger(v)) ctx.addIssue({ code: 'custom', message: msg.finishingNotWholeNumber('the number of stages', v) });
  })
  .meta(metaOf(stagesBase)!);

const params = z.strictObject({
  waterPerKgSolids: quantity('', { description: 'fresh wash water per kg of insoluble solids (kg/kg)', default: 3, min: 0, max: 100, source: 'assumption: industrial washing of Ni-rich CAM uses ≈1–2 kg water per kg in one stage; salt-laden relithiation cakes need more — 3 kg/kg over the stages' }),
  stages,
  stageEfficiency: fraction({ description: 'overall stage efficiency: the train acts as efficiency × stages ideal stages', default: 0.9, above: 0, source: 'assumption: repulp-and-filter stages reach ≈90 % of an ideal mixing stage' }),
  solubles: componentList(DEFAULT_SOLUBLES, 'components that dissolve in the wash water (liquid/aqueous components always do)', 'assumption: the soluble residues of the relithiation, etching and coating routes (review Table 1 media)'),
  solubility: componentNumberMap('solubility overrides, kg solute per kg water (others: handbook values at 20–25 °C, Li2CO3 retrograde with temperature; see correlations/finishing.ts)', 'CRC Handbook aqueous solubilities [MEMORY-grade]; override when a measured value is known', 'kg/kg', SOLUBILITY_MAX),
  cakeMoisture: fraction({ description: 'water mass fraction of the washed cake, water/(water + dry solids)', default: 0.2, max: 0.95, source: 'assumption: filter-press cake of dense oxide powder holds 15–25 wt% water' }),
  liHExchange: quantity('', { description: 'Li/TM lost by Li+/H+ exchange per unit Ni fraction above 0.6 (Ni-rich lots in water)', default: 0.02, min: 0, max: 0.5, source: 'assumption: small lattice-Li loss of Ni-rich NCM in water (≈0.004 Li/TM for NCM811); 0 turns it off' }),
  washTemperature: quantity('K', { description: 'temperature of the wash water', default: '25 degC', min: 273.15, max: 373.15, displayUnit: 'degC', source: 'assumption: ambient water; heated washing is optional' }),
  heatUtility: described(z.enum(['steam', 'natural-gas', 'electricity']).default('steam'), { description: 'utility that heats the wash water (when above ambient)', source: 'assumption: plant steam' }),
  heaterEfficiency: fraction({ description: 'fraction of the heating utility that reaches the water', default: 0.85, above: 0, source: 'assumption: steam heat exchanger with distribution losses' }),
  residenceTimePerStage: quantity('h', { description: 'residence time of the slurry in each repulp tank', default: '0.5 h', above: 0, max: 48, source: 'assumption: 30 min of repulping per stage' }),
  agitatorPower: quantity('kW/m3', { description: 'agitator power per m³ of repulp-tank volume', default: 0.3, min: 0, max: 10, source: 'assumption: suspension of dense powder, 0.2–0.5 kW/m³ typical for solids suspension' }),
  pumpEnergy: quantity('kWh/m3', { description: 'pumping and filter-feed energy per m³ of liquor moved between stages', default: 0.1, min: 0, max: 10, source: 'assumption: ≈20 m head at 55 % pump efficiency ≈ 0.1 kWh/m³' }),
});


/** Intermediate results shared by run and design. */
interface WashState {
  slurryKgPerStage: number;
  slurryM3PerStage: number;
  cakeDryKg: number;
}

function washState(lotsKg: number, insolubleMass: number, undissolvedMass: number, cakeWater: number, washWater: number): WashState {
  const solidsKg = lotsKg + insolubleMass + undissolvedMass;
  const liquidKg = cakeWater + washWater;
  const solidsM3 = lotsKg / NCM_DENSITY_KG_PER_M3 + (insolubleMass + undissolvedMass) / OTHER_SOLIDS_DENSITY_KG_PER_M3;
  return { slurryKgPerStage: solidsKg + liquidKg, slurryM3PerStage: solidsM3 + liquidKg / LIQUOR_DENSITY_KG_PER_M3, cakeDryKg: solidsKg };
}

// The per-lot loops are functions of their own so that optimized code has the inlining budget for
// the per-lot helpers (inlined into the whole run, their doubles were allocated per lot).

/** Li+/H+ exchange δ each lot would take (into `wanted`); returns Σ n_TM·δ, kmol/h. */
function exchangeWanted(lots: LotCursor, n: number, liHExchange: number, wanted: Float64Array): number {
  let wantedKmol = 0;
  for (let i = 0; i < n; i++) {
    const lot = lots.at(i);
    const ni = lot.chemistry.tm.Ni ?? 0;
    const delta = liHExchange > 0 && lot.chemistry.family === 'layered' && lot.massKgPerHour > 0 ? Math.min(lot.liPerTm, liHExchange * Math.max(0, ni - 0.6)) : 0;
    wanted[i] = delta;
    if (delta > 0) wantedKmol += tmKmolOf(lot) * delta;
  }
  return wantedKmol;
}

/**
 * The lots after exchanging `wanted[i]·scale` Li per TM, as `out` (rows of the same lots as the feed,
 * row-stream.ts): each lot's Li/TM and mass as withLiPerTm gives them. Returns the Li exchanged, kmol/h.
 */
function exchangeLots(lots: LotCursor, n: number, wanted: Float64Array, scale: number, out: RowStream): number {
  let exchangedKmol = 0;
  const li = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const lot = lots.at(i);
    const delta = wanted[i]! * scale;
    const r0 = lot.liPerTm;
    const m0 = lot.massKgPerHour;
    if (delta > 0) {
      exchangedKmol += tmKmolOf(lot) * delta;
      const r = r0 - delta;
      out.mass[i] = massAtLiPerTm(lot, r); // withLiPerTm's
      li[i] = r;
    } else {
      out.mass[i] = m0; // unchanged
      li[i] = r0;
    }
  }
  out.overLiPerTm = li;
  return exchangedKmol;
}

// Molar masses of the species a run books, kg/kmol (kgOf of a fixed id: looked up once, not per run).
const M_H2O = component('H2O').molarMass_g_per_mol;
const M_LIOH = component('LiOH').molarMass_g_per_mol;
const M_O2 = component('O2').molarMass_g_per_mol;

/** Per-lot scratch of a run: the Li+/H+ exchange each lot wants. */
const WANTED = new LotScratch();

export const washing = defineUnitOp({
  kind: 'washing',
  summary: 'counter-current washing: soluble salts to the wash liquor, washed wet cake onward',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'solids with salt residues and/or liquor to wash' }],
    outlets: [
      { name: 'solids', description: 'washed wet cake (lots, insoluble solids, cake liquor)' },
      { name: 'liquor', description: 'wash liquor with the dissolved salts (to relithiation recycle or liquor recovery)' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const diagnostics: Diagnostic[] = [];
    const draws: Record<string, number> = {};
    const split = aqueousSplit(feed, solubleSet(p.solubles));

    // Li+/H+ exchange of Ni-rich layered lots (only where there is water to exchange with).
    const washDraw = p.waterPerKgSolids * (lotsMass(feed) + split.insolubleMass);
    let feedWater = split.water;
    let washWater = washDraw;
    // δ per lot, scaled down only if the water present could not supply δ/2 H2O per Li.
    // The feed's lots as rows, read through a cursor (row-stream.ts): no lot object per lot.
    const rows = rowsOf(feed);
    const cursor = new LotCursor(rows);
    const wanted = WANTED.take(rows.n); // per-lot scratch (lot-scratch.ts)
    const wantedKmol = exchangeWanted(cursor, rows.n, p.liHExchange, wanted);
    const waterWanted = (wantedKmol / 2) * M_H2O;
    const scale = waterWanted > 0 ? Math.min(1, (feedWater + washWater) / waterWanted) : 0;
    const solids = rows.derived(feed.temperatureK);
    const exchangedKmol = exchangeLots(cursor, rows.n, wanted, scale, solids);
    // The split's own record (made by aqueousSplit for this run, read nowhere else): LiOH added in place, not to a copy.
    const solutes = split.solutes;
    if (exchangedKmol > 0) {
      // Li_r MO2 + δ/2 H2O + δ/4 O2 → Li_{r−δ} MO2 + δ LiOH: water from the wash water first.
      // Entries of a fixed name are added where they are made (addKg written out: `if (kg !== 0) rec.X = (rec.X ?? 0) + kg`):
      // addKg's keyed store, shared by every caller, is megamorphic; a named one at its own site is not (issue 19).
      const liohKg = exchangedKmol * M_LIOH;
      if (liohKg !== 0) solutes.LiOH = (solutes.LiOH ?? 0) + liohKg;
      draws.O2 = (exchangedKmol / 4) * M_O2;
      const waterUsed = (exchangedKmol / 2) * M_H2O;
      const fromWash = Math.min(washWater, waterUsed);
      washWater -= fromWash;
      feedWater = Math.max(0, feedWater - (waterUsed - fromWash));
    }
    if (washDraw > 0) draws.H2O = washDraw;

    const totalWater = feedWater + washWater;
    const tOut = mixTemperature(feed, p.washTemperature, washDraw);
    const { dissolved, undissolved, undissolvedMass } = dissolve(solutes, totalWater, tOut, p.solubility);
    let cakeWater = cakeWaterFor(solids.lotsKg() + split.insolubleMass + undissolvedMass, p.cakeMoisture);
    if (cakeWater > totalWater) {
      diagnostics.push({ code: 'cake-not-saturated', severity: 'warning', where: ctx.unitId, message: msg.cakeNotFilled(totalWater.toPrecision(4), cakeWater.toPrecision(4)) });
      cakeWater = totalWater;
    }
    const idealStages = p.stageEfficiency * p.stages;
    const retained = counterCurrentRetained(feedWater, cakeWater, washWater, idealStages);

    solids.temperatureK = tOut;
    const liquor = emptyStream(tOut);
    for (const id in split.insoluble) addKg(solids.components, id, split.insoluble[id]!);
    for (const id in undissolved) addKg(solids.components, id, undissolved[id]!);
    if (cakeWater !== 0) solids.components.H2O = (solids.components.H2O ?? 0) + cakeWater;
    const waterKg = totalWater - cakeWater;
    if (waterKg !== 0) liquor.components.H2O = (liquor.components.H2O ?? 0) + waterKg;
    for (const id in dissolved) {
      const d = dissolved[id]!;
      const inCake = d * retained;
      addKg(solids.components, id, inCake);
      addKg(liquor.components, id, d - inCake);
    }
    for (const id in split.gases) addKg(liquor.components, id, split.gases[id]!);
    // A loop's first pass reads the outlets only (contract.ts outletsOnly).
    if (outletsOnly()) return { outlets: { solids, liquor }, draws, recycled: {}, energy: OUTLETS_ONLY_ENERGY, diagnostics };
    if (undissolvedMass > 0) {
      diagnostics.push({ code: 'solubility-limited', severity: 'info', where: ctx.unitId, message: msg.solubilityLimited(Object.entries(undissolved).map(([k, v]) => `${k} ${v.toPrecision(4)} kg/h`).join(', ')) });
    }

    // Energy.
    const ledger = new EnergyLedger(ctx.describe !== false);
    const waterIn = washDraw;
    const dT = p.washTemperature - ctx.ambientK;
    if (dT > 0 && waterIn > 0) {
      ledger.heat('wash-water heating', 'sensible', sensibleKw(waterIn, WATER_CP(), dT), { utility: p.heatUtility, efficiency: p.heaterEfficiency, basis: ledger.describe ? `${waterIn.toPrecision(4)} kg/h × ${WATER_CP().toFixed(0)} J/(kg·K) × ${dT.toFixed(1)} K` : '' });
    }
    const st = washState(solids.lotsKg(), split.insolubleMass, undissolvedMass, cakeWater, washWater);
    const tankM3 = st.slurryM3PerStage * p.residenceTimePerStage;
    ledger.motor('agitators', p.agitatorPower * tankM3 * p.stages, ledger.describe ? `${p.stages} stage(s) × ${tankM3.toPrecision(4)} m³ × ${p.agitatorPower} kW/m³` : '');
    const pumpedM3 = ((cakeWater + washWater) / LIQUOR_DENSITY_KG_PER_M3) * p.stages;
    ledger.motor('pumps and filter feed', p.pumpEnergy * pumpedM3, ledger.describe ? `${pumpedM3.toPrecision(4)} m³/h × ${p.pumpEnergy} kWh/m³` : '');

    let dissolvedTotal = 0;
    for (const id in dissolved) dissolvedTotal += dissolved[id]!;
    return {
      outlets: { solids, liquor },
      draws,
      recycled: {},
      energy: ledger.build(),
      metrics: {
        retainedFractionOfDissolved: retained,
        removalOfDissolved: 1 - retained,
        washRatio: cakeWater > 0 ? washWater / cakeWater : 0,
        idealStages,
        washWater_kg_per_h: washWater,
        cakeWater_kg_per_h: cakeWater,
        dissolvedSalts_kg_per_h: dissolvedTotal,
        lithiumExchanged_kmol_per_h: exchangedKmol,
        slurryPerStage_kg_per_h: st.slurryKgPerStage,
        slurryPerStage_m3_per_h: st.slurryM3PerStage,
        cakeDrySolids_kg_per_h: st.cakeDryKg,
      },
      diagnostics,
    };
  },
  design: (p, _inlets, run) => {
    const m = run.metrics ?? {};
    const slurryKg = m.slurryPerStage_kg_per_h ?? 0;
    const slurryM3 = m.slurryPerStage_m3_per_h ?? 0;
    const slurryDensity = slurryM3 > 0 ? slurryKg / slurryM3 : LIQUOR_DENSITY_KG_PER_M3;
    const tank = costOf('finishingAgitatedTank');
    const press = costOf('filterPress');
    return {
      mode: 'continuous',
      residenceTimeH: p.stages * p.residenceTimePerStage,
      equipment: [
        {
          name: 'repulp-tank',
          description: `agitated repulp tank, one per stage (${p.stages}), ${p.residenceTimePerStage} h residence`,
          mode: 'continuous',
          sizeUnit: 'm3',
          maxSize: tank.maxSize,
          minSize: tank.minSize,
          capacityPerSize: slurryDensity / p.residenceTimePerStage,
          loadBasis: 'slurry through every stage (stages × slurry flow)',
          loadKgPerHour: p.stages * slurryKg,
          cycle: undefined,
          powerKwPerSize: p.agitatorPower,
          cost: tank,
        },
        {
          name: 'filter-press',
          description: `filter press after each wash stage (${p.stages})`,
          mode: 'continuous',
          sizeUnit: 't/h',
          maxSize: press.maxSize,
          minSize: 0.01,
          capacityPerSize: 1000,
          loadBasis: 'dry cake solids through every stage (stages × cake solids)',
          loadKgPerHour: p.stages * (m.cakeDrySolids_kg_per_h ?? 0),
          cycle: undefined,
          powerKwPerSize: undefined,
          cost: press,
        },
      ],
      operatorsPerShift: 1,
    };
  },
});

/** Adiabatic mixing temperature of the feed and `waterKg` of wash water at `waterK`. */
function mixTemperature(feed: { temperatureK: number } & Parameters<typeof heatCapacityFlow_W_per_K>[0], waterK: number, waterKg: number): number {
  const cFeed = heatCapacityFlow_W_per_K(feed);
  const cWater = (waterKg * WATER_CP()) / 3600;
  const c = cFeed + cWater;
  return c > 0 ? (cFeed * feed.temperatureK + cWater * waterK) / c : waterK;
}
