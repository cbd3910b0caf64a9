/**
 * Cathode active materials: chemistry presets and the formula arithmetic of a lot.
 *
 * A lot's formula is written per mole of transition-metal-site cations (TM):
 *   layered (NCM, NCA, LCO):  Li_r (Ni_x Co_y Mn_z [dopants]) O2
 *   spinel (LMO, LiMn2O4):    Li_r Mn O2            (nominal r = 0.5)
 *   olivine (LFP, LiFePO4):   Li_r Fe P O4          (nominal r = 1)
 * Oxygen and phosphate stay fixed per TM when lithium is lost or restored (the review's
 * relithiation Li_r MO2 + (1−r) LiOH → LiMO2 + (1−r)/2 H2O + (1−r)/4 O2), so the molar mass is
 * linear in r and merging or splitting lots conserves every element exactly.
 */
import { ATOMIC_WEIGHT_G_PER_MOL, type Element } from './elements.js';
import type { Composition } from './formula.js';

/** Crystal family, which fixes the anion part of the formula and the nominal Li/TM. */
export type CathodeFamily = 'layered' | 'spinel' | 'olivine';

/** A cathode chemistry: a name, its family and the TM-site fractions (summing to 1). */
export interface CathodeChemistry {
  name: string;
  family: CathodeFamily;
  /** Mole fractions of the TM site (Ni, Co, Mn, Al, Fe, dopants such as Mg, Ti, Zr, Nb). */
  tm: Partial<Record<Element, number>>;
}

/** Anion atoms per TM and nominal Li/TM of each family. */
export const FAMILY: Record<CathodeFamily, { anion: Composition; nominalLiPerTm: number; description: string }> = {
  layered: { anion: { O: 2 }, nominalLiPerTm: 1, description: 'layered oxide LiMO2 (NCM, NCA, LCO)' },
  spinel: { anion: { O: 2 }, nominalLiPerTm: 0.5, description: 'spinel LiMn2O4 written per Mn as Li0.5MnO2' },
  olivine: { anion: { P: 1, O: 4 }, nominalLiPerTm: 1, description: 'olivine LiFePO4' },
};

/**
 * Named chemistries. NCM ratios follow their names (NCM523 = Ni0.5Co0.2Mn0.3); NCA is
 * Ni0.8Co0.15Al0.05 and "Ni90" is NCM955 (Ni0.9Co0.05Mn0.05), the usual commercial compositions
 * (assumption: nominal names; override with explicit fractions in the feed file).
 */
export const CHEMISTRIES: Record<string, CathodeChemistry> = {
  NCM111: { name: 'NCM111', family: 'layered', tm: { Ni: 1 / 3, Co: 1 / 3, Mn: 1 / 3 } },
  NCM523: { name: 'NCM523', family: 'layered', tm: { Ni: 0.5, Co: 0.2, Mn: 0.3 } },
  NCM532: { name: 'NCM532', family: 'layered', tm: { Ni: 0.5, Co: 0.3, Mn: 0.2 } },
  NCM622: { name: 'NCM622', family: 'layered', tm: { Ni: 0.6, Co: 0.2, Mn: 0.2 } },
  NCM712: { name: 'NCM712', family: 'layered', tm: { Ni: 0.7, Co: 0.1, Mn: 0.2 } },
  NCM811: { name: 'NCM811', family: 'layered', tm: { Ni: 0.8, Co: 0.1, Mn: 0.1 } },
  Ni90: { name: 'Ni90', family: 'layered', tm: { Ni: 0.9, Co: 0.05, Mn: 0.05 } },
  NCA: { name: 'NCA', family: 'layered', tm: { Ni: 0.8, Co: 0.15, Al: 0.05 } },
  LCO: { name: 'LCO', family: 'layered', tm: { Co: 1 } },
  LMO: { name: 'LMO', family: 'spinel', tm: { Mn: 1 } },
  LFP: { name: 'LFP', family: 'olivine', tm: { Fe: 1 } },
};

