/**
 * `--cache`: per-file results keyed on file content, configuration and tool version, so a warm
 * re-run analyses only files that changed. Project rules always run on the merged facts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TOOL_VERSION } from '../version.js';
import type { DiscoveredFile } from './discover.js';
import type { AnalysisSetup, FileAnalysis } from './file-analysis.js';

interface CacheEntry {
  hash: string;
  analysis: FileAnalysis | null;
}

interface CacheFile {
  version: 1;
  setup: string;
  entries: Record<string, CacheEntry>;
}

export const DEFAULT_CACHE_LOCATION = '.phi-scan-cache';

export class ResultCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly next = new Map<string, CacheEntry>();
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

  /** The cached analysis of an unchanged file, or undefined (and the content hash to store later). */
  lookup(file: DiscoveredFile): { hit: true; analysis: FileAnalysis | undefined } | { hit: false; hash: string | undefined } {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absolute);
    } catch {
      return { hit: false, hash: undefined };
    }
    const hash = sha(`${file.kind}\0${file.isTest}\0`, bytes);
    const entry = this.entries.get(file.path);
    if (entry && entry.hash === hash) {
      this.hits++;
      this.next.set(file.path, entry);
      return { hit: true, analysis: entry.analysis ?? undefined };
    }
    return { hit: false, hash };
  }

  store(path: string, hash: string | undefined, analysis: FileAnalysis | undefined): void {
    if (hash) this.next.set(path, { hash, analysis: analysis ?? null });
    this.changed = true;
  }

  /** Writes the entries of this run (files that disappeared are dropped). Never fails the scan. */
  save(): string | undefined {
    // Nothing analysed and nothing gone: the file on disk already says all this.
    if (!this.changed && this.next.size === this.entries.size) return undefined;
    const data: CacheFile = { version: 1, setup: this.setupHash, entries: Object.fromEntries(this.next) };
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.file);
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
