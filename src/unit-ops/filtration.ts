/**
 * `filtration`: dewatering of a slurry in a filter press into a cake and a filtrate.
 *
 * Model:
 * - Solids (lots, insoluble components, salt beyond its solubility in the slurry water) go to the
 *   cake with the capture fraction; the rest (fines) passes with the filtrate.
 * - The cake holds water at the cake moisture w: water = w/(1 − w) × captured dry solids; the
 *   dissolved salts split with the water, so the cake liquor has the filtrate's concentration.
 * - Energy: feed pump (specific energy × slurry volume) and press hydraulics (specific energy per
 *   tonne of dry cake), both on electricity.
 * - Cost: EverBatt filter press, $173,000 per unit sized in t/h of solids (REFERENCE.md 1.1.8).
 *   Presses run in staggered batches; on the scale of an hour the battery is continuous.
 */
import { z } from 'zod';
import { defineUnitOp, type Diagnostic } from './contract.js';
import { fraction, quantity } from '../schema/param.js';
import { emptyStream, lotListMass } from '../streams/stream.js';
import { lotWithMass, type Lot } from '../streams/lot.js';
import { EnergyLedger } from './correlations/energy.js';
import {
  aqueousSplit, solubleSet, dissolve, cakeWaterFor, addKg, componentList, componentNumberMap, SOLUBILITY_MAX, DEFAULT_SOLUBLES,
  lotsVolume_m3_per_h, LIQUOR_DENSITY_KG_PER_M3, OTHER_SOLIDS_DENSITY_KG_PER_M3,
} from './correlations/finishing.js';
import { costOf } from './data/equipment.js';
import { msg } from '../schema/messages.js';

const params = z.strictObject({
  solidsCapture: fraction({ description: 'fraction of the solids retained in the cake (the rest passes as fines)', default: 0.995, above: 0, source: 'assumption: cloth filter press on a 10 µm oxide powder loses ≈0.5 % as fines' }),
  cakeMoisture: fraction({ description: 'water mass fraction of the cake, water/(water + dry solids)', default: 0.25, max: 0.95, source: 'assumption: filter-press cake of dense oxide powder holds 15–25 wt% water (upper end without air blow)' }),
  solubles: componentList(DEFAULT_SOLUBLES, 'components that are dissolved in the slurry water (liquid/aqueous components always are)', 'assumption: the soluble residues of the relithiation, etching and coating routes'),
  solubility: componentNumberMap('solubility overrides, kg solute per kg water', 'CRC Handbook aqueous solubilities [MEMORY-grade] (correlations/finishing.ts)', 'kg/kg', SOLUBILITY_MAX),
  pumpEnergy: quantity('kWh/m3', { description: 'filter-feed pumping energy per m³ of slurry', default: 0.15, min: 0, max: 10, source: 'assumption: ≈30 m head at the end of a press fill, 55 % pump efficiency' }),
  pressEnergy: quantity('kWh/t', { description: 'press hydraulics, squeeze and cake discharge per tonne of dry cake', default: 1, min: 0, max: 100, source: 'assumption: hydraulic closing and membrane squeeze of a plate press, ≈1 kWh per tonne of cake' }),
  filtrationTime: quantity('h', { description: 'residence time of the slurry in the press (fill, filtration, squeeze)', default: '1 h', above: 0, max: 48, source: 'assumption: one-hour press cycle of fill and squeeze' }),
});

export const filtration = defineUnitOp({
  kind: 'filtration',
  summary: 'filter press: slurry to a wet cake and a filtrate',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'slurry to dewater' }],
    outlets: [
      { name: 'solids', description: 'filter cake (captured solids with cake liquor)' },
      { name: 'liquor', description: 'filtrate (liquor, dissolved salts, fines)' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const diagnostics: Diagnostic[] = [];
    const split = aqueousSplit(feed, solubleSet(p.solubles));
    const { dissolved, undissolved, undissolvedMass } = dissolve(split.solutes, split.water, feed.temperatureK, p.solubility);
    const solids = emptyStream(feed.temperatureK);
    const liquor = emptyStream(feed.temperatureK);
    const cap = p.solidsCapture;
    for (const lot of feed.lots) {
      const kept: Lot = lotWithMass(lot, lot.massKgPerHour * cap);
      solids.lots.push(kept);
      if (cap < 1) liquor.lots.push(lotWithMass(lot, lot.massKgPerHour - kept.massKgPerHour));
    }
    const toCake = (rec: Record<string, number>) => {
      for (const id in rec) {
        const kg = rec[id]!;
        const c = kg * cap;
        addKg(solids.components, id, c);
        addKg(liquor.components, id, kg - c);
      }
    };
    toCake(split.insoluble);
    toCake(undissolved);
    const cakeDry = lotListMass(feed.lots) * cap + (split.insolubleMass + undissolvedMass) * cap;
    let cakeWater = cakeWaterFor(cakeDry, p.cakeMoisture);
    if (cakeWater > split.water) {
      if (cakeDry > 0) diagnostics.push({ code: 'cake-not-saturated', severity: 'info', where: ctx.unitId, message: msg.filterCakeDrier(split.water.toPrecision(4), cakeWater.toPrecision(4)) });
      cakeWater = split.water;
    }
    const phi = split.water > 0 ? cakeWater / split.water : 0;
    addKg(solids.components, 'H2O', cakeWater);
    addKg(liquor.components, 'H2O', split.water - cakeWater);
    for (const id in dissolved) {
      const d = dissolved[id]!;
      const c = d * phi;
      addKg(solids.components, id, c);
      addKg(liquor.components, id, d - c);
    }
    for (const id in split.gases) addKg(liquor.components, id, split.gases[id]!);

    const slurryM3 = split.water / LIQUOR_DENSITY_KG_PER_M3 + lotsVolume_m3_per_h(feed.lots) + (split.insolubleMass + undissolvedMass) / OTHER_SOLIDS_DENSITY_KG_PER_M3;
    const ledger = new EnergyLedger(ctx.describe !== false)
      .motor('filter-feed pump', p.pumpEnergy * slurryM3, () => `${slurryM3.toPrecision(4)} m³/h × ${p.pumpEnergy} kWh/m³`)
      .motor('press hydraulics', (p.pressEnergy * cakeDry) / 1000, () => `${(cakeDry / 1000).toPrecision(4)} t/h dry cake × ${p.pressEnergy} kWh/t`);
    return {
      outlets: { solids, liquor },
      draws: {},
      recycled: {},
      energy: ledger.build(),
      metrics: { cakeDrySolids_kg_per_h: cakeDry, cakeWater_kg_per_h: cakeWater, liquorToCakeFraction: phi },
      diagnostics,
    };
  },
  design: (p, _inlets, run) => {
    const press = costOf('filterPress');
    return {
      mode: 'continuous',
      residenceTimeH: p.filtrationTime,
      equipment: [
        {
          name: 'filter-press',
          description: 'plate filter press battery (staggered batches)',
          mode: 'continuous',
          sizeUnit: 't/h',
          maxSize: press.maxSize,
          minSize: 0.01,
          capacityPerSize: 1000,
          loadBasis: 'dry cake solids',
          loadKgPerHour: run.metrics?.cakeDrySolids_kg_per_h ?? 0,
          cycle: undefined,
          powerKwPerSize: undefined,
          cost: press,
        },
      ],
      operatorsPerShift: 0.5,
    };
  },
});
