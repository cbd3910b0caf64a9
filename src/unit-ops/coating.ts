/**
 * `coating`: wet coating of regenerated CAM with Li3PO4 (review Table 1 [94]), Al2O3, or a polymer
 * (spandex [53] / polyurea [95], represented by the `urethane` component): mix with the precursor
 * solution, dry, and calcine the inorganic coatings.
 *
 * Chemistry (balanced, per kmol of coating):
 * - Li3PO4 from LiOH: 3 LiOH + H3PO4 → Li3PO4 + 3 H2O (LiOH·H2O: + 3 more H2O). Residual Li salts
 *   already on the powder are used first and reported as recycled: LiOH, LiOH·H2O, and
 *   3 Li2CO3 + 2 H3PO4 → 2 Li3PO4 + 3 CO2 + 3 H2O.
 * - Li3PO4 by phosphate etching of the lot's surface Li (`li3po4Source: surface-Li`, the route of
 *   [94]): after the residual salts, Li_r MO2 + δ/3 H3PO4 + δ/4 O2 → Li_{r−δ} MO2 + δ/3 Li3PO4 +
 *   δ/2 H2O (lot formula with fixed 2 O per TM); each lot gives the Li of its own coating share.
 * - Al2O3 from aluminium nitrate, calcined: 4 Al(NO3)3·9H2O → 2 Al2O3 + 12 NO2 + 3 O2 + 36 H2O.
 * - polymer: the polymer is drawn dissolved in a solvent (NMP by default); the solvent evaporates,
 *   NMP is recovered at 99.5 % (EverBatt/BatPaC, REFERENCE.md 1.3.4) and only the loss is drawn.
 * Coating thickness per lot (spheres): area per kg = 6/(ρ_NCM·D50), ρ_NCM = 4650 kg/m³ (BattMo,
 * REFERENCE.md 1.6), so t = w·ρ_NCM·D50/(6·ρ_coat) for w kg coating per kg lot: at the same mass
 * fraction small particles get thinner coatings. Densities: Li3PO4 2537, α-Al2O3 3950 (handbook
 * values [MEMORY]; amorphous coatings are lighter, i.e. thicker), polyurethane 1200 kg/m³
 * (assumption). lot.coating and lot.coating_nm are set per lot; the coating mass travels as a
 * component with the product.
 * Energy: mixer motor; drying of solvent and reaction water (sensible + latent ÷ dryer efficiency);
 * calcination of the inorganic coatings (sensible to the calcination temperature ÷ calciner
 * efficiency; nitrate decomposition enthalpy not included — no sourced value).
 */
import { z } from 'zod';
import { defineUnitOp, reportText, type Diagnostic } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { copyFlows, emptyStream, lotListMass, lotListCpFlow_kW_per_K } from '../streams/stream.js';
import { copyLot, type Lot } from '../streams/lot.js';
import { component } from '../chemistry/components.js';
import { EnergyLedger, sensibleKw } from './correlations/energy.js';
import { addKg, kgOf, kmolOf, withLiPerTm, componentsCpFlow_kW_per_K, lotsVolume_m3_per_h, NCM_DENSITY_KG_PER_M3, LIQUOR_DENSITY_KG_PER_M3, optionalQuantity, tmKmolOf } from './correlations/finishing.js';
import { costOf } from './data/equipment.js';
import { msg } from '../schema/messages.js';

/** Coating densities, kg/m³. */
const DENSITY: Record<'Li3PO4' | 'Al2O3' | 'polymer', number> = { Li3PO4: 2537, Al2O3: 3950, polymer: 1200 };
/** Component carrying each coating. */
const COATING_ID = { Li3PO4: 'Li3PO4', Al2O3: 'Al2O3', polymer: 'urethane' } as const;
/** Temperature of calcined product leaving the calciner's cooling section, K (assumption: 80 °C). */
const CALCINED_DISCHARGE_K = 353.15;

