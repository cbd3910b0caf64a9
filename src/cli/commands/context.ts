/**
 * What every command needs: where to write, and a way to report the exit code.
 */
import type { Io } from '../output.js';

/** Shared state of one CLI invocation. */
export interface CommandContext {
  io: Io;
  /** Raise the exit code of the invocation (the highest wins). */
  setExit(code: number): void;
}
