/**
 * Remedies for off-spec product (issue 14): for every off-spec cause above 1 % of a case's product
 * CAM, the unit kinds and parameters that act on that cause (REMEDIES, a table keyed by cause) are
 * each TRIED by re-running the scenario with the change. A remedy is `verified` only when the
 * re-run converges, the cause's off-spec mass falls and the in-spec share rises by at least the
 * materiality threshold of inSpecFraction (half a percentage point, kpi-info.ts); its NPV change
 * is reported beside it (a remedy can work and still not pay).
 */
import type { z } from 'zod';
import type { OffSpecCause } from '../streams/lot.js';
import type { UnitKind } from '../schema/kinds.js';
import { CAUSE_PRIORITY } from '../balances/quality.js';
import { RegenflowError } from '../schema/errors.js';
import type { ParamMeta } from '../schema/param.js';
import { paramMetaOf, valueText } from './param-meta.js';
import { unitOp } from '../unit-ops/registry.js';
import { resolveModel, overridePatches } from './resolve.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { kpisOf, type Kpis } from './document.js';
import { thresholdOf } from './kpi-info.js';
import { productByFeedLot } from './explain-lots.js';
import type { RawScenario } from './load.js';
import type { Patch } from './patch.js';

/** How a candidate value follows from the current one (numbers in the parameter's documented unit). */
export type RemedyCandidate = { scale: number } | { add: number } | { set: number | string | boolean };

/** Change a parameter of every unit of a kind. */
export interface ParameterRemedySpec {
  type: 'parameter';
  unitKind: UnitKind;
  parameter: string;
  candidates: RemedyCandidate[];
  /** Why it acts on the cause (mechanism and source). */
  why: string;
}

/** Insert a unit on the solids path between the last relithiation unit and the product. */
export interface InsertRemedySpec {
  type: 'insert';
  unitKind: UnitKind;
  params: Record<string, unknown>;
  /** Kinds of which one must still follow the inserted unit (e.g. a wet cake must be dried or annealed). */
  upstreamOf?: UnitKind[];
  /**
   * Where the unit goes: on the solids path between the last relithiation unit and the product
   * (default), or on the feed inlet of the first relithiation unit (preparation such as flotation).
   */
  placement?: 'solids-path' | 'before-relithiation';
  /** Boundary each extra outlet goes to (default: vent → emissions, others → waste). */
  outletsTo?: Record<string, 'byproduct' | 'waste' | 'emissions'>;
  why: string;
}

/** A remedy to try. */
export type RemedySpec = ParameterRemedySpec | InsertRemedySpec;

const SINTER_HEALS = 'sintering heals the surface rock salt at healRatio × the lattice-ordering rate over the dwell (correlations/mechanisms/ordering.ts; review: lattice reconstruction at 700–900 °C)';
const RELITH_RATE = 'relithiation approaches its Li/TM target at an Arrhenius rate over the duration (correlations/mechanisms/, calibrated on review Table 1)';
const CAPACITY = 'predicted capacity falls with Li deficit, excess cation mixing, rock salt and cracks (streams/performance.ts, calibrated on review Table 1)';

