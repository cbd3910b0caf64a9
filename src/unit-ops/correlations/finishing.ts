/**
 * Shared helpers of the finishing unit operations (washing, filtration, drying, sintering, surface
 * reconstruction, coating, doping, electrode refabrication): component bookkeeping in kmol, lots
 * whose Li/TM moves with TM moles conserved, dissolution with solubility limits, the ideal-stage
 * counter-current washing formula, cake-liquor partition, particle surface area, the sensible heat
 * of lots and components, and temperature ramps (the kiln itself is correlations/kiln.ts).
 *
 * Everything here is plain-number arithmetic (run() sits in the solver hot loop).
 */
import { component, isComponent, resolveComponentId, COMPONENT_IDS } from '../../chemistry/components.js';
import { frameMolarMass, type CathodeChemistry } from '../../chemistry/cathode.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from '../../chemistry/elements.js';
import { copyLot, type Lot } from '../../streams/lot.js';
import { lotListMass, type Stream } from '../../streams/stream.js';
import { described, quantity, metaOf, type QuantityOptions } from '../../schema/param.js';
import { msg } from '../../schema/messages.js';
import { z } from 'zod';

/** Density of NCM active material, kg/m³ (BattMo sample_input.json NMC111 parameter, REFERENCE.md 1.6 [M]). */
export const NCM_DENSITY_KG_PER_M3 = 4650;
/** Density used for the volume of aqueous liquors, kg/m³ (assumption: dilute solutions ≈ water). */
export const LIQUOR_DENSITY_KG_PER_M3 = 1000;
/** Density used for the volume of solid components other than lots, kg/m³ (assumption: salts, carbons, foils ≈ 2500). */
export const OTHER_SOLIDS_DENSITY_KG_PER_M3 = 2500;
/** Heat capacity of liquid water, J/(kg·K) (registry value). */
export const WATER_CP = () => component('H2O').cp_J_per_kgK ?? 4184;

/** kmol of `kg` of a registry component. */
export function kmolOf(id: string, kg: number): number {
  return kg / component(id).molarMass_g_per_mol;
}

/** kg of `kmol` of a registry component. */
export function kgOf(id: string, kmol: number): number {
  return kmol * component(id).molarMass_g_per_mol;
}

/** Add `kg` of `id` into a component record (skips exact zeros). */
export function addKg(rec: Record<string, number>, id: string, kg: number): void {
  if (kg === 0) return;
  rec[id] = (rec[id] ?? 0) + kg;
}

const LI = ATOMIC_WEIGHT_G_PER_MOL.Li;
const FRAME = new WeakMap<CathodeChemistry, number>();

/**
 * Molar mass of everything but Li per mole of TM (cathode.ts frameMolarMass), cached per chemistry
 * object: chemistry objects are never mutated (doping and merging build new ones), and the
 * uncached version walks Object.entries on every call, which dominates run() time with many lots.
 * The one cache of unit-ops (preparation.ts and relithiation.ts read it too).
 */
export function frameMass(chem: CathodeChemistry): number {
  let m = FRAME.get(chem);
  if (m === undefined) {
    m = frameMolarMass(chem);
    FRAME.set(chem, m);
  }
  return m;
}

/** kmol/h of TM in a lot; the same arithmetic as streams/lot.ts lotTmKmolPerHour (cached frame mass). */
export function tmKmolOf(lot: Lot): number {
  return tmKmolWithFrame(lot, frameMass(lot.chemistry));
}

/** tmKmolOf with the lot's frame mass already looked up (a unit that needs it again keeps it per lot). */
export function tmKmolWithFrame(lot: Lot, frame: number): number {
  return lot.massKgPerHour / (lot.liPerTm * LI + frame);
}

/** Mass (kg/h) of `tmKmol` kmol/h of TM of `chem` at Li/TM `liPerTm`. */
export function lotMassAt(chem: CathodeChemistry, tmKmol: number, liPerTm: number): number {
  return lotMassWithFrame(frameMass(chem), tmKmol, liPerTm);
}

