/**
 * The roller-hearth kiln with saggars, shared by `sintering` and the solid-state calcination
 * (`relithiation-solid-state`): its bottom-up energy, its length and the equipment item of a kiln line.
 *
 * Energy per hour of production (kW):
 * - heat taken by what passes through: powder and residues to the peak, saggars heated every trip
 *   (EverBatt 5 kg zirconia per 5 kg powder, cp 502 J/(kg·K), REFERENCE.md 1.3.6), the atmosphere gas,
 *   latent and reaction heats the unit supplies — divided by the heating efficiency (electric: entry
 *   and exit openings, atmosphere leakage, transformer and thyristor losses; gas: flue losses);
 * - losses along the whole installed kiln: the kiln length is throughput × trip time ÷ loading, plus a
 *   length margin (lines are installed with spare length and heated over all of it); the walls lose
 *   U·A·ΔT (dwell zone at the peak, heating and cooling zones at the mean), and every roller conducts
 *   heat out through both side walls to its drive; the kiln is held hot through non-production hours,
 *   so both losses run `holdingShare` longer than production;
 * - roller drives, circulation and cooling-zone fans per metre (electricity).
 * Reconciliation with the industrial rating (README "Route chemistry"): at EverBatt's own conditions
 * — a virgin NMC111 line of 6,500 kg/day, 25 h trips at 950 °C, with the precursor and Li2CO3
 * reaction heats — these items give ≈ the 800 kW per line EverBatt rates (REFERENCE.md 1.3.6);
 * a regeneration kiln uses less per kg because its trip is a third as long and nothing reacts.
 */
import { quantity, fraction, described } from '../../schema/param.js';
import type { Diagnostic, EquipmentSpec } from '../contract.js';
import type { Stream } from '../../streams/stream.js';
import { costOf } from '../data/equipment.js';
import type { EnergyLedger } from './energy.js';
import { itemNames, sensibleKw } from './energy.js';
import { component } from '../../chemistry/components.js';
import { HANDLING_H, withCeiling } from './limits.js';
import { msg } from '../../schema/messages.js';

/** The kiln atmosphere's item name per atmosphere, made once (every sample fires the kiln). */
const ATMOSPHERE_TO_PEAK = itemNames('', ' atmosphere to the peak');

/** EverBatt saggar residence per trip, h (REFERENCE.md 1.3.6): the basis of the kiln-line capacity. */
export const EVERBATT_TRIP_H = 25;
/** EverBatt / Ahmed et al. 2017 line: 6,500 kg NMC111 per day per line (REFERENCE.md 1.1.7), ≈2,000 t/yr. */
export const EVERBATT_LINE_KG_PER_H = 6500 / 24;
/** Nominal yearly capacity of that line, t/yr (REFERENCE.md 1.1.7). */
export const EVERBATT_LINE_T_PER_YR = 2000;
/** EverBatt furnace heat-load rating per line, kW (REFERENCE.md 1.3.6). */
export const EVERBATT_LINE_KW = 800;

/** Air by mass (O2 23.2 %, N2 + Ar 76.8 %): standard dry air composition. */
export const AIR_O2_MASS_FRACTION = 0.232;

/** Kiln atmosphere gas. */
export type KilnAtmosphere = 'O2' | 'air' | 'N2';

/** Heat capacity of the atmosphere gas near 298 K, J/(kg·K) (registry values; air by mass fraction). */
export function atmosphereCp(atmosphere: KilnAtmosphere): number {
  const o2 = component('O2').cp_J_per_kgK ?? 918;
  const n2 = component('N2').cp_J_per_kgK ?? 1040;
  return atmosphere === 'O2' ? o2 : atmosphere === 'N2' ? n2 : AIR_O2_MASS_FRACTION * o2 + (1 - AIR_O2_MASS_FRACTION) * n2;
}

