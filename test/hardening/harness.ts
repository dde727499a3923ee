/** Runs the built CLI (bin/phi-scan.js) in throwaway folders, with a time bound. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const cliPath = join(root, 'bin', 'phi-scan.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** At most this many CLI processes at once (CI runners have two cores). */
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((wake) => waiting.push(wake));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Asynchronous, so a test file can queue its scans up front and run them side by side. */
export function runCli(args: readonly string[], cwd: string, options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return slot(() => spawnCli(args, cwd, options));
}

function spawnCli(args: readonly string[], cwd: string, options: { timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      {
        cwd,
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 45_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', PHI_SCAN_DEBUG: '', ...options.env },
      },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number | string; killed?: boolean }) | null;
        resolvePromise({
          status: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          stdout,
          stderr,
          ms: performance.now() - started,
          timedOut: Boolean(failure?.killed),
        });
      },
    );
  });
}

/** A fresh folder with the given files (string or raw bytes). */
export function tempRepo(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-hardening-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A stack trace line: `    at fn (file:line:col)`. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

export interface JsonFinding {
  ruleId: string;
  message: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  evidence: string;
  fingerprint: string;
}

export interface JsonReport {
  findings: JsonFinding[];
  notices: { path: string; level: string; message: string }[];
  summary: { filesScanned: number; filesSkipped: number };
}

/** Project rules judge a whole repository; these tests look at files. */
export const FILE_RULES_ONLY = ['--rule', 'phi/session-timeout:off', '--concurrency', '1'];
