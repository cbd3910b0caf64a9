/**
 * `sorting`: a continuous sorting line that sends cathode scrap down lanes by chemistry and/or
 * degradation class, with a confusion matrix so misclassified mass visibly travels the wrong lane.
 *
 * Lanes. `lanes: [chemistry]` gives `ncm` (Ni-containing layered: NCM grades, Ni90, NCA), `lco`
 * (Ni-free layered), `lfp` (olivine), `lmo` (spinel); `[chemistry, degradation]` splits the ncm class
 * at Li/TM = `degradationThreshold` into `ncm-mild` (≥) and `ncm-severe` (<); `[degradation]` alone
 * gives `mild` and `severe` for every chemistry (no chemistry identification). Explicit lanes are a
 * list of { name, chemistries?, families?, containsNi?, minLiPerTm?, maxLiPerTm?, minNi?, maxNi?,
 * morphology? } (min inclusive, max exclusive); the first lane a lot matches is its true class, a lot
 * matching none has true class `rejects`. Outlets: one per lane plus `rejects`.
 *
 * Confusion matrix M[true class][outlet] (rows sum to 1). Default, per true class c:
 *   rejects ← r (rejectRate: unreadable items);
 *   of the read share (1 − r): the chemistry is identified with probability a (accuracy); a wrong
 *   identification goes equally to the other chemistry groups (misclassified: spread; a group's
 *   share is divided equally among its lanes) or to rejects (misclassified: rejects);
 *   inside a group of degradation lanes (ncm-mild/ncm-severe) the degradation class is right with probability a_d
 *   (degradationAccuracy), wrong → the other degradation lane (or rejects);
 *   true class rejects: r + (1 − r)·a to rejects, the rest spread over all lanes (or rejects).
 * E.g. [chemistry], a = 0.95, r = 0: an NCM lot of 1000 kg/h → 950 ncm, 16.67 each to lco, lfp, lmo.
 * A user matrix replaces the default (accuracy, degradationAccuracy and rejectRate are then unused).
 *
 * Each lot (and each sub-lot, which carries its own Li/TM) is classified by its TRUE class and its
 * mass is split down the outlets by that row; every portion is renamed `<id>@<outlet>` with `lane`
 * set. Non-CAM components (carbon, binder, foil…) follow the CAM in proportion to the CAM mass sent
 * to each outlet (assumption: every lot's scrap has the same non-CAM composition; with none, they go
 * to rejects).
 *
 * What can be separated depends on what the feed is (`separation`, default from the scenario's
 * feed basis): cathode scrap and cells are sorted item by item as above (`items`); a powder cannot
 * be split particle by particle, so CAM powder arrives as separately delivered lots identified by
 * assay and each feed lot goes whole down the lane of its (mass-dominant) class (`lots`: no
 * misclassification, no rejects), and black mass is an intimate blend of whatever was shredded, so
 * the whole feed goes down the lane of its dominant class (`none`) with its minority classes
 * carried along (a warning names them). Without items to sort there is no sorting line: no
 * equipment, no energy.
 *
 * Design: continuous sorting line, 1–5 t/h per line (AISORT vendor page, REFERENCE.md 1.4 [L]),
 * about a minute on the line (assumption);
 * electricity from a specific energy per tonne (assumption); cost `sorterLine` (assumption).
 */
import { z } from 'zod';
import { defineUnitOp, noEnergy, type Diagnostic, type RunContext } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { msg } from '../schema/messages.js';
import { CHEMISTRIES, chemistryByName, type CathodeFamily } from '../chemistry/cathode.js';
import { emptyStream, lotsMass, streamMass, type Stream } from '../streams/stream.js';
import { copyLot, type Lot } from '../streams/lot.js';
import { RowStream } from '../streams/row-stream.js';
import type { FeedBasis } from '../schema/feed.js';
import { laneIdTable, laneLotIds, lanesOfEveryLot, feedRows, trueClassOf, type SortLane } from './sorting-lanes.js';
import { CAM_TO, rememberSort, sameSort, sortResult } from './sorting-kept.js';
import { EnergyLedger } from './correlations/energy.js';
import { costOf } from './data/equipment.js';
import { MECHANICAL_KWH_PER_KG, OPERATORS_PER_SHIFT, withCeiling } from './correlations/limits.js';

