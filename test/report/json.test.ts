import { describe, expect, it } from 'vitest';
import { formatReport, type JsonReport } from '../../src/report/index.js';
import { NOTICES, finding, mixedFindings, reportInput } from './fixtures.js';

function json(overrides: Parameters<typeof reportInput>[0] = {}): JsonReport {
  return JSON.parse(formatReport('json', reportInput(overrides))) as JsonReport;
}

describe('json reporter', () => {
  it('writes the documented envelope and summary', () => {
    const report = json({ notices: NOTICES });
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'phi-scan', version: '0.1.0' });
    expect(report.summary).toEqual({
      errors: 2,
      warnings: 2,
      suppressed: 1,
      filesWithFindings: 4,
      filesScanned: 12,
      filesSkipped: 1,
      bytesScanned: 40960,
      durationMs: 87,
      byCategory: { name: 1, scanner: 1, ssn: 2 },
      byRule: { 'phi/code-comment': 1, 'phi/log': 2, 'phi/parse-error': 1 },
    });
    expect(report.notices).toEqual(NOTICES);
  });

  it('sorts findings by path, line, column and rule, whatever the input order', () => {
    const forward = formatReport('json', reportInput());
    const backward = formatReport('json', reportInput({ findings: mixedFindings().reverse() }));
    expect(backward).toBe(forward);
    const report = JSON.parse(forward) as JsonReport;
    expect(report.findings.map((f) => `${f.path}:${f.line}`)).toEqual([
      'db/migrations/001_init.sql:3',
      'db/migrations/002_broken.sql:7',
      'src/app.ts:12',
      'src/worker.ts:40',
    ]);
    const sameSpot = json({ findings: [finding({ ruleId: 'phi/log' }), finding({ ruleId: 'phi/code-comment' })] });
    expect(sameSpot.findings.map((f) => f.ruleId)).toEqual(['phi/code-comment', 'phi/log']);
  });

  it('writes every documented finding field, in a fixed order', () => {
    const [first] = json({ findings: [finding({ line: 5, column: 7 })] }).findings;
    expect(Object.keys(first!)).toEqual([
      'ruleId', 'messageId', 'severity', 'category', 'message', 'path', 'line', 'column',
      'endLine', 'endColumn', 'evidence', 'fingerprint', 'help', 'helpUri',
    ]);
    expect(first).toMatchObject({ line: 5, column: 7, endLine: 5, endColumn: 18, helpUri: 'https://github.com/phi-scan/phi-scan/blob/main/rules/log.md' });
  });

  it('includes suppressed findings, marked, only when asked', () => {
    expect(json().findings.some((f) => f.suppression)).toBe(false);
    const marked = json({ includeSuppressed: true }).findings.filter((f) => f.suppression);
    expect(marked).toEqual([expect.objectContaining({ line: 2, suppression: { kind: 'inline', justification: 'test account only' } })]);
  });

  it('rejects an unknown format instead of guessing', () => {
    expect(() => formatReport('xml' as never, reportInput())).toThrow(/Unknown output format "xml"/);
  });

  it('carries the logical location of live-database findings', () => {
    const dbFinding = finding({});
    dbFinding.location.logical = 'clinic/public/visits/reason';
    expect(json({ findings: [dbFinding] }).findings[0]!.logicalLocation).toBe('clinic/public/visits/reason');
  });
});
