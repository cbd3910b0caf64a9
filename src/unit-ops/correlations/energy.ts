/**
 * Bottom-up energy bookkeeping shared by the unit operations: sensible heat m·cp·ΔT, latent heat
 * of evaporation, heater/furnace efficiency, wall losses and motors, collected as EnergyItems so
 * every figure can be traced. Delivered heat is the physical minimum divided by an efficiency ≤ 1,
 * so it is never below the minimum.
 */
import type { EnergyItem, EnergyUse, HeatUtility } from '../contract.js';
import { heatCapacityFlow_W_per_K, type Stream } from '../../streams/stream.js';
import { component } from '../../chemistry/components.js';

/** Sensible heat rate, kW, to take `kgPerHour` with heat capacity `cp` (J/(kg·K)) through `dT` (K). */
export function sensibleKw(kgPerHour: number, cp_J_per_kgK: number, dT_K: number): number {
  return (kgPerHour * cp_J_per_kgK * dT_K) / 3.6e6;
}

/** Sensible heat rate, kW, to take a whole stream from its temperature to `toK` (0 if cooling). */
export function streamSensibleKw(s: Stream, toK: number): number {
  return Math.max(0, (heatCapacityFlow_W_per_K(s) * (toK - s.temperatureK)) / 1000);
}

/** Latent heat rate, kW, of evaporating `kgPerHour` of a registry component (water, NMP, DMC). */
export function evaporationKw(componentId: string, kgPerHour: number): number {
  const c = component(componentId);
  if (c.latentHeat_J_per_kg === undefined) throw new Error(`internal: no latent heat for ${componentId}`);
  return (kgPerHour * c.latentHeat_J_per_kg) / 3.6e6;
}

/**
 * Short derivation of an energy item shown in reports: the text, or a function that writes it —
 * called only when the run describes (a Monte Carlo sample does not, and skips the formatting).
 * The units a Monte Carlo sample runs pass `ledger.describe ? text : ''` instead: no closure, nor
 * a context holding what it reads, is made for a ledger that does not describe (and the text is
 * the same: heat, loss, motor and electric write the basis at once when describing).
 */
export type BasisText = string | (() => string);

/** The text of a basis. */
export function basisText(b: BasisText): string {
  return typeof b === 'string' ? b : b();
}

/** Options of a heat item. */
export interface HeatOptions {
  /** Supplying utility: electricity (resistive), natural gas (fired) or steam. */
  utility: 'electricity' | HeatUtility;
  /** Fraction of delivered energy that reaches the material (0 < η ≤ 1). */
  efficiency: number;
  /** Short derivation shown in reports. */
  basis: BasisText;
}

/**
 * Names of a family of energy items, `<prefix><x><suffix>` (e.g. "evaporation of H2O"), each made
 * once per x: the ledger keeps a name even when it does not describe (its efficiency check quotes
 * it), and every Monte Carlo sample runs every unit — a name joined per run was a new string.
 * x is a component id, a vessel name, an enumerated setting or a small count: the family stays small.
 */
export function itemNames(prefix: string, suffix: string): (x: string | number) => string {
  const made = new Map<string | number, string>();
  return (x) => {
    let full = made.get(x);
    if (full === undefined) made.set(x, (full = `${prefix}${x}${suffix}`));
    return full;
  };
}

/**
 * Collects the energy items of one unit and produces its EnergyUse. With `describe` false
 * (RunContext.describe: a Monte Carlo sample) there are no items: only reports list them (run
 * document, workbook), so a sample keeps their sums — added as build adds the items, in item order,
 * so every total is the same to the last bit — and makes no item object.
 */
export class EnergyLedger {
  private items: EnergyItem[] = [];
  /**
   * Whether `items` has been handed out by build: the first build gives its list rather than a
   * copy (a unit builds once, as its run returns; every Monte Carlo sample runs every unit), and an
   * item added after it, or another build, takes a copy first.
   */
  private handed = false;
  private minimum = 0;
  /** Without items (describe false): electricity, and heat by utility in order of first use, as build sums them. */
  private electricity = 0;
  private heatSums: Partial<Record<HeatUtility, number>> = {};
  /** Delivered kW of every item but motors, in item order (heatingKw). */
  private heating = 0;

  constructor(readonly describe = true) {}

