/**
 * Quantities with units of measure: parsing "220 degC", "4 h", "10000 t/yr", "4 mol/L",
 * "5 degC/min", "J/(kg K)" into numbers in a field's documented unit, with dimension checks.
 *
 * Hand-written rather than a library: the engine needs a small closed set of units (including
 * tonnes per year, US gallons, MMBtu and money) and one exact rule for temperatures — a lone
 * `degC`/`degF` is an absolute temperature (affine), inside a compound unit it is a difference —
 * which general-purpose unit libraries handle differently (js-quantities treats `degC` as a
 * difference and `tempC` as absolute).
 */
import { msg } from './messages.js';

/** Exponents of the base dimensions: mass, length, time, temperature, amount, current, money. */
export type Dimension = readonly [number, number, number, number, number, number, number];

const DIM_NAMES = ['mass', 'length', 'time', 'temperature', 'amount', 'current', 'money'] as const;

/** A parsed unit: factor to SI (kg, m, s, K, mol, A, USD) and its dimension. */
export interface Unit {
  factor: number;
  dims: Dimension;
  /** Offset to K for an absolute temperature unit used alone (degC: 273.15). */
  offset: number;
  text: string;
}

const D = (m = 0, l = 0, t = 0, T = 0, n = 0, i = 0, c = 0): Dimension => [m, l, t, T, n, i, c];
const NONE = D();
const MASS = D(1);
const LENGTH = D(0, 1);
const TIME = D(0, 0, 1);
const TEMP = D(0, 0, 0, 1);
const AMOUNT = D(0, 0, 0, 0, 1);
const CURRENT = D(0, 0, 0, 0, 0, 1);
const MONEY = D(0, 0, 0, 0, 0, 0, 1);
const ENERGY = D(1, 2, -2);
const POWER = D(1, 2, -3);
const PRESSURE = D(1, -1, -2);
const VOLUME = D(0, 3);
const AREA = D(0, 2);

const HOUR_S = 3600;
const YEAR_S = 8760 * HOUR_S; // a calendar year of 365 d; operating hours are given separately
const US_GALLON_M3 = 3.785411784e-3; // NIST Handbook 44
const BTU_J = 1055.05585262; // International Table BTU

