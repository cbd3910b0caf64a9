/**
 * Streams: component mass flows (kg/h) + cathode lots + temperature. Pure data; the helpers here
 * mix, split and scale them and derive element flows from formulas. Lots are immutable values:
 * a unit that changes a lot's state or mass builds a new lot, and one that passes a lot on
 * unchanged shares the object (no copy per unit and solver iteration, which at tens of thousands
 * of lots is most of the garbage a solve makes). Lot lists are walked by index, not for-of: optimized
 * code that cannot tell which lists reach it calls the array iterator, which allocates a result
 * object per lot (≈ 2 MB per evaluation of 4,000 lots, measured).
 */
import { component } from '../chemistry/components.js';
import type { Element } from '../chemistry/elements.js';
import { LOT_CP } from '../chemistry/cathode.js';
import { addLotElements, lotWithMass, mergeLots, scaleLot, type Lot } from './lot.js';
import { addRowsHeatCapacity, lotTermsOf, TERMS_MIN_LOTS } from './element-flows.js';
import { RowStream, sameNumber, sameRowLots } from './row-stream.js';

/** A material stream. Flows in kg/h, temperature in K. */
export interface Stream {
  /** Component id → kg/h. Absent means zero. */
  components: Record<string, number>;
  lots: Lot[];
  temperatureK: number;
}

/** Reference (ambient) temperature, K: 25 °C (assumption: standard reference state). */
export const AMBIENT_K = 298.15;

/** An empty stream at `temperatureK`. */
export function emptyStream(temperatureK = AMBIENT_K): Stream {
  return { components: {}, lots: [], temperatureK };
}

/** Total mass flow of components (not lots), kg/h. */
export function componentsMass(s: Stream): number {
  let m = 0;
  for (const k in s.components) m += s.components[k]!;
  return m;
}

/** Total mass flow of cathode lots, kg/h. */
export function lotsMass(s: Stream): number {
  // Rows (row-stream.ts) sum their masses: the same sum, without lot objects.
  if (s instanceof RowStream) return s.lotsKg();
  return lotListMass(s.lots);
}

/**
 * Total mass flow of a list of lots, kg/h, summed in list order (as `reduce((a, l) => a + l.massKgPerHour, 0)`
 * would, without the number reduce allocates per lot for its accumulator). A list of many lots is
 * summed once, with its element terms (element-flows.ts lotTermsOf): the next unit, its design,
 * the balances and the economics input each ask for it again.
 */
export function lotListMass(lots: readonly Lot[]): number {
  if (lots.length >= TERMS_MIN_LOTS) return lotTermsOf(lots).lotsKg;
  let m = 0;
  for (let li = 0; li < lots.length; li++) m += lots[li]!.massKgPerHour;
  return m;
}

/** Heat-capacity flow of a list of lots, kW/K (kg/h × J/(kg·K) ÷ 3.6e6), summed in list order; a long list's from its terms. */
export function lotListCpFlow_kW_per_K(lots: readonly Lot[]): number {
  if (lots.length >= TERMS_MIN_LOTS) return lotTermsOf(lots).cpFlow_J_per_hK / 3.6e6;
  let c = 0;
  for (let li = 0; li < lots.length; li++) { const lot = lots[li]!; c += lot.massKgPerHour * LOT_CP[lot.chemistry.family].cp_J_per_kgK; }
  return c / 3.6e6;
}

/** Heat-capacity flow of a stream's lots, kW/K: lotListCpFlow_kW_per_K of its lots (from the rows of a row stream). */
export function lotsCpFlow_kW_per_K(s: Stream): number {
  if (!(s instanceof RowStream)) return lotListCpFlow_kW_per_K(s.lots);
  return addRowsHeatCapacity(0, s) / 3.6e6;
}

/** Total mass flow, kg/h. */
export function streamMass(s: Stream): number {
  return componentsMass(s) + lotsMass(s);
}

/** Element mass flows (kg/h) of a stream, added into `into` (a new record by default). */
export function streamElements(s: Stream, into: Partial<Record<Element, number>> = {}): Partial<Record<Element, number>> {
  for (const id in s.components) {
    const kg = s.components[id]!;
    if (kg === 0) continue;
    const c = component(id);
    for (let i = 0; i < c.elements.length; i++) {
      const e = c.elements[i]!;
      into[e] = (into[e] ?? 0) + kg * c.massFractions[i]!;
    }
  }
  for (let li = 0; li < s.lots.length; li++) addLotElements(s.lots[li]!, into);
  return into;
}

/** Heat-capacity flow of a stream, W/K (kg/h × J/(kg·K) ÷ 3600). Components without a Cp use `fallbackCp`. */
export function heatCapacityFlow_W_per_K(s: Stream, fallbackCp_J_per_kgK = 1000): number {
  return heatCapacityFlowOf(s.components, s, fallbackCp_J_per_kgK);
}

/** heatCapacityFlow_W_per_K of a stream of these components and the lots of `s` (a unit's charge: its own components, an inlet's lots). */
export function heatCapacityFlowOf(components: Readonly<Record<string, number>>, s: Stream, fallbackCp_J_per_kgK = 1000): number {
  let c = 0;
  for (const id in components) c += components[id]! * (component(id).cp_J_per_kgK ?? fallbackCp_J_per_kgK);
  // The lots add onto the components' sum, term by term (not lotListCpFlow_kW_per_K's separate sum:
  // another rounding, and every duty and temperature computed from this would move in its last bits).
  if (s instanceof RowStream) {
    // Each lot is its source lot with the row's mass: the same terms, from the rows.
    c = addRowsHeatCapacity(c, s);
  } else {
    for (let li = 0; li < s.lots.length; li++) { const lot = s.lots[li]!; c += lot.massKgPerHour * LOT_CP[lot.chemistry.family].cp_J_per_kgK; }
  }
  return c / 3600;
}

