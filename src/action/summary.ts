/**
 * The job summary (GITHUB_STEP_SUMMARY, Markdown): totals, a chart by category, totals per rule
 * and per category, and every finding with a link to its line — kept under GitHub's size limit.
 * Only masked messages appear; never a source line.
 */
import type { Finding, ScanNotice } from '../core/types.js';
import { countBy, neutralizeControlChars, pluralize, ruleHelpUri, sortFindings } from '../report/common.js';

/** GitHub rejects a step summary over 1 MiB. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export interface SummaryInput {
  /** Active (unsuppressed) findings after filtering. */
  findings: readonly Finding[];
  /** Findings hidden by a baseline / by inline suppressions. */
  baselined: number;
  suppressed: number;
  notices: readonly ScanNotice[];
  /** e.g. "lines changed since 1a2b3c4"; undefined when every line was judged. */
  scope?: string;
  /** Log lines worth repeating (fallbacks). */
  notes: readonly string[];
  docsBaseUrl: string;
  /** `${server}/${repo}/blob/${sha}/` or undefined when unknown; paths are appended. */
  blobUrl?: string;
  /** Prefix from the repository root to the scan root (`git rev-parse --show-prefix`). */
  pathPrefix: string;
  sarifFile: string;
  toolVersion: string;
  maxBytes?: number;
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~#!]/g;

/** Text for a table cell: no Markdown, HTML, control characters or line breaks. */
export function cell(text: string): string {
  return neutralizeControlChars(text.replace(/\r?\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}

function plural(count: number, word: string): string {
  return `${count} ${pluralize(word, count)}`;
}

function totalsTable(heading: string, key: (f: Finding) => string, findings: readonly Finding[], label: (k: string) => string): string[] {
  const errors = countBy(findings.filter((f) => f.severity === 'error'), key);
  const all = countBy(findings, key);
  const keys = [...all.keys()].sort((a, b) => (all.get(b) ?? 0) - (all.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return [
    `| ${heading} | errors | warnings | total |`,
    '| --- | ---: | ---: | ---: |',
    ...keys.map((k) => {
      const total = all.get(k) ?? 0;
      const e = errors.get(k) ?? 0;
      return `| ${label(k)} | ${e} | ${total - e} | ${total} |`;
    }),
  ];
}

function pieChart(findings: readonly Finding[]): string[] {
  const byCategory = countBy(findings, (f) => f.category);
  const keys = [...byCategory.keys()].sort((a, b) => (byCategory.get(b) ?? 0) - (byCategory.get(a) ?? 0) || (a < b ? -1 : 1));
  return ['```mermaid', 'pie showData title Findings by category', ...keys.map((k) => `    "${k.replace(/"/g, '')}" : ${byCategory.get(k)}`), '```'];
}

export function buildSummary(input: SummaryInput): string {
  const maxBytes = input.maxBytes ?? STEP_SUMMARY_LIMIT;
  const findings = sortFindings(input.findings.filter((f) => !f.suppression));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const files = new Set(findings.map((f) => f.location.path)).size;
  const head: string[] = ['## phi-scan', ''];
  const where = input.scope ? `, judging ${cell(input.scope)}` : '';
  head.push(
    findings.length
      ? `**${plural(errors, 'error')}, ${plural(warnings, 'warning')}** in ${plural(files, 'file')}${where}.`
      : `**No findings**${where}.`,
  );
  const hidden: string[] = [];
  if (input.baselined) hidden.push(`${input.baselined} by the baseline`);
  if (input.suppressed) hidden.push(`${input.suppressed} by inline suppressions`);
  if (hidden.length) head.push('', `Not counted: ${hidden.join(', ')}.`);
  if (findings.length) {
    head.push('', ...pieChart(findings));
    head.push('', '### By category', '', ...totalsTable('category', (f) => f.category, findings, cell));
    head.push(
      '',
      '### By rule',
      '',
      ...totalsTable('rule', (f) => f.ruleId, findings, (id) => `[${cell(id)}](${ruleHelpUri(input.docsBaseUrl, id)})`),
    );
  }
  const tail: string[] = [];
  const notes = [...input.notes, ...input.notices.map((n) => `${n.path ? `${n.path}: ` : ''}${n.message}`)];
  if (notes.length) tail.push('', '### Notes', '', ...notes.map((n) => `- ${cell(n)}`));
  tail.push('', `<sub>phi-scan ${cell(input.toolVersion)} · SARIF: ${cell(input.sarifFile)}</sub>`, '');

  if (!findings.length) return [...head, ...tail].join('\n');
  const tableHead = ['', '### Findings', '', '| severity | rule | category | location | message |', '| --- | --- | --- | --- | --- |'];
  let used = byteLength([...head, ...tableHead, ...tail].join('\n')) + 400; // room for the truncation note
  const rows: string[] = [];
  for (const finding of findings) {
    const row = findingRow(finding, input);
    const size = byteLength(row) + 1;
    if (used + size > maxBytes) break;
    used += size;
    rows.push(row);
  }
  const cut = findings.length - rows.length;
  const note = cut
    ? ['', `${plural(cut, 'more finding')} not shown: the job summary is limited to 1 MiB. The SARIF file ${cell(input.sarifFile)} lists them all.`]
    : [];
  return [...head, ...tableHead, ...rows, ...note, ...tail].join('\n');
}

function findingRow(finding: Finding, input: SummaryInput): string {
  const { location } = finding;
  const place = location.path ? `${location.path}:${location.line}` : location.logical ?? '';
  const link = input.blobUrl && location.path ? `${input.blobUrl}${encodePath(input.pathPrefix + location.path)}#L${location.line}` : undefined;
  const where = link ? `[${cell(place)}](${link})` : cell(place);
  const severity = finding.severity === 'error' ? '🔴 error' : '🟡 warning';
  return `| ${severity} | ${cell(finding.ruleId)} | ${cell(finding.category)} | ${where} | ${cell(finding.message)} |`;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
