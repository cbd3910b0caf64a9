/**
 * The quality report's sums (balances/quality.ts, key-sums.ts): in-spec product by chemistry kept
 * in short lists, residual Li salts found among a stream's components, foreign solids of row
 * streams read from their source lots — each the numbers and records of the plain code it
 * replaced, to the last bit, whatever was summed before.
 */
import { describe, expect, it } from 'vitest';
import { KeySums } from '../../src/balances/key-sums.js';
import { foreignSolidsOf, RESIDUAL_LI_SALTS, residualLiSaltsFraction } from '../../src/balances/quality.js';
import { component } from '../../src/chemistry/components.js';
import { COLUMNS_MIN_LOTS, RowStream } from '../../src/streams/row-stream.js';
import { lotsMass, type Stream } from '../../src/streams/stream.js';
import { makeLot, makeStream } from '../helpers.js';

/** `(r[key] ?? 0) + x` key by key: the records KeySums replaced. */
function plainSums(added: readonly [string, number][]): Record<string, number> {
  const r: Record<string, number> = {};
  for (const [k, x] of added) r[k] = (r[k] ?? 0) + x;
  return r;
}

/** The residual-salt fraction as it was computed: each salt looked up in the record, in order. */
function plainSalts(s: Stream): number {
  const cam = lotsMass(s);
  if (cam === 0) return 0;
  let salts = 0;
  for (const id of RESIDUAL_LI_SALTS) salts += s.components[id] ?? 0;
  return salts / cam;
}

describe('KeySums', () => {
  it('gives the records `(r[key] ?? 0) + x` gives: the same sums, keys in order of first appearance, after any earlier sums', () => {
    const sums = new KeySums();
    const a = new KeySums();
    for (const n of [3, 17, 1, 40]) {
      const keys = ['NCM811', 'LFP', 'NCA', 'H2O', 'LiOH·H2O', '2', 'NCM523'];
      const added: [string, number][] = Array.from({ length: n }, (_, i) => [keys[(i * 5 + n) % keys.length]!, 0.1 + ((i * 7919) % 101) / 9]);
      sums.reset();
      a.reset();
      for (const [k, x] of added) {
        sums.add(k, x);
        a.add(k, x * 0.3);
      }
      const plain = plainSums(added);
      expect(JSON.stringify(sums.record())).toBe(JSON.stringify(plain));
      const scaled = plainSums(added.map(([k, x]) => [k, x * 0.3]));
      const ratios: Record<string, number> = {};
      for (const k in scaled) ratios[k] = scaled[k]! / plain[k]!;
      expect(JSON.stringify(a.ratios(sums))).toBe(JSON.stringify(ratios));
    }
  });

  it('a new key starts at 0 + x (−0 added to nothing is 0, as in the record)', () => {
    const sums = new KeySums();
    sums.add('x', -0);
    expect(Object.is(sums.record().x, 0)).toBe(true);
  });
});

describe('residual Li salts and foreign solids', () => {
  it('residualLiSaltsFraction is the sum in RESIDUAL_LI_SALTS order, whatever salts a stream holds and in which order', () => {
    const lots = [makeLot({ id: 'a', massKgPerHour: 7.3 })];
    const cases: Record<string, number>[] = [
      {}, { H2O: 5 }, { Li2CO3: 0.3, LiOH: 0.1 }, { LiOH: 0.1, Li2CO3: 0.3, H2O: 2 }, { 'Li2O': 1e-9, 'LiOH·H2O': 0.7, LiCl: 0.05, 'Li3C6H5O7': 3.1, LiNO3: 0.2 },
      Object.fromEntries(RESIDUAL_LI_SALTS.map((id, i) => [id, 0.1 * (i + 1)]).reverse()),
    ];
    for (const components of cases) {
      const s = makeStream(components, lots);
      expect(Object.is(residualLiSaltsFraction(s), plainSalts(s)), JSON.stringify(components)).toBe(true);
    }
    expect(residualLiSaltsFraction(makeStream({ LiOH: 1 }))).toBe(0);
  });

  for (const [what, n] of [['a short source', 9], ['a long source (its columns)', COLUMNS_MIN_LOTS + 3]] as const) {
    it(`foreign solids of a row stream over ${what}: an electrode only when every row's lot carries a conductive network`, () => {
      const components = { 'carbon-black': 0.4, PVDF: 0.3, Al: 0.2, graphite: 0.1, LiF: 0.05 };
      const source = Array.from({ length: n }, (_, i) => makeLot({ id: `l${i}`, massKgPerHour: 1 + i, conductiveNetwork: i === 4 ? null : 'CB+PVDF' }));
      const all = new RowStream(source, 330, n);
      const some = new RowStream(source, 330, n);
      for (let r = 0; r < n; r++) {
        if (r !== 4) all.push(r, 2 + r / 3);
        some.push(r, 2 + r / 3);
      }
      Object.assign(all.components, components);
      Object.assign(some.components, components);
      const asLots = (s: RowStream) => makeStream(components, [...s.lots]);
      expect(foreignSolidsOf(all)).toStrictEqual(foreignSolidsOf(asLots(all)));
      expect(foreignSolidsOf(some)).toStrictEqual(foreignSolidsOf(asLots(some)));
      expect(foreignSolidsOf(all).aluminium).toBe(0);
      expect(foreignSolidsOf(some).aluminium).toBeGreaterThan(0);
      // Fluorine by each component's mass fraction (LiF always; PVDF unless an electrode's binder).
      const f = (id: string) => component(id).massFractions[component(id).elements.indexOf('F')]!;
      const cam = lotsMass(some);
      expect(foreignSolidsOf(some).fluorine).toBe((0.3 * f('PVDF') + 0.05 * f('LiF')) / cam);
      expect(foreignSolidsOf(all).fluorine).toBe((0.05 * f('LiF')) / lotsMass(all));
    });
  }
});
