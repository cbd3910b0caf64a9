/**
 * `flotation`: froth flotation of graphite (and carbon black) from black mass. Hydrophobic carbon
 * rides the air bubbles into the froth; the hydrophilic cathode particles sink. Graphite leaves as
 * its own by-product (priced as scrap.graphite), the CAM goes on to relithiation.
 *
 * Steps and mass balance:
 * 1. Feed screen: foil fragments are screened off as oversize before conditioning — screenCu of
 *    the Cu (and Fe), screenAl of the Al, screenFinesLoss of everything else (agglomerates).
 * 2. Conditioning: the undersize is slurried at pulpDensity (solids mass fraction) with process
 *    water and the collector (kerosene, collectorDosage per t of feed) and frother (MIBC,
 *    frotherDosage).
 * 3. Circuit: a rougher with `cleaners` cleaner stages on its froth and `scavengers` scavenger
 *    stages on its tailings; cleaner tailings and scavenger froth return one stage back (the usual
 *    counter-current arrangement). Each stage sends a share f of what enters it to the froth, by
 *    species: graphiteFloatability for carbons and hydrophobic polymers (graphite, carbon black,
 *    CNT, graphene, PVDF, PP, PE), camFloatability for the CAM lots and other solids,
 *    metalFloatability for Al, Cu, Fe. A particle in stage k moves up with probability f, down
 *    with 1 − f: the final froth share is the chance of leaving above the top cleaner before
 *    below the last scavenger (gambler's ruin), solved exactly with the stage loads for sizing.
 *    With f = 0.944 for graphite and 0.106 for CAM per stage and one cleaner and one scavenger,
 *    0.35 % of the graphite and 98.6 % of the CAM report to the sink.
 * 4. Dewatering: both products are filtered to cakeMoisture; the process water is reused and a
 *    share waterBleed of the circulating water is bled to `water` (waste) to bound build-up of
 *    dissolved salts and frother; make-up water replaces what leaves with the cakes and the bleed.
 *    Dissolved species (salts, electrolyte, frother) leave in proportion to that water; the
 *    collector adsorbs on the floated carbon and leaves with the froth (assumption).
 * No reactions; no heat (ambient). Electricity: conditioner agitation, cell power per m³ of cell
 * volume (mechanism and air blower), slurry pumps.
 * Design (continuous): conditioning tank (agitated vessel), flotation cells sized on the solids
 * through all stages (EverBatt froth-flotation cell curve, REFERENCE.md 1.1.8), feed screen,
 * two filter presses.
 */
import { z } from 'zod';
import { defineUnitOp, type Diagnostic, type EquipmentSpec } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { component } from '../chemistry/components.js';
import { emptyStream, streamMass, type Stream, lotListMass } from '../streams/stream.js';
import { lotWithMass, type Lot } from '../streams/lot.js';
import { EnergyLedger } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { AGITATION_KW_PER_M3, HANDLING_H, OPERATORS_PER_SHIFT, withCeiling } from './correlations/limits.js';
import { addKg, CAM_DENSITY_KG_PER_M3, camFilter, densityOf, foilScreen, pumpKw, VITO_SIEVING, WATER_SOLUBLE } from './correlations/preparation.js';

/** Species that float like graphite: carbons and hydrophobic polymers. */
const HYDROPHOBIC: ReadonlySet<string> = new Set(['graphite', 'carbon-black', 'CNT', 'graphene', 'PVDF', 'PP', 'PE']);
/** Metal fragments. */
const METALS: ReadonlySet<string> = new Set(['Al', 'Cu', 'Fe']);
/** Binder per kg of CAM above which the CAM is taken as binder-coated (diagnostic). */
const BINDER_COATED_PER_CAM = 0.005;

const VANDERBRUGGEN = 'Vanderbruggen et al., "Lithium-Ion Battery Recycling — Influence of Recycling Processes on Component Liberation and Flotation Separation Efficiency", ACS ES&T Eng. 2022 (abstract on ResearchGate [M]): thermomechanically pre-treated black mass gave 94.4 % of the graphite in the overflow and 89.4 % of the lithium metal oxides in the underflow';

