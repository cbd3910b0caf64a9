/**
 * Sankey diagram (SVG) of the mass flows of a run, kg/h. Nodes: the feed, a make-up source for each
 * unit that draws fresh reagents, the units, and the boundary sinks (product, byproduct, waste,
 * emissions); a band per stream with a non-zero flow, its width proportional to the mass flow.
 * A Sankey layout needs an acyclic graph, so the recycle streams (the back edges of
 * diagram.ts recycleStreams; in the shipped flowsheets the solver's tear streams) are left out of
 * the column layout: each shows as a stub of its true width where it leaves and where it enters,
 * joined by a labelled red return arc below the plant.
 *
 * Every band carries `data-stream` and `data-kg-per-h` so the picture can be checked against the
 * run; the footer states the plant balance (feed + make-up = product + byproduct + waste + emissions).
 */
import type { Evaluation } from '../pipeline/evaluate.js';
import { streamMass } from '../streams/stream.js';
import { BOUNDARIES } from '../schema/kinds.js';
import { BOUNDARY_STYLE, RECYCLE_COLOUR, FONT_FAMILY, escapeXml, fmtNumber, textWidth, tearStreams, recycleStreams } from './diagram.js';

/** A node of the Sankey. */
interface SNode {
  id: string;
  label: string;
  kind: 'feed' | 'makeup' | 'unit' | 'sink';
  column: number;
  /** Position within its column (for the initial order). */
  rank: number;
  inflow: number;
  outflow: number;
  value: number;
  y0: number;
  y1: number;
  ins: SLink[];
  outs: SLink[];
}

/** A band of the Sankey. */
interface SLink {
  stream: string;
  label: string;
  source: SNode;
  target: SNode;
  value: number;
  recycle: boolean;
  makeup: boolean;
  width: number;
  /** Centre of the band where it leaves the source and enters the target. */
  ys: number;
  yt: number;
  colour: string;
}

const WIDTH_PER_COLUMN = 170;
const NODE_WIDTH = 14;
const NODE_PAD = 30;
const FLOW_HEIGHT = 560;
const MARGIN = { top: 46, left: 24, right: 150, bottom: 16 };
const MIN_BAND = 1;
const RECYCLE_STUB = 26;
const HALO = 'stroke="#ffffff" stroke-width="3" stroke-opacity="0.9" paint-order="stroke"';
const UNIT_COLOUR = '#5c7c99';
const LINK_COLOUR = '#90a4ae';

/** The nodes and bands of a run's Sankey, before layout. */
interface SankeyGraph {
  nodes: Map<string, SNode>;
  links: SLink[];
  columns: SNode[][];
}

/** Where everything sits: node and band positions are written into the graph; this is the rest. */
interface SankeyLayout {
  xOf: (n: SNode) => number;
  recycles: SLink[];
  /** y of each recycle's return lane. */
  lanes: Map<SLink, number>;
  /** y below the last return lane (the footer starts there). */
  laneTop: number;
  width: number;
  height: number;
}

/** SVG of the Sankey of mass flows of a run. */
export function sankeySvg(ev: Evaluation): string {
  const fs = ev.model.flowsheet;
  const tears = tearStreams(fs);
  const graph = sankeyGraph(ev);
  const lay = layoutSankey(graph);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${lay.width}" height="${lay.height}" viewBox="0 0 ${lay.width} ${lay.height}" font-family="${escapeXml(FONT_FAMILY)}">`);
  const title = `Mass flows, kg/h — ${ev.model.name}`;
  const subtitle = `flowsheet ${fs.id}: ${fs.name}`;
  out.push(`<title>${escapeXml(`${title} (${subtitle})`)}</title>`);
  out.push(`<defs><marker id="sankey-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${RECYCLE_COLOUR}"/></marker></defs>`);
  out.push(`<rect x="0" y="0" width="${lay.width}" height="${lay.height}" fill="#ffffff"/>`);
  out.push(`<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold" fill="#212121">${escapeXml(title)} <tspan font-size="11" font-weight="normal" fill="#78909c">${escapeXml(subtitle)}</tspan></text>`);
  const occupied: Rect[] = [];
  out.push(...bandsSvg(graph, lay, tears), ...nodesSvg(graph, lay, occupied), ...bandLabelsSvg(graph, lay, tears, occupied), ...footerSvg(graph, lay, tears));
  out.push('</svg>');
  return out.join('\n');
}

