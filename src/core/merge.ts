/**
 * `phi-scan merge`: joins the reports of `--shard` runs (json or sarif) into the result of one
 * unsharded run. File findings and notices are concatenated; project rules run once, on the
 * project facts every shard carried, and inline suppressions naming them are judged here.
 */
import { readFileSync } from 'node:fs';
import { rules as registry } from '../../rules/index.js';
import type { Classifier } from '../classify/types.js';
import { applyBaseline, readBaseline } from './baseline.js';
import type { ResolvedRule } from './config.js';
import type { JsonFinding } from '../report/json.js';
import { UsageError } from './errors.js';
import type { ProjectFacts } from './project-facts.js';
import type { ProjectSettings } from './rule.js';
import { runProjectRules, type FileFacts } from './run-rules.js';
import { applySuppressions, type Suppression } from './suppressions.js';
import type { Finding, FindingCategory, ScanNotice, ScanStats, Span } from './types.js';

export interface ShardReport {
  path: string;
  format: 'json' | 'sarif';
  findings: Finding[];
  notices: ScanNotice[];
  stats: ScanStats;
  projectFacts: ProjectFacts | undefined;
}

export interface MergeInput {
  rules: readonly ResolvedRule[];
  classifier: Classifier;
  sanitizers: string[];
  /** Baseline applied to the project findings (shards applied it to theirs). */
  baseline?: string;
}

export interface MergeResult {
  findings: Finding[];
  notices: ScanNotice[];
  stats: ScanStats;
  /**
   * SARIF inputs carry only a hash of each finding's fingerprint; the SARIF writer maps these
   * hashes back to themselves so merged alerts keep the identity they had in the shard.
   */
  sarifHashes: ReadonlySet<string>;
}

const knownRuleIds: ReadonlySet<string> = new Set(registry.map((r) => r.id));

export function mergeShardReports(reports: readonly ShardReport[], input: MergeInput): MergeResult {
  const missing = reports.filter((r) => !r.projectFacts).map((r) => r.path);
  if (missing.length) {
    throw new UsageError(`${missing.join(', ')}: not a --shard report (no projectFacts); merge the json or sarif output of \`phi-scan --shard i/n\` runs`);
  }
  const facts = reports.flatMap((r) => r.projectFacts!.files);
  const projectFile = reports.map((r) => r.projectFacts!.projectFile).find((p) => p !== undefined);
  const settings: ProjectSettings = { sanitizers: input.sanitizers, projectFile };
  const notices: ScanNotice[] = reports.flatMap((r) => r.notices);
  const projectFindings = runProjectRules(input.rules, uniqueFiles(facts), { classifier: input.classifier, settings, notices });

  const byPath = new Map<string, Finding[]>();
  for (const f of projectFindings) byPath.set(f.location.path, [...(byPath.get(f.location.path) ?? []), f]);
  for (const { path, suppressions } of reports.flatMap((r) => r.projectFacts!.suppressions)) {
    notices.push(...applySuppressions(path, suppressions.map(asSuppression), byPath.get(path) ?? [], knownRuleIds));
  }
  if (input.baseline) applyBaseline(readBaseline(input.baseline), projectFindings, input.baseline);

  const sarifHashes = new Set(reports.filter((r) => r.format === 'sarif').flatMap((r) => r.findings.map((f) => f.fingerprint)));
  return {
    findings: [...reports.flatMap((r) => r.findings), ...projectFindings],
    notices: uniqueNotices(notices),
    stats: sumStats(reports.map((r) => r.stats)),
    sarifHashes,
  };
}

/** The same file in two reports (the same shard passed twice) counts once. */
function uniqueFiles(files: readonly FileFacts[]): FileFacts[] {
  const byPath = new Map<string, FileFacts>();
  for (const f of files) if (!byPath.has(f.file.path)) byPath.set(f.file.path, f);
  return [...byPath.values()];
}

