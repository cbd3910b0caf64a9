/**
 * `mixer`: combines every stream connected to its inlet into one outlet stream (adiabatic; lots
 * with the same id merge, others stay distinct).
 */
import { z } from 'zod';
import { defineUnitOp, noDesign, noEnergy } from './contract.js';
import { mixStreams } from '../streams/stream.js';

export const mixer = defineUnitOp({
  kind: 'mixer',
  summary: 'combines the streams connected to its inlet into one outlet (adiabatic)',
  params: z.strictObject({}),
  ports: () => ({
    inlets: [{ name: 'in', description: 'streams to combine (any number may connect here)' }],
    outlets: [{ name: 'out', description: 'the combined stream' }],
  }),
  run: (_p, inlets) => ({
    outlets: { out: mixStreams([inlets.in!]) },
    draws: {},
    recycled: {},
    energy: noEnergy(),
    diagnostics: [],
  }),
  design: () => noDesign(),
});
