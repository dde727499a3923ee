/** The machine-readable report documented in docs/json-format.md. Field order is part of the format. */
import type { ProjectFacts } from '../core/project-facts.js';
import type { Finding, FindingCategory, ScanNotice } from '../core/types.js';
import { TOOL_NAME, countByCategory, countFindings, ruleHelpUri, selectFindings } from './common.js';
import type { ReportInput } from './types.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: Finding['severity'];
  category: FindingCategory;
  message: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  logicalLocation?: string;
  evidence: string;
  fingerprint: string;
  help: string;
  helpUri: string;
  suppression?: { kind: 'inline' | 'baseline'; justification?: string };
}

export interface JsonReport {
  version: typeof JSON_FORMAT_VERSION;
  tool: { name: string; version: string };
  summary: {
    errors: number;
    warnings: number;
    suppressed: number;
    filesWithFindings: number;
    filesScanned: number;
    filesSkipped: number;
    bytesScanned: number;
    durationMs: number;
    byCategory: Partial<Record<FindingCategory, number>>;
    byRule: Record<string, number>;
  };
  findings: JsonFinding[];
  notices: ScanNotice[];
  /** Only in `--shard` reports: what `phi-scan merge` needs to run the project rules. */
  projectFacts?: ProjectFacts;
}

function toJsonFinding(finding: Finding, docsBaseUrl: string): JsonFinding {
  const { location } = finding;
  return {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    path: location.path,
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    ...(location.logical !== undefined && { logicalLocation: location.logical }),
    evidence: finding.evidence,
    fingerprint: finding.fingerprint,
    help: finding.help,
    helpUri: ruleHelpUri(docsBaseUrl, finding.ruleId),
    ...(finding.suppression && {
      suppression: {
        kind: finding.suppression.kind,
        ...(finding.suppression.justification !== undefined && { justification: finding.suppression.justification }),
      },
    }),
  };
}

/** Map -> plain object with keys in ordinal order, so the output does not depend on input order. */
function sortedRecord<K extends string>(counts: Map<K, number>): Partial<Record<K, number>> {
  const keys = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, counts.get(key)])) as Partial<Record<K, number>>;
}

function sortNotices(notices: readonly ScanNotice[]): ScanNotice[] {
  const normalized = notices.map((n) => ({
    path: n.path,
    level: n.level,
    message: n.message,
    ...(n.span && { span: { line: n.span.line, column: n.span.column, endLine: n.span.endLine, endColumn: n.span.endColumn } }),
  }));
  return normalized.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      (a.span?.line ?? 0) - (b.span?.line ?? 0) ||
      (a.span?.column ?? 0) - (b.span?.column ?? 0),
  );
}

export function buildJsonReport(input: ReportInput): JsonReport {
  const totals = countFindings(input.findings);
  const unsuppressed = input.findings.filter((f) => !f.suppression);
  const byRule = new Map<string, number>();
  for (const finding of unsuppressed) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  return {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: input.toolVersion },
    summary: {
      errors: totals.errors,
      warnings: totals.warnings,
      suppressed: totals.suppressed,
      filesWithFindings: totals.files,
      filesScanned: input.stats.filesScanned,
      filesSkipped: input.stats.filesSkipped,
      bytesScanned: input.stats.bytesScanned,
      durationMs: input.stats.durationMs,
      byCategory: sortedRecord(countByCategory(unsuppressed)),
      byRule: sortedRecord(byRule) as Record<string, number>,
    },
    findings: selectFindings(input.findings, input.includeSuppressed).map((f) => toJsonFinding(f, input.docsBaseUrl)),
    notices: sortNotices(input.notices ?? []),
    ...(input.projectFacts && { projectFacts: input.projectFacts }),
  };
}

export function formatJson(input: ReportInput): string {
  return `${JSON.stringify(buildJsonReport(input), null, 2)}\n`;
}
