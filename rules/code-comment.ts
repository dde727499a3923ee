import { factsOf } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import { spanInText } from '../src/core/text.js';
import { maskedExcerpt } from '../src/classify/mask.js';
import type { ValueMatch } from '../src/classify/types.js';

/** Lines that credit an author or reviewer: a staff name there is attribution, not PHI. */
const ATTRIBUTION = /(?:@author\b|\b(?:author|authored by|maintainer|maintained by|owner|reviewed by|reviewer|approved by|signed-off-by|co-authored-by|contact)\s*[:=-])/i;

function onAttributionLine(text: string, match: ValueMatch): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', match.start - 1), text.lastIndexOf('\r', match.start - 1)) + 1;
  return ATTRIBUTION.test(text.slice(lineStart, match.start));
}

/** PHI values in comments of any language: SQL `--`, JS `//`, template comments. */
export default defineRule({
  id: 'phi/code-comment',
  scope: 'file',
  meta: {
    description: 'A PHI value inside a source, migration or template comment.',
    severity: 'warning',
    messages: {
      value:
        'This comment contains {{categories}} ("{{evidence}}"). Comments are copied into every clone, review and log of the repository: refer to the ticket or an opaque record id instead.',
    },
    schema: {},
    defaultOptions: {},
    docs: { description: 'PHI values in code and migration comments', tags: ['hipaa', 'source'], securitySeverity: 5.0 },
    help: 'Replace the patient details with a ticket number or an opaque id; move the history to the access-controlled system it came from.',
  },
  check({ facts, classifier, report }) {
    for (const fact of factsOf(facts, 'code-comment')) {
      const matches = classifier
        .findValues(fact.text, { context: 'comment' })
        .filter((m) => !m.placeholder && !(m.category === 'name' && onAttributionLine(fact.text, m)));
      if (matches.length === 0) continue;
      const first = [...matches].sort((a, b) => a.start - b.start)[0]!;
      const categories = [...new Set(matches.map((m) => m.category))];
      const evidence = maskedExcerpt(fact.text, matches);
      report({
        messageId: 'value',
        data: { categories: categories.join(', '), evidence },
        span: spanInText(fact.span, fact.text, first.start, first.end),
        category: first.category,
        evidence,
        context: evidence,
      });
    }
  },
});
