/**
 * Text for people who read the workbook rather than the code: provenance phrased for readers (a
 * recalled number says so in words; the model's source files are named by what they model), input
 * values written out (a distribution as "triangular 6 / 13.68 / 30 USD/kg", a composition as
 * "cam 0.9, carbon 0.03"), amounts in the units the command line shows (t/yr, M USD, USD/kg, %),
 * and the KPI labels with their basis — the command line's (pipeline/kpi-labels.ts).
 */
import { KPI_ROWS, type KpiRow } from '../pipeline/kpi-labels.js';

/** What a recalled, unverified number says in the workbook instead of the code's "[MEMORY]" tag. */
export const RECALLED = 'recalled value, not yet verified against a source';

/** Reader names of the model's source modules, by file base name (others: "<words> model"). */
const MODULE_NAMES: Readonly<Record<string, string>> = {
  hydrothermal: 'hydrothermal repair model',
  'molten-salt': 'molten-salt repair model',
  'solid-state': 'solid-state repair model',
  electrochemical: 'electrochemical repair model',
  ordering: 'lattice-ordering model',
  'lot-state': 'lot-state model',
  environment: 'environment model',
  economics: 'economics model',
  catalogue: 'equipment catalogue',
  performance: 'product-performance model',
  capacity: 'capacity model',
  finishing: 'washing and drying correlations',
  kiln: 'kiln model',
  opex: 'operating-cost model',
  capex: 'capital-cost model',
  market: 'market model',
  prices: 'price model',
  'price-index': 'price index',
};

const FILE_REF = /\b(?:src\/)?(?:[\w-]+\/)*([\w-]+)\.(?:ts|js)\b(?:\s+[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)*/g;
const MEMORY_TAG = /\[MEMORY(?:-grade)?(?:\s*[:;]\s*([^\]]*))?\]/g;
/** The confidence tags of REFERENCE.md, in words. */
const CONFIDENCE: Readonly<Record<string, string>> = {
  H: 'read in a primary source',
  M: 'read in a secondary source',
  L: 'from a vendor or market-research page',
  DERIVED: 'arithmetic on sourced numbers',
};
const CONFIDENCE_TAG = /\[(H|M|L|DERIVED)(?:\s*[:;]\s*([^\]]*))?\]/g;

/**
 * Provenance and messages phrased for readers: "[MEMORY]" becomes "(recalled value, not yet
 * verified against a source)", "[MEMORY: World Bank]" "(recalled from World Bank, not yet
 * verified)", the confidence tags of the reference notes read out ("[M]" → "(read in a secondary
 * source)"), and a source file such as "correlations/mechanisms/hydrothermal.ts HYDROTHERMAL_RATE"
 * becomes "regenflow's hydrothermal repair model".
 */
export function readerText(text: string): string {
  // Inside parentheses already ("(≈12.8 g/100 g [MEMORY])"), the words go in without their own.
  const wrapped = (words: string, s: string, at: number) => (s[at] === ')' ? `; ${words}` : ` (${words})`);
  return text
    .replace(new RegExp(`\\s*${MEMORY_TAG.source}`, 'g'), (m, detail: string | undefined, offset: number, s: string) => {
      const d = detail?.trim();
      const words = !d ? RECALLED : /^(year|value|see)\b/i.test(d) ? `${RECALLED}; ${d}` : `recalled from ${d}, not yet verified`;
      return wrapped(words, s, offset + m.length);
    })
    .replace(new RegExp(`\\s*${CONFIDENCE_TAG.source}`, 'g'), (m, tag: string, detail: string | undefined, offset: number, s: string) => wrapped(`${CONFIDENCE[tag]}${detail?.trim() ? `; ${detail.trim()}` : ''}`, s, offset + m.length))
    .replace(FILE_REF, (_m, base: string) => `regenflow's ${MODULE_NAMES[base] ?? `${base.replace(/-/g, ' ')} model`}`)
    .replace(/\s{2,}/g, ' ');
}

