/**
 * A progress bar for long evaluations, written through the CLI's Io to stderr — only when stderr
 * is a terminal (never into files, pipes or --json output on stdout). Io.err ends every write
 * with a newline, so each update moves the cursor up one line (ESC[1A), clears it (ESC[2K) and
 * redraws; updates are throttled to 10 per second.
 */

/** The part of the CLI's Io a progress bar needs. */
export interface ProgressIo {
  err(text: string): void;
  errIsTty: boolean;
}

/** A progress callback drawing a bar, or undefined when stderr is not a terminal. */
export function progressBar(io: ProgressIo, label: string, now: () => number = Date.now): ((done: number, total: number) => void) | undefined {
  if (!io.errIsTty) return undefined;
  const started = now();
  let drawn = false;
  let last = -Infinity;
  const width = 30;
  return (done, total) => {
    const t = now();
    if (done < total && t - last < 100) return;
    last = t;
    const f = total > 0 ? done / total : 1;
    const filled = Math.round(f * width);
    const seconds = (t - started) / 1000;
    const eta = done > 0 && done < total ? ` · ${Math.ceil((seconds * (total - done)) / done)} s left` : '';
    const line = `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)} % ${done}/${total}${done >= total ? ` in ${seconds.toFixed(1)} s` : eta}`;
    io.err(`${drawn ? '\x1b[1A\x1b[2K' : ''}${line}`);
    drawn = true;
  };
}
