/**
 * SVG → PNG without a browser: @resvg/resvg-js (a native renderer shipped as prebuilt binaries in
 * its registry packages). Text needs a font on the machine; DejaVu Sans (Debian fonts-dejavu-core)
 * is what the pictures ask for, and resvg falls back to any installed sans-serif font.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';

/** DejaVu Sans as Debian installs it (fonts-dejavu-core); loading two files beats scanning every system font. */
const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
const FONT_FILES = DEJAVU.every((f) => existsSync(f)) ? DEJAVU : null;

/** The renderer's options for a picture `widthPx` wide (default: the SVG's own width). */
function renderOptions(widthPx: number | undefined): ResvgRenderOptions {
  if (widthPx !== undefined && !(Number.isFinite(widthPx) && widthPx >= 1)) throw new RangeError(`svgToPng: widthPx must be a positive number of pixels (got ${widthPx})`);
  return {
    background: '#ffffff',
    fitTo: widthPx === undefined ? { mode: 'original' } : { mode: 'width', value: Math.round(widthPx) },
    font: FONT_FILES
      ? { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }
      : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  };
}

/** Render an SVG document to PNG bytes, `widthPx` wide (default: the SVG's own width). */
export function svgToPng(svg: string, widthPx?: number): Buffer {
  return new Resvg(svg, renderOptions(widthPx)).render().asPng();
}

/**
 * svgToPng on libuv's thread pool (the same bytes): a workbook's pictures render side by side
 * instead of one after another (text shaping makes each take 30–80 ms).
 */
export async function svgToPngAsync(svg: string, widthPx?: number): Promise<Buffer> {
  const options = renderOptions(widthPx);
  return (await renderAsync(svg, options)).asPng();
}
