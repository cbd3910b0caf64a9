/**
 * The inputs of a case that no formula reads, as rows of the Assumptions sheet: scenario, plant,
 * feed lots, product specification, design settings and every unit parameter — each with its unit,
 * where it came from (given in a file, overridden, or a default with its source) and what it
 * means. Values and sources are written for readers (reader-text.ts): a distribution as
 * "normal, mean 0.86, sd 0.04", never JSON; no source-file names.
 */
import type { z } from 'zod';
import type { Evaluation } from '../pipeline/evaluate.js';
import { metaOf } from '../schema/param.js';
import { innerSchema, shapeOf } from '../schema/introspect.js';
import { lotSpecSchema, feedSchema } from '../schema/feed.js';
import { plantSchema } from '../schema/scenario.js';
import { specSchema } from '../schema/spec.js';
import type { Scalar } from './grid.js';
import { readerText, valueText } from './reader-text.js';

/** Metadata of a field: its own, or that of the schema it wraps. */
export function fieldMeta(s: z.ZodType | undefined): { unit: string | null; source: string | null; description: string | null } {
  for (let i = 0; s && i < 20; i++) {
    const m = metaOf(s);
    if (m && (m.description || m.source || m.unit)) return { unit: (m.unit as string | undefined) ?? null, source: m.source ?? null, description: m.description ?? null };
    s = innerSchema(s);
  }
  return { unit: null, source: null, description: null };
}

/** One row of the Assumptions sheet that no formula reads. */
export interface AssumptionRow {
  section: string;
  item: string;
  value: Scalar;
  unit: string;
  source: string;
  note: string;
}

const PLANT_FIELDS = shapeOf(plantSchema);
const FEED_FIELDS = shapeOf(feedSchema);
const LOT_FIELDS = shapeOf(lotSpecSchema);
const SPEC_FIELDS = shapeOf(specSchema);

const own = (o: unknown, k: string): boolean => o !== null && typeof o === 'object' && Object.hasOwn(o, k);

/** "given in <file>" or "default: <source>". */
function origin(given: boolean, file: string, source: string | null): string {
  return given ? `given in ${file}` : `default: ${source ?? 'the schema default'}`;
}

/** Scenario, plant, feed, specification, design settings and every unit parameter, with units and sources. */
export function plainAssumptions(ev: Evaluation): AssumptionRow[] {
  const m = ev.model;
  const out: AssumptionRow[] = [];
  const row = (section: string, item: string, value: unknown, unit: string | null, source: string | null, note = '') =>
    out.push({ section, item, value: valueText(value), unit: unit ?? '', source: readerText(source ?? ''), note: readerText(note) });
  row('scenario', 'id', m.id, '', m.file);
  row('scenario', 'name', m.name, '', m.file);
  row('scenario', 'flowsheet (route)', m.flowsheet.id, '', m.flowsheet.file, m.flowsheet.name);
  for (const p of m.patches) row('scenario', `override ${p.path}`, p.value, '', p.origin ? `${p.origin.file}${p.origin.line ? `:${p.origin.line}` : ''}` : 'command line / API patch');
  // Plant: given in the plant file (or the scenario), else the schema default with its source.
  const plantData = m.raw.plant.data;
  const plantFile = m.raw.plant.doc.file;
  const plantRow = (k: string, item: string, value: unknown, unit: string) => {
    const meta = fieldMeta(PLANT_FIELDS[k]);
    row('plant', item, value, unit, origin(own(plantData, k), plantFile, meta.source), meta.description ?? '');
  };
  plantRow('capacity', 'capacity (feed throughput)', m.plant.capacity / 1000, 't/yr');
  plantRow('operatingHours', 'operating hours', m.plant.operatingHours, 'h/yr');
  plantRow('region', 'region', m.plant.region, '');
  row('plant', 'feed throughput', m.feedKgPerHour, 'kg/h', 'capacity / operating hours');
  // Feed
  const feedData = m.raw.feed.data;
  const feedFile = m.raw.feed.doc.file;
  if (m.feed.id) row('feed', 'id', m.feed.id, '', feedFile);
  row('feed', 'basis', m.feed.basis, '', origin(own(feedData, 'basis'), feedFile, fieldMeta(FEED_FIELDS.basis).source), fieldMeta(FEED_FIELDS.basis).description ?? '');
  const rawLots = ((feedData as { lots?: unknown } | null)?.lots ?? []) as Record<string, unknown>[];
  for (const lot of m.feed.lots) {
    const l = lot as unknown as Record<string, unknown>;
    const given = rawLots.find((x) => x && x.id === lot.id) ?? {};
    for (const [k, v] of Object.entries(l)) {
      if (k === 'id') continue;
      const meta = fieldMeta(LOT_FIELDS[k]);
      const value = k === 'chemistry' ? (v as { name: string }).name : v;
      row('feed', `lot ${lot.id}: ${k}`, value, meta.unit, origin(own(given, k), feedFile, meta.source), meta.description ?? '');
    }
  }
  // Specification
  for (const [k, v] of Object.entries(m.spec)) {
    if (k === '$schema') continue;
    const meta = fieldMeta(SPEC_FIELDS[k]);
    row('product spec', k, v, meta.unit, meta.source, meta.description ?? '');
  }
  // Design settings
  const d = m.design as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(d)) {
    if (k === 'sources' || k === 'places') continue;
    row('design', k, v, k.endsWith('H') ? 'h' : '', m.design.sources[k] ?? '');
  }
  return [...out, ...unitParameterRows(ev)];
}

/** Every unit parameter: given in the flowsheet, overridden by the scenario, or the default with its source. */
export function unitParameterRows(ev: Evaluation): AssumptionRow[] {
  const m = ev.model;
  const rawUnits = ((m.raw.flowsheet.data as { units?: unknown } | null)?.units ?? []) as { id?: string; params?: Record<string, unknown> }[];
  const out: AssumptionRow[] = [];
  for (const u of m.flowsheet.units) {
    const fields = shapeOf(u.op.params as z.ZodType);
    const given = rawUnits.find((x) => x && x.id === u.id)?.params ?? {};
    for (const [k, v] of Object.entries(u.params)) {
      const meta = fieldMeta(fields[k]);
      const patch = m.patches.find((p) => p.path === `${u.id}.${k}`);
      const source = patch ? `override in ${patch.origin?.file ?? 'the command line'}` : own(given, k) ? `given in ${m.flowsheet.file}` : `default: ${meta.source ?? 'the schema default'}`;
      out.push({ section: 'unit parameters', item: `${u.id}.${k}`, value: valueText(v), unit: meta.unit ?? '', source: readerText(source), note: readerText(`${u.kind}${meta.description ? `: ${meta.description}` : ''}`) });
    }
  }
  return out;
}
