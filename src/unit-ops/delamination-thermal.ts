/**
 * `delamination-thermal`: binder and carbon burn-off in air in a continuous (rotary/belt) furnace at
 * 500–600 °C; the loosened CAM is screened from the foil. The off-gas HF is scrubbed with lime.
 *
 * Reactions (balanced over registry components, applied with conversions):
 *   PVDF + 2 O2 → 2 CO2 + 2 HF                      (pvdfConversion)
 *   C (carbon black, CNT, graphene) + O2 → CO2       (carbonConversion; graphite is not burned at
 *                                                     these temperatures — assumption)
 *   EC + 2.5 O2 → 3 CO2 + 2 H2O,  DMC + 3 O2 → 3 CO2 + 3 H2O,  PP + 4.5 O2 → 3 CO2 + 3 H2O,
 *   PE + 3 O2 → 2 CO2 + 2 H2O,  PAA + 3 O2 → 3 CO2 + 2 H2O  (organicsConversion)
 *   HF attack on the CAM (a share hfAttack of the HF formed, per lot in proportion to its surface,
 *   i.e. mass / D50 — assumption: a surface reaction):
 *     Li_r MO2 + x HF + x/4 O2 → Li_(r−x) MO2 + x LiF + x/2 H2O   (TM moles and O per TM conserved)
 *   which lowers each lot's Li/TM — why thermal routes need more relithiation.
 *   Lime scrubber: CaO + 2 HF → CaF2 + H2O (scrubberEfficiency of the HF; lime drawn at limeRatio ×
 *   stoichiometric, EverBatt's lime = F/38·56); uncaptured HF leaves in `vent`.
 *   Air: λ (excessAir) × the O2 demand, drawn as `air` (21 % O2, 79 % N2); N2 and excess O2 to `vent`.
 *   Moisture evaporates to `vent`; the electrolyte salt LiPF6 is not decomposed in this model
 *   (assumption) and follows the CAM as a solid residue to be washed out.
 * Energy: sensible heat of the charge (Cp of lots and components) and of the air to the furnace
 * temperature, latent heat of moisture, divided by the furnace efficiency (flue-gas loss); kiln wall
 * loss U·A·ΔT for a rotary kiln of L/D = 10 holding the charge for `duration` at `fill` of its
 * volume; a share `reactionHeatCredit` of the carbon combustion heat (ΔfH CO2 = −393.5 kJ/mol)
 * may offset the duty (default 0: the heat is released in the off-gas above the bed); kiln drive and
 * off-gas fan electricity. Solids leave cooled to ambient (heat not recovered — assumption).
 */
import { z } from 'zod';
import { defineUnitOp, type Diagnostic, type EquipmentSpec } from './contract.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../chemistry/elements.js';
import { fraction, quantity, described, documentedRange } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { parseReaction, type Reaction } from '../chemistry/reaction.js';
import { emptyStream, streamMass, lotsMass, lotsCpFlow_kW_per_K } from '../streams/stream.js';
import { LotCursor, rowsLike, rowsOf, type RowStream } from '../streams/row-stream.js';
import { EnergyLedger, basisText, cylinderSurfaceM2, evaporationKw, sensibleKw, wallLossKw } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { addKg, cpOf, defaultFate, foilScreen, massPerTm, splitLots, yieldParams, camToCamShare, metalCarryOver, CAM_DENSITY_KG_PER_M3 } from './correlations/preparation.js';
import { SOAK_H, WALL_U, withCeiling } from './correlations/limits.js';

const AL_MELTING_K = 933.47; // CRC Handbook: Al melts at 660.32 °C
const MW = (id: string) => component(id).molarMass_g_per_mol;
const O2_IN_AIR = 0.21;
const AIR_MW = MW('air');
/** Carbon combustion enthalpy, kJ/kmol C (ΔfH°(CO2, g) = −393.51 kJ/mol, CODATA/NIST). */
const CARBON_COMBUSTION_KJ_PER_KMOL = 393.51e3;

