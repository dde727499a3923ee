/** What the workflow run is about, from the runner's environment and the event payload (GITHUB_EVENT_PATH). */
import { readFileSync } from 'node:fs';

export interface RunContext {
  eventName: string | undefined;
  /** The commit the pull request is compared with (PR base, or a push's `before`). */
  baseSha?: string;
  /** The commit being judged: the PR head, else GITHUB_SHA. Links in the summary point at it. */
  headSha?: string;
  pullNumber?: number;
  /** `owner/name` of the repository the workflow runs in. */
  repository?: string;
  serverUrl: string;
  apiUrl: string;
  /** A pull request from a fork: its token is read-only, so SARIF cannot be uploaded. */
  fromFork: boolean;
}

interface Payload {
  before?: string;
  pull_request?: {
    number?: number;
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { sha?: string; repo?: { full_name?: string } };
  };
}

const NULL_SHA = /^0+$/;

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const pr = payload.pull_request;
  const before = payload.before && !NULL_SHA.test(payload.before) ? payload.before : undefined;
  const baseRepo = pr?.base?.repo?.full_name;
  const headRepo = pr?.head?.repo?.full_name;
  return {
    eventName: env.GITHUB_EVENT_NAME,
    baseSha: pr ? pr.base?.sha : before,
    headSha: pr?.head?.sha ?? env.GITHUB_SHA,
    pullNumber: pr?.number,
    repository: env.GITHUB_REPOSITORY,
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/(?<!\/)\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/(?<!\/)\/+$/, ''),
    fromFork: Boolean(pr && headRepo && baseRepo && headRepo !== baseRepo),
  };
}

function readPayload(path: string | undefined): Payload {
  if (!path) return {};
  try {
    const payload = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return payload && typeof payload === 'object' ? (payload as Payload) : {};
  } catch {
    return {};
  }
}
