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
  // ---- issue 11: product performance
  minCapacityFraction: fraction({ description: 'lowest acceptable predicted 0.1 C capacity, as a fraction of the virgin capacity of the chemistry (src/streams/performance.ts)', default: 0.93, source: 'review Table 1 (virgin figures chemistry/capacity.ts): fully repaired regenerated products reach 0.95–0.97 of virgin ([59] 166.1/175, [79]/[80] 157/163, [84] 179.9/187), a product whose lattice was not reconstructed 0.885 ([82] 154.8/175); the limit lies between (assumption)' }),
  // ---- foreign solids in the product stream, per mass of CAM (issue 12). Cell makers' CAM purity
  // specifications are trade secrets (POSTECH 2024 via techrelease.co [L]), so these are assumptions.
  maxGraphiteCarbon: fraction({ description: 'highest acceptable graphite and carbon (carbon black, CNT, graphene) per mass of CAM in the product stream; an electrode product counts graphite only (its carbon black is the recipe)', default: 0.005, source: 'assumption: 0.5 wt %, a quarter of the conductive carbon an electrode maker adds anyway (BatPaC 5.0 NMC622: carbon black 0.93/44.78 = 2.1 wt % of the CAM, REFERENCE.md 1.3.4); no public CAM carbon limit was found' }),
  maxAluminium: fraction({ description: 'highest acceptable metallic Al per mass of CAM in the product stream (not counted in an electrode product, whose foil is the current collector)', default: 0.005, source: 'assumption: metallic Al is the cathode\'s own current collector, stable at cathode potential, and hydrothermal regeneration of NCM with up to 15 wt % Al scrap kept its capacity ("Direct Regeneration of NCM Cathode Material with Aluminum Scraps", gdch.app summary [M]); 0.5 wt % bounds the capacity dilution at 0.5 %' }),
  maxCopper: fraction({ description: 'highest acceptable metallic Cu per mass of CAM in the product stream', default: 0.0001, source: 'assumption: Cu dissolves at the cathode and plates on the anode, a cause of internal shorts, and commercial NCM carries Cu at ppb–ppm level (Shim et al., JACS Au 2025, abstract [M]); 100 ppm is a loose ceiling' }),
  maxFluorine: fraction({ description: 'highest acceptable fluorine (LiF, PVDF, LiPF6, CaF2 …) per mass of CAM in the product stream; an electrode product\'s PVDF binder is not counted', default: 0.002, source: 'assumption: F left from binder and electrolyte; a few 0.1 wt % LiF is a surface film like the cathode–electrolyte interphase; 0.2 wt % F (≈ 0.27 wt % LiF) as the ceiling; no public limit was found' }),
};

const limitsPartial = z.strictObject({
  liPerTmMin: limits.liPerTmMin.optional(),
  liPerTmMax: limits.liPerTmMax.optional(),
  maxCationMixing: limits.maxCationMixing.optional(),
  maxSurfaceRockSalt_nm: limits.maxSurfaceRockSalt_nm.optional(),
  maxResidualLiSalts: limits.maxResidualLiSalts.optional(),
  minCapacityFraction: limits.minCapacityFraction.optional(),
  maxGraphiteCarbon: limits.maxGraphiteCarbon.optional(),
  maxAluminium: limits.maxAluminium.optional(),
  maxCopper: limits.maxCopper.optional(),
  maxFluorine: limits.maxFluorine.optional(),
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
