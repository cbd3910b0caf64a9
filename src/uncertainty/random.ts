/**
 * The seeded pseudo-random generator of regenflow's sampling: xoroshiro128+ (Blackman & Vigna,
 * 2016) as implemented by pure-rand 8.4.2 (`pure-rand/generator/xoroshiro128plus`), seeded with a
 * 32-bit integer. Doubles are built by pure-rand's `uniformFloat64` from two outputs (26 + 27
 * bits → a multiple of 2⁻⁵³ in [0, 1)); an exact 0 is redrawn so every uniform is in (0, 1) and
 * every quantile is finite. Independent streams (for the bootstrap) come from the generator's
 * `jump()`, equivalent to 2⁶⁴ draws.
 *
 * Determinism: all sample matrices are drawn in the main thread, in a documented order, before
 * any evaluation; workers only evaluate rows. Same seed → same matrix → same results, whatever
 * the number of workers.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** Largest seed accepted (seeds are unsigned 32-bit integers). */
export const MAX_SEED = 0xffffffff;

/** A stream of uniform random numbers. */
export interface Random {
  /** A uniform double in (0, 1) — never exactly 0 or 1. */
  uniform(): number;
  /** A uniform integer in [0, n) (floor of n·u; bias below n·2⁻⁵³). */
  below(n: number): number;
}

/** True when `seed` is an accepted seed: an integer in [0, 2³² − 1]. */
export function isSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/** A generator for `seed`; `stream` k > 0 is the same generator jumped k times (independent). */
export function createRandom(seed: number, stream = 0): Random {
  const rng = xoroshiro128plus(seed | 0);
  for (let k = 0; k < stream; k++) rng.jump();
  const uniform = (): number => {
    for (;;) {
      const u = uniformFloat64(rng);
      if (u > 0) return u;
    }
  };
  return { uniform, below: (n) => Math.min(n - 1, Math.floor(uniform() * n)) };
}