/** The remedies that act on each off-spec cause (mechanism in `why`). */
export const REMEDIES: Readonly<Record<OffSpecCause, readonly RemedySpec[]>> = {
  'surface-rock-salt': [
    { type: 'insert', unitKind: 'surface-reconstruction', params: { method: 'citric-acid' }, upstreamOf: ['drying', 'sintering'], why: 'citric-acid etching removes the surface rock-salt layer (review Table 1 [71]); the wet etched cake is then dried or annealed downstream' },
    { type: 'parameter', unitKind: 'surface-reconstruction', parameter: 'etchTime', candidates: [{ scale: 2 }], why: 'a longer etch removes a thicker layer (surface-reconstruction.ts)' },
    { type: 'parameter', unitKind: 'sintering', parameter: 'dwell', candidates: [{ scale: 2 }, { scale: 3 }], why: SINTER_HEALS },
    { type: 'parameter', unitKind: 'sintering', parameter: 'peak', candidates: [{ add: 50 }], why: SINTER_HEALS },
    { type: 'parameter', unitKind: 'relithiation-molten-salt', parameter: 'temperature', candidates: [{ add: 30 }], why: 'a eutectic melt at sufficient temperature suppresses rock salt in the same step (DESIGN.md "Regeneration outcome"; review)' },
  ],
  'under-lithiated': [
    { type: 'parameter', unitKind: 'relithiation-hydrothermal', parameter: 'duration', candidates: [{ scale: 1.5 }, { scale: 2 }], why: RELITH_RATE },
    { type: 'parameter', unitKind: 'relithiation-hydrothermal', parameter: 'temperature', candidates: [{ add: 20 }], why: RELITH_RATE },
    { type: 'parameter', unitKind: 'relithiation-redox-mediated', parameter: 'duration', candidates: [{ scale: 2 }], why: RELITH_RATE },
    { type: 'parameter', unitKind: 'relithiation-molten-salt', parameter: 'duration', candidates: [{ scale: 1.5 }], why: RELITH_RATE },
    { type: 'parameter', unitKind: 'relithiation-molten-salt', parameter: 'temperature', candidates: [{ add: 20 }], why: RELITH_RATE },
    { type: 'parameter', unitKind: 'relithiation-molten-salt', parameter: 'saltRatio', candidates: [{ scale: 1.5 }], why: 'more melt per kg CAM raises the Li reservoir and r_eq (relithiation-molten-salt.ts)' },
    { type: 'parameter', unitKind: 'relithiation-solid-state', parameter: 'excess', candidates: [{ add: 0.03 }], why: 'a larger Li excess doses the under-lithiated lots of the batch (relithiation-solid-state.ts)' },
    { type: 'parameter', unitKind: 'relithiation-solid-state', parameter: 'duration', candidates: [{ scale: 1.5 }], why: 'a longer calcination equalises Li between lots (relithiation-solid-state.ts)' },
    { type: 'parameter', unitKind: 'relithiation-electrochemical', parameter: 'controlSpread', candidates: [{ scale: 0.5 }], why: 'tighter charge control narrows the Li/TM spread (relithiation-electrochemical.ts)' },
    { type: 'parameter', unitKind: 'sintering', parameter: 'residualLiReaction', candidates: [{ set: true }], why: 'residual Li salts react into under-lithiated lots during sintering (sintering.ts; review ref. [79])' },
  ],
  'over-lithiated': [
    { type: 'parameter', unitKind: 'relithiation-molten-salt', parameter: 'saltRatio', candidates: [{ scale: 0.75 }, { scale: 0.5 }], why: 'less melt per kg CAM lowers the Li reservoir that overshoots Li/TM 1 (relithiation-molten-salt.ts)' },
    { type: 'parameter', unitKind: 'relithiation-molten-salt', parameter: 'duration', candidates: [{ scale: 0.75 }], why: 'fast lots overshoot over a long dwell (relithiation-molten-salt.ts)' },
    { type: 'parameter', unitKind: 'relithiation-solid-state', parameter: 'excess', candidates: [{ set: 0 }], why: 'the Li excess dosed for the batch over-lithiates the fast lots (relithiation-solid-state.ts)' },
    { type: 'parameter', unitKind: 'relithiation-electrochemical', parameter: 'controlSpread', candidates: [{ scale: 0.5 }], why: 'tighter charge control narrows the Li/TM spread (relithiation-electrochemical.ts)' },
    { type: 'parameter', unitKind: 'sintering', parameter: 'peak', candidates: [{ add: 50 }], why: 'Li volatilises faster at a hotter peak (sintering.ts liLossActivationEnergy)' },
  ],
  'cation-mixing': [
    { type: 'parameter', unitKind: 'sintering', parameter: 'peak', candidates: [{ add: 50 }], why: 'cation mixing relaxes toward equilibrium at an Arrhenius rate (sintering.ts SINTERING_RATE)' },
    { type: 'parameter', unitKind: 'sintering', parameter: 'dwell', candidates: [{ scale: 2 }], why: 'cation mixing relaxes toward equilibrium over the dwell (sintering.ts)' },
    { type: 'parameter', unitKind: 'sintering', parameter: 'atmosphere', candidates: [{ set: 'O2' }], why: 'Ni-rich lots keep less Ni on Li sites in O2 than in air (sintering.ts; REFERENCE.md 1.4)' },
    { type: 'parameter', unitKind: 'relithiation-solid-state', parameter: 'temperature', candidates: [{ add: 50 }], why: 'the solid-state calcination reorders the lattice like sintering (relithiation-solid-state.ts)' },
  ],
  'low-capacity': [
    { type: 'parameter', unitKind: 'sintering', parameter: 'dwell', candidates: [{ scale: 1.5 }, { scale: 2 }], why: `${CAPACITY}; a longer anneal reorders the lattice and heals rock salt (correlations/mechanisms/ordering.ts)` },
    { type: 'parameter', unitKind: 'sintering', parameter: 'peak', candidates: [{ add: 50 }], why: `${CAPACITY}; a hotter anneal reorders faster (correlations/mechanisms/ordering.ts)` },
    { type: 'parameter', unitKind: 'relithiation-molten-salt', parameter: 'temperature', candidates: [{ add: 100 }, { add: 300 }], why: `${CAPACITY}; a eutectic melt at sufficient temperature repairs (003) defects and rock salt in the same step (review Table 1 [83]; correlations/mechanisms/molten-salt.ts)` },
    { type: 'insert', unitKind: 'surface-reconstruction', params: { method: 'citric-acid' }, upstreamOf: ['drying', 'sintering'], why: `${CAPACITY}; citric-acid etching removes the rock-salt layer (review Table 1 [71])` },
  ],
  'residual-li-salts': [
    { type: 'parameter', unitKind: 'washing', parameter: 'stages', candidates: [{ add: 1 }, { add: 2 }], why: 'each counter-current stage removes more soluble salt (washing.ts)' },
    { type: 'parameter', unitKind: 'washing', parameter: 'waterPerKgSolids', candidates: [{ scale: 1.5 }], why: 'more wash water dilutes the retained liquor (washing.ts)' },
    { type: 'parameter', unitKind: 'sintering', parameter: 'residualLiReaction', candidates: [{ set: true }], why: 'residual Li salts react into the lattice during sintering (sintering.ts)' },
  ],
  'graphite-carbon': [
    { type: 'insert', unitKind: 'flotation', params: {}, placement: 'before-relithiation', outletsTo: { graphite: 'byproduct', oversize: 'byproduct', water: 'waste' }, why: 'froth flotation floats graphite and carbon black off the black mass before relithiation (flotation.ts; EverBatt 2023 direct route has froth flotation, REFERENCE.md 1.3.2)' },
    { type: 'parameter', unitKind: 'flotation', parameter: 'cleaners', candidates: [{ add: 1 }, { add: 2 }], why: 'each cleaner stage re-floats the concentrate and rejects more graphite from the sink (flotation.ts)' },
    { type: 'parameter', unitKind: 'flotation', parameter: 'scavengers', candidates: [{ add: 1 }], why: 'a scavenger stage floats graphite left in the sink (flotation.ts)' },
  ],
  aluminium: [
    { type: 'parameter', unitKind: 'flotation', parameter: 'screenAl', candidates: [{ set: 0.95 }, { set: 0.99 }], why: 'a finer feed screen removes more Al fragments from black mass (flotation.ts)' },
    { type: 'parameter', unitKind: 'delamination-nmp', parameter: 'alCarryOver', candidates: [{ scale: 0.5 }], why: 'less foil passes the screen as fragments (delamination-nmp.ts)' },
    { type: 'parameter', unitKind: 'delamination-thermal', parameter: 'alCarryOver', candidates: [{ scale: 0.5 }], why: 'less foil passes the screen as fragments (delamination-thermal.ts)' },
  ],
  copper: [
    { type: 'parameter', unitKind: 'flotation', parameter: 'screenCu', candidates: [{ set: 0.95 }, { set: 0.99 }], why: 'a finer feed screen removes more Cu fragments from black mass (flotation.ts)' },
  ],
  fluorine: [
    { type: 'parameter', unitKind: 'washing', parameter: 'stages', candidates: [{ add: 1 }], why: 'each counter-current stage removes more soluble fluoride (washing.ts)' },
  ],
  'foreign-chemistry': [
    { type: 'parameter', unitKind: 'sorting', parameter: 'accuracy', candidates: [{ set: 0.98 }, { set: 0.99 }], why: 'better sorting keeps stray chemistries out of the NCM lane (AISORT targets >98 %, REFERENCE.md 1.4 [L])' },
  ],
};

