/** The scan: discover -> read -> extract -> rules (file, then project) -> suppressions. */
import { resolve } from 'node:path';
import { rules as registry } from '../../rules/index.js';
import { createClassifier } from '../classify/index.js';
import { extractFacts, hasExtractor, unreadProblem } from './analyze.js';
import { loadConfig, resolveRules, type PhiScanConfig, type ResolvedRule } from './config.js';
import { discover, type DiscoveredFile } from './discover.js';
import type { Fact } from './facts.js';
import { confirmKind } from './kinds.js';
import { readSourceFile } from './read.js';
import type { AnyRule, ProjectSettings } from './rule.js';
import { runFileRules, runProjectRules, type FileFacts } from './run-rules.js';
import { applySuppressions, parseSuppressions } from './suppressions.js';
import { FILE_START, LineIndex } from './text.js';
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
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = options.paths?.length ? options.paths : ['.'];
  const searchDirs = [resolve(cwd, paths[0] ?? '.'), cwd];
  const loaded = options.config ? { config: options.config, path: undefined } : loadConfig(options.configPath, searchDirs);
  const config = loaded.config;
  const resolved = resolveRules(registry, config, options.ruleOverrides ?? {}, loaded.path ?? 'config');
  const classifier = createClassifier(config.vocabulary);
  const maxBytes = (options.maxFileSizeKb ?? config.maxFileSizeKb ?? 1024) * 1024;

  const discovery = await discover(paths, {
    cwd,
    include: config.include,
    exclude: config.exclude,
    testPatterns: config.testPatterns,
  });
  const notices: ScanNotice[] = discovery.problems.map((p) => ({ path: p.path, level: 'warning', message: p.message }));
  const settings: ProjectSettings = {
    sanitizers: config.sanitizers ?? [],
    projectFile: projectFileOf(discovery.files, loaded.path, cwd),
  };
  const knownRules = new Set(registry.map((r) => r.id));
  const stats: ScanStats = { filesScanned: 0, filesSkipped: 0, bytesScanned: 0, durationMs: 0 };
  const all: FileFacts[] = [];
  const findings: Finding[] = [];
  const suppressionsByPath = new Map<string, ReturnType<typeof parseSuppressions>>();

  let done = 0;
  for (const file of discovery.files) {
    const analysed = await analyseFile(file, maxBytes, resolved, classifier, settings);
    done++;
    options.onProgress?.(done, discovery.files.length);
    if (!analysed) {
      stats.filesSkipped++;
      continue;
    }
    stats.bytesScanned += analysed.bytes;
    if (analysed.read) stats.filesScanned++;
    else stats.filesSkipped++;
    all.push(analysed.fileFacts);
    findings.push(...analysed.findings);
    suppressionsByPath.set(file.path, analysed.suppressions);
  }

  findings.push(...runProjectRules(resolved, all, { classifier, settings }));

  const byPath = groupBy(findings, (f) => f.location.path);
  for (const [path, suppressions] of suppressionsByPath) {
    if (suppressions.length) notices.push(...applySuppressions(path, suppressions, byPath.get(path) ?? [], knownRules));
  }

  stats.durationMs = Math.round(performance.now() - started);
  return { findings: sortFindings(findings), notices, stats, rules: registry, configPath: loaded.path };
}

interface AnalysedFile {
  fileFacts: FileFacts;
  findings: Finding[];
  suppressions: ReturnType<typeof parseSuppressions>;
  bytes: number;
  read: boolean;
}

async function analyseFile(
  file: DiscoveredFile,
  maxBytes: number,
  rules: readonly ResolvedRule[],
  classifier: ReturnType<typeof createClassifier>,
  settings: ProjectSettings,
): Promise<AnalysedFile | undefined> {
  if (!hasExtractor(file.kind)) return undefined;
  const read = readSourceFile(file.absolute, maxBytes);
  const ruleFile = { path: file.path, kind: file.kind, isTest: file.isTest, text: read.ok ? read.text : '' };
  let facts: Fact[];
  if (!read.ok) {
    facts = [unreadProblem(read.reason)];
  } else {
    const kind = confirmKind(file.kind, file.path, read.text);
    if (!kind) return undefined;
    const text = read.text.replace(/^\uFEFF/, '');
    ruleFile.text = text;
    facts = await extractFacts({ path: file.path, kind, text }, {});
    if (read.warning) facts.push({ ...unreadProblem(read.warning), stillScanned: 'the whole file, with replacement characters' });
  }
  const fileFacts = { file: ruleFile, facts };
  const findings = runFileRules(rules, fileFacts, { classifier, settings });
  const suppressions = read.ok ? parseSuppressions(ruleFile.text, new LineIndex(ruleFile.text)) : [];
  return { fileFacts, findings, suppressions, bytes: read.bytes, read: read.ok };
}

/** Project-level findings attach to the config file, else the root package.json. */
function projectFileOf(files: readonly DiscoveredFile[], configPath: string | undefined, cwd: string): string | undefined {
  if (configPath) return files.find((f) => f.absolute === configPath)?.path ?? relativeOrSelf(configPath, cwd);
  const packages = files.filter((f) => f.kind === 'package-json').sort((a, b) => a.path.length - b.path.length);
  return packages[0]?.path;
}

function relativeOrSelf(path: string, cwd: string): string {
  return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
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

export { FILE_START };
