/**
 * Equipment cost correlations as data (BioSTEAM style): reference cost, reference size, exponent,
 * CEPCI year, installation factor, valid size range and source. Purchase cost of one item:
 * C = C_ref·(S/S_ref)^n + C_fixed, in USD of the CEPCI year (escalated in economics/).
 *
 * EverBatt 2019 Appendix C (REFERENCE.md 1.1.8) gives Cost(2017 $) = (a·Cap^b + c)·adj with Cap in
 * t/h; those curves appear here with C_ref = a·adj at S_ref = 1 t/h. Installation factors follow
 * EverBatt's Table 15 installation share (40 % of purchased equipment, REFERENCE.md 1.1.5) unless
 * stated; the capital-cost presets in economics/ decide whether they are used.
 */
import type { CostCorrelation } from '../contract.js';

const EVERBATT_C = 'EverBatt 2019 Appendix C Table 40 (REFERENCE.md 1.1.8)';
const INSTALL_EVERBATT = 1.4;

/** Correlations by name. Units of size are in each entry's `sizeUnit`. */
export const EQUIPMENT_COSTS = {
  // ---- EverBatt curves (size in t/h of solids through the item)
  calciner: { refCostUsd: 1_313_832 * 0.985, refSize: 1, exponent: 0.512, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 20, source: `${EVERBATT_C}: calciner a = 1,313,832, b = 0.512, adj 0.985`, sizeUnit: 't/h' },
  dryer: { refCostUsd: 591_236, refSize: 1, exponent: 0.6, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 20, source: `${EVERBATT_C}: steam-tube dryer a = 591,236, b = 0.6`, sizeUnit: 't/h' },
  ballMill: { refCostUsd: 61_000, refSize: 1, exponent: 0.69, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 50, source: `${EVERBATT_C}: ball mill a = 61,000, b = 0.69`, sizeUnit: 't/h' },
  frothFlotation: { refCostUsd: 131_410, refSize: 1, exponent: 0.5301, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 50, source: `${EVERBATT_C}: froth flotation cell a = 131,410, b = 0.5301`, sizeUnit: 't/h' },
  filterPress: { refCostUsd: 173_000, refSize: 1, exponent: 0, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0, maxSize: 10, source: `${EVERBATT_C}: filter press $173,000 per unit`, sizeUnit: 't/h' },
  gasTreatment: { refCostUsd: 3_000_000, refSize: 1, exponent: 0, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0, maxSize: 50, source: `${EVERBATT_C}: gas treatment $3,000,000 (EverBatt own estimate)`, sizeUnit: 't/h' },
  waterTreatment: { refCostUsd: 1_000_000, refSize: 1, exponent: 0, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0, maxSize: 50, source: `${EVERBATT_C}: water treatment $1,000,000 (EverBatt own estimate)`, sizeUnit: 't/h' },
  // Roller-hearth kiln line with saggar handling: $2.6 M furnace + $1.2 M saggar handling per line of
  // 2,000 t/yr CAM (EverBatt 2023 cathode builder, REFERENCE.md 1.3.6 and 1.1.7); scaled per line
  // with the 0.6 rule (assumption) inside the valid range.
  rollerHearthKiln: { refCostUsd: 3_800_000, refSize: 2000, exponent: 0.6, cepciYear: 2020, installationFactor: INSTALL_EVERBATT, minSize: 200, maxSize: 4000, source: 'EverBatt 2023 "Cath. Prod. Par." furnace $2.6 M + saggar handling $1.2 M per 2,000 t/yr line (REFERENCE.md 1.3.6, 1.1.7); 0.6 exponent assumption', sizeUnit: 't/yr' },
  // Jacketed agitated reactor (autoclave, molten-salt pot), carbon steel at atmospheric pressure:
  // Turton log10 C = 4.1052 + 0.5320·log10 V − 0.0005·(log10 V)², V 0.1–35 m³, CEPCI 397 (2001),
  // here 43,311 USD at 10 m³ escalated to 2017 with CEPCI 567.5 (REFERENCE.md 1.1.8); local slope
  // 0.53. Pressure and material factors are applied by the unit (materialFactor).
  jacketedAgitatedReactor: { refCostUsd: 43_311 * (567.5 / 397), refSize: 10, exponent: 0.53, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.1, maxSize: 35, source: 'Turton et al., Analysis, Synthesis and Design of Chemical Processes 4th ed. (2012) Appendix A, jacketed agitated reactor K1 4.1052, K2 0.5320, K3 −0.0005 [MEMORY]; CEPCI 397 → 567.5 (2017, REFERENCE.md 1.1.8)', sizeUnit: 'm3' },
  powderMixer: { refCostUsd: 150_000, refSize: 1, exponent: 0.6, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.05, maxSize: 20, source: 'assumption: intensive (ploughshare) powder mixer, same order as the EverBatt ball-mill and flotation curves (REFERENCE.md 1.1.8); no sourced mixer curve; 0.6 rule', sizeUnit: 't/h' },
  electrochemicalCell: { refCostUsd: 200_000, refSize: 100, exponent: 0.9, cepciYear: 2020, installationFactor: INSTALL_EVERBATT, minSize: 1, maxSize: 1000, source: 'assumption: plate-and-frame electrochemical stack ≈ 2,000 USD per m² of electrode (order of chlor-alkali / electrowinning cells [MEMORY]); exponent 0.9 (modular stacks scale almost linearly)', sizeUnit: 'm2' },
  // <<equipment: relithiation>>
  // ---- preparation (sorting, delamination, liquor recovery)
  // Battery sorting line (conveyor, singulation, X-ray/vision identification, ejectors); no sourced
  // price: assumption of US$1 M per 2 t/h line; 1–5 t/h per line (AISORT vendor page, REFERENCE.md 1.4 [L]).
  sorterLine: { refCostUsd: 1_000_000, refSize: 2, exponent: 0.6, cepciYear: 2020, installationFactor: INSTALL_EVERBATT, minSize: 0.5, maxSize: 5, source: 'assumption: X-ray/vision battery sorting line ≈ US$1 M per 2 t/h (order of industrial X-ray scrap sorters; no sourced price); 0.6 rule; 1–5 t/h per line from the AISORT vendor page (REFERENCE.md 1.4 [L])', sizeUnit: 't/h' },
  // Vibrating screen separating foil pieces from delaminated CAM (EverBatt lists screens without a curve).
  foilScreen: { refCostUsd: 60_000, refSize: 1, exponent: 0.6, cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.1, maxSize: 10, source: 'assumption: vibrating screen ≈ US$60 k per t/h, the order of the EverBatt ball-mill and flotation-cell entries (REFERENCE.md 1.1.8); 0.6 rule', sizeUnit: 't/h' },
  // Towler & Sinnott, Chemical Engineering Design (2008) Table 6.6, C = a + b·S^n, CE index 509.7
  // (Jan 2007, US Gulf Coast, carbon steel), as transcribed in a-p-reeves' open equipment-cost
  // calculator [M]; the 2012 edition's values are ≈1.18× higher for both items (consistent).
  verticalTubeEvaporator: { refCostUsd: 30_500, refSize: 1, exponent: 0.55, fixedCostUsd: 280, cepciYear: 2007, installationFactor: INSTALL_EVERBATT, minSize: 11, maxSize: 640, source: 'Towler & Sinnott, Chemical Engineering Design (2008) Table 6.6: vertical-tube evaporator C = 280 + 30,500·A^0.55, A 11–640 m², CE 509.7 (Jan 2007) [M, secondary transcription]', sizeUnit: 'm2' },
  vapourCompressor: { refCostUsd: 16_800, refSize: 1, exponent: 0.6, fixedCostUsd: 490_000, cepciYear: 2007, installationFactor: INSTALL_EVERBATT, minSize: 75, maxSize: 30_000, source: 'Towler & Sinnott, Chemical Engineering Design (2008) Table 6.6: centrifugal compressor C = 490,000 + 16,800·P^0.6, driver power 75–30,000 kW, CE 509.7 (Jan 2007) [M, secondary transcription]', sizeUnit: 'kW' },
  // Ultrasonic delamination line (flow cell with sonotrodes and generators, Lei et al. Green Chem. 2021).
  ultrasonicDelaminator: { refCostUsd: 150_000, refSize: 50, exponent: 0.8, cepciYear: 2020, installationFactor: INSTALL_EVERBATT, minSize: 1, maxSize: 500, source: 'assumption: industrial ultrasonic generators + sonotrodes + flow cell ≈ US$3,000 per kW of ultrasound (no sourced price); exponent 0.8 (modular generators)', sizeUnit: 'kW' },
  // <<equipment: preparation>>
  // ---- finishing (washing … electrode refabrication)
  // Agitated vessel (repulp/wash tank, coating mixer, etching vessel; × materialFactor for pressure
  // service): Towler & Sinnott, Chemical Engineering Design 2nd ed., Table 6.6 "reactors, jacketed,
  // agitated" C = 53,000 + 28,000·V^0.8 (V 0.5–100 m³; US Gulf Coast, CEPCI 509.7 = Jan 2007), as
  // coded in an open-source implementation of that table [MEMORY-grade, not in REFERENCE.md];
  // escalated here to 2017 with CEPCI 567.5 (REFERENCE.md 1.1.8): × 1.1134.
  finishingAgitatedTank: { refCostUsd: 28_000 * (567.5 / 509.7), refSize: 1, exponent: 0.8, fixedCostUsd: 53_000 * (567.5 / 509.7), cepciYear: 2017, installationFactor: INSTALL_EVERBATT, minSize: 0.5, maxSize: 100, source: 'Towler & Sinnott, Chemical Engineering Design 2nd ed. Table 6.6, jacketed agitated vessel 53,000 + 28,000·V^0.8 USD (Jan 2007, CEPCI 509.7) [secondary, MEMORY-grade]; escalated to 2017 (CEPCI 567.5, REFERENCE.md 1.1.8)', sizeUnit: 'm3' },
  // BatPaC 5.0 electrode-line capital (EverBatt 2023 "BatPaC IO", REFERENCE.md 1.3.5) for the 50 GWh/yr
  // baseline plant, scaled per item with the capital exponent 0.9 (lower end of BatPaC's 0.9–0.95).
  // BatPaC capital is installed plant investment: installation factor 1. Valid range: 1/100 to 2× the
  // baseline (assumption: below that the plant-scale figures are extrapolated).
  batpacPositiveMaterialsPrep: { refCostUsd: 200e6, refSize: 72.5e6, exponent: 0.9, cepciYear: 2020, installationFactor: 1, minSize: 0.725e6, maxSize: 145e6, source: 'BatPaC 5.0 via EverBatt 2023 "BatPaC IO": positive materials preparation $200 M for 72.5 million kg/yr positive active material (REFERENCE.md 1.3.5); exponent 0.9; installed capital', sizeUnit: 'kg/yr' },
  batpacPositiveCoating: { refCostUsd: 90e6, refSize: 303e6, exponent: 0.9, cepciYear: 2020, installationFactor: 1, minSize: 3.03e6, maxSize: 606e6, source: 'BatPaC 5.0 via EverBatt 2023 "BatPaC IO": positive electrode coating $90 M for 303 million m²/yr (REFERENCE.md 1.3.5); exponent 0.9; installed capital', sizeUnit: 'm2/yr' },
  batpacCalendering: { refCostUsd: 25e6, refSize: 303e6, exponent: 0.9, cepciYear: 2020, installationFactor: 1, minSize: 3.03e6, maxSize: 606e6, source: 'BatPaC 5.0 via EverBatt 2023 "BatPaC IO": calendering $25 M for 303 million m²/yr of positive electrode (REFERENCE.md 1.3.5); exponent 0.9; installed capital', sizeUnit: 'm2/yr' },
  batpacSolventRecovery: { refCostUsd: 36e6, refSize: 24.2e6, exponent: 0.9, cepciYear: 2020, installationFactor: 1, minSize: 0.242e6, maxSize: 48.4e6, source: 'BatPaC 5.0 via EverBatt 2023 "BatPaC IO": solvent (NMP) recovery $36 M for 24.2 million kg/yr NMP evaporated (REFERENCE.md 1.3.5); exponent 0.9; installed capital', sizeUnit: 'kg/yr' },
  // <<equipment: finishing>>
} satisfies Record<string, CostCorrelation & { sizeUnit: string }>;