export { trueClassOf, type SortLane } from './sorting-lanes.js';

const REJECTS = 'rejects';
const SEPARATIONS = ['auto', 'items', 'lots', 'none'] as const;

/** How a sorter separates: item by item, whole feed lots, or not at all (a blend). */
export type Separation = Exclude<(typeof SEPARATIONS)[number], 'auto'>;

/** The separation a sorter applies: as set, or (auto) by the feed basis — scrap when unknown. */
export function separationFor(set: (typeof SEPARATIONS)[number], basis: FeedBasis | undefined): Separation {
  if (set !== 'auto') return set;
  return basis === 'cam-powder' ? 'lots' : basis === 'black-mass' ? 'none' : 'items';
}
const FAMILIES = ['layered', 'spinel', 'olivine'] as const satisfies readonly CathodeFamily[];
const PRESETS = ['chemistry', 'degradation'] as const;
const portName = z.string().regex(/^[A-Za-z][\w-]*$/, 'a lane name starts with a letter and has only letters, digits, _ and -');

/** Highest Li/TM a lane bound may name: Li2MnO3 holds the most Li per transition metal of the Li–TM oxides. */
const MAX_LI_PER_TM = 2;

const laneSpec = z.strictObject({
  name: portName,
  chemistries: z.array(z.string()).min(1).optional(),
  families: z.array(z.enum(FAMILIES)).min(1).optional(),
  containsNi: z.boolean().optional(),
  minLiPerTm: z.number().min(0).max(MAX_LI_PER_TM).optional(),
  maxLiPerTm: z.number().min(0).max(MAX_LI_PER_TM).optional(),
  minNi: z.number().min(0).max(1).optional(),
  maxNi: z.number().min(0).max(1.000001).optional(),
  morphology: z.enum(['polycrystal', 'single-crystal']).optional(),
});

type LaneInput = string | z.infer<typeof laneSpec>;

/** Resolve the lanes; reports problems through `issue` and returns undefined when invalid. */
function resolveLanes(input: readonly LaneInput[], threshold: number, issue: (path: (string | number)[], message: string) => void): SortLane[] | undefined {
  const words = input.filter((x): x is string => typeof x === 'string');
  const specs = input.filter((x): x is z.infer<typeof laneSpec> => typeof x !== 'string');
  if (words.length > 0 && specs.length > 0) {
    issue([], msg.laneMixed());
    return undefined;
  }
  if (words.length > 0) {
    const set = new Set(words);
    const known = words.every((w) => (PRESETS as readonly string[]).includes(w));
    if (!known || set.size !== words.length) {
      issue([], msg.lanePreset(`[${words.join(', ')}]`));
      return undefined;
    }
    if (!set.has('chemistry')) {
      return [
        { name: 'mild', group: 'all', minLiPerTm: threshold },
        { name: 'severe', group: 'all', maxLiPerTm: threshold },
      ];
    }
    const ncm: SortLane[] = set.has('degradation')
      ? [
          { name: 'ncm-mild', group: 'ncm', families: ['layered'], containsNi: true, minLiPerTm: threshold },
          { name: 'ncm-severe', group: 'ncm', families: ['layered'], containsNi: true, maxLiPerTm: threshold },
        ]
      : [{ name: 'ncm', group: 'ncm', families: ['layered'], containsNi: true }];
    return [
      ...ncm,
      { name: 'lco', group: 'lco', families: ['layered'], containsNi: false },
      { name: 'lfp', group: 'lfp', families: ['olivine'] },
      { name: 'lmo', group: 'lmo', families: ['spinel'] },
    ];
  }
  const out: SortLane[] = [];
  let ok = true;
  const seen = new Set<string>();
  specs.forEach((s, i) => {
    if (s.name === REJECTS || seen.has(s.name)) {
      issue([i, 'name'], msg.duplicateLane(s.name));
      ok = false;
    }
    seen.add(s.name);
    const lane: SortLane = { name: s.name, group: s.name };
    if (s.chemistries) {
      lane.chemistries = [];
      s.chemistries.forEach((c, j) => {
        const chem = chemistryByName(c);
        if (!chem) {
          issue([i, 'chemistries', j], msg.unknownChemistry(c, Object.keys(CHEMISTRIES)));
          ok = false;
        } else lane.chemistries!.push(chem.name);
      });
    }
    if (s.families) lane.families = [...s.families];
    if (s.containsNi !== undefined) lane.containsNi = s.containsNi;
    for (const [lo, hi, what] of [['minLiPerTm', 'maxLiPerTm', 'Li/TM'], ['minNi', 'maxNi', 'Ni fraction']] as const) {
      const a = s[lo];
      const b = s[hi];
      if (a !== undefined && b !== undefined && !(a < b)) {
        issue([i, lo], msg.laneRange(what, a, b));
        ok = false;
      }
      if (a !== undefined) lane[lo] = a;
      if (b !== undefined) lane[hi] = b;
    }
    if (s.morphology) lane.morphology = s.morphology;
    out.push(lane);
  });
  return ok ? out : undefined;
}

