/**
 * Writing output files atomically: write a temporary file beside the target, flush it to disk
 * (fsync), then rename it over the target and flush the directory. An interrupted export never
 * leaves a truncated file, and an existing file is only ever replaced by a complete one.
 *
 * A process killed between writing the temporary file and the rename (kill -9, power loss) cannot
 * remove it; the next write of the same target removes such stale temporary files — those whose
 * writing process no longer runs.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { RegenflowError } from '../schema/errors.js';
import { msg } from '../schema/messages.js';

/** Name of the temporary file of `target` written by process `pid`. */
export function temporaryName(target: string, pid: number, stamp: number): string {
  return `.${basename(target)}.${pid}.${stamp}.tmp`;
}

/** True when a process with this id runs (one we may not signal runs too). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temporary files of `file` left by writers that no longer run; returns their names. */
export function removeStaleTemporaries(file: string): string[] {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && processRuns(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Write all of `data` to a new file and flush it to disk. */
function writeDurably(file: string, data: string | Uint8Array): void {
  const fd = openSync(file, 'wx');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flush a directory entry change (the rename) to disk; not every platform allows it, so best effort. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Opening or syncing a directory is not supported everywhere (Windows); the rename stands.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write `data` to `file` atomically, creating the directory when needed. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = dirname(file);
  const tmp = join(dir, temporaryName(file, process.pid, Date.now()));
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTemporaries(file);
    writeDurably(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new RegenflowError('write-failed', msg.writeFailed(file, (e as NodeJS.ErrnoException).code ?? String(e)), { place: { file } });
  }
  syncDirectory(dir);
}
