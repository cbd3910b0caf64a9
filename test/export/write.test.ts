/**
 * Workbooks are written atomically (temporary file beside the target, then rename): a failing
 * export leaves an existing workbook untouched, a successful one replaces it whole, and no
 * temporary file is left behind.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../cli/capture.js';
import { writeWorkbook } from '../../src/cli/commands/run.js';

const dir = mkdtempSync(join(tmpdir(), 'regenflow-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OLD = 'an older workbook';

describe('regenflow run --out', () => {
  it('leaves the existing workbook untouched when the run fails', async () => {
    const out = join(dir, 'a.xlsx');
    writeFileSync(out, OLD);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: bad\nflowsheet: ../nowhere.yaml\nplant: { capacity: "1 t/yr" }\nfeed: { lots: [] }\n');
    const r = await runCli(['run', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the existing workbook untouched when the export itself fails', async () => {
    const out = join(dir, 'b.xlsx');
    writeFileSync(out, OLD);
    await expect(writeWorkbook(out, [])).rejects.toThrow(/nothing to export/);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
  });

  it('refuses a file name that is not .xlsx before doing any work', async () => {
    const r = await runCli(['run', 'scenarios/reference-cn.yaml', '--out', join(dir, 'c.csv')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/a workbook is written as \.xlsx .*give --out a file name ending in \.xlsx/);
  });

  it('replaces the workbook by a complete one, prints where, and leaves no temporary file', async () => {
    const out = join(dir, 'd.xlsx');
    writeFileSync(out, OLD);
    const r = await runCli(['run', 'scenarios/reference-cn.yaml', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${out}`);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)[0]).toBe('Summary');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('keeps stdout to the JSON document with --json', async () => {
    const out = join(dir, 'e.xlsx');
    const r = await runCli(['run', 'scenarios/reference-cn.yaml', '--json', '--out', out]);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toContain(`wrote ${out}`);
  });
});
