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
  return shiftPlan({
    operatingHoursPerYear: p.operatingHours,
    operatingDaysPerYear: model.finance.operatingDaysPerYear,
    shiftLengthH: len,
    ...(p.shiftsPerDay !== undefined ? { shiftsPerDay: p.shiftsPerDay } : {}),
    minimumCrew: p.minimumCrew,
  });
}

function plantPlace(model: Model, field: string): Place {
  const part = model.raw.plant;
  const path = [...part.at, field];
  const loc = part.doc.locate(path);
  return { file: part.doc.file, path: formatPath(path.length === 1 ? ['plant', field] : path), ...(loc ? { line: loc.line, column: loc.column } : {}) };
}
