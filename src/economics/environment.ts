/**
 * Environmental figures per kg of in-spec product, each on a stated boundary:
 * - site energy, MJ/kg (energyMjPerKgProduct, as EverBatt reports it): final energy bought at the
 *   gate — electricity + natural gas + the fuel that raises the steam (steam kWh ÷ boiler
 *   efficiency); the GREET energy embodied in reagents is reported beside it;
 * - primary energy, MJ/kg (primaryEnergyMjPerKgProduct): cradle to gate, the boundary of the
 *   virgin comparator (GREET "total energy" of virgin CAM) — electricity × the grid's primary
 *   energy per kWh, fuel × natural gas's primary energy per kWh (upstream included), plus the
 *   reagents' GREET cradle-to-gate energy. The spent feed enters burden-free (cut-off: its first
 *   life carries its production);
 * - GHG, kg CO2e/kg, cradle to gate too: grid electricity (regional factor at the wall, GREET,
 *   upstream included), natural gas (and the fuel behind the steam) at a factor that should
 *   include its upstream (the shipped sets use a full fuel-cycle factor), process CO2 to air
 *   (emissionsKgPerYear.CO2: binder burn-off, carbonate decomposition; CO counted as the CO2 it
 *   becomes) and reagents' embodied GHG (GREET factors);
 * - water, L/kg: fresh process water drawn (reagent H2O, 1 kg = 1 L) + GREET water embodied in the
 *   reagents — both in the KPI, each reported apart.
 * Virgin cathode figures (GREET via EverBatt 2023) are given alongside, weighted by the in-spec
 * product's chemistries.
 *
 * GREET values are EverBatt 2023's "GREET IO" sheet per (short) ton converted at 907.18 kg/ton
 * (REFERENCE.md 1.3.8, Part 3 point 4: the short-ton trap).
 */
import { component } from '../chemistry/components.js';
import { chemistryByName } from '../chemistry/cathode.js';
import type { EconomicsInput } from './input.js';

const GAL_L = 3.785411784;
const GREET = 'GREET-2022 via EverBatt 2023 "GREET IO", per short ton ÷ 907.18 kg (REFERENCE.md 1.3.8)';

/** Cradle-to-gate factors of a material: total energy MJ/kg, water gal/kg, GHG kg CO2e/kg. */
export interface GreetFactor {
  energyMjPerKg: number;
  waterGalPerKg: number;
  ghgKgPerKg: number;
  source: string;
}

/** GREET factors of reagents by registry component id. */
export const REAGENT_FACTORS: Readonly<Record<string, GreetFactor>> = {
  LiOH: { energyMjPerKg: 291.9, waterGalPerKg: 27.8, ghgKgPerKg: 24.24, source: `${GREET}; assumption: per kg of anhydrous LiOH, as EverBatt's LiOH prices (REFERENCE.md Part 3 point 4)` },
  Li2CO3: { energyMjPerKg: 134.5, waterGalPerKg: 13.1, ghgKgPerKg: 12.39, source: GREET },
  NMP: { energyMjPerKg: 98.7, waterGalPerKg: 1.02, ghgKgPerKg: 5.08, source: GREET },
  PVDF: { energyMjPerKg: 36.3, waterGalPerKg: 1.63, ghgKgPerKg: 2.29, source: GREET },
  NaOH: { energyMjPerKg: 33.1, waterGalPerKg: 3.61, ghgKgPerKg: 2.12, source: GREET },
  CaO: { energyMjPerKg: 5.0, waterGalPerKg: 1.23, ghgKgPerKg: 1.28, source: `${GREET} (lime)` },
  O2: { energyMjPerKg: 3.1, waterGalPerKg: 0.25, ghgKgPerKg: 0.196, source: GREET },
  graphite: { energyMjPerKg: 100.6, waterGalPerKg: 2.59, ghgKgPerKg: 9.11, source: GREET },
  Al: { energyMjPerKg: 92.3, waterGalPerKg: 25.3, ghgKgPerKg: 6.05, source: GREET },
  Cu: { energyMjPerKg: 65.2, waterGalPerKg: 7.05, ghgKgPerKg: 4.49, source: GREET },
};