/** Nodes (feed, make-up sources, units, sinks with flow) and bands (streams with flow, make-up), in columns. */
function sankeyGraph(ev: Evaluation): SankeyGraph {
  const fs = ev.model.flowsheet;
  const g = fs.graph;
  const back = recycleStreams(fs);
  const mass = new Map<string, number>();
  for (const s of g.streams) {
    const st = ev.solution.streams.get(s.id);
    mass.set(s.id, st ? streamMass(st) : 0);
  }

  // Columns: longest path from the feed over the streams without recycles.
  const unitIndex = new Map(fs.units.map((u, i) => [u.id, i]));
  const col = new Map<string, number>([['feed', 0]]);
  const forward = g.streams.filter((s) => !back.has(s.id) && unitIndex.has(s.to.node));
  for (let pass = 0; pass <= fs.units.length; pass++) {
    let changed = false;
    for (const s of forward) {
      const c = col.get(s.from.node);
      if (c === undefined) continue;
      if ((col.get(s.to.node) ?? -1) < c + 1) { col.set(s.to.node, c + 1); changed = true; }
    }
    if (!changed) break;
  }
  const lastUnitCol = Math.max(1, ...fs.units.map((u) => col.get(u.id) ?? 1));
  const sinkCol = lastUnitCol + 1;

  const nodes = new Map<string, SNode>();
  const node = (id: string, label: string, kind: SNode['kind'], column: number, rank: number): SNode => {
    let n = nodes.get(id);
    if (!n) { n = { id, label, kind, column, rank, inflow: 0, outflow: 0, value: 0, y0: 0, y1: 0, ins: [], outs: [] }; nodes.set(id, n); }
    return n;
  };
  const links: SLink[] = [];
  const link = (stream: string, label: string, source: SNode, target: SNode, value: number, recycle: boolean, makeup: boolean, colour: string) => {
    const l: SLink = { stream, label, source, target, value, recycle, makeup, width: 0, ys: 0, yt: 0, colour };
    links.push(l);
    source.outs.push(l);
    target.ins.push(l);
    source.outflow += value;
    target.inflow += value;
  };

  node('feed', 'feed', 'feed', 0, 0);
  fs.units.forEach((u, i) => node(u.id, u.id, 'unit', col.get(u.id) ?? 1, i));
  BOUNDARIES.forEach((b, i) => { if (b !== 'feed') node(b, b, 'sink', sinkCol, i); });
  for (const s of g.streams) {
    const m = mass.get(s.id)!;
    if (!(m > 0)) continue;
    const recycle = back.has(s.id);
    const target = nodes.get(s.to.node)!;
    const colour = recycle ? RECYCLE_COLOUR : target.kind === 'sink' ? BOUNDARY_STYLE[target.id]!.stroke : s.from.node === 'feed' ? BOUNDARY_STYLE.feed!.stroke : LINK_COLOUR;
    link(s.id, s.from.port ?? s.to.port ?? s.id, nodes.get(s.from.node)!, target, m, recycle, false, colour);
  }
  // Fresh reagents each unit draws: one make-up source per unit, one column before it.
  fs.units.forEach((u, i) => {
    const draws = ev.solution.runs.get(u.id)?.draws ?? {};
    const total = Object.values(draws).reduce((a, b) => a + (b > 0 ? b : 0), 0);
    if (!(total > 0)) return;
    const names = Object.entries(draws).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).map(([k]) => k);
    const unit = nodes.get(u.id)!;
    const src = node(`make-up:${u.id}`, `make-up ${names.slice(0, 2).join(', ')}${names.length > 2 ? ', …' : ''}`, 'makeup', Math.max(0, unit.column - 1), i - 0.5);
    link(`make-up:${u.id}`, 'make-up', src, unit, total, false, true, BOUNDARY_STYLE.reagents!.stroke);
  });
  for (const n of nodes.values()) n.value = Math.max(n.inflow, n.outflow);
  // Keep the feed, the units and the sinks that carry flow; units without flow stay (value 0).
  for (const [id, n] of nodes) if (n.kind === 'sink' && n.value === 0) nodes.delete(id);

  const columns: SNode[][] = [];
  for (const n of nodes.values()) (columns[n.column] ??= []).push(n);
  for (let c = 0; c < columns.length; c++) columns[c] ??= [];
  return { nodes, links, columns };
}

