/**
 * The workbook's data without exceljs: the formula expression type (text and value agree, operator
 * precedence, cent rounding as the engine), defined names, plain tables, and — for every shipped
 * scenario and the reference comparison — every formula value the engine also reports equals it.
 */
import { describe, expect, it } from 'vitest';
import { lit, ref, add, sub, mul, div, pow, neg, cents, mulCents, centsDiff, chain, iff, gt, roundHalfAway, type Expr } from '../../src/export/expr.js';
import { NameBook } from '../../src/export/assumptions.js';
import { Grid, a1, colName, rangeRef } from '../../src/export/grid.js';
import { gantt, streamTable } from '../../src/export/tables.js';
import { plainAssumptions } from '../../src/export/input-rows.js';
import { caseLabel } from '../../src/export/cases.js';
import { workbookModel, SHEETS } from '../../src/export/workbook.js';
import { cents as engineCents, mulCents as engineMulCents, toCents } from '../../src/economics/money.js';
import { SHIPPED_SCENARIOS, FINANCE_VARIANTS, evaluation, referenceComparison, financeVariants } from './cases.js';

const A = ref('S', 1, 1, 2);
const B = ref('S', 1, 2, 3);
const C = ref('S', 1, 3, 5);
const text = (e: Expr, here = 'S') => e.t(here);

describe('formula expressions', () => {
  it('write parentheses exactly where the engine\'s evaluation order needs them', () => {
    expect(text(sub(A, add(B, C)))).toBe('A1-(B1+C1)');
    expect(text(add(add(A, B), C))).toBe('A1+B1+C1');
    expect(text(div(A, mul(B, C)))).toBe('A1/(B1*C1)');
    expect(text(mul(add(A, B), C))).toBe('(A1+B1)*C1');
    expect(text(mul(A, pow(div(B, C), A)))).toBe('A1*(B1/C1)^A1');
    expect(text(pow(add(lit(1), A), lit(-3)))).toBe('(1+A1)^(-3)');
    expect(text(neg(mul(A, B)))).toBe('(-(A1*B1))');
    expect(text(sub(A, neg(B)))).toBe('A1-(-B1)');
    expect(text(iff(gt(A, lit(0)), B, C))).toBe('IF(A1>0,B1,C1)');
  });

  it('qualify references from another sheet and quote sheet names', () => {
    const r = ref('Cash flow', 3, 2, 1);
    expect(r.t('Cash flow')).toBe('B3');
    expect(r.t('Summary')).toBe("'Cash flow'!B3");
    expect(rangeRef("It's", 1, 1, 2, 3)).toBe("'It''s'!$A$1:$C$2");
    expect(colName(1)).toBe('A');
    expect(colName(27)).toBe('AA');
    expect(colName(16384)).toBe('XFD');
    expect(a1(5, 28, true)).toBe('$AB$5');
  });

  it('compute the same values as the expressions they write', () => {
    expect(add(A, B).v).toBe(5);
    expect(sub(A, add(B, C)).v).toBe(-6);
    expect(chain([A, B, C]).v).toBe(10);
    expect(text(chain([A, B, C]))).toBe('A1+B1+C1');
    expect(lit(1e-10).t('S')).toBe('1E-10');
    expect(() => lit(Number.NaN)).toThrow();
  });

  it('round money like the engine: half away from zero, in cents', () => {
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-2.5)).toBe(-3);
    for (const x of [0.005, 1.005, 2.675, -1.005, 123456.785, 1e9 + 0.125, 7.7699999999]) {
      expect(cents(lit(x)).v).toBe(engineCents(x));
      for (const f of [0.75, 0.1429, 1 / 3, 0.25]) expect(mulCents(lit(x), lit(f)).v).toBe(engineMulCents(toCents(x), f) / 100);
    }
    expect(centsDiff(lit(10.01), lit(3.3)).v).toBe((toCents(10.01) - toCents(3.3)) / 100);
    expect(text(cents(A))).toBe('ROUND(A1*100,0)/100');
    expect(text(mulCents(A, B))).toBe('ROUND(ROUND(A1*100,0)*B1,0)/100');
  });
});

describe('defined names', () => {
  it('are valid, start with a word that is no cell reference, and are unique regardless of case', () => {
    const n = new NameBook();
    const a = n.make('price', 'LiOH·H2O', 'cn-2024');
    const b = n.make('price', 'LiOH H2O', 'cn-2024');
    const c = n.make('price', 'lioh-h2o', 'cn-2024');
    expect(a).toBe('price_LiOH_H2O_cn_2024');
    expect(new Set([a, b, c].map((x) => x.toLowerCase())).size).toBe(3);
    for (const x of [a, b, c, n.make('fin', 'discountRate', 'f2'), n.make('price', '=HYPERLINK("x")', 'f1')]) expect(x).toMatch(/^[a-z]{3,}_[A-Za-z0-9_]+$/);
  });
});