type Burn = { id: string; reaction: Reaction; conversion: 'pvdfConversion' | 'carbonConversion' | 'organicsConversion'; carbon?: boolean };
const BURNS: Burn[] = [
  { id: 'PVDF', reaction: parseReaction('PVDF + 2 O2 -> 2 CO2 + 2 HF'), conversion: 'pvdfConversion' },
  { id: 'carbon-black', reaction: parseReaction('carbon-black + O2 -> CO2'), conversion: 'carbonConversion', carbon: true },
  { id: 'CNT', reaction: parseReaction('CNT + O2 -> CO2'), conversion: 'carbonConversion', carbon: true },
  { id: 'graphene', reaction: parseReaction('graphene + O2 -> CO2'), conversion: 'carbonConversion', carbon: true },
  { id: 'EC', reaction: parseReaction('EC + 2.5 O2 -> 3 CO2 + 2 H2O(g)'), conversion: 'organicsConversion' },
  { id: 'DMC', reaction: parseReaction('DMC + 3 O2 -> 3 CO2 + 3 H2O(g)'), conversion: 'organicsConversion' },
  { id: 'PP', reaction: parseReaction('PP + 4.5 O2 -> 3 CO2 + 3 H2O(g)'), conversion: 'organicsConversion' },
  { id: 'PE', reaction: parseReaction('PE + 3 O2 -> 2 CO2 + 2 H2O(g)'), conversion: 'organicsConversion' },
  { id: 'PAA', reaction: parseReaction('PAA + 3 O2 -> 3 CO2 + 2 H2O(g)'), conversion: 'organicsConversion' },
];
const BURN_BY_ID = new Map(BURNS.map((b) => [b.id, b]));

