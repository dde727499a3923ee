/** Shared by the ESLint tests: the real ESLint class with the plugin's recommended config. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import phi from '../../src/eslint/index.js';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const fixturesRoot = join(repoRoot, 'fixtures');

/** The file kinds the plugin lints; the others (templates, YAML, JSON, ...) are CLI-only. */
export const ESLINT_KINDS: ReadonlySet<string> = new Set(['typescript', 'sql', 'prisma', 'postgresql-conf']);

/** TypeScript through typescript-eslint's parser; JavaScript stays on ESLint's own espree. */
export const typescriptParser: Linter.Config = {
  files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
  languageOptions: { parser: tseslint.parser as Linter.Parser },
};

export function eslintFor(cwd: string, extra: Linter.Config[] = []): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, errorOnUnmatchedPattern: false, overrideConfig: [typescriptParser, ...phi.configs.recommended, ...extra] });
}

export interface Located {
  path: string;
  line: number;
  column: number;
  ruleId: string;
}

export const key = (f: Located) => `${f.path}:${f.line}:${f.column} ${f.ruleId}`;

const toPosix = (p: string) => p.split(sep).join('/');

export function eslintFindings(results: readonly ESLint.LintResult[], cwd: string): Located[] {
  return results.flatMap((result) =>
    result.messages.map((m) => {
      if (m.fatal) throw new Error(`${result.filePath}: ${m.message}`);
      return { path: toPosix(relative(cwd, result.filePath)), line: m.line, column: m.column, ruleId: m.ruleId ?? '' };
    }),
  );
}

/** Folders of fixtures/ that hold one project per subfolder. */
const GROUPS = new Set(['rules', 'projects', 'pending']);

/** Every fixture project: each folder directly under fixtures/, or under one of its groups. */
export function fixtureProjects(): string[] {
  const isDir = (path: string) => statSync(path).isDirectory();
  return readdirSync(fixturesRoot)
    .flatMap((name) => (GROUPS.has(name) ? readdirSync(join(fixturesRoot, name)).map((n) => join(name, n)) : [name]))
    .map((name) => join(fixturesRoot, name))
    .filter(isDir);
}