/**
 * A copy of a flow record (component or element id → flow) that new ids can be added to cheaply.
 * Same keys, same order and values as `{ ...r }`; but V8 gives a spread copy a map without
 * transitions, so each id added to it afterwards takes a slow path (≈ 0.5–1.5 µs per key on Node
 * 20, measured) — on the Monte Carlo path, where charges and solute records are copied and
 * extended in every unit run, that is most of a unit's cost.
 */
export function copyFlows(r: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in r) out[k] = r[k]!;
  return out;
}

/** Add component flows of `b` into the record `a` (mutates a). */
export function addComponents(a: Record<string, number>, b: Record<string, number>, factor = 1): void {
  for (const k in b) a[k] = (a[k] ?? 0) + b[k]! * factor;
}

/**
 * Mix streams adiabatically: components add, lots with the same id merge (see mergeLots),
 * the temperature is the heat-capacity-weighted mean.
 */
export function mixStreams(streams: readonly Stream[]): Stream {
  if (streams.length === 1) return cloneStream(streams[0]!);
  const components: Record<string, number> = {};
  const lots: Lot[] = [];
  const index = new Map<string, number>();
  let cT = 0;
  let c = 0;
  for (const s of streams) {
    addComponents(components, s.components);
    for (let li = 0; li < s.lots.length; li++) {
      const lot = s.lots[li]!;
      const at = index.get(lot.id);
      if (at === undefined) {
        index.set(lot.id, lots.length);
        lots.push(lot);
      } else {
        lots[at] = mergeLots(lots[at]!, lot);
      }
    }
    const cs = heatCapacityFlow_W_per_K(s);
    cT += cs * s.temperatureK;
    c += cs;
  }
  const temperatureK = c > 0 ? cT / c : (streams[0]?.temperatureK ?? AMBIENT_K);
  return { components, lots, temperatureK };
}

/** A copy of a stream with every flow multiplied by `factor`. */
export function scaleStream(s: Stream, factor: number): Stream {
  const components: Record<string, number> = {};
  for (const k in s.components) components[k] = s.components[k]! * factor;
  // Lots pushed onto a literal list, not mapped: optimized code maps an empty list into a holey
  // one of another elements kind, and the first such list (a few hundred Monte Carlo samples in)
  // throws away the optimized code of every function that reads stream lots.
  const lots: Lot[] = [];
  for (let li = 0; li < s.lots.length; li++) lots.push(scaleLot(s.lots[li]!, factor));
  return { components, lots, temperatureK: s.temperatureK };
}

/**
 * A copy whose component record and lot list are new. Lots are immutable values (every unit
 * operation builds a new lot for a changed state), so the lot objects themselves are shared.
 */
export function cloneStream(s: Stream): Stream {
  return { components: copyFlows(s.components), lots: s.lots.slice(), temperatureK: s.temperatureK };
}

/** Split a stream into parts by fractions (which must sum to 1; the last part takes the remainder exactly). */
export function splitStream(s: Stream, fractions: readonly number[]): Stream[] {
  const parts = fractions.map(() => emptyStream(s.temperatureK));
  for (const k in s.components) {
    const total = s.components[k]!;
    let rest = total;
    for (let i = 0; i < fractions.length - 1; i++) {
      const v = total * fractions[i]!;
      parts[i]!.components[k] = v;
      rest -= v;
    }
    parts[fractions.length - 1]!.components[k] = rest;
  }
  for (let li = 0; li < s.lots.length; li++) {
    const lot = s.lots[li]!;
    let rest = lot.massKgPerHour;
    for (let i = 0; i < fractions.length - 1; i++) {
      const v = lot.massKgPerHour * fractions[i]!;
      parts[i]!.lots.push(lotWithMass(lot, v));
      rest -= v;
    }
    parts[fractions.length - 1]!.lots.push(lotWithMass(lot, rest));
  }
  return parts;
}

/** Remove zero-flow entries (components and lots) so outputs stay readable. */
export function pruneStream(s: Stream): Stream {
  const components: Record<string, number> = {};
  for (const k in s.components) if (s.components[k] !== 0) components[k] = s.components[k]!;
  return { components, lots: s.lots.filter((l) => l.massKgPerHour !== 0), temperatureK: s.temperatureK };
}

/**
 * Whether two streams are the same to every unit that reads them: the same temperature, the same
 * component flows with their keys in the same order (a unit's outlets follow its inlets' order), and
 * the same lots — the same rows (sameRowLots) or the same lot objects (lots are immutable values).
 * The solver reuses a loop unit's run when its inlets are the same as in its last run
 * (balances/solver.ts). False when unsure: a list of equal but distinct lot objects is not compared.
 */
export function sameStream(a: Stream, b: Stream): boolean {
  if (a === b) return true;
  if (!sameNumber(a.temperatureK, b.temperatureK) || !sameFlows(a.components, b.components)) return false;
  if (a instanceof RowStream) return b instanceof RowStream && sameRowLots(a, b);
  if (b instanceof RowStream) return false;
  const la = a.lots;
  const lb = b.lots;
  if (la.length !== lb.length) return false;
  for (let i = 0; i < la.length; i++) if (la[i] !== lb[i]) return false;
  return true;
}

/** Whether two flow records have the same keys in the same order and the same values (sameNumber: 0 and −0 differ). */
function sameFlows(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameNumber(a[k]!, b[k]!)) return false;
  }
  return true;
}
