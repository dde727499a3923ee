/** Invented rules and findings for the reporter tests. Every "PHI" value here is made up and already masked. */
import { defineRule, type AnyRule } from '../../src/core/rule.js';
import type { Finding, ScanNotice, ScanStats } from '../../src/core/types.js';
import type { ReportInput } from '../../src/report/index.js';

const noop = (): void => {};

export const logRule = defineRule({
  id: 'phi/log',
  meta: {
    description: 'PHI passed to a log, audit, telemetry or error-tracking sink.',
    severity: 'error',
    categories: ['name', 'ssn'],
    messages: { field: 'PHI-bearing field {{field}} is logged.' },
    schema: {},
    defaultOptions: {},
    docs: { description: 'PHI in logs', tags: ['logging'], securitySeverity: 8.2 },
    help: 'Log an opaque id instead, or pass the value through a sanitizer.',
  },
  scope: 'file',
  check: noop,
});

export const commentRule = defineRule({
  id: 'phi/code-comment',
  meta: {
    description: 'A PHI value inside a source or migration comment.',
    severity: 'warning',
    messages: { value: 'Comment contains a {{category}} value ({{value}}).' },
    schema: {},
    defaultOptions: {},
    docs: { description: 'PHI in code comments' },
    help: 'Remove the value from the comment.',
  },
  scope: 'file',
  check: noop,
});

export const parseErrorRule = defineRule({
  id: 'phi/parse-error',
  meta: {
    description: 'A file the scanner could not fully analyze.',
    severity: 'warning',
    messages: { parse: 'Could not parse: {{reason}}; names and comments were still scanned.' },
    schema: {},
    defaultOptions: {},
    docs: { description: 'File could not be fully analyzed' },
    help: 'Fix the syntax error or exclude the file.',
  },
  scope: 'file',
  check: noop,
});

export const RULES: AnyRule[] = [logRule, commentRule, parseErrorRule];

export const DOCS = 'https://github.com/phi-scan/phi-scan/blob/main/rules';

export function finding(overrides: Partial<Finding> & { path?: string; line?: number; column?: number }): Finding {
  const { path = 'src/app.ts', line = 1, column = 1, ...rest } = overrides;
  return {
    ruleId: 'phi/log',
    messageId: 'field',
    message: 'PHI-bearing field patient.ssn is logged.',
    severity: 'error',
    category: 'ssn',
    location: { path, line, column, endLine: line, endColumn: column + 11 },
    evidence: 'patient.ssn',
    fingerprint: `phi/log|${path}|patient.ssn`,
    help: 'Log an opaque id instead, or pass the value through a sanitizer.',
    ...rest,
  };
}

export const STATS: ScanStats = { filesScanned: 12, filesSkipped: 1, bytesScanned: 40960, durationMs: 87 };

/** A realistic mix: two files, both severities, a suppression, a parse error, a live-database finding. */
export function mixedFindings(): Finding[] {
  return [
    finding({ path: 'src/worker.ts', line: 40, column: 5 }),
    finding({
      ruleId: 'phi/code-comment',
      messageId: 'value',
      severity: 'warning',
      category: 'name',
      message: 'Comment contains a name value (M**** G*****).',
      evidence: 'M**** G*****',
      fingerprint: 'phi/code-comment|db/migrations/001_init.sql|M**** G*****',
      help: 'Remove the value from the comment.',
      path: 'db/migrations/001_init.sql',
      line: 3,
      column: 4,
    }),
    finding({ path: 'src/app.ts', line: 12, column: 3 }),
    finding({
      path: 'src/app.ts',
      line: 2,
      column: 1,
      suppression: { kind: 'inline', justification: 'test account only' },
      fingerprint: 'phi/log|src/app.ts|patient.name',
      message: 'PHI-bearing field patient.name is logged.',
      category: 'name',
    }),
    finding({
      ruleId: 'phi/parse-error',
      messageId: 'parse',
      severity: 'warning',
      category: 'scanner',
      message: 'Could not parse: syntax error at or near "TABL"; names and comments were still scanned.',
      evidence: '',
      fingerprint: 'phi/parse-error|db/migrations/002_broken.sql|syntax',
      help: 'Fix the syntax error or exclude the file.',
      path: 'db/migrations/002_broken.sql',
      line: 7,
      column: 1,
    }),
  ];
}

export const NOTICES: ScanNotice[] = [{ path: 'assets/scan.bin', level: 'note', message: 'Binary file skipped.' }];

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    findings: mixedFindings(),
    rules: RULES,
    stats: STATS,
    toolVersion: '0.1.0',
    docsBaseUrl: DOCS,
    ...overrides,
  };
}
