/**
 * An ESLint formatter that writes the phi rules' findings as SARIF 2.1.0 for GitHub code
 * scanning, with the same rule metadata, fingerprints and masking as `phi-scan -f sarif`:
 *
 *   npx eslint -f ./node_modules/phi-scan/lib/src/eslint/sarif-formatter.js -o phi.sarif .
 *
 * Only `phi/*` messages become results (other rules' messages are not PHI findings); files
 * ESLint could not parse become tool notifications.
 */
import { relative, resolve, sep } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { rules as registry } from '../../rules/index.js';
import { fingerprintOf } from '../core/fingerprint.js';
import type { Finding, FindingCategory, ScanNotice } from '../core/types.js';
import { buildSarif } from '../report/sarif.js';
import { DOCS_BASE_URL, PLUGIN_VERSION } from './meta.js';

const byId = new Map(registry.map((rule) => [rule.id, rule]));
const UNKNOWN_CATEGORY = 'scanner' satisfies FindingCategory;

interface FormatterContext {
  cwd?: string;
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

function findingOf(message: Linter.LintMessage, path: string, suppressed: boolean, occurrences: Map<string, number>): Finding | undefined {
  const rule = message.ruleId ? byId.get(message.ruleId) : undefined;
  if (!rule || !message.ruleId) return undefined;
  const context = `${message.messageId ?? ''}\0${message.message}`;
  const key = `${message.ruleId}\0${path}\0${context}`;
  const occurrence = occurrences.get(key) ?? 0;
  occurrences.set(key, occurrence + 1);
  const line = message.line;
  const column = message.column;
  const justification = (message as Linter.SuppressedLintMessage).suppressions?.find((s) => s.justification)?.justification;
  return {
    ruleId: message.ruleId,
    messageId: message.messageId ?? '',
    message: message.message,
    severity: message.severity === 2 ? 'error' : 'warning',
    // ESLint messages carry no category: the rule's declared one; for the others it is removed below.
    category: rule.meta.categories?.[0] ?? UNKNOWN_CATEGORY,
    location: { path, line, column, endLine: message.endLine ?? line, endColumn: message.endColumn ?? column },
    evidence: '',
    fingerprint: fingerprintOf(message.ruleId, path, context, occurrence),
    help: rule.meta.help,
    ...(suppressed ? { suppression: { kind: 'inline' as const, ...(justification ? { justification } : {}) } } : {}),
  };
}

export function toSarifLog(results: readonly ESLint.LintResult[], cwd: string) {
  const findings: Finding[] = [];
  const notices: ScanNotice[] = [];
  for (const result of results) {
    const path = toPosix(relative(cwd, result.filePath));
    const occurrences = new Map<string, number>();
    for (const message of result.messages) {
      if (message.fatal) {
        notices.push({ path, level: 'error', message: `ESLint could not parse the file: ${message.message}`, span: { line: message.line, column: message.column, endLine: message.line, endColumn: message.column } });
        continue;
      }
      const finding = findingOf(message, path, false, occurrences);
      if (finding) findings.push(finding);
    }
    for (const message of result.suppressedMessages ?? []) {
      const finding = findingOf(message, path, true, occurrences);
      if (finding) findings.push(finding);
    }
  }
  const log = buildSarif({
    findings,
    rules: registry,
    stats: { filesScanned: results.length, filesSkipped: 0, bytesScanned: 0, durationMs: 0 },
    toolVersion: PLUGIN_VERSION,
    docsBaseUrl: DOCS_BASE_URL,
    notices,
    srcRoot: cwd,
  });
  for (const result of log.runs[0].results) {
    if (!byId.get(result.ruleId)?.meta.categories?.length) delete (result.properties as { category?: string }).category;
  }
  return log;
}

export default function formatSarif(results: ESLint.LintResult[], context?: FormatterContext): string {
  return `${JSON.stringify(toSarifLog(results, resolve(context?.cwd ?? process.cwd())), null, 2)}\n`;
}
