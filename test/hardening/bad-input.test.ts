/**
 * The bad-input matrix, through the built CLI: every case ends with its documented exit code and
 * finding or notice, one-line messages, no stack trace, and within a time bound.
 */
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FILE_RULES_ONLY, STACK_LINE, runCli, tempRepo, type CliRun, type JsonFinding, type JsonReport } from './harness.js';

// Scans are queued when the file loads; a test may wait for the ones before it.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const COMMENT = '-- patient Theodora Quist SSN 468-21-7735';
// "Theodora Quist" starts after "-- patient ": column 12, and ends before column 26.
const NAME_COLUMN = 12;
const NAME_END = 26;

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function expectClean(run: CliRun, boundMs: number) {
  expect(run.timedOut, 'timed out').toBe(false);
  expect(run.ms).toBeLessThan(boundMs);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stdout).not.toMatch(STACK_LINE);
}

function parseReport(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

const nested = (open: string, close: string, depth: number, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

// Every scan starts when the file loads, so they run side by side; each test awaits its own.
function startMatrix(): Promise<CliRun> {
  {
    const dir = tempRepo({
      'binary.sql': bytes('SELECT 1;', [0, 1, 2, 0, 255], 'more'),
      'late-nul.sql': bytes(`${'-- filler line\n'.repeat(700)}SELECT 1;\n`, [0], `\n${COMMENT}\n`),
      'invalid-utf8.sql': bytes('-- notes ', [0xff, 0xfe, 0xc3], '\n', `${COMMENT}\nSELECT 1;\n`),
      'bom.sql': bytes([0xef, 0xbb, 0xbf], `${COMMENT}\nCREATE TABLE t (id int);\n`),
      'crlf.sql': `SELECT 1;\r\n\r\n${COMMENT}\r\nSELECT 2;\r\n`,
      'lone-cr.sql': `SELECT 1;\r\r${COMMENT}\rSELECT 2;\r`,
      'mixed-endings.sql': `SELECT 1;\n\r\n\r${COMMENT}\n`,
      'deep.sql': `SELECT ${nested('(', ')', 5000)};\n${COMMENT}\n`,
      'deep.json': nested('[', ']', 100_000, ''),
      'deep-objects.json': nested('{"a":', '}', 50_000, '1'),
      // one level per line: deep, but not minified-looking
      'deep-calls.ts': `${nested('f(\n', ')\n', 20_000)};\n`,
      'deep-arrays.js': `const a = ${nested('[\n', ']\n', 20_000)};\n`,
      'deep.yaml': `${nested('[', ']', 20_000, '')}\n`,
      'psql.sql': [
        '\\set ON_ERROR_STOP on',
        '\\connect clinic',
        '\\i other.sql',
        "COMMENT ON COLUMN visits.notes IS 'Theodora Quist, DOB 04/17/1958';",
        '\\copy visits TO stdout',
        '',
      ].join('\n'),
      'mixed-dialects.sql': [
        'CREATE TABLE `patients` (`ssn` varchar(11));',
        'GO',
        'CREATE TABLE [dbo].[visits] ([dob] date)',
        'GO',
        COMMENT,
        '',
      ].join('\n'),
      'empty.sql': '',
      'empty.ts': '',
      'empty.json': '',
      'empty.yaml': '',
      'empty.prisma': '',
      'empty.hbs': '',
      'empty.toml': '',
      'empty.sh': '',
      '.env': '',
      'blank.json': '  \n\n',
      'blank.sql': '\n\n   \n',
      'suppressed.sql': '-- phi-scan-ignore-next-line phi/no-such-rule -- vendor data\nSELECT 1;\n',
      // broken, and without "phiScan": scanned as a file, not read as a config
      'package.json': '{ "name": "clinic", "scripts": { ',
    });
    symlinkSync('..', join(dir, 'loop'));
    mkdirSync(join(dir, 'nested'));
    symlinkSync(dir, join(dir, 'nested', 'back-to-root'));
    return runCli(['.', '-f', 'json', ...FILE_RULES_ONLY], dir);
  }
}
const matrixRun = startMatrix();

describe('a repository of bad inputs, in one scan', () => {
  let run: CliRun;
  let report: JsonReport;
  beforeAll(async () => {
    run = await matrixRun;
    report = parseReport(run);
  }, 120_000);
  const of = (path: string) => report.findings.filter((f) => f.path === path);
  const parseErrors = (path: string) => of(path).filter((f) => f.ruleId === 'phi/parse-error');
  const comment = (path: string): JsonFinding | undefined => of(path).find((f) => f.ruleId === 'phi/code-comment');

  it('finishes with exit 1 (a schema comment is an error finding), no stack trace, in bounded time', () => {
    expect(run.status).toBe(1);
    expectClean(run, 30_000);
    for (const f of report.findings) expect(f.message).not.toMatch(/\n/);
  });

  it('binary content in a text file is reported as not scanned', () => {
    const [problem] = parseErrors('binary.sql');
    expect(problem?.message).toMatch(/binary content/);
    expect(of('binary.sql')).toHaveLength(1);
  });

  it('a NUL byte after the binary sniff window does not stop the scan', () => {
    expect(comment('late-nul.sql')?.line).toBe(703);
  });

  it('invalid UTF-8 is reported and the rest of the file is still scanned', () => {
    expect(parseErrors('invalid-utf8.sql')[0]?.message).toMatch(/invalid UTF-8/);
    const found = comment('invalid-utf8.sql');
    expect(found).toMatchObject({ line: 2, column: NAME_COLUMN });
  });

  it.each(['bom.sql'])('%s: a BOM does not shift columns', (path) => {
    expect(comment(path)).toMatchObject({ line: 1, column: NAME_COLUMN, endLine: 1, endColumn: NAME_END });
    expect(parseErrors(path)).toHaveLength(0);
  });

  it.each([
    ['crlf.sql', 3],
    ['lone-cr.sql', 3],
    ['mixed-endings.sql', 4],
  ])('%s: CRLF and lone CR line endings keep exact locations', (path, line) => {
    expect(comment(path)).toMatchObject({ line, column: NAME_COLUMN, endLine: line, endColumn: NAME_END });
  });

  it('5,000 nested parentheses in SQL: no stack overflow, the rest of the file is scanned', () => {
    expect(comment('deep.sql')?.line).toBe(2);
    for (const f of parseErrors('deep.sql')) expect(f.message).not.toMatch(/internal|stack/i);
  });

  it.each(['deep.json', 'deep-objects.json'])('%s: deep JSON nesting is a parse warning, not a crash', (path) => {
    const problems = parseErrors(path);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/nesting too deep/);
  });

  it.each(['deep-calls.ts', 'deep-arrays.js'])('%s: deep JS nesting is a one-line parse warning', (path) => {
    const problems = parseErrors(path);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/nesting too deep/);
  });

  it('deep YAML flow nesting does not crash', () => {
    for (const f of of('deep.yaml')) expect(f.ruleId).toBe('phi/parse-error');
  });

  it('psql meta-commands are skipped, the SQL around them is analysed', () => {
    expect(parseErrors('psql.sql')).toHaveLength(0);
    expect(of('psql.sql').some((f) => f.ruleId === 'phi/schema-comment' && f.line === 4)).toBe(true);
  });

  it('MySQL backticks and T-SQL GO are a parse warning; comments are still scanned', () => {
    expect(parseErrors('mixed-dialects.sql').length).toBeGreaterThan(0);
    expect(comment('mixed-dialects.sql')?.line).toBe(5);
  });

  it('empty and blank files produce nothing', () => {
    for (const path of ['empty.sql', 'empty.ts', 'empty.json', 'empty.yaml', 'empty.prisma', 'empty.hbs', 'empty.toml', 'empty.sh', '.env', 'blank.json', 'blank.sql']) {
      expect(of(path), path).toEqual([]);
    }
  });

  it('an unknown rule id in a suppression is a warning notice, not a failure', () => {
    expect(
      report.notices.some((n) => n.path === 'suppressed.sql' && n.level === 'warning' && n.message.includes('unknown rule "phi/no-such-rule"')),
    ).toBe(true);
  });

  it('a broken package.json without "phiScan" is a parse warning, not a configuration error', () => {
    expect(parseErrors('package.json')).toHaveLength(1);
  });

  it('symlinked folders (loops) are not followed', () => {
    expect(report.findings.some((f) => f.path.startsWith('loop/') || f.path.includes('back-to-root'))).toBe(false);
  });
});