/** Default confusion matrix: rows by true class (lanes…, rejects), columns by outlet (lanes…, rejects). */
export function defaultConfusion(lanes: readonly SortLane[], accuracy: number, degradationAccuracy: number, rejectRate: number, spread: boolean): number[][] {
  const n = lanes.length;
  const R = n;
  const groups = new Map<string, number[]>();
  lanes.forEach((l, i) => {
    const g = groups.get(l.group);
    if (g) g.push(i);
    else groups.set(l.group, [i]);
  });
  const rows: number[][] = [];
  const spreadOver = (row: number[], share: number, groupNames: string[]) => {
    if (!spread || groupNames.length === 0) {
      row[R]! += share;
      return;
    }
    for (const g of groupNames) {
      const members = groups.get(g)!;
      for (const j of members) row[j]! += share / groupNames.length / members.length;
    }
  };
  for (let c = 0; c <= n; c++) {
    const row = new Array<number>(n + 1).fill(0);
    row[R] = rejectRate;
    const read = 1 - rejectRate;
    if (c === R) {
      row[R]! += read * accuracy;
      spreadOver(row, read * (1 - accuracy), [...groups.keys()]);
    } else {
      const g = lanes[c]!.group;
      const members = groups.get(g)!;
      const right = read * accuracy;
      if (members.length > 1) {
        row[c]! += right * degradationAccuracy;
        const wrong = right * (1 - degradationAccuracy);
        const others = members.filter((j) => j !== c);
        if (spread) for (const j of others) row[j]! += wrong / others.length;
        else row[R]! += wrong;
      } else row[c]! += right;
      spreadOver(row, read * (1 - accuracy), [...groups.keys()].filter((k) => k !== g));
    }
    rows.push(row);
  }
  return rows;
}

/** The sorter-line cost correlation (its valid size range bounds the line capacity). */
const SORTER_LINE = costOf('sorterLine');