/** Base unit symbols: factor to SI and dimension. Temperature units carry their absolute offset. */
const SYMBOLS: Record<string, { factor: number; dims: Dimension; offset?: number }> = {
  '': { factor: 1, dims: NONE },
  '1': { factor: 1, dims: NONE },
  '%': { factor: 0.01, dims: NONE },
  ppm: { factor: 1e-6, dims: NONE },
  // mass
  kg: { factor: 1, dims: MASS }, g: { factor: 1e-3, dims: MASS }, mg: { factor: 1e-6, dims: MASS },
  t: { factor: 1000, dims: MASS }, tonne: { factor: 1000, dims: MASS }, kt: { factor: 1e6, dims: MASS },
  Mt: { factor: 1e9, dims: MASS }, lb: { factor: 0.45359237, dims: MASS },
  short_ton: { factor: 907.18474, dims: MASS },
  // length, area, volume
  m: { factor: 1, dims: LENGTH }, cm: { factor: 1e-2, dims: LENGTH }, mm: { factor: 1e-3, dims: LENGTH },
  um: { factor: 1e-6, dims: LENGTH }, 'µm': { factor: 1e-6, dims: LENGTH }, 'μm': { factor: 1e-6, dims: LENGTH },
  nm: { factor: 1e-9, dims: LENGTH }, km: { factor: 1e3, dims: LENGTH }, ft: { factor: 0.3048, dims: LENGTH },
  ha: { factor: 1e4, dims: AREA },
  L: { factor: 1e-3, dims: VOLUME }, l: { factor: 1e-3, dims: VOLUME }, mL: { factor: 1e-6, dims: VOLUME },
  gal: { factor: US_GALLON_M3, dims: VOLUME },
  // time
  s: { factor: 1, dims: TIME }, min: { factor: 60, dims: TIME }, h: { factor: HOUR_S, dims: TIME },
  d: { factor: 24 * HOUR_S, dims: TIME }, day: { factor: 24 * HOUR_S, dims: TIME },
  week: { factor: 7 * 24 * HOUR_S, dims: TIME }, yr: { factor: YEAR_S, dims: TIME },
  year: { factor: YEAR_S, dims: TIME }, y: { factor: YEAR_S, dims: TIME },
  // temperature (offset applies only when the unit stands alone)
  K: { factor: 1, dims: TEMP }, degC: { factor: 1, dims: TEMP, offset: 273.15 },
  '°C': { factor: 1, dims: TEMP, offset: 273.15 },
  degF: { factor: 5 / 9, dims: TEMP, offset: 273.15 - (32 * 5) / 9 },
  // amount
  mol: { factor: 1, dims: AMOUNT }, kmol: { factor: 1e3, dims: AMOUNT }, mmol: { factor: 1e-3, dims: AMOUNT },
  M: { factor: 1e3, dims: D(0, -3, 0, 0, 1) }, // molar, mol/L
  // energy and power
  J: { factor: 1, dims: ENERGY }, kJ: { factor: 1e3, dims: ENERGY }, MJ: { factor: 1e6, dims: ENERGY },
  GJ: { factor: 1e9, dims: ENERGY }, Wh: { factor: 3600, dims: ENERGY }, kWh: { factor: 3.6e6, dims: ENERGY },
  MWh: { factor: 3.6e9, dims: ENERGY }, GWh: { factor: 3.6e12, dims: ENERGY },
  cal: { factor: 4.184, dims: ENERGY }, kcal: { factor: 4184, dims: ENERGY },
  BTU: { factor: BTU_J, dims: ENERGY }, Btu: { factor: BTU_J, dims: ENERGY }, MMBtu: { factor: BTU_J * 1e6, dims: ENERGY },
  W: { factor: 1, dims: POWER }, kW: { factor: 1e3, dims: POWER }, MW: { factor: 1e6, dims: POWER },
  // pressure
  Pa: { factor: 1, dims: PRESSURE }, kPa: { factor: 1e3, dims: PRESSURE }, MPa: { factor: 1e6, dims: PRESSURE },
  bar: { factor: 1e5, dims: PRESSURE }, atm: { factor: 101325, dims: PRESSURE }, psi: { factor: 6894.757293168, dims: PRESSURE },
  // electricity
  A: { factor: 1, dims: CURRENT }, mA: { factor: 1e-3, dims: CURRENT },
  V: { factor: 1, dims: D(1, 2, -3, 0, 0, -1) }, Ah: { factor: 3600, dims: D(0, 0, 1, 0, 0, 1) },
  // money (USD of the price set's year; other currencies are converted in the price set, not here)
  USD: { factor: 1, dims: MONEY }, kUSD: { factor: 1e3, dims: MONEY }, MUSD: { factor: 1e6, dims: MONEY },
  '$': { factor: 1, dims: MONEY },
};

/** Units that read two ways: refused with a hint instead of guessed. */
const AMBIGUOUS: Record<string, string> = {
  ton: 'write t (metric tonne, 1000 kg) or short_ton (907.18 kg)',
  tons: 'write t (metric tonne, 1000 kg) or short_ton (907.18 kg)',
};

const cache = new Map<string, Unit>();

/** A unit symbol of the table (own entries only: "toString" is not a unit). */
function symbol(text: string): { factor: number; dims: Dimension; offset?: number } | undefined {
  return Object.hasOwn(SYMBOLS, text) ? SYMBOLS[text] : undefined;
}

/** The hint for an ambiguous unit word, or undefined. */
function ambiguity(text: string): string | undefined {
  return Object.hasOwn(AMBIGUOUS, text) ? AMBIGUOUS[text] : undefined;
}

/** Error thrown while parsing a unit; carries a catalogue-ready reason. */
export class UnitError extends Error {}

/** Parse a unit expression such as `kg/h`, `J/(kg K)`, `m^3`, `m³`, `mA/cm2`, `t/yr`. */
export function parseUnit(expr: string): Unit {
  const key = expr.trim();
  const hit = cache.get(key);
  if (hit) return hit;
  const unit = parseUnitUncached(key);
  cache.set(key, unit);
  return unit;
}

