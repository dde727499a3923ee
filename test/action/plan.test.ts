/** Annotation limits and the job summary, on synthetic findings. */
import { describe, expect, it } from 'vitest';
import { planAnnotations } from '../../src/action/annotations.js';
import { buildSummary, cell, type SummaryInput } from '../../src/action/summary.js';
import type { Finding, FindingCategory, Severity } from '../../src/core/types.js';

function finding(path: string, line: number, severity: Severity = 'error', category: FindingCategory = 'name', ruleId = 'phi/schema-identifier'): Finding {
  return {
    ruleId,
    messageId: 'value',
    message: `The table name "patients_backup_j***_d**" contains a ${category} value.`,
    severity,
    category,
    location: { path, line, column: 1, endLine: line, endColumn: 10 },
    evidence: 'patients_backup_j***_d**',
    fingerprint: `${path}:${line}:${ruleId}`,
    help: 'Rename the object.',
  };
}

const many = (count: number, severity: Severity, path = 'db/a.sql') => Array.from({ length: count }, (_, i) => finding(path, i + 1, severity));

describe('planAnnotations', () => {
  it('keeps at most 10 per level and counts the rest', () => {
    const plan = planAnnotations([...many(14, 'error'), ...many(12, 'warning', 'db/b.sql')], [], undefined);
    expect(plan.findings.filter((f) => f.severity === 'error')).toHaveLength(10);
    expect(plan.findings.filter((f) => f.severity === 'warning')).toHaveLength(10);
    expect(plan.omitted).toBe(6);
  });

  it('puts findings on changed lines first', () => {
    const changed = { files: new Map<string, Set<number> | 'all'>([['db/z.sql', new Set([3])], ['db/new.sql', 'all']]) };
    const findings = [...many(12, 'error'), finding('db/z.sql', 3), finding('db/z.sql', 4), finding('db/new.sql', 40)];
    const chosen = planAnnotations(findings, [], changed).findings.map((f) => `${f.location.path}:${f.location.line}`);
    expect(chosen.slice(0, 2).sort()).toEqual(['db/new.sql:40', 'db/z.sql:3']);
    expect(chosen).not.toContain('db/z.sql:4');
    expect(chosen).toHaveLength(10);
  });

  it('gives scan notices the room findings leave, keeping one notice for the overflow line', () => {
    const notices = Array.from({ length: 12 }, (_, i) => ({ path: `f${i}.sql`, level: 'note' as const, message: 'stale' }));
    expect(planAnnotations([], notices, undefined).notices).toHaveLength(9);
  });
});

const base: SummaryInput = {
  findings: [],
  baselined: 0,
  suppressed: 0,
  notices: [],
  notes: [],
  docsBaseUrl: 'https://example.test/rules',
  blobUrl: 'https://github.com/clinic/records/blob/abc123/',
  pathPrefix: '',
  sarifFile: 'phi-scan.sarif',
  toolVersion: '0.1.0',
};

describe('buildSummary', () => {
  it('writes totals, a chart by category, totals per rule and category, and linked rows', () => {
    const findings = [finding('db/a b.sql', 7), finding('db/c.sql', 2, 'warning', 'diagnosis', 'phi/code-comment'), finding('db/c.sql', 9)];
    const summary = buildSummary({ ...base, findings, baselined: 2, scope: 'lines changed since abc1234' });
    expect(summary).toContain('**2 errors, 1 warning** in 2 files, judging lines changed since abc1234.');
    expect(summary).toContain('Not counted: 2 by the baseline.');
    expect(summary).toContain('```mermaid\npie showData title Findings by category\n    "name" : 2\n    "diagnosis" : 1\n```');
    expect(summary).toContain('| name | 2 | 0 | 2 |');
    expect(summary).toContain('| diagnosis | 0 | 1 | 1 |');
    expect(summary).toContain('| [phi/schema-identifier](https://example.test/rules/schema-identifier.md) | 2 | 0 | 2 |');
    expect(summary).toContain('[db/a b.sql:7](https://github.com/clinic/records/blob/abc123/db/a%20b.sql#L7)');
    expect(summary).toContain('patients\\_backup\\_j\\*\\*\\*\\_d\\*\\*');
  });

  it('prefixes links with the path from the repository root', () => {
    const summary = buildSummary({ ...base, findings: [finding('db/a.sql', 1)], pathPrefix: 'services/api/' });
    expect(summary).toContain('(https://github.com/clinic/records/blob/abc123/services/api/db/a.sql#L1)');
  });

  it('stays within the size limit and says how many rows it left out', () => {
    const findings = many(500, 'error');
    const summary = buildSummary({ ...base, findings, maxBytes: 20_000 });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(20_000);
    const rows = summary.split('\n').filter((line) => line.startsWith('| 🔴'));
    expect(rows.length).toBeGreaterThan(10);
    expect(summary).toContain(`${500 - rows.length} more findings not shown`);
    expect(summary).toContain('| name | 500 | 0 | 500 |');
  });

  it('says when there is nothing to report', () => {
    expect(buildSummary(base)).toContain('**No findings**.');
    expect(buildSummary(base)).not.toContain('mermaid');
  });

  it('neutralises Markdown, HTML and line breaks in cells', () => {
    expect(cell('a|b\n<img src=x>[link](http://x)')).toBe('a\\|b \\<img src=x\\>\\[link\\](http://x)');
    expect(cell('\u001b[31m')).toBe('\\\\u001b\\[31m'); // renders as the visible text \u001b[31m
  });
});
