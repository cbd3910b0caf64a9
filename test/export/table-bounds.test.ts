/**
 * Workbook tables are bounded (issue 17): a listing writes at most MAX_TABLE_ROWS rows and a note
 * row saying how many more there were; the stream table lists at most MAX_STREAM_LOT_ROWS lots.
 */
import { describe, expect, it } from 'vitest';
import { Grid, MAX_TABLE_ROWS } from '../../src/export/grid.js';

describe('table bounds', () => {
  it('writes every row of a small table and no note', () => {
    const g = new Grid('t');
    const next = g.table(2, 1, [[1, 'a'], [2, 'b']]);
    expect(next).toBe(4);
    expect(g.get(3, 2)?.value).toBe('b');
    expect(g.get(4, 1)).toBeUndefined();
  });

  it('caps a table at MAX_TABLE_ROWS rows with a note row', () => {
    const g = new Grid('t');
    const rows = Array.from({ length: MAX_TABLE_ROWS + 2500 }, (_, i) => [i]);
    const next = g.table(1, 1, rows);
    expect(next).toBe(MAX_TABLE_ROWS + 2);
    expect(g.get(MAX_TABLE_ROWS, 1)?.value).toBe(MAX_TABLE_ROWS - 1);
    expect(g.get(MAX_TABLE_ROWS + 1, 1)?.value).toBe('… 2,500 more rows not shown (a table shows at most 10,000); the JSON output (--json) has them all');
    expect(g.lastRow).toBe(MAX_TABLE_ROWS + 1);
  });
});
