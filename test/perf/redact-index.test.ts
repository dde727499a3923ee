/**
 * With --cache, the pino redact pass answers unchanged code files from an index instead of
 * reading them; a changed file is read again, and a redact option added to it changes the
 * findings of the warm run exactly as in a cold one.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { PrereadFiles } from '../../src/core/preread.js';
import { RedactIndex } from '../../src/core/redact-index.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-scan-redact-'));
  dirs.push(dir);
  return dir;
}

/** Writes a file dated a minute ago, so its size and mtime may vouch for it. */
function writeOld(path: string, text: string): void {
  writeFileSync(path, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

describe('RedactIndex', () => {
  it('answers an unchanged file without reading it, and reads a changed one', () => {
    const dir = folder();
    const file = join(dir, 'logger.ts');
    writeOld(file, "export const logger = pino({ redact: ['patient.ssn'] });\n");
    const index = RedactIndex.at(join(dir, 'cache'));
    expect(index.pathsOf(file, new PrereadFiles(1 << 20))).toEqual(['patient.ssn']);
    index.save();

    const unchanged = new PrereadFiles(1 << 20);
    expect(RedactIndex.at(join(dir, 'cache')).pathsOf(file, unchanged)).toEqual(['patient.ssn']);
    expect(unchanged.take(file)).toBeUndefined(); // not read

    writeOld(file, "export const logger = pino({ redact: ['patient.ssn', 'mrn'] });\n");
    const changed = new PrereadFiles(1 << 20);
    expect(RedactIndex.at(join(dir, 'cache')).pathsOf(file, changed)).toEqual(['patient.ssn', 'mrn']);
    expect(changed.take(file)).toBeDefined(); // read, and kept for the analysis
  });

  it('never trusts a file written moments ago', () => {
    const dir = folder();
    const file = join(dir, 'logger.ts');
    writeFileSync(file, "export const logger = pino({ redact: ['mrn'] });\n");
    const index = RedactIndex.at(join(dir, 'cache'));
    index.pathsOf(file, new PrereadFiles(1 << 20));
    index.save();
    const next = new PrereadFiles(1 << 20);
    RedactIndex.at(join(dir, 'cache')).pathsOf(file, next);
    expect(next.take(file)).toBeDefined();
  });

  it('a redact option added between two cached runs changes the findings as in a cold run', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'src'));
    writeOld(join(dir, 'package.json'), '{ "name": "intake" }\n');
    writeOld(join(dir, 'src/logger.ts'), "import pino from 'pino';\nexport const logger = pino();\n");
    writeOld(
      join(dir, 'src/intake.ts'),
      "import { logger } from './logger.js';\nexport function record(intake: { lastName: string }): void {\n  logger.info({ lastName: intake.lastName }, 'intake named');\n}\n",
    );
    const run = () => scan({ cwd: dir, paths: ['.'], cache: true, cacheLocation: join(dir, '.cache'), concurrency: 1 });
    const logFindings = async () => (await run()).findings.filter((f) => f.ruleId === 'phi/log').length;
    expect(await logFindings()).toBe(1);
    expect(await logFindings()).toBe(1);
    writeOld(join(dir, 'src/logger.ts'), "import pino from 'pino';\nexport const logger = pino({ redact: ['lastName'] });\n");
    expect(await logFindings()).toBe(0);
    expect(await logFindings()).toBe(0);
  });
});