/** The LiOH·H2O factor, derived once (read only). */
let LIOH_HYDRATE: GreetFactor | undefined;

/** The GREET factor of a reagent; LiOH·H2O from LiOH by molar mass (same Li per mole). */
export function reagentFactor(id: string): GreetFactor | undefined {
  const direct = REAGENT_FACTORS[id];
  if (direct) return direct;
  if (id === 'LiOH·H2O') {
    if (!LIOH_HYDRATE) {
      const base = REAGENT_FACTORS.LiOH!;
      const f = component('LiOH').molarMass_g_per_mol / component('LiOH·H2O').molarMass_g_per_mol;
      LIOH_HYDRATE = { energyMjPerKg: base.energyMjPerKg * f, waterGalPerKg: base.waterGalPerKg * f, ghgKgPerKg: base.ghgKgPerKg * f, source: `LiOH factor × M(LiOH)/M(LiOH·H2O) = ${f.toFixed(4)} [DERIVED]; LiOH: ${base.source}` };
    }
    return LIOH_HYDRATE;
  }
  return undefined;
}

/** Virgin cathode active material, cradle to gate (GREET via EverBatt 2023) and on-site energy (EverBatt 2019 Table 18). */
export interface VirginFactor extends GreetFactor {
  /** On-site electricity + natural gas of the cathode plant, MJ/kg (EverBatt 2019 Table 18), when known. */
  siteEnergyMjPerKg?: number;
}

/** Virgin CAM figures by chemistry name. EverBatt's "NMC532" is Ni0.5Mn0.3Co0.2 (Ni–Mn–Co order) = NCM523. */
export const VIRGIN_CAM: Readonly<Record<string, VirginFactor>> = {
  NCM111: { energyMjPerKg: 300.2, waterGalPerKg: 28.5, ghgKgPerKg: 21.36, siteEnergyMjPerKg: 25.2 + 42.62, source: `${GREET} (NMC111); site energy EverBatt 2019 Table 18: 25.20 MJ electricity + 42.62 MJ natural gas (REFERENCE.md 1.1.7)` },
  NCM523: { energyMjPerKg: 308.8, waterGalPerKg: 26.3, ghgKgPerKg: 22.02, source: `${GREET} ("NMC532", written Ni–Mn–Co)` },
  NCM622: { energyMjPerKg: 321.5, waterGalPerKg: 27.1, ghgKgPerKg: 22.87, siteEnergyMjPerKg: 25.2 + 42.63, source: `${GREET} (NMC622); site energy EverBatt 2019 Table 18: 25.20 + 42.63 MJ (REFERENCE.md 1.1.7)` },
  NCM811: { energyMjPerKg: 365.7, waterGalPerKg: 28.4, ghgKgPerKg: 25.49, siteEnergyMjPerKg: 28.8 + 42.62, source: `${GREET} (NMC811); site energy EverBatt 2019 Table 18: 28.80 + 42.62 MJ (REFERENCE.md 1.1.7)` },
  NCA: { energyMjPerKg: 387.7, waterGalPerKg: 30.6, ghgKgPerKg: 27.03, source: `${GREET} (NCA)` },
};

/** Factors the environmental figures need from the price set (region). */
export interface EnvironmentFactors {
  gridKgPerKwh: number;
  naturalGasKgPerKwh: number;
  boilerEfficiency: number;
  /** Primary energy per kWh of electricity delivered and per kWh of natural gas burnt, MJ/kWh (null: not given). */
  primaryElectricityMjPerKwh: number | null;
  primaryNaturalGasMjPerKwh: number | null;
  /** ghg.<id> overrides from the prices, kg CO2e/kg. */
  reagentGhgOverrides: Record<string, number>;
}

