/**
 * Output helpers of the CLI: the only place besides main.ts that touches process streams.
 */

/** Where the CLI writes: injectable so tests can capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars). */
  errIsTty: boolean;
}

/** The process's own stdout/stderr. */
export const processIo: Io = {
  out: (t) => { process.stdout.write(t.endsWith('\n') ? t : t + '\n'); },
  err: (t) => { process.stderr.write(t.endsWith('\n') ? t : t + '\n'); },
  errIsTty: Boolean(process.stderr.isTTY),
};

/** Format a number for people: significant digits, thousands separators for large values. */
export function num(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e4) return Math.round(x).toLocaleString('en-US');
  if (abs < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(digits)));
}

/** Render rows as an aligned text table; the first row is the header. */
export function table(rows: (string | number)[][], alignRight: boolean[] = []): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, [...c].length); });
  const line = (r: string[]) => r.map((c, i) => {
    const pad = ' '.repeat(widths[i]! - [...c].length);
    return (alignRight[i] ?? i > 0) ? pad + c : c + pad;
  }).join('  ').trimEnd();
  const sep = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(cells[0]!), sep, ...cells.slice(1).map(line)].join('\n');
}
