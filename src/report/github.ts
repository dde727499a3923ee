/**
 * GitHub Actions workflow commands (`::error file=...::message`), which the runner turns into
 * annotations on the pull request diff.
 */
import type { Finding, ScanNotice } from '../core/types.js';
import { NOTIFICATION_RULE_IDS, ruleHelpUri, selectFindings } from './common.js';
import type { ReportInput } from './types.js';

type Command = 'error' | 'warning' | 'notice';

/** Escapes a command's message (as @actions/core's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: also `:` and `,`, which delimit properties (as @actions/core's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

interface Properties {
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
}

function command(name: Command, properties: Properties, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** GitHub honours columns only on single-line annotations. */
function positionProperties(span: { line: number; column: number; endLine: number; endColumn: number }): Properties {
  const singleLine = span.endLine === span.line;
  return {
    line: span.line,
    ...(singleLine && { col: span.column }),
    endLine: span.endLine,
    ...(singleLine && { endColumn: span.endColumn }),
  };
}

function findingCommand(finding: Finding, docsBaseUrl: string): string {
  const isScannerProblem = NOTIFICATION_RULE_IDS.has(finding.ruleId);
  const name: Command = isScannerProblem ? 'notice' : finding.severity;
  const { location } = finding;
  const properties: Properties = {
    ...(location.path.length > 0 && { file: location.path, ...positionProperties(location) }),
    title: finding.ruleId,
  };
  const where = location.logical ? ` [${location.logical}]` : '';
  const message = `${finding.message}${where}\n${finding.help}\n${ruleHelpUri(docsBaseUrl, finding.ruleId)}`;
  return command(name, properties, message);
}

function noticeCommand(notice: ScanNotice): string {
  const name: Command = notice.level === 'note' ? 'notice' : notice.level;
  const properties: Properties = {
    ...(notice.path.length > 0 && { file: notice.path, ...(notice.span && positionProperties(notice.span)) }),
    title: 'phi-scan',
  };
  return command(name, properties, notice.message);
}

export function formatGithub(input: ReportInput): string {
  const lines = [
    ...selectFindings(input.findings).map((f) => findingCommand(f, input.docsBaseUrl)),
    ...(input.notices ?? []).map(noticeCommand),
  ];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
