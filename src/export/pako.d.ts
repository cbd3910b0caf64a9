/**
 * The part of pako (1.0, the pure-JavaScript zlib that JSZip deflates with) that zip.ts uses;
 * pako 1.0 ships no types.
 */
declare module 'pako' {
  /** Raw deflate (no zlib header) of `data` at `level` (0–9). */
  export function deflateRaw(data: Uint8Array, options?: { level?: number }): Uint8Array;
  const pako: { deflateRaw: typeof deflateRaw };
  export default pako;
}
