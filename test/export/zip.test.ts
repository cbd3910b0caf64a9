/**
 * The workbook's zip is the one JSZip wrote before (round 13 of issue 19 replaced the JSZip round
 * trip): zipParts gives, byte for byte, what zipping the parts with JSZip (as exceljs's writer does),
 * reading them back and re-zipping them with fixed dates and order (DEFLATE level 6, DOS) gave —
 * for awkward parts (text of several 16 K blocks with a surrogate pair cut by a block boundary and a
 * lone surrogate, incompressible bytes, empty parts, a non-ASCII name) and for the reference
 * comparison workbook, whose parts come from exceljs's writer steps (xlsxParts) and addChartParts.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { zipParts, partText, joinPrintAreas, ZIP_DATE, type Parts } from '../../src/export/zip.js';
import { excelWorkbook, xlsxParts } from '../../src/export/xlsx.js';
import { addCharts, addChartParts } from '../../src/export/charts.js';
import { workbookModel, workbookBuffer } from '../../src/export/workbook.js';
import { renderPictures } from '../../src/export/plain-sheets.js';
import { referenceComparison } from './cases.js';

/** The re-zip as it was written with JSZip (zip.ts normaliseZip before round 13). */
async function jszipNormalised(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort((a, b) => {
    const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : 1);
    return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
  const out = new JSZip();
  for (const n of names) {
    const data = n === 'xl/workbook.xml' ? joinPrintAreas(await zip.file(n)!.async('string')) : await zip.file(n)!.async('uint8array');
    out.file(n, data, { date: ZIP_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** Parts zipped, stored, as exceljs's ZipWriter zips them (JSZip file() with its defaults). */
async function jszipStored(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  for (const [n, v] of parts) zip.file(n, v);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** Deterministic pseudo-random bytes. */
function bytes(n: number, seed: number, text: boolean): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = text ? 'abc <>/="0123456789'.charCodeAt((s >>> 16) % 19) : s >>> 24;
  }
  return out;
}

describe('zipParts', () => {
  it('writes the bytes JSZip wrote for awkward parts', async () => {
    const long = Buffer.from(bytes(100_000, 7, true)).toString('latin1');
    // A surrogate pair across the first 16 K block boundary, one inside the second block, a lone one.
    const text = `${long.slice(0, 16383)}😀${long.slice(16383, 20000)}€😀\uD800x${long.slice(20000)}`;
    const parts: Parts = new Map<string, string | Uint8Array>([
      ['xl/worksheets/sheet1.xml', text],
      ['xl/workbook.xml', '<workbook><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'A 😀\'!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">\'A 😀\'!$A$9:$B$12</definedName></definedNames></workbook>'],
      ['[Content_Types].xml', '<Types/>'],
      ['xl/media/image1.png', bytes(70_000, 3, false)],
      ['xl/media/image2.png', Buffer.concat([Buffer.from(bytes(40_000, 5, false)), Buffer.from(bytes(40_000, 5, true))])],
      ['xl/empty.xml', ''],
      ['xl/empty.bin', new Uint8Array(0)],
      ['xl/données/é.xml', '<x>é</x>'],
      ['a.txt', 'x'],
    ]);
    const expected = await jszipNormalised(await jszipStored(parts));
    expect(zipParts(parts).equals(expected)).toBe(true);
    // Read back as JSZip reads a stored part.
    const stored = await JSZip.loadAsync(await jszipStored(parts));
    expect(partText(text)).toBe(await stored.file('xl/worksheets/sheet1.xml')!.async('string'));
  });

  it('writes the reference comparison workbook as exceljs, addCharts and the JSZip re-zip wrote it', async () => {
    const evs = referenceComparison();
    const model = workbookModel(evs, {}, await renderPictures(evs));
    const parts = await xlsxParts(excelWorkbook(model.sheets));
    addChartParts(parts, model.charts);
    const before = await excelWorkbook(model.sheets).xlsx.writeBuffer({ zip: { compression: 'STORE' } } as never);
    const expected = await jszipNormalised(await addCharts(Buffer.from(before as ArrayBuffer), model.charts));
    const written = zipParts(parts);
    expect(written.equals(expected)).toBe(true);
    expect(written.equals(await workbookBuffer(evs))).toBe(true);
  });
});
