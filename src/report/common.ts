/** Helpers shared by the reporters: rule lookup, ordering, counting. Pure functions only. */
import type { AnyRule } from '../core/rule.js';
import type { Finding, FindingCategory, Severity } from '../core/types.js';

export const TOOL_NAME = 'phi-scan';
export const DEFAULT_INFORMATION_URI = 'https://github.com/phi-scan/phi-scan';

/** Rules whose findings describe the scan itself, not the code: SARIF notifications, never alerts. */
export const NOTIFICATION_RULE_IDS: ReadonlySet<string> = new Set(['phi/parse-error']);

/** `phi/schema-comment` -> `schema-comment`: the rule's doc page name. */
export function ruleDocName(ruleId: string): string {
  const slash = ruleId.lastIndexOf('/');
  return slash === -1 ? ruleId : ruleId.slice(slash + 1);
}

export function ruleHelpUri(docsBaseUrl: string, ruleId: string): string {
  return `${docsBaseUrl.replace(/(?<!\/)\/+$/, '')}/${ruleDocName(ruleId)}.md`;
}

export function indexRules(rules: readonly AnyRule[]): Map<string, AnyRule> {
  return new Map(rules.map((rule) => [rule.id, rule]));
}

/** Ordinal (not locale) comparison, so output is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.location.path, b.location.path) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    compareText(a.ruleId, b.ruleId) ||
    a.location.endLine - b.location.endLine ||
    a.location.endColumn - b.location.endColumn ||
    compareText(a.messageId, b.messageId) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** The findings a reporter shows: unsuppressed ones, or all when asked. Sorted. */
export function selectFindings(findings: readonly Finding[], includeSuppressed = false): Finding[] {
  return sortFindings(includeSuppressed ? findings : findings.filter((f) => !f.suppression));
}

export interface Totals {
  errors: number;
  warnings: number;
  suppressed: number;
  files: number;
}

export function countFindings(findings: readonly Finding[]): Totals {
  let errors = 0;
  let warnings = 0;
  let suppressed = 0;
  const files = new Set<string>();
  for (const finding of findings) {
    if (finding.suppression) {
      suppressed++;
      continue;
    }
    if (finding.severity === 'error') errors++;
    else warnings++;
    files.add(finding.location.path);
  }
  return { errors, warnings, suppressed, files: files.size };
}

export function countBy<K>(items: readonly Finding[], key: (finding: Finding) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function countByCategory(findings: readonly Finding[]): Map<FindingCategory, number> {
  return countBy(findings, (f) => f.category);
}

export function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

export function severityRank(severity: Severity): number {
  return severity === 'error' ? 0 : 1;
}

/** One-line description of a rule, or the rule id when the rule is unknown. */
export function ruleDescription(rule: AnyRule | undefined, ruleId: string): string {
  return rule?.meta.docs.description ?? rule?.meta.description ?? ruleId;
}

// C0/C1 control characters other than tab: a file name or message must not drive the terminal.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Replaces control characters (ANSI escapes, CR, NUL ...) with visible `\uXXXX` text. */
export function neutralizeControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
