/**
 * How the workbook names its cases: by letter (A, B, C, …) when there are several, with the
 * scenario and route ids ("A: reference-cn · hydrothermal"), as `regenflow explain` names its
 * baseline A and challenger B.
 */
import type { Evaluation } from '../pipeline/evaluate.js';

/** Letter of case i (0-based): A … Z, then #27, #28, … */
export function caseLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `#${i + 1}`;
}

/** The letters of several cases: "A, B". */
export function lettersOf(cases: readonly number[]): string {
  return cases.map(caseLetter).join(', ');
}

/** "reference-cn · hydrothermal". */
export function caseIds(ev: Evaluation): string {
  return `${ev.model.id} · ${ev.model.flowsheet.id}`;
}

/** Label of case i of n: "A: reference-cn · hydrothermal", or without the letter for a single case. */
export function caseLabel(ev: Evaluation, i: number, n: number): string {
  return n === 1 ? caseIds(ev) : `${caseLetter(i)}: ${caseIds(ev)}`;
}

/** Ids and names: "reference-cn · hydrothermal (Mixed EV scrap, 10 kt/yr, CN; Hydrothermal relithiation + short sintering)". */
export function caseTitle(ev: Evaluation): string {
  return `${caseIds(ev)} (${ev.model.name}; ${ev.model.flowsheet.name})`;
}