const BIG_SQL = `${'-- filler line of a large seed file\n'.repeat(32_000)}${COMMENT}\n`; // about 1.1 MiB
// 5 MB on one line, as a bundler writes it.
const MINIFIED = `${'var a=function(b){return b+1};'.repeat(170_000)}\n`;

const overLimit = runCli(['.', '-f', 'json', ...FILE_RULES_ONLY], tempRepo({ 'big.sql': BIG_SQL }));
const raisedByFlag = runCli(['.', '-f', 'json', '--max-file-size-kb', '2048', ...FILE_RULES_ONLY], tempRepo({ 'big.sql': BIG_SQL }));
const raisedByConfig = runCli(
  ['.', '-f', 'json', ...FILE_RULES_ONLY],
  tempRepo({ 'big.sql': BIG_SQL, 'phi-scan.config.json': JSON.stringify({ maxFileSizeKb: 2048 }) }),
);

describe('size limit', () => {
  it('a file over the limit is reported as not scanned, with the limit and how to raise it', async () => {
    const run = await overLimit;
    expect(run.status).toBe(0);
    expectClean(run, 30_000);
    const report = parseReport(run);
    expect(report.findings).toHaveLength(1);
    const [problem] = report.findings;
    expect(problem).toMatchObject({ ruleId: 'phi/parse-error', path: 'big.sql', line: 1 });
    expect(problem!.message).toMatch(/over the 1024 KiB limit/);
    expect(problem!.message).toContain('--max-file-size-kb');
    expect(problem!.message).toContain('maxFileSizeKb');
    expect(report.summary.filesSkipped).toBe(1);
  });

  it('--max-file-size-kb and "maxFileSizeKb" raise the limit', async () => {
    const byFlag = parseReport(await raisedByFlag);
    expect(byFlag.findings.map((f) => [f.ruleId, f.line])).toEqual([['phi/code-comment', 32_001]]);
    const byConfig = parseReport(await raisedByConfig);
    expect(byConfig.findings.map((f) => [f.ruleId, f.line])).toEqual([['phi/code-comment', 32_001]]);
  });
});

