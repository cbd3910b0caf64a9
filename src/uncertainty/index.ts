/**
 * Uncertainty and sensitivity (issue 8): distributions, seeded sampling (Monte Carlo, Latin
 * hypercube, Saltelli), evaluation in worker threads, Monte Carlo statistics with Spearman rank
 * correlations, tornado swings and Sobol indices. Re-exports only.
 */
export * from './special.js';
export * from './random.js';
export * from './distributions.js';
export * from './sampling.js';
export * from './statistics.js';
export * from './runner.js';
export * from './evaluator.js';
export * from './pool.js';
export * from './report.js';
export * from './inputs.js';
export * from './monte-carlo.js';
export * from './tornado.js';
export * from './sobol.js';
export * from './scenario.js';
export * from './scope.js';
export * from './ranges.js';
export * from './paired.js';
export * from './progress.js';
export * from '../schema/uncertainty.js';
