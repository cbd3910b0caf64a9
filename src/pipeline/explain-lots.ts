/**
 * Product quality by feed lot in two cases (issue 14): how much of each feed lot leaves as in-spec
 * product, and how much as off-spec product by primary cause. Lots that leave elsewhere (a sorting
 * lane to by-product, losses) are neither: in-spec + off-spec of a lot is its product CAM.
 */
import type { Evaluation } from './evaluate.js';
import type { OffSpecCause } from '../streams/lot.js';
import { CAUSE_PRIORITY } from '../balances/quality.js';

/** One off-spec cause of a feed lot in both cases, kg/yr. */
export interface LotCause {
  cause: OffSpecCause;
  baselineKgPerYear: number;
  challengerKgPerYear: number;
}

/** A feed lot in both cases. */
export interface LotExplanation {
  lot: string;
  /** Feed mass of the lot (share × plant feed), kg/yr, in each case. */
  feedKgPerYear: { baseline: number; challenger: number };
  inSpecKgPerYear: { baseline: number; challenger: number };
  offSpecKgPerYear: { baseline: number; challenger: number };
  /** Off-spec mass by primary cause (causes with mass in either case). */
  causes: LotCause[];
}

/** A lot's product in one case: in-spec and off-spec by primary cause, kg/yr. */
export interface LotProduct {
  inSpec: number;
  offSpec: number;
  byCause: Partial<Record<OffSpecCause, number>>;
}

/**
 * Product CAM by feed lot of one evaluation, kg/yr. A product lot of several origins (merged
 * recycle) is split equally among them.
 */
export function productByFeedLot(ev: Evaluation): Map<string, LotProduct> {
  const hours = ev.model.plant.operatingHours;
  const out = new Map<string, LotProduct>(ev.model.feed.lots.map((l) => [l.id, { inSpec: 0, offSpec: 0, byCause: {} }]));
  for (const v of ev.quality.lots) {
    const origins = v.origin.length > 0 ? v.origin : [v.lot];
    const kg = (v.massKgPerHour * hours) / origins.length;
    for (const o of origins) {
      let p = out.get(o);
      if (!p) out.set(o, (p = { inSpec: 0, offSpec: 0, byCause: {} }));
      if (v.primaryCause === null) p.inSpec += kg;
      else {
        p.offSpec += kg;
        p.byCause[v.primaryCause] = (p.byCause[v.primaryCause] ?? 0) + kg;
      }
    }
  }
  return out;
}

/** Feed lots of two evaluations (baseline order, then lots only the challenger has). */
export function lotExplanations(a: Evaluation, b: Evaluation): LotExplanation[] {
  const pa = productByFeedLot(a);
  const pb = productByFeedLot(b);
  const feedOf = (ev: Evaluation, id: string) => {
    const l = ev.model.feed.lots.find((x) => x.id === id);
    return l ? l.share * ev.model.feedKgPerHour * ev.model.plant.operatingHours : 0;
  };
  const ids = [...pa.keys(), ...[...pb.keys()].filter((k) => !pa.has(k))];
  const empty: LotProduct = { inSpec: 0, offSpec: 0, byCause: {} };
  return ids.map((id) => {
    const x = pa.get(id) ?? empty;
    const y = pb.get(id) ?? empty;
    const causes = CAUSE_PRIORITY.filter((c) => (x.byCause[c] ?? 0) > 0 || (y.byCause[c] ?? 0) > 0)
      .map((cause) => ({ cause, baselineKgPerYear: x.byCause[cause] ?? 0, challengerKgPerYear: y.byCause[cause] ?? 0 }));
    return {
      lot: id,
      feedKgPerYear: { baseline: feedOf(a, id), challenger: feedOf(b, id) },
      inSpecKgPerYear: { baseline: x.inSpec, challenger: y.inSpec },
      offSpecKgPerYear: { baseline: x.offSpec, challenger: y.offSpec },
      causes,
    };
  });
}