/** Discovery problems and cache warnings are reported by every shard: once is enough. */
function uniqueNotices(notices: readonly ScanNotice[]): ScanNotice[] {
  const seen = new Set<string>();
  return notices.filter((n) => {
    const key = `${n.path}\0${n.level}\0${n.message}\0${n.span?.line ?? ''}:${n.span?.column ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sumStats(all: readonly ScanStats[]): ScanStats {
  return {
    filesScanned: all.reduce((n, s) => n + s.filesScanned, 0),
    filesSkipped: all.reduce((n, s) => n + s.filesSkipped, 0),
    bytesScanned: all.reduce((n, s) => n + s.bytesScanned, 0),
    // Shards run side by side: the slowest one is the wall time.
    durationMs: all.reduce((n, s) => Math.max(n, s.durationMs), 0),
  };
}

function asSuppression(s: Suppression): Suppression {
  return { scope: s.scope, rules: [...s.rules], reason: s.reason, line: s.line, column: s.column, used: Boolean(s.used) };
}

/** Reads one shard report, json or sarif, told apart by content. */
export function readShardReport(path: string): ShardReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `Report not found: ${path}` : `${path} is not readable JSON: ${(error as Error).message}`);
  }
  const record = data as Record<string, unknown>;
  if (Array.isArray(record?.runs)) return fromSarif(path, record as unknown as SarifInput);
  if (Array.isArray(record?.findings) && record.summary) return fromJson(path, record as unknown as JsonInput);
  throw new UsageError(`${path} is neither a phi-scan json report nor a SARIF log`);
}

/** A shard's `-f json` report, as documented in docs/json-format.md (helpUri is not needed here). */
interface JsonInput {
  summary: Pick<ScanStats, 'filesScanned' | 'filesSkipped' | 'bytesScanned' | 'durationMs'>;
  findings: Omit<JsonFinding, 'helpUri'>[];
  notices?: ScanNotice[];
  projectFacts?: ProjectFacts;
}

function fromJson(path: string, report: JsonInput): ShardReport {
  const findings = report.findings.map(
    (f): Finding => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      message: f.message,
      severity: f.severity,
      category: f.category,
      location: {
        path: f.path,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        ...(f.logicalLocation !== undefined && { logical: f.logicalLocation }),
      },
      evidence: f.evidence,
      fingerprint: f.fingerprint,
      help: f.help,
      ...(f.suppression && { suppression: f.suppression }),
    }),
  );
  const { filesScanned, filesSkipped, bytesScanned, durationMs } = report.summary;
  return { path, format: 'json', findings, notices: report.notices ?? [], stats: { filesScanned, filesSkipped, bytesScanned, durationMs }, projectFacts: report.projectFacts };
}

interface SarifRegionInput {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface SarifLocationInput {
  physicalLocation?: { artifactLocation?: { uri?: string }; region?: SarifRegionInput };
  logicalLocations?: { fullyQualifiedName?: string }[];
}
interface SarifInput {
  runs: {
    tool?: { driver?: { name?: string } };
    results?: {
      ruleId: string;
      level?: string;
      message?: { text?: string };
      locations?: SarifLocationInput[];
      fingerprints?: Record<string, string>;
      suppressions?: { kind?: string; justification?: string }[];
      properties?: { category?: FindingCategory; messageId?: string };
    }[];
    invocations?: { toolExecutionNotifications?: { descriptor?: { id?: string }; level?: string; message?: { text?: string }; locations?: SarifLocationInput[] }[] }[];
    properties?: { phiScan?: { projectFacts?: ProjectFacts } };
  }[];
}

const SCAN_NOTICE_ID = 'phi-scan/scan-notice';
const FINGERPRINT_KEY = 'phiScan/v1';
const helpOf = new Map(registry.map((r) => [r.id, r.meta.help]));

function fromSarif(path: string, log: SarifInput): ShardReport {
  const run = log.runs[0];
  if (log.runs.length !== 1 || run?.tool?.driver?.name !== 'phi-scan') throw new UsageError(`${path}: expected one phi-scan run in the SARIF log`);
  const findings: Finding[] = [];
  const notices: ScanNotice[] = [];
  for (const r of run.results ?? []) findings.push(findingFromSarif(r.ruleId, r.level, r.message?.text, r.locations?.[0], r));
  for (const n of run.invocations?.[0]?.toolExecutionNotifications ?? []) {
    const location = n.locations?.[0];
    if (n.descriptor?.id === SCAN_NOTICE_ID) {
      const span = location?.physicalLocation?.region;
      notices.push({
        path: uriPath(location?.physicalLocation?.artifactLocation?.uri),
        level: n.level === 'error' || n.level === 'note' ? n.level : 'warning',
        message: n.message?.text ?? '',
        ...(span && { span: spanOf(span) }),
      });
    } else if (n.descriptor?.id) {
      findings.push(findingFromSarif(n.descriptor.id, n.level, n.message?.text, location, { properties: { category: 'scanner', messageId: 'partial' } }));
    }
  }
  // SARIF does not carry stats; only the count of files with findings is known.
  const stats = { filesScanned: 0, filesSkipped: 0, bytesScanned: 0, durationMs: 0 };
  return { path, format: 'sarif', findings, notices, stats, projectFacts: run.properties?.phiScan?.projectFacts };
}

function findingFromSarif(
  ruleId: string,
  level: string | undefined,
  message: string | undefined,
  location: SarifLocationInput | undefined,
  extra: { fingerprints?: Record<string, string>; suppressions?: { kind?: string; justification?: string }[]; properties?: { category?: FindingCategory; messageId?: string } },
): Finding {
  const suppression = extra.suppressions?.[0];
  const logical = location?.logicalLocations?.[0]?.fullyQualifiedName;
  return {
    ruleId,
    messageId: extra.properties?.messageId ?? '',
    message: message ?? '',
    severity: level === 'error' ? 'error' : 'warning',
    category: extra.properties?.category ?? 'scanner',
    location: {
      path: uriPath(location?.physicalLocation?.artifactLocation?.uri),
      ...spanOf(location?.physicalLocation?.region ?? {}),
      ...(logical !== undefined && { logical: logicalPath(logical) }),
    },
    // SARIF carries no evidence (no source text is copied into it).
    evidence: '',
    fingerprint: extra.fingerprints?.[FINGERPRINT_KEY] ?? '',
    help: helpOf.get(ruleId) ?? '',
    ...(suppression && {
      suppression: {
        kind: suppression.kind === 'inSource' ? 'inline' : 'baseline',
        ...(suppression.justification !== undefined && { justification: suppression.justification }),
      },
    }),
  };
}

function spanOf(region: SarifRegionInput): Span {
  const line = region.startLine ?? 1;
  const column = region.startColumn ?? 1;
  return { line, column, endLine: region.endLine ?? line, endColumn: region.endColumn ?? column };
}

function uriPath(uri: string | undefined): string {
  if (!uri) return '';
  return uri.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }).join('/');
}

/** `db.public."a.b".ssn` -> `db/public/a.b/ssn` (the reporter's quoting, undone). */
function logicalPath(qualified: string): string {
  const parts: string[] = [];
  for (const m of qualified.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)) parts.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
  return parts.join('/');
}