/** lotMassAt with the chemistry's frame mass already looked up. */
export function lotMassWithFrame(frame: number, tmKmol: number, liPerTm: number): number {
  return tmKmol * (liPerTm * LI + frame);
}

/** A copy of `lot` with Li/TM moved to `liPerTm`, TM moles conserved (mass follows the formula). */
export function withLiPerTm(lot: Lot, liPerTm: number): Lot {
  const moved = copyLot(lot);
  moved.massKgPerHour = massAtLiPerTm(lot, liPerTm);
  moved.liPerTm = liPerTm;
  return moved;
}

/** The mass flow of `lot` moved to Li/TM `liPerTm` (its TM moles kept), kg/h: withLiPerTm's. */
export function massAtLiPerTm(lot: Lot, liPerTm: number): number {
  const f = frameMass(lot.chemistry);
  const n = lot.massKgPerHour / (lot.liPerTm * LI + f);
  return n * (liPerTm * LI + f);
}

/** Heat-capacity flow of components (kg/h), kW/K; components without a registry Cp use `fallbackCp`. */
export function componentsCpFlow_kW_per_K(components: Record<string, number>, fallbackCp_J_per_kgK = 1000): number {
  let c = 0;
  for (const id in components) c += components[id]! * (component(id).cp_J_per_kgK ?? fallbackCp_J_per_kgK);
  return c / 3.6e6;
}

/** Volume flow of lots, m³/h (NCM density). */
export function lotsVolume_m3_per_h(lots: readonly Lot[]): number {
  return lotListMass(lots) / NCM_DENSITY_KG_PER_M3;
}

/** Specific surface of spheres of diameter `d50_um` and density `rho`, m² per kg (6 / (ρ·D)). */
export function sphereAreaPerKg_m2(d50_um: number, rho_kg_per_m3 = NCM_DENSITY_KG_PER_M3): number {
  return 6 / (rho_kg_per_m3 * Math.max(d50_um, 1e-6) * 1e-6);
}

/**
 * Fraction of a sphere's volume within `depth_nm` of its surface: 1 − (1 − 2h/D)³ (the Li a
 * surface treatment can reach). Clamped to [0, 1].
 */
export function shellFraction(d50_um: number, depth_nm: number): number {
  const d = Math.max(d50_um, 1e-6) * 1000; // nm
  const x = Math.min(1, Math.max(0, (2 * depth_nm) / d));
  return 1 - Math.pow(1 - x, 3);
}

// ---------------------------------------------------------------- soluble salts and washing

/**
 * Components that dissolve in wash water by default (soluble residues of relithiation media,
 * etching and coating precursors). Components of phase `liquid`/`aqueous` other than water (NMP,
 * H3PO4, NH3, carbonates…) are always treated as dissolved, listed or not.
 */
export const DEFAULT_SOLUBLES: readonly string[] = [
  'LiOH', 'LiOH·H2O', 'KOH', 'NaOH', 'LiNO3', 'Li2CO3', 'Na2SO4', 'Li2SO4', 'LiI', 'LiCl', 'Li-benzoate',
  'H3PO4', 'NH4H2PO4', '(NH4)2HPO4', 'citric-acid', 'Li3C6H5O7', 'NH3',
].filter((id) => isComponent(id));

/** DEFAULT_SOLUBLES as a set (built once). */
export const DEFAULT_SOLUBLES_SET: ReadonlySet<string> = new Set(DEFAULT_SOLUBLES);

/**
 * Solubility in water near 20–25 °C, kg solute per kg water (order-of-magnitude handbook values:
 * CRC Handbook "Aqueous solubility of inorganic compounds" and the compounds' data pages, quoted
 * from memory — assumption-grade; override with the `solubility` parameter). Components missing
 * here are treated as fully soluble. Li2CO3 has retrograde solubility (see li2co3Solubility).
 */