/** Order the columns, scale bands to the flow height, place nodes and bands, and lay the recycle lanes below. */
function layoutSankey({ nodes, links, columns }: SankeyGraph): SankeyLayout {
  orderColumns(columns);
  // Vertical scale: the fullest column fills the flow height.
  const k = Math.min(...columns.filter((c) => c.length > 0).map((c) => (FLOW_HEIGHT - (c.length - 1) * NODE_PAD) / Math.max(1e-12, c.reduce((a, n) => a + n.value, 0))));
  const scale = Number.isFinite(k) && k > 0 ? k : 1;
  for (const l of links) l.width = Math.max(MIN_BAND, l.value * scale);
  const heightOf = (n: SNode) => Math.max(2, n.value * scale, bandSum(n.ins), bandSum(n.outs));
  layoutColumns(columns, heightOf);
  placeBands(nodes);

  const xOf = (n: SNode) => MARGIN.left + n.column * WIDTH_PER_COLUMN;
  const flowBottom = Math.max(...[...nodes.values()].map((n) => n.y1));
  // Return lanes for the recycle arcs, below everything.
  const recycles = links.filter((l) => l.recycle);
  let laneTop = flowBottom + 24;
  const lanes = new Map<SLink, number>();
  for (const l of recycles) { lanes.set(l, laneTop); laneTop += 20; }
  const width = MARGIN.left + (columns.length - 1) * WIDTH_PER_COLUMN + NODE_WIDTH + MARGIN.right;
  const footerLines = 2 + recycles.length;
  const height = Math.ceil(laneTop + 8 + footerLines * 16 + MARGIN.bottom);
  return { xOf, recycles, lanes, laneTop, width, height };
}

/** The bands: ribbons between nodes; a recycle as two stubs joined by a dashed return arc on its lane. */
function bandsSvg({ links }: SankeyGraph, { xOf, lanes }: SankeyLayout, tears: ReadonlySet<string>): string[] {
  const out: string[] = ['<g class="bands" fill="none">'];
  for (const l of links) {
    const x0 = xOf(l.source) + NODE_WIDTH;
    const x1 = xOf(l.target);
    const cls = l.recycle ? 'band recycle' : l.makeup ? 'band makeup' : 'band';
    const tip = `${l.recycle ? `recycle${tears.has(l.stream) ? ' (tear stream)' : ''} ` : ''}${l.stream}: ${fmtNumber(l.value)} kg/h`;
    if (l.recycle) {
      // A stub of the band's width where it leaves and where it enters, joined by a thin return
      // arc under the plant: out right, down, back left along its lane, up, into the target.
      const lane = lanes.get(l)!;
      const r = 8;
      const xa = x0 + RECYCLE_STUB;
      const xb = x1 - RECYCLE_STUB;
      const arc = `M${f(xa)},${f(l.ys)}H${f(xa + 6)}A${r},${r} 0 0 1 ${f(xa + 6 + r)},${f(l.ys + r)}V${f(lane - r)}A${r},${r} 0 0 1 ${f(xa + 6)},${f(lane)}`
        + `H${f(xb - 6)}A${r},${r} 0 0 1 ${f(xb - 6 - r)},${f(lane - r)}V${f(l.yt + r)}A${r},${r} 0 0 1 ${f(xb - 6)},${f(l.yt)}H${f(xb)}`;
      out.push(`<g class="${cls}" data-stream="${escapeXml(l.stream)}" data-kg-per-h="${l.value}"><title>${escapeXml(tip)}</title>`
        + `<rect x="${f(x0)}" y="${f(l.ys - l.width / 2)}" width="${RECYCLE_STUB}" height="${f(l.width)}" fill="${l.colour}" fill-opacity="0.4"/>`
        + `<rect x="${f(xb)}" y="${f(l.yt - l.width / 2)}" width="${RECYCLE_STUB}" height="${f(l.width)}" fill="${l.colour}" fill-opacity="0.4"/>`
        + `<path class="return-arc" d="${arc}" stroke="${l.colour}" stroke-width="2" stroke-dasharray="7 4" marker-end="url(#sankey-arrow)"/></g>`);
      continue;
    }
    const xm = (x0 + x1) / 2;
    // A filled ribbon between two horizontal-tangent curves (a thick stroke would pinch where it bends).
    const h = l.width / 2;
    const d = `M${f(x0)},${f(l.ys - h)}C${f(xm)},${f(l.ys - h)} ${f(xm)},${f(l.yt - h)} ${f(x1)},${f(l.yt - h)}`
      + `V${f(l.yt + h)}C${f(xm)},${f(l.yt + h)} ${f(xm)},${f(l.ys + h)} ${f(x0)},${f(l.ys + h)}Z`;
    out.push(`<path class="${cls}" data-stream="${escapeXml(l.stream)}" data-kg-per-h="${l.value}" d="${d}" fill="${l.colour}" fill-opacity="0.45"><title>${escapeXml(tip)}</title></path>`);
  }
  out.push('</g>');
  return out;
}

