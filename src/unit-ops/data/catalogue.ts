/**
 * Catalogue sizes: the standard sizes a vendor sells for each equipment type, keyed by the cost
 * correlation the item is priced with (equipment.ts). design/ picks the smallest sufficient size
 * from this list instead of a size cut to measure, so utilisation differs item by item and the
 * bottleneck is a real one (issue 16).
 *
 * Sizes are in the correlation's size unit. Where a standard or a vendor gives the series, it is
 * cited; where none was found the steps are the ISO 3 preferred numbers (Renard series: R5 steps
 * of ≈ ×1.6, R10 of ≈ ×1.25), which is how equipment ranges are usually graded — each such entry
 * says so ("assumption"). A scenario can replace any item's series with `design.standardSizes`
 * or switch the catalogue off with `design.sizing: continuous`.
 *
 * `roundTheClock`: continuous thermal equipment (kilns, calciners, evaporators and what runs
 * with them) keeps running through unstaffed hours when the plant works fewer shifts than it
 * operates: heating a kiln up and down every day costs hours, energy and refractory/saggar life.
 */
import { EQUIPMENT_COSTS, type EquipmentCostName } from './equipment.js';
import type { CostCorrelation } from '../contract.js';

/** A standard size series of one equipment type. */
export interface CatalogueEntry {
  /** Standard sizes, ascending, in sizeUnit. */
  sizes: readonly number[];
  sizeUnit: string;
  /** Runs through unstaffed hours (continuous thermal equipment). */
  roundTheClock: boolean;
  source: string;
}

/** ISO 3 basic series R5 and R10 (rounded values of 10^(i/5) and 10^(i/10)). */
const RENARD = { R5: [1, 1.6, 2.5, 4, 6.3], R10: [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8] } as const;

/** The preferred numbers of a Renard series from lo to hi inclusive. */
export function preferredNumbers(series: keyof typeof RENARD, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let decade = Math.floor(Math.log10(lo)) - 1; decade <= Math.ceil(Math.log10(hi)); decade++) {
    for (const m of RENARD[series]) {
      const v = Number((m * Math.pow(10, decade)).toPrecision(3));
      if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push(v);
    }
  }
  return out;
}

const R5_ASSUMPTION = 'assumption: vendors grade these machines in model steps of ≈ ×1.6 in throughput; no sourced model table was found, so the steps are the ISO 3 R5 preferred numbers';
const THERMAL = 'continuous thermal equipment runs through unstaffed hours (assumption: a kiln/calciner/evaporator is not cycled daily — heat-up and cool-down take hours and thermal cycling wears refractory and saggars)';

/** The R5 series over a correlation's valid size range. */
function r5Over(name: EquipmentCostName, roundTheClock = false, source = R5_ASSUMPTION): CatalogueEntry {
  const c = EQUIPMENT_COSTS[name];
  return { sizes: preferredNumbers('R5', Math.max(c.minSize, 1e-3), c.maxSize), sizeUnit: c.sizeUnit, roundTheClock, source: roundTheClock ? `${source}; ${THERMAL}` : source };
}

/** R10 nameplate capacities over a BatPaC line curve's valid range. */
function r10Over(name: EquipmentCostName): CatalogueEntry {
  const c = EQUIPMENT_COSTS[name];
  return { sizes: preferredNumbers('R10', c.minSize, c.maxSize), sizeUnit: c.sizeUnit, roundTheClock: false, source: 'assumption: an electrode line is built for a round nameplate capacity; R10 steps (ISO 3, ≈ ×1.25) over the BatPaC curve\'s valid range (no vendor series: BatPaC gives plant-scale capital, REFERENCE.md 1.3.5)' };
}

