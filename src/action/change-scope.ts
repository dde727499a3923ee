/**
 * Which part of the repository a pull request changed. Line-level from `git diff` when the base
 * commit is in the clone; otherwise, in order: the merge commit's first parent, a shallow fetch of
 * the base commit, then whole files from the GitHub API. Each fallback is said in the log.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { changedLinesSince, type ChangedLines } from '../core/changed-lines.js';
import type { RunContext } from './event.js';

export interface ChangeScope {
  changed: ChangedLines;
  /** For the log and the job summary, e.g. "lines changed since 1a2b3c4". */
  description: string;
}

export type Log = (message: string) => void;

function git(args: string[], cwd: string, timeoutMs = 60_000): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }).trim();
  } catch {
    return undefined;
  }
}

const isSha = (value: string) => /^[0-9a-f]{7,64}$/i.test(value);
const short = (sha: string) => sha.slice(0, 7);

export function hasCommit(sha: string, cwd: string): boolean {
  return isSha(sha) && git(['cat-file', '-e', `${sha}^{commit}`], cwd) !== undefined;
}

/** Changed lines since the base, if the base commit is in the clone; no fallbacks, no log. */
export function localChangedLines(context: RunContext, cwd: string): ChangedLines | undefined {
  if (!context.baseSha || !hasCommit(context.baseSha, cwd)) return undefined;
  return changedLinesSince(diffBase(context.baseSha, cwd), cwd);
}

/** The fork point, so commits added to the base branch meanwhile do not count as changes. */
function diffBase(baseSha: string, cwd: string): string {
  return git(['merge-base', baseSha, 'HEAD'], cwd) ?? baseSha;
}

export async function resolveChangeScope(context: RunContext, cwd: string, token: string | undefined, log: Log): Promise<ChangeScope | undefined> {
  const base = context.baseSha;
  if (!base) {
    log('only-changed: this event names no base commit to compare with; reporting findings in every scanned file.');
    return undefined;
  }
  if (hasCommit(base, cwd)) {
    const ref = diffBase(base, cwd);
    return { changed: changedLinesSince(ref, cwd), description: `lines changed since ${short(ref)}` };
  }
  log(
    `only-changed: the base commit ${short(base)} is not in this clone (a shallow checkout?). ` +
      'Check out with actions/checkout and fetch-depth: 0 to judge changed lines exactly.',
  );
  const parent = mergeCommitBase(cwd);
  if (parent) {
    log(`only-changed: using the first parent ${short(parent)} of the checked-out merge commit as the base instead.`);
    return { changed: changedLinesSince(parent, cwd), description: `lines changed since ${short(parent)} (first parent of the merge commit)` };
  }
  if (git(['rev-parse', '--is-shallow-repository'], cwd) === 'true' && isSha(base) && git(['remote', 'get-url', 'origin'], cwd)) {
    if (git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', base], cwd) !== undefined && hasCommit(base, cwd)) {
      log(`only-changed: fetched the base commit ${short(base)}; lines are compared with it.`);
      return { changed: changedLinesSince(base, cwd), description: `lines changed since ${short(base)}` };
    }
  }
  const files = await pullRequestFiles(context, token, log);
  if (files) {
    log(`only-changed: falling back to changed files: reporting findings anywhere in the ${files.length} files this pull request changes (listed by the GitHub API).`);
    return { changed: wholeFiles(files, cwd), description: `files changed in pull request #${context.pullNumber} (whole files: the base commit was not fetched)` };
  }
  log('only-changed: could not tell what changed (no base commit, no token for the GitHub API); reporting findings in every scanned file.');
  return undefined;
}

/** GitHub checks out `refs/pull/N/merge`, whose first parent is the base branch. */
function mergeCommitBase(cwd: string): string | undefined {
  const parents = git(['rev-list', '--parents', '-n', '1', 'HEAD'], cwd)?.split(' ') ?? [];
  const first = parents[1];
  return parents.length === 3 && first && hasCommit(first, cwd) ? first : undefined;
}

function wholeFiles(repoPaths: readonly string[], cwd: string): ChangedLines {
  const top = git(['rev-parse', '--show-toplevel'], cwd) ?? cwd;
  const files = new Map<string, Set<number> | 'all'>();
  for (const path of repoPaths) files.set(relative(cwd, resolve(top, path)).split('\\').join('/'), 'all');
  return { files };
}

const MAX_PAGES = 30; // the API lists at most 3,000 files of a pull request

interface PullFile {
  filename?: string;
  status?: string;
}

/** Paths (repository-relative) of the files a pull request adds or modifies, or undefined. */
async function pullRequestFiles(context: RunContext, token: string | undefined, log: Log): Promise<string[] | undefined> {
  if (!context.pullNumber || !context.repository || !token) return undefined;
  const files: string[] = [];
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const url = `${context.apiUrl}/repos/${context.repository}/pulls/${context.pullNumber}/files?per_page=100&page=${page}`;
      const response = await fetch(url, {
        headers: {
          Accept: 'application/vnd.github+json',
          Authorization: `Bearer ${token}`,
          'User-Agent': 'phi-scan-action',
          'X-GitHub-Api-Version': '2022-11-28',
        },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) {
        log(`only-changed: the GitHub API did not list the pull request's files (HTTP ${response.status}).`);
        return undefined;
      }
      const batch = (await response.json()) as PullFile[];
      for (const file of batch) if (file.filename && file.status !== 'removed') files.push(file.filename);
      if (batch.length < 100) break;
    }
  } catch (error) {
    log(`only-changed: the GitHub API could not be reached (${(error as Error).name}).`);
    return undefined;
  }
  return files;
}
