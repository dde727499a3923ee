/**
 * The plugin on the oldest ESLint it supports (9.15, installed as the `eslint-9.15` alias): the
 * same findings on the demo project as ESLint 10, and disable comments in SQL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint as ESLint9 } from 'eslint-9.15';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import phi from '../../src/eslint/index.js';
import { eslintFindings, key, repoRoot, typescriptParser } from './lint.js';

const config = [typescriptParser, ...phi.configs.recommended];
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('ESLint 9.15', () => {
  it('is the version under test', () => {
    expect(ESLint9.version).toBe('9.15.0');
  });

  it('reports the same findings on the demo project as ESLint 10', async () => {
    const old = new ESLint9({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config as never });
    const current = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config });
    const [a, b] = await Promise.all([old.lintFiles(['fixtures/demo']), current.lintFiles(['fixtures/demo'])]);
    const found = eslintFindings(a as unknown as ESLint.LintResult[], repoRoot).map(key).sort();
    expect(found.length).toBeGreaterThanOrEqual(8);
    expect(found).toEqual(eslintFindings(b, repoRoot).map(key).sort());
  });

  it('honours eslint-disable-next-line in SQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-scan-eslint9-'));
    temporary.push(dir);
    const sql = readFileSync(join(repoRoot, 'fixtures/demo/db/migrations/002_merge_chart.sql'), 'utf8');
    const line = sql.split('\n').findIndex((l) => l.startsWith('CREATE TABLE patients_backup_'));
    expect(line).toBeGreaterThan(0);
    const lines = sql.split('\n');
    lines.splice(line, 0, '-- eslint-disable-next-line phi/schema-identifier -- renamed in the next migration');
    writeFileSync(join(dir, 'merge.sql'), lines.join('\n'));
    writeFileSync(join(dir, 'plain.sql'), sql);
    const eslint = new ESLint9({ cwd: dir, overrideConfigFile: true, overrideConfig: config as never });
    const [disabled, plain] = await eslint.lintFiles(['merge.sql', 'plain.sql']);
    const rules = (r: typeof disabled) => (r?.messages ?? []).map((m) => m.ruleId);
    expect(rules(plain)).toContain('phi/schema-identifier');
    expect(rules(disabled).filter((id) => id === 'phi/schema-identifier').length).toBe(rules(plain).filter((id) => id === 'phi/schema-identifier').length - 1);
    expect(disabled?.suppressedMessages.map((m) => m.ruleId)).toEqual(['phi/schema-identifier']);
  });
});