const params = z.strictObject({
  graphiteFloatability: fraction({
    description: 'share of the graphite (and other carbons, hydrophobic polymers) entering a stage that reports to its froth',
    default: 0.944,
    source: `${VANDERBRUGGEN}; one test taken as one stage`,
  }),
  camFloatability: fraction({
    description: 'share of the CAM (and other hydrophilic solids) entering a stage that reports to its froth (entrainment, residual binder)',
    default: 0.106,
    source: `${VANDERBRUGGEN}: 1 − 0.894; binder left on the particles raises it (Salces et al., Minerals Eng. 184 (2022) 107670, and MDPI Mater. Proc. 5 (2021) 30: un-pyrolysed black mass floats with poor selectivity [M])`,
  }),
  metalFloatability: fraction({
    description: 'share of the Al, Cu, Fe fragments entering a stage that reports to its froth',
    default: 0.05,
    source: 'assumption: metal fragments are hydrophilic and dense; only entrainment carries them into the froth',
  }),
  cleaners: described(z.number().int().min(0).max(6).default(1), {
    description: 'cleaner stages on the rougher froth (their tailings return one stage back)',
    min: 0, max: 6,
    source: 'assumption: a rougher–scavenger–cleaner circuit, the usual arrangement in graphite flotation [MEMORY]; with one cleaner and one scavenger the sourced per-stage splits leave ≈ 0.2 wt % graphite in the CAM',
  }),
  scavengers: described(z.number().int().min(0).max(6).default(1), {
    description: 'scavenger stages on the rougher tailings (their froth returns one stage back)',
    min: 0, max: 6,
    source: 'assumption: see cleaners',
  }),
  screenCu: fraction({
    description: 'share of the Cu (and Fe) fragments removed as oversize by the feed screen',
    default: 0.71,
    source: VITO_SIEVING,
  }),
  screenAl: fraction({
    description: 'share of the Al fragments removed as oversize by the feed screen',
    default: 0.81,
    source: VITO_SIEVING,
  }),
  screenFinesLoss: fraction({
    description: 'share of the CAM, carbons and other solids retained on the feed screen as agglomerates (to oversize)',
    default: 0.005,
    source: 'assumption: black mass is a < 1 mm powder; 0.5 % as agglomerates larger than the cut',
  }),
  pulpDensity: fraction({
    description: 'solids mass fraction of the flotation pulp',
    default: 0.08, above: 0,
    source: 'Salces et al., Minerals Eng. 184 (2022) 107670, abstract [M]: black-mass flotation at 8 wt % solids',
  }),
  collectorDosage: quantity('kg/kg', {
    description: 'collector (kerosene) per kg of feed',
    default: '0.5 kg/t', min: 0, max: 0.01,
    source: 'assumption: kerosene is the collector used for black mass (Zhan et al., Sustain. Mater. Technol. 17 (2018) [M]); 0.2–1 kg/t is the usual graphite-flotation range [MEMORY]; max 10 kg/t: plausibility ceiling, 10× the top of that range',
  }),
  frotherDosage: quantity('kg/kg', {
    description: 'frother (MIBC) per kg of feed',
    default: '0.1 kg/t', min: 0, max: 0.002,
    source: 'assumption: 0.05–0.2 kg/t MIBC, the usual frother dosage in graphite flotation [MEMORY]; max 2 kg/t: plausibility ceiling, 10× the top of that range',
  }),
  conditioningTime: quantity('h', { description: 'residence time in the conditioning tank', default: '5 min', min: 0, max: HANDLING_H.max, source: 'assumption: a few minutes of conditioning with the collector, as in laboratory black-mass flotation; max 24 h: plausibility ceiling' }),
  stageTime: quantity('h', { description: 'residence time of the pulp in each flotation stage', default: '10 min', above: 0, max: 2, source: 'assumption: laboratory black-mass flotation runs 5–10 min per stage; plant cells are sized at the upper end; max 2 h: plausibility ceiling, 12× the default' }),
  cellPower: quantity('kW/m3', { description: 'electric power per m³ of flotation cell (mechanism and air blower)', default: 1.5, min: 0, max: AGITATION_KW_PER_M3.max, source: withCeiling('assumption: mechanical flotation cells draw ≈ 1–2 kW per m³ including the air supply [MEMORY]', AGITATION_KW_PER_M3) }),
  agitatorPower: quantity('kW/m3', { description: 'agitator power per m³ of conditioning tank', default: 0.5, min: 0, max: AGITATION_KW_PER_M3.max, source: withCeiling('assumption: 0.2–1 kW/m³ keeps a dense fine pulp suspended (as the delamination baths)', AGITATION_KW_PER_M3) }),
  cakeMoisture: fraction({ description: 'water mass fraction of both filter cakes, water/(water + dry solids)', default: 0.25, max: 0.95, source: 'assumption: filter-press cake of a fine powder holds 15–25 wt % water (as the filtration unit)' }),
  waterBleed: fraction({ description: 'share of the circulating process water bled to `water` (waste) each pass', default: 0.05, source: 'assumption: a 5 % bleed; Salces et al. 2022 [M] re-used the process water three times without loss of grade or recovery while Li built up to 2,600 mg/L' }),
  operatorsPerShift: quantity('', { description: 'operators per shift for the flotation plant', default: 1, min: 0, max: OPERATORS_PER_SHIFT.max, source: withCeiling('assumption: one operator for an automated flotation circuit', OPERATORS_PER_SHIFT) }),
});