describe('plain tables', () => {
  it('bin the campaign schedule into a Gantt with the phase at each bin\'s midpoint', () => {
    const g = gantt([
      { unitId: 'u', equipment: 'tank', item: 1, batch: 1, startH: 0, endH: 3 },
      { unitId: 'u', equipment: 'tank', item: 1, batch: 1, startH: 0, endH: 1, phase: 'load' },
      { unitId: 'u', equipment: 'tank', item: 1, batch: 1, startH: 1, endH: 3, phase: 'dwell' },
      { unitId: 'v', equipment: 'kiln', item: 1, batch: 0, startH: 0, endH: 4 },
    ], 4);
    expect(g.binH).toBe(0.1);
    expect(g.rows.map((r) => `${r.unit}.${r.equipment}`)).toEqual(['u.tank', 'v.kiln']);
    expect(g.rows[0]!.cells[0]).toBe('load');
    expect(g.rows[0]!.cells[15]).toBe('dwell');
    expect(g.rows[0]!.cells[35]).toBeNull();
    expect(g.rows[1]!.cells.every((c) => c === 'run')).toBe(true);
    // What each item does in the horizon: one batch of 3 h; the kiln runs the whole 4 h.
    expect(g.rows.map((r) => [r.batches, r.busyH, r.firstH, r.lastH])).toEqual([[1, 3, 0, 3], [0, 4, 0, 4]]);
  });

  it('list every input with a unit and a source, and every stream as a column', () => {
    const ev = evaluation('scenarios/reference-cn.yaml');
    const rows = plainAssumptions(ev);
    const params = rows.filter((r) => r.section === 'unit parameters');
    const count = ev.model.flowsheet.units.reduce((a, u) => a + Object.keys(u.params).length, 0);
    expect(params).toHaveLength(count);
    expect(params.filter((r) => r.source !== '').length / params.length).toBeGreaterThan(0.8);
    expect(rows.find((r) => r.section === 'plant' && r.item.startsWith('capacity'))).toMatchObject({ value: 10_000, unit: 't/yr' });
    // The region is given in the plant file: its source says so (not the schema's "US when absent").
    expect(rows.find((r) => r.section === 'plant' && r.item === 'region')).toMatchObject({ value: 'CN', source: 'given in scenarios/plants/cn-10kt.yaml' });
    // Distributions and objects in words, never JSON.
    expect(rows.find((r) => r.item === 'lot ev-523: liPerTm')?.value).toBe('normal, mean 0.86, sd 0.04');
    expect(rows.filter((r) => typeof r.value === 'string' && /[{}[\]"]/.test(r.value)).map((r) => `${r.item}: ${r.value}`)).toEqual([]);
    const t = streamTable(ev);
    expect(t.streams).toEqual(ev.model.flowsheet.graph.streams.map((s) => s.id));
    expect(t.rows.every((r) => r.values.length === t.streams.length)).toBe(true);
    expect(t.rows.some((r) => r.kind === 'lot')).toBe(true);
    expect(t.rows.every((r) => r.kind === 'text' || r.unit !== '')).toBe(true);
  });
});

describe('workbook model: formulas reproduce the engine', () => {
  const cases = [
    ...SHIPPED_SCENARIOS.map((f) => ({ name: f, evs: () => [evaluation(f)] })),
    { name: 'reference comparison (hydrothermal vs molten salt)', evs: () => referenceComparison() },
    { name: `finance variants: ${FINANCE_VARIANTS.map((v) => v.name).join('; ')}`, evs: () => financeVariants() },
  ];
  it.each(cases)('$name', ({ evs }) => {
    const list = evs();
    const m = workbookModel(list, { pictures: false });
    expect(m.sheets.map((s) => s.name)).toEqual([...SHEETS]);
    expect(m.checks.length).toBeGreaterThan(100);
    const off = m.checks.filter((c) => !(Math.abs(c.formulaValue - c.engineValue) <= 1e-9 * Math.max(Math.abs(c.engineValue), Math.abs(c.formulaValue))));
    expect(off.map((c) => `${c.sheet}!${c.address} ${c.label}: formula ${c.formulaValue} vs engine ${c.engineValue}`)).toEqual([]);
    // Every KPI is a checked formula, for each evaluation.
    for (const [i, ev] of list.entries()) {
      const label = caseLabel(ev, i, list.length);
      const have = (what: string) => m.checks.some((c) => c.label === `${label}: ${what}`);
      for (const what of ['fixed capital investment (FCI)', 'operating cost total', 'revenue total', 'NPV', 'year 0 capital', 'working capital']) expect(have(what), what).toBe(true);
      if (ev.economics.kpis.minSellingPriceUsdPerKg !== null) expect(have('minimum selling price (formula)')).toBe(true);
      if (ev.economics.kpis.costUsdPerKgProduct !== null) expect(have('levelised cost (formula)')).toBe(true);
    }
    // Formulas only name inputs that exist.
    const names = new Set(m.names.all.map((n) => n.name));
    const used = new Set<string>();
    for (const g of m.sheets) for (const row of g.rows.values()) for (const c of row.values()) {
      if (c.value && typeof c.value === 'object') for (const x of c.value.formula.matchAll(/\b(?:price|fin|capf|opf|cepci)_[A-Za-z0-9_]+/g)) used.add(x[0]);
    }
    expect([...used].filter((n) => !names.has(n))).toEqual([]);
    // Every price the run used is a named input.
    for (const ev of list) for (const p of ev.economics.pricesUsed) expect(m.names.all.some((n) => n.name.toLowerCase().startsWith(`price_${p.key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}_`.toLowerCase())), p.key).toBe(true);
  });

  it('keeps one grid per sheet with frozen headers and units in the headers', () => {
    const m = workbookModel(referenceComparison(), { pictures: false });
    for (const g of m.sheets) expect(g.freeze, g.name).not.toBeNull();
    const opex = m.sheets.find((g) => g.name === 'OPEX')!;
    const header = [...opex.rows.get(1)!.values()].map((c) => c.value);
    expect(header).toContain('amount (USD/yr)');
    const summary: Grid = m.sheets[0]!;
    expect(summary.highlights.length).toBeGreaterThan(10);
  });
});