const params = z
  .strictObject({
    temperature: documentedRange(quantity('K', {
      description: 'furnace temperature (binder and carbon burn-off in air)',
      default: '550 degC', above: 0, displayUnit: 'degC',
      source: 'assumption: middle of the 500–600 °C burn-off window used for thermal delamination — PVDF decomposes above ≈450 °C and the Al foil melts at 660 °C (the max: the foil must stay solid to be screened off)',
    }), { below: AL_MELTING_K }),
    duration: quantity('h', { description: 'residence time of the charge in the furnace', default: '1 h', above: 0, max: SOAK_H.max, source: withCeiling('assumption: 1 h at temperature', SOAK_H) }),
    pvdfConversion: fraction({ description: 'fraction of the PVDF burned (PVDF + 2 O2 → 2 CO2 + 2 HF)', default: 0.98, source: 'assumption: near-complete binder removal at 550 °C in air' }),
    carbonConversion: fraction({ description: 'fraction of carbon black (and CNT, graphene) burned to CO2', default: 0.9, source: 'assumption: carbon black oxidises more slowly than the binder at 550 °C' }),
    organicsConversion: fraction({ description: 'fraction of electrolyte solvents and plastics (EC, DMC, PP, PE, PAA) burned', default: 1, source: 'assumption: complete combustion in excess air' }),
    hfAttack: fraction({
      description: 'fraction of the HF formed that reacts with lattice Li of the CAM to LiF (lowers Li/TM)',
      default: 0.1,
      source: 'assumption: 10 % of the HF released inside the bed reacts with the particles before leaving it (LiF is found on thermally delaminated CAM); override with a measured LiF content',
    }),
    scrubber: described(z.enum(['lime', 'none']).default('lime'), { description: 'off-gas treatment: dry lime scrubber (CaO + 2 HF → CaF2 + H2O) or none (HF to vent)', source: 'EverBatt preprocessing uses lime for fluorine (REFERENCE.md 1.3.1)' }),
    scrubberEfficiency: fraction({ description: 'fraction of the off-gas HF captured by the scrubber', default: 0.99, source: 'assumption: dry lime scrubbers capture 95–99+ % of HF' }),
    limeRatio: quantity('', { description: 'lime drawn per stoichiometric lime for the captured HF', default: 1, min: 1, max: 10, source: 'EverBatt 2023: lime = F/38·56, i.e. stoichiometric CaO for the fluorine (REFERENCE.md 1.3.1, 1.3.2); max 10× stoichiometric: plausibility ceiling (dry scrubbers dose ≈1.5–3×)' }),
    excessAir: quantity('', { description: 'air ratio λ: air supplied / stoichiometric air for the burn-off', default: 1.5, min: 1, max: 10, source: 'assumption: 50 % excess air keeps the bed oxidising; max λ = 10: plausibility ceiling, the air would only cool the kiln (burners run at λ ≈ 1.1–3)' }),
    heating: described(z.enum(['natural-gas', 'electricity']).default('natural-gas'), { description: 'furnace heating', source: 'EverBatt heat-treatment furnace burns natural gas (REFERENCE.md 1.3.1: 2 MJ NG per kg feed)' }),
    furnaceEfficiency: fraction({
      description: 'fraction of the fuel (or electric) heat that reaches charge and air (flue-gas loss)',
      default: 0.5, above: 0,
      source: 'assumption between Kanthal\'s "perhaps 25 percent" (no heat recovery) and "around 60 percent" (state-of-the-art recovery) gas-fired kiln efficiencies (REFERENCE.md 1.4 [L])',
    }),
    wallU: quantity('W/(m2 K)', { description: 'heat-loss coefficient of the refractory-lined kiln shell (per K of furnace − ambient)', default: 1, min: 0, max: WALL_U.max, source: withCeiling('assumption: refractory lining, shell at ≈60 °C → ≈1 W/(m²·K) referred to the inside temperature', WALL_U) }),
    bulkDensity: quantity('kg/m3', { description: 'bulk density of the shredded electrode scrap in the kiln', default: 1000, above: 0, max: CAM_DENSITY_KG_PER_M3, source: `assumption: shredded cathode sheets ≈1 t/m³; max ${CAM_DENSITY_KG_PER_M3} kg/m³, the density of the cathode oxide itself — a bed of scrap is never denser` }),
    kilnFill: fraction({ description: 'fraction of the kiln volume occupied by the bed', default: 0.15, above: 0, source: 'assumption: 10–20 % fill of a rotary kiln' }),
    drivePower: quantity('kW/(kg/h)', { description: 'kiln drive and screen power per kg/h of feed', default: '5 kW/(t/h)', min: 0, max: 0.1, source: 'assumption: 5 kW per t/h; max 100 kW per t/h: plausibility ceiling, 20× the default' }),
    fanPressure: quantity('Pa', { description: 'pressure rise of the off-gas fan (kiln, scrubber, filter)', default: '5 kPa', min: 0, max: 50000, source: 'assumption: 5 kPa across kiln, scrubber and bag filter; fan efficiency 0.6; max 50 kPa: 10× the default, beyond what a fan (rather than a compressor) delivers' }),
    reactionHeatCredit: fraction({ description: 'share of the carbon combustion heat credited against the furnace duty', default: 0, source: 'assumption: the heat is released in the off-gas above the bed and leaves with it' }),
    ...yieldParams({ camRecovery: 0.97, alCarryOver: 0.02, alWhy: 'the foil embrittles at 550 °C; 2 % passes the screen as fragments' }),
  })
  .superRefine((p, ctx) => {
    if (p.temperature >= AL_MELTING_K) ctx.addIssue({ code: 'custom', path: ['temperature'], message: msg.aboveFoilMelting(p.temperature - 273.15) });
  });

type P = z.output<typeof params>;