/** Parameter schemas of the kiln shared by the units that use it (saggars, gas, geometry, losses). */
export const kilnShape = {
  gasPerKgPowder: quantity('', { description: 'atmosphere gas (O2, air or N2) fed per kg of powder (kg/kg)', default: 0.5, min: 0, max: 100, source: 'assumption: ≈0.35 Nm³ O2 per kg powder; no sourced industrial figure; max 100 kg/kg: plausibility ceiling, 200× the default (as doping)' }),
  saggarPowder: quantity('kg', { description: 'powder per saggar', default: 5, above: 0, max: 50, source: 'EverBatt 2023 "Materials": 5 kg powder per saggar (REFERENCE.md 1.3.6); max 50 kg: 10× EverBatt\'s, beyond what a 320–330 mm saggar holds' }),
  saggarMass: quantity('kg', { description: 'mass of one saggar (heated every trip)', default: 5, min: 0, max: 50, source: 'EverBatt 2023 "Materials": 5 kg saggar mass (REFERENCE.md 1.3.6); max 50 kg: 10× EverBatt\'s, beyond a saggar a handling line lifts' }),
  saggarCp: quantity('J/(kg K)', { description: 'heat capacity of the saggar material', default: 502, above: 0, max: 2000, source: 'EverBatt 2023 "Materials": zirconia saggar cp 502 J/(kg·K) (REFERENCE.md 1.3.6); max 2000 J/(kg·K): oxide, mullite and SiC ceramics have ≈0.5–1.3 kJ/(kg·K) up to 1000 °C [MEMORY]' }),
  saggarTrips: quantity('', { description: 'trips a saggar survives before replacement', default: 20, min: 1, max: 1000, source: 'EverBatt 2023 "Materials": max 20 trips (500 service hours at 25 h per trip), $25 per saggar (REFERENCE.md 1.3.6); max 1000: plausibility ceiling, 50× EverBatt\'s (a saggar cycled to 1000 °C cracks long before)' }),
  kilnLoading: quantity('kg/m', { description: 'powder per metre of kiln length', default: 118, above: 0, max: 1000, source: 'assumption: 4 saggars across × 2 layers × 5 kg per 0.34 m pitch (saggars are 320–330 mm square, kehantek.com kiln-furniture page [L]); max 1000 kg/m: plausibility ceiling, ≈8× the default (a 4 m-wide kiln stacked 4 high)' }),
  kilnSurface: quantity('m2/m', { description: 'outer wall surface per metre of kiln', default: 5, above: 0, max: 50, source: 'assumption: ≈1.6 m × 0.9 m outer cross-section; max 50 m²/m: 10× the default, a kiln 16 m wide' }),
  rollerLoss: quantity('W/(m K)', { description: 'heat conducted out by the rollers (both ends, through the side walls) per metre of kiln and per K above ambient', default: 1.2, min: 0, max: 100, source: 'assumption: ≈17 ceramic rollers per metre (≈60 mm pitch), each end conducting ≈30 W to the drive side at 850 °C → ≈1 kW/m; max 100 W/(m·K): plausibility ceiling, ≈80× the default (80 kW per metre at 850 °C)' }),
  rollerDrive: quantity('kW/m', { description: 'roller drives, circulation and cooling-zone fans per metre of kiln', default: 0.3, min: 0, max: 10, source: 'assumption; max 10 kW/m: plausibility ceiling, ≈30× the default' }),
  holdingShare: fraction({ description: 'hours the kiln is held hot without production, per production hour (wall and roller losses run that much longer)', default: 0.2, max: 1, source: 'assumption: a continuous kiln is not cooled between shifts (thermal cycling cracks refractories, rollers and saggars); EverBatt plants process 20 h per 24 h day (REFERENCE.md 1.1.5) → 4 h held per 20 h' }),
  lengthMargin: fraction({ description: 'installed kiln length beyond what the throughput needs (heated all the same)', default: 0.1, max: 1, source: 'assumption: kiln lines come in module lengths and are installed with the 10 % design margin (src/schema/design.ts)' }),
  handlingTime: quantity('h', { description: 'saggar filling (and, again, emptying) time per trip', default: '0.25 h', min: 0, max: HANDLING_H.max, source: withCeiling('assumption: automated saggar filling and dumping lines', HANDLING_H) }),
};

/** The kiln settings a unit passes (its parameters, mapped to these names). */
export interface KilnSettings {
  heating: 'electricity' | 'natural-gas';
  /** Fraction of delivered heat that reaches powder, saggars and gas. */
  efficiency: number;
  atmosphere: KilnAtmosphere;
  gasPerKgPowder: number;
  saggarPowder: number;
  saggarMass: number;
  saggarCp: number;
  kilnLoading: number;
  kilnSurface: number;
  wallU: number;
  rollerLoss: number;
  rollerDrive: number;
  holdingShare: number;
  lengthMargin: number;
}

/** The optional heating-efficiency parameter of a kiln (default by utility: defaultKilnEfficiency). */
export function kilnEfficiencyParam() {
  const meta = {
    description: 'fraction of the delivered heat that reaches powder, saggars and gas (wall and roller losses counted apart); default 0.9 electric, 0.6 gas',
    source: 'assumption: electric — ≈10 % lost through entry/exit openings, atmosphere leakage, transformers and thyristors; gas — ≈60 % with state-of-the-art heat recovery (Kanthal, REFERENCE.md 1.4 [L])',
  };
  return described(fraction({ ...meta, above: 0 }).optional(), { ...meta, above: 0, exclusiveMinimum: 0, max: 1, maximum: 1 });
}

