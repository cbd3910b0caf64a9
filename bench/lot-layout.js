#!/usr/bin/env node
// Why 10× the lots costs more than 10× the time (issue 19): one unit-like pass over lot lists —
// read six fields, compute, write one number per lot — on lot objects (14 fields, seven numbers
// boxed: ≈ 250 bytes a lot, as streams/lot.ts), on typed columns, and through a cursor: one object
// whose getters read the columns at its index, handed to per-lot helpers that take a lot (the way a
// unit operation could read a column store without rewriting its per-lot functions). Ten lists are
// alive at once, as the streams of an evaluation, allocated among other objects. Prints the time
// per lot at 4,000 and 40,000 lots: objects slow down per lot once a pass reads more than the
// processor's caches hold; columns and the cursor do not. Not part of `npm run bench` (a design
// measurement, not a product timing): `node bench/lot-layout.js`.

const CHEMISTRIES = [{ family: 'layered', tm: { Ni: 0.5 }, m: 96 }, { family: 'layered', tm: { Ni: 0.6 }, m: 97 }, { family: 'layered', tm: { Ni: 0.8 }, m: 98 }];
let other = [];

/** n lot objects, each followed by two other small objects (as the heap of an evaluation). */
function lotObjects(n) {
  const lots = [];
  for (let i = 0; i < n; i++) {
    lots.push({ id: `l${i}`, origin: ['o'], chemistry: CHEMISTRIES[i % 3], massKgPerHour: 1 + i * 1e-3, liPerTm: 0.8 + (i % 17) * 0.01, cationMixing: 0.05 + i * 1e-7, surfaceRockSalt_nm: 6 + i * 1e-6, crackFraction: 0.2 + i * 1e-7, morphology: 'polycrystal', d50_um: 10 + i * 1e-6, coating_nm: 0.5 + i * 1e-9, coating: null, conductiveNetwork: null, lane: 'ncm' });
    other.push({ a: i, b: 0 }, { a: i, b: 1 });
  }
  return lots;
}

/** The same lots as columns. */
function columns(lots) {
  const n = lots.length;
  const t = { chemistry: lots.map((l) => l.chemistry), mass: new Float64Array(n), liPerTm: new Float64Array(n), cationMixing: new Float64Array(n), crackFraction: new Float64Array(n), surfaceRockSalt_nm: new Float64Array(n) };
  lots.forEach((l, i) => {
    t.mass[i] = l.massKgPerHour;
    t.liPerTm[i] = l.liPerTm;
    t.cationMixing[i] = l.cationMixing;
    t.crackFraction[i] = l.crackFraction;
    t.surfaceRockSalt_nm[i] = l.surfaceRockSalt_nm;
  });
  return t;
}

/** A lot read from columns at index `i`. */
class Cursor {
  constructor(t) { this.t = t; this.i = 0; }
  get chemistry() { return this.t.chemistry[this.i]; }
  get massKgPerHour() { return this.t.mass[this.i]; }
  get liPerTm() { return this.t.liPerTm[this.i]; }
  get cationMixing() { return this.t.cationMixing[this.i]; }
  get crackFraction() { return this.t.crackFraction[this.i]; }
  get surfaceRockSalt_nm() { return this.t.surfaceRockSalt_nm[this.i]; }
}

// Per-lot helpers that take a lot (washing's Li+/H+ exchange, a state score).
const exchange = (l) => (l.chemistry.family === 'layered' && l.massKgPerHour > 0 ? Math.min(l.liPerTm, 0.1 * Math.max(0, l.chemistry.tm.Ni - 0.6)) : 0);
const score = (l, d) => l.liPerTm - d + l.cationMixing * 0.1 + l.crackFraction * 0.01 + l.surfaceRockSalt_nm * 1e-3;
const tmKmol = (l) => l.massKgPerHour / (l.liPerTm * 6.94 + l.chemistry.m);

function passObjects(lots, out) {
  let s = 0;
  for (let i = 0; i < lots.length; i++) {
    const l = lots[i];
    const d = exchange(l);
    out[i] = score(l, d);
    s += tmKmol(l) * d;
  }
  return s;
}

function passColumns(t, out) {
  let s = 0;
  const { chemistry, mass, liPerTm, cationMixing, crackFraction, surfaceRockSalt_nm } = t;
  for (let i = 0; i < mass.length; i++) {
    const c = chemistry[i];
    const d = c.family === 'layered' && mass[i] > 0 ? Math.min(liPerTm[i], 0.1 * Math.max(0, c.tm.Ni - 0.6)) : 0;
    out[i] = liPerTm[i] - d + cationMixing[i] * 0.1 + crackFraction[i] * 0.01 + surfaceRockSalt_nm[i] * 1e-3;
    s += (mass[i] / (liPerTm[i] * 6.94 + c.m)) * d;
  }
  return s;
}

function passCursor(t, out) {
  let s = 0;
  const c = new Cursor(t);
  for (let i = 0; i < t.mass.length; i++) {
    c.i = i;
    const d = exchange(c);
    out[i] = score(c, d);
    s += tmKmol(c) * d;
  }
  return s;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const n of [4000, 40000, 4000, 40000]) {
  const lists = Array.from({ length: 10 }, () => lotObjects(n));
  const tables = lists.map(columns);
  const out = new Float64Array(n);
  const t = { objects: [], columns: [], cursor: [] };
  for (let r = 0; r < 30; r++) {
    let s = performance.now();
    for (const l of lists) passObjects(l, out);
    t.objects.push(performance.now() - s);
    s = performance.now();
    for (const c of tables) passColumns(c, out);
    t.columns.push(performance.now() - s);
    s = performance.now();
    for (const c of tables) passCursor(c, out);
    t.cursor.push(performance.now() - s);
  }
  const ns = (xs) => `${((median(xs) * 1e6) / (10 * n)).toFixed(1)} ns`.padStart(8);
  console.log(`${n.toLocaleString('en').padStart(6)} lots, per lot: objects ${ns(t.objects)}   columns ${ns(t.columns)}   cursor over columns ${ns(t.cursor)}`);
  other = [];
}
