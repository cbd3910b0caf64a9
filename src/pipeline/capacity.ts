/**
 * Capacity planning in the pipeline (issue 16): the plant's shift plan, saved plant designs
 * (`size --save`, `--design`), the size report (one purchased-equipment total in the scenario's
 * dollars, the next debottlenecking steps) and the capacity curve (cost per kg and NPV against
 * capacity, with the steps where equipment is added).
 */
import { stringify } from 'yaml';
import { readDocument, type SourceDoc } from '../io/document.js';
import { plantDesignFileSchema, PLANT_DESIGN_KIND, type PlantDesignFile } from '../schema/design.js';
import { toInputIssues, formatPath } from '../schema/issues.js';
import { inputErrors, RegenflowError, type Place } from '../schema/errors.js';
import { msg } from '../schema/messages.js';
import { toUnit } from '../schema/quantity.js';
import { debottleneck, capacitySteps, type DebottleneckStep, type CapacityStep } from '../design/capacity.js';
import type { PlantSizing } from '../design/types.js';
import type { EquipmentSpec } from '../unit-ops/contract.js';
import { equipmentCosts } from '../economics/capex.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { kpisOf } from './document.js';
import { resolveModel, type Model } from './resolve.js';
import { shiftsOf } from './shifts.js';
import { loadRawScenario, type RawScenario } from './load.js';
import type { Patch } from './patch.js';

// ---------------------------------------------------------------------------------------------
// Saved plant designs

/** A saved plant design, validated, with its document (for places). */
export interface InstalledDesign {
  file: string;
  design: PlantDesignFile;
  doc: SourceDoc;
}

/** Validate a plant design document. Throws RegenflowError (exit 1) listing every issue with its line. */
export function parsePlantDesign(doc: SourceDoc): InstalledDesign {
  const r = plantDesignFileSchema.safeParse(doc.data);
  if (!r.success) throw inputErrors(toInputIssues(r.error.issues, plantDesignFileSchema, doc.data, { file: doc.file, locate: (p, key) => doc.locate(p, key) }));
  return { file: doc.file, design: r.data, doc };
}

/** Read and validate a saved plant design file. Throws RegenflowError (exit 1). */
export function readPlantDesign(file: string): InstalledDesign {
  return parsePlantDesign(readDocument(file));
}

/** How a command asks for a model: another flowsheet, another capacity, a saved design to rate. */
export interface ModelRequest {
  flowsheet?: string;
  /** Feed capacity, e.g. "20000 t/yr" (patches plant.capacity). */
  capacity?: string;
  /** A saved plant design to rate. */
  design?: InstalledDesign;
}

/** The patches a request makes (plant.capacity). */
export function requestPatches(request: ModelRequest): Patch[] {
  return request.capacity === undefined ? [] : [{ path: 'plant.capacity', value: request.capacity }];
}

/** Load, validate and (with a design) rate a scenario as a command asks. */
export function requestedModel(file: string, request: ModelRequest = {}): { raw: RawScenario; model: Model } {
  const raw = loadRawScenario(file, request.flowsheet);
  const model = resolveModel(raw, requestPatches(request));
  return { raw, model: request.design ? withInstalledDesign(model, request.design) : model };
}

/**
 * The model rating an installed design: every item's count and size fixed from the design file
 * (replacing the scenario's own fixedCounts and fixedSizes), the other design settings kept.
 * Items the file lists but the flowsheet lacks, or the reverse, are input errors when sizing.
 */
export function withInstalledDesign(model: Model, installed: InstalledDesign): Model {
  const fixedCounts: Record<string, number> = {};
  const fixedSizes: Record<string, number | string> = {};
  const places: Record<string, Place> = {};
  const costs: Record<string, { purchaseCostUsd: number; cepciYear: number }> = {};
  const place = (path: (string | number)[]): Place => {
    const loc = installed.doc.locate(path, true);
    return { file: installed.file, path: formatPath(path), ...(loc ? { line: loc.line, column: loc.column } : {}) };
  };
  places['installedDesign.items'] = place(['items']);
  for (const [key, item] of Object.entries(installed.design.items)) {
    fixedCounts[key] = item.count;
    fixedSizes[key] = typeof item.size === 'number' ? `${item.size} ${item.sizeUnit}` : item.size;
    places[`fixedCounts.${key}`] = place(['items', key]);
    places[`fixedSizes.${key}`] = place(['items', key, 'size']);
    if (item.purchaseCostUsd !== undefined && item.cepciYear !== undefined) costs[key] = { purchaseCostUsd: item.purchaseCostUsd, cepciYear: item.cepciYear };
  }
  const design = { ...model.design, fixedCounts, fixedSizes, places: { ...model.design.places, ...places }, installedDesign: { file: installed.file, costs } };
  return { ...model, design };
}

