/**
 * LibreOffice as the real spreadsheet client of the workbook tests: find `soffice`, and recalculate
 * workbooks headless with full recalculation forced (STACK.md): a private profile whose
 * registrymodifications.xcu sets Calc's OOXMLRecalcMode to 0 ("always"), one profile per call
 * (a shared profile makes a second soffice hand its job to the first and exit 0 with no output),
 * and a check that every output exists (soffice exits 0 even when a conversion fails).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where soffice is, or why it was not found. */
export interface Soffice {
  path: string | null;
  reason: string;
}

const CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];

/** Find soffice: $SOFFICE, then PATH, then the usual install places. */
export function findSoffice(): Soffice {
  const env = process.env.SOFFICE;
  if (env) return existsSync(env) ? { path: env, reason: `SOFFICE=${env}` } : { path: null, reason: `SOFFICE=${env} does not exist` };
  const which = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim().split('\n')[0] : '';
  if (onPath) return { path: onPath, reason: `found on PATH (${onPath})` };
  for (const c of CANDIDATES) if (existsSync(c)) return { path: c, reason: `found at ${c}` };
  return { path: null, reason: 'soffice (LibreOffice) is not installed: not on PATH nor in the usual places; install libreoffice-calc-nogui (Debian) or set SOFFICE' };
}

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Recalculate workbooks in headless LibreOffice (all in one soffice call) and return the bytes of
 * the recalculated copies, in the order given. Throws when soffice is missing or an output is.
 */
export function recalculate(soffice: string, inputs: readonly { name: string; bytes: Buffer }[], timeoutMs = 180_000): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'regenflow-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    const files = inputs.map((x, i) => {
      const f = join(inDir, `${String(i).padStart(2, '0')}-${x.name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
      writeFileSync(f, x.bytes);
      return f;
    });
    let log = '';
    try {
      log = execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'xlsx', '--outdir', outDir, ...files], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new Error(`soffice failed: ${(e as Error).message}`);
    }
    return files.map((f) => {
      const out = join(outDir, basename(f));
      if (!existsSync(out)) throw new Error(`soffice exited without writing ${basename(f)} (it exits 0 even on failure); its output: ${log.trim()}`);
      return readFileSync(out);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Find pdftotext (poppler-utils): PATH, or null with why. */
export function findPdftotext(): { path: string | null; reason: string } {
  const which = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' });
  const p = which.status === 0 ? which.stdout.trim().split('\n')[0] : '';
  return p ? { path: p, reason: `found on PATH (${p})` } : { path: null, reason: 'pdftotext (poppler-utils) is not installed' };
}

/**
 * Print workbooks to PDF with headless LibreOffice (one soffice call, a private profile) and return
 * the text of each PDF (pdftotext -layout), in the order given.
 */
export function printedText(soffice: string, pdftotext: string, inputs: readonly { name: string; bytes: Buffer }[], timeoutMs = 300_000): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'regenflow-pdf-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const files = inputs.map((x, i) => {
      const f = join(dir, `${String(i).padStart(2, '0')}-${x.name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
      writeFileSync(f, x.bytes);
      return f;
    });
    execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'pdf', '--outdir', dir, ...files], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    return files.map((f) => {
      const pdf = f.replace(/\.xlsx$/, '.pdf');
      if (!existsSync(pdf)) throw new Error(`soffice exited without writing ${basename(pdf)} (it exits 0 even on failure)`);
      return execFileSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
