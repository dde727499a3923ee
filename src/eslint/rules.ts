/**
 * The ESLint rules: one per file-scoped registry rule, with the CLI's id, messages, options and
 * docs page. Project-level rules (session timeout, BAA services) stay CLI/Action-only: they
 * judge the whole project, which a per-file linter never sees.
 */
import { RuleCreator, type RuleModule } from '@typescript-eslint/utils/eslint-utils';
import { rules as registry } from '../../rules/index.js';
import type { Rule } from '../core/rule.js';
import type { Span } from '../core/types.js';
import { analysisOf, type LintTarget } from './file-analysis.js';
import { PHI_LANGUAGES, ROOT_NODE_TYPE } from './language/text-language.js';
import { NAMESPACE, ruleDocsUrl } from './meta.js';
import { optionsSchema } from './options-schema.js';
import { runRule } from './run-rule.js';

export interface PhiRuleDocs {
  /** Part of `configs.recommended`, at the rule's default severity. */
  recommended: true;
  /** The severity the CLI gives the rule by default. */
  defaultSeverity: 'error' | 'warning';
}

const createRule = RuleCreator<PhiRuleDocs>(ruleDocsUrl);

/** Languages the rules run on, as ESLint (10.2+) checks them; `phi` is the plugin's namespace. */
const RULE_LANGUAGES = ['js/js', ...Object.keys(PHI_LANGUAGES).map((name) => `${NAMESPACE}/${name}`)];

/** ESLint locations: 1-based lines, 0-based columns (the engine's columns are 1-based). */
function locOf(span: Span) {
  return {
    start: { line: span.line, column: Math.max(0, span.column - 1) },
    end: { line: span.endLine, column: Math.max(0, span.endColumn - 1) },
  };
}

export type PhiRuleModule<Options extends object> = RuleModule<string, [Partial<Options>?], PhiRuleDocs>;

export function eslintRuleOf<Options extends object>(rule: Rule<Options>): PhiRuleModule<Options> {
  const name = rule.id.slice(rule.id.indexOf('/') + 1);
  const hasOptions = Object.keys(rule.meta.schema).length > 0;
  const create: PhiRuleModule<Options>['create'] = (context) => {
    const check = () => {
      const analysis = analysisOf(context as unknown as LintTarget);
      if (!analysis) return;
      const options = { ...(rule.meta.defaultOptions as Record<string, unknown>), ...(context.options[0] ?? {}) };
      for (const report of runRule(rule, options, analysis)) {
        context.report({ loc: locOf(report.span), messageId: report.messageId, data: report.data });
      }
    };
    // `Program` is the root of JS/TS; the SQL and Prisma languages' root is `ROOT_NODE_TYPE`.
    return { Program: check, [ROOT_NODE_TYPE]: check };
  };
  const module = createRule<[Partial<Options>?], string>({
    name,
    meta: {
      type: 'problem',
      docs: { description: rule.meta.description, recommended: true, defaultSeverity: rule.meta.severity },
      messages: rule.meta.messages,
      schema: optionsSchema(rule.meta.schema),
      ...(hasOptions ? { defaultOptions: [rule.meta.defaultOptions] } : {}),
      languages: RULE_LANGUAGES,
    },
    create,
  });
  // RuleCreator's `create` merges the defaults into the options with a structuredClone on every
  // file; `create` above merges them itself (as ESLint 9.15+ does with meta.defaultOptions).
  return { ...module, create };
}

/** Every file-scoped registry rule, by its name without the `phi/` prefix. */
export const eslintRules: Record<string, PhiRuleModule<object>> = Object.fromEntries(
  registry.filter((rule) => rule.scope === 'file').map((rule) => [rule.id.slice(rule.id.indexOf('/') + 1), eslintRuleOf(rule)]),
);

/** Project-level registry rules the plugin leaves to the CLI and the Action. */
export const cliOnlyRuleIds: readonly string[] = registry.filter((rule) => rule.scope === 'project').map((rule) => rule.id);
