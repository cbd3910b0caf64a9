/**
 * Off-spec parcels of the economics input (pipeline/parcels.ts): lots grouped by base chemistry,
 * grade and origin — a lot in the group of the lot before it found without a look-up — and rows of
 * a row stream read as the numbers a cursor at the row gives, to the last bit.
 */
import { describe, expect, it } from 'vitest';
import { OffSpecGroups, parcelElements, resetParcelSums } from '../../src/pipeline/parcels.js';
import { COLUMNS_MIN_LOTS, LotCursor, RowStream } from '../../src/streams/row-stream.js';
import { ElementFlows } from '../../src/streams/element-flows.js';
import type { Lot } from '../../src/streams/lot.js';
import type { MaterialGrade } from '../../src/economics/market.js';
import { makeLot } from '../helpers.js';

/** The groups as text: keys, mass, count and every element (report parcels), in order. */
function groupsText(off: OffSpecGroups): string {
  return JSON.stringify(off.groups.list.map((g) => [g.chemistry, g.grade, g.origin, g.parcels.kg, g.parcels.count, parcelElements(g.parcels, 8000)]));
}

/** The same groups found by a key text per lot (no shortcut), each summed lot by lot in order. */
function referenceText(lots: readonly { lot: Lot; kg: number; grade: MaterialGrade }[]): string {
  const groups = new Map<string, { chemistry: string; grade: MaterialGrade; origin: string | null; sum: ElementFlows; kg: number; count: number }>();
  for (const { lot, kg, grade } of lots) {
    const chemistry = lot.chemistry.name.split('+')[0]!;
    const origin = lot.origin.length === 1 ? lot.origin[0]! : null;
    const key = `${chemistry}|${grade}|${origin ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { chemistry, grade, origin, sum: new ElementFlows(), kg: 0, count: 0 }));
    g.sum.addLotValues(lot.chemistry, lot.liPerTm, kg);
    g.kg += kg;
    g.count++;
  }
  return JSON.stringify([...groups.values()].map((g) => [g.chemistry, g.grade, g.origin, g.kg, g.count, g.sum.record(8000)]));
}

/** Lots of three chemistries from four feed lots and a mixed one: runs of lots of one chemistry and origin, in an order that leaves groups and comes back. */
function mixedLots(n: number): Lot[] {
  const chems = ['NCM811', 'NCM523', 'NCA'];
  return Array.from({ length: n }, (_, i) => makeLot({
    id: `l${i}`, chemistry: chems[Math.floor(i / 3) % 3]!, origin: i % 7 === 6 ? ['a', 'b'] : [`lot${(i >> 4) % 4}`],
    liPerTm: 0.8 + (i % 13) * 0.017, massKgPerHour: 1 + ((i * 29) % 97) / 3,
  }));
}

describe('off-spec groups (economics input)', () => {
  it('groups lots by base chemistry, grade and origin, in order of first appearance, whatever lot came before', () => {
    const lots = mixedLots(64);
    const grades: MaterialGrade[] = ['cathode-scrap', 'cam-powder'];
    const added = lots.map((lot, i) => ({ lot, kg: lot.massKgPerHour, grade: grades[i % 5 === 2 ? 1 : 0]! }));
    resetParcelSums();
    const off = new OffSpecGroups(false);
    for (const { lot, kg, grade } of added) off.addLot(lot, kg, grade);
    expect(off.groups.list.length).toBeGreaterThan(6);
    expect(groupsText(off)).toBe(referenceText(added));
  });

  for (const [what, n] of [['a short source', 12], ['a long source (read from its columns)', COLUMNS_MIN_LOTS + 5]] as const) {
    for (const changed of [false, true]) {
      it(`a row stream over ${what}${changed ? ', its Li/TM changed' : ''}: rows add what a cursor at each row reads`, () => {
        const source = mixedLots(n);
        const s = new RowStream(source, 330, n);
        for (let r = n - 1; r >= 0; r -= 2) s.push(r, 0.5 + r / 3);
        if (changed) s.overLiPerTm = Array.from({ length: s.n }, (_, i) => 0.7 + i * 0.011);
        resetParcelSums();
        const byRow = new OffSpecGroups(false);
        for (let i = 0; i < s.n; i++) byRow.addRow(s, i, 'cathode-scrap');
        const rows = groupsText(byRow);
        resetParcelSums();
        const byCursor = new OffSpecGroups(false);
        const c = new LotCursor(s);
        for (let i = 0; i < s.n; i++) byCursor.addLot(c.at(i), c.massKgPerHour, 'cathode-scrap');
        expect(rows).toBe(groupsText(byCursor));
      });
    }
  }

  it('a sample\'s parcels (payables only) hold Ni, Co and Li as the full parcels do', () => {
    const lots = mixedLots(20);
    resetParcelSums();
    const full = new OffSpecGroups(false);
    for (const lot of lots) full.addLot(lot, lot.massKgPerHour, 'cam-powder');
    const pick = (r: Record<string, number>) => JSON.stringify([r.Ni, r.Co, r.Li]);
    const fullPaid = full.groups.list.map((g) => pick(parcelElements(g.parcels, 8000)));
    resetParcelSums();
    const sample = new OffSpecGroups(true);
    for (const lot of lots) sample.addLot(lot, lot.massKgPerHour, 'cam-powder');
    expect(sample.groups.list.map((g) => pick(parcelElements(g.parcels, 8000)))).toEqual(fullPaid);
  });
});
