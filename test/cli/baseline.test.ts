/** `--write-baseline` / `--baseline`: known findings recorded by fingerprint, hidden until they change. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { foundAt, gitProject, jsonReport } from './git-project.js';

// Each test starts real processes (git, node); a busy machine needs more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

// Invented names; each table line is a phi/schema-identifier error.
const OLD = 'CREATE TABLE patients_backup_rosalind_okonkwo (id int);\n';
const NEW = 'CREATE TABLE visits_for_tobias_lindqvist (id int);\n';
const CLEAN = 'CREATE TABLE visits (id int);\n';
const RULE = 'phi/schema-identifier';

function baselined() {
  const project = gitProject({ 'db/001.sql': `${CLEAN}${OLD}` });
  const written = project.phiScan(['.', '--write-baseline', 'phi-baseline.json']);
  return { project, written };
}

describe('--write-baseline', () => {
  it('records every finding by fingerprint, without line numbers or raw values, and exits 0', () => {
    const { project, written } = baselined();
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('wrote 1 finding to the baseline phi-baseline.json');
    const text = readFileSync(join(project.dir, 'phi-baseline.json'), 'utf8');
    const baseline = JSON.parse(text) as { version: number; tool: string; entries: Record<string, unknown>[] };
    expect(baseline).toMatchObject({ version: 1, tool: 'phi-scan' });
    expect(baseline.entries).toHaveLength(1);
    expect(Object.keys(baseline.entries[0] ?? {}).sort()).toEqual(['fingerprint', 'path', 'ruleId']);
    expect(text).not.toMatch(/okonkwo|rosalind|"line"/i);
  });
});

describe('--baseline', () => {
  it('hides what it lists and still reports new findings', () => {
    const { project } = baselined();
    const clean = project.phiScan(['.', '--baseline', 'phi-baseline.json']);
    expect(clean.stdout).not.toContain(RULE);
    expect(clean.code).toBe(0);

    project.write({ 'db/001.sql': `${CLEAN}${OLD}${NEW}` });
    const r = project.phiScan(['.', '-f', 'json', '--baseline', 'phi-baseline.json']);
    expect(foundAt(r.stdout)).toEqual([`${RULE}@db/001.sql:3`]);
    expect(r.code).toBe(1);
  });

  it('survives code moving down by a few lines', () => {
    const { project } = baselined();
    project.write({ 'db/001.sql': `-- visits\n${CLEAN}\n\n${CLEAN.replace('visits', 'rooms')}${OLD}` });
    const r = project.phiScan(['.', '-f', 'json', '--baseline', 'phi-baseline.json']);
    expect(foundAt(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
    expect(foundAt(project.phiScan(['.', '-f', 'json']).stdout)).toEqual([`${RULE}@db/001.sql:6`]);
  });

  it('marks baselined findings as such with --include-suppressed', () => {
    const { project } = baselined();
    const report = jsonReport(project.phiScan(['.', '-f', 'json', '--baseline', 'phi-baseline.json', '--include-suppressed']).stdout);
    expect(report.findings.map((f) => f.suppression?.kind)).toEqual(['baseline']);
  });

  it('gives a notice for stale entries', () => {
    const { project } = baselined();
    project.write({ 'db/001.sql': CLEAN });
    const r = project.phiScan(['.', '-f', 'json', '--baseline', 'phi-baseline.json']);
    expect(r.code).toBe(0);
    const notice = jsonReport(r.stdout).notices.find((n) => n.message.includes('no finding any more'));
    expect(notice?.message).toMatch(/1 baseline entry matches no finding any more.*--write-baseline/);
  });

  it('exits 2 when the baseline is missing or not a phi-scan baseline', () => {
    const { project } = baselined();
    writeFileSync(join(project.dir, 'other.json'), '{"entries": []}');
    writeFileSync(join(project.dir, 'broken.json'), '{"entries": ');
    const cases: [string, RegExp][] = [
      ['missing.json', /Baseline not found: .*missing\.json\. Create it with --write-baseline/],
      ['other.json', /is not a phi-scan baseline/],
      ['broken.json', /is not readable JSON/],
    ];
    for (const [file, message] of cases) {
      const r = project.phiScan(['.', '--baseline', file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
