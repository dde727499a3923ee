/** The bundled Action end to end: a pull request in a temporary repository, a simulated runner. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { actionBundle, annotations, createRepo, pullRequestPayload, root, runAction, type Repo } from './harness.js';

// Each test starts real processes (git, node); a busy machine needs more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

// Invented people: an old violation on the base branch, a new one and a commented DOB in the PR.
const OLD_TABLE = 'CREATE TABLE patients_backup_rosalind_okonkwo (id int);\n';
const NEW_TABLE = 'CREATE TABLE visits_for_tobias_lindqvist (id int);\n';
const COMMENT = '-- Follow-up: Rosalind Okonkwo, DOB 1962-04-17, asked for an earlier slot.\n';
const RAW_VALUES = /okonkwo|lindqvist|rosalind|tobias|1962-04-17/i;

interface PullRequest {
  repo: Repo;
  base: string;
  head: string;
}

/** Base: one old error. Head: a new error on line 2 of an existing file, and a new file with a warning. */
function pullRequest(): PullRequest {
  const repo = createRepo({ 'db/001_init.sql': OLD_TABLE, 'db/002_visits.sql': 'CREATE TABLE visits (id int);\n' });
  const base = repo.commit('base');
  repo.write({ 'db/002_visits.sql': `CREATE TABLE visits (id int);\n${NEW_TABLE}`, 'db/003_waitlist.sql': `${COMMENT}CREATE TABLE waitlist (id int);\n` });
  const head = repo.commit('head');
  return { repo, base, head };
}

const files = (lines: string[]) => lines.map((line) => /file=([^,]+)/.exec(line)?.[1]);

beforeAll(() => {
  if (!existsSync(actionBundle)) execFileSync(process.execPath, [join(root, 'scripts', 'build-action.mjs')]);
});

describe('pull request', () => {
  it('annotates only findings on changed lines and writes outputs, summary and SARIF', async () => {
    const { repo, base, head } = pullRequest();
    const run = await runAction(repo, { payload: pullRequestPayload(base, head) });

    expect(files(annotations(run.stdout, 'error'))).toEqual(['db/002_visits.sql']);
    expect(annotations(run.stdout, 'error')[0]).toContain('line=2');
    expect(files(annotations(run.stdout, 'warning'))).toEqual(['db/003_waitlist.sql']);
    expect(run.stdout).not.toContain('001_init.sql');
    expect(run.outputs).toEqual({ findings: '2', errors: '1', warnings: '1', 'sarif-file': join(repo.workspace, 'phi-scan.sarif') });
    expect(run.code).toBe(1);

    expect(run.summary).toContain('**1 error, 1 warning** in 2 files');
    expect(run.summary).toContain(`(https://github.com/clinic/records/blob/${head}/db/002_visits.sql#L2)`);
    expect(run.summary).toContain('```mermaid\npie');
    expect(run.summary).toMatch(/\| name \| 1 \| \d \| \d \|/);
    expect(run.summary).toContain('phi/code-comment');

    const sarif = JSON.parse(readFileSync(join(repo.workspace, 'phi-scan.sarif'), 'utf8'));
    const results = sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri).sort()).toEqual(['db/002_visits.sql', 'db/003_waitlist.sql']);

    for (const text of [run.stdout, run.stderr, run.summary, readFileSync(join(repo.workspace, 'phi-scan.sarif'), 'utf8')]) {
      expect(text).not.toMatch(RAW_VALUES);
    }
  });

  it('fails the step according to fail-on', async () => {
    const { repo, base, head } = pullRequest();
    const payload = pullRequestPayload(base, head);
    expect((await runAction(repo, { payload, inputs: { 'fail-on': 'never' } })).code).toBe(0);
    expect((await runAction(repo, { payload, inputs: { 'fail-on': 'warning' } })).code).toBe(1);
  });

  it('passes on fail-on error when only a warning is on changed lines', async () => {
    const { repo, base } = pullRequest();
    repo.write({ 'db/002_visits.sql': 'CREATE TABLE visits (id int);\n' });
    const warningOnly = repo.commit('drop the new table');
    const onlyWarning = pullRequestPayload(base, warningOnly);
    const passing = await runAction(repo, { payload: onlyWarning, inputs: { 'fail-on': 'error' } });
    expect(passing.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(passing.code).toBe(0);
    expect((await runAction(repo, { payload: onlyWarning, inputs: { 'fail-on': 'warning' } })).code).toBe(1);
  });

  it('judges every line when only-changed is false', async () => {
    const { repo, base, head } = pullRequest();
    const run = await runAction(repo, { payload: pullRequestPayload(base, head), inputs: { 'only-changed': 'false' } });
    expect(files(annotations(run.stdout, 'error')).sort()).toEqual(['db/001_init.sql', 'db/002_visits.sql']);
    expect(run.outputs.errors).toBe('2');
  });

  it('hides what the baseline lists and counts it in the summary', async () => {
    const { repo, base, head } = pullRequest();
    execFileSync(process.execPath, [join(root, 'bin', 'phi-scan.js'), 'db/001_init.sql', '--write-baseline', 'phi-scan.baseline.json'], {
      cwd: repo.workspace,
      stdio: 'ignore',
    });
    const run = await runAction(repo, {
      payload: pullRequestPayload(base, head),
      inputs: { 'only-changed': 'false', baseline: 'phi-scan.baseline.json' },
    });
    expect(files(annotations(run.stdout, 'error'))).toEqual(['db/002_visits.sql']);
    expect(run.outputs.errors).toBe('1');
    expect(run.summary).toContain('Not counted: 1 by the baseline');
    expect(run.stdout).toContain('1 hidden by the baseline');
  });

  it('still annotates and summarises a pull request from a fork', async () => {
    const { repo, base, head } = pullRequest();
    const run = await runAction(repo, { payload: pullRequestPayload(base, head, 'someone/records-fork') });
    expect(run.stdout).toContain('Pull request from a fork');
    expect(files(annotations(run.stdout, 'error'))).toEqual(['db/002_visits.sql']);
    expect(run.summary).toContain('### Findings');
    expect(run.outputs.findings).toBe('2');
  });

  it('leaves annotations and the summary out when asked', async () => {
    const { repo, base, head } = pullRequest();
    const run = await runAction(repo, { payload: pullRequestPayload(base, head), inputs: { annotations: 'false', summary: 'false' } });
    expect(annotations(run.stdout, 'error')).toEqual([]);
    expect(run.summary).toBe('');
    expect(run.outputs.errors).toBe('1');
    expect(run.code).toBe(1);
  });
});

