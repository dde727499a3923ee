/**
 * The pino `redact` pass reads every code file before the analysis; the analysis takes those
 * bytes instead of reading the file again, with the same result as a read of its own.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrereadFiles } from '../../src/core/preread.js';
import { readSourceFile } from '../../src/core/read.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-scan-preread-'));
  dirs.push(dir);
  return dir;
}

describe('PrereadFiles', () => {
  it('hands kept bytes over once, and they read as the file does', () => {
    const file = join(folder(), 'a.ts');
    writeFileSync(file, "logger.info('x', { redact: ['patient.ssn'] });\n");
    const preread = new PrereadFiles(1 << 20);
    expect(preread.read(file)?.toString('utf8')).toContain('redact');
    // the size and mtime the result cache would otherwise stat again
    const { size, mtimeMs } = statSync(file);
    expect(preread.stats.get(file)).toEqual({ size, mtimeMs });
    const taken = preread.take(file);
    expect(taken).toBeDefined();
    expect(preread.take(file)).toBeUndefined();
    expect(readSourceFile(file, 1 << 20, taken)).toEqual(readSourceFile(file, 1 << 20));
  });

  it('keeps no more than its budget; files past it are read again by the analysis', () => {
    const dir = folder();
    const [a, b] = [join(dir, 'a.ts'), join(dir, 'b.ts')];
    writeFileSync(a, 'x'.repeat(600));
    writeFileSync(b, 'y'.repeat(600));
    const preread = new PrereadFiles(1 << 20, 1000);
    expect(preread.read(a)?.length).toBe(600);
    expect(preread.read(b)?.length).toBe(600);
    expect(preread.take(a)?.length).toBe(600);
    expect(preread.take(b)).toBeUndefined();
  });

  it('keeps nothing for missing or oversize files, and the read reports them', () => {
    const dir = folder();
    const big = join(dir, 'big.ts');
    writeFileSync(big, 'z'.repeat(2048));
    const preread = new PrereadFiles(1024);
    expect(preread.read(join(dir, 'missing.ts'))).toBeUndefined();
    expect(preread.read(big)).toBeUndefined();
    expect(readSourceFile(join(dir, 'missing.ts'), 1024)).toMatchObject({ ok: false, reason: 'not readable (ENOENT)' });
    expect(readSourceFile(big, 1024)).toMatchObject({ ok: false, bytes: 2048, reason: expect.stringContaining('over the 1 KiB limit') });
  });
});