/** Short number text (6 significant digits, no exponent for ordinary magnitudes). */
export function numText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = String(Number(x.toPrecision(6)));
  return s.includes('e') ? x.toPrecision(4) : s;
}

/** Parameters of a distribution in reading order, by kind. */
const DIST_PARTS: Readonly<Record<string, readonly string[]>> = {
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  uniform: ['min', 'max'],
};

/** A distribution object as text: "triangular 6 / 13.68 / 30 USD/kg (min / mode / max)", "normal, mean 0.86, sd 0.04". */
export function distributionText(d: Readonly<Record<string, unknown>>): string {
  const kind = String(d.dist);
  const unit = typeof d.unit === 'string' && d.unit ? ` ${d.unit}` : '';
  const n = (k: string) => (typeof d[k] === 'number' ? numText(d[k] as number) : '?');
  const parts = DIST_PARTS[kind];
  if (parts) return `${kind} ${parts.map(n).join(' / ')}${unit} (${parts.join(' / ')})`;
  if (kind === 'normal' || kind === 'lognormal') {
    const body = d.mean !== undefined ? `mean ${n('mean')}, sd ${n('sd')}` : `mu ${n('mu')}, sigma ${n('sigma')}`;
    const range = d.min !== undefined || d.max !== undefined ? `, within ${d.min !== undefined ? n('min') : '−∞'} … ${d.max !== undefined ? n('max') : '∞'}` : '';
    return `${kind}, ${body}${range}${unit}`;
  }
  if (kind === 'discrete' && Array.isArray(d.values)) {
    const p = Array.isArray(d.probabilities) ? ` with probabilities ${d.probabilities.map((x) => numText(Number(x))).join(' / ')}` : '';
    return `one of ${d.values.map((x) => numText(Number(x))).join(' / ')}${unit}${p}`;
  }
  return `${kind}${unit}`;
}

/**
 * The engine's short distribution text ("triangular(6, 13.68, 30) USD/kg", uncertainty/distributions.ts
 * describeDistribution) in the workbook's reading form ("triangular 6 / 13.68 / 30 USD/kg (min / mode / max)").
 */
export function distributionLabel(text: string): string {
  const m = /^(\w+)\(([^)]*)\)\s*(.*)$/.exec(text.trim());
  if (!m) return text;
  const [, kind, body, unit] = m;
  const parts = DIST_PARTS[kind!];
  if (parts) {
    const [values, extra] = body!.split(';').map((s) => s.trim());
    return `${kind} ${values!.split(',').map((s) => s.trim()).join(' / ')}${unit ? ` ${unit}` : ''} (${parts.join(' / ')})${extra ? `, ${extra}` : ''}`;
  }
  return `${kind}, ${body!.replace(/;/g, ',')}${unit ? ` ${unit}` : ''}`;
}

/** Is this a distribution object ({ dist: … })? */
function isDistribution(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { dist?: unknown }).dist === 'string';
}

/**
 * An input value as a cell shows it: numbers stay numbers; distributions, lists and objects are
 * written out in words instead of JSON ("cam 0.9, carbon 0.03"; "none" for an empty object).
 */
export function valueText(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return objectText(v);
}

function objectText(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return numText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (depth > 3) return '…';
  if (isDistribution(v)) return distributionText(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => objectText(x, depth + 1)).join(depth === 0 && v.some((x) => typeof x === 'object') ? '; ' : ', ') : 'none';
  const o = v as Record<string, unknown>;
  if (typeof o.name === 'string' && Object.keys(o).length <= 3 && 'family' in o) return o.name;
  const entries = Object.entries(o).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return 'none';
  return entries.map(([k, x]) => (typeof x === 'object' && x !== null ? `${k} (${objectText(x, depth + 1)})` : `${k} ${objectText(x, depth + 1)}`)).join(', ');
}