const params = z.strictObject({
  material: described(z.enum(['Li3PO4', 'Al2O3', 'polymer']).default('Li3PO4'), { description: 'coating material', source: 'review Table 1: Li3PO4 [94], spandex [53], polyurea [95]; Al2O3 the common oxide coating' }),
  coatingFraction: fraction({ description: 'coating mass per mass of CAM fed (kg/kg)', default: 0.01, max: 0.2, source: 'assumption: ≈1 wt% coatings are usual for Li3PO4/Al2O3 on NCM' }),
  li3po4Source: described(z.enum(['LiOH+H3PO4', 'surface-Li']).default('LiOH+H3PO4'), { description: 'Li of the Li3PO4 coating: fresh LiOH with H3PO4, or the lot\'s surface Li etched by H3PO4 (phosphate etching)', source: 'review Table 1 [94] (phosphate etching); REFERENCE.md 1.3.7 prices H3PO4' }),
  lithiumReagent: described(z.enum(['LiOH', 'LiOH·H2O']).default('LiOH'), { description: 'fresh lithium hydroxide form for Li3PO4', source: 'assumption: anhydrous LiOH as priced by EverBatt (REFERENCE.md 1.3.7)' }),
  coatingDensity: optionalQuantity('kg/m3', { description: 'density of the coating layer', defaultText: 'Li3PO4 2537, Al2O3 3950, polymer 1200 kg/m3', min: 1, max: 25000, source: 'handbook densities (Li3PO4, α-Al2O3) [MEMORY]; polyurethane ≈1.2 g/cm³ assumption' }),
  solventPerKgCam: quantity('', { description: 'solvent (water for inorganic coatings) per kg CAM in the wet mix (kg/kg)', default: 0.3, min: 0, max: 100, source: 'assumption: wet-paste impregnation' }),
  polymerSolvent: described(z.enum(['NMP', 'water']).default('NMP'), { description: 'solvent of the polymer solution', source: 'assumption: polar aprotic solvent for polyurethanes (NMP in the registry)' }),
  polymerConcentration: fraction({ description: 'polymer mass fraction of the coating solution', default: 0.05, above: 0, source: 'assumption: dilute (5 wt%) polymer solution' }),
  solventRecovery: fraction({ description: 'fraction of evaporated NMP recovered and reused (water is not recovered)', default: 0.995, source: 'EverBatt/BatPaC NMP recovery 99.5 % (REFERENCE.md 1.3.4)' }),
  calcinationTemperature: quantity('K', { description: 'calcination temperature of inorganic coatings', default: '500 degC', min: 373.15, max: 1273.15, displayUnit: 'degC', source: 'assumption: Li3PO4/Al2O3 coatings are annealed at 400–700 °C' }),
  dryingTemperature: quantity('K', { description: 'drying temperature of the wet mix', default: '120 degC', min: 273.15, max: 573.15, displayUnit: 'degC', source: 'assumption' }),
  dryerEfficiency: fraction({ description: 'fraction of drying heat that reaches the material', default: 0.65, above: 0, source: 'assumption: indirect dryer' }),
  dryerUtility: described(z.enum(['steam', 'natural-gas', 'electricity']).default('steam'), { description: 'drying utility', source: 'assumption: steam-tube dryer (REFERENCE.md 1.1.8)' }),
  calcinerEfficiency: fraction({ description: 'fraction of calcination heat that reaches the material (walls included)', default: 0.5, above: 0, source: 'assumption: rotary calciner with wall losses (REFERENCE.md 1.4: gas kilns ≈25–60 %)' }),
  calcinerUtility: described(z.enum(['electricity', 'natural-gas']).default('electricity'), { description: 'calcination utility', source: 'assumption: electric rotary calciner' }),
  mixingEnergy: quantity('kWh/kg', { description: 'mixer energy per kg of CAM', default: 0.01, min: 0, max: 1, source: 'assumption' }),
  mixingTime: quantity('h', { description: 'mixing time per batch', default: '1 h', above: 0, max: 48, source: 'assumption' }),
  workingFill: fraction({ description: 'mix volume ÷ mixer volume', default: 0.7, above: 0, source: 'assumption' }),
});

type Params = z.output<typeof params>;

/** Coating thickness, nm, of `w` kg coating per kg lot on spheres of `d50_um`. */
export function coatingThicknessNm(w: number, d50_um: number, coatingDensity: number): number {
  return ((w * NCM_DENSITY_KG_PER_M3 * d50_um * 1e-6) / (6 * coatingDensity)) * 1e9;
}

function densityOf(p: Params): number {
  return p.coatingDensity ?? DENSITY[p.material];
}

