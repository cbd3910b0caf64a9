/**
 * Derived prices (prices.ts): the other LiOH form from the one given, steam from natural gas and
 * the boiler efficiency, metal.Li from Li2CO3 — each made by one rule (DERIVATIONS) that derive()
 * runs on a whole set and a merge in place runs alone on the keys its shape planned.
 */
import { component } from '../chemistry/components.js';
import type { PriceEntry } from './prices.js';
import { derivedEntry, LCE, LIOH_FROM_MONO, LITHIUM, MONO_FROM_LIOH, STEAM } from './price-entries.js';

const M = (id: string) => component(id).molarMass_g_per_mol;

/** Price of `to` per kg derived from the price of `from` per kg (same Li content). */
function lithiumHydroxideConversion(from: 'LiOH' | 'LiOH·H2O', to: 'LiOH' | 'LiOH·H2O'): number {
  // 1 kg of `to` holds the lithium of M(from)/M(to) kg of `from` (one Li per formula unit), so
  // price per kg of `to` = price per kg of `from` × M(from)/M(to): LiOH·H2O = LiOH × 23.95/41.96.
  return M(from) / M(to);
}

/**
 * Remove derived entries and derive them again from the given ones (already in USD of `year`, so
 * derived money is of that year too). The derived entries make their texts when read
 * (price-entries.ts): a Monte Carlo sample derives again the prices its overrides reach.
 */
export function derive(items: Map<string, PriceEntry>, year: number): void {
  for (const [k, e] of [...items]) if (e.origin === 'derived') items.delete(k);
  const lioh = items.get('LiOH');
  const mono = items.get('LiOH·H2O');
  if (lioh && !mono) {
    items.set('LiOH·H2O', DERIVATIONS['LiOH·H2O'].make(year, lioh));
  } else if (mono && !lioh) {
    items.set('LiOH', DERIVATIONS.LiOH.make(year, mono));
  }
  const ng = items.get('natural-gas');
  const eta = items.get('boiler-efficiency');
  if (!items.has('steam') && ng && eta) {
    items.set('steam', DERIVATIONS.steam.make(year, ng, eta));
  }
  const carbonate = items.get('Li2CO3');
  if (!items.has('metal.Li') && carbonate) {
    items.set('metal.Li', DERIVATIONS['metal.Li'].make(year, carbonate));
  }
}

/** How derive() makes a derived price: the given prices it reads, in order, and the entry it makes of them. */
export interface Derivation {
  from: readonly string[];
  /** The entry derived from `a` (and `b`); `sample`: for prices only read by property (price-entries.ts derivedEntry). */
  make(year: number, a: PriceEntry, b?: PriceEntry, sample?: boolean): PriceEntry;
}

/** The derivations of derive(), by the key each makes (also run alone by mergeInPlace, on the keys its shape planned). */
export const DERIVATIONS: Readonly<Record<'LiOH·H2O' | 'LiOH' | 'steam' | 'metal.Li', Derivation>> = {
  'LiOH·H2O': { from: ['LiOH'], make: (year, lioh, _, sample) => derivedEntry('LiOH·H2O', lioh.value * lithiumHydroxideConversion('LiOH', 'LiOH·H2O'), 'USD/kg', year, MONO_FROM_LIOH, lioh, undefined, sample) },
  LiOH: { from: ['LiOH·H2O'], make: (year, mono, _, sample) => derivedEntry('LiOH', mono.value * lithiumHydroxideConversion('LiOH·H2O', 'LiOH'), 'USD/kg', year, LIOH_FROM_MONO, mono, undefined, sample) },
  steam: { from: ['natural-gas', 'boiler-efficiency'], make: (year, ng, eta, sample) => derivedEntry('steam', ng.value / eta!.value, 'USD/kWh', year, STEAM, ng, eta, sample) },
  'metal.Li': { from: ['Li2CO3'], make: (year, carbonate, _, sample) => derivedEntry('metal.Li', carbonate.value * LCE, 'USD/kg', year, LITHIUM, carbonate, undefined, sample) },
};

/**
 * The keys each derivation of derive() reads or writes: the two LiOH forms, steam from natural gas
 * and the boiler efficiency, metal.Li from Li2CO3. The groups do not read one another.
 */
export const DERIVATION_GROUPS: readonly (readonly string[])[] = [['LiOH', 'LiOH·H2O'], ['natural-gas', 'boiler-efficiency', 'steam'], ['Li2CO3', 'metal.Li']];