const params = z
  .strictObject({
    lanes: described(z.array(z.union([z.string(), laneSpec])).min(1).default(['chemistry']), {
      description: `lanes: presets [chemistry], [chemistry, degradation] or [degradation], or a list of { name, chemistries, families, containsNi, minLiPerTm, maxLiPerTm, minNi, maxNi, morphology } (first match wins; Li/TM bounds 0 … ${MAX_LI_PER_TM}, Ni bounds 0 … 1)`,
      source: 'DESIGN.md flowsheet example (lanes: [chemistry])',
    }),
    degradationThreshold: quantity('', {
      description: 'Li/TM below which an NCM lot is classed severe (lanes: [chemistry, degradation])',
      default: 0.85, above: 0, max: 1.2,
      source: 'assumption: the calibration point of correlations/lot-state.ts HYDROTHERMAL_RATE — a Li/TM 0.85 lot is repaired by the review Table 1 conditions (220 °C, 3 h); below it, lots need longer treatment',
    }),
    accuracy: fraction({
      description: 'probability that a read item is given its true chemistry class',
      default: 0.95,
      source: 'LINEV Systems: "sorting accuracy of 95% or higher" (REFERENCE.md 1.4 [L]); AISORT targets ">98%" [L]',
    }),
    degradationAccuracy: fraction({
      description: 'probability that an item of the ncm group is given its true degradation class',
      default: 0.79,
      source: 'Chen & Shen, PLOS One 2017 e0185922: X-ray degradation sorting accuracy "about 79%" (REFERENCE.md 1.4 [H])',
    }),
    rejectRate: fraction({
      description: 'fraction of every class the sorter cannot read and rejects',
      default: 0.02,
      source: 'assumption: 2 % unreadable items, within AISORT\'s "Li-ion recovery >95%" (REFERENCE.md 1.4 [L])',
    }),
    misclassified: described(z.enum(['spread', 'rejects']).default('spread'), {
      description: 'where a wrong classification goes: spread equally over the other lanes, or to rejects',
      source: 'assumption: a wrong identification sends the item down a wrong lane',
    }),
    matrix: described(z.record(z.string(), z.record(z.string(), fraction({ description: 'fraction of the true class sent to this outlet' }))).optional(), {
      description: 'explicit confusion matrix { trueClass: { outlet: fraction } } (lanes and rejects); each row sums to 1; replaces accuracy/rejectRate',
      source: 'flowsheet author',
    }),
    specificEnergy: quantity('kWh/kg', {
      description: 'electricity of the sorting line per kg of feed (X-ray source, conveyors, compressed air for ejectors)',
      default: '10 kWh/t', min: 0, max: MECHANICAL_KWH_PER_KG.max,
      source: withCeiling('assumption: ≈20 kW installed (X-ray/vision ≈5 kW, conveyors ≈5 kW, ejector air ≈10 kW) per 2 t/h line', MECHANICAL_KWH_PER_KG),
    }),
    lineCapacity: quantity('kg/h', {
      description: 'throughput of one sorting line',
      default: '2 t/h', above: 0, max: SORTER_LINE.maxSize * 1000,
      source: `AISORT vendor page: throughput 1–5 t/h (REFERENCE.md 1.4 [L]); 2 t/h chosen; max ${SORTER_LINE.maxSize} t/h, the largest line the vendor and the sorter-line cost correlation know`,
    }),
    operatorsPerShift: quantity('', { description: 'operators per shift for the sorting line', default: 1, min: 0, max: OPERATORS_PER_SHIFT.max, source: withCeiling('assumption: one operator supervises an automatic line', OPERATORS_PER_SHIFT) }),
    separation: described(z.enum(SEPARATIONS).default('auto'), {
      description: 'what the sorter can separate: items (scrap pieces, cells: confusion matrix), lots (each feed lot whole to its lane, by assay), none (an intimate blend: the whole feed to its dominant lane); auto: items for cathode-scrap, lots for cam-powder, none for black-mass',
      source: 'assumption: X-ray/vision sorters identify pieces and cells (REFERENCE.md 1.4), not powder particles; powder deliveries carry an assay; black mass is shredded together',
    }),
  })
  .superRefine((p, ctx) => {
    const lanes = resolveLanes(p.lanes, p.degradationThreshold, (path, message) => ctx.addIssue({ code: 'custom', path: ['lanes', ...path], message }));
    if (!lanes || !p.matrix) return;
    const outlets = [...lanes.map((l) => l.name), REJECTS];
    for (const [row, cols] of Object.entries(p.matrix)) {
      if (!outlets.includes(row)) {
        ctx.addIssue({ code: 'custom', path: ['matrix', row], message: msg.notOneOf(row, outlets) });
        continue;
      }
      let sum = 0;
      for (const [col, f] of Object.entries(cols)) {
        if (!outlets.includes(col)) ctx.addIssue({ code: 'custom', path: ['matrix', row, col], message: msg.notOneOf(col, outlets) });
        sum += f;
      }
      if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['matrix', row], message: msg.confusionRowSum(row, sum) });
    }
    for (const l of lanes) {
      if (!p.matrix[l.name]) ctx.addIssue({ code: 'custom', path: ['matrix'], message: msg.confusionRowMissing(l.name, lanes.map((x) => x.name)) });
    }
  })
  .transform((p) => {
    const lanes = resolveLanes(p.lanes, p.degradationThreshold, () => undefined)!;
    const outlets = [...lanes.map((l) => l.name), REJECTS];
    let rows: number[][];
    if (p.matrix) {
      rows = outlets.map((cls) => {
        const given = p.matrix![cls];
        const row = outlets.map((o) => (given ? (given[o] ?? 0) : o === REJECTS ? 1 : 0));
        const sum = row.reduce((a, b) => a + b, 0);
        return row.map((x) => x / sum);
      });
    } else {
      // without chemistry lanes (lanes: [degradation]) there is no chemistry identification to get wrong
      const chemistryAccuracy = lanes.some((l) => l.group === 'all') ? 1 : p.accuracy;
      rows = defaultConfusion(lanes, chemistryAccuracy, p.degradationAccuracy, p.rejectRate, p.misclassified === 'spread');
    }
    const confusion: Record<string, Record<string, number>> = {};
    outlets.forEach((cls, i) => {
      confusion[cls] = {};
      outlets.forEach((o, j) => (confusion[cls]![o] = rows[i]![j]!));
    });
    return { ...p, lanes, outlets, confusion, rows };
  });