/** The YAML text of a saved plant design: the installed count and size of every item. */
export function plantDesignYaml(ev: Evaluation, command: string): string {
  const s = ev.sizing;
  const capex = ev.economics.capex;
  const items: PlantDesignFile['items'] = {};
  for (const e of s.equipment) {
    items[`${e.unitId}.${e.name}`] = { count: e.count, size: e.size, sizeUnit: e.sizeUnit, purchaseCostUsd: e.purchaseCostUsd, cepciYear: e.cepciYear, ...(e.description ? { description: e.description } : {}) };
  }
  // As written in a file (quantities as strings with units); plantDesignFileSchema reads it back.
  const data = {
    kind: PLANT_DESIGN_KIND,
    scenario: ev.model.id,
    flowsheet: ev.model.flowsheet.id,
    capacity: `${Number((s.feedKgPerYear / 1000).toPrecision(12))} t/yr`,
    operatingHours: `${s.hoursPerYear} h/yr`,
    purchasedEquipmentUsd: capex.purchasedEquipmentUsd,
    dollarYear: capex.cepciYear,
    items,
  };
  const header = [
    `# Installed plant design written by \`${command}\`.`,
    '# Rate it with: regenflow run|size|compare <scenario> --design <this file> [--capacity "…"]',
    '# items: <unit id>.<equipment name>: count (0: not installed), size of one item in sizeUnit;',
    '# purchaseCostUsd is one item in USD of cepciYear, purchasedEquipmentUsd all items in USD of dollarYear',
    '# (escalated with CEPCI, regional factor included).',
  ];
  return `${header.join('\n')}\n${stringify(data, { lineWidth: 0 })}`;
}

// ---------------------------------------------------------------------------------------------
// Size report

/** What `size` reports besides the sizing itself. */
export interface SizeReport {
  /** All purchased equipment in USD of the scenario's dollar year (CEPCI-escalated, regional factor included). */
  purchasedEquipmentUsd: number;
  /** The price set's CEPCI year: the dollars of purchasedEquipmentUsd and of the debottlenecking costs. */
  dollarYear: number;
  regionalFactor: number;
  /** The next items to add, their cost and the maximum capacity after each step. */
  debottleneck: DebottleneckStep[];
}

/** The size report of an evaluation. */
export function sizeReport(ev: Evaluation, steps?: number): SizeReport {
  const capex = ev.economics.capex;
  const regional = capex.equipment[0]?.regionalFactor ?? 1;
  const correlation = new Map<string, EquipmentSpec>();
  for (const [unitId, d] of ev.designs) for (const e of d.equipment) correlation.set(`${unitId}.${e.name}`, e);
  // One more item at the installed size, priced as CAPEX prices it (escalation and regional factor).
  const itemCost = (e: PlantSizing['equipment'][number]) => {
    const spec = correlation.get(`${e.unitId}.${e.name}`)!;
    const [row] = equipmentCosts([{ unitId: e.unitId, name: e.name, size: e.size, sizeUnit: e.sizeUnit, count: 1, cost: spec.cost }], capex.cepciYear, regional, ev.model.finance, [], []);
    return row!.purchaseCostUsd;
  };
  return { purchasedEquipmentUsd: capex.purchasedEquipmentUsd, dollarYear: capex.cepciYear, regionalFactor: regional, debottleneck: debottleneck(ev.sizing, itemCost, steps) };
}

// ---------------------------------------------------------------------------------------------
// Capacity curve

/** One capacity of the curve. */
export interface CapacityPoint {
  capacityKgPerYear: number;
  costUsdPerKgProduct: number | null;
  npvUsd: number | null;
  capexUsd: number | null;
  purchasedEquipmentUsd: number | null;
  maxCapacityKgPerYear: number | null;
  bottleneck: string | null;
  bottleneckUtilisation: number | null;
  /** false when an installed item is overloaded (rating a saved design beyond what it can take). */
  feasible: boolean;
  /** Why the point has no result (a model failure at this capacity), else null. */
  error: string | null;
}