/** Share of product CAM above which an off-spec cause gets remedies. */
export const REMEDY_CAUSE_SHARE = 0.01;

/** One re-run of a remedy. */
export interface RemedyTrial {
  /** The change, e.g. "sinter.dwell 2 h → 4 h". */
  change: string;
  inSpecFractionAfter: number | null;
  causeKgPerYearAfter: number | null;
  npvDeltaUsd: number | null;
  verified: boolean;
  /** Why the run failed (input or model error), else null. */
  error: string | null;
}

/** The best trial of a remedy, with the others tried. */
export interface Remedy {
  case: 'baseline' | 'challenger';
  caseLabel: string;
  cause: OffSpecCause;
  /** The feed lot with the most off-spec mass of this cause. */
  lot: string;
  /** Every feed lot with off-spec mass of this cause. */
  lots: string[];
  /** Off-spec mass of this cause ÷ product CAM before the remedy. */
  causeShareOfProduct: number;
  type: 'parameter' | 'structural';
  /** Unit changed (or inserted). */
  unit: string;
  unitKind: string;
  /** Parameter changed, or "insert" for a structural remedy. */
  parameter: string;
  /** New value in the parameter's documented unit (structural: where the unit went). */
  value: number | string | boolean;
  /** The change in words. */
  change: string;
  inSpecFractionBefore: number | null;
  inSpecFractionAfter: number | null;
  causeKgPerYearBefore: number;
  causeKgPerYearAfter: number | null;
  npvDeltaUsd: number | null;
  verified: boolean;
  /** verified and NPV rises. */
  pays: boolean;
  why: string;
  /** Why it is not verified (null when verified). */
  note: string | null;
  tried: RemedyTrial[];
}

