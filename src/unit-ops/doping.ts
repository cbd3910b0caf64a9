/**
 * `doping`: dry mixing of a dopant source (Al(OH)3, Al2O3, Mg(OH)2, MgO, TiO2, ZrO2) into the CAM
 * and calcination so the dopant enters the TM site (review: Al/Cu dual doping [87], Mg dual-site
 * doping [91]; Al³⁺, Mg²⁺, Ti⁴⁺, Zr⁴⁺ strengthen TM–O bonding).
 *
 * Lot arithmetic (per lot, x = dopant level, mol per mol TM; n = TM kmol, r = Li/TM):
 * - TM-site fractions tm' = (tm + x·dopant)/(1 + x); TM moles grow to n(1 + x).
 * - Li/TM becomes r/(1 + x) (Li conserved) — or stays r with Li compensation (default), which adds
 *   x·r·n kmol Li: residual LiOH·H2O, LiOH, Li2CO3 in the feed first (reported as recycled), then
 *   fresh LiOH drawn.
 * - O and H close with H2O and O2: the lattice needs 2 O per added TM; the source and Li reagent
 *   bring O and H; H leaves as H2O, C as CO2, and the O left over leaves as O2 (or is drawn).
 *   E.g. Al(OH)3 + LiOH per Al: O 4 − H2O 2 − lattice 2 = 0; MgO + LiOH: −½ O → ¼ O2 drawn.
 * - Lots keep their ids; the chemistry name gets a suffix ("NCM811+Al"; doped twice "…+Al+Mg").
 * - During calcination the cation mixing approaches equilibriumCationMixing(lot, atmosphere) at
 *   SINTERING_RATE × lotRateMultiplier over the dwell (lot-state.ts), as in sintering.
 * Energy: ball-mill mixing (EverBatt ball mill 34 kW per t/h, REFERENCE.md 1.1.8); calcination:
 * powder, dopant and Li reagent and the atmosphere gas to temperature, evaporation of the water
 * formed, ÷ calciner efficiency (walls included). Dopant-incorporation enthalpy is not included
 * (no sourced value).
 */
import { z } from 'zod';
import { defineUnitOp, reportText, type Diagnostic } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { emptyStream, lotListMass, lotListCpFlow_kW_per_K } from '../streams/stream.js';
import type { Lot } from '../streams/lot.js';
import { component } from '../chemistry/components.js';
import type { CathodeChemistry } from '../chemistry/cathode.js';
import type { Element } from '../chemistry/elements.js';
import { EnergyLedger, sensibleKw } from './correlations/energy.js';
import { approach, rateAt, lotRateMultiplier, equilibriumCationMixing, SINTERING_RATE } from './correlations/lot-state.js';
import { addKg, kgOf, kmolOf, componentsCpFlow_kW_per_K, tmKmolOf, lotMassAt } from './correlations/finishing.js';
import { costOf } from './data/equipment.js';
import { msg } from '../schema/messages.js';

const DOPANTS = ['Al', 'Mg', 'Ti', 'Zr'] as const;
type Dopant = (typeof DOPANTS)[number];
const SOURCES = ['Al(OH)3', 'Al2O3', 'Mg(OH)2', 'MgO', 'TiO2', 'ZrO2'] as const;
const DEFAULT_SOURCE: Record<Dopant, (typeof SOURCES)[number]> = { Al: 'Al(OH)3', Mg: 'Mg(OH)2', Ti: 'TiO2', Zr: 'ZrO2' };
/** Air by mass: O2 23.2 % (standard dry air). */
const AIR_O2 = 0.232;

