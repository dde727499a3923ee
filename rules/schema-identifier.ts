import { factsOf, type SchemaNameFact } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import { maskSpans } from '../src/classify/mask.js';
import type { ValueMatch } from '../src/classify/types.js';

/** PHI values inside database object names. Definitions first; a reference only when its definition is elsewhere. */
export default defineRule({
  id: 'phi/schema-identifier',
  scope: 'file',
  meta: {
    description: 'A PHI value (a name, MRN, date of birth, record key) inside a database object name.',
    severity: 'error',
    messages: {
      defined:
        'The {{kind}} name "{{name}}" contains a {{category}} value. Object names end up in catalogs, logs, dumps and error messages: rename it to a generic name and keep the value in a row.',
      referenced:
        'This statement refers to the {{kind}} "{{name}}", whose name contains a {{category}} value. Rename the object to a generic name and keep the value in a row.',
    },
    schema: {},
    defaultOptions: {},
    docs: { description: 'PHI values in table, column, index, constraint, policy, role and other object names', tags: ['hipaa', 'metadata'], securitySeverity: 7.5 },
    help: 'Rename the object to a generic name (`intake_restore_2024_08`) and keep the identifying value in a data row.',
  },
  check({ facts, classifier, report }) {
    const names = factsOf(facts, 'schema-name');
    const emit = (fact: SchemaNameFact, matches: readonly ValueMatch[], messageId: 'defined' | 'referenced'): void => {
      const best = [...matches].sort((a, b) => b.confidence - a.confidence)[0]!;
      const masked = maskSpans(fact.name, matches);
      report({
        messageId,
        data: { kind: fact.objectKind.replace('-', ' '), name: masked, category: best.category },
        span: fact.span,
        category: best.category,
        evidence: masked,
        context: `${fact.objectKind}:${masked}`,
      });
    };
    // A reference is reported only when its definition is elsewhere, and once per name. Only the
    // referenced names are collected (a file defines many more names than it refers to).
    const references = names.filter((fact) => !fact.defines);
    const referenced = new Set(references.map((fact) => fact.name.toLowerCase()));
    const judged = new Set<string>();
    for (const fact of names) {
      if (!fact.defines) continue;
      if (referenced.size > 0) {
        const lower = fact.name.toLowerCase();
        if (referenced.has(lower)) judged.add(lower);
      }
      const matches = classifier.findValuesInIdentifier(fact.name);
      if (matches.length === 0) continue;
      emit(fact, matches, 'defined');
    }
    for (const fact of references) {
      const lower = fact.name.toLowerCase();
      if (judged.has(lower)) continue;
      const matches = classifier.findValuesInIdentifier(fact.name);
      if (matches.length === 0) continue;
      emit(fact, matches, 'referenced');
      judged.add(lower);
    }
  },
});