/** Default heating efficiency by utility (when the unit's parameter is not given). */
export function defaultKilnEfficiency(heating: 'electricity' | 'natural-gas'): number {
  // electricity: assumption, ≈10 % lost through entry/exit openings, atmosphere leakage, transformers and
  // thyristors (wall and roller losses are counted apart); natural gas: ≈60 % with state-of-the-art heat
  // recovery (Kanthal, REFERENCE.md 1.4 [L]).
  return heating === 'electricity' ? 0.9 : 0.6;
}

/** A trip through the kiln: heat-up, dwell at the peak, cool-down, h. */
export interface KilnTrip {
  heatH: number;
  dwellH: number;
  coolH: number;
}

/** What passes through the kiln per hour. */
export interface KilnLoad {
  /** Powder charged to saggars (CAM + solid residues + Li source), kg/h. */
  powderKgPerHour: number;
  /** Heat-capacity flow of the condensed charge, kW/K. */
  chargeCp_kW_per_K: number;
  /** Temperature the charge enters at, K. */
  feedK: number;
  peakK: number;
}

/** Length and cross-checks of a kiln run. */
export interface KilnResult {
  /** Length the throughput needs, m. */
  length_m: number;
  /** Installed (heated) length, m. */
  installedLength_m: number;
  saggarTripsPerHour: number;
  gasKgPerHour: number;
  /** EverBatt's 800 kW per 2,000 t/yr line scaled by throughput (as if every trip were 25 h). */
  everbattThroughputKw: number;
  /** The same rating per metre of an EverBatt line (its 25 h trip at this loading) × the installed length. */
  everbattLengthKw: number;
}

/**
 * Book the kiln's energy into `ledger`: sensible heat of the charge, the saggars and the atmosphere
 * gas, wall and roller losses over the installed length (held hot `holdingShare` longer), drives and
 * fans. Latent and reaction heats are the unit's own (it books them with the same efficiency).
 */
export function kilnEnergy(ledger: EnergyLedger, s: KilnSettings, load: KilnLoad, trip: KilnTrip, ambientK: number): KilnResult {
  const dT = Math.max(0, load.peakK - load.feedK);
  ledger.heat('powder and residues to the peak', 'sensible', load.chargeCp_kW_per_K * dT, { utility: s.heating, efficiency: s.efficiency, basis: ledger.describe ? `${(load.chargeCp_kW_per_K * 3600).toPrecision(4)} kJ/(h·K) × ${dT.toFixed(1)} K` : '' });
  const tripsPerH = load.powderKgPerHour / s.saggarPowder;
  const dTs = Math.max(0, load.peakK - ambientK);
  ledger.heat('saggars (heated every trip)', 'sensible', sensibleKw(tripsPerH * s.saggarMass, s.saggarCp, dTs), { utility: s.heating, efficiency: s.efficiency, basis: ledger.describe ? `${tripsPerH.toPrecision(4)} saggar trips/h × ${s.saggarMass} kg × ${s.saggarCp} J/(kg·K) × ${dTs.toFixed(1)} K` : '' });
  const gasKg = s.gasPerKgPowder * load.powderKgPerHour;
  const gasCp = atmosphereCp(s.atmosphere);
  ledger.heat(ATMOSPHERE_TO_PEAK(s.atmosphere), 'sensible', sensibleKw(gasKg, gasCp, dTs), { utility: s.heating, efficiency: s.efficiency, basis: ledger.describe ? `${gasKg.toPrecision(4)} kg/h × ${gasCp.toFixed(0)} J/(kg·K) × ${dTs.toFixed(1)} K (298 K Cp; no heat recovery)` : '' });

  // length: dwell zone at the peak, heating and cooling zones at the mean of peak and ambient
  const perHourLength = load.powderKgPerHour / Math.max(s.kilnLoading, 1e-12);
  const lDwell = perHourLength * trip.dwellH * (1 + s.lengthMargin);
  const lRamp = perHourLength * (trip.heatH + trip.coolH) * (1 + s.lengthMargin);
  const installed = lDwell + lRamp;
  const kelvinMetres = lDwell * dTs + lRamp * dTs * 0.5;
  const hot = 1 + s.holdingShare;
  const wallKw = (s.wallU * s.kilnSurface * kelvinMetres * hot) / 1000;
  const rollerKw = (s.rollerLoss * kelvinMetres * hot) / 1000;
  const held = ledger.describe ? `× ${hot} (held hot ${s.holdingShare} h per production hour) over ${installed.toPrecision(4)} m installed (${(lDwell).toPrecision(4)} m dwell zone at the peak, ${(lRamp).toPrecision(4)} m of ramps at the mean; length margin ${s.lengthMargin})` : '';
  const everbattLineLength = (EVERBATT_LINE_KG_PER_H * EVERBATT_TRIP_H) / s.kilnLoading;
  const everbattLengthKw = (EVERBATT_LINE_KW / everbattLineLength) * installed;
  const everbattThroughputKw = (EVERBATT_LINE_KW * load.powderKgPerHour) / EVERBATT_LINE_KG_PER_H;
  ledger.loss('kiln wall losses', wallKw, s.heating, ledger.describe ? `U ${s.wallU} W/(m²·K) × ${s.kilnSurface} m²/m ${held}; cross-check: EverBatt rates 800 kW per line of ${everbattLineLength.toPrecision(3)} m (25 h trips, REFERENCE.md 1.3.6) → ${everbattLengthKw.toPrecision(4)} kW for this length; ${everbattThroughputKw.toPrecision(4)} kW if scaled by throughput` : '');
  ledger.loss('roller losses through the side walls', rollerKw, s.heating, ledger.describe ? `${s.rollerLoss} W/(m·K) ${held}` : '');
  ledger.motor('roller drives and fans', s.rollerDrive * installed, ledger.describe ? `${installed.toPrecision(4)} m × ${s.rollerDrive} kW/m` : '');
  return { length_m: installed / (1 + s.lengthMargin), installedLength_m: installed, saggarTripsPerHour: tripsPerH, gasKgPerHour: gasKg, everbattThroughputKw, everbattLengthKw };
}

