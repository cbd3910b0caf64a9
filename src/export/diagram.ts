/**
 * Flowsheet picture (SVG): units as boxes (id, kind and name), the boundary nodes the flowsheet
 * uses (feed, product, byproduct, waste, emissions), every stream as an arrow labelled with its
 * ports, laid out left to right with @dagrejs/dagre. Recycle loops stay visible: the recycle
 * streams (back edges, see recycleStreams) are laid out running back and drawn red, labelled
 * "recycle"; the solver's tear streams are dashed and labelled "(tear)". Pure: the same flowsheet
 * gives the same SVG. Every text from the input files is XML-escaped.
 */
import dagre from '@dagrejs/dagre';
import { BOUNDARIES } from '../schema/kinds.js';
import type { Model, ResolvedFlowsheet } from '../pipeline/resolve.js';
import type { GraphStream } from '../graph/build.js';

// ---- SVG text helpers (shared by sankey.ts and charts.ts)

/** Escape text for XML element content and attribute values. Drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escape text for XML element content only (quotes stay readable, e.g. in 'Sheet'!$A$1 formulas). */
export function escapeText(text: string): string {
  return escapeXml(text).replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

/** Font stack of every picture (DejaVu Sans is what the PNG renderer finds on Debian). */
export const FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, sans-serif";

// Advance widths of DejaVu Sans in em (the widest common sans font, so estimates are safe).
const NARROW = new Set([...'ijl|!.,:;\'`I']);
const SEMI = new Set([...' frt-()[]{}/\\"*']);
const WIDE = new Set([...'mwMW@%']);

/** Estimated width of `text` in px at `fontSize` (DejaVu Sans metrics, rounded up). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.3;
    else if (SEMI.has(ch)) em += 0.42;
    else if (WIDE.has(ch)) em += 0.95;
    else if (ch >= 'A' && ch <= 'Z') em += 0.74;
    else if (ch.charCodeAt(0) > 0x2000) em += 0.85;
    else em += 0.63;
  }
  return Math.ceil(em * fontSize);
}

/** Shorten text to at most `max` characters with an ellipsis. */
export function ellipsize(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** A number for a picture: rounded to a sensible precision, thousands separated. */
export function fmtNumber(x: number): string {
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 100) return Math.round(x).toLocaleString('en-US');
  if (a >= 1) return x.toFixed(1);
  if (a >= 0.01) return x.toFixed(3);
  return x.toExponential(1);
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** SVG path through points as a uniform cubic B-spline (d3's curveBasis): smooth, passes the ends. */
export function basisPath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const p = points.map((q) => ({ x: r1(q.x), y: r1(q.y) }));
  if (p.length < 3) return `M${p[0]!.x},${p[0]!.y}` + p.slice(1).map((q) => `L${q.x},${q.y}`).join('');
  let d = `M${p[0]!.x},${p[0]!.y}`;
  const seg = (x0: number, y0: number, x1: number, y1: number, x: number, y: number) =>
    `C${r1((2 * x0 + x1) / 3)},${r1((2 * y0 + y1) / 3)},${r1((x0 + 2 * x1) / 3)},${r1((y0 + 2 * y1) / 3)},${r1((x0 + 4 * x1 + x) / 6)},${r1((y0 + 4 * y1 + y) / 6)}`;
  d += `L${r1((5 * p[0]!.x + p[1]!.x) / 6)},${r1((5 * p[0]!.y + p[1]!.y) / 6)}`;
  for (let i = 2; i < p.length; i++) d += seg(p[i - 2]!.x, p[i - 2]!.y, p[i - 1]!.x, p[i - 1]!.y, p[i]!.x, p[i]!.y);
  const a = p[p.length - 2]!;
  const b = p[p.length - 1]!;
  d += seg(a.x, a.y, b.x, b.y, b.x, b.y);
  d += `L${b.x},${b.y}`;
  return d;
}

// ---- colours

/** Fill and stroke of each boundary node. */
export const BOUNDARY_STYLE: Record<string, { fill: string; stroke: string; text: string }> = {
  feed: { fill: '#e3f2e1', stroke: '#2e7d32', text: '#1b5e20' },
  product: { fill: '#e1ecf9', stroke: '#1565c0', text: '#0d47a1' },
  byproduct: { fill: '#fdf0d5', stroke: '#b26a00', text: '#7a4a00' },
  waste: { fill: '#efe7e3', stroke: '#6d4c41', text: '#4e342e' },
  emissions: { fill: '#eceff1', stroke: '#607d8b', text: '#37474f' },
  reagents: { fill: '#f3e5f5', stroke: '#7b1fa2', text: '#4a148c' },
};

/** Colour of recycle (tear) streams. */
export const RECYCLE_COLOUR = '#d84315';

const UNIT_FILL = '#ffffff';
const UNIT_STROKE = '#37474f';
const EDGE_COLOUR = '#546e7a';

// ---- the flowsheet picture

/** The tear streams of a flowsheet (the recycle streams the solver iterates). */
export function tearStreams(fs: ResolvedFlowsheet): Set<string> {
  return new Set(fs.graph.order.flatMap((b) => b.tears));
}

/**
 * The recycle streams of a flowsheet as a reader sees them: the back edges of a depth-first walk
 * from the feed that follows streams in file order. Removing them leaves the graph acyclic, so the
 * pictures lay out the rest left to right and draw these running back. They are often, but not
 * always, the solver's tear streams (the solver may cut a loop elsewhere).
 */
export function recycleStreams(fs: ResolvedFlowsheet): Set<string> {
  const outOf = new Map<string, GraphStream[]>();
  for (const s of fs.graph.streams) outOf.set(s.from.node, [...(outOf.get(s.from.node) ?? []), s]);
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  // Iterative DFS (flowsheets are small, but stay safe from deep recursion).
  const visit = (root: string) => {
    const stack: { node: string; i: number }[] = [{ node: root, i: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const edges = outOf.get(top.node) ?? [];
      if (top.i >= edges.length) { state.set(top.node, 2); stack.pop(); continue; }
      const e = edges[top.i++]!;
      const st = state.get(e.to.node);
      if (st === 1) back.add(e.id);
      else if (st === undefined) { state.set(e.to.node, 1); stack.push({ node: e.to.node, i: 0 }); }
    }
  };
  visit('feed');
  for (const u of fs.units) if (!state.has(u.id)) visit(u.id);
  return back;
}

/** Label of a stream on the picture: its ports, "from → to" (boundaries have none). */
export function portLabel(s: GraphStream): string {
  const parts = [s.from.port, s.to.port].filter((p): p is string => p !== null);
  if (parts.length === 2 && parts[0] === parts[1]) return parts[0]!;
  return parts.join(' → ');
}

interface Box { width: number; height: number; lines: { text: string; size: number; weight?: 'bold'; colour: string }[]; title: string; boundary: boolean }

const FS_FONT = 12;

/** SVG of a scenario's flowsheet. */
export function flowsheetSvg(model: Model): string {
  return flowsheetSvgOf(model.flowsheet);
}

/** SVG of a validated flowsheet (a flowsheet file given on its own has no scenario). */
export function flowsheetSvgOf(fs: ResolvedFlowsheet): string {
  const tears = tearStreams(fs);
  const recycles = recycleStreams(fs);
  const labelOf = (s: GraphStream) => `${recycles.has(s.id) ? 'recycle: ' : ''}${portLabel(s)}${tears.has(s.id) ? ' (tear)' : ''}`;
  const g = new dagre.graphlib.Graph({ directed: true, multigraph: true, compound: false });
  g.setGraph({ rankdir: 'LR', nodesep: 22, edgesep: 14, ranksep: 46, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));

  const used = new Set<string>();
  for (const s of fs.graph.streams) { used.add(s.from.node); used.add(s.to.node); }
  const boxes = new Map<string, Box>();
  for (const b of BOUNDARIES) {
    if (!used.has(b)) continue;
    const w = textWidth(b, FS_FONT) + 28;
    boxes.set(b, { width: Math.max(w, 72), height: 30, lines: [{ text: b, size: FS_FONT, weight: 'bold', colour: BOUNDARY_STYLE[b]!.text }], title: `boundary: ${b}`, boundary: true });
  }
  for (const u of fs.units) {
    const lines: Box['lines'] = [
      { text: u.id, size: 13, weight: 'bold', colour: '#212121' },
      { text: u.kind, size: 11, colour: '#546e7a' },
    ];
    if (u.name && u.name !== u.id) lines.push({ text: ellipsize(u.name, 34), size: 10, colour: '#78909c' });
    const width = Math.max(90, ...lines.map((l) => textWidth(l.text, l.size) + 20));
    boxes.set(u.id, { width, height: 14 + lines.length * 15, lines, title: `${u.id} (${u.kind})${u.name ? ` — ${u.name}` : ''}`, boundary: false });
  }
  for (const [id, b] of boxes) g.setNode(id, { width: b.width, height: b.height });

  // Edges: recycles reversed so the layout stays acyclic and left to right; labels get room.
  fs.graph.streams.forEach((s) => {
    const back = recycles.has(s.id);
    const label = labelOf(s);
    const lw = label ? textWidth(label, 10) + 6 : 0;
    const [v, w] = back ? [s.to.node, s.from.node] : [s.from.node, s.to.node];
    g.setEdge(v, w, { width: lw, height: label ? 14 : 0, labelpos: 'c', minlen: 1, weight: back ? 1 : 2 }, s.id);
  });
  dagre.layout(g);

  const graphLabel = g.graph() as { width?: number; height?: number };
  const titleH = 30;
  const legendH = 30;
  const width = Math.ceil(Math.max(graphLabel.width ?? 0, textWidth(fs.name, 14) + 40, 600));
  const height = Math.ceil((graphLabel.height ?? 0) + titleH + legendH);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`);
  out.push(`<title>${escapeXml(`Flowsheet ${fs.id}: ${fs.name}`)}</title>`);
  out.push('<defs>'
    + `<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${EDGE_COLOUR}"/></marker>`
    + `<marker id="arrow-recycle" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${RECYCLE_COLOUR}"/></marker>`
    + '</defs>');
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="21" font-size="14" font-weight="bold" fill="#212121">${escapeXml(fs.name)} <tspan font-weight="normal" fill="#78909c">(${escapeXml(fs.id)})</tspan></text>`);
  out.push(`<g transform="translate(0,${titleH})">`);

  // Edges first (under the boxes), then labels, then nodes.
  const labels: string[] = [];
  out.push('<g class="streams" fill="none">');
  for (const s of fs.graph.streams) {
    const tear = tears.has(s.id);
    const back = recycles.has(s.id);
    const [v, w] = back ? [s.to.node, s.from.node] : [s.from.node, s.to.node];
    const e = g.edge({ v, w, name: s.id }) as { points?: { x: number; y: number }[]; x?: number; y?: number } | undefined;
    if (!e?.points) continue;
    const pts = back ? [...e.points].reverse() : e.points;
    const red = tear || back;
    const cls = ['stream', ...(back ? ['recycle'] : []), ...(tear ? ['tear'] : [])].join(' ');
    const attrs = `class="${cls}" stroke="${red ? RECYCLE_COLOUR : EDGE_COLOUR}" stroke-width="${red ? 2 : 1.4}"${tear ? ' stroke-dasharray="7 4"' : ''} marker-end="url(#${red ? 'arrow-recycle' : 'arrow'})"`;
    const what = [back ? 'recycle' : '', tear ? 'tear stream' : ''].filter(Boolean).join(', ');
    out.push(`<path data-stream="${escapeXml(s.id)}" ${attrs} d="${basisPath(pts)}"><title>${escapeXml(`${s.id}${what ? ` (${what})` : ''}`)}</title></path>`);
    const label = labelOf(s);
    if (label && e.x !== undefined && e.y !== undefined) {
      const lw = textWidth(label, 10) + 6;
      labels.push(`<g class="stream-label${red ? ' recycle' : ''}"><rect x="${r1(e.x - lw / 2)}" y="${r1(e.y - 7)}" width="${lw}" height="14" rx="3" fill="#ffffff" fill-opacity="0.9"/>`
        + `<text x="${r1(e.x)}" y="${r1(e.y + 3.5)}" font-size="10" text-anchor="middle" fill="${red ? RECYCLE_COLOUR : '#455a64'}"${red ? ' font-style="italic"' : ''}>${escapeXml(label)}</text></g>`);
    }
  }
  out.push('</g>');
  out.push('<g class="labels">', ...labels, '</g>');

  out.push('<g class="nodes">');
  for (const [id, b] of boxes) {
    const n = g.node(id) as { x: number; y: number };
    const x = r1(n.x - b.width / 2);
    const y = r1(n.y - b.height / 2);
    const style = b.boundary ? BOUNDARY_STYLE[id]! : { fill: UNIT_FILL, stroke: UNIT_STROKE };
    out.push(`<g class="${b.boundary ? 'boundary' : 'unit'}" data-node="${escapeXml(id)}"><title>${escapeXml(b.title)}</title>`);
    out.push(`<rect x="${x}" y="${y}" width="${b.width}" height="${b.height}" rx="${b.boundary ? 15 : 5}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${b.boundary ? 1.5 : 1.2}"/>`);
    const total = b.lines.reduce((a, l) => a + l.size + 3, -3);
    let ty = n.y - total / 2;
    for (const l of b.lines) {
      ty += l.size;
      out.push(`<text x="${r1(n.x)}" y="${r1(ty - 1.5)}" font-size="${l.size}" text-anchor="middle" fill="${l.colour}"${l.weight ? ` font-weight="${l.weight}"` : ''}>${escapeXml(l.text)}</text>`);
      ty += 3;
    }
    out.push('</g>');
  }
  out.push('</g>');
  out.push('</g>');

  // Legend.
  const ly = height - 12;
  out.push(`<g class="legend" font-size="10" fill="#455a64">`
    + `<path d="M16,${ly - 4}H44" stroke="${EDGE_COLOUR}" stroke-width="1.4" marker-end="url(#arrow)"/><text x="50" y="${ly}">stream (ports from → to)</text>`
    + `<path d="M190,${ly - 4}H218" stroke="${RECYCLE_COLOUR}" stroke-width="2" marker-end="url(#arrow-recycle)"/><text x="224" y="${ly}">recycle (runs back)</text>`
    + `<path d="M340,${ly - 4}H368" stroke="${RECYCLE_COLOUR}" stroke-width="2" stroke-dasharray="7 4" marker-end="url(#arrow-recycle)"/><text x="374" y="${ly}">tear stream (the solver iterates on it)</text>`
    + '</g>');
  out.push('</svg>');
  return out.join('\n');
}
