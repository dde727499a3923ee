import { defineRule } from '../src/core/rule.js';
import { LineIndex } from '../src/core/text.js';

/** Every Neon project that may hold PHI must be created (or switched) with `settings.hipaa: true`. */
export default defineRule({
  id: 'phi/hipaa-project-setting',
  scope: 'project',
  meta: {
    description: 'A Neon project created or updated through the API, CLI or infrastructure code without the HIPAA setting, or with a misspelled key.',
    severity: 'error',
    categories: ['hipaa-setting'],
    messages: {
      missing: 'This Neon project is created through {{via}} without settings.hipaa: true, so it is not a HIPAA project.',
      disabled: 'This Neon project is {{action}}d through {{via}} with hipaa set to false.',
      misspelled: '"{{key}}" is a misspelling of "hipaa": Neon ignores it, so HIPAA stays off for this project. Use settings.hipaa: true.',
      updateMissing: 'This Neon project is updated through {{via}} without settings.hipaa: true; if it holds PHI, turn HIPAA on (it cannot be turned off again).',
    },
    schema: {},
    defaultOptions: {},
    docs: { description: "Neon projects are created with Neon's HIPAA setting", tags: ['hipaa', 'neon'], securitySeverity: 7 },
    help: 'Send "settings": { "hipaa": true } in the project create request (API, @neondatabase/api-client, Terraform), or enable HIPAA on the project before any PHI is loaded.',
  },
  check({ files, report }) {
    for (const { file, facts } of files) {
      let lines: LineIndex | undefined;
      for (const fact of facts) {
        if (fact.kind !== 'project-request' || fact.hipaa === 'true') continue;
        const base = { path: file.path, span: fact.span, category: 'hipaa-setting' as const };
        if (fact.hipaa === 'misspelled') {
          lines ??= new LineIndex(file.text);
          const key = fact.key || keyAt(file.text, lines, fact.span) || 'hippa';
          report({ ...base, messageId: 'misspelled', data: { key }, evidence: `${fact.via}: ${key}`, context: `misspelled\0${fact.via}` });
        } else if (fact.hipaa === 'false') {
          report({ ...base, messageId: 'disabled', data: { action: fact.action, via: fact.via }, evidence: `${fact.via}: hipaa false`, context: `disabled\0${fact.via}` });
        } else if (fact.action === 'create') {
          report({ ...base, messageId: 'missing', data: { via: fact.via }, evidence: `${fact.via}: create without hipaa`, context: `missing\0${fact.via}` });
        } else {
          report({ ...base, messageId: 'updateMissing', data: { via: fact.via }, evidence: `${fact.via}: update without hipaa`, context: `update\0${fact.via}`, severity: 'warning' });
        }
      }
    }
  },
});

/** The misspelled key as written (`hippa`, `--hippa`), read back from the span. */
function keyAt(text: string, lines: LineIndex, span: { line: number; column: number; endLine: number; endColumn: number }): string {
  const start = lines.lineStart(span.line) + span.column - 1;
  const end = lines.lineStart(span.endLine) + span.endColumn - 1;
  const m = /[A-Za-z]+/.exec(text.slice(start, Math.min(end, start + 40)));
  return m?.[0] ?? '';
}