type SortParams = z.output<typeof params>;

/**
 * Non-CAM components follow the CAM in proportion to the CAM sent to each outlet (none: to rejects).
 * The outlets are new, their records empty, and each feed id comes once: every entry is `0 + v`
 * (what adding to an absent entry gives, −0 included), written without reading the entry first —
 * a keyed read of an id a record lacks is the slowest lookup, and it was 15 per sample.
 */
function distributeComponents(feed: Stream, camTo: Float64Array, camTotal: number, outlets: Stream[]): void {
  const nOut = outlets.length;
  let last = -1;
  for (let j = 0; j < nOut; j++) if (camTo[j]! > 0) last = j;
  for (const id in feed.components) {
    const total = feed.components[id]!;
    if (camTotal > 0) {
      let rest = total;
      for (let j = 0; j <= last; j++) {
        if (!(camTo[j]! > 0)) continue;
        const v = j === last ? rest : (total * camTo[j]!) / camTotal;
        rest -= v;
        outlets[j]!.components[id] = 0 + v;
      }
    } else {
      outlets[nOut - 1]!.components[id] = 0 + total;
    }
  }
}

/**
 * Item-by-item sorting: each lot split down the outlets by the confusion-matrix row of its true
 * class, as rows (row-stream.ts) of the lots the inlet's own lots are rows of, when it is a row stream
 * (the feed scaled to the throughput): a lot's class reads its source lot, which differs from it only
 * in mass (and id, when renamed).
 */
function sortItems(p: SortParams, feed: Stream, outlets: RowStream[], every: readonly boolean[] | undefined, camTo: Float64Array, byRow: (readonly string[])[] | undefined): number {
  const nOut = p.outlets.length;
  const laneIdsOf = laneLotIds(p.outlets);
  let misclassified = 0;
  const rows = feed instanceof RowStream ? feed : undefined;
  const source = rows ? rows.source : feed.lots;
  const n = rows ? rows.n : source.length;
  for (let li = 0; li < n; li++) {
    const at = rows ? rows.rows[li]! : li;
    const lot = source[at]!;
    const kg = rows ? rows.mass[li]! : lot.massKgPerHour;
    let laneIds = byRow?.[at];
    if (laneIds === undefined) {
      laneIds = laneIdsOf(rows && rows.lane !== null ? rows.idAt(li) : lot.id);
      if (byRow) byRow[at] = laneIds;
    }
    const cls = trueClassOf(lot, p.lanes);
    const row = p.rows[cls]!;
    let last = -1;
    for (let j = 0; j < nOut; j++) if (row[j]! > 0) last = j;
    let rest = kg;
    for (let j = 0; j <= last; j++) {
      if (!(row[j]! > 0)) continue;
      const m = j === last ? rest : kg * row[j]!;
      rest -= m;
      // A lane of every lot (its rows the feed's): the lot's mass at its own index.
      if (every !== undefined && every[j]) outlets[j]!.mass[li] = m;
      else outlets[j]!.push(at, m, laneIds[j]!);
      camTo[j]! += m;
      if (j !== cls && j !== nOut - 1) misclassified += m;
    }
  }
  return misclassified;
}