/** Nodes and their labels (above the node; sinks to the right); the areas taken go into `occupied`. */
function nodesSvg({ nodes }: SankeyGraph, { xOf }: SankeyLayout, occupied: Rect[]): string[] {
  const out: string[] = ['<g class="nodes" stroke-linejoin="round">'];
  for (const n of nodes.values()) {
    const x = xOf(n);
    const h = n.y1 - n.y0;
    const fill = n.kind === 'unit' ? UNIT_COLOUR : n.kind === 'makeup' ? BOUNDARY_STYLE.reagents!.stroke : BOUNDARY_STYLE[n.id]!.stroke;
    out.push(`<g class="node" data-node="${escapeXml(n.id)}" data-kg-per-h="${n.value}"><title>${escapeXml(`${n.id}: in ${fmtNumber(n.inflow)} kg/h, out ${fmtNumber(n.outflow)} kg/h`)}</title>`);
    out.push(`<rect x="${f(x)}" y="${f(n.y0)}" width="${NODE_WIDTH}" height="${f(h)}" fill="${fill}"/>`);
    occupied.push({ x0: x, y0: n.y0, x1: x + NODE_WIDTH, y1: n.y1 });
    const name = n.label;
    const value = `${fmtNumber(n.value)} kg/h`;
    if (n.kind === 'sink') {
      const tx = x + NODE_WIDTH + 6;
      const ty = (n.y0 + n.y1) / 2;
      out.push(`<text x="${f(tx)}" y="${f(ty - 2)}" font-size="12" font-weight="bold" ${HALO} fill="${BOUNDARY_STYLE[n.id]!.text}">${escapeXml(name)}</text>`);
      out.push(`<text x="${f(tx)}" y="${f(ty + 11)}" font-size="10" ${HALO} fill="#455a64">${escapeXml(value)}</text>`);
      occupied.push({ x0: tx, y0: ty - 13, x1: tx + Math.max(textWidth(name, 12), textWidth(value, 10)), y1: ty + 14 });
    } else {
      const ty = n.y0 - 6;
      const weight = n.kind === 'makeup' ? '' : ' font-weight="bold"';
      const size = n.kind === 'makeup' ? 10 : 11;
      out.push(`<text x="${f(x)}" y="${f(ty)}" font-size="${size}"${weight} ${HALO} fill="#263238">${escapeXml(name)} <tspan font-weight="normal" fill="#546e7a">${escapeXml(value)}</tspan></text>`);
      occupied.push({ x0: x, y0: ty - size, x1: x + textWidth(`${name} ${value}`, size), y1: ty + 3 });
    }
    out.push('</g>');
  }
  out.push('</g>');
  return out;
}