/** Aliases users write for the same chemistry. */
const ALIASES: Record<string, string> = {
  // NMC names list Ni, Mn, Co: EverBatt's NMC532 is Ni0.5Mn0.3Co0.2 = NCM523. "NMC523" is ambiguous in
  // practice, so it is not accepted (the error suggests NCM523).
  NMC111: 'NCM111', NMC333: 'NCM111', NCM333: 'NCM111', NMC532: 'NCM523',
  NMC622: 'NCM622', NMC712: 'NCM712', NMC811: 'NCM811', NCM955: 'Ni90', NCM90: 'Ni90', NMC90: 'Ni90',
};

/** Look up a named chemistry (aliases such as NMC622 accepted); undefined when unknown. */
export function chemistryByName(name: string): CathodeChemistry | undefined {
  // Own properties only: a name such as "toString" or "constructor" is unknown, not a prototype member.
  const canonical = Object.hasOwn(CHEMISTRIES, name) ? name : Object.hasOwn(ALIASES, name) ? ALIASES[name]! : undefined;
  return canonical === undefined ? undefined : CHEMISTRIES[canonical];
}

/** True when the chemistry is an NCM/NCA-type layered oxide containing Ni (the product family). */
export function isNickelLayered(chem: CathodeChemistry): boolean {
  return chem.family === 'layered' && (chem.tm.Ni ?? 0) > 0;
}

/**
 * What a chemistry's formula fixes, computed once per chemistry object: the frame molar mass (all
 * but Li, per TM) and the frame's element masses per mole of TM. Chemistry objects are treated as
 * immutable (doping creates a new one), so a WeakMap cache is safe and keeps the hot paths — the
 * solver's unit runs and balances — free of repeated Object.entries walks.
 */
interface Frame {
  molarMass: number;
  /** Elements of the frame (TM site + anion) and their g per mol TM. */
  elements: Element[];
  gramsPerMolTm: number[];
  /** Moles per mol TM, same order. */
  molesPerTm: number[];
}

const FRAMES = new WeakMap<CathodeChemistry, Frame>();

function frameOf(chem: CathodeChemistry): Frame {
  let f = FRAMES.get(chem);
  if (f) return f;
  const moles = new Map<Element, number>();
  for (const [el, x] of Object.entries(chem.tm) as [Element, number][]) moles.set(el, (moles.get(el) ?? 0) + x);
  for (const [el, n] of Object.entries(FAMILY[chem.family].anion) as [Element, number][]) moles.set(el, (moles.get(el) ?? 0) + n);
  const elements = [...moles.keys()];
  const molesPerTm = elements.map((e) => moles.get(e)!);
  const gramsPerMolTm = elements.map((e, i) => molesPerTm[i]! * ATOMIC_WEIGHT_G_PER_MOL[e]);
  f = { molarMass: gramsPerMolTm.reduce((a, b) => a + b, 0), elements, gramsPerMolTm, molesPerTm };
  FRAMES.set(chem, f);
  return f;
}

/** The frame of a chemistry (computed once per chemistry object; shared, read only): its elements and their g per mol TM. */
export function lotFrame(chem: CathodeChemistry): { readonly elements: readonly Element[]; readonly gramsPerMolTm: readonly number[] } {
  return frameOf(chem);
}

/** Composition per mole of TM for Li/TM = r. */
export function lotComposition(chem: CathodeChemistry, liPerTm: number): Composition {
  const f = frameOf(chem);
  const out: Composition = { Li: liPerTm };
  for (let i = 0; i < f.elements.length; i++) out[f.elements[i]!] = (out[f.elements[i]!] ?? 0) + f.molesPerTm[i]!;
  return out;
}

