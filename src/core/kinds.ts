/** Which extractor reads a file, decided by its path (and, for `.conf`, by a peek at its text). */
import type { FileKind } from '../extract/types.js';

const BY_EXTENSION: Record<string, FileKind> = {
  sql: 'sql',
  psql: 'sql',
  pgsql: 'sql',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'typescript',
  jsx: 'typescript',
  mjs: 'typescript',
  cjs: 'typescript',
  prisma: 'prisma',
  hbs: 'template',
  handlebars: 'template',
  mustache: 'template',
  ejs: 'template',
  liquid: 'template',
  mjml: 'template',
  html: 'template',
  htm: 'template',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  yml: 'yaml',
  yaml: 'yaml',
  json: 'json',
  toml: 'toml',
};

const HELPDESK_PATH = /(^|\/)(zendesk|freshdesk|intercom|help-?scout|helpdesk|macros|canned[-_]responses|saved[-_]replies)(\/|$)/i;
const ISSUE_TEMPLATE_PATH = /(^|\/)\.github\/ISSUE_TEMPLATE\/[^/]+\.(ya?ml|md)$/i;

/** Lock files and package-manager loaders: generated, large, and never where PHI is written. */
const LOCK_AND_GENERATED_FILES: ReadonlySet<string> = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'deno.lock',
  'composer.lock',
  '.pnp.cjs',
  '.pnp.loader.mjs',
]);

/** The kind of a file from its relative path, or undefined when phi-scan does not read it. */
export function kindOfPath(path: string): FileKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (ISSUE_TEMPLATE_PATH.test(path)) return 'issue-form';
  if (lower === 'package.json') return 'package-json';
  if (LOCK_AND_GENERATED_FILES.has(lower)) return undefined;
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) return 'env';
  if (lower === 'postgresql.conf' || lower === 'postgresql.auto.conf') return 'postgresql-conf';
  if (lower.endsWith('.d.ts') || lower.endsWith('.min.js') || lower.endsWith('.map')) return undefined;
  const dot = lower.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ext = lower.slice(dot + 1);
  if (ext === 'conf') return 'postgresql-conf';
  const kind = BY_EXTENSION[ext];
  if ((kind === 'json' || kind === 'yaml') && HELPDESK_PATH.test(path)) return 'helpdesk';
  return kind;
}

// [ \t], not \s (with the m flag \s* runs over every following blank line), and no two adjacent optional runs.
const POSTGRES_SETTING = /^[ \t]*(?:#[ \t]*)?(log_|pgaudit\.|auto_explain\.|idle_|shared_preload_libraries|listen_addresses|max_connections|statement_timeout)/m;

/** A `.conf` file is read as postgresql.conf only when it holds PostgreSQL settings. */
export function confirmKind(kind: FileKind, path: string, text: string): FileKind | undefined {
  if (kind === 'postgresql-conf' && !/postgresql(\.auto)?\.conf$/i.test(path)) {
    return POSTGRES_SETTING.test(text) ? kind : undefined;
  }
  return kind;
}

const TEST_PATH = /(^|\/)(test|tests|__tests__|spec|specs|e2e|fixtures?|__fixtures__|__mocks__|mocks|testdata|test-data)(\/)|\.(test|spec)\.[^/]+$/i;

/** Test files and fixtures may hold fake PHI on purpose. */
export function isTestPath(relativeToRoot: string): boolean {
  return TEST_PATH.test(relativeToRoot);
}