/** Name of a correlation in the table. */
export type EquipmentCostName = keyof typeof EQUIPMENT_COSTS;

/**
 * A correlation in the one shape every correlation has (same keys in the same order, the optional
 * fields present, undefined when not given): design and economics read correlations of every
 * unit's items at the same places (sizing, item costs, capex rows), which stay monomorphic only
 * when the correlations share one hidden class. Every reader treats an absent optional field and
 * an undefined one alike (`?? 0`, `?? 1`); JSON leaves undefined out.
 */
function correlation(c: CostCorrelation, o: Partial<CostCorrelation>): CostCorrelation {
  return {
    refCostUsd: 'refCostUsd' in o ? o.refCostUsd! : c.refCostUsd,
    refSize: 'refSize' in o ? o.refSize! : c.refSize,
    exponent: 'exponent' in o ? o.exponent! : c.exponent,
    fixedCostUsd: 'fixedCostUsd' in o ? o.fixedCostUsd : c.fixedCostUsd,
    cepciYear: 'cepciYear' in o ? o.cepciYear! : c.cepciYear,
    installationFactor: 'installationFactor' in o ? o.installationFactor! : c.installationFactor,
    minSize: 'minSize' in o ? o.minSize! : c.minSize,
    maxSize: 'maxSize' in o ? o.maxSize! : c.maxSize,
    source: 'source' in o ? o.source! : c.source,
    materialFactor: 'materialFactor' in o ? o.materialFactor : c.materialFactor,
  };
}