export const coating = defineUnitOp({
  kind: 'coating',
  summary: 'wet coating with Li3PO4, Al2O3 or a polymer: mix, dry, calcine; coating thickness per lot',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'CAM to coat (lots, possibly residual Li salts)' }],
    outlets: [
      { name: 'product', description: 'coated CAM (coating as a component)' },
      { name: 'vent', description: 'evaporated water and solvent losses, NO2, O2, CO2' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const diagnostics: Diagnostic[] = [];
    const draws: Record<string, number> = {};
    const recycled: Record<string, number> = {};
    const comps: Record<string, number> = {};
    for (const id in feed.components) if (feed.components[id]! !== 0) comps[id] = feed.components[id]!;
    const vent = emptyStream(p.dryingTemperature);
    const camKg = lotListMass(feed.lots);
    const coatId = COATING_ID[p.material];
    const coatKg = p.coatingFraction * camKg;
    const coatKmol = kmolOf(coatId, coatKg);
    const rho = densityOf(p);
    let waterVapour = 0; // kg/h of H2O evaporated (solvent + reaction water)
    let solventKg = 0; // polymer solvent put through the dryer
    let lots: Lot[] = feed.lots.slice(); // lots are immutable: unchanged ones are shared
    const calcine = p.material !== 'polymer';

    if (p.material === 'Li3PO4') {
      // Li needed, kmol: 3 per Li3PO4. Residual salts first.
      let liNeed = 3 * coatKmol;
      let h3po4 = 0;
      const takeSalt = (id: 'LiOH·H2O' | 'LiOH' | 'Li2CO3') => {
        const kg = comps[id];
        if (!kg || liNeed <= 0) return;
        const liPer = component(id).composition.Li!;
        const k = Math.min(kmolOf(id, kg), liNeed / liPer);
        liNeed -= k * liPer;
        const used = kgOf(id, k);
        comps[id] = kg - used;
        if (comps[id]! <= kg * 1e-12) delete comps[id];
        recycled[id] = (recycled[id] ?? 0) + used;
        if (id === 'Li2CO3') {
          h3po4 += (2 / 3) * k;
          addKg(vent.components, 'CO2', kgOf('CO2', k));
          waterVapour += kgOf('H2O', k);
        } else {
          h3po4 += k / 3;
          waterVapour += kgOf('H2O', id === 'LiOH' ? k : 2 * k);
        }
      };
      takeSalt('LiOH·H2O');
      takeSalt('LiOH');
      takeSalt('Li2CO3');
      if (liNeed > 0) {
        if (p.li3po4Source === 'LiOH+H3PO4') {
          draws[p.lithiumReagent] = kgOf(p.lithiumReagent, liNeed);
          h3po4 += liNeed / 3;
          waterVapour += kgOf('H2O', p.lithiumReagent === 'LiOH' ? liNeed : 2 * liNeed);
        } else {
          // Phosphate etching of surface Li, each lot giving the Li of its own coating share.
          lots = lots.map((l) => {
            if (l.massKgPerHour <= 0 || camKg <= 0) return l;
            const liLot = (liNeed * l.massKgPerHour) / camKg;
            const n = tmKmolOf(l);
            const delta = liLot / n;
            if (delta > l.liPerTm) throw new Error('internal: phosphate etching would take more Li than the lot holds');
            return withLiPerTm(l, l.liPerTm - delta);
          });
          h3po4 += liNeed / 3;
          draws.O2 = kgOf('O2', liNeed / 4);
          waterVapour += kgOf('H2O', liNeed / 2);
          const lowest = Math.min(...lots.map((l) => l.liPerTm));
          if (lowest < 0.95) diagnostics.push({ code: 'lattice-li-etched', severity: 'warning', where: ctx.unitId, message: msg.latticeLiEtched(lowest.toFixed(3)) });
        }
      }
      if (h3po4 > 0) draws.H3PO4 = kgOf('H3PO4', h3po4);
    } else if (p.material === 'Al2O3') {
      const nitrate = 2 * coatKmol;
      draws['Al(NO3)3·9H2O'] = kgOf('Al(NO3)3·9H2O', nitrate);
      addKg(vent.components, 'NO2', kgOf('NO2', 6 * coatKmol));
      addKg(vent.components, 'O2', kgOf('O2', 1.5 * coatKmol));
      waterVapour += kgOf('H2O', 18 * coatKmol);
    } else {
      draws.urethane = coatKg;
      solventKg = (coatKg * (1 - p.polymerConcentration)) / p.polymerConcentration;
    }
    // Solvent of the inorganic wet mix (water).
    const mixWater = calcine ? p.solventPerKgCam * camKg : 0;
    // Feed moisture and volatiles evaporate in the dryer too.
    let feedWater = 0;
    const feedVolatiles: Record<string, number> = {};
    for (const id in comps) {
      const c = component(id);
      if (c.phase === 'gas') { addKg(vent.components, id, comps[id]!); delete comps[id]; }
      else if (id === 'H2O') { feedWater += comps[id]!; delete comps[id]; }
      else if (c.phase === 'liquid' && c.latentHeat_J_per_kg !== undefined) { feedVolatiles[id] = comps[id]!; addKg(vent.components, id, comps[id]!); delete comps[id]; }
    }
    const solventIsWater = p.material !== 'polymer' || p.polymerSolvent === 'water';
    const waterEvaporated = waterVapour + mixWater + feedWater + (solventIsWater ? solventKg : 0);
    const freshWater = mixWater + (solventIsWater ? solventKg : 0);
    if (freshWater > 0) draws.H2O = freshWater;
    addKg(vent.components, 'H2O(g)', waterEvaporated);
    let nmpLoss = 0;
    if (!solventIsWater && solventKg > 0) {
      nmpLoss = solventKg * (1 - p.solventRecovery);
      if (nmpLoss > 0) { draws.NMP = nmpLoss; addKg(vent.components, 'NMP', nmpLoss); }
    }

    // Product: lots with their coating, the coating component, remaining residues.
    const product = emptyStream(calcine ? CALCINED_DISCHARGE_K : p.dryingTemperature);
    product.lots = lots.map((l) => {
      const t = coatingThicknessNm(p.coatingFraction, l.d50_um, rho); // kg coating per kg of the lot as fed
      const coated = copyLot(l);
      coated.coating = l.coating ? `${l.coating}+${coatId}` : coatId;
      coated.coating_nm = l.coating_nm + t;
      return coated;
    });
    for (const id in comps) addKg(product.components, id, comps[id]!);
    addKg(product.components, coatId, coatKg);

    // Energy.
    const ledger = new EnergyLedger(ctx.describe !== false);
    ledger.motor('coating mixer', p.mixingEnergy * camKg, () => `${camKg.toPrecision(4)} kg/h × ${p.mixingEnergy} kWh/kg`);
    const tIn = feed.temperatureK;
    const dry = { utility: p.dryerUtility, efficiency: p.dryerEfficiency, basis: '' } as const; // basis here: each item's spread replaces it (V8 is slow to add a key to a spread copy)
    const water = component('H2O');
    const dTwet = Math.max(0, Math.min(p.dryingTemperature, water.boilingPoint_K!) - tIn);
    const liquidWater = waterEvaporated - waterVapour; // reaction water forms at temperature, so only liquid water is heated
    ledger.heat('heating of the wet mix water', 'sensible', sensibleKw(liquidWater, water.cp_J_per_kgK!, dTwet), { ...dry, basis: () => `${liquidWater.toPrecision(4)} kg/h × ${water.cp_J_per_kgK!.toFixed(0)} J/(kg·K) × ${dTwet.toFixed(1)} K` });
    ledger.heat('evaporation of water', 'latent', (waterEvaporated * water.latentHeat_J_per_kg!) / 3.6e6, { ...dry, basis: () => `${waterEvaporated.toPrecision(4)} kg/h × ${(water.latentHeat_J_per_kg! / 1000).toFixed(0)} kJ/kg` });
    const solvents = copyFlows(feedVolatiles);
    if (!solventIsWater && solventKg > 0) addKg(solvents, p.polymerSolvent, solventKg);
    for (const id in solvents) {
      const c = component(id);
      const kg = solvents[id]!;
      const dT = Math.max(0, Math.min(p.dryingTemperature, c.boilingPoint_K ?? p.dryingTemperature) - tIn);
      ledger.heat(`heating of ${id}`, 'sensible', sensibleKw(kg, c.cp_J_per_kgK ?? 2000, dT), { ...dry, basis: () => `${kg.toPrecision(4)} kg/h × ${(c.cp_J_per_kgK ?? 2000).toFixed(0)} J/(kg·K) × ${dT.toFixed(1)} K` });
      ledger.heat(`evaporation of ${id}`, 'latent', (kg * c.latentHeat_J_per_kg!) / 3.6e6, { ...dry, basis: () => `${kg.toPrecision(4)} kg/h × ${(c.latentHeat_J_per_kg! / 1000).toFixed(0)} kJ/kg (recovered solvent is evaporated too)` });
    }
    const solidsCp = lotListCpFlow_kW_per_K(lots) + componentsCpFlow_kW_per_K(product.components);
    const dTdry = Math.max(0, p.dryingTemperature - tIn);
    ledger.heat('heating of the solids in the dryer', 'sensible', solidsCp * dTdry, { ...dry, basis: () => `${(solidsCp * 3600).toPrecision(4)} kJ/(h·K) × ${dTdry.toFixed(1)} K` });
    if (calcine) {
      const dTc = Math.max(0, p.calcinationTemperature - Math.max(tIn, p.dryingTemperature));
      ledger.heat('calcination of the coated powder', 'sensible', solidsCp * dTc, { utility: p.calcinerUtility, efficiency: p.calcinerEfficiency, basis: () => `${(solidsCp * 3600).toPrecision(4)} kJ/(h·K) × ${dTc.toFixed(1)} K (decomposition enthalpy of the precursors not included)` });
    }

    const productKg = lotListMass(product.lots) + Object.values(product.components).reduce((a, v) => a + v, 0);
    const mixM3 = lotsVolume_m3_per_h(feed.lots) + (mixWater + solventKg) / LIQUOR_DENSITY_KG_PER_M3;
    return {
      outlets: { product, vent },
      draws,
      recycled,
      energy: ledger.build(),
      metrics: {
        coating_kg_per_h: coatKg,
        coatingThicknessAtD50_10um_nm: coatingThicknessNm(p.coatingFraction, 10, rho),
        product_kg_per_h: productKg,
        cam_kg_per_h: camKg,
        mix_m3_per_h: mixM3,
        solventEvaporated_kg_per_h: waterEvaporated + solventKg,
        nmpLoss_kg_per_h: nmpLoss,
      },
      diagnostics,
    };
  },
  design: (p, _inlets, run, ctx) => {
    const m = run.metrics ?? {};
    const camKg = m.cam_kg_per_h ?? 0;
    const mixM3 = m.mix_m3_per_h ?? 0;
    const camPerM3 = mixM3 > 0 ? camKg / mixM3 : NCM_DENSITY_KG_PER_M3;
    const cycle = { loadH: 0.25, heatH: 0, dwellH: p.mixingTime, coolH: 0, unloadH: 0.25, cleanH: 0 };
    const mixer = costOf('finishingAgitatedTank');
    const dryer = costOf('dryer');
    const calciner = costOf('calciner');
    const equipment = [
      {
        name: 'coating-mixer',
        description: 'agitated coating mixer (precursor solution + CAM)',
        mode: 'batch' as const,
        sizeUnit: 'm3',
        maxSize: 20,
        minSize: mixer.minSize,
        capacityPerSize: p.workingFill * camPerM3,
        loadBasis: 'CAM per batch',
        loadKgPerHour: camKg,
        cycle,
        powerKwPerSize: undefined,
        cost: mixer,
      },
      {
        name: 'dryer',
        description: 'steam-tube dryer for the coated powder',
        mode: 'continuous' as const,
        sizeUnit: 't/h',
        maxSize: dryer.maxSize,
        minSize: dryer.minSize,
        capacityPerSize: 1000,
        loadBasis: 'coated product',
        loadKgPerHour: m.product_kg_per_h ?? 0,
        cycle: undefined,
        powerKwPerSize: undefined,
        cost: dryer,
      },
    ];
    if (p.material !== 'polymer') {
      equipment.push({
        name: 'calciner',
        description: reportText(ctx, () => `rotary calciner at ${(p.calcinationTemperature - 273.15).toFixed(0)} °C`),
        mode: 'continuous' as const,
        sizeUnit: 't/h',
        maxSize: calciner.maxSize,
        minSize: calciner.minSize,
        capacityPerSize: 1000,
        loadBasis: 'coated product',
        loadKgPerHour: m.product_kg_per_h ?? 0,
        cycle: undefined,
        powerKwPerSize: undefined,
        cost: calciner,
      });
    }
    return { mode: 'batch', residenceTimeH: p.mixingTime, cycle, equipment, operatorsPerShift: 1 };
  },
});
