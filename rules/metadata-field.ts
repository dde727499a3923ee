import { factsOf } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import { clip } from '../src/classify/mask.js';
import { sinkFinding } from '../src/classify/evidence.js';

interface Options {
  tickets: boolean;
  minConfidence: number;
}

/** PHI in third-party and infrastructure metadata: keys, headers, URLs, tags, payment metadata. */
export default defineRule<Options>({
  id: 'phi/metadata-field',
  scope: 'file',
  meta: {
    description:
      'A PHI value or PHI-bearing field put into third-party or infrastructure metadata: payment metadata, object keys and metadata, HTTP headers, URLs, cache and queue keys, resource names and tags.',
    severity: 'error',
    messages: {
      metadata:
        '{{sink}} is built from {{what}}. Metadata like this is logged, indexed and replicated by the provider outside the PHI boundary: use an opaque id instead.',
      ticket:
        '{{sink}} of a helpdesk ticket or issue is built from {{what}}. Ticket fields are read and indexed by the helpdesk vendor: link the record by an opaque id instead.',
    },
    schema: {
      tickets: { type: 'boolean', description: 'Also check ticket and issue payloads sent to helpdesk and issue-tracker APIs.' },
      minConfidence: { type: 'number', description: 'Minimum confidence (0..1) of a PHI value found in literal text.', min: 0 },
    },
    defaultOptions: { tickets: true, minConfidence: 0.5 },
    docs: { description: 'PHI in third-party and infrastructure metadata', tags: ['hipaa', 'metadata', 'security'], securitySeverity: 7.5 },
    help: 'Build keys, URLs, headers, tags and payment metadata from opaque ids (patientId, claimId); look the details up server-side from the id.',
  },
  check({ facts, classifier, options, report }) {
    for (const fact of factsOf(facts, 'sink-call')) {
      if (fact.sink !== 'metadata' && !(options.tickets && fact.sink === 'ticket')) continue;
      const found = sinkFinding(fact.evidence, classifier, {
        context: fact.sink === 'ticket' ? 'ticket' : 'metadata',
        minConfidence: options.minConfidence,
      });
      if (!found) continue;
      report({
        messageId: fact.sink === 'ticket' ? 'ticket' : 'metadata',
        data: { sink: fact.callee, what: found.what },
        span: found.span,
        category: found.category,
        evidence: clip(found.evidence),
        context: `${fact.callee}\0${found.evidence}`,
      });
    }
  },
});
