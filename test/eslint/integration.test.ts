/** The plugin through the real ESLint class: shape, the demo project, disable comments in every language. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { afterAll, describe, expect, it } from 'vitest';
import { rules as registry } from '../../rules/index.js';
import { scan } from '../../src/core/engine.js';
import phi from '../../src/eslint/index.js';
import { eslintFindings, eslintFor, key, repoRoot, typescriptParser } from './lint.js';

describe('plugin shape', () => {
  it('has meta with the phi namespace, and one rule per file-scoped registry rule', () => {
    expect(phi.meta).toEqual({ name: 'phi-scan', version: expect.stringMatching(/^\d+\.\d+\.\d+/), namespace: 'phi' });
    const fileRules = registry.filter((r) => r.scope === 'file').map((r) => r.id.replace('phi/', ''));
    expect(Object.keys(phi.rules).sort()).toEqual(fileRules.sort());
    for (const projectRule of registry.filter((r) => r.scope === 'project')) expect(phi.rules).not.toHaveProperty(projectRule.id.replace('phi/', ''));
  });

  it('derives docs URLs, messages and option schemas from the registry', () => {
    for (const rule of registry.filter((r) => r.scope === 'file')) {
      const name = rule.id.replace('phi/', '');
      const eslintRule = phi.rules[name]!;
      expect(eslintRule.meta.docs?.url).toBe(`https://github.com/phi-scan/phi-scan/blob/main/rules/${name}.md`);
      expect(eslintRule.meta.messages).toEqual(rule.meta.messages);
      const schema = eslintRule.meta.schema as unknown as { properties?: Record<string, unknown> }[];
      expect(Object.keys(schema[0]?.properties ?? {}).sort()).toEqual(Object.keys(rule.meta.schema).sort());
    }
  });

  it('rejects options a rule does not have', async () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: [...phi.configs.recommended, { rules: { 'phi/log': ['error', { minConfidance: 1 }] } }] });
    await expect(eslint.lintText('const a = 1;', { filePath: 'a.js' })).rejects.toThrow(/minConfidance/);
  });

  it('recommended is a list of named, files-scoped configs that works with defineConfig and extends', async () => {
    expect(phi.configs.recommended.map((c) => c.name)).toEqual(['phi/recommended/js', 'phi/recommended/sql', 'phi/recommended/prisma', 'phi/recommended/postgresql-conf']);
    for (const config of phi.configs.recommended) expect(config.files?.length).toBeGreaterThan(0);
    const config = defineConfig({ files: ['db/**'], extends: [phi.configs.recommended] });
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config as Linter.Config[] });
    const [inDb] = await eslint.lintText('CREATE TABLE visits_export_jonathan_whitaker (id int);', { filePath: 'db/x.sql' });
    expect(inDb?.messages.map((m) => m.ruleId)).toEqual(['phi/schema-identifier']);
    // `extends` inside `files: ['db/**']` scopes the plugin's configs to db/
    const [outside] = await eslint.lintText('CREATE TABLE visits_export_jonathan_whitaker (id int);', { filePath: 'other/x.sql', warnIgnored: false });
    expect(outside?.messages ?? []).toEqual([]);
  });
});

describe('the demo project', () => {
  it('reports the same per-file findings and messages as `phi-scan fixtures/demo`', async () => {
    const cli = await scan({ paths: ['fixtures/demo'], cwd: repoRoot, concurrency: 1 });
    const fileRules = new Set(cli.rules.filter((r) => r.scope === 'file').map((r) => r.id));
    const expected = cli.findings
      .filter((f) => fileRules.has(f.ruleId) && !f.suppression)
      .map((f) => `${key({ ...f.location, ruleId: f.ruleId })} ${f.severity} ${f.message}`);
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: phi.configs.recommended });
    const results = await eslint.lintFiles(['fixtures/demo']);
    const actual = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath.slice(repoRoot.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.severity === 2 ? 'error' : 'warning'} ${m.message}`),
    );
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('the example eslint.config.js gives the same result (needs `npm run build` for phi-scan/eslint)', async (ctx) => {
    if (!existsSync(join(repoRoot, 'lib/src/eslint/index.js'))) ctx.skip();
    const example = new ESLint({ cwd: repoRoot, overrideConfigFile: 'fixtures/eslint-demo-config/eslint.config.js' });
    const direct = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: phi.configs.recommended });
    const [a, b] = await Promise.all([example.lintFiles(['fixtures/demo']), direct.lintFiles(['fixtures/demo'])]);
    expect(eslintFindings(a, repoRoot).map(key).sort()).toEqual(eslintFindings(b, repoRoot).map(key).sort());
    expect(a.length).toBeGreaterThan(0);
  });
});

describe('disable comments', () => {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: true,
    overrideConfig: [typescriptParser, ...phi.configs.recommended, { linterOptions: { reportUnusedDisableDirectives: 'error' } }],
  });
  const lint = async (text: string, filePath: string) => (await eslint.lintText(text, { filePath }))[0]!;

  const cases: [string, string, string, string][] = [
    ['SQL line comment', 'db/x.sql', '-- eslint-disable-next-line phi/schema-identifier -- legacy export, dropped in 004\nCREATE TABLE visits_export_jonathan_whitaker (id int);\n', 'legacy export, dropped in 004'],
    ['SQL block comment', 'db/x.sql', '/* eslint-disable-next-line phi/schema-identifier -- legacy export */\nCREATE TABLE visits_export_jonathan_whitaker (id int);\n', 'legacy export'],
    ['Prisma', 'prisma/schema.prisma', 'model Patient {\n  id String @id\n  // eslint-disable-next-line phi/schema-identifier -- renamed in the next migration\n  archivedFromPatient77231 Boolean\n}\n', 'renamed in the next migration'],
    ['TypeScript', 'src/x.ts', "export function f(patient: any) {\n  // eslint-disable-next-line phi/log -- local debugging only\n  console.log('intake', patient.dateOfBirth);\n}\n", 'local debugging only'],
    ['JavaScript (espree)', 'src/x.js', "export function f(patient) {\n  console.log('intake', patient.dateOfBirth); // eslint-disable-line phi/log -- local debugging only\n}\n", 'local debugging only'],
    ['postgresql.conf', 'db/postgresql.conf', "# eslint-disable-next-line phi/query-log-config -- development server\nlog_statement = 'all'\n", 'development server'],
  ];

  it.each(cases)('%s: the finding moves to suppressedMessages with its justification', async (_name, filePath, text, justification) => {
    const result = await lint(text, filePath);
    expect(result.messages).toEqual([]);
    expect(result.suppressedMessages).toHaveLength(1);
    expect(result.suppressedMessages[0]?.suppressions).toEqual([{ kind: 'directive', justification }]);
  });

  it.each(cases)('%s: without the comment the finding is reported', async (_name, filePath, text) => {
    const withoutDirective = text.replace(/eslint-disable(-next)?-line/, 'no directive here');
    const result = await lint(withoutDirective, filePath);
    expect(result.messages.map((m) => m.ruleId)).toHaveLength(1);
  });

  it('SQL: eslint-disable/eslint-enable blocks, inline config, and unused directives', async () => {
    const text = [
      '/* eslint-disable phi/schema-identifier */',
      'CREATE TABLE visits_export_jonathan_whitaker (id int);',
      '/* eslint-enable phi/schema-identifier */',
      'CREATE TABLE claims_for_jonathan_whitaker (id int);',
      '-- eslint-disable-next-line phi/schema-comment -- nothing to disable here',
      'SELECT 1;',
    ].join('\n');
    const result = await lint(text, 'db/x.sql');
    expect(result.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [4, 'phi/schema-identifier'],
      [5, null], // the unused directive
    ]);
    const inline = await lint('-- eslint phi/schema-identifier: "off"\nCREATE TABLE visits_export_jonathan_whitaker (id int);\n', 'db/y.sql');
    expect(inline.messages).toEqual([]);
  });

  it('directive text inside a SQL string is not a directive', async () => {
    const text = "INSERT INTO notes (body) VALUES ('-- eslint-disable-next-line phi/schema-identifier');\nCREATE TABLE visits_export_jonathan_whitaker (id int);\n";
    const result = await lint(text, 'db/z.sql');
    expect(result.messages.map((m) => m.ruleId)).toEqual(['phi/schema-identifier']);
  });
});