/** HF-attack Li loss per lot: the lots as rows with their new Li/TM and mass (row-stream.ts), LiF kmol formed. */
function attackLots(feed: RowStream, temperatureK: number, hfKmol: number): { lots: RowStream; liKmol: number } {
  const lot = new LotCursor(feed);
  let weight = 0;
  for (let i = 0; i < feed.n; i++) { lot.at(i); weight += lot.massKgPerHour / Math.max(lot.d50_um, 1e-3); }
  const out = feed.derived(temperatureK);
  const liPerTm = new Array<number>(feed.n);
  let liKmol = 0;
  for (let i = 0; i < feed.n; i++) {
    lot.at(i);
    if (hfKmol <= 0 || weight <= 0 || lot.massKgPerHour === 0) {
      // unchanged
      out.mass[i] = lot.massKgPerHour;
      liPerTm[i] = lot.liPerTm;
      continue;
    }
    const tm = lot.massKgPerHour / massPerTm(lot.chemistry, lot.liPerTm);
    const x = Math.min((hfKmol * lot.massKgPerHour) / Math.max(lot.d50_um, 1e-3) / weight, tm * lot.liPerTm);
    const r = lot.liPerTm - x / tm;
    liKmol += x;
    out.mass[i] = tm * massPerTm(lot.chemistry, r);
    liPerTm[i] = r;
  }
  out.overLiPerTm = liPerTm;
  return { lots: out, liKmol };
}

function kiln(p: P, feedKg: number) {
  const volume = (feedKg * p.duration) / (p.bulkDensity * p.kilnFill);
  const d = Math.cbrt((4 * volume) / (Math.PI * 10));
  return { volume, diameter: d, length: 10 * d, surface: volume > 0 ? cylinderSurfaceM2(volume, 10) : 0 };
}

