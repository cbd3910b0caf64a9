/**
 * The component registry: every species a stream can carry besides cathode-active-material lots.
 * Each has a formula, so molar mass and element content are computed, never typed in.
 * Heat capacities and latent heats name their source; where none is given the energy models use
 * their own stated assumption.
 */
import { parseFormula, molarMass, type Composition } from './formula.js';
import { ATOMIC_WEIGHT_G_PER_MOL, type Element } from './elements.js';

/** Physical state as it usually appears in the process. */
export type Phase = 'solid' | 'liquid' | 'gas' | 'aqueous';

/** A component of the registry. */
export interface Component {
  id: string;
  name: string;
  formula: string;
  phase: Phase;
  /** Specific heat capacity near ambient, J/(kg·K). */
  cp_J_per_kgK?: number;
  /** Latent heat of vaporisation, J/kg (for solvents that are evaporated). */
  latentHeat_J_per_kg?: number;
  /** Normal boiling point, K. */
  boilingPoint_K?: number;
  /** Melting point, K (salts used molten). */
  meltingPoint_K?: number;
  source: string;
  aliases?: string[];
}

/** A registry entry with its parsed composition and molar mass (g/mol). */
export interface ResolvedComponent extends Component {
  composition: Composition;
  molarMass_g_per_mol: number;
  /** Elements of the formula and their mass fractions (same order), for fast element flows. */
  elements: Element[];
  massFractions: number[];
}

const JOULE_PER_CAL = 4.184;
/** Heat capacity from a molar value in cal/(mol·K) and a formula. */
const cpFromCalPerMolK = (cal: number, formula: string) => (cal * JOULE_PER_CAL * 1000) / molarMass(parseFormula(formula));
/** Heat capacity from a molar value in J/(mol·K) and a formula. */
const cpFromJPerMolK = (j: number, formula: string) => (j * 1000) / molarMass(parseFormula(formula));

const HSC = 'HSC Cp at 100 °C via EverBatt 2023 "Materials" (REFERENCE.md 1.6)';
const NIST = 'NIST Chemistry WebBook, SRD 69 (condensed-phase Cp near 298 K)';
const CRC = 'CRC Handbook of Chemistry and Physics, specific heat of the elements at 25 °C';