/** A reagent's contribution. */
export interface ReagentFootprint {
  id: string;
  kgPerYear: number;
  energyMj: number;
  ghgKg: number;
  waterL: number;
  source: string;
}

/** Environmental figures of a run. */
export interface EnvironmentResult {
  productKgPerYear: number;
  energy: {
    electricityMj: number;
    naturalGasMj: number;
    /** Fuel burnt to raise the steam: steam kWh ÷ boiler efficiency × 3.6. */
    steamFuelMj: number;
    siteMj: number;
    reagentsMj: number;
    perKgProduct: number | null;
    withReagentsPerKgProduct: number | null;
    /** Cradle-to-gate primary energy (null when a primary-energy factor is missing). */
    primary: { electricityMj: number; fuelMj: number; reagentsMj: number; totalMj: number; perKgProduct: number | null } | null;
  };
  ghg: {
    electricityKg: number;
    naturalGasKg: number;
    steamKg: number;
    processKg: number;
    reagentsKg: number;
    totalKg: number;
    perKgProduct: number | null;
    factors: { gridKgPerKwh: number; naturalGasKgPerKwh: number; boilerEfficiency: number };
  };
  water: {
    processL: number;
    reagentsL: number;
    totalL: number;
    perKgProduct: number | null;
    processPerKgProduct: number | null;
  };
  reagents: ReagentFootprint[];
  /** Reagents drawn that have no GREET factor (not counted). */
  unfactoredReagents: string[];
  virgin: {
    /** In-spec product kg covered by a virgin figure. */
    coveredKgPerYear: number;
    energyMjPerKg: number | null;
    siteEnergyMjPerKg: number | null;
    ghgKgCo2ePerKg: number | null;
    waterLPerKg: number | null;
    byChemistry: { chemistry: string; kgPerYear: number; energyMjPerKg: number; ghgKgCo2ePerKg: number; waterLPerKg: number; siteEnergyMjPerKg: number | null; source: string }[];
    notCovered: string[];
  };
}

/**
 * Process emissions counted as GHG, kg CO2e per kg: CO2 (GWP 1) and CO, whose carbon is counted
 * as the CO2 it oxidises to (M(CO2)/M(CO)); the engine tracks no CH4 or N2O.
 */
const PROCESS_GHG: Record<string, number> = { CO2: 1, CO: component('CO2').molarMass_g_per_mol / component('CO').molarMass_g_per_mol };

/**
 * The sums the environmental figures are made of, worked out in one pass over the reagents, the
 * emissions and the in-spec product (environmentSums).
 */
export interface EnvironmentSums {
  product: number;
  electricityMj: number;
  naturalGasMj: number;
  steamFuelMj: number;
  siteMj: number;
  reagentsMj: number;
  reagentsGhg: number;
  reagentsWater: number;
  electricityKg: number;
  naturalGasKg: number;
  steamKg: number;
  processKg: number;
  totalKg: number;
  processL: number;
  /** Primary energy of electricity and of fuel and its total (null when a primary-energy factor is missing). */
  primary: { electricityMj: number; fuelMj: number; totalMj: number } | null;
  unfactored: string[];
  covered: number;
  vE: number;
  vG: number;
  vW: number;
  siteCovered: number;
  vS: number;
}

/** The lists of the figures' details (environment() gives them; a Monte Carlo sample's are made only when read). */
export interface EnvironmentDetails {
  reagents: ReagentFootprint[];
  byChemistry: EnvironmentResult['virgin']['byChemistry'];
  notCovered: string[];
}

/** Environmental figures per year and per kg of in-spec product. */
export function environment(input: EconomicsInput, f: EnvironmentFactors): EnvironmentResult {
  const d = environmentDetails();
  return environmentOf(environmentSums(input, f, d), f, d);
}

/** Empty lists of details, for environmentSums to fill. */
export function environmentDetails(): EnvironmentDetails {
  return { reagents: [], byChemistry: [], notCovered: [] };
}