/** Catalogue series by cost correlation (every correlation has one; one without would be sized to measure). */
export const CATALOGUE: Partial<Record<EquipmentCostName, CatalogueEntry>> = {
  // Agitated (autoclave, reactor, wash/etch) vessels: DIN 28136-1 fixes the main dimensions of
  // agitated vessels from 63 L to 40,000 L (Thaletec newsletter 141,
  // https://thaletec.com/en/news/overview-newsletter/newsletter-141/glass-lined-reactors); its
  // nominal volumes are the R5 numbers 63, 100, 160, 250, 400, 630, 1000 … 25,000, 40,000 L
  // [MEMORY for the intermediate steps]. Limited to each cost correlation's valid range.
  jacketedAgitatedReactor: {
    sizes: preferredNumbers('R5', 0.1, 35),
    sizeUnit: 'm3',
    roundTheClock: false,
    source: 'DIN 28136-1 agitated-vessel nominal volumes 63 L – 40 m³ (Thaletec newsletter 141); R5 steps 0.1, 0.16, 0.25 … 25 m³ [MEMORY for the steps]; within the Turton correlation range 0.1–35 m³',
  },
  finishingAgitatedTank: {
    sizes: preferredNumbers('R5', 0.5, 100),
    sizeUnit: 'm3',
    roundTheClock: false,
    source: 'DIN 28136-1 agitated-vessel nominal volumes 63 L – 40 m³ (Thaletec newsletter 141), R5 steps [MEMORY for the steps], continued to 63 and 100 m³ (R5) for field-erected tanks (assumption); within the Towler–Sinnott range 0.5–100 m³',
  },
  // Evaporator heat-transfer area: no vendor series found; R10 steps within the correlation range.
  verticalTubeEvaporator: {
    sizes: preferredNumbers('R10', 11, 640),
    sizeUnit: 'm2',
    roundTheClock: true,
    source: `assumption: evaporator heating surfaces quoted in R10 preferred steps (ISO 3), 12.5–630 m² within the Towler–Sinnott range 11–640 m²; no vendor series found; ${THERMAL}`,
  },
  // Compressor drivers come in the IEC 60072-1 preferred rated outputs.
  vapourCompressor: {
    sizes: [75, 90, 110, 132, 160, 200, 250, 315, 355, 400, 450, 500, 560, 630, 710, 800, 900, 1000, ...preferredNumbers('R10', 1250, 25_000)],
    sizeUnit: 'kW',
    roundTheClock: true,
    source: `IEC 60072-1 preferred rated outputs of motors 75–1000 kW [MEMORY] (the standard: https://standards.iteh.ai/catalog/standards/iec/fe06b5a7-f641-4032-bcda-5270b15ea88b/iec-60072-1-2022); above 1 MW R10 steps (assumption); ${THERMAL}`,
  },
  // Roller-hearth kiln lines: EverBatt's line is 2,000 t/yr; a line is built from standard
  // furnace modules, so shorter and longer lines exist in module steps.
  rollerHearthKiln: {
    sizes: [500, 1000, 1500, 2000, 3000, 4000],
    sizeUnit: 't/yr',
    roundTheClock: true,
    source: `EverBatt 2023 cathode builder: 2,000 t/yr per kiln line (REFERENCE.md 1.3.6); 500–4,000 t/yr lines in module steps (assumption: a roller-hearth kiln is assembled from standard heating/cooling modules, so line length and capacity come in steps of ≈ ¼ line); ${THERMAL}`,
  },
  calciner: r5Over('calciner', true),
  gasTreatment: r5Over('gasTreatment', true),
  dryer: r5Over('dryer'),
  ballMill: r5Over('ballMill'),
  frothFlotation: r5Over('frothFlotation'),
  filterPress: r5Over('filterPress'),
  waterTreatment: r5Over('waterTreatment'),
  powderMixer: r5Over('powderMixer'),
  foilScreen: r5Over('foilScreen'),
  sorterLine: {
    sizes: [1, 2, 3, 5],
    sizeUnit: 't/h',
    roundTheClock: false,
    source: 'AISORT vendor page: sorting lines of 1–5 t/h (REFERENCE.md 1.4 [L]); steps 1, 2, 3, 5 t/h assumption',
  },
  electrochemicalCell: r5Over('electrochemicalCell'),
  ultrasonicDelaminator: r5Over('ultrasonicDelaminator', false, 'assumption: ultrasonic lines are assembled from generator/sonotrode modules; R5 steps of installed ultrasound power (ISO 3), no vendor table found'),
  // BatPaC items (electrode refabrication) are plant-scale capital curves: a line is designed for
  // a round nameplate capacity, here in R10 steps (≈ ×1.25) over each curve's valid range.
  batpacPositiveMaterialsPrep: r10Over('batpacPositiveMaterialsPrep'),
  batpacPositiveCoating: r10Over('batpacPositiveCoating'),
  batpacCalendering: r10Over('batpacCalendering'),
  batpacSolventRecovery: r10Over('batpacSolventRecovery'),
};

/** Correlation name by source text (unique per correlation; costOf keeps it when overriding). */
const BY_SOURCE = new Map<string, EquipmentCostName>(Object.entries(EQUIPMENT_COSTS).map(([name, c]) => [c.source, name as EquipmentCostName]));

/** The catalogue entry of an item's cost correlation, when there is one in the item's size unit. */
export function catalogueOf(cost: CostCorrelation, sizeUnit: string): { id: EquipmentCostName; entry: CatalogueEntry } | undefined {
  const id = BY_SOURCE.get(cost.source);
  if (id === undefined) return undefined;
  const entry = CATALOGUE[id];
  return entry && entry.sizeUnit === sizeUnit ? { id, entry } : undefined;
}
