/**
 * Pictures: the flowsheet SVG (every unit, boundaries, recycle and tear streams marked, text
 * escaped), PNG rendering, the Sankey of a run (a band per non-zero stream, totals that match the
 * run) and the `regenflow diagram` command.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { streamMass } from '../../src/streams/stream.js';
import { flowsheetSvg, flowsheetSvgOf, recycleStreams, tearStreams } from '../../src/export/diagram.js';
import { sankeySvg } from '../../src/export/sankey.js';
import { svgToPng } from '../../src/export/png.js';
import { loadFlowsheetFile } from '../../src/cli/commands/diagram.js';
import { cli } from '../../src/cli/main.js';

const HYDRO = 'flowsheets/hydrothermal.yaml';
const HYDRO_SCENARIO = 'scenarios/reference-cn.yaml'; // its route is flowsheets/hydrothermal.yaml
const TEAR = 'recover.recovered->relith.recycle';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const dir = mkdtempSync(join(tmpdir(), 'rf-diagram-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface El { name: string; attrs: Record<string, string>; text: string; classes: string[] }

/** Parse an SVG with a strict XML parser; every element with its attributes and direct text. */
function elements(svg: string): El[] {
  const out: El[] = [];
  const stack: El[] = [];
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const attrs = Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)]));
    const el = { name: t.name, attrs, text: '', classes: (attrs.class ?? '').split(/\s+/).filter(Boolean) };
    out.push(el);
    if (!t.isSelfClosing) stack.push(el);
  });
  p.on('closetag', (t) => { if (!t.isSelfClosing) stack.pop(); });
  p.on('text', (t) => { const top = stack[stack.length - 1]; if (top) top.text += t; });
  p.write(svg).close();
  return out;
}

const texts = (els: El[]) => els.filter((e) => e.name === 'text' || e.name === 'tspan').map((e) => e.text);

