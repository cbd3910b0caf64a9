/**
 * The run document (DESIGN.md "Command line and JSON contract"): the JSON `regenflow run --json`
 * prints. Field names are a contract: add freely, rename none.
 */
import type { Element } from '../chemistry/elements.js';
import { streamElements, streamMass, type Stream } from '../streams/stream.js';
import type { Lot } from '../streams/lot.js';
import { lotPerformance } from '../streams/performance.js';
import type { Evaluation } from './evaluate.js';
import type { Endpoint, FlowsheetGraph } from '../graph/build.js';

/** A lot as the run document shows it. */
export interface LotDocument {
  id: string;
  origin: string[];
  chemistry: Partial<Record<Element, number>>;
  chemistryName: string;
  family: string;
  massKgPerHour: number;
  liPerTm: number;
  cationMixing: number;
  surfaceRockSalt_nm: number;
  crackFraction: number;
  morphology: string;
  d50_um: number;
  coating: string | null;
  coating_nm: number;
  conductiveNetwork: string | null;
  lane: string | null;
  inSpec: boolean | null;
  /** Predicted 0.1 C capacity, mAh/g (streams/performance.ts). */
  capacityMahPerG: number;
  /** Predicted fraction of capacity left after PERFORMANCE.cycles cycles at 1 C. */
  capacityRetention: number;
}

/** A stream as the run document shows it. */
export interface StreamDocument {
  id: string;
  from: string;
  to: string;
  temperatureK: number;
  massKgPerHour: number;
  componentsKgPerHour: Record<string, number>;
  elementsKgPerHour: Partial<Record<Element, number>>;
  lots: LotDocument[];
}

/**
 * KPIs of a run (DESIGN.md contract names first, then additions), each on a stated basis:
 * costUsdPerKgProduct is the gross levelised cost per kg in spec (pre-tax, no credits);
 * netCostUsdPerKgProduct the same less off-spec and by-product credits; minSellingPriceUsdPerKg the
 * in-spec price making the after-tax NPV zero with those credits; energyMjPerKgProduct site final
 * energy; primaryEnergyMjPerKgProduct and ghgKgCo2ePerKgProduct cradle to gate, the boundary of
 * virginEnergyMjPerKg and virginGhgKgCo2ePerKg.
 */
export interface Kpis {
  feedKgPerYear: number;
  productKgPerYear: number;
  inSpecFraction: number | null;
  capexUsd: number | null;
  opexUsdPerYear: number | null;
  revenueUsdPerYear: number | null;
  costUsdPerKgProduct: number | null;
  npvUsd: number | null;
  irr: number | null;
  paybackYears: number | null;
  minSellingPriceUsdPerKg: number | null;
  energyMjPerKgProduct: number | null;
  ghgKgCo2ePerKgProduct: number | null;
  waterLPerKgProduct: number | null;
  netCostUsdPerKgProduct: number | null;
  primaryEnergyMjPerKgProduct: number | null;
  [extra: string]: unknown;
}

/** The run document. */
export interface RunDocument {
  scenario: string;
  scenarioName: string;
  flowsheet: string;
  flowsheetName: string;
  converged: boolean;
  kpis: Kpis;
  balances: Record<string, unknown>;
  loops: { units: string[]; tears: string[]; iterations: number; residual: number }[];
  units: Record<string, unknown>[];
  bottleneck: string | null;
  maxCapacityKgPerYear: number | null;
  streams: StreamDocument[];
  finance: Record<string, unknown> | null;
  cashFlow: Record<string, unknown>[];
  diagnostics: { code: string; severity: string; where: string; message: string }[];
  [extra: string]: unknown;
}

/** Render an endpoint as it is written in flowsheet files. */
export function endpointText(e: Endpoint): string {
  return e.port === null ? e.node : `${e.node}.${e.port}`;
}