  /**
   * An item: listed when the ledger describes (its basis written, with the efficiency it was divided
   * by when given), else added to the sums build would make of it.
   */
  private put(name: string, category: EnergyItem['category'], kw: number, utility: EnergyItem['utility'], basis: BasisText, efficiency?: number): void {
    if (category !== 'motor') this.heating += kw;
    if (this.describe) {
      const text = efficiency === undefined ? basisText(basis) : `${basisText(basis)}; ÷ efficiency ${efficiency}`;
      this.list().push({ name, category, kw, utility, basis: text });
      return;
    }
    if (utility === 'electricity') this.electricity += kw;
    else {
      if (this.handed) {
        this.heatSums = { ...this.heatSums };
        this.handed = false;
      }
      this.heatSums[utility] = (this.heatSums[utility] ?? 0) + kw;
    }
  }

  /**
   * A heat duty: `minimumKw` is what the material needs (sensible, latent or reaction); the
   * delivered energy is minimumKw / efficiency on the given utility.
   */
  heat(name: string, category: 'sensible' | 'latent' | 'reaction', minimumKw: number, o: HeatOptions): this {
    if (!(o.efficiency > 0 && o.efficiency <= 1)) throw new Error(`internal: efficiency ${o.efficiency} of "${name}" outside (0, 1]`);
    if (minimumKw <= 0) return this;
    this.minimum += minimumKw;
    this.put(name, category, minimumKw / o.efficiency, o.utility, o.basis, o.efficiency);
    return this;
  }

  /** A loss (wall/radiation loss, holding energy) on a utility, kW delivered. */
  loss(name: string, kw: number, utility: 'electricity' | HeatUtility, basis: BasisText): this {
    if (kw > 0) this.put(name, 'loss', kw, utility, basis);
    return this;
  }

  /** Electric motors, pumps, fans, kW. */
  motor(name: string, kw: number, basis: BasisText): this {
    if (kw > 0) this.put(name, 'motor', kw, 'electricity', basis);
    return this;
  }

  /** Any other electricity use (electrochemical cells, ultrasound, sorting sensors), kW. */
  electric(name: string, category: 'electrochemical' | 'other', kw: number, basis: BasisText): this {
    if (kw > 0) this.put(name, category, kw, 'electricity', basis);
    return this;
  }

  /** Delivered kW of every item but motors (heat, losses, electrochemical and other uses), summed in item order. */
  heatingKw(): number {
    return this.heating;
  }

  /** The item list to add to: a copy of the one build handed out. */
  private list(): EnergyItem[] {
    if (this.handed) {
      this.items = this.items.slice();
      this.handed = false;
    }
    return this.items;
  }

  /** The EnergyUse: electricity and heat by utility summed from the items (a list of its own). */
  build(): EnergyUse {
    if (!this.describe) {
      // The sums as the loop below makes them from the items; the heat record handed out (copied
      // before a later item changes it) and an empty list of its own.
      this.handed = true;
      return { electricityKw: this.electricity, heatKw: this.heatSums, items: [], minimumHeatKw: this.minimum };
    }
    let electricityKw = 0;
    const heatKw: Partial<Record<HeatUtility, number>> = {};
    const items = this.handed ? this.items.slice() : this.items;
    this.handed = true;
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.utility === 'electricity') electricityKw += it.kw;
      else heatKw[it.utility] = (heatKw[it.utility] ?? 0) + it.kw;
    }
    return { electricityKw, heatKw, items, minimumHeatKw: this.minimum };
  }
}

/**
 * Heat lost through the walls of a hot vessel or kiln, kW: U·A·(T − T_ambient), with the
 * surface A in m² and U the overall loss coefficient in W/(m²·K).
 */
export function wallLossKw(u_W_per_m2K: number, area_m2: number, tK: number, ambientK: number): number {
  return (u_W_per_m2K * area_m2 * Math.max(0, tK - ambientK)) / 1000;
}

/** Outer surface of a cylindrical vessel of volume V (m³) with height/diameter ratio h/d, m². */
export function cylinderSurfaceM2(volume_m3: number, heightOverDiameter = 1.5): number {
  const d = Math.cbrt((4 * volume_m3) / (Math.PI * heightOverDiameter));
  const h = heightOverDiameter * d;
  return Math.PI * d * h + (Math.PI * d * d) / 2;
}