/** A case whose remedies are tried: its evaluation (the raw scenario is its model's). */
export interface RemedyCase {
  side: 'baseline' | 'challenger';
  label: string;
  evaluation: Evaluation;
}

/** One attempt before it is judged. */
interface Attempt {
  change: string;
  value: number | string | boolean;
  unit: string;
  raw: RawScenario;
  patches: Patch[];
}

function candidateValue(c: RemedyCandidate, current: unknown, meta: ParamMeta | undefined): number | string | boolean | undefined {
  if ('set' in c) return c.set === current ? undefined : c.set;
  if (typeof current !== 'number') return undefined;
  let v = 'scale' in c ? current * c.scale : current + c.add;
  if (meta?.min !== undefined) v = Math.max(meta.min, v);
  if (meta?.max !== undefined) v = Math.min(meta.max, v);
  return v === current ? undefined : Number(v.toPrecision(12));
}

/** Patches the case was evaluated with beyond its scenario's own overrides. */
function extraPatches(ev: Evaluation): Patch[] {
  return ev.model.patches.slice(overridePatches(ev.model.raw).length);
}

/** Parameter attempts of a spec on a case (one per unit of the kind and candidate). */
function parameterAttempts(spec: ParameterRemedySpec, ev: Evaluation): Attempt[] {
  const meta = paramMetaOf(spec.unitKind, spec.parameter);
  const out: Attempt[] = [];
  for (const u of ev.model.flowsheet.units.filter((x) => x.kind === spec.unitKind)) {
    const current = u.params[spec.parameter];
    if (current === undefined) continue;
    for (const c of spec.candidates) {
      const value = candidateValue(c, current, meta);
      if (value === undefined) continue;
      out.push({ change: `${u.id}.${spec.parameter} ${valueText(current, meta)} → ${valueText(value, meta)}`, value, unit: u.id, raw: ev.model.raw, patches: [...extraPatches(ev), { path: `${u.id}.${spec.parameter}`, value }] });
    }
  }
  return out;
}