/** A lot for the document; `inSpec` is null until the product specification is applied. */
export function lotDocument(l: Lot, inSpec: boolean | null = null): LotDocument {
  return {
    id: l.id,
    origin: l.origin,
    chemistry: { ...l.chemistry.tm },
    chemistryName: l.chemistry.name,
    family: l.chemistry.family,
    massKgPerHour: l.massKgPerHour,
    liPerTm: l.liPerTm,
    cationMixing: l.cationMixing,
    surfaceRockSalt_nm: l.surfaceRockSalt_nm,
    crackFraction: l.crackFraction,
    morphology: l.morphology,
    d50_um: l.d50_um,
    coating: l.coating,
    coating_nm: l.coating_nm,
    conductiveNetwork: l.conductiveNetwork,
    lane: l.lane,
    inSpec,
    ...lotPerformanceFields(l),
  };
}

/** The performance fields of a lot in the document. */
function lotPerformanceFields(l: Lot): { capacityMahPerG: number; capacityRetention: number } {
  const perf = lotPerformance(l);
  return { capacityMahPerG: perf.capacityMahPerG, capacityRetention: perf.capacityRetention };
}

/** A stream for the document. */
export function streamDocument(id: string, from: string, to: string, s: Stream): StreamDocument {
  return {
    id,
    from,
    to,
    temperatureK: s.temperatureK,
    massKgPerHour: streamMass(s),
    componentsKgPerHour: { ...s.components },
    elementsKgPerHour: streamElements(s),
    lots: s.lots.map((l) => lotDocument(l)),
  };
}

/** Mass flow reaching a boundary, kg/h (its streams' masses summed in the graph's order). */
export function boundaryMassKgPerHour(ev: Evaluation, boundary: string): number {
  const ids = boundaryStreamIds(ev.model.flowsheet.graph, boundary);
  const streams = ev.solution.streams;
  let m = 0;
  for (let i = 0; i < ids.length; i++) m += streamMass(streams.get(ids[i]!)!);
  return m;
}

/**
 * The ids of the streams that reach a boundary, in the graph's order, for the graph and boundary
 * asked last: every Monte Carlo sample asks for the product of the same graph (not changed once
 * built), and found them among all its streams.
 */
let lastBoundary: { graph: FlowsheetGraph; boundary: string; ids: string[] } | undefined;

function boundaryStreamIds(graph: FlowsheetGraph, boundary: string): string[] {
  const last = lastBoundary;
  if (last !== undefined && last.graph === graph && last.boundary === boundary) return last.ids;
  const ids: string[] = [];
  for (const s of graph.streams) if (s.to.node === boundary) ids.push(s.id);
  lastBoundary = { graph, boundary, ids };
  return ids;
}

/** Hourly flows by key as yearly amounts (same keys, same order). */
function perYear(r: Readonly<Record<string, number>>, hours: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in r) out[k] = r[k]! * hours;
  return out;
}

/**
 * The KPI names in the order kpisOf gives them (every run document lists its KPIs in this order;
 * a study that evaluates rows out of order puts their KPIs back in it). Tests hold it to kpisOf.
 */
export const KPI_NAMES: readonly (keyof Kpis & string)[] = [
  'feedKgPerYear', 'productKgPerYear', 'inSpecFraction', 'capexUsd', 'opexUsdPerYear', 'revenueUsdPerYear', 'costUsdPerKgProduct', 'npvUsd', 'irr',
  'paybackYears', 'minSellingPriceUsdPerKg', 'energyMjPerKgProduct', 'ghgKgCo2ePerKgProduct', 'waterLPerKgProduct', 'netCostUsdPerKgProduct',
  'primaryEnergyMjPerKgProduct', 'inSpecKgPerYear', 'offSpecKgPerYear', 'offSpecKgPerYearByCause', 'inSpecYieldOfFeedCam', 'inSpecCapacityMahPerG',
  'inSpecCapacityRatio', 'totalCapitalInvestmentUsd', 'virginEnergyMjPerKg', 'virginGhgKgCo2ePerKg', 'virginWaterLPerKg', 'virginSiteEnergyMjPerKg',
  'operatorsPerShift',
];

