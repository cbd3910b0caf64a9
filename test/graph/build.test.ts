import { describe, expect, it } from 'vitest';
import { buildGraph, GraphError, type GraphUnitInput } from '../../src/graph/build.js';

const unit = (id: string, inlets: string[], outlets: string[], kind = 'test', optional: string[] = []): GraphUnitInput => ({
  id,
  kind,
  ports: { inlets: inlets.map((n) => ({ name: n, description: n, optional: optional.includes(n) })), outlets: outlets.map((n) => ({ name: n, description: n })) },
});

function issues(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof GraphError) return e.issues.map((i) => `${i.path.join('/')}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('graph rules', () => {
  it('orders an acyclic flowsheet and finds the feed', () => {
    const g = buildGraph([unit('a', ['in'], ['out']), unit('b', ['in'], ['out'])], [
      { from: 'feed', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'product' },
    ]);
    expect(g.order.map((b) => b.units)).toEqual([['a'], ['b']]);
    expect(g.order[0]!.cyclic).toBe(false);
    expect(g.feedStream.id).toBe('feed->a');
  });

  it('tears a recycle loop with the fewest streams, or the marked one', () => {
    const units = [unit('m', ['in'], ['out']), unit('r', ['in'], ['out']), unit('s', ['in'], ['top', 'bottom'])];
    const streams = [
      { from: 'feed', to: 'm' }, { from: 'm', to: 'r' }, { from: 'r', to: 's' },
      { from: 's.top', to: 'm' }, { from: 's.bottom', to: 'product' },
    ];
    const g = buildGraph(units, streams);
    // Tearing m->r, the loop is solved from r (fed by the tear guess) to s to m.
    expect(g.order).toEqual([{ units: ['r', 's', 'm'], members: ['m', 'r', 's'], cyclic: true, tears: ['m->r'] }]);
    const marked = buildGraph(units, streams.map((s) => (s.from === 's.top' ? { ...s, tear: true } : s)));
    expect(marked.order[0]!.tears).toEqual(['s.top->m']);
    expect(marked.order[0]!.units).toEqual(['m', 'r', 's']);
  });

  it('reports every rule broken, with the place and what to do', () => {
    const found = issues(() => buildGraph(
      [unit('a', ['in'], ['cam', 'foil'], 'delamination-nmp'), unit('a', ['in'], ['out']), unit('product', ['in'], ['out'])],
      [
        { from: 'feed', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'a.camx', to: 'product' },
        { from: 'product.x', to: 'waste' },
        { from: 'a.cam', to: 'feed' },
      ],
    ));
    expect(found).toEqual([
      'units/1/id: duplicate unit id "a" (first used by units[0]); give every unit its own id',
      'units/2/id: "product" is a reserved boundary name (feed, product, byproduct, waste, emissions); choose another unit id',
      'streams/1/from: unit "a" (delamination-nmp) has several outlets (cam, foil); name one, e.g. a.cam',
      'streams/1/to: no unit named "b"; units are: a, a, product (boundaries: feed, product, byproduct, waste, emissions)',
      'streams/2/from: unit "a" (delamination-nmp) has no outlet "camx" (did you mean "cam"?); its outlets are: cam, foil',
      'streams/3/from: the product boundary has no ports (product.x given); write just product',
      'streams/4/to: the feed boundary only supplies streams; use feed in "from", not "to"',
    ]);
  });

  it('requires every port connected and each outlet used once', () => {
    const found = issues(() => buildGraph(
      [unit('a', ['in', 'recycle'], ['cam', 'foil'], 'x', ['recycle']), unit('b', ['in'], ['out'])],
      [{ from: 'feed', to: 'a' }, { from: 'a.cam', to: 'b' }, { from: 'a.cam', to: 'waste', id: 'dup' }],
    ));
    expect(found).toEqual([
      'units/0: outlet "foil" of unit "a" (x) is not connected; add a stream { from: a.foil, to: <unit or waste/product/byproduct/emissions> }',
      'units/1: outlet "out" of unit "b" (test) is not connected; add a stream { from: b.out, to: <unit or waste/product/byproduct/emissions> }',
      'streams/2/from: outlet "cam" of unit "a" feeds more than one stream (a.cam->b, dup); an outlet feeds one stream — add a splitter to divide it',
    ]);
  });

  it('finds units the feed never reaches and marked tears outside loops', () => {
    expect(issues(() => buildGraph([unit('a', ['in'], ['out']), unit('b', ['in'], ['out'])], [
      { from: 'feed', to: 'a' }, { from: 'a', to: 'product' }, { from: 'b', to: 'b' },
    ]))).toEqual(['units/1: unit "b" receives no material from the feed (not reachable from it); connect it or remove it']);
    expect(issues(() => buildGraph([unit('a', ['in'], ['out'])], [
      { from: 'feed', to: 'a', tear: true }, { from: 'a', to: 'product' },
    ]))).toEqual(['streams/0/tear: stream "feed->a" is marked tear: true but is not part of a recycle loop; remove the mark']);
    expect(issues(() => buildGraph([unit('a', ['in'], ['out'])], [{ from: 'a', to: 'product' }, { from: 'a', to: 'waste', id: 'z' }]))).toContain(
      'streams/1/from: outlet "out" of unit "a" feeds more than one stream (a->product, z); an outlet feeds one stream — add a splitter to divide it',
    );
  });
});
