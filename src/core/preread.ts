/**
 * File bytes an earlier pass of the same run has read (the pino `redact` pass reads every code
 * file): kept, up to a budget, so the analysis does not read them a second time.
 */
import { readBytes } from './read.js';

export class PrereadFiles {
  private readonly buffers = new Map<string, Buffer>();
  /** Size and mtime of every file read, for the result cache (one system call less per file). */
  readonly stats = new Map<string, { size: number; mtimeMs: number }>();
  private kept = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly budget = 64 * 1024 * 1024,
  ) {}

  /** The file's bytes; undefined when it cannot be read or is over the size limit (the analysis reports why). */
  read(absolute: string): Buffer | undefined {
    const read = readBytes(absolute, this.maxBytes);
    if (!('buffer' in read)) return undefined;
    this.stats.set(absolute, { size: read.size, mtimeMs: read.mtimeMs });
    if (this.kept + read.size <= this.budget) {
      this.buffers.set(absolute, read.buffer);
      this.kept += read.size;
    }
    return read.buffer;
  }

  /** The kept bytes of a file, handed over once. */
  take(absolute: string): Buffer | undefined {
    const buffer = this.buffers.get(absolute);
    if (buffer) this.buffers.delete(absolute);
    return buffer;
  }
}
