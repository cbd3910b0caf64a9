import { describe, expect, it } from 'vitest';
import { fixtureTests } from './harness.js';
import { deliveredHeatKw, designUnit, issues, lot, makeStream, runUnit } from './preparation-helpers.js';
import { ATOMIC_WEIGHT_G_PER_MOL as A } from '../../src/chemistry/elements.js';
import { LOT_CP, molarMassPerTm } from '../../src/chemistry/cathode.js';

describe('delamination-thermal (fixtures)', () => {
  fixtureTests('delamination-thermal');
});

const M = {
  PVDF: 2 * A.C + 2 * A.H + 2 * A.F,
  CO2: A.C + 2 * A.O,
  HF: A.H + A.F,
  O2: 2 * A.O,
  N2: 2 * A.N,
  CaO: 40.078 + A.O,
  CaF2: 40.078 + 2 * A.F,
  LiF: A.Li + A.F,
};

describe('delamination-thermal: burn-off stoichiometry by hand', () => {
  const feed = () => makeStream({ PVDF: 10, 'carbon-black': 12, Al: 50 }, [lot('a', 'NCM523', 400)]);
  const base = { pvdfConversion: 1, carbonConversion: 1, hfAttack: 0, scrubber: 'none' };

  it('PVDF + 2 O2 → 2 CO2 + 2 HF and C + O2 → CO2', () => {
    const { run } = runUnit('delamination-thermal', base, { feed: feed() });
    const nPvdf = 10 / M.PVDF;
    const nC = 12 / A.C;
    expect(run.outlets.vent!.components.CO2).toBeCloseTo((2 * nPvdf + nC) * M.CO2, 9);
    expect(run.outlets.vent!.components.HF).toBeCloseTo(2 * nPvdf * M.HF, 9);
    // 10 kg PVDF → 13.75 kg CO2 + 6.25 kg HF; 12 kg C → 43.97 kg CO2 (checked numbers)
    expect(2 * nPvdf * M.CO2).toBeCloseTo(13.745, 3);
    expect(2 * nPvdf * M.HF).toBeCloseTo(6.249, 3);
    // air at λ = 1.5: O2 demand 2 nPvdf + nC
    const o2 = 2 * nPvdf + nC;
    const airKmol = (1.5 * o2) / 0.21;
    expect(run.draws.air).toBeCloseTo(airKmol * (0.42 * A.O + 1.58 * A.N), 9);
    expect(run.outlets.vent!.components.O2).toBeCloseTo(0.5 * o2 * M.O2, 9);
    expect(run.outlets.vent!.components.N2).toBeCloseTo(airKmol * 0.79 * M.N2, 9);
    expect(run.outlets.cam!.components.PVDF ?? 0).toBe(0);
  });

  it('lime scrubber: CaO + 2 HF → CaF2 + H2O at 99 % capture, lime stoichiometric', () => {
    const { run } = runUnit('delamination-thermal', { ...base, scrubber: 'lime' }, { feed: feed() });
    const hf = (2 * 10) / M.PVDF;
    const captured = 0.99 * hf;
    expect(run.draws.CaO).toBeCloseTo((captured / 2) * M.CaO, 9);
    expect(run.outlets.residue!.components.CaF2).toBeCloseTo((captured / 2) * M.CaF2, 9);
    expect(run.outlets.vent!.components.HF).toBeCloseTo(0.01 * hf * M.HF, 9);
  });
});

describe('delamination-thermal: HF attack on the lots', () => {
  it('lowers Li/TM, more for the finer lot; the Li lost is the Li of the LiF formed', () => {
    const fine = lot('fine', 'NCM811', 300, { liPerTm: 0.9, d50_um: 5 });
    const coarse = lot('coarse', 'NCM811', 300, { liPerTm: 0.9, d50_um: 10 });
    const feed = makeStream({ PVDF: 20 }, [fine, coarse]);
    const { run } = runUnit('delamination-thermal', { pvdfConversion: 1, hfAttack: 0.2, camRecovery: 1 }, { feed });
    const out = Object.fromEntries(run.outlets.cam!.lots.map((l) => [l.id, l]));
    const dFine = 0.9 - out.fine!.liPerTm;
    const dCoarse = 0.9 - out.coarse!.liPerTm;
    expect(dFine).toBeGreaterThan(0);
    expect(dFine / dCoarse).toBeCloseTo(2, 9); // surface ∝ mass / D50
    const tm = 300 / molarMassPerTm(fine.chemistry, 0.9);
    const liKmol = tm * (dFine + dCoarse);
    expect(liKmol).toBeCloseTo(0.2 * ((2 * 20) / M.PVDF), 12); // 20 % of the HF formed
    expect(run.outlets.cam!.components.LiF).toBeCloseTo(liKmol * M.LiF, 9);
  });

  it('hfAttack 0 leaves the lots unchanged', () => {
    const feed = makeStream({ PVDF: 20 }, [lot('a', 'NCM811', 300, { liPerTm: 0.9 })]);
    const { run } = runUnit('delamination-thermal', { hfAttack: 0, camRecovery: 1 }, { feed });
    expect(run.outlets.cam!.lots[0]!.liPerTm).toBe(0.9);
    expect(run.outlets.cam!.lots[0]!.massKgPerHour).toBe(300);
  });
});

describe('delamination-thermal: energy and design', () => {
  it('delivered heat ≥ sensible heat of charge and air to 550 °C ÷ furnace efficiency', () => {
    const feed = makeStream({ PVDF: 10, 'carbon-black': 10, Al: 50 }, [lot('a', 'NCM523', 430)]);
    const { run } = runUnit('delamination-thermal', {}, { feed });
    const charge = ((10 * 1200 + 10 * 709 + 50 * 897 + 430 * LOT_CP.layered.cp_J_per_kgK) * 525) / 3.6e6;
    const air = (run.draws.air! * 1011.6 * 525) / 3.6e6;
    expect(run.energy.minimumHeatKw).toBeGreaterThanOrEqual((charge + air) * 0.999);
    expect(deliveredHeatKw(run)).toBeGreaterThanOrEqual((charge + air) / 0.5);
    expect(run.energy.heatKw['natural-gas']).toBeGreaterThan(0);
  });

  it('continuous furnace, screen and gas treatment (none without scrubber)', () => {
    const feed = makeStream({ PVDF: 10 }, [lot('a', 'NCM523', 430)]);
    const a = runUnit('delamination-thermal', {}, { feed });
    expect(designUnit('delamination-thermal', a.p, { feed }, a.run).equipment.map((e) => e.name)).toEqual(['burn-off furnace', 'foil screen', 'off-gas treatment']);
    const b = runUnit('delamination-thermal', { scrubber: 'none' }, { feed });
    expect(designUnit('delamination-thermal', b.p, { feed }, b.run).equipment.map((e) => e.name)).toEqual(['burn-off furnace', 'foil screen']);
    expect(b.run.diagnostics.map((d) => d.code)).toEqual(['hf-to-vent']);
  });
});

describe('delamination-thermal: load errors', () => {
  it('a furnace at or above the Al melting point is refused', () => {
    expect(issues('delamination-thermal', { temperature: '700 degC' })).toEqual(['burn-off temperature at or above the melting point of the Al foil (700 degC ≥ 660.3 degC); keep the furnace below 660 degC — 500–600 degC is usual — so that the foil stays solid and can be screened off']);
  });
  it('less than stoichiometric air is refused', () => {
    expect(issues('delamination-thermal', { excessAir: 0.9 })).toEqual(['below the minimum (0.9); it must be at least 1']);
  });
});