describe('flowsheet picture', () => {
  const fs = loadFlowsheetFile(HYDRO);
  const svg = flowsheetSvgOf(fs);
  const els = elements(svg);

  it('shows every unit with its id and kind, and the boundary nodes used', () => {
    const t = texts(els);
    for (const u of fs.units) {
      expect(t).toContain(u.id);
      expect(t).toContain(u.kind);
      expect(els.some((e) => e.attrs['data-node'] === u.id && e.classes.includes('unit'))).toBe(true);
    }
    for (const b of ['feed', 'product', 'byproduct', 'waste', 'emissions']) expect(els.some((e) => e.attrs['data-node'] === b && e.classes.includes('boundary'))).toBe(true);
  });

  it('draws every stream once, with its ports, and marks the tear stream distinctly', () => {
    const paths = els.filter((e) => e.classes.includes('stream'));
    expect(paths.map((e) => e.attrs['data-stream']).sort()).toEqual(fs.graph.streams.map((s) => s.id).sort());
    expect(tearStreams(fs)).toEqual(new Set([TEAR]));
    expect(recycleStreams(fs)).toEqual(new Set([TEAR]));
    const tear = paths.find((e) => e.attrs['data-stream'] === TEAR)!;
    expect(tear.classes).toEqual(expect.arrayContaining(['tear', 'recycle']));
    expect(tear.attrs['stroke-dasharray']).toBeDefined();
    for (const p of paths.filter((e) => e !== tear)) {
      expect(p.attrs['stroke-dasharray']).toBeUndefined();
      expect(p.attrs.stroke).not.toBe(tear.attrs.stroke);
    }
    const t = texts(els);
    expect(t).toContain('recycle: recovered → recycle (tear)');
    expect(t).toContain('ncm → feed');
    expect(t).toContain('cam → feed');
  });

  it('lays the process out left to right', () => {
    const x = (id: string) => {
      const g = els.findIndex((e) => e.attrs['data-node'] === id);
      const rect = els.slice(g).find((e) => e.name === 'rect')!;
      return Number(rect.attrs.x);
    };
    const chain = ['feed', 'sort', 'delam', 'relith', 'wash', 'dry', 'sinter', 'product'];
    for (let i = 1; i < chain.length; i++) expect(x(chain[i]!)).toBeGreaterThan(x(chain[i - 1]!));
  });

  it('escapes text from input files', () => {
    const text = readFileSync(HYDRO, 'utf8').replace('- { id: wash, kind: washing }', `- { id: wash, kind: washing, name: '<b>&"x"' }`).replace(/^name: .*$/m, `name: "Route <i>&'amp'"`);
    const file = join(dir, 'escaped.yaml');
    writeFileSync(file, text);
    const f = loadFlowsheetFile(file);
    expect(f.units.find((u) => u.id === 'wash')!.name).toBe('<b>&"x"');
    const s = flowsheetSvgOf(f);
    expect(s).not.toContain('<b>');
    expect(s).not.toContain('<i>');
    expect(s).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    const t = texts(elements(s));
    expect(t).toContain('<b>&"x"');
    expect(t.join(' ')).toContain("Route <i>&'amp'");
  });

  it('renders to PNG', () => {
    const png = svgToPng(svg);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const wide = svgToPng(svg, 800);
    expect(wide.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(wide.readUInt32BE(16)).toBe(800);
  });

  it('the scenario form draws its flowsheet', () => {
    const model = resolveModel(loadRawScenario(HYDRO_SCENARIO));
    expect(flowsheetSvg(model)).toBe(svg);
  });
});

describe('Sankey of a run', () => {
  const ev = evaluate(resolveModel(loadRawScenario(HYDRO_SCENARIO)), { schedule: false });
  const svg = sankeySvg(ev);
  const els = elements(svg);
  const bands = els.filter((e) => e.classes.includes('band'));

  it('has one band per non-zero stream, as wide as its mass flow says', () => {
    const nonZero = [...ev.solution.streams].filter(([, s]) => streamMass(s) > 0);
    const streamBands = bands.filter((b) => !b.classes.includes('makeup'));
    expect(streamBands.map((b) => b.attrs['data-stream']).sort()).toEqual(nonZero.map(([id]) => id).sort());
    for (const [id, s] of nonZero) {
      const b = streamBands.find((e) => e.attrs['data-stream'] === id)!;
      expect(Number(b.attrs['data-kg-per-h'])).toBeCloseTo(streamMass(s), 9);
    }
    const recycle = bands.find((b) => b.attrs['data-stream'] === TEAR)!;
    expect(recycle.classes).toContain('recycle');
    expect(texts(els).some((t) => t.startsWith('recycle (tear) recover.recovered->relith.recycle'))).toBe(true);
  });

  it('balances: feed + make-up = product + byproduct + waste + emissions, as in the run', () => {
    const draws = [...ev.solution.runs.values()].reduce((a, r) => a + Object.values(r.draws).reduce((x, y) => x + Math.max(0, y), 0), 0);
    const makeup = bands.filter((b) => b.classes.includes('makeup')).reduce((a, b) => a + Number(b.attrs['data-kg-per-h']), 0);
    expect(makeup).toBeCloseTo(draws, 6);
    const footer = els.find((e) => e.classes.includes('footer'))!;
    const inKg = Number(footer.attrs['data-in-kg-per-h']);
    const outKg = Number(footer.attrs['data-out-kg-per-h']);
    expect(inKg).toBeCloseTo(streamMass(ev.feed) + draws, 6);
    expect(Math.abs(inKg - outKg) / inKg).toBeLessThan(1e-9);
    expect(Math.abs(inKg - ev.balances.plant.massInKgPerHour) / inKg).toBeLessThan(1e-9);
    expect(Math.abs(outKg - ev.balances.plant.massOutKgPerHour) / outKg).toBeLessThan(1e-9);
    const toSinks = ev.model.flowsheet.graph.streams.filter((s) => ['product', 'byproduct', 'waste', 'emissions'].includes(s.to.node));
    const product = toSinks.filter((s) => s.to.node === 'product').reduce((a, s) => a + streamMass(ev.solution.streams.get(s.id)!), 0);
    const productNode = els.find((e) => e.attrs['data-node'] === 'product')!;
    expect(Number(productNode.attrs['data-kg-per-h'])).toBeCloseTo(product, 9);
  });

  it('renders to PNG', () => {
    expect(svgToPng(svg).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
});

describe('regenflow diagram', () => {
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await cli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), errIsTty: false });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('draws a flowsheet file as SVG and as PNG', async () => {
    const svgFile = join(dir, 'pics', 'hydro.svg');
    const r = await run('diagram', HYDRO, '--out', svgFile);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('flowsheet hydrothermal');
    expect(readFileSync(svgFile, 'utf8')).toContain(`data-stream="${TEAR.replace('>', '&gt;')}"`);
    const pngFile = join(dir, 'pics', 'hydro.PNG');
    expect((await run('diagram', HYDRO, '--out', pngFile, '--width', '640')).code).toBe(0);
    const png = readFileSync(pngFile);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(640);
  });

  it('draws a scenario: its flowsheet by default, the Sankey of its run with --sankey', async () => {
    const fsFile = join(dir, 'scenario-flowsheet.svg');
    expect((await run('diagram', HYDRO_SCENARIO, '--out', fsFile)).code).toBe(0);
    expect(readFileSync(fsFile, 'utf8')).toContain('class="unit"');
    const sk = join(dir, 'sankey.svg');
    const r = await run('diagram', HYDRO_SCENARIO, '--sankey', '--out', sk);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sankey');
    expect(readFileSync(sk, 'utf8')).toContain('class="band recycle"');
  });

  it('rejects an unknown picture type, a Sankey of a bare flowsheet and other files, writing nothing', async () => {
    const bad = join(dir, 'x.jpg');
    const r = await run('diagram', HYDRO, '--out', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot tell which picture to write from the file name');
    expect(r.err).toContain('.svg, .png');
    expect(existsSync(bad)).toBe(false);
    const s = await run('diagram', HYDRO, '--sankey', '--out', join(dir, 'y.svg'));
    expect(s.code).toBe(1);
    expect(s.err).toContain('a Sankey of mass flows needs a run');
    expect(existsSync(join(dir, 'y.svg'))).toBe(false);
    const feedFile = join(dir, 'feed.yaml');
    writeFileSync(feedFile, 'lots:\n  - { id: a, share: 1, chemistry: NCM523 }\n');
    const k = await run('diagram', feedFile, '--out', join(dir, 'z.svg'));
    expect(k.code).toBe(1);
    expect(k.err).toContain('neither a flowsheet nor a scenario');
  });
});
