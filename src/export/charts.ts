/**
 * Native Excel charts. exceljs cannot write charts, so the workbook is written with exceljs first
 * and this module adds DrawingML chart parts to its package (xlsx.ts xlsxParts, or a saved zip)
 * before it is zipped:
 * `xl/charts/chartN.xml` (the chart, reading live cell ranges through `c:f` references), a
 * `twoCellAnchor` graphic frame in the sheet's drawing (`xl/drawings/drawingN.xml`, created or
 * merged into the one exceljs wrote for embedded images), the drawing → chart and sheet → drawing
 * relationships, and the content types. Excel and LibreOffice draw the charts from the cells, so a
 * changed input updates them. Never load the result back into exceljs (it drops charts).
 */
import JSZip from 'jszip';
import { escapeXml, escapeText } from './diagram.js';
import { msg } from '../schema/messages.js';
import { partText, type Parts } from './zip.js';

/** One data series of a chart. */
export interface ChartSeries {
  /** Literal text, or a one-cell reference such as "'Summary'!$B$3" (then the cell's text is the name). */
  name: string;
  /** Range of the category labels (bar, column, line) or of the x values (scatter), e.g. "'Summary'!$A$10:$A$14". */
  categories: string;
  /** Range of the values (y values for scatter). */
  values: string;
}

/**
 * A chart to add. `from`/`to` are 0-based cells of the anchor (top-left and bottom-right).
 * `xTitle` labels the category axis (the x values for scatter) and `yTitle` the value axis,
 * whatever the bar direction: for 'bar'/'barStacked' (horizontal bars) the categories run
 * down the left side and the values along the bottom.
 */
export interface ChartSpec {
  sheet: string;
  from: { col: number; row: number };
  to: { col: number; row: number };
  /** A fixed size in pixels: the chart is anchored at `from` only (one-cell anchor), whatever the column widths. */
  ext?: { widthPx: number; heightPx: number };
  /** Where the legend goes (bottom by default; right for many series). */
  legend?: 'b' | 'r';
  /** Value axis: bounds (a bar chart's axis starts at zero) and number format. */
  axis?: { min?: number; max?: number; numFmt?: string };
  type: 'bar' | 'barStacked' | 'column' | 'columnStacked' | 'line' | 'scatter';
  title: string;
  xTitle?: string;
  yTitle?: string;
  series: ChartSeries[];
}

/** A range on a sheet for a chart: `'Sheet name'!$A$1:$A$5`, the name quoted (quotes doubled). */
export function sheetRange(sheet: string, range: string): string {
  const abs = range.split(':').map((c) => c.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, (_m, col: string, row: string) => `$${col.toUpperCase()}$${row}`)).join(':');
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
};
const CT = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Series colours: Tableau 10 (d3 category10), then the darker tones of d3 category20b — twenty
 * distinct colours, so no two series of a chart share one (a chart with more series is refused).
 */
export const PALETTE = ['1F77B4', 'FF7F0E', '2CA02C', 'D62728', '9467BD', '8C564B', 'E377C2', '7F7F7F', 'BCBD22', '17BECF', '393B79', 'BD9E39', '637939', 'AD494A', 'A55194', '5254A3', '8CA252', '8C6D31', '843C39', '7B4173'];