/**
 * The streams carrying the product's CAM back from `product` to the last relithiation unit (the
 * inlet with the most lot mass at each unit), downstream first.
 */
export function solidsPath(ev: Evaluation): { index: number; from: string; to: string }[] {
  const g = ev.model.flowsheet.graph;
  const kindOf = new Map(ev.model.flowsheet.units.map((u) => [u.id, u.kind as string]));
  const lotMass = (id: string) => ev.solution.streams.get(id)?.lots.reduce((s, l) => s + l.massKgPerHour, 0) ?? 0;
  const name = (e: { node: string; port: string | null }) => (e.port === null ? e.node : `${e.node}.${e.port}`);
  const path: { index: number; from: string; to: string }[] = [];
  let into = g.streams.filter((s) => s.to.node === 'product').sort((a, b) => lotMass(b.id) - lotMass(a.id))[0];
  const seen = new Set<string>();
  while (into && !seen.has(into.id) && path.length < 12) {
    seen.add(into.id);
    path.push({ index: into.index, from: name(into.from), to: name(into.to) });
    const unit = into.from.node;
    if (!kindOf.has(unit) || kindOf.get(unit)!.startsWith('relithiation-')) break;
    into = g.streams.filter((s) => s.to.node === unit).sort((a, b) => lotMass(b.id) - lotMass(a.id))[0];
  }
  return path;
}

/** The stream into the feed inlet of the first relithiation unit (where preparation units go), as a one-stream path. */
export function relithiationInlet(ev: Evaluation): { index: number; from: string; to: string }[] {
  const g = ev.model.flowsheet.graph;
  const relith = ev.model.flowsheet.units.find((u) => u.kind.startsWith('relithiation-'));
  if (!relith) return [];
  const s = g.streams.find((x) => x.to.node === relith.id && (x.to.port === null || x.to.port === 'feed'));
  if (!s) return [];
  const name = (e: { node: string; port: string | null }) => (e.port === null ? e.node : `${e.node}.${e.port}`);
  return [{ index: s.index, from: name(s.from), to: name(s.to) }];
}

