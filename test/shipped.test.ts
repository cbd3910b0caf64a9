/**
 * Every shipped flowsheet and scenario is a test: it validates, runs, converges and closes mass and
 * every element to 1e-9 per unit and plant-wide; energy is never below the physical minimum; the
 * shipped JSON Schemas match the code and every shipped YAML points to its schema.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFile } from '../src/pipeline/validate.js';
import { loadRawScenario } from '../src/pipeline/load.js';
import { resolveModel } from '../src/pipeline/resolve.js';
import { evaluate } from '../src/pipeline/evaluate.js';
import { fileSchemas } from '../src/pipeline/schemas.js';

const yamlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));
const flowsheets = yamlIn('flowsheets');
const scenarios = yamlIn('scenarios');
const parts = [...yamlIn('scenarios/feeds'), ...yamlIn('scenarios/plants'), ...yamlIn('scenarios/prices')];

describe('shipped flowsheets', () => {
  it('there are route flowsheets', () => {
    expect(flowsheets.map((f) => f.split('/').pop())).toEqual(expect.arrayContaining(['hydrothermal.yaml', 'molten-salt.yaml', 'solid-state.yaml', 'electrochemical.yaml', 'full-route.yaml']));
  });
  for (const f of flowsheets) {
    it(`${f} validates and starts with a comment saying what it models`, () => {
      expect(validateFile(f)).toBe('flowsheet');
      const text = readFileSync(f, 'utf8');
      expect(text.split('\n').filter((l) => l.startsWith('#')).length).toBeGreaterThanOrEqual(3);
    });
    it(`${f} runs with the reference feed and closes its balances`, () => {
      const ev = evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml', f)));
      expect(ev.solution.loops.every((l) => l.converged)).toBe(true);
      expect(ev.balances.worstClosure).toBeLessThanOrEqual(1e-9);
    });
  }
});

describe('shipped scenarios', () => {
  for (const s of scenarios) {
    it(`${s} validates, runs, converges and closes every balance to 1e-9`, () => {
      expect(validateFile(s)).toBe('scenario');
      const ev = evaluate(resolveModel(loadRawScenario(s)));
      expect(ev.solution.loops.every((l) => l.converged)).toBe(true);
      for (const u of ev.balances.units) {
        expect(u.massClosure, `${u.unit} mass`).toBeLessThanOrEqual(1e-9);
        for (const [el, c] of Object.entries(u.elementClosure)) expect(c, `${u.unit} ${el}`).toBeLessThanOrEqual(1e-9);
      }
      expect(ev.balances.plant.massClosure).toBeLessThanOrEqual(1e-9);
      for (const [el, c] of Object.entries(ev.balances.plant.elementClosure)) expect(c, `plant ${el}`).toBeLessThanOrEqual(1e-9);
      // Energy is never below the physical minimum of what is heated.
      for (const run of ev.solution.runs.values()) {
        const heating = run.energy.items.filter((i) => i.category === 'sensible' || i.category === 'latent' || i.category === 'reaction').reduce((a, i) => a + i.kw, 0);
        expect(heating).toBeGreaterThanOrEqual(run.energy.minimumHeatKw * (1 - 1e-12));
      }
      expect(Number.isFinite(ev.economics.kpis.capexUsd)).toBe(true);
      expect(ev.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
  for (const p of parts) {
    it(`${p} validates on its own`, () => {
      expect(['feed', 'plant', 'prices']).toContain(validateFile(p));
    });
  }
});

describe('editor schemas', () => {
  it('the shipped JSON Schemas are those the code emits (run `regenflow schema` after a change)', () => {
    for (const [name, schema] of Object.entries(fileSchemas())) {
      expect(JSON.parse(readFileSync(join('schemas', name), 'utf8')), name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
  it('every shipped YAML names its schema for editors', () => {
    for (const f of [...flowsheets, ...scenarios, ...parts]) {
      expect(readFileSync(f, 'utf8'), f).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schemas\/\w+\.schema\.json/m);
    }
  });
});
