/**
 * sameStream (streams/stream.ts) and sameRowLots (row-stream.ts): whether two streams are the same
 * to every unit that reads them — what the solver reuses a loop unit's run on. Anything a unit could
 * tell apart makes them differ: a value, −0 for 0, the order of component keys, a row, a mass, an
 * id, a changed number, the lot objects.
 */
import { describe, expect, it } from 'vitest';
import { RowStream, sameNumber } from '../../src/streams/row-stream.js';
import { sameStream, type Stream } from '../../src/streams/stream.js';
import { makeLot } from '../helpers.js';

const lots = [makeLot({ id: 'a', massKgPerHour: 3 }), makeLot({ id: 'b', chemistry: 'NCM811', massKgPerHour: 2 })];

function rows(masses: number[], components: Record<string, number> = { H2O: 1, LiOH: 2 }, li?: number[]): RowStream {
  const s = new RowStream(lots, 300, masses.length);
  s.components = { ...components };
  masses.forEach((m, i) => s.push(i, m));
  if (li) s.overLiPerTm = li.slice();
  return s;
}

describe('sameStream', () => {
  it('plain streams: temperature, component values and key order, lot objects', () => {
    const a: Stream = { components: { H2O: 1, LiOH: 0 }, lots, temperatureK: 300 };
    expect(sameStream(a, { components: { H2O: 1, LiOH: 0 }, lots: lots.slice(), temperatureK: 300 })).toBe(true);
    expect(sameStream(a, { components: { LiOH: 0, H2O: 1 }, lots, temperatureK: 300 })).toBe(false);
    expect(sameStream(a, { components: { H2O: 1, LiOH: -0 }, lots, temperatureK: 300 })).toBe(false);
    expect(sameStream(a, { components: { H2O: 1 }, lots, temperatureK: 300 })).toBe(false);
    expect(sameStream(a, { components: { H2O: 1, LiOH: 0 }, lots, temperatureK: 300.0000000001 })).toBe(false);
    expect(sameStream(a, { components: { H2O: 1, LiOH: 0 }, lots: [lots[0]!, { ...lots[1]! }], temperatureK: 300 })).toBe(false);
    expect(sameStream(a, { components: { H2O: 1, LiOH: 0 }, lots: [lots[0]!], temperatureK: 300 })).toBe(false);
  });

  it('row streams: rows, masses, ids and changed numbers', () => {
    expect(sameStream(rows([1, 2]), rows([1, 2]))).toBe(true);
    expect(sameStream(rows([1, 2], undefined, [0.9, 1]), rows([1, 2], undefined, [0.9, 1]))).toBe(true);
    expect(sameStream(rows([1, 2]), rows([1, 2.0000000000000004]))).toBe(false);
    expect(sameStream(rows([1, 2]), rows([1]))).toBe(false);
    expect(sameStream(rows([1, 2]), rows([1, 2], { LiOH: 2, H2O: 1 }))).toBe(false);
    expect(sameStream(rows([1, 2], undefined, [0.9, 1]), rows([1, 2], undefined, [0.9, 0.99]))).toBe(false);
    expect(sameStream(rows([1, 2], undefined, [0.9, 1]), rows([1, 2]))).toBe(false);
    const swapped = new RowStream(lots, 300, 2);
    swapped.components = { H2O: 1, LiOH: 2 };
    swapped.push(1, 1);
    swapped.push(0, 2);
    expect(sameStream(rows([1, 2]), swapped)).toBe(false);
    const renamed = (id: string) => { const s = new RowStream(lots, 300, 1, 'ncm'); s.push(0, 1, id); return s; };
    expect(sameStream(renamed('a@ncm'), renamed('a@ncm'))).toBe(true);
    expect(sameStream(renamed('a@ncm'), renamed('x@ncm'))).toBe(false);
    expect(sameStream(rows([3, 2]), { components: { H2O: 1, LiOH: 2 }, lots, temperatureK: 300 })).toBe(false);
    expect(sameStream(new RowStream(lots.slice(), 300, 0), new RowStream(lots, 300, 0))).toBe(false);
  });

  it('sameNumber: equal doubles, 0 and −0 apart, NaN never the same', () => {
    expect(sameNumber(0.1 + 0.2, 0.30000000000000004)).toBe(true);
    expect(sameNumber(0.1 + 0.2, 0.3)).toBe(false);
    expect(sameNumber(0, 0)).toBe(true);
    expect(sameNumber(0, -0)).toBe(false);
    expect(sameNumber(-0, -0)).toBe(true);
    expect(sameNumber(NaN, NaN)).toBe(false);
    expect(sameNumber(Infinity, Infinity)).toBe(true);
  });
});