/** Structural attempts: the unit inserted on each stream of the solids path (or before relithiation). */
function insertAttempts(spec: InsertRemedySpec, ev: Evaluation): Attempt[] {
  if (ev.model.flowsheet.units.some((u) => u.kind === spec.unitKind)) return [];
  const data = ev.model.raw.flowsheet.data as { units: { id: string }[]; streams: Record<string, unknown>[] };
  const ids = new Set(data.units.map((u) => u.id));
  const base = spec.unitKind === 'surface-reconstruction' ? 'etch' : spec.unitKind;
  let id = base;
  for (let k = 2; ids.has(id); k++) id = `${base}${k}`;
  const op = unitOp(spec.unitKind);
  const ports = op.ports((op.params as z.ZodType).parse(spec.params) as never);
  const solids = ports.outlets.find((p) => p.name === 'solids' || p.name === 'product') ?? ports.outlets[0]!;
  const kindOf = new Map(ev.model.flowsheet.units.map((u) => [u.id, u.kind as string]));
  const path = spec.placement === 'before-relithiation' ? relithiationInlet(ev) : solidsPath(ev);
  // Stream k of the path (downstream first) is followed by the units path[0..k].to.
  const allowed = path.filter((_, k) => !spec.upstreamOf || path.slice(0, k + 1).some((p) => spec.upstreamOf!.includes(kindOf.get(p.to.split('.')[0]!) as UnitKind)));
  return allowed.map((s) => {
    const streams = data.streams.slice();
    const orig = streams[s.index]!;
    const extra = ports.outlets.filter((p) => p !== solids).map((p) => ({ from: `${id}.${p.name}`, to: spec.outletsTo?.[p.name] ?? (p.name === 'vent' ? 'emissions' : 'waste') }));
    streams.splice(s.index, 1, { ...orig, to: id }, { from: `${id}.${solids.name}`, to: orig.to as string }, ...extra);
    const flowsheet = { ...data, units: [...data.units, { id, kind: spec.unitKind, params: spec.params }], streams };
    const raw: RawScenario = { ...ev.model.raw, flowsheet: { ...ev.model.raw.flowsheet, data: flowsheet } };
    const where = `between ${s.from.split('.')[0]} and ${s.to.split('.')[0]}`;
    return { change: `insert ${spec.unitKind} (${Object.values(spec.params).join(', ')}) ${where}`, value: where, unit: id, raw, patches: extraPatches(ev) };
  });
}

/** Re-run an attempt; KPIs or the failure message. */
function rerun(a: Attempt): { kpis: Kpis } | { error: string } {
  try {
    return { kpis: kpisOf(evaluate(resolveModel(a.raw, a.patches), { mode: 'sample' })) };
  } catch (e) {
    if (e instanceof RegenflowError) return { error: e.message.split('\n')[0]! };
    throw e;
  }
}

const causeKg = (k: Kpis, cause: OffSpecCause): number => ((k.offSpecKgPerYearByCause ?? {}) as Record<string, number>)[cause] ?? 0;

/** Judge one attempt against the case's base KPIs. */
function judge(a: Attempt, base: Kpis, cause: OffSpecCause): RemedyTrial & { note: string | null } {
  const r = rerun(a);
  if ('error' in r) return { change: a.change, inSpecFractionAfter: null, causeKgPerYearAfter: null, npvDeltaUsd: null, verified: false, error: r.error, note: `the re-run failed: ${r.error}` };
  const before = base.inSpecFraction;
  const after = r.kpis.inSpecFraction;
  const kgBefore = causeKg(base, cause);
  const kgAfter = causeKg(r.kpis, cause);
  const gain = before !== null && after !== null ? after - before : null;
  const need = thresholdOf('inSpecFraction', before ?? 0);
  const verified = gain !== null && gain >= need && kgAfter < kgBefore;
  const pct = (x: number) => `${Number((x * 100).toPrecision(3))} %`;
  const note = verified ? null
    : !(kgAfter < kgBefore) ? `${cause} off-spec mass did not fall (${Math.round(kgBefore / 1000)} → ${Math.round(kgAfter / 1000)} t/yr)`
    : gain === null ? 'no in-spec share to compare'
    : `in-spec share changed by ${gain >= 0 ? '+' : ''}${pct(gain)}, less than the ${pct(need)} that counts`;
  const npv = typeof r.kpis.npvUsd === 'number' && typeof base.npvUsd === 'number' ? r.kpis.npvUsd - base.npvUsd : null;
  return { change: a.change, inSpecFractionAfter: after, causeKgPerYearAfter: kgAfter, npvDeltaUsd: npv, verified, error: null, note };
}

