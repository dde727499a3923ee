/** With typescript-eslint's projectService, a value whose type holds PHI fields is judged by its type. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import phi from '../../src/eslint/index.js';

const dir = mkdtempSync(join(tmpdir(), 'phi-typed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'src'));
writeFileSync(join(dir, 'package.json'), '{ "name": "typed-project", "private": true }\n');
writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext' }, include: ['src'] }));
writeFileSync(
  join(dir, 'src/intake.ts'),
  [
    'interface Patient { id: string; dateOfBirth: string; ssn: string }',
    'interface Invoice { id: string; total: number }',
    'export function intake(record: Patient, bill: Invoice) {',
    "  console.log('intake', record);",
    "  console.log('billing', bill);",
    '}',
    '',
  ].join('\n'),
);

async function lintIntake(parserOptions: Linter.ParserOptions) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions } }, ...phi.configs.recommended],
  });
  const [result] = await eslint.lintFiles(['src/intake.ts']);
  return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
}

describe('type-aware analysis', () => {
  it('without type information, a neutrally named variable is not evidence', async () => {
    expect(await lintIntake({})).toEqual([]);
  });

  it('with projectService, logging a value typed as a PHI record is reported; a record without PHI fields is not', async () => {
    expect(await lintIntake({ projectService: true, tsconfigRootDir: dir })).toEqual(['4:25 phi/log']);
  });
});
