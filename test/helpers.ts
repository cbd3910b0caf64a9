/**
 * Shared test helpers: building streams and lots tersely, fixture I/O with an update flag.
 */
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chemistryByName, type CathodeChemistry } from '../src/chemistry/cathode.js';
import type { Lot } from '../src/streams/lot.js';
import type { Stream } from '../src/streams/stream.js';
import { toUnit } from '../src/schema/quantity.js';
import { resolveModel } from '../src/pipeline/resolve.js';
import type { RawScenario } from '../src/pipeline/load.js';
import type { Patch } from '../src/pipeline/patch.js';

/** True when fixtures should be rewritten instead of compared (REGENFLOW_UPDATE_FIXTURES=1). */
export const UPDATE_FIXTURES = process.env.REGENFLOW_UPDATE_FIXTURES === '1';

/** A lot with sensible defaults; override any field. */
export function makeLot(partial: Partial<Omit<Lot, 'chemistry'>> & { id: string; chemistry?: CathodeChemistry | string }): Lot {
  const chem = typeof partial.chemistry === 'string' ? chemistryByName(partial.chemistry)! : (partial.chemistry ?? chemistryByName('NCM523')!);
  return {
    origin: [partial.id],
    massKgPerHour: 100,
    liPerTm: 0.9,
    cationMixing: 0.03,
    surfaceRockSalt_nm: 0,
    crackFraction: 0,
    morphology: 'polycrystal',
    d50_um: 10,
    coating_nm: 0,
    coating: null,
    conductiveNetwork: null,
    lane: null,
    ...partial,
    chemistry: chem,
  } as Lot;
}

/** A stream from terse parts. */
export function makeStream(components: Record<string, number> = {}, lots: Lot[] = [], temperatureK = 298.15): Stream {
  return { components: { ...components }, lots, temperatureK };
}

/** Stream as written in a fixture file. */
export interface StreamFixture {
  temperature?: string | number;
  components?: Record<string, number>;
  lots?: (Partial<Omit<Lot, 'chemistry'>> & { id: string; chemistry?: string })[];
}

/** Build a stream from its fixture form. */
export function streamFromFixture(f: StreamFixture): Stream {
  return makeStream(
    f.components ?? {},
    (f.lots ?? []).map((l) => makeLot(l)),
    f.temperature === undefined ? 298.15 : toUnit(f.temperature, 'K'),
  );
}

/** Round every number in a JSON-able value to `digits` significant digits (fixtures compare after rounding). */
export function rounded<T>(value: T, digits = 9): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' && Number.isFinite(v) ? (v === 0 ? 0 : Number(v.toPrecision(digits))) : v))) as T;
}

/** Fixture cases of a folder: every `<name>.in.yaml` with its `<name>.out.json`. */
export function fixtureCases(dir: string): { name: string; input: unknown; outFile: string; expected: unknown }[] {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  return readdirSync(dir)
    .filter((f) => f.endsWith('.in.yaml'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.in.yaml'.length);
      const outFile = join(dir, `${name}.out.json`);
      return {
        name,
        input: parse(readFileSync(join(dir, f), 'utf8')) as unknown,
        outFile,
        expected: existsSync(outFile) ? (JSON.parse(readFileSync(outFile, 'utf8')) as unknown) : undefined,
      };
    });
}

/** Write a fixture's expected output (used when UPDATE_FIXTURES is set). */
export function writeFixture(outFile: string, value: unknown): void {
  writeFileSync(outFile, JSON.stringify(value, null, 2) + '\n');
}

/** The message resolveModel throws for `raw` with `patches`; undefined when it resolves. */
export function resolveErrorMessage(raw: RawScenario, patches: Patch[]): string | undefined {
  try {
    resolveModel(raw, patches);
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}
