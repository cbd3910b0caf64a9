/**
 * The last step of writing a workbook: deterministic bytes and one print area per sheet.
 * - The package is re-zipped with every entry dated 1980-01-01 00:00 UTC (the zip format's
 *   earliest date) and in a fixed order — [Content_Types].xml first, as Office writes it, then the
 *   parts by path — so the same workbook always gives the same file, byte for byte (exceljs and
 *   jszip otherwise stamp each entry with the current time).
 * - exceljs writes a sheet with several print ranges as several _xlnm.Print_Area names; Excel and
 *   LibreOffice read one name whose ranges are separated by commas (LibreOffice keeps only the last
 *   of several), so they are joined.
 */
import JSZip from 'jszip';

/** The date of every zip entry. */
export const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** Join the _xlnm.Print_Area names of one sheet into one name with comma-separated ranges. */
export function joinPrintAreas(workbookXml: string): string {
  const re = /<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">([^<]*)<\/definedName>/g;
  const bySheet = new Map<string, string[]>();
  for (const m of workbookXml.matchAll(re)) bySheet.set(m[1]!, [...(bySheet.get(m[1]!) ?? []), m[2]!]);
  const done = new Set<string>();
  return workbookXml.replace(re, (_m, id: string) => {
    if (done.has(id)) return '';
    done.add(id);
    return `<definedName name="_xlnm.Print_Area" localSheetId="${id}">${bySheet.get(id)!.join(',')}</definedName>`;
  });
}

/** Re-zip an .xlsx with fixed entry dates and order, and one print area name per sheet. */
export async function normaliseZip(xlsx: Buffer): Promise<Buffer> {
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
