/** The CLI as a user runs it: the built bin, real files, every exit code and format. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'phi-scan.js');
const demo = join(root, 'fixtures', 'demo');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const cleanSql = 'CREATE TABLE patients (id bigserial PRIMARY KEY, ssn text, date_of_birth date);\n';
const commentOnly = '-- Delphine Marchetti, DOB 1958-11-23, asked to be moved to the morning list.\nCREATE TABLE waitlist (id int);\n';

describe('exit codes', () => {
  it('exits 1 on the demo and lists masked findings', () => {
    const r = run(['fixtures/demo']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('phi/schema-identifier');
    expect(r.stdout).toContain('fixtures/demo/db/migrations/002_merge_chart.sql');
    expect(r.stdout).not.toMatch(/marchetti/i);
    expect(r.stdout).not.toContain('00731942');
  });

  it('exits 0 when nothing is found', () => {
    const dir = project({ 'db/001.sql': cleanSql });
    const r = run(['.', '--rule', 'phi/session-timeout:off'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('follows --fail-on and --max-warnings for warning-level findings', () => {
    const dir = project({ 'db/001.sql': commentOnly, 'phi-scan.config.json': '{"rules":{"phi/session-timeout":"off"}}' });
    expect(run(['.'], dir).code).toBe(0);
    expect(run(['.', '--fail-on', 'warning'], dir).code).toBe(1);
    expect(run(['.', '--max-warnings', '0'], dir).code).toBe(1);
    expect(run(['.', '--max-warnings', '5'], dir).code).toBe(0);
    expect(run(['fixtures/demo', '--fail-on', 'never'], root).code).toBe(0);
  });

  it('exits 2 with a one-line message for usage and configuration errors', () => {
    const cases: [string[], string, RegExp][] = [
      [['no/such/path'], root, /No such file or directory: no\/such\/path/],
      [['.', '--format', 'xml'], root, /Invalid values|choices/i],
      [['.', '--rule', 'phi/nope:error'], project({ 'a.sql': cleanSql }), /unknown rule "phi\/nope"/],
      [['.', '--rule', 'phi/log'], project({ 'a.sql': cleanSql }), /--rule expects id:severity/],
      [['.'], project({ 'a.sql': cleanSql, 'phi-scan.config.json': '{ "rules": ' }), /not valid JSON/],
      [['.'], project({ 'a.sql': cleanSql, 'phi-scan.config.json': '{ "exclud": [] }' }), /unknown key "exclud". Did you mean "exclude"\?/],
      [['.'], project({ 'a.sql': cleanSql, 'phi-scan.config.json': '{ "rules": { "phi/log": "loud" } }' }), /severity must be/],
      [['.', '-c', 'missing.json'], root, /Config file not found/],
    ];
    for (const [args, cwd, message] of cases) {
      const r = run(args, cwd);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('formats', () => {
  it('writes json, sarif, github and markdown', () => {
    const json = JSON.parse(run(['fixtures/demo', '-f', 'json']).stdout);
    expect(json.findings.length).toBeGreaterThan(3);
    expect(json.findings.every((f: { message: string }) => !/marchetti/i.test(f.message))).toBe(true);

    const sarif = JSON.parse(run(['fixtures/demo', '-f', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe(json.findings.filter((f: { ruleId: string }) => f.ruleId !== 'phi/parse-error').length);

    const github = run(['fixtures/demo', '-f', 'github']).stdout;
    expect(github.split('\n').filter(Boolean).every((l) => l.startsWith('::'))).toBe(true);

    expect(run(['fixtures/demo', '-f', 'markdown']).stdout).toMatch(/phi\/schema-identifier[\s\S]*\| `fixtures\/demo\/db\/migrations\/002_merge_chart.sql:4` \|/);
  });

  it('writes the report to --output and prints nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'phi-out-')), 'nested', 'report.sarif');
    const r = run(['fixtures/demo', '-f', 'sarif', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).runs[0].results.length).toBeGreaterThan(0);
  });

  it('--quiet leaves warnings out', () => {
    const json = JSON.parse(run(['fixtures/demo', '-f', 'json', '--quiet']).stdout);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
  });
});

describe('commands', () => {
  it('lists rules, prints the version, explains names', () => {
    const rules = run(['rules']).stdout;
    expect(rules).toMatch(/phi\/schema-identifier\s+error/);
    expect(run(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const explained = JSON.parse(run(['explain', 'date_of_birth', 'passenger', '--json']).stdout);
    expect(explained[0].nameMatches[0].category).toBe('date');
    expect(explained[1].nameMatches).toEqual([]);
  });

  it('masks values in explain output', () => {
    const r = run(['explain', 'Delphine Marchetti DOB 1958-11-23']);
    expect(r.stdout).toContain('person-name');
    expect(r.stdout).not.toMatch(/Marchetti|1958-11-23/);
  });
});

describe('suppressions', () => {
  it('hides a finding with a reasoned directive and reports unused or reasonless ones', () => {
    const dir = project({
      'phi-scan.config.json': '{"rules":{"phi/session-timeout":"off"}}',
      'db/001.sql':
        '-- phi-scan-ignore-next-line phi/code-comment -- invented sample name, approved by compliance\n' +
        commentOnly +
        '-- phi-scan-ignore-next-line phi/schema-identifier\nCREATE TABLE clean_one (id int);\n',
    });
    const json = JSON.parse(run(['.', '-f', 'json', '--fail-on', 'warning'], dir).stdout);
    expect(json.findings.filter((f: { ruleId: string }) => f.ruleId === 'phi/code-comment')).toEqual([]);
    const stylish = run(['.', '--fail-on', 'warning'], dir);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toMatch(/has no reason/);
    expect(stylish.stdout).toMatch(/unused phi-scan-ignore-next-line/);
  });
});
