import { factsOf } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import { clip } from '../src/classify/mask.js';
import { sinkFinding } from '../src/classify/evidence.js';

interface Options {
  minConfidence: number;
}

/** PHI in error messages and HTTP error bodies: they end up in error logs and trackers. */
export default defineRule<Options>({
  id: 'phi/error-message',
  scope: 'file',
  meta: {
    description: 'A PHI value or PHI-bearing field in an error message or HTTP error body, which ends up in error logs.',
    severity: 'error',
    messages: {
      error:
        '{{sink}} puts {{what}} into an error message. Error messages are logged, sent to error trackers and shown to clients: name the record by an opaque id instead.',
    },
    schema: {
      minConfidence: { type: 'number', description: 'Minimum confidence (0..1) of a PHI value found in message text.', min: 0 },
    },
    defaultOptions: { minConfidence: 0.5 },
    docs: { description: 'PHI in error messages and HTTP error bodies', tags: ['hipaa', 'errors', 'security'], securitySeverity: 7.0 },
    help: 'Say what went wrong and which record by its opaque id (`Patient ${patient.id} already booked`); keep names, dates of birth, member ids and drugs out of the message.',
  },
  check({ facts, classifier, options, report }) {
    for (const fact of factsOf(facts, 'sink-call')) {
      if (fact.sink !== 'error') continue;
      const found = sinkFinding(fact.evidence, classifier, { context: 'log', minConfidence: options.minConfidence });
      if (!found) continue;
      report({
        messageId: 'error',
        data: { sink: fact.callee, what: found.what },
        span: found.span,
        category: found.category,
        evidence: clip(found.evidence),
        context: `${fact.callee}\0${found.evidence}`,
      });
    }
  },
});
