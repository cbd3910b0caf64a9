/**
 * Stoichiometric reactions written as equations over registry components, e.g.
 * "2 LiOH + CO2 -> Li2CO3 + H2O". The parser refuses a reaction that does not balance its
 * elements, so every reaction the engine applies conserves mass and every element.
 */
import { component, resolveComponentId, COMPONENT_IDS } from './components.js';
import type { Element } from './elements.js';
import { msg } from '../schema/messages.js';

/** A species and its stoichiometric coefficient (positive). */
export interface Term {
  id: string;
  nu: number;
}

/** A parsed, balanced reaction. */
export interface Reaction {
  equation: string;
  reactants: Term[];
  products: Term[];
}

/** Problem found while reading a reaction; `message` is from the catalogue. */
export class ReactionError extends Error {}

/** Parse and balance-check an equation. Throws ReactionError with a catalogue message. */
export function parseReaction(equation: string): Reaction {
  const sides = equation.split(/->|→|=>|=/);
  if (sides.length !== 2) throw new ReactionError(msg.reactionUnreadable(equation, 'it needs exactly one arrow "->"'));
  const reactants = parseSide(sides[0]!, equation);
  const products = parseSide(sides[1]!, equation);
  const reaction = { equation, reactants, products };
  const imbalance = elementImbalance(reaction);
  if (imbalance) throw new ReactionError(msg.reactionUnbalanced(equation, imbalance));
  return reaction;
}

function parseSide(side: string, equation: string): Term[] {
  const terms = side.split(/\s\+\s|^\+\s|\s\+$/).map((t) => t.trim()).filter((t) => t.length > 0);
  if (terms.length === 0) throw new ReactionError(msg.reactionUnreadable(equation, 'one side is empty'));
  return terms.map((t) => {
    const m = /^(\d+(?:\.\d+)?(?:\/\d+)?)?\s*(.+)$/.exec(t);
    const coeffText = m?.[1];
    const name = (m?.[2] ?? t).trim();
    let nu = 1;
    if (coeffText) {
      const [a, b] = coeffText.split('/');
      nu = b ? Number(a) / Number(b) : Number(a);
    }
    const id = resolveComponentId(name);
    if (!id) throw new ReactionError(msg.unknownComponent(name, COMPONENT_IDS));
    if (!(nu > 0)) throw new ReactionError(msg.reactionUnreadable(equation, `the coefficient of ${name} must be positive`));
    return { id, nu };
  });
}

/** Describe the element imbalance of a reaction ("Li 1 → 2, O 3 → 4"), or '' when balanced. */
export function elementImbalance(r: Pick<Reaction, 'reactants' | 'products'>): string {
  const left: Partial<Record<Element, number>> = {};
  const right: Partial<Record<Element, number>> = {};
  const add = (into: Partial<Record<Element, number>>, terms: Term[]) => {
    for (const t of terms) {
      const comp = component(t.id).composition;
      for (const el in comp) into[el as Element] = (into[el as Element] ?? 0) + t.nu * comp[el as Element]!;
    }
  };
  add(left, r.reactants);
  add(right, r.products);
  const parts: string[] = [];
  const els = new Set([...Object.keys(left), ...Object.keys(right)]) as Set<Element>;
  for (const el of els) {
    const a = left[el] ?? 0;
    const b = right[el] ?? 0;
    if (Math.abs(a - b) > 1e-9 * Math.max(a, b)) parts.push(`${el} ${round(a)} → ${round(b)}`);
  }
  return parts.join(', ');
}

/** Mass of a reaction per kmol of extent on each side (kg); equal sides when balanced. */
export function reactionMassPerExtent(r: Reaction): { reactantsKg: number; productsKg: number } {
  const side = (terms: Term[]) => terms.reduce((s, t) => s + t.nu * component(t.id).molarMass_g_per_mol, 0);
  return { reactantsKg: side(r.reactants), productsKg: side(r.products) };
}

/** Atomic-weight-consistent molar mass lookup for a component id, kg/kmol. */
export function molarMassOf(id: string): number {
  return component(id).molarMass_g_per_mol;
}

function round(x: number): string {
  return String(Number(x.toPrecision(6)));
}

