/**
 * The last step of writing a workbook: the package's parts to deterministic zip bytes, with one
 * print area per sheet.
 * - Every entry is dated 1980-01-01 00:00 UTC (the zip format's earliest date) and the entries go
 *   in a fixed order — [Content_Types].xml first, as Office writes it, then the parts by path — so
 *   the same workbook always gives the same file, byte for byte.
 * - exceljs writes a sheet with several print ranges as several _xlnm.Print_Area names; Excel and
 *   LibreOffice read one name whose ranges are separated by commas (LibreOffice keeps only the last
 *   of several), so they are joined.
 * - The bytes are those JSZip 3.10 wrote for the same parts (generateAsync, DEFLATE level 6, DOS
 *   platform; the workbooks were re-zipped with it until round 13 of issue 19), made without its
 *   chunked streaming machinery and without zipping the parts first to read them back (≈ 0.3 s of
 *   a comparison workbook): each part is deflated in one call to pako, the deflate JSZip runs (its
 *   output does not depend on how the input is fed: test/export/zip.test.ts), and the headers and
 *   central directory are laid out as JSZip lays them out (lib/generate/ZipFileWorker.js).
 */
import pako from 'pako';
import { crc32 } from 'node:zlib';

/**
 * A package's parts by path (no folders): text, written as UTF-8, or bytes. The order is the
 * order they were added in; the zip sorts them.
 */
export type Parts = Map<string, string | Uint8Array>;

/** The date of every zip entry. */
export const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** Code units of text JSZip encodes at a time (its DataWorker's block size). */
const TEXT_BLOCK = 16 * 1024;

/**
 * The bytes of a part as JSZip stores them: text is encoded to UTF-8 one block of 16 K code units
 * at a time, so a surrogate pair cut by a block boundary (or a lone surrogate) becomes U+FFFD, as
 * in every workbook written so far.
 */
export function partBytes(part: string | Uint8Array): Uint8Array {
  if (typeof part !== 'string') return part;
  if (part.length <= TEXT_BLOCK) return Buffer.from(part, 'utf8');
  const blocks: Buffer[] = [];
  for (let i = 0; i < part.length; i += TEXT_BLOCK) blocks.push(Buffer.from(part.substring(i, i + TEXT_BLOCK), 'utf8'));
  return Buffer.concat(blocks);
}

/** The text of a part as JSZip reads it back after storing it (partBytes decoded). */
export function partText(part: string | Uint8Array): string {
  if (typeof part === 'string') return /[\uD800-\uDFFF]/.test(part) ? partText(partBytes(part)) : part;
  return Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
}

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

/** Entry order: [Content_Types].xml first, then by path (UTF-16 code units, as JavaScript compares). */
function entryOrder(a: string, b: string): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** MS-DOS time and date fields of a date, read in UTC (as JSZip reads them). */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Compression methods of the zip format. */
const STORE = 0;
const DEFLATE = 8;

/** One entry's local header and central directory record (JSZip's generateZipParts, DOS platform, no comment). */
function entryRecords(name: string, method: number, crc: number, compressedBytes: number, bytes: number, offset: number): { local: Buffer; central: Buffer } {
  const nameBytes = Buffer.from(name, 'utf8');
  // A non-ASCII name: the UTF-8 flag and Info-ZIP's Unicode Path extra field (JSZip writes both).
  const unicode = nameBytes.length !== name.length;
  const extra = unicode ? Buffer.alloc(4 + 5 + nameBytes.length) : Buffer.alloc(0);
  if (unicode) {
    extra.writeUInt16LE(0x7075, 0);
    extra.writeUInt16LE(5 + nameBytes.length, 2);
    extra.writeUInt8(1, 4);
    extra.writeUInt32LE(crc32(nameBytes), 5);
    nameBytes.copy(extra, 9);
  }
  const { time, date } = dosDateTime(ZIP_DATE);
  // The fields the local header and the central record share, from "version needed to extract".
  const common = Buffer.alloc(26);
  common.writeUInt16LE(0x000a, 0);
  common.writeUInt16LE(unicode ? 0x0800 : 0, 2);
  common.writeUInt16LE(method, 4);
  common.writeUInt16LE(time, 6);
  common.writeUInt16LE(date, 8);
  common.writeUInt32LE(crc, 10);
  common.writeUInt32LE(compressedBytes, 14);
  common.writeUInt32LE(bytes, 18);
  common.writeUInt16LE(nameBytes.length, 22);
  common.writeUInt16LE(extra.length, 24);
  const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, nameBytes, extra]);
  const tail = Buffer.alloc(14); // comment length, disk number, internal and external attributes: 0; then the offset
  tail.writeUInt32LE(offset, 10);
  // "Version made by": 0x0014 (MS-DOS, zip 2.0).
  const central = Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02, 0x14, 0x00]), common, tail, nameBytes, extra]);
  return { local, central };
}

/**
 * The .xlsx bytes of a package: its parts (folders are not entries) dated ZIP_DATE, in entryOrder,
 * each deflated (an empty one stored), the print areas of xl/workbook.xml joined.
 */
export function zipParts(parts: ReadonlyMap<string, string | Uint8Array>): Buffer {
  const names = [...parts.keys()].sort(entryOrder);
  const out: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const part = parts.get(name)!;
    const bytes = partBytes(name === 'xl/workbook.xml' ? joinPrintAreas(partText(part)) : part);
    const method = bytes.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? pako.deflateRaw(bytes, { level: 6 }) : bytes;
    const records = entryRecords(name, method, bytes.length ? crc32(bytes) : 0, body.length, bytes.length, offset);
    out.push(records.local, body);
    central.push(records.central);
    offset += records.local.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
}