/**
 * The KPIs of an evaluation (the run document's `kpis`), without building the rest of the
 * document — what Monte Carlo, sweeps and comparisons need per evaluation.
 */
export function kpisOf(ev: Evaluation): Kpis {
  return kpisWith(ev, perYear(ev.quality.offSpecByCauseKgPerHour, ev.model.plant.operatingHours));
}

/**
 * kpisOf for a reader of the numbers alone (a Monte Carlo sample: uncertainty/evaluator.ts
 * numericKpis keeps the finite numbers): offSpecKgPerYearByCause, the one KPI that is a record, is
 * null — a record of a dozen causes per sample that nothing reads. Every other KPI is kpisOf's.
 */
export function numericKpisOf(ev: Evaluation): Kpis {
  return kpisWith(ev, null);
}

/**
 * The finite numeric KPIs of an evaluation as one record — the names, order and values
 * uncertainty/evaluator.ts numericKpis keeps of numericKpisOf (every KPI but the one record,
 * offSpecKgPerYearByCause) — when every one of them is a finite number; undefined otherwise (the
 * caller then filters numericKpisOf). A Monte Carlo sample builds its ≈ 30 KPIs once, in an object
 * literal (one shape for every sample), instead of a record and then a copy of its numbers.
 */
export function finiteKpisOf(ev: Evaluation): Record<string, number> | undefined {
  const m = ev.model;
  const hours = m.plant.operatingHours;
  const q = ev.quality;
  const econ = ev.economics;
  const k = econ.kpis;
  const out = {
    feedKgPerYear: m.feedKgPerHour * hours,
    productKgPerYear: boundaryMassKgPerHour(ev, 'product') * hours,
    inSpecFraction: q.inSpecFraction,
    capexUsd: k.capexUsd,
    opexUsdPerYear: k.opexUsdPerYear,
    revenueUsdPerYear: k.revenueUsdPerYear,
    costUsdPerKgProduct: k.costUsdPerKgProduct,
    npvUsd: k.npvUsd,
    irr: k.irr,
    paybackYears: k.paybackYears,
    minSellingPriceUsdPerKg: k.minSellingPriceUsdPerKg,
    energyMjPerKgProduct: k.energyMjPerKgProduct,
    ghgKgCo2ePerKgProduct: k.ghgKgCo2ePerKgProduct,
    waterLPerKgProduct: k.waterLPerKgProduct,
    netCostUsdPerKgProduct: k.netCostUsdPerKgProduct,
    primaryEnergyMjPerKgProduct: k.primaryEnergyMjPerKgProduct,
    inSpecKgPerYear: q.inSpecKgPerHour * hours,
    offSpecKgPerYear: q.offSpecKgPerHour * hours,
    inSpecYieldOfFeedCam: q.inSpecYieldOfFeedCam,
    inSpecCapacityMahPerG: q.inSpecCapacityMahPerG,
    inSpecCapacityRatio: q.inSpecCapacityRatio,
    totalCapitalInvestmentUsd: econ.totalCapitalInvestmentUsd,
    virginEnergyMjPerKg: econ.virgin.energyMjPerKg,
    virginGhgKgCo2ePerKg: econ.virgin.ghgKgCo2ePerKg,
    virginWaterLPerKg: econ.virgin.waterLPerKg,
    virginSiteEnergyMjPerKg: econ.virgin.siteEnergyMjPerKg,
    operatorsPerShift: ev.sizing.operatorsPerShift,
  };
  // Every value a finite number (Number.isFinite is false for null): one loop over the literal's
  // own keys rather than a check per field (a call each until optimized, and ≈ 30 checks to compile).
  for (const key in out) if (!Number.isFinite(out[key as keyof typeof out])) return undefined;
  return out as Record<string, number>;
}