/** The environmental figures of sums and their details (environmentSums of the same factors). */
export function environmentOf(s: EnvironmentSums, f: EnvironmentFactors, d: EnvironmentDetails): EnvironmentResult {
  const product = s.product;
  const per = (x: number) => (product > 0 ? x / product : null);
  const { electricityMj, naturalGasMj, steamFuelMj, siteMj, reagentsMj, processL, covered, siteCovered } = s;
  const primary: EnvironmentResult['energy']['primary'] = s.primary === null ? null : { electricityMj: s.primary.electricityMj, fuelMj: s.primary.fuelMj, reagentsMj, totalMj: s.primary.totalMj, perKgProduct: per(s.primary.totalMj) };
  return {
    productKgPerYear: product,
    energy: { electricityMj, naturalGasMj, steamFuelMj, siteMj, reagentsMj, perKgProduct: per(siteMj), withReagentsPerKgProduct: per(siteMj + reagentsMj), primary },
    ghg: { electricityKg: s.electricityKg, naturalGasKg: s.naturalGasKg, steamKg: s.steamKg, processKg: s.processKg, reagentsKg: s.reagentsGhg, totalKg: s.totalKg, perKgProduct: per(s.totalKg), factors: { gridKgPerKwh: f.gridKgPerKwh, naturalGasKgPerKwh: f.naturalGasKgPerKwh, boilerEfficiency: f.boilerEfficiency } },
    water: { processL, reagentsL: s.reagentsWater, totalL: processL + s.reagentsWater, perKgProduct: per(processL + s.reagentsWater), processPerKgProduct: per(processL) },
    reagents: d.reagents,
    unfactoredReagents: s.unfactored,
    virgin: {
      coveredKgPerYear: covered,
      energyMjPerKg: covered > 0 ? s.vE / covered : null,
      siteEnergyMjPerKg: siteCovered > 0 ? s.vS / siteCovered : null,
      ghgKgCo2ePerKg: covered > 0 ? s.vG / covered : null,
      waterLPerKg: covered > 0 ? s.vW / covered : null,
      byChemistry: d.byChemistry,
      notCovered: d.notCovered,
    },
  };
}

/** The figures the KPIs read, from environmentSums as environment() works them out. */
export interface EnvironmentKpis {
  energyPerKg: number | null;
  /** null when a primary-energy factor is missing (environment().energy.primary === null). */
  primaryPerKg: number | null;
  primaryMissing: boolean;
  ghgPerKg: number | null;
  waterPerKg: number | null;
  virginEnergyMjPerKg: number | null;
  virginGhgKgCo2ePerKg: number | null;
  virginWaterLPerKg: number | null;
  virginSiteEnergyMjPerKg: number | null;
}

/** The KPI figures of the sums: the same divisions as environment()'s. */
export function environmentKpis(s: EnvironmentSums): EnvironmentKpis {
  const product = s.product;
  return {
    energyPerKg: perKg(s.siteMj, product),
    primaryPerKg: s.primary === null ? null : perKg(s.primary.totalMj, product),
    primaryMissing: s.primary === null,
    ghgPerKg: perKg(s.totalKg, product),
    waterPerKg: perKg(s.processL + s.reagentsWater, product),
    virginEnergyMjPerKg: s.covered > 0 ? s.vE / s.covered : null,
    virginGhgKgCo2ePerKg: s.covered > 0 ? s.vG / s.covered : null,
    virginWaterLPerKg: s.covered > 0 ? s.vW / s.covered : null,
    virginSiteEnergyMjPerKg: s.siteCovered > 0 ? s.vS / s.siteCovered : null,
  };
}

/** `x` per kg of `productKg` (null for no product): a function of the module, not a closure per call. */
function perKg(x: number, productKg: number): number | null {
  return productKg > 0 ? x / productKg : null;
}