function parseUnitUncached(text: string): Unit {
  const single = symbol(text);
  if (single) return { factor: single.factor, dims: single.dims, offset: single.offset ?? 0, text };
  const hint = ambiguity(text);
  if (hint) throw new UnitError(msg.unitAmbiguous(text, hint));
  const tokens = tokenize(text);
  let pos = 0;
  const parseFactor = (): { factor: number; dims: number[] } => {
    const tok = tokens[pos];
    if (tok === '(') {
      pos++;
      const inner = parseProduct();
      if (tokens[pos] !== ')') throw new UnitError(msg.unitParenthesisOpen(text));
      pos++;
      return applyExponent(inner);
    }
    if (tok === undefined || tok === ')' || tok === '*' || tok === '/') throw new UnitError(msg.notUnitExpression(text));
    pos++;
    const m = /^(.+?)(\^?-?\d+|[²³])?$/.exec(tok);
    let sym = m?.[1] ?? tok;
    let expText = m?.[2];
    if (symbol(tok) !== undefined) { sym = tok; expText = undefined; }
    const base = symbol(sym);
    if (!base) {
      const symHint = ambiguity(sym);
      if (symHint) throw new UnitError(msg.unitAmbiguous(sym, symHint));
      throw new UnitError(msg.unknownUnit(sym));
    }
    const exp = expText === undefined ? 1 : expText === '²' ? 2 : expText === '³' ? 3 : Number(expText.replace('^', ''));
    return applyExponent({ factor: Math.pow(base.factor, exp), dims: base.dims.map((d) => d * exp) });
  };
  const applyExponent = (f: { factor: number; dims: number[] }) => {
    const tok = tokens[pos];
    if (tok !== undefined && /^\^-?\d+$/.test(tok)) {
      pos++;
      const e = Number(tok.slice(1));
      return { factor: Math.pow(f.factor, e), dims: f.dims.map((d) => d * e) };
    }
    return f;
  };
  const parseProduct = (): { factor: number; dims: number[] } => {
    let acc = { factor: 1, dims: [0, 0, 0, 0, 0, 0, 0] };
    let first = true;
    while (pos < tokens.length && tokens[pos] !== ')') {
      let divide = false;
      if (tokens[pos] === '*') pos++;
      else if (tokens[pos] === '/') { divide = true; pos++; }
      else if (!first) { /* juxtaposition multiplies: "kg K" */ }
      const f = parseFactor();
      acc = divide
        ? { factor: acc.factor / f.factor, dims: acc.dims.map((d, k) => d - f.dims[k]!) }
        : { factor: acc.factor * f.factor, dims: acc.dims.map((d, k) => d + f.dims[k]!) };
      first = false;
    }
    return acc;
  };
  const result = parseProduct();
  if (pos !== tokens.length) throw new UnitError(msg.notUnitExpression(text));
  return { factor: result.factor, dims: result.dims as unknown as Dimension, offset: 0, text };
}

function tokenize(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => { if (cur) { out.push(cur); cur = ''; } };
  for (const ch of text) {
    if (ch === '(' || ch === ')' || ch === '/' || ch === '*' || ch === '·' || ch === '.' && !/\d$/.test(cur)) {
      flush();
      out.push(ch === '·' || ch === '.' ? '*' : ch);
    } else if (ch === ' ') {
      flush();
    } else if (ch === '^') {
      // "m^3" stays one token; "(kg m)^2" makes "^2" its own token
      if (cur) cur += ch; else cur = '^';
    } else {
      cur += ch;
    }
  }
  flush();
  return out;
}

/** True when two dimensions are equal. */
export function sameDimension(a: Dimension, b: Dimension): boolean {
  for (let k = 0; k < 7; k++) if (Math.abs(a[k]! - b[k]!) > 1e-12) return false;
  return true;
}

/** Derived dimensions people name, tried when describing a compound dimension. */
const NAMED: [string, Dimension][] = [['energy', ENERGY], ['power', POWER], ['pressure', PRESSURE], ['volume', VOLUME], ['area', AREA]];

