/** ESLint-style terminal output: a block per file, a summary line, nothing at all when clean. */
import type { Finding, ScanNotice } from '../core/types.js';
import { countFindings, neutralizeControlChars, pluralize, selectFindings } from './common.js';
import type { ReportInput } from './types.js';

type Style = (text: string) => string;

interface Palette {
  underline: Style;
  dim: Style;
  red: Style;
  yellow: Style;
  boldRed: Style;
  boldYellow: Style;
}

const ansi =
  (open: string, close: string): Style =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Palette = {
  underline: ansi('4', '24'),
  dim: ansi('2', '22'),
  red: ansi('31', '39'),
  yellow: ansi('33', '39'),
  boldRed: (text) => ansi('1', '22')(ansi('31', '39')(text)),
  boldYellow: (text) => ansi('1', '22')(ansi('33', '39')(text)),
};

const plain: Style = (text) => text;
const NO_COLOURS: Palette = { underline: plain, dim: plain, red: plain, yellow: plain, boldRed: plain, boldYellow: plain };

const LINE_BREAKS = /\r\n|[\r\n]/g;

/** One printable line: no line breaks, no control characters, no trailing full stop (as ESLint). */
function oneLine(text: string): string {
  return neutralizeControlChars(text.replace(LINE_BREAKS, ' ')).replace(/([^ ])\.$/u, '$1');
}

/** Lays out rows as columns separated by two spaces; `width` measures the unstyled text. */
function table(rows: readonly (readonly { text: string; style: Style }[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.text.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const padding = i === row.length - 1 ? '' : ' '.repeat((widths[i] ?? 0) - cell.text.length);
        return cell.style(cell.text) + padding;
      })
      .join('  ')
      .trimEnd(),
  );
}

function findingRows(findings: readonly Finding[], palette: Palette): string[] {
  return table(
    findings.map((f) => [
      { text: f.location.logical ? oneLine(f.location.logical) : `${f.location.line}:${f.location.column}`, style: palette.dim },
      { text: f.severity, style: f.severity === 'error' ? palette.red : palette.yellow },
      { text: oneLine(f.message), style: plain },
      { text: f.ruleId, style: palette.dim },
    ]),
  ).map((line) => `  ${line}`);
}

function noticeRows(notices: readonly ScanNotice[], palette: Palette): string[] {
  return table(
    notices.map((n) => [
      { text: oneLine(n.span ? `${n.path}:${n.span.line}:${n.span.column}` : n.path), style: plain },
      { text: n.level, style: n.level === 'error' ? palette.red : n.level === 'warning' ? palette.yellow : palette.dim },
      { text: oneLine(n.message), style: plain },
    ]),
  ).map((line) => `  ${line}`);
}

function groupByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.location.path);
    if (group) group.push(finding);
    else groups.set(finding.location.path, [finding]);
  }
  return groups;
}

export function formatStylish(input: ReportInput): string {
  const palette = input.color ? COLOURS : NO_COLOURS;
  const shown = selectFindings(input.findings);
  const notices = input.notices ?? [];
  if (shown.length === 0 && notices.length === 0) return '';

  const lines: string[] = [''];
  for (const [path, findings] of groupByPath(shown)) {
    lines.push(palette.underline(oneLine(path)), ...findingRows(findings, palette), '');
  }
  if (notices.length > 0) lines.push('Notices', ...noticeRows(notices, palette), '');

  const totals = countFindings(input.findings);
  const problems = totals.errors + totals.warnings;
  if (problems > 0) {
    const summary =
      `\u2716 ${problems} ${pluralize('problem', problems)} ` +
      `(${totals.errors} ${pluralize('error', totals.errors)}, ${totals.warnings} ${pluralize('warning', totals.warnings)})`;
    lines.push(totals.errors > 0 ? palette.boldRed(summary) : palette.boldYellow(summary));
    if (totals.suppressed > 0) {
      lines.push(palette.dim(`  ${totals.suppressed} suppressed ${pluralize('finding', totals.suppressed)} not shown`));
    }
    lines.push('');
  }
  return lines.join('\n');
}