/** Band labels where they fit (port name and flow, never overlapping), largest band first; recycle labels on their lanes. */
function bandLabelsSvg({ links }: SankeyGraph, { xOf, recycles, lanes }: SankeyLayout, tears: ReadonlySet<string>, occupied: Rect[]): string[] {
  const out: string[] = ['<g class="band-labels" font-size="9" fill="#263238">'];
  const sorted = [...links].filter((l) => !l.recycle).sort((a, b) => b.value - a.value);
  for (const l of sorted) {
    const text = `${l.label} ${fmtNumber(l.value)}`;
    const w = textWidth(text, 9);
    const x0 = xOf(l.source) + NODE_WIDTH;
    const x1 = xOf(l.target);
    for (const t of [0.5, 0.35, 0.65, 0.22, 0.78]) {
      const cx = x0 + (x1 - x0) * t;
      const cy = bezierY(l.ys, l.yt, t);
      const r: Rect = { x0: cx - w / 2 - 2, y0: cy - 6, x1: cx + w / 2 + 2, y1: cy + 5 };
      if (x1 - x0 < w + 8 || occupied.some((o) => overlaps(o, r))) continue;
      occupied.push(r);
      out.push(`<text x="${f(cx)}" y="${f(cy + 3)}" text-anchor="middle" stroke="#ffffff" stroke-width="2.5" stroke-opacity="0.85" paint-order="stroke">${escapeXml(text)}</text>`);
      break;
    }
  }
  for (const l of recycles) {
    const lane = lanes.get(l)!;
    const x0 = xOf(l.target);
    const x1 = xOf(l.source) + NODE_WIDTH;
    const text = `recycle${tears.has(l.stream) ? ' (tear)' : ''} ${l.stream}: ${fmtNumber(l.value)} kg/h`;
    out.push(`<text x="${f((x0 + x1) / 2)}" y="${f(lane - 5)}" font-size="10" font-style="italic" text-anchor="middle" fill="${RECYCLE_COLOUR}" stroke="#ffffff" stroke-width="2.5" stroke-opacity="0.85" paint-order="stroke">${escapeXml(text)}</text>`);
  }
  out.push('</g>');
  return out;
}

/** Footer: the plant balance the picture shows (feed + make-up = the sinks), and the recycles inside. */
function footerSvg({ nodes, links }: SankeyGraph, { recycles, laneTop }: SankeyLayout, tears: ReadonlySet<string>): string[] {
  const feedIn = nodes.get('feed')!.outflow;
  const makeUp = links.filter((l) => l.makeup).reduce((a, l) => a + l.value, 0);
  const sinks = [...nodes.values()].filter((n) => n.kind === 'sink');
  const outTotal = sinks.reduce((a, n) => a + n.inflow, 0);
  let fy = laneTop + 14;
  const footer = [
    `in: feed ${fmtNumber(feedIn)} + make-up ${fmtNumber(makeUp)} = ${fmtNumber(feedIn + makeUp)} kg/h`,
    `out: ${sinks.map((n) => `${n.id} ${fmtNumber(n.inflow)}`).join(' + ')} = ${fmtNumber(outTotal)} kg/h`,
    ...recycles.map((l) => `recycle${tears.has(l.stream) ? ' (tear stream)' : ''} inside the plant, not counted above: ${l.stream} ${fmtNumber(l.value)} kg/h`),
  ];
  const out: string[] = [`<g class="footer" font-size="10" fill="#455a64" data-in-kg-per-h="${feedIn + makeUp}" data-out-kg-per-h="${outTotal}">`];
  for (const line of footer) { out.push(`<text x="${MARGIN.left}" y="${f(fy)}">${escapeXml(line)}</text>`); fy += 16; }
  out.push('</g>');
  return out;
}

interface Rect { x0: number; y0: number; x1: number; y1: number }

const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const f = (x: number) => String(Math.round(x * 10) / 10);
const bandSum = (ls: SLink[]) => ls.reduce((a, l) => a + l.width, 0);

/** y of the horizontal-tangent cubic between ya and yb at parameter t. */
function bezierY(ya: number, yb: number, t: number): number {
  const s = 3 * t * t - 2 * t * t * t;
  return ya + (yb - ya) * s;
}

