/**
 * The registry of unit operations: every kind of schema/kinds.ts with its implementation. The
 * `satisfies` clause makes a kind without an implementation a compile error.
 */
import type { UnitKind } from '../schema/kinds.js';
import type { UnitOp } from './contract.js';
import { mixer } from './mixer.js';
import { splitter } from './splitter.js';
import { separator } from './separator.js';
import { reactor } from './reactor.js';
// <<imports: relithiation>>
// <<imports: preparation>>
// <<imports: finishing>>

/** Every unit-operation kind and its implementation. */
export const REGISTRY = {
  mixer,
  splitter,
  separator,
  reactor,
  // <<registry: relithiation>>
  // <<registry: preparation>>
  // <<registry: finishing>>
} satisfies { [K in UnitKind]: UnitOp<any, K> };

/** The implementation of a kind. */
export function unitOp(kind: UnitKind): UnitOp {
  return REGISTRY[kind] as unknown as UnitOp;
}
