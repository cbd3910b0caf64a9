/**
 * The Flowsheet sheet's pictures are rendered ahead, side by side on the thread pool (issue 19):
 * the same PNG bytes, in the order the sheet places them, as rendering each in turn; a picture that
 * cannot be made still becomes the sheet's note.
 */
import { describe, expect, it } from 'vitest';
import { loadRawScenario } from '../../src/pipeline/load.js';
import { resolveModel } from '../../src/pipeline/resolve.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { renderPictures, PICTURE_PX } from '../../src/export/plain-sheets.js';
import { svgToPng, svgToPngAsync } from '../../src/export/png.js';
import { flowsheetSvg } from '../../src/export/diagram.js';
import { sankeySvg } from '../../src/export/sankey.js';
import { workbookModel } from '../../src/export/workbook.js';

const ev = (flowsheet: string) => evaluate(resolveModel(loadRawScenario('scenarios/reference-cn.yaml', flowsheet)));

describe('pictures rendered ahead', () => {
  it('are the PNGs of rendering each in turn, in the sheet\'s order', async () => {
    const evs = [ev('flowsheets/hydrothermal.yaml'), ev('flowsheets/molten-salt.yaml')];
    const ahead = await renderPictures(evs);
    const inTurn = evs.flatMap((e) => [svgToPng(flowsheetSvg(e.model), PICTURE_PX), svgToPng(sankeySvg(e), PICTURE_PX)]);
    expect(ahead).toHaveLength(4);
    ahead.forEach((png, i) => expect(Buffer.compare(png as Buffer, inTurn[i]!), `picture ${i}`).toBe(0));
    // The workbook built with them holds the same images as one that renders while building.
    const images = (m: ReturnType<typeof workbookModel>) => m.sheets.find((g) => g.name === 'Flowsheet')!.images.map((i) => [i.title, i.row, i.widthPx, i.heightPx, i.png.toString('base64')]);
    expect(images(workbookModel(evs, { charts: false }, ahead))).toStrictEqual(images(workbookModel(evs, { charts: false })));
  });

  it('a picture that cannot be made is an error in its place, and a bad width is refused as before', async () => {
    await expect(svgToPngAsync('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 0)).rejects.toThrow(/widthPx must be a positive number/);
    await expect(svgToPngAsync('not an svg', 100)).rejects.toThrow();
  });
});