/** Order nodes within columns by the barycentre of their neighbours (a few sweeps). */
function orderColumns(columns: SNode[][]): void {
  const pos = new Map<SNode, number>();
  const assign = () => columns.forEach((c) => c.forEach((n, i) => pos.set(n, (i + 0.5) / c.length)));
  columns.forEach((c) => c.sort((a, b) => a.rank - b.rank));
  assign();
  const bary = (n: SNode, side: 'ins' | 'outs') => {
    const ls = n[side].filter((l) => !l.recycle);
    const w = ls.reduce((a, l) => a + l.value, 0);
    if (w <= 0) return pos.get(n)!;
    return ls.reduce((a, l) => a + l.value * pos.get(side === 'ins' ? l.source : l.target)!, 0) / w;
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    const leftToRight = sweep % 2 === 0;
    const order = leftToRight ? columns : [...columns].reverse();
    for (const c of order) {
      if (c.some((n) => n.kind === 'sink')) continue; // sinks keep product, byproduct, waste, emissions
      const key = new Map(c.map((n) => [n, n.kind === 'makeup' ? pos.get(n.outs[0]!.target)! - 1e-6 : bary(n, leftToRight ? 'ins' : 'outs')]));
      c.sort((a, b) => key.get(a)! - key.get(b)! || a.rank - b.rank);
      c.forEach((n, i) => pos.set(n, (i + 0.5) / c.length));
    }
  }
}

/** Stack each column, then relax node positions toward their neighbours (as d3-sankey does). */
function layoutColumns(columns: SNode[][], heightOf: (n: SNode) => number): void {
  const top = MARGIN.top;
  const bottom = MARGIN.top + FLOW_HEIGHT;
  for (const c of columns) {
    const total = c.reduce((a, n) => a + heightOf(n), 0) + (c.length - 1) * NODE_PAD;
    let y = top + Math.max(0, (FLOW_HEIGHT - total) / 2);
    for (const n of c) { n.y0 = y; n.y1 = y + heightOf(n); y = n.y1 + NODE_PAD; }
  }
  const centre = (n: SNode) => (n.y0 + n.y1) / 2;
  for (let it = 0; it < 24; it++) {
    const alpha = 0.9 ** it * 0.6;
    const order = it % 2 === 0 ? columns : [...columns].reverse();
    for (const c of order) {
      for (const n of c) {
        const ls = (it % 2 === 0 ? n.ins : n.outs).filter((l) => !l.recycle);
        const w = ls.reduce((a, l) => a + l.value, 0);
        if (w <= 0) continue;
        const target = ls.reduce((a, l) => a + l.value * centre(it % 2 === 0 ? l.source : l.target), 0) / w;
        const dy = (target - centre(n)) * alpha;
        n.y0 += dy; n.y1 += dy;
      }
      resolve(c);
    }
  }
  function resolve(c: SNode[]) {
    c.sort((a, b) => a.y0 - b.y0);
    let y = top;
    for (const n of c) { const h = n.y1 - n.y0; if (n.y0 < y) { n.y0 = y; n.y1 = y + h; } y = n.y1 + NODE_PAD; }
    let yb = Math.max(bottom, y - NODE_PAD);
    if (y - NODE_PAD > bottom) {
      yb = bottom;
      for (let i = c.length - 1; i >= 0; i--) { const n = c[i]!; const h = n.y1 - n.y0; if (n.y1 > yb) { n.y1 = yb; n.y0 = yb - h; } yb = n.y0 - NODE_PAD; }
      // If the column is taller than the flow area, keep it from rising above the top.
      const first = c[0];
      if (first && first.y0 < top) { const d = top - first.y0; for (const n of c) { n.y0 += d; n.y1 += d; } }
    }
  }
}

/** Where each band leaves and enters its nodes: stacked in the order of the other end; recycles last. */
function placeBands(nodes: Map<string, SNode>): void {
  const centre = (n: SNode) => (n.y0 + n.y1) / 2;
  for (const n of nodes.values()) {
    const outs = [...n.outs].sort((a, b) => Number(a.recycle) - Number(b.recycle) || centre(a.target) - centre(b.target));
    let y = n.y0 + Math.max(0, (n.y1 - n.y0 - bandSum(outs)) / 2);
    for (const l of outs) { l.ys = y + l.width / 2; y += l.width; }
    const ins = [...n.ins].sort((a, b) => Number(a.recycle) - Number(b.recycle) || centre(a.source) - centre(b.source));
    y = n.y0 + Math.max(0, (n.y1 - n.y0 - bandSum(ins)) / 2);
    for (const l of ins) { l.yt = y + l.width / 2; y += l.width; }
  }
}