const params = z
  .strictObject({
    dopant: described(z.enum(DOPANTS).default('Al'), { description: 'dopant element entering the TM site', source: 'review: Al³⁺, Mg²⁺, Ti⁴⁺, Zr⁴⁺ doping; Table 1 [87] Al/Cu, [91] Mg' }),
    source: described(z.enum(SOURCES).optional(), { description: 'dopant source compound (default: Al(OH)3, Mg(OH)2, TiO2, ZrO2)', source: 'review Table 1 [87], [91]; assumption: hydroxides/oxides as dry-mixed sources' }),
    level: quantity('', { description: 'dopant level x, mol dopant per mol TM', default: 0.01, above: 0, max: 0.2, source: 'assumption: 1 mol% (usual doping levels 0.5–2 mol%)' }),
    liCompensation: described(z.boolean().default(true), { description: 'add Li so Li/TM stays at its value (otherwise Li/TM becomes r/(1 + x))', source: 'assumption: doped CAM is re-lithiated to keep its Li/TM' }),
    lithiumReagent: described(z.enum(['LiOH', 'LiOH·H2O']).default('LiOH'), { description: 'fresh Li reagent for the compensation', source: 'assumption: anhydrous LiOH as priced by EverBatt (REFERENCE.md 1.3.7)' }),
    temperature: quantity('K', { description: 'calcination temperature', default: '800 degC', min: 573.15, max: 1273.15, displayUnit: 'degC', source: 'assumption: dopants diffuse into NCM at 700–900 °C (the review\'s lattice-reconstruction window)' }),
    dwell: quantity('h', { description: 'time at the calcination temperature', default: '6 h', min: 0, max: 100, source: 'assumption' }),
    atmosphere: described(z.enum(['O2', 'air', 'N2']).default('O2'), { description: 'calcination atmosphere', source: 'REFERENCE.md 1.4: Ni-rich NCM needs O2' }),
    gasPerKgPowder: quantity('', { description: 'atmosphere gas per kg powder (kg/kg)', default: 0.5, min: 0, max: 100, source: 'assumption: as sintering' }),
    calcinerEfficiency: fraction({ description: 'fraction of the delivered heat that reaches powder and gas (walls included)', default: 0.5, above: 0, source: 'assumption: rotary calciner (REFERENCE.md 1.4: gas kilns ≈25–60 %)' }),
    heating: described(z.enum(['electricity', 'natural-gas']).default('electricity'), { description: 'calciner heating utility', source: 'assumption: electric calciner' }),
    millingEnergy: quantity('kWh/kg', { description: 'dry-mixing (ball mill) energy per kg powder', default: 0.034, min: 0, max: 1, source: 'EverBatt ball-mill power m = 34 kW per t/h (REFERENCE.md 1.1.8)' }),
  })
  .superRefine((p, ctx) => {
    if (p.source !== undefined && !(p.dopant in component(p.source).composition)) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: msg.dopantSourceMismatch(p.source, p.dopant, SOURCES.filter((s) => p.dopant in component(s).composition)) });
    }
  });

type Params = z.output<typeof params>;

/** The doped chemistry: tm' = (tm + x·dopant)/(1 + x), name suffixed with the dopant. */
export function dopedChemistry(chem: CathodeChemistry, dopant: Dopant, x: number): CathodeChemistry {
  const tm: Partial<Record<Element, number>> = {};
  for (const [el, f] of Object.entries(chem.tm) as [Element, number][]) tm[el] = f / (1 + x);
  tm[dopant] = ((chem.tm[dopant] ?? 0) + x) / (1 + x);
  return { ...chem, name: `${chem.name}+${dopant}`, tm };
}

/**
 * Doped chemistries cached per source chemistry object, dopant and level, so repeated runs (recycle
 * iterations) return the same objects; at most 32 variants per source (Monte Carlo samples of the
 * level would otherwise grow the cache without bound).
 */
const DOPED = new WeakMap<CathodeChemistry, Map<string, CathodeChemistry>>();
function dopedCached(chem: CathodeChemistry, dopant: Dopant, x: number): CathodeChemistry {
  let m = DOPED.get(chem);
  if (!m) { m = new Map(); DOPED.set(chem, m); }
  const key = `${dopant}:${x}`;
  let d = m.get(key);
  if (!d) {
    if (m.size >= 32) m.clear();
    d = dopedChemistry(chem, dopant, x);
    m.set(key, d);
  }
  return d;
}

function sourceOf(p: Params): (typeof SOURCES)[number] {
  return p.source ?? DEFAULT_SOURCE[p.dopant];
}

