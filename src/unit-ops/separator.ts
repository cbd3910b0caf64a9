/**
 * `separator`: an ideal component splitter. Each component goes to the outlets by the given
 * fractions (the rest to the `rest` outlet); cathode lots likewise by `lots`. Mass and elements
 * close by construction.
 */
import { z } from 'zod';
import { defineUnitOp, noDesign, noEnergy } from './contract.js';
import { fraction, described } from '../schema/param.js';
import { emptyStream } from '../streams/stream.js';
import { lotWithMass } from '../streams/lot.js';
import { msg } from '../schema/messages.js';
import { resolveComponentId, COMPONENT_IDS } from '../chemistry/components.js';

const portName = z.string().regex(/^[A-Za-z][\w-]*$/);
const shares = z.record(portName, fraction({ description: 'fraction sent to this outlet' }));

const params = z
  .strictObject({
    outlets: described(z.array(portName).min(2).default(['top', 'bottom']), {
      description: 'names of the outlets', source: 'assumption: two outlets, top and bottom',
    }),
    split: described(z.record(z.string(), shares).default({}), {
      description: 'component → { outlet: fraction }; what a component does not send elsewhere goes to `rest`',
      source: 'flowsheet author',
    }),
    lots: described(shares.default({}), {
      description: 'cathode lots: { outlet: fraction }; the rest goes to `rest`', source: 'flowsheet author',
    }),
    rest: described(portName.optional(), { description: 'outlet that takes everything not assigned (default: the last outlet)', source: 'assumption' }),
  })
  .superRefine((p, ctx) => {
    const outs = new Set(p.outlets);
    const rest = p.rest ?? p.outlets[p.outlets.length - 1]!;
    if (!outs.has(rest)) ctx.addIssue({ code: 'custom', path: ['rest'], message: msg.notOneOf(rest, p.outlets) });
    const check = (path: (string | number)[], s: Record<string, number>) => {
      let sum = 0;
      for (const [o, f] of Object.entries(s)) {
        if (!outs.has(o)) ctx.addIssue({ code: 'custom', path: [...path, o], message: msg.notOneOf(o, p.outlets) });
        sum += f;
      }
      if (sum > 1 + 1e-9) ctx.addIssue({ code: 'custom', path, message: msg.invalid(`fractions sum to ${Number(sum.toPrecision(10))}; they must not exceed 1`) });
    };
    for (const [c, s] of Object.entries(p.split)) {
      if (!resolveComponentId(c)) ctx.addIssue({ code: 'custom', path: ['split', c], message: msg.unknownComponent(c, COMPONENT_IDS) });
      check(['split', c], s);
    }
    check(['lots'], p.lots);
  });

export const separator = defineUnitOp({
  kind: 'separator',
  summary: 'ideal component splitter: each component and the lots go to outlets by fractions',
  params,
  ports: (p) => ({
    inlets: [{ name: 'in', description: 'stream to separate' }],
    outlets: p.outlets.map((name) => ({ name, description: `outlet ${name}` })),
  }),
  run: (p, inlets) => {
    const s = inlets.in!;
    const rest = p.rest ?? p.outlets[p.outlets.length - 1]!;
    const outlets: Record<string, ReturnType<typeof emptyStream>> = {};
    for (const o of p.outlets) outlets[o] = emptyStream(s.temperatureK);
    const splitById: Record<string, Record<string, number>> = {};
    for (const [c, sh] of Object.entries(p.split)) splitById[resolveComponentId(c)!] = sh;
    for (const id in s.components) {
      const total = s.components[id]!;
      let left = total;
      const sh = splitById[id];
      if (sh) {
        for (const [o, f] of Object.entries(sh)) {
          if (o === rest) continue;
          const v = total * f;
          outlets[o]!.components[id] = (outlets[o]!.components[id] ?? 0) + v;
          left -= v;
        }
      }
      outlets[rest]!.components[id] = (outlets[rest]!.components[id] ?? 0) + left;
    }
    for (const lot of s.lots) {
      let left = lot.massKgPerHour;
      for (const [o, f] of Object.entries(p.lots)) {
        if (o === rest) continue;
        const v = lot.massKgPerHour * f;
        outlets[o]!.lots.push(lotWithMass(lot, v));
        left -= v;
      }
      outlets[rest]!.lots.push(lotWithMass(lot, left));
    }
    return { outlets, draws: {}, recycled: {}, energy: noEnergy(), diagnostics: [] };
  },
  design: () => noDesign(),
});
