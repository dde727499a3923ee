import { factsOf } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import { findKnownNames, KnownNames } from '../src/classify/known-names.js';
import { maskedExcerpt } from '../src/classify/mask.js';

/** PHI values inside schema descriptions: COMMENT ON, Prisma `///`, ORM column comments. */
export default defineRule({
  id: 'phi/schema-comment',
  scope: 'file',
  meta: {
    description: 'A PHI value inside a schema description (COMMENT ON, Prisma ///, ORM column comments).',
    severity: 'error',
    messages: {
      value:
        'This {{kind}} description contains {{categories}} ("{{evidence}}"). Schema comments are metadata that catalogs, dumps and tools copy everywhere: describe the column in general terms and keep the example values out.',
    },
    schema: {},
    defaultOptions: {},
    docs: { description: 'PHI values in COMMENT ON and ORM schema comments', tags: ['hipaa', 'metadata'], securitySeverity: 7.5 },
    help: 'Describe what the object holds in general terms; never quote a real patient, MRN or date as an example.',
  },
  check({ facts, classifier, report }) {
    const comments = factsOf(facts, 'schema-comment');
    const known = new KnownNames(facts, classifier);
    for (const fact of comments) {
      const found = classifier.findValues(fact.text, { context: 'schema-comment' }).filter((m) => !m.placeholder);
      const matches = found.length ? found : findKnownNames(fact.text, known, classifier);
      if (matches.length === 0) continue;
      const categories = [...new Set(matches.map((m) => m.category))];
      const evidence = maskedExcerpt(fact.text, matches);
      report({
        messageId: 'value',
        data: { kind: fact.objectKind.replace('-', ' '), categories: categories.join(', '), evidence },
        span: fact.span,
        category: matches.sort((a, b) => b.confidence - a.confidence)[0]!.category,
        evidence,
        context: `${fact.objectKind}:${fact.target}:${evidence}`,
      });
    }
  },
});