/**
 * The sums of the environmental figures, with their details pushed to `d` when given: a Monte Carlo
 * sample reads only the KPIs, so it makes no footprint per reagent and no virgin figure per
 * chemistry (its environment is made in full if ever read). Every sum is environment()'s, by the
 * same operations in the same order. Without `d` the record is the module's reused one (SAMPLE_SUMS:
 * read it before the next call, keep nothing of it); with `d`, a record of its own.
 */
export function environmentSums(input: EconomicsInput, f: EnvironmentFactors, d?: EnvironmentDetails): EnvironmentSums {
  let product = 0;
  for (let i = 0; i < input.products.inSpec.length; i++) product = product + input.products.inSpec[i]!.kgPerYear;
  const ng = input.heatKwhPerYear['natural-gas'];
  const steamFuelKwh = input.heatKwhPerYear.steam / f.boilerEfficiency;
  const electricityMj = input.electricityKwhPerYear * 3.6;
  const naturalGasMj = ng * 3.6;
  const steamFuelMj = steamFuelKwh * 3.6;
  const siteMj = electricityMj + naturalGasMj + steamFuelMj;
  // A sample's record and its lists are the reused ones (SAMPLE_SUMS), a described run's its own.
  const unfactored: string[] = d ? [] : SAMPLE_UNFACTORED;
  if (!d) unfactored.length = 0;
  let reagentsMj = 0;
  let reagentsGhg = 0;
  let reagentsWater = 0;
  for (const id in input.reagentsKgPerYear) {
    const kg = input.reagentsKgPerYear[id]!;
    if (id === 'H2O' || kg === 0) continue;
    const factor = reagentFactor(id);
    const ghgOverride = f.reagentGhgOverrides[id];
    if (!factor && ghgOverride === undefined) {
      unfactored.push(id);
      continue;
    }
    const e = factor ? kg * factor.energyMjPerKg : 0;
    const g = kg * (ghgOverride ?? factor!.ghgKgPerKg);
    const w = factor ? kg * factor.waterGalPerKg * GAL_L : 0;
    reagentsMj += e;
    reagentsGhg += g;
    reagentsWater += w;
    if (d) d.reagents.push({ id, kgPerYear: kg, energyMj: e, ghgKg: g, waterL: w, source: ghgOverride !== undefined ? `GHG: prices ghg.${id}; ${factor?.source ?? 'no GREET energy/water factor'}` : factor!.source });
  }
  const electricityKg = input.electricityKwhPerYear * f.gridKgPerKwh;
  const naturalGasKg = ng * f.naturalGasKgPerKwh;
  const steamKg = steamFuelKwh * f.naturalGasKgPerKwh;
  let processKg = 0;
  for (const id in input.emissionsKgPerYear) processKg += input.emissionsKgPerYear[id]! * (PROCESS_GHG[id] ?? 0);
  const totalKg = electricityKg + naturalGasKg + steamKg + processKg + reagentsGhg;
  const processL = input.reagentsKgPerYear.H2O ?? 0;
  // Virgin comparison, weighted by in-spec product chemistry.
  let covered = 0;
  let vE = 0;
  let vG = 0;
  let vW = 0;
  let siteCovered = 0;
  let vS = 0;
  const inSpec = input.products.inSpec;
  // Indexed: a for…of allocates an iterator result per product in the baseline tiers.
  for (let i = 0; i < inSpec.length; i++) {
    const p = inSpec[i]!;
    if (p.kgPerYear <= 0) continue;
    const name = virginName(p.chemistry);
    const v = Object.hasOwn(VIRGIN_CAM, name) ? VIRGIN_CAM[name] : undefined;
    if (!v) {
      if (d && !d.notCovered.includes(name)) d.notCovered.push(name);
      continue;
    }
    covered += p.kgPerYear;
    vE += p.kgPerYear * v.energyMjPerKg;
    vG += p.kgPerYear * v.ghgKgPerKg;
    vW += p.kgPerYear * v.waterGalPerKg * GAL_L;
    if (v.siteEnergyMjPerKg !== undefined) {
      siteCovered += p.kgPerYear;
      vS += p.kgPerYear * v.siteEnergyMjPerKg;
    }
    if (d) d.byChemistry.push({ chemistry: name, kgPerYear: p.kgPerYear, energyMjPerKg: v.energyMjPerKg, ghgKgCo2ePerKg: v.ghgKgPerKg, waterLPerKg: v.waterGalPerKg * GAL_L, siteEnergyMjPerKg: v.siteEnergyMjPerKg ?? null, source: v.source });
  }
  const needElectricity = input.electricityKwhPerYear > 0;
  const needFuel = ng + steamFuelKwh > 0;
  let primary: EnvironmentSums['primary'] = null;
  if ((!needElectricity || f.primaryElectricityMjPerKwh !== null) && (!needFuel || f.primaryNaturalGasMjPerKwh !== null)) {
    const pElectricity = needElectricity ? input.electricityKwhPerYear * f.primaryElectricityMjPerKwh! : 0;
    const pFuel = needFuel ? (ng + steamFuelKwh) * f.primaryNaturalGasMjPerKwh! : 0;
    const totalMj = pElectricity + pFuel + reagentsMj;
    primary = d ? { electricityMj: pElectricity, fuelMj: pFuel, totalMj } : SAMPLE_PRIMARY;
    primary.electricityMj = pElectricity;
    primary.fuelMj = pFuel;
    primary.totalMj = totalMj;
  }
  const out: EnvironmentSums = d ? newSums() : SAMPLE_SUMS;
  out.product = product;
  out.electricityMj = electricityMj;
  out.naturalGasMj = naturalGasMj;
  out.steamFuelMj = steamFuelMj;
  out.siteMj = siteMj;
  out.reagentsMj = reagentsMj;
  out.reagentsGhg = reagentsGhg;
  out.reagentsWater = reagentsWater;
  out.electricityKg = electricityKg;
  out.naturalGasKg = naturalGasKg;
  out.steamKg = steamKg;
  out.processKg = processKg;
  out.totalKg = totalKg;
  out.processL = processL;
  out.primary = primary;
  out.unfactored = unfactored;
  out.covered = covered;
  out.vE = vE;
  out.vG = vG;
  out.vW = vW;
  out.siteCovered = siteCovered;
  out.vS = vS;
  return out;
}

