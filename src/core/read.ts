/**
 * Reads one file for scanning. Binary and oversize files are reported, not read; invalid UTF-8
 * is decoded with replacement characters and reported, so nothing is skipped silently.
 */
import { readFileSync, statSync } from 'node:fs';

export type ReadResult =
  | { ok: true; text: string; bytes: number; warning?: string }
  | { ok: false; reason: string; bytes: number };

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function readSourceFile(absolute: string, maxBytes: number): ReadResult {
  let size: number;
  try {
    size = statSync(absolute).size;
  } catch (error) {
    return { ok: false, reason: `not readable (${(error as NodeJS.ErrnoException).code ?? 'error'})`, bytes: 0 };
  }
  if (size > maxBytes) {
    return {
      ok: false,
      bytes: size,
      reason:
        `not scanned: ${formatKb(size)} is over the ${formatKb(maxBytes)} limit ` +
        `(raise "maxFileSizeKb" in phi-scan.config.json or pass --max-file-size-kb to scan it)`,
    };
  }
  let buffer: Buffer;
  try {
    buffer = readFileSync(absolute);
  } catch (error) {
    return { ok: false, reason: `not readable (${(error as NodeJS.ErrnoException).code ?? 'error'})`, bytes: size };
  }
  if (looksBinary(buffer)) {
    return { ok: false, reason: 'not scanned: binary content (NUL bytes) in a file of a text kind', bytes: size };
  }
  try {
    return { ok: true, text: strictDecoder.decode(buffer), bytes: size };
  } catch {
    return {
      ok: true,
      text: lenientDecoder.decode(buffer),
      bytes: size,
      warning: 'invalid UTF-8: undecodable bytes were replaced with U+FFFD and the rest was scanned',
    };
  }
}

function looksBinary(buffer: Buffer): boolean {
  const end = Math.min(buffer.length, 8192);
  for (let i = 0; i < end; i++) if (buffer[i] === 0) return true;
  return false;
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}
