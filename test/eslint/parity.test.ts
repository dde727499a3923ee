/**
 * The ESLint plugin and the CLI agree: for every fixture project, the per-file findings ESLint
 * reports equal the CLI's (rule, file, line and column) on every file kind the plugin lints.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { kindOfPath } from '../../src/core/kinds.js';
import { ESLINT_KINDS, eslintFindings, eslintFor, fixtureProjects, fixturesRoot, key } from './lint.js';

describe.each(fixtureProjects().map((p) => [relative(fixturesRoot, p), p]))('fixture %s', (_name, projectDir) => {
  it('ESLint reports exactly the CLI per-file findings', async () => {
    const cli = await scan({ paths: ['.'], cwd: projectDir, concurrency: 1 });
    const fileRules = new Set(cli.rules.filter((r) => r.scope === 'file').map((r) => r.id));
    const expected = cli.findings
      .filter((f) => fileRules.has(f.ruleId) && !f.suppression && ESLINT_KINDS.has(kindOfPath(f.location.path) ?? ''))
      .map((f) => key({ path: f.location.path, line: f.location.line, column: f.location.column, ruleId: f.ruleId }));
    const results = await eslintFor(projectDir).lintFiles(['.']);
    const actual = eslintFindings(results, projectDir).map(key);
    expect(actual.sort()).toEqual(expected.sort());
  });
});

describe('parity corpus', () => {
  it('covers findings in TypeScript/JavaScript, SQL, Prisma and postgresql.conf', async () => {
    const kinds = new Set<string>();
    for (const projectDir of fixtureProjects()) {
      const results = await eslintFor(projectDir).lintFiles(['.']);
      for (const f of eslintFindings(results, projectDir)) kinds.add(kindOfPath(f.path) ?? '');
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['postgresql-conf', 'prisma', 'sql', 'typescript']));
  });
});