/** Add the element masses (kg) of `tmKmol` kmol of TM at Li/TM = r into `into`. */
export function addLotElementMasses(chem: CathodeChemistry, liPerTm: number, tmKmol: number, into: Partial<Record<Element, number>>): void {
  const f = frameOf(chem);
  into.Li = (into.Li ?? 0) + tmKmol * liPerTm * ATOMIC_WEIGHT_G_PER_MOL.Li;
  for (let i = 0; i < f.elements.length; i++) {
    const e = f.elements[i]!;
    into[e] = (into[e] ?? 0) + tmKmol * f.gramsPerMolTm[i]!;
  }
}

/** Molar mass per mole of TM, g/mol, at Li/TM = r (linear in r). */
export function molarMassPerTm(chem: CathodeChemistry, liPerTm: number): number {
  return liPerTm * ATOMIC_WEIGHT_G_PER_MOL.Li + frameOf(chem).molarMass;
}

/** Molar mass of everything but lithium, per mole of TM (g/mol). */
export function frameMolarMass(chem: CathodeChemistry): number {
  return frameOf(chem).molarMass;
}

/** Element mass fractions of a lot at Li/TM = r. */
export function lotMassFractions(chem: CathodeChemistry, liPerTm: number): Composition {
  const comp = lotComposition(chem, liPerTm);
  const mm = molarMassPerTm(chem, liPerTm);
  const out: Composition = {};
  for (const [el, n] of Object.entries(comp) as [Element, number][]) out[el] = (n * ATOMIC_WEIGHT_G_PER_MOL[el]) / mm;
  return out;
}

/** kmol of TM in `massKg` of a lot at Li/TM = r. */
export function tmKmol(chem: CathodeChemistry, liPerTm: number, massKg: number): number {
  return massKg / molarMassPerTm(chem, liPerTm);
}

/**
 * Lithium (kmol) needed to move `massKg` of a lot from Li/TM = r to r'. Negative when r' < r
 * (lithium leaves). Per kg of lot: (r' − r) / M(r).
 */
export function lithiumToRelithiate_kmol(chem: CathodeChemistry, fromLiPerTm: number, toLiPerTm: number, massKg: number): number {
  return tmKmol(chem, fromLiPerTm, massKg) * (toLiPerTm - fromLiPerTm);
}

/** Mass of the lot after its Li/TM moves from r to r' (TM moles conserved). */
export function massAfterRelithiation(chem: CathodeChemistry, fromLiPerTm: number, toLiPerTm: number, massKg: number): number {
  return tmKmol(chem, fromLiPerTm, massKg) * molarMassPerTm(chem, toLiPerTm);
}

/** Short formula text, e.g. "Li0.86(Ni0.5Co0.2Mn0.3)O2". */
export function lotFormulaText(chem: CathodeChemistry, liPerTm: number): string {
  const fmt = (x: number) => (Math.abs(x - 1) < 1e-12 ? '' : String(Number(x.toFixed(4))));
  const tm = (Object.entries(chem.tm) as [Element, number][]).filter(([, x]) => x > 0).map(([el, x]) => `${el}${fmt(x)}`).join('');
  const anion = (Object.entries(FAMILY[chem.family].anion) as [Element, number][]).map(([el, n]) => `${el}${fmt(n)}`).join('');
  return `Li${fmt(liPerTm)}(${tm})${anion}`;
}

/** Heat capacity of cathode active material near ambient by family, J/(kg·K), with its source. */
export const LOT_CP: Record<CathodeFamily, { cp_J_per_kgK: number; source: string }> = {
  layered: { cp_J_per_kgK: 700, source: 'BattMo sample_input.json NMC111 model parameter (REFERENCE.md 1.6) [M]' },
  spinel: { cp_J_per_kgK: 700, source: 'assumption: as layered oxides (no sourced LMO value in REFERENCE.md)' },
  olivine: { cp_J_per_kgK: 843, source: 'assumption: LiFePO4 Cp ≈ 133 J/(mol·K) near 298 K, ÷ 157.76 g/mol' },
};
