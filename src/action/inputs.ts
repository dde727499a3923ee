/** The Action's inputs, read through @actions/core (never through a shell) and validated. */
import { getInput } from '@actions/core';

export type FailOn = 'error' | 'warning' | 'never';

export interface ActionInputs {
  paths: string[];
  config?: string;
  failOn: FailOn;
  onlyChanged: boolean;
  baseline?: string;
  sarifFile: string;
  annotations: boolean;
  summary: boolean;
  token?: string;
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export function isPullRequestEvent(eventName: string | undefined): boolean {
  return PULL_REQUEST_EVENTS.has(eventName ?? '');
}

/** `read` is @actions/core's getInput by default; tests may pass a map lookup. */
export function readInputs(eventName: string | undefined, read: (name: string) => string = getInput): ActionInputs {
  const failOn = read('fail-on').trim() || 'error';
  if (!FAIL_ON.includes(failOn as FailOn)) {
    throw new InputError(`Input fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}").`);
  }
  const optional = (name: string) => read(name).trim() || undefined;
  return {
    paths: splitPaths(read('paths')),
    config: optional('config'),
    failOn: failOn as FailOn,
    onlyChanged: booleanInput(read, 'only-changed', isPullRequestEvent(eventName)),
    baseline: optional('baseline'),
    sarifFile: optional('sarif-file') ?? 'phi-scan.sarif',
    annotations: booleanInput(read, 'annotations', true),
    summary: booleanInput(read, 'summary', true),
    token: optional('token') ?? (process.env.GITHUB_TOKEN?.trim() || undefined),
  };
}

/** Paths separated by new lines or spaces; `.` when empty. */
function splitPaths(value: string): string[] {
  const paths = value.split(/\s+/).filter(Boolean);
  return paths.length ? paths : ['.'];
}

function booleanInput(read: (name: string) => string, name: string, fallback: boolean): boolean {
  const value = read(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(`Input ${name} must be true or false (got "${value}").`);
}