export const delaminationThermal = defineUnitOp({
  kind: 'delamination-thermal',
  summary: 'binder and carbon burn-off in air at 500–600 °C (HF attack on the CAM, lime scrubber); foil screened off',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'cathode scrap: CAM lots, carbon black, PVDF, Al foil (maybe electrolyte, moisture)' }],
    outlets: [
      { name: 'cam', description: 'CAM lots (Li/TM lowered by HF attack) with LiF, unburned carbon and Al fragments' },
      { name: 'foil', description: 'Al foil and the CAM lost with it' },
      { name: 'vent', description: 'off-gas: CO2, H2O, N2, excess O2, uncaptured HF (emissions)' },
      { name: 'residue', description: 'scrubber solids: CaF2 and unreacted lime (waste)' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const c = feed.components;
    const toCam = camToCamShare(p.camRecovery, c, lotsMass(feed));
    const T = p.temperature;
    const solids: Record<string, number> = {};
    const gas: Record<string, number> = {};
    let o2Kmol = 0;
    let hfKmol = 0;
    let carbonKmol = 0;
    for (const id in c) {
      const kg = c[id]!;
      const burn = BURN_BY_ID.get(id);
      if (burn) {
        const nu = burn.reaction.reactants.find((t) => t.id === id)!.nu;
        const extent = (p[burn.conversion] * kg) / MW(id) / nu;
        for (const t of burn.reaction.reactants) {
          if (t.id === 'O2') o2Kmol += extent * t.nu;
          else if (t.id === id) addKg(solids, id, kg - extent * t.nu * MW(id));
        }
        for (const t of burn.reaction.products) {
          if (t.id === 'HF') hfKmol += extent * t.nu;
          else addKg(gas, t.id, extent * t.nu * MW(t.id));
        }
        if (burn.carbon) carbonKmol += extent;
        continue;
      }
      if (id === 'HF') { hfKmol += kg / MW('HF'); continue; }
      if (id === 'O2') { o2Kmol -= kg / MW('O2'); continue; }
      const fate = defaultFate(id);
      if (fate === 'gas') addKg(gas, id, kg);
      else if (fate === 'liquid') addKg(gas, id === 'H2O' ? 'H2O(g)' : id, kg);
      else addKg(solids, id, kg);
    }
    // HF attack on the lots: Li_r MO2 + x HF + x/4 O2 → Li_(r−x) MO2 + x LiF + x/2 H2O
    const attacked = attackLots(rowsOf(feed), ctx.ambientK, p.hfAttack * hfKmol);
    const li = attacked.liKmol;
    hfKmol -= li;
    o2Kmol += li / 4;
    addKg(gas, 'H2O(g)', (li / 2) * MW('H2O(g)'));
    addKg(solids, 'LiF', li * MW('LiF'));
    // air
    const o2Demand = Math.max(0, o2Kmol);
    const airKmol = (p.excessAir * o2Demand) / O2_IN_AIR;
    const draws: Record<string, number> = {};
    if (airKmol > 0) draws.air = airKmol * AIR_MW;
    addKg(gas, 'O2', (airKmol * O2_IN_AIR - o2Kmol) * MW('O2'));
    addKg(gas, 'N2', airKmol * (1 - O2_IN_AIR) * MW('N2'));
    // scrubber
    const residue = emptyStream(ctx.ambientK);
    let captured = 0;
    if (p.scrubber === 'lime' && hfKmol > 0) {
      captured = p.scrubberEfficiency * hfKmol;
      const limeKmol = (p.limeRatio * captured) / 2;
      draws.CaO = limeKmol * MW('CaO');
      addKg(residue.components, 'CaF2', (captured / 2) * MW('CaF2'));
      addKg(residue.components, 'CaO', (limeKmol - captured / 2) * MW('CaO'));
      addKg(gas, 'H2O(g)', (captured / 2) * MW('H2O(g)'));
    }
    addKg(gas, 'HF', (hfKmol - captured) * MW('HF'));
    // split solids between CAM and foil
    const charged = attacked.lots;
    const cam = rowsLike(charged, ctx.ambientK);
    const foil = rowsLike(charged, ctx.ambientK);
    splitLots(charged, toCam, cam, foil);
    for (const id in solids) {
      const kg = solids[id]!;
      const share = defaultFate(id) === 'foil-metal' ? metalCarryOver(p, id, ctx.feedBasis) : toCam;
      addKg(cam.components, id, kg * share);
      addKg(foil.components, id, kg - kg * share);
    }
    const vent = emptyStream(T);
    for (const id in gas) if (gas[id] !== 0) vent.components[id] = gas[id]!;

    // energy
    const feedKg = streamMass(feed);
    let chargeCp = lotsCpFlow_kW_per_K(feed);
    let liquidsCp = 0;
    for (const id in c) {
      const phase = component(id).phase;
      if (phase === 'gas' || id === 'H2O') continue;
      if (phase === 'solid') chargeCp += (c[id]! * cpOf(id)) / 3.6e6;
      else liquidsCp += (c[id]! * cpOf(id)) / 3.6e6;
    }
    const dT = Math.max(0, T - feed.temperatureK);
    const water = c.H2O ?? 0;
    const airKg = draws.air ?? 0;
    const airCp = cpOf('air');
    const items = [
      { name: 'sensible heat of the charge to furnace temperature', cat: 'sensible' as const, kw: (chargeCp + liquidsCp) * dT, basis: () => `${(chargeCp + liquidsCp).toPrecision(4)} kW/K × ${dT.toFixed(2)} K` },
      { name: 'sensible heat of the combustion air', cat: 'sensible' as const, kw: sensibleKw(airKg, airCp, Math.max(0, T - ctx.ambientK)), basis: () => `${airKg.toPrecision(4)} kg/h × ${airCp.toFixed(0)} J/(kg·K) × ${(T - ctx.ambientK).toFixed(2)} K` },
      { name: 'moisture: heating, evaporation, vapour to furnace temperature', cat: 'latent' as const, kw: sensibleKw(water, cpOf('H2O'), Math.max(0, 373.15 - feed.temperatureK)) + evaporationKw('H2O', water) + sensibleKw(water, cpOf('H2O(g)'), Math.max(0, T - 373.15)), basis: () => `${water.toPrecision(4)} kg/h water` },
    ];
    const needed = items.reduce((a, i) => a + i.kw, 0);
    const exoKw = (carbonKmol * CARBON_COMBUSTION_KJ_PER_KMOL) / 3600;
    const credit = Math.min(needed, p.reactionHeatCredit * exoKw);
    const scale = needed > 0 ? 1 - credit / needed : 1;
    const ledger = new EnergyLedger(ctx.describe !== false);
    for (const i of items) {
      ledger.heat(i.name, i.cat, i.kw * scale, { utility: p.heating, efficiency: p.furnaceEfficiency, basis: scale < 1 ? () => `${basisText(i.basis)}; × ${scale.toFixed(4)} (combustion heat credited)` : i.basis });
    }
    const k = kiln(p, feedKg);
    const wall = wallLossKw(p.wallU, k.surface, T, ctx.ambientK);
    ledger.loss('kiln wall loss', wall / p.furnaceEfficiency, p.heating, () => `${p.wallU} W/(m²·K) × ${k.surface.toPrecision(4)} m² × ${(T - ctx.ambientK).toFixed(2)} K ÷ ${p.furnaceEfficiency} (kiln ${k.diameter.toFixed(2)} m × ${k.length.toFixed(1)} m)`);
    ledger.motor('kiln drive and screen', p.drivePower * feedKg, () => `${p.drivePower * 1000} kW/(t/h) × ${(feedKg / 1000).toPrecision(4)} t/h`);
    const gasKg = streamMass(vent);
    ledger.motor('off-gas fan', (gasKg / 1.2) * p.fanPressure / 3.6e6 / 0.6, () => `${(gasKg / 1.2).toPrecision(4)} m³/h (at 1.2 kg/m³) × ${p.fanPressure} Pa ÷ 0.6`);

    const diagnostics: Diagnostic[] = [];
    if (T < 723.15) diagnostics.push({ code: 'low-burn-off-temperature', severity: 'warning', where: ctx.unitId, message: msg.lowBurnOffTemperature((T - 273.15).toFixed(0)) });
    if (p.scrubber === 'none' && hfKmol > 0) diagnostics.push({ code: 'hf-to-vent', severity: 'warning', where: ctx.unitId, message: msg.hfToVent((hfKmol * MW('HF')).toPrecision(3)) });
    return {
      outlets: { cam, foil, vent, residue },
      draws,
      recycled: {},
      energy: ledger.build(),
      metrics: {
        co2_kg_per_h: vent.components.CO2 ?? 0,
        hfFormed_kg_per_h: (hfKmol + li) * MW('HF'),
        lithiumLostToLiF_kg_per_h: li * ATOMIC_WEIGHT_G_PER_MOL.Li,
        combustionHeat_kW: exoKw,
        camToFoil_kg_per_h: lotsMass(foil),
      },
      diagnostics,
    };
  },
  design: (p, inlets) => {
    const feedKg = streamMass(inlets.feed!);
    const equipment: EquipmentSpec[] = [
      {
        name: 'burn-off furnace',
        description: 'continuous (rotary) furnace burning binder and carbon off the cathode scrap in air',
        mode: 'continuous',
        sizeUnit: 't/h',
        maxSize: 5,
        minSize: 0.05,
        capacityPerSize: 1000,
        loadBasis: 'cathode scrap',
        loadKgPerHour: feedKg,
        cycle: undefined,
        powerKwPerSize: undefined,
        cost: costOf('calciner'),
      },
      foilScreen(feedKg),
    ];
    if (p.scrubber === 'lime') {
      equipment.push({
        name: 'off-gas treatment',
        description: 'dry lime scrubber and bag filter for the HF-bearing off-gas',
        mode: 'continuous',
        sizeUnit: 't/h',
        maxSize: 50,
        minSize: 0,
        capacityPerSize: 1000,
        loadBasis: 'cathode scrap',
        loadKgPerHour: feedKg,
        cycle: undefined,
        powerKwPerSize: undefined,
        cost: costOf('gasTreatment'),
      });
    }
    return { mode: 'continuous', residenceTimeH: p.duration, equipment, operatorsPerShift: 1 };
  },
});
