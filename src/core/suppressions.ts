/**
 * Inline suppressions, in any comment syntax (`--`, `//`, `#`, `/* *\/`, `{{!-- --}}`, `<!-- -->`):
 *   phi-scan-ignore-next-line phi/log -- reason
 *   phi-scan-ignore-line phi/log, phi/code-comment -- reason
 *   phi-scan-ignore-file phi/literal -- reason
 * A suppression without a reason, naming an unknown rule, or suppressing nothing is reported.
 */
import type { Finding, ScanNotice } from './types.js';
import type { LineIndex } from './text.js';

export interface Suppression {
  scope: 'next-line' | 'line' | 'file';
  rules: string[];
  reason: string;
  /** 1-based line of the directive. */
  line: number;
  column: number;
  used: boolean;
}

const DIRECTIVE = /phi-scan-ignore-(next-line|line|file)\b([^\r\n]*)/g;
// (?<!\s): a trailing `X+$` pattern tried at every space of a long run would be quadratic.
const COMMENT_CLOSERS = /(?<!\s)\s*(\*\/|-->|--\}\}|\}\}|%>|#\})\s*$/;

/** `lines`: the text's line index, or a function that builds it (most texts have no directive). */
export function parseSuppressions(text: string, lines: LineIndex | (() => LineIndex)): Suppression[] {
  if (!text.includes('phi-scan-ignore-')) return [];
  const index = typeof lines === 'function' ? lines() : lines;
  const found: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const rest = (match[2] ?? '').replace(COMMENT_CLOSERS, '');
    const separator = rest.search(/\s--(\s|$)/);
    const rulePart = separator >= 0 ? rest.slice(0, separator) : rest;
    const reason = separator >= 0 ? rest.slice(separator).replace(/^\s--/, '').trim() : '';
    const position = index.position(match.index ?? 0);
    found.push({
      scope: match[1] as Suppression['scope'],
      rules: rulePart.split(/[\s,]+/).filter(Boolean),
      reason,
      line: position.line,
      column: position.column,
      used: false,
    });
  }
  return found;
}

function covers(s: Suppression, finding: Finding): boolean {
  if (!s.rules.includes(finding.ruleId)) return false;
  if (s.scope === 'file') return true;
  const target = s.scope === 'next-line' ? s.line + 1 : s.line;
  return finding.location.line <= target && target <= finding.location.endLine;
}

/** Marks covered findings as suppressed and returns notices about bad or unused directives. */
export function applySuppressions(
  path: string,
  suppressions: Suppression[],
  findings: Finding[],
  knownRules: ReadonlySet<string>,
): ScanNotice[] {
  const notices: ScanNotice[] = [];
  for (const finding of findings) {
    const s = suppressions.find((candidate) => covers(candidate, finding));
    if (!s) continue;
    s.used = true;
    finding.suppression = { kind: 'inline', justification: s.reason || undefined };
  }
  for (const s of suppressions) {
    const span = { line: s.line, column: s.column, endLine: s.line, endColumn: s.column + 1 };
    const directive = `phi-scan-ignore-${s.scope}`;
    const unknown = s.rules.filter((r) => !knownRules.has(r));
    if (s.rules.length === 0) {
      notices.push({ path, span, level: 'warning', message: `${directive} names no rule: write the rule id, e.g. "${directive} phi/log -- reason".` });
      continue;
    }
    if (unknown.length) {
      notices.push({ path, span, level: 'warning', message: `${directive} names unknown rule ${unknown.map((r) => `"${r}"`).join(', ')}; run \`phi-scan rules\` for the ids.` });
    }
    if (!s.reason) {
      notices.push({ path, span, level: 'warning', message: `${directive} has no reason: add one after " -- " so reviewers know why the finding is acceptable.` });
    }
    if (!s.used && unknown.length < s.rules.length) {
      notices.push({ path, span, level: 'warning', message: `unused ${directive} for ${s.rules.join(', ')}: nothing is reported there any more; remove it.` });
    }
  }
  return notices;
}
