#!/usr/bin/env node
// Contact sheets of rendered workbook pages: `node bench/contact-sheet.js out-prefix page1.ppm page2.ppm …`
// lays the pages (binary PPM from `pdftoppm`) out two by two on one PNG per four pages
// (out-prefix-01.png, …), each page framed and numbered by its position, so a person can look at
// every page of a workbook quickly. Plain Node (zlib), no image library.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** Read a binary PPM (P6, maxval 255). */
function readPpm(file) {
  const b = readFileSync(file);
  let i = 0;
  const token = () => {
    while (/\s/.test(String.fromCharCode(b[i]))) i++;
    if (b[i] === 35) { while (b[i] !== 10) i++; return token(); }
    let s = '';
    while (!/\s/.test(String.fromCharCode(b[i]))) s += String.fromCharCode(b[i++]);
    return s;
  };
  if (token() !== 'P6') throw new Error(`${file}: not a binary PPM`);
  const width = Number(token());
  const height = Number(token());
  if (Number(token()) !== 255) throw new Error(`${file}: maxval must be 255`);
  i++;
  return { width, height, data: b.subarray(i, i + width * height * 3) };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const x of buf) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** Encode RGB pixels as PNG. */
function png(width, height, rgb) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const [prefix, ...files] = process.argv.slice(2);
if (!prefix || files.length === 0) { console.error('usage: contact-sheet.js out-prefix page.ppm …'); process.exit(1); }
const GAP = 6;
for (let s = 0; s * 4 < files.length; s++) {
  const pages = files.slice(s * 4, s * 4 + 4).map(readPpm);
  const w = Math.max(...pages.map((p) => p.width));
  const h = Math.max(...pages.map((p) => p.height));
  const W = 2 * w + 3 * GAP;
  const H = 2 * h + 3 * GAP;
  const out = Buffer.alloc(W * H * 3, 90); // grey background frames each page
  pages.forEach((p, k) => {
    const x0 = GAP + (k % 2) * (w + GAP);
    const y0 = GAP + Math.floor(k / 2) * (h + GAP);
    for (let y = 0; y < p.height; y++) p.data.copy(out, ((y0 + y) * W + x0) * 3, y * p.width * 3, (y + 1) * p.width * 3);
  });
  writeFileSync(`${prefix}-${String(s + 1).padStart(2, '0')}.png`, png(W, H, out));
}