/**
 * Whole-lot routing (separation lots or none): every lot of a group goes to the outlet of the
 * group's mass-dominant true class (ties: the first lane). A group is one feed lot (its sub-lots
 * share the origin) for `lots`, the whole feed for `none`. Returns the CAM sent to a lane that is
 * not its true class, by class name.
 */
function routeWhole(p: SortParams, feed: Stream, separation: Separation, outlets: Stream[], camTo: Float64Array): Map<string, number> {
  const nOut = p.outlets.length;
  const groups = new Map<string, { lots: Lot[]; cls: number[]; byClass: number[] }>();
  for (const lot of feed.lots) {
    const key = separation === 'none' ? '' : lot.origin.join('\u0000');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { lots: [], cls: [], byClass: new Array<number>(nOut).fill(0) }));
    const cls = trueClassOf(lot, p.lanes);
    g.lots.push(lot);
    g.cls.push(cls);
    g.byClass[cls]! += lot.massKgPerHour;
  }
  const carried = new Map<string, number>();
  const laneIdsOf = laneLotIds(p.outlets);
  for (const g of groups.values()) {
    let to = 0;
    for (let j = 1; j < nOut; j++) if (g.byClass[j]! > g.byClass[to]!) to = j;
    const name = p.outlets[to]!;
    g.lots.forEach((lot, k) => {
      const routed = copyLot(lot);
      routed.id = laneIdsOf(lot.id)[to]!;
      routed.lane = name;
      outlets[to]!.lots.push(routed);
      camTo[to]! += lot.massKgPerHour;
      const cls = g.cls[k]!;
      if (cls !== to && lot.massKgPerHour > 0) carried.set(p.outlets[cls]!, (carried.get(p.outlets[cls]!) ?? 0) + lot.massKgPerHour);
    });
  }
  return carried;
}