/** A KPI of the run document as people read it (pipeline/kpi-labels.ts). */
export type KpiLabel = KpiRow;

/** The command line's KPI labels, each with its basis: the workbook shows the same. */
export const KPI_LABELS: readonly KpiLabel[] = KPI_ROWS;

/** Labels of KPIs the command line's table does not show (the workbook's extra rows, uncertainty sheets). */
const EXTRA_LABELS: readonly KpiLabel[] = [
  { key: 'totalCapitalInvestmentUsd', label: 'Total capital investment (FCI + working capital)', unit: 'M USD', scale: 1e-6 },
  { key: 'inSpecYieldOfFeedCam', label: 'In-spec yield of the CAM in the feed', unit: '%', scale: 100, percent: true },
  { key: 'virginWaterLPerKg', label: 'Water of virgin CAM (GREET)', unit: 'L/kg', scale: 1 },
  { key: 'virginSiteEnergyMjPerKg', label: 'Site energy of virgin CAM (EverBatt)', unit: 'MJ/kg', scale: 1 },
  { key: 'operatorsPerShift', label: 'Operators per shift', unit: 'persons', scale: 1 },
];

/** The label of a KPI id, or a label made from the id ("someNewKpi" → "some new kpi") with its unit from the name. */
export function kpiLabel(key: string, unitOf: (k: string) => string): KpiLabel {
  const known = KPI_LABELS.find((k) => k.key === key) ?? EXTRA_LABELS.find((k) => k.key === key);
  if (known) return known;
  const cause = /^offSpecKgPerYearByCause\.(.+)$/.exec(key);
  if (cause) return { key, label: `Off-spec CAM, ${cause[1]}`, unit: 't/yr', scale: 1e-3 };
  const unit = unitOf(key);
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  if (unit === 'USD') return { key, label: words, unit: 'M USD', scale: 1e-6 };
  if (unit === 'USD/yr') return { key, label: words, unit: 'M USD/yr', scale: 1e-6 };
  if (unit === 'kg/yr') return { key, label: words, unit: 't/yr', scale: 1e-3 };
  if (unit === 'fraction') return { key, label: words, unit: '%', scale: 100, percent: true };
  return { key, label: words, unit, scale: 1 };
}

/**
 * An amount in the units the command line shows: money in M USD (k USD below a million), kg/yr in
 * t/yr, fractions in % ('value') or percentage points ('signed', 'magnitude').
 */
export function amount(value: number, unit: string, mode: 'value' | 'signed' | 'magnitude' = 'value'): string {
  const sign = mode === 'signed' && value > 0 ? '+' : mode === 'signed' && value < 0 ? '−' : '';
  const v = mode === 'value' ? value : Math.abs(value);
  const neg = mode === 'value' && value < 0 ? '−' : '';
  const a = Math.abs(v);
  const money = (per: string) => (a >= 1e6 ? `${(a / 1e6).toFixed(2)} M USD${per}` : a >= 1e3 ? `${(a / 1e3).toFixed(1)} k USD${per}` : `${a.toFixed(2)} USD${per}`);
  const group = (x: number, d: number) => x.toFixed(d).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let body: string;
  switch (unit) {
    case 'USD': body = money(''); break;
    case 'USD/yr': body = money('/yr'); break;
    case 'kg/yr': body = `${group(a / 1000, a >= 1e5 ? 0 : 1)} t/yr`; break;
    case 'fraction': body = mode === 'value' ? `${(a * 100).toFixed(1)} %` : `${(a * 100).toFixed(1)} pp`; break;
    case 'USD/kg': body = `${a.toFixed(2)} USD/kg`; break;
    case 'yr': body = `${a.toFixed(1)} yr`; break;
    default: body = `${numText(Number(a.toPrecision(4)))}${unit ? ` ${unit}` : ''}`;
  }
  return `${sign}${neg}${body}`;
}

/** Break text into lines of at most `width` characters at spaces (a word longer than a line stays whole). */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/ +/)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}
