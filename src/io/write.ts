/**
 * Writing output files atomically: write a temporary file beside the target, then rename it over
 * the target. An interrupted export never leaves a truncated file, and an existing file is only
 * ever replaced by a complete one.
 */
import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { RegenflowError } from '../schema/errors.js';

/** Write `data` to `file` atomically, creating the directory when needed. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new RegenflowError('write-failed', `cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}); check that the directory is writable`, { place: { file } });
  }
}