/** A record of sums in EnvironmentSums' key order (filled at once by environmentSums). */
function newSums(): EnvironmentSums {
  return { product: 0, electricityMj: 0, naturalGasMj: 0, steamFuelMj: 0, siteMj: 0, reagentsMj: 0, reagentsGhg: 0, reagentsWater: 0, electricityKg: 0, naturalGasKg: 0, steamKg: 0, processKg: 0, totalKg: 0, processL: 0, primary: null, unfactored: [], covered: 0, vE: 0, vG: 0, vW: 0, siteCovered: 0, vS: 0 };
}

/**
 * The record, primary-energy sums and list of unfactored reagents environmentSums fills without
 * details (a Monte Carlo sample): one of each for the module, valid until the next such call — a
 * sample reads them at once (environmentKpis, the no-greet-factor note, which copies the list) and
 * keeps none of them; ≈ 0.8 KB of numbers per sample otherwise.
 */
const SAMPLE_SUMS: EnvironmentSums = newSums();
const SAMPLE_PRIMARY: NonNullable<EnvironmentSums['primary']> = { electricityMj: 0, fuelMj: 0, totalMj: 0 };
const SAMPLE_UNFACTORED: string[] = [];

/** The canonical name of a chemistry for the virgin figures (chemistryByName, cached per name). */
const VIRGIN_NAMES = new Map<string, string>();

function virginName(chemistry: string): string {
  let n = VIRGIN_NAMES.get(chemistry);
  if (n === undefined) VIRGIN_NAMES.set(chemistry, (n = chemistryByName(chemistry)?.name ?? chemistry));
  return n;
}