describe('missing base commit', () => {
  const missing = 'f'.repeat(40);

  it('says so in the log and reports findings in every file when nothing tells what changed', async () => {
    const { repo, head } = pullRequest();
    const run = await runAction(repo, { payload: pullRequestPayload(missing, head) });
    expect(run.stdout).toContain('the base commit fffffff is not in this clone');
    expect(run.stdout).toContain('fetch-depth: 0');
    expect(run.stdout).toContain('reporting findings in every scanned file');
    expect(files(annotations(run.stdout, 'error')).sort()).toEqual(['db/001_init.sql', 'db/002_visits.sql']);
    expect(run.summary).toContain('is not in this clone');
  });

  it('falls back to the files the GitHub API lists for the pull request', async () => {
    const { repo, head } = pullRequest();
    const requests: { url?: string; auth?: string }[] = [];
    const server = createServer((request, response) => {
      requests.push({ url: request.url, auth: request.headers.authorization });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify([{ filename: 'db/002_visits.sql', status: 'modified' }, { filename: 'db/gone.sql', status: 'removed' }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const run = await runAction(repo, {
        payload: pullRequestPayload(missing, head),
        inputs: { token: 'test-token' },
        env: { GITHUB_API_URL: `http://127.0.0.1:${port}` },
      });
      expect(requests[0]).toEqual({ url: '/repos/clinic/records/pulls/42/files?per_page=100&page=1', auth: 'Bearer test-token' });
      expect(run.stdout).toContain('falling back to changed files');
      expect(files(annotations(run.stdout, 'error'))).toEqual(['db/002_visits.sql']);
      expect(annotations(run.stdout, 'warning')).toEqual([]);
      expect(run.stdout).not.toContain('test-token');
    } finally {
      server.close();
    }
  });

  it('uses the first parent of a checked-out merge commit', async () => {
    const { repo, base } = pullRequest();
    const pr = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'merge', base);
    repo.git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'merge', '-q', '--no-ff', '--no-edit', pr);
    const run = await runAction(repo, { payload: pullRequestPayload(missing, pr) });
    expect(run.stdout).toContain('first parent');
    expect(files(annotations(run.stdout, 'error'))).toEqual(['db/002_visits.sql']);
  });
});

describe('inputs', () => {
  it('rejects a bad fail-on with one error line', async () => {
    const { repo, base, head } = pullRequest();
    const run = await runAction(repo, { payload: pullRequestPayload(base, head), inputs: { 'fail-on': 'sometimes' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::phi-scan: Input fail-on must be one of error, warning, never (got "sometimes").');
  });

  it('judges every line on a push unless only-changed is set', async () => {
    const { repo, base, head } = pullRequest();
    const all = await runAction(repo, { eventName: 'push', payload: { before: base, after: head } });
    expect(all.outputs.errors).toBe('2');
    const changed = await runAction(repo, { eventName: 'push', payload: { before: base, after: head }, inputs: { 'only-changed': 'true' } });
    expect(changed.outputs.errors).toBe('1');
  });
});