/**
 * The kiln-line equipment item. A line sized S t/yr at EverBatt's 25 h trip carries S × 6,500 kg/day
 * ÷ 2,000 t/yr; the kiln length is throughput × trip time, so a shorter trip carries proportionally
 * more per line.
 */
export function kilnLineEquipment(tripH: number, powderKgPerHour: number, description: string, name = 'roller-hearth-kiln'): EquipmentSpec {
  const kiln = costOf('rollerHearthKiln');
  return {
    name,
    description,
    mode: 'continuous',
    sizeUnit: 't/yr',
    maxSize: kiln.maxSize,
    minSize: kiln.minSize,
    capacityPerSize: (EVERBATT_LINE_KG_PER_H / EVERBATT_LINE_T_PER_YR) * (EVERBATT_TRIP_H / Math.max(tripH, 1e-6)),
    loadBasis: 'powder (size: EverBatt-equivalent line capacity at a 25 h trip)',
    loadKgPerHour: powderKgPerHour,
    cycle: undefined,
    powerKwPerSize: EVERBATT_LINE_KW / EVERBATT_LINE_T_PER_YR,
    cost: kiln,
  };
}

/** Heat-up, dwell and cool-down hours of a trip (ramps in K/h). */
export function kilnTrip(feedK: number, peakK: number, dischargeK: number, rampKPerH: number, dwellH: number, coolKPerH: number): KilnTrip {
  return { heatH: Math.max(0, peakK - Math.min(feedK, peakK)) / rampKPerH, dwellH, coolH: Math.max(0, peakK - dischargeK) / coolKPerH };
}

/**
 * Feed the atmosphere gas and close the kiln's O2 balance: `o2NetKg` is the O2 the reactions release
 * (+) or take (−), kg/h, on top of any O2 already in `vent`. O2 (or air, or N2) is drawn and what is
 * left vents; reactions needing more O2 than the gas brings draw the rest (a warning — under N2 an
 * info: it stands for lattice oxygen in the fixed-O lot formula).
 */
export function kilnAtmosphere(atmosphere: KilnAtmosphere, gasKg: number, o2NetKg: number, vent: Stream, draws: Record<string, number>, where: string, diagnostics: Diagnostic[]): void {
  const o2Supplied = atmosphere === 'O2' ? gasKg : atmosphere === 'air' ? gasKg * AIR_O2_MASS_FRACTION : 0;
  const n2Supplied = gasKg - o2Supplied;
  const o2Vent = o2Supplied + o2NetKg + (vent.components.O2 ?? 0);
  if (o2Vent < 0) {
    draws.O2 = (draws.O2 ?? 0) + o2Supplied - o2Vent;
    diagnostics.push(atmosphere === 'N2'
      ? { code: 'oxygen-from-lattice', severity: 'info', where, message: msg.oxygenFromLattice((-o2Vent).toPrecision(4)) }
      : { code: 'oxygen-short', severity: 'warning', where, message: msg.kilnOxygenShort((-o2Vent).toPrecision(4)) });
    delete vent.components.O2;
  } else {
    if (o2Supplied > 0) draws.O2 = (draws.O2 ?? 0) + o2Supplied;
    if (o2Vent > 0) vent.components.O2 = o2Vent;
    else delete vent.components.O2;
  }
  if (n2Supplied > 0) {
    draws.N2 = (draws.N2 ?? 0) + n2Supplied;
    vent.components.N2 = (vent.components.N2 ?? 0) + n2Supplied;
  }
}
