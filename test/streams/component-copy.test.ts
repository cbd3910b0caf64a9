import { describe, expect, it } from 'vitest';
import { ComponentCopy } from '../../src/streams/component-copy.js';

describe('ComponentCopy', () => {
  const copy = new ComponentCopy({ NMP: 2.5, PVDF: 0.25, Al: 0 });

  it('keeps the entries in their order', () => {
    expect(copy.ids).toEqual(['NMP', 'PVDF', 'Al']);
    expect(copy.kg).toEqual([2.5, 0.25, 0]);
  });

  it('is the same as a new record with equal entries in the same order', () => {
    expect(copy.sameAs({ NMP: 2.5, PVDF: 0.25, Al: 0 })).toBe(true);
  });

  it('differs from a record with another order, number, sign of zero, or an entry more or less', () => {
    expect(copy.sameAs({ PVDF: 0.25, NMP: 2.5, Al: 0 })).toBe(false);
    expect(copy.sameAs({ NMP: 2.5, PVDF: 0.25000000000000006, Al: 0 })).toBe(false);
    expect(copy.sameAs({ NMP: 2.5, PVDF: 0.25, Al: -0 })).toBe(false);
    expect(copy.sameAs({ NMP: 2.5, PVDF: 0.25 })).toBe(false);
    expect(copy.sameAs({ NMP: 2.5, PVDF: 0.25, Al: 0, Cu: 1 })).toBe(false);
  });

  it('copies: a later change to the record it was made from is seen as a difference', () => {
    const c: Record<string, number> = { NMP: 1 };
    const k = new ComponentCopy(c);
    c.NMP = 2;
    expect(k.sameAs(c)).toBe(false);
  });
});
