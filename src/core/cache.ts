/**
 * `--cache`: per-file results keyed on file content, configuration and tool version, so a warm
 * re-run analyses only files that changed. Project rules always run on the merged facts. Like
 * git's index, a file's recorded size and mtime spare re-reading it while they are unchanged.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { TOOL_VERSION } from '../version.js';
import type { DiscoveredFile } from './discover.js';
import type { AnalysisSetup, FileAnalysis } from './file-analysis.js';

interface CacheEntry {
  hash: string;
  analysis: FileAnalysis | null;
  /** Size and modification time when the content was hashed, if they can vouch for it (below). */
  stat?: { size: number; mtimeMs: number };
}

/**
 * A file written this close to the moment it was hashed may change again within the same mtime
 * tick, so its size and mtime do not vouch for its content (git's "racy" entries).
 */
export const RACY_WINDOW_MS = 2000;

interface CacheFile {
  version: 1;
  setup: string;
  entries: Record<string, CacheEntry>;
}

export const DEFAULT_CACHE_LOCATION = '.phi-scan-cache';

export class ResultCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly next = new Map<string, CacheEntry>();
  /** Size and mtime of files hashed in this run, when old enough to vouch for the content. */
  private readonly stats = new Map<string, { size: number; mtimeMs: number } | undefined>();
  private readonly setupHash: string;
  private changed = false;
  hits = 0;

  constructor(
    private readonly file: string,
    setup: AnalysisSetup,
  ) {
    this.setupHash = sha(`${TOOL_VERSION}\0${JSON.stringify(setup)}`);
    this.entries = new Map(Object.entries(this.load()));
  }

  static at(location: string, setup: AnalysisSetup): ResultCache {
    const file = location.endsWith('.json') ? location : join(location, 'results-v1.json');
    return new ResultCache(file, setup);
  }

  private load(): Record<string, CacheEntry> {
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      return data.version === 1 && data.setup === this.setupHash ? data.entries : {};
    } catch {
      return {};
    }
  }

  /**
   * The cached analysis of an unchanged file, or undefined (and the content hash to store later).
   * A file whose size and mtime are those recorded when it was hashed is not read again.
   */
  lookup(file: DiscoveredFile, known?: { size: number; mtimeMs: number }): { hit: true; analysis: FileAnalysis | undefined } | { hit: false; hash: string | undefined } {
    const entry = this.entries.get(file.path);
    let stat: { size: number; mtimeMs: number };
    try {
      // `known`: taken moments ago in this run, when the file was read for the pino redact pass.
      const { size, mtimeMs } = known ?? statSync(file.absolute);
      stat = { size, mtimeMs };
    } catch {
      return { hit: false, hash: undefined };
    }
    if (entry?.stat && entry.stat.size === stat.size && entry.stat.mtimeMs === stat.mtimeMs) return this.hit(file.path, entry);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absolute);
    } catch {
      return { hit: false, hash: undefined };
    }
    const hash = sha(`${file.kind}\0${file.isTest}\0`, bytes);
    const vouched = Date.now() - stat.mtimeMs > RACY_WINDOW_MS ? stat : undefined;
    this.stats.set(file.path, vouched);
    if (entry && entry.hash === hash) return this.hit(file.path, { hash, analysis: entry.analysis, ...(vouched ? { stat: vouched } : {}) });
    return { hit: false, hash };
  }

  private hit(path: string, entry: CacheEntry): { hit: true; analysis: FileAnalysis | undefined } {
    this.hits++;
    this.next.set(path, entry);
    if (entry !== this.entries.get(path)) this.changed = true;
    return { hit: true, analysis: entry.analysis ?? undefined };
  }

  store(path: string, hash: string | undefined, analysis: FileAnalysis | undefined): void {
    const stat = this.stats.get(path);
    if (hash) this.next.set(path, { hash, analysis: analysis ?? null, ...(stat ? { stat } : {}) });
    this.changed = true;
  }

  /** Writes the entries of this run (files that disappeared are dropped). Never fails the scan. */
  save(): string | undefined {
    // Nothing analysed and nothing gone: the file on disk already says all this.
    if (!this.changed && this.next.size === this.entries.size) return undefined;
    const data: CacheFile = { version: 1, setup: this.setupHash, entries: Object.fromEntries(this.next) };
    try {
      writeFileAtomic(this.file, JSON.stringify(data));
      return undefined;
    } catch (error) {
      return `cache not written to ${this.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    }
  }
}

function sha(prefix: string, bytes?: Buffer): string {
  const hash = createHash('sha256').update(prefix);
  if (bytes) hash.update(bytes);
  return hash.digest('hex');
}
