import { factsOf, type LiteralFact } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import type { PhiCategory } from '../src/core/types.js';
import { clip, mask } from '../src/classify/mask.js';
import type { Classifier } from '../src/classify/types.js';

/** Categories that identify a person on their own when the value is real (validated by the classifier). */
const SELF_IDENTIFYING = new Set<PhiCategory>(['ssn', 'mrn', 'health-plan-id']);
/** Identifiers that, next to a person's name in the same row, make the row realistic PHI. */
const COMPANIONS = new Set<PhiCategory>(['date', 'phone', 'fax', 'email', 'address', 'ssn', 'mrn', 'health-plan-id', 'account-number', 'license-number', 'device-id', 'diagnosis', 'condition', 'medication']);
/** Organisation words: a bare `name` next to an address is often the sender's own business. */
const ORGANISATION = /\b(?:rx|inc|llc|ltd|corp|co|company|pharmacy|clinic|health|healthcare|labs?|laboratory|hospital|center|centre|group|medical|services?|partners|associates)\b\.?$/i;
/** Digit runs that are sequences or repeats (`12345678`, `00000001`), not issued record numbers. */
const TRIVIAL_NUMBER = /^(?:0*1?|(\d)\1+|0*12345\d*|9876\d*)$/;

/** Values that are plainly fake, whatever column they sit in. */
const PLACEHOLDER_VALUE = /^(?:john|jane|doe|test\w*|example\w*|foo|bar|baz|demo\w*|sample\w*|patient\s*\d*|user\s*\d*|x+|n\/a|tbd|none|null|unknown|1900-01-01|1970-01-01|2000-01-01)$/i;

/** What a value says about a field whose name is PHI-bearing (`first_name` = 'Orla'). */
const FIELD_VALUE_SHAPES: Partial<Record<PhiCategory, RegExp>> = {
  name: /^\p{L}[\p{L}'.\- ]{1,60}$/u,
  date: /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{8})(?:[ T].*)?$/,
  phone: /^[+()\d][\d ().\-]{8,}$/,
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  address: /^\d+\s+\p{L}/u,
  ssn: /^\d{3}-?\d{2}-?\d{4}$/,
  mrn: /^[A-Z]{0,4}-?\d{5,}$/i,
  'health-plan-id': /^[A-Z0-9-]{6,}$/i,
  diagnosis: /^[A-TV-Z]\d{2}(?:\.\w{1,4})?$/,
};

interface Signal {
  category: PhiCategory;
  literal: LiteralFact;
  /** Validated on its own by the value detectors (not only inferred from the column name). */
  validated: boolean;
}

function signalsOf(literal: LiteralFact, classifier: Classifier): Signal[] {
  const signals: Signal[] = [];
  if (PLACEHOLDER_VALUE.test(literal.text.trim())) return signals;
  for (const m of classifier.findValues(literal.text, { context: 'literal' })) {
    if (!m.placeholder) signals.push({ category: m.category, literal, validated: true });
  }
  if (literal.field) {
    const field = classifier.classifyName(literal.field);
    const best = field.best;
    const shape = best ? FIELD_VALUE_SHAPES[best.category] : undefined;
    const value = literal.text.trim();
    if (best && shape && !field.opaqueId && !field.sanitized && !field.aggregate && best.strength !== 'provider' && shape.test(value)) {
      const organisation = best.category === 'name' && best.term === 'name' && ORGANISATION.test(value);
      // A record number compared with or stored in an mrn/ssn column is that person's identifier.
      const recordKey = (best.category === 'mrn' || best.category === 'ssn') && !TRIVIAL_NUMBER.test(value.replace(/\D/g, ''));
      if (!organisation) signals.push({ category: best.category, literal, validated: recordKey });
    }
  }
  return signals;
}

/** Realistic PHI committed as literals (seeds, migrations, source), judged row by row. */
export default defineRule({
  id: 'phi/literal',
  scope: 'file',
  meta: {
    description: 'Realistic PHI values committed as literals in migrations, seeds or source, outside test fixtures.',
    severity: 'warning',
    messages: {
      row: 'These literals look like a real person\'s record ({{categories}}: {{evidence}}). Committed data spreads to every clone and backup of the repository: use obviously fake values (John Doe, 123-45-6789, 555-0100) or generate them at run time.',
    },
    schema: {},
    defaultOptions: {},
    docs: { description: 'Realistic names with dates of birth, SSNs and MRNs committed as literals', tags: ['hipaa', 'source'], securitySeverity: 5.0 },
    help: 'Replace the values with documentation placeholders or a faker seeded at run time; keep real records in the database.',
  },
  check({ file, facts, classifier, report }) {
    if (file?.isTest) return;
    const groups = new Map<string, LiteralFact[]>();
    for (const literal of factsOf(facts, 'literal')) {
      const key = literal.group ?? `line:${literal.span.line}`;
      const list = groups.get(key);
      if (list) list.push(literal);
      else groups.set(key, [literal]);
    }
    for (const literals of groups.values()) {
      const signals = literals.flatMap((l) => signalsOf(l, classifier));
      const realistic =
        signals.some((s) => s.validated && SELF_IDENTIFYING.has(s.category)) ||
        (signals.some((s) => s.category === 'name') && signals.some((s) => s.category !== 'name' && COMPANIONS.has(s.category)));
      if (!realistic) continue;
      const contributing = signals.filter((s) => s.category === 'name' || COMPANIONS.has(s.category));
      const first = [...contributing].sort((a, b) => a.literal.span.line - b.literal.span.line || a.literal.span.column - b.literal.span.column)[0]!;
      const categories = [...new Set(contributing.map((s) => s.category))];
      const evidence = clip([...new Set(contributing.map((s) => mask(s.literal.text)))].join(', '));
      report({
        messageId: 'row',
        data: { categories: categories.join(', '), evidence },
        span: first.literal.span,
        category: categories.includes('name') ? 'name' : first.category,
        evidence,
        context: evidence,
      });
    }
  },
});
