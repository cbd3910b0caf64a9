/**
 * Electrochemical relithiation: the lots, cast as working electrodes, take Li⁺ from a Li2SO4
 * electrolyte under a cathodic current (review: "precise control over lithium insertion", Table 1
 * [81]; "slow kinetics, low throughput").
 *
 * Mechanism: the charge passed sets the Li inserted. Electrodes in parallel at one cell voltage draw
 * current by their potential — the more delithiated, the more current — and by their kinetics, so
 * the Faradaic part of the charge (FE × Q) is shared among lots in proportion to deficit × rate
 * multiplier, each lot taking no more than it can accept at the set current density: its deficit less
 * a share `controlSpread`·(1 − min(1, m)) that slow particles (large, single-crystal, Ni-rich) lose to
 * side reactions. What a full lot cannot take is passed on to the others (water filling); charge
 * left when every lot is full electrolyses water (H2 + O2), as does the Faradaic loss. Cathodic only:
 * no lot is delithiated, none passes the target. Room temperature: no reordering (an anneal follows).
 */

/**
 * Share a Faradaic charge `li` (kmol Li/h) among lots with capacities `cap` (kmol/h each can still take)
 * and weights `w` (current shares): each takes w_i/Σw of what is left, at most its capacity; the
 * excess of full lots goes round again. Returns the Li each lot takes (Σ ≤ li).
 */
export function shareCharge(li: number, cap: readonly number[], w: readonly number[]): number[] {
  const n = cap.length;
  const x = new Array<number>(n).fill(0);
  let left = li;
  const open = new Set<number>();
  for (let i = 0; i < n; i++) if (cap[i]! > 0 && w[i]! > 0) open.add(i);
  // Each round fills at least one lot or hands out everything, so n rounds suffice.
  for (let round = 0; round <= n && left > 1e-15 * li && open.size > 0; round++) {
    let wSum = 0;
    for (const i of open) wSum += w[i]!;
    let given = 0;
    for (const i of [...open]) {
      const want = (left * w[i]!) / wSum;
      const room = cap[i]! - x[i]!;
      const take = Math.min(want, room);
      x[i]! += take;
      given += take;
      if (take >= room) open.delete(i);
    }
    left -= given;
  }
  return x;
}