const bundleRaised = runCli(
  ['.', '-f', 'json', '--max-file-size-kb', '8192', ...FILE_RULES_ONLY],
  tempRepo({ 'public/bundle.js': MINIFIED, 'src/app.ts': '// patient Theodora Quist SSN 468-21-7735\nexport {};\n' }),
);
const bundleDefault = runCli(['.', '-f', 'json', ...FILE_RULES_ONLY], tempRepo({ 'bundle.js': MINIFIED }));

describe('minified and generated JavaScript', () => {
  it('a 5 MB single-line bundle is skipped with a note, not parsed, when the size limit allows it', async () => {
    const run = await bundleRaised;
    expect(run.status).toBe(0);
    expectClean(run, 30_000);
    const report = parseReport(run);
    const bundle = report.findings.filter((f) => f.path === 'public/bundle.js');
    expect(bundle).toHaveLength(1);
    expect(bundle[0]).toMatchObject({ ruleId: 'phi/parse-error', line: 1 });
    expect(bundle[0]!.message).toMatch(/minified or generated code \(2 lines, the longest 5,100,000 characters\)/);
    expect(bundle[0]!.message).toContain('"exclude"');
    expect(report.findings.some((f) => f.path === 'src/app.ts' && f.ruleId === 'phi/code-comment')).toBe(true);
  });

  it('over the default limit it is reported by size, not parsed', async () => {
    const run = await bundleDefault;
    expectClean(run, 30_000);
    expect(parseReport(run).findings[0]!.message).toMatch(/over the 1024 KiB limit/);
  });
});

