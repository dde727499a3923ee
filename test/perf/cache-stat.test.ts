/**
 * The result cache trusts a file's recorded size and mtime only when they were recorded well
 * after the file was last written (git's "racy" rule); otherwise it reads and hashes the file.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/core/cache.js';
import type { DiscoveredFile } from '../../src/core/discover.js';
import type { AnalysisSetup, FileAnalysis } from '../../src/core/file-analysis.js';

const setup: AnalysisSetup = { config: {}, configLabel: 'test', ruleOverrides: {}, settings: { sanitizers: [], projectFile: undefined }, maxBytes: 1 << 20 };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(): { dir: string; file: DiscoveredFile; cacheFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'phi-scan-cache-'));
  dirs.push(dir);
  const absolute = join(dir, 'a.sql');
  return { dir, file: { path: 'a.sql', absolute, kind: 'sql', isTest: false } as DiscoveredFile, cacheFile: join(dir, 'cache.json') };
}

const analysis = (marker: string) => ({ file: { path: 'a.sql', kind: 'sql', isTest: false, text: '' }, facts: [], findings: [], suppressions: [], bytes: marker.length, read: true }) as unknown as FileAnalysis;

/** One run: look the file up, store a fresh analysis on a miss, save. */
function run(cacheFile: string, file: DiscoveredFile, marker: string): 'hit' | 'miss' {
  const cache = ResultCache.at(cacheFile, setup);
  const found = cache.lookup(file);
  if (!found.hit) cache.store(file.path, found.hash, analysis(marker));
  cache.save();
  return found.hit ? 'hit' : 'miss';
}

describe('result cache and file metadata', () => {
  it('re-reads a file written just before it was hashed, so a same-size edit in the same second is seen', () => {
    const { file, cacheFile } = project();
    writeFileSync(file.absolute, 'select 1;');
    const written = new Date();
    expect(run(cacheFile, file, 'first')).toBe('miss');
    writeFileSync(file.absolute, 'select 2;');
    utimesSync(file.absolute, written, written);
    expect(run(cacheFile, file, 'second')).toBe('miss');
    expect(run(cacheFile, file, 'third')).toBe('hit');
  });

  it('trusts the size and mtime of a file older than the racy window, and re-reads it when they change', () => {
    const { file, cacheFile } = project();
    writeFileSync(file.absolute, 'select 1;');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file.absolute, old, old);
    expect(run(cacheFile, file, 'first')).toBe('miss');
    // Same size, same mtime: the recorded metadata vouches for the content, which is not read.
    writeFileSync(file.absolute, 'select 2;');
    utimesSync(file.absolute, old, old);
    expect(run(cacheFile, file, 'second')).toBe('hit');
    // A new mtime: read and hashed again, so the edit is found.
    const later = new Date(Date.now() - 30_000);
    utimesSync(file.absolute, later, later);
    expect(run(cacheFile, file, 'third')).toBe('miss');
  });
});
