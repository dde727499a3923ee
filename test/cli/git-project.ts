/** A temporary git repository for the CLI's --changed-since and --baseline tests, run through the built bin. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from '../../rules/index.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'phi-scan.js');

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' };

export interface GitProject {
  dir: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): void;
  remove(path: string): void;
  commit(message: string): string;
  phiScan(args: string[], cwd?: string): { code: number | null; stdout: string; stderr: string };
}

export function gitProject(files: Record<string, string>): GitProject {
  const dir = mkdtempSync(join(tmpdir(), 'phi-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv }).trim();
  const write = (more: Record<string, string>) => {
    for (const [path, text] of Object.entries(more)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  const known = new Set(rules.map((r) => r.id));
  // phi/session-timeout (a project rule) is not what these tests are about.
  const config = { rules: known.has('phi/session-timeout') ? { 'phi/session-timeout': 'off' } : {} };
  git('init', '-q', '-b', 'main');
  write({ 'phi-scan.config.json': JSON.stringify(config), ...files });
  return {
    dir,
    git,
    write,
    remove: (path) => rmSync(join(dir, path)),
    commit(message) {
      git('add', '-A');
      git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    phiScan(args, cwd = dir) {
      const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

interface JsonReportLite {
  findings: { ruleId: string; path: string; line: number; suppression?: { kind: string } }[];
  notices: { path: string; level: string; message: string }[];
}

export function jsonReport(stdout: string): JsonReportLite {
  return JSON.parse(stdout) as JsonReportLite;
}

/** Findings of `phi-scan -f json` as `rule@path:line`. */
export function foundAt(stdout: string): string[] {
  return jsonReport(stdout).findings.map((f) => `${f.ruleId}@${f.path}:${f.line}`);
}
