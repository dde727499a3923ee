/**
 * `phi-scan db`: a live PostgreSQL catalog (never its rows) read into facts and run through the
 * same rules as files. Front ends: the CLI's `db` command and `inventory` with a connection string.
 */
import { resolve } from 'node:path';
import { rules as registry } from '../../rules/index.js';
import { createClassifier, defaultClassifier } from '../classify/index.js';
import { maskSpans } from '../classify/mask.js';
import type { Classifier } from '../classify/types.js';
import { loadConfig, resolveRules, type PhiScanConfig } from '../core/config.js';
import type { ScanResult } from '../core/engine.js';
import type { ProjectSettings } from '../core/rule.js';
import { runFileRules, runProjectRules, type FileFacts } from '../core/run-rules.js';
import type { ScanNotice, SeveritySetting } from '../core/types.js';
import { sortFindings } from '../report/common.js';
import { factsFromCatalog } from './catalog-facts.js';
import { DbError, describeDbError } from './errors.js';
import { readCatalog, type CatalogSnapshot } from './queries.js';
import { withReadOnlySession } from './session.js';
import { parseConnectionString, redact } from './target.js';

export { DbError } from './errors.js';
export type { CatalogSnapshot } from './queries.js';

import { DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_STATEMENT_TIMEOUT_SECONDS } from './defaults.js';

export { DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_STATEMENT_TIMEOUT_SECONDS };

export interface CatalogOptions {
  /** Schemas to read (globs: `tenant_*`); default every schema but the system ones. */
  schemas?: string[];
  excludeSchemas?: string[];
  /** The classifier that masks names in logical locations and messages; default the built-in vocabulary. */
  classifier?: Classifier;
  connectTimeoutSeconds?: number;
  statementTimeoutSeconds?: number;
}

export interface CatalogRead {
  /** The masked `postgres://host:port/db`: the pseudo-file path of every finding. */
  target: string;
  snapshot: CatalogSnapshot;
}

/** Connects read-only and runs the catalog queries. Throws DbError with a one-line, password-free message. */
export async function readDatabaseCatalog(url: string, options: CatalogOptions = {}): Promise<CatalogRead> {
  const classifier = options.classifier ?? defaultClassifier();
  const maskName = (name: string) => maskSpans(name, classifier.findValuesInIdentifier(name));
  const target = parseConnectionString(url, maskName);
  const secrets = [...target.secrets, url.trim()];
  const clean = (text: string) => {
    const redacted = redact(text, secrets);
    return maskSpans(redacted, classifier.findValues(redacted, { context: 'generic' }));
  };
  const timeouts = {
    connectTimeoutSeconds: options.connectTimeoutSeconds ?? target.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS,
    statementTimeoutSeconds: options.statementTimeoutSeconds ?? DEFAULT_STATEMENT_TIMEOUT_SECONDS,
  };
  const filter = { schemas: options.schemas ?? [], excludeSchemas: options.excludeSchemas ?? [] };
  try {
    const snapshot = await withReadOnlySession(target, timeouts, (client) => readCatalog(client, filter));
    return { target: target.display, snapshot };
  } catch (error) {
    const user = target.client.user;
    throw new DbError(describeDbError(error, { display: target.display, ...(user ? { user: maskName(user) } : {}), ...timeouts, clean }));
  }
}

/** The catalog as facts, one pseudo-file per database: what `phi-scan inventory <url>` reads. */
export async function catalogFacts(url: string, options: CatalogOptions = {}): Promise<FileFacts[]> {
  const classifier = options.classifier ?? defaultClassifier();
  const { target, snapshot } = await readDatabaseCatalog(url, { ...options, classifier });
  return [catalogFileFacts(target, snapshot, classifier)];
}

export function catalogFileFacts(target: string, snapshot: CatalogSnapshot, classifier: Classifier): FileFacts {
  return { file: { path: target, kind: 'catalog', isTest: false, text: '' }, facts: factsFromCatalog(snapshot, classifier) };
}

export interface DbScanOptions extends Omit<CatalogOptions, 'classifier'> {
  url: string;
  cwd?: string;
  /** Explicit config file; otherwise phi-scan.config.json, .phi-scanrc.json or package.json in cwd. */
  configPath?: string;
  /** A config object (programmatic use); takes the place of any config file. */
  config?: PhiScanConfig;
  ruleOverrides?: Record<string, SeveritySetting>;
}

/** Reads the catalog and runs every rule over it: the same findings a migration with these objects would get. */
export async function scanDatabase(options: DbScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const loaded = options.config ? { config: options.config, path: undefined } : loadConfig(options.configPath, [cwd]);
  const resolved = resolveRules(registry, loaded.config, options.ruleOverrides ?? {}, loaded.path ?? 'config');
  const classifier = createClassifier(loaded.config.vocabulary);

  const { target, snapshot } = await readDatabaseCatalog(options.url, { ...options, classifier });
  const files = [catalogFileFacts(target, snapshot, classifier)];
  const settings: ProjectSettings = { sanitizers: loaded.config.sanitizers ?? [], projectFile: target };
  const input = { classifier, settings };
  const findings = [...files.flatMap((f) => runFileRules(resolved, f, input)), ...runProjectRules(resolved, files, input)];

  return {
    findings: sortFindings(findings),
    notices: filterNotices(target, snapshot, options),
    stats: { filesScanned: files.length, filesSkipped: 0, bytesScanned: 0, durationMs: Math.round(performance.now() - started) },
    rules: registry,
    configPath: loaded.path,
  };
}

/** `--schema` that matched nothing is a typo more often than an empty database. */
function filterNotices(target: string, snapshot: CatalogSnapshot, options: CatalogOptions): ScanNotice[] {
  if (!options.schemas?.length || snapshot.objects.some((o) => o.kind === 'schema')) return [];
  return [{ path: target, level: 'warning', message: `no schema matched --schema ${options.schemas.join(', ')} (system schemas are never read)` }];
}
