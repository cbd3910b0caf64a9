/**
 * Uncertain inputs in words: a section and the field's name from its documentation (or its key in
 * words), the unit the schema documents ("fraction" for a 0–1 value), never the camelCase path.
 */
import { describe, expect, it } from 'vitest';
import { camelWords, inputName, InputNames } from '../../src/export/input-names.js';
import { evaluation } from './cases.js';

describe('input names', () => {
  it('read a path as a section and a field in words', () => {
    expect(inputName('finance.discountRate')).toEqual({ name: 'finance: discount rate', unit: 'fraction', display: null });
    expect(inputName('finance.life')).toMatchObject({ name: 'finance: operating life', unit: 'yr' });
    expect(inputName('plant.capacity')).toMatchObject({ name: 'plant: feed throughput', unit: 'kg/yr' });
    expect(inputName('feed.lots[ev-811].liPerTm')).toMatchObject({ name: 'feed lot ev-811: Li/TM molar ratio of the spent material', unit: '–' });
    expect(inputName('prices.LiOH·H2O').name).toBe('prices: LiOH·H2O');
    expect(inputName('relith.activationEnergy').name).toBe('relith: activation energy');
  });

  it('keep chemical names and prefer the unit the distribution gives', () => {
    expect(camelWords('LiOH')).toBe('LiOH');
    expect(camelWords('discountRate')).toBe('discount rate');
    const bare = new InputNames();
    expect(bare.unit('relith.temperature', 'degC')).toBe('degC');
    expect(bare.unit('relith.temperature', null)).toBe('(as on Assumptions)');
  });

  it('find a unit parameter in the flowsheet of the cases shown, with the unit people read it in', () => {
    const n = new InputNames([evaluation('scenarios/reference-cn.yaml')]).of('relith.temperature');
    expect(n.name.startsWith('relith: ')).toBe(true);
    expect(n.name).not.toMatch(/[a-z][A-Z]/);
    expect([n.unit, n.display]).toEqual(['K', 'degC']);
    // The same unit id on two routes of different kinds keeps the parameter's plain name.
    const both = new InputNames([evaluation('scenarios/reference-cn.yaml', 'flowsheets/hydrothermal.yaml'), evaluation('scenarios/reference-cn.yaml', 'flowsheets/molten-salt.yaml')]);
    expect(both.name('relith.temperature')).toBe('relith: temperature');
  });
});
