/**
 * `splitter`: divides one stream into outlets by fixed fractions (every component and lot alike),
 * e.g. a purge. With `tagLots`, each outlet's lots get `@<outlet>` appended to their ids so parts
 * that take different paths are never merged again downstream.
 */
import { z } from 'zod';
import { defineUnitOp, noDesign, noEnergy } from './contract.js';
import { fraction, described } from '../schema/param.js';
import { splitStream } from '../streams/stream.js';
import { msg } from '../schema/messages.js';

const params = z
  .strictObject({
    fractions: described(
      z.record(z.string().regex(/^[A-Za-z][\w-]*$/), fraction({ description: 'share of the inlet sent to this outlet' })),
      { description: 'outlet name → fraction of the inlet; the fractions name the outlets and sum to 1', source: 'flowsheet author' },
    ),
    tagLots: described(z.boolean().default(false), {
      description: 'append @<outlet> to lot ids so the parts are tracked separately downstream',
      source: 'assumption: off by default (a purge rejoins nothing)',
    }),
  })
  .superRefine((p, ctx) => {
    const names = Object.keys(p.fractions);
    if (names.length < 2) ctx.addIssue({ code: 'custom', path: ['fractions'], message: msg.tooSmall(names.length, 'at least 2 outlets') });
    const sum = Object.values(p.fractions).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['fractions'], message: msg.invalid(`split fractions sum to ${Number(sum.toPrecision(10))}; they must sum to 1 (± 1e-9)`) });
  });

export const splitter = defineUnitOp({
  kind: 'splitter',
  summary: 'divides a stream into outlets by fixed fractions (purges, bypasses)',
  params,
  ports: (p) => ({
    inlets: [{ name: 'in', description: 'stream to divide' }],
    outlets: Object.keys(p.fractions).map((name) => ({ name, description: `fraction ${p.fractions[name]} of the inlet` })),
  }),
  run: (p, inlets) => {
    const names = Object.keys(p.fractions);
    const parts = splitStream(inlets.in!, names.map((n) => p.fractions[n]!));
    const outlets: Record<string, ReturnType<typeof splitStream>[number]> = {};
    names.forEach((n, i) => {
      const s = parts[i]!;
      if (p.tagLots) s.lots = s.lots.map((l) => ({ ...l, id: `${l.id}@${n}` }));
      outlets[n] = s;
    });
    return { outlets, draws: {}, recycled: {}, energy: noEnergy(), diagnostics: [] };
  },
  design: () => noDesign(),
});
