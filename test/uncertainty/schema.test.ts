/**
 * Invalid distributions are input errors with catalogue messages in the documented form
 * `<file>:<line>:<col> › uncertainty[i].<field>: …; …`, from the scenario or from --param.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { readUncertainInputs } from '../../src/uncertainty/inputs.js';
import { prepareScenario } from '../../src/uncertainty/scenario.js';
import { readParamText, uncertainInputSchema } from '../../src/schema/uncertainty.js';
import { RegenflowError } from '../../src/schema/errors.js';
import { msg } from '../../src/schema/messages.js';

const FIX = 'test/uncertainty/fixtures';

function errorOf(f: () => unknown): RegenflowError {
  try {
    f();
  } catch (e) {
    if (e instanceof RegenflowError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('uncertain input declarations', () => {
  it('every invalid distribution of a scenario is reported at once, at its line', () => {
    const file = `${FIX}/invalid-distributions.yaml`;
    const e = errorOf(() => readUncertainInputs(loadRawScenario(file)));
    expect(e.exitCode).toBe(1);
    expect(e.message.split('\n')).toEqual([
      `${file}:8:60 › uncertainty[1].sd: standard deviation is not positive (sd -5); give sd > 0`,
      `${file}:9:80 › uncertainty[2].max: max is not above min (min 0.12, max 0.08); give max > min — a fixed value belongs in overrides`,
      `${file}:10:79 › uncertainty[3].mode: mode is outside the range (mode 0.995, range 0.9 to 0.99); give min ≤ mode ≤ max`,
      `${file}:11:51 › uncertainty[4].mean: lognormal mean is not positive (mean 0); give mean > 0`,
      `${file}:12:49 › uncertainty[5].values: a discrete distribution has no values (empty list); list at least one value, e.g. values: [8, 11, 18]`,
      `${file}:13:75 › uncertainty[6].probabilities: probabilities sum to 0.9; they must sum to 1 (± 1e-9)`,
      `${file}:14:30 › uncertainty[7].dist: "gamma" is not allowed; use one of: uniform, triangular, normal, lognormal, pert, discrete`,
      `${file}:15:13 › uncertainty[8].path: the input "plant.capacity" is declared twice (first at uncertainty[0]); declare each uncertain input once`,
    ]);
  });

  it('a bound the model refuses and an unknown path are input errors at the declaration', () => {
    let e = errorOf(() => prepareScenario({ file: `${FIX}/out-of-range.yaml` }));
    expect(e.message).toBe(`${FIX}/out-of-range.yaml:8:66 › uncertainty[1].max: above the maximum (9000 h/yr); it must be at most 8760 h/yr`);
    e = errorOf(() => prepareScenario({ file: `${FIX}/unknown-path.yaml` }));
    expect(e.message).toBe(`${FIX}/unknown-path.yaml:7:13 › uncertainty[0].path: ${msg.unknownOverride('burner.temperature', 'no unit "burner" in the flowsheet and not a scenario section (plant, feed, prices, finance, spec, design, solver)')}`);
  });

  it('schema rules: min > max, negative sd, mode outside, lognormal, PERT lambda, probabilities', () => {
    const issues = (o: Record<string, unknown>) => {
      const r = uncertainInputSchema.safeParse({ path: 'a.b', ...o });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ dist: 'uniform', min: 2, max: 1 })).toEqual([`max: ${msg.distMaxNotAboveMin(2, 1)}`]);
    expect(issues({ dist: 'uniform', min: 1, max: 1 })).toEqual([`max: ${msg.distMaxNotAboveMin(1, 1)}`]);
    expect(issues({ dist: 'normal', mean: 1, sd: 0 })).toEqual([`sd: ${msg.distSdNotPositive(0)}`]);
    expect(issues({ dist: 'normal', mean: 0, sd: 1, min: 40 })).toEqual([`min: ${msg.distTruncationEmpty(40, Infinity, 0, 1)}`]);
    expect(issues({ dist: 'triangular', min: 1, mode: 0, max: 2 })).toEqual([`mode: ${msg.distModeOutside(0, 1, 2)}`]);
    expect(issues({ dist: 'pert', min: 1, mode: 1.5, max: 2, lambda: -1 })).toEqual([`lambda: ${msg.distPertLambda(-1)}`]);
    expect(issues({ dist: 'lognormal', mean: 5, sd: -1 })).toEqual([`sd: ${msg.distLognormalNotPositive('sd', -1)}`]);
    expect(issues({ dist: 'lognormal', mu: 0, sigma: 0 })).toEqual([`sigma: ${msg.distLognormalNotPositive('sigma', 0)}`]);
    expect(issues({ dist: 'lognormal', mean: 5, sd: 1, mu: 1, sigma: 1 })).toEqual([`: ${msg.distLognormalForm()}`]);
    expect(issues({ dist: 'discrete', values: [1, 2], probabilities: [1] })).toEqual([`probabilities: ${msg.distProbabilitiesCount(2, 1)}`]);
    expect(issues({ dist: 'discrete', values: [1, 2], probabilities: [1.5, -0.5] })).toEqual([`probabilities.1: ${msg.distProbabilityNegative(-0.5)}`]);
    expect(issues({ dist: 'uniform', min: 1, max: 2, unit: 'furlongs' })).toHaveLength(1);
    expect(issues({ dist: 'discrete', values: [1, 2], probabilities: [0.25, 0.75] })).toEqual([]);
  });
});

describe('--param syntax', () => {
  it('reads every distribution, with a unit', () => {
    expect(readParamText('relith.temperature=triangular:200:220:240 degC')).toEqual({ path: 'relith.temperature', spec: { path: 'relith.temperature', dist: 'triangular', min: 200, mode: 220, max: 240, unit: 'degC' } });
    expect(readParamText('prices.LiOH·H2O=uniform:8:18')).toEqual({ path: 'prices.LiOH·H2O', spec: { path: 'prices.LiOH·H2O', dist: 'uniform', min: 8, max: 18 } });
    expect(readParamText('plant.capacity=normal:1e7:5e5:8e6:1.2e7')).toMatchObject({ spec: { dist: 'normal', mean: 1e7, sd: 5e5, min: 8e6, max: 1.2e7 } });
    expect(readParamText('a.b=lognormal:11:2')).toMatchObject({ spec: { dist: 'lognormal', mean: 11, sd: 2 } });
    expect(readParamText('a.b=pert:1:2:4:6')).toMatchObject({ spec: { dist: 'pert', min: 1, mode: 2, max: 4, lambda: 6 } });
    expect(readParamText('a.b=discrete:1,2,3:0.2,0.3,0.5')).toMatchObject({ spec: { dist: 'discrete', values: [1, 2, 3], probabilities: [0.2, 0.3, 0.5] } });
    expect(readParamText('finance.discountRate')).toEqual({ path: 'finance.discountRate', spec: null });
  });

  it('problems name the --param text', () => {
    const raw = loadRawScenario('test/fixtures/scenarios/generic-demo.yaml');
    const e = errorOf(() => readUncertainInputs(raw, ['plant.capacity=uniform:8:6', 'a.b=uniform:x:2', 'c.d=normal:1:2:3', 'y.z=normal:1:-1', 'plant.operatingHours']));
    expect(e.message.split('\n')).toEqual([
      `--param "plant.capacity=uniform:8:6" › max: ${msg.distMaxNotAboveMin(8, 6)}`,
      `--param "a.b=uniform:x:2": ${msg.paramSyntax('a.b=uniform:x:2', 'min "x" is not a number')}`,
      `--param "c.d=normal:1:2:3": ${msg.paramSyntax('c.d=normal:1:2:3', 'normal takes mean:sd or mean:sd:min:max')}`,
      `--param "y.z=normal:1:-1" › sd: ${msg.distSdNotPositive(-1)}`,
      `--param "plant.operatingHours": ${msg.paramNeedsDistribution('plant.operatingHours')}`,
    ]);
  });

  it('a --param replaces the scenario declaration of the same path', () => {
    const raw = loadRawScenario(`${FIX}/uncertain-demo.yaml`);
    const inputs = readUncertainInputs(raw, ['burn.temperature=uniform:520:600 degC', 'plant.operatingHours=uniform:6000:7000']);
    expect(inputs.map((i) => i.path)).toEqual(['plant.capacity', 'burn.reactions[0].conversion', 'burn.temperature', 'plant.operatingHours']);
    expect(inputs[2]!.spec).toMatchObject({ dist: 'uniform', min: 520 });
  });

  it('no inputs at all is an input error', () => {
    expect(errorOf(() => prepareScenario({ file: 'test/fixtures/scenarios/generic-demo.yaml' })).message).toBe(`test/fixtures/scenarios/generic-demo.yaml: ${msg.noUncertainInputs()}`);
  });
});
