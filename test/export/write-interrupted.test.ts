/**
 * An interrupted write (the rename of the complete temporary file fails, as when the process dies
 * or the disk fills) never leaves a truncated workbook: the old file stays as it was and the
 * temporary file is removed.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const state = vi.hoisted(() => ({ failRename: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, renameSync: (a: string, b: string) => { if (state.failRename) throw Object.assign(new Error('interrupted'), { code: 'EIO' }); return fs.renameSync(a, b); } };
});

const { writeWorkbook } = await import('../../src/cli/commands/run.js');
const { evaluation } = await import('./cases.js');

const dir = mkdtempSync(join(tmpdir(), 'regenflow-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an interrupted workbook write', () => {
  it('keeps the old workbook and leaves no temporary file', async () => {
    const out = join(dir, 'w.xlsx');
    writeFileSync(out, 'the old workbook');
    state.failRename = true;
    try {
      await expect(writeWorkbook(out, [evaluation('test/fixtures/scenarios/generic-demo.yaml')], { pictures: false })).rejects.toThrow(/cannot write .*w\.xlsx \(EIO\)/);
    } finally {
      state.failRename = false;
    }
    expect(readFileSync(out, 'utf8')).toBe('the old workbook');
    expect(readdirSync(dir)).toEqual(['w.xlsx']);
  });
});
