/**
 * Reads one file for scanning. Binary and oversize files are reported, not read; invalid UTF-8
 * is decoded with replacement characters and reported, so nothing is skipped silently.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult =
  | { ok: true; text: string; bytes: number; warning?: string }
  | { ok: false; reason: string; bytes: number };

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** `preread`: the file's bytes when an earlier pass of this run has read them already. */
export function readSourceFile(absolute: string, maxBytes: number, preread?: Buffer): ReadResult {
  const read = preread ? { buffer: preread, size: preread.length } : readBytes(absolute, maxBytes);
  if ('reason' in read) return { ok: false, reason: read.reason, bytes: read.size };
  const { buffer, size } = read;
  if (size > maxBytes) return { ok: false, bytes: size, reason: overLimit(size, maxBytes) };
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

type Bytes = { buffer: Buffer; size: number; mtimeMs: number } | { reason: string; size: number };

/** One open file for the size check and the read (a separate stat would cost a system call per file). */
export function readBytes(absolute: string, maxBytes: number): Bytes {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (error) {
    return { reason: notReadable(error), size: 0 };
  }
  let size = 0;
  try {
    const stat = fstatSync(fd);
    size = stat.size;
    if (size > maxBytes) return { reason: overLimit(size, maxBytes), size };
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, buffer, filled, size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    // A file that shrank while being read is scanned as far as it goes.
    return { buffer: filled < size ? buffer.subarray(0, filled) : buffer, size: filled, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { reason: notReadable(error), size };
  } finally {
    closeSync(fd);
  }
}

function notReadable(error: unknown): string {
  return `not readable (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
}

function overLimit(size: number, maxBytes: number): string {
  return (
    `not scanned: ${formatKb(size)} is over the ${formatKb(maxBytes)} limit ` +
    `(raise "maxFileSizeKb" in phi-scan.config.json or pass --max-file-size-kb to scan it)`
  );
}

function looksBinary(buffer: Buffer): boolean {
  return (buffer.length > 8192 ? buffer.subarray(0, 8192) : buffer).indexOf(0) !== -1;
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}
