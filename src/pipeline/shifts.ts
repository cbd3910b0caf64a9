/**
 * The plant's shift plan from a resolved model (design/shifts.ts does the arithmetic): the
 * plant's shiftsPerDay, shiftLength (or finance.shiftLength) and minimumCrew with
 * finance.operatingDays, checked with messages placed in the plant file.
 */
import { shiftPlan, type ShiftPlan } from '../design/shifts.js';
import { RegenflowError, type Place } from '../schema/errors.js';
import { formatPath } from '../schema/issues.js';
import { msg } from '../schema/messages.js';
import type { Model } from './resolve.js';

/**
 * The shift plan of a model: the plant's shiftsPerDay, shiftLength (or finance.shiftLength) and
 * minimumCrew with finance.operatingDays. Throws RegenflowError (exit 1) when the shifts exceed a
 * day or the shift length is given differently in the plant and the finance section.
 */
export function shiftsOf(model: Model): ShiftPlan {
  const p = model.plant;
  const financeLength = (model.sections.finance as { shiftLength?: unknown } | undefined)?.shiftLength;
  if (p.shiftLength !== undefined && financeLength !== undefined && Math.abs(p.shiftLength - model.finance.shiftLengthH) > 1e-9) {
    throw new RegenflowError('shift-length-twice', msg.shiftLengthTwice(p.shiftLength, model.finance.shiftLengthH), { place: plantPlace(model, 'shiftLength') });
  }
  const len = p.shiftLength ?? model.finance.shiftLengthH;
  if (p.shiftsPerDay !== undefined && p.shiftsPerDay * len > 24 + 1e-9) {
    throw new RegenflowError('shifts-too-long', msg.shiftsTooLong(p.shiftsPerDay, len), { place: plantPlace(model, 'shiftsPerDay') });
  }
  const hours = p.operatingHours;
  const days = model.finance.operatingDaysPerYear;
  const perDay = p.shiftsPerDay;
  const crew = p.minimumCrew;
  const last = lastPlan;
  if (last !== undefined && Object.is(last.hours, hours) && Object.is(last.days, days) && Object.is(last.len, len) && Object.is(last.perDay, perDay) && Object.is(last.crew, crew)) return last.plan;
  const plan = shiftPlan(perDay !== undefined
    ? { operatingHoursPerYear: hours, operatingDaysPerYear: days, shiftLengthH: len, shiftsPerDay: perDay, minimumCrew: crew }
    : { operatingHoursPerYear: hours, operatingDaysPerYear: days, shiftLengthH: len, minimumCrew: crew });
  lastPlan = { hours, days, len, perDay, crew, plan };
  return plan;
}

/**
 * The plan shiftsOf made last and the numbers it was made from: a Monte Carlo sample resolves a
 * new model, most often with the plant's and finance's shift numbers unchanged, and gets the same
 * plan again (shiftPlan is arithmetic of those numbers alone; a plan is only read once made)
 * instead of a plan, its input and a spread copy per sample.
 */
let lastPlan: { hours: number; days: number; len: number; perDay: number | undefined; crew: number; plan: ShiftPlan } | undefined;

function plantPlace(model: Model, field: string): Place {
  const part = model.raw.plant;
  const path = [...part.at, field];
  const loc = part.doc.locate(path);
  return { file: part.doc.file, path: formatPath(path.length === 1 ? ['plant', field] : path), ...(loc ? { line: loc.line, column: loc.column } : {}) };
}