type P = z.output<typeof params>;

/**
 * Stage loads and final froth share of a species in the circuit, per unit of feed: stages are
 * indexed from the last scavenger (0) through the rougher (`scavengers`) to the top cleaner.
 * X_i − f·X_{i−1} − (1 − f)·X_{i+1} = δ_{i,rougher}, solved by the Thomas algorithm; the froth of
 * the top stage and the tailings of the bottom stage leave the circuit.
 */
export function circuit(f: number, cleaners: number, scavengers: number): { froth: number; stageLoad: number } {
  const n = cleaners + scavengers + 1;
  // Thomas algorithm with sub-diagonal −f, diagonal 1, super-diagonal −(1 − f).
  const cPrime = new Array<number>(n).fill(0);
  const dPrime = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const b = i === scavengers ? 1 : 0;
    const denom = 1 - (i > 0 ? -f * cPrime[i - 1]! : 0);
    cPrime[i] = i < n - 1 ? -(1 - f) / denom : 0;
    dPrime[i] = (b - (i > 0 ? -f * dPrime[i - 1]! : 0)) / denom;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) x[i] = dPrime[i]! - (i < n - 1 ? cPrime[i]! * x[i + 1]! : 0);
  let stageLoad = 0;
  for (const v of x) stageLoad += v;
  return { froth: f * x[n - 1]!, stageLoad };
}

/** Floatability of a component id. */
function floatabilityOf(p: P, id: string): number {
  if (HYDROPHOBIC.has(id)) return p.graphiteFloatability;
  if (METALS.has(id)) return p.metalFloatability;
  return p.camFloatability;
}

/** Where a feed component goes: solids float or sink, dissolved species follow the water. */
function isDissolved(id: string): boolean {
  if (id === 'H2O' || WATER_SOLUBLE.has(id) || id === 'MIBC') return true;
  const phase = component(id).phase;
  return phase === 'liquid' || phase === 'aqueous' || phase === 'gas';
}

/** Screen, condition and float: the solids of each product and the stage loads (kg/h). */
function separate(p: P, feed: Stream) {
  const oversize = emptyStream(feed.temperatureK);
  const sink = emptyStream(feed.temperatureK);
  const froth = emptyStream(feed.temperatureK);
  const dissolved: Record<string, number> = {};
  const circuits = new Map<number, { froth: number; stageLoad: number }>();
  const circuitOf = (f: number) => {
    let c = circuits.get(f);
    if (!c) circuits.set(f, (c = circuit(f, p.cleaners, p.scavengers)));
    return c;
  };
  let stageSolids = 0;
  let solidsVolume = 0;
  for (const id in feed.components) {
    const kg = feed.components[id]!;
    if (id === 'kerosene') { addKg(froth.components, id, kg); continue; }
    if (isDissolved(id)) { addKg(dissolved, id, kg); continue; }
    const screened = kg * (id === 'Al' ? p.screenAl : id === 'Cu' || id === 'Fe' ? p.screenCu : p.screenFinesLoss);
    addKg(oversize.components, id, screened);
    const under = kg - screened;
    const c = circuitOf(floatabilityOf(p, id));
    const up = under * c.froth;
    addKg(froth.components, id, up);
    addKg(sink.components, id, under - up);
    stageSolids += under * c.stageLoad;
    solidsVolume += under / densityOf(id);
  }
  const c = circuitOf(p.camFloatability);
  for (const lot of feed.lots) {
    const screened = lot.massKgPerHour * p.screenFinesLoss;
    const under = lot.massKgPerHour - screened;
    const up = under * c.froth;
    pushLot(oversize.lots, lot, screened);
    pushLot(froth.lots, lot, up);
    pushLot(sink.lots, lot, under - up);
    stageSolids += under * c.stageLoad;
    solidsVolume += under / CAM_DENSITY_KG_PER_M3;
  }
  return { oversize, sink, froth, dissolved, stageSolids, solidsVolume };
}

function pushLot(into: Lot[], lot: Lot, kg: number): void {
  if (kg !== 0) into.push(lotWithMass(lot, kg));
}

