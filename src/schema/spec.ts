/**
 * The product specification (scenario section `spec:`): which lots leaving through `product` are
 * sellable regenerated cathode, and which are off spec (DESIGN.md "Regeneration outcome").
 */
import { z } from 'zod';
import { described, fraction, quantity } from './param.js';
import { msg } from './messages.js';
import { CHEMISTRIES, chemistryByName } from '../chemistry/cathode.js';

const limits = {
  liPerTmMin: quantity('', { description: 'lowest acceptable Li/TM', min: 0, max: 2, default: 0.97, source: 'assumption: a Li deficit above 3 % costs capacity noticeably; regenerated CAM is sold against virgin specs' }),
  liPerTmMax: quantity('', { description: 'highest acceptable Li/TM', min: 0, max: 2, default: 1.05, source: 'assumption: up to the 5 % Li excess of commercial synthesis (EverBatt cathode builder Li1.05, REFERENCE.md 1.3.6)' }),
  maxCationMixing: fraction({ description: 'highest acceptable Li/Ni cation mixing', default: 0.04, source: 'assumption: well-ordered commercial NCM shows 2–4 % Li/Ni mixing' }),
  maxSurfaceRockSalt_nm: quantity('nm', { description: 'thickest acceptable surface rock-salt layer', min: 0, max: 1000, default: 3, source: 'assumption: a few nm of NiO-like rock salt already raises interfacial impedance (review: surface reconstruction section)' }),
  maxResidualLiSalts: fraction({ description: 'highest acceptable soluble Li salts (LiOH, Li2CO3, LiNO3, …) per mass of CAM in the product stream', default: 0.005, source: 'assumption: residual-lithium limits of commercial Ni-rich cathodes are a few 0.1 wt %' }),
};

const limitsPartial = z.strictObject({
  liPerTmMin: limits.liPerTmMin.optional(),
  liPerTmMax: limits.liPerTmMax.optional(),
  maxCationMixing: limits.maxCationMixing.optional(),
  maxSurfaceRockSalt_nm: limits.maxSurfaceRockSalt_nm.optional(),
  maxResidualLiSalts: limits.maxResidualLiSalts.optional(),
});

/** The `spec:` section. */
export const specSchema = z
  .strictObject({
    $schema: z.string().optional(),
    productChemistries: described(z.array(z.string()).optional(), {
      description: 'chemistries sold as regenerated product (default: Ni-containing layered oxides — NCM grades, Ni90, NCA); any other chemistry in the product is off spec as foreign chemistry',
      source: 'assumption: the plant makes NCM/NCA cathode; LFP, LCO and LMO strays are contaminants',
    }),
    ...limits,
    byChemistry: described(z.record(z.string(), limitsPartial).default({
      NCM811: { maxCationMixing: 0.05 },
      Ni90: { maxCationMixing: 0.05 },
      NCA: { maxCationMixing: 0.05 },
    }), { description: 'limits that differ by chemistry', source: 'assumption: Ni-rich grades tolerate ≈5 % Li/Ni mixing (they are made with more)' }),
  })
  .superRefine((s, ctx) => {
    if (s.liPerTmMin > s.liPerTmMax) ctx.addIssue({ code: 'custom', path: ['liPerTmMin'], message: msg.invalid(`the Li/TM window is empty (${s.liPerTmMin} > ${s.liPerTmMax}); give liPerTmMin ≤ liPerTmMax`) });
    const names = Object.keys(CHEMISTRIES);
    for (const [i, c] of (s.productChemistries ?? []).entries()) {
      if (!chemistryByName(c)) ctx.addIssue({ code: 'custom', path: ['productChemistries', i], message: msg.unknownChemistry(c, names) });
    }
    for (const c of Object.keys(s.byChemistry)) {
      if (!chemistryByName(c)) ctx.addIssue({ code: 'custom', path: ['byChemistry', c], message: msg.unknownChemistry(c, names) });
    }
  });

/** A validated product specification. */
export type ProductSpec = z.output<typeof specSchema>;

/** Spec limits for one chemistry. */
export type SpecLimits = { [K in keyof typeof limits]: number };
