/**
 * The ESLint plugin: `import phi from "phi-scan/eslint"`. The rules run the CLI's engine on each
 * file (TypeScript, JavaScript, SQL, Prisma), so the editor and `npx phi-scan` agree.
 *
 *   export default [...phi.configs.recommended];
 */
import type { ESLint, Linter } from 'eslint';
import { loadSqlParser } from '../extract/sql/index.js';
import { recommendedConfigs } from './configs.js';
import { PHI_LANGUAGES } from './language/text-language.js';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta.js';
import { eslintRules, type PhiRuleModule } from './rules.js';

// ESLint rules are synchronous: the PostgreSQL parser (WebAssembly) is loaded once, here.
await loadSqlParser();

export interface PhiPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, PhiRuleModule<object>>;
  languages: typeof PHI_LANGUAGES;
  configs: { recommended: Linter.Config[] };
}

const plugin: PhiPlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules: eslintRules,
  languages: PHI_LANGUAGES,
  configs: { recommended: [] },
};
// typescript-eslint's rule types and ESLint's differ in detail; at run time they are the same objects.
plugin.configs.recommended = recommendedConfigs(plugin as unknown as ESLint.Plugin);

export default plugin;
export { eslintRuleOf, cliOnlyRuleIds } from './rules.js';
export { sqlLanguage, prismaLanguage } from './language/text-language.js';
