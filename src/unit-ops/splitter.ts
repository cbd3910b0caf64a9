/**
 * `splitter`: divides one stream into outlets by fixed fractions (every component and lot alike),
 * e.g. a purge. With `tagLots`, each outlet's lots get `@<outlet>` appended to their ids so parts
 * that take different paths are never merged again downstream.
 *
 * Lot-wise split (`lotFractions`, issue 15: a hybrid plant's lots shared between parallel lines):
 * each feed lot — matched by its first origin, so a lot's distribution sub-lots (`ev-523#1…`)
 * follow it, or else by its id — goes to the outlets by its own shares; lots not listed use
 * `fractions`. An outlet that gets none of a lot carries no entry for it. The non-CAM components
 * (carbon, binder, foil…) follow the CAM in proportion to the lot mass each outlet receives
 * (assumption, as in `sorting`: every lot's scrap has the same non-CAM composition); without lots
 * in the inlet they follow `fractions`. Lot and component masses are split exactly (the last
 * outlet receiving a part takes the remainder), so mass and every element close.
 */
import { z } from 'zod';
import { defineUnitOp, noDesign, noEnergy } from './contract.js';
import { fraction, described } from '../schema/param.js';
import { emptyStream, splitStream, type Stream } from '../streams/stream.js';
import { copyLot, lotWithMass, type Lot } from '../streams/lot.js';
import { msg } from '../schema/messages.js';

const outletName = z.string().regex(/^[A-Za-z][\w-]*$/);

const params = z
  .strictObject({
    fractions: described(
      z.record(outletName, fraction({ description: 'share of the inlet sent to this outlet' })),
      { description: 'outlet name → fraction of the inlet; the fractions name the outlets and sum to 1', source: 'flowsheet author' },
    ),
    tagLots: described(z.boolean().default(false), {
      description: 'append @<outlet> to lot ids so the parts are tracked separately downstream',
      source: 'assumption: off by default (a purge rejoins nothing)',
    }),
    lotFractions: described(
      z.record(z.string().min(1), z.record(outletName, fraction({ description: 'share of the lot sent to this outlet' }))).optional(),
      { description: 'feed lot id → (outlet → share of that lot); unlisted outlets get 0, unlisted lots follow fractions; components follow the lot mass', source: 'flowsheet author (regenflow optimize --route writes it)' },
    ),
  })
  .superRefine((p, ctx) => {
    const names = Object.keys(p.fractions);
    if (names.length < 2) ctx.addIssue({ code: 'custom', path: ['fractions'], message: msg.tooSmall(names.length, 'at least 2 outlets') });
    const sum = Object.values(p.fractions).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['fractions'], message: msg.invalid(`split fractions sum to ${Number(sum.toPrecision(10))}; they must sum to 1 (± 1e-9)`) });
    for (const [lot, shares] of Object.entries(p.lotFractions ?? {})) {
      for (const outlet of Object.keys(shares)) if (!names.includes(outlet)) ctx.addIssue({ code: 'custom', path: ['lotFractions', lot, outlet], message: msg.lotFractionsOutlet(lot, outlet, names) });
      const s = Object.values(shares).reduce((a, b) => a + b, 0);
      if (Math.abs(s - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['lotFractions', lot], message: msg.lotFractionsSum(lot, s) });
    }
  });

type SplitterParams = z.output<typeof params>;

/** Split `total` by `shares` exactly: the last outlet with a share takes the remainder; zero shares give 0. */
function exactParts(total: number, shares: readonly number[]): number[] {
  let last = -1;
  shares.forEach((s, i) => { if (s > 0) last = i; });
  let rest = total;
  return shares.map((s, i) => {
    if (!(s > 0)) return 0;
    if (i === last) return rest;
    const v = total * s;
    rest -= v;
    return v;
  });
}

/** The lot-wise split (see the module comment). */
function splitByLot(p: SplitterParams, inlet: Stream, names: readonly string[]): Stream[] {
  const lotShares = p.lotFractions!;
  const parts = names.map(() => emptyStream(inlet.temperatureK));
  const lotMass = names.map(() => 0);
  for (const lot of inlet.lots) {
    const shares = lotShares[lot.origin[0] ?? lot.id] ?? lotShares[lot.id] ?? p.fractions;
    const f = names.map((n) => shares[n] ?? 0);
    exactParts(lot.massKgPerHour, f).forEach((kg, i) => {
      if (!(f[i]! > 0)) return;
      const part: Lot = lotWithMass(lot, kg);
      parts[i]!.lots.push(part);
      lotMass[i]! += kg;
    });
  }
  const total = lotMass.reduce((a, b) => a + b, 0);
  const componentShares = total > 0 ? lotMass.map((m) => m / total) : names.map((n) => p.fractions[n]!);
  for (const k in inlet.components) {
    exactParts(inlet.components[k]!, componentShares).forEach((kg, i) => { if (componentShares[i]! > 0) parts[i]!.components[k] = kg; });
  }
  return parts;
}

export const splitter = defineUnitOp({
  kind: 'splitter',
  summary: 'divides a stream into outlets by fixed fractions (purges, bypasses), or lot by lot (parallel lines)',
  params,
  ports: (p) => ({
    inlets: [{ name: 'in', description: 'stream to divide' }],
    outlets: Object.keys(p.fractions).map((name) => ({ name, description: p.lotFractions ? `the lots' shares for ${name}` : `fraction ${p.fractions[name]} of the inlet` })),
  }),
  run: (p, inlets) => {
    const names = Object.keys(p.fractions);
    const parts = p.lotFractions ? splitByLot(p, inlets.in!, names) : splitStream(inlets.in!, names.map((n) => p.fractions[n]!));
    const outlets: Record<string, Stream> = {};
    names.forEach((n, i) => {
      const s = parts[i]!;
      if (p.tagLots) s.lots = s.lots.map((l) => { const tagged = copyLot(l); tagged.id = `${l.id}@${n}`; return tagged; });
      outlets[n] = s;
    });
    return { outlets, draws: {}, recycled: {}, energy: noEnergy(), diagnostics: [] };
  },
  design: () => noDesign(),
});
