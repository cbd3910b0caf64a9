/**
 * `reactor`: applies stoichiometric reactions, in order, to the components of its feed. Each
 * reaction is an equation over registry components with either a conversion of a key reactant or
 * a fixed extent (kmol/h). The loader refuses an equation that does not balance its elements.
 * Reactants listed in `supply` are drawn fresh as needed (e.g. O2 from air); a reaction short of
 * any other reactant is limited to what is there, with a warning.
 */
import { z } from 'zod';
import { defineUnitOp, noDesign, type Diagnostic, type EnergyUse } from './contract.js';
import { fraction, quantity, described } from '../schema/param.js';
import { cloneStream, heatCapacityFlow_W_per_K } from '../streams/stream.js';
import { parseReaction, ReactionError, type Reaction } from '../chemistry/reaction.js';
import { component, resolveComponentId, COMPONENT_IDS } from '../chemistry/components.js';
import { msg } from '../schema/messages.js';

const reactionSpec = z
  .strictObject({
    equation: described(z.string(), { description: 'balanced equation over registry components, e.g. "2 LiOH + CO2 -> Li2CO3 + H2O"' }),
    conversion: fraction({ description: 'fraction of the key reactant converted', source: 'flowsheet author' }).optional(),
    key: described(z.string().optional(), { description: 'key reactant for the conversion (default: the first reactant)' }),
    extent: quantity('kmol/h', { description: 'fixed reaction extent', min: 0, max: 1e6, source: 'flowsheet author' }).optional(),
  })
  .transform((r, ctx) => {
    let reaction: Reaction;
    try {
      reaction = parseReaction(r.equation);
    } catch (e) {
      if (e instanceof ReactionError) {
        ctx.addIssue({ code: 'custom', path: ['equation'], message: e.message });
        return z.NEVER;
      }
      throw e;
    }
    if ((r.conversion === undefined) === (r.extent === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['conversion'], message: msg.invalid('give either conversion or extent (exactly one); e.g. conversion: 0.95') });
      return z.NEVER;
    }
    let key = reaction.reactants[0]!.id;
    if (r.key !== undefined) {
      const id = resolveComponentId(r.key);
      if (!id) {
        ctx.addIssue({ code: 'custom', path: ['key'], message: msg.unknownComponent(r.key, COMPONENT_IDS) });
        return z.NEVER;
      }
      if (!reaction.reactants.some((t) => t.id === id)) {
        ctx.addIssue({ code: 'custom', path: ['key'], message: msg.reactionKeyNotReactant(r.key, r.equation) });
        return z.NEVER;
      }
      key = id;
    }
    return { reaction, key, conversion: r.conversion, extent: r.extent };
  });

const params = z.strictObject({
  reactions: described(z.array(reactionSpec).min(1), { description: 'reactions applied in order' }),
  supply: described(
    z.array(z.string()).default([]).transform((xs, ctx) =>
      xs.map((x, i) => {
        const id = resolveComponentId(x);
        if (!id) ctx.addIssue({ code: 'custom', path: [i], message: msg.unknownComponent(x, COMPONENT_IDS) });
        return id ?? x;
      }),
    ),
    { description: 'reactants drawn fresh as needed (e.g. O2 from air)', source: 'flowsheet author' },
  ),
  temperature: quantity('K', { description: 'outlet temperature (default: the inlet temperature)', above: 0, max: 2273.15, displayUnit: 'degC' }).optional(),
  heaterEfficiency: fraction({ description: 'fraction of delivered heat that reaches the material', default: 1, source: 'assumption: ideal heater for the generic reactor; route units model losses' }),
});

export const reactor = defineUnitOp({
  kind: 'reactor',
  summary: 'stoichiometric reactor: balanced equations with conversion or extent',
  params,
  ports: () => ({
    inlets: [{ name: 'in', description: 'reacting stream' }],
    outlets: [{ name: 'out', description: 'products and unreacted material' }],
  }),
  run: (p, inlets, ctx) => {
    const s = cloneStream(inlets.in!);
    const c = s.components;
    const draws: Record<string, number> = {};
    const diagnostics: Diagnostic[] = [];
    for (const r of p.reactions) {
      const kmolOf = (id: string) => (c[id] ?? 0) / component(id).molarMass_g_per_mol;
      const keyNu = r.reaction.reactants.find((t) => t.id === r.key)!.nu;
      let extent = r.extent ?? ((r.conversion ?? 0) * kmolOf(r.key)) / keyNu;
      for (const t of r.reaction.reactants) {
        if (p.supply.includes(t.id)) continue;
        const limit = kmolOf(t.id) / t.nu;
        if (extent > limit) {
          diagnostics.push({ code: 'reactant-limited', severity: 'warning', where: ctx.unitId, message: msg.reactantLimited(r.reaction.equation, t.id, extent.toPrecision(4), limit.toPrecision(4)) });
          extent = limit;
        }
      }
      for (const t of r.reaction.reactants) {
        const kg = extent * t.nu * component(t.id).molarMass_g_per_mol;
        const have = c[t.id] ?? 0;
        if (p.supply.includes(t.id) && kg > have) {
          draws[t.id] = (draws[t.id] ?? 0) + (kg - have);
          c[t.id] = 0;
        } else {
          c[t.id] = Math.max(0, have - kg);
        }
      }
      for (const t of r.reaction.products) c[t.id] = (c[t.id] ?? 0) + extent * t.nu * component(t.id).molarMass_g_per_mol;
    }
    const energy: EnergyUse = { electricityKw: 0, heatKw: {}, items: [], minimumHeatKw: 0 };
    if (p.temperature !== undefined) {
      const duty = heatCapacityFlow_W_per_K(s) * (p.temperature - s.temperatureK) / 1000;
      if (duty > 0) {
        energy.minimumHeatKw = duty;
        energy.electricityKw = duty / p.heaterEfficiency;
        energy.items.push({ name: 'sensible heat of the outlet', category: 'sensible', kw: duty / p.heaterEfficiency, utility: 'electricity', basis: `Cp flow × (${p.temperature.toFixed(2)} − ${s.temperatureK.toFixed(2)}) K / ${p.heaterEfficiency}` });
      }
      s.temperatureK = p.temperature;
    }
    return { outlets: { out: s }, draws, recycled: {}, energy, diagnostics };
  },
  design: () => noDesign(),
});
