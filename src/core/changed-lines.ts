/**
 * Which lines changed since a git ref (`git diff --unified=0`), for `--changed-since`.
 * Arguments go to git as an argument vector, never through a shell.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { UsageError } from './errors.js';

export interface ChangedLines {
  /** cwd-relative path -> changed line numbers; `'all'` for new or untracked files. */
  files: Map<string, Set<number> | 'all'>;
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

// Fixed prefixes and unquoted paths whatever the user's git config (diff.noprefix, diff.mnemonicPrefix, core.quotePath).
const DIFF_ARGS = ['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/'];

export function changedLinesSince(ref: string, cwd: string): ChangedLines {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since expects a git ref, not "${ref}"`);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(
      `--changed-since ${ref}: not a commit in this git repository (in CI, fetch the history, e.g. actions/checkout with fetch-depth: 0).`,
    );
  }
  const files = new Map<string, Set<number> | 'all'>();
  const toCwd = (repoPath: string) => relative(cwd, resolve(top, repoPath)).split('\\').join('/');
  let current: string | undefined;
  for (const line of git(DIFF_ARGS.concat(ref, '--'), cwd).split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = target === '/dev/null' ? undefined : toCwd(target.replace(/^b\//, ''));
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      let set = files.get(current);
      if (set === 'all') continue;
      if (!set) files.set(current, (set = new Set()));
      for (let n = start; n < start + count; n++) set.add(n);
    }
  }
  for (const path of git(['-c', 'core.quotePath=false', 'ls-files', '--others', '--exclude-standard', '--full-name'], cwd).split('\n')) {
    if (path) files.set(toCwd(path), 'all');
  }
  return { files };
}

export function touchesChangedLine(changed: ChangedLines, path: string, line: number, endLine: number): boolean {
  const lines = changed.files.get(path);
  if (!lines) return false;
  if (lines === 'all') return true;
  for (let n = line; n <= endLine; n++) if (lines.has(n)) return true;
  return false;
}
