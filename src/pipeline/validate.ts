/**
 * `regenflow validate`: check any input file — scenario (with everything it references),
 * flowsheet, feed or plant — and report every problem with its place.
 */
import { readDocument } from '../io/document.js';
import { RegenflowError, inputErrors, type InputIssue } from '../schema/errors.js';
import { toInputIssues } from '../schema/issues.js';
import { flowsheetFileSchema, type FlowsheetSpec } from '../unit-ops/flowsheet-schema.js';
import { feedSchema } from '../schema/feed.js';
import { plantSchema } from '../schema/scenario.js';
import { loadRawScenario, readPriceSets, SHIPPED_PRICE_SETS } from './load.js';
import { resolvePrices } from '../economics/prices.js';
import { REGIONS, type Region } from '../schema/scenario.js';
import { basename, dirname } from 'node:path';
import { resolveModel, resolveFlowsheet } from './resolve.js';
import type { z } from 'zod';
import { plantDesignFileSchema, PLANT_DESIGN_KIND } from '../schema/design.js';
import { shiftsOf } from './shifts.js';

/** What kind of input file a document is. */
export type FileKind = 'scenario' | 'flowsheet' | 'feed' | 'plant' | 'prices' | 'plant-design';

/** Guess the kind of an input file from its fields. */
export function fileKindOf(data: unknown): FileKind | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.kind === PLANT_DESIGN_KIND) return 'plant-design';
  if ('flowsheet' in d) return 'scenario';
  if ('units' in d || 'streams' in d) return 'flowsheet';
  if ('lots' in d) return 'feed';
  if ('capacity' in d) return 'plant';
  if ('items' in d || 'extends' in d) return 'prices';
  return undefined;
}

/** Validate one file; returns its kind. Throws RegenflowError listing every problem. */
export function validateFile(file: string): FileKind {
  const doc = readDocument(file);
  const kind = fileKindOf(doc.data);
  if (!kind) {
    throw new RegenflowError('unknown-file-kind', `cannot tell what this file is (no flowsheet:, units:, lots:, capacity: or items: field); a scenario names its flowsheet, a flowsheet lists units and streams, a feed lists lots, a plant gives its capacity, a price set lists items`, { place: { file, line: 1, column: 1 } });
  }
  const part = { doc, at: [], data: doc.data };
  const issues: InputIssue[] = [];
  const check = (schema: z.ZodType) => {
    const r = schema.safeParse(doc.data);
    if (!r.success) issues.push(...toInputIssues(r.error.issues, schema, doc.data, doc));
    return r.success ? r.data : undefined;
  };
  if (kind === 'scenario') {
    // The shift plan crosses the plant and finance sections: checked here too.
    shiftsOf(resolveModel(loadRawScenario(file)));
    return kind;
  }
  if (kind === 'flowsheet') {
    const fs = check(flowsheetFileSchema) as FlowsheetSpec | undefined;
    if (fs) resolveFlowsheet(fs, part, issues);
  } else if (kind === 'feed') check(feedSchema);
  else if (kind === 'plant') check(plantSchema);
  else if (kind === 'plant-design') check(plantDesignFileSchema);
  else {
    // A price set: resolved as a scenario would use it (its `extends` chain from the shipped sets
    // and the sets beside it), for its own region.
    const region = (doc.data as { region?: unknown }).region;
    const beside = basename(dirname(file)) === 'prices' ? [dirname(file)] : [];
    const sets = readPriceSets([SHIPPED_PRICE_SETS, ...beside]);
    resolvePrices(doc.data, (REGIONS as readonly unknown[]).includes(region) ? (region as Region) : 'US', sets, { where: doc, at: [] });
  }
  if (issues.length > 0) throw inputErrors(issues);
  return kind;
}