/** Cost per kg and NPV against capacity, with the capacities where design mode adds equipment. */
export interface CapacityCurve {
  scenario: string;
  flowsheet: string;
  /** design: a plant designed for each capacity; rating: the saved design at each capacity. */
  mode: 'design' | 'rating';
  dollarYear: number;
  points: CapacityPoint[];
  /** Where an item's count or size steps up (design mode; from the designs at the lowest capacity). */
  steps: CapacityStep[];
}

/** Parse `lo:hi:n` (capacities in t/yr, or with units) into kg/yr. Throws RegenflowError (exit 1). */
export function parseCurve(text: string): { lo: number; hi: number; n: number } {
  const parts = text.split(':').map((x) => x.trim());
  const bad = () => new RegenflowError('bad-curve', msg.badCurve(text), { place: { path: '--curve' } });
  if (parts.length !== 3) throw bad();
  const cap = (x: string) => {
    try {
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(x) ? Number(x) * 1000 : toUnit(x, 'kg/yr');
    } catch {
      return NaN;
    }
  };
  const lo = cap(parts[0]!);
  const hi = cap(parts[1]!);
  const n = Number(parts[2]);
  if (!(lo > 0 && hi > lo && Number.isFinite(hi) && Number.isInteger(n) && n >= 2 && n <= 200)) throw bad();
  return { lo, hi, n };
}

/**
 * The capacity curve of a scenario from lo to hi (feed, kg/yr) at n evenly spaced capacities,
 * each point a full evaluation (KPIs only), with `installed` rated when given. Input errors abort;
 * a model failure at a point is recorded on that point.
 */
export function capacityCurve(raw: RawScenario, patches: readonly Patch[], installed: InstalledDesign | undefined, lo: number, hi: number, n: number): CapacityCurve {
  const modelAt = (kgPerYear: number) => {
    const m = resolveModel(raw, [...patches, { path: 'plant.capacity', value: `${kgPerYear} kg/yr` }]);
    return installed ? withInstalledDesign(m, installed) : m;
  };
  const points: CapacityPoint[] = [];
  let first: Evaluation | undefined;
  for (let i = 0; i < n; i++) {
    const c = Number((lo + ((hi - lo) * i) / (n - 1)).toPrecision(12));
    const model = modelAt(c);
    try {
      const ev = evaluate(model, { mode: 'sample' });
      first ??= ev;
      const k = kpisOf(ev);
      const s = ev.sizing;
      points.push({
        capacityKgPerYear: c, costUsdPerKgProduct: k.costUsdPerKgProduct, npvUsd: k.npvUsd, capexUsd: k.capexUsd,
        purchasedEquipmentUsd: ev.economics.capex.purchasedEquipmentUsd, maxCapacityKgPerYear: s.maxCapacityKgPerYear,
        bottleneck: s.bottleneck === null ? null : `${s.bottleneck}.${s.bottleneckEquipment}`, bottleneckUtilisation: s.bottleneckUtilisation,
        feasible: !s.diagnostics.some((d) => d.code === 'overloaded'), error: null,
      });
    } catch (e) {
      if (!(e instanceof RegenflowError && e.exitCode === 2)) throw e;
      points.push({ capacityKgPerYear: c, costUsdPerKgProduct: null, npvUsd: null, capexUsd: null, purchasedEquipmentUsd: null, maxCapacityKgPerYear: null, bottleneck: null, bottleneckUtilisation: null, feasible: false, error: e.message });
    }
  }
  const base = first;
  const steps = base && !installed
    ? capacitySteps([...base.designs].map(([unitId, design]) => ({ unitId, kind: base.model.flowsheet.units.find((u) => u.id === unitId)!.kind, design })), base.sizing.feedKgPerYear, base.sizing.hoursPerYear, base.model.design, shiftsOf(base.model), lo, hi)
    : [];
  const anyModel = base?.model ?? modelAt(lo);
  return { scenario: anyModel.id, flowsheet: anyModel.flowsheet.id, mode: installed ? 'rating' : 'design', dollarYear: anyModel.prices.cepciYear, points, steps };
}