/** The KPIs of an evaluation with `byCause` as offSpecKgPerYearByCause. */
function kpisWith(ev: Evaluation, byCause: Record<string, number> | null): Kpis {
  const m = ev.model;
  const hours = m.plant.operatingHours;
  const q = ev.quality;
  const econ = ev.economics;
  const k = econ.kpis;
  const productKgPerHour = boundaryMassKgPerHour(ev, 'product');
  return {
    feedKgPerYear: m.feedKgPerHour * hours,
    productKgPerYear: productKgPerHour * hours,
    inSpecFraction: q.inSpecFraction,
    capexUsd: k.capexUsd,
    opexUsdPerYear: k.opexUsdPerYear,
    revenueUsdPerYear: k.revenueUsdPerYear,
    costUsdPerKgProduct: k.costUsdPerKgProduct,
    npvUsd: k.npvUsd,
    irr: k.irr,
    paybackYears: k.paybackYears,
    minSellingPriceUsdPerKg: k.minSellingPriceUsdPerKg,
    energyMjPerKgProduct: k.energyMjPerKgProduct,
    ghgKgCo2ePerKgProduct: k.ghgKgCo2ePerKgProduct,
    waterLPerKgProduct: k.waterLPerKgProduct,
    netCostUsdPerKgProduct: k.netCostUsdPerKgProduct,
    primaryEnergyMjPerKgProduct: k.primaryEnergyMjPerKgProduct,
    inSpecKgPerYear: q.inSpecKgPerHour * hours,
    offSpecKgPerYear: q.offSpecKgPerHour * hours,
    offSpecKgPerYearByCause: byCause,
    inSpecYieldOfFeedCam: q.inSpecYieldOfFeedCam,
    inSpecCapacityMahPerG: q.inSpecCapacityMahPerG,
    inSpecCapacityRatio: q.inSpecCapacityRatio,
    totalCapitalInvestmentUsd: econ.totalCapitalInvestmentUsd,
    virginEnergyMjPerKg: econ.virgin.energyMjPerKg,
    virginGhgKgCo2ePerKg: econ.virgin.ghgKgCo2ePerKg,
    virginWaterLPerKg: econ.virgin.waterLPerKg,
    virginSiteEnergyMjPerKg: econ.virgin.siteEnergyMjPerKg,
    operatorsPerShift: ev.sizing.operatorsPerShift,
  };
}

