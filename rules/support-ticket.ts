import type { Classifier } from '../src/classify/types.js';
import { clip, mask, maskSpans } from '../src/classify/mask.js';
import { factsOf, type TemplateFieldFact } from '../src/core/facts.js';
import { defineRule, type ReportDescriptor } from '../src/core/rule.js';
import type { PhiCategory } from '../src/core/types.js';
import { asksOf, measurementContext, unique, type Ask, type AskContext } from './support-ticket/asks.js';
import { hasNotice, nounPhrases, sentencesOf } from './support-ticket/passages.js';

interface Options {
  requireNotice: boolean;
}

const HEALTH: ReadonlySet<PhiCategory> = new Set(['diagnosis', 'condition', 'medication', 'procedure', 'lab-result', 'allergy', 'vital-sign', 'mental-health', 'substance-use', 'sexual-health', 'genetic', 'reproductive', 'clinical-note', 'insurance-claim']);
const FIELD_ROLES = new Set(['label', 'id', 'placeholder']);
const PASSAGE_ROLES = new Set(['text', 'description', 'value', 'subject']);
/** A placeholder that shows a format or an example, not a question: `MM/DD/YYYY`, `e.g. 104233`. */
const EXAMPLE_PLACEHOLDER = /^\s*(?:e\.?g\.?|ex(?:ample)?\b|#|\d)|\d{2}|\b(?:mm|dd|yyyy)\b/i;
const LABEL_LIKE = /^[^.?!]{1,80}:\s*$/;

function instead(category: PhiCategory): string {
  if (category === 'lab-result' || category === 'vital-sign') return 'ask for the order or accession number, or a link to the result in the EHR, instead of the values';
  if (HEALTH.has(category)) return 'ask for a link to the record (or its internal id) instead of the clinical details';
  return 'ask for the internal patient id or a link to the record instead';
}

function describe(asks: readonly Ask[]): string {
  return asks.map((a) => `${a.term} (${a.category})`).join(', ');
}

/** Masks any PHI value in a label or question before it goes into a message. */
function safe(text: string, classifier: Classifier): string {
  return clip(maskSpans(text, classifier.findValues(text, { context: 'ticket' })), 60);
}

/** Literal PHI values in template text; a health term alone is a topic, not a value about a person. */
function literalValues(fact: TemplateFieldFact, classifier: Classifier) {
  const matches = classifier.findValues(fact.text, { context: 'ticket' });
  const identifiers = matches.filter((m) => m.detector !== 'health-term');
  return identifiers.length > 0 ? matches : [];
}

export default defineRule<Options>({
  id: 'phi/support-ticket',
  scope: 'file',
  meta: {
    description: 'A support-ticket template (issue form, helpdesk macro, support e-mail) that asks for PHI or interpolates PHI-bearing fields.',
    severity: 'error',
    messages: {
      asks: '{{where}} asks the reporter for {{what}}. Support tickets must not collect PHI: {{instead}}.',
      interpolates: 'Placeholder {{path}} puts {{what}} into a support ticket. Reference the record instead: {{instead}}.',
      value: '{{where}} contains a {{what}} value ({{value}}) that is copied into every ticket; replace it with a neutral example.',
      missingNotice: 'Free-text field {{where}} has no notice telling reporters not to include PHI; add a description such as "Do not include patient names, dates of birth or health details".',
    },
    schema: {
      requireNotice: { type: 'boolean', description: 'Also report free-text fields (textarea) that carry no "do not include PHI" notice.' },
    },
    defaultOptions: { requireNotice: false },
    docs: { description: 'Support-ticket templates that ask for or fill in PHI', tags: ['security', 'hipaa', 'tickets'], securitySeverity: 7.5 },
    help: 'Ask reporters for an internal record id or a link to the record, never for names, dates of birth, member ids or clinical details; and never interpolate PHI-bearing fields into tickets.',
  },
  check({ facts, classifier, options, report }) {
    const fields = factsOf(facts, 'template-field').filter((f) => f.ticket === true);
    if (fields.length === 0) return;
    const reported = new Set<string>();
    const emit = (d: ReportDescriptor) => {
      const key = `${d.span.line}:${d.messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      report(d);
    };

    const formTexts = fields.filter((f) => f.group === 'form' || f.role === 'label').map((f) => f.text);
    const formMeasurement = measurementContext(formTexts);
    const formNotice = hasNotice(fields.filter((f) => !FIELD_ROLES.has(f.role) && (f.input === 'markdown' || f.group === 'form' || f.group === 'body')).map((f) => f.text));

    const groups = new Map<string, TemplateFieldFact[]>();
    for (const f of fields) {
      if (f.role === 'interpolation') continue;
      const key = f.group ?? `line:${f.span.line}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const group of groups.values()) group.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);

    for (const f of fields.filter((x) => x.role === 'interpolation')) {
      const asks = asksOf(f.text, classifier);
      const first = asks[0];
      if (!first) continue;
      emit({
        messageId: 'interpolates',
        data: { path: f.text, what: describe(asks), instead: instead(first.category) },
        span: f.span,
        category: first.category,
        evidence: f.text,
        context: `interpolation:${f.text}`,
      });
    }

    for (const group of groups.values()) {
      const isField = group.some((f) => FIELD_ROLES.has(f.role));
      if (isField) checkField(group);
      else checkPassage(group);
    }

    function checkField(group: TemplateFieldFact[]): void {
      const label = group.find((f) => f.role === 'label');
      const patientNearby = group.some((f) => f.role !== 'value' && classifier.classifyName(f.text.replace(/\([^()]*\)/g, ' ')).patientWord);
      const context: AskContext = { patientNearby, measurementCategory: formMeasurement ?? measurementContext(group.map((f) => f.text)) };
      const asks: Ask[] = [];
      let hit: TemplateFieldFact | undefined;
      for (const f of group) {
        let found: Ask[] = [];
        if (f.role === 'label' || (f.role === 'value' && LABEL_LIKE.test(f.text))) found = asksOf(f.text, classifier, { ...context, freeText: true });
        else if (f.role === 'id') found = asksOf(f.text, classifier, { patientNearby });
        else if (f.role === 'placeholder' && !EXAMPLE_PLACEHOLDER.test(f.text)) found = asksOf(f.text, classifier, { ...context, freeText: true });
        else if (PASSAGE_ROLES.has(f.role)) found = passageAsks([f], context).flatMap((p) => p.asks);
        if (found.length > 0) {
          asks.push(...found);
          hit ??= f;
        }
      }
      const where = label ? `Field "${safe(label.text, classifier)}"` : hit ? `Field "${safe(hit.text, classifier)}"` : 'A field';
      const first = unique(asks)[0];
      if (first) {
        const at = label ?? hit ?? group[0];
        if (at) {
          emit({
            messageId: 'asks',
            data: { where, what: describe(unique(asks)), instead: instead(first.category) },
            span: at.span,
            category: first.category,
            evidence: clip(mask(at.text), 60),
            context: `field:${at.text}`,
          });
        }
      }
      for (const f of group) if (f.role !== 'id') checkValues(f, where);
      if (options.requireNotice && !first && label && group.some((f) => f.input === 'textarea') && !formNotice && !hasNotice(group.map((f) => f.text))) {
        emit({ messageId: 'missingNotice', data: { where: `"${safe(label.text, classifier)}"` }, span: label.span, category: 'clinical-note', evidence: clip(label.text, 60), context: `notice:${label.text}` });
      }
    }

    function passageAsks(group: readonly TemplateFieldFact[], context: AskContext): { fact: TemplateFieldFact; asks: Ask[] }[] {
      const measurement = context.measurementCategory ?? measurementContext(group.map((f) => f.text));
      const out: { fact: TemplateFieldFact; asks: Ask[] }[] = [];
      for (const s of sentencesOf(group)) {
        if (!s.request) continue;
        const phraseContext: AskContext = { ...context, measurementCategory: measurement, freeText: true };
        // compromise finds the noun phrases; whole-sentence compounds catch what it tags as verbs ("lab results").
        const asks = unique([
          ...nounPhrases(s.text).flatMap((phrase) => asksOf(phrase, classifier, phraseContext)),
          ...asksOf(s.text, classifier, { ...phraseContext, compoundsOnly: true }),
        ]);
        if (asks.length > 0) out.push({ fact: s.fact, asks });
      }
      return out;
    }

    function checkPassage(group: TemplateFieldFact[]): void {
      const byFact = new Map<TemplateFieldFact, Ask[]>();
      // A form's own name and description tell reporters which form to pick; they ask nothing.
      const asked = group[0]?.group === 'form' ? [] : passageAsks(group, {});
      for (const { fact, asks } of asked) byFact.set(fact, [...(byFact.get(fact) ?? []), ...asks]);
      for (const [fact, list] of byFact) {
        const asks = unique(list);
        const first = asks[0];
        if (!first) continue;
        emit({
          messageId: 'asks',
          data: { where: `The ${fact.template} text "${safe(fact.text, classifier)}"`, what: describe(asks), instead: instead(first.category) },
          span: fact.span,
          category: first.category,
          evidence: clip(maskSpans(fact.text, classifier.findValues(fact.text, { context: 'ticket' })), 60),
          context: `text:${asks.map((a) => a.category).join(',')}:${fact.text.slice(0, 40)}`,
        });
      }
      for (const f of group) checkValues(f, `The ${f.template} text`);
    }

    function checkValues(fact: TemplateFieldFact, where: string): void {
      for (const m of literalValues(fact, classifier)) {
        if (m.detector === 'health-term') continue;
        emit({
          messageId: 'value',
          data: { where, what: m.category, value: mask(m.text) },
          span: fact.span,
          category: m.category,
          evidence: mask(m.text),
          context: `value:${mask(m.text)}`,
        });
      }
    }
  },
});