/**
 * Human-readable dimension, e.g. "mass/time", "money/energy" (not "time^2·money/mass·length^2"):
 * a named derived dimension is factored out when that leaves fewer base terms.
 */
export function describeDimension(d: Dimension): string {
  const terms = (x: readonly number[]) => x.filter((e) => e !== 0).length;
  let best = { text: describeBase(d), cost: terms(d) };
  for (const [name, nd] of NAMED) {
    for (const sign of [1, -1]) {
      const rest = d.map((e, k) => e - sign * nd[k]!) as unknown as Dimension;
      const cost = terms(rest) + 1;
      // On a tie the named form wins when what is left is per mass, amount or money (kWh/kg → energy/mass).
      const perBase = rest[1] === 0 && rest[2] === 0;
      if (cost < best.cost || (cost === best.cost && perBase && best.text.includes('length'))) {
        const r = describeBase(rest);
        const text = sign > 0 ? (r === 'dimensionless' ? name : r.startsWith('1/') ? `${name}${r.slice(1)}` : `${r.split('/')[0]}·${name}${r.includes('/') ? '/' + r.split('/')[1] : ''}`) : r === 'dimensionless' ? `1/${name}` : `${r}/${name}`;
        best = { text, cost };
      }
    }
  }
  return best.text;
}

function describeBase(d: Dimension): string {
  const num: string[] = [];
  const den: string[] = [];
  d.forEach((e, k) => {
    if (e === 0) return;
    const name = DIM_NAMES[k]!;
    const part = Math.abs(e) === 1 ? name : `${name}^${Math.abs(e)}`;
    (e > 0 ? num : den).push(part);
  });
  if (num.length === 0 && den.length === 0) return 'dimensionless';
  return (num.length ? num.join('·') : '1') + (den.length ? '/' + den.join('·') : '');
}

/**
 * Convert `value` from unit `from` to unit `to`. A lone absolute temperature unit is affine
 * (0 degC → 273.15 K); anywhere else temperature units scale only.
 */
export function convert(value: number, from: string, to: string): number {
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!sameDimension(a.dims, b.dims)) {
    throw new UnitError(msg.unitsNotConvertible(from, describeDimension(a.dims), to, describeDimension(b.dims)));
  }
  // The same scale: no arithmetic, so a value written in the field's own unit stays exact (a bound
  // written as "1000000 kmol/h" must not become 1000000.0000000001).
  if (a.factor === b.factor && a.offset === b.offset) return value;
  const si = value * a.factor + a.offset;
  return (si - b.offset) / b.factor;
}

/** A quantity split into its number and unit text. */
export interface ParsedQuantity {
  value: number;
  unit: string;
}

/** Split "220 degC" into { value: 220, unit: "degC" }; "4M" and "5%" work too. */
export function splitQuantity(text: string): ParsedQuantity | undefined {
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/.exec(text);
  if (!m) return undefined;
  return { value: Number(m[1]), unit: m[2] ?? '' };
}

/**
 * Read a quantity given as a bare number (already in `unit`) or a string with a unit, and return
 * it in `unit`. Throws UnitError with a reason fit for the message catalogue.
 */
export function toUnit(input: number | string, unit: string): number {
  if (typeof input === 'number') return input;
  const q = splitQuantity(input);
  if (!q) throw new UnitError(msg.notNumberWithUnit(input));
  const target = parseUnit(unit);
  if (q.unit === '') {
    if (sameDimension(target.dims, NONE)) return q.value / target.factor;
    throw new UnitError(msg.quantityNoUnit(input, describeDimension(target.dims), `${q.value} ${unit}`));
  }
  let source: Unit;
  try {
    source = parseUnit(q.unit);
  } catch (e) {
    throw e instanceof UnitError ? e : new UnitError(String(e));
  }
  if (!sameDimension(source.dims, target.dims)) {
    throw new UnitError(msg.quantityWrongDimension(input, describeDimension(source.dims), describeDimension(target.dims), unit));
  }
  return convert(q.value, q.unit, unit);
}
