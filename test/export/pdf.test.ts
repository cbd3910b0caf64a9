/**
 * The workbooks as a manager prints them: LibreOffice turns the reference comparison and a single
 * run into PDFs, and their text shows no `###` (a number wider
 * than its column), no source-file names and no code words ([MEMORY], npvFast, cent-exact), and the
 * Summary reads as findings first. `bench/render-workbooks.sh` renders every shipped workbook to
 * pictures for a person to look at.
 *
 * Without LibreOffice or pdftotext the test is skipped locally, saying why; with CI=true it fails.
 */
import { describe, expect, it } from 'vitest';
import { findSoffice, findPdftotext, printedText } from './libreoffice.js';
import { workbookBuffer } from '../../src/export/workbook.js';
import { evaluation, referenceComparison } from './cases.js';

const soffice = findSoffice();
const pdftotext = findPdftotext();
const CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
const skip = (!soffice.path || !pdftotext.path) && !CI;
if (skip) console.warn(`PDF tests skipped: ${soffice.path ? pdftotext.reason : soffice.reason} (with CI=true they run and fail instead)`);

describe.skipIf(skip)('printed workbooks', () => {
  it('show no ###, no source-file names and no code words, and open with the findings', async () => {
    expect(soffice.path, soffice.reason).not.toBeNull();
    expect(pdftotext.path, pdftotext.reason).not.toBeNull();
    const books = [
      { name: 'comparison.xlsx', bytes: await workbookBuffer(referenceComparison()) },
      { name: 'run.xlsx', bytes: await workbookBuffer([evaluation('scenarios/heavy-degraded-cn.yaml')]) },
    ];
    const texts = printedText(soffice.path!, pdftotext.path!, books);
    for (const [i, text] of texts.entries()) {
      const name = books[i]!.name;
      expect(text.length, name).toBeGreaterThan(10_000);
      expect(text.split('\n').filter((l) => l.includes('###')), name).toEqual([]);
      expect(text.split('\n').filter((l) => /\b[\w-]+\.(?:ts|js)\b|\bsrc\//.test(l)), name).toEqual([]);
      expect(text.split('\n').filter((l) => /\[MEMORY|npvFast|cent-exact/.test(l)), name).toEqual([]);
      // Page 1 is the Summary's findings.
      const page1 = text.split('\f')[0]!;
      expect(page1, name).toMatch(/Findings/);
      expect(page1, name).toMatch(/Warnings/);
    }
    expect(texts[0]!.split('\f')[0]).toMatch(/B \(reference-cn · molten-salt\) is better on NPV after tax/);
  });
});

if (skip) {
  describe('printed workbooks (not run)', () => {
    it(`did not run: ${soffice.path ? pdftotext.reason : soffice.reason}`, () => {
      expect(CI).toBe(false);
    });
  });
}