describe('JS/TS parity with the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phi-eslint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const ruleFixtures = join(repoRoot, 'test/rules/fixtures');
  for (const name of readdirSync(ruleFixtures).filter((n) => n.endsWith('.ts.txt'))) {
    writeFileSync(join(dir, name.replace(/\.txt$/, '')), readFileSync(join(ruleFixtures, name), 'utf8'));
  }
  writeFileSync(
    join(dir, 'plain.js'),
    "export function intake(req, patient) {\n  console.log('new intake', patient.lastName);\n  throw new Error(`no chart for ${patient.mrn}`);\n}\n",
  );

  it('typescript-eslint parser (TS) and espree (JS) report what the CLI reports', async () => {
    const cli = await scan({ paths: ['.'], cwd: dir, concurrency: 1 });
    const fileRules = new Set(cli.rules.filter((r) => r.scope === 'file').map((r) => r.id));
    const expected = cli.findings.filter((f) => fileRules.has(f.ruleId) && !f.suppression).map((f) => key({ ...f.location, ruleId: f.ruleId }));
    const actual = eslintFindings(await eslintFor(dir).lintFiles(['.']), dir).map(key);
    expect(expected.some((k) => k.startsWith('plain.js:'))).toBe(true);
    expect(expected.length).toBeGreaterThan(20);
    expect(actual.sort()).toEqual(expected.sort());
  });
});

