import { factsOf } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';

/** Turns what extractors could not analyse into one visible finding per problem: nothing is skipped silently. */
export default defineRule({
  id: 'phi/parse-error',
  scope: 'file',
  meta: {
    description: 'A file phi-scan could not fully analyse; says what was still scanned.',
    severity: 'warning',
    categories: ['scanner'],
    messages: {
      partial: 'Could not fully analyse this file: {{problem}}. Still scanned: {{scanned}}.',
    },
    schema: {},
    defaultOptions: {},
    docs: { description: 'Files the scanner could not fully parse or read', tags: ['scanner'], securitySeverity: 0 },
    help: 'Check the reported part by hand, or fix the syntax so phi-scan can analyse the whole file. In SARIF this is a tool execution notification, not an alert.',
  },
  check({ facts, report }) {
    for (const problem of factsOf(facts, 'parse-problem')) {
      report({
        messageId: 'partial',
        data: { problem: problem.message, scanned: problem.stillScanned },
        span: problem.span,
        category: 'scanner',
        evidence: problem.message,
      });
    }
  },
});