function solidsOf(s: Stream): number {
  return streamMass(s);
}

/** Volumes and power of conditioning and cells. */
function plant(p: P, feedSolids: number, stageSolids: number, solidsVolumePerKg: number) {
  const waterPerKgSolids = (1 - p.pulpDensity) / p.pulpDensity;
  const pulpM3PerKg = solidsVolumePerKg + waterPerKgSolids / 1000;
  const conditionerM3 = feedSolids * pulpM3PerKg * p.conditioningTime;
  const cellsM3 = stageSolids * pulpM3PerKg * p.stageTime;
  return { waterPerKgSolids, pulpM3PerKg, conditionerM3, cellsM3, pumpedM3PerHour: (feedSolids + stageSolids) * pulpM3PerKg };
}

export const flotation = defineUnitOp({
  kind: 'flotation',
  summary: 'froth flotation of graphite and carbon from black mass: feed screen, rougher–cleaner–scavenger circuit, graphite to its own by-product',
  params,
  ports: () => ({
    inlets: [{ name: 'feed', description: 'black mass: CAM lots, graphite, carbon black, residual binder, Al/Cu fragments' }],
    outlets: [
      { name: 'cam', description: 'sink product (filter cake): CAM lots with the graphite, metals and solids that did not float, and cake water' },
      { name: 'graphite', description: 'froth concentrate (filter cake): graphite and carbon black with the CAM lost to the froth, collector and cake water (by-product)' },
      { name: 'oversize', description: 'feed-screen oversize: Al and Cu fragments and agglomerates (by-product)' },
      { name: 'water', description: 'process-water bleed with dissolved salts and frother (waste)' },
    ],
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const feedKg = streamMass(feed);
    const collector = p.collectorDosage * feedKg;
    const frother = p.frotherDosage * feedKg;
    const conditioned: Stream = { components: { ...feed.components }, lots: feed.lots, temperatureK: feed.temperatureK };
    addKg(conditioned.components, 'kerosene', collector);
    addKg(conditioned.components, 'MIBC', frother);
    const s = separate(p, conditioned);
    const { oversize, sink, froth, dissolved } = s;
    const underflowSolids = solidsOf(sink);
    const frothSolids = solidsOf(froth) - (froth.components.kerosene ?? 0);
    const feedSolids = underflowSolids + frothSolids;
    const pl = plant(p, feedSolids, s.stageSolids, feedSolids > 0 ? s.solidsVolume / feedSolids : 0);
    // water: circulating W, bleed b·W, cake water; make-up closes the balance
    const circulating = pl.waterPerKgSolids * feedSolids;
    const cakeRatio = p.cakeMoisture / (1 - p.cakeMoisture);
    const camWater = cakeRatio * underflowSolids;
    const frothWater = cakeRatio * frothSolids;
    let bleed = p.waterBleed * circulating;
    const feedWater = dissolved.H2O ?? 0;
    const makeUp = Math.max(0, camWater + frothWater + bleed - feedWater);
    bleed += Math.max(0, feedWater - (camWater + frothWater + bleed));
    const water = emptyStream(feed.temperatureK);
    addKg(sink.components, 'H2O', camWater);
    addKg(froth.components, 'H2O', frothWater);
    addKg(water.components, 'H2O', bleed);
    const waterOut = camWater + frothWater + bleed;
    for (const id in dissolved) {
      if (id === 'H2O') continue;
      const kg = dissolved[id]!;
      const toCam = waterOut > 0 ? (kg * camWater) / waterOut : 0;
      const toFroth = waterOut > 0 ? (kg * frothWater) / waterOut : 0;
      addKg(sink.components, id, toCam);
      addKg(froth.components, id, toFroth);
      addKg(water.components, id, kg - toCam - toFroth);
    }
    const draws: Record<string, number> = {};
    if (collector > 0) draws.kerosene = collector;
    if (frother > 0) draws.MIBC = frother;
    if (makeUp > 0) draws.H2O = makeUp;
    const recycled: Record<string, number> = {};
    const reused = circulating - makeUp - feedWater;
    if (reused > 0) recycled.H2O = reused;

    const energy = new EnergyLedger(ctx.describe !== false)
      .motor('conditioning-tank agitator', p.agitatorPower * pl.conditionerM3, () => `${p.agitatorPower} kW/m³ × ${pl.conditionerM3.toPrecision(4)} m³`)
      .motor('flotation cells (mechanism and air)', p.cellPower * pl.cellsM3, () => `${p.cellPower} kW/m³ × ${pl.cellsM3.toPrecision(4)} m³ of cells (${(s.stageSolids / Math.max(feedSolids, 1e-12)).toFixed(3)} stage passes per kg of solids × ${(p.stageTime * 60).toFixed(1)} min)`)
      .motor('slurry pumps', pumpKw(pl.pumpedM3PerHour), () => `${pl.pumpedM3PerHour.toPrecision(4)} m³/h × 2 bar / 0.6`)
      .build();

    const diagnostics: Diagnostic[] = [];
    const cam = lotListMass(feed.lots);
    const binder = feed.components.PVDF ?? 0;
    if (cam > 0 && binder / cam > BINDER_COATED_PER_CAM) diagnostics.push({ code: 'flotation-binder', severity: 'warning', where: ctx.unitId, message: msg.flotationBinder(binder / cam) });
    const graphiteIn = feed.components.graphite ?? 0;
    const sinkCam = lotListMass(sink.lots);
    const frothGraphite = froth.components.graphite ?? 0;
    const metrics: Record<string, number> = {
      graphiteRecovery: graphiteIn > 0 ? frothGraphite / graphiteIn : 0,
      graphiteGrade: frothSolids > 0 ? frothGraphite / frothSolids : 0,
      camRecovery: cam > 0 ? sinkCam / cam : 0,
      graphiteInCam_kg_per_kg: sinkCam > 0 ? (sink.components.graphite ?? 0) / sinkCam : 0,
      processWaterCirculated_kg_per_h: circulating,
      cellVolume_m3: pl.cellsM3,
      conditionerVolume_m3: pl.conditionerM3,
      stageSolids_kg_per_h: s.stageSolids,
    };
    return { outlets: { cam: sink, graphite: froth, oversize, water }, draws, recycled, energy, metrics, diagnostics };
  },
  design: (p, inlets, run) => {
    const feedKg = streamMass(inlets.feed!);
    const sink = run.outlets.cam!;
    const froth = run.outlets.graphite!;
    const cakeSolids = (s: Stream) => solidsOf(s) - (s.components.H2O ?? 0) - (s.components.kerosene ?? 0) - (s.components.MIBC ?? 0);
    const feedSolids = cakeSolids(sink) + cakeSolids(froth);
    const cellsM3 = run.metrics?.cellVolume_m3 ?? 0;
    const conditioner = run.metrics?.conditionerVolume_m3 ?? 0;
    const stagePasses = p.cleaners + p.scavengers + 1;
    const equipment: EquipmentSpec[] = [];
    if (p.screenCu > 0 || p.screenAl > 0 || p.screenFinesLoss > 0) equipment.push(foilScreen(feedKg, 'feed screen', 'vibrating screen removing foil fragments from the black mass before flotation', 'black mass'));
    equipment.push(
      {
        name: 'conditioning tank',
        description: 'agitated tank slurrying the black mass with water, collector and frother',
        mode: 'continuous',
        sizeUnit: 'm3',
        maxSize: 100,
        minSize: 0.5,
        // kg/h of solids per m³ of tank at the pulp density and conditioning time (a 1 m³ nominal when the tank holds nothing)
        capacityPerSize: conditioner > 0 ? feedSolids / conditioner : 1 / (p.conditioningTime > 0 ? p.conditioningTime : 1),
        loadBasis: 'black-mass solids',
        loadKgPerHour: feedSolids,
        cycle: undefined,
        powerKwPerSize: p.agitatorPower,
        cost: costOf('finishingAgitatedTank'),
      },
      {
        name: 'flotation cells',
        description: `${stagePasses}-stage flotation circuit (rougher, ${p.cleaners} cleaner, ${p.scavengers} scavenger), sized on the solids through all stages (${cellsM3.toPrecision(3)} m³ of cells)`,
        mode: 'continuous',
        sizeUnit: 't/h',
        maxSize: 50,
        minSize: 0.05,
        capacityPerSize: 1000,
        loadBasis: 'solids through all stages',
        loadKgPerHour: run.metrics?.stageSolids_kg_per_h ?? 0,
        cycle: undefined,
        powerKwPerSize: undefined,
        cost: costOf('frothFlotation'),
      },
      camFilter(cakeSolids(sink), 'cam filter press', 'filter press dewatering the CAM sink product'),
      camFilter(cakeSolids(froth), 'graphite filter press', 'filter press dewatering the graphite froth concentrate'),
    );
    return { mode: 'continuous', residenceTimeH: p.conditioningTime + stagePasses * p.stageTime, equipment, operatorsPerShift: p.operatorsPerShift };
  },
});