const isRoot = process.getuid?.() === 0;
const missingPath = runCli(['does/not/exist'], tempRepo());
const emptyRepo = runCli(['.', '-f', 'json', ...FILE_RULES_ONLY], tempRepo());

describe('paths, folders and permissions', () => {
  it('a nonexistent path exits 2 with one line', async () => {
    const run = await missingPath;
    expect(run.status).toBe(2);
    expectClean(run, 30_000);
    expect(run.stderr).toMatch(/^phi-scan: No such file or directory: does\/not\/exist$/m);
  });

  it('an empty repository exits 0 with nothing to report', async () => {
    const run = await emptyRepo;
    expect(run.status).toBe(0);
    expectClean(run, 30_000);
    const report = parseReport(run);
    expect(report.findings).toEqual([]);
    expect(report.summary.filesScanned).toBe(0);
  });

  it.skipIf(isRoot)('unreadable files and folders are reported, not fatal (skipped as root: chmod does not block root)', async () => {
    const dir = tempRepo({ 'locked.sql': `${COMMENT}\n`, 'closed/inner.sql': `${COMMENT}\n`, 'open.sql': `${COMMENT}\n` });
    chmodSync(join(dir, 'locked.sql'), 0o000);
    chmodSync(join(dir, 'closed'), 0o000);
    try {
      const run = await runCli(['.', '-f', 'json', ...FILE_RULES_ONLY], dir);
      expect(run.status).toBe(0);
      expectClean(run, 30_000);
      const report = parseReport(run);
      expect(report.findings.find((f) => f.path === 'locked.sql')?.message).toMatch(/not readable \(EACCES\)/);
      expect(report.notices.some((n) => n.path.endsWith('closed') && /folder not readable/.test(n.message))).toBe(true);
      expect(report.findings.some((f) => f.path === 'open.sql' && f.ruleId === 'phi/code-comment')).toBe(true);
    } finally {
      chmodSync(join(dir, 'locked.sql'), 0o644);
      chmodSync(join(dir, 'closed'), 0o755);
    }
  });
});

const scanWithConfig = (config: string) =>
  runCli(['.', ...FILE_RULES_ONLY], tempRepo({ 'phi-scan.config.json': config, 'a.sql': 'SELECT 1;\n' }));
const configRuns = {
  malformed: scanWithConfig('{ "include": ["src/**"], Theodora Quist }'),
  unknownKey: scanWithConfig('{ "exlude": ["vendor/**"] }'),
  wrongType: scanWithConfig('{ "maxFileSizeKb": "big" }'),
  unknownRule: scanWithConfig('{ "rules": { "phi/no-such-rule": "off" } }'),
  unknownRuleFlag: runCli(['.', '--rule', 'phi/nope:off'], tempRepo({ 'a.sql': 'SELECT 1;\n' })),
};

describe('configuration errors', () => {
  const usageError = async (pending: Promise<CliRun>) => {
    const run = await pending;
    expect(run.status).toBe(2);
    expectClean(run, 30_000);
    // the message and the --help hint, nothing else
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
    return run.stderr;
  };

  it('malformed JSON: exit 2, one line, without quoting the file', async () => {
    const stderr = await usageError(configRuns.malformed);
    expect(stderr).toMatch(/is not valid JSON/);
    expect(stderr).not.toContain('Theodora');
  });

  it('an unknown key: exit 2 naming the key and the fix', async () => {
    const stderr = await usageError(configRuns.unknownKey);
    expect(stderr).toContain('unknown key "exlude"');
    expect(stderr).toContain('Did you mean "exclude"?');
  });

  it('a key of the wrong type: exit 2 saying what it must be', async () => {
    expect(await usageError(configRuns.wrongType)).toContain('"maxFileSizeKb" must be a positive number');
  });

  it('an unknown rule id in the config: exit 2 with the id', async () => {
    const stderr = await usageError(configRuns.unknownRule);
    expect(stderr).toContain('unknown rule "phi/no-such-rule"');
    expect(stderr).toContain('phi-scan rules');
  });

  it('an unknown rule id on the command line: exit 2', async () => {
    expect(await usageError(configRuns.unknownRuleFlag)).toContain('unknown rule "phi/nope"');
  });
});