/** Whether `made` is correlation(plain, o) (every field the same, by Object.is). */
function sameAs(made: CostCorrelation, plain: CostCorrelation, o: Partial<CostCorrelation>): boolean {
  return Object.is(made.materialFactor, 'materialFactor' in o ? o.materialFactor : plain.materialFactor)
    && Object.is(made.refCostUsd, 'refCostUsd' in o ? o.refCostUsd : plain.refCostUsd)
    && Object.is(made.refSize, 'refSize' in o ? o.refSize : plain.refSize)
    && Object.is(made.exponent, 'exponent' in o ? o.exponent : plain.exponent)
    && Object.is(made.fixedCostUsd, 'fixedCostUsd' in o ? o.fixedCostUsd : plain.fixedCostUsd)
    && Object.is(made.cepciYear, 'cepciYear' in o ? o.cepciYear : plain.cepciYear)
    && Object.is(made.installationFactor, 'installationFactor' in o ? o.installationFactor : plain.installationFactor)
    && Object.is(made.minSize, 'minSize' in o ? o.minSize : plain.minSize)
    && Object.is(made.maxSize, 'maxSize' in o ? o.maxSize : plain.maxSize)
    && made.source === ('source' in o ? o.source : plain.source);
}

/** Correlations without overrides, one frozen object per name (shared: never changed). */
const PLAIN = new Map<EquipmentCostName, CostCorrelation>();

