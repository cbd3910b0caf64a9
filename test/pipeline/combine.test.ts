import { describe, expect, it } from 'vitest';
import { combinedUncertainty, type RouteFlowsheet } from '../../src/pipeline/combine.js';

const route = (label: string, units: string[]): RouteFlowsheet => ({ label, file: `${label}.yaml`, data: { id: label, units: units.map((id) => ({ id })) } });
const HYDRO = route('hydrothermal', ['sort', 'relith', 'sinter']);
const SALT = route('molten-salt', ['sort', 'relith', 'anneal']);

describe('uncertain inputs of a split plant (combinedUncertainty)', () => {
  it('draws a unit parameter per line that has the unit, on that line’s unit id, and keeps plant-wide inputs once', () => {
    const u = combinedUncertainty([
      { path: 'relith.temperature', dist: 'uniform', min: -9, max: 9, unit: '% of base' },
      { path: 'sinter.dwell', dist: 'uniform', min: 2, max: 4, unit: 'h' },
      { path: 'prices.electricity', dist: 'triangular', min: 0.07, mode: 0.088, max: 0.11 },
    ], [HYDRO, SALT]);
    expect(u.entries).toEqual([
      { path: 'hydrothermal-relith.temperature', dist: 'uniform', min: -9, max: 9, unit: '% of base' },
      { path: 'molten-salt-relith.temperature', dist: 'uniform', min: -9, max: 9, unit: '% of base' },
      { path: 'hydrothermal-sinter.dwell', dist: 'uniform', min: 2, max: 4, unit: 'h' },
      { path: 'prices.electricity', dist: 'triangular', min: 0.07, mode: 0.088, max: 0.11 },
    ]);
    expect(u.translated).toEqual([
      'relith.temperature → hydrothermal-relith.temperature, molten-salt-relith.temperature',
      'sinter.dwell → hydrothermal-sinter.dwell',
    ]);
    expect(u.dropped).toEqual([]);
  });

  it('applies a route-scoped entry to its route’s line (it wins over the unscoped one there) and drops what fits no line', () => {
    const u = combinedUncertainty([
      { path: 'relith.temperature', dist: 'uniform', min: -9, max: 9, unit: '% of base' },
      { path: 'relith.temperature', route: 'molten-salt', dist: 'uniform', min: 280, max: 320, unit: 'degC' },
      { path: 'relith.dwell', route: 'electrochemical', dist: 'uniform', min: 1, max: 2, unit: 'h' },
      { path: 'prices.LiOH', route: ['hydrothermal'], dist: 'uniform', min: 10, max: 20 },
      { path: 'prices.LiOH', route: 'molten-salt', dist: 'uniform', min: 12, max: 18 },
      { path: 'ghost.temperature', dist: 'uniform', min: 1, max: 2 },
    ], [HYDRO, SALT]);
    expect(u.entries).toEqual([
      { path: 'hydrothermal-relith.temperature', dist: 'uniform', min: -9, max: 9, unit: '% of base' },
      { path: 'molten-salt-relith.temperature', dist: 'uniform', min: 280, max: 320, unit: 'degC' },
      { path: 'prices.LiOH', dist: 'uniform', min: 10, max: 20 },
      { path: 'ghost.temperature', dist: 'uniform', min: 1, max: 2 },
    ]);
    expect(u.dropped).toEqual(['relith.dwell (route electrochemical)', 'prices.LiOH (route molten-salt)']);
  });
});
