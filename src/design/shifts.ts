/**
 * Shifts and labour hours (issue 16). The plant operates `operatingHours` a year on
 * `operatingDays`; operators work `shiftsPerDay` shifts of `shiftLength` on each operating day.
 *
 * - Without shiftsPerDay: as many shifts as the operating hours per day need
 *   (⌈min(24, hours/days) / shiftLength⌉), so every unit runs all operating hours, staffed —
 *   the EverBatt convention (REFERENCE.md 1.1.5: 320 d × 20 h, 8-hour shifts).
 * - With fewer staffed hours than operating hours, batch and manual items work only the staffed
 *   hours (min(operating, shifts × length × days)) and must carry the year's throughput in them
 *   (their hourly load rises by operating/staffed hours; buffer storage between the staffed and
 *   the round-the-clock sections is assumed and not costed). Round-the-clock items (kilns,
 *   calciners, evaporators: the catalogue's `roundTheClock`) run all operating hours; in the
 *   unstaffed ones the plant keeps its minimum crew.
 *
 * Operator hours a year = operators per shift × shifts × shift length × days
 *                       + minimum crew × unstaffed hours in which a round-the-clock item runs.
 */
import type { Diagnostic } from '../unit-ops/contract.js';
import { msg } from '../schema/messages.js';

/** What the shift plan is built from (plain numbers: the plant and finance sections, resolved). */
export interface ShiftInput {
  operatingHoursPerYear: number;
  operatingDaysPerYear: number;
  shiftLengthH: number;
  /** Staffed shifts per day as the plant gives them; undefined: as many as the operating hours need. */
  shiftsPerDay?: number;
  /** Operators through unstaffed hours while round-the-clock items run. */
  minimumCrew: number;
}

/**
 * Shift input when the caller gives none (design/ used on its own): the finance defaults —
 * 320 operating days and 8-hour shifts (EverBatt, REFERENCE.md 1.1.5 and 1.3.1) — and the plant
 * default minimum crew of 2 (schema/scenario.ts). The pipeline always passes the scenario's own.
 */
export const DEFAULT_SHIFTS: Omit<ShiftInput, 'operatingHoursPerYear'> = { operatingDaysPerYear: 320, shiftLengthH: 8, minimumCrew: 2 };

/** Hours a year each kind of item works, and the shift arithmetic of labour. */
export interface ShiftPlan {
  /** true when the plant file set shiftsPerDay. */
  given: boolean;
  shiftsPerDay: number;
  shiftLengthH: number;
  /** Operating days (raised when the operating hours do not fit in 24 h days). */
  operatingDaysPerYear: number;
  /** Hours round-the-clock items run = the plant's operating hours. */
  operatingHoursPerYear: number;
  /** Shift hours a year: shifts × length × days (what one operator position is paid). */
  shiftHoursPerYear: number;
  /** Hours staffed (batch and manual) items run: min(operating hours, shift hours). */
  staffedOperatingHoursPerYear: number;
  /** Operating hours without a shift: operating − staffed operating hours. */
  unstaffedHoursPerYear: number;
  minimumCrew: number;
  diagnostics: Diagnostic[];
}

/** The shift plan of a plant. Callers check shiftsPerDay × shiftLength ≤ 24 h beforehand. */
export function shiftPlan(input: ShiftInput): ShiftPlan {
  const diagnostics: Diagnostic[] = [];
  const hours = input.operatingHoursPerYear;
  let days = input.operatingDaysPerYear;
  if (hours / days > 24 + 1e-9) {
    const raised = Math.min(365, Math.ceil(hours / 24 - 1e-9));
    diagnostics.push({ code: 'operating-days-raised', severity: 'info', where: 'finance.operatingDays', message: msg.operatingDaysRaised(hours, days, raised) });
    days = raised;
  }
  const len = input.shiftLengthH;
  const needed = Math.max(1, Math.ceil(Math.min(24, hours / days) / len - 1e-9));
  const shifts = input.shiftsPerDay ?? needed;
  const shiftHours = shifts * len * days;
  const staffed = Math.min(hours, shiftHours);
  // A shortfall below a rounding residue is no unstaffed time.
  const unstaffed = hours - staffed > hours * 1e-12 ? hours - staffed : 0;
  return {
    given: input.shiftsPerDay !== undefined,
    shiftsPerDay: shifts,
    shiftLengthH: len,
    operatingDaysPerYear: days,
    operatingHoursPerYear: hours,
    shiftHoursPerYear: shiftHours,
    staffedOperatingHoursPerYear: unstaffed > 0 ? staffed : hours,
    unstaffedHoursPerYear: unstaffed,
    minimumCrew: input.minimumCrew,
    diagnostics,
  };
}

/** Labour of a sized plant (the economics price operatorHoursPerYear at the labour rate). */
export interface LabourPlan {
  shiftsPerDay: number;
  shiftLengthH: number;
  operatingDaysPerYear: number;
  /** Operators per shift, whole plant. */
  operatorsPerShift: number;
  /** operatorsPerShift × shifts × shift length × days. */
  shiftOperatorHoursPerYear: number;
  /** Hours round-the-clock items run without a shift (0 when none carries load). */
  unstaffedHoursPerYear: number;
  minimumCrew: number;
  /** minimumCrew × unstaffedHoursPerYear. */
  unstaffedOperatorHoursPerYear: number;
  operatorHoursPerYear: number;
  /** Hours a year staffed items run, and round-the-clock items. */
  staffedOperatingHoursPerYear: number;
  roundTheClockHoursPerYear: number;
}

/** Labour hours from the plan, the plant's crew and whether a round-the-clock item carries load. */
export function labourPlan(plan: ShiftPlan, operatorsPerShift: number, roundTheClockLoaded: boolean): LabourPlan {
  const shiftOperatorHours = operatorsPerShift * plan.shiftHoursPerYear;
  const unstaffed = roundTheClockLoaded ? plan.unstaffedHoursPerYear : 0;
  const crewHours = plan.minimumCrew * unstaffed;
  return {
    shiftsPerDay: plan.shiftsPerDay,
    shiftLengthH: plan.shiftLengthH,
    operatingDaysPerYear: plan.operatingDaysPerYear,
    operatorsPerShift,
    shiftOperatorHoursPerYear: shiftOperatorHours,
    unstaffedHoursPerYear: unstaffed,
    minimumCrew: plan.minimumCrew,
    unstaffedOperatorHoursPerYear: crewHours,
    operatorHoursPerYear: shiftOperatorHours + crewHours,
    staffedOperatingHoursPerYear: plan.staffedOperatingHoursPerYear,
    roundTheClockHoursPerYear: plan.operatingHoursPerYear,
  };
}