export const SOLUBILITY_KG_PER_KG_WATER: Record<string, number> = {
  LiOH: 0.128,
  'LiOH·H2O': 0.224, // LiOH 0.128 expressed as the monohydrate (× 41.96/23.95)
  KOH: 1.21,
  NaOH: 1.11,
  LiNO3: 0.6,
  Na2SO4: 0.28,
  Li2SO4: 0.349,
  LiI: 1.65,
  LiCl: 0.83,
  'Li-benzoate': 0.3, // assumption: no handbook value at hand; "soluble"
  NH4H2PO4: 0.37,
  '(NH4)2HPO4': 0.69,
  'citric-acid': 1.47,
  Li3C6H5O7: 0.745,
};

/**
 * Li2CO3 solubility, kg per kg water, at `tK`: 1.54 (0 °C), 1.29 (25 °C), 1.08 (40 °C), 0.69 (100 °C)
 * g per 100 g water (handbook values, retrograde), interpolated linearly and held outside 0–100 °C.
 */
export function li2co3Solubility(tK: number): number {
  const t = tK - 273.15;
  const pts: [number, number][] = [[0, 1.54], [25, 1.29], [40, 1.08], [100, 0.69]];
  if (t <= 0) return 0.0154;
  for (let i = 1; i < pts.length; i++) {
    const [t1, s1] = pts[i]!;
    const [t0, s0] = pts[i - 1]!;
    if (t <= t1) return (s0 + ((s1 - s0) * (t - t0)) / (t1 - t0)) / 100;
  }
  return 0.0069;
}

/** Solubility (kg/kg water) of a component at `tK`, with user overrides first. Infinity when unlimited. */
export function solubilityOf(id: string, tK: number, overrides: Record<string, number>): number {
  const o = overrides[id];
  if (o !== undefined) return o;
  if (id === 'Li2CO3') return li2co3Solubility(tK);
  return SOLUBILITY_KG_PER_KG_WATER[id] ?? Infinity;
}

const SOLUBLE_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();
/** A parsed `solubles` list as a set, built once per params array (run() is called many times). */
export function solubleSet(list: readonly string[]): ReadonlySet<string> {
  let set = SOLUBLE_SETS.get(list);
  if (!set) {
    set = new Set(list);
    SOLUBLE_SETS.set(list, set);
  }
  return set;
}

/** How the components of a stream behave in water. */
export interface AqueousSplit {
  /** Liquid water, kg/h. */
  water: number;
  /** Gases (and water vapour), kg/h: they leave with the liquor / vapour side. */
  gases: Record<string, number>;
  /** Solid components that do not dissolve, kg/h. */
  insoluble: Record<string, number>;
  insolubleMass: number;
  /** Soluble components: total amount, kg/h. */
  solutes: Record<string, number>;
}

/** True when a component is treated as a solute (listed, or a non-water liquid/aqueous species). */
export function isSolute(id: string, solubles: ReadonlySet<string>): boolean {
  if (id === 'H2O') return false;
  if (solubles.has(id)) return true;
  const ph = component(id).phase;
  return ph === 'liquid' || ph === 'aqueous';
}

/** Classify the components of a stream into water, gases, insoluble solids and solutes. */
export function aqueousSplit(s: Stream, solubles: ReadonlySet<string>): AqueousSplit {
  const out: AqueousSplit = { water: 0, gases: {}, insoluble: {}, insolubleMass: 0, solutes: {} };
  for (const id in s.components) {
    const kg = s.components[id]!;
    if (kg === 0) continue;
    if (id === 'H2O') out.water += kg;
    else if (component(id).phase === 'gas') out.gases[id] = (out.gases[id] ?? 0) + kg;
    else if (isSolute(id, solubles)) out.solutes[id] = (out.solutes[id] ?? 0) + kg;
    else {
      out.insoluble[id] = (out.insoluble[id] ?? 0) + kg;
      out.insolubleMass += kg;
    }
  }
  return out;
}

/**
 * Split each solute into the part that dissolves in `waterKg` (limited by its solubility at `tK`)
 * and the part that stays solid.
 */