/**
 * The overridden correlations of a name made last (at most OVERRIDDEN_KEPT, replaced in turn): a
 * unit asks for its correlation in every design, i.e. every Monte Carlo sample, and economics
 * remembers an item's cost only while its correlation is the same frozen object
 * (economics/item-costs.ts). Compared field by field with what the overrides would make, so a kept
 * one is never stale. One made for overrides seen once is not frozen (Object.freeze costs more than
 * the copy, and a Monte Carlo input such as the autoclave's temperature gives new overrides every
 * sample); asked for again with equal overrides, a frozen one replaces it and is given from then on.
 */
interface Overridden {
  kept: CostCorrelation[];
  next: number;
}
const OVERRIDDEN = new Map<EquipmentCostName, Overridden>();
const OVERRIDDEN_KEPT = 4;

/**
 * A correlation by name, as the CostCorrelation the contract uses. Without overrides (or with
 * overrides that change nothing) every call returns the same frozen object; with overrides equal
 * (Object.is, field by field) to those of a recent call, from the second such call on, one frozen
 * object. Values as `{ ...plain, ...overrides }`; the keys those of every correlation (correlation()).
 */
export function costOf(name: EquipmentCostName, overrides?: Partial<CostCorrelation>): CostCorrelation {
  let plain = PLAIN.get(name);
  if (!plain) PLAIN.set(name, (plain = Object.freeze(correlation(EQUIPMENT_COSTS[name], {}))));
  if (overrides === undefined || sameAs(plain, plain, overrides)) return plain;
  let o = OVERRIDDEN.get(name);
  if (!o) OVERRIDDEN.set(name, (o = { kept: [], next: 0 }));
  const kept = o.kept;
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i]!;
    if (!sameAs(k, plain, overrides)) continue;
    if (Object.isFrozen(k)) return k;
    // Asked for twice: made again (the first copy was handed out and could have been changed) and frozen.
    return (kept[i] = Object.freeze(correlation(plain, overrides)));
  }
  const made = correlation(plain, overrides);
  kept[o.next] = made;
  o.next = (o.next + 1) % OVERRIDDEN_KEPT;
  return made;
}

/** Purchase cost (USD of the correlation's CEPCI year) of one item of size S. */
export function purchaseCostUsd(c: CostCorrelation, size: number): number {
  const scaled = c.exponent === 0 ? c.refCostUsd : c.refCostUsd * Math.pow(size / c.refSize, c.exponent);
  return (scaled + (c.fixedCostUsd ?? 0)) * (c.materialFactor ?? 1);
}
