/** `--changed-since <ref>`: only findings on lines added or changed since the ref (per git diff). */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foundAt, gitProject } from './git-project.js';

// Each test starts real processes (git, node); a busy machine needs more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

// Invented names; each table line is a phi/schema-identifier error.
const OLD = 'CREATE TABLE patients_backup_rosalind_okonkwo (id int);\n';
const NEW = 'CREATE TABLE visits_for_tobias_lindqvist (id int);\n';
const CLEAN = 'CREATE TABLE visits (id int);\n';
const RULE = 'phi/schema-identifier';

function withHistory() {
  const project = gitProject({ 'db/001.sql': `${OLD}${CLEAN}` });
  const base = project.commit('base');
  return { project, base };
}

describe('--changed-since', () => {
  it('hides a finding on an unchanged line and shows one on a changed line', () => {
    const { project, base } = withHistory();
    project.write({ 'db/001.sql': `${OLD}${CLEAN}${NEW}` });
    project.commit('add a table');
    expect(foundAt(project.phiScan(['.', '-f', 'json']).stdout)).toEqual([`${RULE}@db/001.sql:1`, `${RULE}@db/001.sql:3`]);
    const r = project.phiScan(['.', '-f', 'json', '--changed-since', base]);
    expect(foundAt(r.stdout)).toEqual([`${RULE}@db/001.sql:3`]);
    expect(r.code).toBe(1);
  });

  it('exits 0 when the only findings are on unchanged lines', () => {
    const { project } = withHistory();
    project.write({ 'db/001.sql': `${OLD}${CLEAN}-- a harmless note\n` });
    project.commit('note');
    const r = project.phiScan(['.', '--changed-since', 'HEAD~1']);
    expect(r.stdout).not.toContain(RULE);
    expect(r.code).toBe(0);
  });

  it('counts uncommitted edits and untracked files as changed', () => {
    const { project } = withHistory();
    project.write({ 'db/001.sql': `${NEW}${CLEAN}`, 'db/002_new.sql': `${CLEAN}${OLD}` });
    expect(foundAt(project.phiScan(['.', '-f', 'json', '--changed-since', 'HEAD']).stdout)).toEqual([
      `${RULE}@db/001.sql:1`,
      `${RULE}@db/002_new.sql:2`,
    ]);
  });

  it('follows a rename without re-reporting the moved lines', () => {
    const { project, base } = withHistory();
    project.git('mv', 'db/001.sql', 'db/001_renamed.sql');
    project.commit('rename');
    const r = project.phiScan(['.', '-f', 'json', '--changed-since', base]);
    expect(foundAt(r.stdout)).toEqual([]);
  });

  it('works from a subfolder, with non-ASCII file names and whatever diff prefixes git is configured with', () => {
    const { project, base } = withHistory();
    project.git('config', 'diff.mnemonicPrefix', 'true'); // prefixes c/ and w/ instead of a/ and b/
    project.write({ 'db/médecine/002.sql': NEW });
    project.commit('non-ascii path');
    expect(foundAt(project.phiScan(['.', '-f', 'json', '--changed-since', base]).stdout)).toEqual([`${RULE}@db/médecine/002.sql:1`]);
    const r = project.phiScan(['.', '-f', 'json', '--changed-since', base], join(project.dir, 'db'));
    expect(foundAt(r.stdout)).toEqual([`${RULE}@médecine/002.sql:1`]);
  });

  it('exits 2 with a one-line message for a bad ref or outside a git repository', () => {
    const { project } = withHistory();
    const cases: [string[], string, RegExp][] = [
      [['--changed-since', 'no-such-branch'], project.dir, /--changed-since no-such-branch: not a commit in this git repository.*fetch-depth: 0/],
      [['--changed-since=-p'], project.dir, /--changed-since expects a git ref, not "-p"/],
      [['--changed-since', 'HEAD'], mkdtempSync(join(tmpdir(), 'phi-no-git-')), /not a commit in this git repository/],
    ];
    for (const [args, cwd, message] of cases) {
      const r = project.phiScan(['.', ...args], cwd);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
