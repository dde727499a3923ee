/** The scan: discover -> read -> extract -> rules (file, then project) -> filters. */
import { resolve } from 'node:path';
import { rules as registry } from '../../rules/index.js';
import { createClassifier } from '../classify/index.js';
import { applyBaseline, readBaseline } from './baseline.js';
import { DEFAULT_CACHE_LOCATION, ResultCache } from './cache.js';
import { changedLinesSince, touchesChangedLine, type ChangedLines } from './changed-lines.js';
import { configDir, loadConfig, resolveRules, type PhiScanConfig } from './config.js';
import { discover, type DiscoveredFile } from './discover.js';
import type { AnalysisSetup, FileAnalysis } from './file-analysis.js';
import type { AnyRule, ProjectSettings } from './rule.js';
import { runProjectRules, type FileFacts } from './run-rules.js';
import { collectProjectFacts, namesProjectRule, PROJECT_FACT_KINDS, type ProjectFacts } from './project-facts.js';
import { redactPathsInBytes, redactScopes } from './pino-redact.js';
import { RedactIndex } from './redact-index.js';
import { PrereadFiles } from './preread.js';
import { inShard, type Shard } from './shard.js';
import type { TypeAware } from './type-aware.js';
import { applySuppressions, type Suppression } from './suppressions.js';
import type { Finding, ScanNotice, ScanStats, SeveritySetting } from './types.js';

export interface ScanOptions {
  /** Files, folders or globs; default the current directory. */
  paths?: string[];
  cwd?: string;
  /** Explicit config file; otherwise searched in the first scanned folder, then cwd. */
  configPath?: string;
  /** A config object (programmatic use); takes the place of any config file. */
  config?: PhiScanConfig;
  /** `--rule id:severity` overrides. */
  ruleOverrides?: Record<string, SeveritySetting>;
  maxFileSizeKb?: number;
  /** Report only findings on lines changed since this git ref (plus project findings a change touches). */
  changedSince?: string;
  /** Changed lines computed by the caller (the Action's fallbacks); takes the place of `changedSince`. */
  changedLines?: ChangedLines;
  /** Baseline file: findings it lists are suppressed (kind 'baseline'). Defaults to the config's `baseline`. */
  baseline?: string;
  /** tsconfig.json for type-aware analysis of TypeScript (in-process; results are not cached). */
  project?: string;
  /** Threads analysing files: the main thread and `concurrency - 1` workers (default: one per core but one; small scans stay in-process). */
  concurrency?: number;
  /** Reuse results of unchanged files from an earlier run. */
  cache?: boolean;
  /** Cache folder or file (default `.phi-scan-cache/` in cwd). */
  cacheLocation?: string;
  /** Analyse only this shard of the files; project rules are left to `phi-scan merge`. */
  shard?: Shard;
  onProgress?: (done: number, total: number) => void;
}

export interface ScanResult {
  /** Every finding, suppressed ones included (with `suppression` set). */
  findings: Finding[];
  notices: ScanNotice[];
  stats: ScanStats;
  /** The whole registry, for reporters. */
  rules: AnyRule[];
  configPath: string | undefined;
  /** Sharded runs: the facts project rules need, for `phi-scan merge`. */
  projectFacts?: ProjectFacts;
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = options.paths?.length ? options.paths : ['.'];
  const searchDirs = [resolve(cwd, paths[0] ?? '.'), cwd];
  const loaded = options.config ? { config: options.config, path: undefined } : loadConfig(options.configPath, searchDirs);
  const config = loaded.config;
  const configLabel = loaded.path ?? 'config';
  const ruleOverrides = options.ruleOverrides ?? {};
  // Validates rule ids and options up front, on the main thread, so errors are one clear message.
  const resolved = resolveRules(registry, config, ruleOverrides, configLabel);
  const classifier = createClassifier(config.vocabulary);

