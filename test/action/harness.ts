/** Runs the bundled Action (dist/action.js) in a temporary git repository with a simulated runner. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from '../../rules/index.js';

export const root = join(import.meta.dirname, '..', '..');
export const actionBundle = join(root, 'dist', 'action.js');

/** Turns phi/session-timeout off when it exists, so project-level findings do not get in the way. */
export function quietConfig(): string {
  const known = new Set(rules.map((r) => r.id));
  return JSON.stringify({ rules: known.has('phi/session-timeout') ? { 'phi/session-timeout': 'off' } : {} });
}

export interface Repo {
  dir: string;
  workspace: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): void;
  commit(message: string): string;
}

export function createRepo(files: Record<string, string>): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'phi-action-'));
  const workspace = join(dir, 'repo');
  mkdirSync(workspace);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' },
    }).trim();
  const write = (more: Record<string, string>) => {
    for (const [path, text] of Object.entries(more)) {
      mkdirSync(join(workspace, path, '..'), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main');
  write({ 'phi-scan.config.json': quietConfig(), ...files });
  return { dir, workspace, git, write, commit };
}

export interface RunOptions {
  inputs?: Record<string, string>;
  eventName?: string;
  payload?: unknown;
  env?: Record<string, string>;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Only what a runner sets: no inherited GITHUB_* or INPUT_* from the machine running the tests. */
function runnerEnv(repo: Repo, options: RunOptions, headSha: string): NodeJS.ProcessEnv {
  const eventPath = join(repo.dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.payload ?? {}));
  writeFileSync(join(repo.dir, 'output.txt'), '');
  writeFileSync(join(repo.dir, 'summary.md'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: repo.dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: repo.workspace,
    GITHUB_OUTPUT: join(repo.dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(repo.dir, 'summary.md'),
    GITHUB_SHA: headSha,
    GITHUB_REPOSITORY: 'clinic/records',
    GITHUB_SERVER_URL: 'https://github.com',
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

export function pullRequestPayload(base: string, head: string, headRepo = 'clinic/records') {
  return {
    pull_request: {
      number: 42,
      base: { sha: base, repo: { full_name: 'clinic/records' } },
      head: { sha: head, repo: { full_name: headRepo } },
    },
  };
}

/** Asynchronous, so a test can serve HTTP (a fake GitHub API) while the Action runs. */
export function runAction(repo: Repo, options: RunOptions = {}): Promise<ActionRun> {
  const env = runnerEnv(repo, options, repo.git('rev-parse', 'HEAD'));
  return new Promise((resolve) => {
    execFile(process.execPath, [actionBundle], { cwd: repo.workspace, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({
        code: error ? ((error as { code?: number }).code ?? 1) : 0,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(join(repo.dir, 'output.txt'), 'utf8')),
        summary: readFileSync(join(repo.dir, 'summary.md'), 'utf8'),
      });
    });
  });
}

/** GITHUB_OUTPUT's `name<<delimiter` ... `delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!start) continue;
    const [, name, delimiter] = start as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

export function annotations(stdout: string, level: 'error' | 'warning' | 'notice'): string[] {
  return stdout.split('\n').filter((line) => line.startsWith(`::${level} `) || line.startsWith(`::${level}::`));
}