describe('line endings, BOM and non-ASCII text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phi-eol-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sql = [
    '-- Zoë\u2019s migration: merge the charts 🙂',
    'CREATE TABLE visits_export_jonathan_whitaker (id int);',
    "COMMENT ON TABLE visits_export_jonathan_whitaker IS 'Für Jonathan Whitaker, MRN 40718823';",
  ];
  const ts = ['// 🙂 Zoë: TODO Jonathan Whitaker (DOB 1971-02-03) asked to merge charts', 'export function f(patient: any) {', "  console.log('intake', patient.dateOfBirth);", '}'];
  writeFileSync(join(dir, 'crlf.sql'), sql.join('\r\n'));
  writeFileSync(join(dir, 'bom.sql'), '\uFEFF' + sql.join('\n'));
  writeFileSync(join(dir, 'cr.sql'), sql.join('\r'));
  writeFileSync(join(dir, 'crlf.ts'), ts.join('\r\n'));
  writeFileSync(join(dir, 'bom.ts'), '\uFEFF' + ts.join('\n'));

  it('ESLint and the CLI agree on lines and UTF-16 columns', async () => {
    const cli = await scan({ paths: ['.'], cwd: dir, concurrency: 1 });
    const fileRules = new Set(cli.rules.filter((r) => r.scope === 'file').map((r) => r.id));
    const expected = cli.findings.filter((f) => fileRules.has(f.ruleId)).map((f) => `${key({ ...f.location, ruleId: f.ruleId })}-${f.location.endLine}:${f.location.endColumn}`);
    const results = await eslintFor(dir).lintFiles(['.']);
    const actual = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId}-${m.endLine}:${m.endColumn}`));
    expect(expected.filter((k) => k.startsWith('cr.sql:3:')).length).toBeGreaterThan(0);
    expect(actual.sort()).toEqual(expected.sort());
  });
});
