import { describe, expect, it } from 'vitest';
import { mixStreams, splitStream, scaleStream, streamMass, streamElements, heatCapacityFlow_W_per_K } from '../../src/streams/stream.js';
import { mergeLots } from '../../src/streams/lot.js';
import { makeLot, makeStream } from '../helpers.js';

describe('streams and lots', () => {
  it('mixing keeps lots of different ids distinct and adds components', () => {
    const a = makeStream({ H2O: 10 }, [makeLot({ id: 'x', liPerTm: 0.8 })]);
    const b = makeStream({ H2O: 5, LiOH: 1 }, [makeLot({ id: 'y', liPerTm: 0.95 })]);
    const m = mixStreams([a, b]);
    expect(m.components).toEqual({ H2O: 15, LiOH: 1 });
    expect(m.lots.map((l) => [l.id, l.liPerTm])).toEqual([['x', 0.8], ['y', 0.95]]);
    expect(streamMass(m)).toBeCloseTo(216, 12);
  });

  it('merging same-id lots conserves mass and every element exactly', () => {
    const a = makeLot({ id: 'x', liPerTm: 0.8, massKgPerHour: 300, cationMixing: 0.1 });
    const b = makeLot({ id: 'x', liPerTm: 1.0, massKgPerHour: 100, cationMixing: 0.02 });
    const merged = mergeLots(a, b);
    expect(merged.massKgPerHour).toBeCloseTo(400, 10);
    const before = streamElements(makeStream({}, [a, b]));
    const after = streamElements(makeStream({}, [merged]));
    for (const el of Object.keys(before)) expect(after[el as 'Li']).toBeCloseTo(before[el as 'Li']!, 9);
    expect(merged.liPerTm).toBeGreaterThan(0.8);
    expect(merged.liPerTm).toBeLessThan(0.85); // TM-mole weighted: mostly the 300 kg part
  });

  it('splitting keeps every lot in every part with the fractions of its mass', () => {
    const s = makeStream({ Al: 10 }, [makeLot({ id: 'x', massKgPerHour: 100 }), makeLot({ id: 'y', massKgPerHour: 50 })]);
    const [p, q] = splitStream(s, [0.3, 0.7]);
    expect(p!.lots.map((l) => l.massKgPerHour)).toEqual([30, 15]);
    expect(q!.lots.map((l) => l.id)).toEqual(['x', 'y']);
    expect(streamMass(p!) + streamMass(q!)).toBeCloseTo(streamMass(s), 12);
    expect(q!.components.Al).toBeCloseTo(7, 12);
  });

  it('scaling multiplies every flow', () => {
    const s = scaleStream(makeStream({ Al: 10 }, [makeLot({ id: 'x', massKgPerHour: 100 })]), 2);
    expect(streamMass(s)).toBe(220);
  });

  it('element flows are derived from formulas', () => {
    // 23.947 kg/h LiOH = 1 kmol/h: 6.94 kg Li, 15.999 kg O, 1.008 kg H.
    const e = streamElements(makeStream({ LiOH: 6.94 + 15.999 + 1.008 }));
    expect(e.Li).toBeCloseTo(6.94, 12);
    expect(e.O).toBeCloseTo(15.999, 12);
    expect(e.H).toBeCloseTo(1.008, 12);
  });

  it('mixing temperature is heat-capacity weighted', () => {
    const hot = makeStream({ H2O: 100 }, [], 350);
    const cold = makeStream({ H2O: 100 }, [], 300);
    expect(mixStreams([hot, cold]).temperatureK).toBeCloseTo(325, 10);
    expect(heatCapacityFlow_W_per_K(hot)).toBeGreaterThan(0);
  });
});