/** Build the run document of an evaluation. */
export function runDocument(ev: Evaluation): RunDocument {
  const m = ev.model;
  const g = m.flowsheet.graph;
  const q = ev.quality;
  const verdict = new Map(q.lots.map((v) => [`${v.stream}\u0000${v.lot}`, v]));
  const streams = g.streams.map((s) => {
    const doc = streamDocument(s.id, endpointText(s.from), endpointText(s.to), ev.solution.streams.get(s.id)!);
    if (s.to.node === 'product') {
      for (const l of doc.lots) {
        const v = verdict.get(`${s.id}\u0000${l.id}`);
        l.inSpec = v ? v.inSpec : null;
        if (v && !v.inSpec) (l as LotDocument & { offSpecCauses?: string[] }).offSpecCauses = v.causes;
      }
    }
    return doc;
  });
  const econ = ev.economics;
  const costRows = new Map(econ.capex.equipment.map((r) => [`${r.unitId}.${r.name}`, r]));
  const units = m.flowsheet.units.map((u) => {
    const run = ev.solution.runs.get(u.id)!;
    const design = ev.designs.get(u.id)!;
    const sized = ev.sizing.units.find((x) => x.unitId === u.id);
    const heat = Object.values(run.energy.heatKw).reduce((a, b) => a + (b ?? 0), 0);
    const balance = ev.balances.units.find((b) => b.unit === u.id)!;
    return {
      id: u.id,
      kind: u.kind,
      ...(u.name ? { name: u.name } : {}),
      params: u.params,
      mode: design.mode,
      electricityKwhPerHour: run.energy.electricityKw,
      heatKwhPerHour: heat,
      heatByUtilityKwhPerHour: run.energy.heatKw,
      minimumHeatKwhPerHour: run.energy.minimumHeatKw,
      energyItems: run.energy.items,
      reagentsKgPerHour: run.draws,
      recycledReagentsKgPerHour: run.recycled,
      consumablesPerHour: run.consumablesPerHour ?? {},
      metrics: run.metrics ?? {},
      residenceTimeH: design.residenceTimeH,
      cycleTimeH: sized?.cycleTimeH ?? (design.cycle ? Object.values(design.cycle).reduce((a, b) => a + b, 0) : null),
      cycle: design.cycle ?? null,
      operatorsPerShift: sized?.operatorsPerShift ?? design.operatorsPerShift,
      equipment: ev.sizing.equipment.filter((e) => e.unitId === u.id).map((e) => {
        const cost = costRows.get(`${e.unitId}.${e.name}`);
        return {
          name: e.name,
          description: e.description,
          mode: e.operation,
          size: e.size,
          sizeUnit: e.sizeUnit,
          count: e.count,
          utilisation: e.utilisation,
          sizeUtilisation: e.sizeUtilisation,
          timeUtilisation: e.timeUtilisation,
          loadKgPerHour: e.loadKgPerHour,
          loadBasis: e.loadBasis,
          cycleTimeH: e.cycleTimeH,
          batchesPerYear: e.batchesPerYear,
          // Escalated to the price set's CEPCI year and regionally adjusted, all items together.
          purchaseCostUsd: cost?.purchaseCostUsd ?? 0,
          installedCostUsd: cost?.installedCostUsd ?? 0,
          costSource: e.costSource,
          outOfRange: e.outOfRange,
        };
      }),
      massClosure: balance.massClosure,
      elementClosure: balance.elementClosure,
    };
  });
  const b = ev.balances;
  return {
    scenario: m.id,
    scenarioName: m.name,
    flowsheet: m.flowsheet.id,
    flowsheetName: m.flowsheet.name,
    converged: ev.solution.loops.every((l) => l.converged),
    kpis: kpisOf(ev),
    balances: {
      massClosure: b.plant.massClosure,
      elementClosure: b.plant.elementClosure,
      worstUnitOrPlantClosure: b.worstClosure,
      massInKgPerHour: b.plant.massInKgPerHour,
      massOutKgPerHour: b.plant.massOutKgPerHour,
      energyKwhPerHour: b.energyKwhPerHour,
      reagents: b.reagents,
    },
    loops: ev.solution.loops.map((l) => ({ units: l.units, tears: l.tears, iterations: l.iterations, residual: l.residual })),
    units,
    bottleneck: ev.sizing.bottleneck,
    maxCapacityKgPerYear: ev.sizing.maxCapacityKgPerYear,
    streams,
    quality: {
      spec: m.spec,
      productCamKgPerHour: q.productCamKgPerHour,
      inSpecKgPerHour: q.inSpecKgPerHour,
      offSpecKgPerHour: q.offSpecKgPerHour,
      offSpecByCauseKgPerHour: q.offSpecByCauseKgPerHour,
      inSpecByChemistryKgPerHour: q.inSpecByChemistryKgPerHour,
      residualLiSaltsByStream: q.residualLiSaltsByStream,
      foreignSolidsByStream: q.foreignSolidsByStream,
      lots: q.lots,
    },
    sizing: { mode: ev.sizing.mode, settings: ev.sizing.settings, operatorsPerShift: ev.sizing.operatorsPerShift, labour: ev.sizing.labour, bottleneckEquipment: ev.sizing.bottleneckEquipment, bottleneckUtilisation: ev.sizing.bottleneckUtilisation },
    finance: econ.finance as unknown as Record<string, unknown>,
    capex: econ.capex,
    workingCapital: econ.workingCapital,
    opex: econ.opex,
    revenue: econ.revenue,
    environment: econ.environment,
    cashFlow: econ.cashFlow as unknown as Record<string, unknown>[],
    diagnostics: ev.diagnostics,
  };
}
