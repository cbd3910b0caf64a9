/**
 * Post-solve checks for foreign solids a route carries where they do harm (issue 12): graphite from
 * black mass that reaches a kiln or calciner (where it burns to CO2, draws O2 and can reduce the
 * cathode carbothermally) or leaves with the product. Each finding is a warning naming graphite and
 * the unit; the product specification judges the product itself (quality.ts).
 *
 * Threshold: the product's graphite/carbon limit (spec maxGraphiteCarbon, per kg of CAM) — what
 * the specification tolerates in the product is taken as harmless in a kiln too.
 */
import type { FlowsheetGraph } from '../graph/build.js';
import type { Solution } from './solver.js';
import type { Diagnostic } from '../unit-ops/contract.js';
import type { ProductSpec } from '../schema/spec.js';
import { lotsMass, type Stream } from '../streams/stream.js';
import { msg } from '../schema/messages.js';

/**
 * Kinds that heat the CAM to 700–900 °C in a kiln or calciner (solid-state calcination, sintering).
 * The binder burn-off furnace (delamination-thermal, 500–600 °C) is not one: graphite hardly burns
 * there (its own stated assumption) and goes on to the next kiln, which is flagged.
 */
export const KILN_KINDS: ReadonlySet<string> = new Set(['relithiation-solid-state', 'sintering']);

const KIND_TEXT: Record<string, string> = {
  'relithiation-solid-state': 'the calciner',
  sintering: 'the kiln',
};

function graphiteAndCam(streams: readonly Stream[]): { graphite: number; cam: number } {
  let graphite = 0;
  let cam = 0;
  for (const s of streams) {
    graphite += s.components.graphite ?? 0;
    cam += lotsMass(s);
  }
  return { graphite, cam };
}

/** Warnings for graphite above the product limit in a kiln's inlets or in a product stream. */
export function contaminantWarnings(g: FlowsheetGraph, sol: Solution, spec: ProductSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  const limit = spec.maxGraphiteCarbon;
  for (const u of g.units) {
    if (!KILN_KINDS.has(u.kind)) continue;
    const { graphite, cam } = graphiteAndCam(Object.values(sol.inlets.get(u.id) ?? {}));
    if (cam > 0 && graphite / cam > limit) {
      out.push({ code: 'graphite-in-kiln', severity: 'warning', where: u.id, message: msg.graphiteInKiln(u.id, KIND_TEXT[u.kind]!, graphite, graphite / cam, limit) });
    }
  }
  for (const s of g.streams) {
    if (s.to.node !== 'product') continue;
    const { graphite, cam } = graphiteAndCam([sol.streams.get(s.id)!]);
    if (cam > 0 && graphite / cam > limit) {
      out.push({ code: 'graphite-in-product', severity: 'warning', where: s.from.node, message: msg.graphiteInProduct(s.from.node, graphite, graphite / cam, limit) });
    }
  }
  return out;
}