/** A one-cell or range reference: optional quoted or plain sheet name, then A1-style cells. */
const REF = /^(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * Add native charts to a saved xlsx (bytes from exceljs `writeBuffer`); returns the new bytes, the
 * parts stored uncompressed.
 */
export async function addCharts(xlsx: Buffer, charts: ChartSpec[]): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts: Parts = new Map();
  for (const [path, f] of Object.entries(zip.files)) if (!f.dir) parts.set(path, await f.async('uint8array'));
  for (const [path, xml] of chartEdits(parts, charts)) zip.file(path, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** Add native charts to a workbook's parts (xlsx.ts xlsxParts), before they are zipped (zip.ts zipParts). */
export function addChartParts(parts: Parts, charts: ChartSpec[]): void {
  for (const [path, xml] of chartEdits(parts, charts)) parts.set(path, xml);
}

/**
 * The parts that adding `charts` to a package writes (new or changed), in the order written; the
 * package is read as JSZip reads it back (zip.ts partText).
 */
function chartEdits(parts: ReadonlyMap<string, string | Uint8Array>, charts: ChartSpec[]): Map<string, string> {
  const edits = new Map<string, string>();
  if (charts.length === 0) return edits;
  for (const c of charts) checkSpec(c);
  const pkg: Package = {
    paths: [...parts.keys()],
    read: (path) => { const part = edits.get(path) ?? parts.get(path); return part === undefined ? undefined : partText(part); },
  };
  const sheets = sheetFiles(pkg);
  let contentTypes = text(pkg, '[Content_Types].xml');
  let nextChart = nextNumber(pkg, /^xl\/charts\/chart(\d+)\.xml$/);
  let nextDrawing = nextNumber(pkg, /^xl\/drawings\/drawing(\d+)\.xml$/);

  // Group by sheet, keeping the given order.
  const bySheet = new Map<string, ChartSpec[]>();
  for (const c of charts) {
    if (!sheets.has(c.sheet)) throw new Error(msg.chartSheetMissing(c.sheet, [...sheets.keys()]));
    bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  }

  for (const [sheetName, specs] of bySheet) {
    const sheetPath = sheets.get(sheetName)!;
    const sheetRelsPath = relsPathOf(sheetPath);
    let sheetXml = text(pkg, sheetPath);
    let sheetRels = pkg.read(sheetRelsPath) ?? emptyRels();

    // The sheet's drawing: the one it has (exceljs writes one for images), or a new one.
    let drawingPath: string;
    const drawingRelId = sheetXml.match(/<drawing\b[^>]*\br:id="([^"]+)"/)?.[1];
    const existing = drawingRelId ? relationships(sheetRels).find((r) => r.id === drawingRelId) : undefined;
    if (existing) {
      drawingPath = resolveTarget(sheetPath, existing.target);
    } else {
      drawingPath = `xl/drawings/drawing${nextDrawing++}.xml`;
      const id = freeRelId(sheetRels);
      sheetRels = addRelationship(sheetRels, id, REL.drawing, relativeTarget(sheetPath, drawingPath));
      sheetXml = insertDrawingElement(sheetXml, id);
      edits.set(drawingPath, `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:c="${NS.c}"></xdr:wsDr>`);
      contentTypes = addOverride(contentTypes, `/${drawingPath}`, CT.drawing);
    }
    const drawingRelsPath = relsPathOf(drawingPath);
    let drawingXml = text(pkg, drawingPath);
    let drawingRels = pkg.read(drawingRelsPath) ?? emptyRels();
    let shapeId = Math.max(0, ...[...drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;

    const anchors: string[] = [];
    for (const spec of specs) {
      const chartPath = `xl/charts/chart${nextChart++}.xml`;
      edits.set(chartPath, chartXml(spec));
      contentTypes = addOverride(contentTypes, `/${chartPath}`, CT.chart);
      const relId = freeRelId(drawingRels);
      drawingRels = addRelationship(drawingRels, relId, REL.chart, relativeTarget(drawingPath, chartPath));
      anchors.push(anchorXml(spec, relId, shapeId++));
    }
    const close = drawingXml.lastIndexOf('</xdr:wsDr>');
    if (close < 0) throw new Error(`addCharts: ${drawingPath} has no </xdr:wsDr> (not a spreadsheet drawing)`);
    drawingXml = drawingXml.slice(0, close) + anchors.join('') + drawingXml.slice(close);
    edits.set(drawingPath, drawingXml);
    edits.set(drawingRelsPath, drawingRels);
    edits.set(sheetRelsPath, sheetRels);
    edits.set(sheetPath, sheetXml);
  }
  edits.set('[Content_Types].xml', contentTypes);
  return edits;
}

function checkSpec(c: ChartSpec): void {
  const bad = (why: string) => { throw new Error(msg.chartSpecInvalid(c.title, c.sheet, why)); };
  if (!c.series.length) bad('it has no series');
  if (c.series.length > PALETTE.length) bad(`it has ${c.series.length} series, more than the ${PALETTE.length} distinct colours`);
  for (const k of ['from', 'to'] as const) {
    const p = c[k];
    if (!(Number.isInteger(p.col) && Number.isInteger(p.row) && p.col >= 0 && p.row >= 0)) bad(`its ${k} anchor is not a pair of 0-based cell indices (col ${p.col}, row ${p.row})`);
  }
  if (c.to.col < c.from.col || c.to.row < c.from.row) bad(`its anchor ends above or left of where it starts`);
  for (const s of c.series) {
    if (!REF.test(s.values)) bad(`the values of series "${s.name}" are not a cell range (${s.values})`);
    if (!REF.test(s.categories)) bad(`the categories of series "${s.name}" are not a cell range (${s.categories})`);
  }
}

// ---- chart XML

function rich(textValue: string, size: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>`
    + `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeText(textValue)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function titleXml(textValue: string, size: number): string {
  return `<c:title>${rich(textValue, size, true)}<c:overlay val="0"/></c:title>`;
}

function seriesName(name: string): string {
  return REF.test(name)
    ? `<c:tx><c:strRef><c:f>${escapeText(name)}</c:f></c:strRef></c:tx>`
    : `<c:tx><c:v>${escapeText(name)}</c:v></c:tx>`;
}

const numRef = (f: string) => `<c:numRef><c:f>${escapeText(f)}</c:f></c:numRef>`;
const strRef = (f: string) => `<c:strRef><c:f>${escapeText(f)}</c:f></c:strRef>`;

function fill(colour: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>`;
}

function lineProps(colour: string, scatter: boolean): string {
  return `<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr>`
    + `<c:marker><c:symbol val="${scatter ? 'circle' : 'circle'}"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr></c:marker>`;
}

interface AxisOptions {
  gridlines: boolean;
  crossBetween?: 'between' | 'midCat';
  reversed?: boolean;
  crossesMax?: boolean;
  labelsLow?: boolean;
  min?: number;
  max?: number;
  numFmt?: string;
}

function axisXml(kind: 'cat' | 'val', id: number, cross: number, pos: 'b' | 'l', title: string | undefined, opts: AxisOptions): string {
  const bounds = `${opts.max !== undefined ? `<c:max val="${opts.max}"/>` : ''}${opts.min !== undefined ? `<c:min val="${opts.min}"/>` : ''}`;
  const parts = [
    `<c:axId val="${id}"/>`,
    `<c:scaling><c:orientation val="${opts.reversed ? 'maxMin' : 'minMax'}"/>${bounds}</c:scaling>`,
    '<c:delete val="0"/>',
    `<c:axPos val="${pos}"/>`,
    opts.gridlines ? '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' : '',
    title ? titleXml(title, 1000) : '',
    kind === 'val' ? (opts.numFmt ? `<c:numFmt formatCode="${escapeXml(opts.numFmt)}" sourceLinked="0"/>` : '<c:numFmt formatCode="General" sourceLinked="1"/>') : '',
    '<c:majorTickMark val="out"/>',
    '<c:minorTickMark val="none"/>',
    // Category (and scatter x) labels sit at the low end, clear of negative bars; value labels next to their axis.
    `<c:tickLblPos val="${(opts.labelsLow ?? kind === 'cat') ? 'low' : 'nextTo'}"/>`,
    `<c:crossAx val="${cross}"/>`,
    `<c:crosses val="${opts.crossesMax ? 'max' : 'autoZero'}"/>`,
  ];
  if (kind === 'cat') parts.push('<c:auto val="1"/>', '<c:lblAlgn val="ctr"/>', '<c:lblOffset val="100"/>', '<c:noMultiLvlLbl val="0"/>');
  else parts.push(`<c:crossBetween val="${opts.crossBetween ?? 'between'}"/>`);
  return `<c:${kind}Ax>${parts.join('')}</c:${kind}Ax>`;
}

/** The chart part (xl/charts/chartN.xml) of one spec. */
export function chartXml(spec: ChartSpec): string {
  const catId = 500000001;
  const valId = 500000002;
  let plot: string;
  let axes: string;
  const t = spec.type;
  if (t === 'scatter') {
    const sers = spec.series.map((s, i) => {
      const colour = PALETTE[i % PALETTE.length]!;
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(s.name)}${lineProps(colour, true)}`
        + `<c:xVal>${numRef(s.categories)}</c:xVal><c:yVal>${numRef(s.values)}</c:yVal><c:smooth val="0"/></c:ser>`;
    }).join('');
    plot = `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${sers}<c:axId val="${catId}"/><c:axId val="${valId}"/></c:scatterChart>`;
    axes = axisXml('val', catId, valId, 'b', spec.xTitle, { gridlines: false, crossBetween: 'midCat', labelsLow: true })
      + axisXml('val', valId, catId, 'l', spec.yTitle, { gridlines: true, crossBetween: 'midCat', ...spec.axis });
  } else if (t === 'line') {
    const sers = spec.series.map((s, i) => {
      const colour = PALETTE[i % PALETTE.length]!;
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(s.name)}${lineProps(colour, false)}`
        + `<c:cat>${strRef(s.categories)}</c:cat><c:val>${numRef(s.values)}</c:val><c:smooth val="0"/></c:ser>`;
    }).join('');
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/><c:axId val="${catId}"/><c:axId val="${valId}"/></c:lineChart>`;
    axes = axisXml('cat', catId, valId, 'b', spec.xTitle, { gridlines: false }) + axisXml('val', valId, catId, 'l', spec.yTitle, { gridlines: true, ...spec.axis });
  } else {
    const horizontal = t === 'bar' || t === 'barStacked';
    const stacked = t === 'barStacked' || t === 'columnStacked';
    const sers = spec.series.map((s, i) => {
      const colour = PALETTE[i % PALETTE.length]!;
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${seriesName(s.name)}${fill(colour)}<c:invertIfNegative val="0"/>`
        + `<c:cat>${strRef(s.categories)}</c:cat><c:val>${numRef(s.values)}</c:val></c:ser>`;
    }).join('');
    plot = `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${sers}`
      + `<c:gapWidth val="${stacked ? 60 : 120}"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="${catId}"/><c:axId val="${valId}"/></c:barChart>`;
    // Horizontal bars list the first category on top (reversed category axis, values still at the bottom).
    axes = axisXml('cat', catId, valId, horizontal ? 'l' : 'b', spec.xTitle, { gridlines: false, reversed: horizontal })
      + axisXml('val', valId, catId, horizontal ? 'b' : 'l', spec.yTitle, { gridlines: true, crossesMax: horizontal, ...spec.axis });
  }
  const legend = spec.series.length > 1 ? `<c:legend><c:legendPos val="${spec.legend ?? 'b'}"/><c:overlay val="0"/></c:legend>` : '';
  return `${XML_HEAD}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">`
    + '<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>'
    + `<c:chart>${titleXml(spec.title, 1300)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`
    + '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>'
    + '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>'
    + '</c:chartSpace>';
}

/** The graphic frame anchoring a chart on the sheet (namespaces declared locally, so it fits any drawing). */
function anchorXml(spec: ChartSpec, relId: string, shapeId: number): string {
  const cell = (tag: 'from' | 'to', p: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const EMU_PER_PX = 9525;
  const [open, close] = spec.ext
    ? [`<xdr:oneCellAnchor>${cell('from', spec.from)}<xdr:ext cx="${Math.round(spec.ext.widthPx * EMU_PER_PX)}" cy="${Math.round(spec.ext.heightPx * EMU_PER_PX)}"/>`, '</xdr:oneCellAnchor>']
    : [`<xdr:twoCellAnchor editAs="oneCell">${cell('from', spec.from)}${cell('to', spec.to)}`, '</xdr:twoCellAnchor>'];
  return `${open}`
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(`Chart ${shapeId}: ${spec.title}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
    + `<xdr:xfrm><a:off xmlns:a="${NS.a}" x="0" y="0"/><a:ext xmlns:a="${NS.a}" cx="0" cy="0"/></xdr:xfrm>`
    + `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>`
    + `</xdr:graphicFrame><xdr:clientData/>${close}`;
}

// ---- package plumbing

/** A package as adding charts reads it: its part paths, and the text of a part (undefined when absent). */
interface Package {
  paths: readonly string[];
  read(path: string): string | undefined;
}

function text(pkg: Package, path: string): string {
  const t = pkg.read(path);
  if (t === undefined) throw new Error(`addCharts: the workbook has no ${path}`);
  return t;
}

function nextNumber(pkg: Package, re: RegExp): number {
  let max = 0;
  for (const p of pkg.paths) { const m = re.exec(p); if (m) max = Math.max(max, Number(m[1])); }
  return max + 1;
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

interface Rel { id: string; type: string; target: string }

function relationships(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({ id: attr(m[0], 'Id') ?? '', type: attr(m[0], 'Type') ?? '', target: attr(m[0], 'Target') ?? '' }));
}

function emptyRels(): string {
  return `${XML_HEAD}<Relationships xmlns="${NS.rels}"></Relationships>`;
}

function freeRelId(xml: string): string {
  const used = new Set(relationships(xml).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addRelationship(xml: string, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (/<Relationships\b[^>]*\/>/.test(xml)) return xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
  const close = xml.lastIndexOf('</Relationships>');
  if (close < 0) throw new Error('addCharts: malformed relationships part');
  return xml.slice(0, close) + rel + xml.slice(close);
}

function addOverride(xml: string, part: string, type: string): string {
  if (xml.includes(`PartName="${part}"`)) return xml;
  const close = xml.lastIndexOf('</Types>');
  if (close < 0) throw new Error('addCharts: malformed [Content_Types].xml');
  return xml.slice(0, close) + `<Override PartName="${part}" ContentType="${type}"/>` + xml.slice(close);
}

/** Part path of the relationships of `part` (xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels). */
function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** Resolve a relationship target against the part that owns it (absolute targets start with /). */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Relative target from one part to another (both package paths without a leading slash). */
function relativeTarget(fromPart: string, toPart: string): string {
  const a = fromPart.split('/').slice(0, -1);
  const b = toPart.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** Sheet name → worksheet part path, from xl/workbook.xml and its relationships. */
function sheetFiles(pkg: Package): Map<string, string> {
  const wbPath = resolveTarget('', relationships(text(pkg, '_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml');
  const wb = text(pkg, wbPath);
  const rels = relationships(text(pkg, relsPathOf(wbPath)));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const rel = rels.find((r) => r.id === rid && r.type === REL.worksheet);
    if (name !== undefined && rel) out.set(name, resolveTarget(wbPath, rel.target));
  }
  return out;
}

/** Elements a worksheet may have after <drawing> (CT_Worksheet order): the drawing goes before the first. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function insertDrawingElement(sheetXml: string, relId: string): string {
  const el = `<drawing r:id="${relId}"/>`;
  // Walk the tags, tracking depth, to find the first child of <worksheet> that must follow <drawing>
  // (nested elements of the same name, e.g. an extLst inside a conditional format, do not count).
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let depth = 0;
  let at = -1;
  for (let m = tag.exec(sheetXml); m; m = tag.exec(sheetXml)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) { depth--; if (depth === 0) { at = m.index; break; } continue; }
    if (depth === 1 && AFTER_DRAWING.includes(name!.replace(/^\w+:/, ''))) { at = m.index; break; }
    if (!selfClosing) depth++;
  }
  if (at < 0) throw new Error('addCharts: malformed worksheet part');
  let out = sheetXml.slice(0, at) + el + sheetXml.slice(at);
  // The r: prefix must be declared on the worksheet element (exceljs declares it; make sure).
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(out)) out = out.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  return out;
}
