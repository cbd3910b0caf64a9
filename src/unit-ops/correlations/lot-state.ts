/**
 * Reduced-order models of how repair steps move a lot's state (DESIGN.md "Regeneration outcome").
 * The physics lives in `mechanisms/`: `kinetics.ts` (Arrhenius, first-order approach, lot factors —
 * what every route shares), `ordering.ts` (lattice reconstruction at temperature: sintering, the
 * solid-state calcination and a hot eutectic melt), and one file per relithiation route with only what
 * differs (`hydrothermal.ts`, `molten-salt.ts`, `solid-state.ts`, `electrochemical.ts`). This file
 * gathers them for the units that use several.
 */
export { GAS_CONSTANT, rateAt, approach, progress, lotRateMultiplier, DEFAULT_LOT_FACTORS, type ArrheniusRate, type LotRateFactors } from './mechanisms/kinetics.js';
export { SINTERING_RATE, ORDERING_LOT_FACTORS, equilibriumCationMixing, healFactor, reorder, liVolatilised, latticeLiUptake, LI_VOLATILISATION, type Atmosphere, type OrderingStep, type Reordered, type LiVolatilisation } from './mechanisms/ordering.js';
export { HYDROTHERMAL_RATE, HYDROTHERMAL_LOT_FACTORS, hydroxideFactor, solutionLiPerTm } from './mechanisms/hydrothermal.js';
export { MOLTEN_SALT_RATE, MELT_ORDERING_RATE, MOLTEN_SALT_LOT_FACTORS, meltEquilibriumLiPerTm } from './mechanisms/molten-salt.js';
export { SOLID_STATE_REDISTRIBUTION, EXCESS_UPTAKE, redistributedLi } from './mechanisms/solid-state.js';
export { shareCharge } from './mechanisms/electrochemical.js';
