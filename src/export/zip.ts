/**
 * Deterministic .xlsx bytes: the package is re-zipped with every entry dated 1980-01-01 00:00 UTC
 * (the zip format's earliest date) and in a fixed order — [Content_Types].xml first, as Office
 * writes it, then the parts by path — so the same workbook always gives the same file, byte for
 * byte (exceljs and jszip otherwise stamp each entry with the current time).
 */
import JSZip from 'jszip';

/** The date of every zip entry. */
export const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** Re-zip an .xlsx with fixed entry dates and order. */
export async function normaliseZip(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort((a, b) => {
    const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : 1);
    return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
  const out = new JSZip();
  for (const n of names) out.file(n, await zip.file(n)!.async('uint8array'), { date: ZIP_DATE, createFolders: false });
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
