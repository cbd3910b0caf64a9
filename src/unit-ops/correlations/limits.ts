/**
 * Upper bounds shared by unit-operation parameters (issue 17: every numeric input has a documented
 * range). Each is a limit of the physics or the equipment, or a plausibility ceiling said to be one:
 * far beyond any value reported or used, so that only a typo — a unit slip, an extra zero — reaches
 * it, and a nonsense input is refused instead of priced (a 1e7-h dwell made a CAPEX of 3e13 USD).
 * `why` is appended to the parameter's source, so `regenflow kinds` and the workbook say why the bound
 * is where it is. Bounds are in the parameter's documented (canonical) unit. The Arrhenius parameters
 * every repair route has (reference temperature, activation energy) are built here with theirs.
 */
import { quantity } from '../../schema/param.js';

/** An upper bound and the reason for it. */
export interface Ceiling {
  max: number;
  why: string;
}

/** `source` of a parameter followed by the reason of its upper bound. */
export function withCeiling(source: string, c: Ceiling): string {
  return `${source}; ${c.why}`;
}

/** Dwell of a relithiation batch or a kiln, h. */
export const DWELL_H: Ceiling = {
  max: 240,
  why: 'max 240 h (10 days): plausibility ceiling, ≈10× the longest batch calcination in practice (EverBatt\'s 25-h kiln trip, REFERENCE.md 1.3.6) and 40× the review\'s 3–6 h (Table 1); longer is a typo',
};

/** Soak or residence of a preparation bath, furnace or tank (minutes to an hour in practice), h. */
export const SOAK_H: Ceiling = { max: 48, why: 'max 48 h: plausibility ceiling, ≈50× the minutes-to-an-hour soaks used; longer is a typo' };

/** Charging, discharging, cleaning or saggar handling per batch, h. */
export const HANDLING_H: Ceiling = { max: 24, why: 'max 24 h: plausibility ceiling (minutes to an hour in practice); longer is a typo' };

/** Heating or cooling rate of a charge, K/h. */
export const RAMP_K_PER_H: Ceiling = { max: 6000, why: 'max 6000 K/h (100 K/min): faster than any furnace, pot or jacket brings a charge to temperature (1–5 K/min in practice)' };

/** Overall wall heat-loss coefficient, W/(m²·K). */
export const WALL_U: Ceiling = { max: 100, why: 'max 100 W/(m²·K): a bare metal wall in still air loses ≈10–20 W/(m²·K) by convection and radiation (assumption); 100 is beyond an uninsulated wall in a draught' };

/** Agitator (or cell mechanism) power per m³, kW/m³. */
export const AGITATION_KW_PER_M3: Ceiling = { max: 10, why: 'max 10 kW/m³: 10× the intense end of agitation practice (0.2–1 kW/m³)' };

/** Steel of a vessel per m³ of its volume, kg/m³. */
export const VESSEL_STEEL_KG_PER_M3: Ceiling = { max: 7850, why: 'max 7850 kg/m³: as much steel as the vessel\'s own volume (carbon-steel density); industrial vessels carry 0.2–0.7 t/m³' };

/** Pumping energy per m³ of liquid moved, kWh/m³. */
export const PUMP_KWH_PER_M3: Ceiling = { max: 10, why: 'max 10 kWh/m³: ≈200 bar of head at 55 % efficiency, beyond any transfer or circulation pump' };

/** Electricity per kg of feed of a mechanical step (sorting, mixing, ultrasound), kWh/kg. */
export const MECHANICAL_KWH_PER_KG: Ceiling = { max: 1, why: 'max 1 kWh/kg (1000 kWh/t): 50–200× the defaults; more is a kWh/t–kWh/kg slip' };

/** Liquid (or solvent) per kg of solids, L/kg or kg/kg. */
export const LIQUID_PER_SOLID: Ceiling = { max: 100, why: 'max 100 per kg: 10× the most dilute laboratory ratios (≈10 per kg); more is a typo' };

/** Liquor carried by a filter cake per kg of cake solids, kg/kg. */
export const CAKE_LIQUOR_KG_PER_KG: Ceiling = { max: 19, why: 'max 19 kg/kg: a cake of 95 wt % liquid is a slurry (cake moisture ≤ 0.95 in washing, filtration and flotation)' };

/** Material-of-construction cost factor F_M. */
export const MATERIAL_FACTOR: Ceiling = { max: 15, why: 'max 15: Turton Table A.3 F_M run from 1 (carbon steel) to ≈9.4 (titanium) [MEMORY]; more is beyond any alloy or cladding' };

/** Steam economy of an evaporator, kg water per kg steam. */
export const STEAM_ECONOMY: Ceiling = { max: 10, why: 'max 10: ≈0.8–0.85 × the number of effects, and no plant has the 12 effects 10 would take' };

/** Water evaporated per m² of evaporator or still area, kg/(h·m²). */
export const EVAPORATOR_FLUX: Ceiling = { max: 1000, why: 'max 1000 kg/(h·m²): ≈600 kW/m², 40× the ≈15–30 kW/m² of evaporator practice' };

/** Operators per shift of one unit. */
export const OPERATORS_PER_SHIFT: Ceiling = { max: 50, why: 'max 50: a manual picking line has ≈10–20 operators per shift; more is a typo' };

/** Activation energy of a repair or loss rate, J/mol. */
export const ACTIVATION_J_PER_MOL: Ceiling = { max: 500e3, why: 'max 500 kJ/mol: above the barriers of solid-state diffusion and evaporation of oxides (≈100–400 kJ/mol, assumption); more is a J–kJ slip' };

/** First-order rate constant of a repair at its reference temperature, 1/h. */
export const RATE_PER_H: Ceiling = { max: 100, why: 'max 100 /h: a first-order repair 95 % done in 2 minutes, faster than a charge heats; more is a 1/min–1/h slip' };

/** Reference temperature of an Arrhenius rate: within the temperatures the routes run at, K. */
export const REFERENCE_TEMPERATURE_K = { min: 273.15, max: 1373.15, why: '0–1100 °C: the span of the repair routes, from aqueous relithiation to calcination and sintering' } as const;

/** Ratio of the rock-salt healing rate to the reordering rate. */
export const HEAL_RATIO: Ceiling = { max: 10, why: 'max 10: plausibility ceiling, 10× the default' };

/** Li/TM volatilised per hour at 950 °C, 1/h. */
export const LI_LOSS_PER_H: Ceiling = { max: 0.1, why: 'max 0.1 /h: 50× the default; a 4-h dwell at 950 °C would strip 40 % of the lattice Li, which no calcination loses' };

/** The reference temperature of an Arrhenius rate (bounded by the temperatures the routes run at). */
export function referenceTemperatureParam(description: string, defaultText: string, source: string) {
  const r = REFERENCE_TEMPERATURE_K;
  return quantity('K', { description, default: defaultText, min: r.min, max: r.max, displayUnit: 'degC', source: `${source}; ${r.why}` });
}

/** The activation energy of an Arrhenius rate, J/mol. */
export function activationEnergyParam(description: string, defaultValue: string | number, source: string) {
  return quantity('J/mol', { description, default: defaultValue, min: 0, max: ACTIVATION_J_PER_MOL.max, source: withCeiling(source, ACTIVATION_J_PER_MOL) });
}