export const doping = defineUnitOp({
  kind: 'doping',
  summary: 'Al/Mg/Ti/Zr doping: dry mixing and calcination; dopant enters the TM site (Li compensated)',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'CAM to dope' }],
    outlets: [
      { name: 'product', description: 'doped CAM' },
      { name: 'vent', description: 'calciner exhaust: atmosphere gas, H2O(g), CO2, O2' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const diagnostics: Diagnostic[] = [];
    const draws: Record<string, number> = {};
    const recycled: Record<string, number> = {};
    const comps: Record<string, number> = {};
    for (const id in feed.components) if (feed.components[id]! !== 0) comps[id] = feed.components[id]!;
    const src = sourceOf(p);
    const srcComp = component(src).composition;
    const perSource = srcComp[p.dopant]!;
    const x = p.level;
    let dopantKmol = 0;
    let liNeed = 0;
    let latticeO = 0;
    const kOrder = rateAt(SINTERING_RATE, p.temperature);
    const lots: Lot[] = feed.lots.map((l) => {
      const n = tmKmolOf(l);
      if (!(n > 0)) return l; // unchanged: shared, never mutated
      dopantKmol += x * n;
      latticeO += 2 * x * n;
      const r = p.liCompensation ? l.liPerTm : l.liPerTm / (1 + x);
      if (p.liCompensation) liNeed += x * l.liPerTm * n;
      const chemistry = dopedCached(l.chemistry, p.dopant, x);
      const k = kOrder * lotRateMultiplier(l);
      return {
        ...l,
        chemistry,
        liPerTm: r,
        massKgPerHour: lotMassAt(chemistry, n * (1 + x), r),
        cationMixing: l.chemistry.family === 'layered' ? approach(l.cationMixing, equilibriumCationMixing(l, p.atmosphere), k, p.dwell) : l.cationMixing,
      };
    });

    // Inputs of O, H, C brought by the dopant source and the Li reagents, kmol.
    let oIn = 0;
    let hIn = 0;
    let cIn = 0;
    const srcKmol = dopantKmol / perSource;
    if (srcKmol > 0) {
      draws[src] = kgOf(src, srcKmol);
      oIn += srcKmol * (srcComp.O ?? 0);
      hIn += srcKmol * (srcComp.H ?? 0);
    }
    let left = liNeed;
    const use = (id: string, fresh: boolean) => {
      if (left <= 0) return;
      const c = component(id).composition;
      const liPer = c.Li!;
      const avail = fresh ? Infinity : kmolOf(id, comps[id] ?? 0);
      const k = Math.min(avail, left / liPer);
      if (!(k > 0)) return;
      left -= k * liPer;
      const kg = kgOf(id, k);
      if (fresh) draws[id] = (draws[id] ?? 0) + kg;
      else {
        comps[id] = comps[id]! - kg;
        if (comps[id]! <= 1e-12 * kg) delete comps[id];
        recycled[id] = (recycled[id] ?? 0) + kg;
      }
      oIn += k * (c.O ?? 0);
      hIn += k * (c.H ?? 0);
      cIn += k * (c.C ?? 0);
    };
    use('LiOH·H2O', false);
    use('LiOH', false);
    use('Li2CO3', false);
    use(p.lithiumReagent, true);

    const vent = emptyStream(p.temperature);
    const h2oKmol = hIn / 2;
    addKg(vent.components, 'H2O(g)', kgOf('H2O(g)', h2oKmol));
    addKg(vent.components, 'CO2', kgOf('CO2', cIn));
    const o2Net = (oIn - h2oKmol - 2 * cIn - latticeO) / 2; // kmol O2 released (+) or needed (−)

    // Moisture and gases of the feed leave with the vent.
    const evaporated: Record<string, number> = {};
    for (const id in comps) {
      const c = component(id);
      if (c.phase === 'gas') { addKg(vent.components, id, comps[id]!); delete comps[id]; }
      else if (c.phase === 'liquid' && c.latentHeat_J_per_kg !== undefined) { evaporated[id] = comps[id]!; addKg(vent.components, id === 'H2O' ? 'H2O(g)' : id, comps[id]!); delete comps[id]; }
    }

    const powderKg = lotListMass(feed.lots) + Object.values(comps).reduce((a, v) => a + v, 0);
    const gasKg = p.gasPerKgPowder * powderKg;
    const o2Supplied = p.atmosphere === 'O2' ? gasKg : p.atmosphere === 'air' ? gasKg * AIR_O2 : 0;
    const n2Supplied = gasKg - o2Supplied;
    const o2Vent = o2Supplied + kgOf('O2', o2Net) + (vent.components.O2 ?? 0);
    if (o2Vent < 0) {
      draws.O2 = o2Supplied - o2Vent;
      delete vent.components.O2;
      if (p.atmosphere !== 'N2') diagnostics.push({ code: 'oxygen-short', severity: 'warning', where: ctx.unitId, message: msg.oxygenShort((-o2Vent).toPrecision(4)) });
    } else {
      if (o2Supplied > 0) draws.O2 = o2Supplied;
      if (o2Vent > 0) vent.components.O2 = o2Vent;
      else delete vent.components.O2;
    }
    if (n2Supplied > 0) { draws.N2 = n2Supplied; addKg(vent.components, 'N2', n2Supplied); }

    const product = emptyStream(feed.temperatureK);
    product.lots = lots;
    for (const id in comps) addKg(product.components, id, comps[id]!);

    // Energy.
    const ledger = new EnergyLedger(ctx.describe !== false);
    const reagents: Record<string, number> = {};
    for (const id in draws) if (id !== 'O2' && id !== 'N2') reagents[id] = draws[id]!;
    for (const id in recycled) reagents[id] = (reagents[id] ?? 0) + recycled[id]!;
    let reagentKg = 0;
    for (const id in reagents) reagentKg += reagents[id]!;
    ledger.motor('ball-mill mixing', p.millingEnergy * (powderKg + reagentKg), () => `powder + reagents × ${p.millingEnergy} kWh/kg (EverBatt ball mill 34 kW per t/h)`);
    const heat = { utility: p.heating, efficiency: p.calcinerEfficiency, basis: '' } as const; // basis here: each item's spread replaces it (V8 is slow to add a key to a spread copy)
    const dT = Math.max(0, p.temperature - feed.temperatureK);
    const cp = lotListCpFlow_kW_per_K(feed.lots) + componentsCpFlow_kW_per_K(comps) + componentsCpFlow_kW_per_K(reagents);
    ledger.heat('powder, dopant and reagents to temperature', 'sensible', cp * dT, { ...heat, basis: () => `${(cp * 3600).toPrecision(4)} kJ/(h·K) × ${dT.toFixed(1)} K (O2/N2 in the gas term)` });
    const gasCp = p.atmosphere === 'O2' ? 918 : p.atmosphere === 'N2' ? 1040 : AIR_O2 * 918 + (1 - AIR_O2) * 1040;
    const dTg = Math.max(0, p.temperature - ctx.ambientK);
    ledger.heat(`${p.atmosphere} atmosphere to temperature`, 'sensible', sensibleKw(gasKg, gasCp, dTg), { ...heat, basis: () => `${gasKg.toPrecision(4)} kg/h × ${gasCp.toFixed(0)} J/(kg·K) × ${dTg.toFixed(1)} K` });
    const water = component('H2O');
    const waterKg = kgOf('H2O', h2oKmol) + (evaporated.H2O ?? 0);
    ledger.heat('evaporation of water formed and feed moisture', 'latent', (waterKg * water.latentHeat_J_per_kg!) / 3.6e6, { ...heat, basis: () => `${waterKg.toPrecision(4)} kg/h × ${(water.latentHeat_J_per_kg! / 1000).toFixed(0)} kJ/kg` });
    for (const id in evaporated) {
      if (id === 'H2O') continue;
      const c = component(id);
      ledger.heat(`evaporation of ${id}`, 'latent', (evaporated[id]! * c.latentHeat_J_per_kg!) / 3.6e6, { ...heat, basis: () => `${evaporated[id]!.toPrecision(4)} kg/h × ${(c.latentHeat_J_per_kg! / 1000).toFixed(0)} kJ/kg` });
    }
    return {
      outlets: { product, vent },
      draws,
      recycled,
      energy: ledger.build(),
      metrics: {
        dopant_kmol_per_h: dopantKmol,
        lithiumAdded_kmol_per_h: liNeed,
        powder_kg_per_h: powderKg,
        product_kg_per_h: lotListMass(lots) + Object.values(product.components).reduce((a, v) => a + v, 0),
      },
      diagnostics,
    };
  },
  design: (p, _inlets, run, ctx) => {
    const m = run.metrics ?? {};
    const mill = costOf('ballMill');
    const calciner = costOf('calciner');
    return {
      mode: 'continuous',
      residenceTimeH: p.dwell,
      equipment: [
        { name: 'ball-mill', description: 'dry mixing of CAM, dopant source and Li reagent', mode: 'continuous', sizeUnit: 't/h', maxSize: mill.maxSize, minSize: mill.minSize, capacityPerSize: 1000, loadBasis: 'powder', loadKgPerHour: m.powder_kg_per_h ?? 0, cycle: undefined, powerKwPerSize: 34, cost: mill },
        { name: 'calciner', description: reportText(ctx, () => `rotary calciner, ${(p.temperature - 273.15).toFixed(0)} °C, ${p.dwell} h`), mode: 'continuous', sizeUnit: 't/h', maxSize: calciner.maxSize, minSize: calciner.minSize, capacityPerSize: 1000, loadBasis: 'doped product', loadKgPerHour: m.product_kg_per_h ?? 0, cycle: undefined, powerKwPerSize: undefined, cost: calciner },
      ],
      operatorsPerShift: 0.5,
    };
  },
});