const DATA: Component[] = [
  // metals and carbons
  { id: 'Al', name: 'aluminium foil', formula: 'Al', phase: 'solid', cp_J_per_kgK: 897, source: CRC },
  { id: 'Cu', name: 'copper foil', formula: 'Cu', phase: 'solid', cp_J_per_kgK: 385, source: CRC },
  { id: 'Fe', name: 'iron/steel impurity', formula: 'Fe', phase: 'solid', cp_J_per_kgK: 449, source: CRC },
  { id: 'graphite', name: 'graphite', formula: 'C', phase: 'solid', cp_J_per_kgK: 709, source: CRC },
  { id: 'carbon-black', name: 'carbon black', formula: 'C', phase: 'solid', cp_J_per_kgK: 709, source: `${CRC} (graphite value; assumption: carbon black ≈ graphite)` },
  { id: 'CNT', name: 'carbon nanotubes', formula: 'C', phase: 'solid', cp_J_per_kgK: 709, source: `${CRC} (graphite value; assumption)` },
  { id: 'graphene', name: 'graphene', formula: 'C', phase: 'solid', cp_J_per_kgK: 709, source: `${CRC} (graphite value; assumption)` },
  // binders and plastics (repeat units)
  { id: 'PVDF', name: 'polyvinylidene fluoride binder', formula: '(C2H2F2)n', phase: 'solid', cp_J_per_kgK: 1200, source: 'assumption: typical semicrystalline fluoropolymer Cp ≈ 1.2 kJ/(kg·K) (polymer handbooks give 1.0–1.5)' },
  { id: 'PAA', name: 'polyacrylic acid binder', formula: '(C3H4O2)n', phase: 'solid', cp_J_per_kgK: 1400, source: 'assumption: typical polymer Cp ≈ 1.4 kJ/(kg·K)' },
  { id: 'alginate', name: 'sodium alginate binder', formula: '(C6H7NaO6)n', phase: 'solid', cp_J_per_kgK: 1400, source: 'assumption: typical polysaccharide Cp ≈ 1.4 kJ/(kg·K)' },
  { id: 'PP', name: 'polypropylene', formula: '(C3H6)n', phase: 'solid', cp_J_per_kgK: 1920, source: 'assumption: polypropylene Cp ≈ 1.9 kJ/(kg·K) (polymer handbooks)' },
  { id: 'PE', name: 'polyethylene', formula: '(C2H4)n', phase: 'solid', cp_J_per_kgK: 2300, source: 'assumption: polyethylene Cp ≈ 2.3 kJ/(kg·K) (polymer handbooks)' },
  // electrolyte
  { id: 'LiPF6', name: 'lithium hexafluorophosphate', formula: 'LiPF6', phase: 'solid', source: 'formula only' },
  { id: 'EC', name: 'ethylene carbonate', formula: 'C3H4O3', phase: 'liquid', cp_J_per_kgK: cpFromJPerMolK(133, 'C3H4O3'), source: NIST },
  { id: 'DMC', name: 'dimethyl carbonate', formula: 'C3H6O3', phase: 'liquid', cp_J_per_kgK: cpFromJPerMolK(163, 'C3H6O3'), boilingPoint_K: 363.2, latentHeat_J_per_kg: (38.6e3 * 1000) / 90.078, source: NIST },
  // solvents
  { id: 'NMP', name: 'N-methyl-2-pyrrolidone', formula: 'C5H9NO', phase: 'liquid', cp_J_per_kgK: cpFromJPerMolK(167, 'C5H9NO'), boilingPoint_K: 475.2, latentHeat_J_per_kg: (54.5e3 * 1000) / 99.133, source: `${NIST}; ΔHvap 54.5 kJ/mol, bp 202 °C (REFERENCE.md 1.4 gives bp 202–204 °C)` },
  { id: 'H2O', name: 'water', formula: 'H2O', phase: 'liquid', cp_J_per_kgK: cpFromCalPerMolK(18.09, 'H2O'), boilingPoint_K: 373.15, latentHeat_J_per_kg: 2.2565e6, source: `${HSC}; latent heat at 100 °C from IAPWS-IF97 steam tables`, aliases: ['water', 'moisture'] },
  { id: 'H2O(g)', name: 'water vapour', formula: 'H2O', phase: 'gas', cp_J_per_kgK: 2080, source: 'IAPWS-IF97, steam Cp near 150 °C', aliases: ['steam', 'vapour'] },
  // lithium reagents and salts
  { id: 'LiOH·H2O', name: 'lithium hydroxide monohydrate', formula: 'LiOH·H2O', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(79.5, 'LiOH·H2O'), source: NIST, aliases: ['LiOH.H2O', 'LiOH*H2O', 'LiOH-H2O'] },
  { id: 'LiOH', name: 'lithium hydroxide (anhydrous)', formula: 'LiOH', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(49.7, 'LiOH'), meltingPoint_K: 735, source: `${NIST}; mp 462 °C` },
  { id: 'Li2CO3', name: 'lithium carbonate', formula: 'Li2CO3', phase: 'solid', cp_J_per_kgK: cpFromCalPerMolK(35.6, 'Li2CO3'), meltingPoint_K: 996, source: `${HSC}; mp 723 °C` },
  { id: 'LiNO3', name: 'lithium nitrate', formula: 'LiNO3', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(64.0, 'LiNO3'), meltingPoint_K: 528, source: `${NIST}; mp 255 °C` },
  { id: 'LiI', name: 'lithium iodide', formula: 'LiI', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(51.0, 'LiI'), meltingPoint_K: 742, source: `${NIST}; mp 469 °C` },
  { id: 'LiCl', name: 'lithium chloride', formula: 'LiCl', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(48.0, 'LiCl'), meltingPoint_K: 878, source: `${NIST}; mp 605 °C` },
  { id: 'Li-benzoate', name: 'lithium benzoate', formula: 'LiC7H5O2', phase: 'solid', source: 'formula only (eutectic component, review Table 1 ref. [82])' },
  { id: 'Li3PO4', name: 'lithium phosphate', formula: 'Li3PO4', phase: 'solid', source: 'formula only' },
  { id: 'Li2O', name: 'lithium oxide', formula: 'Li2O', phase: 'solid', cp_J_per_kgK: cpFromCalPerMolK(18.32, 'Li2O'), source: HSC },
  { id: 'KOH', name: 'potassium hydroxide', formula: 'KOH', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(64.9, 'KOH'), meltingPoint_K: 679, source: NIST },
  { id: 'NaOH', name: 'sodium hydroxide', formula: 'NaOH', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(59.5, 'NaOH'), source: NIST },
  { id: 'Na2SO4', name: 'sodium sulfate', formula: 'Na2SO4', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(128.2, 'Na2SO4'), meltingPoint_K: 1157, source: NIST },
  { id: 'Ni(OH)2', name: 'nickel hydroxide', formula: 'Ni(OH)2', phase: 'solid', source: 'formula only (flux component, review Table 1 ref. [84])' },
  // acids, bases, gases
  { id: 'NH3', name: 'ammonia', formula: 'NH3', phase: 'aqueous', source: 'formula only', aliases: ['NH4OH-as-NH3'] },
  { id: 'citric-acid', name: 'citric acid', formula: 'C6H8O7', phase: 'solid', source: 'formula only', aliases: ['C6H8O7'] },
  { id: 'H3PO4', name: 'phosphoric acid', formula: 'H3PO4', phase: 'liquid', source: 'formula only' },
  { id: 'NH4H2PO4', name: 'ammonium dihydrogen phosphate', formula: 'NH4H2PO4', phase: 'solid', source: 'formula only' },
  { id: '(NH4)2HPO4', name: 'diammonium hydrogen phosphate', formula: '(NH4)2HPO4', phase: 'solid', source: 'formula only' },
  { id: 'H2SO4', name: 'sulfuric acid', formula: 'H2SO4', phase: 'liquid', source: 'formula only' },
  { id: 'HCl', name: 'hydrochloric acid (as HCl)', formula: 'HCl', phase: 'aqueous', source: 'formula only' },
  { id: 'H2O2', name: 'hydrogen peroxide', formula: 'H2O2', phase: 'aqueous', source: 'formula only' },
  { id: 'CaO', name: 'lime', formula: 'CaO', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(42.0, 'CaO'), source: NIST, aliases: ['lime'] },
  { id: 'Ca(OH)2', name: 'slaked lime', formula: 'Ca(OH)2', phase: 'solid', source: 'formula only' },
  { id: 'CaF2', name: 'calcium fluoride', formula: 'CaF2', phase: 'solid', source: 'formula only' },
  { id: 'O2', name: 'oxygen', formula: 'O2', phase: 'gas', cp_J_per_kgK: 918, source: 'NIST Chemistry WebBook, O2 gas Cp at 298 K' },
  { id: 'N2', name: 'nitrogen', formula: 'N2', phase: 'gas', cp_J_per_kgK: 1040, source: 'NIST Chemistry WebBook, N2 gas Cp at 298 K' },
  { id: 'Ar', name: 'argon', formula: 'Ar', phase: 'gas', cp_J_per_kgK: 520, source: 'NIST Chemistry WebBook' },
  { id: 'CO2', name: 'carbon dioxide', formula: 'CO2', phase: 'gas', cp_J_per_kgK: cpFromCalPerMolK(8.87, 'CO2'), source: HSC },
  { id: 'CO', name: 'carbon monoxide', formula: 'CO', phase: 'gas', cp_J_per_kgK: 1040, source: 'NIST Chemistry WebBook' },
  { id: 'HF', name: 'hydrogen fluoride', formula: 'HF', phase: 'gas', source: 'formula only' },
  { id: 'NO2', name: 'nitrogen dioxide', formula: 'NO2', phase: 'gas', source: 'formula only' },
  { id: 'SO2', name: 'sulfur dioxide', formula: 'SO2', phase: 'gas', source: 'formula only' },
  // coating and doping precursors and products
  { id: 'Al2O3', name: 'alumina', formula: 'Al2O3', phase: 'solid', cp_J_per_kgK: cpFromCalPerMolK(18.88, 'Al2O3'), source: HSC },
  { id: 'Al(OH)3', name: 'aluminium hydroxide', formula: 'Al(OH)3', phase: 'solid', source: 'formula only' },
  { id: 'Al(NO3)3·9H2O', name: 'aluminium nitrate nonahydrate', formula: 'Al(NO3)3·9H2O', phase: 'solid', source: 'formula only' },
  { id: 'MgO', name: 'magnesium oxide', formula: 'MgO', phase: 'solid', source: 'formula only' },
  { id: 'Mg(OH)2', name: 'magnesium hydroxide', formula: 'Mg(OH)2', phase: 'solid', source: 'formula only' },
  { id: 'TiO2', name: 'titanium dioxide', formula: 'TiO2', phase: 'solid', source: 'formula only' },
  { id: 'ZrO2', name: 'zirconium dioxide', formula: 'ZrO2', phase: 'solid', source: 'formula only' },
  { id: 'Nb2O5', name: 'niobium pentoxide', formula: 'Nb2O5', phase: 'solid', source: 'formula only' },
  { id: 'Co3O4', name: 'cobalt(II,III) oxide', formula: 'Co3O4', phase: 'solid', cp_J_per_kgK: cpFromCalPerMolK(29.45, 'Co3O4'), source: HSC },
  { id: 'MnO2', name: 'manganese dioxide', formula: 'MnO2', phase: 'solid', source: 'formula only' },
  { id: 'NiO', name: 'nickel oxide', formula: 'NiO', phase: 'solid', cp_J_per_kgK: cpFromCalPerMolK(12.39, 'NiO'), source: HSC },
  { id: 'Li2SO4', name: 'lithium sulfate', formula: 'Li2SO4', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(117.6, 'Li2SO4'), meltingPoint_K: 1132, source: `${NIST} [MEMORY]; mp 859 °C [MEMORY]; electrolyte of electrochemical relithiation (review Table 1 [81])` },
  { id: 'H2', name: 'hydrogen', formula: 'H2', phase: 'gas', cp_J_per_kgK: 14304, source: 'NIST Chemistry WebBook, H2 gas Cp at 298 K (28.84 J/(mol·K)) [MEMORY]' },
  // <<components: relithiation>>
  // ---- preparation (delamination, sorting, liquor recovery)
  { id: 'LiF', name: 'lithium fluoride', formula: 'LiF', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(41.9, 'LiF'), meltingPoint_K: 1118, source: `${NIST} [MEMORY]; formed when HF from burning PVDF attacks lattice Li (thermal delamination)` },
  { id: 'NaAl(OH)4', name: 'sodium aluminate (aqueous, as NaAl(OH)4)', formula: 'NaAl(OH)4', phase: 'aqueous', source: 'formula only; product of Al foil dissolution in NaOH (alkaline delamination)', aliases: ['sodium-aluminate'] },
  { id: 'choline-chloride', name: 'choline chloride (DES hydrogen-bond acceptor)', formula: 'C5H14ClNO', phase: 'solid', cp_J_per_kgK: 1500, source: 'assumption: Cp ≈ 1.5 kJ/(kg·K), typical organic salt (no sourced value)', aliases: ['ChCl'] },
  { id: 'ethylene-glycol', name: 'ethylene glycol (DES hydrogen-bond donor)', formula: 'C2H6O2', phase: 'liquid', cp_J_per_kgK: cpFromJPerMolK(149.5, 'C2H6O2'), boilingPoint_K: 470.5, source: `${NIST} [MEMORY]; bp 197.3 °C`, aliases: ['EG'] },
  { id: 'urea', name: 'urea (DES hydrogen-bond donor)', formula: 'CH4N2O', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(92.8, 'CH4N2O'), meltingPoint_K: 406, source: `${NIST} [MEMORY]; mp 133 °C` },
  // Dry air as one species (O 0.42, N 1.58 per mol: 21 % O2, 79 % N2, argon counted as N2) so that
  // combustion air can be drawn free of charge apart from purchased O2; Cp mass-weighted from O2 and N2.
  { id: 'air', name: 'dry air (21 % O2, 79 % N2 by mole)', formula: 'N1.58O0.42', phase: 'gas', cp_J_per_kgK: (0.21 * 31.998 * 918 + 0.79 * 28.014 * 1040) / (0.21 * 31.998 + 0.79 * 28.014), source: 'assumption: dry air 21/79 mol % O2/N2 (argon counted as N2); Cp from the O2 and N2 entries (NIST, 298 K)' },
  // ---- issue 12: flotation reagents, lithium recovery
  { id: 'kerosene', name: 'kerosene (flotation collector; as n-dodecane)', formula: 'C12H26', phase: 'liquid', cp_J_per_kgK: cpFromJPerMolK(376, 'C12H26'), source: `${NIST} (n-dodecane, a kerosene surrogate) [MEMORY]; kerosene is the usual collector in black-mass flotation (Zhan et al., Sustain. Mater. Technol. 17 (2018), summary on sdgresources.relx.com [M])`, aliases: ['collector', 'diesel-oil'] },
  { id: 'MIBC', name: 'methyl isobutyl carbinol (flotation frother, 4-methyl-2-pentanol)', formula: 'C6H14O', phase: 'liquid', cp_J_per_kgK: 2200, source: 'assumption: Cp ≈ 2.2 kJ/(kg·K), typical of C6 alcohols [MEMORY]', aliases: ['frother'] },
  { id: 'Na2CO3', name: 'sodium carbonate (soda ash)', formula: 'Na2CO3', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(112.3, 'Na2CO3'), source: `${NIST} [MEMORY]`, aliases: ['soda-ash'] },
  { id: 'NaNO3', name: 'sodium nitrate', formula: 'NaNO3', phase: 'solid', cp_J_per_kgK: cpFromJPerMolK(92.9, 'NaNO3'), source: `${NIST} [MEMORY]` },
  // <<components: preparation>>
  { id: 'Li3C6H5O7', name: 'lithium citrate', formula: 'Li3C6H5O7', phase: 'aqueous', source: 'formula only (trilithium citrate: surface Li leached by citric-acid etching, review Table 1 [71]); stays dissolved in the etching liquor', aliases: ['lithium-citrate'] },
  // <<components: finishing>>
  { id: 'urethane', name: 'polyurethane / spandex coating (repeat unit approximation)', formula: '(C10H8N2O2)n', phase: 'solid', source: 'assumption: MDI-urethane repeat unit as a stand-in for spandex/polyurea coatings (review Table 1)' },
];