export function dissolve(solutes: Record<string, number>, waterKg: number, tK: number, overrides: Record<string, number>): { dissolved: Record<string, number>; undissolved: Record<string, number>; undissolvedMass: number } {
  const dissolved: Record<string, number> = {};
  const undissolved: Record<string, number> = {};
  let undissolvedMass = 0;
  for (const id in solutes) {
    const total = solutes[id]!;
    const cap = solubilityOf(id, tK, overrides) * Math.max(0, waterKg);
    const d = Math.min(total, cap);
    dissolved[id] = d;
    const u = total - d;
    if (u > 0) {
      undissolved[id] = u;
      undissolvedMass += u;
    }
  }
  return { dissolved, undissolved, undissolvedMass };
}

/**
 * Ideal-stage counter-current washing. Solids carry `cakeWater` (L) of liquor out of every stage;
 * fresh wash water W enters the last stage, the feed (with `feedWater` F of liquor) the first.
 * With R = W/L and N ideal stages the fraction of the dissolved solute that stays in the washed
 * cake is
 *     f = 1 / (1 + (F/L + R − 1) · Σ_{j=0}^{N−1} R^j),   Σ = (R^N − 1)/(R − 1)  (N for R = 1).
 * For F = L this is the classical (R − 1)/(R^{N+1} − 1) of counter-current decantation; with W = 0
 * it reduces to dewatering, f = L/F. Non-integer N (stage efficiency × stages) uses the same sum.
 */
export function counterCurrentRetained(feedWater: number, cakeWater: number, washWater: number, idealStages: number): number {
  if (!(cakeWater > 0)) return 0;
  const overflow = feedWater + washWater - cakeWater;
  if (!(overflow > 0)) return 1;
  const r = washWater / cakeWater;
  const n = Math.max(idealStages, 0);
  const sum = Math.abs(r - 1) < 1e-9 ? n : (Math.pow(r, n) - 1) / (r - 1);
  return 1 / (1 + (overflow / cakeWater) * sum);
}

/** Water in a cake of `drySolidsKg` at water mass fraction `moisture` (water / (water + dry solids)). */
export function cakeWaterFor(drySolidsKg: number, moisture: number): number {
  return moisture >= 1 ? Infinity : (drySolidsKg * moisture) / (1 - moisture);
}

// ---------------------------------------------------------------- parameter helpers

/**
 * An optional quantity whose default depends on other parameters (resolved in run()); keeps the
 * parameter metadata, with `defaultText` saying what the default is.
 */
export function optionalQuantity(unit: string, o: QuantityOptions & { defaultText: string }) {
  const q = quantity(unit, o);
  return q.optional().meta({ ...metaOf(q)!, defaultText: o.defaultText });
}

/** A list of registry components as a parameter (names or aliases; unknown names are load errors). */
export function componentList(defaults: readonly string[], description: string, source: string) {
  return described(
    z.array(z.string()).default([...defaults]).transform((xs, ctx) =>
      xs.map((x, i) => {
        const id = resolveComponentId(x);
        if (!id) ctx.addIssue({ code: 'custom', path: [i], message: msg.unknownComponent(x, COMPONENT_IDS) });
        return id ?? x;
      }),
    ),
    { description, source },
  );
}

/**
 * Highest solubility override accepted, kg solute per kg water: the most soluble salts the engine
 * knows dissolve ≈1–1.2 kg/kg at room temperature (KOH, LiNO3; CRC Handbook [MEMORY]), so 10 kg/kg
 * can only be a typo.
 */
export const SOLUBILITY_MAX = 10;

/** A component → number map as a parameter (keys resolved to registry ids; values from 0 to `max`). */
export function componentNumberMap(description: string, source: string, unit: string, max = Infinity) {
  return described(
    z.record(z.string(), z.number().min(0).max(max)).default({}).transform((rec, ctx) => {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(rec)) {
        const id = resolveComponentId(k);
        if (!id) ctx.addIssue({ code: 'custom', path: [k], message: msg.unknownComponent(k, COMPONENT_IDS) });
        else out[id] = v;
      }
      return out;
    }),
    { description, source, unit },
  );
}

// ---------------------------------------------------------------- temperature ramps

/** Hours of a temperature ramp from `fromK` to `toK` at `rateKPerH` (0 when no change). */
export function rampHours(fromK: number, toK: number, rateKPerH: number): number {
  return rateKPerH > 0 ? Math.abs(toK - fromK) / rateKPerH : 0;
}
