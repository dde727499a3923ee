import { factsOf } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import { clip } from '../src/classify/mask.js';
import { sinkFinding } from '../src/classify/evidence.js';

/** SQL object names and schema comments built at run time from PHI-bearing values. */
export default defineRule({
  id: 'phi/dynamic-identifier',
  scope: 'file',
  meta: {
    description: 'SQL object names or schema comments built at run time from PHI-bearing values.',
    severity: 'error',
    messages: {
      'object-name':
        'A database object name is built at run time from {{what}}: every such name lands in the catalog, in logs and in backups. Name objects by an opaque id, or keep one table with a key column.',
      comment:
        'A schema comment is built at run time from {{what}}: schema descriptions are metadata, readable by every role. Keep the details in rows.',
    },
    schema: {},
    defaultOptions: {},
    docs: { description: 'Object names and schema comments built from PHI at run time', tags: ['hipaa', 'metadata', 'sql'], securitySeverity: 7.0 },
    help: 'Keep one table (or schema) and store the patient key in a column; if per-record objects are unavoidable, name them by an opaque id.',
  },
  check({ facts, classifier, report }) {
    for (const fact of factsOf(facts, 'dynamic-identifier')) {
      const found = sinkFinding(fact.evidence, classifier, { context: 'identifier' });
      if (!found) continue;
      report({
        messageId: fact.what,
        data: { what: found.what },
        span: found.span,
        category: found.category,
        evidence: clip(found.evidence),
        context: `${fact.what}\0${found.evidence}`,
      });
    }
  },
});