/**
 * A registry entry with every field of a component, in one order, the optional ones undefined when
 * not given: entries of one shape. Spread from the data, each entry had the shape of its own set of
 * optional fields, so the unit models' reads of a component's heat capacity, elements or molar mass,
 * made for many components from one place in the code every unit run, were megamorphic look-ups.
 */
function resolved(c: Component, composition: Composition, mm: number, elements: Element[], massFractions: number[]): ResolvedComponent {
  return {
    id: c.id, name: c.name, formula: c.formula, phase: c.phase, cp_J_per_kgK: c.cp_J_per_kgK, latentHeat_J_per_kg: c.latentHeat_J_per_kg,
    boilingPoint_K: c.boilingPoint_K, meltingPoint_K: c.meltingPoint_K, source: c.source, aliases: c.aliases,
    composition, molarMass_g_per_mol: mm, elements, massFractions,
  };
}

const BY_ID = new Map<string, ResolvedComponent>();
const ALIAS = new Map<string, string>();
for (const c of DATA) {
  const composition = parseFormula(c.formula);
  const mm = molarMass(composition);
  const elements = Object.keys(composition) as Element[];
  const massFractions = elements.map((e) => (composition[e]! * ATOMIC_WEIGHT_G_PER_MOL[e]) / mm);
  BY_ID.set(c.id, resolved(c, composition, mm, elements, massFractions));
  ALIAS.set(c.id.toLowerCase(), c.id);
  for (const a of c.aliases ?? []) ALIAS.set(a.toLowerCase(), c.id);
}

/** Every component id of the registry, in registry order. */
export const COMPONENT_IDS: readonly string[] = DATA.map((c) => c.id);

/** The canonical id for a name or alias ("LiOH.H2O" → "LiOH·H2O"), or undefined if unknown. */
export function resolveComponentId(name: string): string | undefined {
  return ALIAS.get(name.trim().toLowerCase());
}

/** The registry entry of a component id (canonical id only); throws for an unknown id. */
export function component(id: string): ResolvedComponent {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`internal: unknown component "${id}"`);
  return c;
}

/** True when `id` is a canonical component id. */
export function isComponent(id: string): boolean {
  return BY_ID.has(id);
}
