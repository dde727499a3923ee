/**
 * Worker threads, the result cache and shards must never change what is reported: the same
 * findings and notices as one plain single-threaded run, on a generated project of a few hundred
 * files with project-level findings and inline suppressions. Correctness only, no timings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BATCH_FILES } from '../../src/core/pool.js';
import { SECRETS, comparable, generatedProject, readJson, runCli, writeFile, type JsonReportShape } from './project.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let dir: string;
/** Reports and caches go outside the scanned folder, or the next scan would read them. */
let out: string;
const SCAN = ['.', '-f', 'json', '--include-suppressed', '--fail-on', 'never'];
const parse = (stdout: string) => JSON.parse(stdout) as JsonReportShape;

beforeAll(() => {
  dir = generatedProject();
  out = mkdtempSync(join(tmpdir(), 'phi-scan-perf-out-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('worker threads', () => {
  it('one thread and two threads report the same findings and notices', async () => {
    const [single, multi] = await Promise.all([runCli([...SCAN, '--concurrency', '1'], dir), runCli([...SCAN, '--concurrency', '2'], dir)]);
    expect(single.stderr).toBe('');
    expect(multi.stderr).toBe('');
    const a = parse(single.stdout);
    const b = parse(multi.stdout);
    expect(a.summary.filesScanned).toBeGreaterThan(300);
    // one thread extracts files a batch at a time before their rules run; two threads take them
    // one by one: more files than a batch holds compares the two ways across a batch boundary
    expect(a.summary.filesScanned).toBeGreaterThan(BATCH_FILES);
    // the project really has file findings, project findings and suppressions to compare
    const rules = new Set(a.findings.map((f) => f.ruleId));
    for (const rule of ['phi/log', 'phi/session-timeout', 'phi/non-baa-service', 'phi/hipaa-project-setting']) expect(rules).toContain(rule);
    expect(a.findings.some((f) => f.suppression)).toBe(true);
    expect(a.notices.length).toBeGreaterThan(0);
    expect(comparable(b)).toEqual(comparable(a));
  });
});

describe('--cache', () => {
  it('a warm run reports what a cold run reports, and a changed file is analysed again', async () => {
    const cacheDir = join(out, 'cache');
    const cached = [...SCAN, '--cache', '--cache-location', cacheDir];
    const cold = parse((await runCli(cached, dir)).stdout);
    const entries = Object.keys(readJson<{ entries: object }>(join(cacheDir, 'results-v1.json')).entries);
    expect(entries.length).toBeGreaterThan(300);
    const warm = parse((await runCli(cached, dir)).stdout);
    expect(comparable(warm)).toEqual(comparable(cold));

    // a new violation in a cached file, and an unused suppression made used
    writeFile(
      dir,
      'packages/auth/src/audit.ts',
      readFileSync(join(dir, 'packages/auth/src/audit.ts'), 'utf8').replace("return 'ok';", "// patient Odalys Brennan, MRN 00482913\n  return 'ok';"),
    );
    const [changed, uncached] = await Promise.all([runCli(cached, dir), runCli(SCAN, dir)]);
    const afterChange = parse(changed.stdout);
    expect(comparable(afterChange)).toEqual(comparable(parse(uncached.stdout)));
    expect(afterChange.findings.filter((f) => f.path === 'packages/auth/src/audit.ts' && f.ruleId === 'phi/code-comment')).toHaveLength(1);
    expect(comparable(afterChange)).not.toEqual(comparable(cold));
  });
});

describe('--shard and merge', () => {
  const shardRuns = (format: string) =>
    Promise.all([1, 2, 3, 4].map((i) => runCli(['.', '-f', format, '--include-suppressed', '--fail-on', 'never', '--shard', `${i}/4`, '-o', join(out, `shard-${i}.${format}`)], dir)));

  it('four json shards merged equal one unsharded run, project-level findings and notices included', async () => {
    const [whole] = await Promise.all([runCli(SCAN, dir), shardRuns('json')]);
    const shards = [1, 2, 3, 4].map((i) => readJson<JsonReportShape>(join(out, `shard-${i}.json`)));
    // every shard holds only part of the files, and none runs the project rules
    for (const shard of shards) expect(shard.findings.some((f) => f.ruleId === 'phi/session-timeout')).toBe(false);
    expect(shards.reduce((n, s) => n + (s.summary.filesScanned as number), 0)).toBe(parse(whole.stdout).summary.filesScanned);

    const merged = await runCli(['merge', ...[1, 2, 3, 4].map((i) => join(out, `shard-${i}.json`)), '-f', 'json', '--include-suppressed', '--fail-on', 'never'], dir);
    expect(merged.stderr).toBe('');
    expect(comparable(parse(merged.stdout))).toEqual(comparable(parse(whole.stdout)));
  });

  it('four sarif shards merge into one run with the results of an unsharded sarif run', async () => {
    const [whole] = await Promise.all([runCli(['.', '-f', 'sarif', '--include-suppressed', '--fail-on', 'never'], dir), shardRuns('sarif')]);
    const merged = await runCli(['merge', ...[1, 2, 3, 4].map((i) => join(out, `shard-${i}.sarif`)), '-f', 'sarif', '--include-suppressed', '--fail-on', 'never'], dir);
    expect(merged.stderr).toBe('');
    const a = JSON.parse(whole.stdout);
    const b = JSON.parse(merged.stdout);
    expect(b.runs).toHaveLength(1);
    expect(b.runs[0].tool.driver.name).toBe('phi-scan');
    expect(b.runs[0].properties).toBeUndefined();
    expect(b.runs[0].results.length).toBeGreaterThan(5);
    expect(b.runs[0].results).toEqual(a.runs[0].results);
    expect(b.runs[0].invocations).toEqual(a.runs[0].invocations);
    expect(b.runs[0].tool.driver.rules).toEqual(a.runs[0].tool.driver.rules);
  });

  it('shard reports carry only the project facts rules judge: no .env values, no URL credentials', async () => {
    await runCli(['.', '-f', 'json', '--shard', '1/1', '-o', join(out, 'all-in-one.json')], dir);
    const text = readFileSync(join(out, 'all-in-one.json'), 'utf8');
    const facts = JSON.stringify(readJson<JsonReportShape>(join(out, 'all-in-one.json')).projectFacts);
    expect(facts).toContain('session.idle');
    expect(facts).toContain('@neondatabase/neon-js');
    expect(facts).toContain('postgres://db.internal:5432/care');
    for (const secret of SECRETS) expect(facts).not.toContain(secret);
    expect(text).not.toContain('Sup3rSecretPw');
  });

  it('merge refuses reports that are not from --shard runs', async () => {
    await runCli([...SCAN, '-o', join(out, 'plain.json')], dir);
    const merged = await runCli(['merge', join(out, 'plain.json')], dir);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toMatch(/not a --shard report/);
  });
});