export const sorting = defineUnitOp({
  kind: 'sorting',
  summary: 'sorting line: lanes by chemistry and/or degradation class with a confusion matrix and rejects; powders are routed whole',
  params,
  ports: (p) => ({
    inlets: [{ name: 'feed', description: 'cathode scrap, black mass or CAM powder to sort' }],
    outlets: p.outlets.map((name) => ({
      name,
      description: name === REJECTS ? 'unreadable and unmatched material (lots renamed <id>@rejects)' : `lane ${name} (lots renamed <id>@${name}, misclassified mass included)`,
    })),
  }),
  run: (p, inlets, ctx) => {
    const feed = inlets.feed!;
    const nOut = p.outlets.length;
    const separation = separationFor(p.separation, ctx.feedBasis);
    if (separation === 'items') {
      const w = sameSort(p, feed, ctx);
      if (w !== undefined) return sortResult(p, w, feed instanceof RowStream ? feed.source : feed.lots, feed.temperatureK);
    }
    // Outlets pushed (optimized code maps into a holey list, another map for sortItems to meet) and
    // CAM per outlet in a Float64Array (a list's elements kind would follow the amounts).
    // Item sorting: lanes of rows (row-stream.ts), lot objects only where read.
    const outlets: Stream[] = [];
    const lanes: RowStream[] = [];
    const source = feed instanceof RowStream ? feed.source : undefined;
    const byRow = separation === 'items' ? laneIdTable(feed, p.outlets) : undefined;
    // A lane every class sends a part of gets every lot, in feed order: the feed's rows, shared.
    const every = separation === 'items' && byRow !== undefined ? lanesOfEveryLot(p.rows) : undefined;
    let allRows: number[] | undefined;
    for (let j = 0; j < nOut; j++) {
      if (separation !== 'items') { outlets.push(emptyStream(feed.temperatureK)); continue; }
      const ids = byRow ? { table: byRow, column: j } : null;
      let lane: RowStream;
      if (every !== undefined && every[j]) {
        allRows ??= feedRows(feed);
        lane = RowStream.ofRows(source ?? feed.lots, feed.temperatureK, allRows, feed instanceof RowStream ? feed.n : feed.lots.length, p.outlets[j]!, ids);
      } else {
        lane = new RowStream(source ?? feed.lots, feed.temperatureK, feed instanceof RowStream ? feed.n : feed.lots.length, p.outlets[j]!, ids);
      }
      lanes.push(lane);
      outlets.push(lane);
    }
    const camTo = new Float64Array(nOut);
    const camTotal = lotsMass(feed);
    const diagnostics: Diagnostic[] = [];
    let misclassified = 0;
    if (separation === 'items') misclassified = sortItems(p, feed, lanes, every, camTo, byRow);
    else {
      const carried = routeWhole(p, feed, separation, outlets, camTo);
      for (const [cls, kg] of carried) {
        misclassified += kg;
        if (separation === 'none') diagnostics.push({ code: 'blend-not-separable', severity: 'warning', where: ctx.unitId, message: msg.blendNotSeparable(cls, kg, kg / camTotal) });
      }
    }
    distributeComponents(feed, camTo, camTotal, outlets);
    const feedKg = streamMass(feed);
    if (camTotal === 0 && feedKg > 0) diagnostics.push({ code: 'no-lots', severity: 'warning', where: ctx.unitId, message: msg.noCathodeLots() });
    const energy = separation === 'items'
      ? new EnergyLedger(ctx.describe !== false)
          .electric('sorting line (X-ray/vision, conveyors, ejectors)', 'other', feedKg * p.specificEnergy, ctx.describe !== false ? `${feedKg.toPrecision(4)} kg/h × ${p.specificEnergy} kWh/kg` : '')
          .build()
      : noEnergy();
    if (separation === 'items' && byRow !== undefined) rememberSort(p, feed, ctx, byRow, lanes, camTo, camTotal, misclassified, energy, diagnostics);
    const out: Record<string, Stream> = {};
    const metrics: Record<string, number> = {};
    for (let j = 0; j < nOut; j++) {
      const name = p.outlets[j]!;
      out[name] = outlets[j]!;
      metrics[CAM_TO(name)] = camTo[j]!;
    }
    metrics.misclassifiedCam_kg_per_h = misclassified;
    metrics.misclassifiedCamFraction = camTotal > 0 ? misclassified / camTotal : 0;
    return { outlets: out, draws: {}, recycled: {}, energy, metrics, diagnostics };
  },
  design: (p, inlets, _run, ctx: RunContext) => {
    // Powder lots are routed by their assay: no sorting line to install.
    if (separationFor(p.separation, ctx.feedBasis) !== 'items') return { mode: 'continuous', residenceTimeH: 0, equipment: [], operatorsPerShift: 0 };
    const load = streamMass(inlets.feed!);
    return {
      mode: 'continuous',
      residenceTimeH: 1 / 60,
      equipment: [
        {
          name: 'sorting line',
          description: 'continuous battery/scrap sorting line (conveyor, identification, ejectors)',
          mode: 'continuous',
          sizeUnit: 't/h',
          maxSize: p.lineCapacity / 1000,
          minSize: Math.min(0.5, p.lineCapacity / 1000),
          capacityPerSize: 1000,
          loadBasis: 'cathode scrap',
          loadKgPerHour: load,
          cycle: undefined,
          powerKwPerSize: p.specificEnergy * 1000,
          cost: costOf('sorterLine'),
        },
      ],
      operatorsPerShift: p.operatorsPerShift,
    };
  },
});
