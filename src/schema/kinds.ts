/**
 * The unit-operation kinds (a contract: flowsheet files and users name them). The registry in
 * unit-ops/registry.ts must implement every kind listed here, or the project does not compile.
 */
export const UNIT_KINDS = [
  'mixer',
  'splitter',
  'separator',
  'reactor',
  'relithiation-hydrothermal',
  'relithiation-molten-salt',
  'relithiation-solid-state',
  'relithiation-electrochemical',
  'relithiation-redox-mediated',
  // <<kinds: relithiation>>
  'sorting',
  'delamination-nmp',
  'delamination-thermal',
  'delamination-alkaline',
  'delamination-ultrasonic',
  'delamination-des',
  'liquor-recovery',
  'flotation',
  'lithium-recovery',
  // <<kinds: preparation>>
  'washing',
  'filtration',
  'drying',
  'sintering',
  'surface-reconstruction',
  'coating',
  'doping',
  'electrode-refabrication',
  // <<kinds: finishing>>
] as const;

/** A unit-operation kind name. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Boundary nodes of every flowsheet: the feed enters at `feed`, material leaves at the others. */
export const BOUNDARIES = ['feed', 'product', 'byproduct', 'waste', 'emissions'] as const;

/** A boundary node name. */
export type Boundary = (typeof BOUNDARIES)[number];

/** True when `name` is a boundary node. */
export function isBoundary(name: string): name is Boundary {
  return (BOUNDARIES as readonly string[]).includes(name);
}