/** Order of trials: verified first, then a materially larger in-spec share, then the larger NPV. */
function betterTrial(x: RemedyTrial, y: RemedyTrial): number {
  if (x.verified !== y.verified) return x.verified ? -1 : 1;
  const ix = x.inSpecFractionAfter ?? -Infinity;
  const iy = y.inSpecFractionAfter ?? -Infinity;
  if (ix !== iy && !(Math.abs(ix - iy) < thresholdOf('inSpecFraction', ix, iy))) return iy - ix;
  const nx = x.npvDeltaUsd ?? -Infinity;
  const ny = y.npvDeltaUsd ?? -Infinity;
  return ny === nx ? 0 : ny > nx ? 1 : -1;
}

/**
 * Try the remedies of every off-spec cause above REMEDY_CAUSE_SHARE of the case's product CAM;
 * one result per (cause, remedy, unit): its best trial, with every trial listed.
 */
export function tryRemedies(c: RemedyCase, table: Readonly<Record<OffSpecCause, readonly RemedySpec[]>> = REMEDIES): Remedy[] {
  const ev = c.evaluation;
  const base = kpisOf(ev);
  const hours = ev.model.plant.operatingHours;
  const productKg = ev.quality.productCamKgPerHour * hours;
  const byLot = productByFeedLot(ev);
  const out: Remedy[] = [];
  for (const cause of CAUSE_PRIORITY) {
    const kg = causeKg(base, cause);
    if (!(productKg > 0) || kg / productKg <= REMEDY_CAUSE_SHARE) continue;
    const lots = [...byLot.entries()].filter(([, p]) => (p.byCause[cause] ?? 0) > 0).sort((x, y) => (y[1].byCause[cause] ?? 0) - (x[1].byCause[cause] ?? 0)).map(([id]) => id);
    for (const spec of table[cause] ?? []) {
      const attempts = spec.type === 'insert' ? insertAttempts(spec, ev) : parameterAttempts(spec, ev);
      const byUnit = new Map<string, Attempt[]>();
      for (const a of attempts) byUnit.set(a.unit, [...(byUnit.get(a.unit) ?? []), a]);
      for (const [unit, list] of byUnit) {
        const trials = list.map((a) => ({ a, t: judge(a, base, cause) }));
        const best = trials.slice().sort((x, y) => betterTrial(x.t, y.t))[0]!;
        out.push({
          case: c.side,
          caseLabel: c.label,
          cause,
          lot: lots[0] ?? '',
          lots,
          causeShareOfProduct: kg / productKg,
          type: spec.type === 'insert' ? 'structural' : 'parameter',
          unit,
          unitKind: spec.unitKind,
          parameter: spec.type === 'insert' ? 'insert' : spec.parameter,
          value: best.a.value,
          change: best.t.change,
          inSpecFractionBefore: base.inSpecFraction,
          inSpecFractionAfter: best.t.inSpecFractionAfter,
          causeKgPerYearBefore: kg,
          causeKgPerYearAfter: best.t.causeKgPerYearAfter,
          npvDeltaUsd: best.t.npvDeltaUsd,
          verified: best.t.verified,
          pays: best.t.verified && (best.t.npvDeltaUsd ?? 0) > 0,
          why: spec.why,
          note: best.t.note,
          tried: trials.map(({ t }) => ({ change: t.change, inSpecFractionAfter: t.inSpecFractionAfter, causeKgPerYearAfter: t.causeKgPerYearAfter, npvDeltaUsd: t.npvDeltaUsd, verified: t.verified, error: t.error })),
        });
      }
    }
  }
  return out.map((r, i) => ({ r, i })).sort((x, y) => Number(y.r.verified) - Number(x.r.verified) || (y.r.npvDeltaUsd ?? -Infinity) - (x.r.npvDeltaUsd ?? -Infinity) || x.i - y.i).map((x) => x.r);
}
