/** A report for people: pull-request comments and the Actions job summary (GitHub-flavoured Markdown). */
import type { Finding } from '../core/types.js';
import {
  countByCategory,
  countFindings,
  indexRules,
  pluralize,
  ruleDescription,
  ruleHelpUri,
  selectFindings,
  severityRank,
} from './common.js';
import type { ReportInput } from './types.js';

export const DEFAULT_MARKDOWN_MAX_ROWS = 250;

// `(`, `#`, `!` and the like only matter next to characters escaped here, or at a line start a cell never has.
const MARKDOWN_SPECIALS = /[\\`*_[\]<>|~&@]/g;
const LINE_BREAKS = /\r\n|[\r\n]/g;

/**
 * Text safe inside a table cell: Markdown and HTML characters escaped, so masked values
 * (`M**** G*****`) print as they are and nothing in a message can inject markup or mentions.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(MARKDOWN_SPECIALS, (ch) => (ch === '@' ? '@\u200b' : `\\${ch}`));
}

/** Inline code that survives any backticks inside the text. */
function code(text: string): string {
  const flat = text.replace(LINE_BREAKS, ' ').replace(/\|/g, '\\|');
  let fence = '`';
  while (flat.includes(fence)) fence += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function where(finding: Finding): string {
  const { location } = finding;
  const at = location.path.length > 0 ? `${location.path}:${location.line}` : (location.logical ?? '');
  return code(at);
}

function groupByRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.ruleId);
    if (group) group.push(finding);
    else groups.set(finding.ruleId, [finding]);
  }
  return groups;
}

function worstSeverity(findings: readonly Finding[]): number {
  return findings.reduce((worst, f) => Math.min(worst, severityRank(f.severity)), Number.POSITIVE_INFINITY);
}

export function formatMarkdown(input: ReportInput): string {
  const rules = indexRules(input.rules);
  const shown = selectFindings(input.findings);
  const totals = countFindings(input.findings);
  const problems = totals.errors + totals.warnings;
  const { filesScanned } = input.stats;
  const out: string[] = ['## phi-scan report', ''];

  const scanned = `${filesScanned} ${pluralize('file', filesScanned)} scanned`;
  const suppressed = totals.suppressed > 0 ? `, ${totals.suppressed} suppressed` : '';
  if (problems === 0) {
    out.push(`:white_check_mark: No PHI findings. ${scanned}${suppressed}.`, '');
  } else {
    out.push(
      `:x: **${problems} ${pluralize('problem', problems)}** ` +
        `(${totals.errors} ${pluralize('error', totals.errors)}, ${totals.warnings} ${pluralize('warning', totals.warnings)}) ` +
        `in ${totals.files} ${pluralize('file', totals.files)}. ${scanned}${suppressed}.`,
      '',
    );
    const categories = [...countByCategory(shown)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push('| Category | Findings |', '| --- | ---: |');
    for (const [category, count] of categories) out.push(`| ${escapeMarkdown(category)} | ${count} |`);
    out.push('');
  }

  const maxRows = input.markdownMaxRows ?? DEFAULT_MARKDOWN_MAX_ROWS;
  let rowsShown = 0;
  // Rules with errors first, then by how many findings, then by id.
  const groups = [...groupByRule(shown)].sort(
    (a, b) => worstSeverity(a[1]) - worstSeverity(b[1]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
  );
  for (const [ruleId, findings] of groups) {
    if (rowsShown >= maxRows) break;
    const description = ruleDescription(rules.get(ruleId), ruleId);
    out.push(
      `### [${escapeMarkdown(ruleId)}](${ruleHelpUri(input.docsBaseUrl, ruleId)}): ${escapeMarkdown(description)} (${findings.length})`,
      '',
      '| Location | Severity | Category | Message |',
      '| --- | --- | --- | --- |',
    );
    for (const finding of findings.slice(0, maxRows - rowsShown)) {
      out.push(`| ${where(finding)} | ${finding.severity} | ${escapeMarkdown(finding.category)} | ${escapeMarkdown(finding.message)} |`);
    }
    rowsShown += Math.min(findings.length, maxRows - rowsShown);
    out.push('');
  }
  const hidden = shown.length - rowsShown;
  if (hidden > 0) out.push(`_${hidden} more ${pluralize('finding', hidden)} not shown; run \`phi-scan\` locally for the full list._`, '');

  const notices = input.notices ?? [];
  if (notices.length > 0) {
    out.push('<details><summary>Scan notices (' + notices.length + ')</summary>', '');
    for (const notice of notices) out.push(`- ${code(notice.path)} ${notice.level}: ${escapeMarkdown(notice.message)}`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}
