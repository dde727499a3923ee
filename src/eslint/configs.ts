/**
 * `configs.recommended`: one named, `files`-scoped config object per language, each enabling
 * every phi rule at the CLI's default severity. Works spread into a config array, with
 * `defineConfig`, and with `extends: [phi.configs.recommended]`.
 */
import type { ESLint, Linter } from 'eslint';
import { rules as registry } from '../../rules/index.js';
import { NAMESPACE } from './meta.js';

export const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
export const SQL_FILES = ['**/*.sql', '**/*.psql', '**/*.pgsql'];
export const PRISMA_FILES = ['**/*.prisma'];
export const POSTGRESQL_CONF_FILES = ['**/postgresql.conf', '**/postgresql.auto.conf'];

/** Every file-scoped rule at the CLI's default severity. */
export function recommendedRules(): Linter.RulesRecord {
  return Object.fromEntries(
    registry.filter((rule) => rule.scope === 'file').map((rule) => [rule.id, rule.meta.severity === 'error' ? 'error' : 'warn']),
  );
}

export function recommendedConfigs(plugin: ESLint.Plugin): Linter.Config[] {
  const plugins = { [NAMESPACE]: plugin };
  const rules = recommendedRules();
  return [
    { name: `${NAMESPACE}/recommended/js`, files: JS_FILES, plugins, rules },
    { name: `${NAMESPACE}/recommended/sql`, files: SQL_FILES, plugins, language: `${NAMESPACE}/sql`, rules },
    { name: `${NAMESPACE}/recommended/prisma`, files: PRISMA_FILES, plugins, language: `${NAMESPACE}/prisma`, rules },
    { name: `${NAMESPACE}/recommended/postgresql-conf`, files: POSTGRESQL_CONF_FILES, plugins, language: `${NAMESPACE}/postgresql-conf`, rules },
  ];
}
