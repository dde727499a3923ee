/**
 * With `--cache`, the pino `redact` paths each code file had when it was last read, with its size
 * and mtime: on a warm run an unchanged file answers from here instead of being read again (the
 * redact pass would otherwise read every code file of the project on every run). Same rule as
 * the result cache: a file written within two seconds of being read is never trusted unread.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { RACY_WINDOW_MS } from './cache.js';
import { redactPathsInBytes } from './pino-redact.js';
import type { PrereadFiles } from './preread.js';

interface IndexEntry {
  size: number;
  mtimeMs: number;
  paths: string[];
}

interface IndexFile {
  version: 1;
  entries: Record<string, IndexEntry>;
}

export class RedactIndex {
  private readonly entries: Map<string, IndexEntry>;
  private readonly next = new Map<string, IndexEntry>();
  private changed = false;

  private constructor(private readonly file: string) {
    this.entries = new Map(Object.entries(load(file)));
  }

  /** The index beside the result cache: in its folder, or `x.redact.json` beside a cache file `x.json`. */
  static at(cacheLocation: string): RedactIndex {
    return new RedactIndex(cacheLocation.endsWith('.json') ? `${cacheLocation.slice(0, -'.json'.length)}.redact.json` : join(cacheLocation, 'redact-v1.json'));
  }

  /**
   * The redact paths of one file: from the index when its size and mtime are unchanged, else
   * from its bytes (read through `preread`, which keeps them for the analysis).
   */
  pathsOf(absolute: string, preread: PrereadFiles): string[] {
    const known = this.entries.get(absolute);
    if (known) {
      const { size, mtimeMs } = statSync(absolute);
      preread.stats.set(absolute, { size, mtimeMs });
      if (known.size === size && known.mtimeMs === mtimeMs) {
        this.next.set(absolute, known);
        return known.paths;
      }
    }
    const paths = redactPathsInBytes(preread.read(absolute));
    const stat = preread.stats.get(absolute);
    if (stat && Date.now() - stat.mtimeMs > RACY_WINDOW_MS) this.next.set(absolute, { ...stat, paths });
    this.changed = true;
    return paths;
  }

  /** Writes the entries of this run (files not seen are dropped). Never fails the scan. */
  save(): void {
    if (!this.changed && this.next.size === this.entries.size) return;
    const data: IndexFile = { version: 1, entries: Object.fromEntries(this.next) };
    try {
      writeFileAtomic(this.file, JSON.stringify(data));
    } catch {
      // the result cache reports an unwritable cache folder
    }
  }
}

function load(file: string): Record<string, IndexEntry> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as IndexFile;
    return data.version === 1 && data.entries && typeof data.entries === 'object' ? data.entries : {};
  } catch {
    return {};
  }
}
