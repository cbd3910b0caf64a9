import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { designUnit, issues, lot, makeStream, runUnit } from './preparation-helpers.js';
import { circuit } from '../../src/unit-ops/flotation.js';

describe('flotation (fixtures)', () => {
  fixtureTests('flotation');
});

/** EverBatt 2023 NMC622 black mass, 1 t/h (REFERENCE.md 1.3.3). */
const blackMass = (more: Record<string, number> = {}) =>
  makeStream({ graphite: 368, 'carbon-black': 12.7, PVDF: 1.1, Cu: 5.7, Al: 3.7, ...more }, [lot('bm', 'NCM622', 608, { liPerTm: 0.88 })]);

/** Gambler's-ruin froth share: start at the rougher, absorbed above the top cleaner or below the last scavenger. */
function ruin(f: number, cleaners: number, scavengers: number): number {
  const r = (1 - f) / f;
  const i = scavengers + 1;
  const N = cleaners + scavengers + 2;
  return r === 1 ? i / N : (1 - r ** i) / (1 - r ** N);
}

describe('flotation: circuit grade–recovery', () => {
  it('a single rougher floats exactly the per-stage share', () => {
    expect(circuit(0.944, 0, 0).froth).toBeCloseTo(0.944, 14);
    expect(circuit(0.944, 0, 0).stageLoad).toBeCloseTo(1, 14);
  });

  it('rougher + cleaner + scavenger: froth share f²/(f² + (1 − f)²), and the general closed form', () => {
    for (const f of [0.106, 0.5, 0.944]) {
      expect(circuit(f, 1, 1).froth).toBeCloseTo(f ** 2 / (f ** 2 + (1 - f) ** 2), 12);
      for (const [c, s] of [[2, 1], [1, 3], [4, 0], [0, 2]] as const) expect(circuit(f, c, s).froth).toBeCloseTo(ruin(f, c, s), 12);
    }
  });

  it('more cleaners reject more CAM from the froth; more scavengers leave less graphite in the sink', () => {
    let lastCam = 1;
    let lastSink = 1;
    for (let n = 0; n <= 4; n++) {
      const cam = circuit(0.106, n, 1).froth;
      const sink = 1 - circuit(0.944, 1, n).froth;
      expect(cam).toBeLessThan(lastCam);
      expect(sink).toBeLessThan(lastSink);
      lastCam = cam;
      lastSink = sink;
    }
  });

  it('EverBatt black mass, default circuit: 0.35 % of the graphite and 98.6 % of the screened CAM sink; ≤ 0.5 wt % graphite in the CAM', () => {
    const { run } = runUnit('flotation', {}, { feed: blackMass() });
    const gSink = 1 - circuit(0.944, 1, 1).froth;
    const camSink = 1 - circuit(0.106, 1, 1).froth;
    expect(gSink).toBeCloseTo(0.003507, 5);
    expect(camSink).toBeCloseTo(0.98614, 4);
    const cam = run.outlets.cam!;
    expect(cam.components.graphite).toBeCloseTo(368 * 0.995 * gSink, 9);
    expect(cam.lots[0]!.massKgPerHour).toBeCloseTo(608 * 0.995 * camSink, 9);
    expect(cam.components.graphite! / cam.lots[0]!.massKgPerHour).toBeLessThan(0.005);
    expect(run.metrics!.graphiteRecovery).toBeCloseTo((368 * 0.995 * (1 - gSink)) / 368, 9);
    // the concentrate: graphite grade = graphite / floated solids (graphite, carbon black, binder, CAM, metals)
    const froth = run.outlets.graphite!;
    const solids = froth.components.graphite! + froth.components['carbon-black']! + froth.components.PVDF! + froth.components.Cu! + froth.components.Al! + froth.lots[0]!.massKgPerHour;
    expect(run.metrics!.graphiteGrade).toBeCloseTo(froth.components.graphite! / solids, 12);
    expect(run.metrics!.graphiteGrade).toBeGreaterThan(0.9);
  });

  it('the feed screen takes 71 % of the Cu, 81 % of the Al and 0.5 % of the rest as oversize', () => {
    const { run } = runUnit('flotation', {}, { feed: blackMass() });
    const o = run.outlets.oversize!;
    expect(o.components.Cu).toBeCloseTo(5.7 * 0.71, 12);
    expect(o.components.Al).toBeCloseTo(3.7 * 0.81, 12);
    expect(o.components.graphite).toBeCloseTo(368 * 0.005, 12);
    expect(o.lots[0]!.massKgPerHour).toBeCloseTo(608 * 0.005, 12);
  });

  it('water: make-up = cake water + bleed − feed water; the bleed is 5 % of the circulating water; the collector leaves with the froth', () => {
    const feed = blackMass({ H2O: 20, LiPF6: 1 });
    const { run, p } = runUnit('flotation', {}, { feed });
    const cam = run.outlets.cam!;
    const froth = run.outlets.graphite!;
    const dry = (s: typeof cam) => Object.entries(s.components).filter(([k]) => !['H2O', 'MIBC', 'kerosene', 'LiPF6'].includes(k)).reduce((a, [, v]) => a + v, 0) + s.lots.reduce((a, l) => a + l.massKgPerHour, 0);
    const ratio = 0.25 / 0.75;
    expect(cam.components.H2O).toBeCloseTo(ratio * dry(cam), 9);
    expect(froth.components.H2O).toBeCloseTo(ratio * dry(froth), 9);
    const circulating = ((1 - 0.08) / 0.08) * (dry(cam) + dry(froth));
    expect(run.outlets.water!.components.H2O).toBeCloseTo(0.05 * circulating, 6);
    expect(run.draws.H2O).toBeCloseTo(cam.components.H2O! + froth.components.H2O! + 0.05 * circulating - 20, 6);
    expect(froth.components.kerosene).toBeCloseTo(0.5e-3 * 1020.2, 12); // collector 0.5 kg/t of feed
    expect(run.draws.MIBC).toBeCloseTo(0.1e-3 * 1020.2, 12);
    // dissolved species follow the water
    const waterOut = cam.components.H2O! + froth.components.H2O! + run.outlets.water!.components.H2O!;
    expect(cam.components.LiPF6).toBeCloseTo((1 * cam.components.H2O!) / waterOut, 12);
    expect(p.pulpDensity).toBe(0.08);
  });

  it('electricity: cells at 1.5 kW/m³ on the solids through all stages at 8 wt % solids for 10 min per stage', () => {
    const { run } = runUnit('flotation', {}, { feed: blackMass() });
    const cells = run.energy.items.find((i) => i.name.startsWith('flotation cells'))!;
    expect(cells.kw).toBeCloseTo(1.5 * run.metrics!.cellVolume_m3!, 12);
    expect(run.energy.minimumHeatKw).toBe(0);
    expect(run.energy.electricityKw).toBeGreaterThan(5);
    expect(run.energy.electricityKw).toBeLessThan(20); // ≈ 5–20 kWh per t of black mass
  });

  it('binder left on the CAM is a warning; heat-treated black mass is not', () => {
    expect(runUnit('flotation', {}, { feed: blackMass() }).run.diagnostics).toEqual([]);
    const coated = runUnit('flotation', {}, { feed: blackMass({ PVDF: 12 }) }).run.diagnostics;
    expect(coated.map((d) => d.code)).toEqual(['flotation-binder']);
    expect(coated[0]!.message).toBe('binder coats the cathode particles (1.97 % PVDF per kg CAM), so they float with the graphite and the separation is poor; burn the binder off first (delamination-thermal) or set camFloatability to what you measured');
  });

  it('design: screen, conditioning tank, cells loaded with the solids through all stages, two filter presses', () => {
    const feed = blackMass();
    const { run, p } = runUnit('flotation', {}, { feed });
    const d = designUnit('flotation', p, { feed }, run);
    expect(d.equipment.map((e) => e.name)).toEqual(['feed screen', 'conditioning tank', 'flotation cells', 'cam filter press', 'graphite filter press']);
    const cells = d.equipment.find((e) => e.name === 'flotation cells')!;
    expect(cells.loadKgPerHour).toBeCloseTo(run.metrics!.stageSolids_kg_per_h!, 9);
    expect(cells.loadKgPerHour / 990).toBeGreaterThan(2); // more than two stage passes per kg
    expect(d.residenceTimeH).toBeCloseTo(5 / 60 + 3 * 10 / 60, 12);
  });

  it('load errors: a floatability above 1 and a fractional stage count are refused', () => {
    expect(issues('flotation', { graphiteFloatability: 1.2 })).toEqual(['above the maximum (1.2); it must be at most 1']);
    expect(issues('flotation', { cleaners: 1.5 }).length).toBe(1);
  });
});
