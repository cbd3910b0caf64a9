/**
 * Chemical formula parsing and molar mass.
 * Handles parentheses (`Ni(OH)2`, `Al(NO3)3`), hydrates with a middle dot, period or asterisk
 * (`LiOH·H2O`, `Al(NO3)3·9H2O`), decimal subscripts (`LiNi0.5Co0.2Mn0.3O2`) and polymer repeat
 * units written `(C2H2F2)n`, which count as one repeat unit.
 */
import { ATOMIC_WEIGHT_G_PER_MOL, isElement, type Element } from './elements.js';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';

/** Element → moles per mole of formula. */
export type Composition = Partial<Record<Element, number>>;

const HYDRATE_SEPARATOR = /[·•∙.*]/;

/** Parse a formula into element → moles per mole. Throws a RegenflowError for bad syntax. */
export function parseFormula(formula: string): Composition {
  const text = formula.trim();
  if (text.length === 0) throw new RegenflowError('formula', msg.formulaInvalid(formula, 'it is empty'));
  const out: Composition = {};
  // Hydrate parts: "LiOH·H2O" → ["LiOH", "H2O"]; a leading integer multiplies its part ("9H2O").
  // A '.' between digits is a decimal point, so only split on '.' when it is not inside a number.
  const parts = splitHydrate(text);
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)?(.*)$/.exec(part);
    const coefficient = m?.[1] ? Number(m[1]) : 1;
    const body = m?.[2] ?? '';
    if (body.length === 0) throw new RegenflowError('formula', msg.formulaInvalid(formula, `the part "${part}" has no elements`));
    const comp = parseGroup(body, formula);
    for (const [el, n] of Object.entries(comp) as [Element, number][]) {
      out[el] = (out[el] ?? 0) + coefficient * n;
    }
  }
  return out;
}

function splitHydrate(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const isDecimalPoint = ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
    if (HYDRATE_SEPARATOR.test(ch) && !isDecimalPoint) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

function parseGroup(body: string, whole: string): Composition {
  // Recursive-descent over: group := (element count? | '(' group ')' count?)*
  let i = 0;
  const readCount = (): number => {
    const m = /^(\d+(?:\.\d+)?|n)/.exec(body.slice(i));
    if (!m) return 1;
    i += m[0].length;
    return m[0] === 'n' ? 1 : Number(m[0]);
  };
  const parseSeq = (depth: number): Composition => {
    const acc: Composition = {};
    while (i < body.length) {
      const ch = body[i]!;
      if (ch === '(' || ch === '[') {
        i++;
        const inner = parseSeq(depth + 1);
        const close = body[i];
        if (close !== ')' && close !== ']') throw new RegenflowError('formula', msg.formulaInvalid(whole, 'a parenthesis is not closed'));
        i++;
        const n = readCount();
        for (const [el, k] of Object.entries(inner) as [Element, number][]) acc[el] = (acc[el] ?? 0) + k * n;
      } else if (ch === ')' || ch === ']') {
        if (depth === 0) throw new RegenflowError('formula', msg.formulaInvalid(whole, 'a closing parenthesis has no opening one'));
        return acc;
      } else {
        const m = /^[A-Z][a-z]?/.exec(body.slice(i));
        if (!m) throw new RegenflowError('formula', msg.formulaInvalid(whole, `unexpected "${ch}" at position ${i + 1}`));
        // Prefer a two-letter symbol when it exists ("Co"), else the one-letter one ("C" in "CO2").
        let symbol = m[0];
        if (!isElement(symbol) && symbol.length === 2 && isElement(symbol[0]!)) symbol = symbol[0]!;
        if (!isElement(symbol)) throw new RegenflowError('formula', msg.formulaInvalid(whole, `"${m[0]}" is not an element symbol`));
        i += symbol.length;
        const n = readCount();
        acc[symbol] = (acc[symbol] ?? 0) + n;
      }
    }
    if (depth > 0) throw new RegenflowError('formula', msg.formulaInvalid(whole, 'a parenthesis is not closed'));
    return acc;
  };
  return parseSeq(0);
}

/** Molar mass in g/mol (= kg/kmol) of a composition. */
export function molarMass(comp: Composition): number {
  let m = 0;
  for (const [el, n] of Object.entries(comp) as [Element, number][]) m += n * ATOMIC_WEIGHT_G_PER_MOL[el];
  return m;
}

/** Element mass fractions of a composition (they sum to 1). */
export function massFractions(comp: Composition): Composition {
  const mm = molarMass(comp);
  const out: Composition = {};
  for (const [el, n] of Object.entries(comp) as [Element, number][]) out[el] = (n * ATOMIC_WEIGHT_G_PER_MOL[el]) / mm;
  return out;
}
