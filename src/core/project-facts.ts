/**
 * What a `--shard` run hands to `phi-scan merge` so project rules can judge the whole project:
 * only the facts those rules read, with nothing they do not need. Setting values from `.env`
 * files may be secrets or PHI, so settings are kept only for the keys project rules judge, and
 * URLs lose their credentials, query and fragment.
 */
import { DB_IDLE_SESSION_TIMEOUT, SESSION_ABSOLUTE, SESSION_IDLE } from '../extract/config/session-keys.js';
import type { Fact } from './facts.js';
import type { FileFacts } from './run-rules.js';
import type { Suppression } from './suppressions.js';

export interface ProjectFacts {
  /** Where project findings without a file of their own attach (config file or root package.json). */
  projectFile?: string;
  files: FileFacts[];
  /** Inline suppressions naming a project rule, with whether a file finding already used them. */
  suppressions: { path: string; suppressions: Suppression[] }[];
}

/** The fact kinds project rules read. */
export const PROJECT_FACT_KINDS: ReadonlySet<string> = new Set(['setting', 'dependency', 'project-request']);

/** Setting keys `phi/session-timeout` judges; no other setting leaves a shard. */
const JUDGED_SETTING_KEYS: ReadonlySet<string> = new Set([DB_IDLE_SESSION_TIMEOUT, SESSION_IDLE, SESSION_ABSOLUTE]);
/** `.env` and TOML settings are application variables, which no project rule judges. */
const UNJUDGED_SETTING_SCOPES: ReadonlySet<string> = new Set(['env', 'toml']);

/** The fact as a project rule needs it, or undefined when no project rule reads it. */
export function projectFactOf(fact: Fact): Fact | undefined {
  switch (fact.kind) {
    case 'setting':
      if (fact.preamble || UNJUDGED_SETTING_SCOPES.has(fact.scope) || !JUDGED_SETTING_KEYS.has(fact.key.toLowerCase())) return undefined;
      return fact;
    case 'dependency':
      return fact.name.includes('://') ? { ...fact, name: withoutSecrets(fact.name) } : fact;
    case 'project-request':
      return fact;
    default:
      return undefined;
  }
}

const URL_PARTS = /^([a-z][\w+.-]*:\/\/)(?:[^@/\s]*@)?([^?#\s]*)/i;

/** `postgres://user:secret@host/db?sslmode=require` -> `postgres://host/db`. */
export function withoutSecrets(url: string): string {
  const m = URL_PARTS.exec(url);
  return m ? `${m[1]}${m[2]}` : url;
}

export function collectProjectFacts(
  all: readonly FileFacts[],
  projectFile: string | undefined,
  suppressions: ProjectFacts['suppressions'],
): ProjectFacts {
  const files: FileFacts[] = [];
  for (const { file, facts } of all) {
    const kept = facts.map(projectFactOf).filter((f): f is Fact => f !== undefined);
    if (kept.length) files.push({ file: { path: file.path, kind: file.kind, isTest: file.isTest, text: '' }, facts: kept });
  }
  return { ...(projectFile !== undefined && { projectFile }), files, suppressions };
}

/** Suppressions that name a project rule: their fate is decided after the merge. */
export function namesProjectRule(suppression: Suppression, projectRuleIds: ReadonlySet<string>): boolean {
  return suppression.rules.some((r) => projectRuleIds.has(r));
}