  const discovery = await discover(paths, {
    cwd,
    include: config.include,
    exclude: config.exclude,
    testPatterns: config.testPatterns,
  });
  const notices: ScanNotice[] = discovery.problems.map((p) => ({ path: p.path, level: 'warning', message: p.message }));
  const maxBytes = (options.maxFileSizeKb ?? config.maxFileSizeKb ?? 1024) * 1024;
  const preread = new PrereadFiles(maxBytes);
  const codeFiles = discovery.files.filter((f) => f.kind === 'typescript').map((f) => f.absolute);
  // With --cache, unchanged code files answer the redact pass from an index instead of being read.
  const redactIndex = options.cache ? RedactIndex.at(resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION)) : undefined;
  const settings: ProjectSettings = {
    sanitizers: config.sanitizers ?? [],
    projectFile: projectFileOf(discovery.files, loaded.path, cwd),
    redactScopes: redactScopes(codeFiles, cwd, (absolute) => (redactIndex ? redactIndex.pathsOf(absolute, preread) : redactPathsInBytes(preread.read(absolute)))),
  };
  redactIndex?.save();
  const setup: AnalysisSetup = { config, configLabel, ruleOverrides, settings, maxBytes };
  const shard = options.shard;
  const files = shard ? discovery.files.filter((f) => inShard(f.path, shard)) : discovery.files;
  // The analysers (TypeScript, libpg-query) load only when something is left to analyse: a warm
  // cached run never needs them.
  const typeAware = options.project ? (await import('./type-aware.js')).loadTypeAware(options.project, cwd, classifier) : undefined;
  const analyses = await analyseWithCache(files, setup, options, notices, cwd, typeAware, preread);

  // A shard counts only its own files, so the stats of merged shards add up to an unsharded run's.
  const stats: ScanStats = { filesScanned: 0, filesSkipped: 0, bytesScanned: 0, durationMs: 0 };
  const all: FileFacts[] = [];
  const findings: Finding[] = [];
  const suppressionsByPath = new Map<string, Suppression[]>();
  for (const analysis of analyses) {
    if (!analysis) {
      stats.filesSkipped++;
      continue;
    }
    stats.bytesScanned += analysis.bytes;
    if (analysis.read) stats.filesScanned++;
    else stats.filesSkipped++;
    all.push({ file: analysis.file, facts: analysis.facts });
    findings.push(...analysis.findings);
    // Suppression state is per run: cached entries must not carry `used` from an earlier one.
    suppressionsByPath.set(analysis.file.path, analysis.suppressions.map((s) => ({ ...s, used: false })));
  }

  if (!shard) findings.push(...runProjectRules(resolved, all, { classifier, settings, notices }));

  const byPath = groupBy(findings, (f) => f.location.path);
  const deferred: ProjectFacts['suppressions'] = [];
  for (const [path, suppressions] of suppressionsByPath) {
    if (!suppressions.length) continue;
    const fileNotices = applySuppressions(path, suppressions, byPath.get(path) ?? [], knownRuleIds);
    // A shard has no project findings yet: `phi-scan merge` judges suppressions that name a project rule.
    const later = shard ? suppressions.filter((s) => namesProjectRule(s, projectRuleIds)) : [];
    if (later.length) deferred.push({ path, suppressions: later });
    notices.push(...(later.length ? fileNotices.filter((n) => !later.some((s) => n.span?.line === s.line && n.span.column === s.column)) : fileNotices));
  }
  const baselinePath = options.baseline ?? (config.baseline ? resolve(configDir(loaded, cwd), config.baseline) : undefined);
  if (baselinePath) {
    const stale = applyBaseline(readBaseline(baselinePath), findings, baselinePath);
    // One shard sees only part of the findings, so it cannot tell which baseline entries are stale.
    if (!shard) notices.push(...stale);
  }
  const changed = options.changedLines ?? (options.changedSince ? changedLinesSince(options.changedSince, cwd) : undefined);
  const reported = changed ? onChangedLines(findings, all, changed) : findings;

  stats.durationMs = Math.round(performance.now() - started);
  return {
    findings: sortFindings(reported),
    notices,
    stats,
    rules: registry,
    configPath: loaded.path,
    projectFacts: shard ? collectProjectFacts(all, settings.projectFile, deferred) : undefined,
  };
}

const knownRuleIds = new Set(registry.map((r) => r.id));
const projectRuleIds: ReadonlySet<string> = new Set(registry.filter((r) => r.scope === 'project').map((r) => r.id));

async function analyseWithCache(
  files: readonly DiscoveredFile[],
  setup: AnalysisSetup,
  options: ScanOptions,
  notices: ScanNotice[],
  cwd: string,
  typeAware: TypeAware | undefined,
  preread: PrereadFiles,
): Promise<(FileAnalysis | undefined)[]> {
  // Type-aware results depend on other files' types, so they are never cached.
  const cache = options.cache && !typeAware ? ResultCache.at(resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION), setup) : undefined;
  const results = new Array<FileAnalysis | undefined>(files.length);
  const misses: { index: number; hash: string | undefined }[] = [];
  files.forEach((file, index) => {
    const cached = cache?.lookup(file, preread.stats.get(file.absolute));
    if (cached?.hit) results[index] = cached.analysis;
    else misses.push({ index, hash: cached?.hash });
  });
  let done = files.length - misses.length;
  const fresh = misses.length === 0
    ? []
    : await (await import('./pool.js')).analyseAll(
        misses.map((m) => files[m.index]!),
        setup,
        options.concurrency,
        () => options.onProgress?.(++done, files.length),
        typeAware,
        preread,
      );
  misses.forEach((miss, k) => {
    results[miss.index] = fresh[k];
    cache?.store(files[miss.index]!.path, miss.hash, fresh[k]);
  });
  const problem = cache?.save();
  if (problem) notices.push({ path: options.cacheLocation ?? DEFAULT_CACHE_LOCATION, level: 'warning', message: problem });
  return results;
}

export { PROJECT_FACT_KINDS };

/** Project-level findings attach to the config file, else the root package.json. */
function projectFileOf(files: readonly DiscoveredFile[], configPath: string | undefined, cwd: string): string | undefined {
  if (configPath) return files.find((f) => f.absolute === configPath)?.path ?? relativeOrSelf(configPath, cwd);
  const packages = files.filter((f) => f.kind === 'package-json').sort((a, b) => a.path.length - b.path.length);
  return packages[0]?.path;
}

function relativeOrSelf(path: string, cwd: string): string {
  return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
}

/** File findings on changed lines; project findings when their file or a file with project facts changed. */
function onChangedLines(findings: readonly Finding[], all: readonly FileFacts[], changed: ChangedLines): Finding[] {
  const projectInputChanged = all.some(
    (f) => changed.files.has(f.file.path) && f.facts.some((fact) => PROJECT_FACT_KINDS.has(fact.kind)),
  );
  const projectRules = new Set(registry.filter((r) => r.scope === 'project').map((r) => r.id));
  return findings.filter((f) =>
    projectRules.has(f.ruleId)
      ? projectInputChanged || changed.files.has(f.location.path)
      : touchesChangedLine(changed, f.location.path, f.location.line, f.location.endLine),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : 0) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

