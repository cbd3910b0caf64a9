/**
 * Specific capacity of virgin cathode materials: the reference a regenerated lot's predicted capacity
 * is compared with (the product specification's minimum, the in-spec price). Half cells against Li
 * metal, first discharge at 0.1 C, 25 °C, in the stated voltage window — the basis of the review's
 * Table 1 figures (0.1 C).
 */
import type { CathodeChemistry } from './cathode.js';
import { ATOMIC_WEIGHT_G_PER_MOL } from './elements.js';
import { frameMolarMass } from './cathode.js';

/** A virgin capacity with its test conditions and source. */
export interface VirginCapacity {
  /** First discharge capacity at 0.1 C, mAh/g. */
  mahPerG: number;
  /** Voltage window vs Li/Li⁺, V. */
  window: string;
  source: string;
}

const NOH = 'Noh et al., J. Power Sources 233 (2013) 121 — co-precipitated Li[NixCoyMnz]O2 series, 0.1 C, 3.0–4.3 V, 25 °C [MEMORY]';

/** Virgin capacities by chemistry name (0.1 C). */
export const VIRGIN_CAPACITY: Record<string, VirginCapacity> = {
  NCM111: { mahPerG: 163, window: '3.0–4.3 V', source: NOH },
  NCM523: { mahPerG: 175, window: '3.0–4.3 V', source: `${NOH} (Ni0.5)` },
  NCM532: { mahPerG: 175, window: '3.0–4.3 V', source: 'assumption: as NCM523 (same Ni content, the main capacity driver; Noh et al. 2013 [MEMORY])' },
  NCM622: { mahPerG: 187, window: '3.0–4.3 V', source: NOH },
  NCM712: { mahPerG: 197, window: '3.0–4.3 V', source: `${NOH} (Ni0.7Co0.15Mn0.15, taken for NCM712)` },
  NCM811: { mahPerG: 200, window: '3.0–4.3 V', source: 'REFERENCE.md 4.6: Laine et al., Dalton Trans. 2023, co-precipitated NCM811 (Noh et al. 2013 [MEMORY]: 203)' },
  Ni90: { mahPerG: 210, window: '3.0–4.3 V', source: 'assumption: extrapolated from Noh et al. 2013 (Ni0.85: 206 [MEMORY]) at +≈4 mAh/g per 0.05 Ni' },
  NCA: { mahPerG: 195, window: '3.0–4.3 V', source: 'assumption: commercial Ni0.8Co0.15Al0.05 ≈ 190–200 mAh/g at 0.1 C [MEMORY]' },
  LCO: { mahPerG: 140, window: '3.0–4.2 V', source: 'REFERENCE.md 4.6: ≈140 mAh/g practical (0.5 Li per formula)' },
  LMO: { mahPerG: 120, window: '3.0–4.3 V', source: 'MDPI Batteries 8 (2022) 67 introduction: LiMn2O4 ≈120 mAh/g [L]' },
  LFP: { mahPerG: 160, window: '2.5–4.2 V', source: 'MDPI Batteries 8 (2022) 67 introduction: LiFePO4 ≈160 mAh/g [L]' },
};

/** Noh et al. 2013 series by Ni fraction, used to place NCM grades without a named entry [MEMORY]. */
const BY_NICKEL: readonly [number, number][] = [[1 / 3, 163], [0.5, 175], [0.6, 187], [0.7, 197], [0.8, 203], [0.85, 206]];

/** The chemistry name without doping suffixes ("NCM811+Al" → "NCM811"). */
function baseName(name: string): string {
  const plus = name.indexOf('+');
  return plus < 0 ? name : name.slice(0, plus);
}

/**
 * Virgin capacity of a chemistry (0.1 C, mAh/g): the named entry, else for a layered Ni oxide the
 * Noh et al. series interpolated by Ni fraction (flat beyond its ends), else the family's reference
 * (layered Co-only → LCO, spinel → LMO, olivine → LFP).
 */
export function virginCapacity(chem: CathodeChemistry): VirginCapacity {
  const named = VIRGIN_CAPACITY[baseName(chem.name)];
  if (named) return named;
  if (chem.family === 'spinel') return VIRGIN_CAPACITY.LMO!;
  if (chem.family === 'olivine') return VIRGIN_CAPACITY.LFP!;
  const ni = chem.tm.Ni ?? 0;
  if (ni <= 0) return VIRGIN_CAPACITY.LCO!;
  const pts = BY_NICKEL;
  let mah = pts[pts.length - 1]![1];
  if (ni <= pts[0]![0]) mah = pts[0]![1];
  else for (let i = 1; i < pts.length; i++) {
    const [x1, y1] = pts[i]!;
    const [x0, y0] = pts[i - 1]!;
    if (ni <= x1) { mah = y0 + ((y1 - y0) * (ni - x0)) / (x1 - x0); break; }
  }
  return { mahPerG: mah, window: '3.0–4.3 V', source: `interpolated by Ni fraction ${ni.toFixed(3)} in ${NOH}` };
}

/** Theoretical capacity of one Li per TM, mAh/g: F / (3.6 · M per TM) (REFERENCE.md 4.6: ≈278 for NCM523). */
export function theoreticalCapacity(chem: CathodeChemistry): number {
  const faradayMahPerMol = 96485.33212 / 3.6;
  return faradayMahPerMol / (ATOMIC_WEIGHT_G_PER_MOL.Li + frameMolarMass(chem));
}
