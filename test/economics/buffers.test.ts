import { describe, expect, it } from 'vitest';
import { grownBuffer } from '../../src/economics/buffers.js';

describe('grownBuffer', () => {
  it('copies the numbers into a longer buffer, zeros after them, leaving the old one as it was', () => {
    const a = new Float64Array([1.5, -0, 3]);
    const b = grownBuffer(a, 5);
    expect(b.length).toBe(5);
    expect(Array.from(b)).toEqual([1.5, -0, 3, 0, 0]);
    expect(Object.is(b[1], -0)).toBe(true);
    b[0] = 9;
    expect(a[0]).toBe(1.5);
  });
});
